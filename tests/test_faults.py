"""Faults: loads killed with SIGKILL at random moments leave every batch whole or absent; backups restore."""

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from build import xlsx_bytes

from etl.db import open_store

ROOT = Path(__file__).resolve().parent.parent
KILLS = 12


def consistent(db: Path) -> tuple[bool, int]:
    """Every batch holds exactly the rows it counts, no row belongs to no batch; returns (ok, batches)."""
    with open_store(db) as con:  # a writable open replays the WAL, as the next real user would
        per_batch = con.execute(
            """
            select b.batch_id, b.n_new + b.n_changed + b.n_unchanged as counted, count(o.batch_id) as held
            from batches as b left join observations as o using (batch_id)
            group by all
            """
        ).fetchall()
        orphans = con.execute(
            "select count(*) from observations where batch_id not in (select batch_id from batches)"
        ).fetchone()[0]
        events = con.execute(
            "select count(*) from batches where batch_id not in (select batch_id from batch_events)"
        ).fetchone()[0]
    return all(counted == held for _, counted, held in per_batch) and orphans == 0 and events == 0, len(per_batch)


def test_sigkill_during_loads_never_leaves_half_a_batch(fresh_db, tmp_path):
    rng = random.Random(20261122)
    rows = [["区县", "年份", "集体合同签订率", "会员总数"]]
    names = ["东城区", "西城区", "南湖区", "北山区", "中心区", "滨江区", "高新区", "临港区"]
    for year in range(2000, 2020):
        rows += [[n, year, 80 + (year % 10), 10000 + year] for n in names]
    files = []
    for k in range(3):
        p = tmp_path / f"load_{k}.xlsx"
        p.write_bytes(xlsx_bytes([rows[0]] + [[*r[:2], r[2] + k * 0.1, r[3]] for r in rows[1:]]))
        files.append(p)
    survived = landed = 0
    for i in range(KILLS):
        db = tmp_path / f"kill_{i}.duckdb"
        shutil.copy(fresh_db, db)
        proc = subprocess.Popen(
            [sys.executable, "-m", "etl", "load", *map(str, files), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.3, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        ok, n = consistent(db)
        assert ok, f"kill {i}: a batch is partly there"
        survived += 1
        landed += n - 4  # the fixture store has 4 batches
    assert survived == KILLS
    print(f"{KILLS} kills survived; {landed} batches had landed whole before their kill")


def test_backup_and_restore_bring_back_the_store(fresh_db, tmp_path):
    def value():
        with open_store(fresh_db, read_only=True) as con:
            return con.execute(
                "select value from current_observations where district_code='900101' and year=2023 and indicator_code='contract_rate_collective'"
            ).fetchone()[0]

    r = subprocess.run(
        [sys.executable, "-m", "etl", "backup", "--db", str(fresh_db)], cwd=ROOT, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    copy = Path(r.stdout.strip().split("已备份到 ")[1])
    assert copy.is_file() and copy.parent.name == "backups"
    change = tmp_path / "c.xlsx"
    change.write_bytes(xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 50.0]], "2023"))
    assert (
        subprocess.run([sys.executable, "-m", "etl", "load", str(change), "--db", str(fresh_db)], cwd=ROOT).returncode
        == 0
    )
    assert value() == 50.0
    backups = sorted(copy.parent.glob("*-load.duckdb"))
    assert backups, "a load keeps a dated copy before it commits"
    r = subprocess.run(
        [sys.executable, "-m", "etl", "restore", str(copy), "--db", str(fresh_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert value() == 94.0
    bad = tmp_path / "not_a_store.duckdb"
    bad.write_bytes(b"nope")
    r = subprocess.run(
        [sys.executable, "-m", "etl", "restore", str(bad), "--db", str(fresh_db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert value() == 94.0
