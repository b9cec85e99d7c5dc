"""Charts for a phone (390 px wide): every title within the chart's width, bar charts sideways with every name.

Plotly never wraps a title: a chart title with its source line is 600–730 px long, so at 390 px it ran off the
chart (measured in Chromium on every kind: lines, map, funnel, intervals, heatmap, slope, movers). `for_phone`
gives every chart a copy whose title is broken into lines that fit PHONE_TITLE_PX (widths estimated per character:
CJK full width, Latin about half), in a smaller font, the chart taller by the lines added.

Sixteen district names under vertical bars need about 700 px; at 390 px the axis keeps every second one. Turned
sideways, each district gets its own row (PHONE_ROW_PX high, so the chart grows with the number of districts)
and its name in a readable font. The same traces, colours, labels and target are kept: only the axes swap.
"""

from __future__ import annotations

import re
import unicodedata

import plotly.graph_objects as go

from charts import copy_figure

PHONE_ROW_PX = 30  # height of one district's row (per bar of a group) on a phone
PHONE_FONT_PX = 13  # district names and value labels: readable at arm's length
PHONE_EXTRA_PX = 160  # axis title and legend around the rows
TITLE_LINE_PX = 22  # one line of the title or of its source under it
PHONE_TITLE_PX = 340  # room for a title line: a 390 px screen less the page's padding and the chart's edge
TITLE_FONT_PX = 15  # the title on a phone (18 on a wide screen)
SUP_SCALE = 0.7  # plotly draws <sup> text at 70 % of the title's size
LATIN_EM = 0.56  # the mean width of a Latin letter or digit, in em of Noto Sans CJK
DEFAULT_HEIGHT_PX = 450  # plotly's height of a figure that sets none
# what a line is never broken inside: a tag, a number with its 年/月/日 (2024年), one CJK character, a Latin word,
# each with the opening brackets before it (a line never ends on （)
_WORD = r"(?:\d[\d.,:%-]*[年月日]?|[\u2e80-\uffff]|[^\s\u2e80-\uffff<]+)"
_TOKEN = re.compile(r"<[^>]+>|[（(「『《“]+" + _WORD + "|" + _WORD + r"|\s+")
_NO_LINE_START = set("，。、：；）」』》%·,.:;)")  # punctuation that stays with what it follows


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


def text_px(text: str, size: float) -> float:
    """The estimated drawn width of `text` (markup left out) at font size `size`."""
    text = re.sub(r"<[^>]+>", "", text)
    return sum(size if unicodedata.east_asian_width(c) in "WF" else size * LATIN_EM for c in text)


def wrap(text: str, size: float, width: float = PHONE_TITLE_PX) -> list[str]:
    """`text` in lines no wider than `width` at `size`: broken between CJK characters or at spaces, never before
    closing punctuation; a single word longer than the line keeps a line of its own."""
    tokens: list[str] = []
    for token in _TOKEN.findall(text):  # closing punctuation goes with what it closes, as one piece
        if tokens and not tokens[-1].isspace() and token[0] in _NO_LINE_START:
            tokens[-1] += token
        else:
            tokens.append(token)
    lines: list[str] = []
    line = ""
    for token in tokens:
        if line and not token.isspace():
            if text_px(line + token, size) > width:
                lines.append(line.rstrip())
                line = ""
        if not (line == "" and token.isspace()):
            line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def phone_title(text: str | None, size: float = TITLE_FONT_PX) -> tuple[str | None, int]:
    """A chart title ('title<br><sup>source · batch · note</sup>') in lines that fit a phone, and their number:
    the title wrapped, the source line broken at its ' · ' parts and each part wrapped in its smaller print."""
    if not text:
        return text, 0
    head, _, rest = text.partition("<br><sup>")
    lines = [line for part in head.split("<br>") for line in wrap(part, size)]
    out = "<br>".join(lines)
    n = len(lines)
    if rest:
        for part in rest.removesuffix("</sup>").split(" · "):
            for line in wrap(part, size * SUP_SCALE):
                out += f"<br><sup>{line}</sup>"
                n += 1
    return out, n


def _meta(fig: go.Figure) -> dict:
    return {**(fig.layout.meta if isinstance(fig.layout.meta, dict) else {}), "phone": True}


def narrow_titled(fig: go.Figure) -> go.Figure | None:
    """A copy of `fig` whose title fits a phone, the chart taller by the lines added; None where it fits already."""
    text = fig.layout.title.text
    if not text or all(text_px(part, TITLE_FONT_PX) <= PHONE_TITLE_PX for part in text.split("<br>")):
        return None
    title, lines = phone_title(text)
    out = copy_figure(fig)
    before = (text.count("<br>") + 1) * TITLE_LINE_PX
    extra = max(0, TITLE_LINE_PX * lines - before)
    top = fig.layout.margin.t if fig.layout.margin.t is not None else 90  # the theme's top margin
    out.update_layout(
        title=dict(text=title, font=dict(size=TITLE_FONT_PX)),
        margin=dict(t=top + extra),
        height=(fig.layout.height or DEFAULT_HEIGHT_PX) + extra,
        meta=_meta(fig),
    )
    return out


def for_phone(fig: go.Figure) -> go.Figure | None:
    """The chart to show on a phone instead of `fig`: vertical bars turned sideways (`sideways`), any other
    chart with its title wrapped (`narrow_titled`); None where `fig` fits a phone as it is."""
    return sideways(fig) or narrow_titled(fig)


def sideways(fig: go.Figure) -> go.Figure | None:
    """The vertical bar chart `fig` as horizontal bars, first category on top; None for any other chart."""
    bars = _vertical_bars(fig)
    if not bars:
        return None
    out = copy_figure(fig)
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
    title, lines = phone_title(fig.layout.title.text)
    lines = max(lines, 1)
    out.update_layout(
        height=PHONE_ROW_PX * rows * per_row + PHONE_EXTRA_PX + TITLE_LINE_PX * lines,
        margin=dict(l=8, r=48, t=40 + TITLE_LINE_PX * lines, b=60),
        title=dict(text=title, font=dict(size=TITLE_FONT_PX)),
        meta=_meta(fig),
    )
    return out
