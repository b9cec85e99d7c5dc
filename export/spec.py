"""ChartSpec: the numbers behind a chart, in the shape a native PowerPoint chart or table needs.

A spec is made from the query result by export/registry.py (exact store values, scaled to the unit shown), or,
for a figure from any page (the slide basket), read back from the Plotly figure by `spec_from_figure`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

from charts.format import decimals
from charts.theme import SEQUENTIAL, TARGET_COLOR

KINDS = ("bar", "hbar", "line", "table")


@dataclass
class Series:
    """One series of a chart: its name, values (None = gap) and colours ('#RRGGBB')."""

    name: str
    values: list[float | None]
    color: str | None = None
    point_colors: list[str | None] | None = None  # one per category (bars below target in another colour …)
    dashed: bool = False
    markers_only: bool = False  # a target per category: marks, no line between them
    labels: bool = True  # data labels on the points
    width_pt: float = 2.25  # line width of line series


@dataclass
class ChartSpec:
    """What a slide shows: a chart (bar, hbar, line) with categories and series, or a table (kind 'table')."""

    kind: str
    title: str
    subtitle: str = ""
    source: str = ""
    categories: list[str] = field(default_factory=list)
    series: list[Series] = field(default_factory=list)
    target: Series | None = None  # drawn as a line over the bars
    unit: str = ""  # the unit the values are in, as shown: %, 万元, 起 …
    number_format: str = "General"  # Excel number format of the values and data labels
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, text) for colours not in a series
    table: pd.DataFrame | None = None  # kind 'table': the cells as shown (text), header = column names
    cell_colors: list[list[str | None]] | None = None  # kind 'table': fill per body cell (a heatmap), or None
    align_right: list[bool] | None = None  # kind 'table': per column
    notes: str = ""  # extra words for the speaker notes

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"chart kind {self.kind!r} is not one of {KINDS}")

    @property
    def label_format(self) -> str:
        """The data labels' number format: the values' format with the unit after the number (1,234起, 93.5%)."""
        if not self.unit or self.unit.strip() == "%" or '"' in self.number_format:
            return self.number_format
        return f'{self.number_format}"{self.unit}"'

    @property
    def has_data(self) -> bool:
        if self.kind == "table":
            return self.table is not None and len(self.table) > 0
        return any(v is not None for s in self.series for v in s.values)


def clean(values) -> list[float | None]:
    """Plain floats with None for missing (NaN, None, pd.NA)."""
    out: list[float | None] = []
    for v in list(values):
        if v is None or v is pd.NA:
            out.append(None)
            continue
        try:
            f = float(v)
        except (TypeError, ValueError):
            out.append(None)
            continue
        out.append(None if math.isnan(f) else f)
    return out


def number_format(unit: str, divisor: float = 1.0) -> str:
    """The Excel format of values in `unit` scaled by `divisor`: 93.5% · 1,234 · 3,150.5 (万元) · 0.32."""
    digits = decimals(unit, divisor)
    base = "#,##0" + ("." + "0" * digits if digits else "")
    return base + '"%"' if unit == "percent" else base


def format_from_tickformat(tickformat: str | None, percent: bool) -> str:
    """Plotly's d3 tick format (',.1f') as an Excel number format ('#,##0.0')."""
    digits = 0
    if tickformat and "." in tickformat:
        tail = tickformat.split(".", 1)[1]
        digits = int("".join(ch for ch in tail if ch.isdigit()) or 0)
    base = "#,##0" + ("." + "0" * digits if digits else "")
    return base + '"%"' if percent else base


def to_hex(colour: str | None) -> str | None:
    """'#0072B2', 'rgb(8,48,107)' or 'rgba(…)' as '#RRGGBB'; None for anything else."""
    if not isinstance(colour, str):
        return None
    c = colour.strip()
    if c.startswith("#") and len(c) in (4, 7):
        return c.upper() if len(c) == 7 else "#" + "".join(ch * 2 for ch in c[1:]).upper()
    if c.startswith("rgb"):
        parts = c[c.index("(") + 1 : c.index(")")].split(",")[:3]
        r, g, b = (round(float(p)) for p in parts)
        return f"#{r:02X}{g:02X}{b:02X}"
    return None


def shade(value: float | None, low: float, high: float, reverse: bool = False) -> str | None:
    """A fill from the heatmap's sequential scale for `value` between low and high (darker = better)."""
    if value is None:
        return None
    t = 0.5 if high <= low else (value - low) / (high - low)
    t = 1 - t if reverse else t
    # Stop short of the palest and darkest ends: white cells vanish and the darkest hide black text.
    return to_hex(pc.sample_colorscale(SEQUENTIAL, [0.08 + 0.84 * t])[0])


def is_dark(colour: str | None) -> bool:
    """Whether white text reads better than black on `colour`."""
    if not colour:
        return False
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


# Reading a Plotly figure back -------------------------------------------------------------------------------


def _real(values) -> bool:
    """A trace with at least one value (legend-only traces have x = y = [None])."""
    return values is not None and any(v is not None for v in clean(values))


def _labels(values) -> list[str]:
    return ["" if v is None else str(v) for v in list(values)]


