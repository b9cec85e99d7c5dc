"""Named charts that can be rebuilt outside Streamlit from a store connection, for images, decks and the CLI.

Each entry builds what the matching page shows, from the same named query and the same charts/ builder:
`build(con, city, year, lang) -> Built(figure, data, spec)`, where `data` is the query result and `spec` the
numbers for a native PowerPoint chart or table (export/spec.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import duckdb
import pandas as pd
import plotly.graph_objects as go

from charts.bars import grouped_bars, ranking_bar
from charts.compare import heatmap
from charts.format import axis_unit, format_change, format_value
from charts.lines import city_trend, trend_lines
from charts.theme import (
    BELOW_TARGET_COLOR,
    MEETS_TARGET_COLOR,
    SMALL_COUNT_COLOR,
    TARGET_COLOR,
    TEMPLATE_NAME,
    district_color,
    titled,
)
from etl.catalog import Metric, load_catalog
from export.spec import ChartSpec, Series, clean, number_format, shade, to_hex
from export.texts import text
from queries import run_query


class ExportError(ValueError):
    """A request that cannot be met (unknown chart, city without data, year without figures): `message(lang)`."""

    def __init__(self, zh: str, en: str):
        self.zh, self.en = zh, en
        super().__init__(en)

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass
class Built:
    """A chart rebuilt from the store: the Plotly figure, the query result behind it, and its slide spec."""

    figure: go.Figure
    data: pd.DataFrame
    spec: ChartSpec
    name: str = ""

    def __iter__(self):  # so that `fig, df, spec = build(...)` reads naturally
        return iter((self.figure, self.data, self.spec))


@dataclass
class Context:
    """One city and year in one language, with the source lines and labels every chart of it shares."""

    con: duckdb.DuckDBPyConnection
    city: str
    year: int
    lang: str = "zh"

    @property
    def label_col(self) -> str:
        return "district_en" if self.lang == "en" else "district_zh"

    @cached_property
    def city_row(self) -> pd.Series:
        cities = run_query(self.con, "cities")
        found = cities[cities["city_zh"] == self.city]
        if found.empty:
            names = "、".join(cities["city_zh"]) or "—"
            raise ExportError(
                f"数据库中没有“{self.city}”的数据。有数据的城市：{names}",
                f"No figures for {self.city!r} in the store. Cities with figures: {', '.join(cities['city_zh']) or '—'}",
            )
        return found.iloc[0]

    @property
    def city_label(self) -> str:
        return str(self.city_row["city_en"]) if self.lang == "en" else self.city

    @property
    def is_sample(self) -> bool:
        return bool(self.city_row["is_sample"])

    @cached_property
    def source(self) -> str:
        return source_line(self.con, self.city, self.year, self.lang)

    @cached_property
    def source_all(self) -> str:
        return source_line(self.con, self.city, None, self.lang)

    @cached_property
    def n_districts(self) -> int:
        return len(run_query(self.con, "districts", city=self.city))

    def subtitle(self, years: tuple[int, int] | None = None) -> str:
        """'示例市 · 2023年 · 16 个区县', or with a span of years for charts over time."""
        when = (
            text("when_years", self.lang, a=years[0], b=years[1])
            if years
            else text("when_year", self.lang, year=self.year)
        )
        return " · ".join([self.city_label, when, text("n_districts", self.lang, n=self.n_districts)])


def source_line(con: duckdb.DuckDBPyConnection, city: str, year: int | None, lang: str = "zh") -> str:
    """Data source, batch and as-of date (as ui.setup.source_line words it), for one year or every year."""
    src = run_query(con, "data_source", city=city, year=year).iloc[0]
    if not src["n_batches"]:
        return ""
    key = "source_one" if src["n_batches"] == 1 else "source"
    sample = text("sample_badge", lang) + " · " if src["is_sample"] else ""
    return sample + text(
        key,
        lang,
        latest=src["latest_source"],
        n=int(src["n_batches"]),
        batch=int(src["latest_batch"]),
        as_of=f"{src['as_of']:%Y-%m-%d}",
    )


def default_city_year(con: duckdb.DuckDBPyConnection) -> tuple[str, int]:
    """The first city with data (as the overview opens on) and its latest year; ExportError on an empty store."""
    cities = run_query(con, "cities")
    if cities.empty:
        raise ExportError(
            "数据库中还没有数据。请先运行 `python -m etl sample` 或 `python -m etl load 文件.xlsx`。",
            "The store has no data yet. Run `python -m etl sample` or `python -m etl load FILE.xlsx` first.",
        )
    city = str(cities["city_zh"].iloc[0])
    return city, latest_year(con, city)


def latest_year(con: duckdb.DuckDBPyConnection, city: str) -> int:
    years = run_query(con, "years", city=city)
    if years.empty:
        raise ExportError(f"“{city}”没有任何年份的数据。", f"{city!r} has no figures for any year.")
    return int(years["year"].iloc[0])


def check_year(con: duckdb.DuckDBPyConnection, city: str, year: int) -> None:
    years = [int(y) for y in run_query(con, "years", city=city)["year"]]
    if year not in years:
        shown = "、".join(map(str, sorted(years))) or "—"
        raise ExportError(
            f"“{city}”没有 {year} 年的数据。有数据的年份：{shown}",
            f"{city!r} has no figures for {year}. Years with figures: {', '.join(map(str, sorted(years))) or '—'}",
        )


# Builders ---------------------------------------------------------------------------------------------------


def _metric(code: str) -> Metric:
    return load_catalog().metrics[code]


def _legend(lang: str) -> dict[str, str]:
    return {
        k: text(v, lang) for k, v in (("target", "target"), ("meets", "meets_target"), ("below", "below_target"))
    } | {"small": text("small_count", lang)}


def build_ranking(ctx: Context, code: str) -> Built:
    """One metric for every district in the year, best first, against its target (as ui.blocks.ranking_block)."""
    m = _metric(code)
    df = run_query(ctx.con, "metric_by_district", city=ctx.city, year=ctx.year, metric=code)
    unit_label = m.unit_label(ctx.lang)
    divisor, shown = axis_unit(m.unit, unit_label, df["value"], ctx.lang)
    title = text("title_ranking", ctx.lang, year=ctx.year, metric=m.short_name(ctx.lang), unit=shown)
    fig = ranking_bar(
        df,
        label_col=ctx.label_col,
        title=title,
        source=ctx.source,
        unit=m.unit,
        unit_label=unit_label,
        lang=ctx.lang,
        legend=_legend(ctx.lang),
    )
    bar_colours = [to_hex(c) for c in fig.data[0].marker.color]  # meets / below target / too few cases, as drawn
    target = None
    if df["target"].notna().any():
        t = clean(df["target"] / divisor)
        constant = df["target"].notna().all() and df["target"].nunique() == 1
        name = text("target", ctx.lang)
        if constant:
            name += " " + format_value(float(df["target"].iloc[0]), m.unit, unit_label, ctx.lang)
        target = Series(name, t, TARGET_COLOR, dashed=constant, markers_only=not constant, labels=False)
    legend = []
    meets = df["meets_target"]
    if meets.notna().any():
        legend.append((MEETS_TARGET_COLOR, text("meets_target", ctx.lang)))
        if (meets == False).any():  # noqa: E712 (nullable boolean column)
            legend.append((BELOW_TARGET_COLOR, text("below_target", ctx.lang)))
    if df["small_count"].fillna(False).astype(bool).any():
        legend.append((SMALL_COUNT_COLOR, text("small_count", ctx.lang)))
    spec = ChartSpec(
        "bar",
        title,
        ctx.subtitle(),
        ctx.source,
        categories=[str(x) for x in df[ctx.label_col]],
        series=[Series(m.short_name(ctx.lang), clean(df["value"] / divisor), bar_colours[0], point_colors=bar_colours)],
        target=target,
        unit=shown,
        number_format=number_format(m.unit, divisor),
        legend=legend,
        notes=m.definition(ctx.lang),
    )
    return Built(fig, df, spec)


def build_city_trend(ctx: Context, code: str) -> Built:
    """The city figure year by year with the districts' median and the target (as ui.blocks.city_trend_block)."""
    m = _metric(code)
    df = run_query(ctx.con, "city_metric_trend", city=ctx.city, metric=code)
    unit_label = m.unit_label(ctx.lang)
    divisor, shown = axis_unit(m.unit, unit_label, df["value"], ctx.lang)
    title = text("title_city_trend", ctx.lang, city=ctx.city_label, metric=m.short_name(ctx.lang), unit=shown)
    fig = city_trend(
        df,
        title=title,
        source=ctx.source_all,
        unit=m.unit,
        unit_label=unit_label,
        lang=ctx.lang,
        series_label=text("city_figure", ctx.lang),
        median_label=text("district_median", ctx.lang),
        target_label=text("target", ctx.lang),
    )
    years = list(range(int(df["year"].min()), int(df["year"].max()) + 1)) if len(df) else []
    d = df.set_index("year").reindex(years)
    colours = {tr.name: to_hex(tr.line.color) for tr in fig.data}
    series = [
        Series(text("city_figure", ctx.lang), clean(d["value"] / divisor), colours.get(fig.data[0].name), width_pt=3)
    ]
    if len(fig.data) > 1 and any(tr.name == text("district_median", ctx.lang) for tr in fig.data):
        name = text("district_median", ctx.lang)
        series.append(
            Series(name, clean(d["median"] / divisor), colours.get(name), dashed=True, labels=False, width_pt=1.5)
        )
    target = None
    if d["target"].notna().any():
        target = Series(text("target", ctx.lang), clean(d["target"] / divisor), TARGET_COLOR, dashed=True, labels=False)
    spec = ChartSpec(
        "line",
        title,
        ctx.subtitle((years[0], years[-1]) if years else None),
        ctx.source_all,
        categories=[str(y) for y in years],
        series=series,
        target=target,
        unit=shown,
        number_format=number_format(m.unit, divisor),
        notes=m.definition(ctx.lang),
    )
    return Built(fig, df, spec)


