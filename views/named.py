"""The named views: each one function from a context and a metric to a View (figure, data, slide spec, texts).

A page shows a View through ui/; a deck, an image or a table export takes the same View. Each slide spec is
made here from the query result itself, with the colours the chart rule gives (charts/), never read back out of
the finished figure.
"""

from __future__ import annotations

import functools

import pandas as pd
import plotly.graph_objects as go

from analysis.changes import change_basis, changes
from charts.bars import (
    GROUPED_PALETTE,
    grouped_bars,
    movers_bar,
    movers_colors,
    movers_order,
    ranking_bar,
    ranking_colors,
)
from charts.compare import heatmap as heatmap_chart
from charts.compare import quartile_dots, rank_profile, slope_chart, standing_colors, standings
from charts.format import axis_unit, decimals, format_change, format_shown_change, format_value
from charts.lines import CITY_COLOR, MEDIAN_COLOR, shows_median, trend_lines
from charts.lines import city_trend as city_trend_chart
from charts.theme import (
    BELOW_TARGET_COLOR,
    MEETS_TARGET_COLOR,
    MUTED_COLOR,
    SMALL_COUNT_COLOR,
    TARGET_COLOR,
    TEMPLATE_NAME,
    district_color,
    titled,
)
from etl.catalog import Metric, load_catalog
from narrative import trend_sentence
from texts import t
from views.context import Context
from views.spec import ChartSpec, Series, clean, number_format, shade, to_hex
from views.view import View


def _shown_unit(m: Metric, values, lang: str) -> tuple[float, str, str]:
    """(divisor, the unit the axis shows, the catalogue's unit label): 万元 for large yuan amounts …"""
    label = m.unit_label(lang)
    divisor, shown = axis_unit(m.unit, label, values, lang)
    return divisor, shown, label


def _chart_args(ctx: Context, m: Metric, title: str, source: str | None = None) -> dict[str, object]:
    """The keyword arguments every chart builder takes from the context and the metric: the label column, the title,
    the source line (the year's unless `source` says otherwise), the metric's unit and unit label, the language."""
    return {
        "label_col": ctx.label_col,
        "title": title,
        "source": ctx.source if source is None else source,
        "unit": m.unit,
        "unit_label": m.unit_label(ctx.lang),
        "lang": ctx.lang,
    }


def _legend(lang: str) -> dict[str, str]:
    return {
        "target": t("target", lang),
        "meets": t("meets_target", lang),
        "below": t("below_target", lang),
        "small": t("small_count", lang),
    }


def _years(df: pd.DataFrame) -> list[int]:
    return list(range(int(df["year"].min()), int(df["year"].max()) + 1)) if len(df) else []


def _span(ctx: Context, years: list[int]) -> str:
    """The subtitle of a chart over `years` (every year from the first to the last with data)."""
    return ctx.subtitle(pd.DataFrame({"year": [years[0], years[-1]]}) if years else None)


def upto(ctx: Context, df: pd.DataFrame) -> pd.DataFrame:
    """The rows of the year shown and before: a chart for 2020 never runs to 2024."""
    return df[df["year"] <= ctx.year].reset_index(drop=True) if len(df) else df


def _years_words(years: list[int], lang: str) -> str:
    return "、".join(t("when_year", lang, year=y) for y in years) if lang != "en" else ", ".join(map(str, years))


def method_text(row: dict | pd.Series, lang: str) -> str:
    """How a city figure was made, in words: summed over n of m districts, pooled, a mean, or reported; a figure
    of one district says so (仅含青浦区), one of some districts how many."""
    coverage = row.get("coverage") if hasattr(row, "get") else None
    if coverage == "one":
        district = row.get("only_district_en" if lang == "en" else "only_district_zh")
        return t("coverage_one", lang, district=district)
    if coverage == "part" and row["method"] != "sum":
        return (
            t(f"method_{row['method']}", lang)
            + " · "
            + t("coverage_part", lang, n=int(row["n_reporting"]), m=int(row["n_districts"]))
        )
    if row["method"] == "sum":
        return t("method_sum", lang, n=int(row["n_reporting"]), m=int(row["n_districts"]))
    return t(f"method_{row['method']}", lang)


def ranking_sentence(ctx: Context, m: Metric, df: pd.DataFrame) -> str:
    """'2024年16个区县报送了…：最高为…（…），最低为…（…）。' and how many of those with a target meet it; '' for
    fewer than two districts with a figure."""
    lg = ctx.lang
    d = df.dropna(subset=["value"])
    if len(d) < 2:
        return ""
    top, bottom = d.loc[d["value"].idxmax()], d.loc[d["value"].idxmin()]

    def shown(r) -> str:
        return format_value(float(r["value"]), m.unit, m.unit_label(lg), lg, r["qualifier"])

    words = t(
        "sentence_ranking",
        lg,
        year=ctx.year,
        n=len(d),
        metric=m.short_name(lg),
        top=top[ctx.label_col],
        top_value=shown(top),
        bottom=bottom[ctx.label_col],
        bottom_value=shown(bottom),
    )
    judged = d["meets_target"].dropna()
    if len(judged):
        words += t("sentence_targets", lg, m=len(judged), k=int(judged.astype(bool).sum()))
    return words


