"""困难帮扶 Hardship aid: money spent, persons helped, yuan per person, mutual-insurance enrolment and payouts."""

import streamlit as st

from etl.catalog import load_catalog
from ui.blocks import city_trend_block, district_trend_block, ranking_block
from ui.i18n import t
from ui.setup import district_selector, metric_selector, page_setup

f = page_setup("page_aid")
if f is not None:
    cat = load_catalog()
    highlight = district_selector(f.city)
    ranking_block(f, cat.metrics["aid_amount"])
    ranking_block(f, cat.metrics["aid_per_person"])
    st.subheader(t("trend_metric"))
    m = metric_selector([x.code for x in cat.by_theme("aid")], "trend_metric", key="metric_aid")
    city_trend_block(f, m)
    district_trend_block(f, m, highlight)
