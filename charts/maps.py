"""District map: a choropleth of one indicator on offline boundaries, districts without a value hatched.

A district with no value is drawn light grey with diagonal hatching and its own legend entry; it is never given
a colour of the scale (a missing figure is not a zero). Districts in the data that the map has no boundary for
are returned by `unmapped()` so the caller can say so under the map.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from charts.format import format_number
from charts.theme import FONT_FAMILY, TEMPLATE_NAME, titled

MISSING_FILL = "#EEEEEE"
HATCH_COLOR = "#888888"
BORDER_COLOR = "#FFFFFF"
HATCH = dict(shape="/", fgcolor=HATCH_COLOR, bgcolor=MISSING_FILL, size=8, solidity=0.15)
COLORSCALE = "Blues"


def _rings(feature: dict) -> list[list[list[float]]]:
    geom = feature["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return [ring for poly in polys for ring in poly]


def _extent(features: list[dict]) -> tuple[float, float, float, float]:
    xs = [x for f in features for r in _rings(f) for x, _ in r]
    ys = [y for f in features for r in _rings(f) for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def _centre(feature: dict) -> tuple[float, float]:
    """The centroid of the feature's largest ring (shoelace), where its name is written."""
    ring = max(_rings(feature), key=len)
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        return sum(x for x, _ in ring) / len(ring), sum(y for _, y in ring) / len(ring)
    return cx / (3 * a), cy / (3 * a)


def unmapped(df: pd.DataFrame, geojson: dict) -> pd.DataFrame:
    """The rows of `df` (district_code …) whose district has no boundary in `geojson`."""
    codes = {f["properties"]["code"] for f in geojson["features"]}
    return df[~df["district_code"].astype(str).isin(codes)]


def _colour(value: float, lo: float, hi: float) -> str:
    return sample_colorscale(COLORSCALE, [0.15 + 0.85 * ((value - lo) / (hi - lo) if hi > lo else 0.5)])[0]


def _ink(value: float | None, lo: float, hi: float) -> str:
    """White names on the darker half of the scale, dark ones elsewhere (and on the grey of no value)."""
    if value is None or hi <= lo:
        return "#222222"
    return "#FFFFFF" if (value - lo) / (hi - lo) > 0.55 else "#222222"


def district_map(
    df: pd.DataFrame,
    geojson: dict,
    *,
    name_col: str,
    title: str,
    source: str,
    unit: str,
    unit_label: str,
    missing_label: str,
    lang: str = "zh",
    value_col: str = "value",
) -> go.Figure:
    """A choropleth of `df[value_col]` by district_code over the features of `geojson`.

    Drawn as filled polygons on plain axes (a local equirectangular projection corrected for latitude), so it
    needs no base map from the network, on screen or in a PNG. Every feature is drawn: with its value's colour,
    or hatched grey under `missing_label` when the data has no value for it. Darker is more, for every indicator
    (the scale never flips); the colour bar carries the unit. The scale starts at 15 % so the lowest value is
    still a visible blue, never the grey of a missing one.
    """
    features = geojson["features"]
    label_of = {f["properties"]["code"]: f["properties"].get("name_zh", f["properties"]["code"]) for f in features}
    rows = df.assign(district_code=df["district_code"].astype(str)).drop_duplicates("district_code")
    rows = rows.set_index("district_code")
    label_of.update({c: str(n) for c, n in rows[name_col].items() if c in label_of})
    values = {c: float(v) for c, v in rows[value_col].items() if c in label_of and pd.notna(v)}
    lo, hi = (min(values.values()), max(values.values())) if values else (0.0, 1.0)

    fig = go.Figure()
    for f in features:
        code = f["properties"]["code"]
        has = code in values
        text = f"{label_of[code]}：" + (format_number(values[code], unit, lang=lang) if has else missing_label)
        xs: list[float | None] = []
        ys: list[float | None] = []
        for ring in _rings(f):
            xs += [x for x, _ in ring] + [None]
            ys += [y for _, y in ring] + [None]
        fig.add_trace(
            go.Scatter(
                x=xs[:-1],
                y=ys[:-1],
                mode="lines",
                fill="toself",
                fillcolor=_colour(values[code], lo, hi) if has else MISSING_FILL,
                fillpattern=None if has else HATCH,
                line=dict(color=BORDER_COLOR if has else HATCH_COLOR, width=1 if has else 0.8),
                name=text,
                hoveron="fills",
                hoverinfo="name",
                showlegend=False,
                meta={"district_code": code, "value": values.get(code)},
            )
        )
    if len(values) < len(features):  # the legend's swatch for "no value": the same hatched grey
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                fill="toself",
                fillcolor=MISSING_FILL,
                fillpattern=HATCH,
                line=dict(color=HATCH_COLOR, width=0.8),
                name=missing_label,
                hoverinfo="skip",
                showlegend=True,
                meta={"missing": [c for c in label_of if c not in values]},
            )
        )
    if values:  # the colour bar: an invisible marker trace carrying the scale
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker=dict(
                    colorscale=[[0, _colour(lo, lo, hi)], [1, _colour(hi, lo, hi)]],
                    cmin=lo,
                    cmax=hi if hi > lo else lo + 1,
                    color=[lo],
                    showscale=True,
                    colorbar=dict(title=dict(text=unit_label), thickness=14, len=0.7),
                ),
                hoverinfo="skip",
                showlegend=False,
            )
        )
    centres = [_centre(f) for f in features]
    codes = [f["properties"]["code"] for f in features]
    fig.add_trace(
        go.Scatter(
            x=[c[0] for c in centres],
            y=[c[1] for c in centres],
            text=[label_of[c] for c in codes],
            mode="text",
            textfont=dict(family=FONT_FAMILY, size=11, color=[_ink(values.get(c), lo, hi) for c in codes]),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    x0, y0, x1, y1 = _extent(features)
    mid_lat = (y0 + y1) / 2
    fig.update_xaxes(visible=False, range=[x0 - 0.01 * (x1 - x0), x1 + 0.01 * (x1 - x0)])
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(mid_lat)))
    fig.update_layout(
        template=TEMPLATE_NAME,
        margin=dict(l=10, r=10, t=90, b=40),
        legend=dict(orientation="h", y=0, x=0, yanchor="top"),
        plot_bgcolor="rgba(0,0,0,0)",
        hovermode="closest",
    )
    return titled(fig, title, source)