# One metric across the districts of a year ---------------------------------------------------------------------


def _few_values_message(ctx: Context, m: Metric, df: pd.DataFrame, unit_label: str) -> str:
    """The sentence that stands for a ranking (chart or table) with nothing to rank: no district has a figure, or
    only one has (named with its value); '' when two or more have one."""
    lg = ctx.lang
    valued = df[df["value"].notna()] if len(df) else df
    if len(valued) == 1:
        one = valued.iloc[0]
        value = format_value(float(one["value"]), m.unit, unit_label, lg, one["qualifier"])
        return t("only_one_district", lg, year=ctx.year, district=one[ctx.label_col], metric=m.short_name(lg),
                 value=value)  # fmt: skip
    return t("no_values", lg, year=ctx.year, metric=m.short_name(lg)) if len(df) and valued.empty else ""


def ranking(ctx: Context, m: Metric, title_key: str = "title_ranking", stem: str = "") -> View:
    """The metric for every district in the year, best first, against its target."""
    lg = ctx.lang
    df = ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=m.code)
    divisor, shown, unit_label = _shown_unit(m, df["value"], lg)
    title = t(title_key, lg, year=ctx.year, metric=m.short_name(lg), unit=shown)
    fig = ranking_bar(df, **_chart_args(ctx, m, title), legend=_legend(lg))
    colours = [to_hex(c) for c in ranking_colors(df)]
    target = None
    if df["target"].notna().any():
        constant = df["target"].notna().all() and df["target"].nunique() == 1
        name = t("target", lg)
        if constant:
            name += " " + format_value(float(df["target"].iloc[0]), m.unit, unit_label, lg)
        target = Series(
            name, clean(df["target"] / divisor), TARGET_COLOR, dashed=constant, markers_only=not constant, labels=False
        )
    legend = []
    meets = df["meets_target"]
    if meets.notna().any():
        legend.append((MEETS_TARGET_COLOR, t("meets_target", lg)))
        if (meets == False).any():  # noqa: E712 (nullable boolean column)
            legend.append((BELOW_TARGET_COLOR, t("below_target", lg)))
    small = df["small_count"].fillna(False).astype(bool).any()
    if small:
        legend.append((SMALL_COUNT_COLOR, t("small_count", lg)))
    series = [
        Series(m.short_name(lg), clean(df["value"] / divisor), colours[0] if colours else None, point_colors=colours)
    ]
    subtitle = ctx.subtitle()
    spec = ChartSpec(
        "bar",
        title,
        subtitle,
        ctx.source,
        categories=[str(x) for x in df[ctx.label_col]],
        series=series,
        target=target,
        unit=shown,
        number_format=number_format(m.unit, divisor),
        legend=legend,
        notes=m.definition(lg),
    )
    sentence = ranking_sentence(ctx, m, df)
    message = _few_values_message(ctx, m, df, unit_label)
    return View.of(
        spec,
        stem or f"{m.code}_{ctx.year}",
        df,
        fig,
        ctx.label_col,
        notes=[t("small_count_note", lg)] if small else [],
        message=message,
        sentence=sentence,
        metric=m.code,
    )


# the columns of the ranking table, in order; the verdict and interval only for rates with counts behind them
RANKING_TABLE_COLUMNS = (
    "col_rank",
    "col_district",
    "col_verdict",
    "col_value",
    "col_interval",
    "col_prev_value",
    "col_change",
    "col_rank_change",
    "col_target",
    "col_meets_target",
)
JUDGED_COLUMNS = ("col_verdict", "col_interval")


