"""Once per server process, before the first visitor: import what the pages import.

A page's first run in a new server process paid about 0.9 s of Python imports (pandas, Plotly, the views, the
charts) on top of its queries: the first person in the meeting room waited for the interpreter, not for the
figures. serve.py calls `preload()` when the server starts; the benchmark does the same before it times a cold
page (cold caches, warm interpreter), and says so.
"""

from __future__ import annotations

import ast
import importlib
import logging
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def page_modules() -> list[str]:
    """The project modules imported at the top of dashboard.py and of every page in data/catalog/pages.csv."""
    from views.catalog import pages

    files = [ROOT / "dashboard.py", *(ROOT / p.path for p in pages())]
    found: list[str] = []
    for f in files:
        for node in ast.parse(f.read_text(encoding="utf-8")).body:
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            found += [n for n in names if n not in found]
    return found


def preload() -> list[str]:
    """Import every module the pages import (and Plotly's figure classes, which the views build); the names."""
    # Streamlit imports its emoji and icon tables at the first label that is not plain ASCII (every Chinese one)
    names = [*page_modules(), "plotly.graph_objects", "streamlit.emojis", "streamlit.material_icon_names"]
    # st.cache_data checks its parameters when a module defining a cached function is imported, and warns that
    # no runtime exists yet (the caches themselves are made at the first call, in the running server)
    import streamlit  # noqa: F401  (its loggers get their levels when it is imported)

    quiet = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        for name in names:
            importlib.import_module(name)
        import plotly.graph_objects as go

        # Plotly loads its figure classes, validators and JSON encoder at their first use
        go.Figure(go.Bar(x=["a"], y=[1]), layout={"title": {"text": "a"}}).to_json()
        # the catalogue (indicators, districts and their name keys), read once per process: at a national scale
        # 3,000 districts took 0.06 s of the first page run
        from etl.catalog import load_catalog

        load_catalog()
    finally:
        quiet.setLevel(level)
    return names
