"""Parsing sheets: header search, wide and long shapes, the year's sources, percent columns, units, total rows."""

import pytest
from build import xlsx_bytes

from etl.parse import parse_workbook, parse_year
from etl.read import read_workbook


def parse(rows, name="t.xlsx", title="Sheet1", year=None):
    return parse_workbook(read_workbook(xlsx_bytes(rows, title), name), year=year)


def values(parsed):
    return {(r.district, r.year, r.indicator): r.value for r in parsed.records}


def test_wide_sheet_with_title_rows_reads_every_cell(fixture_files):
    p = parse_workbook(read_workbook(fixture_files["wide_2022"]))
    v = values(p)
    assert v[("900101", 2022, "contract_rate_collective")] == 93.5
    assert v[("900102", 2022, "contract_rate_wage")] == 76.5  # 西城 → 西城区
    assert v[("900101", 2022, "aid_amount")] == 875000  # 87.5 万元
    assert v[("900101", 2022, "total_members")] == 19600  # 1.96万
    assert [r.qualifier for r in p.records if r.key == ("900101", 2022, "new_members", "year")] == ["more_than"]
    assert not any(r.district is None for r in p.records)
    assert len({r.district for r in p.records}) == 4  # the 合计 row is not a district
    assert next(r for r in p.records if r.key == ("900101", 2022, "contract_rate_collective", "year")).cell == "C3"


def test_gbk_csv_with_year_column(fixture_files):
    p = parse_workbook(read_workbook(fixture_files["csv_2023_gbk"]))
    v = values(p)
    assert v[("900101", 2023, "aid_amount")] == 920000
    assert ("900104", 2023, "contract_rate_collective") not in v


def test_long_sheet(fixture_files):
    p = parse_workbook(read_workbook(fixture_files["long"]))
    v = values(p)
    assert v[("900101", 2023, "money_recovered")] == 870000
    assert v[("900103", 2023, "training_persons")] == 3000
    assert {r.qualifier for r in p.records if r.indicator == "money_recovered"} == {"nearly"}


def test_targets_sheet(fixture_files):
    p = parse_workbook(read_workbook(fixture_files["targets"]))
    got = {(t.indicator, t.year, t.district): t.value for t in p.targets}
    assert got[("contract_rate_collective", 2022, None)] == 90
    assert got[("contract_rate_collective", 2023, "900104")] == 85
    assert len(got) == 7


@pytest.mark.parametrize(
    "name,title,option,expected",
    [
        ("t.xlsx", "2019年", None, 2019),  # sheet name
        ("示例市_2018.xlsx", "Sheet1", None, 2018),  # file name
        ("t.xlsx", "Sheet1", 2017, 2017),  # --year
        ("示例市_2018.xlsx", "2019年", None, 2019),  # the sheet is nearer than the file
    ],
)
def test_year_comes_from_sheet_file_or_option(name, title, option, expected):
    p = parse([["区县", "集体合同签订率"], ["东城区", 90]], name=name, title=title, year=option)
    assert [r.year for r in p.records] == [expected]


def test_year_column_wins_over_names():
    p = parse(
        [["区县", "年份", "集体合同签订率"], ["东城区", "2016年", 90], ["东城区", 2017.0, 91]], name="x_2020.xlsx"
    )
    assert sorted(r.year for r in p.records) == [2016, 2017]


@pytest.mark.parametrize(
    "raw,year",
    [
        (2018, 2018),
        (2018.0, 2018),
        ("2018年", 2018),
        ("2018-12-31", 2018),
        ("２０１８", 2018),
        ("2018年度", 2018),
        ("18", None),
        ("去年", None),
        (2018.5, None),
    ],
)
def test_parse_year(raw, year):
    assert parse_year(raw) == year


def test_fraction_percent_column_is_scaled_and_reported():
    p = parse([["区县", "集体合同签订率"], ["东城区", 0.935], ["西城区", 0.88]], title="2022")
    assert sorted(values(p).values()) == [88.0, 93.5]
    info = [x for x in p.problems if x.code == "percent_column_fraction"]
    assert len(info) == 1 and info[0].cell == "B1" and "93.5" in info[0].message()


def test_mixed_percent_column_keeps_percent_and_warns_on_small_value():
    p = parse([["区县", "集体合同签订率"], ["东城区", 93], ["西城区", 0.88]], title="2022")
    assert sorted(values(p).values()) == [0.88, 93.0]
    assert [(x.code, x.cell) for x in p.problems] == [("percent_cell_ambiguous", "B3")]


def test_percent_sign_in_count_column_is_an_error():
    p = parse([["区县", "群体性劳资纠纷"], ["东城区", "12%"]], title="2022")
    assert [(x.code, x.cell) for x in p.problems] == [("percent_sign_not_percent", "B2")]


def test_header_unit_wan_yuan_scales_plain_numbers_only():
    p = parse([["区县", "帮扶金额（万元）"], ["东城区", 12.5], ["西城区", "30万元"]], title="2022")
    assert values(p) == {("900101", 2022, "aid_amount"): 125000, ("900102", 2022, "aid_amount"): 300000}