def build_district_trend(ctx: Context, code: str) -> Built:
    """Every district's line over the years, in its own colour, with the city-wide target."""
    m = _metric(code)
    df = run_query(ctx.con, "metric_trend", city=ctx.city, metric=code)
    targets = run_query(ctx.con, "target_trend", city=ctx.city, metric=code)
    unit_label = m.unit_label(ctx.lang)
    divisor, shown = axis_unit(m.unit, unit_label, df["value"], ctx.lang)
    title = text("title_trend", ctx.lang, metric=m.short_name(ctx.lang), unit=shown)
    fig = trend_lines(
        df,
        label_col=ctx.label_col,
        title=title,
        source=ctx.source_all,
        unit=m.unit,
        unit_label=unit_label,
        lang=ctx.lang,
        targets=targets,
        target_label=text("target", ctx.lang),
    )
    years = list(range(int(df["year"].min()), int(df["year"].max()) + 1)) if len(df) else []
    series = []
    for (label, slot), g in df.groupby([ctx.label_col, "color_index"], sort=False):
        g = g.set_index("year").reindex(years)
        series.append(Series(str(label), clean(g["value"] / divisor), district_color(int(slot)), labels=False))
    target = None
    t = targets.set_index("year").reindex(years)["target"] if len(targets) else pd.Series(dtype=float)
    if len(t) and t.notna().any():
        target = Series(text("target", ctx.lang), clean(t / divisor), TARGET_COLOR, dashed=True, labels=False)
    spec = ChartSpec(
        "line",
        title,
        ctx.subtitle((years[0], years[-1]) if years else None),
        ctx.source_all,
        categories=[str(y) for y in years],
        series=series,
        target=target,
        unit=shown,
        number_format=number_format(m.unit, divisor),
        notes=m.definition(ctx.lang),
    )
    return Built(fig, df, spec)


