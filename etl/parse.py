"""Turn raw sheets into records: find the header (one to four rows, merged cells, a statistics form's title, unit
note and column numbers, indicators down the side), tell long from wide, read every cell into base units, and
keep how each column and row was understood for the preview."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from etl.catalog import HEADER_UNIT_SCALE, Catalog, header_key, header_unit, load_catalog, name_key
from etl.numbers import (
    MAX_ABS_VALUE,
    NotANumber,
    OutOfRange,
    ParsedNumber,
    ScientificNotation,
    is_missing,
    parse_number,
)
from etl.periods import PeriodError, parse_period
from etl.problems import Problem, format_number
from etl.read import Sheet, Workbook, cell_ref, col_letter, year_in_name

HEADER_SEARCH_ROWS = 20  # title rows above the header are common; beyond 20 it is not a header
HEADER_ROWS_ABOVE = 2  # group rows above the row naming the district column (签订率 over 集体合同 / 工资专项 …)
HEADER_ROWS_BELOW = 2  # sub-header and unit rows below it
MAX_MERGED_CELLS = 1_000_000  # cells covered by merged ranges in one sheet; more is refused (a hostile file)
# Suggestions (您是不是指…) are looked up for this many distinct unknown names per file; the rest are counted.
MAX_SUGGESTED_NAMES = 50

# Units a header cell may consist of (人, （万元）, 单位：万元), by the kind of indicator they fit.
UNIT_KINDS = {
    "元": "yuan",
    "万元": "yuan",
    "千元": "yuan",
    "亿元": "yuan",
    "人": "person",
    "万人": "person",
    "名": "person",
    "人次": "person_times",
    "万人次": "person_times",
    "家": "count",
    "个": "count",
    "起": "count",
    "件": "count",
    "户": "count",
    "次": "count",
    "项": "count",
    "%": "percent",
    "百分比": "percent",
}
INDICATOR_KIND = {
    "yuan": "yuan",
    "person": "person",
    "person_times": "person_times",
    "count": "count",
    "percent": "percent",
}
_UNIT_NOTE = re.compile(r"(金额|资金|货币|人数)?(?:计量)?单位[:：]\s*([^\s，,；;]+(?:[、，,/][^\s，,；;]+)*)")
_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))")
_OF_WHICH = re.compile(r"^其中[:：]?")


@dataclass(slots=True)  # a yearly workbook makes 72,000: no instance dicts (faster to make, less memory)
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
    previous: bool = False  # from a 上年 column: checked against what is stored for that year (etl.load)

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
class ColumnReading:
    """How one column's header was understood (for the preview and --dry-run)."""

    sheet: str
    ref: str  # the header cells, e.g. B3:B4
    cells: list[str]  # the header cells' texts, top to bottom
    role: str  # indicator | district | district_code | year | city | group | ignore | change | unknown | unclear …
    indicator: str = ""
    period: str = ""  # "" (the sheet's year) or "previous" (the year before)
    unit: str = ""  # the unit applied (万元, 人 …), "" when none was written
    factor: float = 1.0
    unit_from: str = ""  # header | note: where the unit was written


@dataclass
class SheetReading:
    """How a sheet was read: its layout, header rows, year and where that came from, unit notes, skipped rows."""

    sheet: str
    kind: str  # wide | long | targets
    transposed: bool
    header: str  # the header rows (1-based), e.g. "3–4"
    year: int | None
    year_from: str  # column | option | sheet | file | title
    unit_notes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # (ref, reason, text)
    row_years: list[tuple[str, str, int]] = field(default_factory=list)  # (row ref, district text, year)


