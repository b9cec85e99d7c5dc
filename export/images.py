"""Chart images (PNG for slides and documents, SVG for print) with kaleido 1.x and the system's Chromium.

Each image carries what a reader needs away from the dashboard: the title, a subtitle (year, districts), the
source line and the export date, in the figure's own colours (its explicit "union" template is kept). Sized for
16:9 slides: 1600 × 900 layout pixels at scale 2 (3200 × 1800 px), fonts enlarged to read from the back row.

kaleido's sync server keeps one Chromium running (~0.2 s per image instead of ~2 s) but is not thread-safe:
concurrent calls get each other's images. Every call goes through one process-wide lock.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import shutil
import threading

import plotly.graph_objects as go
import plotly.io as pio

import charts.theme  # noqa: F401  (registers the "union" template for figures rebuilt from JSON)
from charts import copy_figure
from export.cache import IMAGES, image_key
from texts import t
from views.view import View

# Layout pixels of an exported chart: 16:9, the shape of a slide. Scale 2 gives 3200 × 1800 px, sharp on a
# projector or a 4K screen; measured ~0.2 s warm for a 16-district ranking.
WIDTH, HEIGHT, SCALE = 1600, 900, 2.0
# Font sizes in layout pixels at WIDTH: 1 px ≈ 0.55 pt on a full-width 13.33 in slide, so 20 px ≈ 11 pt.
BASE_FONT, TITLE_FONT, SUBTITLE_FONT, SOURCE_FONT = 20, 32, 21, 16
SOURCE_COLOR = "#666666"
# Where kaleido's Chromium is looked for, in order, unless BROWSER_PATH says.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
DEBIAN_CHROMIUM = "/usr/bin/chromium"

_LOCK = threading.Lock()  # one Chromium, one caller at a time (see the module docstring)
_started = False


class ImagesUnavailable(RuntimeError):
    """No Chromium for kaleido on this machine; `message(lang)` says how to enable image export."""

    def message(self, lang: str = "zh") -> str:
        return t("images_missing", lang)


def browser_path() -> str | None:
    """The Chrome/Chromium kaleido will use: $BROWSER_PATH, else the first on PATH, else Debian's; None if none."""
    env = os.environ.get("BROWSER_PATH")
    if env:
        return env if os.access(env, os.X_OK) else None
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None


def images_available() -> bool:
    """Whether PNG/SVG export can work here (kaleido installed and a Chromium to drive). Every chart's buttons ask:
    kaleido is looked for, not imported (importing it took 0.1 s of the first page run in each server process;
    it is imported when a picture is first made)."""
    try:
        found = importlib.util.find_spec("kaleido") is not None
    except (ImportError, ValueError):
        found = False
    return found and browser_path() is not None


def image_help(lang: str = "zh") -> str:
    """What to install so that image export works (shown where the image buttons would be)."""
    return t("images_missing", lang)


def _ensure_server() -> None:
    """Start kaleido's sync server once per process (call with _LOCK held)."""
    global _started
    if _started:
        return
    path = browser_path()
    if path is None:
        raise ImagesUnavailable("no Chrome/Chromium found for kaleido")
    os.environ.setdefault("BROWSER_PATH", path)
    try:
        import kaleido
    except ImportError as err:  # found by images_available but broken: said like a missing one
        raise ImagesUnavailable(f"kaleido cannot be imported: {err}") from None

    pio.defaults.headers = None  # else plotly passes kopts per call and warns each time
    # mathjax=False: no LaTeX in these charts, and the CDN it would load is not reachable from every server.
    kaleido.start_sync_server(silence_warnings=True, mathjax=False)
    _started = True


