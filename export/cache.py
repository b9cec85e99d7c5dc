"""What the exports share between one build and the next: query results and chart images, per store version.

A deck and a report read the same queries (the city's overview, each metric's districts, its years) and draw the
same charts; the meeting deck, the report and a second click on the same button ask for them again. Results are
kept per store file and its data version (etl.db.data_version: the file's and its WAL's size and time), so a new
batch is read at once, and a store with no file (in memory) is cached for one build only. The cached frames are
handed out as copies, so a caller that adds a column never changes what the next one gets.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import duckdb
import pandas as pd

from etl.db import data_version
from queries import run_query

QUERY_ENTRIES = 512  # results kept per process (a city's deck and report need about 60; national frames are small)
IMAGE_ENTRIES = 128  # chart images kept per process (a report has about 8, each 100–300 KB)
VIEW_ENTRIES = 256  # built views kept per process (a meeting deck has 11)


class Memo:
    """A small thread-safe LRU map."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], object]) -> object:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # outside the lock: two makers of one key at once both work, one result is kept
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


QUERIES = Memo(QUERY_ENTRIES)
IMAGES = Memo(IMAGE_ENTRIES)
VIEWS = Memo(VIEW_ENTRIES)


def store_key(con: duckdb.DuckDBPyConnection) -> str | None:
    """The connection's store file and its data version; None for a store in memory (nothing to key it on)."""
    row = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()
    path = row[0] if row else None
    if not path:
        return None
    return f"{path}|{data_version(path)}|{shadowing(con)}"


def shadowing(con: duckdb.DuckDBPyConnection) -> str:
    """What this connection's temporary views and tables make it see beyond the file: a deck `--as-of` a snapshot
    (etl.cycle.apply_as_of shadows `batches` and the review history) reads other figures from the same file and
    version, so it must never be handed the live store's results. '' for a connection with none."""
    views = con.execute(
        "select view_name, sql from duckdb_views() where temporary and not internal order by 1"
    ).fetchall()
    tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where temporary order by 1").fetchall()]
    if not views and not tables:
        return ""
    snapshot = con.execute("select snapshot_id from temp.main._as_of").fetchone() if "_as_of" in tables else None
    digest = hashlib.sha256(repr((views, tables, snapshot)).encode()).hexdigest()[:16]
    return f"as_of={snapshot[0] if snapshot else '-'}|{digest}"


def _frozen(value: object) -> Hashable:
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    return value


def cached_runner(con: duckdb.DuckDBPyConnection) -> Callable[..., pd.DataFrame]:
    """A query runner for one build on `con` (as views.context.Context takes): each distinct query runs once per
    store version in this process; every caller gets its own copy of the result."""
    key = store_key(con)
    local: dict[Hashable, pd.DataFrame] = {}

    def run(name: str, /, **params: object) -> pd.DataFrame:
        k = (name, tuple(sorted((p, _frozen(v)) for p, v in params.items())))
        if key is None:
            if k not in local:
                local[k] = run_query(con, name, **params)
            return local[k].copy()
        return QUERIES.get((key, k), lambda: run_query(con, name, **params)).copy()

    return run


def image_key(*parts: object) -> str:
    """A digest of an image's inputs (the figure as JSON, its size and its framing words)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(repr(p).encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


def built_view(chart, ctx):
    """`chart.build(ctx)` (a views.catalog.Chart), once per store version, city, year, language and highlight when
    the context carries its store's version (ctx.version, as the decks set it); the view is shared, read only."""
    if not ctx.version:
        return chart.build(ctx)
    key = (ctx.version, chart.name, ctx.city, ctx.year, ctx.lang, ctx.highlight)
    return VIEWS.get(key, lambda: chart.build(ctx))
