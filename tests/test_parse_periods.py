"""Spreadsheets that say what their figures cover: a 期间 column, a sheet named for a half year."""

from build import xlsx_bytes

from etl.parse import parse_workbook
from etl.read import read_workbook


def parse(rows, title="Sheet1", year=None, tmp_path=None):
    return parse_workbook(read_workbook(xlsx_bytes(rows, title), "t.xlsx"), year=year)


def periods(parsed):
    return {(r.district, r.indicator): (r.year, r.period) for r in parsed.records}


def test_a_period_column_gives_each_row_its_period(tmp_path):
    p = parse(
        [
            ["区县", "年份", "期间", "新增会员"],
            ["东城区", 2020, "上半年", 300],
            ["西城区", 2020, "1-8月", 500],
            ["南湖区", 2020, "", 900],
            ["北山区", 2020, "全年", 800],
        ],
        tmp_path=tmp_path,
    )
    assert not [x for x in p.problems if x.severity == "error"], [x.line() for x in p.problems]
    got = periods(p)
    assert got[("900101", "new_members")] == (2020, "m1-6")
    assert got[("900102", "new_members")] == (2020, "m1-8")
    assert {got[(d, "new_members")][1] for d in ("900103", "900104")} == {"year"}


def test_a_half_year_sheet_is_read_as_the_half_year(tmp_path):
    p = parse([["区县", "新增会员"], ["东城区", 300]], title="2021年半年报", tmp_path=tmp_path)
    assert [(r.year, r.period) for r in p.records] == [(2021, "m1-6")]


def test_a_period_that_cannot_be_placed_is_refused_naming_its_cell(tmp_path):
    p = parse(
        [["区县", "年份", "期间", "新增会员"], ["东城区", 2020, "去年同期", 300], ["西城区", 2020, "2015-2019累计", 5]],
        tmp_path=tmp_path,
    )
    errors = [x for x in p.problems if x.severity == "error"]
    assert [(x.code, x.cell) for x in errors] == [("bad_period", "C2"), ("bad_period", "C3")]
    assert "去年同期" in errors[0].message("zh") and "2020" in errors[1].message("en")
    assert not p.records
