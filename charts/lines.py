"""Lines over the years: every district of a city, or the city figure, with the target."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.format import axis_unit, decimals
from charts.theme import MUTED_COLOR, TARGET_COLOR, TEMPLATE_NAME, district_color, titled, year_axis


def _years(df: pd.DataFrame) -> list[int]:
    return list(range(int(df["year"].min()), int(df["year"].max()) + 1)) if len(df) else []


def trend_lines(
    df: pd.DataFrame,
    *,
    label_col: str,
    title: str,
    source: str,
    unit: str,
    unit_label: str,
    lang: str,
    targets: pd.DataFrame | None = None,
    target_label: str = "",
    highlight: list[str] | None = None,
) -> go.Figure:
    """One line per district (metric_trend rows); a missing year breaks the line. Highlighted districts keep their
    colours and the rest turn grey; the city-wide target, where set, is a dashed line."""
    divisor, shown_unit = axis_unit(unit, unit_label, df["value"], lang)
    years = _years(df)
    fig = go.Figure()
    picked = set(highlight or [])
    for (label, slot), g in df.groupby([label_col, "color_index"], sort=False):
        g = g.set_index("year").reindex(years)
        on = not picked or label in picked
        fig.add_trace(
            go.Scatter(
                x=years,
                y=g["value"] / divisor,
                mode="lines+markers",
                name=str(label),
                connectgaps=False,
                line=dict(color=district_color(int(slot)) if on else MUTED_COLOR, width=3 if on and picked else 2),
                marker=dict(size=6),
                opacity=1 if on else 0.6,
                hovertemplate=f"{label} %{{x}}: %{{y:,.{decimals(unit, divisor)}f}} {shown_unit}<extra></extra>",
                showlegend=on,
            )
        )
    if targets is not None and len(targets):
        fig.add_trace(_target_line(targets["year"], targets["target"] / divisor, target_label))
    return _finish(fig, title, source, unit, divisor, shown_unit)


def _target_line(x, y, name: str) -> go.Scatter:
    """The target over the years: a dashed step line (a target holds until it changes)."""
    return go.Scatter(
        x=x, y=y, mode="lines", name=name, line=dict(color=TARGET_COLOR, dash="dash", width=2), line_shape="hv"
    )


def _finish(fig: go.Figure, title: str, source: str, unit: str, divisor: float, shown_unit: str) -> go.Figure:
    fig.update_layout(template=TEMPLATE_NAME, yaxis_title=shown_unit)
    fig.update_yaxes(tickformat=f",.{decimals(unit, divisor)}f")
    return titled(year_axis(fig), title, source)


CITY_COLOR, MEDIAN_COLOR = "#0072B2", "#999999"


def shows_median(df: pd.DataFrame, unit: str) -> bool:
    """Whether the city trend draws the districts' median: only for rates, where a median means something."""
    return bool(df["median"].notna().any()) and unit in ("percent", "per_10k")


def city_trend(
    df: pd.DataFrame,
    *,
    title: str,
    source: str,
    unit: str,
    unit_label: str,
    lang: str,
    series_label: str,
    median_label: str,
    target_label: str,
) -> go.Figure:
    """The city figure year by year (city_metric_trend rows), the districts' median beside it, and the target."""
    divisor, shown_unit = axis_unit(unit, unit_label, df["value"], lang)
    years = _years(df)
    d = df.set_index("year").reindex(years)
    fig = go.Figure(
        go.Scatter(
            x=years,
            y=d["value"] / divisor,
            mode="lines+markers+text",
            name=series_label,
            connectgaps=False,
            line=dict(color=CITY_COLOR, width=3),
            text=[f"{v:,.{decimals(unit, divisor)}f}" if pd.notna(v) else "" for v in d["value"] / divisor],
            textposition="top center",
        )
    )
    if shows_median(d, unit):
        fig.add_trace(
            go.Scatter(
                x=years,
                y=d["median"] / divisor,
                mode="lines",
                name=median_label,
                line=dict(color=MEDIAN_COLOR, dash="dot"),
            )
        )
    if d["target"].notna().any():
        fig.add_trace(_target_line(years, d["target"] / divisor, target_label))
    return _finish(fig, title, source, unit, divisor, shown_unit)
