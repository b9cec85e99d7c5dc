"""Forged grid rows, infinities and unknown labels are refused; no visitor clears the shared cache or opens
sessions without bound; the file watcher leaves .venv alone."""

import math
import tomllib
from pathlib import Path

import pytest

from etl.db import open_store
from etl.edits import plan_correction, plan_targets, targets_from_grid
from ui import hardening

ROOT = Path(__file__).resolve().parent.parent
METRICS = {"集体合同签订率": "contract_rate_collective"}
DISTRICTS = {"东城区": "900101"}


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 1e309])
def test_a_correction_to_a_non_finite_value_is_refused(fresh_db, value):
    with open_store(fresh_db, read_only=True) as con:
        plan = plan_correction(con, "900101", 2023, {"disputes_reported": value}, "x")
    if isinstance(value, float) and math.isnan(value):
        assert not plan.ok or not plan.records  # NaN from the grid is an empty cell upstream
    else:
        assert [p.code for p in plan.problems if p.severity == "error"] == ["not_finite"]


@pytest.mark.parametrize("value", [1e308, -1e308, 2e15])
def test_a_finite_but_implausible_value_in_either_grid_is_out_of_range(fresh_db, value):
    """1e308 is finite: the grids refuse it as too large (naming the indicator), never store it."""
    with open_store(fresh_db, read_only=True) as con:
        correction = plan_correction(con, "900101", 2023, {"disputes_reported": value}, "x")
        rows, refused = targets_from_grid([("集体合同签订率", 2024, "", value)], METRICS, DISTRICTS)
        target = plan_targets(con, rows, "x", None, refused)
    for plan in (correction, target):
        errors = [p for p in plan.problems if p.severity == "error"]
        assert [p.code for p in errors] == ["value_out_of_range"] and not plan.ok


def test_a_forged_correction_row_is_refused_not_a_crash(fresh_db):
    with open_store(fresh_db, read_only=True) as con:
        plan = plan_correction(con, "900101", 2023, {"'; drop table x; --": 1.0, "disputes_reported": 10.0}, "x")
    assert not plan.ok and "grid_unknown_row" in {p.code for p in plan.problems}


@pytest.mark.parametrize(
    "row,code",
    [
        (("集体合同签订率", 2024, "不存在区", 90.0), "grid_unknown_district"),
        (("集体合同签订率", 2024, "<b>东城区</b>", 90.0), "grid_unknown_district"),
        (("伪造指标", 2024, "", 90.0), "grid_unknown_row"),
        (("集体合同签订率", 2024.5, "", 90.0), "bad_year"),
        (("集体合同签订率", 2024, "", math.inf), "not_finite"),
        (("集体合同签订率", 2024, "", 1e308 * 10), "not_finite"),
    ],
)
def test_targets_grid_refuses_what_it_never_offered(row, code):
    rows, problems = targets_from_grid([row], METRICS, DISTRICTS)
    assert rows == [] and [p.code for p in problems] == [code]


def test_an_unknown_district_is_never_a_city_wide_target(fresh_db):
    rows, refused = targets_from_grid([("集体合同签订率", 2024, "不存在区", 95.0)], METRICS, DISTRICTS)
    with open_store(fresh_db, read_only=True) as con:
        plan = plan_targets(con, rows, "x", None, refused)
    assert not plan.ok and not any(t.district is None and t.value == 95.0 for t in plan.targets)


def test_targets_grid_years_outside_the_range_are_refused_on_the_server(fresh_db):
    rows, refused = targets_from_grid([("集体合同签订率", 99999, "", 90.0)], METRICS, DISTRICTS)
    with open_store(fresh_db, read_only=True) as con:
        plan = plan_targets(con, rows, "x", None, refused)
    assert [p.code for p in plan.problems if p.severity == "error"] == ["year_out_of_range"]


def test_a_clear_cache_request_clears_only_its_own_session():
    import streamlit as st
    from streamlit.runtime.app_session import AppSession

    calls = []

    @st.cache_data
    def shared(x):
        calls.append(x)
        return x

    shared(1)
    hardening.keep_caches_to_ourselves()

    class Session:
        _session_state = {"mine": 1}

    s = Session()
    AppSession._handle_clear_cache_request(s)
    shared(1)
    assert calls == [1] and s._session_state == {}


def test_sessions_are_limited_per_client_and_per_server(monkeypatch):
    monkeypatch.setattr(hardening, "_SEEN", {})
    monkeypatch.setattr(hardening, "MAX_SESSIONS_PER_CLIENT", 3)
    monkeypatch.setattr(hardening, "MAX_SESSIONS", 5)
    assert all(hardening.admit(f"a{n}", "10.0.0.1", now=0.0) for n in range(3))
    assert not hardening.admit("a3", "10.0.0.1", now=1.0)
    assert hardening.admit("a0", "10.0.0.1", now=1.0)  # sessions already admitted go on
    assert hardening.admit("b0", "10.0.0.2", now=1.0) and hardening.admit("b1", "10.0.0.2", now=1.0)
    assert not hardening.admit("c0", "10.0.0.3", now=1.0)  # the server is full
    assert hardening.admit("a3", "10.0.0.1", now=1.0 + hardening.SESSION_IDLE_SECONDS + 1)  # idle ones expire


def test_closed_tabs_do_not_count_against_the_session_limit(monkeypatch):
    """An office behind one address: 40 people opening and closing pages in 10 minutes are never shut out."""
    monkeypatch.setattr(hardening, "_SEEN", {})
    monkeypatch.setattr(hardening, "MAX_SESSIONS_PER_CLIENT", 3)
    open_now = set()
    for n in range(40):
        open_now = {f"s{n}", f"s{n - 1}"}  # each person's page closes after the next one opened
        assert hardening.admit(f"s{n}", "10.0.0.1", now=float(n), connected=open_now.__contains__)
    assert len(hardening._SEEN) <= 2
    live = open_now | {"x0"}
    assert hardening.admit("x0", "10.0.0.1", now=50.0, connected=live.__contains__)  # three pages open: the limit
    assert not hardening.admit("x1", "10.0.0.1", now=51.0, connected=(live | {"x1"}).__contains__)


def test_the_file_watcher_ignores_the_venv():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert ".venv" in config["server"]["folderWatchBlacklist"]


def test_no_table_offers_streamlits_own_download():
    """Its CSV writes =HYPERLINK(...) as a live formula; tests/e2e/test_downloads.py checks the tables themselves."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True
