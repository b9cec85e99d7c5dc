"""报送进度 Reporting progress: each district's status for a city and year, the 催报 notice, and the reviewer's actions."""

import streamlit as st

from ui.data import run_query
from ui.i18n import lang, t
from ui.progress import progress_page_ui
from ui.setup import admin_setup
from ui.state import persistent_widget

admin_setup("page_progress")
st.caption(t("progress_intro"))
cities = run_query("cities")
if cities.empty:
    st.info(t("no_data"))
    st.stop()
english = dict(zip(cities["city_zh"], cities["city_en"], strict=True))
names = list(cities["city_zh"])
left, right = st.columns(2)
with left:
    city = persistent_widget(
        st.selectbox, t("city"), names, "city", names[0], format_func=english.get if lang() == "en" else str
    )
years = [int(y) for y in run_query("years", city=city)["year"]]
years = [years[0] + 1, *years] if years else []
with right:
    year = persistent_widget(st.selectbox, t("year"), years, "progress_year", years[1] if len(years) > 1 else years[0])
progress_page_ui(city, year)
