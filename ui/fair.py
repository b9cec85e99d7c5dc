"""Streamlit blocks for fair comparison, the district map, early warning, peers and the ⓘ link to /indicators.

Each block takes the page's Filters and a Metric, asks the named queries, uses the pure functions of analysis/
and charts/, and renders through the shared chart_ui (so every chart here has its PNG, SVG, slide and CSV).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from analysis.alerts import evaluate, evidence_text, load_rules
from analysis.changes import changes
from analysis.geo import city_geometry
from analysis.indicators import interval_method
from analysis.intervals import district_intervals, funnel_limits, judgement
from analysis.peers import HOW, peer_comparison, pick_peers, size_metric
from charts.format import format_number, format_value
from charts.funnel import funnel_plot, interval_chart
from charts.maps import district_map, unmapped
from etl.catalog import Metric, load_catalog
from texts import t as text  # in the view's own language: a cached view is built for every session
from ui.data import run_query
from ui.exports import table_downloads_ui
from ui.i18n import lang, t
from ui.widgets import chart_ui
from views import cache
from views.context import Context as Filters
from views.view import View

INDICATORS_PAGE = "pages/14_indicators.py"
PROFILE_PAGE = "pages/07_profile.py"
JUDGEMENT_MARK = {"better": "🔵", "worse": "🟠", "same": "⚪"}


def info_link(m: Metric) -> None:
    """ⓘ: the metric's entry on the 指标说明 page."""
    st.page_link(
        INDICATORS_PAGE,
        label=f"{t('definition_link')}：{m.short_name(lang())}" if lang() == "zh" else t("definition_link"),
        icon=":material/info:",
        query_params={"metric": m.code},
        help=m.definition(lang()),
    )


def _labels(city_text: str) -> dict[str, str]:
    return {
        "better": t("verdict_better_news"),
        "worse": t("verdict_worse_news"),
        "same": t("verdict_similar"),
        "none": t("verdict_none"),
        "limit_95": t("funnel_limit_95"),
        "limit_998": t("funnel_limit_998"),
        "city": city_text,
    }


def _view(f: Filters, title: str, fig, data: pd.DataFrame, name: str) -> View:
    """A chart of this module as a View: no native slide spec, so a deck gets its picture."""
    return View(name, title, data, fig, None, f.source, f.subtitle(data), f.label_col)


def intervals_for(f: Filters, m: Metric) -> pd.DataFrame | None:
    """District intervals and verdicts of `m` in the year, or None where the metric has no honest interval."""
    if interval_method(m, load_catalog()) is None:
        return None
    parts = run_query("metric_parts_by_district", city=f.city, year=f.year, metric=m.code)
    if parts.empty or parts["numerator"].isna().all():
        return None
    return district_intervals(parts)


def verdict_text(code: object, method: object, polarity: str) -> str:
    """显著高于全市 🟠 / 与全市相当 ⚪ …, or why there is none."""
    if method == "parts_disagree":
        return t("verdict_parts_disagree")
    if not isinstance(code, str):
        return t("verdict_none")
    mark = JUDGEMENT_MARK.get(judgement(code, polarity) or "", "")
    return f"{t(f'verdict_{code}')} {mark}".strip()


def fair_ranking_ui(f: Filters, m: Metric, ranked: pd.DataFrame) -> None:
    """Ranks beside 95 % intervals and the verdict against the city, and the interval chart, for rates."""
    iv = intervals_for(f, m)
    if iv is None:
        return
    lg = f.lang
    unit = m.unit_label(lg)
    table = ranked[["district_code", f.label_col, "rank", "value"]].merge(
        iv[["district_code", "lower", "upper", "method", "verdict"]], on="district_code", how="left"
    )
    table["interval"] = [
        f"{format_number(lo, m.unit)} – {format_number(hi, m.unit)}" if pd.notna(lo) else "—"
        for lo, hi in zip(table["lower"], table["upper"], strict=True)
    ]
    table["verdict_text"] = [
        verdict_text(v, me, m.polarity) for v, me in zip(table["verdict"], table["method"], strict=True)
    ]
    city_value = iv["city_value"].iloc[0]
    city_text = t("funnel_city", value=format_value(city_value, m.unit, unit, lg))
    st.subheader(t("fair_heading"))
    st.caption(t("fair_note", city=city_text))
    shown = table[["rank", f.label_col, "value", "interval", "verdict_text"]].rename(
        columns={
            "rank": t("col_rank"),
            f.label_col: t("col_district"),
            "value": f"{t('col_value')}（{unit}）" if lg == "zh" else f"{t('col_value')} ({unit})",
            "interval": t("col_interval"),
            "verdict_text": t("col_verdict"),
        }
    )
    st.dataframe(shown, hide_index=True, width="stretch")
    table_downloads_ui(shown, f"{m.code}_{f.year}_fair", t("col_verdict"))
    title = t("interval_title", metric=m.short_name(lg), year=f.year, unit=unit)
    fig = interval_chart(
        iv,
        label_col=f.label_col,
        city_value=city_value,
        unit=m.unit,
        polarity=m.polarity,
        title=title,
        source=f.source,
        x_title=unit,
        labels=_labels(city_text),
    )
    chart_ui(_view(f, title, fig, iv.drop(columns=["unit", "scale", "polarity"]), f"{m.code}_{f.year}_intervals"))
    if m.unit == "per_10k":
        funnel_ui(f, m, iv)


