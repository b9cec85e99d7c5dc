"""Exports: decks re-opened with python-pptx against the store, images with Chinese text, safe tables, the CLI."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import openpyxl
import pandas as pd
import plotly.graph_objects as go
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from etl import db
from export import images
from export.deck import build_deck, preset_deck
from export.tables import table_csv, table_xlsx
from queries import run_query
from views.catalog import chart_names, get_chart, presets
from views.context import Context, ViewError
from views.view import View

ROOT = Path(__file__).resolve().parent.parent
CITY, YEAR = "示例市", 2023
needs_images = pytest.mark.skipif(not images.images_available(), reason="no Chromium for kaleido on this machine")


@pytest.fixture(scope="module")
def con(fixture_db):
    c = db.connect(fixture_db, read_only=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def deck(con) -> Presentation:
    return Presentation(io.BytesIO(preset_deck(con, "annual", CITY, YEAR)))


def build_chart(con, name: str, city: str, year: int, lang: str = "zh") -> View:
    return get_chart(name).build(Context.of(con, city, year, lang))


def slide_texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame]


def slide_titled(prs: Presentation, title: str):
    for slide in prs.slides:
        if any(x == title for x in slide_texts(slide)):
            return slide
    raise AssertionError(f"no slide titled {title!r}: {[slide_texts(s)[:2] for s in prs.slides]}")


def chart_of(slide):
    charts = [s.chart for s in slide.shapes if s.has_chart]
    assert len(charts) == 1
    return charts[0]


def table_of(slide):
    tables = [s.table for s in slide.shapes if s.has_table]
    assert len(tables) == 1
    return tables[0]


# Decks ------------------------------------------------------------------------------------------------------


def test_deck_is_16_9_with_a_title_slide_contents_sections_and_a_slide_per_chart(con, deck):
    assert deck.slide_width * 9 == deck.slide_height * 16
    title = "".join(slide_texts(deck.slides[0]))
    assert "2023年示例市工会工作主要指标" in title and "示例市总工会 · 年度全委会" in title and "示例数据" in title
    assert "2023-" not in title and "批次" not in title
    assert "一、主要指标完成情况\n二、各区县排名\n三、同比变化\n四、需要关注的问题" in slide_texts(deck.slides[1])
    dividers = [
        x for slide in list(deck.slides)[2:] for x in slide_texts(slide) if x[:2] in ("一、", "二、", "三、", "四、")
    ]
    assert dividers == ["一、主要指标完成情况", "二、各区县排名", "三、同比变化", "四、需要关注的问题"]
    shown = {x for slide in deck.slides for x in slide_texts(slide)}
    for name in presets()["annual"].charts:
        view = build_chart(con, name, CITY, YEAR)
        if view.has_data:
            assert view.title in shown, view.title


def test_ranking_slide_is_a_native_column_chart_with_the_store_values_and_a_target_line(con, deck):
    chart = chart_of(slide_titled(deck, "2023年各区县集体合同签订率（%）"))
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    stored = run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="contract_rate_collective")
    bars, target = chart.plots[0], chart.plots[1]
    assert list(bars.categories) == list(stored["district_zh"])
    shown = list(bars.series[0].values)
    for value, expected in zip(shown, stored["value"], strict=True):
        assert (value is None and pd.isna(expected)) or value == pytest.approx(expected)
    assert shown[:3] == [pytest.approx(94.0), pytest.approx(92.0), pytest.approx(90.5)]
    assert target.series[0].name.startswith("目标")
    assert {round(v, 1) for v in target.series[0].values if v is not None} <= {90.0, 85.0}  # 北山区's own 85 %


def test_trend_slide_is_a_native_line_chart_over_the_years(con, deck):
    chart = chart_of(slide_titled(deck, "示例市集体合同签订率历年变化（%）"))
    assert chart.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)  # markers only on the city line
    assert list(chart.plots[0].categories) == ["2022", "2023"]
    city = run_query(con, "city_metric_trend", city=CITY, metric="contract_rate_collective").set_index("year")
    assert list(chart.plots[0].series[0].values) == [pytest.approx(city.loc[y, "value"]) for y in (2022, 2023)]
    assert any(s.name == "目标" for s in chart.plots[0].series)


def test_ranking_table_slide_is_a_native_table_in_rank_order(con, deck):
    table = table_of(slide_titled(deck, "2023年各区县集体合同签订率排名"))
    header = [c.text for c in table.rows[0].cells]
    assert header[:3] == ["名次", "区县", "数值（%）"]
    body = [[c.text for c in r.cells] for r in list(table.rows)[1:]]
    assert [r[1] for r in body[:3]] == ["东城区", "南湖区", "西城区"]
    assert body[0][2] == "94.0"


def test_every_slide_states_its_source_in_plain_words_on_the_slide_and_in_the_notes(deck):
    for slide in list(deck.slides)[1:]:
        texts = slide_texts(slide)
        assert any(x.startswith("各区县2023年报表，截至") for x in texts), texts
        assert "数据来源与口径" in slide.notes_slide.notes_text_frame.text
        assert not any("批次" in x or "#" in x or ".xlsx" in x for x in texts), texts


def test_english_deck_has_english_titles(con):
    prs = Presentation(io.BytesIO(preset_deck(con, "annual", CITY, YEAR, lang="en")))
    assert "Sample City: trade union figures for 2023" in slide_texts(prs.slides[0])
    chart = chart_of(slide_titled(prs, "Collective contract signing rate by district, 2023 (%)"))
    assert "Dongcheng" in list(chart.plots[0].categories)


def test_deck_for_unknown_city_or_year_says_which_exist(con):
    with pytest.raises(ViewError) as err:
        preset_deck(con, "annual", "北京市", 2023)
    assert "示例市" in err.value.message("zh")
    with pytest.raises(ViewError) as err:
        preset_deck(con, "annual", CITY, 1999)
    assert "2022、2023" in err.value.message("zh")


def test_a_page_view_becomes_a_native_chart_through_its_own_spec(con):
    view = build_chart(con, "contracts_ranking", CITY, YEAR)
    stored = run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="contract_rate_collective")
    assert view.spec.kind == "bar" and view.spec.categories == list(stored["district_zh"])
    prs = Presentation(io.BytesIO(build_deck([view], "标题", "副标题")))
    assert len(prs.slides) == 2
    assert chart_of(prs.slides[1]).chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED


@pytest.mark.parametrize(
    "unit,n,expected",
    [("起", 5, '#,##0"起"'), ("万元", 3, '#,##0.0"万元"'), ("%", 5, '#,##0.0"%"'), ("起", 16, "#,##0")],
)
def test_data_labels_carry_the_unit_where_they_have_room(unit, n, expected):
    from views.spec import ChartSpec, Series

    fmt = expected.split('"')[0] if unit != "%" else expected
    spec = ChartSpec("bar", "标题", categories=[f"区{i}" for i in range(n)],
                     series=[Series("数", [float(i) for i in range(n)])], unit=unit, number_format=fmt)  # fmt: skip
    view = View("labels", "标题", pd.DataFrame(), spec=spec)
    chart = chart_of(Presentation(io.BytesIO(build_deck([view], "t", "s"))).slides[1])
    assert chart.plots[0].series[0].data_labels.number_format == expected


@pytest.mark.parametrize(
    "values,bounds",
    [([57.7, 96.7], (50, 100)), ([71.3, 92.1], (70, 95)), ([2, 21], (0, 25)), ([100, 100], (60, 120)),
     ([1234, 509034], (0, 600000)), ([-3, 4], (-4, 6))],
)  # fmt: skip
def test_line_axes_frame_the_data_on_round_steps(values, bounds):
    from export.deck import axis_bounds

    assert axis_bounds(values) == bounds


def test_a_picture_slide_keeps_its_subtitle_in_the_notes():
    fig = go.Figure(go.Scatter(x=[1, 2], y=["a", "b"], mode="markers"), layout=dict(title="点图", template="union"))
    item = View("dots", "点图", pd.DataFrame({"a": [1]}), fig, None, "来源", "示例市 · 2024年")
    prs = Presentation(io.BytesIO(build_deck([item], "t", "s")))
    assert "示例市 · 2024年" in prs.slides[1].notes_slide.notes_text_frame.text


@needs_images
def test_picture_deck_embeds_slide_sized_pngs(con):
    prs = Presentation(io.BytesIO(preset_deck(con, "annual", CITY, YEAR, pictures=True)))
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
    assert len(pictures) >= 5
    # under its conclusion title, each picture fills the slide's height below the title, at 16:9
    assert pictures[0].height > Emu(prs.slide_height * 0.7)
    assert pictures[0].width * 9 == pytest.approx(pictures[0].height * 16, rel=0.01)


@pytest.mark.skipif(not (shutil.which("libreoffice") and shutil.which("pdftoppm")), reason="no LibreOffice/poppler")
def test_deck_renders_in_libreoffice_to_pages_that_are_not_blank(con, tmp_path):
    from PIL import Image

    pptx = tmp_path / "deck.pptx"
    pptx.write_bytes(preset_deck(con, "annual", CITY, YEAR))
    subprocess.run(
        ["libreoffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(pptx)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(tmp_path / "deck.pdf"), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(Presentation(str(pptx)).slides)
    for page in pages:
        grey = Image.open(page).convert("L")
        inked = sum(1 for p in grey.get_flattened_data() if p < 200) / (grey.width * grey.height)
        assert inked > 0.01, f"{page.name} is blank"


# Images -----------------------------------------------------------------------------------------------------


def _bar(title: str, values: list[float]) -> go.Figure:
    return go.Figure(go.Bar(x=["东城区", "西城区", "南湖区"], y=values), layout=dict(title=title, template="union"))


@needs_images
def test_png_is_a_16_9_image_sized_for_slides(con):
    from PIL import Image

    built = build_chart(con, "contracts_ranking", CITY, YEAR)
    png = images.view_png(built)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert Image.open(io.BytesIO(png)).size == (3200, 1800)
    svg = images.view_svg(built)
    assert svg.lstrip().startswith(b"<svg") and "示例市 · 2023年".encode() in svg


@needs_images
def test_png_draws_chinese_characters_not_boxes():
    from PIL import Image, ImageChops

    def title_strip(title: str):
        png = images.figure_png(_bar(title, [1, 2, 3]), scale=1)
        return Image.open(io.BytesIO(png)).convert("L").crop((0, 0, 800, 80))

    # Without a CJK font every character is the same empty box, so two different titles would look alike.
    a, b = title_strip("集体合同签订率"), title_strip("劳动争议调解数")
    assert ImageChops.difference(a, b).getbbox() is not None


@needs_images
def test_concurrent_png_exports_each_get_their_own_image():
    figs = [_bar(f"图{i}", [i, i + 1, i + 2]) for i in range(6)]
    serial = [hashlib.sha256(images.figure_png(f, scale=1)).hexdigest() for f in figs]
    assert len(set(serial)) == len(figs)
    got: list[str | None] = [None] * len(figs)

    def work(i: int) -> None:
        got[i] = hashlib.sha256(images.figure_png(figs[i], scale=1)).hexdigest()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(figs))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert got == serial


def test_without_chromium_images_say_how_to_enable_them(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert not images.images_available()
    with pytest.raises(images.ImagesUnavailable) as err:
        images.figure_png(_bar("t", [1, 2, 3]))
    assert "apt-get install -y chromium fonts-noto-cjk" in err.value.message("zh")
    assert "Tables (CSV, XLSX)" in err.value.message("en")


# Tables -----------------------------------------------------------------------------------------------------

RISKY = pd.DataFrame({"区县": ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "东城区"], "数值": [-3.5, 2.0, None, 94.0]})


def test_csv_has_a_bom_and_never_runs_formulas():
    data = table_csv(RISKY)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[1].startswith("\"'=HYPERLINK") and lines[2] == "'+1,2.0" and lines[3].startswith("'@SUM")
    assert lines[1].endswith(",-3.5")  # a negative number stays a number


def test_xlsx_keeps_formula_like_text_as_text_and_numbers_as_numbers():
    wb = openpyxl.load_workbook(io.BytesIO(table_xlsx(RISKY, "数据")))
    ws = wb["数据"]
    assert ws["A2"].value == '=HYPERLINK("http://x")' and ws["A2"].data_type == "s" and ws["A2"].quotePrefix
    assert ws["B2"].value == -3.5 and ws["B4"].value is None
    assert ws["A5"].value == "东城区"


# Command line -----------------------------------------------------------------------------------------------


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "export", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, env=env
    )


def test_cli_lists_every_chart_and_the_preset():
    out = run_cli("list")
    assert out.returncode == 0
    for name in chart_names():
        assert name in out.stdout
    assert "--preset annual" in out.stdout


def test_cli_writes_a_deck_and_the_numbers_of_a_chart(fixture_db, tmp_path):
    out = run_cli("deck", str(tmp_path / "d.pptx"), "--year", "2023", "--db", str(fixture_db))
    assert out.returncode == 0, out.stderr
    assert len(Presentation(str(tmp_path / "d.pptx")).slides) > 5
    out = run_cli("chart", "contracts_ranking", str(tmp_path / "r.csv"), "--db", str(fixture_db), "--year", "2023")
    assert out.returncode == 0, out.stderr
    df = pd.read_csv(tmp_path / "r.csv", encoding="utf-8-sig")
    assert df.loc[df["district_zh"] == "东城区", "value"].iloc[0] == pytest.approx(94.0)


@pytest.mark.parametrize(
    "args,code,words",
    [
        (("chart", "nope", "x.png"), 1, "没有名为“nope”的图表"),
        (("chart", "contracts_ranking", "x.gif"), 2, "不支持的文件类型"),
        (("deck", "x.ppt"), 2, ".pptx"),
        (("deck", "x.pptx", "--preset", "weekly"), 2, "没有名为“weekly”的预设"),
        (("deck", "x.pptx", "--year", "1999"), 1, "没有 1999 年的数据"),
    ],
)
def test_cli_bad_requests_get_a_message_not_a_traceback(fixture_db, tmp_path, args, code, words):
    args = tuple(str(tmp_path / a) if a.startswith("x.") else a for a in args)
    out = run_cli(*args, "--db", str(fixture_db))
    assert out.returncode == code
    assert words in out.stderr and "Traceback" not in out.stderr
    assert not list(tmp_path.glob("x.*"))


def test_cli_png_without_chromium_explains_and_writes_nothing(fixture_db, tmp_path):
    import os

    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium"}
    out = run_cli("chart", "contracts_ranking", str(tmp_path / "c.png"), "--db", str(fixture_db), env=env)
    assert out.returncode == 1 and "apt-get install" in out.stderr
    assert not (tmp_path / "c.png").exists()


def test_cli_on_a_missing_store_says_so(tmp_path):
    out = run_cli("deck", str(tmp_path / "d.pptx"), "--db", str(tmp_path / "none.duckdb"))
    assert out.returncode == 1 and "找不到数据库" in out.stderr


# The pages ----------------------------------------------------------------------------------------------------


def test_add_to_slides_collects_charts_for_the_slides_page(fixture_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNION_DB", str(fixture_db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/13_slides.py").run()
    assert not at.exception
    assert any("还没有挑选图表" in x.value for x in at.info)
    at.switch_page("pages/02_contracts.py").run()
    button = at.button(key="deck_contract_rate_collective_2023")
    assert button.label == "加入幻灯片"
    button.click().run()
    assert at.button(key="deck_contract_rate_collective_2023").label == "已加入幻灯片"
    at.button(key="deck_contract_rate_collective_city").click().run()
    at.switch_page("pages/13_slides.py").run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "2023年各区县集体合同签订率（%）" in shown and "示例市集体合同签订率历年变化（%）" in shown
    entries = at.session_state["deck_basket"]
    assert [e.view.spec.kind for e in entries] == ["bar", "line"]
    assert entries[0].view.spec.categories[:3] == ["东城区", "南湖区", "西城区"]
    at.button(key="remove_0").click().run()
    assert len(at.session_state["deck_basket"]) == 1


def test_without_chromium_the_chart_pages_say_how_to_enable_images(fixture_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNION_DB", str(fixture_db))
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/02_contracts.py").run()
    assert not at.exception
    assert any("apt-get install -y chromium fonts-noto-cjk" in c.value for c in at.caption)
    assert at.button(key="deck_contract_rate_collective_2023").label == "加入幻灯片"  # slides still work
