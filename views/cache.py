"""One cache of built Views for every session of the server: each view is built once per (view, parameters, data).

Thirty people opening the same page in the same minute ask for the same views of the same figures; building a
view (queries read from the query cache, then pandas and Plotly) is most of a page's time. Here a view is keyed
on the builder, its arguments and every field of the Context but the query runner — city, year, language,
highlighted districts and `version`. Pages put in `version` both the store's data version (it changes on every
commit, rollback, re-apply, review step and lock: etl.db.data_version) and whatever else decides which figures
the runner returns (approved-only viewing), so a view built before a change is never shown after it.

A Context with an empty `version` (exports, the command line, tests reading a connection) is never cached: its
runner may read a snapshot or a connection the key does not describe.

Views handed out are shared: callers must not change them (`shared_copy` gives a copy to change). Twenty-five
sessions asking for the same missing view at once wait for one build (one lock per key).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

from views.context import Context

# At most this many views are kept (least recently used dropped first). A view of a 20-district city is a few
# tens of kB (figure, data, slide spec); 600 of them are well under 100 MB even at national scale.
MAX_VIEWS = 600

_lock = threading.Lock()
_views: OrderedDict[Hashable, Any] = OrderedDict()
_building: dict[Hashable, threading.Lock] = {}
_derive_lock = threading.Lock()
_recording = threading.local()  # .calls: the builds of this thread's page run (see `recording`)
stats = {"hits": 0, "misses": 0, "uncached": 0}


def _frozen(value: Any) -> Hashable:
    """`value` as something hashable that equals another value's only when both would build the same view."""
    if isinstance(value, list | tuple):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return tuple(sorted(_frozen(v) for v in value))
    if isinstance(value, Context):
        return context_key(value)
    hash(value)  # anything else must be hashable already (a Metric, a Chart, str, int); TypeError otherwise
    return value


def context_key(ctx: Context) -> tuple:
    """Every field of the context but its runner: a field added to Context later is part of the key by itself."""
    return tuple((f.name, _frozen(getattr(ctx, f.name))) for f in dataclasses.fields(ctx) if f.name != "run")


def _find_context(args: tuple, kwargs: dict) -> Context | None:
    for a in (*args, *kwargs.values()):
        if isinstance(a, Context):
            return a
    return None