def ranking_table(ctx: Context, m: Metric, title_key: str = "title_ranking_table", stem: str = "") -> View:
    """The district ranking as a table: rank, district, the verdict against the city beside the rank (rates with
    counts behind them: 显著高于全市 …), value, its 95 % interval, last year, change (marked where it rests on fewer
    than 5 cases), rank change, target, met — the comparison page's columns, for decks and exports."""
    from views.fair import verdict_words  # views/fair.py reads the same query; imported late, no cycle
    from views.fair import verdicts as fair_verdicts

    lg = ctx.lang
    df = ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=m.code)
    small = changes(df, m.unit)["small_change"] if len(df) else pd.Series([], dtype=bool)
    judged = fair_verdicts(ctx, m)
    judged = judged.set_index("district_code") if judged["verdict"].notna().any() else None
    divisor, shown, _ = _shown_unit(m, df["value"], lg)
    digits = 1 if m.unit == "percent" else 2 if m.unit == "per_10k" else (1 if divisor > 1 else 0)

    def num(v) -> str:
        return "—" if pd.isna(v) else f"{v / divisor:,.{digits}f}"

    def judged_text(code: str, col: str) -> str:
        v = judged[col].get(code) if judged is not None else None
        return v if isinstance(v, str) and v else "—"

    rows = []
    for i, r in enumerate(df.to_dict("records")):
        change = format_shown_change(r["change"], r["pct_change"], m.unit, m.unit_label(lg), lg)
        row = {
            "col_rank": "" if pd.isna(r["rank"]) else str(int(r["rank"])),
            "col_district": str(r[ctx.label_col]),
            "col_verdict": verdict_words(judged_text(r["district_code"], "verdict_text")),  # a deck's fonts: words
            "col_value": num(r["value"]),
            "col_interval": judged_text(r["district_code"], "interval"),
            "col_prev_value": num(r["prev_value"]),
            "col_change": (change + t("small_change_mark", lg)) if change and bool(small.iloc[i]) else change or "—",
            "col_rank_change": "" if pd.isna(r["rank_change"]) else f"{int(r['rank_change']):+d}",
            "col_target": num(r["target"]) if pd.notna(r["target"]) else "",
            "col_meets_target": "" if pd.isna(r["meets_target"]) else t("yes" if r["meets_target"] else "no", lg),
        }
        rows.append(row if judged is not None else {k: v for k, v in row.items() if k not in JUDGED_COLUMNS})
    unit_note = f"（{shown}）" if lg == "zh" else f" ({shown})"
    keys = [k for k in RANKING_TABLE_COLUMNS if judged is not None or k not in JUDGED_COLUMNS]
    columns = [t(k, lg) + (unit_note if k == "col_value" else "") for k in keys]
    table = pd.DataFrame([[r[k] for k in keys] for r in rows], columns=columns)
    title = t(title_key, lg, year=ctx.year, metric=m.short_name(lg))
    colours = [
        [None] * (len(keys) - 1)
        + [
            MEETS_TARGET_COLOR
            if r["meets_target"] is True
            else BELOW_TARGET_COLOR
            if r["meets_target"] is False
            else None
        ]
        for r in df.to_dict("records")
    ]
    subtitle = ctx.subtitle()
    spec = ChartSpec(
        "table",
        title,
        subtitle,
        ctx.source,
        unit=shown,
        table=table,
        cell_colors=colours,
        align_right=[k not in ("col_district", "col_verdict", "col_meets_target") for k in keys],
        notes=m.definition(lg),
    )
    # a ranking of no figure, or of one district's, is said in a sentence (as the ranking chart does), never a table
    message = _few_values_message(ctx, m, df, m.unit_label(lg))
    return View.of(
        spec,
        stem or f"{m.code}_{ctx.year}_ranking",
        df,
        table_figure(table, title, ctx.source),
        ctx.label_col,
        metric=m.code,
        message=message,
    )


def movers(ctx: Context, m: Metric, title_key: str = "title_movers", stem: str = "") -> View:
    """Change on last year per district, largest rises on top, coloured by whether it is good news: in points for
    rates, in the metric's own unit for counts and people (起, 人: 2 → 3 cases is +1, not +50 %), in per cent
    for money only; a change resting on fewer than 5 cases is hatched grey and not judged."""
    lg = ctx.lang
    df = changes(ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=m.code), m.unit)
    change_col = change_basis(m.unit)
    if m.unit == "percent":
        axis = t("axis_change_pp", lg)
    elif change_col == "change":
        axis = t("axis_change_unit", lg, unit=m.unit_label(lg))
    else:
        axis = t("axis_change_pct", lg)
    places = decimals(m.unit, 1) if change_col == "change" else 1
    title = t(title_key, lg, year=ctx.year, metric=m.short_name(lg))
    fig = movers_bar(
        df,
        label_col=ctx.label_col,
        change_col=change_col,
        title=title,
        source=ctx.source,
        axis_title=axis,
        polarity=m.polarity,
        good_label=t("good_change", lg),
        bad_label=t("bad_change", lg),
        small_col="small_change",
        small_label=t("small_count", lg),
        label_decimals=places,
    )
    d = movers_order(df, change_col)
    small = d["small_change"].astype(bool)
    colours = [
        SMALL_COUNT_COLOR if sm else c for sm, c in zip(small, movers_colors(d, change_col, m.polarity), strict=True)
    ]
    legend = []
    if m.polarity != "none":
        legend = [(MEETS_TARGET_COLOR, t("good_change", lg)), (BELOW_TARGET_COLOR, t("bad_change", lg))]
    if small.any():
        legend.append((SMALL_COUNT_COLOR, t("small_count", lg)))
    subtitle = ctx.subtitle(df)
    spec = ChartSpec(
        "hbar",
        title,
        subtitle,
        ctx.source,
        categories=[str(x) for x in d[ctx.label_col]],
        series=[Series(axis, clean(d[change_col]), colours[0] if colours else None, point_colors=colours)],
        number_format="#,##0" + ("." + "0" * places if places else ""),  # 0.25 per 10,000 keeps its 2 decimals
        legend=legend,
        notes=m.definition(lg),
    )
    notes = [t("small_count_note", lg)] if small.any() else []
    message = ""
    if not len(df) or df[change_col].notna().sum() == 0:
        message = t("no_changes", lg, year=ctx.year, metric=m.short_name(lg))
    return View.of(
        spec, stem or f"{m.code}_{ctx.year}_change", df, fig, ctx.label_col, notes=notes, message=message, metric=m.code
    )


