"""Shared widgets: a View's chart with the numbers behind it, headline cards, the tables of pages 01, 06, 07."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import texts
from analysis.changes import changes, small_change
from charts.format import axis_unit, format_change, format_number, format_shown_change, format_value, with_unit
from charts.phone import for_phone
from etl.catalog import Metric, load_catalog
from narrative.tables import chart_table
from ui.exports import export_ui, table_downloads_ui, view_file_stem
from ui.i18n import TEXTS, lang, t
from ui.phone import responsive
from views import cache
from views.named import method_text
from views.view import View

PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    # the browser's own camera button: slide-shaped too (the PNG button below adds subtitle, source and date)
    "toImageButtonOptions": {"format": "png", "width": 1600, "height": 900, "scale": 2},
}
DELTA_COLOR = {"higher": "normal", "lower": "inverse", "none": "off"}
INDICATORS_PAGE = "pages/14_indicators.py"
INDICATOR_PARAM = "indicator"  # the query parameter that opens /indicators on one indicator's entry (its anchor)


def info_link(m: Metric | str) -> None:
    """ⓘ: the indicator's entry on the 指标说明 page (/indicators?indicator=CODE), its definition as the tooltip."""
    m = load_catalog().metrics[m] if isinstance(m, str) else m
    st.page_link(
        INDICATORS_PAGE,
        label=f"{t('definition_link')}：{m.short_name(lang())}"
        if lang() == "zh"
        else f"{t('definition_link')}: {m.short_name(lang())}",
        icon=":material/info:",
        query_params={INDICATOR_PARAM: m.code},
        help=m.definition(lang()),
    )


def readable_table(df: pd.DataFrame, label_col: str | None = None) -> pd.DataFrame:
    """The columns people read, renamed into the current language; codes and colour slots left out."""
    cat = load_catalog()
    out = df.copy()
    if "metric_code" in out:
        out.insert(0, "metric", [cat.metrics[c].name(lang()) if c in cat.metrics else c for c in out["metric_code"]])
    if label_col and label_col in out:
        out = out.rename(columns={label_col: "district"})
    drop = [
        c
        for c in out.columns
        if c
        in (
            "district_code",
            "district_zh",
            "district_en",
            "color_index",
            "metric_code",
            "batch_id",
            "polarity",
            "theme",
            "kind",
            "headline",
            "trend_years",
            "goodness",
        )
    ]
    out = out.drop(columns=drop)
    names = {c: t(f"col_{c}") for c in out.columns if f"col_{c}" in TEXTS}
    return out.rename(columns=names)


def chart_ui(view: View) -> None:
    """A view's chart with its image downloads and "加入幻灯片", then the numbers behind it in an expander with CSV
    (UTF-8 with BOM, so Excel opens it) and XLSX downloads, made only while the expander is open."""
    phone = cache.derived(view, "phone", lambda: for_phone(view.figure))  # made once per shared view
    if phone is None:
        st.plotly_chart(view.figure, width="stretch", theme=None, config=PLOTLY_CONFIG)
    else:  # on a phone the bars go sideways, every district named, and every title fits (charts/phone.py)
        responsive(
            lambda: st.plotly_chart(view.figure, width="stretch", theme=None, config=PLOTLY_CONFIG),
            lambda: st.plotly_chart(phone, width="stretch", theme=None, config=PLOTLY_CONFIG),
            key=f"chart_{view.name}",
        )
    known = load_catalog().metrics
    for code in view.metrics:
        if code in known:
            info_link(known[code])
    if not any(code in known for code in view.metrics):  # a chart of many indicators: the whole reference
        st.page_link(INDICATORS_PAGE, label=t("definition_link"), icon=":material/info:")
    export_ui(view)
    # lazy: the table and its files are made and sent only once someone opens it (opening reruns the page)
    with st.expander(t("table"), key=f"table_{view.name}", on_change="rerun") as numbers:
        if numbers.open:
            table = shown_table(view)
            st.dataframe(table, hide_index=True, width="stretch")
            table_downloads_ui(table, view.name, view.title, stem=view_file_stem(view), source=view.source)


def shown_table(view: View) -> pd.DataFrame:
    """The numbers behind a chart in its unit (410.8万元, 92.1%, +0.4个百分点) where the view says which indicator
    it shows (or its data has one per row); other views' columns as they are, renamed."""
    cat = load_catalog()
    if "metric_code" in view.data or view.metric in cat.metrics:
        try:
            return chart_table(view.data, cat.metrics, view.metric, view.label_col, lang())
        except KeyError:  # a row of an indicator the catalogue no longer has: its columns as stored
            pass
    return readable_table(view.data, view.label_col)


