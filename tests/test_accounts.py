"""Accounts: throttled logins that parallel tries cannot outrun, lockouts per name and client, OWASP scrypt with
re-hashing, a secrets file edited in place (tomlkit) and private from creation, rights re-read on every action."""

import datetime as dt
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import tomlkit

from etl import auth

ROOT = Path(__file__).resolve().parent.parent
PARALLEL = 16  # sessions guessing at the same moment


def guess(th, name, client, password, path):
    """One login attempt as ui.auth.login_form makes it."""
    if th.reserve(name, client) > 0:
        return "waited"
    if auth.authenticate(name, password, path) is None:
        th.reserved_failed(name, client)
        return "wrong"
    th.succeeded(name, client)
    return "in"


def test_parallel_guesses_get_no_more_tries_than_the_free_attempts(secrets_file):
    th = auth.LoginThrottle()
    start = threading.Barrier(PARALLEL)
    results = []

    def session(n):
        start.wait()
        results.append(guess(th, "admin", "10.0.0.9", f"wrong-{n}", secrets_file))

    threads = [threading.Thread(target=session, args=(n,)) for n in range(PARALLEL)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("wrong") == auth.FREE_ATTEMPTS and results.count("waited") == PARALLEL - auth.FREE_ATTEMPTS


def test_a_stranger_cannot_lock_an_editor_out_from_elsewhere(secrets_file):
    th = auth.LoginThrottle()
    for n in range(6):
        guess(th, "admin", "10.0.0.66", f"wrong-{n}", secrets_file)
    assert th.wait_seconds("admin", "10.0.0.66") > 0
    assert guess(th, "admin", "10.0.0.7", "admin-pass-1", secrets_file) == "in"


def test_one_client_trying_many_names_is_slowed_too():
    th = auth.LoginThrottle()
    for n in range(auth.CLIENT_FREE_ATTEMPTS):
        assert th.reserve(f"name{n}", "10.0.0.5", now=100.0 + n) == 0
    assert th.reserve("another", "10.0.0.5", now=110.0) > 0
    assert th.reserve("another", "10.0.0.6", now=110.0) == 0


def test_hashes_use_owasp_scrypt_cost_by_default():
    code = "from etl import auth; print(auth.SCRYPT_N, auth.hash_password('x' * 8).split('$')[1])"
    env = {k: v for k, v in os.environ.items() if k != "UNION_SCRYPT_N"}
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == ["131072", "131072"], r.stderr


def test_an_older_hash_is_rehashed_at_the_next_login_keeping_the_file(tmp_path, monkeypatch):
    path = tmp_path / "secrets.toml"
    auth.add_editor("old", "old-password", None, "老账号", path)
    text = "# keep me\n" + path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(auth, "SCRYPT_N", auth.SCRYPT_N * 2)
    assert auth.needs_rehash(tomlkit.parse(text)["editors"]["old"]["password_hash"])
    assert auth.authenticate("old", "old-password", path) is not None
    after = path.read_text(encoding="utf-8")
    assert "# keep me" in after
    stored = tomlkit.parse(after)["editors"]["old"]["password_hash"]
    assert stored.split("$")[1] == str(auth.SCRYPT_N) and auth.verify_password("old-password", stored)


def test_add_editor_keeps_comments_dates_and_arrays_of_tables(tmp_path):
    path = tmp_path / "secrets.toml"
    path.write_text(
        "# 单位账号，请勿外传\n"
        "[dashboard]\n"
        "require_login_to_view = true  # 内网也要登录\n"
        "reviewed = 2026-11-30T09:00:00\n\n"
        '[[auth.providers]]\nname = "a"\n\n[[auth.providers]]\nname = "b"\n',
        encoding="utf-8",
    )
    auth.add_editor("ops", "ops-password", ["900101"], None, path)
    text = path.read_text(encoding="utf-8")
    data = tomlkit.parse(text)
    assert "# 单位账号，请勿外传" in text and "# 内网也要登录" in text
    assert data["dashboard"]["reviewed"] == dt.datetime(2026, 11, 30, 9, 0)
    assert [p["name"] for p in data["auth"]["providers"]] == ["a", "b"]
    assert data["editors"]["ops"]["districts"] == ["900101"]


def test_the_secrets_file_is_private_from_its_creation(tmp_path, monkeypatch):
    path = tmp_path / "secrets.toml"
    modes = []
    real = os.fdopen

    def fdopen(fd, *a, **kw):
        modes.append(stat.S_IMODE(os.fstat(fd).st_mode))  # before any byte is written
        return real(fd, *a, **kw)

    monkeypatch.setattr(os, "fdopen", fdopen)
    auth.add_editor("ops", "ops-password", None, None, path)
    assert modes == [0o600] and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not list(tmp_path.glob("*.tmp"))


def test_add_editor_viewer_reports_a_viewing_account(tmp_path):
    path = tmp_path / "secrets.toml"
    r = subprocess.run(
        [sys.executable, "-m", "etl", "add-editor", "leader", "--viewer", "--password-stdin", "--secrets", str(path)],
        input="a-long-password\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0, r.stderr
    assert "查看账号 leader" in r.stdout and "全部区县" not in r.stdout and "编辑账号" not in r.stdout
    assert "leader" in tomlkit.parse(path.read_text(encoding="utf-8"))["viewers"]


@pytest.fixture
def own_secrets(tmp_path, monkeypatch):
    path = tmp_path / "secrets.toml"
    auth.add_editor("admin", "admin-pass-1", None, "管理员", path)
    auth.add_editor("dongcheng", "dong-pass-1", ["900101"], "东城编辑", path)
    monkeypatch.setenv("UNION_SECRETS", str(path))
    monkeypatch.setattr(auth, "REVOCATIONS", auth.SessionRevocations())
    return path


def app_logged_in(name, password, page="pages/09_corrections.py"):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click().run()
    assert not at.exception
    return at


def login_form_shown(at):
    return [t.label for t in at.text_input][:2] == ["账号", "密码"]


def test_removed_narrowed_or_repassworded_accounts_change_open_sessions(fresh_db, own_secrets, monkeypatch):
    monkeypatch.setenv("UNION_DB", str(fresh_db))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(auth, "THROTTLE", auth.LoginThrottle())
    at = app_logged_in("dongcheng", "dong-pass-1")
    assert not login_form_shown(at) and at.selectbox[-2].options == ["示例市 东城区"]
    doc = tomlkit.parse(own_secrets.read_text(encoding="utf-8"))
    doc["editors"]["dongcheng"]["districts"] = ["900102"]
    own_secrets.write_text(tomlkit.dumps(doc), encoding="utf-8")
    at.run()
    assert at.selectbox[-2].options == ["示例市 西城区"]  # narrowed: the new scope at once
    auth.add_editor("dongcheng", "new-password-9", ["900102"], None, own_secrets)
    at.run()
    assert login_form_shown(at)  # a changed password ends the session
    at = app_logged_in("dongcheng", "new-password-9")
    doc = tomlkit.parse(own_secrets.read_text(encoding="utf-8"))
    del doc["editors"]["dongcheng"]
    own_secrets.write_text(tomlkit.dumps(doc), encoding="utf-8")
    at.run()
    assert login_form_shown(at)  # removed: logged out


def test_logging_out_in_one_tab_logs_out_the_others(fresh_db, own_secrets, monkeypatch):
    monkeypatch.setenv("UNION_DB", str(fresh_db))
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(auth, "THROTTLE", auth.LoginThrottle())
    one, two = app_logged_in("admin", "admin-pass-1"), app_logged_in("admin", "admin-pass-1")
    # what the sidebar's 退出登录 button does (AppTest runs a switched-to page without the frame's sidebar)
    auth.REVOCATIONS.revoke("admin")
    one.run()
    assert login_form_shown(one)
    two.run()
    assert login_form_shown(two)


def test_sso_viewers_get_in_where_viewing_needs_a_login(own_secrets, monkeypatch):
    import streamlit as st

    from ui import auth as ui_auth

    doc = tomlkit.parse(own_secrets.read_text(encoding="utf-8"))
    doc["viewers"] = {"leader": {"display_name": "领导", "password_hash": "x", "email": "Leader@Example.org"}}
    own_secrets.write_text(tomlkit.dumps(doc), encoding="utf-8")

    class User(dict):
        is_logged_in = True

    monkeypatch.setattr(st, "user", User(email="leader@example.org"))
    user = ui_auth._oidc_user()
    assert user is not None and user.name == "leader" and not user.can_edit
