"""The batches page in the user's language: the batch list (kinds in Chinese, people's display names for logged-in
users only, times in the deployment's time zone), the safer rollback, and the audit log filtered by district and
year. No grid offers Streamlit's own "Download as CSV" (`client.disableDataExport` in .streamlit/config.toml: it
writes cell text as is, so =… would run as a formula in Excel); the project's formula-safe CSV/XLSX downloads
replace it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl import cycle
from etl.catalog import load_catalog
from etl.store import BatchError, reapply, rollback, rollback_together
from ui.auth import current_editor, current_user
from ui.data import reading, writing
from ui.exports import table_downloads_ui
from ui.i18n import lang, plain, t


def _who(logins: pd.Series) -> list[str]:
    if current_user() is None:
        return [t("who_hidden")] * len(logins)
    return [cycle.display_name(x, lang()) for x in logins]


def _kind(kind: str) -> str:
    key = f"kind_{kind}"
    try:
        return t(key)
    except KeyError:
        return kind


def batch_list_ui(batches: pd.DataFrame) -> int | None:
    """Every batch as a selectable table; returns the chosen batch id (also kept in the URL)."""
    shown = pd.DataFrame(
        {
            t("col_batch"): batches["batch_id"],
            t("col_kind"): [_kind(k) for k in batches["kind"]],
            t("col_file"): batches["source_name"].fillna(""),
            t("col_when_local"): [cycle.local_time(x) for x in batches["created_at"]],
            t("col_who"): _who(batches["created_by"]),
            t("col_status"): [t(f"status_{s}") for s in batches["status"]],
            t("plan_new"): batches["n_new"],
            t("plan_changed"): batches["n_changed"],
            t("plan_unchanged"): batches["n_unchanged"],
            t("plan_targets"): batches["n_targets"],
            t("col_note"): batches["note"].fillna(""),
        }
    )
    event = st.dataframe(
        shown, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="batch_pick"
    )
    st.caption(t("times_in", tz=cycle.display_timezone().key))
    table_downloads_ui(shown, "batches", t("page_batches"))
    picked = event.selection.rows if event and event.selection else []
    if picked:
        chosen = int(batches.iloc[picked[0]]["batch_id"])
        st.query_params["batch"] = str(chosen)
        return chosen
    raw = st.query_params.get("batch")
    return int(raw) if raw and raw.isdigit() and int(raw) in set(batches["batch_id"]) else None


def _district(code: str) -> str:
    d = load_catalog().districts.get(code)
    return d.name(lang()) if d else code


def rollback_ui(batch_id: int, status: str) -> None:
    """Roll back (with what will remain, and the later batches over the same figures, to take along) or re-apply."""
    editor = current_editor()
    if editor is None:
        st.info(t("login_needed"))
        return
    if status != "committed":
        if st.button(t("reapply", batch=batch_id), key=f"reapply_{batch_id}"):
            _apply(
                lambda con: reapply(con, batch_id, by=editor.name, allowed_districts=editor.scope()),
                t("reapplied", batch=batch_id),
            )
        return
    with reading() as con:
        impact = cycle.rollback_impact(con, batch_id)
    later = ", ".join(f"#{b}" for b in impact.later)
    together = False
    if impact.later:
        st.warning(t("rollback_later", batches=later))
        together = st.checkbox(t("rollback_together", batches=later), key=f"together_{batch_id}")
    remaining = impact.remaining_together if together else impact.remaining
    for district, year, now, left in remaining:
        if left < now:
            key = "rollback_together_remaining" if together else "rollback_remaining"
            st.caption(t(key, district=plain(_district(district)), year=year, left=left, now=now))
    sure = st.checkbox(t("confirm_rollback", batch=batch_id), key=f"sure_{batch_id}")
    if st.button(t("rollback"), type="primary", disabled=not sure, key=f"rollback_{batch_id}"):
        ids = [batch_id, *impact.later] if together else [batch_id]
        _apply(
            lambda con: (
                rollback_together(con, ids, by=editor.name, allowed_districts=editor.scope())
                if together
                else rollback(con, batch_id, by=editor.name, allowed_districts=editor.scope())
            ),
            t("rolled_back", batch=", #".join(str(i) for i in ids)),
        )


def _apply(step, done: str) -> None:
    try:
        with writing() as con:
            step(con)
    except (BatchError, cycle.CycleRefused) as err:
        st.error(err.message(lang()))
        return
    st.success(done)
    st.rerun()


def audit_ui() -> None:
    """The audit log (submit, approve, return, lock, unlock, rollback …), filtered by district and year."""
    st.subheader(t("audit_heading"))
    cat = load_catalog()
    lg = lang()
    with reading() as con:
        log = cycle.audit_log(con)
    if log.empty:
        return
    codes = sorted(
        {c for c in log["district_code"].dropna()},
        key=lambda c: (cat.districts[c].city_zh, c) if c in cat.districts else ("", c),
    )
    years = sorted({int(y) for y in log["year"]}, reverse=True)
    left, right = st.columns(2)
    district = left.selectbox(
        t("audit_filter_district"),
        [None, *codes],
        format_func=lambda c: t("audit_all") if c is None else _district(c),
        key="audit_district",
    )
    year = right.selectbox(
        t("audit_filter_year"),
        [None, *years],
        format_func=lambda y: t("audit_all") if y is None else str(y),
        key="audit_year",
    )
    with reading() as con:
        log = cycle.audit_log(con, district=district, year=year)
    shown = pd.DataFrame(
        {
            t("col_when_local"): [cycle.local_time(x) for x in log["event_at"]],
            t("col_event"): [cycle.EVENT_NAMES[e][1 if lg == "en" else 0] for e in log["event"]],
            t("col_city"): [t("all_cities") if c == cycle.ALL_CITIES else c for c in log["city_zh"]],
            t("col_district"): [_district(c) if isinstance(c, str) else "" for c in log["district_code"]],
            t("col_audit_year"): log["year"],
            t("col_batch"): log["batch_id"],
            t("col_kind"): [_kind(k) if isinstance(k, str) else "" for k in log["batch_kind"]],
            t("col_who"): _who(log["event_by"]),
            t("col_reason"): [
                r if isinstance(r, str) else (d.isoformat() if d is not None and not pd.isna(d) else "")
                for r, d in zip(log["reason"], log["deadline"], strict=True)
            ],
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
    table_downloads_ui(shown, "audit_log", t("audit_heading"))
