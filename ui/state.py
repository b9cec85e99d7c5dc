"""Filter values that survive page switches and reruns and live in the URL, so every view can be shared.

Each filter keeps its value under its own session-state key (`city`, `year`, …); the widget has a key of
its own (`w_city`) that is re-seeded from it on every run, because Streamlit forgets the state of widgets
that a page does not draw. The value is written to `st.query_params` under the filter's key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

WIDGET_PREFIX = "w_"


def _from_url(key: str, options: Sequence[Any], multi: bool) -> Any:
    raw = st.query_params.get(key)
    if raw is None:
        return None
    if multi:
        wanted = raw.split(",")
        return [o for o in options if str(o) in wanted]
    return next((o for o in options if str(o) == raw), None)


def keep(key: str, options: Sequence[Any], default: Any, multi: bool = False) -> Any:
    """The filter's value: from the session, else from the URL, else `default`; always one of `options`."""
    if key not in st.session_state:
        from_url = _from_url(key, options, multi)
        st.session_state[key] = from_url if from_url is not None else default
    value = st.session_state[key]
    if multi:
        value = [v for v in (value or []) if v in options]
    elif value not in options:
        value = default
    st.session_state[key] = value
    st.session_state[WIDGET_PREFIX + key] = value
    return value


def _copy_from_widget(key: str) -> None:
    st.session_state[key] = st.session_state[WIDGET_PREFIX + key]


def mirror_to_url(key: str, value: Any) -> None:
    if isinstance(value, list):
        if value:
            st.query_params[key] = ",".join(map(str, value))
        elif key in st.query_params:
            del st.query_params[key]
    elif value is not None:
        st.query_params[key] = str(value)


def persistent_widget(
    widget: Callable[..., Any],
    label: str,
    options: Sequence[Any],
    key: str,
    default: Any,
    multi: bool = False,
    **kwargs: Any,
) -> Any:
    """Draw `widget` (st.selectbox, st.sidebar.multiselect, …) for a filter kept under `key`; return its value."""
    keep(key, options, default, multi)
    widget(label, options, key=WIDGET_PREFIX + key, on_change=_copy_from_widget, args=(key,), **kwargs)
    value = st.session_state[key]
    if value is None and not multi:  # segmented controls can be cleared by a second click
        value = st.session_state[key] = default
    mirror_to_url(key, value)
    return value
