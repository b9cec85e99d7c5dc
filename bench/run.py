"""Each measurement of the benchmark, as a function returning numbers (seconds, megabytes)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
PAGES = [
    "pages/01_overview.py",
    "pages/02_contracts.py",
    "pages/03_disputes.py",
    "pages/04_aid.py",
    "pages/05_membership.py",
    "pages/06_compare.py",
    "pages/07_profile.py",
]
URLS = ["", "contracts", "disputes", "aid", "membership", "compare", "profile"]


def load_years(db: Path, files: list[Path]) -> dict:
    """Load every year through the real ETL; time the first (empty store) and the last (full store) file."""
    from etl.db import open_store
    from etl.load import check_file
    from etl.store import commit

    timings = []
    with open_store(db) as con:
        for f in files:
            t = time.perf_counter()
            plan = check_file(f, con)
            if not plan.ok:
                raise SystemExit(f"{f.name}: " + "; ".join(p.line() for p in plan.problems[:5]))
            commit(plan, con, by="bench")
            timings.append(time.perf_counter() - t)
        n_obs = con.execute("select count(*) from observations").fetchone()[0]
    return {"first_file_s": timings[0], "last_file_s": timings[-1], "all_files_s": sum(timings), "observations": n_obs}


def naive_load(path: Path, scratch: Path) -> float:
    """What a quick script would do: pandas + openpyxl, melt, insert row by row."""
    t = time.perf_counter()
    df = pd.read_excel(path, engine="openpyxl")
    long = df.melt(id_vars=[df.columns[0]], var_name="indicator", value_name="value")
    con = duckdb.connect(str(scratch))
    con.execute("create or replace table naive (district varchar, indicator varchar, value double)")
    con.executemany(
        "insert into naive values (?, ?, ?)", long.astype({"value": float}).itertuples(index=False, name=None)
    )
    con.close()
    return time.perf_counter() - t


def page_runs(env: dict[str, str], warm_runs: int = 5) -> dict[str, dict]:
    """Each page's script under AppTest: the first (cold) run and the median of warm reruns, in a fresh process
    whose imports were made first, as serve.py makes them when the server starts (ui/startup.py)."""
    code = f"""
import json, statistics, time
from streamlit.testing.v1 import AppTest
from ui.startup import preload
preload()  # what serve.py does when the server starts: cold means empty caches, not a cold interpreter
at = AppTest.from_file({str(ROOT / "dashboard.py")!r}, default_timeout=120)
t = time.perf_counter(); at.run(); first = time.perf_counter() - t
out = {{}}
for page in {PAGES!r}:
    t = time.perf_counter(); at.switch_page(page).run(); cold = time.perf_counter() - t
    if page.endswith("01_overview.py"):
        cold = first  # the app's very first run is the overview's cold run
    warm = []
    for _ in range({warm_runs}):
        t = time.perf_counter(); at.run(); warm.append(time.perf_counter() - t)
    out[page] = {{"cold_s": cold, "warm_median_s": statistics.median(warm), "exception": bool(at.exception)}}
print(json.dumps(out))
"""
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    if r.returncode != 0:
        raise SystemExit(r.stderr[-3000:])
    import json

    return json.loads(r.stdout.strip().splitlines()[-1])


def export_runs(env: dict[str, str], db: Path, repeats: int = 5) -> dict:
    """The annual preset deck (12 slides, native charts), one chart's PNG and the 分析报告 (.docx with its chart
    pictures), each cold then the median of warm repeats, in a fresh process on the national store (PNG and
    report only where Chromium is there for kaleido)."""
    code = f"""
import json, statistics, time
from pptx import Presentation
import io
from etl import db
from export.deck import preset_deck
from export.images import images_available, view_png
from views.catalog import get_chart
from views.context import Context, resolve

out = {{}}
with db.open_store(read_only=True) as con:
    city, year = resolve(Context.of(con, "", 0).run, None, None)
    times = []
    for _ in range({repeats} + 1):
        t = time.perf_counter(); deck = preset_deck(con, "annual", city, year); times.append(time.perf_counter() - t)
    out["deck_cold_s"], out["deck_s"] = times[0], statistics.median(times[1:])
    out["deck_slides"] = len(Presentation(io.BytesIO(deck)).slides)
    out["deck_bytes"] = len(deck)
    if images_available():
        view = get_chart("contracts_ranking").build(Context.of(con, city, year))
        times = []
        for _ in range({repeats} + 1):
            t = time.perf_counter(); png = view_png(view)
            times.append(time.perf_counter() - t)
        out["png_cold_s"], out["png_warm_s"], out["png_bytes"] = times[0], statistics.median(times[1:]), len(png)
        # the 分析报告: queries, sentences, tables and every chart picture, written as .docx
        from docx import Document
        from export.analysis import report_file
        times = []
        for _ in range({repeats} + 1):
            t = time.perf_counter(); report = report_file(con, city, year); times.append(time.perf_counter() - t)
        out["report_cold_s"], out["report_s"], out["report_bytes"] = times[0], statistics.median(times[1:]), len(report)
        out["report_pictures"] = len(Document(io.BytesIO(report)).inline_shapes)
print(json.dumps(out))
"""
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**env, "UNION_DB": str(db)}, capture_output=True,
                       text=True, timeout=900)  # fmt: skip
    if r.returncode != 0:
        return {"error": r.stderr[-1500:]}
    import json

    return json.loads(r.stdout.strip().splitlines()[-1])


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def environment(db: Path, catalog: Path) -> dict[str, str]:
    return {**os.environ, "UNION_DB": str(db), "UNION_CATALOG": str(catalog)}


def unknown_names_run(db: Path, work: Path, n_rows: int = 3000) -> dict:
    """A file with the wrong city: `n_rows` rows whose every district is unknown, checked with its 您是不是指…
    suggestions against the whole catalogue. Also one suggestion lookup alone (rapidfuzz over every name)."""
    import openpyxl

    from etl import db as store
    from etl.catalog import load_catalog
    from etl.load import check_file

    work.mkdir(parents=True, exist_ok=True)
    path = work / "wrong_city_2024.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["区县", "集体合同签订率", "会员总数"])
    for i in range(n_rows):
        ws.append([f"错误市{i:04d}区", 90, 1000])
    wb.save(path)
    cat = load_catalog()
    lookups = []
    for i in range(20):
        t0 = time.perf_counter()
        cat.suggest_districts(f"错误市{i:04d}区")
        lookups.append(time.perf_counter() - t0)
    with store.open_store(db) as con:
        t0 = time.perf_counter()
        plan = check_file(path, con, year=2024)
        check_s = time.perf_counter() - t0
    unknown = [p for p in plan.problems if p.code == "unknown_district"]
    return {
        "rows": n_rows,
        "catalogue_names": len(cat._district_keys),
        "check_s": check_s,
        "lookup_median_ms": median(lookups) * 1000,
        "unknown_reported": len(unknown),
        "with_suggestions": sum(bool(p.params.get("suggestions")) for p in unknown),
    }


def machine() -> dict:
    """What the benchmark ran on: the CPU, its cores, the load average, the date (UTC)."""
    import datetime
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return {"cpu": cpu, "cores": os.cpu_count(), "load": load, "date": date}
