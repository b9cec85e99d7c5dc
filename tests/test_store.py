"""The store: load → query → rollback → re-apply round trip, plans, idempotent reloads, atomic commits, lock retry."""

import subprocess
import sys
import textwrap
import time

import duckdb
import pytest
from build import xlsx_bytes

from etl import db
from etl.db import StoreBusy, open_store
from etl.load import check_file
from etl.store import BatchError, StaleData, commit, list_batches, reapply, rollback


def xlsx(rows, title="2023"):
    return xlsx_bytes(rows, title)


def current(con, district, year, indicator):
    row = con.execute(
        "select value from current_observations where district_code = $d and year = $y and indicator_code = $i",
        {"d": district, "y": year, "i": indicator},
    ).fetchone()
    return row[0] if row else None


def snapshot(con):
    return con.execute("select * from current_observations order by all").fetchall(), con.execute(
        "select * from current_targets order by all"
    ).fetchall()


def test_fixture_store_holds_the_loaded_values(fixture_db):
    with open_store(fixture_db, read_only=True) as con:
        assert current(con, "900101", 2022, "contract_rate_collective") == 93.5
        assert current(con, "900101", 2023, "aid_amount") == 920000
        assert current(con, "900104", 2023, "contract_rate_collective") is None  # a gap, not a zero
        assert con.execute("select count(*) from batches").fetchone()[0] == 4
        t = con.execute(
            "select value from current_targets where indicator_code = 'contract_rate_wage' and year = 2023"
        ).fetchone()
        assert t == (80.0,)


def test_round_trip_load_change_rollback_reapply(fresh_db):
    new_file = xlsx([["区县", "集体合同签订率", "会员总数"], ["东城区", 95.5, 20500], ["北山区", 80.0, None]])
    with open_store(fresh_db) as con:
        before = snapshot(con)
        plan = check_file(new_file, con, file_name="fix_2023.xlsx")
        assert plan.ok
        assert [(c.record.district, c.old_value, c.record.value) for c in plan.changed] == [("900101", 94.0, 95.5)]
        assert [r.key for r in plan.new] == [("900104", 2023, "contract_rate_collective", "year")]
        assert [r.key for r in plan.unchanged] == [("900101", 2023, "total_members", "year")]
        batch = commit(plan, con, by="tester")
        assert current(con, "900101", 2023, "contract_rate_collective") == 95.5
        assert current(con, "900104", 2023, "contract_rate_collective") == 80.0
        row = con.execute(
            "select n_new, n_changed, n_unchanged, created_by, status from batches where batch_id = $b", {"b": batch}
        ).fetchone()
        assert row == (1, 1, 1, "tester", "committed")
        rollback(con, batch, by="tester")
        assert current(con, "900101", 2023, "contract_rate_collective") == 94.0
        assert current(con, "900104", 2023, "contract_rate_collective") is None
        assert snapshot(con) == before
        n_obs = con.execute("select count(*) from observations where batch_id = $b", {"b": batch}).fetchone()[0]
        assert n_obs == 3  # nothing deleted
        reapply(con, batch, by="tester")
        assert current(con, "900101", 2023, "contract_rate_collective") == 95.5
        events = con.execute(
            "select event from batch_events where batch_id = $b order by event_at, event", {"b": batch}
        ).fetchall()
        assert sorted(e[0] for e in events) == ["commit", "reapply", "rollback"]


def test_rolling_back_twice_or_an_unknown_batch_is_refused(fresh_db):
    with open_store(fresh_db) as con:
        rollback(con, 2, by="t")
        with pytest.raises(BatchError) as e:
            rollback(con, 2, by="t")
        assert "已经撤销" in e.value.message()
        with pytest.raises(BatchError):
            rollback(con, 999, by="t")
        with pytest.raises(BatchError):
            reapply(con, 3, by="t")


def test_loading_the_same_file_again_changes_nothing(fresh_db, fixture_files):
    with open_store(fresh_db) as con:
        n = len(list_batches(con))
        plan = check_file(fixture_files["wide_2022"], con)
        assert plan.already_loaded["batch_id"] == 2
        assert commit(plan, con, by="t") == 2
        assert len(list_batches(con)) == n


def test_a_file_with_errors_cannot_be_committed(fresh_db, fixture_files):
    with open_store(fresh_db) as con:
        plan = check_file(fixture_files["broken_percent_2022.xlsx"], con)
        with pytest.raises(ValueError):
            commit(plan, con, by="t")


def test_failure_inside_a_commit_writes_nothing(fresh_db):
    with open_store(fresh_db) as con:
        before = snapshot(con)
        n = len(list_batches(con))
        plan = check_file(xlsx([["区县", "集体合同签订率"], ["东城区", 99.0]]), con, file_name="x.xlsx")
        plan.records[0].qualifier = None  # NOT NULL: the insert fails after the batch row was written
        with pytest.raises(duckdb.Error):
            commit(plan, con, by="t")
        assert snapshot(con) == before
        assert len(list_batches(con)) == n


def test_commit_refuses_a_plan_made_before_someone_else_committed(fresh_db):
    with open_store(fresh_db) as con:
        a = check_file(xlsx([["区县", "集体合同签订率"], ["东城区", 99.0]]), con, file_name="a.xlsx")
        b = check_file(xlsx([["区县", "集体合同签订率"], ["东城区", 98.0]]), con, file_name="b.xlsx")
        commit(a, con, by="one")
        with pytest.raises(StaleData):
            commit(b, con, by="two")
        assert current(con, "900101", 2023, "contract_rate_collective") == 99.0


HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def hold_lock(path, seconds):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def test_store_busy_after_the_retry_limit_says_so_plainly(empty_db):
    proc = hold_lock(empty_db, 5)
    try:
        start = time.monotonic()
        with pytest.raises(StoreBusy) as e:
            db.connect(empty_db, wait=0.6)
        assert 0.5 < time.monotonic() - start < 3
        assert "正被" in e.value.message() and "PID" in e.value.message() and "没有写入" in e.value.message()
        assert "in use" in e.value.message("en")
    finally:
        proc.kill()
        proc.wait()


def test_connect_waits_for_a_lock_that_is_released(empty_db):
    proc = hold_lock(empty_db, 0.5)
    try:
        con = db.connect(empty_db, wait=10)
        con.close()
    finally:
        proc.wait()


def test_db_path_order_is_option_then_env_then_default(monkeypatch, tmp_path):
    monkeypatch.setenv("UNION_DB", str(tmp_path / "env.duckdb"))
    assert db.db_path("opt.duckdb").name == "opt.duckdb"
    assert db.db_path().name == "env.duckdb"
    monkeypatch.delenv("UNION_DB")
    assert db.db_path() == db.DEFAULT_DB


def test_reference_tables_follow_the_catalogue(fixture_db):
    from etl.catalog import load_catalog

    cat = load_catalog()
    with open_store(fixture_db, read_only=True) as con:
        assert con.execute("select count(*) from indicators").fetchone()[0] == len(cat.indicators)
        assert con.execute("select count(*) from districts where is_sample").fetchone()[0] == 16
