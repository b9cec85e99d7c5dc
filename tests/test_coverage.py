"""What a city figure covers: districts counted, one district's figure named as such, changes only between like years,
qualifiers kept, figures of other periods kept apart, and the default year the latest every district reported."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from etl.catalog import load_catalog
from etl.db import open_store
from etl.parse import Parsed, Record
from etl.store import commit, fetch_current, make_plan
from etl.validate import validate
from queries import run_query
from queries.defaults import choose_year, default_year, year_status

CITY = "示例市"
cat = load_catalog()
SAMPLE = sorted(c for c, d in cat.districts.items() if d.city_zh == CITY and d.level == "district")


def load(con, rows, name="t.xlsx", kind="spreadsheet"):
    """Commit (district, year, indicator, value[, qualifier[, period]]) rows through the real plan and commit."""
    records = []
    for n, row in enumerate(rows):
        d, y, i, v, *rest = row
        q = rest[0] if rest else "exact"
        p = rest[1] if len(rest) > 1 else "year"
        records.append(Record(d, y, i, v, q, str(v), "S", f"A{n + 1}", p))
    parsed = Parsed(name, None, records=records)
    stored = fetch_current(con, sorted({r.district for r in records}), sorted({r.year for r in records}))
    problems = validate(parsed, stored, cat)
    plan = make_plan(parsed, problems, stored, con)
    assert plan.ok, [p.line() for p in plan.problems]
    return commit(plan, con, by="pytest", kind=kind)


@pytest.fixture
def con(tmp_path: Path):
    with open_store(tmp_path / "c.duckdb") as c:
        yield c


def overview(con, year):
    return run_query(con, "city_overview", city=CITY, year=year).set_index("metric_code")


def test_a_full_year_is_all_and_a_one_district_year_is_that_districts_not_the_citys(con):
    load(con, [(d, 2023, "aid_persons", 100) for d in SAMPLE])
    load(con, [(SAMPLE[0], 2024, "aid_persons", 665)], name="correction")
    full, one = overview(con, 2023).loc["aid_persons"], overview(con, 2024).loc["aid_persons"]
    assert (full["coverage"], full["n_reporting"], full["n_districts"]) == ("all", 16, 16)
    assert (one["coverage"], one["n_reporting"], one["only_district_zh"]) == (
        "one",
        1,
        cat.districts[SAMPLE[0]].name_zh,
    )
    # 665 against last year's 1,600 of sixteen districts is no change at all: refused, with the reason
    assert one["no_change_reason"] == "coverage" and pd.isna(one["pct_change"]) and pd.isna(one["change"])


def test_a_change_is_given_between_years_of_the_same_districts_only(con):
    load(con, [(d, 2023, "aid_persons", 100) for d in SAMPLE[:3]])
    load(con, [(d, 2024, "aid_persons", 110) for d in SAMPLE[:3]] + [(SAMPLE[0], 2024, "new_unions", 5)])
    row = overview(con, 2024).loc["aid_persons"]
    assert row["coverage"] == "part" and row["n_reporting"] == 3
    assert pd.isna(row["no_change_reason"]) and row["pct_change"] == pytest.approx(10.0)
    assert overview(con, 2024).loc["new_unions", "no_change_reason"] == "no_prev"
    load(con, [(SAMPLE[3], 2024, "aid_persons", 110)])
    assert overview(con, 2024).loc["aid_persons", "no_change_reason"] == "coverage"


@pytest.mark.parametrize(
    "qualifiers,expected",
    [
        (["exact", "exact"], "exact"),
        (["more_than", "exact"], "more_than"),
        (["nearly", "nearly"], "nearly"),
        (["more_than", "nearly"], "approx"),
        (["approx", "exact"], "approx"),
    ],
)
def test_a_city_sum_keeps_the_qualifier_its_parts_allow(con, qualifiers, expected):
    load(con, [(d, 2024, "aid_amount", 1000, q) for d, q in zip(SAMPLE, qualifiers, strict=False)])
    assert overview(con, 2024).loc["aid_amount", "qualifier"] == expected


def test_figures_of_other_periods_stay_out_of_annual_queries_and_are_listed_apart(con):
    load(
        con,
        [
            (SAMPLE[0], 2019, "aid_persons", 18976, "exact", "total:2015-2019"),
            (SAMPLE[0], 2019, "aid_amount", 20_000_000, "more_than", "each:2015-2019"),
            (SAMPLE[0], 2020, "new_members", 300, "exact", "m1-6"),
            (SAMPLE[0], 2019, "aid_persons", 4000),
        ],
        kind="report",
    )
    assert (
        list(overview(con, 2019).index) == ["aid_persons"] and overview(con, 2019).loc["aid_persons", "value"] == 4000
    )
    assert overview(con, 2020).empty
    assert run_query(con, "metric_trend", city=CITY, metric="aid_persons")["value"].tolist() == [4000]
    assert run_query(con, "city_metric_trend", city=CITY, metric="aid_persons")["value"].tolist() == [4000]
    other = run_query(con, "other_figures", city=CITY, year=2019)
    assert sorted(other["period"]) == ["each:2015-2019", "total:2015-2019"]  # 2020's half year is later: left out
    assert run_query(con, "other_figures", city=CITY, year=2020)["period"].tolist()[0] == "m1-6"
    row = other.set_index("period").loc["each:2015-2019"]
    assert (row["value"], row["qualifier"], row["metric_code"]) == (20_000_000, "more_than", "aid_amount")


@pytest.mark.parametrize(
    "rows,year,partial,partial_n",
    [
        # (year, n_reported): 2024 complete, 2025 partial → 2024 with a banner for 2025's 3/16
        ([(2025, 3), (2024, 16), (2023, 16)], 2024, 2025, 3),
        ([(2024, 16), (2023, 16)], 2024, None, 0),
        # nothing complete: the latest year with calendar-year figures
        ([(2023, 3), (2022, 4)], 2023, None, 0),
        # only other periods' figures (a five-year total at 2019): that year
        ([(2019, 0)], 2019, None, 0),
        # a year of only other figures after the annual ones is not a partial year
        ([(2018, 0), (2016, 16)], 2016, None, 0),
    ],
)
def test_choose_year_picks_the_latest_year_every_district_reported(rows, year, partial, partial_n):
    df = pd.DataFrame([{"year": y, "n_reported": n, "n_districts": 16, "has_targets": True} for y, n in rows])
    got = choose_year(df)
    assert (got.year, got.partial_year, got.partial_reported) == (year, partial, partial_n)


def test_default_year_and_year_status_from_the_store(con):
    load(con, [(d, y, "aid_persons", 100) for d in SAMPLE for y in (2023, 2024)])
    load(con, [(d, 2025, "aid_persons", 100) for d in SAMPLE[:3]])
    got = default_year(con, CITY)
    assert (got.year, got.partial_year, got.partial_reported, got.n_districts) == (2024, 2025, 3, 16)
    assert not got.has_targets
    status = year_status(con, CITY, 2024)
    assert status == {"n_reported": 16, "n_districts": 16, "has_targets": False, "compared_with": 2023}
    assert year_status(con, CITY, 2023)["compared_with"] is None
    assert default_year(con, "杭州市").year is None
