"""Figures taken from annual work reports: reviewed rows, each with the words of the report it came from.

The same path as a spreadsheet, from a different start: rows (district, year, indicator, value, qualifier, and the
evidence with its character offsets in the text) → checks → plan → commit as a batch of kind "report" that keeps each
figure's evidence. The report-import page calls `report_plan` with the candidates a staff member accepted;
`load_bundled_reports` loads the reviewed reports shipped in data/reports/ (see its README.md).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.catalog import ROOT, Catalog, load_catalog
from etl.checks import Checked, Origin, first_of_each, value_problem
from etl.numbers import QUALIFIERS
from etl.parse import Parsed, Record, parse_year
from etl.periods import PeriodError, parse_period
from etl.plan import plan
from etl.problems import Problem
from etl.store import Plan, commit
from queries import query_rows

REPORT_DIR = ROOT / "data" / "reports"
FIGURES_SUFFIX = ".figures.csv"
MANIFEST = "reports.csv"  # one row per bundled report: file, title, organisation, district_code, year, period
REPORT_SHEET = "报告"  # the "sheet" of a figure taken from a report (source_ref: FILE:报告!字符 925–946)
REQUIRED_COLUMNS = ("district_code", "year", "indicator", "value", "qualifier", "evidence", "start", "end")
# Optional: `period`, what the figure covers (etl/periods.py: blank or 全年 = the calendar year, 上半年, 1–8月,
# 2015–2019累计, 2015–2019每年, 截至2018年4月底, or a stored code such as total:2015-2019).


def locator(start: int, end: int) -> str:
    """Where a figure stands in its report: the character offsets of its evidence (Python string positions)."""
    return f"字符 {start}–{end}"


def _same_figure(a: Record, b: Record) -> bool:
    """The same row twice is harmless; the same figure from two places in the text is not."""
    return (a.value, a.qualifier, a.cell) == (b.value, b.qualifier, b.cell)


# A report's figures are numbered and quoted in their problems. "Indicators missing" compares the districts of one
# sheet; a report speaks of one organisation and never covers every indicator, so it would only be noise here.
REPORT = Origin(
    "report",
    codes={
        "percent_out_of_range": "report_percent_out_of_range",
        "negative_value": "report_negative_value",
        "duplicate_conflict": "report_duplicate",
    },
    skip=frozenset({"indicators_missing"}),
    same=_same_figure,
)


class ReportsRejected(ValueError):
    """Bundled reports that cannot be loaded; nothing was written. Each problem names its file and figure."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(p.line("en") for p in problems[:5]))


@dataclass
class BundledReport:
    """One report of data/reports/ checked against the store: its plan, the evidence to keep, the batch note."""

    figures: Path
    text: Path
    note: str
    plan: Plan
    evidence: dict[tuple[str, int, str, str], str] = field(default_factory=dict)
    loaded: dict | None = None  # the batch (any status) that already holds these very figures
    revises: int | None = None  # the committed batch of an earlier version of this report, which this one replaces
    rows: list[dict] = field(default_factory=list, repr=False)
    content: str = field(default="", repr=False)  # the report's text


def _get(row: object, name: str) -> object:
    """A field of a row given as a mapping (a CSV row, a dict) or as an object (e.g. an extracted Fact)."""
    value = row.get(name) if isinstance(row, Mapping) else getattr(row, name, None)
    if isinstance(value, str):
        value = value.strip()
    return None if value in ("", None) else value


def _number(raw: object) -> float | None:
    try:
        x = float(raw)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def _offset(raw: object) -> int | None:
    x = _number(raw)
    return int(x) if x is not None and x == int(x) and x >= 0 else None