REPORTED_RESOLVED = ["disputes_reported", "disputes_resolved"]


def build_reported_resolved(ctx: Context) -> Built:
    """Disputes reported and resolved per district, side by side (as pages/03_disputes.py)."""
    df = run_query(ctx.con, "metrics_by_district", city=ctx.city, year=ctx.year, metrics=REPORTED_RESOLVED)
    names = {
        "disputes_reported": text("reported_label", ctx.lang),
        "disputes_resolved": text("resolved_label", ctx.lang),
    }
    m = _metric("disputes_reported")
    unit_label = m.unit_label(ctx.lang)
    fig = grouped_bars(
        df,
        label_col=ctx.label_col,
        series=names,
        title=text("title_grouped", ctx.lang, year=ctx.year),
        source=ctx.source,
        unit="count",
        unit_label=unit_label,
        lang=ctx.lang,
    )
    order = list(dict.fromkeys(df[ctx.label_col]))
    divisor, shown = axis_unit("count", unit_label, df["value"], ctx.lang)
    series = []
    for tr, code in zip(fig.data, names, strict=False):
        part = df[df["metric_code"] == code].set_index(ctx.label_col).reindex(order)
        series.append(Series(names[code], clean(part["value"] / divisor), to_hex(tr.marker.color)))
    spec = ChartSpec(
        "bar",
        text("title_grouped", ctx.lang, year=ctx.year),
        ctx.subtitle(),
        ctx.source,
        categories=[str(x) for x in order],
        series=series,
        unit=shown,
        number_format=number_format("count", divisor),
    )
    return Built(fig, df, spec)


