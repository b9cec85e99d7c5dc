"""Sentences read from chart data: units, changes, targets, movers, qualifiers and coverage, in Chinese and English."""

from __future__ import annotations

import pandas as pd
import pytest

from etl.catalog import Metric
from narrative import (
    attainment_clause,
    attention_items,
    city_qualifier,
    city_sentence,
    mover_clause,
    ranking_clause,
    reported_resolved_sentence,
    trend_sentence,
)
from narrative.sentences import change_phrase, quantity, target_text
from narrative.tables import rises_table


def metric(code, zh, en, unit, label_zh, label_en, polarity) -> Metric:
    return Metric(code, zh, en, unit, label_zh, label_en, "t", polarity, "reported", True, "", "")


RATE = metric("rate", "集体合同签订率", "Collective contract signing rate", "percent", "%", "%", "higher")
DISPUTES = metric("disp", "群体性劳资纠纷（起）", "Collective labour disputes", "count", "起", "cases", "lower")
AID = metric("aid", "帮扶金额（元）", "Hardship aid", "yuan", "元", "yuan", "higher")
MEMBERS = metric("mem", "会员总数（人）", "Total members", "person", "人", "persons", "higher")
PER10K = metric(
    "p10k", "每万名会员纠纷数", "Disputes per 10k members", "per_10k", "起/万名会员", "per 10k members", "lower"
)
NEUTRAL = metric("neu", "法律咨询（人次）", "Legal consultations", "person_times", "人次", "person-times", "none")

ZH_NAMES = ["东城区", "西城区", "南湖区", "北山区", "中心区", "滨江区", "高新区", "临港区"]
EN_NAMES = ["Dongcheng", "Xicheng", "Nanhu", "Beishan", "Zhongxin", "Binjiang", "Gaoxin", "Lingang"]


def districts(values, prev, small=None, qualifiers=None) -> pd.DataFrame:
    """Rows shaped like metric_by_district: the first len(values) districts."""
    n = len(values)
    df = pd.DataFrame(
        {
            "district_zh": ZH_NAMES[:n],
            "district_en": EN_NAMES[:n],
            "value": [float("nan") if v is None else float(v) for v in values],
            "prev_value": [float("nan") if v is None else float(v) for v in prev],
            "qualifier": qualifiers or ["exact"] * n,
            "small_count": small or [False] * n,
        }
    )
    df["change"] = df["value"] - df["prev_value"]
    df["pct_change"] = (df["change"] / df["prev_value"] * 100).where(df["prev_value"] > 0)
    return df


def city(value, prev, method="sum", n=16, m=16, comparable=True) -> dict:
    change = None if prev is None or not comparable else value - prev
    pct = None if change is None or not prev else change / prev * 100
    return {
        "value": value,
        "prev_value": prev,
        "change": change,
        "pct_change": pct,
        "method": method,
        "n_reporting": n,
        "n_districts": m,
    }


ATTAINMENT = {
    "metric_code": "rate",
    "target_low": 90.0,
    "target_high": 90.0,
    "n_meets": 13,
    "n_with_target": 16,
    "laggards_zh": "临港区、石湾县、高新区",
    "laggards_en": "Lingang, Shiwan County, Gaoxin",
}


@pytest.mark.parametrize(
    "lang,expected",
    [
        (
            "zh",
            "全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标",
        ),
        (
            "en",
            "Collective contract signing rate, city: 92.1%, up 0.4 percentage points on 2023; 13 of 16 districts met "
            "the 90% target; Lingang, Shiwan County and Gaoxin did not",
        ),
    ],
)
def test_rate_sentence_gives_points_and_the_lagging_districts(lang, expected):
    s = city_sentence(RATE, city(92.1247, 91.6768, "pooled"), year=2024, lang=lang, attainment=ATTAINMENT)
    assert s.text == expected
    assert s.tone == "good"


