"""Cached query results for pages: keyed on query name, parameters and the store's data version."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl import db
from queries import run_query as _run

# Cached results live at most this long, in seconds; a new batch changes the data version sooner.
CACHE_TTL_SECONDS = 3600


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=500)
def _cached(name: str, version: str, params: tuple) -> pd.DataFrame:
    con = db.connect(read_only=True)
    try:
        return _run(con, name, **dict(params))
    finally:
        con.close()


def run_query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/NAME.sql with `params`, refreshed as soon as a batch changes the store."""
    return _cached(name, db.data_version(), tuple(sorted(params.items())))
