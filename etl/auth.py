"""Editor accounts: salted scrypt password hashes in .streamlit/secrets.toml, district scopes, login throttling.

The file holds only hashes, never passwords:

    [dashboard]
    require_login_to_view = false     # true: viewers must log in too

    [editors.wangfang]
    display_name = "王芳"
    password_hash = "scrypt$131072$8$1$<salt>$<hash>"
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

import tomlkit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SECRETS = ROOT / ".streamlit" / "secrets.toml"

# scrypt cost as OWASP recommends (N = 2^17, r = 8, p = 1): 128 MB and about 0.4 s per check on a quiet core.
# UNION_SCRYPT_N lowers it for the test suite only; hashes made with less are re-hashed at the next login.
SCRYPT_N, SCRYPT_R, SCRYPT_P = int(os.environ.get("UNION_SCRYPT_N") or 2**17), 8, 1
SCRYPT_MAXMEM = 256 * 1024 * 1024  # bytes; hashlib's default (32 MB) is below what N = 2^17 needs
# At most this many checks at once, so a burst of logins cannot take 128 MB each.
_CHECKS = threading.BoundedSemaphore(2)
# Failed logins per (user name, client) before each further attempt must wait; the wait doubles up to the cap
# (seconds). Counting per client too means a stranger cannot lock a known editor out from elsewhere.
FREE_ATTEMPTS = 3
FIRST_WAIT_SECONDS = 2.0
MAX_WAIT_SECONDS = 300.0
# Failed logins from one client, whatever the names, before its attempts must wait too.
CLIENT_FREE_ATTEMPTS = 10

NAME = re.compile(r"[A-Za-z0-9_.-]{1,40}")


def secrets_path(path: str | Path | None = None) -> Path:
    """The secrets file: the argument, else $UNION_SECRETS, else .streamlit/secrets.toml in the repo."""
    return Path(path or os.environ.get("UNION_SECRETS") or DEFAULT_SECRETS)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    with _CHECKS:
        return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=SCRYPT_MAXMEM)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, 32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def needs_rehash(stored: str) -> bool:
    """A hash made with a lower cost than today's (re-hashed at the next successful login)."""
    try:
        kind, n, r, p, _, _ = stored.split("$")
        return kind != "scrypt" or (int(n), int(r), int(p)) < (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    except ValueError:
        return True


def verify_password(password: str, stored: str) -> bool:
    """Constant-time check of a password against a stored scrypt hash; False for anything malformed."""
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p), len(expected))
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
    session_hours: float = 8.0  # how long a lasting login (etl/sessions.py) lasts; 0: until the tab closes
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
        _hours(dash.get("session_hours", 8.0)),
        dict(data.get("editors", {})),
        dict(data.get("viewers", {})),
        dict(data.get("reviewers", {})),
    )


def _hours(value: object) -> float:
    """A lifetime in hours from the settings: finite, 0 to 30 days; anything else is the default 8."""
    try:
        hours = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 8.0
    return hours if 0.0 <= hours <= 720.0 else 8.0


def authenticate(name: str, password: str, path: str | Path | None = None) -> Editor | None:
    """The editor when name and password match, else None (the same slow check either way)."""
    settings = load_settings(path)
    name = name.strip()
    role = "editor" if name in settings.editors else "reviewer" if name in settings.reviewers else "viewer"
    entry = settings.editors.get(name) or settings.reviewers.get(name) or settings.viewers.get(name)
    stored = entry.get("password_hash", "") if entry else ""
    ok = verify_password(password, stored or _dummy_hash())
    if not (entry and ok):
        return None
    if needs_rehash(stored):
        try:
            set_password_hash(name, hash_password(password), path)
        except OSError:  # a read-only accounts file: the login still holds; the re-hash waits for a writable one
            pass
    return editor_from(name, entry, role)


def editor_from(name: str, entry: dict, role: str) -> Editor:
    districts = entry.get("districts")
    return Editor(name, entry.get("display_name") or name, frozenset(districts) if districts else None, role)


def current_account(name: str, path: str | Path | None = None) -> tuple[Editor, str] | None:
    """The account as the accounts file says now, with a stamp of its password hash; None when it is gone.

    Checked on every action of a logged-in session: a removed or narrowed account, or a changed password, takes
    effect in sessions that are already open."""
    settings = load_settings(path)
    role = "editor" if name in settings.editors else "reviewer" if name in settings.reviewers else "viewer"
    entry = settings.editors.get(name) or settings.reviewers.get(name) or settings.viewers.get(name)
    if not entry:
        return None
    stamp = hashlib.sha256(str(entry.get("password_hash", "")).encode()).hexdigest()[:16]
    return editor_from(name, entry, role), stamp


def rights_stamp(name: str, path: str | Path | None = None) -> str:
    """A stamp of what an account may do now: its role, districts and password hash ("" when it is gone).

    A lasting login (etl/sessions.py) is bound to it: a changed password, role or scope refuses the login."""
    settings = load_settings(path)
    role = "editor" if name in settings.editors else "reviewer" if name in settings.reviewers else "viewer"
    entry = settings.editors.get(name) or settings.reviewers.get(name) or settings.viewers.get(name)
    if not entry:
        return ""
    districts = ",".join(sorted(str(d) for d in entry.get("districts") or []))
    raw = "\x1f".join((name, role, districts, str(entry.get("password_hash", ""))))
    return hashlib.sha256(raw.encode()).hexdigest()


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    """Checked when the name is unknown, so that a wrong name takes as long as a wrong password."""
    if not _DUMMY:
        _DUMMY.append(hash_password("timing-equaliser"))
    return _DUMMY[0]


