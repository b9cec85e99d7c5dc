"""导出幻灯片 Slides: a preset deck (年度全委会) or the charts collected with "加入幻灯片", as an editable .pptx."""

import streamlit as st

from ui.exports import basket_ui, preset_deck_ui
from ui.i18n import t
from ui.progress import snapshot_ui
from ui.setup import page_setup

f = page_setup("page_slides")
if f is not None:
    st.caption(t("slides_intro"))
    st.subheader(t("slides_preset_heading"))
    preset_deck_ui(f.city, f.year)
    st.subheader(t("slides_basket_heading"))
    basket_ui(f.city_label, f.year, f.is_sample)
    snapshot_ui(f.city, f.year)  # record the data version; the annual deck as at a past snapshot
