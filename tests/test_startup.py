"""The server imports what the pages import when it starts (ui/startup.py), not in the first visitor's run."""

from __future__ import annotations

import os
import subprocess
import sys

from ui.startup import ROOT, page_modules


def test_the_modules_of_every_page_are_found():
    found = page_modules()
    # the frame's, the overview's and a data page's own imports
    assert {"ui.frame", "ui.setup", "ui.blocks", "ui.fair", "views.cache", "ui.review"} <= set(found)
    assert len(found) == len(set(found))


def test_preload_leaves_nothing_for_the_first_page_run_to_import(fixture_db):
    """After preload(), the overview's first run imports no project module, nor Plotly's figure class and encoder,
    nor Streamlit's emoji table or kaleido (looked for, not imported, until a picture is made); nor reads the
    catalogue again."""
    code = """
import sys
from ui.startup import preload
from etl.catalog import _load
preload()
read = _load.cache_info().misses
before = set(sys.modules)
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("dashboard.py", default_timeout=120)
at.run()
assert not at.exception, at.exception
new = sorted(m for m in set(sys.modules) - before if m.split(".")[0] in
             ("ui", "views", "charts", "narrative", "analysis", "queries", "texts")
             or m in ("plotly.graph_objs._figure", "plotly.io._json", "pandas", "kaleido", "streamlit.emojis"))
print("NEW", new)
print("CATALOGUE READS", _load.cache_info().misses - read)
"""
    env = {**os.environ, "UNION_DB": str(fixture_db)}
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    line = next(x for x in r.stdout.splitlines() if x.startswith("NEW"))
    assert line == "NEW []", line
    assert "CATALOGUE READS 0" in r.stdout.splitlines(), r.stdout[-500:]


def test_a_server_without_a_store_says_so(tmp_path, monkeypatch):
    """Started before any data was loaded: the page says where the store should be, instead of an error."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNION_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert any("none.duckdb" in i.value for i in at.info)