def build_heatmap(ctx: Context, code: str) -> Built:
    """Districts × years for one metric (as pages/06_compare.py); on a slide, a table shaded like the heatmap."""
    m = _metric(code)
    df = run_query(ctx.con, "metric_trend", city=ctx.city, metric=code)
    unit_label = m.unit_label(ctx.lang)
    divisor, shown = axis_unit(m.unit, unit_label, df["value"], ctx.lang)
    title = text("title_heatmap", ctx.lang, metric=m.short_name(ctx.lang), unit=shown)
    fig = heatmap(
        df,
        label_col=ctx.label_col,
        title=title,
        source=ctx.source_all,
        unit=m.unit,
        unit_label=unit_label,
        lang=ctx.lang,
        polarity=m.polarity,
    )
    years = list(range(int(df["year"].min()), int(df["year"].max()) + 1)) if len(df) else []
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
    table = pd.DataFrame([[lbl, *row] for lbl, row in zip(order, cells, strict=True)])
    table.columns = [text("col_district", ctx.lang), *[str(y) for y in years]]
    colours = [[None] + [shade(v, low, high, m.polarity == "lower") for v in row] for row in values]
    spec = ChartSpec(
        "table",
        title,
        ctx.subtitle((years[0], years[-1]) if years else None),
        ctx.source_all,
        unit=shown,
        number_format=fmt,
        table=table,
        cell_colors=colours,
        align_right=[False] + [True] * len(years),
        notes=text("heatmap_note", ctx.lang) + " " + m.definition(ctx.lang),
    )
    return Built(fig, df, spec)


