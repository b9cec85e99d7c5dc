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
            note if r["small_count"] else "",
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
