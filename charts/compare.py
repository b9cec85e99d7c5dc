"""District comparison: districts × years heatmap, quartile box, slope between two years."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from charts.format import axis_unit, decimals
from charts.theme import MUTED_COLOR, SEQUENTIAL, TEMPLATE_NAME, district_color, titled, year_axis


def heatmap(
    df: pd.DataFrame, *, label_col: str, title: str, source: str, unit: str, unit_label: str, lang: str, polarity: str
) -> go.Figure:
    """Districts (rows, in the given order) × years (columns); darker is better; gaps stay blank."""
    divisor, shown_unit = axis_unit(unit, unit_label, df["value"], lang)
    years = list(range(int(df["year"].min()), int(df["year"].max()) + 1)) if len(df) else []
    order = list(dict.fromkeys(df[label_col]))
    grid = df.pivot_table(index=label_col, columns="year", values="value", aggfunc="first").reindex(
        index=order, columns=years
    )
    z = grid.to_numpy() / divisor
    digits = decimals(unit, divisor)
    text = [[("" if pd.isna(v) else f"{v:,.{digits}f}") for v in row] for row in z]
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=years,
            y=order,
            text=text,
            texttemplate="%{text}",
            colorscale=SEQUENTIAL,
            reversescale=polarity == "lower",
            hoverongaps=False,
            colorbar=dict(title=shown_unit),
            hovertemplate="%{y} %{x}: %{z:,." + str(digits) + "f}<extra></extra>",
        )
    )
    fig.update_layout(template=TEMPLATE_NAME, height=max(360, 30 * len(order) + 160))
    fig.update_yaxes(autorange="reversed")
    return titled(year_axis(fig), title, source)


def quartile_dots(
    df: pd.DataFrame,
    *,
    label_col: str,
    title: str,
    source: str,
    unit: str,
    unit_label: str,
    lang: str,
    polarity: str,
    band_label: str,
    median_label: str,
    highlight: list[str] | None = None,
) -> go.Figure:
    """Every district as a dot on one axis, best on top, over the middle half (Q1–Q3) band and the median line."""
    d = df.dropna(subset=["value"])
    d = d.sort_values("value", ascending=polarity == "lower")
    divisor, shown_unit = axis_unit(unit, unit_label, d["value"], lang)
    v = d["value"] / divisor
    q1, med, q3 = (float(v.quantile(q)) for q in (0.25, 0.5, 0.75)) if len(v) else (0.0, 0.0, 0.0)
    picked = set(highlight or [])
    colours = [
        district_color(int(i)) if (not picked or lbl in picked) else MUTED_COLOR
        for lbl, i in zip(d[label_col], d["color_index"], strict=True)
    ]
    digits = decimals(unit, divisor)
    fig = go.Figure()
    fig.add_vrect(x0=q1, x1=q3, fillcolor="rgba(86,180,233,0.18)", line_width=0)
    fig.add_vline(x=med, line_color="#0072B2", line_dash="dash")
    fig.add_trace(
        go.Scatter(
            x=v,
            y=d[label_col],
            mode="markers+text",
            marker=dict(size=12, color=colours),
            showlegend=False,
            text=[f"{x:,.{digits}f}" for x in v],
            textposition="middle right",
            hovertemplate="%{y}: %{x:,." + str(digits) + "f}<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            line=dict(color="rgba(86,180,233,0.5)", width=10),
            name=f"{band_label} {q1:,.{digits}f}–{q3:,.{digits}f}",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            line=dict(color="#0072B2", dash="dash"),
            name=f"{median_label} {med:,.{digits}f}",
        )
    )
    fig.update_layout(template=TEMPLATE_NAME, xaxis_title=shown_unit, height=max(360, 28 * len(d) + 170))
    fig.update_yaxes(autorange="reversed", type="category")
    return titled(fig, title, source)


def slope_chart(
    df: pd.DataFrame,
    *,
    label_col: str,
    year_a: int,
    year_b: int,
    title: str,
    source: str,
    unit: str,
    unit_label: str,
    lang: str,
    highlight: list[str] | None = None,
) -> go.Figure:
    """Each district's value in two years joined by a line; districts missing either year are left out."""
    a = df[df["year"] == year_a].set_index(label_col)
    b = df[df["year"] == year_b].set_index(label_col)
    both = [lbl for lbl in dict.fromkeys(df[label_col]) if lbl in a.index and lbl in b.index]
    divisor, shown_unit = axis_unit(unit, unit_label, df["value"], lang)
    digits = decimals(unit, divisor)
    picked = set(highlight or [])
    # Names at the right end only where they can be read: the highlighted districts, else the top and bottom three.
    by_end = sorted(both, key=lambda x: b.loc[x, "value"])
    named = picked or set(by_end[:3] + by_end[-3:])
    fig = go.Figure()
    for lbl in both:
        on = not picked or lbl in picked
        slot = int(a.loc[lbl, "color_index"])
        va, vb = a.loc[lbl, "value"] / divisor, b.loc[lbl, "value"] / divisor
        fig.add_trace(
            go.Scatter(
                x=[str(year_a), str(year_b)],
                y=[va, vb],
                mode="lines+markers+text",
                name=str(lbl),
                text=["", f"{lbl} {vb:,.{digits}f}" if lbl in named else ""],
                textposition="middle right",
                line=dict(color=district_color(slot) if on else MUTED_COLOR, width=3 if on and picked else 2),
                showlegend=False,
                hovertemplate=f"{lbl} %{{x}}: %{{y:,.{digits}f}}<extra></extra>",
            )
        )
    fig.update_layout(template=TEMPLATE_NAME, yaxis_title=shown_unit, height=560, margin=dict(r=160))
    fig.update_xaxes(type="category", range=[-0.2, 1.5])
    return titled(fig, title, source)


def standings(df: pd.DataFrame) -> pd.DataFrame:
    """The metrics the district is ranked in among more than one district, with `standing` (100 = best, 0 = last)."""
    d = df.dropna(subset=["rank"]).copy()
    d = d[d["n_ranked"] > 1]
    d["standing"] = (d["n_ranked"] - d["rank"]) / (d["n_ranked"] - 1) * 100
    return d


def standing_colors(d: pd.DataFrame) -> list[str]:
    """Blue for metrics with a better direction, grey for size metrics without one."""
    return ["#0072B2" if p != "none" else "#999999" for p in d["polarity"]]


def rank_profile(df: pd.DataFrame, *, name_col: str, title: str, source: str, axis_title: str) -> go.Figure:
    """One district's standing in each metric: 100 = best in its city, 0 = last (from rank and n_ranked)."""
    d = standings(df)
    colours = standing_colors(d)
    fig = go.Figure(
        go.Bar(
            x=d["standing"],
            y=d[name_col],
            orientation="h",
            marker_color=colours,
            text=[f"{int(r)}/{int(n)}" for r, n in zip(d["rank"], d["n_ranked"], strict=True)],
            textposition="outside",
            cliponaxis=False,
            showlegend=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_layout(template=TEMPLATE_NAME, xaxis_title=axis_title, height=max(400, 26 * len(d) + 150))
    fig.update_xaxes(range=[0, 112])
    fig.update_yaxes(autorange="reversed")
    fig.add_vline(x=50, line_dash="dot", line_color="#999999")
    return titled(fig, title, source)