def build_ranking_table(ctx: Context, code: str) -> Built:
    """The district ranking as a table: rank, district, value, last year, change, rank change, target, met."""
    m = _metric(code)
    df = run_query(ctx.con, "metric_by_district", city=ctx.city, year=ctx.year, metric=code)
    lg = ctx.lang
    unit_label = m.unit_label(lg)
    divisor, shown = axis_unit(m.unit, unit_label, df["value"], lg)
    fmt_digits = 1 if m.unit == "percent" else 2 if m.unit == "per_10k" else (1 if divisor > 1 else 0)

    def num(v) -> str:
        return "—" if pd.isna(v) else f"{v / divisor:,.{fmt_digits}f}"

    rows = []
    for r in df.to_dict("records"):
        change = r["change"] if m.unit == "percent" else r["pct_change"]
        rows.append(
            [
                "" if pd.isna(r["rank"]) else str(int(r["rank"])),
                str(r[ctx.label_col]),
                num(r["value"]),
                num(r["prev_value"]),
                format_change(None if pd.isna(change) else float(change), m.unit, lg) or "—",
                "" if pd.isna(r["rank_change"]) else f"{int(r['rank_change']):+d}",
                num(r["target"]) if pd.notna(r["target"]) else "",
                "" if pd.isna(r["meets_target"]) else text("yes" if r["meets_target"] else "no", lg),
            ]
        )
    unit_note = f"（{shown}）" if lg == "zh" else f" ({shown})"
    columns = [
        text("col_rank", lg),
        text("col_district", lg),
        text("col_value", lg) + unit_note,
        text("col_prev_value", lg),
        text("col_change", lg),
        text("col_rank_change", lg),
        text("col_target", lg),
        text("col_meets_target", lg),
    ]
    table = pd.DataFrame(rows, columns=columns)
    title = text("title_ranking_table", lg, year=ctx.year, metric=m.short_name(lg))
    fig = table_figure(table, title, ctx.source)
    colours = [
        [None] * 7
        + [
            MEETS_TARGET_COLOR
            if r["meets_target"] is True
            else BELOW_TARGET_COLOR
            if r["meets_target"] is False
            else None
        ]
        for r in df.to_dict("records")
    ]
    spec = ChartSpec(
        "table",
        title,
        ctx.subtitle(),
        ctx.source,
        unit=shown,
        table=table,
        cell_colors=colours,
        align_right=[True, False, True, True, True, True, True, False],
        notes=m.definition(lg),
    )
    return Built(fig, df, spec)


def build_headline(ctx: Context) -> Built:
    """The overview's headline figures as a table: city figure, change on last year, targets met, how made."""
    lg = ctx.lang
    cat = load_catalog()
    df = run_query(ctx.con, "city_overview", city=ctx.city, year=ctx.year)
    df = df[df["headline"]].reset_index(drop=True)
    rows = []
    for r in df.to_dict("records"):
        m = cat.metrics[r["metric_code"]]
        change = r["change"] if m.unit == "percent" else r["pct_change"]
        method = (
            text("method_sum", lg, n=int(r["n_reporting"]), m=int(r["n_districts"]))
            if r["method"] == "sum"
            else text(f"method_{r['method']}", lg)
        )
        targets = ""
        if pd.notna(r["target"]) and r["n_with_target"]:
            targets = text(
                "targets_met",
                lg,
                target=format_value(r["target"], m.unit, m.unit_label(lg), lg),
                n=int(r["n_meets"]),
                m=int(r["n_with_target"]),
            )
        rows.append(
            [
                m.short_name(lg),
                format_value(r["value"], m.unit, m.unit_label(lg), lg),
                format_change(None if pd.isna(change) else float(change), m.unit, lg) or "—",
                targets,
                method,
            ]
        )
    columns = [
        text("col_metric", lg),
        text("col_value", lg),
        text("col_vs_last_year", lg),
        text("col_targets_met", lg),
        text("col_method", lg),
    ]
    table = pd.DataFrame(rows, columns=columns)
    title = f"{ctx.city_label} {text('when_year', lg, year=ctx.year)} {text('headline_heading', lg)}"
    fig = table_figure(table, title, ctx.source)
    spec = ChartSpec(
        "table", title, ctx.subtitle(), ctx.source, table=table, align_right=[False, True, True, False, False]
    )
    return Built(fig, df, spec)


def table_figure(table: pd.DataFrame, title: str, source: str) -> go.Figure:
    """A table as a Plotly figure, so that table-shaped entries export as images too."""
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


