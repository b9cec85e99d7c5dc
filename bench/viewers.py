"""A small, bounded Streamlit client for the concurrency benchmark: N viewers on loopback, each switching years.

Each viewer speaks the browser's protocol: one websocket on /_stcore/stream, BackMsg rerun requests (the client
state: query string, page, widget states, and the hashes of the messages it already holds, as the browser's
message cache does) and ForwardMsg replies (protobuf classes shipped with streamlit). A viewer opens the page,
finds the year selector among the widgets the server sent, then for `seconds` picks another year, waits for the rerun to
finish, pauses `think_s` and picks again, until `seconds` have passed. The redraw time of a switch runs from
the request to the first chart of the new year (`chart_s`) and to the end of the rerun (`finished_s`).

An error is an exception shown on the page, a rerun that does not finish successfully, a reply slower than
`timeout_s`, or a broken connection. Everything is bounded: the whole run ends by `seconds + 3 × timeout_s`.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED_OK = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


@dataclass
class Rerun:
    """What the server sent for one rerun."""

    chart_s: float | None = None  # request → the first Plotly chart
    finished_s: float | None = None  # request → script finished
    ok: bool = False
    exceptions: list[str] = field(default_factory=list)
    selectboxes: dict[str, tuple[str, list[str], str]] = field(default_factory=dict)  # id → (label, options, value)
    charts: int = 0
    bytes: int = 0


@dataclass
class Viewer:
    """One viewer's results."""

    first: Rerun | None = None
    switches: list[Rerun] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


class Session:
    """One websocket session of the app."""

    def __init__(self, ws):
        self.ws = ws
        self.cached: dict[str, ForwardMsg] = {}  # cacheable messages received, by hash, as the browser keeps them

    async def rerun(self, widgets: list, timeout_s: float, query: str = "") -> Rerun:
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = query
        cs.widget_states.widgets.extend(widgets)
        cs.cached_message_hashes.extend(sorted(self.cached))
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        out = Rerun()
        deadline = t0 + timeout_s
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no script_finished within {timeout_s:.0f} s")
            raw = await asyncio.wait_for(self.ws.recv(), left)
            out.bytes += len(raw)
            fm = ForwardMsg()
            fm.ParseFromString(raw)
            if fm.WhichOneof("type") == "ref_hash":  # a message this client holds: the server sent only its hash
                if fm.ref_hash not in self.cached:
                    raise KeyError(f"reference to an unknown message {fm.ref_hash}")
                fm = self.cached[fm.ref_hash]
            elif fm.metadata.cacheable and fm.hash:
                self.cached[fm.hash] = fm
            kind = fm.WhichOneof("type")
            if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
                el = fm.delta.new_element
                what = el.WhichOneof("type")
                if what == "plotly_chart":
                    out.charts += 1
                    if out.chart_s is None:
                        out.chart_s = time.perf_counter() - t0
                elif what == "exception":
                    out.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:300])
                elif what == "selectbox":
                    sb = el.selectbox
                    value = sb.raw_value if sb.HasField("raw_value") else ""
                    out.selectboxes[sb.id] = (sb.label, list(sb.options), value)
            elif kind == "script_finished":
                status = fm.script_finished
                if status == ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
                    continue
                out.finished_s = time.perf_counter() - t0
                out.ok = status == FINISHED_OK and not out.exceptions
                return out


def viewer_address(n: int) -> str:
    """A loopback address of its own for viewer `n` (127.0.0.2, 127.0.0.3 …), as each person in the room has their
    own device: the server's limit of sessions per client address (ui/hardening.py) applies to each viewer."""
    return f"127.0.{n // 250}.{2 + n % 250}"


def year_widget(r: Rerun, label: str) -> tuple[str, list[str], str] | None:
    for wid, (lbl, options, value) in r.selectboxes.items():
        if lbl == label and options:
            return wid, options, value
    return None


