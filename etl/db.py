"""The one place that opens the DuckDB store: path resolution, lock retry with backoff, schema, reference data."""

from __future__ import annotations

import hashlib
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb

import texts
from etl.catalog import Catalog, catalog_dir, load_catalog

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
# A transaction that meets another's write ("write-write conflict") is tried again this many times in all.
CONFLICT_ATTEMPTS = 4

# DuckDB keeps one database instance per file and process, shared by its connections; the instance holds the
# file's POSIX lock. Closing any descriptor of a file drops every POSIX lock the process holds on it, so when
# one thread's instance was being torn down while another thread opened a new one, the new instance lost its
# lock and a writer in another process got in under a reader that then kept serving what it had cached (the
# concurrency test's stale reads). Opens and closes in this process therefore take turns.
_OPEN_CLOSE = threading.RLock()
# Read-only connections each thread holds open (thread ident → count): a thread that already reads the store
# opens another reader at once even while a writer waits. Holding back then would only wait for itself: its own
# open reader keeps the writer out, and a page run holding its shared reader while a check in it opened a second
# one stood 10 s each side, until the editor's commit gave up (tests/e2e/test_browser_races.py, the lock race).
_READS_HELD: dict[int, int] = {}
_READS_GUARD = threading.Lock()
# One writable connection per store in this process at a time: two sessions committing at once queue here.
_WRITERS: dict[str, threading.Lock] = {}
_WRITERS_GUARD = threading.Lock()


class StoreBusy(RuntimeError):
    """Another process kept the store locked for longer than the retry limit."""

    def __init__(self, path: Path, waited: float, holder: str | None, reading: bool = False):
        self.path, self.waited, self.holder, self.reading = path, waited, holder, reading
        super().__init__(f"store {path} is busy (held by {holder or 'another process'}), waited {waited:.0f} s")

    def message(self, lang: str = "zh") -> str:
        who = self.holder or texts.t("store_in_use_who", lang)
        then = texts.t("store_in_use_reading" if self.reading else "store_in_use_writing", lang)
        return texts.t("store_in_use", lang, name=self.path.name, who=who, waited=f"{self.waited:.0f}", then=then)


class WriteConflict(RuntimeError):
    """Another transaction kept writing the same rows, through every automatic retry."""

    def message(self, lang: str = "zh") -> str:
        return texts.t("store_write_conflict", lang)


class StoreMissing(RuntimeError):
    def __init__(self, path: Path):
        self.path = path
        super().__init__(f"no store at {path}")

    def message(self, lang: str = "zh") -> str:
        return texts.t("store_missing", lang, path=self.path)


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


class Connection:
    """A DuckDB connection to the store (every method of duckdb's connection is here), whose close() takes its
    turn with other opens and closes of this process and lets the next writer of this process in."""

    __slots__ = ("_con", "_writer", "_closed", "_reader_of", "__weakref__")

    def __init__(self, con: duckdb.DuckDBPyConnection, writer: threading.Lock | None, reader_of: int | None = None):
        self._con, self._writer, self._closed, self._reader_of = con, writer, False, reader_of
        if reader_of is not None:
            with _READS_GUARD:
                _READS_HELD[reader_of] = _READS_HELD.get(reader_of, 0) + 1

    def __getattr__(self, name: str):
        return getattr(self._con, name)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            with _OPEN_CLOSE:
                self._con.close()
        finally:
            if self._writer is not None:
                self._writer.release()
            if self._reader_of is not None:
                with _READS_GUARD:
                    left = _READS_HELD.get(self._reader_of, 1) - 1
                    if left > 0:
                        _READS_HELD[self._reader_of] = left
                    else:
                        _READS_HELD.pop(self._reader_of, None)

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:  # a connection dropped without close() must not keep other writers out
        try:
            self.close()
        except Exception:
            pass


def _writer_lock(p: Path) -> threading.Lock:
    with _WRITERS_GUARD:
        return _WRITERS.setdefault(str(p.resolve()), threading.Lock())


def connect(path: str | Path | None = None, read_only: bool = False, wait: float | None = None) -> Connection:
    """Open the store, retrying with backoff while another process holds its lock; StoreBusy after `wait` seconds.

    Writers go first: a writer waiting for the lock leaves a marker file, and readers hold back while it is there,
    so a busy dashboard cannot starve a load. Writers of one process (two sessions saving) go one at a time."""
    p = db_path(path)
    if read_only and not p.exists():
        raise StoreMissing(p)
    if not read_only:
        release_shared_reads()  # this thread's shared reader would keep its own writer out
        p.parent.mkdir(parents=True, exist_ok=True)
    limit = LOCK_WAIT_SECONDS if wait is None else wait
    start = time.monotonic()
    writer = None
    if not read_only:
        writer = _writer_lock(p)
        if not writer.acquire(timeout=max(limit, 0.001)):
            raise StoreBusy(p, time.monotonic() - start, None)
    try:
        con = _connect_retrying(p, read_only, limit, start)
    except BaseException:
        if writer is not None:
            writer.release()
        raise
    return Connection(con, writer, threading.get_ident() if read_only else None)


# Opening the store costs about as much as a query (25 ms on a 5 MB store here): a cold page that runs 30 queries
# spent 45 % of its query time opening and closing. Inside `shared_reads()` (the run of one page) a thread's reads
# share one read-only connection, opened at the first read and closed when the block ends or just before the same
# thread opens a writable one. Other processes' writers wait for it as they waited for the short connections
# (their "waiting" marker holds back new readers); the block lasts one page run, never longer.
_SHARED = threading.local()