def build(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` (a view builder taking a Context), built once per key while the data stays the same."""
    ctx = _find_context(args, kwargs)
    if ctx is None or not ctx.version:
        stats["uncached"] += 1
        return fn(*args, **kwargs)
    key = (fn.__module__, fn.__qualname__, _frozen(args), _frozen(kwargs))
    calls = getattr(_recording, "calls", None)
    if calls is None:
        return _once(key, fn, args, kwargs)
    depth = getattr(_recording, "depth", 0)
    if not depth:  # a page's own builds only: those made inside them come again when they are made again
        calls.setdefault(key, (fn, args, kwargs))
    _recording.depth = depth + 1
    try:
        return _once(key, fn, args, kwargs)
    finally:
        _recording.depth = depth


@contextmanager
def recording() -> Iterator[dict]:
    """While the block runs, every cached build this thread asks for is noted (key → builder and arguments; not
    the builds made inside another, which a cached one does not ask for again), so that the same builds can be
    made for the city's other years (`build_for_year`)."""
    before = getattr(_recording, "calls", None)
    calls: dict = {}
    _recording.calls = calls
    try:
        yield calls
    finally:
        _recording.calls = before


AHEAD_SHARE = 0.5  # views made ahead (for years nobody has asked yet) fill at most this share of MAX_VIEWS


def room() -> int:
    """How many more views may be made ahead before the cache would have to drop others for them."""
    with _lock:
        return int(MAX_VIEWS * AHEAD_SHARE) - len(_views)


def _other_year(value: Any, year: int, run: Callable) -> Any:
    return dataclasses.replace(value, year=year, run=run) if isinstance(value, Context) else value


def build_for_year(
    calls: dict,
    year: int,
    run: Callable,
    before_each: Callable[[], None] | None = None,
    within: Callable[[], AbstractContextManager] = nullcontext,
) -> int:
    """The builds noted by `recording`, again with every Context's year set to `year` and its runner to `run` (the
    runner is no part of a key: the views are those a page of that year finds); the number that failed (a year
    without figures may raise: those views are simply not made). `before_each()` is called before each build,
    and each build runs inside `within()` (ui/warm.py: one store connection for that build only)."""
    failed = 0
    for fn, args, kwargs in list(calls.values()):
        if before_each is not None:
            before_each()
        if room() <= 0:  # made ahead, views must never push out those pages are showing
            break
        try:
            with within():
                build(
                    fn,
                    *(_other_year(a, year, run) for a in args),
                    **{k: _other_year(v, year, run) for k, v in kwargs.items()},
                )
        except Exception:  # noqa: BLE001 (a view that cannot be made for that year is made by no page either)
            failed += 1
    return failed


def keyed(version: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`fn(*args, **kwargs)` for something that takes no Context (a page's setup: its cities, years, default
    year), once per `version` (the same data version a page's Context carries) and arguments; shared, read-only."""
    if not version:
        stats["uncached"] += 1
        return fn(*args, **kwargs)
    return _once((fn.__module__, fn.__qualname__, version, _frozen(args), _frozen(kwargs)), fn, args, kwargs)


def _once(key: Hashable, fn: Callable[..., Any], args: tuple, kwargs: dict) -> Any:
    with _lock:
        if key in _views:
            _views.move_to_end(key)
            stats["hits"] += 1
            return _views[key]
        one = _building.setdefault(key, threading.Lock())
    with one:  # the first caller builds; the others wait here, then find it
        with _lock:
            if key in _views:
                stats["hits"] += 1
                return _views[key]
        try:
            view = fn(*args, **kwargs)
        finally:
            with _lock:
                _building.pop(key, None)
        with _lock:
            stats["misses"] += 1
            _views[key] = view
            while len(_views) > MAX_VIEWS:
                _views.popitem(last=False)
    return view


def shared(fn: Callable[..., Any]) -> Callable[..., Any]:
    """`fn` with its results kept in the shared cache (see `build`)."""

    @functools.wraps(fn)
    def cached(*args: Any, **kwargs: Any) -> Any:
        return build(fn, *args, **kwargs)

    cached.uncached = fn
    return cached


class _SharedModule:
    """A views module (views.named, views.fair) with every public builder going through the cache: `from views.cache import named`."""

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if callable(value) and not name.startswith("_"):
            value = shared(value)
            setattr(self, name, value)
        return value


def derived(view: Any, name: str, make: Callable[[], Any]) -> Any:
    """`make()`, kept with the shared `view` it is made from (a chart's phone copy): made once, not on every rerun
    of every session. Made again where the view's figure is no longer the one it was made from (a `shared_copy`
    given a figure of its own)."""
    figure = getattr(view, "figure", None)
    made = view.__dict__.get("_derived", {}).get(name)
    if made is not None and made[0] is figure:
        return made[1]
    with _derive_lock:  # made once: the sessions that ask meanwhile wait for it rather than all making it
        memo = view.__dict__.setdefault("_derived", {})
        made = memo.get(name)
        if made is None or made[0] is not figure:
            made = memo[name] = (figure, make())
    return made[1]


def shared_copy(view: Any) -> Any:
    """A copy of a shared view that a caller may change (its figure and notes its own)."""
    return copy.deepcopy(view)


def clear() -> None:
    """Drop every cached view (tests; a new data version makes old entries unreachable anyway)."""
    with _lock:
        _views.clear()
        for k in stats:
            stats[k] = 0


def _named():
    from views import named as module

    return _SharedModule(module)


named = _named()


def _fair():
    from views import fair as module

    return _SharedModule(module)


fair = _fair()  # `from views.cache import fair`: the interval, funnel and map views, built once and shared