def test_full_width_and_spaced_headers_and_names():
    p = parse([["区 县", "集体合同签订率（％）"], ["东 城 区", "９１．５％"]], title="2022")
    assert values(p) == {("900101", 2022, "contract_rate_collective"): 91.5}


def test_ignored_columns_and_blank_rows_are_skipped():
    p = parse(
        [
            ["序号", "区县", "集体合同签订率", "备注"],
            [1, "东城区", 90, "好"],
            [None, None, None, None],
            [2, "西城区", 85, ""],
        ],
        title="2022",
    )
    assert len(p.records) == 2 and not p.problems


def test_unknown_column_without_data_is_ignored():
    p = parse([["区县", "集体合同签订率", "其他说明列"], ["东城区", 90, None]], title="2022")
    assert not p.problems


def test_unnamed_column_with_data_is_warned():
    p = parse([["区县", "集体合同签订率", None], ["东城区", 90, 5]], title="2022")
    assert [(x.code, x.cell, x.severity) for x in p.problems] == [("unnamed_column", "C1", "warning")]


def test_ambiguous_district_needs_a_city():
    from etl import catalog

    cat = catalog.load_catalog()
    # A name shared by two districts must be refused, not guessed; with its city it is clear.
    twin = catalog.District(
        "999999", "东城区", "Dongcheng", "别的市", "Other", "别的省", "Other", "district", False, ("东城",)
    )
    other = catalog.Catalog(
        {**cat.indicators}, {**cat.districts, "999999": twin}, dict(cat.column_roles), list(cat.rules)
    )
    p = parse_workbook(
        read_workbook(xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 90], ["示例市东城区", 91]], "2022"), "t.xlsx"),
        catalog=other,
    )
    assert [(x.code, x.cell) for x in p.problems] == [("ambiguous_district", "A2")]
    assert [r.district for r in p.records] == ["900101"]


@pytest.mark.parametrize(
    "header,cell",
    [
        ("帮扶金额（万元）", 1e308),  # finite, but infinite once ×10,000
        ("帮扶金额（万元）", 2e11),  # 2e15 yuan after the header's scale
        ("帮扶金额", "9e14万"),
        ("会员总数", 1e308),
        ("集体合同签订率", 1e308),
        ("基层工会总数", "1" + "0" * 20),
        ("集体合同签订率", "1e308"),  # text, as a CSV gives it
        ("会员总数", "1e309"),  # inf once read
        ("帮扶金额", "1e305万"),
        ("帮扶金额（万元）", "1e308"),
        ("会员总数", "9" * 400),
        ("会员总数", "-inf"),
        ("会员总数", "∞"),
    ],
)
def test_value_out_of_range_after_every_scaling_is_refused_naming_the_cell(header, cell):
    p = parse([["区县", header], ["东城区", cell]], title="2022")
    assert [(x.code, x.cell) for x in p.problems if x.severity == "error"] == [("value_out_of_range", "B2")]
    assert values(p) == {}


@pytest.mark.parametrize(
    "header,cell",
    [("会员总数", "1.23457E+11"), ("会员总数", "1.5e3"), ("会员总数", "2E-05"), ("帮扶金额（万元）", "2e11")],
)
def test_a_number_in_scientific_notation_is_refused_as_rounded_not_as_text(header, cell):
    """In range as written: refused all the same (the export rounded it), even where a header would scale it."""
    p = parse([["区县", header], ["东城区", cell]], title="2022")
    assert [(x.code, x.cell) for x in p.problems if x.severity == "error"] == [("scientific_notation", "B2")]
    assert values(p) == {}


@pytest.mark.parametrize(
    "cells,role,indicator,period,unit",
    [
        (["集体合同签订率(%)"], "indicator", "contract_rate_collective", "", "%"),
        (["签订率（%）", "集体合同"], "indicator", "contract_rate_collective", "", "%"),
        (["签订率（%）", "女职工专项"], "indicator", "contract_rate_women", "", "%"),
        (["会员", "会员总数"], "indicator", "total_members", "", ""),
        (["会员", "新发展会员"], "indicator", "new_members", "", ""),
        (["女职工专项", "集体合同签订率"], "indicator", "contract_rate_women", "", ""),
        (["女职工", "会员总数"], "unclear", "total_members", "", ""),
        (["一、组织建设", "基层工会总数（家）"], "indicator", "total_unions", "", "家"),
        (["会员总数（人）", "本年"], "indicator", "total_members", "current", "人"),
        (["会员总数（人）", "上年同期"], "indicator", "total_members", "previous", "人"),
        (["会员总数（人）", "增减（%）"], "change", "", "change", "人"),
        (["其中：新发展会员"], "indicator", "new_members", "", ""),
        (["帮扶金额", "万元"], "indicator", "aid_amount", "", "万元"),
        (["区县"], "district", "", "", ""),
        (["片区"], "group", "", "", ""),
        (["基本情况", "区县"], "district", "", "", ""),
        (["合同签订率", "综合"], "unknown", "", "", ""),
    ],
)
def test_header_cells_are_understood_together(cells, role, indicator, period, unit):
    from etl.catalog import load_catalog
    from etl.parse import understand_header

    u = understand_header(load_catalog(), cells)
    assert (u["role"], u["indicator"], u["period"], u["unit"]) == (role, indicator, period, unit)
