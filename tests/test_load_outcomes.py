"""`etl load` tells each file's outcome truthfully, checks without holding the write lock, and keeps years in range."""

import re
import threading
from pathlib import Path

import pytest
from build import xlsx_bytes

from etl import cli, db, load
from etl.db import open_store


def write(path: Path, rows, title="2023") -> Path:
    path.write_bytes(xlsx_bytes(rows, title))
    return path


def batches(path):
    with open_store(path, read_only=True) as con:
        return con.execute("select batch_id, source_name from batches order by batch_id").fetchall()


def test_an_error_after_the_commit_is_never_reported_as_nothing_written(fresh_db, tmp_path, capsys, monkeypatch):
    f = write(tmp_path / "after_2023.xlsx", [["区县", "集体合同签订率"], ["东城区", 51.0]])

    def broken(plan, lang):
        raise RuntimeError("printing failed")

    monkeypatch.setattr(cli, "print_plan", broken)
    code = cli.cmd_load([str(f)], str(fresh_db), None, False, "t", "zh")
    out = capsys.readouterr()
    assert "after_2023.xlsx：已导入为批次 #5，但之后出错" in out.err and "数据已写入" in out.err
    assert "没有写入任何数据" not in out.out + out.err
    assert batches(fresh_db)[-1] == (5, "after_2023.xlsx")
    assert code == cli.EXIT_OK  # the figures are in the store, as the message says


def test_a_failing_file_does_not_stop_the_later_ones_and_the_exit_status_says_so(
    fresh_db, tmp_path, capsys, monkeypatch
):
    a = write(tmp_path / "a_2023.xlsx", [["区县", "集体合同签订率"], ["东城区", 52.0]])
    b = write(tmp_path / "b_2023.xlsx", [["区县", "集体合同签订率"], ["西城区", 53.0]])
    c = write(tmp_path / "c_2023.xlsx", [["区县", "集体合同签订率"], ["南湖区", 54.0]])
    real = load.read_file

    def read_file(source, *args, **kw):
        if Path(source).name == "b_2023.xlsx":
            raise MemoryError("reader gave up")
        return real(source, *args, **kw)

    monkeypatch.setattr(load, "read_file", read_file)
    code = cli.cmd_load([str(a), str(b), str(c)], str(fresh_db), None, False, "t", "zh")
    out = capsys.readouterr()
    assert code == cli.EXIT_REJECTED
    assert "b_2023.xlsx：内部错误：MemoryError: reader gave up。这个文件没有写入任何数据" in out.err
    assert "a_2023.xlsx：已导入为批次 #5" in out.out and "c_2023.xlsx：已导入为批次 #6" in out.out
    assert "共 3 个文件：导入 2 个，此前已导入 0 个，有错误未导入 0 个，失败 1 个。" in out.out
    assert [n for _, n in batches(fresh_db)][-2:] == ["a_2023.xlsx", "c_2023.xlsx"]


@pytest.mark.parametrize("dry_run", [False, True])
def test_reading_and_checking_a_file_leaves_the_store_open_to_viewers(fresh_db, tmp_path, monkeypatch, dry_run):
    """The write lock is taken only to commit: a viewer can open the store while the file is read and checked."""
    f = write(tmp_path / "slow_2023.xlsx", [["区县", "集体合同签订率"], ["东城区", 55.0]])
    real_read, real_plan = load.read_file, load.plan_file
    opened = []

    def viewer():
        con = db.connect(fresh_db, read_only=True, wait=0.2)  # StoreBusy if the lock were held
        opened.append(con.execute("select count(*) from batches").fetchone()[0])
        con.close()

    def read_file(*a, **kw):
        t = threading.Thread(target=viewer)
        t.start()
        t.join()
        return real_read(*a, **kw)

    monkeypatch.setattr(load, "read_file", read_file)
    monkeypatch.setattr(load, "plan_file", real_plan)
    assert cli.cmd_load([str(f)], str(fresh_db), None, dry_run, "t", "zh") == 0
    assert opened == [4]


