"""Lasting logins in a real browser: a login survives a refresh and a new tab through an HttpOnly, SameSite=Strict
cookie; log-out ends it in every tab; expired, revoked, forged and altered tokens are refused."""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request

import pytest

from etl import auth, sessions

pytestmark = pytest.mark.e2e

LOGGED_IN = "已登录"
EDIT_PAGE = "/upload"  # a page that asks for an editor login


def log_in(page, base, name, password):
    page.goto(f"{base}{EDIT_PAGE}")
    page.get_by_label("账号").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    page.get_by_text(LOGGED_IN).wait_for()


def session_cookie(context) -> dict | None:
    """The lasting-login cookie once the page's hand-over has set it (it follows the login by one request)."""
    for _ in range(50):
        found = [c for c in context.cookies() if c["name"] == sessions.COOKIE_NAME]
        if found:
            return found[0]
        context.pages[0].wait_for_timeout(100)
    return None


def log_out(page, context) -> None:
    """Press 退出登录 and wait until the server has handled it: the cookie is cleared (by the script of the run
    after the log-out) and the sidebar no longer says logged in.

    Waiting for the login form alone is not enough: right after a login, the form from before it can still be on
    the page (stale, until the run that follows the login has drawn the main area), so it is "found" at once; the
    test then closed the browser before the click reached the server, the log-out never happened, and the copied
    cookie still worked (5 of 10 runs with the server slowed to a fifth of its speed; none with this wait)."""
    page.get_by_role("button", name="退出登录").click()
    for _ in range(300):
        if not any(c["name"] == sessions.COOKIE_NAME for c in context.cookies()):
            break
        page.wait_for_timeout(100)
    assert not any(c["name"] == sessions.COOKIE_NAME for c in context.cookies())
    page.get_by_text(LOGGED_IN).wait_for(state="detached")
    page.get_by_label("账号").wait_for()


def shows_login_form(page, base) -> bool:
    page.goto(f"{base}{EDIT_PAGE}")
    page.get_by_label("账号").wait_for()
    return page.get_by_text(LOGGED_IN).count() == 0


def with_cookie(browser, base, value):
    context = browser.new_context(locale="zh-CN")
    host = base.split("//")[1].split(":")[0]
    context.add_cookies([{"name": sessions.COOKIE_NAME, "value": value, "domain": host, "path": "/", "httpOnly": True}])
    return context


@pytest.fixture
def own_account(server_secrets, monkeypatch):
    """An editor of this test alone (its password is changed below), in the server's accounts file."""
    monkeypatch.setenv("UNION_SECRETS", str(server_secrets))
    name, password = f"lasting-{secrets.token_hex(3)}", "lasting-pass-1"
    auth.add_editor(name, password, None, "长效登录", server_secrets)
    return name, password


def test_a_login_survives_refresh_and_new_tab_and_log_out_ends_it_everywhere(app_server, browser, own_account):
    name, password = own_account
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        log_in(page, app_server, name, password)
        cookie = session_cookie(context)
        assert cookie is not None and cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert password not in cookie["value"] and name not in cookie["value"]
        assert sessions.COOKIE_NAME not in page.evaluate("document.cookie")  # script in the page cannot read it

        page.reload()
        page.get_by_text(LOGGED_IN).wait_for()
        other = context.new_page()
        other.goto(f"{app_server}{EDIT_PAGE}")  # a copied link in a new tab
        other.get_by_text(LOGGED_IN).wait_for()
        assert "code" not in page.url and "token" not in page.url

        log_out(page, context)
        assert shows_login_form(page, app_server)
        assert shows_login_form(other, app_server)
    finally:
        context.close()


def test_a_stolen_cookie_stops_working_after_log_out(app_server, browser, own_account):
    """Log-out revokes the token on the server, so a copy of the cookie taken before it is refused too."""
    name, password = own_account
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        log_in(page, app_server, name, password)
        stolen = session_cookie(context)["value"]
        log_out(page, context)  # at once, while the run after the login may still be drawing
    finally:
        context.close()
    copy = with_cookie(browser, app_server, stolen)
    try:
        assert shows_login_form(copy.new_page(), app_server)
    finally:
        copy.close()


