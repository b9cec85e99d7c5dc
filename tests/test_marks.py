"""Every figure carries its marks (views/marks.py): 未审核 districts, its year's 定稿 and the snapshot it shows, on
every source line, over every page, in the meeting deck, the chart deck, chart images and the Word report; and
the figures of other periods in the profile, the meeting deck and the report, with what each leaves out."""

from __future__ import annotations

import datetime as dt
import io
import re
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd
import pytest
from docx import Document
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from etl import auth, cycle
from etl.catalog import load_catalog
from etl.db import open_store
from etl.parse import Parsed, Record
from etl.store import commit, fetch_current, make_plan
from etl.validate import validate
from export.analysis import build_report
from export.deck import preset_chart_deck, preset_deck
from export.images import _view_layout, export_figure
from export.report import report_docx
from views import named
from views.catalog import get_chart, presets
from views.context import Context
from views.marks import unreviewed_words, years_words

CITY, YEAR = "示例市", 2023
DONG, XI, NAN = "900101", "900102", "900103"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def reviewer(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "secrets.toml"
    auth.add_editor("chief", "chief-pass-1", None, "李审核", path, role="reviewer")
    monkeypatch.setenv("UNION_SECRETS", str(path))
    return path


def context(db: Path, year: int = YEAR, lang: str = "zh", as_of: int | None = None) -> Context:
    with open_store(db, read_only=True) as con:
        if as_of is not None:
            cycle.apply_as_of(con, as_of)
        ctx = Context.of(con, CITY, year, lang)
        _ = ctx.source, ctx.source_all  # read while the connection is open
    return ctx


def load_other_period(db: Path, rec: Record | None = None, name: str = "东城区五年工作回顾.txt") -> None:
    """东城区's 2019–2023 five-year total of people helped, from a report: a figure of another period."""
    cat = load_catalog()
    rec = rec or Record(DONG, YEAR, "aid_persons", 18976.0, "exact", "18976", "S", "A1", "total:2019-2023")
    with open_store(db) as con:
        parsed = Parsed(name, None, records=[rec])
        stored = fetch_current(con, [DONG], [YEAR])
        plan = make_plan(parsed, validate(parsed, stored, cat), stored, con)
        assert plan.ok, [p.line() for p in plan.problems]
        commit(plan, con, by="pytest", kind="report")


def slide_texts(pptx: bytes) -> list[list[str]]:
    slides = Presentation(io.BytesIO(pptx)).slides
    return [[s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text] for slide in slides]


def slide_tables(pptx: bytes) -> dict[str, list[list[str]]]:
    """The first text of each slide with a table → its cells."""
    out = {}
    for slide in Presentation(io.BytesIO(pptx)).slides:
        tables = [s.table for s in slide.shapes if s.has_table]
        words = [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text]
        if tables:
            out[words[0]] = [[c.text for c in row.cells] for row in tables[0].rows]
    return out


# The words ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "years,lang,expected",
    [
        ([2025], "zh", "2025年"),
        ([2019, 2020, 2021], "zh", "2019–2021年"),
        ([2021, 2019], "zh", "2019、2021年"),
        ([2019, 2021], "en", "2019, 2021"),
        ([2024, 2025], "en", "2024–2025"),
    ],
)
def test_years_are_said_as_one_year_a_span_or_a_list(years, lang, expected):
    assert years_words(years, lang) == expected


def _state(n: int, approved: int, year: int = 2024) -> pd.DataFrame:
    names = [f"第{i + 1}区" for i in range(n)]
    return pd.DataFrame(
        {
            "district_code": [str(i) for i in range(n)],
            "district_zh": names,
            "district_en": [f"D{i + 1}" for i in range(n)],
            "level": "district",
            "year": year,
            "approved": [i < approved for i in range(n)],
        }
    )


