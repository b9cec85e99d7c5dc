"""The one ETL path for the command line and the browser: read → parse → validate → plan → commit."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.catalog import Catalog, load_catalog
from etl.parse import Parsed, parse_workbook
from etl.problems import Problem, format_number, has_errors
from etl.read import Workbook, read_workbook
from etl.store import Plan, fetch_current, make_plan
from etl.validate import validate

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def previous_year(parsed: Parsed, stored: dict) -> list[Problem]:
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
            problems.append(
                Problem(
                    "warning",
                    "previous_year_differs",
                    parsed.file_name,
                    rec.sheet,
                    rec.cell,
                    rec.raw,
                    {
                        "district": rec.district,
                        "year": rec.year,
                        "indicator": rec.indicator,
                        "stored": format_number(other),
                        "batch": batch,
                    },
                )
            )
    parsed.records = kept
    return problems


def read_file(
    source: Path | bytes, file_name: str | None = None, year: int | None = None, catalog: Catalog | None = None
) -> tuple[Workbook, Parsed]:
    """Read and parse a file: the slow part, needing no connection to the store (no lock held meanwhile)."""
    wb = read_workbook(source, file_name)
    return wb, parse_workbook(wb, year=year, catalog=catalog or load_catalog())


def plan_file(
    wb: Workbook,
    parsed: Parsed,
    con: duckdb.DuckDBPyConnection,
    allowed_districts: set[str] | None = None,
    catalog: Catalog | None = None,
) -> Plan:
    """Validate parsed figures against the store and plan the commit (may be run again on a fresher store)."""
    cat = catalog or load_catalog()
    problems = list(parsed.problems)
    # Cell-level errors do not stop the checks of the cells that did parse: every problem is reported at once.
    districts = sorted({r.district for r in parsed.records})
    years = sorted({r.year for r in parsed.records})
    stored = fetch_current(con, districts, years)
    problems += previous_year(parsed, stored)
    problems += validate(parsed, stored, cat, allowed_districts)
    if not parsed.records and not parsed.targets and not has_errors(problems):
        problems.append(Problem("error", "file_no_data", parsed.file_name))
    problems.sort(key=lambda p: SEVERITY_ORDER[p.severity])
    if has_errors(problems):
        # A rejected file plans nothing: no new/changed lists that could be mistaken for what will happen.
        plan = Plan(parsed.file_name, parsed.sha256, parsed.records, parsed.targets, problems)
    else:
        plan = make_plan(parsed, problems, stored, con)
    plan.sheets = wb.sheets
    # How each column and sheet was read, for the preview and --dry-run (Plan lives in etl.store).
    plan.columns, plan.readings = parsed.columns, parsed.readings
    return plan


def check_file(
    source: Path | bytes,
    con: duckdb.DuckDBPyConnection,
    file_name: str | None = None,
    year: int | None = None,
    allowed_districts: set[str] | None = None,
    catalog: Catalog | None = None,
) -> Plan:
    """Everything short of writing: the file's figures, all its problems, and what a commit would change."""
    cat = catalog or load_catalog()
    wb, parsed = read_file(source, file_name, year, cat)
    return plan_file(wb, parsed, con, allowed_districts, cat)
