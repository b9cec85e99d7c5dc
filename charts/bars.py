"""Bar and line charts for one indicator across districts and years."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.theme import BELOW_TARGET_COLOR, MEETS_TARGET_COLOR, NEUTRAL_COLOR, TARGET_COLOR, TEMPLATE_NAME, year_axis


def ranking_bar(
    df: pd.DataFrame,
    label_col: str,
    title: str,
    unit: str,
    source: str,
    target_label: str,
    below_label: str,
    meets_label: str,
) -> go.Figure:
    """Districts' values as bars, best first; a dashed target line and below-target bars marked in another colour.

    `df` has columns value, target, meets_target and `label_col`; rows with no value stay as empty slots (a gap, not zero).
    """
    colours = [
        BELOW_TARGET_COLOR if m is False else MEETS_TARGET_COLOR if m is True else NEUTRAL_COLOR
        for m in df["meets_target"].astype(object).where(df["meets_target"].notna(), None)
    ]
    text = [("" if pd.isna(v) else f"{v:,.1f}{unit}" if unit == "%" else f"{v:,.0f}") for v in df["value"]]
    fig = go.Figure(
        go.Bar(
            x=df[label_col],
            y=df["value"],
            marker_color=colours,
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,.1f}" + unit + "<extra></extra>",
            name=title,
            showlegend=False,
        )
    )
    targets = df["target"].dropna().unique()
    if len(targets) == 1:
        fig.add_hline(
            y=float(targets[0]),
            line_dash="dash",
            line_color=TARGET_COLOR,
            annotation_text=f"{target_label} {targets[0]:g}{unit}",
            annotation_position="top right",
        )
    elif len(targets) > 1:
        fig.add_trace(
            go.Scatter(
                x=df[label_col],
                y=df["target"],
                mode="markers",
                marker_symbol="line-ew-open",
                marker_size=28,
                marker_line_width=3,
                marker_color=TARGET_COLOR,
                name=target_label,
            )
        )
    if (df["meets_target"] == False).any():  # noqa: E712 (nullable boolean)
        # Legend keys only: the bars above carry one colour each.
        fig.add_trace(go.Bar(x=[None], y=[None], marker_color=MEETS_TARGET_COLOR, name=meets_label, showlegend=True))
        fig.add_trace(go.Bar(x=[None], y=[None], marker_color=BELOW_TARGET_COLOR, name=below_label, showlegend=True))
    fig.update_layout(
        template=TEMPLATE_NAME,
        title=dict(text=f"{title}<br><sup>{source}</sup>"),
        yaxis_title=unit,
        showlegend=bool((df["meets_target"] == False).any()),  # noqa: E712
        legend=dict(orientation="h", y=-0.25, x=1, xanchor="right", yanchor="top"),
        bargap=0.3,
    )
    return fig


def trend_lines(
    df: pd.DataFrame,
    label_col: str,
    title: str,
    unit: str,
    source: str,
    colors: dict[str, str],
    target: pd.DataFrame | None = None,
    target_label: str = "",
) -> go.Figure:
    """One line per district over the years; a missing year breaks the line (never drawn as zero)."""
    fig = go.Figure()
    years = sorted(df["year"].unique()) if len(df) else []
    for label, g in df.groupby(label_col, sort=False):
        g = g.set_index("year").reindex(years)
        fig.add_trace(
            go.Scatter(
                x=years,
                y=g["value"],
                mode="lines+markers",
                name=str(label),
                line_color=colors.get(str(label)),
                connectgaps=False,
                hovertemplate=f"{label} %{{x}}: %{{y:,.1f}}{unit}<extra></extra>",
            )
        )
    if target is not None and len(target):
        fig.add_trace(
            go.Scatter(
                x=target["year"],
                y=target["target"],
                mode="lines",
                name=target_label,
                line=dict(color=TARGET_COLOR, dash="dash", width=2),
            )
        )
    fig.update_layout(template=TEMPLATE_NAME, title=dict(text=f"{title}<br><sup>{source}</sup>"), yaxis_title=unit)
    return year_axis(fig)
