"""总览 Overview: the collective-contract signing rate by district for a year against its target, and its trend."""

import streamlit as st

from charts.bars import ranking_bar, trend_lines
from charts.theme import district_color
from etl.catalog import load_catalog
from ui.data import run_query
from ui.i18n import t
from ui.setup import page_setup, source_line
from ui.widgets import table_ui

HEADLINE = "contract_rate_collective"

filters = page_setup()
if filters is not None:
    cat = load_catalog()
    ind = cat.indicators[HEADLINE]
    name, unit = ind.name(filters.lang), ind.unit_label(filters.lang)
    label = "district_en" if filters.lang == "en" else "district_zh"
    st.title(t("page_overview"))
    source = source_line(filters.city)

    df = run_query("indicator_by_district", city=filters.city, year=filters.year, indicator=HEADLINE)
    meets = int(df["meets_target"].fillna(False).sum())
    with_target = int(df["meets_target"].notna().sum())
    st.metric(t("rate_by_district", year=filters.year, indicator=name), t("meets_count", n=meets, total=with_target))
    fig = ranking_bar(
        df,
        label,
        t("rate_by_district", year=filters.year, indicator=name),
        unit,
        source,
        t("target"),
        t("below_target"),
        t("meets_target"),
    )
    st.plotly_chart(fig, width="stretch", theme=None)
    table_ui(df, label, f"{HEADLINE}_{filters.year}.csv")

    trend = run_query("indicator_trend", city=filters.city, indicator=HEADLINE)
    order = list(cat.districts)
    colors = {
        getattr(cat.districts[c], "name_en" if filters.lang == "en" else "name_zh"): district_color(order.index(c))
        for c in trend["district_code"].unique()
    }
    target = run_query("target_trend", indicator=HEADLINE)
    fig2 = trend_lines(trend, label, t("trend", indicator=name), unit, source, colors, target, t("target"))
    st.plotly_chart(fig2, width="stretch", theme=None)
