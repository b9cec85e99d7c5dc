"""The years figures may be for: a configured range (default 2000 to next year), the same for every way in."""

from __future__ import annotations

import datetime as dt
import os

# UNION_MIN_YEAR / UNION_MAX_YEAR widen or narrow it, e.g. for loading older archives.
DEFAULT_MIN_YEAR = 2000


def year_range() -> tuple[int, int]:
    """(first, last) year accepted; read each time so a changed setting needs no restart."""
    first = int(os.environ.get("UNION_MIN_YEAR") or DEFAULT_MIN_YEAR)
    last = int(os.environ.get("UNION_MAX_YEAR") or dt.date.today().year + 1)
    return first, last


def year_ok(year: object, bounds: tuple[int, int] | None = None) -> bool:
    """True for an int (not a bool, not 2024.5) within year_range() (or `bounds`, read once for many years)."""
    if isinstance(year, bool) or not isinstance(year, int):
        return False
    first, last = bounds or year_range()
    return first <= year <= last
