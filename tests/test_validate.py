"""Validation: one broken sheet of each kind names its cell; warnings against last year; every problem at once."""

import pytest
from build import BROKEN, xlsx_bytes

from etl.db import open_store
from etl.load import check_file


def xlsx(rows, title="2023"):
    return xlsx_bytes(rows, title)


@pytest.mark.parametrize("name,rows,code,cell", BROKEN, ids=[b[2] + ":" + b[0] for b in BROKEN])
def test_broken_sheet_is_rejected_naming_its_cell(fixture_files, empty_db, name, rows, code, cell):
    with open_store(empty_db) as con:
        plan = check_file(fixture_files[name], con)
    errors = [p for p in plan.problems if p.severity == "error"]
    assert not plan.ok
    assert [(p.code, p.cell) for p in errors] == [(code, cell)]
    assert errors[0].location.startswith(name)
    for lang in ("zh", "en"):
        msg = errors[0].message(lang)
        assert "{" not in msg and len(msg) > 10


def codes(plan, severity=None):
    return [(p.code, p.cell) for p in plan.problems if severity is None or p.severity == severity]


def test_all_problems_of_a_file_come_at_once(empty_db):
    rows = [
        ["区县", "集体合同签订率", "群体性劳资纠纷", "已结案纠纷"],
        ["东成区", 90, 1, 1],
        ["西城区", "abc", 5, 7],
        ["南湖区", 130, -1, 0],
    ]
    with open_store(empty_db) as con:
        plan = check_file(xlsx(rows), con, file_name="many.xlsx")
    assert sorted(codes(plan, "error")) == sorted(
        [
            ("unknown_district", "A2"),
            ("not_a_number", "B3"),
            ("rule_violation", "D3"),
            ("percent_out_of_range", "B4"),
            ("negative_value", "C4"),
        ]
    )


def test_scope_rejects_other_districts_naming_the_row(empty_db):
    rows = [["区县", "集体合同签订率"], ["东城区", 90], ["西城区", 91]]
    with open_store(empty_db) as con:
        plan = check_file(xlsx(rows), con, file_name="s.xlsx", allowed_districts={"900101"})
    assert codes(plan, "error") == [("district_outside_scope", "B3")]


def test_rule_uses_the_stored_value_when_the_file_lacks_one(fresh_db):
    # 东城区 2023 has 9 disputes reported in the store; a file saying 12 were resolved contradicts it.
    with open_store(fresh_db) as con:
        plan = check_file(xlsx([["区县", "已结案纠纷"], ["东城区", 12]]), con, file_name="r.xlsx")
    assert codes(plan, "error") == [("rule_violation", "B2")]


def test_jump_beyond_three_times_last_year_is_a_warning(fresh_db):
    # 东城区 2023 total members 20,500 in the store; 2024 at 70,000 is more than ×3.
    with open_store(fresh_db) as con:
        plan = check_file(
            xlsx([["区县", "会员总数"], ["东城区", 70000], ["西城区", 16000]], "2024"), con, file_name="j.xlsx"
        )
    assert plan.ok
    assert codes(plan, "warning") == [("jump_vs_last_year", "B2")]
    assert "20500" in plan.problems[0].message()


def test_small_counts_do_not_trigger_jump_warnings(empty_db):
    with open_store(empty_db) as con:
        plan = check_file(
            xlsx([["区县", "年份", "群体性劳资纠纷"], ["东城区", 2022, 1], ["东城区", 2023, 4]]),
            con,
            file_name="c.xlsx",
        )
    assert codes(plan) == []


def test_district_identical_to_last_year_is_a_warning(fresh_db):
    row = ["东城区", 94.0, 84.0, 92.5, 9, 9]
    with open_store(fresh_db) as con:
        plan = check_file(
            xlsx([["区县", "集体合同签订率", "工资专项", "女职工专项", "群体性劳资纠纷", "已结案纠纷"], row], "2024"),
            con,
            file_name="same.xlsx",
        )
    assert ("same_as_last_year", "B2") in codes(plan, "warning")


def test_indicators_missing_for_a_district_is_a_warning(empty_db):
    rows = [["区县", "集体合同签订率", "会员总数"], ["东城区", 90, 1000], ["西城区", 91, None]]
    with open_store(empty_db) as con:
        plan = check_file(xlsx(rows), con, file_name="m.xlsx")
    assert plan.ok
    warn = [p for p in plan.problems if p.code == "indicators_missing"]
    assert len(warn) == 1 and "会员总数" in warn[0].message() and "西城区" in warn[0].message()


def test_same_value_twice_is_not_an_error(empty_db):
    rows = [["区县", "集体合同签订率"], ["东城区", 90], ["东城区", "90%"]]
    with open_store(empty_db) as con:
        plan = check_file(xlsx(rows), con, file_name="d.xlsx")
    assert plan.ok and len(plan.records) == 1


def test_english_messages(fixture_files, empty_db):
    with open_store(empty_db) as con:
        plan = check_file(fixture_files["broken_unknown_district_2022.xlsx"], con)
    assert plan.problems[0].message("en") == "Unknown district “东成区”. Did you mean: 示例市东城区?"


@pytest.mark.parametrize("value", [float("inf"), float("nan"), 1e308, -1e300])
def test_grid_values_and_targets_beyond_any_plausible_range_are_refused(value):
    from etl.parse import Parsed, Record, TargetRecord
    from etl.validate import validate

    parsed = Parsed("grid", None)
    parsed.records = [Record("900101", 2022, "total_members", value, "exact", str(value), "grid", "B2")]
    parsed.targets = [TargetRecord("contract_rate_collective", 2022, None, value, "grid", "C3")]
    problems = validate(parsed, {})
    assert [(p.code, p.cell) for p in problems if p.severity == "error"] == [
        ("value_out_of_range", "B2"),
        ("value_out_of_range", "C3"),
    ]
