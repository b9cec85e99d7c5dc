"""Edits made in the browser, through the same validate → plan → commit path as files: corrections and targets."""

from __future__ import annotations

import math

import duckdb

from etl.catalog import Catalog, load_catalog
from etl.checks import Stored
from etl.parse import Parsed, Record, TargetRecord
from etl.plan import plan
from etl.problems import Problem
from etl.store import Plan, fetch_current, fetch_current_targets
from queries import query_rows

# Targets as edited: (indicator, year, district or None for every district, value or None to clear).
Targets = list[tuple[str, int, str | None, float | None]]

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
    refused: list[Problem] = []
    for code, value in list(values.items()):
        if code not in cat.indicators:  # a row the grid never offered (a hand-made request)
            refused.append(Problem("error", "grid_unknown_row", CORRECTION_SOURCE, value=code))
            values.pop(code)
        elif value is not None and not _finite(value):
            refused.append(Problem("error", "not_finite", CORRECTION_SOURCE, value=value, params={"indicator": code}))
            values.pop(code)
    for code, value in values.items():
        old = stored.get((district, year, code, "year"))  # the grid edits calendar-year figures
        if (old[0] if old else None) == value:
            continue
        raw = "" if value is None else f"{value:g}"
        name = cat.indicators[code].short_name_zh
        records.append(Record(district, year, code, value, "exact", raw, cat.districts[district].name_zh, name))
    parsed = Parsed(f"{CORRECTION_SOURCE} {cat.districts[district].name_zh} {year}", None, records=records)
    return _edit_plan(parsed, con, note, refused, cat, allowed_districts, stored)


def _edit_plan(
    parsed: Parsed,
    con: duckdb.DuckDBPyConnection,
    note: str,
    refused: list[Problem],
    cat: Catalog,
    allowed_districts: set[str] | None,
    stored: Stored | None = None,
) -> Plan:
    """plan() for an edit in the browser: what it changes is shown even when refused; a note is required."""
    result = plan(
        parsed,
        con,
        problems=refused,
        catalog=cat,
        allowed_districts=allowed_districts,
        stored=stored,
        empty="nothing_changed",
        changes_when_rejected=True,
    )
    if not note.strip():
        result.problems.insert(0, Problem("error", "note_required", parsed.file_name))
    return result


def _finite(value: object) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def targets_from_grid(
    grid_rows: list[tuple[object, object, object, object]],
    metric_by_label: dict[str, str],
    district_by_label: dict[str, str],
) -> tuple[list[tuple[str, int, str | None, float | None]], list[Problem]]:
    """The targets grid's rows (indicator label, year, district label or blank, value) as plan_targets() rows.

    A browser can send anything: an unknown indicator or district label, a year that is not a whole number, a
    value that is not finite are refused with a problem naming the row (an unknown district is never read as a
    city-wide target)."""
    rows, problems = [], []
    for n, (m, y, d, v) in enumerate(grid_rows, start=1):
        where = f"{TARGETS_SOURCE} 第 {n} 行"
        if m is None or (isinstance(m, float) and math.isnan(m)):
            continue  # an empty row being typed
        if m not in metric_by_label:
            problems.append(Problem("error", "grid_unknown_row", where, value=m))
            continue
        district = None
        if isinstance(d, str) and d.strip():
            if d not in district_by_label:
                problems.append(Problem("error", "grid_unknown_district", where, value=d))
                continue
            district = district_by_label[d]
        elif d is not None and not (isinstance(d, str) or (isinstance(d, float) and math.isnan(d))):
            problems.append(Problem("error", "grid_unknown_district", where, value=d))
            continue
        if not _finite(y) or float(y) != int(float(y)):
            problems.append(Problem("error", "bad_year", where, value=y))
            continue
        value = None
        if v is not None and not (isinstance(v, float) and math.isnan(v)):
            if not _finite(v):
                problems.append(
                    Problem("error", "not_finite", where, value=v, params={"indicator": metric_by_label[m]})
                )
                continue
            value = float(v)
        rows.append((metric_by_label[m], int(float(y)), district, value))
    return rows, problems


def plan_targets(
    con: duckdb.DuckDBPyConnection,
    rows: list[tuple[str, int, str | None, float | None]],
    note: str,
    allowed_districts: set[str] | None = None,
    refused: list[Problem] | None = None,
) -> Plan:
    """A plan for targets (indicator, year, district or None for all, value or None to clear) that differ."""
    current = fetch_current_targets(con)
    targets = [
        TargetRecord(i, y, d, v, TARGETS_SOURCE, f"{i}:{y}:{d or '*'}")
        for i, y, d, v in rows
        if current.get((i, y, d)) != v
    ]
    parsed = Parsed(TARGETS_SOURCE, None, targets=targets)
    cat = load_catalog()
    problems = list(refused or [])
    for t in targets:
        if t.indicator not in cat.indicators:
            problems.append(Problem("error", "grid_unknown_row", parsed.file_name, value=t.indicator))
        elif t.value is not None and not _finite(t.value):
            problems.append(
                Problem("error", "not_finite", parsed.file_name, value=t.value, params={"indicator": t.indicator})
            )
    if problems:  # refused rows: nothing else is checked or planned
        return Plan(parsed.file_name, None, [], targets, problems)
    return _edit_plan(parsed, con, note, [], cat, allowed_districts)


def carry_over_targets(
    current: list[tuple[str, int, str | None, float]], from_year: int, to_year: int
) -> list[tuple[str, int, str | None, float | None]]:
    """The targets of `from_year` (indicator, year, district or None, value) as rows for `to_year`, leaving out
    those `to_year` already has: "沿用上年目标" in one step, through plan_targets like any other edit."""
    have = {(i, d) for i, y, d, _ in current if y == to_year}
    return [(i, to_year, d, v) for i, y, d, v in current if y == from_year and (i, d) not in have]


def year_to_carry_over(data_years: list[int], target_years: list[int]) -> tuple[int, int] | None:
    """(from_year, to_year): the newest year with figures but no targets, and the latest year before it that has
    targets; None when every year with figures has targets or no earlier year has any."""
    have = set(target_years)
    missing = sorted((y for y in set(data_years) if y not in have), reverse=True)
    if not missing:
        return None
    to_year = missing[0]
    earlier = [y for y in have if y < to_year]
    return (max(earlier), to_year) if earlier else None


def plan_years_without_targets(con: duckdb.DuckDBPyConnection, plan: Plan) -> list[int]:
    """The calendar years a plan's figures are for that have no target, neither in the store for their districts
    (or every district) nor in the plan itself: the upload page says so before the year goes unjudged."""
    years = sorted({r.year for r in plan.records if r.period == "year"})
    if not years:
        return []
    districts = sorted({r.district for r in plan.records})
    have = {y for (y,) in query_rows(con, "years_with_targets", years=years, districts=districts)}
    have |= {t.year for t in plan.targets if t.value is not None}
    return [y for y in years if y not in have]
