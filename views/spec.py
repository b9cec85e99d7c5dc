"""ChartSpec: the numbers behind a chart, in the shape a native PowerPoint chart or table needs.

Every view (views/named.py) makes its spec from the query result it draws (exact store values, scaled to the unit
shown); nothing is ever read back out of a finished figure.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd
import plotly.colors as pc

from charts.format import decimals
from charts.theme import SEQUENTIAL

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
