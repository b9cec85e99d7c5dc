"""Shared widgets: a View's chart with the numbers behind it, headline cards, the tables of pages 01, 06, 07."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from charts.format import axis_unit, format_change, format_number, format_value, with_unit
from etl.catalog import Metric, load_catalog
from ui.exports import export_ui, table_downloads_ui
from ui.i18n import TEXTS, lang, t
from views.named import method_text
from views.view import View

PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    # the browser's own camera button: slide-shaped too (the PNG button below adds subtitle, source and date)
    "toImageButtonOptions": {"format": "png", "width": 1600, "height": 900, "scale": 2},
}
DELTA_COLOR = {"higher": "normal", "lower": "inverse", "none": "off"}


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
    (UTF-8 with BOM, so Excel opens it) and XLSX downloads."""
    st.plotly_chart(view.figure, width="stretch", theme=None, config=PLOTLY_CONFIG)
    table = readable_table(view.data, view.label_col)
    export_ui(view)
    with st.expander(t("table")):
        st.dataframe(table, hide_index=True, width="stretch")
        table_downloads_ui(table, view.name, view.title, view.source)


def method_note(row: pd.Series) -> str:
    """How a city figure was made, in words."""
    return method_text(row, lang())


def metric_cards(rows: pd.DataFrame, per_row: int | None = None) -> None:
    """A card per metric: the city figure, its change on last year coloured by polarity, how it was made."""
    cat = load_catalog()
    per_row = per_row or (4 if lang() == "zh" else 3)  # English names are longer
    records = rows.to_dict("records")
    for start in range(0, len(records), per_row):
        cols = st.columns(per_row)
        for col, row in zip(cols, records[start : start + per_row], strict=False):
            m: Metric = cat.metrics[row["metric_code"]]
            change = row["change"] if m.unit == "percent" else row["pct_change"]
            delta = format_change(change, m.unit, lang())
            divisor, unit = axis_unit(m.unit, m.unit_label(lang()), [row["value"]], lang())
            label = m.short_name(lang()) if m.unit == "percent" else with_unit(m.short_name(lang()), unit, lang())
            if row.get("coverage") == "one":  # one district's figure is shown as that district's, never the city's
                district = row["only_district_en" if lang() == "en" else "only_district_zh"]
                label = f"{label} · {t('coverage_one', district=district)}"
            with col.container(border=True):
                st.metric(
                    label,
                    format_number(row["value"], m.unit, divisor, row.get("qualifier"), lang()),
                    delta=f"{delta} {t('vs_last_year')}" if delta else None,
                    delta_color=DELTA_COLOR[m.polarity],
                    help=m.definition(lang()),
                )
                note = method_note(pd.Series(row))
                reason = row.get("no_change_reason")
                if not delta and isinstance(reason, str):
                    note += " · " + t(f"no_change_{reason}")
                if pd.notna(row["target"]) and row["n_with_target"]:
                    note += " · " + t(
                        "targets_caption",
                        target=format_value(row["target"], m.unit, m.unit_label(lang()), lang()),
                        n=int(row["n_meets"]),
                        m=int(row["n_with_target"]),
                    )
                st.caption(note)


def ranking_table(df: pd.DataFrame, m: Metric, label_col: str, file_stem: str) -> None:
    """The ranking as a table: rank, change in rank (+ moved up), value, change, target, quartile; with a CSV."""
    unit = m.unit_label(lang())
    cols = [
        "rank",
        label_col,
        "value",
        "prev_value",
        "change",
        "pct_change",
        "rank_change",
        "target",
        "meets_target",
        "quartile",
    ]
    shown = df[cols].copy()
    config = {
        "rank": st.column_config.NumberColumn(t("col_rank"), format="%d"),
        label_col: st.column_config.TextColumn(t("col_district")),
        "value": st.column_config.NumberColumn(
            f"{t('col_value')}（{unit}）" if lang() == "zh" else f"{t('col_value')} ({unit})",
            format="%.2f" if m.unit == "per_10k" else "%.1f" if m.unit == "percent" else "localized",
        ),
        "prev_value": st.column_config.NumberColumn(
            t("col_prev_value"), format="%.1f" if m.unit == "percent" else "localized"
        ),
        "change": st.column_config.NumberColumn(t("col_change"), format="%+.1f"),
        "pct_change": st.column_config.NumberColumn(t("col_pct_change"), format="%+.1f%%"),
        "rank_change": st.column_config.NumberColumn(t("col_rank_change"), format="%+d", help="+ = ↑"),
        "target": st.column_config.NumberColumn(t("col_target")),
        "meets_target": st.column_config.CheckboxColumn(t("col_meets_target")),
        "quartile": st.column_config.NumberColumn(t("col_quartile"), format="%d"),
    }
    st.dataframe(shown, hide_index=True, width="stretch", column_config=config)
    table = readable_table(df[cols].rename(columns={label_col: "district"}))
    table_downloads_ui(table, file_stem, t("col_rank"))


def profile_table(df: pd.DataFrame, file_stem: str) -> pd.DataFrame:
    """Every metric of one district as a table with a small trend line per row; returns it with readable names."""
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
        format_change(c if m.unit == "percent" else p, m.unit, lg)
        for c, p, m in zip(out["change"], out["pct_change"], metrics, strict=True)
    ]
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
