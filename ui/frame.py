"""Keeps every page inside dashboard.py's frame, even when a deep link is the first request a server sees.

Until some session has run st.navigation, Streamlit treats pages/ as a legacy multipage folder and runs a
requested page on its own, without the frame (no language switch, no navigation). A page that finds itself
outside the frame switches the app to st.navigation and reruns; the frame then routes the same URL, query
parameters included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from ui.i18n import t
from views.catalog import pages

IN_FRAME = "_in_frame"


@contextmanager
def framed() -> Iterator[None]:
    """Mark the page run by the frame as framed."""
    st.session_state[IN_FRAME] = True
    try:
        yield
    finally:
        st.session_state[IN_FRAME] = False


def navigation() -> dict[str, list]:
    """Every page of the app (data/catalog/pages.csv), in its section, with its title in the current language and
    a stable URL; the first page is the default."""
    out: dict[str, list] = {}
    for n, p in enumerate(pages()):
        page = st.Page(p.path, title=t(p.title), icon=p.icon, url_path=p.url, default=n == 0)
        out.setdefault(t(p.section), []).append(page)
    return out


def ensure_framed() -> None:
    """Called first by every page: outside the frame, register the real navigation and rerun through the frame."""
    if not st.session_state.get(IN_FRAME):
        st.navigation(navigation(), position="hidden")
        st.rerun()
