"""Lasting logins: server-side session tokens, so a login survives a refresh or a new tab within its lifetime.

The browser holds only a random token in an HttpOnly, SameSite=Strict cookie (set by the server's own route,
ui/lasting.py); this table holds its SHA-256, never the token. A token is valid while it has not expired, has not
been revoked (log-out ends every token of the account) and the account's rights are what they were when it was
issued: a changed password, role or district scope, or a removed account, refuses it. A forged or altered token
matches no row.

The token reaches the cookie without ever appearing in a page or a URL: a successful login in the page leaves a
one-time hand-over code (60 s, bound to the client's address); the page's script posts that code to the server's
route, which mints the token and answers with the Set-Cookie header.

The table is a small SQLite file next to the accounts file (`UNION_SESSIONS` points elsewhere), not the DuckDB
store: a login must work while a long load holds the store's single write lock, and SQLite lets the dashboard
and the CLI (which revokes on account changes) write it at the same time.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from etl import auth

COOKIE_NAME = "union_session"
HANDOFF_SECONDS = 60.0  # a hand-over code is redeemed by the page's script at once; 60 s covers a slow link
DEFAULT_LIFETIME_HOURS = 8.0  # a working day; `[dashboard] session_hours` in the accounts file changes it
TOKEN_BYTES = 32  # 256 random bits
_SCHEMA = """
create table if not exists sessions (
    token_hash text primary key,  -- sha256 of the token; the token itself is only in the browser
    name text not null,
    rights text not null,         -- auth.rights_stamp() when issued
    issued real not null,         -- unix seconds
    expires real not null
);
create index if not exists sessions_by_name on sessions (name);
create table if not exists handoffs (
    code_hash text primary key,
    name text not null,
    rights text not null,
    client text not null,
    expires real not null
);
"""


def sessions_path(path: str | Path | None = None) -> Path:
    """The session table: the argument, else $UNION_SESSIONS, else sessions.sqlite beside the accounts file."""
    return Path(path or os.environ.get("UNION_SESSIONS") or auth.secrets_path().with_name("sessions.sqlite"))


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


@dataclass(frozen=True)
class Session:
    """A valid lasting login: whose it is, the hash that names it, and when it ends (unix seconds)."""

    name: str
    token_hash: str
    expires: float


class SessionStore:
    """The token and hand-over tables; every call opens its own short connection (threads and processes)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self._path = path

    def _connect(self) -> sqlite3.Connection:
        p = sessions_path(self._path)
        if not p.exists():
            p.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(p, os.O_WRONLY | os.O_CREAT, 0o600))  # never readable by others, from its creation
        con = sqlite3.connect(p, timeout=10, isolation_level=None)
        con.executescript(_SCHEMA)
        return con

    def hand_off(self, name: str, client: str, now: float | None = None) -> str:
        """A one-time code for the page's script to exchange for the session cookie (after a checked login)."""
        now = time.time() if now is None else now
        code = secrets.token_urlsafe(TOKEN_BYTES)
        con = self._connect()
        try:
            con.execute("delete from handoffs where expires < ?", (now,))
            con.execute(
                "insert into handoffs values (?, ?, ?, ?, ?)",
                (_hash(code), name, auth.rights_stamp(name), client, now + HANDOFF_SECONDS),
            )
        finally:
            con.close()
        return code

    def redeem(self, code: str, client: str, lifetime_s: float, now: float | None = None) -> str | None:
        """The new session token for a valid, unused hand-over code from the same client; None otherwise.

        The code is used up whether or not it is valid, so it cannot be tried twice."""
        now = time.time() if now is None else now
        con = self._connect()
        try:
            row = con.execute(
                "delete from handoffs where code_hash = ? returning name, rights, client, expires", (_hash(code),)
            ).fetchone()
            if row is None:
                return None
            name, rights, bound, expires = row
            if expires < now or not hmac.compare_digest(bound, client) or rights != auth.rights_stamp(name):
                return None
            token = secrets.token_urlsafe(TOKEN_BYTES)
            con.execute("delete from sessions where expires < ?", (now,))
            con.execute(
                "insert into sessions values (?, ?, ?, ?, ?)", (_hash(token), name, rights, now, now + lifetime_s)
            )
            return token
        finally:
            con.close()

    def check(self, token: str, now: float | None = None) -> Session | None:
        """The session a cookie's token names, when it is unexpired, unrevoked and its account's rights unchanged."""
        if not token or len(token) > 200:
            return None
        return self.check_hash(_hash(token), now)

    def check_hash(self, token_hash: str, now: float | None = None) -> Session | None:
        now = time.time() if now is None else now
        con = self._connect()
        try:
            row = con.execute(
                "select name, rights, expires from sessions where token_hash = ?", (token_hash,)
            ).fetchone()
            if row is None:
                return None
            name, rights, expires = row
            if expires < now or rights != auth.rights_stamp(name):
                con.execute("delete from sessions where token_hash = ?", (token_hash,))
                return None
            return Session(name, token_hash, expires)
        finally:
            con.close()

    def revoke(self, token: str) -> None:
        """End one lasting login (the cookie's token)."""
        con = self._connect()
        try:
            con.execute("delete from sessions where token_hash = ?", (_hash(token),))
        finally:
            con.close()

    def revoke_account(self, name: str) -> int:
        """End every lasting login of an account (log-out; account changes); how many ended."""
        con = self._connect()
        try:
            con.execute("delete from handoffs where name = ?", (name,))
            return con.execute("delete from sessions where name = ?", (name,)).rowcount
        finally:
            con.close()


SESSIONS = SessionStore()


def lifetime_seconds(path: str | Path | None = None) -> float:
    """How long a lasting login lasts: `[dashboard] session_hours` (0 turns lasting logins off), default 8 h."""
    return max(0.0, auth.load_settings(path).session_hours) * 3600.0
