"""What one visitor may do to everyone: clear no shared cache, open no unbounded number of sessions."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import streamlit as st

# Sessions of one client address seen within SESSION_IDLE_SECONDS; beyond it a new session gets a message only.
# A 全委会 of 30–50 people behind one office NAT or proxy shares one address: the limit leaves room for twice that.
MAX_SESSIONS_PER_CLIENT = 100
# All sessions of the server seen within SESSION_IDLE_SECONDS; beyond it new sessions get a message only.
MAX_SESSIONS = 300
SESSION_IDLE_SECONDS = 600.0

_LOCK = threading.Lock()
_SEEN: dict[str, tuple[str, float]] = {}  # session id -> (client, last run)


def keep_caches_to_ourselves() -> None:
    """A browser's "Clear cache" (any anonymous client can send it) clears only its own session's state, not
    the query cache every viewer shares; a new batch still refreshes the cache through the data version."""
    from streamlit.runtime.app_session import AppSession

    if getattr(AppSession, "_union_guarded", False):
        return

    def clear_own_state(self) -> None:
        self._session_state.clear()

    AppSession._handle_clear_cache_request = clear_own_state
    AppSession._union_guarded = True


def _connected(session_id: str) -> bool:
    """Whether a session's browser is still connected (True where the runtime cannot say: idle expiry applies)."""
    try:
        from streamlit.runtime import Runtime

        return Runtime.instance()._session_mgr.is_active_session(session_id)
    except Exception:
        return True


def admit(
    session_id: str, client: str, now: float | None = None, connected: Callable[[str], bool] = _connected
) -> bool:
    """Whether this session may run: it was admitted before, or its client and the server are under the limits.

    Only sessions still connected count: closed tabs and refreshed pages leave at once, so an office of many people
    behind one address is not shut out by the pages it has left (idle ones go after SESSION_IDLE_SECONDS too)."""
    now = time.monotonic() if now is None else now
    with _LOCK:
        for sid, (_, last) in list(_SEEN.items()):
            if now - last > SESSION_IDLE_SECONDS or (sid != session_id and not connected(sid)):
                del _SEEN[sid]
        if session_id not in _SEEN:
            mine = sum(1 for c, _ in _SEEN.values() if c == client)
            if mine >= MAX_SESSIONS_PER_CLIENT or len(_SEEN) >= MAX_SESSIONS:
                return False
        _SEEN[session_id] = (client, now)
        return True


def session_guard() -> None:
    """Called by the frame on every run: too many sessions get a sentence and nothing else."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    from ui.auth import client_id
    from ui.i18n import t

    ctx = get_script_run_ctx()
    if ctx is None:
        return
    if not admit(ctx.session_id, client_id()):
        st.error(t("too_many_sessions"))
        st.stop()
