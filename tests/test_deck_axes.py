"""Native bar charts keep every category's name, in the screen's order, in PowerPoint, WPS and LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from etl import db
from etl.catalog import load_catalog
from export import pdf
from export.deck import CONTENT_BOTTOM, CONTENT_TOP, build_deck, category_font_size
from views import named
from views.context import Context
from views.spec import ChartSpec, Series

CITY, YEAR = "示例市", 2024


@pytest.fixture(scope="module")
def movers(sample_db):
    """The sample city's change in disputes: 16 districts, some down (below zero), some up."""
    with db.connect(sample_db, read_only=True) as con:
        view = named.movers(Context.of(con, CITY, YEAR, "zh"), load_catalog().metrics["disputes_reported"])
    assert len(view.spec.categories) == 16
    return view


def _chart_xml(deck: bytes):
    prs = Presentation(io.BytesIO(deck))
    charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert len(charts) == 1
    return charts[0]._chartSpace  # noqa: SLF001


def _val(el, tag: str) -> str | None:
    found = el.find(qn(tag))
    return None if found is None else found.get("val")


def test_horizontal_bars_put_the_first_category_on_top_with_the_value_axis_below(movers):
    space = _chart_xml(build_deck([movers], "t", "s"))
    cat_ax, val_ax = space.find(".//" + qn("c:catAx")), space.find(".//" + qn("c:valAx"))
    assert _val(cat_ax.find(qn("c:scaling")), "c:orientation") == "maxMin"  # first category at the top
    assert _val(val_ax, "c:crosses") == "max"  # the value axis meets the reversed axis at its bottom end
    assert _val(cat_ax, "c:tickLblPos") == "low"  # names at the left edge although some bars go below zero
    assert _val(cat_ax, "c:tickLblSkip") == "1" and _val(cat_ax, "c:tickMarkSkip") == "1"
    # schema order: the skips sit between c:lblOffset and c:noMultiLvlLbl, or PowerPoint refuses the file
    tags = [el.tag for el in cat_ax]
    assert tags.index(qn("c:lblOffset")) < tags.index(qn("c:tickLblSkip")) < tags.index(qn("c:noMultiLvlLbl"))
    assert val_ax.find(qn("c:scaling")).find(qn("c:min")) is None  # changes below zero are not cut off at 0


def test_column_charts_label_every_category_too(sample_db):
    with db.connect(sample_db, read_only=True) as con:
        view = named.ranking(Context.of(con, CITY, YEAR, "zh"), load_catalog().metrics["contract_rate_collective"])
    cat_ax = _chart_xml(build_deck([view], "t", "s")).find(".//" + qn("c:catAx"))
    assert _val(cat_ax, "c:tickLblSkip") == "1"
    assert _val(cat_ax.find(qn("c:scaling")), "c:orientation") == "minMax"  # columns read left to right


@pytest.mark.parametrize(
    "kind,n,size",
    [("hbar", 16, 12.0), ("hbar", 30, 8.0), ("hbar", 60, 7.0), ("bar", 16, 12.0), ("bar", 30, 10.0)],
)
def test_category_labels_shrink_with_their_number(kind, n, size):
    spec = ChartSpec(kind, "t", categories=[f"区{i}" for i in range(n)], series=[Series("x", [1.0] * n)])
    assert category_font_size(spec, CONTENT_BOTTOM - CONTENT_TOP) == size


@pytest.mark.skipif(not (pdf.pdf_available(".pptx") and shutil.which("pdftotext")), reason="no LibreOffice")
def test_libreoffice_draws_every_district_top_down_in_the_screens_order(movers, tmp_path):
    (tmp_path / "d.pptx").write_bytes(build_deck([movers], "t", "s"))
    (tmp_path / "d.pdf").write_bytes(pdf.to_pdf((tmp_path / "d.pptx").read_bytes(), ".pptx"))
    subprocess.run(["pdftotext", "-f", "2", "-l", "2", "-layout", str(tmp_path / "d.pdf")], check=True)
    lines = (tmp_path / "d.txt").read_text(encoding="utf-8").splitlines()
    names = movers.spec.categories
    found = [next(i for i, line in enumerate(lines) if name in line) for name in names]  # each one is there
    assert found == sorted(found), [lines[i] for i in found]  # and from top to bottom in the spec's order
