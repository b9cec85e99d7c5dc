"""The shared view cache: one build per key across sessions, and never a view of figures the store no longer holds."""

from __future__ import annotations

import threading

import pytest

from etl import db
from etl.catalog import load_catalog
from etl.edits import plan_correction
from etl.store import commit
from queries import run_query
from views import cache
from views.catalog import get_chart
from views.context import Context, resolve


def _runner(path):
    """What a page's runner does: a fresh read-only connection per query (ui/data.py, without streamlit)."""

    def run(name, **params):
        with db.open_store(path, read_only=True) as con:
            return run_query(con, name, **params)

    return run


def _page_context(path, city=None, year=None, **kw) -> Context:
    run = _runner(path)
    city, year = resolve(run, city, year)
    return Context(run, city, year, version=db.data_version(path) + "|all", **kw)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _value(view, code: str) -> float:
    return float(view.data.set_index("district_code").loc[code, "value"])


def test_two_sessions_share_one_build(fixture_db):
    a, b = _page_context(fixture_db), _page_context(fixture_db)  # two sessions: two runners, same figures
    chart = get_chart("contracts_ranking")
    first = chart.build(a)
    assert chart.build(b) is first
    assert cache.stats["misses"] == 1 and cache.stats["hits"] == 1


def test_every_context_field_but_the_runner_is_in_the_key(fixture_db):
    chart = get_chart("contracts_ranking")
    base = chart.build(_page_context(fixture_db))
    assert chart.build(_page_context(fixture_db, lang="en")) is not base
    assert chart.build(_page_context(fixture_db, highlight=("x",))) is not base
    other = _page_context(fixture_db)
    other.version = other.version.replace("|all", "|approved")  # approved-only viewing reads other figures
    assert chart.build(other) is not base


def test_a_context_without_version_is_never_cached(fixture_db):
    with db.open_store(fixture_db, read_only=True) as con:
        city, year = resolve(Context.of(con, "", 0).run, None, None)
        chart = get_chart("contracts_ranking")
        assert chart.build(Context.of(con, city, year)) is not chart.build(Context.of(con, city, year))
    assert cache.stats["misses"] == 0 and cache.stats["uncached"] == 2


def test_a_commit_invalidates_the_cached_view(fresh_db):
    """A correction committed between two page runs: the second run shows the corrected figure, not the cached one."""
    chart = get_chart("contracts_ranking")
    code = chart.metrics[0]
    ctx = _page_context(fresh_db)
    before = chart.build(ctx)
    district = before.data.dropna(subset=["value"])["district_code"].iloc[0]
    old = _value(before, district)
    new = old - 1.5 if old > 50 else old + 1.5
    with db.open_store(fresh_db) as con:
        plan = plan_correction(con, district, ctx.year, {code: new}, "test of the view cache")
        assert plan.ok, [p.line() for p in plan.problems]
        commit(plan, con, by="pytest", kind="correction", note="test of the view cache")
    after = chart.build(_page_context(fresh_db, ctx.city, ctx.year))
    assert _value(after, district) == pytest.approx(new)
    assert _value(chart.build(ctx), district) == pytest.approx(old)  # the old key still means the old figures


def test_concurrent_sessions_wait_for_one_build(fixture_db):
    calls = []
    gate = threading.Event()

    def slow(ctx):
        calls.append(1)
        gate.wait(5)
        return object()

    ctx = _page_context(fixture_db)
    results = []
    threads = [threading.Thread(target=lambda: results.append(cache.build(slow, ctx))) for _ in range(8)]
    for th in threads:
        th.start()
    gate.set()
    for th in threads:
        th.join(10)
    assert len(calls) == 1 and len({id(r) for r in results}) == 1 and len(results) == 8


def test_views_named_through_the_cache_are_the_same_builders(fixture_db):
    ctx = _page_context(fixture_db)
    m = load_catalog().metrics[get_chart("contracts_ranking").metrics[0]]
    shared = cache.named.movers(ctx, m)
    assert cache.named.movers(ctx, m) is shared
    assert shared.title == cache.named.movers.uncached(ctx, m).title


def test_keyed_setup_is_shared_per_version_and_never_without_one():
    calls = []

    def setup(city):
        calls.append(city)
        return [city]

    assert cache.keyed("v1|all", setup, "甲") is cache.keyed("v1|all", setup, "甲")
    assert cache.keyed("v2|all", setup, "甲") is not cache.keyed("v1|all", setup, "甲")  # a commit: read again
    cache.keyed("", setup, "甲")
    cache.keyed("", setup, "甲")
    assert calls == ["甲", "甲", "甲", "甲"]


def test_a_derived_copy_is_made_once_per_shared_view_and_again_for_a_new_figure():
    """A chart's phone copy is made once for the shared view, not on every rerun of every session; a copy of the view
    given a figure of its own gets a phone copy of that figure."""
    import plotly.graph_objects as go

    from charts.phone import sideways
    from views.view import View

    made = []

    def phone(view):
        made.append(view.figure)
        return sideways(view.figure)

    view = View("v", "t", None, go.Figure(go.Bar(x=["甲", "乙"], y=[1, 2])))
    first = cache.derived(view, "phone", lambda: phone(view))
    assert cache.derived(view, "phone", lambda: phone(view)) is first
    assert len(made) == 1 and first.data[0].orientation == "h"
    other = cache.shared_copy(view)
    other.figure = go.Figure(go.Bar(x=["丙"], y=[3]))
    assert list(cache.derived(other, "phone", lambda: phone(other)).data[0].y) == ["丙"]
    assert len(made) == 2
    assert cache.derived(view, "phone", lambda: phone(view)) is first  # the shared view's own is kept


def test_sessions_asking_at_once_for_a_phone_copy_wait_for_one():
    import time

    import plotly.graph_objects as go

    from views.view import View

    made = []

    def slow():
        made.append(1)
        time.sleep(0.05)
        return "copy"

    view = View("v", "t", None, go.Figure(go.Bar(x=["甲"], y=[1])))
    out = []
    threads = [threading.Thread(target=lambda: out.append(cache.derived(view, "phone", slow))) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert out == ["copy"] * 8 and made == [1]


def test_copying_a_shared_figure_never_touches_it():
    """go.Figure(fig) takes each trace's "type" out of `fig` itself while it copies (a reader in another session
    found none: KeyError 'type'); charts.copy_figure reads `fig` only."""
    import plotly.graph_objects as go
    from _plotly_utils import basevalidators

    from charts import copy_figure

    fig = go.Figure([go.Bar(x=["甲", "乙"], y=[1, 2]), go.Scatter(x=["甲"], y=[3])], layout={"title": {"text": "t"}})
    seen = []
    trace_class = basevalidators.BaseDataValidator.get_trace_class

    def watching(self, name):  # asked while each trace of the copy is made: the source's keep their type meanwhile
        seen.append([tr._props.get("type") for tr in fig.data])
        return trace_class(self, name)

    basevalidators.BaseDataValidator.get_trace_class = watching
    try:
        out = copy_figure(fig)
        go.Figure(fig)  # what it replaces
    finally:
        basevalidators.BaseDataValidator.get_trace_class = trace_class
    n = len(fig.data)
    assert all(types == ["bar", "scatter"] for types in seen[:n]), seen  # copy_figure
    assert any(None in types for types in seen[n:]), seen  # go.Figure(fig): the race it had
    assert out.to_dict() == fig.to_dict() and out is not fig
    out.data[0].orientation = "h"
    assert fig.data[0].orientation is None  # the copy is its own
