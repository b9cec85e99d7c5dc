"""python -m bench [--quick]: build a national-scale store through the real ETL and measure it; writes bench/results.json."""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from bench import national, run

HERE = Path(__file__).resolve().parent
TARGETS = {  # seconds unless said otherwise; "min" targets are floors, every other one a ceiling
    "etl_one_year_s": 1.0,
    "etl_speedup_min": 30.0,  # × the naive pandas + openpyxl load of the same workbook
    "page_cold_s": 1.0,
    "page_warm_s": 0.3,
    "deck_s": 1.0,
    "report_s": 1.0,
    "png_warm_s": 0.5,
    "first_chart_ratio": 1.2,  # overview first chart ÷ the one-chart app's, same run
    "switch_s": 1.0,  # page, city or year switch in Chromium to the new chart
    "redraw_median_s": 1.5,  # 25 viewers switching years
    "redraw_p95_s": 3.0,
    "errors": 0,  # 25 and 50 viewers
    "peak_rss_mb": 400,  # with 25 sessions
    "unknown_names_s": 2.0,  # a 3,000-row file with the wrong city, suggestions over every name
}
VIEWER_COUNTS = (25, 50)


def main() -> int:
    p = argparse.ArgumentParser(prog="python -m bench")
    p.add_argument("--quick", action="store_true", help="300 districts × 4 years, 10 s of viewers: a few minutes")
    p.add_argument("--districts", type=int)
    p.add_argument("--years", type=int)
    p.add_argument("--no-browser", action="store_true", help="no Chromium and no concurrent viewers")
    p.add_argument("--viewer-seconds", type=float, help="how long the concurrent viewers switch years (30 s)")
    p.add_argument("--think", type=float, default=1.0, help="a viewer's mean pause between two switches, s")
    p.add_argument("--out", default=str(HERE / "results.json"))
    p.add_argument(
        "--suggest-only",
        action="store_true",
        help="only the wrong-city file against a national catalogue (seconds; no store, pages or browser)",
    )
    a = p.parse_args()
    if a.suggest_only:
        return suggest_only(a.districts or 3000)
    n = a.districts or (300 if a.quick else 3000)
    n_years = a.years or (4 if a.quick else 15)
    seconds = a.viewer_seconds or (10.0 if a.quick else 30.0)
    years = list(range(2024 - n_years + 1, 2025))
    work = HERE / "work"
    shutil.rmtree(work, ignore_errors=True)
    machine_before = run.machine()
    t_start = time.perf_counter()
    catalog = national.make_catalog(work / "catalog", n)
    files = national.make_workbooks(work / "files", catalog, n, years)
    gen_s = time.perf_counter() - t_start
    import os

    os.environ["UNION_CATALOG"] = str(catalog)
    db = work / "national.duckdb"
    etl = run.load_years(db, files)
    naive = run.naive_load(files[-1], work / "naive.duckdb")
    env = run.environment(db, catalog)
    pages = run.page_runs(env)
    browser, concurrency = {}, {}
    if not a.no_browser:
        from bench.browser import browser_run
        from bench.viewers import concurrency_run

        browser = browser_run(env)
        concurrency = concurrency_run(env, seconds, a.think, VIEWER_COUNTS)
    exports = run.export_runs(env, db)
    unknown = run.unknown_names_run(db, work / "unknown")
    results = {
        "scale": {"districts": n, "years": n_years, "observations": etl["observations"], "generate_s": gen_s},
        "etl": {**etl, "naive_pandas_openpyxl_s": naive, "speedup": naive / etl["last_file_s"]},
        "pages": pages,
        "export": exports,
        "browser": browser,
        "concurrency": concurrency,
        "unknown_names": unknown,
        "targets": TARGETS,
        "machine": {**machine_before, "load_after": run.machine()["load"], "total_s": time.perf_counter() - t_start},
        "quick": bool(a.quick),
    }
    Path(a.out).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    rows = target_rows(results)
    print(report(results, rows))
    if not a.quick and a.districts is None and a.years is None and not a.no_browser:
        write_readme(results, rows)
    return 0


def suggest_only(n_districts: int) -> int:
    """The suggestion timing alone: a national catalogue, an empty store, the wrong city's 3,000 rows."""
    import os

    work = HERE / "work"
    shutil.rmtree(work, ignore_errors=True)
    catalog = national.make_catalog(work / "catalog", n_districts)
    os.environ["UNION_CATALOG"] = str(catalog)
    u = run.unknown_names_run(work / "suggest.duckdb", work / "unknown")
    print(unknown_lines(u))
    return 0


def unknown_lines(u: dict) -> str:
    mark = "ok" if u["check_s"] <= TARGETS["unknown_names_s"] else "MISSED"
    return "\n".join(
        [
            f"{'6. wrong-city file, ' + str(u['rows']) + ' rows, check s':44} {u['check_s']:10.2f} "
            f"{TARGETS['unknown_names_s']:8.2f} {mark}",
            f"{'   one suggestion lookup over ' + format(u['catalogue_names'], ',') + ' names ms':44} "
            f"{u['lookup_median_ms']:10.2f}",
            f"   {u['unknown_reported']} unknown districts reported, {u['with_suggestions']} with suggestions",
        ]
    )