DISPUTES_DF = districts(
    [3, 14, 14, 4, 5, 6, 2, 3], [4, 8, 10, 6, 5, 8, 3, 2], small=[True, False, False, True] + [False] * 4
)


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("zh", "全市群体性劳资纠纷142起，比上年减少1起；西城区增加6起，增幅最大"),
        ("en", "Collective labour disputes, city: 142 cases, down 1 on 2023; largest rise: Xicheng (+6)"),
    ],
)
def test_count_sentence_names_the_district_that_rose_most(lang, expected):
    s = city_sentence(DISPUTES, city(142, 143), year=2024, lang=lang, districts=DISPUTES_DF)
    assert s.text == expected
    assert s.tone == "good"  # fewer disputes is good news


@pytest.mark.parametrize(
    "m,value,prev,lang,expected,tone",
    [
        (RATE, 92.0, 92.0, "zh", "与上年持平", "flat"),
        (RATE, 92.02, 92.0, "zh", "与上年基本持平", "flat"),
        (RATE, 90.0, 92.0, "zh", "比上年下降2.0个百分点", "bad"),
        (RATE, 90.0, 92.0, "en", "down 2.0 percentage points on 2023", "bad"),
        (DISPUTES, 150, 150, "zh", "与上年持平", "flat"),
        (DISPUTES, 150, 140, "zh", "比上年增加10起", "bad"),
        (DISPUTES, 150, 140, "en", "up 10 on 2023", "bad"),
        (AID, 31504710, 29007585, "zh", "比上年增加249.7万元，增长8.6%", "good"),
        (AID, 29007585, 31504710, "zh", "比上年减少249.7万元，下降7.9%", "bad"),  # less aid is not good news
        (AID, 29007585, 31504710, "en", "down 2.5 million yuan (−7.9%) on 2023", "bad"),
        (AID, 31504710, 31504300, "zh", "与上年基本持平", "flat"),  # 410 yuan is 0.0万元
        (MEMBERS, 4375085, 4268894, "zh", "比上年增加10.6万人，增长2.5%", "good"),
        (MEMBERS, 201539, 210877, "zh", "比上年减少9,338人，下降4.4%", "bad"),
        # a rate per 10,000 moves in its own unit (0.3350 − 0.3246 = 0.0104 → 0.01起), never in per cent
        (PER10K, 0.3246, 0.3350, "zh", "比上年减少0.01起", "good"),
        (PER10K, 0.3246, 0.3350, "en", "down 0.01 per 10k members on 2023", "good"),
        (PER10K, 0.3246, 0.3270, "zh", "与上年基本持平", "flat"),  # 0.0024 rounds to 0.00起
        (PER10K, 0.60, 0.40, "zh", "比上年增加0.20起", "bad"),  # not 增长50.0%
        (NEUTRAL, 61788, 61569, "zh", "比上年增加219人次，增长0.4%", "none"),
    ],
)
def test_change_phrase_uses_the_unit_and_the_polarity(m, value, prev, lang, expected, tone):
    change = value - prev
    pct = change / prev * 100
    assert change_phrase(m, value, prev, change, pct, year=2024, lang=lang) == (expected, tone)


@pytest.mark.parametrize(
    "lang,compare,expected",
    [
        ("zh", 2023, "比上年提高1.0个百分点"),
        ("zh", 2021, "比2021年提高1.0个百分点"),
        ("en", 2021, "up 1.0 percentage points on 2021"),
    ],
)
def test_the_year_compared_is_named(lang, compare, expected):
    assert change_phrase(RATE, 91.0, 90.0, 1.0, None, year=2024, lang=lang, compare_year=compare)[0] == expected


@pytest.mark.parametrize(
    "row,lang,expected",
    [
        (city(92.1, None), "zh", "全市集体合同签订率92.1%，2023年无可比数据"),
        (city(92.1, 90.0, comparable=False), "zh", "全市集体合同签订率92.1%，与2023年计算口径不同，未作比较"),
        (city(92.1, None), "en", "Collective contract signing rate, city: 92.1%, no figure for 2023 to compare"),
    ],
)
def test_a_change_that_cannot_be_made_is_said_not_invented(row, lang, expected):
    assert city_sentence(RATE, row, year=2024, lang=lang).text == expected


