"""Tables people copy numbers from: every cell text in the metric's unit (410.8万元, 92.1%, 142起) with thousands
separators, qualifiers as words (约, 超过, 近), 持平 for no change and — where a figure does not apply. No codes,
no None, no English in a Chinese table.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from etl.catalog import Metric
from narrative.sentences import (
    _change_unit,
    _get,
    _qualifier_word,
    _with_label,
    city_qualifier,
    quantity,
    target_text,
)

DASH = "—"

COLUMNS = {
    "metric": {"zh": "指标", "en": "Indicator"},
    "this_year": {"zh": "{year}年", "en": "{year}"},
    "last_year": {"zh": "{year}年", "en": "{year}"},
    "change": {"zh": "增减", "en": "Change"},
    "pct_change": {"zh": "增幅", "en": "Change %"},
    "targets": {"zh": "目标完成", "en": "Targets met"},
    "district": {"zh": "区县", "en": "District"},
    "rank": {"zh": "{name}（名次）", "en": "{name} (rank)"},
    "coverage": {"zh": "报送区县", "en": "Districts reporting"},
}
WORDS = {
    "same": {"zh": "持平", "en": "unchanged"},
    "not_comparable": {"zh": "口径不同", "en": "not comparable"},
    "targets_met": {"zh": "{n}/{m} 个区县达到{target}", "en": "{n} of {m} at {target}"},
    "targets_met_own": {"zh": "{n}/{m} 个区县达标", "en": "{n} of {m} met theirs"},
    "pp": {"zh": "{sign}{amount}个百分点", "en": "{sign}{amount} pp"},
    "of": {"zh": "{n}/{m}", "en": "{n} of {m}"},
}


def _w(table: dict, key: str, lang: str, **kw: object) -> str:
    return table[key]["en" if lang == "en" else "zh"].format(**kw)


def change_cell(m: Metric, value: object, prev: object, change: object, lang: str = "zh") -> str:
    """+0.4个百分点 · -1起 · +249.7万元 · 持平 · 口径不同 · — (no figure last year)."""
    if _get({"v": value}, "v") is None or _get({"v": prev}, "v") is None:
        return DASH
    if _get({"v": change}, "v") is None:
        return _w(WORDS, "not_comparable", lang)
    change = float(change)
    if m.unit == "percent":
        shown = round(abs(change), 1)
        if shown == 0:
            return _w(WORDS, "same", lang)
        return _w(WORDS, "pp", lang, sign="+" if change > 0 else "-", amount=f"{shown:.1f}")
    divisor, label, digits = _change_unit(m, [value, prev], lang)
    if m.unit == "per_10k":
        digits = 2
    shown = round(abs(change) / divisor, digits)
    if shown == 0:
        return _w(WORDS, "same", lang)
    number = f"{shown:,.{digits}f}"
    if lang == "en" and m.unit == "count":  # "+1", not "+1 cases": the unit is in the figures beside it
        return ("+" if change > 0 else "-") + number
    return ("+" if change > 0 else "-") + _with_label(number, label, lang)


def pct_cell(m: Metric, pct: object) -> str:
    """+8.6% for counts and money; — for rates (their change is in 个百分点) or without a base."""
    if m.unit == "percent" or _get({"v": pct}, "v") is None:
        return DASH
    pct = float(pct)
    return "0.0%" if round(abs(pct), 1) == 0 else f"{pct:+.1f}%"


def value_cell(m: Metric, value: object, lang: str = "zh", qualifier: str | None = None) -> str:
    return DASH if _get({"v": value}, "v") is None else quantity(float(value), m, lang, qualifier)


def yoy_table(
    metrics: list[Metric],
    overview: pd.DataFrame,
    districts: Mapping[str, pd.DataFrame] | None = None,
    *,
    year: int,
    lang: str = "zh",
    qualifiers: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """The 同比 table: indicator, this year, last year, change, relative change, targets met — one row per metric
    with a city figure, in the order given. `districts` (metric_by_district per metric) gives the qualifiers of
    figures made from districts, `qualifiers` those of figures a city federation reported itself."""
    rows = overview.set_index("metric_code", drop=False)
    out = []
    for m in metrics:
        if m.code not in rows.index:
            continue
        r = rows.loc[m.code]
        df = (districts or {}).get(m.code)
        q = (qualifiers or {}).get(m.code)
        if q is None and df is not None and "qualifier" in df:
            q = city_qualifier(_get(r, "method"), df.loc[df["value"].notna(), "qualifier"])
        name = m.short_name(lang) if m.unit == "percent" else f"{m.short_name(lang)}"
        targets = ""
        if _get(r, "target") is not None and _get(r, "n_with_target"):
            targets = _w(
                WORDS,
                "targets_met",
                lang,
                n=int(r["n_meets"]),
                m=int(r["n_with_target"]),
                target=target_text(float(r["target"]), m, lang),
            )
        out.append(
            [
                name,
                value_cell(m, r["value"], lang, q),
                value_cell(m, r["prev_value"], lang),
                change_cell(m, r["value"], r["prev_value"], r["change"], lang),
                pct_cell(m, r["pct_change"]),
                targets or DASH,
            ]
        )
    columns = [
        _w(COLUMNS, "metric", lang),
        _w(COLUMNS, "this_year", lang, year=year),
        _w(COLUMNS, "last_year", lang, year=year - 1),
        _w(COLUMNS, "change", lang),
        _w(COLUMNS, "pct_change", lang),
        _w(COLUMNS, "targets", lang),
    ]
    return pd.DataFrame(out, columns=columns)


def ranking_grid(metrics: list[Metric], districts: Mapping[str, pd.DataFrame], lang: str = "zh") -> pd.DataFrame:
    """Districts × key metrics: each cell the value with its rank, 92.1（3）; districts in the first metric's
    order. A rank resting on fewer than 5 cases is left out (the value stays)."""
    label = "district_en" if lang == "en" else "district_zh"
    order: list[str] = []
    cells: dict[str, dict[str, str]] = {}
    columns = []
    for m in metrics:
        df = districts.get(m.code)
        if df is None or df.empty or df["value"].notna().sum() == 0:
            continue
        divisor, unit, _ = _change_unit(m, df["value"], lang)
        col = _w(
            COLUMNS,
            "rank",
            lang,
            name=f"{m.short_name(lang)}（{unit}）" if lang != "en" else f"{m.short_name(lang)}, {unit}",
        )
        columns.append(col)
        for r in df.to_dict("records"):
            name = str(r[label])
            if name not in cells:
                order.append(name)
                cells[name] = {}
            value = _get(r, "value")
            if value is None:
                cells[name][col] = DASH
                continue
            digits = 1 if m.unit == "percent" else 2 if m.unit == "per_10k" else (1 if divisor > 1 else 0)
            text = f"{float(value) / divisor:,.{digits}f}"
            text = _qualifier_word(_get(r, "qualifier"), lang) + text
            rank = _get(r, "rank")
            if rank is not None and not r.get("small_count"):
                text += f"（{int(rank)}）" if lang != "en" else f" ({int(rank)})"
            cells[name][col] = text
    data = [[name, *[cells[name].get(c, DASH) for c in columns]] for name in order]
    return pd.DataFrame(data, columns=[_w(COLUMNS, "district", lang), *columns])


def rises_table(m: Metric, districts: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """Where a metric moved the bad way (disputes rose, aid fell): district, this year, last year, the change in
    the metric's unit (+6起), and a note where the figure rests on fewer than 5 cases. Largest change first."""
    from narrative.sentences import movers

    bad = movers(m, districts, lang, adverse=True)
    note = {"zh": "不足5起，仅供参考", "en": "fewer than 5 cases"}["en" if lang == "en" else "zh"]
    rows = [
        [
            r["name"],
            value_cell(m, r["value"], lang, _get(r, "qualifier")),
            value_cell(m, r["prev_value"], lang),
            change_cell(m, r["value"], r["prev_value"], r["change"], lang),
            note if r["small_change"] else "",
        ]
        for r in bad.to_dict("records")
    ]
    columns = [
        _w(COLUMNS, "district", lang),
        {"zh": "本年", "en": "This year"}["en" if lang == "en" else "zh"],
        {"zh": "上年", "en": "Last year"}["en" if lang == "en" else "zh"],
        _w(COLUMNS, "change", lang),
        {"zh": "备注", "en": "Note"}["en" if lang == "en" else "zh"],
    ]
    return pd.DataFrame(rows, columns=columns)