async def one_viewer(
    url: str, seconds: float, think_s: float, timeout_s: float, year_label: str, seed: int, start: asyncio.Event
) -> Viewer:
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    v = Viewer()
    rng = random.Random(seed)
    await start.wait()
    try:
        async with websockets.connect(
            url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=timeout_s,
            ping_interval=None,
            local_addr=(viewer_address(seed), 0),
        ) as ws:
            s = Session(ws)
            v.first = await s.rerun([], timeout_s)
            if not v.first.ok:
                v.errors.append("first render: " + ("; ".join(v.first.exceptions) or "not finished"))
                return v
            found = year_widget(v.first, year_label)
            if found is None:
                v.errors.append("no year selector")
                return v
            wid, options, current = found
            stop_at = time.perf_counter() + seconds  # switching time counts from the page drawn
            while time.perf_counter() < stop_at:
                choice = rng.choice([o for o in options if o != current] or options)
                w = WidgetState(id=wid, string_value=choice)
                r = await s.rerun([w], timeout_s)
                v.switches.append(r)
                if not r.ok:
                    v.errors.append("switch: " + ("; ".join(r.exceptions) or "not finished"))
                current = choice
                await asyncio.sleep(think_s * rng.uniform(0.5, 1.5))
    except (OSError, TimeoutError, websockets.WebSocketException) as err:
        v.errors.append(f"{type(err).__name__}: {err}"[:300])
    return v


def _pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


async def _run(base: str, n: int, seconds: float, think_s: float, timeout_s: float, year_label: str) -> list[Viewer]:
    url = base.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
    start = asyncio.Event()
    tasks = [
        asyncio.create_task(one_viewer(url, seconds, think_s, timeout_s, year_label, seed, start)) for seed in range(n)
    ]
    start.set()
    return await asyncio.wait_for(asyncio.gather(*tasks), seconds + 3 * timeout_s)


def run_viewers(
    base: str, n: int, seconds: float = 30.0, think_s: float = 1.0, timeout_s: float = 30.0, year_label: str = "年份"
) -> dict:
    """`n` concurrent viewers switching years for `seconds` against the server at `base` (http://127.0.0.1:PORT):
    the first render, the redraw of every switch (median, p95, max) and the errors."""
    t0 = time.perf_counter()
    viewers = _run_in_own_loop(_run(base, n, seconds, think_s, timeout_s, year_label))
    wall = time.perf_counter() - t0
    first = [v.first.finished_s for v in viewers if v.first and v.first.finished_s is not None]
    chart = [r.chart_s for v in viewers for r in v.switches if r.chart_s is not None]
    done = [r.finished_s for v in viewers for r in v.switches if r.finished_s is not None]
    errors = [e for v in viewers for e in v.errors]
    return {
        "viewers": n,
        "seconds": seconds,
        "think_s": think_s,
        "wall_s": wall,
        "switches": len(done),
        "first_render_median_s": statistics.median(first) if first else float("nan"),
        "first_render_max_s": max(first) if first else float("nan"),
        "redraw_chart_median_s": statistics.median(chart) if chart else float("nan"),
        "redraw_chart_p95_s": _pct(chart, 0.95),
        "redraw_median_s": statistics.median(done) if done else float("nan"),
        "redraw_p95_s": _pct(done, 0.95),
        "redraw_max_s": max(done) if done else float("nan"),
        "bytes_per_switch": statistics.median([r.bytes for v in viewers for r in v.switches]) if done else 0,
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:5],
    }


def concurrency_run(env: dict[str, str], seconds: float = 30.0, think_s: float = 1.0, counts=(25, 50)) -> dict:
    """One dashboard server: a single viewer first (the imports and the first queries), then each count of
    concurrent viewers in turn; the server's peak memory is read right after the first count's run."""
    from bench.serve import ROOT, serve

    out: dict = {}
    with serve(ROOT / "serve.py", env) as app:
        out["one"] = run_viewers(app.base, 1, min(seconds, 10.0), think_s)
        for n in counts:
            out[str(n)] = run_viewers(app.base, n, seconds, think_s)
            out[str(n)]["rss_mb"], out[str(n)]["peak_rss_mb"] = app.rss_mb()
    return out


def _run_in_own_loop(coro):
    """asyncio.run(coro), in a thread of its own where this thread already runs a loop (Playwright's sync API in the
    same pytest process leaves one running: asyncio.run then refused with RuntimeError)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    import threading

    out: dict = {}

    def work() -> None:
        try:
            out["value"] = asyncio.run(coro)
        except BaseException as err:  # handed to the caller's thread
            out["error"] = err

    thread = threading.Thread(target=work, name="bench-viewers")
    thread.start()
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["value"]
