"""Timing the meeting outputs, for the benchmark (bench/) and for a staff member who wants to know: the 全委会 deck
and the Word 分析报告 of one city and year, built cold then again warm (the process's query, view and chart-image
caches of export/cache.py filled), on one open store."""

from __future__ import annotations

import statistics
import time

import duckdb

from export.images import images_available


def time_outputs(
    con: duckdb.DuckDBPyConnection, city: str, year: int, *, repeats: int = 3, lang: str = "zh"
) -> dict[str, float | int]:
    """Seconds for the annual meeting deck and the report (its charts as pictures; left out without Chromium):
    `deck_cold_s` / `report_cold_s` for the first build in this process, `deck_s` / `report_s` the median of
    `repeats` builds after it, and the files' sizes in bytes."""
    from export.analysis import report_file
    from export.deck import preset_deck

    makers = {"deck": lambda: preset_deck(con, "annual", city, year, lang)}
    if images_available():
        makers["report"] = lambda: report_file(con, city, year, lang)
    out: dict[str, float | int] = {}
    for name, make in makers.items():
        times, data = [], b""
        for _ in range(repeats + 1):
            start = time.perf_counter()
            data = make()
            times.append(time.perf_counter() - start)
        out[f"{name}_cold_s"] = round(times[0], 3)
        out[f"{name}_s"] = round(statistics.median(times[1:]), 3)
        out[f"{name}_bytes"] = len(data)
    return out
