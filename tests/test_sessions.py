"""Lasting-login tokens (etl/sessions.py): one-time hand-over codes bound to a client, tokens that expire, are
revoked by log-out and refused when the account's password, role or scope changed; the page restores a login
from a valid cookie only (ui/auth.py)."""

import os
import re
import secrets
import stat
from pathlib import Path

import pytest
import tomlkit

from etl import auth, sessions

ROOT = Path(__file__).resolve().parent.parent
DAY = 86400.0


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    path = tmp_path / "secrets.toml"
    auth.add_editor("admin", "admin-pass-1", None, "管理员", path)
    auth.add_editor("dongcheng", "dong-pass-1", ["900101"], "东城编辑", path)
    monkeypatch.setenv("UNION_SECRETS", str(path))
    monkeypatch.delenv("UNION_SESSIONS", raising=False)
    return path


@pytest.fixture
def table(accounts):
    return sessions.SessionStore()


def token_for(table, name, now=1000.0, lifetime=DAY):
    return table.redeem(table.hand_off(name, "10.0.0.7", now=now), "10.0.0.7", lifetime, now=now)


def test_a_hand_over_code_gives_one_token_once_and_only_to_its_client(table):
    code = table.hand_off("admin", "10.0.0.7", now=1000.0)
    assert table.redeem(code, "10.0.0.8", DAY, now=1001.0) is None  # another address
    assert table.redeem(code, "10.0.0.7", DAY, now=1001.0) is None  # used up by the wrong try
    code = table.hand_off("admin", "10.0.0.7", now=1000.0)
    assert table.redeem(code, "10.0.0.7", DAY, now=1000.0 + sessions.HANDOFF_SECONDS + 1) is None  # too late
    code = table.hand_off("admin", "10.0.0.7", now=1000.0)
    token = table.redeem(code, "10.0.0.7", DAY, now=1001.0)
    assert token and len(token) >= 43 and table.redeem(code, "10.0.0.7", DAY, now=1002.0) is None
    assert table.check(token, now=1002.0).name == "admin"


def test_tokens_expire_and_forged_or_altered_ones_match_nothing(table):
    token = token_for(table, "admin")
    assert table.check(token, now=1000.0 + DAY - 1) is not None
    assert table.check(token, now=1000.0 + DAY + 1) is None
    assert table.check(token, now=1000.0) is None  # an expired token is deleted, not only refused
    token = token_for(table, "admin", now=2000.0)
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    for forged in (flipped, secrets.token_urlsafe(32), "", "x" * 5000, "' or 1=1 --", token.upper()):
        assert table.check(forged, now=2001.0) is None
    assert table.check(token, now=2001.0) is not None


def test_the_table_holds_only_hashes_and_is_private(table, accounts):
    token = token_for(table, "admin")
    path = sessions.sessions_path()
    assert path.parent == accounts.parent
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert token.encode() not in path.read_bytes()


@pytest.mark.parametrize(
    "change",
    [
        lambda p: auth.add_editor("dongcheng", "another-pass-2", ["900101"], None, p),  # password
        lambda p: auth.add_editor("dongcheng", "dong-pass-1", ["900101"], None, p, role="viewer"),  # role
        lambda p: auth.add_editor("dongcheng", "dong-pass-1", ["900101", "900102"], None, p),  # scope
    ],
    ids=["password", "role", "scope"],
)
def test_account_changes_refuse_its_tokens(table, accounts, change):
    token, other = token_for(table, "dongcheng"), token_for(table, "admin")
    change(accounts)
    assert table.check(token, now=1001.0) is None
    assert table.check(other, now=1001.0) is not None


def test_a_removed_account_and_a_log_out_end_every_token_of_it(table, accounts):
    one, two, other = token_for(table, "dongcheng"), token_for(table, "dongcheng"), token_for(table, "admin")
    assert table.revoke_account("dongcheng") == 2
    assert table.check(one, now=1001.0) is None and table.check(two, now=1001.0) is None
    assert table.check(other, now=1001.0) is not None
    doc = tomlkit.parse(accounts.read_text(encoding="utf-8"))
    del doc["editors"]["admin"]
    accounts.write_text(tomlkit.dumps(doc), encoding="utf-8")
    assert table.check(other, now=1001.0) is None


def test_a_code_issued_before_an_account_change_is_refused(table, accounts):
    code = table.hand_off("dongcheng", "10.0.0.7", now=1000.0)
    auth.add_editor("dongcheng", "another-pass-2", ["900101"], None, accounts)
    assert table.redeem(code, "10.0.0.7", DAY, now=1001.0) is None


@pytest.mark.parametrize(
    "setting,hours", [(None, 8.0), (0, 0.0), (12, 12.0), (-1, 8.0), ("nan", 8.0), (1e308, 8.0), ("x", 8.0)]
)
def test_the_lifetime_comes_from_the_settings_and_stays_sane(accounts, setting, hours):
    doc = tomlkit.parse(accounts.read_text(encoding="utf-8"))
    if setting is not None:
        doc["dashboard"] = {"session_hours": setting}
    accounts.write_text(tomlkit.dumps(doc), encoding="utf-8")
    assert sessions.lifetime_seconds() == hours * 3600.0


def page_with_cookie(token, monkeypatch, page="pages/09_corrections.py"):
    from streamlit.testing.v1 import AppTest

    from ui import lasting

    monkeypatch.setattr(lasting, "cookie_token", lambda: token)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def login_form_shown(at):
    return [t.label for t in at.text_input][:2] == ["账号", "密码"]


def test_a_page_takes_the_login_of_a_valid_cookie_only(table, fresh_db, monkeypatch):
    monkeypatch.setenv("UNION_DB", str(fresh_db))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(auth, "REVOCATIONS", auth.SessionRevocations())
    token = table.redeem(table.hand_off("dongcheng", "local"), "local", DAY)
    at = page_with_cookie(token, monkeypatch)
    assert not login_form_shown(at) and at.selectbox[-2].options == ["示例市 东城区"]
    table.revoke_account("dongcheng")  # a log-out in another tab or on another device
    at.run()
    assert login_form_shown(at)
    assert login_form_shown(page_with_cookie(token, monkeypatch))
    assert login_form_shown(page_with_cookie(secrets.token_urlsafe(32), monkeypatch))


def test_a_form_login_leaves_a_hand_over_for_the_page_script(accounts, fresh_db, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNION_DB", str(fresh_db))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(auth, "THROTTLE", auth.LoginThrottle())
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/09_corrections.py").run()
    at.text_input[0].input("admin")
    at.text_input[1].input("admin-pass-1")
    at.button[0].click().run()
    assert not at.exception and not login_form_shown(at)
    script = at.session_state["_lasting_pending"]  # run once by the frame's sidebar on the next run
    assert "/union/session" in script and "admin-pass-1" not in script
    code = re.search(r'code\\": \\"([A-Za-z0-9_-]+)', script).group(1)
    token = sessions.SessionStore().redeem(code, "local", DAY)
    assert sessions.SessionStore().check(token).name == "admin"
