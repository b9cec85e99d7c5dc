"""ui/warm.py: after a page is drawn for one year, its views are made for the city's other years in the background,
with the same figures a page of that year would show, once per page, city, language and data version."""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from etl import db
from ui import warm
from views import cache, named
from views.context import Context

ROOT = Path(__file__).resolve().parent.parent


def overview(store, monkeypatch) -> AppTest:
    monkeypatch.setenv("UNION_DB", str(store))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(warm, "ENABLED", True)
    monkeypatch.setattr(warm, "_started", set())
    cache.clear()
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def year_box(at: AppTest):
    return next(s for s in at.selectbox if s.label == "年份")


def test_the_other_years_views_are_made_and_a_year_switch_then_builds_nothing(sample_db, monkeypatch):
    at = overview(sample_db, monkeypatch)
    assert warm.wait(120)
    shown, years = year_box(at).value, list(year_box(at).options)
    assert len(years) >= 5
    before = warm.stats["years"]
    other = next(int(y) for y in years if int(y) != int(shown))
    misses = cache.stats["misses"]
    year_box(at).set_value(other).run()
    assert not at.exception, at.exception
    assert cache.stats["misses"] == misses  # every view of that year was there already
    assert warm.stats["years"] == before  # and the same page again starts no second warming
    assert warm.wait(120) and warm.stats["years"] == before


def test_a_view_made_in_the_background_holds_the_figures_a_fresh_build_gives(sample_db, monkeypatch):
    at = overview(sample_db, monkeypatch)
    assert warm.wait(120)
    shown = int(year_box(at).value)
    ctxs = {}  # year → the headline view the cache holds for it
    for key, view in list(cache._views.items()):
        if len(key) == 4 and key[1] == "headline":  # (module, builder, arguments, keywords)
            ctxs[dict(key[2][0])["year"]] = view
    assert shown in ctxs and len(ctxs) > 3  # the shown year and others made without anyone asking
    with db.connect(sample_db, read_only=True) as con:
        for year, view in ctxs.items():
            fresh = named.headline(Context.of(con, "示例市", year))
            pd.testing.assert_frame_equal(view.data.reset_index(drop=True), fresh.data.reset_index(drop=True))


def test_a_year_whose_view_fails_does_not_stop_the_others():
    def view(ctx: Context) -> str:
        if ctx.year == 2020:
            raise ValueError("no figures")
        return f"view of {ctx.year}"

    ctx = Context(lambda name, **p: pd.DataFrame(), "示例市", 2024, version="v-test")
    cache.clear()
    with cache.recording() as calls:
        assert cache.build(view, ctx) == "view of 2024"
    assert len(calls) == 1
    assert cache.build_for_year(calls, 2020, ctx.run) == 1
    assert cache.build_for_year(calls, 2019, ctx.run) == 0
    assert cache.build(view, Context(ctx.run, "示例市", 2019, version="v-test")) == "view of 2019"
    assert cache.stats["misses"] == 2  # 2024 and 2019, the second found made
    cache.clear()


def test_views_made_ahead_stop_before_the_cache_would_drop_others(monkeypatch):
    monkeypatch.setattr(cache, "MAX_VIEWS", 16)  # room for 8 made ahead

    def view(ctx: Context) -> int:
        return ctx.year

    ctx = Context(lambda name, **p: pd.DataFrame(), "示例市", 2024, version="v-room")
    cache.clear()
    with cache.recording() as calls:
        cache.build(view, ctx)
    for year in range(2000, 2020):
        cache.build_for_year(calls, year, ctx.run)
    assert len(cache._views) == 8 and cache.room() == 0
    cache.clear()


def test_a_warming_that_waits_for_the_pages_holds_no_connection_a_writer_would_wait_for(fresh_db, monkeypatch):
    monkeypatch.setenv("UNION_DB", str(fresh_db))
    cache.clear()

    def runner(name: str, **params) -> pd.DataFrame:
        return db.shared_reader().execute("select count(*) as n from observations").df()  # as ui/data.py reads

    def first(ctx: Context) -> int:
        return int(ctx.query("any")["n"][0])

    def second(ctx: Context) -> int:
        return ctx.year

    ctx = Context(runner, "示例市", 2023, version="v-writer")
    with db.shared_reads(), cache.recording() as calls:
        cache.build(first, ctx)
        cache.build(second, ctx)
    waiting, go, asked = threading.Event(), threading.Event(), []

    def after_pages() -> None:  # the first build goes at once; before the second, a page is running
        asked.append(1)
        if len(asked) == 2:
            waiting.set()
            go.wait(30)

    monkeypatch.setattr(warm, "_after_pages", after_pages)
    thread = threading.Thread(target=warm._warm, args=(calls, [2022], runner))
    thread.start()
    assert waiting.wait(30)  # the first build has read the store; the warming now waits for the page
    with db.connect(fresh_db, wait=3) as con:  # a writer gets in at once
        con.execute("select 1")
    go.set()
    thread.join(30)
    assert not thread.is_alive()
    assert len(asked) == 2
    cache.clear()
