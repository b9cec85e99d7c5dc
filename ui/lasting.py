"""The lasting-login cookie: two routes of the server (serve.py mounts them on st.App) and the page's side of them.

Streamlit's script cannot set a cookie, and a cookie set by the page's JavaScript cannot be HttpOnly. So the
cookie is set by the server's own route, the one supported way (st.App routes): after a checked login the page
posts a one-time hand-over code (etl/sessions.py) to POST /union/session, which answers with

    Set-Cookie: union_session=<random token>; HttpOnly; SameSite=Strict; Path=<base>/; Max-Age=<lifetime>[; Secure]

Secure is added when the request came over https (behind a TLS proxy that says so). Script in the page never sees
the token. POST /union/logout clears the cookie; the token itself is revoked on the server before that.
A refresh or a new tab sends the cookie with the websocket handshake, where `st.context.cookies` reads it.

Both routes accept only same-origin JSON posts (the Origin header must name this server), so another site cannot
log a visitor in under its own account or out.

Served under `server.baseUrlPath` (`--server.baseUrlPath dash`: the app at /dash/), the routes, the page's posts
and the cookie's Path move under it too (/dash/union/session, Path=/dash/): st.App mounts its own routes under the
base path but user routes where they say, and a proxy that forwards /dash/ alone must reach them.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import streamlit as st

from etl import sessions

SESSION_ROUTE = "/union/session"
LOGOUT_ROUTE = "/union/logout"
MAX_BODY_BYTES = 1024  # a hand-over code is 43 characters


def base_path() -> str:
    """The server's base URL path as a prefix: "" at the root, "/dash" under `server.baseUrlPath` "dash"."""
    from streamlit import config

    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


def cookie_path() -> str:
    """Where the browser sends the cookie: the app's pages and its websocket, nothing else on the host."""
    return base_path() + "/"


def _same_origin(request) -> bool:
    origin = request.headers.get("origin", "")
    host = request.headers.get("host", "")
    if not origin or not host:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()


def _refused(status: int):
    from starlette.responses import Response

    return Response(status_code=status, headers={"Cache-Control": "no-store"})


async def _read_code(request) -> str | None:
    if not _same_origin(request) or request.headers.get("content-type", "").split(";")[0] != "application/json":
        return None
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        return None
    try:
        code = json.loads(body).get("code")
    except (ValueError, AttributeError):
        return None
    return code if isinstance(code, str) else None


def _client(request) -> str:
    """The client's address as ui.auth.client_id() names it (st.context gives no address for loopback)."""
    host = request.client.host if request.client else ""
    return "local" if not host or host in {"127.0.0.1", "::1"} else host


async def session_endpoint(request):
    """Exchange a hand-over code for the HttpOnly session cookie (204), or refuse (403) without a cookie."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    code = await _read_code(request)
    if code is None:
        return _refused(403)
    lifetime = await run_in_threadpool(sessions.lifetime_seconds)
    if lifetime <= 0:
        return _refused(403)
    token = await run_in_threadpool(sessions.SESSIONS.redeem, code, _client(request), lifetime)
    if token is None:
        return _refused(403)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.set_cookie(
        sessions.COOKIE_NAME,
        token,
        max_age=int(lifetime),
        path=cookie_path(),
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


async def logout_endpoint(request):
    """Revoke the cookie's token and clear the cookie (same-origin posts only)."""
    from starlette.concurrency import run_in_threadpool
    from starlette.responses import Response

    if not _same_origin(request):
        return _refused(403)
    token = request.cookies.get(sessions.COOKIE_NAME)
    if token:
        await run_in_threadpool(sessions.SESSIONS.revoke, token)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.delete_cookie(
        sessions.COOKIE_NAME, path=cookie_path(), httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return response


def routes() -> list:
    """The two routes, for st.App(routes=...), under the server's base URL path."""
    from starlette.routing import Route

    return [
        Route(base_path() + SESSION_ROUTE, session_endpoint, methods=["POST"]),
        Route(base_path() + LOGOUT_ROUTE, logout_endpoint, methods=["POST"]),
    ]


# The page's side ---------------------------------------------------------------------------------------------------

_PENDING = "_lasting_pending"  # session-state key: the script to run once on the next run


def _post_script(route: str, body: dict) -> str:
    # json.dumps of a dict of plain strings: safe inside a <script> (no "</" can occur in a url-safe code)
    payload = json.dumps(json.dumps(body))
    return (
        "<script>fetch(" + json.dumps(base_path() + route) + ", {method: 'POST', credentials: 'same-origin', "
        "headers: {'Content-Type': 'application/json'}, body: " + payload + "}).catch(() => {});</script>"
    )


def remember(name: str, client: str) -> None:
    """After a checked login: on the next run, the page trades a hand-over code for the lasting cookie."""
    if sessions.lifetime_seconds() <= 0:
        return
    code = sessions.SESSIONS.hand_off(name, client)
    st.session_state[_PENDING] = _post_script(SESSION_ROUTE, {"code": code})


def forget() -> None:
    """After a log-out: on the next run, the page asks the server to clear the cookie."""
    st.session_state[_PENDING] = _post_script(LOGOUT_ROUTE, {})


def run_pending() -> None:
    """Run the hand-over or clearing script left by the last run, once (an invisible element in the sidebar)."""
    script = st.session_state.pop(_PENDING, None)
    if script:
        st.sidebar.html(script, unsafe_allow_javascript=True, width=1)


def cookie_token() -> str:
    """The lasting-login token the browser sent with this session's websocket handshake ("" when none)."""
    try:
        value = st.context.cookies.get(sessions.COOKIE_NAME)
    except Exception:  # no browser (AppTest, bare mode)
        return ""
    return value if isinstance(value, str) else ""
