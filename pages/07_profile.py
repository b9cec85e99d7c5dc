"""区域画像 District profile: one district, every indicator: value, change, rank, target, city median, trend."""

import streamlit as st

from charts.compare import rank_profile
from ui.data import run_query
from ui.fair import peers_ui, profile_verdicts_ui
from ui.i18n import t
from ui.setup import page_setup, single_district_selector
from ui.widgets import chart_ui, profile_table, sources_ui

f = page_setup("page_profile")
district = single_district_selector(f.city) if f is not None else None
if f is not None and district is None:
    st.info(t("no_districts", city=f.city_label))
elif f is not None:
    df = run_query("district_profile", district=district, year=f.year)
    names = run_query("districts", city=f.city).set_index("district_code")[f.label_col]
    profile = profile_table(df, f"{district}_{f.year}_profile")
    if len(names) < 2:  # a city with one reporting body: nothing to stand against
        st.caption(t("standing_alone", city=f.city_label))
        sources_ui(df)
        st.stop()
    fig = rank_profile(
        profile,
        name_col="metric",
        title=t("title_profile", district=names[district], year=f.year, city=f.city_label),
        source=f.source,
        axis_title=t("axis_standing"),
    )
    chart_ui(fig, df, f"{district}_{f.year}_standing")
    st.caption(t("standing_note"))
    profile_verdicts_ui(f, district)
    peers_ui(f, district)
    sources_ui(df)
