"""The sentence that reads a view's chart (narrative/), for the line under it on the page and a slide's title."""

from __future__ import annotations

from etl.catalog import Metric
from narrative import city_sentence, trend_sentence
from views.context import Context
from views.view import View

OVER_THE_YEARS = ("city_trend", "district_trends", "heatmap")  # views read as the city figure over the years
OWN_SENTENCE = ("intervals", "funnel")  # views whose own sentence (views/fair.py) reads them: districts vs the city


def chart_sentence(ctx: Context, kind: str, m: Metric | None, view: View) -> str:
    """全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，… for a chart of one metric;
    '' for a view of no single metric or a city without a figure that year."""
    if kind in OWN_SENTENCE:
        return view.sentence
    if m is None or view.data.empty:
        return ""
    if kind in OVER_THE_YEARS:
        trend = view.data if kind == "city_trend" else ctx.query("city_metric_trend", city=ctx.city, metric=m.code)
        if not {"year", "value", "method"} <= set(trend.columns):
            return ""
        return trend_sentence(m, trend, year=ctx.year, lang=ctx.lang).text
    overview = ctx.query("city_overview", city=ctx.city, year=ctx.year)
    rows = overview[overview["metric_code"] == m.code]
    if rows.empty:
        return ""
    attainment = ctx.query("target_attainment", city=ctx.city, year=ctx.year)
    att = attainment[attainment["metric_code"] == m.code]
    districts = (
        ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=m.code) if ctx.n_districts else None
    )
    return city_sentence(
        m,
        rows.iloc[0],
        year=ctx.year,
        lang=ctx.lang,
        attainment=None if att.empty else att.iloc[0],
        districts=districts,
    ).text
