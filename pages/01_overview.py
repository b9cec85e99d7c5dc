"""总览 Overview: the city's headline figures against last year and the targets, and the biggest movers."""

import streamlit as st

from ui.blocks import other_figures_ui, show
from ui.fair import map_ui, warnings_ui
from ui.i18n import t
from ui.phone import responsive, target_cards
from ui.progress import completion_bar_ui
from ui.setup import metric_selector, page_setup
from ui.widgets import metric_cards, target_table
from views.cache import named  # the views of views/named.py, built once and shared

ctx = page_setup("page_overview")
if ctx is not None:
    completion_bar_ui(ctx.city, ctx.year)
    cards = named.headline(ctx)
    st.subheader(t("headline_heading"))
    if len(cards.data):
        metric_cards(cards)
    else:
        st.info(t("no_annual_figures", year=ctx.year))
    other_figures_ui(ctx)  # multi-year, each-year, part-year figures: with their period, never as the year's
    targets = named.target_attainment(ctx)
    st.subheader(t("targets_heading"))
    if len(targets.data):
        responsive(lambda: target_table(targets), lambda: target_cards(targets.data), key="targets")
    else:  # the section never vanishes without a word
        st.info(t("year_no_targets", year=ctx.year))
    warnings_ui(ctx)
    movers = list(cards.data["metric_code"])  # the headline indicators with a city figure this year
    # a city known only from its federation's own figures has no districts to move
    if movers and ctx.n_districts:
        st.subheader(t("movers_heading"))
        m = metric_selector(movers, "movers_metric")
        show(named.movers(ctx, m))
        map_ui(ctx, m)
