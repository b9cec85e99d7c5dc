"""Figures read out of annual work reports, through the same validate → plan → commit path as spreadsheets."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

import duckdb

from etl.catalog import load_catalog
from etl.parse import Parsed, Record
from etl.store import Plan, fetch_current, make_plan
from etl.validate import validate

REPORT_SHEET = "报告"


def locator(start: int, end: int) -> str:
    """Where a figure is in its report, as a cell reference is for a sheet: characters start–end."""
    return f"第{start}–{end}字"


def report_plan(
    con: duckdb.DuckDBPyConnection,
    rows: Iterable[dict],
    source_name: str,
    text: str,
    allowed_districts: set[str] | None = None,
) -> tuple[Plan, dict[tuple[str, int, str], str]]:
    """A plan for reviewed report figures, and the evidence of each (district, year, indicator) for commit().

    rows: district_code, year, indicator, value (base units), qualifier, evidence, start, end. The batch is
    recognised as already loaded when the same text gives the same reviewed figures again.
    """
    rows = list(rows)
    records = []
    evidence: dict[tuple[str, int, str], str] = {}
    for r in rows:
        rec = Record(
            str(r["district_code"]),
            int(r["year"]),
            str(r["indicator"]),
            None if r["value"] is None else float(r["value"]),
            str(r.get("qualifier") or "exact"),
            str(r.get("evidence") or ""),
            REPORT_SHEET,
            locator(int(r["start"]), int(r["end"])) if r.get("start") is not None else "",
        )
        records.append(rec)
        evidence.setdefault(rec.key, str(r.get("evidence") or ""))
    digest = hashlib.sha256()
    digest.update(text.encode("utf-8"))
    digest.update(
        json.dumps(
            sorted((rec.district, rec.year, rec.indicator, rec.value, rec.qualifier) for rec in records),
            ensure_ascii=False,
        ).encode("utf-8")
    )
    parsed = Parsed(source_name, digest.hexdigest(), records=records)
    districts = sorted({rec.district for rec in records})
    years = sorted({rec.year for rec in records})
    stored = fetch_current(con, districts, years)
    problems = validate(parsed, stored, load_catalog(), allowed_districts)
    return make_plan(parsed, problems, stored, con), evidence
