"""Bars: one metric across a city's districts (ranked, against a target), several metrics side by side, movers."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.format import axis_unit, decimals, format_number, format_value
from charts.theme import (
    BELOW_TARGET_COLOR,
    MEETS_TARGET_COLOR,
    NEUTRAL_COLOR,
    SMALL_COUNT_COLOR,
    TARGET_COLOR,
    TEMPLATE_NAME,
    district_color,
    titled,
)


def ranking_bar(
    df: pd.DataFrame,
    *,
    label_col: str,
    title: str,
    source: str,
    unit: str,
    unit_label: str,
    lang: str,
    legend: dict[str, str],
) -> go.Figure:
    """Districts' values as bars in the order given (best first); the target as a dashed line (or marks, where
    districts have their own); bars below target in a second colour; too-small counts hatched.

    `df`: metric_by_district columns (value, qualifier, target, meets_target, small_count, `label_col`).
    Districts without a value keep their slot, empty (a gap, not a zero). `legend` holds the texts for
    'target', 'meets', 'below' and 'small'.
    """
    divisor, shown_unit = axis_unit(unit, unit_label, df["value"], lang)
    meets = df["meets_target"].astype(object).where(df["meets_target"].notna(), None)
    small = _small(df)
    patterns = ["/" if s else "" for s in small]
    colours = ranking_colors(df)
    text = [format_number(v, unit, divisor, q, lang) for v, q in zip(df["value"], df["qualifier"], strict=True)]
    y = df["value"] / divisor
    fig = go.Figure(
        go.Bar(
            x=df[label_col],
            y=y,
            marker=dict(color=colours, pattern_shape=patterns),
            text=text,
            textposition="outside",
            cliponaxis=False,
            customdata=text,
            hovertemplate="%{x}: %{customdata}<extra></extra>",
            showlegend=False,
        )
    )
    targets = df["target"].dropna()
    if len(targets) and targets.nunique() == 1 and df["target"].notna().all():  # one target for every district
        t = float(targets.iloc[0]) / divisor
        fig.add_hline(y=t, line_dash="dash", line_color=TARGET_COLOR, line_width=2)
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines",
                line=dict(color=TARGET_COLOR, dash="dash"),
                name=f"{legend['target']} {format_value(float(targets.iloc[0]), unit, unit_label, lang)}",
            )
        )
    elif len(targets):
        fig.add_trace(
            go.Scatter(
                x=df[label_col],
                y=df["target"] / divisor,
                mode="markers",
                name=legend["target"],
                marker=dict(symbol="line-ew-open", size=30, line=dict(width=3, color=TARGET_COLOR)),
            )
        )
    if meets.notna().any():
        fig.add_trace(go.Bar(x=[None], y=[None], marker_color=MEETS_TARGET_COLOR, name=legend["meets"]))
        if (meets == False).any():  # noqa: E712 (object column of True/False/None)
            fig.add_trace(go.Bar(x=[None], y=[None], marker_color=BELOW_TARGET_COLOR, name=legend["below"]))
    if small.any():
        fig.add_trace(
            go.Bar(x=[None], y=[None], marker=dict(color=SMALL_COUNT_COLOR, pattern_shape="/"), name=legend["small"])
        )
    fig.update_layout(template=TEMPLATE_NAME, bargap=0.3, yaxis_title=shown_unit, barmode="overlay")
    fig.update_yaxes(tickformat=f",.{decimals(unit, divisor)}f", rangemode="tozero")
    return titled(fig, title, source)


def _small(df: pd.DataFrame) -> pd.Series:
    return df["small_count"].fillna(False).astype(bool) if "small_count" in df else pd.Series(False, index=df.index)


def ranking_colors(df: pd.DataFrame) -> list[str]:
    """Each district's bar colour in a ranking: meets the target, below it, no target, or too few cases to rank."""
    meets = df["meets_target"].astype(object).where(df["meets_target"].notna(), None)
    colours = [BELOW_TARGET_COLOR if m is False else MEETS_TARGET_COLOR if m is True else NEUTRAL_COLOR for m in meets]
    return [SMALL_COUNT_COLOR if s else c for s, c in zip(_small(df), colours, strict=True)]


