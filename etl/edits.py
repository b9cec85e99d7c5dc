"""Edits made in the browser, through the same validate → plan → commit path as files: corrections and targets."""

from __future__ import annotations

import duckdb

from etl.catalog import load_catalog
from etl.parse import Parsed, Record, TargetRecord
from etl.problems import Problem
from etl.store import Plan, fetch_current, make_plan
from etl.validate import validate

CORRECTION_SOURCE = "数据修正"
TARGETS_SOURCE = "目标管理"


def plan_correction(
    con: duckdb.DuckDBPyConnection,
    district: str,
    year: int,
    values: dict[str, float | None],
    note: str,
    allowed_districts: set[str] | None = None,
) -> Plan:
    """A plan for the figures of one district and year that differ from the store (None clears one).

    Only changed figures go into the batch; the checks see the whole district-year, stored and edited.
    """
    cat = load_catalog()
    stored = fetch_current(con, [district], [year])
    records = []
    for code, value in values.items():
        old = stored.get((district, year, code, "year"))  # the grid edits calendar-year figures
        if (old[0] if old else None) == value:
            continue
        raw = "" if value is None else f"{value:g}"
        name = cat.indicators[code].short_name_zh
        records.append(Record(district, year, code, value, "exact", raw, cat.districts[district].name_zh, name))
    parsed = Parsed(f"{CORRECTION_SOURCE} {cat.districts[district].name_zh} {year}", None, records=records)
    problems = validate(parsed, stored, cat, allowed_districts)
    if not note.strip():
        problems.insert(0, Problem("error", "note_required", parsed.file_name))
    if not records:
        problems.insert(0, Problem("error", "nothing_changed", parsed.file_name))
    return make_plan(parsed, problems, stored, con)


def plan_targets(
    con: duckdb.DuckDBPyConnection,
    rows: list[tuple[str, int, str | None, float | None]],
    note: str,
    allowed_districts: set[str] | None = None,
) -> Plan:
    """A plan for targets (indicator, year, district or None for all, value or None to clear) that differ."""
    current = {
        (i, y, d): v
        for i, y, d, v in con.execute(
            "select indicator_code, year, district_code, value from current_targets"
        ).fetchall()
    }
    targets = [
        TargetRecord(i, y, d, v, TARGETS_SOURCE, f"{i}:{y}:{d or '*'}")
        for i, y, d, v in rows
        if current.get((i, y, d)) != v
    ]
    parsed = Parsed(TARGETS_SOURCE, None, targets=targets)
    problems = validate(parsed, {}, load_catalog(), allowed_districts)
    if not note.strip():
        problems.insert(0, Problem("error", "note_required", parsed.file_name))
    if not targets:
        problems.insert(0, Problem("error", "nothing_changed", parsed.file_name))
    return make_plan(parsed, problems, {}, con)
