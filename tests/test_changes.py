"""Change on last year in the count's own unit, small counts marked; funnel and interval charts draw the verdicts."""

import numpy as np
import pandas as pd
import pytest

from analysis.changes import change_basis, changes
from analysis.intervals import district_intervals, funnel_limits
from charts.funnel import funnel_plot, interval_chart


@pytest.mark.parametrize(
    "unit,basis",
    [("count", "change"), ("person", "change"), ("percent", "change"), ("per_10k", "change"), ("yuan", "pct_change")],
)
def test_change_basis_is_the_unit_except_for_money(unit, basis):
    assert change_basis(unit) == basis


def test_two_to_three_cases_is_plus_one_case_and_marked_small():
    df = pd.DataFrame(
        {
            "district_zh": ["临港区", "龙泉区", "新区"],
            "value": [3.0, 23.0, 4.0],
            "prev_value": [2.0, 17.0, None],
            "change": [1.0, 6.0, None],
            "pct_change": [50.0, 35.3, None],
            "small_count": [True, False, True],
        }
    )
    out = changes(df, "count").set_index("district_zh")
    assert out.loc["临港区", "shown_change"] == 1.0 and out.loc["临港区", "small_change"]
    assert out.loc["龙泉区", "shown_change"] == 6.0 and not out.loc["龙泉区", "small_change"]
    assert pd.isna(out.loc["新区", "shown_change"]) and not out.loc["新区", "small_change"]


def test_falling_below_five_marks_the_change_small():
    df = pd.DataFrame(
        {"value": [4.0], "prev_value": [12.0], "change": [-8.0], "pct_change": [-66.7], "small_count": [True]}
    )
    assert changes(df, "count")["small_change"].iloc[0]
    df = pd.DataFrame(
        {"value": [6.0], "prev_value": [3.0], "change": [3.0], "pct_change": [100.0], "small_count": [False]}
    )
    assert changes(df, "count")["small_change"].iloc[0]  # last year had 3


def test_a_rate_per_10k_moves_in_its_unit_and_is_marked_where_last_years_cases_were_few():
    # the query counts the events behind the ratio in both years (small_change): 2 cases last year, 9 this year
    df = pd.DataFrame(
        {
            "value": [0.9, 0.6],
            "prev_value": [0.2, 0.4],
            "change": [0.7, 0.2],
            "pct_change": [350.0, 50.0],
            "small_count": [False, False],
            "small_change": [True, False],
        }
    )
    out = changes(df, "per_10k")
    assert list(out["shown_change"]) == [0.7, 0.2]  # 起 per 10,000 members, not +350 %
    assert list(out["small_change"]) == [True, False]


LABELS = {
    "better": "好于全市",
    "worse": "差于全市",
    "same": "相当",
    "none": "无区间",
    "limit_95": "95%",
    "limit_998": "99.8%",
    "city": "全市",
}


def parts():
    df = pd.DataFrame(
        {
            "district_zh": ["甲", "乙", "丙", "丁"],
            "shown_value": [6.0, 0.5, 2.0, None],
            "numerator": [30, 2, 10, None],
            "denominator": [50_000, 40_000, 50_000, None],
        }
    )
    df["unit"], df["scale"], df["city_value"] = "per_10k", 10_000.0, 2.0
    return district_intervals(df)


def test_funnel_plot_colours_districts_by_what_the_verdict_means():
    df = parts()
    lim = funnel_limits(2.0, list(np.geomspace(30_000, 60_000, 10)), "per_10k", 10_000)
    fig = funnel_plot(
        df,
        lim,
        label_col="district_zh",
        city_value=2.0,
        unit="per_10k",
        polarity="lower",
        title="t",
        source="s",
        x_title="x",
        y_title="y",
        labels=LABELS,
    )
    points = {tr.name: list(tr.text) for tr in fig.data if tr.mode == "markers+text"}
    # 甲 6.0 per 10k, 95 % interval 4.05–8.57: above the city, bad news where lower is better
    assert points == {"差于全市": ["甲"], "相当": ["丙"], "好于全市": ["乙"]}
    assert fig.layout.xaxis.type == "log"
    assert {tr.name for tr in fig.data if tr.mode == "lines"} >= {"95%", "99.8%", "全市"}


def test_interval_chart_is_horizontal_with_every_district_and_best_on_top():
    fig = interval_chart(
        parts(),
        label_col="district_zh",
        city_value=2.0,
        unit="per_10k",
        polarity="lower",
        title="t",
        source="s",
        x_title="x",
        labels=LABELS,
    )
    assert list(fig.layout.yaxis.categoryarray) == ["甲", "丙", "乙"]  # bottom-up: the lowest rate on top
    drawn = [name for tr in fig.data for name in tr.y]
    assert sorted(drawn) == sorted(["甲", "乙", "丙"])  # 丁 has no value: not drawn as zero