@pytest.mark.parametrize(
    "n,approved,lang,expected",
    [
        (16, 16, "zh", ""),
        (16, 0, "zh", "2024年数据未审核"),
        (16, 0, "en", "2024 figures not yet approved (未审核)"),
        (16, 13, "zh", "未审核：第14区、第15区、第16区（2024年）"),
        (16, 4, "zh", "未审核：第5区、第6区、第7区等 12 个单位（2024年）"),
        (2, 0, "zh", "未审核：第1区、第2区（2024年）"),  # few: named even when none is approved
        (4, 0, "zh", "2024年数据未审核"),
        (16, 4, "en", "not yet approved (未审核): D5, D6, D7 … (12 in all) (2024)"),
    ],
)
def test_unapproved_figures_are_named_when_few_and_counted_when_many(n, approved, lang, expected):
    assert unreviewed_words(_state(n, approved), lang) == expected


# Source lines, as the review goes on -------------------------------------------------------------------------


def test_source_lines_mark_unapproved_districts_until_approved_then_name_the_lock(fresh_db, reviewer):
    ctx = context(fresh_db)
    assert ctx.source.endswith(" · 未审核：东城区、西城区、南湖区（2023年）")
    assert ctx.source_all.endswith(" · 2022–2023年数据未审核")  # charts over the years: every year up to 2023
    assert "not yet approved (未审核): Dongcheng, Xicheng, Nanhu (2023)" in context(fresh_db, lang="en").source

    with open_store(fresh_db) as con:
        cycle.approve(con, CITY, YEAR, "chief", [DONG])
    assert context(fresh_db).review == "未审核：西城区、南湖区（2023年）"

    with open_store(fresh_db) as con:
        cycle.approve(con, CITY, YEAR, "chief")
    ctx = context(fresh_db)
    assert ctx.review == "" and "未审核" not in ctx.source
    assert ctx.source_all.endswith(" · 2022年数据未审核")  # 2022 is not approved yet

    with open_store(fresh_db) as con:
        cycle.lock(con, CITY, YEAR, "chief")
    ctx = context(fresh_db)
    assert ctx.edition == [ctx.edition[0]] and ctx.edition[0].startswith("2023年数据已定稿（李审核，")
    assert (
        ctx.edition[0] in ctx.source and "2023 figures locked (定稿) by 李审核" in context(fresh_db, lang="en").source
    )


def test_every_view_of_a_context_carries_its_marks_on_the_page_chart_and_its_image(fresh_db):
    ctx = context(fresh_db)
    with open_store(fresh_db, read_only=True) as con:
        ctx = Context.of(con, CITY, YEAR)
        views = [get_chart(name).build(ctx) for name in presets()["annual"].charts]
    shown = [v for v in views if v.has_data]
    assert shown
    for view in shown:
        mark = ctx.review if view.source == ctx.source else ctx.review_all
        assert view.source.endswith(mark), view.name
        assert mark in view.figure.layout.title.text, view.name  # the source line under the chart's title
        image = export_figure(view.figure, **_view_layout(view, "zh", dt.date(2026, 12, 1)))
        assert mark in image.layout.title.subtitle.text, view.name  # the image's foot


def test_a_context_as_of_a_snapshot_says_which_in_every_source_line(fresh_db, reviewer):
    with open_store(fresh_db) as con:
        sid = cycle.take_snapshot(con, "2023年全委会", "chief")
    ctx = context(fresh_db, as_of=sid)
    assert ctx.snapshot.startswith(f"数据截至快照 #{sid}（2023年全委会，")
    assert ctx.source.split(" · ")[1] == ctx.snapshot and ctx.snapshot in ctx.source_all
    assert context(fresh_db, lang="en", as_of=sid).snapshot.startswith(f"figures as at snapshot #{sid} (2023年全委会, ")
    assert context(fresh_db).snapshot == "" and "快照" not in context(fresh_db).source


# Decks and the report ----------------------------------------------------------------------------------------


