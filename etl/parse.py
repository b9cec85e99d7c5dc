"""Turn raw sheets into records: find the header, tell long from wide, read every cell into base units."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from etl.catalog import HEADER_UNIT_SCALE, Catalog, header_unit, load_catalog, name_key
from etl.numbers import NotANumber, ParsedNumber, is_missing, parse_number
from etl.periods import PeriodError, parse_period
from etl.problems import Problem, format_number
from etl.read import Sheet, Workbook, cell_ref, col_letter, year_in_name

HEADER_SEARCH_ROWS = 20  # title rows above the header are common; beyond 20 it is not a header


@dataclass
class Record:
    """One figure as read: district, year, indicator, value in base units, and where it came from."""

    district: str
    year: int
    indicator: str
    value: float | None  # None (corrections only): clear the stored figure
    qualifier: str
    raw: str
    sheet: str
    cell: str
    period: str = "year"  # etl.periods code: year | m1-6 | total:2015-2019 | each:… | asof:…

    @property
    def key(self) -> tuple[str, int, str, str]:
        """One stored figure per district, year, indicator and period."""
        return (self.district, self.year, self.indicator, self.period)


@dataclass
class TargetRecord:
    indicator: str
    year: int
    district: str | None  # None: every district
    value: float | None  # None: clear the target
    sheet: str
    cell: str


@dataclass
class Parsed:
    file_name: str
    sha256: str
    records: list[Record] = field(default_factory=list)
    targets: list[TargetRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (district, year) -> indicator codes left blank in a wide sheet, for the "missing indicators" warning
    blanks: dict[tuple[str, int], list[str]] = field(default_factory=dict)


@dataclass
class Header:
    row: int
    kind: str  # wide | long | targets
    roles: dict[str, int]
    indicator_cols: dict[int, str]
    unknown_cols: list[int]


def raw_text(raw: object) -> str:
    if isinstance(raw, float) and raw == int(raw):
        return str(int(raw))
    return "" if raw is None else str(raw)


def find_header(sheet: Sheet, cat: Catalog) -> Header | None:
    """The first row among the top rows that names a district column and indicators (wide), or indicator and value columns (long)."""
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        roles: dict[str, int] = {}
        indicator_cols: dict[int, str] = {}
        unknown: list[int] = []
        for c, v in enumerate(row):
            if is_missing(v) or not isinstance(v, str):
                continue
            role = cat.column_role(v)
            if role:
                roles.setdefault(role, c)
                continue
            code = cat.match_indicator(v)
            if code:
                indicator_cols[c] = code
            else:
                unknown.append(c)
        has_district = "district" in roles or "district_code" in roles
        if "indicator" in roles and "target" in roles:
            return Header(r, "targets", roles, {}, [])
        if "indicator" in roles and "value" in roles and has_district:
            return Header(r, "long", roles, {}, [])
        if has_district and indicator_cols:
            return Header(r, "wide", roles, indicator_cols, unknown)
    return None


def parse_year(raw: object) -> int | None:
    """2018, 2018.0, '2018年', '2018-12-31', a date cell → 2018; None when it is not a plausible year."""
    if isinstance(raw, (dt.date, dt.datetime)):
        return raw.year
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        y = int(raw)
        return y if y == raw and 1990 <= y <= 2100 else None
    s = name_key(raw)
    m = re.fullmatch(r"(19[89]\d|20\d\d)(?:\.0+|年(?:度)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?", s)
    return int(m.group(1)) if m else None


class _Ctx:
    """What every cell of one sheet shares: file, sheet, catalogue, the output."""

    def __init__(self, out: Parsed, sheet: Sheet, cat: Catalog, default_year: int | None):
        self.out, self.sheet, self.cat, self.default_year = out, sheet, cat, default_year

    def problem(
        self,
        severity: str,
        code: str,
        r: int | None = None,
        c: int | None = None,
        value: object = None,
        **params: object,
    ) -> None:
        cell = cell_ref(r, c) if r is not None and c is not None else None
        self.out.problems.append(Problem(severity, code, self.out.file_name, self.sheet.name, cell, value, params))

    def district(self, r: int, c: int, city: str | None = None) -> str | None:
        raw = self.sheet.cell(r, c)
        text = raw_text(raw).strip()
        codes = self.cat.match_district(text, city)
        if len(codes) == 1:
            return codes[0]
        if not codes:
            self.problem("error", "unknown_district", r, c, text, suggestions=self.cat.suggest_districts(text))
        else:
            ds = [self.cat.districts[x] for x in codes]
            self.problem(
                "error",
                "ambiguous_district",
                r,
                c,
                text,
                options="、".join(f"{d.city_zh}{d.name_zh}" for d in ds),
                example=f"{ds[0].city_zh}{ds[0].name_zh}",
            )
        return None

    def year(self, r: int, col: int | None) -> int | None:
        if col is not None:
            raw = self.sheet.cell(r, col)
            if not is_missing(raw):
                y = parse_year(raw)
                if y is None:
                    self.problem("error", "bad_year", r, col, raw_text(raw))
                return y
        return self.default_year

    def period(self, r: int, col: int | None, year: int) -> str | None:
        """The row's period code (etl.periods) from its 期间 cell, else from a sheet named for one (半年报,
        2020年1–8月), else the calendar year; None (reported) when the cell cannot be placed."""
        if col is not None and not is_missing(raw := self.sheet.cell(r, col)):
            try:
                return parse_period(raw_text(raw), year).code
            except PeriodError:
                self.problem("error", "bad_period", r, col, raw_text(raw), year=year)
                return None
        try:
            return parse_period(self.sheet.name, year).code
        except PeriodError:
            return "year"


def _is_total_row(cat: Catalog, raw: object) -> bool:
    return cat.column_role(raw_text(raw)) == "total_row"


@dataclass
class _Cell:
    r: int
    c: int
    raw: object
    parsed: ParsedNumber
    district: str
    year: int
    indicator: str
    header: str
    period: str = "year"

    def record(self, value: float, sheet: str) -> Record:
        """The cell as a record, with its value converted to base units."""
        raw = raw_text(self.raw)
        ref = cell_ref(self.r, self.c)
        return Record(
            self.district, self.year, self.indicator, value, self.parsed.qualifier, raw, sheet, ref, self.period
        )


def _emit(ctx: _Ctx, cells: list[_Cell], header_label: str, header_cell: tuple[int, int] | None) -> None:
    """Convert one column's (or one indicator's) parsed cells to base units and add them as records."""
    if not cells:
        return
    ind = ctx.cat.indicators[cells[0].indicator]
    if ind.unit == "percent":
        plain = [x for x in cells if not x.parsed.percent_sign]
        as_fraction = (
            bool(plain) and all(0 <= x.parsed.value <= 1 for x in plain) and any(x.parsed.value > 0 for x in plain)
        )
        as_fraction = as_fraction and not any(x.parsed.percent_sign and x.parsed.value > 1 for x in cells)
        if as_fraction:
            ex = next(x for x in plain if x.parsed.value > 0)
            hr, hc = header_cell if header_cell else (ex.r, ex.c)
            ctx.problem(
                "info",
                "percent_column_fraction",
                hr,
                hc,
                header_label,
                header=header_label,
                example=format_number(ex.parsed.value),
                example_pct=format_number(round(ex.parsed.value * 100, 6)),
            )
        for x in cells:
            value = x.parsed.value
            if as_fraction and not x.parsed.percent_sign:
                value = round(value * 100, 6)
            elif not x.parsed.percent_sign and 0 < value <= 1 and not as_fraction:
                ctx.problem(
                    "warning",
                    "percent_cell_ambiguous",
                    x.r,
                    x.c,
                    raw_text(x.raw),
                    indicator=ind.code,
                    pct=format_number(round(value * 100, 6)),
                )
            ctx.out.records.append(x.record(value, ctx.sheet.name))
        return
    unit = header_unit(header_label)
    factor = HEADER_UNIT_SCALE.get(unit or "")
    if factor and any(not x.parsed.scaled for x in cells) and header_cell:
        base = ind.unit_label_zh
        ctx.problem(
            "info",
            "header_scaled",
            header_cell[0],
            header_cell[1],
            header_label,
            header=header_label,
            unit=unit,
            base=base,
            factor=format_number(factor),
        )
    for x in cells:
        if x.parsed.percent_sign:
            ctx.problem("error", "percent_sign_not_percent", x.r, x.c, raw_text(x.raw), indicator=ind.code)
            continue
        value = x.parsed.value
        if factor and not x.parsed.scaled:
            value = round(value * factor, 6)
        ctx.out.records.append(x.record(value, ctx.sheet.name))


def _parse_value(ctx: _Ctx, r: int, c: int, indicator: str) -> ParsedNumber | None:
    if (r, c) in ctx.sheet.formula_cells:
        ctx.problem("error", "formula_without_value", r, c, None, indicator=indicator)
        return None
    raw = ctx.sheet.cell(r, c)
    try:
        return parse_number(raw)
    except NotANumber:
        ctx.problem("error", "not_a_number", r, c, raw_text(raw), indicator=indicator)
        return None


def parse_wide(ctx: _Ctx, h: Header) -> None:
    sheet, cat = ctx.sheet, ctx.cat
    dcol = h.roles.get("district", h.roles.get("district_code"))
    ycol = h.roles.get("year")
    ccol = h.roles.get("city")
    header_row = sheet.rows[h.row]
    data_rows = range(h.row + 1, len(sheet.rows))
    # Columns with a header we do not know: an error when they hold data (a misspelt indicator loses figures).
    for c in h.unknown_cols:
        label = raw_text(header_row[c]).strip()
        if cat.column_role(label) == "ignore":
            continue
        if any(not is_missing(sheet.cell(r, c)) for r in data_rows):
            ctx.problem("error", "unknown_indicator", h.row, c, label, suggestions=cat.suggest_indicators(label))
    known = set(h.indicator_cols) | set(h.roles.values()) | set(h.unknown_cols)
    width = max((len(r) for r in sheet.rows), default=0)
    for c in range(width):
        if (
            c not in known
            and is_missing(sheet.cell(h.row, c))
            and any(not is_missing(sheet.cell(r, c)) for r in data_rows)
        ):
            ctx.problem("warning", "unnamed_column", h.row, c, None, column=col_letter(c))
    seen_cols: dict[str, int] = {}
    for c, code in h.indicator_cols.items():
        if code in seen_cols:
            ctx.problem(
                "error",
                "duplicate_conflict",
                h.row,
                c,
                raw_text(header_row[c]),
                indicator=code,
                district="—",
                year="—",
                other_ref=cell_ref(h.row, seen_cols[code]),
                other_value=raw_text(header_row[seen_cols[code]]),
            )
        seen_cols.setdefault(code, c)
    columns: dict[int, list[_Cell]] = defaultdict(list)
    n_rows = 0
    formula_rows = {r for r, _ in sheet.formula_cells}
    for r in data_rows:
        row = sheet.rows[r]
        if all(is_missing(v) for v in row) and r not in formula_rows:
            continue
        draw = sheet.cell(r, dcol)
        if (r, dcol) in sheet.formula_cells:
            ctx.problem("error", "formula_without_value", r, dcol, None)
            continue
        if is_missing(draw):
            if any(not is_missing(sheet.cell(r, c)) or (r, c) in sheet.formula_cells for c in h.indicator_cols):
                ctx.problem("error", "unknown_district", r, dcol, "", suggestions=[])
            continue
        if _is_total_row(cat, draw):
            continue
        n_rows += 1
        city = raw_text(sheet.cell(r, ccol)) if ccol is not None else None
        district = ctx.district(r, dcol, city)
        year = ctx.year(r, ycol)
        if year is None and ycol is not None and not is_missing(sheet.cell(r, ycol)):
            continue  # bad_year already reported
        if year is None:
            ctx.problem("error", "no_year", r, ycol if ycol is not None else dcol, None)
            continue
        period = ctx.period(r, h.roles.get("period"), year)
        if period is None:
            continue
        blanks = []
        for c, code in h.indicator_cols.items():
            parsed = _parse_value(ctx, r, c, code)
            if parsed is None:
                if is_missing(sheet.cell(r, c)):
                    blanks.append(code)
                continue
            if district:
                columns[c].append(
                    _Cell(r, c, sheet.cell(r, c), parsed, district, year, code, raw_text(header_row[c]), period)
                )
        if district and blanks:
            ctx.out.blanks.setdefault((district, year), []).extend(blanks)
    if n_rows == 0:
        ctx.problem("warning", "sheet_no_rows", h.row, dcol, None)
    for c, cells in columns.items():
        _emit(ctx, cells, raw_text(header_row[c]), (h.row, c))


def parse_long(ctx: _Ctx, h: Header) -> None:
    sheet, cat = ctx.sheet, ctx.cat
    dcol = h.roles.get("district", h.roles.get("district_code"))
    ycol, icol, vcol = h.roles.get("year"), h.roles["indicator"], h.roles["value"]
    ccol, qcol = h.roles.get("city"), h.roles.get("qualifier")
    by_indicator: dict[str, list[_Cell]] = defaultdict(list)
    n_rows = 0
    for r in range(h.row + 1, len(sheet.rows)):
        if all(is_missing(v) for v in sheet.rows[r]):
            continue
        if _is_total_row(cat, sheet.cell(r, dcol)):
            continue
        n_rows += 1
        label = raw_text(sheet.cell(r, icol)).strip()
        code = cat.match_indicator(label)
        if not code:
            ctx.problem("error", "unknown_indicator", r, icol, label, suggestions=cat.suggest_indicators(label))
        city = raw_text(sheet.cell(r, ccol)) if ccol is not None else None
        district = ctx.district(r, dcol, city)
        year = ctx.year(r, ycol)
        if year is None:
            if ycol is None or is_missing(sheet.cell(r, ycol)):
                ctx.problem("error", "no_year", r, ycol if ycol is not None else dcol, None)
            continue
        if not code:
            continue
        period = ctx.period(r, h.roles.get("period"), year)
        parsed = _parse_value(ctx, r, vcol, code)
        if parsed is None or district is None or period is None:
            continue
        if qcol is not None and not is_missing(sheet.cell(r, qcol)):
            q = raw_text(sheet.cell(r, qcol)).strip()
            if q in ("exact", "approx", "more_than", "nearly"):
                parsed = ParsedNumber(parsed.value, q, parsed.percent_sign, parsed.scaled)
        by_indicator[code].append(_Cell(r, vcol, sheet.cell(r, vcol), parsed, district, year, code, code, period))
    if n_rows == 0:
        ctx.problem("warning", "sheet_no_rows", h.row, icol, None)
    for code, cells in by_indicator.items():
        _emit(ctx, cells, cat.indicators[code].name_zh, None)


def parse_targets(ctx: _Ctx, h: Header) -> None:
    sheet, cat = ctx.sheet, ctx.cat
    icol, tcol, ycol = h.roles["indicator"], h.roles["target"], h.roles.get("year")
    dcol = h.roles.get("district", h.roles.get("district_code"))
    for r in range(h.row + 1, len(sheet.rows)):
        if all(is_missing(v) for v in sheet.rows[r]):
            continue
        label = raw_text(sheet.cell(r, icol)).strip()
        if not label:
            ctx.problem("error", "target_without_indicator", r, icol, None)
            continue
        code = cat.match_indicator(label)
        if not code:
            ctx.problem("error", "unknown_indicator", r, icol, label, suggestions=cat.suggest_indicators(label))
            continue
        district = None
        if dcol is not None and not is_missing(sheet.cell(r, dcol)):
            district = ctx.district(r, dcol)
            if district is None:
                continue
        year = ctx.year(r, ycol)
        if year is None:
            if ycol is None or is_missing(sheet.cell(r, ycol)):
                ctx.problem("error", "no_year", r, ycol if ycol is not None else icol, None)
            continue
        parsed = _parse_value(ctx, r, tcol, code)
        if parsed is None:
            continue
        value = parsed.value
        if cat.indicators[code].unit == "percent" and not parsed.percent_sign and 0 < value <= 1:
            value = round(value * 100, 6)
        ctx.out.targets.append(TargetRecord(code, year, district, value, sheet.name, cell_ref(r, tcol)))


def parse_workbook(wb: Workbook, year: int | None = None, catalog: Catalog | None = None) -> Parsed:
    """Every figure in a read workbook, in base units, with every problem met on the way."""
    cat = catalog or load_catalog()
    out = Parsed(wb.file_name, wb.sha256, problems=list(wb.problems))
    if "text_named_as_excel" in wb.notes:
        out.problems.append(Problem("info", "text_named_as_excel", wb.file_name))
    file_year = year_in_name(wb.file_name)
    found = False
    skipped: list[Sheet] = []
    for sheet in wb.sheets:
        if sheet.hidden:
            if find_header(sheet, cat):
                out.problems.append(
                    Problem("warning", "sheet_hidden", wb.file_name, sheet.name, params={"sheet": sheet.name})
                )
            continue
        h = find_header(sheet, cat)
        if h is None:
            skipped.append(sheet)
            continue
        found = True
        default_year = year or year_in_name(sheet.name) or file_year
        ctx = _Ctx(out, sheet, cat, default_year)
        {"wide": parse_wide, "long": parse_long, "targets": parse_targets}[h.kind](ctx, h)
    if not found and not wb.problems:
        out.problems.append(
            Problem("error", "no_header", wb.file_name, wb.sheets[0].name if len(wb.sheets) == 1 else None)
        )
    elif found:
        from etl.template import HELPER_SHEETS

        for sheet in skipped:
            if sheet.name not in HELPER_SHEETS and any(not is_missing(v) for row in sheet.rows for v in row):
                out.problems.append(
                    Problem("info", "sheet_skipped", wb.file_name, sheet.name, params={"sheet": sheet.name})
                )
    return out
