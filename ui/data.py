"""Cached query results for pages: keyed on query name, parameters and the store's data version."""

from __future__ import annotations

from contextlib import contextmanager

import pandas as pd
import streamlit as st

from etl import cycle, db
from queries import run_query as _run

# Cached results live at most this long, in seconds; a new batch changes the data version sooner.
CACHE_TTL_SECONDS = 3600


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=500)
def _cached(name: str, version: str, params: tuple, approved: bool = False) -> pd.DataFrame:
    con = db.connect(read_only=True)
    try:
        if approved:
            cycle.apply_approved_only(con)
        return _run(con, name, **dict(params))
    finally:
        con.close()


def approved_view() -> bool:
    """Whether this session sees only approved or locked figures: the deployment's approved-only setting
    (etl.cycle.approved_only), for everyone but logged-in staff (editors and reviewers see every figure)."""
    from ui.auth import current_user

    user = current_user()
    staff = user is not None and (user.can_edit or user.can_review)
    return not staff and cycle.approved_only()


def run_query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/NAME.sql with `params`, refreshed as soon as a batch changes the store."""
    return _cached(name, db.data_version(), tuple(sorted(params.items())), approved_view())


@contextmanager
def reading():
    """A short-lived read-only connection (for checks that need the store, not a named query); in approved-only
    viewing it sees only approved figures, like run_query."""
    with db.open_store(read_only=True) as con:
        if approved_view():
            cycle.apply_approved_only(con)
        yield con


def writing():
    """A short-lived writable connection, for a commit: the store's lock retry applies."""
    return db.open_store()


def version() -> str:
    """Changes whenever the store does (see etl.db.data_version)."""
    return db.data_version()
