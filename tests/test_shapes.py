"""Spreadsheets shaped as union offices produce them: each shape fixture loads through the CLI with every value
exact, or is refused naming the cell; `--dry-run` shows how each column was understood."""

import subprocess
import sys
from pathlib import Path

import pytest
from build import REFUSED_SHAPES, SHAPES, build_shapes

from etl import cli
from etl.db import open_store
from etl.load import check_file
from etl.read import read_workbook

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def shape_files(tmp_path_factory):
    return build_shapes(tmp_path_factory.mktemp("shapes"))


def stored_by_file(db, name):
    """The figures a file's batch holds: (district, year, indicator) -> value."""
    with open_store(db, read_only=True) as con:
        rows = con.execute(
            """
            select o.district_code, o.year, o.indicator_code, o.value
            from observations o join batches b using (batch_id)
            where b.source_name = $name
            """,
            {"name": name},
        ).fetchall()
    return {(d, y, i): v for d, y, i, v in rows}


@pytest.mark.parametrize("name", list(SHAPES))
def test_shape_loads_through_the_cli_with_every_value_exact(name, shape_files, empty_db, fresh_db):
    _, expected, store = SHAPES[name]
    db = empty_db if store == "empty" else fresh_db
    assert cli.cmd_load([str(shape_files[name])], str(db), None, False, "pytest", "zh") == 0
    assert stored_by_file(db, name) == expected


@pytest.mark.parametrize("name,make,code,cell", REFUSED_SHAPES, ids=[s[0] for s in REFUSED_SHAPES])
def test_shape_that_cannot_be_read_surely_is_refused_naming_the_cell(name, make, code, cell, shape_files, empty_db):
    with open_store(empty_db) as con:
        plan = check_file(shape_files[name], con)
    assert not plan.ok
    assert (code, cell) in [(p.code, p.cell) for p in plan.problems if p.severity == "error"]
    assert cli.cmd_load([str(shape_files[name])], str(empty_db), None, False, "pytest", "zh") == 1
    assert stored_by_file(empty_db, name) == {}


def test_last_year_column_that_differs_from_the_store_is_a_warning_naming_both(shape_files, fresh_db):
    name = "示例市_2024年本年上年.xlsx"
    with open_store(fresh_db, read_only=True) as con:
        plan = check_file(shape_files[name], con)
    warn = [p for p in plan.problems if p.code == "previous_year_differs"]
    assert [(p.cell, p.value, p.params["stored"]) for p in warn] == [("C4", "30900", "31000")]
    assert "30900" in warn[0].message() and "31000" in warn[0].message()


def test_last_year_column_loads_the_year_before_on_an_empty_store(shape_files, empty_db):
    name = "示例市_2024年本年上年.xlsx"
    assert cli.cmd_load([str(shape_files[name])], str(empty_db), None, False, "pytest", "zh") == 0
    got = stored_by_file(empty_db, name)
    assert got[("900103", 2023, "total_members")] == 30900
    assert got[("900101", 2023, "new_unions")] == 12
    assert not any(i == "total_members" and y == 2025 for _, y, i in got)


def test_how_columns_were_understood_is_kept(shape_files, empty_db):
    with open_store(empty_db, read_only=True) as con:
        plan = check_file(shape_files["基层工会统计报表.xlsx"], con)
    cols = {c.ref: c for c in plan.columns}
    assert cols["E3"].indicator == "aid_amount"
    assert (cols["E3"].unit, cols["E3"].factor, cols["E3"].unit_from) == ("万元", 10000.0, "note")
    assert cols["D3"].indicator == "new_members"  # 其中：新发展会员
    reading = plan.readings[0]
    assert (reading.year, reading.year_from) == (2023, "title")
    assert [(ref, why) for ref, why, _ in reading.skipped] == [
        ("A4", "numbers"),
        ("A5", "total"),
        ("A9", "note"),
        ("A10", "note"),
    ]


def test_dry_run_prints_how_each_column_and_row_was_read(shape_files, empty_db):
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl",
            "load",
            str(shape_files["多行表头_统计.xlsx"]),
            "--dry-run",
            "--db",
            str(empty_db),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    out = r.stdout
    assert "签订率（%） / 集体合同 → 集体合同签订率" in out
    assert "帮扶金额（万元） → 帮扶金额（元），单位 万元 ×10000" in out
    assert "年份 2024（标题）" in out
    assert "A6 跳过（合计行）" in out


def test_xlsb_is_read_by_calamine(tmp_path, empty_db):
    """.xlsb written by LibreOffice from one of the shape workbooks yields the same figures."""
    import shutil

    if not shutil.which("libreoffice"):
        pytest.skip("libreoffice not installed")
    src = tmp_path / "口语数字_2024.xlsx"
    src.write_bytes(SHAPES["口语数字_2024.xlsx"][0]())
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            "--convert-to",
            "xlsb:Calc MS Excel 2007 Binary",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        capture_output=True,
        timeout=120,
    )
    out = tmp_path / "口语数字_2024.xlsb"
    if not out.exists():
        pytest.skip("this LibreOffice cannot write .xlsb")
    wb = read_workbook(out)
    assert not wb.problems
    assert cli.cmd_load([str(out)], str(empty_db), None, False, "pytest", "zh") == 0
    assert stored_by_file(empty_db, out.name) == SHAPES["口语数字_2024.xlsx"][1]
