"""Every page launches under AppTest on the fixture store, shows its charts, and draws the stored numbers."""

from pathlib import Path

import pytest
from chartspec import spec, values
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
CHART_PAGES = PAGES[:7]  # 01–07 show figures; 08–11 manage data (tests/test_data_pages.py)


def start(db, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("UNION_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    return at


@pytest.fixture
def app(fixture_db, monkeypatch):
    return start(fixture_db, monkeypatch)


def charts(at) -> list[dict]:
    return [spec(c) for c in at.get("plotly_chart")]


def chart_titled(at, text: str) -> dict:
    found = [c for c in charts(at) if text in c["layout"]["title"]["text"]]
    assert found, [c["layout"]["title"]["text"] for c in charts(at)]
    return found[0]


def bars(fig: dict, trace: int = 0) -> dict:
    tr = fig["data"][trace]
    return dict(zip(values(tr["x"]), values(tr["y"]), strict=True))


def test_pages_are_split_as_expected():
    assert CHART_PAGES[-1] == "pages/07_profile.py" and PAGES[7] == "pages/08_upload.py"


@pytest.mark.parametrize("page", PAGES)
def test_page_launches_without_exception(app, page):
    app.switch_page(page).run()
    assert not app.exception


@pytest.mark.parametrize("page", CHART_PAGES)
def test_page_shows_charts_with_font_and_source(app, page):
    app.switch_page(page).run()
    assert not app.exception
    assert len(app.get("plotly_chart")) >= 1
    for fig in charts(app):
        assert fig["layout"]["template"]["layout"]["font"]["family"].startswith("Noto Sans CJK")
        assert "数据来源" in fig["layout"]["title"]["text"]  # every chart carries its source line


def test_overview_cards_show_city_figures_and_no_change_between_years_of_other_districts(app):
    cards = {m.label: m for m in app.metric}
    rate = cards["集体合同签订率"]
    # no enterprise counts in the fixture, so the mean of the three district rates: (94 + 90.5 + 92) / 3
    assert rate.value == "92.2%"
    # 2022's figure is the mean of four districts, 2023's of three: comparing them would be no change at all
    assert rate.proto.delta == ""
    disputes = cards["群体性劳资纠纷（起）"]
    assert disputes.value == "38"  # 9 + 7 + 22
    assert disputes.proto.delta == ""  # 40 the year before was four districts' sum


def test_overview_counts_districts_meeting_each_target(app):
    captions = " ".join(c.value for c in app.caption)
    assert "目标 90.0%：3/3 个区县达标" in captions  # collective 2023: 94, 90.5, 92 all ≥ 90
    assert "目标 80.0%：2/3 个区县达标" in captions  # wage 2023: 84, 79, 81.5
    table = app.dataframe[0].value.set_index("指标")
    assert table.loc["工资专项集体合同签订率", "达标"] == "2 / 3"
    assert table.loc["工资专项集体合同签订率", "未达标区县（差距大者在前）"] == "西城区"
    assert table.loc["集体合同签订率", "未达标区县（差距大者在前）"] == "—"


def test_overview_names_the_biggest_movers(app):
    fig = chart_titled(app, "比上年变化")
    change = dict(zip(values(fig["data"][0]["y"]), values(fig["data"][0]["x"]), strict=True))
    assert change["西城区"] == pytest.approx(2.5) and change["东城区"] == pytest.approx(0.5)
    assert "北山区" not in change  # no 2023 figure, so no change to show


def test_contracts_ranking_has_targets_and_a_gap_for_the_missing_district(app):
    app.switch_page("pages/02_contracts.py").run()
    fig = chart_titled(app, "2023年各区县集体合同签订率")
    got = bars(fig)
    assert got["东城区"] == 94.0 and got["西城区"] == 90.5 and got["南湖区"] == 92.0
    assert got["北山区"] is None  # a gap, never a zero
    # 北山区 has its own 2023 target (85), so each district's target is marked on its bar
    marks = next(tr for tr in fig["data"] if tr.get("name") == "目标")
    assert dict(zip(values(marks["x"]), values(marks["y"]), strict=True))["北山区"] == 85.0


def test_one_target_for_all_districts_is_a_dashed_line(fixture_db, monkeypatch):
    at = start(fixture_db, monkeypatch, year="2022")
    at.switch_page("pages/02_contracts.py").run()
    fig = chart_titled(at, "2022年各区县集体合同签订率")
    assert any(s.get("type") == "line" and s["y0"] == 90.0 for s in fig["layout"].get("shapes", []))
    below = [c for c, v in bars(fig).items() if v is not None and v < 90]
    assert sorted(below) == ["北山区", "西城区"]  # 79 and 88 miss the 90% target
    colours = dict(zip(values(fig["data"][0]["x"]), fig["data"][0]["marker"]["color"], strict=True))
    assert colours["北山区"] != colours["东城区"]


def test_contracts_trend_breaks_the_line_where_a_year_is_missing(app):
    app.switch_page("pages/02_contracts.py").run()
    fig = chart_titled(app, "各区县集体合同签订率历年变化")
    line = next(tr for tr in fig["data"] if tr["name"] == "北山区")
    assert values(line["x"]) == [2022, 2023] and values(line["y"]) == [79.0, None]
    assert fig["layout"]["xaxis"]["dtick"] == 1 and fig["layout"]["xaxis"]["tickformat"] == "d"


def test_disputes_page_shows_reported_and_resolved(app):
    app.switch_page("pages/03_disputes.py").run()
    fig = chart_titled(app, "上报与结案")
    reported, resolved = (dict(zip(values(tr["x"]), values(tr["y"]), strict=True)) for tr in fig["data"][:2])
    assert reported["南湖区"] == 22 and resolved["南湖区"] == 20


def test_district_colours_are_the_same_in_every_chart(app):
    app.switch_page("pages/02_contracts.py").run()
    trend = chart_titled(app, "各区县集体合同签订率历年变化")
    colour = {tr["name"]: tr["line"]["color"] for tr in trend["data"] if tr.get("line", {}).get("color")}
    app.switch_page("pages/06_compare.py").run()
    slope = chart_titled(app, "对比")
    for tr in slope["data"]:
        assert tr["line"]["color"] == colour[tr["name"]]


def test_url_opens_the_same_view(fixture_db, monkeypatch):
    at = start(fixture_db, monkeypatch, year="2022", lang="en")
    assert at.session_state["year"] == 2022
    assert {m.label: m.value for m in at.metric}["Collective contract signing rate"] == "87.9%"
    at.switch_page("pages/02_contracts.py").run()
    got = bars(chart_titled(at, "by district, 2022"))
    assert got["Dongcheng"] == 93.5 and got["Beishan"] == 79.0
    assert at.query_params["year"] in (["2022"], "2022")


def test_filters_survive_a_page_switch(app):
    app.switch_page("pages/06_compare.py").run()
    app.selectbox(key="w_metric").select("disputes_reported").run()
    app.switch_page("pages/07_profile.py").run()
    app.switch_page("pages/06_compare.py").run()
    assert app.session_state["metric"] == "disputes_reported"
    assert "群体性劳资纠纷" in charts(app)[0]["layout"]["title"]["text"]


def test_english_switch_changes_labels(app):
    app.session_state["lang"] = "en"
    app.run()
    assert "Collective contract signing rate" in [m.label for m in app.metric]
    app.switch_page("pages/02_contracts.py").run()
    fig = charts(app)[0]
    assert "Dongcheng" in values(fig["data"][0]["x"])
    assert "Collective contract signing rate by district, 2023" in fig["layout"]["title"]["text"]


def test_profile_lists_every_metric_with_rank_and_trend(app):
    app.switch_page("pages/07_profile.py").run()
    table = app.dataframe[0].value
    row = table.set_index("metric").loc["集体合同签订率"]
    assert row["shown"] == "94.0%" and row["rank_text"] == "第 1 / 3 名"
    assert list(row["trend"]) == [93.5, 94.0]