def test_meeting_deck_as_of_a_locked_year_says_which_snapshot_and_lock_on_every_slide(fresh_db, reviewer):
    with open_store(fresh_db) as con:
        cycle.approve(con, CITY, YEAR, "chief")
        cycle.lock(con, CITY, YEAR, "chief")
        sid = cycle.take_snapshot(con, "2023年全委会", "chief")
    with open_store(fresh_db, read_only=True) as con:
        cycle.apply_as_of(con, sid)
        deck = preset_deck(con, "annual", CITY, YEAR, exported=dt.date(2026, 12, 1))
    slides = slide_texts(deck)
    title = "\n".join(slides[0])
    assert f"数据截至快照 #{sid}（2023年全委会，" in title and "2023年数据已定稿（李审核，" in title
    for words in slides[1:]:
        foot = next(w for w in words if w.startswith("各区县2023年报表"))
        assert f"数据截至快照 #{sid}" in foot and "2023年数据已定稿" in foot
        assert "批次" not in foot and "#4" not in foot  # plain words: no batch numbers
    assert "2022年数据未审核" in foot  # the deck's trend charts show 2022, still unapproved
    with open_store(fresh_db, read_only=True) as con:  # the live deck: the lock, no snapshot
        live = slide_texts(preset_deck(con, "annual", CITY, YEAR))
    assert not any("快照" in w for s in live for w in s) and any("2023年数据已定稿" in w for w in live[1])


def test_chart_deck_footers_carry_the_marks(fresh_db):
    with open_store(fresh_db, read_only=True) as con:
        deck = preset_chart_deck(con, "annual", CITY, YEAR, exported=dt.date(2026, 12, 1))
        ctx = Context.of(con, CITY, YEAR)
        marks = (ctx.review, ctx.review_all)
    slides = list(Presentation(io.BytesIO(deck)).slides)[1:]
    for slide, words in zip(slides, slide_texts(deck)[1:], strict=True):
        if any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes):
            # a chart with no native form (the district map) is a picture that draws its own source line; the
            # speaker notes say the same words as text
            notes = slide.notes_slide.notes_text_frame.text
            assert any(m in notes for m in marks), notes
            continue
        assert any(w.startswith("数据来源") and w.endswith(marks) for w in words), words


def test_meeting_deck_lists_the_other_figures_and_what_it_leaves_out(fresh_db):
    load_other_period(fresh_db)
    with open_store(fresh_db, read_only=True) as con:
        deck = preset_deck(con, "annual", CITY, YEAR, exported=dt.date(2026, 12, 1))
        ctx = Context.of(con, CITY, YEAR)
        empty = [v.title for v in (get_chart(n).build(ctx) for n in presets()["annual"].charts) if not v.has_data]
    tables = slide_tables(deck)
    others = tables["报告中的其他数字"]
    assert others[0] == ["单位", "指标", "数值", "期间", "原文"]  # the footer names the source
    assert others[1][0] == "东城区" and "18,976" in others[1][2] and "五年累计" in others[1][3]
    titles = [w[0] for w in slide_texts(deck) if w]
    assert titles.index("报告中的其他数字") < titles.index("二、各区县排名")  # in the first section
    if empty:
        assert [row[0] for row in tables["本套幻灯片未含"][1:]] == empty
    else:
        assert "本套幻灯片未含" not in tables


def test_meeting_deck_says_what_it_leaves_out_for_a_city_without_most_charts(fresh_db):
    with open_store(fresh_db) as con:  # a year with one district's single figure: most charts have nothing
        cat = load_catalog()
        rec = Record(DONG, 2024, "total_members", 5000.0, "exact", "5000", "S", "A1", "year")
        parsed = Parsed("东城区2024.xlsx", None, records=[rec])
        stored = fetch_current(con, [DONG], [2024])
        commit(make_plan(parsed, validate(parsed, stored, cat), stored, con), con, by="pytest")
    with open_store(fresh_db, read_only=True) as con:
        deck = preset_deck(con, "annual", CITY, 2024, exported=dt.date(2026, 12, 1))
        ctx = Context.of(con, CITY, 2024)
        empty = [v.title for v in (get_chart(n).build(ctx) for n in presets()["annual"].charts) if not v.has_data]
    assert empty
    left = slide_tables(deck)["本套幻灯片未含"]
    assert [row[0] for row in left[1:]] == empty[: len(left) - 1]
    assert any("示例市2024年没有这些图表所需的数字" in w for w in slide_texts(deck)[-1])
    slides = slide_texts(deck)
    toc = next(words[1].split("\n") for words in slides if words[0] == "目录")
    dividers = [w[0] for w in slides if w and w[0][:2] in ("一、", "二、", "三、", "四、")]
    assert toc == dividers  # the 目录 names only the sections that have slides
    with open_store(fresh_db, read_only=True) as con:  # one district's figure: a sentence, not a one-row table
        table = named.ranking_table(Context.of(con, CITY, 2024), load_catalog().metrics["total_members"])
    assert "东城区" in table.message and not table.has_data


