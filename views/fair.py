"""The fair-comparison and map views: each district's 95 % interval and verdict against the city, the funnel plot,
the ranking with verdicts beside the ranks, a district's verdicts, and the district map.

Like views/named.py, each is one function from a context and a metric to a View (figure, data, slide spec, source
line, sentence), registered in views/catalog.py so pages, decks and `python -m export chart` show the same view.
The interval chart, the funnel and the map have no native slide shape: decks get their picture.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.geo import city_geometry
from analysis.indicators import interval_method
from analysis.intervals import district_intervals, funnel_limits, judgement
from analysis.peers import Peers, peer_comparison, pick_peers, size_metric
from charts.format import format_number, format_value
from charts.funnel import funnel_plot, interval_chart
from charts.maps import district_map, unmapped
from etl.catalog import Metric, load_catalog
from texts import t
from views.context import Context
from views.spec import ChartSpec
from views.view import View

JUDGEMENT_MARK = {"better": "🔵", "worse": "🟠", "same": "⚪"}
HIDDEN = ["unit", "scale", "polarity"]  # columns of the interval rows that are the metric's, not the district's


def interval_rows(ctx: Context, m: Metric) -> pd.DataFrame | None:
    """Each district's value, 95 % interval and verdict against the city in the year (analysis.intervals), or None
    where the metric has no honest interval (no numerator and denominator, or not a proportion or event rate)."""
    if interval_method(m, load_catalog()) is None:
        return None
    parts = ctx.query("metric_parts_by_district", city=ctx.city, year=ctx.year, metric=m.code)
    if parts.empty or parts["numerator"].isna().all():
        return None
    return district_intervals(parts)


def verdict_text(code: object, method: object, polarity: str, lang: str) -> str:
    """显著高于全市 🟠 / 与全市相当 ⚪ … (the mark says good or bad news for the metric), or why there is none."""
    if method == "parts_disagree":
        return t("verdict_parts_disagree", lang)
    if not isinstance(code, str):
        return t("verdict_none", lang)
    mark = JUDGEMENT_MARK.get(judgement(code, polarity) or "", "")
    return f"{t(f'verdict_{code}', lang)} {mark}".strip()


def verdict_words(text: str) -> str:
    """A verdict without its coloured mark (🔵 🟠 ⚪): for decks and files, whose fonts (LibreOffice and WPS on a
    machine without an emoji font) draw those marks as empty boxes; the words say the same."""
    for mark in JUDGEMENT_MARK.values():
        text = text.replace(mark, "")
    return text.strip()


def interval_text(lower: object, upper: object, unit: str) -> str:
    """'61.2 – 78.9', or — without an interval."""
    if pd.isna(lower) or pd.isna(upper):
        return "—"
    return f"{format_number(float(lower), unit)} – {format_number(float(upper), unit)}"


def verdicts(ctx: Context, m: Metric) -> pd.DataFrame:
    """district_code → interval (text) and verdict (text) of `m` in the year; empty where it has no intervals."""
    iv = interval_rows(ctx, m)
    if iv is None:
        return pd.DataFrame(columns=["district_code", "interval", "verdict_text", "verdict"])
    return pd.DataFrame(
        {
            "district_code": iv["district_code"],
            "interval": [interval_text(lo, hi, m.unit) for lo, hi in zip(iv["lower"], iv["upper"], strict=True)],
            "verdict_text": [
                verdict_text(v, me, m.polarity, ctx.lang) for v, me in zip(iv["verdict"], iv["method"], strict=True)
            ],
            "verdict": iv["verdict"],
        }
    )


def _labels(city_text: str, lang: str) -> dict[str, str]:
    return {
        "better": t("verdict_better_news", lang),
        "worse": t("verdict_worse_news", lang),
        "same": t("verdict_similar", lang),
        "none": t("verdict_none", lang),
        "limit_95": t("funnel_limit_95", lang),
        "limit_998": t("funnel_limit_998", lang),
        "city": city_text,
    }


def _city_text(m: Metric, iv: pd.DataFrame, lang: str) -> str:
    value = iv["city_value"].iloc[0]
    shown = format_value(float(value), m.unit, m.unit_label(lang), lang) if pd.notna(value) else "—"
    return t("funnel_city", lang, value=shown)


def fair_sentence(ctx: Context, m: Metric, iv: pd.DataFrame) -> str:
    """'2024年16个区县中，2个显著高于全市（A、B），1个显著低于全市（C），13个与全市相当' ('' without a verdict)."""
    lg = ctx.lang
    judged = iv[iv["verdict"].notna()]
    if judged.empty:
        return ""
    sep = ", " if lg == "en" else "、"

    def names(code: str) -> str:
        return sep.join(str(x) for x in judged.loc[judged["verdict"] == code, ctx.label_col])

    parts = []
    for code in ("higher", "lower"):
        n = int((judged["verdict"] == code).sum())
        if n:
            parts.append(t(f"sentence_fair_{code}", lg, n=n, names=names(code)))
    n_same = int((judged["verdict"] == "similar").sum())
    if n_same:
        parts.append(t("sentence_fair_similar", lg, n=n_same))
    between = "; " if lg == "en" else "，"  # the clauses, whose lists of names are joined by `sep`
    return t("sentence_fair", lg, year=ctx.year, n=len(judged), metric=m.short_name(lg), parts=between.join(parts))


def _no_interval(ctx: Context, m: Metric, name: str, title: str, iv: pd.DataFrame | None = None) -> View:
    """A view saying why there is no chart of districts against the city: no counts behind the rate that year, or
    one district alone with them (the city figure is then that district's own: nothing to compare)."""
    lg = ctx.lang
    empty = pd.DataFrame(columns=["district_code", ctx.label_col, "value"])
    message = t("fair_no_interval", lg, year=ctx.year, metric=m.short_name(lg))
    judged = iv[iv["value"].notna() & iv["lower"].notna()] if iv is not None else pd.DataFrame()
    if len(judged) == 1:
        one = judged.iloc[0]
        value = format_value(float(one["value"]), m.unit, m.unit_label(lg), lg)
        message = t("only_one_district", lg, year=ctx.year, district=one[ctx.label_col], metric=m.short_name(lg),
                    value=value)  # fmt: skip
    return View(name, title, empty, None, None, ctx.source, ctx.subtitle(), ctx.label_col, message=message)


MIN_DISTRICTS = 2  # districts with an interval before a chart of them against the city means anything


def _judged_view(ctx: Context, m: Metric, iv: pd.DataFrame, name: str, title: str, fig, note: str) -> View:
    """A chart of the districts against the city: its rows (with each verdict in words), note and sentence."""
    data = iv.drop(columns=HIDDEN).assign(
        verdict=[verdict_text(v, me, m.polarity, ctx.lang) for v, me in zip(iv["verdict"], iv["method"], strict=True)]
    )
    return View(
        name,
        title,
        data,
        fig,
        None,
        ctx.source,
        ctx.subtitle(),
        ctx.label_col,
        notes=[note],
        sentence=fair_sentence(ctx, m, iv),
        metrics=(m.code,),
    )


def intervals(ctx: Context, m: Metric, title_key: str = "interval_title", stem: str = "") -> View:
    """Each district's rate with its 95 % interval as a horizontal dot and whiskers, the city figure as a line,
    coloured by the verdict's meaning for the metric (better, worse, similar)."""
    lg = ctx.lang
    unit = m.unit_label(lg)
    title = t(title_key, lg, metric=m.short_name(lg), year=ctx.year, unit=unit)
    name = stem or f"{m.code}_{ctx.year}_intervals"
    iv = interval_rows(ctx, m)
    if iv is None or (iv["value"].notna() & iv["lower"].notna()).sum() < MIN_DISTRICTS:
        return _no_interval(ctx, m, name, title, iv)
    city_text = _city_text(m, iv, lg)
    fig = interval_chart(
        iv,
        label_col=ctx.label_col,
        city_value=iv["city_value"].iloc[0],
        unit=m.unit,
        polarity=m.polarity,
        title=title,
        source=ctx.source,
        x_title=unit,
        labels=_labels(city_text, lg),
    )
    return _judged_view(ctx, m, iv, name, title, fig, t("fair_note", lg, city=city_text))


FUNNEL_POINTS = 80  # denominators the control limits are drawn at (log-spaced)


def funnel(ctx: Context, m: Metric, title_key: str = "funnel_title", stem: str = "") -> View:
    """The funnel plot: each district's rate against its denominator (members), inside 95 % and 99.8 % control
    limits around the city figure (Spiegelhalter 2005). A district outside the funnel differs by more than chance."""
    lg = ctx.lang
    unit = m.unit_label(lg)
    title = t(title_key, lg, metric=m.short_name(lg), year=ctx.year, unit=unit)
    name = stem or f"{m.code}_{ctx.year}_funnel"
    iv = interval_rows(ctx, m)
    if (
        iv is None
        or m.unit not in ("percent", "per_10k")
        or (iv["value"].notna() & iv["lower"].notna()).sum() < MIN_DISTRICTS
        or pd.isna(iv["city_value"].iloc[0])
    ):
        return _no_interval(ctx, m, name, title, iv)
    city_value = float(iv["city_value"].iloc[0])
    dens = iv["denominator"].dropna()
    dens = dens[dens > 0]
    if dens.empty:
        return _no_interval(ctx, m, name, title)
    grid = list(np.geomspace(max(dens.min() * 0.7, 1), dens.max() * 1.3, FUNNEL_POINTS))
    limits = funnel_limits(city_value, grid, m.unit, float(iv["scale"].iloc[0]))
    city_text = _city_text(m, iv, lg)
    fig = funnel_plot(
        iv,
        limits,
        label_col=ctx.label_col,
        city_value=city_value,
        unit=m.unit,
        polarity=m.polarity,
        title=title,
        source=ctx.source,
        x_title=t("funnel_x", lg),
        y_title=unit,
        labels=_labels(city_text, lg),
    )
    return _judged_view(ctx, m, iv, name, title, fig, t("funnel_note", lg))


def district_verdicts(ctx: Context, district: str) -> dict[str, str]:
    """metric code → the district's verdict against the city (text), for every rate with intervals that year
    where the district has a figure ('无法判断' where its counts allow none)."""
    out = {}
    for m in load_catalog().metrics.values():
        iv = interval_rows(ctx, m)
        if iv is None:
            continue
        mine = iv[(iv["district_code"] == district) & iv["value"].notna()]
        if len(mine):
            r = mine.iloc[0]
            out[m.code] = verdict_text(r["verdict"], r["method"], m.polarity, ctx.lang)
    return out


def profile_verdicts(ctx: Context, district: str, title_key: str = "fair_heading", stem: str = "") -> View:
    """For each rate of one district with an interval: its value, 95 % interval, the city figure and the verdict
    against the city, as a table (a native table on a slide)."""
    lg = ctx.lang
    rows = []
    codes = []
    for m in load_catalog().metrics.values():
        iv = interval_rows(ctx, m)
        if iv is None:
            continue
        mine = iv[iv["district_code"] == district]
        if mine.empty or pd.isna(mine["value"].iloc[0]):
            continue
        r = mine.iloc[0]
        unit = m.unit_label(lg)
        codes.append(m.code)
        rows.append(
            [
                m.short_name(lg),
                format_value(r["value"], m.unit, unit, lg),
                interval_text(r["lower"], r["upper"], m.unit),
                format_value(r["city_value"], m.unit, unit, lg) if pd.notna(r["city_value"]) else "—",
                verdict_text(r["verdict"], r["method"], m.polarity, lg),
            ]
        )
    keys = ("col_metric", "col_value", "col_interval", "ind_city", "col_verdict")
    table = pd.DataFrame(rows, columns=[t(k, lg) for k in keys])
    title = t(title_key, lg)
    spec = ChartSpec(
        "table", title, ctx.subtitle(), ctx.source, table=table, align_right=[False, True, True, True, False]
    )
    from views.named import table_figure  # the table-as-figure every table view exports with

    view = View.of(spec, stem or f"{district}_{ctx.year}_fair", table, table_figure(table, title, ctx.source))
    view.table = table
    view.metrics = tuple(codes)
    return view


def peers(
    ctx: Context, district: str, how: str = "kind", chosen: list[str] | None = None, title_key: str = "peers_heading"
) -> View:
    """One district beside its peers (analysis.peers: the same kind 区/县/市, the same size band of members, or
    `chosen`): per indicator of the year, its value, the peers' median and how many peers reported, as a table
    (a native table on a slide); `notes` names the peers. No rows where the city has fewer than 3 districts or
    the district has no peers that way."""
    lg = ctx.lang
    cat = load_catalog()
    names = ctx.query("districts", city=ctx.city)
    keys = ("col_metric", "col_value", "col_peer_median", "col_n_peers")
    empty = pd.DataFrame(columns=[t(k, lg) for k in keys])
    title = t(title_key, lg)
    found = Peers(district, how, ())
    if len(names) >= 3 and district in set(names["district_code"]):
        members = ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=size_metric())
        pool = names[["district_code", "district_zh"]].merge(
            members[["district_code", "value"]].rename(columns={"value": "members"}), on="district_code", how="left"
        )
        found = pick_peers(pool, district, how, chosen)
    rows, notes, codes = [], [], []
    if found.codes:
        label = dict(zip(names["district_code"], names["district_en" if lg == "en" else "district_zh"], strict=True))
        listed = (", " if lg == "en" else "、").join(label[c] for c in found.codes)
        if found.kind:
            sep = ": " if lg == "en" else "："
            listed = f"{t('kind_' + found.kind, lg)}{sep}{listed}"
        notes.append(listed)
        profile = ctx.query("district_metric_years", city=ctx.city, metrics=list(cat.metrics))
        year_rows = profile[profile["year"] == ctx.year]
        cmp = peer_comparison(year_rows[["district_code", "metric_code", "value"]], found)
        for r in cmp[cmp["value"].notna() | (cmp["n_peers"] > 0)].to_dict("records"):
            m = cat.metrics[r["metric_code"]]
            codes.append(m.code)
            rows.append(
                [
                    m.short_name(lg),
                    format_value(r["value"], m.unit, m.unit_label(lg), lg),
                    format_value(r["peer_median"], m.unit, m.unit_label(lg), lg),
                    f"{r['n_peers']}/{len(found.codes)}",
                ]
            )
    table = pd.DataFrame(rows, columns=empty.columns) if rows else empty
    spec = ChartSpec("table", title, ctx.subtitle(), ctx.source, table=table, align_right=[False, True, True, True])
    from views.named import table_figure  # the table-as-figure every table view exports with

    view = View.of(spec, f"{district}_{ctx.year}_peers", table, table_figure(table, title, ctx.source), notes=notes)
    view.table = table
    view.metrics = tuple(codes)
    return view


