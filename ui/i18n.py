"""The page side of the text catalogue (texts/): `t(key)` in the language chosen in the sidebar, and `plain()`."""

from __future__ import annotations

import streamlit as st

import texts
from texts import LANGS, TEXTS

__all__ = ["LANGS", "TEXTS", "lang", "plain", "t"]


def lang() -> str:
    return "en" if st.session_state.get("lang") == "en" else "zh"


def t(key: str, **kw: object) -> str:
    """texts.t in the current language."""
    return texts.t(key, lang(), **kw)


_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-.!|<>~$:"


def plain(text: object) -> str:
    """User text (file names, notes, cell values) made safe for Streamlit's Markdown: every special character is
    escaped, so a name like "[点我](http://…)" or "<script>" shows as typed and never becomes a link or HTML."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(text))