@pytest.mark.parametrize(
    "m,value,qualifier,lang,expected",
    [
        (RATE, 92.1247, None, "zh", "92.1%"),
        (DISPUTES, 142, None, "zh", "142起"),
        (AID, 4108485, None, "zh", "410.8万元"),
        (AID, 870000, "nearly", "zh", "近87.0万元"),
        (AID, 115163000, None, "zh", "1.15亿元"),  # a report's 11516.3万元: not 1.2亿元, 4 % off
        (AID, 300000000, "more_than", "zh", "超过3.00亿元"),
        (MEMBERS, 4375085, None, "zh", "437.5万人"),
        (MEMBERS, 4300000, "more_than", "zh", "超过430.0万人"),
        (MEMBERS, 1200, "approx", "zh", "约1,200人"),
        (MEMBERS, 1200, "approx", "en", "about 1,200 persons"),
        (AID, 4108485, "more_than", "en", "more than 4.1 million yuan"),
        (PER10K, 0.3246, None, "zh", "0.32起"),  # 每万名会员 is in the name already
    ],
)
def test_quantities_carry_unit_and_qualifier(m, value, qualifier, lang, expected):
    assert quantity(value, m, lang, qualifier) == expected


@pytest.mark.parametrize(
    "method,qualifiers,expected",
    [
        ("sum", ["exact", "exact"], None),
        ("sum", ["exact", "more_than"], "more_than"),
        ("sum", ["nearly", "exact"], "nearly"),
        ("sum", ["nearly", "more_than"], "approx"),
        ("sum", ["approx"], "approx"),
        ("mean", ["exact", "more_than"], "approx"),
        ("pooled", [None, "exact"], None),
    ],
)
def test_a_summed_city_figure_inherits_the_districts_qualifiers(method, qualifiers, expected):
    assert city_qualifier(method, qualifiers) == expected


def test_city_sum_of_a_more_than_figure_says_more_than():
    df = districts([100, 200, 300], [90, 190, 290], qualifiers=["exact", "more_than", "exact"])
    s = city_sentence(MEMBERS, city(600, 570, n=3, m=3), year=2024, districts=df)
    assert s.text.startswith("全市会员总数超过600人，")


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("zh", "全市群体性劳资纠纷120起（16个区县中14个报送），比上年减少3起"),
        ("en", "Collective labour disputes, city: 120 cases (14 of 16 districts reporting), down 3 on 2023"),
    ],
)
def test_a_city_figure_from_some_districts_says_how_many(lang, expected):
    assert city_sentence(DISPUTES, city(120, 123, n=14), year=2024, lang=lang).text == expected


def test_no_mover_or_ranking_claim_over_fewer_than_five_districts():
    df = districts([3, 14, 9, 4], [4, 8, 10, 6])
    assert mover_clause(DISPUTES, df) == ""
    assert ranking_clause(DISPUTES, df) == ""
    assert city_sentence(DISPUTES, city(30, 28, n=4, m=4), year=2024, districts=df).text == (
        "全市群体性劳资纠纷30起，比上年增加2起"
    )


def test_districts_resting_on_fewer_than_five_cases_get_no_superlative():
    # 高新区 rose most (3 → 9 per 10k) on 2 cases: the claim goes to the largest rise among the others
    df = districts([0.5, 0.6, 0.4, 0.45, 0.3, 0.2, 0.9], [0.4, 0.4, 0.4, 0.4, 0.3, 0.2, 0.3])
    df["small_count"] = [False] * 6 + [True]
    assert mover_clause(PER10K, df) == "西城区增加0.20起，增加最多"  # +0.20 per 10k, not +50.0%
    assert mover_clause(PER10K, df, "en") == "largest rise: Xicheng (+0.20 per 10k members)"
    assert ranking_clause(PER10K, df) == "不计事件不足5起的1个区县，西城区最高（0.60起），滨江区最低（0.20起）"
    assert ranking_clause(PER10K, df, "en").startswith("leaving out 1 resting on fewer than 5 cases, highest: Xicheng")


