"""python -m bench.extract: how long the report extractor takes on a 10,000-character report (median of runs).

The report is made of the real texts in tests/reports and data/reports, cut to 10,000 characters, so it has the
density of figures, headings and plans real reports have. Prints one JSON line; the target is under 1 s.
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from etl.extract import extract, read_report

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.0
CHARS = 10_000


def report_text(chars: int = CHARS) -> str:
    parts = [read_report(p) for p in sorted((ROOT / "tests" / "reports").rglob("*.txt"))]
    parts += [read_report(p) for p in sorted((ROOT / "data" / "reports").glob("*.txt"))]
    text = "\n".join(parts)
    while len(text) < chars:
        text += "\n" + text
    return text[:chars]


def main(runs: int = 7) -> int:
    text = report_text()
    extract(text)  # the vocabulary and OpenCC's tables load once per process
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = extract(text)
        times.append(time.perf_counter() - t0)
    out = {
        "chars": len(text),
        "facts": len(result.facts),
        "median_s": round(statistics.median(times), 4),
        "max_s": round(max(times), 4),
        "target_s": TARGET_S,
        "ok": statistics.median(times) < TARGET_S,
    }
    print(json.dumps(out))
    return 0 if out["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
