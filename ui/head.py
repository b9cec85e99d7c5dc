"""What every page's HTML <head> carries from the first paint: an ASGI middleware of serve.py (st.App).

Anything a script puts in the page through `st.html` arrives late: Streamlit draws that element with a chunk of
JavaScript it loads on demand, after the page's other elements (measured in Chromium at 390 px on this 2-core
machine: the phone stylesheet came up to 3.6 s after the target cards, so the wide table showed on a phone, and a
page chosen in the sidebar within that time left the sidebar open, its click listener not yet there). What must
hold from the first paint — the phone layout's stylesheet and its sidebar script — is therefore written into the
HTML page itself by this middleware; the frame's `st.html` copies (ui/phone.py) remain for `streamlit run
dashboard.py`, where no middleware runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]

# Streamlit's own routes and ours: never an HTML page, left untouched (their compression included)
NOT_PAGES = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/", "/union/")
# Request headers dropped on a page request: the page is rewritten, so it must come whole, uncompressed and new
# (a 304 for the unchanged index.html would keep a browser's copy with an older head).
DROPPED_REQUEST_HEADERS = {b"accept-encoding", b"if-none-match", b"if-modified-since", b"range", b"if-range"}
# Response headers that described the file before it was rewritten
DROPPED_RESPONSE_HEADERS = {b"content-length", b"etag", b"last-modified", b"accept-ranges"}


def _is_page_request(scope: Scope) -> bool:
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return False
    path = scope.get("path", "")
    return not any(part in path for part in NOT_PAGES)


def inject(page: bytes, html: str) -> bytes:
    """`page` with `html` just before its </head> (unchanged where it has none)."""
    at = page.lower().find(b"</head>")
    return page if at < 0 else page[:at] + html.encode("utf-8") + page[at:]


class HeadMiddleware:
    """Writes `html` into the <head> of every HTML page the app serves (200, text/html, not compressed)."""

    def __init__(self, app: ASGIApp, html: str) -> None:
        self.app = app
        self.html = html

    async def __call__(self, scope: Scope, receive, send) -> None:
        if not _is_page_request(scope):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in DROPPED_REQUEST_HEADERS]
        # no zero-copy file sending: the body must pass through here to be rewritten
        scope["extensions"] = {
            k: v for k, v in (scope.get("extensions") or {}).items() if k != "http.response.pathsend"
        }
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = {k.lower(): v for k, v in message.get("headers", [])}
                html_page = headers.get(b"content-type", b"").startswith(b"text/html")
                if message.get("status") == 200 and html_page and b"content-encoding" not in headers:
                    start = message  # held back until the whole body is known
                    return
                await send(message)
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = inject(b"".join(chunks), self.html)
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in DROPPED_RESPONSE_HEADERS]
                headers.append((b"content-length", str(len(body)).encode("latin-1")))
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})
            else:
                await send(message)

        await self.app(scope, receive, rewrite)
