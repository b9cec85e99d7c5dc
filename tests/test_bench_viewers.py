"""The benchmark's websocket viewers against a real server: they open the overview, switch years, see no error."""

from __future__ import annotations

import os

from bench.serve import ROOT, serve
from bench.viewers import run_viewers


def test_two_viewers_switch_years_without_errors(fixture_db):
    env = {**os.environ, "UNION_DB": str(fixture_db)}
    with serve(ROOT / "serve.py", env) as app:  # what make run serves (and the benchmark measures)
        r = run_viewers(app.base, 2, seconds=4.0, think_s=0.2, timeout_s=60.0)
        assert app.cpu_s() > 0
    assert r["errors"] == 0, r["error_samples"]
    assert r["switches"] >= 2 and r["redraw_median_s"] > 0