def funnel_ui(f: Filters, m: Metric, iv: pd.DataFrame | None = None) -> None:
    """The funnel plot of a rate per 10,000 against members, with 95 % and 99.8 % limits around the city."""
    iv = intervals_for(f, m) if iv is None else iv
    if iv is None or iv["denominator"].isna().all() or pd.isna(iv["city_value"].iloc[0]):
        return
    lg = f.lang
    unit = m.unit_label(lg)
    city_value = float(iv["city_value"].iloc[0])
    dens = iv["denominator"].dropna()
    grid = list(np.geomspace(max(dens.min() * 0.7, 1), dens.max() * 1.3, 80))
    limits = funnel_limits(city_value, grid, m.unit, float(iv["scale"].iloc[0]))
    city_text = t("funnel_city", value=format_value(city_value, m.unit, unit, lg))
    title = t("funnel_title", metric=m.short_name(lg), year=f.year)
    fig = funnel_plot(
        iv,
        limits,
        label_col=f.label_col,
        city_value=city_value,
        unit=m.unit,
        polarity=m.polarity,
        title=title,
        source=f.source,
        x_title=t("funnel_x"),
        y_title=unit,
        labels=_labels(city_text),
    )
    chart_ui(_view(f, title, fig, iv.drop(columns=["unit", "scale", "polarity"]), f"{m.code}_{f.year}_funnel"))
    st.caption(t("funnel_note"))


def map_ui(f: Filters, m: Metric) -> None:
    """The metric on the city's district map; districts without a value hatched, districts off the map named."""
    made = cache.build(map_view, f, m)  # drawn once per city, year, metric and data, for every session
    if made is None:
        st.caption(t("map_none", city=f.city_label))
        return
    view, off, made_up = made
    chart_ui(view)
    if len(off):
        st.caption(t("map_unmapped", names="、".join(off[f.label_col].astype(str))))
    if made_up:
        st.caption(t("map_made_up"))


def map_view(f: Filters, m: Metric) -> tuple[View, pd.DataFrame, bool] | None:
    """The map's View, the districts off the map and whether the geometry is made up; None without geometry."""
    geo = city_geometry(f.city)
    if geo is None:
        return None
    df = f.query("metric_by_district", city=f.city, year=f.year, metric=m.code)
    lg = f.lang
    unit = m.unit_label(lg)
    source = f.source
    if not geo.is_made_up:
        source = f"{source} · {text('map_geo_source', lg)}" if source else text("map_geo_source", lg)
    title = text("map_title", lg, metric=m.short_name(lg), year=f.year)
    fig = district_map(
        df,
        geo.geojson,
        name_col=f.label_col,
        title=title,
        source=source,
        unit=m.unit,
        unit_label=unit,
        missing_label=text("map_missing", lg),
        lang=lg,
    )
    return _view(f, title, fig, df, f"{m.code}_{f.year}_map"), unmapped(df, geo.geojson), geo.is_made_up


def movers_frame(df: pd.DataFrame, m: Metric) -> pd.DataFrame:
    """metric_by_district rows with the change shown in the metric's unit and small changes marked."""
    return changes(df, m.unit)


def profile_verdicts_ui(f: Filters, district: str) -> None:
    """For each rate of the district with an interval: value, 95 % interval and the verdict against the city."""
    cat = load_catalog()
    rows = []
    for m in cat.metrics.values():
        iv = intervals_for(f, m)
        if iv is None:
            continue
        mine = iv[iv["district_code"] == district]
        if mine.empty or pd.isna(mine["value"].iloc[0]):
            continue
        r = mine.iloc[0]
        unit = m.unit_label(f.lang)
        rows.append(
            {
                t("col_metric"): m.short_name(f.lang),
                t("col_value"): format_value(r["value"], m.unit, unit, f.lang),
                t("col_interval"): f"{format_number(r['lower'], m.unit)} – {format_number(r['upper'], m.unit)}"
                if pd.notna(r["lower"])
                else "—",
                t("ind_city"): format_value(r["city_value"], m.unit, unit, f.lang),
                t("col_verdict"): verdict_text(r["verdict"], r["method"], m.polarity),
            }
        )
    if rows:
        st.subheader(t("fair_heading"))
        table = pd.DataFrame(rows)
        st.dataframe(table, hide_index=True, width="stretch")
        table_downloads_ui(table, f"{district}_{f.year}_fair", t("col_verdict"))


