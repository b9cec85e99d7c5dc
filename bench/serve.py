"""A Streamlit server on a free loopback port for the benchmark, started as its own process and stopped by its PID."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Server:
    base: str  # http://127.0.0.1:PORT
    pid: int

    def cpu_s(self) -> float:
        """CPU seconds the server process has used (user + system): a measure that other jobs on the machine
        disturb far less than elapsed time."""
        import os

        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> tuple[float, float]:
        """(current, peak) resident memory of the server process, MB."""
        now = peak = float("nan")
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
        return now, peak


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(script: Path, env: dict[str, str], start_timeout_s: float = 60.0) -> Iterator[Server]:
    """`streamlit run script` headless on 127.0.0.1, until the block ends."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    streamlit = Path(sys.executable).with_name("streamlit")
    cmd = [str(streamlit), "run", str(script), "--server.headless", "true", "--server.address", "127.0.0.1",
           "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
           "--server.runOnSave", "false"]  # fmt: skip
    # BENCH_SERVER_LOG=FILE keeps the server's output (a redacted "This app has encountered an error" in a
    # viewer's page has its traceback there); by default it is dropped
    log_path = os.environ.get("BENCH_SERVER_LOG")
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115 (closed when the server is)
    proc = subprocess.Popen(cmd, cwd=script.parent, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + start_timeout_s
        while True:
            try:
                if urllib.request.urlopen(f"{base}/_stcore/health", timeout=2).read() == b"ok":
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"streamlit did not start: {script}")
            time.sleep(0.2)
        yield Server(base, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if log is not subprocess.DEVNULL:
            log.close()