def test_a_commit_after_someone_else_committed_is_checked_again_under_the_lock(fresh_db, tmp_path, capsys, monkeypatch):
    f = write(tmp_path / "late_2023.xlsx", [["区县", "集体合同签订率"], ["东城区", 56.0]])
    other = write(tmp_path / "other_2023.xlsx", [["区县", "会员总数"], ["西城区", 15700]])
    real_report = cli._report_plan
    calls = []

    def report_plan(plan, *a, **kw):
        ok = real_report(plan, *a, **kw)
        if plan.file_name == "late_2023.xlsx" and not calls:  # between this check and its commit, another load lands
            calls.append(1)
            assert cli.cmd_load([str(other)], str(fresh_db), None, False, "other", "zh") == 0
        return ok

    monkeypatch.setattr(cli, "_report_plan", report_plan)
    assert cli.cmd_load([str(f)], str(fresh_db), None, False, "t", "zh") == 0
    assert [n for _, n in batches(fresh_db)][-2:] == ["other_2023.xlsx", "late_2023.xlsx"]


@pytest.mark.parametrize("year", [99999, -5, 1900, 1999])
def test_year_option_outside_the_range_is_a_usage_error(fresh_db, tmp_path, capsys, year):
    f = write(tmp_path / "no_year.xlsx", [["区县", "集体合同签订率"], ["东城区", 57.0]], "Sheet1")
    before = batches(fresh_db)
    assert cli.cmd_load([str(f)], str(fresh_db), year, False, "t", "zh") == cli.EXIT_USAGE
    assert f"--year {year} 不在允许的范围 2000–" in capsys.readouterr().err
    assert batches(fresh_db) == before


@pytest.mark.parametrize("cell", [99999, 1900, "2024.5", 2024.5, "1999年"])
def test_year_cells_outside_the_range_or_not_whole_are_refused_naming_the_cell(fresh_db, tmp_path, capsys, cell):
    f = write(tmp_path / "years.xlsx", [["区县", "年份", "集体合同签订率"], ["东城区", cell, 58.0]], "Sheet1")
    before = batches(fresh_db)
    assert cli.cmd_load([str(f)], str(fresh_db), None, False, "t", "zh") == cli.EXIT_REJECTED
    out = capsys.readouterr().out
    assert re.search(r"years.xlsx:Sheet1![BC]2:", out) and ("不在允许的范围" in out or "不是有效的年份" in out), out
    assert batches(fresh_db) == before


def test_the_year_range_is_configurable(fresh_db, tmp_path, monkeypatch):
    monkeypatch.setenv("UNION_MIN_YEAR", "1995")
    f = write(tmp_path / "old.xlsx", [["区县", "年份", "集体合同签订率"], ["东城区", 1996, 59.0]], "Sheet1")
    assert cli.cmd_load([str(f)], str(fresh_db), None, False, "t", "zh") == cli.EXIT_OK


def test_the_same_file_with_another_year_is_not_taken_for_already_loaded(fresh_db, tmp_path, capsys):
    f = write(tmp_path / "no_year.xlsx", [["区县", "集体合同签订率"], ["东城区", 60.0]], "Sheet1")
    assert cli.cmd_load([str(f)], str(fresh_db), 2021, False, "t", "zh") == 0
    assert cli.cmd_load([str(f)], str(fresh_db), 2020, False, "t", "zh") == 0
    out = capsys.readouterr().out
    assert "已导入为批次 #6" in out and "导入过" not in out
    assert cli.cmd_load([str(f)], str(fresh_db), 2020, False, "t", "zh") == 0
    assert "已在批次 #6" in capsys.readouterr().out


def test_reloading_an_older_file_after_a_newer_one_says_why_nothing_changes(fresh_db, tmp_path, capsys):
    old = write(tmp_path / "v1_2023.xlsx", [["区县", "集体合同签订率"], ["东城区", 61.0]])
    new = write(tmp_path / "v2_2023.xlsx", [["区县", "集体合同签订率"], ["东城区", 62.0]])
    for f in (old, new, old):
        assert cli.cmd_load([str(f)], str(fresh_db), None, False, "t", "zh") == 0
    out = capsys.readouterr().out
    assert "已在批次 #5" in out and "其中 1 项数据后来被批次 #6 改过" in out and "撤销" in out
    assert len(batches(fresh_db)) == 6
