"""Which year a page opens on, and what it is compared with: decided from the store, without streamlit.

The default year is the latest year for which every district of the city has reported calendar-year figures, so a
page never opens on a year only a few districts have sent (a partial sum would read as the city's). A newer,
partial year is named beside it ("2025年：已报送 3/16 个区县"). A city with no complete year opens on its latest
year with calendar-year figures, and a city with none (only multi-year or part-year figures from reports) on the
latest year of those.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from queries import run_query


@dataclass(frozen=True)
class YearChoice:
    """The default year of a city and the newer year not every district has reported yet (if any)."""

    year: int | None  # None: the city has no figures at all
    n_reported: int  # districts with calendar-year figures in `year`
    n_districts: int  # districts of the city
    has_targets: bool  # any target set for `year`
    partial_year: int | None = None  # the newest year after `year` that some, not all, districts have reported
    partial_reported: int = 0  # districts reporting in partial_year

    @property
    def complete(self) -> bool:
        return self.year is not None and self.n_districts > 0 and self.n_reported >= self.n_districts


def choose_year(rows: pd.DataFrame) -> YearChoice:
    """The choice from year_completeness rows (year, n_reported, n_districts, has_targets), newest first or not."""
    if rows.empty:
        return YearChoice(None, 0, 0, False)
    df = rows.sort_values("year", ascending=False)
    n_districts = int(df["n_districts"].iloc[0] or 0)
    annual = df[df["n_reported"] > 0]
    complete = annual[annual["n_reported"] >= n_districts] if n_districts else annual.iloc[0:0]
    if len(complete):
        pick = complete.iloc[0]
    elif len(annual):
        pick = annual.iloc[0]
    else:
        pick = df.iloc[0]
    newer = annual[(annual["year"] > pick["year"]) & (annual["n_reported"] < n_districts)]
    partial = newer.iloc[0] if len(newer) else None
    return YearChoice(
        int(pick["year"]),
        int(pick["n_reported"]),
        n_districts,
        bool(pick["has_targets"]),
        None if partial is None else int(partial["year"]),
        0 if partial is None else int(partial["n_reported"]),
    )


def default_year(con: duckdb.DuckDBPyConnection, city: str) -> YearChoice:
    """The year a page of `city` opens on, with the newer partial year to name in a banner."""
    return choose_year(run_query(con, "year_completeness", city=city))


def year_status(con: duckdb.DuckDBPyConnection, city: str, year: int) -> dict:
    """For a chosen year: districts reporting (of how many), whether targets are set, and the year it is compared
    with (the year before, when it has calendar-year figures; else None)."""
    df = run_query(con, "year_completeness", city=city).set_index("year")
    row = df.loc[year] if year in df.index else None
    prev = year - 1 if (year - 1) in df.index and df.loc[year - 1, "n_reported"] > 0 else None
    n_districts = int(df["n_districts"].iloc[0]) if len(df) else 0
    return {
        "n_reported": 0 if row is None else int(row["n_reported"]),
        "n_districts": n_districts,
        "has_targets": False if row is None else bool(row["has_targets"]),
        "compared_with": prev,
    }