@dataclass
class Parsed:
    file_name: str
    sha256: str
    records: list[Record] = field(default_factory=list)
    targets: list[TargetRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # (district, year) -> indicator codes left blank in a wide sheet, for the "missing indicators" warning
    blanks: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    columns: list[ColumnReading] = field(default_factory=list)
    readings: list[SheetReading] = field(default_factory=list)
    suggested: set[str] = field(default_factory=set)  # the unknown names suggestions were looked up for
    unsuggested: set[str] = field(default_factory=set)  # … and those beyond MAX_SUGGESTED_NAMES


@dataclass
class Header:
    row: int  # the last header row (data follow)
    kind: str  # wide | long | targets
    roles: dict[str, int]
    indicator_cols: dict[int, str]
    unknown_cols: list[int]
    first: int = -1  # the first header row
    periods: dict[int, str] = field(default_factory=dict)  # column -> previous | change
    units: dict[int, tuple[str, str]] = field(default_factory=dict)  # column -> (unit, header | note)
    labels: dict[int, list[str]] = field(default_factory=dict)  # column -> its header cells
    unclear: dict[int, str] = field(default_factory=dict)  # column -> the indicator its lowest cell names
    ignored: dict[int, str] = field(default_factory=dict)  # column -> group | ignore | change
    unit_notes: list[str] = field(default_factory=list)
    title_year: tuple[int, int, int] | None = None  # (year, row, col) read from a title above the header
    transposed: bool = False

    def __post_init__(self) -> None:
        if self.first < 0:
            self.first = self.row


def raw_text(raw: object) -> str:
    if isinstance(raw, float) and raw == int(raw):
        return str(int(raw))
    return "" if raw is None else str(raw)


# --- merged cells ---------------------------------------------------------------------------------------------


class MergedTooMany(ValueError):
    pass


def _merge_map(sheet: Sheet) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell covered by a merged range -> the range's first cell (where its value is)."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    total = 0
    for r0, c0, r1, c1 in sheet.merged:
        total += (r1 - r0 + 1) * (c1 - c0 + 1)
        if total > MAX_MERGED_CELLS:
            raise MergedTooMany(total)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    out[(r, c)] = (r0, c0)
    return out


def _val(sheet: Sheet, mm: dict, r: int, c: int) -> object:
    return sheet.cell(*mm.get((r, c), (r, c)))


def _text(v: object) -> str:
    return "" if is_missing(v) or not isinstance(v, str) else v.strip()


# --- reading header cells -------------------------------------------------------------------------------------


def _unit_only(text: str) -> str | None:
    """The unit when a header cell is nothing but a unit: 人, （万元）, 单位：万元, 计量单位:家."""
    s = name_key(text).strip("()[]【】")
    m = re.fullmatch(r"(?:计量)?(?:金额)?单位[:：]?(.+)", s)
    if m:
        s = m.group(1).strip("()[]【】")
    return s if s in UNIT_KINDS or s in HEADER_UNIT_SCALE else None


def _neutral_group(cat: Catalog, group: str, code: str) -> bool:
    """A group cell above an indicator's own name that adds nothing to it (会员 over 会员总数; the theme's name)."""
    gk = header_key(_ORDINAL.sub("", group))
    if not gk or cat.column_role(gk) == "section":
        return True
    ind = cat.indicators[code]
    forms = [header_key(ind.name_zh), *(header_key(a) for a in ind.aliases)]
    theme = cat.themes.get(ind.theme)
    return any(gk in f for f in forms) or (theme is not None and gk == header_key(theme.name_zh))


def understand_header(cat: Catalog, cells: list[str]) -> dict:
    """What a column's header cells (top to bottom) say: its role or indicator, its period and its unit.

    The name is read from the cells together: group + sub-header or sub-header + group (签订率（%） over 集体合同 →
    集体合同签订率), else the lowest cell alone when the cells above add nothing to it (会员 over 会员总数);
    when they might (女职工 over 会员总数) the column is "unclear", never guessed."""
    period = ""
    unit = ""
    names: list[str] = []
    for raw in cells:
        t = _OF_WHICH.sub("", raw.strip()).strip()
        if not t:
            continue
        role = cat.column_role(t)
        if role in ("period_current", "period_previous", "period_change"):
            period = role.removeprefix("period_")
            continue
        u = _unit_only(t)
        if u:
            unit = u
            continue
        u = header_unit(t)
        if u and u != "%":
            unit = u
        elif u == "%" and not unit:
            unit = "%"
        names.append(t)
    out = {"role": "unknown", "indicator": "", "period": period, "unit": unit, "names": names}
    if not names:
        if period == "change":
            out["role"] = "change"
        return out
    role = cat.column_role(names[-1]) or (cat.column_role(names[0]) if len(names) == 1 else None)
    if role and role != "section":
        out["role"] = "indicator_name" if role == "indicator" else role  # the 指标 column of a long sheet
        return out
    if period == "change":
        out["role"] = "change"
        return out
    combos = []
    if len(names) >= 2:
        plain = [_ORDINAL.sub("", n) for n in names]
        combos += ["".join(plain), "".join(reversed(plain))]
        if len(plain) >= 3:
            combos += [plain[-2] + plain[-1], plain[-1] + plain[-2]]
    for combo in combos:
        code = cat.match_indicator(combo)
        if code:
            out.update(role="indicator", indicator=code)
            return out
    code = cat.match_indicator(names[-1])
    if code and all(_neutral_group(cat, g, code) for g in names[:-1]):
        out.update(role="indicator", indicator=code)
    elif code:
        out.update(role="unclear", indicator=code)
    return out


def _row_has_numbers(sheet: Sheet, mm: dict, r: int, cols: range, skip: set[int]) -> bool:
    for c in cols:
        if c in skip or (r, c) in mm:
            continue
        v = sheet.cell(r, c)
        if is_missing(v):
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return True
        try:
            if parse_number(v) is not None:
                return True
        except (OutOfRange, ScientificNotation):
            return True  # a number all the same, refused where it is read
        except NotANumber:
            continue
    return False


def _is_numbers_row(cat: Catalog, sheet: Sheet, r: int, dcol: int, width: int) -> bool:
    """甲 乙 1 2 3 …: a statistics form's column-number row."""
    if cat.row_marker(raw_text(sheet.cell(r, dcol))) == "numbers":
        return True
    if not is_missing(sheet.cell(r, dcol)):
        return False
    nums = []
    for c in range(width):
        v = sheet.cell(r, c)
        if is_missing(v):
            continue
        t = raw_text(v).strip()
        if cat.row_marker(t) == "numbers":
            continue
        if not re.fullmatch(r"\d{1,3}", t):
            return False
        nums.append(int(t))
    return len(nums) >= 2 and nums == list(range(1, len(nums) + 1))


def _labels(sheet: Sheet, mm: dict, rows: list[int], c: int, fill_left: bool) -> list[str]:
    """A column's header cells top to bottom, merged cells filled, repeats (a vertical merge) once."""
    out: list[str] = []
    for i, r in enumerate(rows):
        t = _text(_val(sheet, mm, r, c))
        if not t and fill_left and i < len(rows) - 1:  # CSV has no merges: a group name stands in its first column
            for cc in range(c - 1, -1, -1):
                left = _text(sheet.cell(r, cc))
                if left:
                    below = [_text(_val(sheet, mm, rr, cc)) for rr in rows[i + 1 :]]
                    t = left if any(below) else ""
                    break
                if not any(_text(_val(sheet, mm, rr, cc)) for rr in rows[i + 1 :]):
                    break
        if t and (not out or out[-1] != t):
            out.append(t)
    return out


def _evaluate(cat: Catalog, sheet: Sheet, mm: dict, rows: list[int], dcol: int | None, width: int) -> Header | None:
    fill_left = not sheet.merged
    roles: dict[str, int] = {}
    h = Header(rows[-1], "wide", roles, {}, [], first=rows[0])
    for c in range(width):
        cells = _labels(sheet, mm, rows, c, fill_left)
        if not cells:
            continue
        h.labels[c] = cells
        u = understand_header(cat, cells)
        if c == dcol:
            roles.setdefault("district", c)
            continue
        role = u["role"]
        if u["unit"]:
            h.units[c] = (u["unit"], "header")
        if role == "indicator":
            h.indicator_cols[c] = u["indicator"]
            if u["period"]:
                h.periods[c] = u["period"]
        elif role == "unclear":
            h.unclear[c] = u["indicator"]
        elif role in ("group", "ignore", "change"):
            h.ignored[c] = role
        elif role in ("unknown", "section", "total_row", "note_row"):
            h.unknown_cols.append(c)
        else:
            roles.setdefault("indicator" if role == "indicator_name" else role, c)
    return h


def find_header(sheet: Sheet, cat: Catalog, force_district_col: int | None = None) -> Header | None:
    """The header among the top rows: a row naming the district column (or, transposed, the row of district names)
    with the rows above and below it that belong to the header; or a long / targets header row."""
    try:
        mm = _merge_map(sheet)
    except MergedTooMany:
        return None
    width = max((len(r) for r in sheet.rows[: HEADER_SEARCH_ROWS + HEADER_ROWS_BELOW + 1]), default=0)
    top = min(HEADER_SEARCH_ROWS, len(sheet.rows))
    for r in range(top):
        cells = [_text(_val(sheet, mm, r, c)) for c in range(width)]
        roles = {}
        for c, t in enumerate(cells):
            role = cat.column_role(t) if t else None
            if role:
                roles.setdefault(role, c)
        has_district = "district" in roles or "district_code" in roles
        if force_district_col is None:
            if "indicator" in roles and "target" in roles:
                return Header(r, "targets", roles, {}, [])
            if "indicator" in roles and "value" in roles and has_district:
                return Header(r, "long", roles, {}, [])
            if not has_district:
                continue
            dcol = roles.get("district", roles.get("district_code"))
        else:
            dcol = force_district_col
        best: Header | None = None
        for up in range(HEADER_ROWS_ABOVE + 1):
            for down in range(HEADER_ROWS_BELOW + 1):
                rows = list(range(r - up, r + down + 1))
                if rows[0] < 0 or rows[-1] >= len(sheet.rows):
                    continue
                if not all(_header_row_ok(cat, sheet, mm, rr, r, dcol, width) for rr in rows if rr != r):
                    continue
                h = _evaluate(cat, sheet, mm, rows, dcol, width)
                if h is None:
                    continue
                score = _score(h)
                if best is None or score > _score(best):
                    best = h
        while best is not None and best.row + 1 < len(sheet.rows):  # a unit row under the header (人 | 万元 | %)
            nxt = best.row + 1
            others = {c: _text(_val(sheet, mm, nxt, c)) for c in range(width) if c != dcol}
            first = _text(_val(sheet, mm, nxt, dcol))
            if (
                not any(others.values())
                or not all(_unit_only(t) for t in others.values() if t)
                or (first and (cat.match_district(first) or cat.column_role(first) == "total_row"))
            ):
                break
            for c, t in others.items():
                if t:
                    best.units[c] = (_unit_only(t), "header")
                    best.labels.setdefault(c, []).append(t)
            best.row = nxt
        if best is not None and (best.indicator_cols or best.unclear):
            if "district_code" in roles and roles.get("district") is None:
                best.roles["district_code"] = best.roles.pop("district")
            _title_and_notes(cat, sheet, mm, best, width)
            return best
    return None


def _score(h: Header) -> tuple[int, int, int]:
    """Which header block reads best: most distinct (indicator, period) columns understood or flagged unclear,
    then fewest unclear, then fewest rows."""
    distinct = {(code, h.periods.get(c, "")) for c, code in h.indicator_cols.items()}
    return (len(distinct) + len(h.unclear), -len(h.unclear), -(h.row - h.first + 1))


def _header_row_ok(cat: Catalog, sheet: Sheet, mm: dict, rr: int, anchor: int, dcol: int, width: int) -> bool:
    """May row rr belong to the header block around the anchor row: no figures in it, its district cell empty or
    merged with the district header, or a unit label; and, above the anchor, not a title (one cell alone)."""
    d = sheet.cell(rr, dcol)
    merged_with_anchor = mm.get((rr, dcol)) == mm.get((anchor, dcol), (anchor, dcol))
    dt_ = _text(d)
    others = [_text(_val(sheet, mm, rr, c)) for c in range(width) if c != dcol]
    names_a_district = bool(dt_) and (bool(cat.match_district(dt_)) or cat.column_role(dt_) == "total_row")
    if any(others) and all(_unit_only(t) for t in others if t) and not names_a_district:
        return True  # a unit row: 单位 | % | 万人 | 万元
    if dt_ and not merged_with_anchor and not _unit_only(dt_) and cat.column_role(dt_) not in ("ignore", "group"):
        return False
    texts = [c for c in range(width) if c != dcol and _text(_val(sheet, mm, rr, c))]
    if not texts:
        return False
    if _row_has_numbers(sheet, mm, rr, range(width), {dcol}):
        return False
    if rr < anchor:
        own = [c for c in range(width) if _text(sheet.cell(rr, c))]
        if len(own) == 1 and own[0] <= dcol:  # a title in the first column, not a group over indicators
            return False
    return True


def _title_and_notes(cat: Catalog, sheet: Sheet, mm: dict, h: Header, width: int) -> None:
    """A year in a title above the header (…统计表（2024年）) and unit notes (金额单位：万元) above or in it."""
    years: dict[int, tuple[int, int]] = {}
    for r in range(0, h.row + 1):
        for c in range(width):
            t = _text(sheet.cell(r, c))
            if not t:
                continue
            for m in _UNIT_NOTE.finditer(t):
                if _note_units([m.group(0)]):  # 金额单位：万元, not 填报单位：示例市总工会
                    h.unit_notes.append(m.group(0))
            if r < h.first and re.search(r"(19[89]\d|20\d\d)\s*年", t) and not re.search(r"日期|月|日", t):
                y = year_in_name(t)
                if y:
                    years.setdefault(y, (r, c))
    if len(years) == 1:
        y, (r, c) = next(iter(years.items()))
        h.title_year = (y, r, c)


def _note_units(notes: list[str]) -> dict[str, str]:
    """金额单位：万元 → {"yuan": "万元"}; 单位：万元、人 → {"yuan": "万元", "person": "人"}."""
    out: dict[str, str] = {}
    for note in notes:
        m = _UNIT_NOTE.search(note)
        if not m:
            continue
        only = "yuan" if m.group(1) in ("金额", "资金", "货币") else "person" if m.group(1) == "人数" else None
        for u in re.split(r"[、，,/]", m.group(2)):
            u = u.strip("()（）")
            kind = UNIT_KINDS.get(u)
            if kind and (only is None or kind == only):
                out.setdefault(kind, u)
    return out


def transpose(sheet: Sheet) -> Sheet:
    """Rows and columns swapped; cell references stay those of the original sheet."""
    width = max((len(r) for r in sheet.rows), default=0)
    rows = [[sheet.cell(r, c) for r in range(len(sheet.rows))] for c in range(width)]
    return Sheet(
        sheet.file_name,
        sheet.name,
        rows,
        sheet.hidden,
        {(c, r) for r, c in sheet.formula_cells},
        [(c0, r0, c1, r1) for r0, c0, r1, c1 in sheet.merged],
        transposed=True,
    )


def find_transposed(sheet: Sheet, cat: Catalog) -> tuple[Sheet, Header] | None:
    """Indicators down the side, districts across the top: the row naming two or more districts, read turned."""
    width = max((len(r) for r in sheet.rows[:HEADER_SEARCH_ROWS]), default=0)
    if width > 2000:
        return None
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        hits = [c for c, v in enumerate(row) if _text(v) and len(cat.match_district(_text(v))) == 1]
        if len(hits) < 2:
            continue
        t = transpose(sheet)
        h = find_header(t, cat, force_district_col=r)
        if h is not None and len(h.indicator_cols) >= 2 and not h.unclear and not h.unknown_cols:
            h.transposed = True
            return t, h
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
    # A dotted year needs month and day (2018.12.31): "2024.5" may be a half year or a typo, never 2024.
    m = re.fullmatch(r"(19[89]\d|20\d\d)(?:\.0+|年(?:度)?|[-/]\d{1,2}(?:[-/]\d{1,2})?|\.\d{1,2}\.\d{1,2})?", s)
    return int(m.group(1)) if m else None


class _Ctx:
    """What every cell of one sheet shares: file, sheet, catalogue, the output."""

    def __init__(self, out: Parsed, sheet: Sheet, cat: Catalog, default_year: int | None):
        self.out, self.sheet, self.cat, self.default_year = out, sheet, cat, default_year
        self.mm: dict = {}
        self.reading: SheetReading | None = None

    def ref(self, r: int, c: int) -> str:
        return self.sheet.ref(r, c)

    def problem(
        self,
        severity: str,
        code: str,
        r: int | None = None,
        c: int | None = None,
        value: object = None,
        **params: object,
    ) -> None:
        cell = self.ref(r, c) if r is not None and c is not None else None
        self.out.problems.append(Problem(severity, code, self.out.file_name, self.sheet.name, cell, value, params))

    def suggestions(self, kind: str, text: str) -> list[str]:
        """您是不是指… for an unknown name, looked up for the first MAX_SUGGESTED_NAMES distinct names of a file."""
        key = f"{kind}:{text}"
        if key not in self.out.suggested and len(self.out.suggested) >= MAX_SUGGESTED_NAMES:
            self.out.unsuggested.add(key)
            return []
        self.out.suggested.add(key)
        cache = self.out.__dict__.setdefault("_suggest_cache", {})
        if key not in cache:
            fn = self.cat.suggest_districts if kind == "district" else self.cat.suggest_indicators
            cache[key] = fn(text)
        return cache[key]

    def district(self, r: int, c: int, city: str | None = None) -> str | None:
        raw = _val(self.sheet, self.mm, r, c)
        text = raw_text(raw).strip()
        codes = self.cat.match_district(text, city)
        if len(codes) == 1:
            return codes[0]
        if not codes:
            self.problem("error", "unknown_district", r, c, text, suggestions=self.suggestions("district", text))
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
        """The row's year: its 年份 cell (merged cells filled); a blank one is an error, never filled silently."""
        if col is not None:
            raw = _val(self.sheet, self.mm, r, col)
            if is_missing(raw):
                self.problem("error", "year_blank", r, col, None)
                return None
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


@dataclass(slots=True)
class _Cell:
    r: int
    c: int
    raw: object
    parsed: ParsedNumber
    district: str
    year: int
    indicator: str
    header: str
    ref: str = ""
    period: str = "year"
    previous: bool = False

    def record(self, value: float, sheet: str) -> Record:
        """The cell as a record, with its value converted to base units."""
        return Record(
            self.district,
            self.year,
            self.indicator,
            value,
            self.parsed.qualifier,
            raw_text(self.raw),
            sheet,
            self.ref or cell_ref(self.r, self.c),
            self.period,
            self.previous,
        )


def _unit_fits(unit: str, indicator_unit: str) -> bool:
    kind = UNIT_KINDS.get(unit)
    fits = INDICATOR_KIND.get(indicator_unit)
    # 帮扶困难职工（人） for person-times is how people write it; a note's unit applies to its own kind only
    return kind is None or unit == "万" or kind == fits or {kind, fits} == {"person", "person_times"}


def _emit(
    ctx: _Ctx,
    cells: list[_Cell],
    header_label: str,
    header_cell: tuple[int, int] | None,
    unit: str | None = None,
) -> None:
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
    if unit is None:
        unit = header_unit(header_label)
    factor = HEADER_UNIT_SCALE.get(unit or "")
    if unit and not _unit_fits(unit, ind.unit) and header_cell:
        ctx.problem(
            "error",
            "header_unit_mismatch",
            header_cell[0],
            header_cell[1],
            header_label,
            indicator=ind.code,
            written=unit,
        )
        return
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
        if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:  # checked again after the header's scale
            ctx.problem("error", "value_out_of_range", x.r, x.c, raw_text(x.raw), indicator=ind.code)
            continue
        ctx.out.records.append(x.record(value, ctx.sheet.name))


def _parse_value(ctx: _Ctx, r: int, c: int, indicator: str) -> ParsedNumber | None:
    if (r, c) in ctx.sheet.formula_cells:
        ctx.problem("error", "formula_without_value", r, c, None, indicator=indicator)
        return None
    raw = ctx.sheet.cell(r, c)
    try:
        return parse_number(raw)
    except OutOfRange:
        ctx.problem("error", "value_out_of_range", r, c, raw_text(raw), indicator=indicator)
        return None
    except ScientificNotation:
        ctx.problem("error", "scientific_notation", r, c, raw_text(raw), indicator=indicator)
        return None
    except NotANumber:
        ctx.problem("error", "not_a_number", r, c, raw_text(raw), indicator=indicator)
        return None


def _label(h: Header, c: int) -> str:
    return " / ".join(h.labels.get(c, []))


def _header_ref(ctx: _Ctx, h: Header, c: int) -> str:
    a, b = ctx.ref(h.first, c), ctx.ref(h.row, c)
    return a if a == b else f"{a}:{b}"


def parse_wide(ctx: _Ctx, h: Header) -> None:
    sheet, cat, mm = ctx.sheet, ctx.cat, ctx.mm
    dcol = h.roles.get("district", h.roles.get("district_code"))
    ycol = h.roles.get("year")
    ccol = h.roles.get("city")
    reading = ctx.reading
    data_rows = range(h.row + 1, len(sheet.rows))
    note_units = _note_units(h.unit_notes)
    # How each column was understood, shown before anything is committed.
    for c in sorted(h.labels):
        cells = h.labels[c]
        if c in h.indicator_cols:
            code = h.indicator_cols[c]
            unit, unit_from = h.units.get(c, ("", ""))
            if unit == "%" or not unit:
                note = note_units.get(INDICATOR_KIND.get(cat.indicators[code].unit, ""))
                unit, unit_from = (note, "note") if note and cat.indicators[code].unit != "percent" else ("", "")
            factor = HEADER_UNIT_SCALE.get(unit, 1.0)
            ctx.out.columns.append(
                ColumnReading(
                    sheet.name,
                    _header_ref(ctx, h, c),
                    cells,
                    "indicator",
                    code,
                    h.periods.get(c, ""),
                    unit,
                    factor,
                    unit_from,
                )
            )
            h.units[c] = (unit, unit_from)
        else:
            role = next((k for k, v in h.roles.items() if v == c), None) or h.ignored.get(c)
            if role is None:
                role = "unclear" if c in h.unclear else "unknown"
            ctx.out.columns.append(ColumnReading(sheet.name, _header_ref(ctx, h, c), cells, role, h.unclear.get(c, "")))
    for c, role in h.ignored.items():
        if role == "group":
            ctx.problem("info", "group_column_ignored", h.row, c, _label(h, c), header=_label(h, c))
    # Columns with a header we do not know: an error when they hold data (a misspelt indicator loses figures).
    for c in [*h.unknown_cols, *h.unclear]:
        label = _label(h, c)
        if not any(not is_missing(sheet.cell(r, c)) for r in data_rows):
            continue
        if c in h.unclear:
            ctx.problem(
                "error", "header_unclear", h.row, c, label, indicator=h.unclear[c], group=" / ".join(h.labels[c][:-1])
            )
        elif len(h.labels.get(c, [])) > 1:
            ctx.problem("error", "unknown_header", h.row, c, label, suggestions=ctx.suggestions("indicator", label))
        else:
            ctx.problem("error", "unknown_indicator", h.row, c, label, suggestions=ctx.suggestions("indicator", label))
    known = set(h.labels) | set(h.roles.values())
    width = max((len(r) for r in sheet.rows), default=0)
    for c in range(width):
        if c not in known and any(not is_missing(sheet.cell(r, c)) for r in data_rows):
            ctx.problem(
                "warning",
                "unnamed_column",
                h.row,
                c,
                None,
                column=col_letter(c) if not sheet.transposed else str(c + 1),
            )
    seen_cols: dict[tuple[str, str], int] = {}
    for c, code in h.indicator_cols.items():
        key = (code, h.periods.get(c, ""))
        if key in seen_cols:
            ctx.problem(
                "error",
                "duplicate_conflict",
                h.row,
                c,
                _label(h, c),
                indicator=code,
                district="—",
                year="—",
                other_ref=ctx.ref(h.row, seen_cols[key]),
                other_value=_label(h, seen_cols[key]),
            )
        seen_cols.setdefault(key, c)
    value_cols = {c: code for c, code in h.indicator_cols.items() if h.periods.get(c) != "change"}
    # What every row asks of a column, worked out once per column (a yearly workbook has 72,000 value cells).
    col_labels = {c: _label(h, c) for c in value_cols}
    col_previous = {c: h.periods.get(c) == "previous" for c in value_cols}
    columns: dict[int, list[_Cell]] = defaultdict(list)
    n_rows = 0
    formula_rows = {r for r, _ in sheet.formula_cells}
    has_formulas = bool(sheet.formula_cells)
    letters = {} if sheet.transposed else {c: col_letter(c) for c in value_cols}  # A1 references, made fast
    first_data = True
    for r in data_rows:
        row = sheet.rows[r]
        if all(is_missing(v) for v in row) and r not in formula_rows:
            continue
        draw = _val(sheet, mm, r, dcol)
        first_text = next((raw_text(v) for v in row if not is_missing(v)), "")
        if first_data and _is_numbers_row(cat, sheet, r, dcol, width):
            reading.skipped.append(
                (ctx.ref(r, dcol), "numbers", " ".join(raw_text(v) for v in row if not is_missing(v))[:60])
            )
            continue
        first_data = False
        if cat.row_marker(raw_text(draw)) == "note" or (is_missing(draw) and cat.row_marker(first_text) == "note"):
            reading.skipped.append((ctx.ref(r, dcol), "note", first_text[:60]))
            continue
        if (r, dcol) in sheet.formula_cells:
            ctx.problem("error", "formula_without_value", r, dcol, None)
            continue
        if is_missing(draw):
            if any(not is_missing(sheet.cell(r, c)) or (r, c) in sheet.formula_cells for c in h.indicator_cols):
                ctx.problem("error", "unknown_district", r, dcol, "", suggestions=[])
            continue
        if _is_total_row(cat, draw):
            reading.skipped.append((ctx.ref(r, dcol), "total", raw_text(draw)))
            continue
        n_rows += 1
        city = raw_text(_val(sheet, mm, r, ccol)) if ccol is not None else None
        district = ctx.district(r, dcol, city)
        year = ctx.year(r, ycol)
        if year is None and ycol is not None:
            continue  # year_blank or bad_year already reported
        if year is None:
            ctx.problem("error", "no_year", r, dcol, None)
            continue
        reading.row_years.append((ctx.ref(r, dcol), raw_text(draw).strip(), year))
        period = ctx.period(r, h.roles.get("period"), year)
        if period is None:
            continue
        blanks = []
        n_cells, row_number = len(row), str(r + 1)
        for c, code in value_cols.items():
            if mm and (r, c) in mm:
                if not is_missing(sheet.cell(*mm[(r, c)])):
                    ctx.problem("error", "merged_value_cell", r, c, None, indicator=code, first=ctx.ref(*mm[(r, c)]))
                continue
            raw = row[c] if c < n_cells else ""
            # the common cell, a finite number within range (NaN and ±inf fail the comparison): what parse_number
            # would make of it, without its checks for text (a yearly workbook has 72,000 of them)
            if type(raw) is float and -MAX_ABS_VALUE <= raw <= MAX_ABS_VALUE and not has_formulas:
                parsed = ParsedNumber(raw)
            else:
                parsed = _parse_value(ctx, r, c, code)
            if parsed is None:
                if is_missing(raw) and not col_previous[c]:
                    blanks.append(code)
                continue
            if district:
                previous = col_previous[c]
                columns[c].append(
                    _Cell(
                        r,
                        c,
                        raw,
                        parsed,
                        district,
                        year - 1 if previous else year,
                        code,
                        col_labels[c],
                        letters[c] + row_number if letters else ctx.ref(r, c),
                        period,
                        previous,
                    )
                )
        if district and blanks:
            ctx.out.blanks.setdefault((district, year), []).extend(blanks)
    if n_rows == 0:
        ctx.problem("warning", "sheet_no_rows", h.row, dcol, None)
    for c, cells in columns.items():
        unit = h.units.get(c, ("", ""))[0] or None
        _emit(ctx, cells, _label(h, c), (h.row, c), unit=unit or "")


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
        draw = _val(sheet, ctx.mm, r, dcol)
        if _is_total_row(cat, draw):
            ctx.reading.skipped.append((ctx.ref(r, dcol), "total", raw_text(draw)))
            continue
        first_text = next((raw_text(v) for v in sheet.rows[r] if not is_missing(v)), "")
        if cat.row_marker(raw_text(draw)) == "note" or (is_missing(draw) and cat.row_marker(first_text) == "note"):
            ctx.reading.skipped.append((ctx.ref(r, dcol), "note", first_text[:60]))
            continue
        n_rows += 1
        label = raw_text(_val(sheet, ctx.mm, r, icol)).strip()
        code = cat.match_indicator(label)
        if not code:
            ctx.problem("error", "unknown_indicator", r, icol, label, suggestions=ctx.suggestions("indicator", label))
        city = raw_text(_val(sheet, ctx.mm, r, ccol)) if ccol is not None else None
        district = ctx.district(r, dcol, city)
        year = ctx.year(r, ycol)
        if year is None:
            if ycol is None:
                ctx.problem("error", "no_year", r, dcol, None)
            continue
        ctx.reading.row_years.append((ctx.ref(r, dcol), raw_text(draw).strip(), year))
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
        by_indicator[code].append(
            _Cell(r, vcol, sheet.cell(r, vcol), parsed, district, year, code, code, ctx.ref(r, vcol), period)
        )
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
            ctx.problem("error", "unknown_indicator", r, icol, label, suggestions=ctx.suggestions("indicator", label))
            continue
        district = None
        if dcol is not None and not is_missing(sheet.cell(r, dcol)):
            district = ctx.district(r, dcol)
            if district is None:
                continue
        year = ctx.year(r, ycol)
        if year is None:
            if ycol is None:
                ctx.problem("error", "no_year", r, icol, None)
            continue
        parsed = _parse_value(ctx, r, tcol, code)
        if parsed is None:
            continue
        value = parsed.value
        if cat.indicators[code].unit == "percent" and not parsed.percent_sign and 0 < value <= 1:
            value = round(value * 100, 6)
        ctx.out.targets.append(TargetRecord(code, year, district, value, sheet.name, ctx.ref(r, tcol)))


def _axis_span(h: Header) -> str:
    """The header's rows (1-based: 2–3), or for a transposed sheet its columns (B–C)."""
    a, b = (col_letter(h.first), col_letter(h.row)) if h.transposed else (str(h.first + 1), str(h.row + 1))
    return a if a == b else f"{a}–{b}"


def _sheet_year(
    ctx: _Ctx, h: Header, option: int | None, sheet_year: int | None, file_year: int | None
) -> tuple[int | None, str]:
    """The year for rows without a 年份 cell: --year, else the sheet name, else the file name, else the title;
    a title that names another year than the sheet or file name is an error (which one is meant?)."""
    if option:
        return option, "option"
    named, source = (sheet_year, "sheet") if sheet_year else (file_year, "file") if file_year else (None, "")
    if h.title_year:
        y, r, c = h.title_year
        if named and named != y and "year" not in h.roles:
            ctx.problem(
                "error",
                "year_conflict",
                r,
                c,
                raw_text(ctx.sheet.cell(r, c)),
                title=y,
                named=named,
                source_zh={"sheet": "工作表名", "file": "文件名"}[source],
                source_en={"sheet": "sheet name", "file": "file name"}[source],
            )
            return None, "conflict"
        if not named:
            return y, "title"
    return named, source


def parse_workbook(wb: Workbook, year: int | None = None, catalog: Catalog | None = None) -> Parsed:
    """Every figure in a read workbook, in base units, with every problem met on the way and how it was read."""
    cat = catalog or load_catalog()
    out = Parsed(wb.file_name, wb.sha256, problems=list(wb.problems))
    if "text_named_as_excel" in wb.notes:
        out.problems.append(Problem("info", "text_named_as_excel", wb.file_name))
    for fmt, code in (("format:html", "file_is_html_read"), ("format:xml2003", "file_is_xml2003")):
        if fmt in wb.notes:
            out.problems.append(Problem("info", code, wb.file_name))
    file_year = year_in_name(wb.file_name)
    from etl.template import HELPER_SHEETS

    found = False
    skipped: list[Sheet] = []
    for sheet in wb.sheets:
        if sheet.name in HELPER_SHEETS:  # the template's own lists of names and indicators
            continue
        try:
            mm = _merge_map(sheet)
        except MergedTooMany as err:
            out.problems.append(
                Problem("error", "merged_too_many", wb.file_name, sheet.name, params={"cells": err.args[0]})
            )
            continue
        h = find_header(sheet, cat)
        view = sheet
        if h is None:
            turned = find_transposed(sheet, cat)
            if turned:
                view, h = turned
                mm = _merge_map(view)
        if sheet.hidden:
            if h:
                out.problems.append(
                    Problem("warning", "sheet_hidden", wb.file_name, sheet.name, params={"sheet": sheet.name})
                )
            continue
        if h is None:
            skipped.append(sheet)
            continue
        found = True
        ctx = _Ctx(out, view, cat, None)
        ctx.mm = mm
        default_year, source = _sheet_year(ctx, h, year, year_in_name(sheet.name), file_year)
        if "year" in h.roles:
            source = "column"
        ctx.default_year = default_year
        ctx.reading = SheetReading(
            sheet.name,
            h.kind,
            h.transposed,
            _axis_span(h),
            default_year,
            source,
            list(dict.fromkeys(h.unit_notes)),
        )
        out.readings.append(ctx.reading)
        if source == "conflict":
            continue
        {"wide": parse_wide, "long": parse_long, "targets": parse_targets}[h.kind](ctx, h)
    if out.unsuggested:
        out.problems.append(
            Problem(
                "info",
                "suggestions_capped",
                wb.file_name,
                params={"n": len(out.unsuggested), "limit": MAX_SUGGESTED_NAMES},
            )
        )
    out.__dict__.pop("_suggest_cache", None)  # the lookups' memory goes with the check
    if not found and not wb.problems:
        out.problems.append(
            Problem("error", "no_header", wb.file_name, wb.sheets[0].name if len(wb.sheets) == 1 else None)
        )
    elif found:
        for sheet in skipped:
            if sheet.name not in HELPER_SHEETS and any(not is_missing(v) for row in sheet.rows for v in row):
                out.problems.append(
                    Problem("info", "sheet_skipped", wb.file_name, sheet.name, params={"sheet": sheet.name})
                )
    return out
