"""The whole path on real files: the sample city and a filled-in template load through the ETL exactly as generated."""

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from etl import cli
from etl.catalog import load_catalog
from etl.db import open_store
from etl.load import check_file
from etl.sample import sample_values
from etl.template import write_template

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    d = tmp_path_factory.mktemp("sample")
    assert cli.cmd_sample(str(d / "s.duckdb"), str(d / "files"), False, "zh") == 0
    return d / "s.duckdb"


def test_sample_loads_through_the_etl_with_every_value_as_generated(sample_db):
    expected = {(d, y, i): v for d, y, i, v in sample_values()}
    with open_store(sample_db, read_only=True) as con:
        rows = con.execute("select district_code, year, indicator_code, value from current_observations").fetchall()
        batches = con.execute("select kind, is_sample, status from batches").fetchall()
        targets = con.execute("select count(*) from current_targets where year = 2024").fetchone()[0]
    got = {(d, y, i): v for d, y, i, v in rows}
    assert got.keys() == expected.keys()
    assert all(got[k] == pytest.approx(expected[k]) for k in expected)
    assert {b for b in batches} == {("sample", True, "committed")}
    assert targets == 3


def test_sample_if_empty_does_not_load_twice(sample_db):
    r = subprocess.run(
        [sys.executable, "-m", "etl", "sample", "--if-empty", "--db", str(sample_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0 and "未载入示例数据" in r.stdout


def test_filled_template_loads(tmp_path, empty_db):
    path = write_template(tmp_path / "t.xlsx", city="示例市", year=2024)
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    headers = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(headers)}
    ws.cell(2, col["集体合同签订率(%)"], 91.5)
    ws.cell(2, col["会员总数（人）"], 20000)
    ws.cell(3, col["集体合同签订率(%)"], 88)
    wb.save(path)
    with open_store(empty_db) as con:
        plan = check_file(path, con)
    assert plan.ok, [p.line() for p in plan.problems]
    got = {(r.district, r.year, r.indicator): r.value for r in plan.records}
    first = load_catalog().match_district(ws.cell(2, col["区县"]).value)  # rows come prefilled with the districts
    assert len(first) == 1 and len(got) == 3
    assert got[(first[0], 2024, "contract_rate_collective")] == 91.5
    assert got[(first[0], 2024, "total_members")] == 20000
    assert not any(p.code == "sheet_skipped" for p in plan.problems)  # the helper sheets pass silently


def test_template_command_writes_a_workbook(tmp_path):
    out = tmp_path / "模板.xlsx"
    r = subprocess.run(
        [sys.executable, "-m", "etl", "template", str(out), "--city", "示例市"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert openpyxl.load_workbook(out)["填报"].max_row >= 17
