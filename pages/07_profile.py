"""区域画像 District profile: one district, every indicator: value, change, rank, target, city median, trend;
then its figures of other periods (五年累计, 每年, 上半年, 截至…), each with its period."""

import streamlit as st

from ui.blocks import other_figures_ui, show
from ui.fair import peers_ui, profile_verdicts_ui
from ui.i18n import t
from ui.setup import page_setup, single_district_selector
from ui.widgets import profile_table, sources_ui
from views.cache import fair, named  # the views of views/named.py and views/fair.py, built once and shared

ctx = page_setup("page_profile")
district = single_district_selector(ctx.city) if ctx is not None else None
if ctx is not None and district is None:
    st.info(t("no_districts", city=ctx.city_label))
    other_figures_ui(ctx)  # a city known from its federation's reports: those figures, each with its period
elif ctx is not None:
    view = named.profile(ctx, district)
    profile_table(view.data, f"{district}_{ctx.year}_profile", fair.district_verdicts(ctx, district))
    other_figures_ui(ctx, district)  # its multi-year, each-year, part-year figures, each with its period
    if ctx.n_districts < 2:  # a city with one reporting body: nothing to stand against
        st.caption(t("standing_alone", city=ctx.city_label))
    else:
        show(view)
        profile_verdicts_ui(ctx, district)
        peers_ui(ctx, district)
    sources_ui(view.data)
