"""Login for editors (and viewers, where viewing needs a login): a form checked against salted hashes, slowed
down after repeated failures; optionally an OIDC provider through st.login."""

from __future__ import annotations

import streamlit as st

from etl import auth as accounts
from etl.auth import Editor, authenticate, load_settings
from etl.catalog import load_catalog
from ui.i18n import t

SESSION_KEY = "editor"


def current_user() -> Editor | None:
    return st.session_state.get(SESSION_KEY)


def current_editor() -> Editor | None:
    user = current_user()
    return user if user is not None and user.can_edit else None


def _oidc_user() -> Editor | None:
    """An editor whose `email` matches the account st.login signed in, where an OIDC provider is configured."""
    try:
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email", "")).lower()
    except Exception:  # no [auth] section in secrets: OIDC is not set up
        return None
    for name, entry in load_settings().editors.items():
        if email and str(entry.get("email", "")).lower() == email:
            districts = entry.get("districts")
            return Editor(name, entry.get("display_name") or name, frozenset(districts) if districts else None)
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
    wait = accounts.THROTTLE.wait_seconds(name.strip())
    if wait > 0:
        st.error(t("login_wait", seconds=int(wait) + 1))
        return
    user = authenticate(name, password)
    if user is None:
        accounts.THROTTLE.failed(name.strip())
        st.error(t("login_failed"))
        return
    accounts.THROTTLE.succeeded(name.strip())
    st.session_state[SESSION_KEY] = user
    st.rerun()


def account_ui() -> None:
    """In the sidebar: who is logged in (and the districts they may change), with a log-out button."""
    user = current_user() or _oidc_user()
    if user is None:
        return
    st.session_state[SESSION_KEY] = user
    cat = load_catalog()
    scope = (
        "、".join(cat.districts[d].name_zh for d in sorted(user.districts)) if user.districts else t("all_districts")
    )
    st.sidebar.caption(t("logged_in_as", name=user.display_name, scope=scope if user.can_edit else t("viewer")))
    if st.sidebar.button(t("logout"), key="logout"):
        st.session_state.pop(SESSION_KEY, None)
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
    """The logged-in editor; otherwise a login form, and nothing more of the page is drawn."""
    editor = current_editor() or _oidc_user()
    if editor is None:
        st.info(t("login_needed"))
        login_form("login_edit")
        st.stop()
    return editor