def test_report_prints_the_marks_in_its_footer_notes_and_under_its_tables(fresh_db, reviewer):
    load_other_period(fresh_db)
    with open_store(fresh_db) as con:
        cycle.approve(con, CITY, YEAR, "chief", [DONG])
        sid = cycle.take_snapshot(con, "会前", "chief")
    with open_store(fresh_db, read_only=True) as con:
        cycle.apply_as_of(con, sid)
        report = build_report(con, CITY, YEAR, pictures=False, today=dt.date(2026, 12, 1))
    doc = Document(io.BytesIO(report_docx(report)))
    footer = "\n".join(p.text for p in doc.sections[0].footer.paragraphs)
    assert f"数据截至快照 #{sid}（会前，" in footer and "未审核" in footer and "— " in footer
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "本报告所用数字：" in body and "未审核的数字可能还会修改" in body
    assert "2023年没有以下指标的数字，本报告未含" in body  # the fixture lacks some headline indicators
    captions = [p.text for p in doc.paragraphs if p.style.name == "Caption"]
    assert any(c.endswith("报告中的其他数字") for c in captions)
    cells = {c.text for t in doc.tables for row in t.rows for c in row.cells}
    assert any("五年累计" in c for c in cells)
    notes = [p.text for p in doc.paragraphs if p.text.startswith("各区县2023年报表")]
    assert notes and all(f"快照 #{sid}" in n for n in notes)  # the source under each table


def test_report_of_an_approved_live_store_has_no_marks(fresh_db, reviewer):
    with open_store(fresh_db) as con:
        cycle.approve(con, CITY, 2022, "chief")
        cycle.approve(con, CITY, YEAR, "chief")
    with open_store(fresh_db, read_only=True) as con:
        report = build_report(con, CITY, YEAR, pictures=False, today=dt.date(2026, 12, 1))
    assert report.footnote == ""
    doc = Document(io.BytesIO(report_docx(report)))
    assert "\n".join(p.text for p in doc.sections[0].footer.paragraphs).strip() == "—  —"
    assert "本报告所用数字" not in "\n".join(p.text for p in doc.paragraphs)


def test_deck_and_report_mark_only_the_years_they_show(fresh_db, reviewer):
    """A 2020 figure nobody approved is not the business of a 2023 deck or report that never shows 2020; the
    2022 figures beside 2023's (上年) are."""
    with open_store(fresh_db) as con:
        cycle.approve(con, CITY, YEAR, "chief")
    load_other_period(fresh_db, Record(DONG, 2020, "aid_persons", 120.0, "exact", "120", "S", "A1"), "旧表.xlsx")
    with open_store(fresh_db, read_only=True) as con:
        report = build_report(con, CITY, YEAR, pictures=False, today=dt.date(2026, 12, 1))
        deck = preset_deck(con, "annual", CITY, YEAR, exported=dt.date(2026, 12, 1))
    assert report.footnote == "2022年数据未审核"  # the 上年 column of every table shows 2022; 2020 is not shown
    feet = {w for words in slide_texts(deck)[1:] for w in words if w.startswith("各区县2023年报表")}
    assert feet and all("未审核" in w and "2020" not in w for w in feet)
    with open_store(fresh_db) as con:
        cycle.approve(con, CITY, 2022, "chief")
    with open_store(fresh_db, read_only=True) as con:
        report = build_report(con, CITY, YEAR, pictures=False, today=dt.date(2026, 12, 1))
    assert report.footnote == ""  # before: 未审核：东城区（2020年）
    assert "未审核" not in "\n".join(str(b) for s in report.sections for b in s.blocks)