def target_rows(r: dict) -> list[tuple[str, float | None, float | None, str]]:
    """(measure, value, target, "max" or "min") for every target, in the issue's order; value None: not measured."""
    e, x, b, c = r["etl"], r.get("export") or {}, r.get("browser") or {}, r.get("concurrency") or {}
    pages = r["pages"].values()
    rows: list[tuple[str, float | None, float | None, str]] = [
        ("overview first chart ÷ one-chart app, ×", b.get("first_chart_ratio"), TARGETS["first_chart_ratio"], "max"),
        ("page switch in Chromium, s", b.get("page_switch_s"), TARGETS["switch_s"], "max"),
        ("city switch in Chromium, s", b.get("city_switch_s"), TARGETS["switch_s"], "max"),
        ("year switch in Chromium, s", b.get("year_switch_s"), TARGETS["switch_s"], "max"),
    ]
    for n in VIEWER_COUNTS:
        v = c.get(str(n)) or {}
        if n == VIEWER_COUNTS[0]:
            rows += [
                (f"{n} viewers: median redraw, s", v.get("redraw_median_s"), TARGETS["redraw_median_s"], "max"),
                (f"{n} viewers: p95 redraw, s", v.get("redraw_p95_s"), TARGETS["redraw_p95_s"], "max"),
                (f"{n} viewers: peak server memory, MB", v.get("peak_rss_mb"), TARGETS["peak_rss_mb"], "max"),
            ]
        rows.append((f"{n} viewers: errors", v.get("errors"), TARGETS["errors"], "max"))
    rows += [
        ("page scripts cold (slowest), s", max(p["cold_s"] for p in pages), TARGETS["page_cold_s"], "max"),
        (
            "page scripts warm (slowest median), s",
            max(p["warm_median_s"] for p in pages),
            TARGETS["page_warm_s"],
            "max",
        ),
        ("12-slide deck warm, s", x.get("deck_s"), TARGETS["deck_s"], "max"),
        ("Word 分析报告 warm, s", x.get("report_s"), TARGETS["report_s"], "max"),
        ("one year workbook (full store), s", e["last_file_s"], TARGETS["etl_one_year_s"], "max"),
        ("   × naive pandas + openpyxl", e["speedup"], TARGETS["etl_speedup_min"], "min"),
    ]
    return rows


def met(value: float | None, target: float | None, kind: str) -> str:
    if value is None or target is None:
        return "not measured"
    return "met" if (value >= target if kind == "min" else value <= target) else "NOT MET"


def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    return f"{v:,.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.2f}"


def report(r: dict, rows: list) -> str:
    lines = [
        f"scale: {r['scale']['districts']} districts × {r['scale']['years']} years = {r['scale']['observations']:,} observations",
        f"machine: {r['machine']['cpu']} × {r['machine']['cores']}, load {r['machine']['load']} → {r['machine']['load_after']}",
        f"{'target':44} {'value':>10} {'target':>8}",
    ]
    for label, value, target, kind in rows:
        sign = "≥" if kind == "min" else "≤"
        lines.append(f"{label:44} {_fmt(value):>10} {sign}{_fmt(target):>7}  {met(value, target, kind)}")
    lines.append("details:")
    for page, v in r["pages"].items():
        lines.append(f"   {page.split('/')[-1]:40} cold {v['cold_s']:6.3f} s  warm {v['warm_median_s']:6.3f} s")
    b, c = r.get("browser") or {}, r.get("concurrency") or {}
    if b:
        lines.append(
            f"   first chart: dashboard {b['first_chart_s']:.2f} s, one-chart app {b['reference_first_chart_s']:.2f} s"
        )
    for n, v in c.items():
        lines.append(
            f"   {n} viewer(s): {v['switches']} switches, redraw median {_fmt(v['redraw_median_s'])} s "
            f"(chart {_fmt(v['redraw_chart_median_s'])} s), first render median {_fmt(v['first_render_median_s'])} s, "
            f"{v['errors']} errors"
        )
    x = r.get("export") or {}
    if "png_warm_s" in x:
        lines.append(f"   warm PNG {x['png_warm_s']:.2f} s; deck cold {x['deck_cold_s']:.2f} s")
    if r.get("unknown_names"):
        lines.append(unknown_lines(r["unknown_names"]))
    lines.append(f"total {r['machine']['total_s']:.0f} s")
    return "\n".join(lines)


README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def write_readme(r: dict, rows: list) -> None:
    """The table of the last full run, between the README's bench markers."""
    readme = HERE.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text:
        return
    m = r["machine"]
    table = [
        f"Last full run: {m['date']}, {m['cpu']} × {m['cores']} cores, load average {m['load']} at the start and "
        f"{m['load_after']} at the end, {m['total_s'] / 60:.0f} min (`bench/results.json`).",
        "",
        "| measure | value | target | |",
        "|---|---|---|---|",
    ]
    for label, value, target, kind in rows:
        sign = "≥" if kind == "min" else "≤"
        table.append(f"| {label.strip()} | {_fmt(value)} | {sign} {_fmt(target)} | {met(value, target, kind)} |")
    head, rest = text.split(README_START, 1)
    _, tail = rest.split(README_END, 1)
    readme.write_text(head + README_START + "\n" + "\n".join(table) + "\n" + README_END + tail, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
