"""Check parsed figures: every registered check of etl/checks.py, all problems at once."""

from __future__ import annotations

from etl.catalog import Catalog, load_catalog
from etl.checks import (
    CHECKS,
    JUMP_FACTOR,
    JUMP_MIN_COUNT,
    SAME_AS_LAST_MIN,
    SPREADSHEET,
    Checked,
    Origin,
    Stored,
    first_of_each,
    percent_hint,
    run_checks,
)
from etl.parse import Parsed
from etl.problems import Problem

__all__ = [
    "CHECKS",
    "JUMP_FACTOR",
    "JUMP_MIN_COUNT",
    "SAME_AS_LAST_MIN",
    "Stored",
    "percent_hint",
    "validate",
]


def validate(
    parsed: Parsed,
    stored: Stored,
    catalog: Catalog | None = None,
    allowed_districts: set[str] | None = None,
    *,
    origin: Origin = SPREADSHEET,
    row_of: dict[int, int] | None = None,
) -> list[Problem]:
    """Every problem at once; drops repeated records from `parsed` (the same figure twice is harmless, a conflicting
    one is reported). `row_of` numbers a report's figures (id(record) -> its number) for their messages."""
    given = parsed.records
    parsed.records = first_of_each(given)
    checked = Checked(
        parsed.file_name,
        parsed.records,
        parsed.targets,
        stored,
        catalog or load_catalog(),
        allowed_districts,
        origin,
        given,
        row_of or {},
    )
    return run_checks(checked)