# The registry -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartEntry:
    """A named chart: its titles and how to build it from a store for a city, year and language."""

    name: str
    title_zh: str
    title_en: str
    theme: str
    build_ctx: Callable[[Context], Built]

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh

    def build(self, con: duckdb.DuckDBPyConnection, city: str, year: int, lang: str = "zh") -> Built:
        """(figure, data, spec) for `city` and `year` in `lang`."""
        built = self.build_ctx(Context(con, city, int(year), "en" if lang == "en" else "zh"))
        built.name = self.name
        return built


def _entries() -> list[ChartEntry]:
    def ranking(code: str) -> Callable[[Context], Built]:
        return lambda ctx: build_ranking(ctx, code)

    return [
        ChartEntry("overview_headline", "主要指标一览", "Headline figures", "overview", build_headline),
        ChartEntry(
            "contracts_ranking", "各区县集体合同签订率与目标", "Contract signing rate by district", "contracts",
            ranking("contract_rate_collective"),
        ),
        ChartEntry(
            "contracts_trend", "全市集体合同签订率历年变化", "City contract signing rate over the years", "contracts",
            lambda ctx: build_city_trend(ctx, "contract_rate_collective"),
        ),
        ChartEntry(
            "contracts_district_trend", "各区县集体合同签订率历年变化", "Contract signing rate by district over the years",
            "contracts", lambda ctx: build_district_trend(ctx, "contract_rate_collective"),
        ),
        ChartEntry(
            "contracts_wage_ranking", "各区县工资专项集体合同签订率", "Wage contract rate by district", "contracts",
            ranking("contract_rate_wage"),
        ),
        ChartEntry(
            "contracts_women_ranking", "各区县女职工专项集体合同签订率", "Women workers' contract rate by district",
            "contracts", ranking("contract_rate_women"),
        ),
        ChartEntry(
            "disputes_reported_resolved", "各区县劳资纠纷上报与结案", "Disputes reported and resolved by district",
            "disputes", build_reported_resolved,
        ),
        ChartEntry(
            "disputes_resolution_ranking", "各区县纠纷结案率", "Dispute resolution rate by district", "disputes",
            ranking("dispute_resolution_rate"),
        ),
        ChartEntry(
            "disputes_trend", "全市群体性劳资纠纷历年变化", "City collective disputes over the years", "disputes",
            lambda ctx: build_city_trend(ctx, "disputes_reported"),
        ),
        ChartEntry("aid_amount_ranking", "各区县帮扶金额", "Hardship aid by district", "aid", ranking("aid_amount")),
        ChartEntry(
            "aid_per_person_ranking", "各区县人均帮扶金额", "Aid per person helped by district", "aid",
            ranking("aid_per_person"),
        ),
        ChartEntry(
            "members_ranking", "各区县会员总数", "Total members by district", "membership", ranking("total_members")
        ),
        ChartEntry(
            "new_members_ranking", "各区县新发展会员", "New members by district", "membership", ranking("new_members")
        ),
        ChartEntry(
            "metric_heatmap", "集体合同签订率：区县 × 年份", "Contract signing rate: districts × years", "compare",
            lambda ctx: build_heatmap(ctx, "contract_rate_collective"),
        ),
        ChartEntry(
            "contracts_ranking_table", "集体合同签订率排名表", "Contract signing rate ranking table", "compare",
            lambda ctx: build_ranking_table(ctx, "contract_rate_collective"),
        ),
    ]  # fmt: skip


CHARTS: dict[str, ChartEntry] = {e.name: e for e in _entries()}


def chart_names() -> list[str]:
    """Every chart name, in the order the entries are listed."""
    return list(CHARTS)


def get_chart(name: str) -> ChartEntry:
    """The entry called `name`; ExportError (naming the known charts) for any other name."""
    try:
        return CHARTS[name]
    except KeyError:
        known = ", ".join(CHARTS)
        raise ExportError(
            f"没有名为“{name}”的图表。可用的图表：{known}", f"No chart called {name!r}. Charts: {known}"
        ) from None


def build_chart(con: duckdb.DuckDBPyConnection, name: str, city: str, year: int, lang: str = "zh") -> Built:
    """Build the named chart for `city` and `year`."""
    return get_chart(name).build(con, city, year, lang)
