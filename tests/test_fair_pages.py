"""Pages with the fair comparison, the map, early warning and peers, under AppTest on the fixture store."""

from pathlib import Path

from chartspec import spec, values
from streamlit.testing.v1 import AppTest

from etl.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = {"显著高于全市", "与全市相当", "显著低于全市", "无法判断"}


def page(db, monkeypatch, path: str, **state) -> AppTest:
    monkeypatch.setenv("UNION_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    at.run()
    for k, v in state.items():
        at.session_state[k] = v
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def chart(at, text: str) -> dict:
    found = [spec(c) for c in at.get("plotly_chart") if text in spec(c)["layout"]["title"]["text"]]
    assert found, [spec(c)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    return found[0]


def test_compare_map_draws_every_sample_district_and_hatches_the_missing(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/06_compare.py", metric="contract_rate_collective")
    fig = chart(at, "区县分布")
    shapes = [tr for tr in fig["data"] if tr.get("fill") == "toself" and "meta" in tr and "district_code" in tr["meta"]]
    assert len(shapes) == 16  # the made-up 示例市 has all 16 districts
    hatched = {tr["meta"]["district_code"] for tr in shapes if tr.get("fillpattern", {}).get("shape") == "/"}
    coloured = {tr["meta"]["district_code"] for tr in shapes if tr["meta"]["value"] is not None}
    assert coloured and hatched and not hatched & coloured
    assert any(tr.get("showlegend") and tr["name"] == "无数据（未报送）" for tr in fig["data"])
    assert any("虚构" in c.value for c in at.caption)


def test_compare_shows_intervals_and_verdicts_beside_ranks(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/06_compare.py", metric="dispute_resolution_rate")
    ranked = [d.value for d in at.dataframe if "名次" in d.value.columns]
    assert ranked, [list(d.value.columns) for d in at.dataframe]
    table = ranked[0]
    assert list(table.columns[:3]) == ["名次", "区县", "与全市比较"]  # the verdict beside the rank
    assert list(table.columns[3:5]) == ["纠纷结案率", "95% 置信区间"]  # the value in its unit, then its interval
    assert all(v.endswith("%") for v in table["纠纷结案率"] if v != "—")
    assert set(table["与全市比较"].str.split().str[0]) <= {
        "显著高于全市",
        "与全市相当",
        "显著低于全市",
        "无法判断",
        "—",
    }
    chart(at, "95% 置信区间")


def test_compare_count_changes_are_in_cases_with_small_counts_marked(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/06_compare.py", metric="disputes_reported")
    table = next(d.value for d in at.dataframe if "名次" in d.value.columns)
    assert "与全市比较" not in table.columns  # a count has no interval against the city
    shown = table["增减"][~table["增减"].isin(["—", "持平"])]
    assert len(shown) and all(x.endswith("起") and "%" not in x for x in shown)
    if "事件过少" in table.columns:
        assert set(table["事件过少"]) <= {"", "事件过少（<5 起），不宜排名"}


def test_compare_page_draws_the_funnel_for_disputes_per_10k(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/06_compare.py", metric="disputes_per_10k_members")
    fig = chart(at, "漏斗图")
    assert fig["layout"]["xaxis"]["type"] == "log"
    names = {tr["name"] for tr in fig["data"]}
    assert {"95% 控制限", "99.8% 控制限"} <= names


def test_overview_movers_of_a_count_are_in_cases_with_warnings_and_a_map(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/01_overview.py", metric="disputes_reported")
    movers = chart(at, "变化")
    assert movers["layout"]["xaxis"]["title"]["text"] == "较上年变化（起）"
    labels = values(movers["data"][0]["text"])
    assert labels and all("." not in str(x) for x in labels)  # whole cases, not +50.0 %
    assert any(s.value.startswith("预警") for s in at.subheader)
    chart(at, "区县分布")


def test_overview_warnings_are_one_card_per_rule_and_a_button_opens_a_flagged_districts_profile(sample_db, monkeypatch):
    at = page(sample_db, monkeypatch, "pages/01_overview.py")
    pills = at.button_group(key="warn_profile")
    flagged = list(pills.options)
    assert flagged, "the sample city has districts meeting warning rules"
    cards = [m.value for m in at.markdown if m.value.startswith("**") and "个区县" in m.value.split("\n")[0]]
    assert cards  # each card: the rule, how many districts, then one line per district with its figures
    listed = [line for card in cards for line in card.split("\n") if line.startswith("- **")]
    assert len(listed) >= len(flagged) and all("→" in line or "低于" in line or "高于" in line for line in listed)
    (code,) = load_catalog().match_district(flagged[0], "示例市")  # the buttons show names and carry codes
    at.button_group(key="warn_profile").set_value(code).run()
    assert not at.exception
    assert at.query_params.get("district") == [code] or at.query_params.get("district") == code
    assert "区县" in [s.label for s in at.selectbox]  # the profile page, on that district
    at.switch_page("pages/01_overview.py").run()  # back: the pressed button is released, no second jump
    assert not at.exception and at.button_group(key="warn_profile").value is None
    assert any(s.value.startswith("预警") for s in at.subheader)


def test_profile_shows_verdicts_and_peers(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/07_profile.py")
    heads = [s.value for s in at.subheader]
    assert "与对照区县比较" in heads
    at.segmented_control(key="peers_how").set_value("size").run()
    assert not at.exception


def test_every_chart_links_to_its_indicators_entry(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/03_disputes.py")
    wide = [c for c in at.get("plotly_chart") if not (spec(c)["layout"].get("meta") or {}).get("phone")]
    links = [pl.proto for pl in at.get("page_link") if pl.proto.page == "indicators"]
    assert wide and len(links) >= len(wide)
    assert {"indicator=disputes_reported", "indicator=dispute_resolution_rate"} <= {pl.query_string for pl in links}
    assert all(pl.help for pl in links if pl.query_string)  # the definition as its tooltip


def test_an_info_link_opens_the_indicators_page_on_its_entry(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/06_compare.py", metric="contract_rate_collective")
    at.query_params["indicator"] = "dispute_resolution_rate"  # as the ⓘ under a chart leaves the URL
    at.switch_page("pages/14_indicators.py").run()
    assert not at.exception
    assert "纠纷结案率" in [s.value for s in at.subheader]
    assert at.session_state["metric"] == "dispute_resolution_rate" and "indicator" not in at.query_params


def test_disputes_page_draws_the_funnel_of_disputes_per_10k(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/03_disputes.py")
    fig = chart(at, "漏斗图")
    assert fig["layout"]["xaxis"]["type"] == "log"
    assert any("漏斗" in c.value for c in at.caption)  # the note on reading it


def test_profile_table_has_the_verdict_beside_the_rank_and_counts_move_in_cases(fixture_db, monkeypatch):
    at = page(fixture_db, monkeypatch, "pages/07_profile.py")
    table = next(d.value for d in at.dataframe if "rank_text" in d.value.columns)
    cols = list(table.columns)
    assert cols.index("verdict_text") == cols.index("rank_text") + 1
    rows = table.set_index("metric")
    assert rows.loc["纠纷结案率", "verdict_text"].split()[0] in VERDICTS
    assert rows.loc["工资专项集体合同签订率", "verdict_text"] == ""  # a rate with no counts behind it: no verdict
    change = rows.loc["群体性劳资纠纷", "change_text"]
    assert "%" not in change and ("起" in change or change == "")


def test_the_compare_ranking_download_carries_the_source_line_for_its_xlsx(fixture_db, monkeypatch):
    """The ranking table's XLSX, like every chart's, gets the view's source line (its snapshot, 定稿, 未审核)."""
    import ui.widgets

    given = []
    monkeypatch.setattr(ui.widgets, "table_downloads_ui", lambda table, stem, sheet="", **kw: given.append(kw))
    page(fixture_db, monkeypatch, "pages/06_compare.py", metric="contract_rate_collective")
    assert given and given[0].get("source", "").startswith("数据来源"), given
