"""Shared fixtures: the hand-made workbooks, and a store loaded from them through the real ETL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import build as fixture_build  # noqa: E402

from etl import cli, db  # noqa: E402

GOOD = ("targets", "wide_2022", "csv_2023_gbk", "long")


@pytest.fixture(scope="session")
def fixture_files(tmp_path_factory) -> dict[str, Path]:
    return fixture_build.build(tmp_path_factory.mktemp("fixtures"))


@pytest.fixture(scope="session")
def fixture_db(fixture_files, tmp_path_factory) -> Path:
    """A store with the good fixtures loaded by the real command-line path (read-only for tests)."""
    path = tmp_path_factory.mktemp("store") / "fixture.duckdb"
    code = cli.cmd_load([str(fixture_files[k]) for k in GOOD], str(path), None, False, "pytest", "zh")
    assert code == 0
    return path


@pytest.fixture
def empty_db(tmp_path) -> Path:
    path = tmp_path / "empty.duckdb"
    with db.open_store(path):
        pass
    return path


@pytest.fixture
def fresh_db(fixture_files, tmp_path) -> Path:
    """A writable store with the good fixtures, one per test."""
    path = tmp_path / "fresh.duckdb"
    code = cli.cmd_load([str(fixture_files[k]) for k in GOOD], str(path), None, False, "pytest", "zh")
    assert code == 0
    return path
