"""Each registered ETL check alone, table-driven, on figures built in the test (no store, no workbook)."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.checks import CHECKS, SPREADSHEET, Checked, Origin, first_of_each, percent_hint
from etl.parse import Record, TargetRecord

CAT = load_catalog()
EAST, WEST = "900101", "900102"
RATE, REPORTED, RESOLVED, AID = "contract_rate_collective", "disputes_reported", "disputes_resolved", "aid_persons"


def rec(indicator=RATE, value=93.0, district=EAST, year=2023, cell="B2", period="year") -> Record:
    raw = "" if value is None else f"{value:g}"
    return Record(district, year, indicator, value, "exact", raw, "Sheet1", cell, period)


def target(value=90.0, year=2023, district=None, indicator=RATE) -> TargetRecord:
    return TargetRecord(indicator, year, district, value, "目标", "C3")


def run(name, records=(), targets=(), stored=None, allowed=None, origin=SPREADSHEET, row_of=None):
    given = list(records)
    checked = Checked("f.xlsx", first_of_each(given), list(targets), stored or {}, CAT, allowed, origin, given)
    checked.row_of.update(row_of or {})
    return [(p.severity, p.code, p.cell) for p in CHECKS[name](checked)]


# (check, records, targets, stored, allowed districts, problems as (severity, code, cell))
CASES = {
    "duplicates": [
        ([rec(cell="B2"), rec(cell="B9")], [], {}, None, []),
        (
            [rec(value=93.0, cell="B2"), rec(value=88.0, cell="B9")],
            [],
            {},
            None,
            [("error", "duplicate_conflict", "B9")],
        ),
        ([rec(cell="B2"), rec(cell="B9", period="m1-6")], [], {}, None, []),
    ],
    "district_scope": [
        ([rec(district=EAST), rec(RESOLVED, 1, district=EAST)], [], {}, {EAST}, []),
        (
            [rec(district=WEST, cell="B3"), rec(REPORTED, 5, district=WEST, cell="C3")],
            [],
            {},
            {EAST},
            [("error", "district_outside_scope", "B3")],
        ),
        ([rec(district=WEST)], [], {}, None, []),
    ],
    "year_range": [
        ([rec(year=2023)], [target(year=2023)], {}, None, []),
        (
            [rec(year=1850, cell="B2"), rec(REPORTED, 5, year=1850, cell="C2")],
            [],
            {},
            None,
            [("error", "year_out_of_range", "B2")],
        ),
        ([], [target(year=2999)], {}, None, [("error", "year_out_of_range", "C3")]),
    ],
    "value_range": [
        ([rec(RATE, 100.0), rec(REPORTED, 0.0), rec(AID, None)], [], {}, None, []),
        ([rec(RATE, 930.0)], [], {}, None, [("error", "percent_out_of_range", "B2")]),
        ([rec(REPORTED, -1.0)], [], {}, None, [("error", "negative_value", "B2")]),
        ([rec(REPORTED, float("inf"))], [], {}, None, [("error", "value_out_of_range", "B2")]),
        ([rec(AID, 3.5)], [], {}, None, [("warning", "not_integer", "B2")]),
    ],
    "targets": [
        ([], [target(90.0), target(None)], {}, None, []),
        ([], [target(120.0)], {}, None, [("error", "percent_out_of_range", "C3")]),
        ([], [target(-3.0, indicator=REPORTED)], {}, None, [("error", "negative_value", "C3")]),
        ([], [target(90.0, district=EAST)], {}, {EAST}, [("error", "target_outside_scope", "C3")]),
    ],
    "rules": [
        ([rec(RESOLVED, 4, cell="C2"), rec(REPORTED, 5, cell="B2")], [], {}, None, []),
        ([rec(RESOLVED, 7, cell="C2"), rec(REPORTED, 5, cell="B2")], [], {}, None, [("error", "rule_violation", "C2")]),
        (
            [rec(RESOLVED, 7, cell="C2")],
            [],
            {(EAST, 2023, REPORTED, "year"): (5.0, "exact", 1)},
            None,
            [("error", "rule_violation", "C2")],
        ),
        ([rec(RESOLVED, 7, cell="C2", period="m1-6"), rec(REPORTED, 5, cell="B2")], [], {}, None, []),
    ],
    "year_on_year": [
        ([rec(REPORTED, 50)], [], {(EAST, 2022, REPORTED, "year"): (40.0, "exact", 1)}, None, []),
        (
            [rec(REPORTED, 500)],
            [],
            {(EAST, 2022, REPORTED, "year"): (40.0, "exact", 1)},
            None,
            [("warning", "jump_vs_last_year", "B2")],
        ),
        ([rec(REPORTED, 4)], [], {(EAST, 2022, REPORTED, "year"): (1.0, "exact", 1)}, None, []),
        (
            [rec(RATE, 90, cell="B2"), rec(REPORTED, 12, cell="C2"), rec(RESOLVED, 11, cell="D2")],
            [],
            {
                (EAST, 2022, RATE, "year"): (90.0, "exact", 1),
                (EAST, 2022, REPORTED, "year"): (12.0, "exact", 1),
                (EAST, 2022, RESOLVED, "year"): (11.0, "exact", 1),
            },
            None,
            [("warning", "same_as_last_year", "B2")],
        ),
    ],
    "indicators_missing": [
        ([rec(RATE, district=EAST), rec(RATE, district=WEST)], [], {}, None, []),
        (
            [rec(RATE, district=EAST), rec(REPORTED, 3, district=EAST), rec(RATE, district=WEST, cell="B3")],
            [],
            {},
            None,
            [("warning", "indicators_missing", "B3")],
        ),
        ([rec(RATE, district=EAST), rec(REPORTED, 3, district=WEST, period="m1-6")], [], {}, None, []),
    ],
}


def test_every_registered_check_has_cases_here():
    assert set(CHECKS) == set(CASES)


@pytest.mark.parametrize(
    "name,records,targets,stored,allowed,expected",
    [(name, *case) for name, cases in CASES.items() for case in cases],
    ids=[f"{name}-{i}" for name, cases in CASES.items() for i in range(len(cases))],
)
def test_check_finds_exactly_the_expected_problems(name, records, targets, stored, allowed, expected):
    assert run(name, records, targets, stored, allowed) == expected


@pytest.mark.parametrize("value,hint", [(930.0, "93"), (9350.0, "93.5"), (150.0, "15"), (99.0, ""), (100001.0, "")])
def test_percent_hint_guesses_a_digit_typed_once_too_often(value, hint):
    assert percent_hint(value) == hint


def test_an_origin_renames_codes_numbers_figures_and_skips_checks():
    report = Origin("report", codes={"duplicate_conflict": "report_duplicate"}, skip=frozenset({"rules"}))
    a, b = rec(value=93.0, cell="字符 1–5"), rec(value=88.0, cell="字符 9–12")
    given = [a, b]
    checked = Checked("报告.txt", first_of_each(given), [], {}, CAT, None, report, given, {id(a): 1, id(b): 2})
    [p] = CHECKS["duplicates"](checked)
    assert p.code == "report_duplicate"
    assert (p.params["row"], p.params["other_row"], p.params["evidence"]) == (2, 1, "88")
