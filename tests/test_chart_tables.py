"""The table under each chart and its download names: figures in the chart's unit, names from the chart's title."""

from __future__ import annotations

import pytest

from etl import db
from etl.catalog import load_catalog
from export.names import chart_file_stem, safe_file_name
from narrative.tables import chart_table
from views import named
from views.catalog import charts, get_chart
from views.context import Context

CITY, YEAR = "示例市", 2024
METRICS = load_catalog().metrics


@pytest.fixture(scope="module")
def ctxs(sample_db):
    con = db.connect(sample_db, read_only=True)
    yield {lang: Context.of(con, CITY, YEAR, lang) for lang in ("zh", "en")}
    con.close()


def test_money_is_in_wan_yuan_with_one_decimal_as_on_the_chart(ctxs):
    view = get_chart("aid_amount_ranking").build(ctxs["zh"])
    table = chart_table(view.data, METRICS, view.metric, view.label_col, "zh")
    raw = view.data.iloc[0]
    first = table.iloc[0]
    assert first["区县"] == raw["district_zh"]
    assert first["帮扶金额"] == f"{raw['value'] / 1e4:,.1f}万元"  # 4108485 → 410.8万元
    assert first["增减"].startswith("+") and first["增减"].endswith("万元")
    assert "目标" not in table  # no target set for aid: no column of dashes
    assert view.spec.unit == "万元"  # the chart's own unit


@pytest.mark.parametrize(
    "chart,column,pattern",
    [
        ("contracts_ranking", "集体合同签订率", r"^\d{2,3}\.\d%$"),
        ("contracts_ranking", "增减", r"^([+-]\d+\.\d个百分点|持平)$"),
        ("members_ranking", "会员总数", r"^\d{1,3}(,\d{3})*人$"),
        ("contracts_ranking", "达标", r"^(是|否|—)$"),
        ("contracts_trend", "年份", r"^20\d\d$"),
        ("disputes_reported_resolved", "数值", r"^\d+起$"),
    ],
)
def test_every_cell_reads_as_the_chart_says_it(ctxs, chart, column, pattern):
    view = get_chart(chart).build(ctxs["zh"])
    table = chart_table(view.data, METRICS, view.metric, view.label_col, "zh")
    if column not in table:
        pytest.skip(f"{chart} has no {column} column in this store")
    assert table[column].str.match(pattern).all(), table[column].tolist()


def test_no_codes_none_or_qualifier_words_in_any_chart_table(ctxs):
    for lang, ctx in ctxs.items():
        for chart in charts():
            view = chart.build(ctx)
            if view.spec is not None and view.spec.kind == "table" or view.data.empty:
                continue
            table = chart_table(view.data, METRICS, view.metric, view.label_col, lang)
            cells = {str(v) for col in table for v in table[col]}
            assert not cells & {"None", "nan", "<NA>", "exact", "approx", "True", "False"}, (chart.name, lang)
            assert not {"district_code", "metric_code", "color_index", "batch_id"} & set(table.columns)


def test_english_table_is_in_million_yuan(ctxs):
    view = get_chart("aid_amount_ranking").build(ctxs["en"])
    table = chart_table(view.data, METRICS, view.metric, view.label_col, "en")
    assert table.iloc[0, 2].endswith("million yuan") and table.columns[1] == "District"


def test_profile_gives_each_indicator_its_own_unit(ctxs):
    district = ctxs["zh"].query("districts", city=CITY)["district_code"].iloc[0]
    view = named.profile(ctxs["zh"], district)
    table = chart_table(view.data, METRICS, view.metric, view.label_col, "zh").set_index("指标")
    assert table.loc[METRICS["contract_rate_collective"].short_name("zh"), "数值"].endswith("%")
    assert table.loc[METRICS["total_members"].short_name("zh"), "数值"].endswith("人")


@pytest.mark.parametrize(
    "title,city,year,stem",
    [
        ("2024年各区县帮扶金额（万元）", "示例市", 2024, "示例市_2024年各区县帮扶金额"),
        ("示例市集体合同签订率历年变化（%）", "示例市", 2024, "示例市集体合同签订率历年变化_2024"),
        ("2024年各区县人均帮扶金额（元/人次）", "绍兴市", 2024, "绍兴市_2024年各区县人均帮扶金额"),
        ("Collective contract signing rate by district, 2024 (%)", "示例市", 2024,
         "示例市_Collective-contract-signing-rate-by-district-2024"),
        ('区县: "A/B" 对比', "", None, "区县-A-B-对比"),
    ],
)  # fmt: skip
def test_chart_file_names_come_from_the_title(title, city, year, stem):
    assert chart_file_stem(title, city, year) == stem


def test_file_names_stay_short_and_safe():
    name = safe_file_name("市", "年" * 200)
    assert len(name) <= 80 and not set('\\/:*?"<>|') & set(name)