# The table behind a chart, as the page and its downloads show it ------------------------------------------------

# columns of a view's data people read, in this order (codes, colour slots and bookkeeping are left out)
CHART_COLUMNS = (
    "rank",
    "district",
    "year",
    "metric",
    "value",
    "prev_value",
    "change",
    "pct_change",
    "rank_change",
    "target",
    "meets_target",
    "city_median",
    "median",
    "quartile",
    "n_reporting",
)
_MONEY_LIKE = ("value", "prev_value", "target", "city_median", "median")


def _scales(metrics: Mapping[str, Metric], codes: pd.Series, values: pd.Series, lang: str) -> dict:
    """Per metric the (divisor, unit label) its chart shows: one unit for all of a metric's figures, as on an axis."""
    out = {}
    for code in dict.fromkeys(codes):
        if code in metrics:
            divisor, label, _ = _change_unit(metrics[code], values[codes == code], lang)
            out[code] = (divisor, label)
    return out


def chart_table(
    data: pd.DataFrame,
    metrics: Mapping[str, Metric],
    metric: str = "",
    label_col: str | None = None,
    lang: str = "zh",
) -> pd.DataFrame:
    """The numbers behind a chart as the chart shows them: each figure in the chart's unit with its qualifier in words
    (410.8万元, 约1,200人次, 92.1%), changes as the sentences say them (+0.4个百分点, -1起, 持平), 是/否 for targets
    met, — where a figure does not apply; never codes, None, `exact` or raw yuan. The metric is the data's
    `metric_code` column where it has one (a grouped chart, a profile), else `metric`."""
    from texts import t

    if data is None or data.empty:
        return pd.DataFrame()
    df = data.reset_index(drop=True)
    codes = df["metric_code"].astype(str) if "metric_code" in df else pd.Series([metric] * len(df))
    if not all(c in metrics for c in codes):
        raise KeyError(f"no catalogue metric for {sorted(set(codes) - set(metrics))}")
    values = df["value"] if "value" in df else pd.Series([None] * len(df))
    scales = _scales(metrics, codes, values, lang)
    several = codes.nunique() > 1
    label = label_col if label_col in df else ("district_en" if lang == "en" else "district_zh")
    out: dict[str, list[str]] = {}

    def amount(code: str, v: object, qualifier: object = None) -> str:
        if _get({"v": v}, "v") is None:
            return DASH
        return quantity(float(v), metrics[code], lang, _get({"q": qualifier}, "q"), scale=scales[code])

    for col in CHART_COLUMNS:
        src = label if col == "district" else col
        if col == "metric" and "metric_code" in df:
            out[t("col_metric", lang)] = [metrics[c].short_name(lang) for c in codes]
            continue
        if src not in df or col == "metric":
            continue
        rows = df[src]
        if col == "district":
            out[t("col_district", lang)] = [DASH if _get({"v": v}, "v") is None else str(v) for v in rows]
        elif col in ("rank", "year", "quartile", "n_reporting"):
            out[t(f"col_{col}", lang)] = [DASH if _get({"v": v}, "v") is None else str(int(v)) for v in rows]
        elif col == "value":
            q = df["qualifier"] if "qualifier" in df else [None] * len(df)
            heading = t("col_value", lang) if several else metrics[codes.iloc[0]].short_name(lang)
            out[heading] = [amount(c, v, qq) for c, v, qq in zip(codes, rows, q, strict=True)]
        elif col in _MONEY_LIKE:
            out[t(f"col_{col}", lang)] = [amount(c, v) for c, v in zip(codes, rows, strict=True)]
        elif col == "change":
            prev = df["prev_value"] if "prev_value" in df else [None] * len(df)
            out[_w(COLUMNS, "change", lang)] = [
                change_cell(metrics[c], v, p, ch, lang) for c, v, p, ch in zip(codes, values, prev, rows, strict=True)
            ]
        elif col == "pct_change":
            out[_w(COLUMNS, "pct_change", lang)] = [pct_cell(metrics[c], v) for c, v in zip(codes, rows, strict=True)]
        elif col == "rank_change":
            out[t("col_rank_change", lang)] = [
                DASH if _get({"v": v}, "v") is None else ("0" if int(v) == 0 else f"{int(v):+d}") for v in rows
            ]
        elif col == "meets_target":
            out[t("col_meets_target", lang)] = [
                DASH if _get({"v": v}, "v") is None else t("yes" if bool(v) else "no", lang) for v in rows
            ]
    table = pd.DataFrame(out)
    empty = [c for c in table.columns if (table[c] == DASH).all()]  # no targets set, no ranks: not a column of dashes
    return table.drop(columns=empty)