def spread(ctx: Context, m: Metric, title_key: str = "title_box", stem: str = "") -> View:
    """Every district as a dot on one axis over the middle half and the median. No native slide shape: on a
    slide it goes in as its picture."""
    lg = ctx.lang
    df = ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=m.code)
    trend = upto(ctx, ctx.query("metric_trend", city=ctx.city, metric=m.code))
    _, shown, unit_label = _shown_unit(m, trend["value"], lg)  # the unit of the page's other charts of it
    title = t(title_key, lg, year=ctx.year, metric=m.short_name(lg), unit=shown)
    fig = quartile_dots(
        df,
        **_chart_args(ctx, m, title),
        polarity=m.polarity,
        band_label=t("middle_half", lg),
        median_label=t("district_median", lg),
        highlight=_picked(ctx, trend),
    )
    valued = df[df["value"].notna()] if len(df) else df
    message = ""
    if len(valued) < 2:
        message = t("no_values", lg, year=ctx.year, metric=m.short_name(lg))
        if len(valued) == 1:
            one = valued.iloc[0]
            message = t(
                "only_one_district",
                lg,
                year=ctx.year,
                district=one[ctx.label_col],
                metric=m.short_name(lg),
                value=format_value(float(one["value"]), m.unit, unit_label, lg, one["qualifier"]),
            )
    return View(
        message=message,
        name=stem or f"{m.code}_{ctx.year}_spread",
        title=title,
        data=df,
        figure=fig,
        spec=None,
        source=ctx.source,
        subtitle=ctx.subtitle(df),
        label_col=ctx.label_col,
        metric=m.code,
    )


def grouped(ctx: Context, metrics: list[Metric], labels: list[str], title_key: str, stem: str = "") -> View:
    """Several metrics per district side by side (disputes reported and resolved …); `labels` are text keys of
    the series names, in the metrics' order."""
    lg = ctx.lang
    codes = [m.code for m in metrics]
    df = ctx.query("metrics_by_district", city=ctx.city, year=ctx.year, metrics=codes)
    names = {c: t(k, lg) for c, k in zip(codes, labels, strict=True)}
    unit = metrics[0].unit
    unit_label = metrics[0].unit_label(lg)
    title = t(title_key, lg, year=ctx.year)
    fig = grouped_bars(df, **_chart_args(ctx, metrics[0], title), series=names)
    order = list(dict.fromkeys(df[ctx.label_col]))
    divisor, shown = axis_unit(unit, unit_label, df["value"], lg)
    series = []
    for n, code in enumerate(codes):
        part = df[df["metric_code"] == code].set_index(ctx.label_col).reindex(order)
        series.append(
            Series(names[code], clean(part["value"] / divisor), to_hex(GROUPED_PALETTE[n % len(GROUPED_PALETTE)]))
        )
    subtitle = ctx.subtitle()
    spec = ChartSpec(
        "bar",
        title,
        subtitle,
        ctx.source,
        categories=[str(x) for x in order],
        series=series,
        unit=shown,
        number_format=number_format(unit, divisor),
    )
    return View.of(spec, stem or f"{'_'.join(codes)}_{ctx.year}", df, fig, ctx.label_col)


# One metric over the years ------------------------------------------------------------------------------------


def _over_years(
    ctx: Context,
    m: Metric,
    title: str,
    years: list[int],
    series: list[Series],
    targets: pd.Series,
    divisor: float,
    shown: str,
) -> ChartSpec:
    """The line-chart spec of a metric over `years`, with the target per year (a dashed line) where one is set."""
    target = None
    if len(targets) and targets.notna().any():
        target = Series(t("target", ctx.lang), clean(targets / divisor), TARGET_COLOR, dashed=True, labels=False)
    return ChartSpec(
        "line",
        title,
        _span(ctx, years),
        ctx.source_all,
        categories=[str(y) for y in years],
        series=series,
        target=target,
        unit=shown,
        number_format=number_format(m.unit, divisor),
        notes=m.definition(ctx.lang),
    )


