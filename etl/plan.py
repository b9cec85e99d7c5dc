"""The one planning step of every way figures come in (a spreadsheet, a correction, targets, a report):
what the store holds → every check → problems in order → new / changed / unchanged (etl.store.make_plan)."""

from __future__ import annotations

import duckdb

from etl.catalog import Catalog, load_catalog
from etl.checks import SPREADSHEET, Origin, Stored
from etl.parse import Parsed
from etl.problems import Problem, format_number, has_errors
from etl.store import Plan, fetch_current, make_plan
from etl.validate import validate

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def previous_year(parsed: Parsed, stored: Stored) -> list[Problem]:
    """Figures from a 上年 / 上年同期 column: loaded for the year before only where nothing is stored (or given
    for that year elsewhere in the file); where something is, it stays, and a different figure is a warning."""
    current = {r.key: r for r in parsed.records if not r.previous}
    kept, problems = [], []
    for rec in parsed.records:
        if not rec.previous:
            kept.append(rec)
            continue
        if rec.key in current:
            other, batch = current[rec.key].value, "—"
        elif rec.key in stored:
            other, batch = stored[rec.key][0], stored[rec.key][2]
        else:
            kept.append(rec)
            continue
        if other != rec.value:
            params = {"district": rec.district, "year": rec.year, "indicator": rec.indicator}
            params |= {"stored": format_number(other), "batch": batch}
            problems.append(
                Problem("warning", "previous_year_differs", parsed.file_name, rec.sheet, rec.cell, rec.raw, params)
            )
    parsed.records = kept
    return problems


def plan(
    parsed: Parsed,
    con: duckdb.DuckDBPyConnection,
    *,
    problems: list[Problem] | None = None,
    catalog: Catalog | None = None,
    allowed_districts: set[str] | None = None,
    stored: Stored | None = None,
    origin: Origin = SPREADSHEET,
    row_of: dict[int, int] | None = None,
    empty: str = "file_no_data",
    changes_when_rejected: bool = False,
) -> Plan:
    """Check `parsed` against the store and plan its commit; may be run again on a fresher store.

    `problems` are those found while reading (cells, rows, a grid): reading errors do not stop the checks of what
    did read, so every problem is reported at once. Nothing to load at all is the error `empty`. A rejected input
    plans nothing (no new/changed lists to be mistaken for what will happen), unless `changes_when_rejected`: an
    edit grid shows what the edit would change beside why it cannot be saved."""
    problems = list(problems or [])
    if stored is None:
        districts = sorted({r.district for r in parsed.records})
        stored = fetch_current(con, districts, sorted({r.year for r in parsed.records}))
    problems += previous_year(parsed, stored)
    problems += validate(parsed, stored, catalog or load_catalog(), allowed_districts, origin=origin, row_of=row_of)
    if not parsed.records and not parsed.targets and not has_errors(problems):
        problems.append(Problem("error", empty, parsed.file_name))
    problems.sort(key=lambda p: SEVERITY_ORDER[p.severity])
    if has_errors(problems) and not changes_when_rejected:
        return Plan(parsed.file_name, parsed.sha256, parsed.records, parsed.targets, problems)
    return make_plan(parsed, problems, stored, con)
