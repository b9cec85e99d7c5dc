"""A bar chart for a phone (390 px wide): the districts down the side, every name written out.

Sixteen district names under vertical bars need about 700 px; at 390 px the axis keeps every second one. Turned
sideways, each district gets its own row (PHONE_ROW_PX high, so the chart grows with the number of districts)
and its name in a readable font. The same traces, colours, labels and target are kept: only the axes swap.
"""

from __future__ import annotations

import plotly.graph_objects as go

PHONE_ROW_PX = 30  # height of one district's row (per bar of a group) on a phone
PHONE_FONT_PX = 13  # district names and value labels: readable at arm's length
PHONE_EXTRA_PX = 160  # axis title and legend around the rows
TITLE_LINE_PX = 22  # one line of the title or of its source under it


def _vertical_bars(fig: go.Figure) -> list:
    return [
        tr
        for tr in fig.data
        if tr.type == "bar" and tr.orientation != "h" and tr.x is not None and any(v is not None for v in tr.x)
    ]


def _swap_template(text: str | None) -> str | None:
    """A hover template naming the axes ('%{x}: %{y:,}'), with x and y swapped as the data were."""
    if not text:
        return text
    return text.replace("%{x}", "\0").replace("%{y", "%{x").replace("\0", "%{y}")


def _wrapped_title(text: str | None) -> str | None:
    """The source line under the title broken at its ' · ' parts, so nothing runs off a narrow screen."""
    if not text or "<sup>" not in text:
        return text
    head, _, rest = text.partition("<br><sup>")
    source = rest.removesuffix("</sup>")
    return head + "".join(f"<br><sup>{part}</sup>" for part in source.split(" · "))


def sideways(fig: go.Figure) -> go.Figure | None:
    """The vertical bar chart `fig` as horizontal bars, first category on top; None for any other chart."""
    bars = _vertical_bars(fig)
    if not bars:
        return None
    out = go.Figure(fig)
    for tr in out.data:
        if tr.type not in ("bar", "scatter"):
            continue
        tr.update(x=tr.y, y=tr.x)
        if tr.type == "bar":
            tr.orientation = "h"
            tr.textfont = dict(size=PHONE_FONT_PX)
        elif tr.marker is not None and tr.marker.symbol == "line-ew-open":  # a district's own target
            tr.marker.symbol = "line-ns-open"
        tr.hovertemplate = _swap_template(tr.hovertemplate)
    for shape in out.layout.shapes:  # a target line across the bars: now down the chart
        if shape.type == "line" and shape.y0 == shape.y1:
            value = shape.y0
            shape.update(x0=value, x1=value, xref="x", y0=0, y1=1, yref="y domain")
    xa, ya = fig.layout.xaxis.to_plotly_json(), fig.layout.yaxis.to_plotly_json()
    out.layout.xaxis, out.layout.yaxis = ya, xa
    out.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=PHONE_FONT_PX), dtick=1)
    out.update_xaxes(automargin=True)
    rows = max(len(tr.x) for tr in bars)
    per_row = len(bars) if fig.layout.barmode == "group" else 1
    title = _wrapped_title(fig.layout.title.text)
    lines = (title or "").count("<br>") + 1
    out.update_layout(
        height=PHONE_ROW_PX * rows * per_row + PHONE_EXTRA_PX + TITLE_LINE_PX * lines,
        margin=dict(l=8, r=48, t=40 + TITLE_LINE_PX * lines, b=60),
        title=dict(text=title, font=dict(size=15)),
        meta={**(fig.layout.meta if isinstance(fig.layout.meta, dict) else {}), "phone": True},
    )
    return out
