"""Shared fixtures: the hand-made workbooks, and a store loaded from them through the real ETL."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Password hashes at a tenth of the production cost (2^17, 128 MB each): the suite makes hundreds of logins.
os.environ.setdefault("UNION_SCRYPT_N", str(2**14))
# No views made for other years in the background (ui/warm.py) but in its own tests: no thread outliving a test.
os.environ.setdefault("UNION_WARM_YEARS", "0")

import pytest  # noqa: E402

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


@pytest.fixture(scope="module")
def secrets_file(tmp_path_factory) -> Path:
    """Editor accounts for the staff pages: an administrator and two editors limited to one district each."""
    from etl import auth

    path = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    auth.add_editor("admin", "admin-pass-1", None, "管理员", path)
    auth.add_editor("dongcheng", "dong-pass-1", ["900101"], "东城编辑", path)
    auth.add_editor("xicheng", "xi-pass-123", ["900102"], "西城编辑", path)
    return path


@pytest.fixture
def staff_app(fresh_db, secrets_file, monkeypatch):
    """The whole app under AppTest on a writable store, with the editor accounts and no login throttling."""
    from streamlit.testing.v1 import AppTest

    from etl import auth

    monkeypatch.setenv("UNION_DB", str(fresh_db))
    monkeypatch.setenv("UNION_SECRETS", str(secrets_file))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(auth, "THROTTLE", auth.LoginThrottle())
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    return at


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The generated sample city (示例市, 16 districts, 2015–2024) loaded through the real ETL (read-only for tests)."""
    d = tmp_path_factory.mktemp("sample")
    assert cli.cmd_sample(str(d / "sample.duckdb"), str(d / "files"), False, "zh") == 0
    return d / "sample.duckdb"
