"""Markup and direction overrides in file and sheet names never reach a chart title, source line, PNG or slide."""

import io

import pytest
from build import xlsx_bytes
from hostile import HOSTILE_NAMES, HOSTILE_SHEET
from pptx import Presentation

from etl import db
from etl.load import check_file
from etl.safe_text import BIDI_AND_INVISIBLE, clean_name, clean_text, markdown_text
from etl.store import commit
from export import images
from export.deck import preset_chart_deck, preset_deck
from views.catalog import get_chart
from views.context import Context, source_line

CITY, YEAR = "示例市", 2023
INVISIBLE = set("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("<a href='x'>过期</a>.xlsx", "＜a href='x'＞过期＜/a＞.xlsx"),
        ("报告\u202excod.2023\u202c.xlsx", "报告xcod.2023.xlsx"),
        ("a\nb\tc\x00d", "a b cd"),
        ("x" * 300, "x" * 199 + "…"),
    ],
)
def test_clean_name(raw, expected):
    assert clean_name(raw) == expected


def test_notes_keep_their_lines_and_markdown_is_escaped():
    assert clean_text("第一行\n第二行\u202e", one_line=False) == "第一行\n第二行"
    shown = markdown_text("![x](http://e/p.png) &#x202E; <b>")
    assert "\\!\\[x\\]\\(http\\:" in shown and "\\&" in shown and "<" not in shown
    assert all(ch not in shown for ch in INVISIBLE)
    assert INVISIBLE <= set(_expand())


def _expand() -> str:
    """The characters BIDI_AND_INVISIBLE names (its ranges spelt out)."""
    out, s, i = [], BIDI_AND_INVISIBLE, 0
    while i < len(s):
        if i + 2 < len(s) and s[i + 1] == "-":
            out += [chr(c) for c in range(ord(s[i]), ord(s[i + 2]) + 1)]
            i += 3
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


@pytest.fixture
def hostile_store(fresh_db):
    """A store whose newest 2023 batch comes from an upload with markup and a direction override in its name."""
    for kind in ("markdown", "bidi", "html"):  # the html one last: it names the source line
        value = {"markdown": 95.1, "bidi": 95.2, "html": 95.3}[kind]
        data = xlsx_bytes([["区县", "年份", "集体合同签订率"], ["东城区", 2023, value]], HOSTILE_SHEET)
        with db.open_store(fresh_db) as con:  # as the upload page does
            commit(check_file(data, con, file_name=HOSTILE_NAMES[kind]), con, by="t")
    return fresh_db


def harmless(text: str) -> bool:
    return "<a" not in text and "</a" not in text and "<b>" not in text and not (set(text) & INVISIBLE)


def test_names_are_stored_without_markup_or_overrides(hostile_store):
    with db.open_store(hostile_store, read_only=True) as con:
        names = [r[0] for r in con.execute("select source_name from batches where batch_id > 4").fetchall()]
        refs = [r[0] for r in con.execute("select source_ref from observations where batch_id > 4").fetchall()]
    assert len(names) == 3 and all(harmless(n) for n in names + refs), names + refs
    assert "报告xcod.2023.xlsx" in names  # the override is gone: the name reads as it really is


def test_chart_titles_source_lines_and_slides_show_the_name_as_text(hostile_store):
    con = db.connect(hostile_store, read_only=True)
    try:
        line = source_line(Context.of(con, CITY, YEAR), YEAR)
        assert "＜a href='http://x.example'＞" in line  # the words are kept; the brackets are look-alikes
        assert "数据已过期" in line and harmless(line), line
        built = get_chart("contracts_ranking").build(Context.of(con, CITY, YEAR))
        title = built.figure.layout.title.text or ""
        assert harmless(title) and harmless(built.spec.source), (title, built.spec.source)
        # the chart deck names its source files on every slide; the meeting deck words its source without them
        for make, named in ((preset_chart_deck, True), (preset_deck, False)):
            deck = Presentation(io.BytesIO(make(con, "annual", CITY, YEAR)))
            texts = [s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame]
            notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides if slide.has_notes_slide]
            assert any("数据已过期" in x for x in texts) == named
            assert all(harmless(x) for x in texts + notes)
        if images.images_available():  # the PNG is drawn from this same laid-out figure; its SVG has no link
            svg = images.figure_svg(built.figure).decode("utf-8")
            assert "数据已过期" in svg and "<a " not in svg and "xlink:href='http" not in svg
    finally:
        con.close()


def test_a_store_loaded_before_names_were_cleaned_still_shows_them_harmless(fresh_db):
    with db.open_store(fresh_db) as con:
        con.execute("update batches set source_name = $n where batch_id = 4", {"n": "<a href='x'>过期</a>\u202e.csv"})
        line = source_line(Context.of(con, CITY, YEAR), YEAR)
    assert "过期" in line and harmless(line), line
