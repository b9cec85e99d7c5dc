"""`python -m etl` as staff run it: exit codes, one line per problem with its cell, no tracebacks, store unchanged on rejection."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from etl.db import open_store

ROOT = Path(__file__).resolve().parent.parent


def etl(*args, db=None):
    cmd = [sys.executable, "-m", "etl", *map(str, args)]
    if db:
        cmd += ["--db", str(db)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)


def shown(db):
    with open_store(db, read_only=True) as con:
        return (
            con.execute("select * from current_observations order by all").fetchall(),
            con.execute("select * from current_targets order by all").fetchall(),
            con.execute("select batch_id, status from batches order by all").fetchall(),
        )


def test_load_good_files_exits_0_and_reports_the_batch(fixture_files, tmp_path):
    db = tmp_path / "s.duckdb"
    r = etl("load", fixture_files["targets"], fixture_files["wide_2022"], db=db)
    assert r.returncode == 0, r.stderr
    assert "已导入为批次 #2：新增 44 项" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr


def test_rejected_file_exits_1_with_one_line_per_problem_and_store_unchanged(fixture_files, fresh_db):
    before = shown(fresh_db)
    r = etl("load", fixture_files["broken_resolved_2022.xlsx"], fixture_files["broken_percent_2022.xlsx"], db=fresh_db)
    assert r.returncode == 1
    lines = [ln for ln in r.stdout.splitlines() if re.match(r"^broken_\w+\.xlsx:Sheet1!\w+\d+: ", ln)]
    assert lines == [
        "broken_resolved_2022.xlsx:Sheet1!C2: 东城区 2022年：已结案纠纷（7）大于群体性劳资纠纷（5），数据不可能成立，请核对。",
        "broken_percent_2022.xlsx:Sheet1!B3: 集体合同签订率为 120%，超出 0–100% 的范围。",
    ]
    assert "Traceback" not in r.stdout + r.stderr
    assert shown(fresh_db) == before


def test_english_messages_with_lang_en(fixture_files, fresh_db):
    r = etl("load", fixture_files["broken_unknown_district_2022.xlsx"], "--lang", "en", db=fresh_db)
    assert r.returncode == 1
    assert (
        "broken_unknown_district_2022.xlsx:Sheet1!A3: Unknown district “东成区”. Did you mean: 示例市东城区?"
        in r.stdout
    )


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path, fresh_db):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2023"
    ws.append(["区县", "集体合同签订率"])
    ws.append(["东城区", 96])
    path = tmp_path / "fix.xlsx"
    wb.save(path)
    before = shown(fresh_db)
    r = etl("load", path, "--dry-run", db=fresh_db)
    assert r.returncode == 0
    assert "将新增 0 项，修改 1 项" in r.stdout
    assert "修改 东城区 2023 集体合同签订率：94 → 96（2023!B2）" in r.stdout
    assert shown(fresh_db) == before


def test_loading_the_same_file_twice_names_the_batch(fixture_files, fresh_db):
    r = etl("load", fixture_files["wide_2022"], db=fresh_db)
    assert r.returncode == 0
    assert "已在批次 #2" in r.stdout


def test_batches_and_rollback_commands(fresh_db):
    r = etl("batches", db=fresh_db)
    assert r.returncode == 0 and "示例市_2022年指标.xlsx" in r.stdout and "有效" in r.stdout
    r = etl("rollback", 3, "--by", "王芳", db=fresh_db)
    assert r.returncode == 0 and "批次 #3 已撤销" in r.stdout
    with open_store(fresh_db, read_only=True) as con:
        v = con.execute(
            "select value from current_observations where district_code='900101' and year=2023 and indicator_code='aid_amount'"
        ).fetchone()
        ev = con.execute("select event_by from batch_events where event = 'rollback'").fetchone()
    assert v is None and ev == ("王芳",)
    r = etl("rollback", 3, db=fresh_db)
    assert r.returncode == 1 and "已经撤销" in r.stderr
    r = etl("reapply", 3, db=fresh_db)
    assert r.returncode == 0


@pytest.mark.parametrize("args", [["load"], ["frobnicate"], ["rollback", "abc"], []])
def test_usage_errors_exit_2(args):
    r = etl(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr


def test_missing_file_exits_2_naming_it(tmp_path):
    r = etl("load", tmp_path / "nope.xlsx", db=tmp_path / "s.duckdb")
    assert r.returncode == 2 and "nope.xlsx" in r.stderr


def test_garbage_files_are_refused_without_traceback(tmp_path):
    bad = tmp_path / "报表.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    html = tmp_path / "export_2022.xls"
    html.write_text("<html><body><table><tr><td>区县</td></tr></table></body></html>")
    r = etl("load", bad, html, db=tmp_path / "s.duckdb")
    assert r.returncode == 1
    assert "报表.xlsx: 文件已损坏" in r.stdout
    assert "export_2022.xls: 提示：这个文件其实是网页（HTML）表格" in r.stdout  # read as a table; no district rows
    assert "Traceback" not in r.stdout + r.stderr


def test_busy_store_is_reported_plainly(fixture_files, tmp_path):
    import os

    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(20)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        env = {**os.environ, "UNION_LOCK_WAIT_SECONDS": "1"}
        r = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(fixture_files["wide_2022"]), "--db", str(db)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert r.returncode == 1
        assert "正被" in r.stderr and "请稍后重试" in r.stderr
        assert "Traceback" not in r.stderr
    finally:
        holder.kill()
        holder.wait()


def _subcommands():
    from etl.__main__ import build_parser

    action = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    return action.choices


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_subcommand_names_the_function_it_calls(name):
    func = _subcommands()[name].get_default("func")
    assert callable(func), f"`python -m etl {name}` has no set_defaults(func=…)"
