"""Cached query results for pages: keyed on query name, parameters and the store's data version."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pandas as pd
import streamlit as st

from etl import cycle, db
from queries import run_query as _run

# Cached results live at most this long, in seconds; a new batch changes the data version sooner.
CACHE_TTL_SECONDS = 3600


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=500)
def _cached(name: str, version: str, params: tuple, approved: bool = False) -> pd.DataFrame:
    city = _scope_city(dict(params))  # a query of one city reads that city's rows only (shadow_observations)
    setting = f"{'approved' if approved else 'all'}|{city or ''}"

    def setup(con: db.Connection) -> None:
        if approved or city is not None:
            cycle.shadow_observations(con, approved=approved, city=city)

    # in a page run, that run's connection for the setting (etl.db.shared_reads); outside one, a connection of its own
    with db.shared_reads():
        return _run(db.shared_reader(setting=setting, setup=setup), name, **dict(params))


def _scope_city(params: dict) -> str | None:
    """The city a query's rows all belong to: its $city, or the city of its $district (a district's profile is read
    against its own city); None for a query over every city."""
    city = params.get("city")
    if isinstance(city, str):
        return city
    district = params.get("district")
    if isinstance(district, str):
        from etl.catalog import load_catalog

        d = load_catalog().districts.get(district)
        return d.city_zh if d is not None else None
    return None


def page_reads():
    """The frame's block around a page run: the page's queries that miss the cache share one read-only connection,
    closed when the run ends (etl.db.shared_reads)."""
    return db.shared_reads()


def busy(err: db.StoreBusy) -> None:
    """A store kept locked (a long load from the command line): say so and draw no more of the page."""
    from ui.i18n import lang

    st.warning(err.message(lang()))
    st.stop()


def approved_view() -> bool:
    """Whether this session sees only approved or locked figures: the deployment's approved-only setting
    (etl.cycle.approved_only), for everyone but logged-in staff (editors and reviewers see every figure)."""
    from ui.auth import current_user

    user = current_user()
    staff = user is not None and (user.can_edit or user.can_review)
    return not staff and cycle.approved_only()


def run_query(name: str, **params: object) -> pd.DataFrame:
    """The result of queries/NAME.sql with `params`, refreshed as soon as a batch changes the store.

    While another process keeps the store locked beyond the retry limit, the page says so and stops."""
    try:
        return _cached(name, db.data_version(), tuple(sorted(params.items())), approved_view())
    except db.StoreBusy as err:
        busy(err)
        raise
    except db.StoreMissing as err:  # no store yet (a server started before `etl sample` or a first load)
        from ui.i18n import lang

        st.info(err.message(lang()))
        st.stop()
        raise


@contextmanager
def reading() -> Iterator[db.Connection]:
    """A short-lived read-only connection (for checks that need the store, not a named query); in approved-only
    viewing it sees only approved figures, like run_query."""
    try:
        store = db.open_store(read_only=True)
        con = store.__enter__()
    except db.StoreBusy as err:
        busy(err)
        raise
    try:
        if approved_view():
            cycle.apply_approved_only(con)
        yield con
    finally:
        store.__exit__(None, None, None)


def writing():
    """A short-lived writable connection, for a commit: the store's lock retry applies."""
    return db.open_store()


def save(plan, replan, **commit_args: object) -> int | None:
    """Commit a reviewed plan from a page: the batch id, or None after saying why nothing was written.

    `replan(con)` makes the same plan again on the locked connection; where someone committed in between and
    the fresh plan does just what was reviewed, it is committed (no second click). A busy store or a write that
    kept meeting another one is said in the user's language ("请稍后重试"), never a traceback."""
    from etl.store import StaleData, commit_fresh
    from ui.i18n import lang, t

    try:
        with writing() as con:
            batch, _ = commit_fresh(plan, con, lambda: replan(con), **commit_args)
    except StaleData:  # the page reruns, so what it shows is the check made again (a lock, another's change)
        st.session_state[AFTER_RERUN] = t("stale")
        st.rerun()
    except (db.StoreBusy, db.WriteConflict) as err:
        st.error(err.message(lang()))
    else:
        return batch
    return None


AFTER_RERUN = "_said_after_rerun"  # a warning a page asked the frame to show once, after the rerun it asked for


def said_after_rerun_ui() -> None:
    """Called by the frame on every run, above the page: the warning of a save that found the data changed since
    its check ("…已重新检查，请再确认一次"), shown once over the page's check made again."""
    said = st.session_state.pop(AFTER_RERUN, None)
    if said:
        st.warning(said)


def version() -> str:
    """Changes whenever the store does (see etl.db.data_version)."""
    return db.data_version()


def background_runner():
    """run_query's figures for a thread with no page run (ui/warm.py): the same reads, with this session's
    approved-only setting and a city's rows only, but neither the page's cache nor its messages (st.cache_data
    and st.warning belong to page runs)."""
    approved = approved_view()

    def run(name: str, **params: object) -> pd.DataFrame:
        return _cached.__wrapped__(name, db.data_version(), tuple(sorted(params.items())), approved)

    return run


def view_version() -> str:
    """What decides the figures this session's views show: the store's data version and whether approved-only
    viewing applies to it (views/cache.py shares views between sessions keyed on it)."""
    return f"{db.data_version()}|{'approved' if approved_view() else 'all'}"