class LoginThrottle:
    """Counts failed logins per (user name, client) and per client, across the sessions of one server, and makes
    further attempts wait.

    An attempt is reserved (counted as failed) under the lock before the slow password check and cleared when it
    succeeds, so parallel sessions cannot all pass the check before any failure is counted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[object, tuple[int, float]] = {}  # key -> (failures, time of the last one)

    @staticmethod
    def _wait(count: int, last: float, free: int, now: float) -> float:
        if count < free:
            return 0.0
        wait = min(FIRST_WAIT_SECONDS * 2 ** (count - free), MAX_WAIT_SECONDS)
        return max(0.0, last + wait - now)

    def _wait_locked(self, name: str, client: str, now: float) -> float:
        pair = self._failures.get((name, client), (0, 0.0))
        alone = self._failures.get(("*", client), (0, 0.0))
        return max(self._wait(*pair, FREE_ATTEMPTS, now), self._wait(*alone, CLIENT_FREE_ATTEMPTS, now))

    def wait_seconds(self, name: str, client: str = "local", now: float | None = None) -> float:
        """How long this name from this client must still wait before another attempt (0 when it may try now)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            return self._wait_locked(name, client, now)

    def reserve(self, name: str, client: str = "local", now: float | None = None) -> float:
        """0 and the attempt counted (as failed until succeeded() says otherwise), or the seconds still to wait."""
        now = time.monotonic() if now is None else now
        with self._lock:
            wait = self._wait_locked(name, client, now)
            if wait > 0:
                return wait
            for key in ((name, client), ("*", client)):
                count, _ = self._failures.get(key, (0, 0.0))
                self._failures[key] = (count + 1, now)
            return 0.0

    def failed(self, name: str, client: str = "local", now: float | None = None) -> None:
        """Count a failure without a reservation (reserve() already counts its own)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            for key in ((name, client), ("*", client)):
                count, _ = self._failures.get(key, (0, 0.0))
                self._failures[key] = (count + 1, now)

    def reserved_failed(self, name: str, client: str = "local", now: float | None = None) -> None:
        """A reserved attempt failed: the wait runs from now, the end of its slow check."""
        now = time.monotonic() if now is None else now
        with self._lock:
            for key in ((name, client), ("*", client)):
                count, _ = self._failures.get(key, (1, 0.0))
                self._failures[key] = (count, now)

    def succeeded(self, name: str, client: str = "local") -> None:
        with self._lock:
            self._failures.pop((name, client), None)
            count, last = self._failures.get(("*", client), (0, 0.0))
            if count > 0:
                self._failures[("*", client)] = (count - 1, last)


class SessionRevocations:
    """Log-outs that end every session of an account (every tab, every device) on this server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._since: dict[str, float] = {}

    def revoke(self, name: str) -> None:
        with self._lock:
            self._since[name] = time.time()

    def valid(self, name: str, issued_at: float) -> bool:
        with self._lock:
            return issued_at > self._since.get(name, 0.0)


REVOCATIONS = SessionRevocations()


THROTTLE = LoginThrottle()


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
    doc = _read_doc(p)
    entry = tomlkit.table()
    entry["display_name"] = display_name or name
    entry["password_hash"] = hash_password(password)
    if districts:
        entry["districts"] = list(districts)
    section = {"editor": "editors", "reviewer": "reviewers"}.get(role, "viewers")
    for other in ("editors", "reviewers", "viewers"):
        if other != section and other in doc and name in doc[other]:
            del doc[other][name]  # one account, one role
    if section not in doc:
        doc[section] = tomlkit.table(is_super_table=True)
    doc[section][name] = entry
    _write_doc(p, doc)
    return p


def set_password_hash(name: str, new_hash: str, path: str | Path | None = None) -> None:
    """Replace an account's hash (a re-hash at a higher cost), keeping everything else of the file."""
    p = secrets_path(path)
    doc = _read_doc(p)
    for section in ("editors", "reviewers", "viewers"):
        if section in doc and name in doc[section]:
            doc[section][name]["password_hash"] = new_hash
            _write_doc(p, doc)
            return


def _read_doc(p: Path) -> tomlkit.TOMLDocument:
    """The secrets file as an editable document: comments, dates, arrays of tables and order are kept."""
    if not p.is_file():
        doc = tomlkit.document()
        doc.add(tomlkit.comment("Accounts for the dashboard: salted password hashes only (python -m etl add-editor)."))
        return doc
    return tomlkit.parse(p.read_text(encoding="utf-8"))


def _write_doc(p: Path, doc: tomlkit.TOMLDocument) -> None:
    """Write next to the file with mode 0600 from its creation (never readable by others, not even briefly),
    then move it into place."""
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_name(f"{p.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tomlkit.dumps(doc))
        os.replace(tmp, p)
    finally:
        tmp.unlink(missing_ok=True)
