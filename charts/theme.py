"""One look for every chart, on screen and in exports: an explicit template, CJK fonts, colour-blind-safe colours."""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"

# Okabe–Ito first, then Paul Tol's muted scheme: told apart with the common colour-vision deficiencies.
PALETTE = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#332288",
    "#88CCEE", "#44AA99", "#117733", "#999933", "#CC6677", "#882255", "#AA4499", "#DDCC77", "#F0E442",
]  # fmt: skip
TARGET_COLOR = "#D55E00"
BELOW_TARGET_COLOR = "#E69F00"
MEETS_TARGET_COLOR = "#0072B2"
NEUTRAL_COLOR = "#56B4E9"
SMALL_COUNT_COLOR = "#BBBBBB"
MUTED_COLOR = "#D0D0D0"
# Sequential scale for heatmaps (blue, colour-blind safe); reversed where lower is better.
SEQUENTIAL = "Blues"

TEMPLATE_NAME = "union"

# plotly_white's look for the kinds of trace the charts draw, and for nothing else: a template travels inside every
# figure sent to the browser, and plotly_white's defaults for 24 kinds of trace and 3-D/polar/ternary axes were
# most of the bytes of a chart (7.6 of 9.1 kB for a ranking); copying it into each new figure was most of its cost.
TRACE_KINDS = ("bar", "scatter", "heatmap", "table")
_white = pio.templates["plotly_white"]
_template = go.layout.Template(
    data={kind: _white.data[kind] for kind in TRACE_KINDS},
    layout={
        k: v
        for k, v in _white.layout.to_plotly_json().items()
        if k not in ("scene", "polar", "ternary", "geo", "mapbox")
    },
)
_template.layout.font = dict(family=FONT_FAMILY, size=14, color="#222222")
_template.layout.colorway = PALETTE
_template.layout.title = dict(x=0.0, xanchor="left", font=dict(size=18))
_template.layout.margin = dict(l=70, r=30, t=90, b=70)
_template.layout.hoverlabel = dict(font_family=FONT_FAMILY)
_template.layout.legend = dict(orientation="h", y=-0.18, x=0, xanchor="left", yanchor="top")
pio.templates[TEMPLATE_NAME] = _template


def district_color(index: int) -> str:
    """The colour of the district in colour slot `index` of its city: the same district, the same colour everywhere."""
    return PALETTE[index % len(PALETTE)]


def year_axis(fig: go.Figure) -> go.Figure:
    """Integer years on the x axis: 2015, 2016 … never 2015.5."""
    fig.update_xaxes(dtick=1, tickformat="d")
    return fig


def titled(fig: go.Figure, title: str, source: str) -> go.Figure:
    """Title on top, the source line (data source, batch, as-of date) under it in small print."""
    fig.update_layout(title=dict(text=f"{title}<br><sup>{source}</sup>" if source else title))
    return fig