@pytest.mark.parametrize(
    "values,prev,lang,expected",
    [
        # the largest rise in 起 is also the largest relative one: 增幅最大
        ([10, 20, 5, 7, 8], [10, 10, 5, 7, 8], "zh", "西城区增加10起，增幅最大"),
        # largest in 起 but not relatively (南湖区 +66.7%): 增加最多
        ([30, 20, 10, 7, 8], [20, 15, 6, 7, 8], "zh", "东城区增加10起，增加最多"),
        # 南湖区's +50% rests on 4 cases last year: it is no rival, 东城区 (+50%) leads both ways
        ([30, 20, 6, 7, 8], [20, 15, 4, 7, 8], "zh", "东城区增加10起，增幅最大"),
        # tied: named together
        ([16, 16, 5, 7, 8], [10, 10, 5, 7, 8], "zh", "东城区、西城区各增加6起，增幅最大"),
        ([16, 16, 5, 7, 8], [10, 10, 5, 7, 8], "en", "largest rise: Dongcheng and Xicheng (+6)"),
        # nobody rose: the largest fall is named
        ([5, 6, 5, 7, 2], [9, 7, 6, 8, 3], "zh", "东城区减少4起，降幅最大"),
    ],
)
def test_mover_clause(values, prev, lang, expected):
    assert mover_clause(DISPUTES, districts(values, prev), lang) == expected


def test_aid_mover_is_the_largest_fall_because_less_aid_is_bad_news():
    df = districts([410e4, 300e4, 280e4, 260e4, 100e4], [400e4, 290e4, 284.2e4, 250e4, 90e4])
    assert mover_clause(AID, df) == "南湖区减少4.2万元，降幅最大"


@pytest.mark.parametrize(
    "row,lang,expected",
    [
        ({**ATTAINMENT, "n_meets": 16, "laggards_zh": None}, "zh", "16个区县全部达到90%的目标"),
        ({**ATTAINMENT, "n_meets": 0}, "zh", "16个区县均未达到90%的目标"),
        ({**ATTAINMENT, "target_low": 85.0}, "zh", "16个区县中13个达到各自目标，临港区、石湾县、高新区未达标"),
        (
            {**ATTAINMENT, "n_meets": 9, "laggards_zh": "A区、B区、C区、D区、E区、F区、G区"},
            "zh",
            "16个区县中9个达到90%的目标，A区、B区、C区、D区、E区等7个区县未达标",
        ),
        ({**ATTAINMENT, "n_meets": 16}, "en", "all 16 districts met the 90% target"),
        (
            {**ATTAINMENT, "n_meets": 9, "laggards_en": "A, B, C, D, E, F, G"},
            "en",
            "9 of 16 districts met the 90% target; A, B, C, D, E and 2 more did not",
        ),
    ],
)
def test_attainment_clause(row, lang, expected):
    assert attainment_clause(RATE, row, lang) == expected


def test_attainment_says_when_districts_did_not_report():
    row = {**ATTAINMENT, "n_with_target": 14, "n_meets": 14}
    assert attainment_clause(RATE, row, "zh", n_districts=16) == "14个区县全部达到90%的目标（另有2个区县未报送）"


@pytest.mark.parametrize(
    "lang,expected",
    [
        (
            "zh",
            "全市帮扶金额3,150.5万元，比上年增加249.7万元，增长8.6%；石湾县最多（410.8万元），东城区最少（79.2万元）",
        ),
        (
            "en",
            "Hardship aid, city: 31.5 million yuan, up 2.5 million yuan (+8.6%) on 2023; most: Xicheng (4.1 million yuan), fewest: Dongcheng (0.8 million yuan)",
        ),
    ],
)
def test_ranking_sentence_in_the_charts_unit(lang, expected):
    from narrative import ranking_sentence

    df = districts([792000, 4108485, 200e4, 150e4, 300e4], [700000, 4000000, 190e4, 140e4, 290e4])
    df.loc[1, "district_zh"] = "石湾县"
    s = ranking_sentence(AID, city(31504710, 29007585), df, year=2024, lang=lang)
    assert s.text == expected


