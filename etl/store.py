"""Plan against the store, commit a batch in one transaction, roll batches back and re-apply them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import pandas as pd
import pyarrow as pa

import texts
from etl import cycle
from etl.db import transaction
from etl.gcpause import without_gc
from etl.parse import Parsed, Record, TargetRecord
from etl.problems import Problem, has_errors
from etl.safe_text import clean_name, clean_text
from etl.validate import Stored
from queries import query_rows, run_query

BATCH_KINDS = ("spreadsheet", "sample", "correction", "report", "targets")


class StaleData(RuntimeError):
    """The store changed between plan and commit."""

    def message(self, lang: str = "zh") -> str:
        return texts.t("store_stale", lang)


class BatchError(ValueError):
    """A batch cannot be rolled back or re-applied (unknown, or already in that state)."""

    def __init__(self, code: str, batch_id: int):
        self.code, self.batch_id = code, batch_id
        super().__init__(f"{code}: {batch_id}")

    def message(self, lang: str = "zh") -> str:
        return texts.t(f"batch_{self.code}", lang, b=self.batch_id)


@dataclass
class Change:
    record: Record
    old_value: float
    old_qualifier: str
    old_batch: int


@dataclass
class Plan:
    """What a commit would do: values new to the store, changed (old → new), unchanged; and the targets."""

    file_name: str
    sha256: str | None
    records: list[Record]
    targets: list[TargetRecord]
    problems: list[Problem]
    new: list[Record] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: list[Record] = field(default_factory=list)
    targets_new: int = 0
    targets_changed: int = 0
    targets_unchanged: int = 0
    already_loaded: dict | None = None  # the committed batch holding the very same file
    base_version: tuple = ()
    sheets: list = field(default_factory=list)  # the raw sheets read (etl.read.Sheet), for showing cells

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed or self.targets_new or self.targets_changed)


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def store_version(con: duckdb.DuckDBPyConnection) -> tuple:
    """Changes whenever a batch is committed, rolled back or re-applied, or a city-year is locked or unlocked
    (so a plan checked before a lock is refused as stale, and checked again it names the lock)."""
    return query_rows(con, "store_version")[0]


def fetch_current(con: duckdb.DuckDBPyConnection, districts: list[str], years: list[int]) -> Stored:
    """Current values of the given districts in the given years (and the year before each, for comparisons), of
    every period, keyed (district, year, indicator, period)."""
    if not districts or not years:
        return {}
    all_years = sorted(set(years) | {y - 1 for y in years})
    rows = query_rows(con, "current_figures", districts=sorted(set(districts)), years=all_years)
    return {(d, y, i, p): (v, q, b) for d, y, i, p, v, q, b in rows}


def fetch_current_targets(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, int, str | None], float]:
    """Every target in effect, keyed (indicator, year, district or None for every district)."""
    return {(i, y, d): v for i, y, d, v in query_rows(con, "current_targets")}


def find_loaded(con: duckdb.DuckDBPyConnection, sha256: str | None) -> dict | None:
    if not sha256:
        return None
    rows = query_rows(con, "committed_batch_of_file", sha=sha256)
    if not rows:
        return None
    row = rows[0]
    return {
        "batch_id": row[0],
        "created_at": row[1].strftime("%Y-%m-%d %H:%M"),
        "created_by": row[2],
        "source_name": row[3],
    }


def make_plan(parsed: Parsed, problems: list[Problem], stored: Stored, con: duckdb.DuckDBPyConnection) -> Plan:
    """Sort each record into new / changed / unchanged against the store's current values."""
    plan = Plan(
        parsed.file_name, parsed.sha256, parsed.records, parsed.targets, problems, base_version=store_version(con)
    )
    loaded = find_loaded(con, parsed.sha256)
    # A locked city-year (etl.cycle) refuses the whole plan, before any commit button or command writes.
    plan.problems.extend(cycle.lock_problems(con, parsed.file_name, parsed.records, parsed.targets))
    for rec in parsed.records:
        old = stored.get(rec.key)
        if old is None:
            plan.new.append(rec)
        elif old[0] != rec.value or old[1] != rec.qualifier:
            plan.changed.append(Change(rec, old[0], old[1], old[2]))
        else:
            plan.unchanged.append(rec)
    current_targets = fetch_current_targets(con) if parsed.targets else {}
    for t in parsed.targets:
        old = current_targets.get((t.indicator, t.year, t.district))
        if old is None:
            plan.targets_new += 1
        elif old != t.value:
            plan.targets_changed += 1
        else:
            plan.targets_unchanged += 1
    if loaded and _same_figures(con, loaded["batch_id"], parsed):
        # The very file, read the same way (another --year gives other figures and loads). Where newer batches
        # changed its figures since, say so: loading it again does nothing, and the reader must know why.
        if plan.new or plan.changed:
            newer = sorted({c.old_batch for c in plan.changed})
            loaded = {
                **loaded,
                "n": len(plan.new) + len(plan.changed),
                "newer": "、".join(f"#{b}" for b in newer) or "—",
            }
        plan.already_loaded = loaded
    return plan


