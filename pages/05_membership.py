"""组织与会员 Organisation and membership: totals, new members, growth on last year, new unions."""

import streamlit as st

from charts.bars import movers_bar
from etl.catalog import load_catalog
from ui.blocks import city_trend_block, district_trend_block, ranking_block
from ui.data import run_query
from ui.i18n import t
from ui.setup import district_selector, metric_selector, page_setup
from ui.widgets import chart_ui

f = page_setup("page_membership")
if f is not None:
    cat = load_catalog()
    highlight = district_selector(f.city)
    ranking_block(f, cat.metrics["total_members"])
    growth = run_query("metric_by_district", city=f.city, year=f.year, metric="total_members")
    if len(growth):  # none: a city known only from its federation's own figures
        fig = movers_bar(
            growth,
            label_col=f.label_col,
            change_col="pct_change",
            title=t("title_growth", year=f.year),
            source=f.source,
            axis_title=t("axis_change_pct"),
            polarity="higher",
            good_label=t("good_change"),
            bad_label=t("bad_change"),
        )
        chart_ui(fig, growth, f"total_members_{f.year}_growth", f.label_col)
    ranking_block(f, cat.metrics["new_members"])
    ranking_block(f, cat.metrics["new_unions"])
    st.subheader(t("trend_metric"))
    m = metric_selector([x.code for x in cat.by_theme("membership")], "trend_metric", key="metric_membership")
    city_trend_block(f, m)
    district_trend_block(f, m, highlight)
