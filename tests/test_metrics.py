"""The metric views and queries on a store loaded through the ETL: ranks, changes, derived ratios, city figures."""

import pandas as pd
import pytest

from etl.db import open_store
from queries import run_query

CITY = "示例市"


@pytest.fixture
def con(fixture_db):
    with open_store(fixture_db, read_only=True) as c:
        yield c


def test_rank_and_rank_change_follow_polarity(con):
    df = run_query(con, "metric_by_district", city=CITY, year=2023, metric="disputes_reported").set_index("district_zh")
    # fewer disputes rank better: 西城区 7, 东城区 9, 南湖区 22; 北山区 did not report
    assert df.loc[["西城区", "东城区", "南湖区"], "rank"].tolist() == [1, 2, 3]
    assert pd.isna(df.loc["北山区", "rank"])
    # 2022: 北山区 3, 西城区 5, 东城区 12, 南湖区 20 → 西城区 moved from 2nd to 1st
    assert df.loc["西城区", "prev_rank"] == 2 and df.loc["西城区", "rank_change"] == 1
    assert df.loc["东城区", "change"] == -3 and df.loc["东城区", "pct_change"] == pytest.approx(-25.0)
    assert df.loc["东城区", "city_median"] == 9


def test_small_counts_are_flagged(con):
    df = run_query(con, "metric_by_district", city=CITY, year=2022, metric="disputes_reported").set_index("district_zh")
    assert bool(df.loc["北山区", "small_count"]) and not bool(df.loc["南湖区", "small_count"])  # 3 and 20 disputes


def test_derived_ratio_is_computed_per_district(con):
    df = run_query(con, "metric_by_district", city=CITY, year=2023, metric="dispute_resolution_rate").set_index(
        "district_zh"
    )
    assert df.loc["西城区", "value"] == pytest.approx(6 / 7 * 100)
    per_10k = run_query(con, "metric_by_district", city=CITY, year=2023, metric="disputes_per_10k_members")
    row = per_10k.set_index("district_zh").loc["南湖区"]
    assert row["value"] == pytest.approx(22 / 31000 * 10000)


def test_city_figures_say_how_they_were_made(con):
    df = run_query(con, "city_overview", city=CITY, year=2023).set_index("metric_code")
    assert df.loc["disputes_reported", "method"] == "sum" and df.loc["disputes_reported", "value"] == 38
    assert df.loc["disputes_reported", "n_reporting"] == 3 and df.loc["disputes_reported", "n_districts"] == 16
    assert df.loc["contract_rate_collective", "method"] == "mean"
    # derived ratios pool numerators and denominators: (9 + 6 + 20) / (9 + 7 + 22)
    assert df.loc["dispute_resolution_rate", "method"] == "pooled"
    assert df.loc["dispute_resolution_rate", "value"] == pytest.approx(35 / 38 * 100)
    assert df.loc["contract_rate_collective", "n_meets"] == 3 and df.loc["contract_rate_wage", "n_meets"] == 2


def test_pooled_contract_rate_uses_enterprise_counts(tmp_path):
    """Where the numerator and denominator were reported, the city rate is their ratio, not a mean of rates."""
    import io

    import openpyxl

    from etl.load import check_file
    from etl.store import commit

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2023"
    ws.append(["区县", "集体合同签订率", "已建会企业", "签订集体合同企业"])
    ws.append(["东城区", 90, 1000, 900])
    ws.append(["西城区", 50, 100, 50])
    buf = io.BytesIO()
    wb.save(buf)
    with open_store(tmp_path / "p.duckdb") as c:
        commit(check_file(buf.getvalue(), c, file_name="p.xlsx"), c, by="t")
        df = run_query(c, "city_metric_trend", city=CITY, metric="contract_rate_collective")
    assert df.loc[0, "method"] == "pooled"
    assert df.loc[0, "value"] == pytest.approx(950 / 1100 * 100)  # a plain mean would say 70


def test_district_profile_ranks_among_the_city_and_keeps_the_trend(con):
    df = run_query(con, "district_profile", district="900101", year=2023).set_index("metric_code")
    row = df.loc["contract_rate_collective"]
    assert row["value"] == 94.0 and row["rank"] == 1 and row["n_ranked"] == 3
    assert row["prev_value"] == 93.5 and row["target"] == 90 and bool(row["meets_target"])
    assert list(row["trend"]) == [93.5, 94.0] and list(row["trend_years"]) == [2022, 2023]
    assert row["city_median"] == 92.0


def test_city_level_rows_are_not_districts(con):
    assert "上海市" not in set(run_query(con, "districts", city="上海市")["district_zh"])