def _render(fig: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
    with _LOCK:
        _ensure_server()
        try:
            return pio.to_image(fig, format=fmt, width=width, height=height, scale=scale, validate=False)
        except ImagesUnavailable:
            raise
        except Exception:
            # A crashed Chromium leaves the server unusable: restart it once, then give up loudly.
            _restart()
            return pio.to_image(fig, format=fmt, width=width, height=height, scale=scale, validate=False)


def _restart() -> None:
    global _started
    import kaleido

    kaleido.stop_sync_server(silence_warnings=True)
    _started = False
    _ensure_server()


def export_figure(
    fig: go.Figure,
    *,
    title: str | None = None,
    subtitle: str = "",
    source: str = "",
    exported: dt.date | None = None,
    lang: str = "zh",
    width: int = WIDTH,
    height: int = HEIGHT,
) -> go.Figure:
    """A copy of `fig` laid out for an image: title, subtitle, source line with the export date, larger fonts.

    `title` and `source` come from the View (the figure's own title text is kept when no title is given). The
    figure passed in is left unchanged; a figure that was already laid out for export is returned as it is.
    """
    meta = fig.layout.meta if isinstance(fig.layout.meta, dict) else {}
    if meta.get("exported"):
        return fig
    out = copy_figure(fig)
    main = (out.layout.title.text or "") if title is None else title
    day = (exported or dt.date.today()).isoformat()
    foot = " · ".join(x for x in (source, t("exported", lang, date=day)) if x)
    lines = [x for x in (subtitle, f"<span style='font-size:{SOURCE_FONT}px;color:{SOURCE_COLOR}'>{foot}</span>") if x]
    margin = out.layout.margin
    out.update_layout(
        template=out.layout.template or charts.theme.TEMPLATE_NAME,
        width=width,
        height=height,
        font_size=BASE_FONT,
        title=dict(
            text=main,
            font=dict(size=TITLE_FONT),
            x=0,
            xref="container",
            xanchor="left",
            pad=dict(l=28),
            y=0.975,
            yanchor="top",
            subtitle=dict(text="<br>".join(lines), font=dict(size=SUBTITLE_FONT, color="#444444")),
        ),
        margin=dict(
            l=max(margin.l or 0, 90),
            r=max(margin.r or 0, 40),
            t=170,
            b=max(margin.b or 0, 90),
        ),
        meta={**meta, "exported": True},
    )
    # Horizontal legends below the plot: keep them clear of the (now larger) tick labels and axis titles.
    if out.layout.legend.orientation == "h" and (out.layout.legend.y or 0) < 0:
        out.update_layout(legend=dict(y=-0.14, font=dict(size=BASE_FONT)))
    return out


def figure_png(fig: go.Figure, width: int = WIDTH, height: int = HEIGHT, scale: float = SCALE, **layout) -> bytes:
    """The chart as PNG bytes (default 3200 × 1800 px), laid out by export_figure (`layout`: its title, subtitle,
    source, exported, lang). ImagesUnavailable without Chromium."""
    return _image(fig, "png", width, height, scale, layout)


def figure_svg(fig: go.Figure, width: int = WIDTH, height: int = HEIGHT, **layout) -> bytes:
    """The chart as SVG bytes (text stays text: searchable, editable in Illustrator/Inkscape)."""
    return _image(fig, "svg", width, height, 1, layout)


def _image(fig: go.Figure, fmt: str, width: int, height: int, scale: float, layout: dict) -> bytes:
    """The image, drawn once per distinct figure, size and framing in this process (export/cache.py): a report, a
    deck with pictures and a second click on the same button reuse it."""
    if not images_available():
        raise ImagesUnavailable("no Chrome/Chromium found for kaleido")
    key = image_key(fig.to_json(), fmt, width, height, scale, sorted(layout.items()))
    return IMAGES.get(
        key, lambda: _render(export_figure(fig, width=width, height=height, **layout), fmt, width, height, scale)
    )


def view_png(view: View, lang: str = "zh", exported: dt.date | None = None) -> bytes:
    """A view's chart as a slide-shaped PNG with its own title, subtitle and source line."""
    return figure_png(view.figure, **_view_layout(view, lang, exported))


def view_svg(view: View, lang: str = "zh", exported: dt.date | None = None) -> bytes:
    """A view's chart as SVG with its own title, subtitle and source line."""
    return figure_svg(view.figure, **_view_layout(view, lang, exported))


def _view_layout(view: View, lang: str, exported: dt.date | None) -> dict:
    return dict(title=view.title, subtitle=view.subtitle, source=view.source, exported=exported, lang=lang)