def city_trend(ctx: Context, m: Metric, title_key: str = "title_city_trend", stem: str = "") -> View:
    """The city figure year by year with how it was made, the districts' median (for rates) and the target."""
    lg = ctx.lang
    df = upto(ctx, ctx.query("city_metric_trend", city=ctx.city, metric=m.code))
    divisor, shown, unit_label = _shown_unit(m, df["value"], lg)
    title = t(title_key, lg, city=ctx.city_label, metric=m.short_name(lg), unit=shown)
    args = _chart_args(ctx, m, title, ctx.source_all)
    del args["label_col"]  # one line for the city: no districts to label
    fig = city_trend_chart(
        df,
        **args,
        series_label=t("city_figure", lg),
        median_label=t("district_median", lg),
        target_label=t("target", lg),
    )
    years = _years(df)
    d = df.set_index("year").reindex(years)
    series = [Series(t("city_figure", lg), clean(d["value"] / divisor), CITY_COLOR, width_pt=3)]
    if shows_median(d, m.unit):
        series.append(
            Series(
                t("district_median", lg),
                clean(d["median"] / divisor),
                MEDIAN_COLOR,
                dashed=True,
                labels=False,
                width_pt=1.5,
            )
        )
    spec = _over_years(ctx, m, title, years, series, d["target"], divisor, shown)
    methods = sorted(set(df["method"]))
    notes = [" / ".join(method_text(df[df["method"] == x].iloc[-1], lg) for x in methods)] if len(df) else []
    message = ""
    if len(df) and (df["coverage"] == "one").all():
        # one district's figures are that district's line, never the city's
        district = df["only_district_en" if lg == "en" else "only_district_zh"].iloc[-1]
        message = t("trend_one_district", lg, city=ctx.city_label, metric=m.short_name(lg), district=district)
    elif 0 < len(df) < 2:
        message = t("only_one_year", lg, metric=m.short_name(lg), years=_years_words(_years(df), lg))
    return View.of(
        spec,
        stem or f"{m.code}_city",
        df,
        fig,
        notes=notes,
        message=message,
        sentence=trend_sentence(m, df, year=ctx.year, lang=lg).text if len(df) else "",
        metric=m.code,
    )


def _picked(ctx: Context, df: pd.DataFrame) -> list[str]:
    """The labels of the highlighted districts among the rows of `df`."""
    return list(df.loc[df["district_code"].isin(list(ctx.highlight)), ctx.label_col].unique())


def district_trends(ctx: Context, m: Metric, title_key: str = "title_trend", stem: str = "") -> View:
    """Every district's line over the years in its own colour (grey unless highlighted, when some are), with the
    city-wide target."""
    lg = ctx.lang
    df = upto(ctx, ctx.query("metric_trend", city=ctx.city, metric=m.code))
    targets = upto(ctx, ctx.query("target_trend", city=ctx.city, metric=m.code))
    divisor, shown, unit_label = _shown_unit(m, df["value"], lg)
    title = t(title_key, lg, metric=m.short_name(lg), unit=shown)
    picked = _picked(ctx, df)
    fig = trend_lines(
        df,
        **_chart_args(ctx, m, title, ctx.source_all),
        targets=targets,
        target_label=t("target", lg),
        highlight=picked,
    )
    years = _years(df)
    series = []
    for (label, slot), g in df.groupby([ctx.label_col, "color_index"], sort=False):
        g = g.set_index("year").reindex(years)
        colour = district_color(int(slot)) if not picked or label in picked else MUTED_COLOR
        series.append(Series(str(label), clean(g["value"] / divisor), colour, labels=False))
    tt = targets.set_index("year").reindex(years)["target"] if len(targets) else pd.Series(dtype=float)
    spec = _over_years(ctx, m, title, years, series, tt, divisor, shown)
    message = ""
    if len(df) and df["year"].nunique() < 2:
        message = t("only_one_year", lg, metric=m.short_name(lg), years=_years_words(_years(df), lg))
    return View.of(spec, stem or f"{m.code}_trend", df, fig, ctx.label_col, message=message, metric=m.code)


