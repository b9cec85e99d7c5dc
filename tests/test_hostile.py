"""Hostile input: every file of the corpus gets a clear message and exit code from `python -m etl load`, within 10 s,
under 1 GB of memory, with no traceback, and the store unchanged when it is refused."""

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import corpus

from etl.db import open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = corpus()
TIME_LIMIT_S = 10
MEMORY_LIMIT_MB = 1024


def shown(db):
    with open_store(db, read_only=True) as con:
        return con.execute("select * from current_observations order by all").fetchall(), con.execute(
            "select batch_id, status from batches order by all"
        ).fetchall()


@pytest.mark.parametrize("name,data,code,phrase", CORPUS, ids=[c[0] for c in CORPUS])
def test_hostile_file_gets_a_clear_answer(tmp_path, fresh_db, name, data, code, phrase):
    path = tmp_path / name
    path.write_bytes(data)
    before = shown(fresh_db)
    start = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(path), "--db", str(fresh_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    took = time.monotonic() - start
    out = r.stdout + r.stderr
    assert "Traceback" not in out and "内部错误" not in out, out[-2000:]
    assert r.returncode == code, out[-2000:]
    assert phrase in out, out[-2000:]
    assert took < TIME_LIMIT_S, f"{name} took {took:.1f} s"
    assert len(out) < 20_000  # messages quote cells briefly, never a 10 MB cell
    if code != 0:
        assert shown(fresh_db) == before
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < MEMORY_LIMIT_MB, f"a loader used {peak_mb:.0f} MB"


def test_corpus_covers_the_hostile_kinds():
    names = {c[0] for c in CORPUS}
    assert {
        "bomb.xlsx",
        "million_rows.xlsx",
        "truncated.xlsx",
        "huge_cell.csv",
        "web_export.xlsx",
        "big5_2023.csv",
    } <= names
