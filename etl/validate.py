"""Check parsed figures: ranges, duplicates, consistency rules, and changes against what the store holds."""

from __future__ import annotations

import math
from collections import defaultdict

from etl.catalog import Catalog, load_catalog
from etl.numbers import MAX_ABS_VALUE
from etl.parse import Parsed, Record
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


def percent_hint(value: float) -> str:
    """A percent above 100 read as a digit typed once too often: 930 → "93", 9350 → "93.5"; "" when none fits."""
    for div in (10, 100):
        if 100 < value and 0 < value / div <= 100:
            return format_number(value / div)
    return ""


def validate(
    parsed: Parsed, stored: Stored, catalog: Catalog | None = None, allowed_districts: set[str] | None = None
) -> list[Problem]:
    """Every problem at once; drops exact duplicate records from `parsed` (same cell value twice is harmless)."""
    cat = catalog or load_catalog()
    problems: list[Problem] = []

    def add(severity: str, code: str, rec: Record | None, value: object = None, **params: object) -> None:
        problems.append(
            Problem(
                severity, code, parsed.file_name, rec.sheet if rec else None, rec.cell if rec else None, value, params
            )
        )

    # Duplicates: the same district-year-indicator twice.
    first: dict[tuple[str, int, str, str], Record] = {}
    kept: list[Record] = []
    for rec in parsed.records:
        other = first.get(rec.key)
        if other is None:
            first[rec.key] = rec
            kept.append(rec)
        elif other.value != rec.value:
            add(
                "error",
                "duplicate_conflict",
                rec,
                rec.raw,
                indicator=rec.indicator,
                district=rec.district,
                year=rec.year,
                other_ref=f"{other.sheet}!{other.cell}",
                other_value=other.raw,
            )
    parsed.records = kept

    if allowed_districts is not None:
        reported: set[str] = set()
        for rec in kept:
            if rec.district not in allowed_districts and rec.district not in reported:
                reported.add(rec.district)
                add(
                    "error",
                    "district_outside_scope",
                    rec,
                    rec.raw,
                    district=rec.district,
                    scope="、".join(cat.districts[d].name_zh for d in sorted(allowed_districts) if d in cat.districts)
                    or "—",
                )

    # Years within the configured range, however the year was given (a 年份 cell, --year, a sheet or file name).
    first, last = year_range()
    bad_years: set[tuple[str | None, int]] = set()
    for rec in kept:
        if not year_ok(rec.year) and (rec.sheet, rec.year) not in bad_years:
            bad_years.add((rec.sheet, rec.year))
            add("error", "year_out_of_range", rec, rec.year, year=rec.year, first=first, last=last)
    for t in parsed.targets:
        if not year_ok(t.year):
            problems.append(
                Problem(
                    "error",
                    "year_out_of_range",
                    parsed.file_name,
                    t.sheet,
                    t.cell,
                    t.year,
                    {"year": t.year, "first": first, "last": last},
                )
            )

    # Ranges (a None value clears a figure: nothing to check).
    for rec in kept:
        if rec.value is None:
            continue
        if not math.isfinite(rec.value) or abs(rec.value) > MAX_ABS_VALUE:  # a grid's inf or 1e308 too
            add("error", "value_out_of_range", rec, rec.raw, indicator=rec.indicator)
            continue
        unit = cat.indicators[rec.indicator].unit
        if unit == "percent" and not 0 <= rec.value <= 100:
            add(
                "error",
                "percent_out_of_range",
                rec,
                rec.raw,
                indicator=rec.indicator,
                number=format_number(rec.value),
                hint=percent_hint(rec.value),
            )
        elif unit != "percent" and rec.value < 0:
            add("error", "negative_value", rec, rec.raw, indicator=rec.indicator)
        elif unit in ("count", "person", "person_times") and rec.value != int(rec.value):
            add("warning", "not_integer", rec, rec.raw, indicator=rec.indicator)
    for t in parsed.targets:
        # Targets judge every district against the others: a reviewer's or a city editor's to set, never a
        # district editor's (not even their own district's).
        if allowed_districts is not None:
            who = t.district or "*"
            problems.append(
                Problem(
                    "error",
                    "target_outside_scope",
                    parsed.file_name,
                    t.sheet,
                    t.cell,
                    None,
                    {
                        "district": who,
                        "scope": "、".join(
                            cat.districts[d].name_zh for d in sorted(allowed_districts) if d in cat.districts
                        )
                        or "—",
                    },
                )
            )
            continue
        if t.value is None:
            continue
        if not math.isfinite(t.value) or abs(t.value) > MAX_ABS_VALUE:
            problems.append(
                Problem(
                    "error",
                    "value_out_of_range",
                    parsed.file_name,
                    t.sheet,
                    t.cell,
                    str(t.value),
                    {"indicator": t.indicator},
                )
            )
            continue
        unit = cat.indicators[t.indicator].unit
        bad = (unit == "percent" and not 0 <= t.value <= 100) or (unit != "percent" and t.value < 0)
        if bad:
            code = "percent_out_of_range" if unit == "percent" else "negative_value"
            problems.append(
                Problem(
                    "error",
                    code,
                    parsed.file_name,
                    t.sheet,
                    t.cell,
                    format_number(t.value),
                    {"indicator": t.indicator, "number": format_number(t.value)},
                )
            )

    # The file's figures over what the store holds, for rules and year-on-year checks.
    in_file = {rec.key: rec for rec in kept}

    def value_of(key: tuple[str, int, str, str]) -> float | None:
        if key in in_file:
            return in_file[key].value
        s = stored.get(key)
        return s[0] if s else None

    # Rules compare figures of the same period; the year-on-year checks below compare calendar years only.
    by_district_period: dict[tuple[str, int, str], list[Record]] = defaultdict(list)
    for rec in kept:
        by_district_period[(rec.district, rec.year, rec.period)].append(rec)
    by_district_year = {(d, y): recs for (d, y, p), recs in by_district_period.items() if p == "year"}

    for (district, year, period), recs in by_district_period.items():
        codes = {r.indicator: r for r in recs}
        for rule in cat.rules:
            if rule.smaller not in codes and rule.larger not in codes:
                continue
            small = value_of((district, year, rule.smaller, period))
            large = value_of((district, year, rule.larger, period))
            if small is not None and large is not None and small > large >= 0:  # a negative is its own error
                rec = codes.get(rule.smaller) or codes[rule.larger]
                add(
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

    # Year-on-year: jumps, and a district-year identical to the last.
    for (district, year), recs in by_district_year.items():
        compared = equal = 0
        for rec in recs:
            last = value_of((district, year - 1, rec.indicator, "year"))
            if last is None or rec.value is None:
                continue
            compared += 1
            equal += last == rec.value
            unit = cat.indicators[rec.indicator].unit
            small_counts = unit != "percent" and max(last, rec.value) < JUMP_MIN_COUNT
            if (
                last > 0
                and rec.value > 0
                and not small_counts
                and (rec.value / last > JUMP_FACTOR or last / rec.value > JUMP_FACTOR)
            ):
                add(
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
            add(
                "warning",
                "same_as_last_year",
                recs[0],
                None,
                district=district,
                year=year,
                last_year=year - 1,
                count=compared,
            )

    # Indicators other districts reported in this file for the year but this one did not.
    per_year: dict[int, set[str]] = defaultdict(set)
    for rec in kept:
        if rec.period == "year":
            per_year[rec.year].add(rec.indicator)
    order = list(cat.indicators)
    for (district, year), recs in sorted(by_district_year.items()):
        missing = per_year[year] - {r.indicator for r in recs}
        if missing:
            add(
                "warning",
                "indicators_missing",
                recs[0],
                None,
                district=district,
                year=year,
                indicators=sorted(missing, key=order.index),
            )
    return problems
