"""Fair-comparison charts: a funnel plot of a rate against its denominator, and each district's interval.

Both take the rows of analysis.intervals.district_intervals (value, lower, upper, verdict, numerator,
denominator) and colour districts by what the verdict means for the metric's polarity: better than the city,
worse, or not distinguishable from it. Districts without an interval are left out of the funnel (they have no
denominator to place them) and drawn hollow, without whiskers, in the interval chart.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analysis.intervals import judgement
from charts.format import format_number
from charts.theme import BELOW_TARGET_COLOR, MEETS_TARGET_COLOR, MUTED_COLOR, TARGET_COLOR, TEMPLATE_NAME, titled

JUDGEMENT_COLOR = {"better": MEETS_TARGET_COLOR, "worse": BELOW_TARGET_COLOR, "same": "#7F7F7F", None: MUTED_COLOR}
JUDGEMENT_SYMBOL = {"better": "circle", "worse": "diamond", "same": "circle-open", None: "x-thin-open"}


def _judged(df: pd.DataFrame, polarity: str) -> list[str | None]:
    return [judgement(v if isinstance(v, str) else None, polarity) for v in df["verdict"]]


def funnel_plot(
    df: pd.DataFrame,
    limits: pd.DataFrame,
    *,
    label_col: str,
    city_value: float,
    unit: str,
    polarity: str,
    title: str,
    source: str,
    x_title: str,
    y_title: str,
    labels: dict[str, str],
) -> go.Figure:
    """Each district's rate against its denominator, inside 95 % and 99.8 % control limits around the city.

    `limits`: analysis.intervals.funnel_limits over a range of denominators; `labels`: legend names for
    'better', 'worse', 'same', 'limit_95', 'limit_998', 'city'.
    """
    d = df.dropna(subset=["value", "denominator"]).copy()
    d = d[d["denominator"] > 0]
    d["judged"] = _judged(d, polarity)
    fig = go.Figure()
    for level, dash, key in (("998", "dash", "limit_998"), ("950", "dot", "limit_95")):
        for side in ("lower", "upper"):
            fig.add_trace(
                go.Scatter(
                    x=limits["denominator"],
                    y=limits[f"{side}_{level}"],
                    mode="lines",
                    line=dict(color="#555555", width=1, dash=dash),
                    name=labels[key],
                    legendgroup=key,
                    showlegend=side == "upper",
                    hoverinfo="skip",
                )
            )
    fig.add_trace(
        go.Scatter(
            x=[limits["denominator"].min(), limits["denominator"].max()],
            y=[city_value, city_value],
            mode="lines",
            line=dict(color=TARGET_COLOR, width=1.5),
            name=labels["city"],
            hoverinfo="skip",
        )
    )
    for key in ("worse", "same", "better"):
        part = d[d["judged"] == key]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["denominator"],
                y=part["value"],
                mode="markers+text",
                text=part[label_col],
                textposition="top center",
                textfont=dict(size=11),
                marker=dict(color=JUDGEMENT_COLOR[key], symbol=JUDGEMENT_SYMBOL[key], size=10, line=dict(width=1.5)),
                name=labels[key],
                customdata=[format_number(v, unit) for v in part["value"]],
                hovertemplate="%{text}: %{customdata}<br>%{x:,.0f}<extra></extra>",
            )
        )
    fig.update_xaxes(type="log", title=x_title)
    fig.update_yaxes(title=y_title, rangemode="tozero")
    fig.update_layout(template=TEMPLATE_NAME, height=520)
    return titled(fig, title, source)


def interval_chart(
    df: pd.DataFrame,
    *,
    label_col: str,
    city_value: float | None,
    unit: str,
    polarity: str,
    title: str,
    source: str,
    x_title: str,
    labels: dict[str, str],
) -> go.Figure:
    """Horizontal dots with 95 % whiskers per district, the city figure as a line: every name readable at 390 px.

    Districts without a value are left out; a value without an interval is drawn as a hollow dot.
    """
    # best at the top: categories are listed bottom-up
    d = df.dropna(subset=["value"]).sort_values("value", ascending=polarity != "lower").copy()
    d["judged"] = _judged(d, polarity)
    fig = go.Figure()
    for key in ("worse", "same", "better", None):
        part = d[[j == key for j in d["judged"]]]
        if part.empty:
            continue
        has = part["lower"].notna()
        fig.add_trace(
            go.Scatter(
                x=part["value"],
                y=part[label_col],
                mode="markers",
                marker=dict(color=JUDGEMENT_COLOR[key], symbol=JUDGEMENT_SYMBOL[key], size=10, line=dict(width=1.5)),
                error_x=dict(
                    type="data",
                    symmetric=False,
                    array=(part["upper"] - part["value"]).where(has, 0),
                    arrayminus=(part["value"] - part["lower"]).where(has, 0),
                    color=JUDGEMENT_COLOR[key],
                    thickness=1.5,
                    width=0,
                ),
                name=labels[key or "none"],
                customdata=[
                    f"{format_number(v, unit)} ({format_number(lo, unit)} – {format_number(hi, unit)})"
                    if pd.notna(lo)
                    else format_number(v, unit)
                    for v, lo, hi in zip(part["value"], part["lower"], part["upper"], strict=True)
                ],
                hovertemplate="%{y}: %{customdata}<extra></extra>",
            )
        )
    if city_value is not None and not pd.isna(city_value):
        fig.add_vline(x=city_value, line_color=TARGET_COLOR, line_width=1.5)
        fig.add_annotation(
            x=city_value, y=1, yref="paper", yanchor="bottom", text=labels["city"], showarrow=False, font=dict(size=11)
        )
    fig.update_yaxes(categoryorder="array", categoryarray=list(d[label_col]), automargin=True)
    fig.update_xaxes(title=x_title)
    fig.update_layout(template=TEMPLATE_NAME, height=max(320, 28 * len(d) + 160), margin=dict(l=10))
    return titled(fig, title, source)
