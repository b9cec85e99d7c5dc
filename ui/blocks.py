"""Chart sections that several pages share: a metric ranked across districts, its trend, the city figure."""

from __future__ import annotations

import streamlit as st

from charts.bars import ranking_bar
from charts.format import axis_unit
from charts.lines import city_trend, trend_lines
from etl.catalog import Metric
from ui.data import run_query
from ui.i18n import t
from ui.setup import Filters
from ui.widgets import chart_ui, method_note


def title_unit(m: Metric, values, lang: str) -> str:
    """The unit the chart's axis shows (万元 for large yuan amounts …), for its title."""
    return axis_unit(m.unit, m.unit_label(lang), values, lang)[1]


def ranking_block(f: Filters, m: Metric) -> None:
    """The metric for every district in the chosen year, best first, against its target."""
    df = run_query("metric_by_district", city=f.city, year=f.year, metric=m.code)
    if df.empty:  # a city known only from its federation's own figures: they show in the city trend
        return
    if df["value"].isna().all():
        st.info(t("no_values", year=f.year, metric=m.short_name(f.lang)))
        return
    unit = m.unit_label(f.lang)
    fig = ranking_bar(
        df,
        label_col=f.label_col,
        title=t("title_ranking", year=f.year, metric=m.short_name(f.lang), unit=title_unit(m, df["value"], f.lang)),
        source=f.source,
        unit=m.unit,
        unit_label=unit,
        lang=f.lang,
        legend={
            "target": t("target"),
            "meets": t("meets_target"),
            "below": t("below_target"),
            "small": t("small_count"),
        },
    )
    chart_ui(fig, df, f"{m.code}_{f.year}", f.label_col)
    if df["small_count"].any():
        st.caption(t("small_count_note"))


def district_trend_block(f: Filters, m: Metric, highlight: list[str]) -> None:
    """Every district's line over the years, the highlighted ones in colour, with the target."""
    df = run_query("metric_trend", city=f.city, metric=m.code)
    if df.empty:
        return
    targets = run_query("target_trend", city=f.city, metric=m.code)
    picked = list(df.loc[df["district_code"].isin(highlight), f.label_col].unique())
    unit = m.unit_label(f.lang)
    fig = trend_lines(
        df,
        label_col=f.label_col,
        title=t("title_trend", metric=m.short_name(f.lang), unit=title_unit(m, df["value"], f.lang)),
        source=f.source_all,
        unit=m.unit,
        unit_label=unit,
        lang=f.lang,
        targets=targets,
        target_label=t("target"),
        highlight=picked,
    )
    chart_ui(fig, df, f"{m.code}_trend", f.label_col)


def city_trend_block(f: Filters, m: Metric) -> None:
    """The city figure over the years, how it was made, the district median and the target."""
    df = run_query("city_metric_trend", city=f.city, metric=m.code)
    if df.empty:
        return
    unit = m.unit_label(f.lang)
    fig = city_trend(
        df,
        title=t(
            "title_city_trend", city=f.city_label, metric=m.short_name(f.lang), unit=title_unit(m, df["value"], f.lang)
        ),
        source=f.source_all,
        unit=m.unit,
        unit_label=unit,
        lang=f.lang,
        series_label=t("city_figure"),
        median_label=t("district_median"),
        target_label=t("target"),
    )
    chart_ui(fig, df, f"{m.code}_city", None)
    methods = sorted(set(df["method"]))
    st.caption(" / ".join(method_note(df[df["method"] == x].iloc[-1]) for x in methods))
