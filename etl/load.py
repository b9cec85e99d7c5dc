"""The one ETL path for the command line and the browser: read → parse → validate → plan → commit."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.catalog import Catalog, load_catalog
from etl.gcpause import without_gc
from etl.parse import Parsed, parse_workbook
from etl.plan import plan
from etl.read import Workbook, read_workbook
from etl.store import Plan


@without_gc
def read_file(
    source: Path | bytes, file_name: str | None = None, year: int | None = None, catalog: Catalog | None = None
) -> tuple[Workbook, Parsed]:
    """Read and parse a file: the slow part, needing no connection to the store (no lock held meanwhile)."""
    wb = read_workbook(source, file_name)
    return wb, parse_workbook(wb, year=year, catalog=catalog or load_catalog())


@without_gc
def plan_file(
    wb: Workbook,
    parsed: Parsed,
    con: duckdb.DuckDBPyConnection,
    allowed_districts: set[str] | None = None,
    catalog: Catalog | None = None,
) -> Plan:
    """Validate parsed figures against the store and plan the commit (may be run again on a fresher store)."""
    result = plan(parsed, con, problems=parsed.problems, catalog=catalog, allowed_districts=allowed_districts)
    result.sheets = wb.sheets
    # How each column and sheet was read, for the preview and --dry-run (Plan lives in etl.store).
    result.columns, result.readings = parsed.columns, parsed.readings
    return result


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