def metric_cards(view, per_row: int | None = None) -> None:
    """A card per metric of a headline view (views.named.headline): the city figure, its change on last year
    coloured by polarity, how it was made. The cards' words are worked out once per view and language
    (views/cache.derived), not on every rerun of every session: they were a fifth of a year switch's server time."""
    lg = lang()
    cards = cache.derived(view, f"metric_cards_{lg}", lambda: _card_words(view.data, lg))
    per_row = per_row or (4 if lg == "zh" else 3)  # English names are longer
    for start in range(0, len(cards), per_row):
        cols = st.columns(per_row)
        for col, card in zip(cols, cards[start : start + per_row], strict=False):
            with col.container(border=True):
                st.metric(
                    card["label"], card["value"], delta=card["delta"], delta_color=card["color"], help=card["help"]
                )
                st.caption(card["note"])


def _card_words(rows: pd.DataFrame, lg: str) -> list[dict]:
    cat = load_catalog()
    cards = []
    for row in rows.to_dict("records"):
        m: Metric = cat.metrics[row["metric_code"]]
        change = row["change"] if m.unit == "percent" else row["pct_change"]
        delta = format_change(change, m.unit, lg)
        divisor, unit = axis_unit(m.unit, m.unit_label(lg), [row["value"]], lg)
        label = m.short_name(lg) if m.unit == "percent" else with_unit(m.short_name(lg), unit, lg)
        if row.get("coverage") == "one":  # one district's figure is shown as that district's, never the city's
            district = row["only_district_en" if lg == "en" else "only_district_zh"]
            label = f"{label} · {texts.t('coverage_one', lg, district=district)}"
        note = method_text(pd.Series(row), lg)
        reason = row.get("no_change_reason")
        if not delta and isinstance(reason, str):
            note += " · " + texts.t(f"no_change_{reason}", lg)
        if pd.notna(row["target"]) and row["n_with_target"]:
            note += " · " + texts.t(
                "targets_caption",
                lg,
                target=format_value(row["target"], m.unit, m.unit_label(lg), lg),
                n=int(row["n_meets"]),
                m=int(row["n_with_target"]),
            )
        cards.append(
            {
                "label": label,
                "value": format_number(row["value"], m.unit, divisor, row.get("qualifier"), lg),
                "delta": f"{delta} {texts.t('vs_last_year', lg)}" if delta else None,
                "color": DELTA_COLOR[m.polarity],
                "help": m.definition(lg),
                "note": note,
            }
        )
    return cards


def ranking_table(
    df: pd.DataFrame,
    m: Metric,
    label_col: str,
    file_stem: str,
    verdicts: pd.DataFrame | None = None,
    source: str = "",
) -> None:
    """The ranking as a table in the chart's unit (narrative.tables.chart_table: 410.8万元, 92.1%, +0.4个百分点,
    -1起): rank, district, the verdict against the city beside it (rates with counts behind them), value with its
    95 % interval, last year, change (a change on fewer than 5 cases marked), rank change, target, quartile; with CSV
    and XLSX of the same cells (the XLSX with `source`, the view's source line and marks, on its second sheet)."""
    lg = lang()
    table = chart_table(df, load_catalog().metrics, m.code, label_col, lg)
    if not table.empty:
        d = df.reset_index(drop=True)
        if verdicts is not None and len(verdicts) and verdicts["verdict"].notna().any() and "district_code" in d:
            by_code = verdicts.set_index("district_code")
            verdict = [by_code["verdict_text"].get(c) for c in d["district_code"]]
            interval = [by_code["interval"].get(c) for c in d["district_code"]]
            at = list(table.columns).index(t("col_district")) + 1 if t("col_district") in table else 1
            table.insert(at, t("col_verdict"), [v if isinstance(v, str) and v else "—" for v in verdict])
            value_at = list(table.columns).index(m.short_name(lg)) + 1 if m.short_name(lg) in table else at + 1
            table.insert(value_at, t("col_interval"), [v if isinstance(v, str) and v else "—" for v in interval])
        has_counts = {"value", "prev_value", "small_count", "change", "pct_change"} <= set(d.columns)
        small = changes(d, m.unit)["small_change"] if has_counts else pd.Series([], dtype=bool)
        if small.any():
            table[t("col_small_count")] = [t("small_count") if s else "" for s in small]
    st.dataframe(table, hide_index=True, width="stretch")
    table_downloads_ui(table, file_stem, t("col_rank"), source=source)


