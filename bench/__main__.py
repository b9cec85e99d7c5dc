"""python -m bench [--quick]: build a national-scale store through the real ETL and measure it; writes bench/results.json."""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from bench import national, run

HERE = Path(__file__).resolve().parent
TARGETS = {  # seconds unless said otherwise
    "etl_one_year_s": 2.0,
    "page_warm_s": 0.3,
    "page_cold_s": 1.5,
    "deck_s": 2.0,
    "png_warm_s": 0.5,
    "report_s": 3.0,
    "peak_rss_mb": 600,
    "first_chart_s": 3.0,
    "year_redraw_s": 1.0,
    "unknown_names_s": 2.0,  # a 3,000-row file with the wrong city, suggestions over every name
}


def main() -> int:
    p = argparse.ArgumentParser(prog="python -m bench")
    p.add_argument("--quick", action="store_true", help="300 districts × 4 years: under a minute")
    p.add_argument("--districts", type=int)
    p.add_argument("--years", type=int)
    p.add_argument("--no-browser", action="store_true")
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
    years = list(range(2024 - n_years + 1, 2025))
    work = HERE / "work"
    shutil.rmtree(work, ignore_errors=True)
    t0 = time.perf_counter()
    catalog = national.make_catalog(work / "catalog", n)
    files = national.make_workbooks(work / "files", catalog, n, years)
    gen_s = time.perf_counter() - t0
    import os

    os.environ["UNION_CATALOG"] = str(catalog)
    db = work / "national.duckdb"
    etl = run.load_years(db, files)
    naive = run.naive_load(files[-1], work / "naive.duckdb")
    env = run.environment(db, catalog)
    pages = run.page_runs(env)
    browser = {} if a.no_browser else run.browser_run(env)
    exports = run.export_runs(env, db)
    unknown = run.unknown_names_run(db, work / "unknown")
    results = {
        "scale": {"districts": n, "years": n_years, "observations": etl["observations"], "generate_s": gen_s},
        "etl": {**etl, "naive_pandas_openpyxl_s": naive, "speedup": naive / etl["last_file_s"]},
        "pages": pages,
        "export": exports,
        "browser": browser,
        "unknown_names": unknown,
        "targets": TARGETS,
    }
    Path(a.out).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(results))
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


def report(r: dict) -> str:
    def mark(value: float, target: float) -> str:
        return "ok" if value <= target else "MISSED"

    lines = [
        f"scale: {r['scale']['districts']} districts × {r['scale']['years']} years = {r['scale']['observations']:,} observations"
    ]
    e = r["etl"]
    lines.append(f"{'measure':44} {'value':>10} {'target':>8}")
    lines.append(
        f"{'1. one year workbook (last, full store) s':44} {e['last_file_s']:10.2f} {TARGETS['etl_one_year_s']:8.2f} {mark(e['last_file_s'], TARGETS['etl_one_year_s'])}"
    )
    lines.append(f"{'   first year (empty store) s':44} {e['first_file_s']:10.2f}")
    lines.append(
        f"{'   naive pandas+openpyxl read+insert s':44} {e['naive_pandas_openpyxl_s']:10.2f}   ratio ×{e['speedup']:.1f}"
    )
    for page, v in r["pages"].items():
        name = page.split("/")[-1]
        lines.append(
            f"{'2. ' + name + ' cold s':44} {v['cold_s']:10.3f} {TARGETS['page_cold_s']:8.2f} {mark(v['cold_s'], TARGETS['page_cold_s'])}"
        )
        lines.append(
            f"{'   ' + name + ' warm median s':44} {v['warm_median_s']:10.3f} {TARGETS['page_warm_s']:8.2f} {mark(v['warm_median_s'], TARGETS['page_warm_s'])}"
        )
    x = r.get("export") or {}
    if "deck_s" in x:
        lines.append(
            f"{'3. 12-slide deck s':44} {x['deck_s']:10.2f} {TARGETS['deck_s']:8.2f} {mark(x['deck_s'], TARGETS['deck_s'])}"
        )
    if "png_warm_s" in x:
        lines.append(
            f"{'   warm PNG export s':44} {x['png_warm_s']:10.2f} {TARGETS['png_warm_s']:8.2f} {mark(x['png_warm_s'], TARGETS['png_warm_s'])}"
        )
    if "report_s" in x:
        lines.append(
            f"{'   分析报告 .docx ({} charts) warm s'.format(x['report_pictures']):44} {x['report_s']:10.2f} {TARGETS['report_s']:8.2f} {mark(x['report_s'], TARGETS['report_s'])}"
        )
    b = r.get("browser") or {}
    if b:
        lines.append(
            f"{'4. dashboard peak memory MB':44} {b['peak_rss_mb']:10.0f} {TARGETS['peak_rss_mb']:8.0f} {mark(b['peak_rss_mb'], TARGETS['peak_rss_mb'])}"
        )
        lines.append(
            f"{'5. overview URL → first chart s':44} {b['first_chart_s']:10.2f} {TARGETS['first_chart_s']:8.2f} {mark(b['first_chart_s'], TARGETS['first_chart_s'])}"
        )
        lines.append(
            f"{'   year change → redrawn chart s':44} {b['year_redraw_s']:10.2f} {TARGETS['year_redraw_s']:8.2f} {mark(b['year_redraw_s'], TARGETS['year_redraw_s'])}"
        )
    if r.get("unknown_names"):
        lines.append(unknown_lines(r["unknown_names"]))
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