def city_map(ctx: Context, m: Metric, title_key: str = "map_title", stem: str = "") -> View:
    """The metric on the city's district map (a choropleth on the offline boundaries of data/geo/): districts
    without a value hatched, never coloured as zero; districts the map has no boundary for named in a note."""
    lg = ctx.lang
    unit = m.unit_label(lg)
    title = t(title_key, lg, metric=m.short_name(lg), year=ctx.year, unit=unit)
    name = stem or f"{m.code}_{ctx.year}_map"
    df = ctx.query("metric_by_district", city=ctx.city, year=ctx.year, metric=m.code)
    geo = city_geometry(ctx.city)
    if geo is None:
        message = t("map_none", lg, city=ctx.city_label)
        return View(name, title, df, None, None, ctx.source, ctx.subtitle(), ctx.label_col, message=message)
    source = ctx.source
    if not geo.is_made_up:
        source = f"{source} · {t('map_geo_source', lg)}" if source else t("map_geo_source", lg)
    fig = district_map(
        df,
        geo.geojson,
        name_col=ctx.label_col,
        title=title,
        source=source,
        unit=m.unit,
        unit_label=unit,
        missing_label=t("map_missing", lg),
        lang=lg,
    )
    notes = []
    off = unmapped(df, geo.geojson)
    if len(off):
        notes.append(t("map_unmapped", lg, names=("、" if lg != "en" else ", ").join(off[ctx.label_col].astype(str))))
    if geo.is_made_up:
        notes.append(t("map_made_up", lg))
    message = ""
    if df.empty or df["value"].isna().all():
        message = t("no_values", lg, year=ctx.year, metric=m.short_name(lg))
    return View(
        name,
        title,
        df,
        fig,
        None,
        source,
        ctx.subtitle(),
        ctx.label_col,
        notes=notes,
        message=message,
        metrics=(m.code,),
    )


def small_counts(ctx: Context, metrics: list[str]) -> set[tuple[str, str]]:
    """(district_code, metric_code) of the year's figures resting on fewer than 5 cases (metric_by_district's
    small_count, read for every metric in one query): a warning or a verdict on them is marked, as the rankings
    hatch them."""
    if not metrics:
        return set()
    df = ctx.query("small_counts", city=ctx.city, year=ctx.year, metrics=sorted(metrics))
    return {(str(d), str(m)) for d, m in zip(df["district_code"], df["metric_code"], strict=True)}
