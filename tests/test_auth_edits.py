"""Editor accounts (hashes only, throttled logins) and browser edits (corrections, targets) through the ETL path."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from etl import auth
from etl.db import open_store
from etl.edits import plan_correction, plan_targets
from etl.store import BatchError, commit, rollback

ROOT = Path(__file__).resolve().parent.parent


def current(con, d, y, i):
    row = con.execute(
        "select value from current_observations where district_code=$d and year=$y and indicator_code=$i",
        {"d": d, "y": y, "i": i},
    ).fetchone()
    return row[0] if row else None


def test_password_hash_is_salted_and_verifies():
    a, b = auth.hash_password("correct horse"), auth.hash_password("correct horse")
    assert a != b and a.startswith("scrypt$")
    assert auth.verify_password("correct horse", a) and not auth.verify_password("wrong", a)
    assert not auth.verify_password("x", "garbage") and not auth.verify_password("x", "")


def test_add_editor_command_writes_only_a_hash(tmp_path):
    path = tmp_path / "secrets.toml"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl",
            "add-editor",
            "wangfang",
            "--districts",
            "900101,900102",
            "--display-name",
            "王芳",
            "--password-stdin",
            "--secrets",
            str(path),
        ],
        input="a-long-password\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    text = path.read_text(encoding="utf-8")
    assert "a-long-password" not in text
    entry = tomllib.loads(text)["editors"]["wangfang"]
    assert entry["districts"] == ["900101", "900102"] and entry["display_name"] == "王芳"
    editor = auth.authenticate("wangfang", "a-long-password", path)
    assert editor.scope() == {"900101", "900102"} and editor.can_edit
    assert auth.authenticate("wangfang", "nope", path) is None


def test_add_editor_refuses_unknown_districts_and_short_passwords(tmp_path):
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl",
            "add-editor",
            "x",
            "--districts",
            "999999",
            "--password-stdin",
            "--secrets",
            str(tmp_path / "s.toml"),
        ],
        input="a-long-password\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2 and "999999" in r.stderr
    with pytest.raises(ValueError):
        auth.add_editor("x", "short", path=tmp_path / "s.toml")


def test_viewer_accounts_cannot_edit(tmp_path):
    path = tmp_path / "s.toml"
    auth.add_editor("boss", "boss-password", path=path, role="viewer")
    user = auth.authenticate("boss", "boss-password", path)
    assert user.role == "viewer" and not user.can_edit


def test_throttle_makes_repeated_failures_wait_longer():
    th = auth.LoginThrottle()
    for i in range(auth.FREE_ATTEMPTS):
        assert th.wait_seconds("a", now=100.0 + i) == 0
        th.failed("a", now=100.0 + i)
    first = th.wait_seconds("a", now=103.0)
    th.failed("a", now=110.0)
    assert first > 0 and th.wait_seconds("a", now=110.0) == 2 * auth.FIRST_WAIT_SECONDS
    assert th.wait_seconds("b", now=110.0) == 0  # other names are not affected
    th.succeeded("a")
    assert th.wait_seconds("a", now=110.0) == 0


def test_correction_is_its_own_batch_and_rolls_back(fresh_db):
    with open_store(fresh_db) as con:
        plan = plan_correction(
            con, "900101", 2023, {"contract_rate_collective": 95.5, "total_members": None}, "核对台账"
        )
        assert plan.ok and len(plan.changed) == 2
        batch = commit(plan, con, by="editor", kind="correction", note="核对台账")
        assert current(con, "900101", 2023, "contract_rate_collective") == 95.5
        assert current(con, "900101", 2023, "total_members") is None  # cleared
        assert con.execute("select kind, note from batches where batch_id=$b", {"b": batch}).fetchone() == (
            "correction",
            "核对台账",
        )
        rollback(con, batch, by="editor")
        assert current(con, "900101", 2023, "total_members") == 20500


def test_correction_needs_a_note_and_a_change_and_is_checked(fresh_db):
    with open_store(fresh_db) as con:
        assert {
            p.code for p in plan_correction(con, "900101", 2023, {"contract_rate_collective": 96.0}, " ").problems
        } == {"note_required"}
        assert {
            p.code for p in plan_correction(con, "900101", 2023, {"contract_rate_collective": 94.0}, "x").problems
        } == {"nothing_changed"}
        bad = plan_correction(con, "900101", 2023, {"contract_rate_collective": 140.0, "disputes_resolved": 50.0}, "x")
        assert {p.code for p in bad.problems if p.severity == "error"} == {"percent_out_of_range", "rule_violation"}


def test_scope_is_enforced_by_the_etl_for_corrections_targets_and_rollbacks(fresh_db):
    scope = {"900101"}
    with open_store(fresh_db) as con:
        p = plan_correction(con, "900102", 2023, {"contract_rate_collective": 95.0}, "x", scope)
        assert [x.code for x in p.problems] == ["district_outside_scope"] and "西城区" in p.problems[0].message()
        p = plan_targets(con, [("contract_rate_collective", 2024, None, 92.0)], "x", scope)
        assert [x.code for x in p.problems] == ["target_outside_scope"]
        own = plan_targets(con, [("contract_rate_collective", 2024, "900101", 92.0)], "x", scope)
        assert [x.code for x in own.problems] == ["target_outside_scope"]  # not even their own district's
        assert "审核人或全市编辑" in own.problems[0].message("zh")
        with pytest.raises(BatchError) as e:
            rollback(con, 2, by="scoped", allowed_districts=scope)  # the 2022 file holds four districts
        assert e.value.code == "outside_scope"
        assert "无权修改" in e.value.message("zh") and "may not change" in e.value.message("en")


def test_targets_are_set_changed_and_cleared_as_batches(fresh_db):
    with open_store(fresh_db) as con:
        p = plan_targets(
            con, [("contract_rate_collective", 2023, None, 92.0), ("contract_rate_wage", 2024, None, 82.0)], "新目标"
        )
        assert p.ok and (p.targets_new, p.targets_changed) == (1, 1)
        commit(p, con, by="t", kind="targets", note="新目标")
        t = dict(
            con.execute(
                "select indicator_code || year, value from current_targets where district_code is null"
            ).fetchall()
        )
        assert t["contract_rate_collective2023"] == 92.0 and t["contract_rate_wage2024"] == 82.0
        p = plan_targets(con, [("contract_rate_wage", 2024, None, None)], "取消")
        commit(p, con, by="t", kind="targets", note="取消")
        assert (
            con.execute(
                "select count(*) from current_targets where indicator_code='contract_rate_wage' and year=2024"
            ).fetchone()[0]
            == 0
        )


def test_carrying_last_years_targets_over_fills_only_what_the_year_lacks():
    from etl.edits import carry_over_targets, year_to_carry_over

    current = [("rate", 2023, None, 90.0), ("rate", 2023, "900102", 85.0), ("disputes", 2023, None, 5.0)]
    current += [("disputes", 2024, None, 4.0)]
    assert carry_over_targets(current, 2023, 2024) == [("rate", 2024, None, 90.0), ("rate", 2024, "900102", 85.0)]
    assert year_to_carry_over([2022, 2023, 2024, 2025], [2022, 2023]) == (2023, 2025)
    assert year_to_carry_over([2023], [2023]) is None
    assert year_to_carry_over([2016, 2018], []) is None
