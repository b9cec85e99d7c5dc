"""区域比较 District comparison: one indicator ranked with rank changes, over the years, its spread, two years compared."""

import streamlit as st

from charts.compare import heatmap, quartile_dots, slope_chart
from etl.catalog import load_catalog
from ui.blocks import title_unit
from ui.data import run_query
from ui.fair import fair_ranking_ui, info_link, map_ui
from ui.i18n import t
from ui.setup import district_selector, metric_selector, page_setup, year_pair_selector
from ui.widgets import chart_ui, ranking_table

f = page_setup("page_compare")
if f is not None:
    highlight = district_selector(f.city)
    m = metric_selector(list(load_catalog().metrics))
    info_link(m)
    unit = m.unit_label(f.lang)
    name = m.short_name(f.lang)

    st.subheader(t("ranking_heading"))
    ranked = run_query("metric_by_district", city=f.city, year=f.year, metric=m.code)
    ranking_table(ranked, m, f.label_col, f"{m.code}_{f.year}_ranking")
    fair_ranking_ui(f, m, ranked)
    map_ui(f, m)

    trend = run_query("metric_trend", city=f.city, metric=m.code)
    shown = title_unit(m, trend["value"], f.lang)  # the unit the axes show (万元 for large amounts)
    picked = list(trend.loc[trend["district_code"].isin(highlight), f.label_col].unique())
    st.subheader(t("heatmap_heading"))
    fig = heatmap(
        trend,
        label_col=f.label_col,
        title=t("title_heatmap", metric=name, unit=shown),
        source=f.source_all,
        unit=m.unit,
        unit_label=unit,
        lang=f.lang,
        polarity=m.polarity,
    )
    chart_ui(fig, trend, f"{m.code}_heatmap", f.label_col)

    st.subheader(t("spread_heading"))
    fig = quartile_dots(
        ranked,
        label_col=f.label_col,
        title=t("title_box", year=f.year, metric=name, unit=shown),
        source=f.source,
        unit=m.unit,
        unit_label=unit,
        lang=f.lang,
        polarity=m.polarity,
        band_label=t("middle_half"),
        median_label=t("district_median"),
        highlight=picked,
    )
    chart_ui(fig, ranked, f"{m.code}_{f.year}_spread", f.label_col)

    st.subheader(t("slope_heading"))
    a, b = year_pair_selector(sorted(trend["year"].unique().tolist()), f.year)
    fig = slope_chart(
        trend,
        label_col=f.label_col,
        year_a=a,
        year_b=b,
        title=t("title_slope", metric=name, a=a, b=b, unit=shown),
        source=f.source_all,
        unit=m.unit,
        unit_label=unit,
        lang=f.lang,
        highlight=picked,
    )
    chart_ui(fig, trend[trend["year"].isin([a, b])], f"{m.code}_{a}_{b}", f.label_col)