def profile_table(df: pd.DataFrame, file_stem: str, verdicts: dict[str, str] | None = None) -> pd.DataFrame:
    """Every metric of one district as a table with a small trend line per row; returns it with readable names.

    The change is in the unit people judge (points, 起, 人; % for money only), a change on fewer than 5 cases
    marked; `verdicts` (metric code → verdict against the city) go beside the rank."""
    cat = load_catalog()
    out = df.copy()
    metrics = [cat.metrics[c] for c in out["metric_code"]]
    lg = lang()
    out.insert(0, "metric", [m.short_name(lg) for m in metrics])
    out["shown"] = [
        format_value(v, m.unit, m.unit_label(lg), lg, q)
        for v, m, q in zip(out["value"], metrics, out["qualifier"], strict=True)
    ]
    out["change_text"] = [
        format_shown_change(c, p, m.unit, m.unit_label(lg), lg)
        + (t("small_change_mark") if small_change(v, pv, m.unit) else "")
        for c, p, v, pv, m in zip(
            out["change"], out["pct_change"], out["value"], out["prev_value"], metrics, strict=True
        )
    ]
    out["verdict_text"] = [(verdicts or {}).get(c, "") for c in out["metric_code"]]
    out["rank_text"] = [
        t("rank_of", r=int(r), n=int(n)) if pd.notna(r) else "—"
        for r, n in zip(out["rank"], out["n_ranked"], strict=True)
    ]
    out["target_text"] = [
        format_value(v, m.unit, m.unit_label(lg), lg) if pd.notna(v) else ""
        for v, m in zip(out["target"], metrics, strict=True)
    ]
    out["median_text"] = [
        format_value(v, m.unit, m.unit_label(lg), lg) for v, m in zip(out["city_median"], metrics, strict=True)
    ]
    config = {
        "metric": st.column_config.TextColumn(t("col_metric"), width="medium"),
        "shown": st.column_config.TextColumn(t("col_value")),
        "change_text": st.column_config.TextColumn(t("col_change")),
        "rank_text": st.column_config.TextColumn(t("col_rank")),
        "verdict_text": st.column_config.TextColumn(t("col_verdict"), help=t("fair_note", city=t("ind_city"))),
        "target_text": st.column_config.TextColumn(t("col_target")),
        "meets_target": st.column_config.CheckboxColumn(t("col_meets_target")),
        "median_text": st.column_config.TextColumn(t("col_city_median")),
        "trend": st.column_config.LineChartColumn(t("col_trend"), width="medium"),
    }
    st.subheader(t("profile_table"))
    st.dataframe(out[list(config)], hide_index=True, width="stretch", column_config=config, height=35 * len(out) + 40)
    return out


def sources_ui(df: pd.DataFrame) -> None:
    """Where each shown value came from: its file and cell, and for a figure taken from a report the report's own
    words (open by default then: they say what the number counts, e.g. a five-year total)."""
    rows = df[df["source_ref"].notna()]
    if rows.empty:
        return
    cat = load_catalog()
    lg = lang()
    n_reports = int(rows["evidence"].notna().sum())
    heading = t("sources_from_reports", n=n_reports) if n_reports else t("sources_heading")
    shown = pd.DataFrame(
        {
            t("col_metric"): [cat.metrics[c].short_name(lg) for c in rows["metric_code"]],
            t("col_value"): [
                format_value(v, cat.metrics[c].unit, cat.metrics[c].unit_label(lg), lg, q)
                for v, c, q in zip(rows["value"], rows["metric_code"], rows["qualifier"], strict=True)
            ],
            t("col_source"): rows["source_ref"],
            t("col_evidence"): rows["evidence"].fillna(""),
        }
    )
    if not n_reports:
        shown = shown.drop(columns=[t("col_evidence")])
    with st.expander(heading, expanded=bool(n_reports)):
        st.dataframe(shown, hide_index=True, width="stretch")
        st.caption(t("sources_note"))


def target_table(view: View) -> None:
    """Per metric with targets: the target, how many districts meet it (as a bar), and which lag."""
    share = t("col_share_meets")
    config = {share: st.column_config.ProgressColumn(share, min_value=0, max_value=100, format="%.0f%%")}
    st.dataframe(view.table, hide_index=True, width="stretch", column_config=config)
