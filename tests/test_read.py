"""Reading files: real formats sniffed from their bytes, CSV encodings, .xls, hidden sheets, damaged files."""

import io
import zipfile

import openpyxl
import pytest

from etl.load import check_file
from etl.read import col_letter, decode_csv, read_workbook, sniff_format, year_in_name

CSV = "区县,年份,集体合同签订率\n东城区,2022,91.5\n"


@pytest.mark.parametrize(
    "encoding,expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16")],
)
def test_csv_encodings_are_detected(encoding, expected):
    text, enc = decode_csv(CSV.encode(encoding))
    assert enc == expected
    assert text.lstrip("\ufeff") == CSV


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_sheet_holds_the_cells(encoding):
    wb = read_workbook(CSV.encode(encoding), "a.csv")
    assert not wb.problems
    assert wb.sheets[0].rows[1] == ["东城区", "2022", "91.5"]


def test_semicolon_separated_csv_is_split():
    wb = read_workbook("区县;年份;集体合同签订率\n东城区;2022;91,5\n".encode(), "a.csv")
    assert wb.sheets[0].rows[0] == ["区县", "年份", "集体合同签订率"]


@pytest.mark.parametrize(
    "data,kind",
    [
        (b"", "empty"),
        (b"  \n", "empty"),
        (b"PK\x03\x04rest", "xlsx"),
        (b"<html><table></table></html>", "html"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "xls"),
        ("区县,x".encode(), "text"),
    ],
)
def test_format_is_sniffed_from_bytes(data, kind):
    assert sniff_format(data) == kind


@pytest.mark.parametrize(
    "name,data,code",
    [
        ("a.xlsx", b"", "file_empty"),
        ("a.xlsx", b"<html><body><p>no table here</p></body></html>", "file_is_html"),
        ("a.xlsx", b"PK\x03\x04" + b"\x00" * 40, "file_damaged"),
        ("a.pdf", b"%PDF-1.4", "file_extension"),
        ("a.csv", b"\xff\xfa\xfb\x81\x00\x81\x30", "csv_encoding"),
    ],
)
def test_unreadable_files_give_a_problem_not_a_traceback(name, data, code):
    wb = read_workbook(data, name)
    assert [p.code for p in wb.problems] == [code]
    assert wb.problems[0].message("zh") and wb.problems[0].message("en")


