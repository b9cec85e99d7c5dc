"""Every page launches under AppTest on the fixture store, shows a chart, and draws the stored numbers."""

from pathlib import Path

import pytest
from chartspec import spec, values
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))


@pytest.fixture
def app(fixture_db, monkeypatch):
    monkeypatch.setenv("UNION_DB", str(fixture_db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_page_launches_without_exception_and_shows_a_chart(app, page):
    app.switch_page(page).run()
    assert not app.exception
    assert len(app.get("plotly_chart")) >= 1


def test_overview_bar_shows_fixture_values_and_target_count(app):
    assert not app.exception
    bar = spec(app.get("plotly_chart")[0])["data"][0]
    got = dict(zip(values(bar["x"]), values(bar["y"]), strict=True))
    assert got["东城区"] == 94.0 and got["南湖区"] == 92.0 and got["西城区"] == 90.5
    assert got["北山区"] is None  # no 2023 figure: a gap, not a zero
    assert any("3 / 3" in m.value for m in app.metric)
    assert any("示例数据" in m.value for m in app.markdown)  # the sample badge


def test_english_switch_changes_labels(app):
    app.session_state["lang"] = "en"
    app.run()
    fig = spec(app.get("plotly_chart")[0])
    assert "Dongcheng" in values(fig["data"][0]["x"])
    assert "Collective contract signing rate" in fig["layout"]["title"]["text"]


def test_year_in_the_url_opens_that_year(fixture_db, monkeypatch):
    monkeypatch.setenv("UNION_DB", str(fixture_db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.query_params["year"] = "2022"
    at.run()
    bar = spec(at.get("plotly_chart")[0])["data"][0]
    got = dict(zip(values(bar["x"]), values(bar["y"]), strict=True))
    assert got["东城区"] == 93.5 and got["北山区"] == 79.0
    assert at.query_params["year"] == ["2022"] or at.query_params["year"] == "2022"