def warning_flags(f: Filters) -> tuple[list, list | None]:
    """The rules of data/catalog/warnings.csv and the districts meeting them in the year (None: no figures)."""
    rules = load_rules(known_metrics=set(load_catalog().metrics))
    metrics = sorted({c for r in rules for c in r.metrics()})
    panel = f.query("district_metric_years", city=f.city, metrics=metrics)
    return rules, None if panel.empty else evaluate(rules, panel, f.year)


def warnings_ui(f: Filters) -> None:
    """预警: districts that meet a rule of data/catalog/warnings.csv this year, with the figures and a profile link."""
    cat = load_catalog()
    rules, flags = cache.build(warning_flags, f)  # evaluated once per city, year and data, for every session
    if flags is None:
        return
    st.subheader(t("warnings_title"))
    if not flags:
        st.caption(t("warnings_none", year=f.year))
    for flag in flags:
        with st.container(border=True):
            st.markdown(f"**{flag.district(f.lang)}** · {flag.rule.name(f.lang)}")
            st.caption(flag.rule.explain(f.lang))
            for ev in flag.evidence:
                st.markdown(f"- {evidence_text(ev, cat.metrics, f.lang)}")
            st.page_link(
                PROFILE_PAGE,
                label=t("warnings_profile", district=flag.district(f.lang)),
                icon=":material/person_pin_circle:",
                query_params={"district": flag.district_code, "city": f.city, "year": str(f.year)},
            )
    with st.expander(t("warnings_rules")):
        for r in rules:
            st.markdown(f"- **{r.name(f.lang)}**：{r.explain(f.lang)}")


def peers_ui(f: Filters, district: str) -> None:
    """The district beside its peers (same kind, similar membership, or chosen): value and the peers' median."""
    cat = load_catalog()
    names = run_query("districts", city=f.city)
    if len(names) < 3:
        return
    members = run_query("metric_by_district", city=f.city, year=f.year, metric=size_metric())
    pool = names[["district_code", "district_zh"]].merge(
        members[["district_code", "value"]].rename(columns={"value": "members"}), on="district_code", how="left"
    )
    label = dict(zip(names["district_code"], names[f.label_col], strict=True))
    st.subheader(t("peers_heading"))
    how = (
        st.segmented_control(
            t("peers_how"),
            list(HOW),
            default="kind",
            key="peers_how",
            format_func=lambda h: t(f"peers_{h}"),
        )
        or "kind"
    )
    chosen = []
    if how == "chosen":
        chosen = st.multiselect(
            t("peers_pick"), [c for c in label if c != district], key="peers_chosen", format_func=label.get
        )
    peers = pick_peers(pool, district, how, chosen)
    if not peers.codes:
        st.caption(t("peers_none"))
        return
    listed = (", " if f.lang == "en" else "、").join(label[c] for c in peers.codes)
    if peers.kind:
        listed = f"{t('kind_' + peers.kind)}: {listed}" if f.lang == "en" else f"{t('kind_' + peers.kind)}：{listed}"
    st.caption(listed)
    profile = run_query("district_metric_years", city=f.city, metrics=list(cat.metrics))
    year_rows = profile[profile["year"] == f.year]
    cmp = peer_comparison(year_rows[["district_code", "metric_code", "value"]], peers)
    cmp = cmp[cmp["value"].notna() | (cmp["n_peers"] > 0)]
    lg = f.lang
    rows = []
    for r in cmp.to_dict("records"):
        m = cat.metrics[r["metric_code"]]
        rows.append(
            {
                t("col_metric"): m.short_name(lg),
                t("col_value"): format_value(r["value"], m.unit, m.unit_label(lg), lg),
                t("col_peer_median"): format_value(r["peer_median"], m.unit, m.unit_label(lg), lg),
                t("col_n_peers"): f"{r['n_peers']}/{len(peers.codes)}",
            }
        )
    table = pd.DataFrame(rows)
    st.dataframe(table, hide_index=True, width="stretch")
    table_downloads_ui(table, f"{district}_{f.year}_peers", t("peers_heading"))
