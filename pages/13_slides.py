"""导出幻灯片 Slides: a preset deck (年度全委会) or the charts collected with "加入幻灯片", as an editable .pptx."""

import streamlit as st

from ui.exports import basket_ui, preset_deck_ui
from ui.i18n import t
from ui.setup import page_setup

ctx = page_setup("page_slides")
if ctx is not None:
    st.caption(t("slides_intro"))
    st.subheader(t("slides_preset_heading"))
    preset_deck_ui(ctx.city, ctx.year)
    st.subheader(t("slides_basket_heading"))
    basket_ui(ctx.city_label, ctx.year, ctx.is_sample)
