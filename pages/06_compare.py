"""区域比较 District comparison: one indicator ranked with rank changes, over the years, its spread, two years compared."""

import streamlit as st

from etl.catalog import load_catalog
from ui.blocks import show
from ui.fair import fair_ranking_ui, info_link, map_ui
from ui.i18n import t
from ui.setup import metric_selector, page_setup, with_highlight, year_pair_selector
from ui.widgets import ranking_table
from views.cache import fair, named  # the views of views/named.py and views/fair.py, built once and shared

ctx = page_setup("page_compare")
if ctx is not None:
    with_highlight(ctx)
    m = metric_selector(list(load_catalog().metrics))
    info_link(m)

    st.subheader(t("ranking_heading"))
    ranked = named.ranking_table(ctx, m)
    if ranked.message:  # no figure, or one district's: a sentence, not a table of one row
        st.info(ranked.message)
    else:
        ranking_table(ranked.data, m, ctx.label_col, ranked.name, fair.verdicts(ctx, m), ranked.source)
    fair_ranking_ui(ctx, m)
    map_ui(ctx, m)

    st.subheader(t("heatmap_heading"))
    grid = named.heatmap(ctx, m)
    show(grid)

    st.subheader(t("spread_heading"))
    show(named.spread(ctx, m))

    st.subheader(t("slope_heading"))
    a, b = year_pair_selector(sorted(grid.data["year"].unique().tolist()), ctx.year)
    show(named.slope(ctx, m, a, b))
