"""The checks every figure goes through, whatever brought it: small functions in one registry (pandera's pattern).

Each check takes a `Checked` (the figures, what the store holds, the catalogue, the editor's scope) and yields
problems; `etl.validate.validate` runs them all, so every problem is reported at once. An `Origin` says how a
problem is worded for where the figures came from: a cell of a spreadsheet, or a numbered figure of a report with
its evidence. A new check is one decorated function here and a parametrized test in tests/test_checks.py.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from etl.catalog import Catalog
from etl.numbers import MAX_ABS_VALUE
from etl.parse import Record, TargetRecord
from etl.problems import Problem, format_number
from etl.years import year_ok, year_range

# Jumps on last year beyond this factor (either way) are shown as warnings.
JUMP_FACTOR = 3.0
# Counts this small jump by ×3 all the time (1 dispute → 4); below it no jump warning is given.
JUMP_MIN_COUNT = 10
# A district-year must have at least this many figures before "all equal to last year" is suspicious.
SAME_AS_LAST_MIN = 3

# (district, year, indicator, period) -> (value, qualifier, batch_id)
Stored = dict[tuple[str, int, str, str], tuple[float, str, int]]
Key = tuple[str, int, str, str]


@dataclass(frozen=True)
class Origin:
    """Where figures came from, for the wording of their problems.

    `codes` renames a check's code where the source has its own message (a report's figures are numbered and
    quoted); `skip` names checks that make no sense for it; `same` says when one figure given twice is harmless."""

    name: str
    codes: dict[str, str] = field(default_factory=dict)
    skip: frozenset[str] = frozenset()
    same: Callable[[Record, Record], bool] = lambda a, b: a.value == b.value


SPREADSHEET = Origin("spreadsheet")


@dataclass
class Checked:
    """What a check sees: the figures (exact repeats dropped), the targets, the store's figures, the catalogue."""

    file_name: str
    records: list[Record]
    targets: list[TargetRecord]
    stored: Stored
    catalog: Catalog
    allowed_districts: set[str] | None = None
    origin: Origin = SPREADSHEET
    given: list[Record] = field(default_factory=list)  # every figure as given, repeats too
    row_of: dict[int, int] = field(default_factory=dict)  # id(record) -> its number in a report (messages)

    def problem(self, severity: str, code: str, rec: Record | None, value: object = None, **params: object) -> Problem:
        """A problem at a figure's cell, worded for the figures' origin (a report figure: its number, its words)."""
        code = self.origin.codes.get(code, code)
        if rec is not None and id(rec) in self.row_of:
            params = {"row": self.row_of[id(rec)], **params}
            params.setdefault("evidence", rec.raw)
        return Problem(
            severity, code, self.file_name, rec.sheet if rec else None, rec.cell if rec else None, value, params
        )

    def target_problem(self, code: str, t: TargetRecord, value: object = None, **params: object) -> Problem:
        return Problem("error", code, self.file_name, t.sheet, t.cell, value, params)

    def __post_init__(self) -> None:
        self._in_file = {rec.key: rec for rec in self.records}

    @functools.cached_property
    def groups(self) -> dict[tuple[str, int, str], list[Record]]:
        """The figures by district, year and period, grouped once for every check that asks (checks only read)."""
        return by_district_period(self.records)

    def value_of(self, key: Key) -> float | None:
        """The file's figure where it gives one, else the store's (rules and year-on-year checks use both)."""
        if key in self._in_file:
            return self._in_file[key].value
        s = self.stored.get(key)
        return s[0] if s else None

    def scope_names(self) -> str:
        cat, allowed = self.catalog, self.allowed_districts or set()
        return "、".join(cat.districts[d].name_zh for d in sorted(allowed) if d in cat.districts) or "—"


Check = Callable[[Checked], Iterator[Problem]]
CHECKS: dict[str, Check] = {}


def register(name: str) -> Callable[[Check], Check]:
    """Add a check to the registry under `name`; validate runs them in the order they were registered."""

    def add(check: Check) -> Check:
        if name in CHECKS:
            raise ValueError(f"check {name!r} registered twice")
        CHECKS[name] = check
        return check

    return add


def run_checks(checked: Checked) -> list[Problem]:
    """Every registered check the figures' origin does not skip, all problems at once."""
    return [p for name, check in CHECKS.items() if name not in checked.origin.skip for p in check(checked)]


