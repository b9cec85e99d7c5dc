"""The 指标说明 page lists every catalogue metric with its formula, city method and period, and who reported it."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.indicators import interval_method, reference_table
from etl.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/14_indicators.py"


def start(db, monkeypatch, metric=None, **params) -> AppTest:
    monkeypatch.setenv("UNION_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if metric:  # as a chart's ⓘ link leaves it: the metric filter shared by the pages
        at.session_state["metric"] = metric
    return at.switch_page(PAGE).run()


def test_reference_table_has_every_metric_once_with_all_fields():
    cat = load_catalog()
    ref = reference_table(cat)
    assert sorted(ref["code"]) == sorted(cat.metrics)
    assert ref.notna().all().all() and (ref != "").all().all()


@pytest.mark.parametrize(
    "code,expected",
    [
        ("contract_rate_collective", "wilson"),  # reported rate with pool numerator/denominator
        ("dispute_resolution_rate", "wilson"),
        ("disputes_per_10k_members", "byar"),
        ("workers_involved_per_10k_members", None),  # people in groups, not independent events
        ("contract_rate_wage", None),  # no counts behind it
        ("aid_per_person", None),  # money per person: not a proportion or a rate of events
    ],
)
def test_interval_method_by_metric(code, expected):
    cat = load_catalog()
    assert interval_method(cat.metrics[code], cat) == expected


def test_derived_ratio_states_its_formula_and_pooled_city_figure():
    ref = reference_table(load_catalog()).set_index("code")
    row = ref.loc["disputes_per_10k_members"]
    assert row["formula"] == "群体性劳资纠纷（起） ÷ 会员总数（人） × 10,000"
    assert "之和 ÷ 各区县“会员总数（人）”之和 × 10,000" in row["city"]
    assert row["period"] == "分子：全年累计；分母：年末数"
    assert ref.loc["disputes_reported", "city"].endswith("报送区县之和（注明 n/m 个区县合计）")
    assert ref.loc["contract_rate_wage", "city"].endswith("各区县比率的简单平均（没有分子分母可合并）")


def test_page_shows_the_metric_in_the_url_with_its_coverage(fixture_db, monkeypatch):
    at = start(fixture_db, monkeypatch, metric="disputes_per_10k_members")
    assert not at.exception
    assert "每万名会员纠纷数" in [s.value for s in at.subheader]  # after the page heading (year compared)
    assert "Byar" in at.markdown[0].value or any("Byar" in md.value for md in at.markdown)
    frames = at.dataframe
    assert len(frames) == 3  # coverage of this metric, the reference table, reports per metric and year
    grid = frames[0].value
    assert set(grid.stack().unique()) <= {"✓", ""} and (grid == "✓").any().any()
    reference = frames[1].value
    assert len(reference) == len(load_catalog().metrics)


def test_page_in_english(fixture_db, monkeypatch):
    at = start(fixture_db, monkeypatch, lang="en", metric="dispute_resolution_rate")
    assert not at.exception
    assert "Dispute resolution rate" in [s.value for s in at.subheader]
    assert any("Wilson interval" in md.value for md in at.markdown)


def test_page_works_without_data_from_the_catalogue_alone(empty_db, monkeypatch):
    at = start(empty_db, monkeypatch)
    assert not at.exception
    assert len(at.dataframe) == 1  # the reference table; no coverage without a store
