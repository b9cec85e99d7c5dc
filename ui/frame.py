"""Keeps every page inside dashboard.py's frame, even when a deep link is the first request a server sees.

Until some session has run st.navigation, Streamlit treats pages/ as a legacy multipage folder and runs a
requested page on its own, without the frame (no language switch, no navigation). A page that finds itself
outside the frame switches the app to st.navigation and reruns; the frame then routes the same URL, query
parameters included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from html import escape

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


LOGO_ICON = (
    '<rect x="0" y="4" width="24" height="24" rx="5" fill="#1f5fa8"/>'
    '<path d="M6.5 22V16M12 22V10M17.5 22V13" stroke="#fff" stroke-width="3" stroke-linecap="round"/>'
)
LOGO_FONTS = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def logo_svg(title: str) -> str:
    """The app's name beside a chart mark, as the logo Streamlit draws at the top of the sidebar (above the
    navigation; a st.sidebar.title lands under it, after the language switch). Its width follows the name: a CJK
    character takes the font size, any other character a little over half."""
    width = 32 + round(sum(19 if ord(ch) > 0x2E80 else 10.5 for ch in title)) + 2
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="32" viewBox="0 0 {width} 32">{LOGO_ICON}'
        f'<text x="32" y="22.5" font-family="{LOGO_FONTS}" font-size="19" font-weight="700" fill="#262730">'
        f"{escape(title)}</text></svg>"
    )


def app_logo() -> None:
    """The app's name at the top of the sidebar; the mark alone over a collapsed sidebar."""
    icon = f'<svg xmlns="http://www.w3.org/2000/svg" width="24" height="32" viewBox="0 0 24 32">{LOGO_ICON}</svg>'
    st.logo(logo_svg(t("app_title")), size="large", icon_image=icon)
