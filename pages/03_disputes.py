"""劳动争议 Labour disputes: reported and resolved, rates per 10,000 members, legal aid and money recovered."""

import streamlit as st

from charts.bars import grouped_bars
from etl.catalog import load_catalog
from ui.blocks import city_trend_block, district_trend_block, ranking_block
from ui.data import run_query
from ui.fair import funnel_ui
from ui.i18n import t
from ui.setup import district_selector, metric_selector, page_setup
from ui.widgets import chart_ui

REPORTED_RESOLVED = ["disputes_reported", "disputes_resolved"]

f = page_setup("page_disputes")
if f is not None:
    cat = load_catalog()
    highlight = district_selector(f.city)
    df = run_query("metrics_by_district", city=f.city, year=f.year, metrics=REPORTED_RESOLVED)
    if len(df):  # none: no district reported either figure this year
        fig = grouped_bars(
            df,
            label_col=f.label_col,
            series={"disputes_reported": t("reported_label"), "disputes_resolved": t("resolved_label")},
            title=t("title_grouped", year=f.year),
            source=f.source,
            unit="count",
            unit_label=cat.metrics["disputes_reported"].unit_label(f.lang),
            lang=f.lang,
        )
        chart_ui(fig, df, f"disputes_{f.year}", f.label_col)
    ranking_block(f, cat.metrics["dispute_resolution_rate"])

    st.subheader(t("rate_metric"))
    per_10k = [x.code for x in cat.by_theme("disputes") if x.unit == "per_10k"]
    rate = metric_selector(per_10k, "rate_metric", key="metric_rate")
    ranking_block(f, rate)
    funnel_ui(f, rate)

    st.subheader(t("trend_metric"))
    counts = [x.code for x in cat.by_theme("disputes") if x.kind == "reported"]
    m = metric_selector(counts, "trend_metric", key="metric_disputes")
    city_trend_block(f, m)
    district_trend_block(f, m, highlight)
