"""Concurrency: viewers reading while a load runs never see half a batch and see the new one after it lands;
two loads at the same moment both land (or one is told plainly to try again)."""

import os
import subprocess
import sys
import time
from pathlib import Path

from build import xlsx_bytes

from etl import db

ROOT = Path(__file__).resolve().parent.parent
VIEWERS = 20
NAMES = ["东城区", "西城区", "南湖区", "北山区", "中心区", "滨江区", "高新区", "临港区", "青山区", "白云区"]


def big_file(path: Path, value: float) -> Path:
    rows = [["区县", "年份", "集体合同签订率", "会员总数"]]
    for year in range(2000, 2026):  # 26 years within the accepted range
        rows += [[n, year, value, 20000 + year] for n in NAMES]
    path.write_bytes(xlsx_bytes(rows))
    return path


VIEWER_PROCESS = """
import json, sys, threading, time
from etl import db
from queries import run_query
import os
path, seconds, out, viewers = sys.argv[1], float(sys.argv[2]), sys.argv[3], int(sys.argv[4])
reads, errors = [], []
# read until the test says the load is over (a stop file) and a little after, or at most `seconds`
stop = time.monotonic() + seconds
def viewer():
    while time.monotonic() < stop and not os.path.exists(out + ".stop"):
        try:
            con = db.connect(path, read_only=True, wait=60)
            try:
                n = con.execute("select count(*) from current_observations where value = 88.8").fetchone()[0]
                run_query(con, "metric_by_district", city="示例市", year=2010, metric="contract_rate_collective")
            finally:
                con.close()
            reads.append((time.time(), n))
        except Exception as err:
            errors.append(repr(err))
        time.sleep(0.05)  # a person reading, not a tight loop
threads = [threading.Thread(target=viewer) for _ in range(viewers)]
for t in threads: t.start()
for t in threads: t.join()
json.dump({"reads": reads, "errors": errors}, open(out, "w"))
"""


def test_viewers_never_see_half_a_batch_while_a_load_runs(fresh_db, tmp_path):
    """A dashboard-like process with 20 reading sessions, and `etl load` from the command line at the same time."""
    import json

    f = big_file(tmp_path / "load.xlsx", 88.8)
    expected = len(NAMES) * 26  # figures of 88.8 once the batch has landed
    out = tmp_path / "reads.json"
    viewers = subprocess.Popen(
        [sys.executable, "-c", VIEWER_PROCESS, str(fresh_db), "90", str(out), str(VIEWERS)], cwd=ROOT
    )
    time.sleep(2)
    env = {**os.environ, "UNION_LOCK_WAIT_SECONDS": "60"}
    r = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(f), "--db", str(fresh_db)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    loaded_at = time.time()
    time.sleep(3)  # the viewers go on reading after the load, however long it took (a busy machine)
    Path(f"{out}.stop").touch()
    viewers.wait(timeout=120)
    result = json.loads(out.read_text())
    counts = [n for _, n in result["reads"]]
    after = [n for t, n in result["reads"] if t > loaded_at + 0.2]
    print(f"{VIEWERS} viewers made {len(counts)} reads; load exit {r.returncode}; counts seen {sorted(set(counts))}")
    assert not result["errors"], result["errors"][:3]
    assert r.returncode == 0 or "请稍后重试" in r.stderr, r.stdout + r.stderr
    assert set(counts) <= {0, expected}, sorted(set(counts))  # all of the batch or none of it
    if r.returncode == 0:
        assert after and set(after) == {expected}  # the new batch shows without any restart


def test_two_loads_at_the_same_moment_both_land(fresh_db, tmp_path):
    a = big_file(tmp_path / "a.xlsx", 81.0)
    b = tmp_path / "b_2023.xlsx"
    b.write_bytes(xlsx_bytes([["区县", "会员总数"], ["东城区", 30000]]))
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "etl", "load", str(p), "--db", str(fresh_db), "--by", who],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p, who in ((a, "editor_a"), (b, "editor_b"))
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    codes = [p.returncode for p in procs]
    for code, (out, err) in zip(codes, outs, strict=True):
        assert code == 0 or "请稍后重试" in err, out + err
    with db.open_store(fresh_db, read_only=True) as con:
        by = {r[0] for r in con.execute("select created_by from batches").fetchall()}
    assert {"editor_a", "editor_b"} <= by or 1 in codes
