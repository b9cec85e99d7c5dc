"""Streamlit parts of the collection cycle: the overview's completion bar, the 报送进度 page, the reviewer's actions,
the return notice on the upload page, and the slides page's snapshots. The rules live in etl/cycle.py."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from etl import cycle, db
from etl.catalog import load_catalog
from ui.auth import current_user, login_form
from ui.data import approved_view, busy, reading, version, writing
from ui.i18n import lang, plain, t

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@st.cache_data(show_spinner=False, max_entries=100)
def _status(city: str, year: int, store_version: str) -> cycle.CityYearStatus | None:
    """The city-year's status (cached per store version); None when the city has no districts in the catalogue."""
    try:  # the status is about the whole store, so never through the approved-only view
        with db.open_store(read_only=True) as con:
            return cycle.status(con, city, year)
    except cycle.CycleRefused:
        return None
    except db.StoreBusy as err:  # never cached: the page says the store is busy and stops
        busy(err)
        raise


def city_year_status(city: str, year: int) -> cycle.CityYearStatus | None:
    return _status(city, int(year), version())


def completion_bar_ui(city: str, year: int) -> None:
    """“2025年：已报送 12/16”, with how many are approved, and in approved-only viewing a line saying the
    others are left out."""
    st_ = city_year_status(city, year)
    if st_ is None or not st_.counted:
        return
    total = len(st_.counted)
    parts = [t("progress_bar", year=year, n=st_.n_reported, total=total)]
    approved = sum(d.status in ("approved", "locked") for d in st_.counted)
    if st_.lock is not None:
        parts.append(t("progress_locked"))
    elif approved:
        parts.append(t("progress_approved", n=approved))
    st.progress(st_.n_reported / total, text=" · ".join(parts))
    if approved_view():
        st.caption(t("progress_approved_only"))
    # the districts whose figures are 未审核 are named over every page (ui.setup.page_setup, views/marks.py)


def status_table(st_: cycle.CityYearStatus, show_people: bool) -> pd.DataFrame:
    """The progress table in the user's language; people's names only for logged-in users."""
    cat = load_catalog()
    lg = lang()
    en = lg == "en"
    overdue = st_.days_overdue()
    rows = []
    for d in st_.districts:
        zh, en_name = cycle.STATUS_NAMES[d.status]
        problems = [p.message(lg) for p in d.problems]
        row = {
            t("col_district"): d.district_en if en else d.district,
            t("col_progress_status"): en_name if en else zh,
            t("col_missing"): ("; " if en else "、").join(cat.indicators[c].name(lg) for c in d.missing),
            t("col_who"): cycle.display_name(d.by, lg) if show_people else t("who_hidden"),
            t("col_when_local"): cycle.local_time(d.at),
            t("col_return_reason"): " ".join(x for x in [d.reason or "", *problems] if x),
            t("col_last_batch"): d.last_batch,
        }
        if overdue:
            row[t("col_overdue_days")] = overdue if d in st_.late() else None
        rows.append(row)
    return pd.DataFrame(rows)


def progress_page_ui(city: str, year: int) -> None:
    """The 报送进度 page body for one city and year."""
    from export.tables import table_xlsx  # openpyxl, for this page's download only (not the overview's bar)

    st_ = city_year_status(city, year)
    if st_ is None:
        st.info(t("no_data"))
        return
    completion_bar_ui(city, year)
    if st_.deadline:
        line = t("progress_deadline", date=st_.deadline.isoformat())
        if st_.days_overdue():
            line += " · " + t("progress_overdue", days=st_.days_overdue())
        st.caption(line)
    else:
        st.caption(t("progress_no_deadline"))
    if st_.lock is not None:
        st.info(t("progress_lock_note", by=plain(st_.lock.by_name), at=st_.lock.at_local), icon=":material/lock:")
    user = current_user()
    table = status_table(st_, show_people=user is not None)
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("times_in", tz=cycle.display_timezone().key))
    st.download_button(
        t("progress_download"),
        data=table_xlsx(table, sheet_name=t("page_progress")),
        file_name=f"{city}_{year}_{t('page_progress')}.xlsx",
        mime=XLSX_MIME,
        key="progress_xlsx",
        icon=":material/download:",
    )
    with st.expander(t("progress_reminder")):
        st.code(cycle.reminder_notice(st_, lang=lang()), language=None)
    review_ui(st_)


def _run_step(what: str, step) -> None:
    try:
        with writing() as con:
            step(con)
    except cycle.CycleRefused as err:
        st.error(err.message(lang()))
        return
    st.session_state["cycle_done"] = what
    st.rerun()