# Pages -------------------------------------------------------------------------------------------------------


@pytest.fixture
def pages_app(fresh_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNION_DB", str(fresh_db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    return at


@pytest.mark.parametrize(
    "page", ["pages/01_overview.py", "pages/02_contracts.py", "pages/06_compare.py", "pages/07_profile.py"]
)
def test_every_page_says_which_figures_are_unapproved(pages_app, page):
    pages_app.query_params["year"] = "2023"
    pages_app.switch_page(page).run()
    assert not pages_app.exception
    captions = [c.value for c in pages_app.caption]
    assert any("未审核：东城区、西城区、南湖区（2023年）" in c and "可能还会修改" in c for c in captions), captions


def test_profile_lists_the_districts_figures_of_other_periods_with_their_period(fresh_db, pages_app):
    load_other_period(fresh_db)
    pages_app.query_params["year"] = "2023"
    pages_app.session_state["district"] = DONG
    pages_app.switch_page("pages/07_profile.py").run()
    assert not pages_app.exception
    assert "报告中的其他数字" in [h.value for h in pages_app.subheader]
    tables = [d.value for d in pages_app.dataframe]
    other = next(df for df in tables if "期间" in df.columns)
    assert other["单位"].tolist() == ["东城区"] and "五年累计" in other["期间"].iloc[0]
    assert "来源" not in other.columns  # one source: said once, under the table
    assert any(re.fullmatch(r"来源：东城区五年工作回顾\.txt（批次 #\d+）。", c.value) for c in pages_app.caption)
    pages_app.session_state["district"] = XI
    pages_app.switch_page("pages/07_profile.py").run()
    assert "报告中的其他数字" not in [h.value for h in pages_app.subheader]  # 西城区 has none


def test_a_chart_table_as_xlsx_says_its_source_and_snapshot_on_a_second_sheet(fresh_db, reviewer, tmp_path):
    import openpyxl

    from export.__main__ import main as export_main

    with open_store(fresh_db) as con:
        sid = cycle.take_snapshot(con, "会前", "chief")
    out = tmp_path / "ranking.xlsx"
    with redirect_stdout(io.StringIO()):
        code = export_main(
            ["chart", "contracts_ranking", str(out), "--year", "2023", "--as-of", str(sid), "--db", str(fresh_db)]
        )
    assert code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[1] == "来源 Source"
    lines = [row[0] for row in book["来源 Source"].iter_rows(values_only=True)]
    assert lines[0].startswith("数据来源：") and lines[1].startswith(f"数据截至快照 #{sid}（会前，")
    assert lines[2] == "未审核：东城区、西城区、南湖区（2023年）"
    assert book.worksheets[0].cell(row=1, column=1).value  # the data sheet first, a table as before


def test_figures_of_other_periods_from_two_reports_name_each_ones_source(fresh_db):
    """Where the figures came from more than one file, each row says which (and its batch); a slide, whose footer
    names the source, keeps its five columns."""
    load_other_period(fresh_db)
    half = Record(DONG, YEAR, "new_members", 1200.0, "exact", "1200", "S", "A1", "m1-6")
    load_other_period(fresh_db, half, "东城区上半年工作总结.txt")
    with open_store(fresh_db, read_only=True) as con:
        ctx = Context.of(con, CITY, YEAR)
        table = named.other_figures(ctx).table
        slide = named.other_figures(ctx, sources=False).table
    by_metric = dict(zip(table["指标"], table["来源"], strict=True))
    assert re.fullmatch(r"东城区五年工作回顾\.txt（批次 #\d+）", by_metric["帮扶困难职工"]), by_metric
    assert re.fullmatch(r"东城区上半年工作总结\.txt（批次 #\d+）", by_metric["新发展会员"]), by_metric
    assert list(slide.columns) == ["单位", "指标", "数值", "期间", "原文"]