def _same_figures(con: duckdb.DuckDBPyConnection, batch_id: int, parsed: Parsed) -> bool:
    """The batch holds figures for exactly the district-year-indicator-periods (and targets) the file gives now."""
    held = set(query_rows(con, "batch_figure_keys", batch_id=batch_id))
    targets = set(query_rows(con, "batch_target_keys", batch_id=batch_id))
    return held == {r.key for r in parsed.records} and targets == {
        (t.indicator, t.year, t.district) for t in parsed.targets
    }


def already_loaded_problem(plan: Plan) -> Problem | None:
    """Why a file that was loaded before changes nothing now (and, where newer batches changed it, which)."""
    info = plan.already_loaded
    if not info:
        return None
    code = "already_loaded_superseded" if "newer" in info else "already_loaded"
    return Problem("info", code, plan.file_name, params=info)


_STR, _INT, _FLOAT = pa.string(), pa.int64(), pa.float64()
_OBS_IN = pa.schema(
    [
        ("district_code", _STR),
        ("year", _INT),
        ("indicator_code", _STR),
        ("value", _FLOAT),
        ("qualifier", _STR),
        ("raw", _STR),
        ("source_ref", _STR),
        ("evidence", _STR),
        ("period", _STR),
    ]
)
_TGT_IN = pa.schema(
    [("indicator_code", _STR), ("year", _INT), ("district_code", _STR), ("value", _FLOAT), ("source_ref", _STR)]
)


@without_gc
def commit(
    plan: Plan,
    con: duckdb.DuckDBPyConnection,
    by: str,
    kind: str = "spreadsheet",
    note: str | None = None,
    is_sample: bool = False,
    evidence: dict[tuple[str, int, str, str], str] | None = None,
) -> int:
    """Write the plan as one batch in one transaction and return its id; nothing is written on any error."""
    if not plan.ok:
        raise ValueError("a plan with errors cannot be committed")
    if kind not in BATCH_KINDS:
        raise ValueError(f"unknown batch kind {kind!r}")
    if plan.already_loaded:
        return plan.already_loaded["batch_id"]
    # Names and notes are stored cleaned (no direction overrides, no markup brackets): every title, source
    # line, PNG and slide made from them later is safe without having to remember it.
    source_ref = clean_name(plan.file_name)
    by = clean_name(by)
    note = clean_text(note, 2000, one_line=False) if note is not None else None
    sheet_names = {s: clean_name(s) for s in {r.sheet for r in plan.records} | {t.sheet for t in plan.targets}}
    # Arrow tables, which DuckDB reads without a copy: built from the record lists in C (a pandas frame of the
    # same columns took twice as long for a yearly workbook's 72,000 figures).
    recs, ev = plan.records, evidence or {}
    obs = pa.table(
        {
            "district_code": [r.district for r in recs],
            "year": [r.year for r in recs],
            "indicator_code": [r.indicator for r in recs],
            "value": [r.value for r in recs],
            "qualifier": [r.qualifier for r in recs],
            "raw": [r.raw for r in recs],
            "source_ref": [f"{source_ref}:{sheet_names[r.sheet]}!{r.cell}" for r in recs],
            "evidence": [ev.get(r.key) for r in recs] if ev else [None] * len(recs),
            "period": [r.period for r in recs],
        },
        schema=_OBS_IN,
    )
    tgt = pa.table(
        {
            "indicator_code": [t.indicator for t in plan.targets],
            "year": [t.year for t in plan.targets],
            "district_code": [t.district for t in plan.targets],
            "value": [t.value for t in plan.targets],
            "source_ref": [f"{source_ref}:{sheet_names[t.sheet]}!{t.cell}" for t in plan.targets],
        },
        schema=_TGT_IN,
    )

    def write() -> int:
        if plan.base_version and store_version(con) != plan.base_version:
            raise StaleData("the store changed since the plan was made")
        cycle.check_unlocked(con, cycle.plan_cells(plan.records, plan.targets))
        batch_id = con.execute(
            """
            insert into batches (batch_id, kind, source_name, sha256, created_at, created_by, status,
                                 n_new, n_changed, n_unchanged, n_targets, is_sample, note)
            values (
                -- never an id seen before: not after a restore from an older backup either (meta batch_id_floor)
                greatest(
                    nextval('batch_id_seq'),
                    (select coalesce(max(batch_id), 0) + 1 from batches),
                    (select coalesce(max(value::integer), 0) + 1 from meta where key = 'batch_id_floor')
                ),
                $kind, $source, $sha, $at, $by, 'committed', $n_new, $n_changed, $n_unchanged, $n_targets, $sample, $note
            )
            returning batch_id
            """,
            {
                "kind": kind,
                "source": source_ref,
                "sha": plan.sha256,
                "at": now_utc(),
                "by": by,
                "n_new": len(plan.new),
                "n_changed": len(plan.changed),
                "n_unchanged": len(plan.unchanged),
                "n_targets": len(plan.targets),
                "sample": is_sample,
                "note": note,
            },
        ).fetchone()[0]
        if obs.num_rows:
            con.register("_obs_in", obs)
            try:
                con.execute(
                    """
                    insert into observations (batch_id, district_code, year, indicator_code, value, qualifier, raw,
                                              source_ref, evidence, period)
                    select $b, district_code, year::integer, indicator_code, value, qualifier, raw, source_ref,
                           evidence, period
                    from _obs_in
                    """,
                    {"b": batch_id},
                )
            finally:
                con.unregister("_obs_in")
        if tgt.num_rows:
            con.register("_tgt_in", tgt)
            try:
                con.execute(
                    "insert into targets select $b, indicator_code, year::integer, district_code, value, source_ref from _tgt_in",
                    {"b": batch_id},
                )
            finally:
                con.unregister("_tgt_in")
        con.execute(
            "insert into batch_events values ($b, 'commit', $at, $by, $note)",
            {"b": batch_id, "at": now_utc(), "by": by, "note": note},
        )
        cycle.log_batch_event(con, batch_id, "submit", by, now_utc())
        return batch_id

    return transaction(con, write)


