"""Editor accounts: salted scrypt password hashes in .streamlit/secrets.toml, district scopes, login throttling.

The file holds only hashes, never passwords:

    [dashboard]
    require_login_to_view = false     # true: viewers must log in too

    [editors.wangfang]
    display_name = "王芳"
    password_hash = "scrypt$16384$8$1$<salt>$<hash>"
    districts = ["900101", "900102"]  # optional: may change only these districts
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRETS = ROOT / ".streamlit" / "secrets.toml"

# scrypt cost: about 50 ms per check here, and 16 MB of memory: slow for guessing, quick for a person.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
# Failed logins per user name before each further attempt must wait; the wait doubles up to the cap (seconds).
FREE_ATTEMPTS = 3
FIRST_WAIT_SECONDS = 2.0
MAX_WAIT_SECONDS = 300.0

NAME = re.compile(r"[A-Za-z0-9_.-]{1,40}")


def secrets_path(path: str | Path | None = None) -> Path:
    """The secrets file: the argument, else $UNION_SECRETS, else .streamlit/secrets.toml in the repo."""
    return Path(path or os.environ.get("UNION_SECRETS") or DEFAULT_SECRETS)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of a password against a stored scrypt hash; False for anything malformed."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(
            password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


@dataclass(frozen=True)
class Editor:
    """A logged-in account. Viewers (role "viewer") may only look, where viewing needs a login."""

    name: str
    display_name: str
    districts: frozenset[str] | None  # None: every district
    role: str = "editor"

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"

    @property
    def can_review(self) -> bool:
        """A reviewer (city staff, `[reviewers.NAME]`): approves, returns, locks; never uploads (etl.cycle)."""
        return self.role == "reviewer"

    def scope(self) -> set[str] | None:
        return set(self.districts) if self.districts is not None else None


@dataclass
class Settings:
    require_login_to_view: bool = False
    editors: dict[str, dict] = field(default_factory=dict)
    viewers: dict[str, dict] = field(default_factory=dict)
    reviewers: dict[str, dict] = field(default_factory=dict)


def load_settings(path: str | Path | None = None) -> Settings:
    p = secrets_path(path)
    if not p.is_file():
        return Settings()
    data = tomllib.loads(p.read_text(encoding="utf-8"))
    dash = data.get("dashboard", {})
    return Settings(
        bool(dash.get("require_login_to_view", False)),
        dict(data.get("editors", {})),
        dict(data.get("viewers", {})),
        dict(data.get("reviewers", {})),
    )


def authenticate(name: str, password: str, path: str | Path | None = None) -> Editor | None:
    """The editor when name and password match, else None (the same slow check either way)."""
    settings = load_settings(path)
    name = name.strip()
    role = "editor" if name in settings.editors else "reviewer" if name in settings.reviewers else "viewer"
    entry = settings.editors.get(name) or settings.reviewers.get(name) or settings.viewers.get(name)
    stored = entry.get("password_hash", "") if entry else ""
    ok = verify_password(password, stored or _DUMMY_HASH)
    if not (entry and ok):
        return None
    districts = entry.get("districts")
    return Editor(name, entry.get("display_name") or name, frozenset(districts) if districts else None, role)


# Checked when the name is unknown, so that a wrong name takes as long as a wrong password.
_DUMMY_HASH = hash_password("timing-equaliser")


class LoginThrottle:
    """Counts failed logins per user name (across sessions of one server) and makes further attempts wait."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, tuple[int, float]] = {}  # name -> (failures, time of the last one)

    def wait_seconds(self, name: str, now: float | None = None) -> float:
        """How long this name must still wait before another attempt (0 when it may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            count, last = self._failures.get(name, (0, 0.0))
        if count < FREE_ATTEMPTS:
            return 0.0
        wait = min(FIRST_WAIT_SECONDS * 2 ** (count - FREE_ATTEMPTS), MAX_WAIT_SECONDS)
        return max(0.0, last + wait - now)

    def failed(self, name: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            count, _ = self._failures.get(name, (0, 0.0))
            self._failures[name] = (count + 1, now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)


THROTTLE = LoginThrottle()


def _toml_value(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    s = str(v).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{s}"'


def _dump(data: dict, prefix: str = "") -> str:
    """A small TOML writer for this file's shape: tables of strings, booleans, numbers and string lists."""
    lines: list[str] = []
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    for k, v in scalars.items():
        lines.append(f"{k} = {_toml_value(v)}")
    for k, v in tables.items():
        name = f"{prefix}.{k}" if prefix else k
        if any(not isinstance(x, dict) for x in v.values()) or not v:
            lines.append("")
            lines.append(f"[{name}]")
        lines.append(_dump(v, name))
    return "\n".join(x for x in lines if x is not None)


def add_editor(
    name: str,
    password: str,
    districts: list[str] | None = None,
    display_name: str | None = None,
    path: str | Path | None = None,
    role: str = "editor",
) -> Path:
    """Write (or replace) an editor's entry: the salted hash only. Other entries and settings are kept."""
    if not NAME.fullmatch(name):
        raise ValueError("editor names use letters, digits, '.', '_' and '-' (at most 40)")
    if len(password) < 8:
        raise ValueError("the password needs at least 8 characters")
    p = secrets_path(path)
    data = tomllib.loads(p.read_text(encoding="utf-8")) if p.is_file() else {}
    entry: dict[str, object] = {"display_name": display_name or name, "password_hash": hash_password(password)}
    if districts:
        entry["districts"] = list(districts)
    table = {"editor": "editors", "reviewer": "reviewers"}.get(role, "viewers")
    for other in {"editors", "reviewers", "viewers"} - {table}:
        data.get(other, {}).pop(name, None)  # one account, one role
    data.setdefault(table, {})[name] = entry
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(
        "# Written by `python -m etl add-editor`: password hashes only.\n" + _dump(data).strip() + "\n",
        encoding="utf-8",
    )
    os.chmod(tmp, 0o600)
    tmp.replace(p)
    return p
