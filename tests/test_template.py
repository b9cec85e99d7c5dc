"""The upload template: its sheets, headers the catalogue reads back, drop-downs, checks and prefilled rows."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.cell_range import CellRange

from etl.catalog import Catalog, load_catalog
from etl.template import HELPER_SHEETS, write_template


@pytest.fixture(scope="module")
def cat() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="module")
def template(cat, tmp_path_factory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "模板.xlsx", cat, city="示例市", year=2024)


@pytest.fixture(scope="module")
def book(template) -> openpyxl.Workbook:
    return openpyxl.load_workbook(template)


def validations_covering(ws, ref: str):
    return [dv for dv in ws.data_validations.dataValidation if any(ref in CellRange(str(r)) for r in dv.sqref.ranges)]


def test_template_opens_with_entry_indicator_and_instruction_sheets(book):
    assert book.sheetnames[:3] == ["填报", "指标说明", "填写说明"]
    assert book["区县列表"].sheet_state == "hidden"
    assert all(name in HELPER_SHEETS for name in book.sheetnames[1:])
    assert book.active.title == "填报"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_entry_header_is_a_catalogue_indicator_or_the_district_and_year(cat, tmp_path, lang):
    ws = openpyxl.load_workbook(write_template(tmp_path / f"t_{lang}.xlsx", cat, lang=lang)).worksheets[0]
    headers = [c.value for c in ws[1]]
    assert [cat.column_role(h) for h in headers[:2]] == ["district", "year"]
    codes = [cat.match_indicator(h) for h in headers[2:]]
    assert codes == list(cat.indicators)
    assert all(cat.column_role(h) is None for h in headers[2:])


def test_percent_headers_carry_the_percent_sign(cat, book):
    headers = [c.value for c in book["填报"][1]]
    assert cat.indicators["contract_rate_collective"].name_zh + "(%)" in headers
    assert cat.indicators["disputes_reported"].name_zh in headers  # already 群体性劳资纠纷（起）
    assert cat.indicators["disputes_reported"].name_zh + "(%)" not in headers


def test_district_drop_down_lists_every_catalogue_district(cat, book):
    ws = book["填报"]
    (dv,) = validations_covering(ws, "A2")
    assert dv.type == "list"
    assert "A500" in CellRange(str(dv.sqref))
    assert dv.formula1 == f"'区县列表'!$A$2:$A${len(cat.districts) + 1}"
    listed = [r[0] for r in book["区县列表"].iter_rows(min_row=2, values_only=True)]
    assert listed == [d.name_zh for d in cat.districts.values()]
    assert dv.showErrorMessage and "区县" in dv.error


def test_number_columns_check_ranges_with_a_chinese_message(cat, book):
    ws = book["填报"]
    headers = [c.value for c in ws[1]]
    rate_col = openpyxl.utils.get_column_letter(
        headers.index(cat.indicators["contract_rate_collective"].name_zh + "(%)") + 1
    )
    (rate,) = validations_covering(ws, f"{rate_col}2")
    assert (rate.type, rate.operator, rate.formula1, rate.formula2) == ("decimal", "between", "0", "100")
    assert "0 到 100" in rate.error and rate.showErrorMessage
    aid_col = openpyxl.utils.get_column_letter(headers.index(cat.indicators["aid_amount"].name_zh) + 1)
    (aid,) = validations_covering(ws, f"{aid_col}2")
    assert (aid.type, aid.operator, aid.formula1) == ("decimal", "greaterThanOrEqual", "0")
    assert "不小于 0" in aid.error
    assert ws.column_dimensions[rate_col].number_format == "0.0"
    assert ws.column_dimensions[aid_col].number_format == "#,##0.00"
    members_col = openpyxl.utils.get_column_letter(headers.index(cat.indicators["total_members"].name_zh) + 1)
    assert ws.column_dimensions[members_col].number_format == "#,##0"


def test_header_row_and_key_columns_are_frozen(book):
    assert book["填报"].freeze_panes == "C2"


def test_prefilled_rows_for_the_sample_city_are_its_16_districts(cat, book):
    rows = list(book["填报"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 16
    names = [r[0] for r in rows]
    assert names == [d.name_zh for d in cat.districts.values() if d.city_zh == "示例市"]
    assert all(r[1] == 2024 for r in rows)
    assert all(v is None for r in rows for v in r[2:])


def test_template_without_city_has_only_the_header(cat, tmp_path):
    ws = openpyxl.load_workbook(write_template(tmp_path / "blank.xlsx", cat)).worksheets[0]
    assert ws.max_row == 1


def test_unknown_city_is_refused(cat, tmp_path):
    with pytest.raises(ValueError, match="示例市"):
        write_template(tmp_path / "x.xlsx", cat, city="无此市")


def test_indicator_sheet_explains_every_indicator(cat, book):
    rows = list(book["指标说明"].iter_rows(values_only=True))
    assert list(rows[0]) == ["代码", "指标", "单位", "主题", "方向", "定义", "可识别的表头写法"]
    assert [r[0] for r in rows[1:]] == list(cat.indicators)
    by_code = {r[0]: r for r in rows[1:]}
    disputes = cat.indicators["disputes_reported"]
    assert by_code["disputes_reported"][1:3] == (disputes.name_zh, disputes.unit_label_zh)
    assert by_code["disputes_reported"][4] == "越低越好"
    assert by_code["contract_rate_collective"][4] == "越高越好"
    assert by_code["legal_aid_cases"][4] == "—"
    assert by_code["aid_amount"][6] == "、".join(cat.indicators["aid_amount"].aliases)
    assert all(r[3] and r[5] for r in rows[1:])


def test_instructions_sheet_explains_rates_money_and_blanks(book):
    text = "\n".join(r[0] for r in book["填写说明"].iter_rows(values_only=True) if r[0])
    for phrase in ("93.5", "万元", "留空", "公式"):
        assert phrase in text


def test_english_template_uses_english_labels_and_district_names(cat, tmp_path):
    wb = openpyxl.load_workbook(write_template(tmp_path / "en.xlsx", cat, city="Sample City", lang="en"))
    assert wb.sheetnames == ["Data", "Indicators", "Instructions", "Districts"]
    rows = list(wb["Data"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 16
    assert all(len(cat.match_district(r[0])) == 1 for r in rows)
    assert rows[0][0] == cat.districts["900101"].name_en
