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


def reading():
    """A short-lived read-only connection (for checks that need the store, not a named query)."""
    return db.open_store(read_only=True)


def writing():
    """A short-lived writable connection, for a commit: the store's lock retry applies."""
    return db.open_store()


def version() -> str:
    """Changes whenever the store does (see etl.db.data_version)."""
    return db.data_version()