def test_expired_revoked_forged_and_altered_tokens_are_refused(app_server, browser, own_account, server_secrets):
    name, password = own_account
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        log_in(page, app_server, name, password)
        good = session_cookie(context)["value"]
    finally:
        context.close()

    table = sessions.SessionStore(server_secrets.with_name("sessions.sqlite"))
    expired = table.redeem(table.hand_off(name, "local"), "local", lifetime_s=-1.0)
    altered = good[:-2] + ("AA" if not good.endswith("AA") else "BB")
    forged = secrets.token_urlsafe(sessions.TOKEN_BYTES)
    for value in (expired, altered, forged, "x" * 4000, "' or 1=1 --"):
        refused = with_cookie(browser, app_server, value)
        try:
            assert shows_login_form(refused.new_page(), app_server), value[:20]
        finally:
            refused.close()

    still = with_cookie(browser, app_server, good)  # the untouched token still works ...
    try:
        page = still.new_page()
        page.goto(f"{app_server}{EDIT_PAGE}")
        page.get_by_text(LOGGED_IN).wait_for()
        auth.add_editor(name, "a-new-password-2", None, "长效登录", server_secrets)  # ... until the password changes
        assert shows_login_form(page, app_server)
    finally:
        still.close()


def post(base, route, body, origin):
    request = urllib.request.Request(
        f"{base}{route}",
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Content-Type": "application/json", **({"Origin": origin} if origin else {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            return r.status, r.headers.get_all("Set-Cookie") or []
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_all("Set-Cookie") or []


def test_the_cookie_route_refuses_other_sites_reused_codes_and_other_clients(app_server, own_account, server_secrets):
    name, _ = own_account
    table = sessions.SessionStore(server_secrets.with_name("sessions.sqlite"))
    code = table.hand_off(name, "local")
    assert post(app_server, "/union/session", {"code": code}, "http://evil.example") == (403, [])
    assert post(app_server, "/union/session", {"code": code}, None) == (403, [])
    fresh = table.hand_off(name, "local")
    status, cookies = post(app_server, "/union/session", {"code": fresh}, app_server)
    assert status == 204 and "HttpOnly" in cookies[0] and "SameSite=strict" in cookies[0]
    assert post(app_server, "/union/session", {"code": fresh}, app_server) == (403, [])  # one use only
    elsewhere = table.hand_off(name, "10.1.2.3")  # issued to another client address
    assert post(app_server, "/union/session", {"code": elsewhere}, app_server) == (403, [])


def test_under_a_base_url_path_the_login_lasts_and_ends_through_routes_under_it(
    based_app_server, browser, own_account, server_secrets
):
    """`--server.baseUrlPath union` (the app at /union/, as behind a proxy that forwards that alone): the page posts
    to /union/union/session, the cookie's Path is /union/, and a new tab and log-out work as at the root."""
    name, password = own_account
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        log_in(page, based_app_server, name, password)
        cookie = session_cookie(context)
        assert cookie is not None and cookie["path"] == "/union/" and cookie["httpOnly"]
        other = context.new_page()
        other.goto(f"{based_app_server}{EDIT_PAGE}")
        other.get_by_text(LOGGED_IN).wait_for()
        log_out(page, context)
        assert shows_login_form(other, based_app_server)
    finally:
        context.close()
    origin = based_app_server.removesuffix("/union")
    table = sessions.SessionStore(server_secrets.with_name("sessions.sqlite"))
    status, cookies = post(origin, "/union/union/session", {"code": table.hand_off(name, "local")}, origin)
    assert status == 204 and "Path=/union/" in cookies[0]
    assert post(origin, "/union/union/logout", {}, origin)[0] == 204
