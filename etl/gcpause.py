"""The cyclic garbage collector paused while a file is read, checked and written.

Reading a 3,000-row yearly workbook makes some 300,000 small objects (cells, parsed numbers, records, problems),
none of them in reference cycles: reference counting frees them all. Yet every 700 allocations start a
collection, and in a server process that holds the catalogue, Plotly and pandas each one walks a large heap:
measured on the national bench file, the collector took 0.2–0.35 s of its 0.8 s parse, and more in the checks.
The pause is process-wide (the collector is), counted so that overlapping pauses in several sessions' threads
end only when the last one does, and it always ends: cycles made meanwhile are collected afterwards as usual.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_LOCK = threading.Lock()
_PAUSES = 0
_WAS_ENABLED = True

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic collection inside the block (nor in other threads meanwhile); the collector's state before the
    first of overlapping pauses comes back after the last."""
    global _PAUSES, _WAS_ENABLED
    with _LOCK:
        if _PAUSES == 0:
            _WAS_ENABLED = gc.isenabled()
            gc.disable()
        _PAUSES += 1
    try:
        yield
    finally:
        with _LOCK:
            _PAUSES -= 1
            if _PAUSES == 0 and _WAS_ENABLED:
                gc.enable()


def without_gc(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn` run inside gc_paused()."""

    @functools.wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with gc_paused():
            return fn(*args, **kwargs)

    return run
