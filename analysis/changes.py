"""Change on last year, in the unit people can judge: cases (起) for counts, percentage points for rates.

A percent change on a small count misleads (2 → 3 cases is "+50 %", the second-biggest rise of the city), so
counts, people and rates per 10,000 move in their own unit; only money, whose scale differs by district, moves
in percent. A change is marked small when either year has fewer than SMALL_COUNT cases behind it.
"""

from __future__ import annotations

import pandas as pd

SMALL_COUNT = 5  # fewer events than this, in either year, make a change or a rank mostly chance
COUNT_UNITS = ("count", "person", "person_times")


def change_basis(unit: str) -> str:
    """'change' (in the metric's own unit, percentage points for a percent) or 'pct_change' (money only)."""
    return "pct_change" if unit == "yuan" else "change"


def changes(df: pd.DataFrame, unit: str) -> pd.DataFrame:
    """metric_by_district rows with `shown_change` (on change_basis) and `small_change`.

    small_change: this year's events are under SMALL_COUNT (the query's small_count), or the metric is itself
    a count of events (unit 'count') and either year's value is under SMALL_COUNT.
    """
    out = df.copy()
    out["shown_change"] = out[change_basis(unit)].astype("float64")
    small = out["small_count"].fillna(False).astype(bool)
    if unit == "count":
        small |= (out["value"] < SMALL_COUNT) | (out["prev_value"] < SMALL_COUNT)
    out["small_change"] = small & out["shown_change"].notna()
    return out


def small_change(value: float | None, prev_value: float | None, unit: str) -> bool:
    """Whether one change of a count of events rests on fewer than SMALL_COUNT cases in either year (the rule
    `changes` applies per district, for a single row such as a district profile's)."""
    if unit != "count" or value is None or prev_value is None or pd.isna(value) or pd.isna(prev_value):
        return False
    return value < SMALL_COUNT or prev_value < SMALL_COUNT
