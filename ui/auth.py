"""Login for editors (and viewers, where viewing needs a login): a form checked against salted hashes, throttled per
name and client; optionally an OIDC provider through st.login.

A session keeps only the account's name, when it logged in and a stamp of its password hash. Every run (every
click) looks the account up again in the accounts file: a removed account is logged out, a narrowed one has its
new districts at once, a changed password ends its sessions, and logging out ends every session of the account.

A login lasts beyond its tab (a refresh, a new tab, a copied link) through the HttpOnly session cookie that
ui/lasting.py and etl/sessions.py keep: a session without a login takes the cookie's account when its token is
valid, and a session that came from a cookie checks its token again on every run (log-out elsewhere, expiry, a
changed password, role or scope end it).
"""

from __future__ import annotations

import time

import streamlit as st

from etl import auth as accounts
from etl.auth import Editor, authenticate, current_account, load_settings
from etl.catalog import load_catalog
from etl.sessions import SESSIONS
from ui import lasting
from ui.i18n import t

SESSION_KEY = "editor"


def client_id() -> str:
    """The client's address as the server sees it ("local" under AppTest or without one)."""
    try:
        ip = st.context.ip_address
    except Exception:
        return "local"
    return ip if isinstance(ip, str) and ip else "local"


def _log_in(user: Editor, token_hash: str = "") -> None:
    found = current_account(user.name)
    stamp = found[1] if found else ""
    st.session_state[SESSION_KEY] = {"name": user.name, "issued": time.time(), "stamp": stamp, "token": token_hash}


def _from_cookie() -> dict | None:
    """The login the browser's lasting cookie carries, when its token is valid now (kept in the session)."""
    token = lasting.cookie_token()
    if not token:
        return None
    found = SESSIONS.check(token)
    account = current_account(found.name) if found is not None else None
    if account is None:
        return None
    _log_in(account[0], found.token_hash)
    return st.session_state[SESSION_KEY]


def _log_out() -> None:
    st.session_state.pop(SESSION_KEY, None)


def current_user() -> Editor | None:
    """The logged-in account as the accounts file says now, or None (and the session logged out)."""
    held = st.session_state.get(SESSION_KEY)
    if not isinstance(held, dict):
        if held is not None:
            _log_out()
        held = _from_cookie()
        if held is None:
            return None
    found = current_account(held["name"])
    if (
        found is None
        or found[1] != held.get("stamp")
        or not accounts.REVOCATIONS.valid(held["name"], held.get("issued", 0.0))
        or (held.get("token") and SESSIONS.check_hash(held["token"]) is None)
    ):
        _log_out()
        return None
    return found[0]


def current_editor() -> Editor | None:
    user = current_user()
    return user if user is not None and user.can_edit else None


def _oidc_user() -> Editor | None:
    """The account (editor or viewer) whose `email` matches the one st.login signed in, where OIDC is set up."""
    try:
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email", "")).lower()
    except Exception:  # no [auth] section in secrets: OIDC is not set up
        return None
    if not email:
        return None
    settings = load_settings()
    for role, table in (("editor", settings.editors), ("reviewer", settings.reviewers), ("viewer", settings.viewers)):
        for name, entry in table.items():
            if str(entry.get("email", "")).lower() == email:
                return accounts.editor_from(name, entry, role)
    return None


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:
        return False


def login_form(key: str = "login") -> None:
    """The name and password form; on success the user is kept in the session and the page reruns."""
    with st.form(key):
        name = st.text_input(t("login_name"))
        password = st.text_input(t("login_password"), type="password")
        submitted = st.form_submit_button(t("login_button"), type="primary")
    if _oidc_configured():
        st.button(t("login_oidc"), on_click=st.login)
    if not submitted:
        return
    name, client = name.strip(), client_id()
    wait = accounts.THROTTLE.reserve(name, client)  # counted before the slow check: parallel tries queue here
    if wait > 0:
        st.error(t("login_wait", seconds=int(wait) + 1))
        return
    user = authenticate(name, password)
    if user is None:
        accounts.THROTTLE.reserved_failed(name, client)
        st.error(t("login_failed"))
        return
    accounts.THROTTLE.succeeded(name, client)
    _log_in(user)
    lasting.remember(user.name, client)  # the next run trades a one-time code for the HttpOnly cookie
    st.rerun()


def account_ui() -> None:
    """In the sidebar: who is logged in (and the districts they may change), with a log-out button."""
    lasting.run_pending()
    user = current_user() or _oidc_user()
    if user is None:
        return
    cat = load_catalog()
    scope = (
        "、".join(cat.districts[d].name_zh for d in sorted(user.districts)) if user.districts else t("all_districts")
    )
    st.sidebar.caption(t("logged_in_as", name=user.display_name, scope=scope if user.can_edit else t("viewer")))
    if st.sidebar.button(t("logout"), key="logout"):
        accounts.REVOCATIONS.revoke(user.name)  # every tab of this account on this server
        SESSIONS.revoke_account(user.name)  # and every lasting login of it, on every device
        _log_out()
        lasting.forget()
        try:
            if st.user.is_logged_in:
                st.logout()
        except Exception:
            pass
        st.rerun()


def require_viewer() -> None:
    """Where the settings make viewing need a login, stop here until someone has logged in."""
    if load_settings().require_login_to_view and current_user() is None and _oidc_user() is None:
        st.info(t("login_to_view"))
        login_form("login_view")
        st.stop()


def require_editor() -> Editor:
    """The logged-in editor, as the accounts file says now; otherwise a login form, and nothing more is drawn."""
    editor = current_editor()
    if editor is None:
        oidc = _oidc_user()
        editor = oidc if oidc is not None and oidc.can_edit else None
    if editor is None:
        st.info(t("login_needed"))
        login_form("login_edit")
        st.stop()
    return editor
