"""Headless Chromium against real servers: the first chart of the dashboard beside a one-chart Streamlit app (both
started in the same run), then page, city and year switches to the new chart, each the median of a few tries."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.serve import ROOT, serve

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
REFERENCE_APP = Path(__file__).resolve().parent / "one_chart_app.py"
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
VIEWPORT = {"width": 1400, "height": 900}
TIMEOUT_MS = 60_000
SWITCH_TIMEOUT_MS = 20_000  # a switch slower than this counts as failed

# What every chart on the page draws (trace values and title): a switch is done when the first chart's differs.
SIGNATURE_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].map(e =>
    JSON.stringify([(e.layout && e.layout.title && e.layout.title.text) || '',
                    (e.data || []).map(t => [t.x, t.y, t.z, t.locations])])).join('|')"""
IDLE_JS = """() => !document.querySelector('[data-testid="stStatusWidget"]')"""
CHANGED_JS = (
    "(old) => { const sig = (" + SIGNATURE_JS + ")(); return sig !== '' && sig !== old && "
    "[...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot .main-svg')].length > 0; }"
)


def _new_page(browser):
    page = browser.new_page(viewport=VIEWPORT)
    page.set_default_timeout(TIMEOUT_MS)
    return page


def quiet(*servers, step_s: float = 0.5, idle_cpu_s: float = 0.05, max_s: float = 30.0) -> float:
    """Wait until no server has used more than `idle_cpu_s` of CPU in `step_s` (at most `max_s`): each visit timed
    from the same state. The dashboard makes a page's other years after it is drawn (ui/warm.py); on a real
    server that work does not slow the visitors' browsers, here it would share two cores with Chromium."""
    t0 = time.perf_counter()
    last = [s.cpu_s() for s in servers]
    while time.perf_counter() - t0 < max_s:
        time.sleep(step_s)
        now = [s.cpu_s() for s in servers]
        if all(b - a <= idle_cpu_s for a, b in zip(last, now, strict=True)):
            break
        last = now
    return time.perf_counter() - t0


def first_chart(browser, url: str) -> float:
    """A fresh tab: URL → the first Plotly chart drawn."""
    page = _new_page(browser)
    try:
        t = time.perf_counter()
        page.goto(url)
        page.locator(CHART).first.wait_for()
        return time.perf_counter() - t
    finally:
        page.close()


def _settle(page) -> str:
    page.wait_for_function(IDLE_JS)
    page.locator(CHART).first.wait_for()
    page.wait_for_timeout(300)  # a rerun that is about to start shows its status widget within this
    page.wait_for_function(IDLE_JS)
    return page.evaluate(SIGNATURE_JS)


def _timed_change(page, action, server=None) -> float | None:
    """Run `action` (a click) and time until the charts differ from what they were; None when they do not
    within SWITCH_TIMEOUT_MS (counted as a failed switch). With `server`, once it is quiet (see `quiet`)."""
    old = _settle(page)
    if server is not None:
        quiet(server)
    t = time.perf_counter()
    action()
    try:
        page.wait_for_function(CHANGED_JS, arg=old, timeout=SWITCH_TIMEOUT_MS)
    except Exception:
        return None
    return time.perf_counter() - t


def _open(page, box_index: int) -> int:
    """Open the `box_index`-th selectbox of the main area; the number of its options."""
    box = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').nth(box_index)
    for _ in range(5):  # a click that lands during a rerun is lost
        page.wait_for_function(IDLE_JS)
        box.click()
        try:
            page.get_by_role("option").first.wait_for(timeout=5_000)
            return page.get_by_role("option").count()
        except Exception:
            page.keyboard.press("Escape")
    return 0


def _options(page, box_index: int) -> int:
    n = _open(page, box_index)
    page.keyboard.press("Escape")
    return n


def _pick(page, box_index: int, option_index: int) -> None:
    """Choose the `option_index`-th option of the `box_index`-th selectbox of the main area."""
    _open(page, box_index)
    page.get_by_role("option").nth(option_index).click()


def switches(browser, base: str, repeats: int, server=None) -> dict:
    """Page switch (sidebar link, overview ↔ a theme page), city switch and year switch, each timed to the new
    chart; medians of `repeats` tries."""
    page = _new_page(browser)
    out: dict[str, list[float]] = {"page_switch_s": [], "city_switch_s": [], "year_switch_s": []}
    try:
        page.goto(base)
        page.locator(CHART).first.wait_for()
        links = [
            page.locator('[data-testid="stSidebarNav"] a[href$="/contracts"]').first,
            page.locator('[data-testid="stSidebarNav"] a').first,  # the overview, the default page
        ]
        for i in range(repeats):
            out["page_switch_s"].append(_timed_change(page, links[i % 2].click, server))
        page.goto(f"{base}/contracts")
        _settle(page)
        for key, box in (("city_switch_s", 0), ("year_switch_s", 1)):
            n = _options(page, box)
            for i in range(repeats if n > 1 else 0):  # a store of one city has no city to switch to
                out[key].append(
                    _timed_change(page, lambda i=i, box=box, n=n: _pick(page, box, 1 + i % (n - 1)), server)
                )
    finally:
        page.close()
    medians = {k: _median_or_none(v) for k, v in out.items()}
    failed = sum(x is None for v in out.values() for x in v)
    return medians | {k[: -len("_s")] + "_all_s": v for k, v in out.items()} | {"switches_failed": failed}


def _median_or_none(xs: list[float | None]) -> float | None:
    """The median of the tries, a failed one (None) counting as slower than any other; None without tries."""
    if not xs:
        return None
    ok = sorted(x for x in xs if x is not None)
    ranked = ok + [float("inf")] * (len(xs) - len(ok))
    m = statistics.median_low(ranked)
    return None if m == float("inf") else m


def browser_run(env: dict[str, str], repeats: int = 3) -> dict:
    """Both servers up at once; Chromium measures each app's first chart (after one warming visit each, which
    pays Python's imports), interleaved, then the dashboard's switches, then its peak memory after every page."""
    from playwright.sync_api import sync_playwright

    from bench.run import URLS

    with serve(ROOT / "serve.py", env) as app, serve(REFERENCE_APP, env) as ref, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            first_chart(browser, app.base)
            first_chart(browser, ref.base)
            ours, theirs = [], []
            for _ in range(repeats):
                quiet(app, ref)
                theirs.append(first_chart(browser, ref.base))
                quiet(app, ref)
                ours.append(first_chart(browser, app.base))
            sw = switches(browser, app.base, repeats, app)
            page = _new_page(browser)
            for path in URLS[1:]:
                page.goto(f"{app.base}/{path}")
                page.locator(CHART).first.wait_for()
            page.close()
        finally:
            browser.close()
        first, reference = statistics.median(ours), statistics.median(theirs)
        return {
            "first_chart_s": first,
            "reference_first_chart_s": reference,
            "first_chart_ratio": first / reference,
            "first_chart_all_s": ours,
            "reference_first_chart_all_s": theirs,
            **sw,
            "peak_rss_mb_one_session": app.rss_mb()[1],
        }
