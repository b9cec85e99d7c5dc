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


def small_changes(df: pd.DataFrame, unit: str) -> pd.Series:
    """Per row of metric_by_district: whether its change on last year rests on fewer than SMALL_COUNT events in
    either year (the query's small_change, which counts the events behind a ratio in both years), or, where only
    this year's count is known (small_count), on fewer this year; for a count of events its own two values."""
    small = pd.Series(False, index=df.index)
    for col in ("small_change", "small_count"):
        if col in df:
            small |= df[col].astype("boolean").fillna(False).astype(bool)
    if unit == "count" and {"value", "prev_value"} <= set(df.columns):
        small |= (df["value"] < SMALL_COUNT) | (df["prev_value"] < SMALL_COUNT)
    return small


def changes(df: pd.DataFrame, unit: str) -> pd.DataFrame:
    """metric_by_district rows with `shown_change` (on change_basis) and `small_change` (small_changes, where
    there is a change)."""
    out = df.copy()
    out["shown_change"] = out[change_basis(unit)].astype("float64")
    out["small_change"] = small_changes(df, unit) & out["shown_change"].notna()
    return out


def small_change(value: float | None, prev_value: float | None, unit: str) -> bool:
    """Whether one change of a count of events rests on fewer than SMALL_COUNT cases in either year (the rule
    `changes` applies per district, for a single row such as a district profile's)."""
    if unit != "count" or value is None or prev_value is None or pd.isna(value) or pd.isna(prev_value):
        return False
    return value < SMALL_COUNT or prev_value < SMALL_COUNT
