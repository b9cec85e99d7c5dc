"""The city's other years, made ready in the background: after a page is drawn for one year, the same views are
built for the years its year selector offers, so the next person to switch years finds them made.

A 全委会 opens one city and then moves through its years; a year's views cost a few tenths of a second of queries,
pandas and Plotly the first time (views/cache.py keeps them for every session after). With 25 viewers switching
at once, those first builds were where the slow redraws were (bench/viewers.py: the switches of the first six
seconds took 2-5 s, those after 0.3-1.3 s). Once per page, city, language and data version, one worker thread
for the whole server; it reads through a connection of its own for each build, never touches a session (no
Streamlit call runs in it), and gives way to the pages: it builds only while no page is running."""

from __future__ import annotations

import atexit
import dataclasses
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from etl import db
from views import cache
from views.context import Context

LOG = logging.getLogger(__name__)
MAX_YEARS = 15  # the most years made ready for one page (newest first after the nearest)
MAX_STARTED = 2000  # signatures remembered (a new data version starts again: older ones are never asked for)
NICE = 10  # the warming thread's scheduling priority below the pages' (Linux: per thread)
# UNION_WARM_YEARS=0 turns it off (the test suite does, but for the tests of this module: tests/conftest.py)
ENABLED = os.environ.get("UNION_WARM_YEARS", "1") != "0"

_page = threading.local()  # .ctx, .years, .run: what page_setup said about this run's page
_started: set = set()
_jobs: list[tuple] = []  # (builds, years, runner), the newest last
_worker: threading.Thread | None = None
_lock = threading.Lock()
_idle = threading.Condition()  # notified when no page run is going on
_active = 0  # page runs going on now, in every session
YIELD_MAX_S = 1.0  # the longest a warming waits for the pages between two builds before it builds anyway
QUIET_S = 0.02  # and how long no page must have run
_last_end = 0.0  # time.monotonic() when the last page run ended
_stop = threading.Event()  # set at exit: a thread killed inside DuckDB at interpreter exit aborts the process


class _Stopped(Exception):
    pass


stats = {"threads": 0, "years": 0, "failed": 0}


def note_page(ctx: Context, years: list[int], run) -> None:
    """page_setup's word on this run: the page's Context, the years its selector offers, and an uncached runner for
    the same figures (the page's own runner is for page runs only: it may draw a message and stop the page)."""
    _page.ctx, _page.years, _page.run = ctx, list(years), run


@contextmanager
def page_run() -> Iterator[None]:
    """Around a page run (dashboard.py): note its builds; when it ends without error, make them for the other years
    in the background, unless that was done already for this page, city, language and data version."""
    global _active, _last_end
    _page.ctx = None
    with _idle:
        _active += 1
    try:
        with cache.recording() as calls:
            yield
    finally:
        with _idle:
            _active -= 1
            _last_end = time.monotonic()
            if not _active:
                _idle.notify_all()
    ctx, years, run = getattr(_page, "ctx", None), getattr(_page, "years", []), getattr(_page, "run", None)
    _page.ctx = None
    if ENABLED and ctx is not None and ctx.version and calls and run is not None:
        start(calls, ctx, years, run)


def _signature(calls: dict, ctx: Context) -> tuple:
    """The same page for another year has the same signature: the builds with the year taken out."""
    blank = cache.context_key(dataclasses.replace(ctx, year=0))
    return (blank, tuple(sorted((k[0], k[1]) for k in calls)))


def _order(years: list[int], year: int) -> list[int]:
    """The other years, nearest first (the year before is the likeliest next choice), at most MAX_YEARS."""
    return sorted((y for y in years if y != year), key=lambda y: (abs(y - year), -y))[:MAX_YEARS]


def start(calls: dict, ctx: Context, years: list[int], run) -> bool:
    """Queue the page's builds for its other years (newest request first: the page just drawn is the likeliest
    to be switched); one worker thread takes them in turn. False when there is nothing to do or it was done."""
    todo = _order(years, ctx.year)
    if not todo:
        return False
    sig = _signature(calls, ctx)
    global _worker
    with _lock:
        if sig in _started:
            return False
        if len(_started) >= MAX_STARTED:
            _started.clear()
        _started.add(sig)
        _jobs.append((dict(calls), todo, run))
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_work, name="warm-years", daemon=True)
            _worker.start()
            stats["threads"] += 1
    return True


def wait(timeout_s: float = 60.0) -> bool:
    """Until the queue is done (tests; a clean shutdown); False when the worker is still running."""
    with _lock:
        worker = _worker
    if worker is not None:
        worker.join(timeout_s)
        return not worker.is_alive()
    return True


def _after_pages() -> None:
    """Wait while any page run is going on, and QUIET_S after the last one ended (at most YIELD_MAX_S in all):
    Python runs one thread at a time, and a page someone waits for goes first (a lower OS priority alone does not
    give way to it; a session's next rerun often follows its last within a few milliseconds)."""
    deadline = time.monotonic() + YIELD_MAX_S
    with _idle:
        while not _stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                break
            if _active:
                _idle.wait(left)
                continue
            quiet = time.monotonic() - _last_end
            if quiet >= QUIET_S:
                break
            _idle.wait(min(left, QUIET_S - quiet))
    if _stop.is_set():
        raise _Stopped


def _work() -> None:
    global _worker
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICE)  # this thread only (Linux)
    except (AttributeError, OSError):
        pass
    while True:
        with _lock:
            if not _jobs or _stop.is_set():
                _worker = None
                return
            job = _jobs.pop()
        _warm(*job)


def _warm(calls: dict, years: list[int], run) -> None:
    version = db.data_version()
    try:
        for y in years:
            if db.data_version() != version:  # the store changed: these views would be for no page any more
                break
            if cache.room() <= 0:  # the shared cache is as full as views made ahead may make it
                break
            # a connection for each build only, as a page run holds one for its run only: a writer (a load from
            # the command line, a save in another session) never waits on a warming that is waiting for pages
            stats["failed"] += cache.build_for_year(calls, y, run, before_each=_after_pages, within=db.shared_reads)
            stats["years"] += 1
    except _Stopped:
        pass
    except Exception:  # a store kept busy, a removed store: the pages will say so; this only stops
        LOG.info("warming other years stopped", exc_info=True)


@atexit.register
def _stop_all(timeout_s: float = 10.0) -> None:
    """At interpreter exit, before daemon threads are frozen: let each warming end after its current build."""
    _stop.set()
    with _idle:
        _idle.notify_all()
    wait(timeout_s)
