"""A page run's reads share one read-only connection (etl.db.shared_reads): opened once, separate per setting, given
up before the same thread writes, and closed when the run ends so another process can write."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from etl import db

ROOT = Path(__file__).resolve().parent.parent


def _opens(monkeypatch) -> list[bool]:
    """The read_only flag of every connection the store opens from now on."""
    opened: list[bool] = []
    real = db._connect_retrying

    def counting(p, read_only, limit, start):
        opened.append(read_only)
        return real(p, read_only, limit, start)

    monkeypatch.setattr(db, "_connect_retrying", counting)
    return opened


def test_reads_in_the_block_share_one_connection_per_setting(fresh_db, monkeypatch):
    opened = _opens(monkeypatch)
    with db.shared_reads():
        a = db.shared_reader(fresh_db)
        n = a.execute("select count(*) from observations").fetchone()[0]
        assert db.shared_reader(fresh_db) is a
        approved = db.shared_reader(
            fresh_db, setting="approved", setup=lambda con: con.execute("create temp view x as select 1")
        )
        assert approved is not a
        assert approved.execute("select count(*) from x").fetchone()[0] == 1
        with pytest.raises(duckdb.CatalogException):  # a setting's temporary views stay on its own connection
            a.execute("select * from x").fetchall()
    assert opened == [True, True]
    assert n > 0
    with pytest.raises(RuntimeError):
        db.shared_reader(fresh_db)  # outside a block there is none to share


def test_a_write_in_the_same_thread_gives_up_the_shared_reader_first(fresh_db, monkeypatch):
    monkeypatch.setattr(db, "LOCK_WAIT_SECONDS", 2.0)
    with db.shared_reads():
        reader = db.shared_reader(fresh_db)
        reader.execute("select count(*) from observations").fetchone()
        with db.open_store(fresh_db) as con:  # would wait for itself without the release, then StoreBusy
            con.execute("create table written_here (x int)")
        again = db.shared_reader(fresh_db)
        assert again is not reader
        assert again.execute("select count(*) from written_here").fetchone()[0] == 0  # sees the write


WRITER = """
import sys
from etl import db
with db.open_store(sys.argv[1], wait=float(sys.argv[2])) as con:
    con.execute("create table from_outside (x int)")
print("written")
"""


def test_another_process_writes_once_the_block_ends(fresh_db):
    """While a page run holds its reader, a load from the command line waits (as for any reader); after the run it
    gets in, and the next run reads what it wrote."""
    started = threading.Event()
    done = threading.Event()

    def page_run():
        with db.shared_reads():
            db.shared_reader(fresh_db).execute("select 1").fetchone()
            started.set()
            done.wait(20)

    t = threading.Thread(target=page_run)
    t.start()
    started.wait(20)
    blocked = subprocess.run(
        [sys.executable, "-c", WRITER, str(fresh_db), "0.5"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert blocked.returncode != 0 and "written" not in blocked.stdout  # held off while the run reads
    done.set()
    t.join(20)
    ok = subprocess.run(
        [sys.executable, "-c", WRITER, str(fresh_db), "10"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert ok.returncode == 0 and "written" in ok.stdout, ok.stderr[-800:]
    with db.shared_reads():
        assert db.shared_reader(fresh_db).execute("select count(*) from from_outside").fetchone()[0] == 0


def test_a_thread_already_reading_does_not_hold_back_for_a_waiting_writer(fresh_db, monkeypatch):
    """Readers hold back while a writer waits, but not a thread whose own open reader keeps that writer out: it
    would only wait for itself (the page run whose check opened a second reader while an editor committed)."""
    import time

    monkeypatch.setattr(db, "LOCK_WAIT_SECONDS", 3.0)
    with db.shared_reads():
        db.shared_reader(fresh_db).execute("select 1").fetchone()
        db._intent_file(fresh_db).touch()  # a writer is queueing for the lock
        try:
            t = time.monotonic()
            with db.open_store(fresh_db, read_only=True) as second:
                second.execute("select count(*) from observations").fetchone()
            assert time.monotonic() - t < 1.0
        finally:
            db._intent_file(fresh_db).unlink(missing_ok=True)
    db._intent_file(fresh_db).touch()  # a thread reading nothing yet still lets the writer go first
    try:
        t = time.monotonic()
        with db.open_store(fresh_db, read_only=True, wait=1.0):
            pass
        assert time.monotonic() - t >= 0.9
    finally:
        db._intent_file(fresh_db).unlink(missing_ok=True)
    assert db._READS_HELD.get(threading.get_ident(), 0) == 0  # every reader counted is closed