def _effect(plan: Plan) -> tuple:
    """What committing the plan would do to the figures and targets shown."""
    return (
        sorted((r.key, r.value, r.qualifier) for r in plan.new),
        sorted((c.record.key, c.old_value, c.record.value, c.record.qualifier) for c in plan.changed),
        sorted((t.indicator, t.year, t.district or "", t.value if t.value is not None else "") for t in plan.targets),
    )


def commit_fresh(
    plan: Plan, con: duckdb.DuckDBPyConnection, replan: Callable[[], Plan], **kw: object
) -> tuple[int, Plan]:
    """Commit; where someone committed in between, plan again on this (locked) connection and commit that when it
    does exactly what the reviewed plan said (the usual case: two editors saving other districts at once).
    StaleData when the fresh plan differs or has errors: the person must look again."""
    try:
        return commit(plan, con, **kw), plan
    except StaleData:
        fresh = replan()
        if not fresh.ok or _effect(fresh) != _effect(plan):
            raise
        return commit(fresh, con, **kw), fresh


def _change_status(
    con: duckdb.DuckDBPyConnection,
    batch_id: int,
    by: str,
    to: str,
    event: str,
    note: str | None,
    allowed_districts: set[str] | None,
) -> None:
    """One batch's status change, inside the caller's transaction: scope, lock and state checked first."""
    rows = query_rows(con, "batch_status", batch_id=batch_id)
    if not rows:
        raise BatchError("unknown", batch_id)
    row = rows[0]
    if allowed_districts is not None:
        [(outside,)] = query_rows(con, "batch_rows_outside_scope", batch_id=batch_id, allowed=sorted(allowed_districts))
        if outside:
            raise BatchError("outside_scope", batch_id)
    if row[0] == to:
        raise BatchError("already_rolled_back" if to == "rolled_back" else "not_rolled_back", batch_id)
    cycle.check_unlocked(con, cycle.batch_cells(con, batch_id))
    con.execute("update batches set status = $to where batch_id = $b", {"to": to, "b": batch_id})
    con.execute(
        "insert into batch_events values ($b, $e, $at, $by, $note)",
        {"b": batch_id, "e": event, "at": now_utc(), "by": by, "note": note},
    )
    cycle.log_batch_event(con, batch_id, event, by, now_utc())


def _set_status(
    con: duckdb.DuckDBPyConnection,
    batch_ids: list[int],
    by: str,
    to: str,
    event: str,
    note: str | None,
    allowed_districts: set[str] | None,
) -> None:
    def change() -> None:
        for batch_id in batch_ids:
            _change_status(con, batch_id, by, to, event, note, allowed_districts)

    transaction(con, change)


def rollback(
    con: duckdb.DuckDBPyConnection,
    batch_id: int,
    by: str,
    note: str | None = None,
    allowed_districts: set[str] | None = None,
) -> None:
    """Mark a batch rolled back: its values stop counting and the previous ones show again. Nothing is deleted.

    An editor scoped to districts may only roll back batches that touch nothing else."""
    _set_status(con, [batch_id], by, "rolled_back", "rollback", note, allowed_districts)


def rollback_together(
    con: duckdb.DuckDBPyConnection,
    batch_ids: list[int],
    by: str,
    note: str | None = None,
    allowed_districts: set[str] | None = None,
) -> None:
    """Roll several batches back in one transaction (newest first): all of them, or none on any refusal."""
    _set_status(con, sorted(set(batch_ids), reverse=True), by, "rolled_back", "rollback", note, allowed_districts)


def reapply(
    con: duckdb.DuckDBPyConnection,
    batch_id: int,
    by: str,
    note: str | None = None,
    allowed_districts: set[str] | None = None,
) -> None:
    """Make a rolled-back batch count again (in its original place in the batch order)."""
    _set_status(con, [batch_id], by, "committed", "reapply", note, allowed_districts)


def list_batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every batch, oldest first (queries/batches.sql)."""
    return run_query(con, "batches").sort_values("batch_id", ignore_index=True)