@contextmanager
def shared_reads() -> Iterator[None]:
    """Within the block, `shared_reader()` gives this thread one read-only connection per store and setting."""
    if getattr(_SHARED, "active", False):  # nested: the outer block closes
        yield
        return
    _SHARED.active, _SHARED.cons = True, {}
    try:
        yield
    finally:
        _SHARED.active = False
        release_shared_reads()


def in_shared_reads() -> bool:
    return bool(getattr(_SHARED, "active", False))


def shared_reader(path: str | Path | None = None, setting: str = "", setup: Callable | None = None) -> Connection:
    """This thread's shared read-only connection to the store for `setting` (opened, and `setup(con)` applied to it,
    at its first use in the block); only inside `shared_reads()`. Callers must not close it."""
    if not in_shared_reads():
        raise RuntimeError("shared_reader() outside shared_reads()")
    key = (str(db_path(path)), setting)
    con = _SHARED.cons.get(key)
    if con is None:
        con = connect(path, read_only=True)
        try:
            if setup is not None:
                setup(con)
        except BaseException:
            con.close()
            raise
        _SHARED.cons[key] = con
    return con


def release_shared_reads() -> None:
    """Close this thread's shared readers (the block goes on: the next read opens again)."""
    cons = getattr(_SHARED, "cons", None)
    while cons:
        _, con = cons.popitem()
        con.close()


def _connect_retrying(p: Path, read_only: bool, limit: float, start: float) -> duckdb.DuckDBPyConnection:
    pause = LOCK_FIRST_PAUSE_SECONDS
    intent = _intent_file(p)
    try:
        while True:
            waited = time.monotonic() - start
            holds_a_reader = _READS_HELD.get(threading.get_ident(), 0) > 0
            if read_only and not holds_a_reader and _writer_waiting(p) and waited < limit:
                time.sleep(min(pause * (0.5 + random.random()), max(0.0, limit - waited)))
                pause = min(pause * 2, LOCK_MAX_PAUSE_SECONDS)
                continue
            try:
                with _OPEN_CLOSE:
                    return duckdb.connect(str(p), read_only=read_only)
            except (duckdb.IOException, duckdb.ConnectionException) as err:
                # Another process holds the file lock, or (in this process) a connection in the other mode is open:
                # both pass once the other side closes its short-lived connection.
                if "lock" not in str(err).lower() and "different configuration" not in str(err):
                    raise
                waited = time.monotonic() - start
                if waited >= limit:
                    raise StoreBusy(p, waited, _holder(err), reading=read_only) from None
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
) -> Iterator[Connection]:
    """A connection that is closed on exit; a writable one brings the schema and reference tables up to date
    when (and only when) schema.sql or the catalogue changed since they were last applied."""
    con = connect(path, read_only=read_only, wait=wait)
    try:
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


def _fingerprints() -> dict[str, str]:
    """What the store's schema and reference tables were made from: schema.sql and the catalogue files."""
    h = hashlib.sha256()
    d = catalog_dir()
    for f in sorted(d.glob("*.csv")):
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return {
        "schema_sha": hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest(),
        "catalog_sha": h.hexdigest(),
    }


def ensure_schema(con: duckdb.DuckDBPyConnection | Connection) -> bool:
    """Apply the schema when the store was made from another schema.sql or catalogue; True when it did.

    An ordinary open changes nothing: recreating the views on every writable open made two sessions saving at
    the same moment fail with a write-write conflict."""
    want = _fingerprints()
    try:
        have = dict(con.execute("select key, value from meta").fetchall())
    except duckdb.CatalogException:
        have = {}
    if all(have.get(k) == v for k, v in want.items()):
        return False
    init_store(con, fingerprints=want)
    return True


def init_store(
    con: duckdb.DuckDBPyConnection | Connection, catalog: Catalog | None = None, fingerprints: dict | None = None
) -> None:
    """Apply the schema and refresh the reference tables from the catalogue, in one transaction."""
    cat = catalog or load_catalog()
    marks = fingerprints or _fingerprints()

    def apply() -> None:
        con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
        con.execute("insert or replace into meta values ('schema_version', $v)", {"v": SCHEMA_VERSION})
        for k, v in marks.items():
            con.execute("insert or replace into meta values ($k, $v)", {"k": k, "v": v})
        sync_reference(con, cat)

    transaction(con, apply)


T = TypeVar("T")


def transaction(con: duckdb.DuckDBPyConnection | Connection, work: Callable[[], T]) -> T:
    """Run `work` in one transaction; on a write-write conflict roll back, wait a moment and run it again
    (CONFLICT_ATTEMPTS in all), then WriteConflict. Any other error rolls back and is raised."""
    pause = LOCK_FIRST_PAUSE_SECONDS
    for attempt in range(CONFLICT_ATTEMPTS):
        con.execute("begin transaction")
        try:
            result = work()
            con.execute("commit")
            return result
        except duckdb.TransactionException as err:
            _rollback(con)
            if "conflict" not in str(err).lower():
                raise
            if attempt == CONFLICT_ATTEMPTS - 1:
                raise WriteConflict(str(err)) from None
            time.sleep(pause * (0.5 + random.random()))
            pause = min(pause * 2, LOCK_MAX_PAUSE_SECONDS)
        except BaseException:
            _rollback(con)
            raise
    raise AssertionError("unreachable")


def _rollback(con: duckdb.DuckDBPyConnection | Connection) -> None:
    try:
        con.execute("rollback")
    except duckdb.Error:  # a failed commit has ended the transaction already
        pass


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