def first_of_each(records: list[Record]) -> list[Record]:
    """One record per district, year, indicator and period: the first (a harmless repeat is dropped; a conflicting
    one too, and `duplicates` reports it)."""
    first: dict[Key, Record] = {}
    for rec in records:
        first.setdefault(rec.key, rec)
    return list(first.values())


@register("duplicates")
def duplicates(c: Checked) -> Iterator[Problem]:
    """The same district, year and indicator given twice with different figures: keep one."""
    first: dict[Key, Record] = {}
    for rec in c.given:
        other = first.setdefault(rec.key, rec)
        if other is rec or c.origin.same(other, rec):
            continue
        where = rec.indicator, rec.district, rec.year
        if id(other) in c.row_of:  # a report's figures are numbered: name the other by its number and words
            at = {"number": rec.value, "other_row": c.row_of[id(other)], "other_evidence": other.raw}
            at["other_number"] = other.value
        else:
            at = {"other_ref": f"{other.sheet}!{other.cell}", "other_value": other.raw}
        yield c.problem(
            "error", "duplicate_conflict", rec, rec.raw, indicator=where[0], district=where[1], year=where[2], **at
        )


@register("district_scope")
def district_scope(c: Checked) -> Iterator[Problem]:
    """An editor limited to some districts gives figures of another: once per district."""
    if c.allowed_districts is None:
        return
    reported: set[str] = set()
    for rec in c.records:
        if rec.district not in c.allowed_districts and rec.district not in reported:
            reported.add(rec.district)
            yield c.problem(
                "error", "district_outside_scope", rec, rec.raw, district=rec.district, scope=c.scope_names()
            )


@register("year_range")
def year_range_check(c: Checked) -> Iterator[Problem]:
    """Years within the configured range, however the year was given (a 年份 cell, --year, a sheet or file name)."""
    first, last = bounds = year_range()  # read once: a yearly file has tens of thousands of records
    bad: set[tuple[str | None, int]] = set()
    for rec in c.records:
        if not year_ok(rec.year, bounds) and (rec.sheet, rec.year) not in bad:
            bad.add((rec.sheet, rec.year))
            yield c.problem("error", "year_out_of_range", rec, rec.year, year=rec.year, first=first, last=last)
    for t in c.targets:
        if not year_ok(t.year, bounds):
            yield c.target_problem("year_out_of_range", t, t.year, year=t.year, first=first, last=last)


def percent_hint(value: float) -> str:
    """A percent above 100 read as a digit typed once too often: 930 → "93", 9350 → "93.5"; "" when none fits."""
    for div in (10, 100):
        if 100 < value and 0 < value / div <= 100:
            return format_number(value / div)
    return ""


def value_problem(c: Checked, rec: Record) -> Problem | None:
    """What is wrong with one figure's value, if anything: not finite or beyond ±10¹⁵, a percent outside 0–100,
    anything else negative (errors), a count of people that is not a whole number (a warning)."""
    if rec.value is None:  # a None value clears a figure: nothing to check
        return None
    if not math.isfinite(rec.value) or abs(rec.value) > MAX_ABS_VALUE:  # a grid's inf or 1e308 too
        return c.problem("error", "value_out_of_range", rec, rec.raw, indicator=rec.indicator)
    unit = c.catalog.indicators[rec.indicator].unit
    if unit == "percent" and not 0 <= rec.value <= 100:
        hint, number = percent_hint(rec.value), format_number(rec.value)
        return c.problem(
            "error", "percent_out_of_range", rec, rec.raw, indicator=rec.indicator, number=number, hint=hint
        )
    if unit != "percent" and rec.value < 0:
        number = format_number(rec.value)
        return c.problem("error", "negative_value", rec, rec.raw, indicator=rec.indicator, number=number)
    if unit in ("count", "person", "person_times") and rec.value != int(rec.value):
        return c.problem("warning", "not_integer", rec, rec.raw, indicator=rec.indicator)
    return None


@register("value_range")
def value_range(c: Checked) -> Iterator[Problem]:
    """Every figure's value_problem."""
    for rec in c.records:
        if (p := value_problem(c, rec)) is not None:
            yield p