def content_sha256(text: str, records: list[Record]) -> str:
    """The same text with the same reviewed figures gives the same hash, whatever their order. A figure's period
    counts when it is not the calendar year (so reports loaded before periods existed keep their hash)."""
    rows = sorted(
        [r.district, r.year, r.indicator, r.value, r.qualifier, r.cell, r.raw]
        + ([] if r.period == "year" else [r.period])
        for r in records
    )
    h = hashlib.sha256(text.encode("utf-8"))
    h.update(b"\0")
    h.update(json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def report_plan(
    con: duckdb.DuckDBPyConnection,
    rows: Iterable[object],
    source_name: str,
    text: str,
    allowed_districts: set[str] | None = None,
    *,
    catalog: Catalog | None = None,
    supersede: bool = False,
) -> tuple[Plan, dict[tuple[str, int, str, str], str]]:
    """Check figures taken from a report's `text` and plan them against the store, like an uploaded sheet.

    Each row (a mapping or an object) has district_code, year, indicator (a catalogue code), value in base units,
    qualifier (exact | approx | more_than | nearly; blank means exact), optionally period (what the figure covers,
    read by etl.periods.parse_period; blank means the calendar year; a multi-year figure's year is its last),
    evidence (the report's own words) and start/end, the evidence's character offsets in `text` (found in the
    text when both are blank). A figure that supersedes others (`supersede`) also clears them: see
    `superseded_records`. Every problem
    is reported at once and names the figure's number and its evidence; an editor limited to `allowed_districts`
    gets an error for any other district. Returns the plan and, for commit(), the evidence of each
    (district, year, indicator).
    """
    cat = catalog or load_catalog()
    problems: list[Problem] = []
    records: list[Record] = []
    number_of: dict[int, int] = {}  # id(record) -> the row's number (1-based), for messages

    def add(code: str, n: int, cell: str | None, value: object = None, **params: object) -> None:
        problems.append(Problem("error", code, source_name, REPORT_SHEET, cell, value, {"row": n, **params}))

    row_check = Checked(source_name, [], [], {}, cat, allowed_districts, REPORT, row_of=number_of)
    for n, row in enumerate(rows, start=1):
        evidence = _get(row, "evidence")
        evidence = None if evidence is None else str(evidence)
        if evidence is None:
            add("report_no_evidence", n, None)
            continue
        start, end = _offset(_get(row, "start")), _offset(_get(row, "end"))
        if _get(row, "start") is None and _get(row, "end") is None and text.count(evidence) == 1:
            start = text.find(evidence)
            end = start + len(evidence)
        if start is None or end is None:
            add("report_evidence_not_found", n, None, evidence=evidence)
            continue
        cell = locator(start, end)
        if text[start:end] != evidence:
            add(
                "report_evidence_mismatch",
                n,
                cell,
                evidence=evidence,
                start=start,
                end=end,
                found=text[start:end] or "—",
            )
            continue
        ok = True
        district = str(_get(row, "district_code") or "")
        if district not in cat.districts:
            matches = cat.match_district(district) if district else []
            if len(matches) == 1:
                district = matches[0]
            else:
                add(
                    "report_unknown_district",
                    n,
                    cell,
                    district or "—",
                    evidence=evidence,
                    suggestions=cat.suggest_districts(district) if district else [],
                )
                ok = False
        indicator = str(_get(row, "indicator") or "")
        if indicator not in cat.indicators:
            add(
                "report_unknown_indicator",
                n,
                cell,
                indicator or "—",
                evidence=evidence,
                suggestions=cat.suggest_indicators(indicator) if indicator and ":" not in indicator else [],
            )
            ok = False
        year_raw = _get(row, "year")
        year = parse_year(int(y) if (y := _number(year_raw)) is not None and y == int(y) else year_raw or "")
        if year is None:
            add("report_bad_year", n, cell, year_raw or "—", evidence=evidence)
            ok = False
        value = _number(_get(row, "value"))
        if value is None:
            add("report_bad_value", n, cell, _get(row, "value") or "—", evidence=evidence)
            ok = False
        qualifier = str(_get(row, "qualifier") or "exact")
        if qualifier not in QUALIFIERS:
            add("report_bad_qualifier", n, cell, qualifier, evidence=evidence)
            ok = False
        period = "year"
        if year is not None:
            try:
                period = parse_period(_get(row, "period"), year).code
            except PeriodError as err:
                add("report_bad_period", n, cell, err.text or "—", evidence=evidence, year=year)
                ok = False
        if not ok:
            continue
        rec = Record(district, year, indicator, value, qualifier, evidence, REPORT_SHEET, cell, period)
        number_of[id(rec)] = n
        # A figure that cannot be right is refused as such, before it could be taken for a conflicting duplicate.
        if (p := value_problem(row_check, rec)) is not None and p.severity == "error":
            problems.append(p)
            del number_of[id(rec)]  # its id may be reused by a record made later
            continue
        records.append(rec)
    if not records and not problems:
        problems.append(Problem("error", "report_no_figures", source_name))

    # of the reviewed figures (a row given twice counts once): the same review loaded twice is found again
    sha = content_sha256(text, first_of_each(records))
    if supersede:
        records += superseded_records(con, source_name, records)
    parsed = Parsed(source_name, sha, records=records)
    result = plan(
        parsed,
        con,
        problems=problems,
        catalog=cat,
        allowed_districts=allowed_districts,
        origin=REPORT,
        row_of=number_of,
    )
    return result, {r.key: r.raw for r in parsed.records}


def superseded_records(con: duckdb.DuckDBPyConnection, source_name: str, records: list[Record]) -> list[Record]:
    """Figures that an earlier version of the same report (a committed report batch of the same file name) put in
    the store and that still show, which this version does not hold at the same district, year, indicator and
    period: each as a record that clears it (value None). A revised report so replaces the old one whole: a
    five-year total first stored as the year's figure is cleared there when the revision gives it its period."""
    keep = {r.key for r in records}
    rows = query_rows(con, "report_figures_shown", name=source_name)
    out = []
    for d, y, i, period, ref in rows:
        if (d, y, i, period) in keep:
            continue
        cell = (ref or "").rpartition("!")[2] or REPORT_SHEET
        out.append(Record(d, y, i, None, "exact", "", REPORT_SHEET, cell, period))
    return out


def revised_batch(con: duckdb.DuckDBPyConnection, source_name: str, sha256: str) -> int | None:
    """The committed report batch of an earlier version of this report (same file name, other content), if any."""
    [(batch_id,)] = query_rows(con, "earlier_report_batch", name=source_name, sha=sha256)
    return batch_id


def read_manifest(directory: Path) -> dict[str, dict[str, str]]:
    """The rows of data/reports/reports.csv by report file name (empty when there is no manifest)."""
    path = directory / MANIFEST
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {r["file"]: r for r in csv.DictReader(f)}


def batch_note(entry: dict[str, str] | None, text_name: str) -> str:
    """The note kept with a report's batch: organisation, title and the period its figures cover."""
    if not entry:
        return f"报告 {text_name}"
    return f"{entry['organisation']}《{entry['title']}》；{entry['period']}"


def find_any_batch(con: duckdb.DuckDBPyConnection, sha256: str) -> dict | None:
    """The newest batch holding exactly this content, committed or rolled back."""
    rows = query_rows(con, "batch_of_content", sha=sha256)
    return {"batch_id": rows[0][0], "status": rows[0][1]} if rows else None


def _read_text(path: Path) -> str:
    # newline="" keeps the text exactly as stored: the evidence offsets count every character
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def plan_bundled_reports(
    con: duckdb.DuckDBPyConnection, directory: str | Path = REPORT_DIR, catalog: Catalog | None = None
) -> list[BundledReport]:
    """Check every `NAME.figures.csv` of `directory` against its `NAME.txt` and plan it; ReportsRejected (listing
    every problem of every file) when any is broken. Reads only."""
    d = Path(directory)
    manifest = read_manifest(d)
    out: list[BundledReport] = []
    problems: list[Problem] = []
    for figures in sorted(d.glob("*" + FIGURES_SUFFIX)):
        text_path = figures.with_name(figures.name[: -len(FIGURES_SUFFIX)] + ".txt")
        if not text_path.is_file():
            problems.append(
                Problem(
                    "error",
                    "report_text_missing",
                    figures.name,
                    params={"text": text_path.name, "figures": figures.name},
                )
            )
            continue
        try:
            text = _read_text(text_path)
            with open(figures, encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                rows = list(reader)
                columns = reader.fieldnames or []
        except (UnicodeDecodeError, csv.Error, OSError) as err:
            problems.append(
                Problem("error", "report_unreadable", figures.name, params={"name": figures.name, "detail": err})
            )
            continue
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            problems.append(
                Problem(
                    "error",
                    "report_columns_missing",
                    figures.name,
                    params={"columns": ", ".join(missing), "required": ", ".join(REQUIRED_COLUMNS)},
                )
            )
            continue
        plan, evidence = report_plan(con, rows, text_path.name, text, catalog=catalog, supersede=True)
        if not plan.ok:
            problems += [p for p in plan.problems if p.severity == "error"]
            continue
        note = batch_note(manifest.get(text_path.name), text_path.name)
        loaded = find_any_batch(con, plan.sha256)
        revises = revised_batch(con, text_path.name, plan.sha256)
        out.append(
            BundledReport(
                figures, text_path, note, plan, evidence, loaded=loaded, revises=revises, rows=rows, content=text
            )
        )
    if problems:
        raise ReportsRejected(problems)
    return out


def load_bundled_reports(
    con: duckdb.DuckDBPyConnection, directory: str | Path = REPORT_DIR, by: str = "system"
) -> list[int]:
    """Load the reviewed reports of `directory` (default data/reports), each as its own "report" batch with its
    evidence; skip those already in the store (a rolled-back one stays rolled back: `reapply` brings it back).
    Every file is checked before anything is written: one broken file raises ReportsRejected and nothing is loaded.
    A revised report (same file name, new figures) replaces its earlier version: figures it no longer holds are
    cleared. Returns the new batch ids."""
    return [commit_bundled_report(con, r, by)[0] for r in plan_bundled_reports(con, directory) if not r.loaded]


def commit_bundled_report(con: duckdb.DuckDBPyConnection, report: BundledReport, by: str) -> tuple[int, Plan]:
    """Plan one checked report again against the store as it is now (the reports before it may have changed it)
    and commit it in one transaction; its batch id and the plan committed."""
    plan, evidence = report_plan(con, report.rows, report.text.name, report.content, supersede=True)
    if not plan.ok:
        raise ReportsRejected([p for p in plan.problems if p.severity == "error"])
    return commit(plan, con, by=by, kind="report", note=report.note, evidence=evidence), plan


def count_report_batches(con: duckdb.DuckDBPyConnection) -> int:
    """Report batches in the store, in effect or rolled back."""
    return query_rows(con, "batch_counts")[0][1]
