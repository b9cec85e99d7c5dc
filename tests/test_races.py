"""Writers in one process take turns, an ordinary open changes no schema, conflicts are retried, ids never reused."""

import shutil
import threading

import duckdb
import pytest
from build import xlsx_bytes

from etl import backup, cli, db
from etl.db import StoreBusy, WriteConflict, open_store
from etl.load import plan_file, read_file
from etl.store import commit_fresh

SESSIONS = 4


def test_an_ordinary_writable_open_changes_no_schema(fresh_db):
    with open_store(fresh_db) as con:
        assert db.ensure_schema(con) is False
        views = con.execute("select view_name, sql from duckdb_views() where not internal order by 1").fetchall()
    with open_store(fresh_db) as con:
        assert (
            con.execute("select view_name, sql from duckdb_views() where not internal order by 1").fetchall() == views
        )


def test_a_changed_catalogue_is_applied_at_the_next_writable_open(fresh_db, tmp_path, monkeypatch):
    copy = tmp_path / "catalog"
    shutil.copytree(db.ROOT / "data" / "catalog", copy)
    with open(copy / "districts.csv", "a", encoding="utf-8") as f:
        f.write("\n")  # any change of the files counts
    monkeypatch.setenv("UNION_CATALOG", str(copy))
    with open_store(fresh_db) as con:
        assert db.ensure_schema(con) is False  # applied by open_store already
    monkeypatch.delenv("UNION_CATALOG")
    with open_store(fresh_db) as con:
        assert db.ensure_schema(con) is False


def test_sessions_saving_at_the_same_moment_all_land(fresh_db):
    """Four editors of one server press their commit buttons together, each for another district."""
    names = ["东城区", "西城区", "南湖区", "北山区"]
    plans = []
    for n, name in enumerate(names):
        wb, parsed = read_file(xlsx_bytes([["区县", "会员总数"], [name, 40000 + n]], "2021"), f"s{n}_2021.xlsx")
        with open_store(fresh_db, read_only=True) as con:
            plans.append((wb, parsed, plan_file(wb, parsed, con)))
    start = threading.Barrier(SESSIONS)
    results, errors = [], []

    def session(wb, parsed, plan):
        start.wait()
        try:
            with open_store(fresh_db) as con:
                results.append(commit_fresh(plan, con, lambda: plan_file(wb, parsed, con), by="s")[0])
        except Exception as err:  # the test reports every failure, not just the first
            errors.append(err)

    threads = [threading.Thread(target=session, args=p) for p in plans]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(results) == [5, 6, 7, 8]


def test_a_write_write_conflict_is_retried_and_then_said_plainly(empty_db):
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise duckdb.TransactionException("TransactionContext Error: Conflict on update! write-write conflict")
        return "done"

    with open_store(empty_db) as con:
        assert db.transaction(con, flaky) == "done" and len(calls) == 3

        def always():
            raise duckdb.TransactionException("write-write conflict")

        with pytest.raises(WriteConflict) as e:
            db.transaction(con, always)
    assert "请稍后重试" in e.value.message("zh") and "try again" in e.value.message("en")


def test_a_second_writer_of_this_process_waits_its_turn(empty_db):
    first = db.connect(empty_db)
    try:
        with pytest.raises(StoreBusy):
            db.connect(empty_db, wait=0.2)
        got = []
        t = threading.Thread(target=lambda: got.append(db.connect(empty_db, wait=10)))
        t.start()
    finally:
        first.close()
    t.join()
    got[0].close()


def test_batch_ids_are_not_handed_out_again_after_a_restore(fresh_db, tmp_path):
    copy = backup.backup(fresh_db)
    for n in range(2):
        (tmp_path / f"x{n}_2021.xlsx").write_bytes(xlsx_bytes([["区县", "会员总数"], ["东城区", 41000 + n]], "2021"))
        assert cli.cmd_load([str(tmp_path / f"x{n}_2021.xlsx")], str(fresh_db), None, False, "t", "zh") == 0
    backup.restore(copy, fresh_db)
    (tmp_path / "y_2021.xlsx").write_bytes(xlsx_bytes([["区县", "会员总数"], ["西城区", 42000]], "2021"))
    assert cli.cmd_load([str(tmp_path / "y_2021.xlsx")], str(fresh_db), None, False, "t", "zh") == 0
    with open_store(fresh_db, read_only=True) as con:
        ids = [r[0] for r in con.execute("select batch_id from batches order by 1").fetchall()]
    assert ids == [1, 2, 3, 4, 7]  # #5 and #6 belonged to the store before the restore


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def hold_write_lock(path):
    """Another process holding the store's write lock (a long `etl load`), until killed."""
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(60)",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ok"
    return holder


def test_pages_and_commit_buttons_say_the_store_is_busy(staff_app, fresh_db, monkeypatch):
    from ui.data import _cached

    at = staff_app
    monkeypatch.setattr(db, "LOCK_WAIT_SECONDS", 0.5)
    at.switch_page("pages/08_upload.py").run()
    at.text_input[0].input("admin")
    at.text_input[1].input("admin-pass-1")
    at.button[0].click().run()
    data = xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 63.0]], "2023")
    at.get("file_uploader")[0].upload("busy_2023.xlsx", data, XLSX).run()
    holder = hold_write_lock(fresh_db)
    try:
        [b for b in at.button if b.label.startswith("确认导入")][0].click().run()
        assert not at.exception, [e.stack_trace for e in at.exception]
        said = [e.value for e in at.error] + [w.value for w in at.warning]
        assert any("正被" in x and ("请稍后重试" in x or "请稍后刷新" in x) for x in said), said
        _cached.clear()
        at.switch_page("pages/01_overview.py").run()
        assert not at.exception
        assert any("正被" in w.value and "请稍后刷新" in w.value for w in at.warning), [w.value for w in at.warning]
    finally:
        holder.kill()
        holder.wait()
    with open_store(fresh_db, read_only=True) as con:
        assert con.execute("select count(*) from batches").fetchone()[0] == 4