@pytest.mark.parametrize(
    "values,lang,expected",
    [
        ([80, 82, 85, 88, 91.7, 92.1], "zh", "2024年全市集体合同签订率92.1%，为2019年以来最高"),
        (
            [80, 82, 85, 88, 91.7, 92.1],
            "en",
            "Collective contract signing rate, city, 2024: 92.1%, the highest since 2019",
        ),
        ([95, 82, 85, 88, 91.7, 92.1], "zh", "2024年全市集体合同签订率92.1%，比2019年下降2.9个百分点"),
        ([88, 90, 92.1], "zh", "2024年全市集体合同签订率92.1%，比2022年提高4.1个百分点"),  # 3 years: no record claim
    ],
)
def test_trend_sentence(values, lang, expected):
    years = list(range(2024 - len(values) + 1, 2025))
    trend = pd.DataFrame({"year": years, "value": values, "method": "pooled"})
    assert trend_sentence(RATE, trend, year=2024, lang=lang).text == expected


def test_trend_compares_only_years_made_the_same_way():
    trend = pd.DataFrame(
        {
            "year": [2019, 2020, 2021, 2022, 2023, 2024],
            "value": [99, 82, 85, 88, 91.7, 92.1],
            "method": ["mean"] + ["pooled"] * 5,
        }
    )
    assert trend_sentence(RATE, trend, year=2024).text == "2024年全市集体合同签订率92.1%，为2020年以来最高"


def test_several_figures_in_one_sentence():
    resolved = metric("res", "已结案纠纷（起）", "Disputes resolved", "count", "起", "cases", "higher")
    s = reported_resolved_sentence([(DISPUTES, {"value": 142}), (resolved, {"value": 134}), (RATE, {"value": None})])
    assert s.text == "全市群体性劳资纠纷142起，已结案纠纷134起"


def test_attention_lists_bad_news_missed_targets_and_rises():
    overview = pd.DataFrame(
        [
            {"metric_code": "aid", "headline": True, **city(29007585, 31504710)},
            {"metric_code": "disp", "headline": True, **city(142, 143)},
        ]
    )
    attainment = pd.DataFrame([ATTAINMENT])
    metrics = {"aid": AID, "disp": DISPUTES, "rate": RATE}
    small = [True, False, False, True, False, False, True, True]
    items = attention_items(
        metrics,
        overview,
        attainment,
        {"disp": districts([3, 14, 14, 4, 5, 6, 2, 3], [4, 8, 10, 6, 5, 8, 3, 2], small)},
        year=2024,
    )
    assert [s.text for s in items] == [
        "全市帮扶金额2,900.8万元，比上年减少249.7万元，下降7.9%",
        "集体合同签订率：临港区、石湾县、高新区未达到90%的目标",
        "群体性劳资纠纷：西城区增加6起、南湖区增加4起、临港区增加1起（不足5起）",
    ]
    en = attention_items(metrics, overview, attainment, {}, year=2024, lang="en")
    assert en[1].text == "Collective contract signing rate: Lingang, Shiwan County and Gaoxin below the 90% target"


def test_rises_per_10k_members_are_listed_in_their_unit_marked_where_last_year_had_few_cases():
    # 东城区 0.40 → 0.90 per 10k on 2 cases last year (the query's small_change); 西城区 0.40 → 0.60 on enough
    df = districts([0.9, 0.6, 0.4, 0.45, 0.3], [0.4, 0.4, 0.4, 0.4, 0.3])
    df["small_change"] = [True, False, False, False, False]
    items = attention_items({"p10k": PER10K}, pd.DataFrame(), pd.DataFrame(), {"p10k": df}, year=2024)
    assert [s.text for s in items] == [
        "每万名会员纠纷数：东城区增加0.50起（不足5起）、西城区增加0.20起、北山区增加0.05起"
    ]
    en = attention_items({"p10k": PER10K}, pd.DataFrame(), pd.DataFrame(), {"p10k": df}, year=2024, lang="en")
    assert en[0].text == (
        "Disputes per 10k members: Dongcheng +0.50 per 10k members (fewer than 5 cases), "
        "Xicheng +0.20 per 10k members, Beishan +0.05 per 10k members"
    )
    assert mover_clause(PER10K, df) == "西城区增加0.20起，增加最多"  # 东城区's rise rests on 2 cases
    table = rises_table(PER10K, df)
    assert list(table.iloc[:, 3]) == ["+0.50起", "+0.20起", "+0.05起"]
    assert list(table.iloc[:, 4]) == ["不足5起，仅供参考", "", ""]


