"""Every named query runs against a small store, and the runner binds parameters safely and strictly."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import queries
from etl.db import open_store
from queries import QueryNameError, QueryParamError, list_queries, query_params, run_query, sql_params

CITY = "示例市"
YEAR = 2023

# An example value for every parameter name any query uses; a new `$name` needs one here.
EXAMPLE_PARAMS: dict[str, object] = {
    "city": CITY,
    "year": YEAR,
    "metric": "contract_rate_collective",
    "metrics": ["disputes_reported", "disputes_resolved"],
    "district": "900101",
    "batch_id": 1,
    "districts": ["900101", "900102"],
    "years": [2022, 2023],
    "allowed": ["900101"],
    "sha": "0" * 64,
    "name": "fixture.xlsx",
    "snapshot_id": 1,
}

# The columns a query returns, in order: the contract pages and exports rely on. Add a query's entry
# here when something depends on its shape.
EXPECTED_COLUMNS: dict[str, list[str]] = {
    "metric_by_district": [
        "district_code",
        "district_zh",
        "district_en",
        "color_index",
        "value",
        "qualifier",
        "prev_value",
        "change",
        "pct_change",
        "rank",
        "prev_rank",
        "n_ranked",
        "target",
        "meets_target",
        "city_median",
        "quartile",
        "small_count",
        "small_change",
        "batch_id",
        "rank_change",
    ],
    "metric_trend": [
        "district_code",
        "district_zh",
        "district_en",
        "color_index",
        "year",
        "value",
        "qualifier",
        "target",
        "meets_target",
    ],
    "city_metric_trend": [
        "year",
        "value",
        "qualifier",
        "method",
        "coverage",
        "only_district_zh",
        "only_district_en",
        "n_reporting",
        "n_districts",
        "median",
        "target",
        "n_with_target",
        "n_meets",
    ],
}


def add_batch(con: duckdb.DuckDBPyConnection, observations=(), targets=()) -> int:
    """Fixture helper: a committed batch holding the given rows, written with plain SQL (not the ETL)."""
    batch_id = con.execute(
        """
        insert into batches (kind, source_name, created_at, created_by, status)
        values ('spreadsheet', 'fixture.xlsx', timestamp '2024-03-01 08:00:00', 'test', 'committed')
        returning batch_id
        """
    ).fetchone()[0]
    for district, year, indicator, value in observations:
        con.execute(
            "insert into observations (batch_id, district_code, year, indicator_code, value, qualifier, raw) "
            "values ($b, $d, $y, $i, $v, 'exact', cast($v as varchar))",
            {"b": batch_id, "d": district, "y": year, "i": indicator, "v": value},
        )
    for indicator, year, district, value in targets:
        con.execute(
            "insert into targets (batch_id, indicator_code, year, district_code, value) values ($b, $i, $y, $d, $v)",
            {"b": batch_id, "i": indicator, "y": year, "d": district, "v": value},
        )
    return batch_id


@pytest.fixture
def con(tmp_path: Path):
    """A fresh store with one batch: two districts of 示例市 reported for 2022–2023, the rest did not."""
    with open_store(tmp_path / "union.duckdb") as c:
        add_batch(
            c,
            observations=[
                ("900101", 2022, "contract_rate_collective", 91.0),
                ("900101", 2023, "contract_rate_collective", 93.0),
                ("900102", 2023, "contract_rate_collective", 88.5),
                ("900101", 2023, "disputes_reported", 3.0),
                ("900102", 2023, "disputes_reported", 7.0),
            ],
            targets=[
                ("contract_rate_collective", 2023, None, 90.0),  # every district
                ("contract_rate_collective", 2023, "900102", 85.0),  # 西城区's own, lower one
                ("disputes_reported", 2023, None, 5.0),
            ],
        )
        yield c


def by_code(df: pd.DataFrame) -> pd.DataFrame:
    return df.set_index("district_code")


@pytest.mark.parametrize("name", list_queries())
def test_every_query_runs_on_the_fixture_store(con, name):
    unknown = query_params(name) - set(EXAMPLE_PARAMS)
    assert not unknown, f"add example values for {sorted(unknown)} to EXAMPLE_PARAMS"
    params = {k: EXAMPLE_PARAMS[k] for k in query_params(name)}
    df = run_query(con, name, **params)
    assert len(df.columns) > 0
    assert len(set(df.columns)) == len(df.columns), "duplicate column names"
    assert all(re.fullmatch(r"[a-z_][a-z0-9_]*", c) for c in df.columns), list(df.columns)


@pytest.mark.parametrize("name", sorted(EXPECTED_COLUMNS))
def test_query_returns_its_documented_columns_and_rows(con, name):
    params = {k: EXAMPLE_PARAMS[k] for k in query_params(name)}
    df = run_query(con, name, **params)
    assert list(df.columns) == EXPECTED_COLUMNS[name]
    assert len(df) > 0


def test_there_are_queries():
    assert {"metric_by_district", "metric_trend"} <= set(list_queries())


def test_run_query_rejects_missing_param(con):
    with pytest.raises(QueryParamError, match=r"missing \$year"):
        run_query(con, "metric_by_district", city=CITY, metric="contract_rate_collective")


def test_run_query_rejects_extra_param(con):
    with pytest.raises(QueryParamError, match="unexpected district"):
        run_query(con, "metric_trend", city=CITY, metric="contract_rate_collective", district="900101")


@pytest.mark.parametrize(
    "name", ["../x", "../queries/metric_trend", "metric_trend.sql", "/etc/passwd", "Indicator_trend", ""]
)
def test_run_query_rejects_names_that_are_not_query_files(con, name):
    with pytest.raises(QueryNameError):
        run_query(con, name)


def test_run_query_rejects_unknown_query(con):
    with pytest.raises(QueryNameError, match="no query"):
        run_query(con, "no_such_query")


def test_params_in_comments_and_strings_are_ignored():
    sql = """
        -- filtered by $commented
        /* and $blocked
           over lines */
        select '$in_string' as a, 'it''s $escaped' as b, "$quoted_name" as c, $$ $dollar $$ as d,
               $tag$ $tagged $tag$ as e
        where x = $real and y = $other_real::integer
    """
    assert sql_params(sql) == {"real", "other_real"}


def test_run_query_accepts_exactly_the_uncommented_params(con, tmp_path, monkeypatch):
    (tmp_path / "probe.sql").write_text(
        "-- $not_a_param\nselect '$nor_this' as s, $n::integer + 1 as m /* $nor_that */\n", encoding="utf-8"
    )
    monkeypatch.setattr(queries, "QUERY_DIR", tmp_path)
    assert list_queries() == ["probe"]
    df = run_query(con, "probe", n=41)
    assert df.loc[0, "s"] == "$nor_this"
    assert df.loc[0, "m"] == 42


def test_metric_by_district_returns_values_and_gaps(con):
    df = run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="contract_rate_collective")
    rows = by_code(df)
    # every district of the city, and nothing from other cities or the city-level rows
    assert len(df) == 16
    assert set(rows.index) == {f"9001{n:02d}" for n in range(1, 17)}
    assert rows.loc["900101", "value"] == 93.0
    assert rows.loc["900101", "district_zh"] == "东城区"
    assert rows.loc["900102", "value"] == 88.5
    # no data: present, null, not zero
    assert pd.isna(rows.loc["900103", "value"])
    assert pd.isna(rows.loc["900103", "meets_target"])
    # ordered by value, gaps last
    assert list(df["district_code"][:2]) == ["900101", "900102"]


def test_metric_by_district_prefers_district_target(con):
    rows = by_code(run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="contract_rate_collective"))
    assert rows.loc["900101", "target"] == 90.0
    assert bool(rows.loc["900101", "meets_target"]) is True
    # 88.5 misses the city-wide 90 but meets 西城区's own 85
    assert rows.loc["900102", "target"] == 85.0
    assert bool(rows.loc["900102", "meets_target"]) is True
    # a district with a target but no value gets no verdict
    assert rows.loc["900103", "target"] == 90.0
    assert pd.isna(rows.loc["900103", "meets_target"])


def test_metric_by_district_meets_target_respects_lower_polarity(con):
    polarity = con.execute("select polarity from indicators where code = 'disputes_reported'").fetchone()[0]
    assert polarity == "lower"
    rows = by_code(run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="disputes_reported"))
    assert bool(rows.loc["900101", "meets_target"]) is True  # 3 disputes, at most 5 wanted
    assert bool(rows.loc["900102", "meets_target"]) is False  # 7 disputes


def test_rolled_back_batch_is_not_returned(con):
    later = add_batch(
        con,
        observations=[
            ("900101", YEAR, "contract_rate_collective", 50.0),
            ("900104", YEAR, "contract_rate_collective", 70.0),
        ],
    )
    rows = by_code(run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="contract_rate_collective"))
    assert rows.loc["900101", "value"] == 50.0
    assert rows.loc["900101", "batch_id"] == later

    con.execute("update batches set status = 'rolled_back' where batch_id = $b", {"b": later})
    rows = by_code(run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="contract_rate_collective"))
    assert rows.loc["900101", "value"] == 93.0
    assert rows.loc["900101", "batch_id"] != later
    assert pd.isna(rows.loc["900104", "value"])


def test_metric_trend_has_one_row_per_district_year_with_a_value(con):
    df = run_query(con, "metric_trend", city=CITY, metric="contract_rate_collective")
    assert list(zip(df["district_code"], df["year"], df["value"], strict=True)) == [
        ("900101", 2022, 91.0),
        ("900101", 2023, 93.0),
        ("900102", 2023, 88.5),
    ]


def test_malicious_city_value_is_bound_not_executed(con):
    before = con.execute("select count(*) from observations").fetchone()[0]
    df = run_query(
        con,
        "metric_by_district",
        city="'; drop table observations; --",
        year=YEAR,
        metric="contract_rate_collective",
    )
    assert len(df) == 0
    assert con.execute("select count(*) from observations").fetchone()[0] == before


def test_a_change_resting_on_few_cases_in_either_year_is_marked_small(con):
    # disputes per 10,000 members: 东城区 had 12 cases in 2022 and 3 in 2023, 西城区 9 and 7, 南湖区 4 and 11
    add_batch(
        con,
        observations=[
            *[(d, y, "total_members", 40_000.0) for d in ("900101", "900102", "900103") for y in (2022, 2023)],
            ("900101", 2022, "disputes_reported", 12.0),
            ("900102", 2022, "disputes_reported", 9.0),
            ("900103", 2022, "disputes_reported", 4.0),
            ("900103", 2023, "disputes_reported", 11.0),
        ],
    )
    rows = by_code(run_query(con, "metric_by_district", city=CITY, year=YEAR, metric="disputes_per_10k_members"))
    assert rows.loc["900101", "change"] == pytest.approx((3 - 12) / 4)  # −2.25 per 10,000, in its own unit
    assert bool(rows.loc["900101", "small_count"]) and bool(rows.loc["900101", "small_change"])  # 3 this year
    assert not rows.loc["900102", "small_count"] and not rows.loc["900102", "small_change"]  # 9 and 7
    assert not rows.loc["900103", "small_count"] and bool(rows.loc["900103", "small_change"])  # 4 last year
    assert not rows.loc["900104", "small_change"]  # no figure: no change to mark


@pytest.fixture(scope="module")
def cities_db(sample_db, tmp_path_factory) -> Path:
    """The sample city and the real cities of the bundled reports, in one store."""
    import shutil

    from etl import cli

    path = tmp_path_factory.mktemp("cities") / "cities.duckdb"
    shutil.copy(sample_db, path)
    assert cli.cmd_reports(str(path), None, False, "pytest", "zh") == 0
    return path


# a reported rate, a derived ratio (numerator and denominator), a count, an amount
METRICS_TRIED = ["contract_rate_collective", "disputes_per_10k_members", "disputes_reported", "aid_amount"]
CITY_QUERIES = sorted(n for n in list_queries() if "city" in query_params(n))


@pytest.mark.parametrize("approved", [False, True])
def test_a_query_of_one_city_gives_the_same_rows_when_the_store_shows_that_city_only(cities_db, approved):
    """A page's queries of one city read that city's rows only (etl.cycle.shadow_observations, for speed on a
    national store): every query taking $city must return exactly what it returns on the whole store, for every
    city and year, so the shortcut can never change a number."""
    from etl import cycle

    with open_store(cities_db, read_only=True) as whole:
        cities = [c for (c,) in whole.execute("select distinct city_zh from city_districts order by 1").fetchall()]
        years = [y for (y,) in whole.execute("select distinct year from observations order by 1").fetchall()]
    assert len(cities) >= 3 and CITY_QUERIES
    picked_years = sorted({years[0], years[len(years) // 2], years[-1]})
    with open_store(cities_db, read_only=True) as whole:
        if approved:
            cycle.shadow_observations(whole, approved=True)
        for city in cities:
            with open_store(cities_db, read_only=True) as scoped:
                cycle.shadow_observations(scoped, approved=approved, city=city)
                for name in CITY_QUERIES:
                    years_of = picked_years if "year" in query_params(name) else [None]
                    metrics_of = METRICS_TRIED if "metric" in query_params(name) else [None]
                    for year, metric in itertools.product(years_of, metrics_of):
                        params = {k: EXAMPLE_PARAMS[k] for k in query_params(name)} | {"city": city}
                        params |= {k: v for k, v in (("year", year), ("metric", metric)) if v is not None}
                        pd.testing.assert_frame_equal(
                            run_query(scoped, name, **params), run_query(whole, name, **params), obj=f"{name} {params}"
                        )


DISTRICT_QUERIES = sorted(n for n in list_queries() if "district" in query_params(n) and "city" not in query_params(n))


def test_a_query_of_one_district_gives_the_same_rows_when_the_store_shows_its_city_only(cities_db):
    """A district's own queries (its profile) are read against its city only (ui.data._scope_city): the same frame
    as on the whole store, for districts of every city and three years."""
    from etl import cycle
    from ui.data import _scope_city

    with open_store(cities_db, read_only=True) as whole:
        rows = whole.execute(
            "select city_zh, list(district_code order by district_code)[1:3] from city_districts group by 1 order by 1"
        ).fetchall()
        years = [y for (y,) in whole.execute("select distinct year from observations order by 1").fetchall()]
        assert DISTRICT_QUERIES and len(rows) >= 3
        for city, districts in rows:
            for district in districts:
                assert _scope_city({"district": district}) == city
                with open_store(cities_db, read_only=True) as scoped:
                    cycle.shadow_observations(scoped, city=city)
                    for name, year in itertools.product(DISTRICT_QUERIES, (years[0], years[-1], 2024)):
                        params = {k: EXAMPLE_PARAMS[k] for k in query_params(name)} | {"district": district}
                        params |= {"year": year} if "year" in params else {}
                        pd.testing.assert_frame_equal(
                            run_query(scoped, name, **params), run_query(whole, name, **params), obj=f"{name} {params}"
                        )
