"""工会数据看板: the frame only — page config, language, navigation."""

import streamlit as st

from ui.i18n import t
from ui.setup import language_ui

st.set_page_config(page_title="工会数据看板", page_icon=":material/bar_chart:", layout="wide")
language_ui()
st.sidebar.title(t("app_title"))

pages = {
    t("section_overview"): [
        st.Page(
            "pages/01_overview.py",
            title=t("page_overview"),
            icon=":material/dashboard:",
            url_path="overview",
            default=True,
        ),
    ],
}
st.navigation(pages).run()