def review_ui(st_: cycle.CityYearStatus) -> None:
    """For a reviewer: approve, return with a reason, lock / unlock, set the deadline. Others see why not."""
    st.subheader(t("review_heading"))
    if done := st.session_state.pop("cycle_done", None):
        st.success(t("review_done", what=done))
    user = current_user()
    if user is None:
        st.info(t("review_login"))
        login_form("login_review")
        return
    if not user.can_review:
        st.info(t("review_not_reviewer", role=t("role_editor") if user.can_edit else t("role_viewer")))
        return
    scope = user.scope()
    city, year = st_.city, st_.year
    en = lang() == "en"
    choices = {
        d.district_code: d.district_en if en else d.district
        for d in st_.districts
        if d.status != "missing" and (scope is None or d.district_code in scope)
    }
    if st_.lock is None and choices:
        waiting = [c for c in choices if next(d for d in st_.districts if d.district_code == c).status != "approved"]
        picked = st.multiselect(
            t("review_districts"), list(choices), default=waiting, format_func=choices.get, key="review_districts"
        )
        left, right = st.columns(2)
        if left.button(t("review_approve"), type="primary", disabled=not picked, key="review_approve"):
            _run_step(t("review_approve"), lambda con: cycle.approve(con, city, year, user.name, picked, scope))
        reason = right.text_input(t("review_reason"), key="review_reason")
        if right.button(t("review_return"), disabled=not picked, key="review_return"):
            _run_step(
                t("review_return"), lambda con: cycle.return_figures(con, city, year, picked, reason, user.name, scope)
            )
    if st_.lock is None:
        if st.button(t("review_lock"), key="review_lock", icon=":material/lock:"):
            _run_step(t("review_lock"), lambda con: cycle.lock(con, city, year, user.name, scope))
    else:
        why = st.text_input(t("review_unlock_reason"), key="review_unlock_reason")
        if st.button(t("review_unlock"), key="review_unlock", icon=":material/lock_open:"):
            _run_step(t("review_unlock"), lambda con: cycle.unlock(con, city, year, why, user.name, scope))
    default = st_.deadline or dt.date(year + 1, 3, 31)
    when = st.date_input(t("review_deadline"), value=default, key="review_deadline")
    if st.button(t("review_set_deadline"), key="review_set_deadline"):
        _run_step(t("review_set_deadline"), lambda con: cycle.set_deadline(con, city, year, when, user.name))


def returned_notice_ui(editor) -> None:
    """On the upload page: every district-year of the editor's that a reviewer returned, with the reason."""
    try:  # the whole store, as the status is
        with db.open_store(read_only=True) as con:
            returned = cycle.open_returns(con, editor.scope())
    except db.StoreBusy:  # a long load holds the store: the page's own check and commit say so; no notice now
        return
    en = lang() == "en"
    for d in returned:
        st.warning(
            t(
                "returned_notice",
                district=d.district_en if en else d.district,
                year=d.year,
                by=plain(cycle.display_name(d.by, lang())),
                at=cycle.local_time(d.at),
                reason=plain(d.reason or ""),
            ),
            icon=":material/assignment_return:",
        )


def snapshot_ui(city: str, year: int) -> None:
    """On the slides page: record a snapshot (logged-in staff), list past ones with their notes, and download the
    annual deck exactly as at a chosen snapshot."""
    from export.deck import preset_deck

    st.subheader(t("snapshot_heading"))
    with reading() as con:
        snaps = cycle.list_snapshots(con)
    user = current_user()
    if user is not None and (user.can_edit or user.can_review):
        note = st.text_input(t("snapshot_note"), key="snapshot_note")
        if st.button(t("snapshot_take"), key="snapshot_take", icon=":material/photo_camera:"):
            with writing() as con:
                sid = cycle.take_snapshot(con, note, user.name)
            st.session_state["snapshot_taken"] = sid
            st.rerun()
        if sid := st.session_state.pop("snapshot_taken", None):
            st.success(t("snapshot_taken", id=sid))
    else:
        st.caption(t("snapshot_login"))
    if snaps.empty:
        st.caption(t("snapshot_none"))
        return
    lg = lang()
    st.dataframe(
        pd.DataFrame(
            {
                t("col_snapshot"): [f"#{i}" for i in snaps["snapshot_id"]],
                t("col_when_local"): [cycle.local_time(x) for x in snaps["created_at"]],
                t("col_snapshot_note"): snaps["note"].fillna(""),
                t("col_n_batches"): snaps["n_batches"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    ids = [int(i) for i in snaps["snapshot_id"]]
    labels = {
        i: f"#{i} {n or ''} ({cycle.local_time(a)})"
        for i, n, a in zip(snaps["snapshot_id"], snaps["note"], snaps["created_at"], strict=True)
    }
    chosen = st.selectbox(t("snapshot_as_of"), ids, format_func=labels.get, key="snapshot_as_of")

    def make() -> bytes:
        from queries import run_query as run_on

        with reading() as con:
            cycle.apply_as_of(con, chosen)
            years = [int(y) for y in run_on(con, "years", city=city)["year"]]
            return preset_deck(con, "annual", city, year if year in years or not years else years[0], lg)

    st.download_button(
        t("snapshot_deck", label=labels[chosen]),
        data=make,
        file_name=f"{city}_{year}_snapshot{chosen}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        key="snapshot_deck",
        on_click="ignore",
        icon=":material/history:",
    )
