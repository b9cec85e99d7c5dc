"""导出幻灯片 Slides: a preset deck (年度全委会), the Word 分析报告, both also as PDF, or the charts collected with
"加入幻灯片", as an editable .pptx."""

import streamlit as st

from ui.exports import basket_ui, preset_deck_ui, report_ui
from ui.i18n import t
from ui.progress import snapshot_ui
from ui.setup import page_setup

ctx = page_setup("page_slides")
if ctx is not None:
    st.caption(t("slides_intro"))
    st.subheader(t("slides_preset_heading"))
    preset_place = st.container()
    st.subheader(t("slides_report_heading"))
    report_ui(ctx.city, ctx.year)
    st.subheader(t("slides_basket_heading"))
    basket_ui(ctx.city_label, ctx.year, ctx.is_sample)
    snapshot_ui(ctx.city, ctx.year)  # record the data version; the annual deck as at a past snapshot
    with preset_place:  # built last (seconds when cold), so the basket and the report buttons show at once
        preset_deck_ui(ctx.city, ctx.year)