def test_truncated_xlsx_is_reported_damaged(fixture_files):
    data = fixture_files["wide_2022"].read_bytes()
    wb = read_workbook(data[: len(data) // 2], "half.xlsx")
    assert wb.problems and wb.problems[0].code == "file_damaged"


def test_csv_named_xlsx_is_read_as_csv(empty_db):
    from etl.db import open_store

    with open_store(empty_db) as con:
        plan = check_file(CSV.encode("gbk"), con, file_name="导出_2022.xlsx")
    assert plan.ok
    assert [p.code for p in plan.problems] == ["text_named_as_excel"]
    assert plan.records[0].value == 91.5


def test_xls_is_read_with_calamine(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sh = book.add_sheet("2021年")
    for c, v in enumerate(["区县", "集体合同签订率(%)"]):
        sh.write(0, c, v)
    sh.write(1, 0, "东城区")
    sh.write(1, 1, 88.5)
    path = tmp_path / "old.xls"
    book.save(str(path))
    wb = read_workbook(path)
    assert not wb.problems
    assert wb.sheets[0].name == "2021年"
    assert wb.sheets[0].rows[1] == ["东城区", 88.5]


def test_hidden_sheet_is_flagged_and_not_loaded(empty_db):
    from etl.db import open_store

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2022"
    ws.append(["区县", "集体合同签订率"])
    ws.append(["东城区", 90])
    hidden = wb.create_sheet("2021")
    hidden.append(["区县", "集体合同签订率"])
    hidden.append(["东城区", 80])
    hidden.sheet_state = "hidden"
    buf = io.BytesIO()
    wb.save(buf)
    with open_store(empty_db) as con:
        plan = check_file(buf.getvalue(), con, file_name="h.xlsx")
    assert [(r.year, r.value) for r in plan.records] == [(2022, 90.0)]
    assert any(p.code == "sheet_hidden" and p.sheet == "2021" for p in plan.problems)


def test_xlsx_is_a_zip_with_a_workbook(fixture_files):
    assert zipfile.is_zipfile(fixture_files["wide_2022"])


@pytest.mark.parametrize("col,letter", [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA")])
def test_column_letters(col, letter):
    assert col_letter(col) == letter


@pytest.mark.parametrize(
    "name,year",
    [("示例市_2015年指标.xlsx", 2015), ("2016", 2016), ("报表", None), ("2015-2016对比", None), ("202301", None)],
)
def test_year_in_name(name, year):
    assert year_in_name(name) == year


def test_formula_without_saved_result_is_an_error_not_a_zero(empty_db):
    from etl.db import open_store

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2023"
    ws.append(["区县", "群体性劳资纠纷", "已结案纠纷"])
    ws.append(["东城区", 5, "=B2-1"])  # openpyxl saves the formula without a computed value
    buf = io.BytesIO()
    wb.save(buf)
    with open_store(empty_db) as con:
        plan = check_file(buf.getvalue(), con, file_name="f.xlsx")
    assert [(p.code, p.cell) for p in plan.problems if p.severity == "error"] == [("formula_without_value", "C2")]
    assert "粘贴为数值" in plan.problems[0].message()


def test_zip_bomb_is_refused_before_it_is_read(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))  # 50 MB of zeros packs to ~50 KB
    wb = read_workbook(buf.getvalue(), "bomb.xlsx")
    assert [p.code for p in wb.problems] == ["file_too_large_unpacked"]


def _load_in_subprocess(path, db, tmp_path):
    """`etl load --dry-run` in its own process under a 1.5 GB address-space limit: a crash cannot take pytest down."""
    import resource
    import subprocess
    import sys
    from pathlib import Path

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))

    return subprocess.run(
        [sys.executable, "-m", "etl", "load", str(path), "--dry-run", "--db", str(db)],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit,
    )


@pytest.mark.parametrize("key", ["far_cell", "far_cell_no_dimension", "far_cell_lying"])
def test_cell_at_xfd99999_is_refused_naming_sheet_and_range_without_reading(key, fixture_files, empty_db, tmp_path):
    r = _load_in_subprocess(fixture_files[key], empty_db, tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out[-2000:]
    assert "Traceback" not in out and "panicked" not in out
    assert ":数据: 工作表的使用范围是 A1:XFD99999（99999 行 × 16384 列），超过上限" in out


def test_ods_with_a_far_cell_through_repeated_rows_is_refused_before_reading(tmp_path, empty_db):
    from build import far_cell_ods

    path = tmp_path / "far_2024.ods"
    path.write_bytes(far_cell_ods())
    r = _load_in_subprocess(path, empty_db, tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out[-2000:]
    assert ":2024: 工作表至少有 100000 行、16384 列（数到超过上限就停止了" in out  # the reading stopped there


@pytest.mark.parametrize("kind", ["text_rows", "empty_rows", "wide_row"])
def test_an_ods_unpacking_to_millions_of_rows_or_cells_is_refused_in_bounded_time(kind, tmp_path, empty_db):
    """1 MB that passes the zip checks (290 MB, ratio < 1000): the reading stops at the limits (it ran 120 s+)."""
    import time

    from build import ods_row_bomb

    path = ods_row_bomb(tmp_path / f"bomb_{kind}_2024.ods", kind)
    assert path.stat().st_size < 2 * 1024 * 1024
    start = time.monotonic()
    r = _load_in_subprocess(path, empty_db, tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 1 and "Traceback" not in out, out[-2000:]
    assert "超过上限" in out and time.monotonic() - start < 20


def test_an_xlsx_of_millions_of_rows_without_references_is_refused_without_reading_them(tmp_path, empty_db):
    """Rows without r="…" and no <dimension> escaped the range check: calamine read them, 108 s and 780 MB."""
    import time

    from build import xlsx_row_bomb

    path = xlsx_row_bomb(tmp_path / "rows_2024.xlsx")
    start = time.monotonic()
    r = _load_in_subprocess(path, empty_db, tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 1 and "Traceback" not in out, out[-2000:]
    # the rows were counted only up to the limit: the message says "at least", never an exact count
    assert ":2024: 工作表至少有 " in out and "超过上限" in out and time.monotonic() - start < 20
    assert "使用范围是" not in out


def test_csv_line_of_two_million_commas_is_refused_before_building_cells(fixture_files, empty_db, tmp_path):
    r = _load_in_subprocess(fixture_files["wide_line_csv"], empty_db, tmp_path)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out[-2000:]
    assert "工作表至少有 1 行、2000001 列" in out and "超过上限" in out


@pytest.mark.parametrize(
    "text,ok",
    [
        ("区县\n" + "东城区\n" * 100_001, False),  # rows beyond MAX_ROWS
        ("区县" + ",x" * 500 + "\n", False),  # 501 columns
        ("区县" + ",x" * 499 + "\n", True),
    ],
)
def test_csv_row_and_column_limits(text, ok):
    wb = read_workbook(text.encode(), "a.csv")
    assert [p.code for p in wb.problems] == ([] if ok else ["sheet_too_large_at_least"])


@pytest.mark.parametrize("lang,phrase", [("zh", "至少有 100001 行"), ("en", "at least 100001 rows")])
def test_a_row_count_known_only_as_a_lower_bound_is_worded_as_at_least(lang, phrase):
    wb = read_workbook(("区县\n" + "东城区\n" * 100_005).encode(), "a.csv")
    (problem,) = wb.problems
    text = problem.message(lang)
    assert phrase in text and "100006" not in text


def test_xml_parsed_whole_is_refused_past_its_depth_bound_and_read_within_it():
    from xml.etree import ElementTree

    from etl.read import MAX_XML_DEPTH, XmlTooDeep, parse_xml

    assert parse_xml(b"<a>" + b"<b>" * (MAX_XML_DEPTH - 1) + b"</b>" * (MAX_XML_DEPTH - 1) + b"</a>").tag == "a"
    with pytest.raises(XmlTooDeep):
        parse_xml(b"<a>" * 1_000_000 + b"</a>" * 1_000_000)
    with pytest.raises(ElementTree.ParseError):
        parse_xml(b"<a><b></a>")


def test_utf16_without_bom_is_read_when_its_headers_are_known_and_nul_bytes_otherwise_refused():
    text = "区县,年份,集体合同签订率\n东城区,2023,91.5\n"
    for enc in ("utf-16-le", "utf-16-be"):
        wb = read_workbook(text.encode(enc), "a.csv")
        assert not wb.problems and f"encoding:{enc}" in wb.notes and wb.sheets[0].rows[1][2] == "91.5"
    assert [p.code for p in read_workbook(b"\x00\x01binary\x00stuff", "b.csv").problems] == ["csv_nul"]


def test_csv_read_line_by_line_keeps_quoted_line_breaks_inside_a_field():
    from etl.read import read_csv_text

    sheet = read_csv_text('区县,备注,值\r\n东城区,"两行\r\n的备注",91.5\r\n西城区,x,90\r\n', "a.csv")
    assert sheet.rows == [["区县", "备注", "值"], ["东城区", "两行\r\n的备注", "91.5"], ["西城区", "x", "90"]]