@register("targets")
def targets(c: Checked) -> Iterator[Problem]:
    """Targets judge every district against the others: a reviewer's or a city editor's to set, never a district
    editor's (not even for their own district); within range like the figures they judge."""
    for t in c.targets:
        if c.allowed_districts is not None:
            yield c.target_problem("target_outside_scope", t, None, district=t.district or "*", scope=c.scope_names())
            continue
        if t.value is None:
            continue
        if not math.isfinite(t.value) or abs(t.value) > MAX_ABS_VALUE:
            yield c.target_problem("value_out_of_range", t, str(t.value), indicator=t.indicator)
            continue
        unit, number = c.catalog.indicators[t.indicator].unit, format_number(t.value)
        if unit == "percent" and not 0 <= t.value <= 100:
            yield c.target_problem("percent_out_of_range", t, number, indicator=t.indicator, number=number)
        elif unit != "percent" and t.value < 0:
            yield c.target_problem("negative_value", t, number, indicator=t.indicator, number=number)


def by_district_period(records: list[Record]) -> dict[tuple[str, int, str], list[Record]]:
    out: dict[tuple[str, int, str], list[Record]] = defaultdict(list)
    for rec in records:
        out[(rec.district, rec.year, rec.period)].append(rec)
    return out


@register("rules")
def rules(c: Checked) -> Iterator[Problem]:
    """The catalogue's consistency rules (a part never above its whole), within one period, against stored too."""
    for (district, year, period), recs in c.groups.items():
        codes = {r.indicator: r for r in recs}
        for rule in c.catalog.rules:
            if rule.smaller not in codes and rule.larger not in codes:
                continue
            small = c.value_of((district, year, rule.smaller, period))
            large = c.value_of((district, year, rule.larger, period))
            if small is not None and large is not None and small > large >= 0:  # a negative is its own error
                rec = codes.get(rule.smaller) or codes[rule.larger]
                yield c.problem(
                    "error",
                    "rule_violation",
                    rec,
                    rec.raw,
                    district=district,
                    year=year,
                    smaller=rule.smaller,
                    larger=rule.larger,
                    smaller_value=format_number(small),
                    larger_value=format_number(large),
                )


def is_jump(last: float, value: float, unit: str) -> bool:
    """More than JUMP_FACTOR up or down on last year; small counts (below JUMP_MIN_COUNT) jump too easily."""
    if last <= 0 or value <= 0 or (unit != "percent" and max(last, value) < JUMP_MIN_COUNT):
        return False
    return value / last > JUMP_FACTOR or last / value > JUMP_FACTOR


@register("year_on_year")
def year_on_year(c: Checked) -> Iterator[Problem]:
    """Calendar-year figures against the year before: jumps, and a district-year identical to the last."""
    units = {code: ind.unit for code, ind in c.catalog.indicators.items()}  # looked up once: every figure asks
    for (district, year, period), recs in c.groups.items():
        if period != "year":
            continue
        compared = equal = 0
        for rec in recs:
            last = c.value_of((district, year - 1, rec.indicator, "year"))
            if last is None or rec.value is None:
                continue
            compared += 1
            equal += last == rec.value
            if is_jump(last, rec.value, units[rec.indicator]):
                yield c.problem(
                    "warning",
                    "jump_vs_last_year",
                    rec,
                    rec.raw,
                    district=district,
                    indicator=rec.indicator,
                    last_year=year - 1,
                    last=format_number(last),
                )
        if compared >= SAME_AS_LAST_MIN and equal == compared == len(recs):
            yield c.problem(
                "warning",
                "same_as_last_year",
                recs[0],
                None,
                district=district,
                year=year,
                last_year=year - 1,
                count=compared,
            )


@register("indicators_missing")
def indicators_missing(c: Checked) -> Iterator[Problem]:
    """Indicators other districts gave in this file for the year but this one did not."""
    per_year: dict[int, set[str]] = defaultdict(set)
    for rec in c.records:
        if rec.period == "year":
            per_year[rec.year].add(rec.indicator)
    order = list(c.catalog.indicators)
    year_groups = {(d, y): recs for (d, y, p), recs in c.groups.items() if p == "year"}
    for (district, year), recs in sorted(year_groups.items()):
        missing = per_year[year] - {r.indicator for r in recs}
        if missing:
            yield c.problem(
                "warning",
                "indicators_missing",
                recs[0],
                None,
                district=district,
                year=year,
                indicators=sorted(missing, key=order.index),
            )