def heatmap(ctx: Context, m: Metric, title_key: str = "title_heatmap", stem: str = "") -> View:
    """Districts × years for one metric; on a slide, a table shaded like the heatmap."""
    lg = ctx.lang
    df = upto(ctx, ctx.query("metric_trend", city=ctx.city, metric=m.code))
    divisor, shown, unit_label = _shown_unit(m, df["value"], lg)
    title = t(title_key, lg, metric=m.short_name(lg), unit=shown)
    fig = heatmap_chart(
        df,
        label_col=ctx.label_col,
        title=title,
        source=ctx.source_all,
        unit=m.unit,
        unit_label=unit_label,
        lang=lg,
        polarity=m.polarity,
    )
    years = _years(df)
    order = list(dict.fromkeys(df[ctx.label_col]))
    grid = df.pivot_table(index=ctx.label_col, columns="year", values="value", aggfunc="first").reindex(
        index=order, columns=years
    )
    values = [clean(row / divisor) for row in grid.to_numpy()]
    flat = [v for row in values for v in row if v is not None]
    low, high = (min(flat), max(flat)) if flat else (0.0, 0.0)
    fmt = number_format(m.unit, divisor)
    digits = fmt.count("0") - 1 if "." in fmt else 0
    cells = [[("" if v is None else f"{v:,.{digits}f}") for v in row] for row in values]
    table = pd.DataFrame(
        [[lbl, *row] for lbl, row in zip(order, cells, strict=True)],
        columns=[t("col_district", lg), *[str(y) for y in years]],
    )
    colours = [[None] + [shade(v, low, high, m.polarity == "lower") for v in row] for row in values]
    subtitle = _span(ctx, years)
    spec = ChartSpec(
        "table",
        title,
        subtitle,
        ctx.source_all,
        unit=shown,
        number_format=fmt,
        table=table,
        cell_colors=colours,
        align_right=[False] + [True] * len(years),
        notes=t("heatmap_note", lg) + " " + m.definition(lg),
    )
    message = ""
    n_districts, n_years = (df["district_code"].nunique(), df["year"].nunique()) if len(df) else (0, 0)
    if len(df) and (n_districts < 2 or n_years < 2):
        message = t("no_grid", lg, metric=m.short_name(lg), n=n_districts, k=n_years)
    return View.of(spec, stem or f"{m.code}_heatmap", df, fig, ctx.label_col, message=message, metric=m.code)


def slope(ctx: Context, m: Metric, year_a: int, year_b: int, title_key: str = "title_slope", stem: str = "") -> View:
    """Each district's value in two years joined by a line (districts missing either year left out)."""
    lg = ctx.lang
    trend = upto(ctx, ctx.query("metric_trend", city=ctx.city, metric=m.code))
    divisor, shown, unit_label = _shown_unit(m, trend["value"], lg)
    title = t(title_key, lg, metric=m.short_name(lg), a=year_a, b=year_b, unit=shown)
    picked = _picked(ctx, trend)
    fig = slope_chart(
        trend,
        label_col=ctx.label_col,
        year_a=year_a,
        year_b=year_b,
        title=title,
        source=ctx.source_all,
        unit=m.unit,
        unit_label=unit_label,
        lang=lg,
        highlight=picked,
    )
    data = trend[trend["year"].isin([year_a, year_b])]
    a = trend[trend["year"] == year_a].set_index(ctx.label_col)
    b = trend[trend["year"] == year_b].set_index(ctx.label_col)
    both = [lbl for lbl in dict.fromkeys(trend[ctx.label_col]) if lbl in a.index and lbl in b.index]
    series = [
        Series(
            str(lbl),
            clean([a.loc[lbl, "value"] / divisor, b.loc[lbl, "value"] / divisor]),
            district_color(int(a.loc[lbl, "color_index"])) if not picked or lbl in picked else MUTED_COLOR,
            labels=False,
        )
        for lbl in both
    ]
    subtitle = ctx.subtitle(data)
    spec = ChartSpec(
        "line",
        title,
        subtitle,
        ctx.source_all,
        categories=[str(year_a), str(year_b)],
        series=series,
        unit=shown,
        number_format=number_format(m.unit, divisor),
        notes=m.definition(lg),
    )
    message = ""
    if year_a == year_b or data.empty:
        message = t("slope_nothing", lg, metric=m.short_name(lg), a=year_a, b=year_b)
    return View.of(
        spec, stem or f"{m.code}_{year_a}_{year_b}", data, fig, ctx.label_col, message=message, metric=m.code
    )


# The city as a whole, one district -----------------------------------------------------------------------------


