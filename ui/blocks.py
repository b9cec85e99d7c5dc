"""Rendering Views on a page: `show(view)` for one chart, `theme_page(theme)` for a page laid out by charts.csv."""

from __future__ import annotations

import streamlit as st

from etl.catalog import Metric
from ui.i18n import lang, plain, t
from ui.setup import metric_selector, page_setup, with_highlight
from ui.widgets import chart_ui
from views.cache import named  # built once per context and data, shared by every session
from views.catalog import Chart, page_charts, pages
from views.context import Context
from views.view import View


def show(view: View) -> None:
    """A view on the page: its message when there is nothing to compare (one district, one year, no figure),
    nothing when the store has no rows for it, else the chart with its downloads, the numbers and its notes."""
    if view.message:  # one sentence saying what there is, instead of an empty or meaningless chart
        st.info(view.message)
        return
    if view.data.empty or view.figure is None:
        return
    chart_ui(view)
    if view.sentence:
        st.markdown(plain(view.sentence) + ("。" if lang() != "en" else "."))
    for note in view.notes:
        st.caption(note)


def other_figures_ui(ctx: Context, district: str | None = None) -> None:
    """报告中的其他数字 (the city's, or one organisation's): multi-year totals, each-year and part-year figures, each
    with its period in words and the report's own words, as a table; nothing where there are none."""
    others = named.other_figures(ctx, district=district)
    if not others.has_data:
        return
    st.subheader(others.title)
    st.dataframe(others.table, hide_index=True, width="stretch")
    for note in others.notes:
        st.caption(note)


def theme_page(theme: str) -> None:
    """A theme page (titled as in pages.csv): the charts.csv rows of `theme` in their order; rows sharing a
    picker share one selector, drawn (under its heading) before the first of them."""
    ctx = page_setup(next(p.title for p in pages() if p.theme == theme))
    if ctx is None:
        return
    with_highlight(ctx)
    picked: dict[str, Metric] = {}
    for chart in page_charts(theme):
        show(chart.build(ctx, _metric(chart, picked, ctx)))


def _metric(chart: Chart, picked: dict[str, Metric], ctx: Context) -> Metric | None:
    """The chart's metric: its own, or the one chosen in its picker (drawn at the picker's first chart)."""
    if not chart.pick_key:
        if chart.heading:
            st.subheader(t(chart.heading))
        return None
    if chart.pick_key not in picked:
        if chart.heading:
            st.subheader(t(chart.heading))
        options = chart.options()
        default = chart.metrics[0] if chart.metrics and chart.metrics[0] in options else None
        picked[chart.pick_key] = metric_selector(options, chart.pick_label or "metric", chart.pick_key, default)
    return picked[chart.pick_key]
