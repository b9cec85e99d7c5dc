"""The one place that opens the DuckDB store: path resolution, lock retry with backoff, schema, reference data."""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from etl.catalog import Catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "union.duckdb"
SCHEMA_FILE = Path(__file__).with_name("schema.sql")
SCHEMA_VERSION = "2"  # 2: observations.period

# How long to keep retrying when another process holds the store's lock, in seconds.
LOCK_WAIT_SECONDS = float(os.environ.get("UNION_LOCK_WAIT_SECONDS", "10"))
# First pause between retries, in seconds; doubles up to LOCK_MAX_PAUSE_SECONDS, with jitter.
LOCK_FIRST_PAUSE_SECONDS = 0.02
LOCK_MAX_PAUSE_SECONDS = 0.5
# A writer's "waiting for the lock" marker older than this (seconds) is left over from a crash and ignored.
WRITER_INTENT_STALE_SECONDS = 5.0


class StoreBusy(RuntimeError):
    """Another process kept the store locked for longer than the retry limit."""

    def __init__(self, path: Path, waited: float, holder: str | None):
        self.path, self.waited, self.holder = path, waited, holder
        super().__init__(f"store {path} is busy (held by {holder or 'another process'}), waited {waited:.0f} s")

    def message(self, lang: str = "zh") -> str:
        who = self.holder or ("另一个程序" if lang != "en" else "another program")
        if lang == "en":
            return (
                f"The data store {self.path.name} is in use by {who}; waited {self.waited:.0f} s. "
                "Nothing was written. Please try again in a moment."
            )
        return f"数据库 {self.path.name} 正被{who}使用，已等待 {self.waited:.0f} 秒。本次没有写入任何数据，请稍后重试。"


class StoreMissing(RuntimeError):
    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"no store at {path}")

    def message(self, lang: str = "zh") -> str:
        if lang == "en":
            return f"No data store at {self.path}. Run `python -m etl init` or `make run` first."
        return f"找不到数据库 {self.path}。请先运行 `python -m etl init` 或 `make run`。"


def db_path(path: str | Path | None = None) -> Path:
    """The store's path: the argument (from --db), else $UNION_DB, else data/union.duckdb."""
    return Path(path or os.environ.get("UNION_DB") or DEFAULT_DB)


def _holder(err: Exception) -> str | None:
    m = re.search(r"\(PID (\d+)\)", str(err))
    return f"PID {m.group(1)}" if m else None


def _intent_file(p: Path) -> Path:
    return p.with_name(p.name + ".writer-waiting")


def _writer_waiting(p: Path) -> bool:
    """A writer is queueing for the lock (and is alive: it refreshes the file while it waits)."""
    try:
        age = time.time() - _intent_file(p).stat().st_mtime
    except FileNotFoundError:
        return False
    return age < WRITER_INTENT_STALE_SECONDS


def connect(
    path: str | Path | None = None, read_only: bool = False, wait: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the store, retrying with backoff while another process holds its lock; StoreBusy after `wait` seconds.

    Writers go first: a writer waiting for the lock leaves a marker file, and readers hold back while it is there,
    so a busy dashboard cannot starve a load."""
    p = db_path(path)
    if read_only and not p.exists():
        raise StoreMissing(p)
    if not read_only:
        p.parent.mkdir(parents=True, exist_ok=True)
    limit = LOCK_WAIT_SECONDS if wait is None else wait
    start = time.monotonic()
    pause = LOCK_FIRST_PAUSE_SECONDS
    intent = _intent_file(p)
    try:
        while True:
            waited = time.monotonic() - start
            if read_only and _writer_waiting(p) and waited < limit:
                time.sleep(min(pause * (0.5 + random.random()), max(0.0, limit - waited)))
                pause = min(pause * 2, LOCK_MAX_PAUSE_SECONDS)
                continue
            try:
                return duckdb.connect(str(p), read_only=read_only)
            except (duckdb.IOException, duckdb.ConnectionException) as err:
                # Another process holds the file lock, or (in this process) a connection in the other mode is open:
                # both pass once the other side closes its short-lived connection.
                if "lock" not in str(err).lower() and "different configuration" not in str(err):
                    raise
                waited = time.monotonic() - start
                if waited >= limit:
                    raise StoreBusy(p, waited, _holder(err)) from None
                if not read_only:
                    intent.touch()
                time.sleep(min(pause * (0.5 + random.random()), max(0.0, limit - waited)))
                pause = min(pause * 2, LOCK_MAX_PAUSE_SECONDS)
    finally:
        if not read_only:
            intent.unlink(missing_ok=True)


@contextmanager
def open_store(
    path: str | Path | None = None, read_only: bool = False, wait: float | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection that is closed on exit; a writable one has the schema applied."""
    con = connect(path, read_only=read_only, wait=wait)
    try:
        if not read_only:
            init_store(con)
        yield con
    finally:
        con.close()


def init_store(con: duckdb.DuckDBPyConnection, catalog: Catalog | None = None) -> None:
    """Apply the schema and refresh the reference tables from the catalogue, in one transaction."""
    cat = catalog or load_catalog()
    con.execute("begin transaction")
    try:
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
        con.execute("insert or replace into meta values ('schema_version', $v)", {"v": SCHEMA_VERSION})
        sync_reference(con, cat)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise


def sync_reference(con: duckdb.DuckDBPyConnection, cat: Catalog) -> None:
    """Replace the indicators and districts tables with the catalogue's rows (reference data only)."""
    con.execute("delete from indicators")
    con.executemany(
        "insert into indicators values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (i.code, i.name_zh, i.name_en, i.unit, i.unit_label_zh, i.unit_label_en, i.theme, i.polarity, i.headline, n)
            for n, i in enumerate(cat.indicators.values())
        ],
    )
    con.execute("delete from metrics")
    con.executemany(
        "insert into metrics values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                m.code,
                m.name_zh,
                m.name_en,
                m.unit,
                m.unit_label_zh,
                m.unit_label_en,
                m.theme,
                m.polarity,
                m.kind,
                m.headline,
                m.numerator or None,
                m.denominator or None,
                m.scale,
                m.pool_numerator or None,
                m.pool_denominator or None,
                n,
            )
            for n, m in enumerate(cat.metrics.values())
        ],
    )
    con.execute("delete from districts")
    con.executemany(
        "insert into districts values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (d.code, d.name_zh, d.name_en, d.city_zh, d.city_en, d.province_zh, d.province_en, d.level, d.is_sample)
            for d in cat.districts.values()
        ],
    )


def data_version(path: str | Path | None = None) -> str:
    """A cheap token that changes whenever the store file changes: for cache keys, without opening the store."""
    p = db_path(path)
    parts = []
    for f in (p, p.with_name(p.name + ".wal")):
        try:
            st = f.stat()
            parts.append(f"{st.st_mtime_ns}:{st.st_size}")
        except FileNotFoundError:
            parts.append("-")
    return "|".join(parts)