def headline(ctx: Context, title_key: str = "title_headline", stem: str = "") -> View:
    """The city's headline figures: city figure, change on last year, targets met, how each was made. The page
    draws them as cards (from `data`); on a slide and as an image they are a table."""
    lg = ctx.lang
    cat = load_catalog()
    df = ctx.query("city_overview", city=ctx.city, year=ctx.year)
    df = df[df["headline"]].reset_index(drop=True)
    rows = []
    for r in df.to_dict("records"):
        m = cat.metrics[r["metric_code"]]
        change = r["change"] if m.unit == "percent" else r["pct_change"]
        targets = ""
        if pd.notna(r["target"]) and r["n_with_target"]:
            targets = t(
                "targets_met",
                lg,
                target=format_value(r["target"], m.unit, m.unit_label(lg), lg),
                n=int(r["n_meets"]),
                m=int(r["n_with_target"]),
            )
        reason = r.get("no_change_reason")
        rows.append(
            [
                m.short_name(lg),
                format_value(r["value"], m.unit, m.unit_label(lg), lg, r.get("qualifier")),
                format_change(None if pd.isna(change) else float(change), m.unit, lg)
                or (t(f"no_change_{reason}", lg) if isinstance(reason, str) else "—"),
                targets,
                method_text(r, lg),
            ]
        )
    keys = ["col_metric", "col_value", "col_vs_last_year", "col_targets_met", "col_method"]
    table = pd.DataFrame(rows, columns=[t(k, lg) for k in keys])
    title = t(title_key, lg, city=ctx.city_label, when=t("when_year", lg, year=ctx.year))
    subtitle = ctx.subtitle()
    spec = ChartSpec("table", title, subtitle, ctx.source, table=table, align_right=[False, True, True, False, False])
    return View.of(spec, stem or f"{ctx.year}_headline", df, table_figure(table, title, ctx.source))


