"""The page-head middleware of serve.py: the phone stylesheet and sidebar script are in every HTML page served."""

from __future__ import annotations

import gzip

from bench.viewers import _run_in_own_loop
from ui.head import HeadMiddleware, inject
from ui.phone import head_html

PAGE = b"<!DOCTYPE html><html><head><title>x</title></head><body><div id=root></div></body></html>"


def _app(body: bytes, content_type: bytes = b"text/html; charset=utf-8", status: int = 200, chunks: int = 1):
    """An ASGI app answering every request with `body` (in `chunks` parts); it records the request it saw."""
    seen: dict = {}

    async def app(scope, receive, send):
        seen["scope"] = scope
        encoded = body
        headers = [(b"content-type", content_type), (b"etag", b'"abc"')]
        if (b"accept-encoding", b"gzip") in scope["headers"]:
            encoded = gzip.compress(body)
            headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(encoded)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        step = max(1, len(encoded) // chunks)
        parts = [encoded[i : i + step] for i in range(0, len(encoded), step)]
        for i, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(parts) - 1})

    return app, seen


def _get(app, path: str, headers=((b"accept-encoding", b"gzip"), (b"if-none-match", b'"abc"'))):
    sent: list = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": path, "headers": list(headers), "extensions": {}}
    # in a thread of its own where a loop already runs (the browser tests' Playwright loop, in the whole suite)
    _run_in_own_loop(app(scope, receive, send))
    start = sent[0]
    body = b"".join(m.get("body", b"") for m in sent[1:])
    return start, dict(start["headers"]), body


def test_every_page_carries_the_phone_stylesheet_and_sidebar_script_uncompressed():
    inner, seen = _app(PAGE, chunks=3)
    start, headers, body = _get(HeadMiddleware(inner, html=head_html()), "/disputes")
    assert start["status"] == 200 and b"content-encoding" not in headers
    head = body.split(b"</head>")[0].decode()
    assert "st-key-wide_" in head and "stSidebarCollapseButton" in head  # the stylesheet and the script
    assert int(headers[b"content-length"]) == len(body) and b"etag" not in headers  # a rewritten file, not the old
    asked = dict(seen["scope"]["headers"])
    assert b"accept-encoding" not in asked and b"if-none-match" not in asked  # whole and new, never a 304


def test_streamlit_routes_and_other_content_pass_untouched():
    inner, seen = _app(b'{"ok": true}', content_type=b"application/json")
    _, headers, body = _get(HeadMiddleware(inner, html="<style></style>"), "/_stcore/health")
    assert gzip.decompress(body) == b'{"ok": true}' and headers[b"content-encoding"] == b"gzip"
    inner, _ = _app(b"not a page", content_type=b"text/plain")
    _, _, body = _get(HeadMiddleware(inner, html="<style></style>"), "/favicon.txt")
    assert body == b"not a page"
    inner, _ = _app(PAGE, status=404)
    _, _, body = _get(HeadMiddleware(inner, html="<style>x</style>"), "/missing")
    assert body == PAGE


def test_inject_puts_html_before_the_head_end_and_leaves_a_headless_page_alone():
    assert inject(b"<html><HEAD></HEAD></html>", "<style>a</style>") == b"<html><HEAD><style>a</style></HEAD></html>"
    assert inject(b"<p>fragment</p>", "<style>a</style>") == b"<p>fragment</p>"