def spec_from_figure(fig: go.Figure, *, subtitle: str = "", source: str | None = None) -> ChartSpec | None:
    """The chart's numbers read back from a figure made by charts/: vertical or horizontal bars (with a target
    line or marks), lines over years, a heatmap (as a shaded table), a table. None for other shapes (dot plots …),
    which go on a slide as a picture."""
    from export.images import split_title

    title, own_source = split_title(fig)
    source = own_source if source is None else source
    traces = list(fig.data)
    heat = [t for t in traces if t.type == "heatmap"]
    if heat:
        return _heatmap_spec(heat[0], title, subtitle, source)
    tables = [t for t in traces if t.type == "table"]
    if tables:
        tb = tables[0]
        header = [str(h) for h in tb.header.values]
        cols = [list(c) for c in tb.cells.values]
        df = pd.DataFrame({h: [str(v) for v in c] for h, c in zip(header, cols, strict=False)})
        return ChartSpec("table", title, subtitle, source, table=df)
    bars = [t for t in traces if t.type == "bar" and _real(t.x if t.orientation == "h" else t.y)]
    lines = [t for t in traces if t.type == "scatter" and "lines" in (t.mode or "") and _real(t.y) and _real(t.x)]
    if bars:
        return _bar_spec(fig, bars, traces, title, subtitle, source)
    if lines and all(isinstance(x, (int, float, str)) for t in lines for x in t.x if x is not None):
        return _line_spec(fig, lines, title, subtitle, source)
    return None


def _legend_entries(traces) -> list[tuple[str, str]]:
    """Legend-only bar traces (x = [None]) that name a colour: 达到目标, 未达目标 …"""
    out = []
    for t in traces:
        if t.type == "bar" and not _real(t.y) and t.name:
            colour = to_hex(t.marker.color if isinstance(t.marker.color, str) else None)
            if colour:
                out.append((colour, t.name))
    return out


def _bar_spec(fig, bars, traces, title, subtitle, source) -> ChartSpec:
    horizontal = bars[0].orientation == "h"
    cat_of = (lambda t: t.y) if horizontal else (lambda t: t.x)
    val_of = (lambda t: t.x) if horizontal else (lambda t: t.y)
    categories = _labels(cat_of(bars[0]))
    axis = fig.layout.xaxis if horizontal else fig.layout.yaxis
    unit = (axis.title.text or "") if axis.title else ""
    percent = unit.strip() == "%"
    series = []
    for t in bars:
        by_cat = dict(zip(_labels(cat_of(t)), clean(val_of(t)), strict=False))
        colours = t.marker.color
        point = [to_hex(c) for c in colours] if isinstance(colours, (list, tuple)) else None
        series.append(
            Series(
                name=t.name or title,
                values=[by_cat.get(c) for c in categories],
                color=to_hex(colours) if isinstance(colours, str) else None,
                point_colors=point,
            )
        )
    target = None
    marks = [
        t for t in traces if t.type == "scatter" and _real(t.y) and _labels(t.x) == categories and "markers" in t.mode
    ]
    if marks and not horizontal:
        m = marks[0]
        target = Series(m.name or "", clean(m.y), TARGET_COLOR, markers_only=True, labels=False)
    else:
        level = [s for s in fig.layout.shapes if s.type == "line" and s.y0 == s.y1 and s.xref in ("paper", "x domain")]
        named = [t for t in traces if t.type == "scatter" and not _real(t.y) and t.name and t.line.dash == "dash"]
        if level and not horizontal:
            name = named[0].name if named else ""
            target = Series(name, [float(level[0].y0)] * len(categories), TARGET_COLOR, dashed=True, labels=False)
    digits_fmt = format_from_tickformat(axis.tickformat, percent)
    if not axis.tickformat:  # counts without a tick format: whole numbers unless the data say otherwise
        whole = all(v is None or float(v).is_integer() for s in series for v in s.values)
        digits_fmt = ("#,##0" if whole else "#,##0.0") + ('"%"' if percent else "")
    return ChartSpec(
        "hbar" if horizontal else "bar",
        title,
        subtitle,
        source,
        categories=categories,
        series=series,
        target=target,
        unit=unit,
        number_format=digits_fmt,
        legend=_legend_entries(traces),
    )


def _line_spec(fig, lines, title, subtitle, source) -> ChartSpec:
    xs = sorted({x for t in lines for x in t.x if x is not None}, key=lambda x: (isinstance(x, str), x))
    categories = [str(int(x)) if isinstance(x, float) and x.is_integer() else str(x) for x in xs]
    series = []
    for t in lines:
        by_x = dict(zip(list(t.x), clean(t.y), strict=False))
        dash = t.line.dash if t.line else None
        series.append(
            Series(
                name=t.name or title,
                values=[by_x.get(x) for x in xs],
                color=to_hex(t.line.color) if t.line else None,
                dashed=dash in ("dash", "dot", "dashdot", "longdash"),
                labels=len(lines) == 1,
                width_pt=3.0 if (t.line and (t.line.width or 2) >= 3) else 2.0,
            )
        )
    unit = (fig.layout.yaxis.title.text or "") if fig.layout.yaxis.title else ""
    return ChartSpec(
        "line",
        title,
        subtitle,
        source,
        categories=categories,
        series=series,
        unit=unit,
        number_format=format_from_tickformat(fig.layout.yaxis.tickformat, unit.strip() == "%"),
    )


def _heatmap_spec(h, title, subtitle, source) -> ChartSpec:
    years = [str(int(x)) if isinstance(x, (int, float)) else str(x) for x in h.x]
    rows = _labels(h.y)
    z = [clean(r) for r in h.z]
    text = h.text if h.text is not None else [[("" if v is None else f"{v:,.1f}") for v in r] for r in z]
    flat = [v for r in z for v in r if v is not None]
    low, high = (min(flat), max(flat)) if flat else (0.0, 0.0)
    df = pd.DataFrame([[r, *list(t)] for r, t in zip(rows, text, strict=False)], columns=["", *years])
    colours = [[None] + [shade(v, low, high, bool(h.reversescale)) for v in r] for r in z]
    return ChartSpec(
        "table",
        title,
        subtitle,
        source,
        table=df,
        cell_colors=colours,
        align_right=[False] + [True] * len(years),
    )