# Colours of the metrics drawn side by side by grouped_bars, in drawing order.
GROUPED_PALETTE = [NEUTRAL_COLOR, "#009E73", "#E69F00", "#CC79A7"]


def grouped_bars(
    df: pd.DataFrame,
    *,
    label_col: str,
    series: dict[str, str],
    title: str,
    source: str,
    unit: str,
    unit_label: str,
    lang: str,
) -> go.Figure:
    """Several metrics per district side by side (e.g. disputes reported and resolved).

    `df`: metrics_by_district rows; `series`: metric code → legend name, in drawing order.
    """
    divisor, shown_unit = axis_unit(unit, unit_label, df["value"], lang)
    order = list(dict.fromkeys(df[label_col]))
    fig = go.Figure()
    palette = GROUPED_PALETTE
    for n, (code, name) in enumerate(series.items()):
        part = df[df["metric_code"] == code].set_index(label_col).reindex(order)
        fig.add_trace(
            go.Bar(
                x=order,
                y=part["value"] / divisor,
                name=name,
                marker_color=palette[n % len(palette)],
                hovertemplate="%{x} " + name + ": %{y:,}<extra></extra>",
            )
        )
    fig.update_layout(template=TEMPLATE_NAME, barmode="group", yaxis_title=shown_unit, bargap=0.25)
    return titled(fig, title, source)


def movers_bar(
    df: pd.DataFrame,
    *,
    label_col: str,
    change_col: str,
    title: str,
    source: str,
    axis_title: str,
    polarity: str,
    good_label: str,
    bad_label: str,
) -> go.Figure:
    """Change on last year per district, largest rises on top; coloured by whether the change is good news."""
    d = movers_order(df, change_col)
    colours = movers_colors(d, change_col, polarity) if polarity != "none" else NEUTRAL_COLOR
    fig = go.Figure(
        go.Bar(
            x=d[change_col],
            y=d[label_col],
            orientation="h",
            marker_color=colours,
            showlegend=False,
            text=[f"{v:+.1f}" for v in d[change_col]],
            textposition="outside",
            cliponaxis=False,
        )
    )
    if polarity != "none":
        fig.add_trace(go.Bar(x=[None], y=[None], marker_color=MEETS_TARGET_COLOR, name=good_label))
        fig.add_trace(go.Bar(x=[None], y=[None], marker_color=BELOW_TARGET_COLOR, name=bad_label))
    fig.update_layout(template=TEMPLATE_NAME, xaxis_title=axis_title, height=max(320, 28 * len(d) + 140))
    fig.add_vline(x=0, line_color="#888888", line_width=1)
    return titled(fig, title, source)


def movers_order(df: pd.DataFrame, change_col: str) -> pd.DataFrame:
    """The districts with a change, smallest first (drawn bottom up, so the largest rise is on top)."""
    return df.dropna(subset=[change_col]).sort_values(change_col)


def movers_colors(d: pd.DataFrame, change_col: str, polarity: str) -> list[str]:
    """Good news in one colour, bad news in the other (fewer disputes is good news); one colour without polarity."""
    if polarity == "none":
        return [NEUTRAL_COLOR] * len(d)
    good = d[change_col] > 0 if polarity != "lower" else d[change_col] < 0
    return [MEETS_TARGET_COLOR if g else BELOW_TARGET_COLOR for g in good]


def district_colors(df: pd.DataFrame, label_col: str) -> dict[str, str]:
    """Label → colour from each district's colour slot, so a district looks the same in every chart."""
    return {str(lbl): district_color(int(i)) for lbl, i in zip(df[label_col], df["color_index"], strict=True)}