def target_attainment(ctx: Context, title_key: str = "targets_heading", stem: str = "") -> View:
    """Per metric with targets: the target, how many districts meet it, and which lag (furthest first)."""
    lg = ctx.lang
    cat = load_catalog()
    df = ctx.query("target_attainment", city=ctx.city, year=ctx.year)
    rows = []
    for r in df.to_dict("records"):
        m = cat.metrics[r["metric_code"]]
        low, high = (format_value(r[k], m.unit, m.unit_label(lg), lg) for k in ("target_low", "target_high"))
        lag = r["laggards_en" if lg == "en" else "laggards_zh"]
        rows.append(
            {
                t("col_metric", lg): m.short_name(lg),
                t("col_target", lg): low if low == high else f"{low}–{high}",
                t("col_meets_target", lg): f"{int(r['n_meets'])} / {int(r['n_with_target'])}",
                t("col_share_meets", lg): r["n_meets"] / r["n_with_target"] * 100,
                t("col_laggards", lg): "—" if pd.isna(lag) else lag,
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[t(k, lg) for k in ("col_metric", "col_target", "col_meets_target", "col_share_meets", "col_laggards")],
    )
    title = t(title_key, lg)
    shown = table.assign(**{t("col_share_meets", lg): [f"{v:.0f}%" for v in table[t("col_share_meets", lg)]]})
    subtitle = ctx.subtitle()
    spec = ChartSpec("table", title, subtitle, ctx.source, table=shown, align_right=[False, True, True, True, False])
    return View.of(spec, stem or f"{ctx.year}_targets", df, table_figure(shown, title, ctx.source), table=table)


def profile(ctx: Context, district: str, title_key: str = "title_profile", stem: str = "") -> View:
    """One district's standing in each metric among its city's districts (100 = best, 0 = last); `data` holds
    every metric of the district (value, change, rank, target, city median, trend, source)."""
    lg = ctx.lang
    cat = load_catalog()
    df = ctx.query("district_profile", district=district, year=ctx.year)
    metric_names = [cat.metrics[c].short_name(lg) for c in df["metric_code"]]
    named = df.assign(metric=metric_names)
    names = ctx.query("districts", city=ctx.city).set_index("district_code")[ctx.label_col]
    title = t(title_key, lg, district=names[district], year=ctx.year, city=ctx.city_label)
    fig = rank_profile(named, name_col="metric", title=title, source=ctx.source, axis_title=t("axis_standing", lg))
    d = standings(named)
    colours = standing_colors(d)
    subtitle = ctx.subtitle()
    spec = ChartSpec(
        "hbar",
        title,
        subtitle,
        ctx.source,
        categories=[str(x) for x in d["metric"]],
        series=[
            Series(
                t("axis_standing", lg),
                clean(d["standing"]),
                colours[0] if colours else None,
                point_colors=[to_hex(c) for c in colours],
            )
        ],
        number_format="#,##0",
    )
    return View.of(spec, stem or f"{district}_{ctx.year}_standing", df, fig, notes=[t("standing_note", lg)])


def other_figures(
    ctx: Context,
    title_key: str = "title_other_figures",
    stem: str = "",
    district: str | None = None,
    sources: bool = True,
) -> View:
    """报告中的其他数字: the city's figures that are not one calendar year's, up to the year shown, each with its
    period in words (2015–2019 五年累计, 每年超过…, 截至2018年4月底), its qualifier and (`sources`) the file or report
    it came from with its batch: in a note under the table where all came from one, else in a column of its own;
    never in an annual chart. With `district`, that organisation's only (the district profile). A slide leaves the
    source out (`sources=False`): its footer names it, and a sixth column made the others wrap out of their rows."""
    from etl.periods import period_label, qualified

    lg = ctx.lang
    cat = load_catalog()
    df = ctx.query("other_figures", city=ctx.city, year=ctx.year)
    if district is not None:
        df = df[df["district_code"] == district].reset_index(drop=True)
    named_sources = [
        t("other_figure_source", lg, source=s, batch=int(b))
        for s, b in zip(df["source_name"], df["batch_id"], strict=True)
    ]
    column = sources and len(set(named_sources)) > 1
    rows = []
    for r, source in zip(df.to_dict("records"), named_sources, strict=True):
        m = cat.metrics[r["metric_code"]]
        number = format_value(float(r["value"]), m.unit, m.unit_label(lg), lg)
        rows.append(
            [
                r["district_en" if lg == "en" else "district_zh"],
                m.short_name(lg),
                qualified(number, r["qualifier"], r["period"], lg),
                period_label(r["period"], int(r["year"]), lg),
                r["evidence"] if isinstance(r["evidence"], str) else "",
                *([source] * column),
            ]
        )
    keys = ["col_organisation", "col_metric", "col_value", "col_period", "col_words", *(["col_source"] * column)]
    table = pd.DataFrame(rows, columns=[t(k, lg) for k in keys])
    title = t(title_key, lg)
    notes = [t("other_figures_note", lg)]
    if sources and not column and named_sources:
        notes.append(t("other_figures_from", lg, source=named_sources[0]))
    spec = ChartSpec(
        "table",
        title,
        ctx.subtitle(),
        ctx.source,
        table=table,
        align_right=[False, False, True, False, False, *([False] * column)],
        notes=notes[0],
    )
    stem = stem or (f"{district}_{ctx.year}_other_figures" if district else f"{ctx.year}_other_figures")
    view = View.of(spec, stem, df, table_figure(table, title, ctx.source))
    view.table = table
    view.notes = notes
    return view


def left_out(ctx: Context, titles: list[str], stem: str = "") -> View:
    """A slide naming the charts a deck leaves out because the city has no figures for them that year."""
    lg = ctx.lang
    table = pd.DataFrame({t("title_left_out", lg): titles})
    title = t("title_left_out", lg)
    note = t("left_out_note", lg, city=ctx.city_label, year=ctx.year)
    spec = ChartSpec("table", title, note, ctx.source, table=table, align_right=[False], notes=note)
    return View.of(spec, stem or f"{ctx.year}_left_out", table, table_figure(table, title, ctx.source))


def table_figure(table: pd.DataFrame, title: str, source: str) -> go.Figure:
    """A table as a Plotly figure, so that table-shaped views export as images too."""
    fig = go.Figure(
        go.Table(
            header=dict(
                values=list(table.columns),
                fill_color="#0072B2",
                font=dict(color="white", size=15),
                align="left",
                height=34,
            ),
            cells=dict(
                values=[table[c].tolist() for c in table.columns],
                fill_color=[["#FFFFFF", "#F2F6FA"] * (len(table) // 2 + 1)],
                align="left",
                height=30,
                font=dict(size=14),
            ),
        )
    )
    fig.update_layout(template=TEMPLATE_NAME, margin=dict(l=30, r=30, t=100, b=30))
    return titled(fig, title, source)


# Every view of one or more indicators names them (View.metrics): the ⓘ under each chart links to their entries
# on /indicators, whichever page or export built the view. Views of no single indicator (headline, targets,
# profile) leave it empty.


def _naming_metrics(build):
    @functools.wraps(build)
    def named_view(ctx: Context, *args, **kwargs) -> View:
        view = build(ctx, *args, **kwargs)
        if not view.metrics:
            given = [a for a in (*args, *kwargs.values()) if isinstance(a, Metric)]
            given += [x for a in args if isinstance(a, list) for x in a if isinstance(x, Metric)]
            view.metrics = tuple(dict.fromkeys(m.code for m in given))
        if not view.metric and len(view.metrics) == 1:
            view.metric = view.metrics[0]
        return view

    return named_view


ranking = _naming_metrics(ranking)
ranking_table = _naming_metrics(ranking_table)
movers = _naming_metrics(movers)
spread = _naming_metrics(spread)
grouped = _naming_metrics(grouped)
city_trend = _naming_metrics(city_trend)
district_trends = _naming_metrics(district_trends)
heatmap = _naming_metrics(heatmap)
slope = _naming_metrics(slope)
