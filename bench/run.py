"""Each measurement of the benchmark, as a function returning numbers (seconds, megabytes)."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
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
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


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
    """Each page's script under AppTest: the first (cold) run and the median of warm reruns, in a fresh process."""
    code = f"""
import json, statistics, time
from streamlit.testing.v1 import AppTest
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def browser_run(env: dict[str, str]) -> dict:
    """A real server and Chromium: first chart after opening the overview, redraw after changing the year,
    and the server's peak memory after every page was shown."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    streamlit = Path(sys.executable).with_name("streamlit")
    proc = subprocess.Popen(
        [
            str(streamlit),
            "run",
            str(ROOT / "dashboard.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("streamlit did not start")
            time.sleep(0.2)
        chart = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = b.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(60_000)
            # warm the server once (the first session also pays Python imports), then measure a fresh visit
            page.goto(base)
            page.locator(chart).first.wait_for()
            page = b.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(60_000)
            t = time.perf_counter()
            page.goto(base)
            page.locator(chart).first.wait_for()
            first_chart = time.perf_counter() - t
            titles = page.locator(f"{chart} .gtitle").all_text_contents()
            year_box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1)
            target = page.get_by_role("option").nth(1)
            for _ in range(5):  # a click that lands during a rerun is lost
                page.wait_for_function("""() => !document.querySelector('[data-testid="stStatusWidget"]')""")
                year_box.click()
                try:
                    target.wait_for(timeout=5_000)
                    break
                except Exception:
                    page.keyboard.press("Escape")
            new_year = target.text_content().strip()
            t = time.perf_counter()
            target.click()
            page.wait_for_function(
                "(y) => [...document.querySelectorAll('.js-plotly-plot .gtitle')].some(e => e.textContent.includes(y))",
                arg=new_year,
            )
            redraw = time.perf_counter() - t
            for path in URLS[1:]:
                page.goto(f"{base}/{path}")
                page.locator(chart).first.wait_for()
            b.close()
        return {
            "first_chart_s": first_chart,
            "year_redraw_s": redraw,
            "peak_rss_mb": _peak_rss_mb(proc.pid),
            "titles_seen": len(titles),
        }
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def export_runs(env: dict[str, str], db: Path, repeats: int = 5) -> dict:
    """The annual preset deck (12 slides, native charts) and one chart's PNG, each cold then the median of warm
    repeats, in a fresh process on the national store (PNG only where Chromium is there for kaleido)."""
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
