"""The 全委会 deck on the sample store: sections, conclusion titles read from the store, the 同比 and rises slides."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pptx import Presentation

from etl import db
from etl.catalog import load_catalog
from export.deck import preset_deck
from narrative import city_sentence
from narrative.sentences import quantity
from queries import run_query

CITY, YEAR = "示例市", 2024


@pytest.fixture(scope="module")
def con(sample_db):
    c = db.connect(sample_db, read_only=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def deck(con) -> Presentation:
    return Presentation(io.BytesIO(preset_deck(con, "annual", CITY, YEAR, exported=dt.date(2026, 12, 1))))


def texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def table_of(deck, title: str):
    for slide in deck.slides:
        if title in texts(slide):
            tables = [s.table for s in slide.shapes if s.has_table]
            assert len(tables) == 1
            return [[c.text for c in row.cells] for row in tables[0].rows]
    raise AssertionError(f"no slide titled {title!r}")


def test_title_slide_names_the_federation_the_meeting_and_a_chinese_date(deck):
    title = texts(deck.slides[0])
    assert "2024年示例市工会工作主要指标" in title
    assert "示例市总工会 · 年度全委会" in title
    assert "2026年12月1日" in title


def test_chart_slides_are_titled_with_the_sentence_the_store_gives(con, deck):
    cat = load_catalog()
    overview = run_query(con, "city_overview", city=CITY, year=YEAR).set_index("metric_code", drop=False)
    attainment = run_query(con, "target_attainment", city=CITY, year=YEAR).set_index("metric_code", drop=False)
    titles = {x for slide in deck.slides for x in texts(slide)}
    for code in ("contract_rate_collective", "aid_amount", "total_members"):
        m = cat.metrics[code]
        df = run_query(con, "metric_by_district", city=CITY, year=YEAR, metric=code)
        att = attainment.loc[code] if code in attainment.index else None
        expected = city_sentence(m, overview.loc[code], year=YEAR, attainment=att, districts=df).text
        assert expected in titles, expected
    assert (
        "全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标"
        in titles
    )
    assert "全市群体性劳资纠纷142起，比上年减少1起；西城区增加6起，增幅最大" in titles


def test_yoy_slide_has_every_headline_indicator_with_the_store_figures(con, deck):
    cat = load_catalog()
    rows = table_of(deck, "主要指标同比变化（2024年与2023年）")
    assert rows[0] == ["指标", "2024年", "2023年", "增减", "增幅", "目标完成"]
    by_name = {r[0]: r for r in rows[1:]}
    overview = run_query(con, "city_overview", city=CITY, year=YEAR)
    headline = overview[overview["headline"]]
    assert len(by_name) == len(headline)
    for r in headline.to_dict("records"):
        m = cat.metrics[r["metric_code"]]
        shown = by_name[m.short_name()]
        assert shown[1] == quantity(r["value"], m) and shown[2] == quantity(r["prev_value"], m)
    assert by_name["群体性劳资纠纷"][3] == "-1起"
    assert by_name["帮扶金额"][3:5] == ["+249.7万元", "+8.6%"]


def test_rises_slide_lists_where_disputes_rose_in_cases_with_small_numbers_marked(con, deck):
    rows = table_of(deck, "群体性劳资纠纷：5个区县比上年增加")
    stored = run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="disputes_reported")
    rose = stored[stored["change"] > 0].sort_values("change", ascending=False, kind="stable")
    assert [r[0] for r in rows[1:]] == list(rose["district_zh"])
    assert rows[1][:4] == ["西城区", "14起", "8起", "+6起"]
    small = set(rose.loc[rose["small_count"], "district_zh"])
    assert {r[0] for r in rows[1:] if r[4]} == small and small


def test_sections_come_in_order_and_the_points_to_watch_close_the_deck(deck):
    firsts = [texts(s)[1] if len(texts(s)) > 1 else "" for s in deck.slides]
    positions = [
        firsts.index(h) for h in ("一、主要指标完成情况", "二、各区县排名", "三、同比变化", "四、需要关注的问题")
    ]
    assert positions == sorted(positions)
    last = "".join(texts(deck.slides[-1]))
    assert "需要关注的问题" in last and "临港区、石湾县、高新区未达到90%的目标" in last


def test_the_same_sentence_stands_under_the_chart_on_the_theme_page(sample_db, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parent.parent
    monkeypatch.setenv("UNION_DB", str(sample_db))
    monkeypatch.chdir(root)
    app = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)
    app.run()
    app.switch_page("pages/02_contracts.py").run()
    assert not app.exception
    shown = [m.value.replace("\\", "") for m in app.markdown]
    assert (
        "全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标。"
        in shown
    )
    assert "2024年全市集体合同签订率92.1%，为2015年以来最高。" in shown


def test_pictures_in_the_meeting_deck_carry_the_plain_source_not_batch_numbers(con, monkeypatch):
    """A chart drawn as a picture (pictures=True, or a view without a native spec) has its source line drawn into
    the image: it must be the deck's plain words, as on the footers, never the page's 批次 #N."""
    import export.meeting as meeting

    drawn = []
    monkeypatch.setattr(meeting, "images_available", lambda: True)
    monkeypatch.setattr(meeting, "view_png", lambda view, **kw: drawn.append(view.source) or _one_pixel_png())
    from views.context import Context

    prs = Presentation(io.BytesIO(meeting.meeting_deck(Context.of(con, CITY, YEAR), pictures=True)))
    assert drawn and len(prs.slides) > 5
    page_source = texts_of_page_source(con)
    assert all("#" not in s and s != page_source for s in drawn), drawn


def texts_of_page_source(con) -> str:
    from views.context import Context

    return Context.of(con, CITY, YEAR).source


def _one_pixel_png() -> bytes:
    import base64

    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