def test_full_sentence_ends_with_a_stop():
    s = city_sentence(DISPUTES, city(142, 143), year=2024)
    assert s.full == s.text + "。"
    assert city_sentence(DISPUTES, city(142, 143), year=2024, lang="en").full.endswith(".")


def test_target_text_drops_needless_decimals():
    assert target_text(90.0, RATE) == "90%"
    assert target_text(92.5, RATE) == "92.5%"


@pytest.fixture(scope="module")
def sample(sample_db):
    from etl import db

    con = db.connect(sample_db, read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize(
    "code,lang,expected",
    [
        (
            "contract_rate_collective",
            "zh",
            "全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标",
        ),
        ("disputes_reported", "zh", "全市群体性劳资纠纷142起，比上年减少1起；西城区增加6起，增幅最大"),
        (
            "disputes_reported",
            "en",
            "Collective labour disputes reported, city: 142 cases, down 1 on 2023; largest rise: Xicheng (+6)",
        ),
    ],
)
def test_sentences_read_the_sample_store(sample, code, lang, expected):
    from etl.catalog import load_catalog
    from queries import run_query

    m = load_catalog().metrics[code]
    overview = run_query(sample, "city_overview", city="示例市", year=2024).set_index("metric_code", drop=False)
    attainment = run_query(sample, "target_attainment", city="示例市", year=2024).set_index("metric_code", drop=False)
    df = run_query(sample, "metric_by_district", city="示例市", year=2024, metric=code)
    att = attainment.loc[code] if code in attainment.index else None
    assert city_sentence(m, overview.loc[code], year=2024, lang=lang, attainment=att, districts=df).text == expected


@pytest.mark.parametrize(
    "lang,first,last",
    [
        ("zh", ["西城区", "14起", "8起", "+6起", ""], ["临港区", "3起", "2起", "+1起", "不足5起，仅供参考"]),
        (
            "en",
            ["Xicheng", "14 cases", "8 cases", "+6", ""],
            ["Lingang", "3 cases", "2 cases", "+1", "fewer than 5 cases"],
        ),
    ],
)
def test_rises_table_lists_districts_that_moved_the_bad_way_with_small_numbers_marked(lang, first, last):
    from narrative.tables import rises_table

    small = [True, False, False, True, False, False, True, True]
    table = rises_table(DISPUTES, districts([3, 14, 14, 4, 5, 6, 2, 3], [4, 8, 10, 6, 5, 8, 3, 2], small), lang)
    assert list(table.iloc[0]) == first
    assert list(table.iloc[-1]) == last
    assert len(table) == 3  # 西城区 +6, 南湖区 +4, 临港区 +1


@pytest.mark.parametrize(
    "m,value,prev,change,expected",
    [
        (RATE, 92.1, 91.7, 0.4479, "+0.4个百分点"),
        (RATE, 92.1, 92.1, 0.0, "持平"),
        (DISPUTES, 142, 143, -1, "-1起"),
        (AID, 31504710, 29007585, 2497125, "+249.7万元"),
        (AID, 31504710, None, None, "—"),
        (AID, 31504710, 29007585, None, "口径不同"),
    ],
)
def test_change_cells(m, value, prev, change, expected):
    from narrative.tables import change_cell

    assert change_cell(m, value, prev, change) == expected
