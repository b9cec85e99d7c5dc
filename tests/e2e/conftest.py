"""Browser-test harness: a real Streamlit server on a sample store, driven by Playwright in Debian's Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "e2e" / "artifacts"
# The app under test: serve.py, as `make run` starts it (dashboard.py under st.App with the lasting-login routes);
# UNION_E2E_APP points the harness at another script (to try the harness itself).
APP = Path(os.environ.get("UNION_E2E_APP") or ROOT / "serve.py")
CHROMIUM = Path(os.environ.get("UNION_E2E_CHROMIUM") or "/usr/bin/chromium")
# The background-networking flags keep Chromium from calling out: this machine's network is closed.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERVER_START_TIMEOUT_S = 60  # seconds until /_stcore/health must answer ok
E2E_EDITOR, E2E_PASSWORD = "e2e", "e2e-password-1"  # an editor account in the server's own secrets file
E2E_REVIEWER, E2E_REVIEWER_PASSWORD = "e2e-reviewer", "e2e-review-1"  # a reviewer (approves, locks) in the same file
SAMPLE_LOAD_TIMEOUT_S = 180  # seconds for `python -m etl sample` to build the store
UI_TIMEOUT_MS = 30_000  # milliseconds Playwright waits for an element by default


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200 and r.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where screenshots and the server log go (gitignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def server_secrets(tmp_path_factory) -> Path:
    """The accounts file the test server reads (its lasting-login table, sessions.sqlite, sits beside it)."""
    from etl.auth import add_editor

    secrets = add_editor(
        E2E_EDITOR, E2E_PASSWORD, None, "测试编辑", tmp_path_factory.mktemp("accounts") / "secrets.toml"
    )
    add_editor(E2E_REVIEWER, E2E_REVIEWER_PASSWORD, None, "测试审核", secrets, role="reviewer")
    return secrets


@pytest.fixture(scope="session")
def e2e_accounts() -> dict[str, tuple[str, str]]:
    """Name and password of the server's accounts by role, for tests (never `from conftest import`)."""
    return {"editor": (E2E_EDITOR, E2E_PASSWORD), "reviewer": (E2E_REVIEWER, E2E_REVIEWER_PASSWORD)}


@pytest.fixture(scope="session")
def server_store(tmp_path_factory) -> Path:
    """The store file the test server serves (the sample is loaded into it by app_server)."""
    return tmp_path_factory.mktemp("e2e") / "union.duckdb"


def _serve(store: Path, secrets: Path, log_path: Path, extra: list[str] = (), prefix: str = "") -> Iterator[str]:
    """A Streamlit server of APP on `store` (extra: more `streamlit run` options); its base URL; stopped by PID."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    streamlit = Path(sys.executable).with_name("streamlit")
    env = {**os.environ, "UNION_DB": str(store), "UNION_SECRETS": str(secrets)}
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen(
            [
                str(streamlit),
                "run",
                str(APP),
                "--server.headless",
                "true",
                "--server.address",
                "127.0.0.1",
                "--server.port",
                str(port),
                "--browser.gatherUsageStats",
                "false",
                # no file watcher: nothing edits the app during a test run, and it costs CPU on 2 cores
                "--server.fileWatcherType",
                "none",
                *extra,
            ],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT_S
        while not _healthy(f"{base}{prefix}/_stcore/health"):
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode} before answering:\n{_tail(log_path)}")
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {SERVER_START_TIMEOUT_S} s:\n{_tail(log_path)}")
            time.sleep(0.25)
        yield base
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@pytest.fixture(scope="session")
def sample_store(server_store) -> Path:
    """The server's store with the sample loaded (once per session)."""
    work = server_store.parent
    load = subprocess.run(
        [sys.executable, "-m", "etl", "sample", "--db", str(server_store), "--out", str(work / "sample")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=SAMPLE_LOAD_TIMEOUT_S,
    )
    if load.returncode != 0:
        pytest.fail(f"loading the sample store failed ({load.returncode}):\n{load.stdout}\n{load.stderr}")
    return server_store


@pytest.fixture(scope="session")
def app_server(artifacts_dir, server_secrets, sample_store) -> Iterator[str]:
    """Base URL of a Streamlit server running the dashboard on a fresh sample store; stopped by PID at the end."""
    if not APP.is_file():
        pytest.skip(f"{APP.name} does not exist yet: nothing to serve")
    yield from _serve(sample_store, server_secrets, artifacts_dir / "streamlit-server.log")


@pytest.fixture(scope="module")
def based_app_server(artifacts_dir, server_secrets, sample_store) -> Iterator[str]:
    """The same app served under `--server.baseUrlPath union` (as behind a proxy at /union/): the URL of its root,
    e.g. http://127.0.0.1:PORT/union. It only reads the store, and stops with the module that asked for it."""
    if not APP.is_file():
        pytest.skip(f"{APP.name} does not exist yet: nothing to serve")
    log = artifacts_dir / "streamlit-server-based.log"
    for base in _serve(sample_store, server_secrets, log, ["--server.baseUrlPath", "union"], prefix="/union"):
        yield f"{base}/union"


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session (Playwright's own browser downloads cannot work here)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in requirements-dev.txt")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(str(CHROMIUM)):
        message = f"{CHROMIUM} missing: run `bash scripts/system_packages.sh` (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI a silently skipped browser suite would hide regressions
        pytest.skip(message)
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page per test (no cookies or session state carried over)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    p = context.new_page()
    p.set_default_timeout(UI_TIMEOUT_MS)
    p.console_errors = []  # JavaScript errors, attached to a failed test's report
    p.on("pageerror", lambda err: p.console_errors.append(str(err)))
    p.on("console", lambda msg: p.console_errors.append(msg.text) if msg.type == "error" else None)
    try:
        yield p
    finally:
        context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On a failed browser test, keep a screenshot of the page and the browser's errors."""
    report = yield
    if report.when == "call" and report.failed:
        p = getattr(item, "funcargs", {}).get("page")
        if p is not None:
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)
            shot = ARTIFACTS / f"FAILED-{name}.png"
            try:
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                p.screenshot(path=str(shot), full_page=True)
                report.sections.append(
                    ("e2e artifacts", f"screenshot: {shot}\nserver log: {ARTIFACTS / 'streamlit-server.log'}")
                )
            except Exception as err:  # the page may be gone; the report matters more
                report.sections.append(("e2e artifacts", f"no screenshot: {err}"))
            try:  # the main pane scrolls inside the page: its text says what the screenshot may cut off
                text = p.locator('[data-testid="stMain"]').inner_text(timeout=5_000)
                report.sections.append(("page text", f"{p.url}\n{text[-6000:]}"))
            except Exception as err:
                report.sections.append(("page text", f"no page text: {err}"))
            errors = getattr(p, "console_errors", [])
            if errors:
                report.sections.append(("browser console errors", "\n".join(errors[-20:])))
    return report
