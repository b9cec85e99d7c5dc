"""Sentences that read the data of a chart, in Chinese or English, from the rows the named queries return.

Inputs use the real column names: a city row of `city_overview` (value, method, prev_value, change, pct_change,
n_reporting, n_districts), the district rows of `metric_by_district` (district_zh/_en, value, qualifier, change,
pct_change, small_count, rank), a row of `target_attainment` (target_low, target_high, n_meets, n_with_target,
laggards_zh/_en) and `city_metric_trend` for the years. The metric's catalogue entry gives unit, unit label and
polarity. Rules:

- Rates change in 个百分点 (percentage points); counts, rates per 10,000 (起, the name saying 每万名会员) and money
  in their unit (万元 with one decimal, 万人 for large counts, as charts.format scales them), never as a percent of
  a small count (2 → 3 cases is 增加1起, not +50%); money and persons also as a percent.
- A district's change resting on fewer than 5 cases in either year (analysis.changes.small_changes) is marked
  （不足5起） where listed and never called the largest.
- A change that rounds to nothing at the shown precision is 基本持平; no change at all is 持平.
- Every figure keeps its qualifier (约, 超过, 近); a city figure summed from districts inherits theirs.
- A city figure made from only some districts says how many reported.
- No superlative (最多, 增幅最大, 最高) over fewer than MIN_COMPARED districts, nor for a district whose figure
  rests on fewer than 5 cases (the queries' small_count).
- The tone of a change follows the metric's polarity: fewer disputes is good news, less aid is not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from analysis.changes import small_changes
from charts.format import axis_unit, decimals, format_value
from etl.catalog import Metric
from narrative.words import CLAUSE_SEP, STOP, names_list, w

MIN_COMPARED = 5  # fewer districts than this: no claim about which is highest or moved most
MAX_NAMES = 5  # lagging districts named in a sentence before "等 N 个区县"
# A district's change worth a line among the points to watch: a rate by at least 1 percentage point, anything
# else by at least 5 % of last year's figure (a count resting on fewer than 5 cases is listed, marked as such).
WATCH_POINTS, WATCH_PCT = 1.0, 5.0
RELATIVE_UNITS = ("yuan", "person", "person_times")  # changes also given as a percent


@dataclass(frozen=True)
class Sentence:
    """A sentence in clauses (joined by ；/ ;), and whether its news is good, bad, flat or neither."""

    clauses: tuple[str, ...]
    lang: str = "zh"
    tone: str = "none"  # good | bad | flat | none
    facts: dict = field(default_factory=dict, compare=False)

    @property
    def text(self) -> str:
        """The sentence without a full stop, for a slide title or a caption."""
        return join_clauses(self.clauses, self.lang)

    @property
    def full(self) -> str:
        """The sentence with its full stop, for running text."""
        return self.text + STOP["en" if self.lang == "en" else "zh"] if self.clauses else ""

    def __str__(self) -> str:
        return self.text


def join_clauses(clauses: Iterable[str], lang: str = "zh") -> str:
    text = CLAUSE_SEP["en" if lang == "en" else "zh"].join(c for c in clauses if c)
    return text[:1].upper() + text[1:] if lang == "en" else text


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _get(row: Mapping, key: str) -> object:
    v = row.get(key) if hasattr(row, "get") else None
    return None if _missing(v) else v


def _qualifier_word(qualifier: str | None, lang: str) -> str:
    return w(f"q_{qualifier}", lang) if qualifier in ("approx", "more_than", "nearly") else ""


def _unit_label(m: Metric, lang: str) -> str:
    """The unit label, without the part the name already says: 每万名会员纠纷数 counts 起, not 起/万名会员."""
    label = m.unit_label(lang)
    head, _, per = label.partition("/")
    return head if per and per in m.short_name(lang) else label


def quantity(
    value: float,
    m: Metric,
    lang: str = "zh",
    qualifier: str | None = None,
    scale: tuple[float, str] | None = None,
) -> str:
    """92.1% · 142起 · 3,150.5万元 · 437.5万人 · 约1,200人次 · 超过430万人 (the unit scaled as the charts do, or by
    `scale` = (divisor, label) when a set of figures must share one unit, as on a chart's axis)."""
    label = _unit_label(m, lang)
    if scale is None:
        return _qualifier_word(qualifier, lang) + format_value(float(value), m.unit, label, lang)
    divisor, shown = scale
    number = f"{float(value) / divisor:,.{decimals(m.unit, divisor)}f}"
    if m.unit == "percent":
        return f"{_qualifier_word(qualifier, lang)}{number}%"
    return _qualifier_word(qualifier, lang) + _with_label(number, shown, lang)


def target_text(value: float, m: Metric, lang: str = "zh") -> str:
    """A target as people write it: 90%, not 90.0%."""
    return re.sub(r"(\d)\.0+(?!\d)", r"\1", format_value(float(value), m.unit, _unit_label(m, lang), lang))


def city_qualifier(method: str | None, qualifiers: Iterable[object]) -> str | None:
    """The qualifier a city figure made from district figures carries.

    A sum of exact figures and 超过 figures is itself 超过; of exact and 近 figures, 近; any other mix, or any
    inexact part of a mean or a pooled rate, 约. None when every part is exact.
    """
    seen = {str(q) for q in qualifiers if not _missing(q)} - {"exact"}
    if not seen:
        return None
    if method == "sum" and len(seen) == 1 and seen <= {"more_than", "nearly"}:
        return next(iter(seen))
    return "approx"


def _rounded(x: float, digits: int) -> float:
    return round(abs(x), digits)


def _amount(x: float, digits: int) -> str:
    return f"{abs(x):,.{digits}f}"


def _change_unit(m: Metric, values: Iterable[object], lang: str) -> tuple[float, str, int]:
    divisor, label = axis_unit(m.unit, _unit_label(m, lang), [float(v) for v in values if not _missing(v)], lang)
    return divisor, label, decimals(m.unit, divisor)


def _with_label(number: str, label: str, lang: str) -> str:
    return f"{number} {label}" if lang == "en" else f"{number}{label}"


def direction(change: float | None, polarity: str) -> str:
    """good / bad / flat / none for a change of a metric with this polarity."""
    if change is None:
        return "none"
    if change == 0:
        return "flat"
    if polarity == "none":
        return "none"
    return "good" if (change > 0) == (polarity == "higher") else "bad"


def change_phrase(
    m: Metric,
    value: float,
    prev: float | None,
    change: float | None,
    pct_change: float | None,
    *,
    year: int,
    lang: str = "zh",
    compare_year: int | None = None,
) -> tuple[str, str]:
    """The change on the year compared, in words, and its tone: ("比上年提高0.4个百分点", "good")."""
    compare_year = year - 1 if compare_year is None else compare_year
    named = "" if compare_year == year - 1 else "_named"
    if prev is None:
        return w("no_prev", lang, year=compare_year), "none"
    if change is None:  # the two years were made differently (city_overview leaves the change out)
        return w("not_comparable", lang, year=compare_year), "none"
    vs = w("vs_year" + named, lang, year=compare_year)
    tone = direction(change, m.polarity)
    if change == 0:
        return w("same" + named, lang, year=compare_year), "flat"
    if m.unit == "percent":
        shown = _rounded(change, 1)
        if shown == 0:
            return w("about_same" + named, lang, year=compare_year), "flat"
        return w("rate_up" if change > 0 else "rate_down", lang, vs=vs, amount=f"{shown:.1f}"), tone
    divisor, label, digits = _change_unit(m, [value, prev], lang)
    shown = _rounded(change / divisor, digits)
    if shown == 0:
        return w("about_same" + named, lang, year=compare_year), "flat"
    amount = _amount(shown, digits) if lang == "en" and m.unit == "count" else None
    amount = amount or _with_label(_amount(shown, digits), label, lang)
    text = w("more" if change > 0 else "less", lang, vs=vs, amount=amount)
    if m.unit in RELATIVE_UNITS and pct_change is not None and _rounded(pct_change, 1) > 0:
        if lang == "en":  # "up 249.7 万元 (+8.6%) on 2023": the percent goes before the year
            text = w(
                "more" if change > 0 else "less", lang, vs="", amount=_with_label(_amount(shown, digits), label, lang)
            )
            text = text.rstrip() + w("pct_up" if change > 0 else "pct_down", lang, pct=f"{abs(pct_change):.1f}")
            text += " " + vs
        else:
            text += w("pct_up" if change > 0 else "pct_down", lang, pct=f"{abs(pct_change):.1f}")
    return text, tone


def city_clause(
    m: Metric,
    row: Mapping,
    *,
    year: int,
    lang: str = "zh",
    qualifier: str | None = None,
    compare_year: int | None = None,
) -> tuple[str, str]:
    """全市集体合同签订率92.1%，比上年提高0.4个百分点 (with the coverage where districts are missing) and its tone."""
    value = _get(row, "value")
    if value is None:
        return "", "none"
    amount = quantity(float(value), m, lang, qualifier)
    n, total = _get(row, "n_reporting"), _get(row, "n_districts")
    if _get(row, "method") != "reported" and n is not None and total and int(n) < int(total):
        amount += w("coverage", lang, n=int(n), m=int(total))
    head = w("city", lang, name=m.short_name(lang), amount=amount)
    prev, change, pct = (_get(row, k) for k in ("prev_value", "change", "pct_change"))
    phrase, tone = change_phrase(
        m,
        float(value),
        None if prev is None else float(prev),
        None if change is None else float(change),
        None if pct is None else float(pct),
        year=year,
        lang=lang,
        compare_year=compare_year,
    )
    return f"{head}，{phrase}" if lang != "en" else f"{head}, {phrase}", tone


def attainment_clause(m: Metric, row: Mapping, lang: str = "zh", n_districts: int | None = None) -> str:
    """16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标 (from a target_attainment row)."""
    n, total = _get(row, "n_meets"), _get(row, "n_with_target")
    if total is None or not int(total):
        return ""
    n, total = int(n or 0), int(total)
    low, high = _get(row, "target_low"), _get(row, "target_high")
    own = low is None or high is None or float(low) != float(high)
    target = "" if own else target_text(float(low), m, lang)
    suffix = "_own" if own else ""
    if n == total:
        text = w("target_all" + suffix, lang, m=total, target=target)
    elif n == 0:
        text = w("target_none" + suffix, lang, m=total, target=target)
    else:
        text = w("target_some" + suffix, lang, n=n, m=total, target=target)
        names = str(_get(row, "laggards_en" if lang == "en" else "laggards_zh") or "")
        parts = [p.strip() for p in names.split(", " if lang == "en" else "、") if p.strip()]
        if parts:
            sep = "，" if lang != "en" else "; "
            if len(parts) > MAX_NAMES:
                shown = names_list(parts[:MAX_NAMES], lang) if lang != "en" else ", ".join(parts[:MAX_NAMES])
                text += sep + w("laggards_more", lang, names=shown, k=len(parts), rest=len(parts) - MAX_NAMES)
            else:
                text += sep + w("laggards", lang, names=names_list(parts, lang))
    if n_districts and n_districts > total:
        text += w("not_reported", lang, k=n_districts - total)
    return text


def _label_col(lang: str) -> str:
    return "district_en" if lang == "en" else "district_zh"


def _small(df: pd.DataFrame) -> pd.Series:
    if "small_count" not in df:
        return pd.Series(False, index=df.index)
    return df["small_count"].astype("boolean").fillna(False).astype(bool)  # this year's figure: for ranks


def movers(m: Metric, districts: pd.DataFrame, lang: str = "zh", adverse: bool = True) -> pd.DataFrame:
    """The districts whose change went the bad way (adverse) or the good way, largest first, small ones marked.

    For a metric of no polarity, rises are taken as the direction asked about. Columns: name, change,
    pct_change, small_change (resting on fewer than 5 cases in either year), text (the change in words: 增加6起).
    """
    df = districts[districts["change"].notna()].copy()
    if m.polarity == "none":
        sign = 1.0 if adverse else -1.0
    else:
        sign = (-1.0 if m.polarity == "higher" else 1.0) * (1.0 if adverse else -1.0)
    df = df[df["change"] * sign > 0]
    df = df.assign(small_change=small_changes(df, m.unit)).sort_values("change", key=lambda s: -s.abs(), kind="stable")
    divisor, label, digits = _change_unit(m, districts["change"].abs(), lang)
    out = []
    for r in df.to_dict("records"):
        out.append(
            {**r, "name": str(r[_label_col(lang)]), "text": _district_change(m, r, divisor, label, digits, lang)}
        )
    return pd.DataFrame(out, columns=[*df.columns, "name", "text"])


def _district_change(m: Metric, r: Mapping, divisor: float, label: str, digits: int, lang: str) -> str:
    change = float(r["change"])
    if m.unit == "percent":
        return w("d_rate_up" if change > 0 else "d_rate_down", lang, amount=f"{abs(change):.1f}")
    shown = _amount(change / divisor, digits)
    if lang == "en" and m.unit == "count":  # "+6": the unit is in the figure before it
        return w("d_more" if change > 0 else "d_less", lang, amount=shown)
    return w("d_more" if change > 0 else "d_less", lang, amount=_with_label(shown, label, lang))


def mover_clause(m: Metric, districts: pd.DataFrame, lang: str = "zh") -> str:
    """西城区增加6起，增幅最大: the district that moved most the bad way (else the good way), among at least
    MIN_COMPARED districts with a change, leaving out those resting on fewer than 5 cases in either year. Ties are
    named together."""
    if districts is None or "change" not in districts or districts["change"].notna().sum() < MIN_COMPARED:
        return ""
    for adverse in (True, False):
        cand = movers(m, districts, lang, adverse)
        cand = cand[~cand["small_change"]]
        if len(cand):
            break
    else:
        return ""
    key = cand["change"].abs()
    top = cand[key == key.max()]  # ties on the exact figures: a tie in rounding alone is not a tie
    rising = float(top["change"].iloc[0]) > 0
    if m.unit == "percent":
        sup = "rose_most_rate" if rising else "fell_most_rate"
    elif m.unit == "per_10k":  # a rate's relative change is no news of its own: the largest in 起
        sup = "rose_most" if rising else "fell_most"
    else:
        # 增幅最大 only where the same districts also lead on the relative change; else 增加最多
        pct = cand["pct_change"].abs()
        leads = pct.notna().any() and set(top.index) >= set(cand.index[pct == pct.max()])
        sup = ("rose_most_pct" if rising else "fell_most_pct") if leads else ("rose_most" if rising else "fell_most")
    names = names_list(list(top["name"]), lang)
    each = w("each", lang) if len(top) > 1 else ""
    return w("moved", lang, names=names, each=each, change=top["text"].iloc[0], superlative=w(sup, lang))


def ranking_clause(m: Metric, districts: pd.DataFrame, lang: str = "zh") -> str:
    """高新区最高（95.2%），临港区最低（85.1%）: over at least MIN_COMPARED districts, none resting on < 5 cases."""
    if districts is None or "value" not in districts:
        return ""
    df = districts[districts["value"].notna()].copy()
    small = _small(df)
    left_out = int(small.sum())
    df = df[~small]
    if len(df) < MIN_COMPARED:
        return ""
    divisor, label, _ = _change_unit(m, districts["value"], lang)  # the ranking chart's unit
    rate = m.unit in ("percent", "per_10k")
    parts = []
    values = df["value"]
    for pick, key in ((values.max(), "highest" if rate else "most"), (values.min(), "lowest" if rate else "fewest")):
        rows = df[values == pick]
        names = names_list([str(x) for x in rows[_label_col(lang)]], lang)
        if len(rows) > 1:
            names += w("tied", lang)
        q = _get(rows.iloc[0], "qualifier")
        parts.append(w(key, lang, names=names, amount=quantity(float(pick), m, lang, q, (divisor, label))))
    text = ("，" if lang != "en" else ", ").join(parts)
    return (w("small_left_out", lang, k=left_out) if left_out else "") + text


def _row(df_or_row: Mapping | pd.Series | None) -> Mapping | None:
    if df_or_row is None:
        return None
    if isinstance(df_or_row, pd.DataFrame):
        return None if df_or_row.empty else df_or_row.iloc[0]
    return df_or_row


def city_sentence(
    m: Metric,
    city: Mapping,
    *,
    year: int,
    lang: str = "zh",
    attainment: Mapping | None = None,
    districts: pd.DataFrame | None = None,
    qualifier: str | None = None,
    compare_year: int | None = None,
) -> Sentence:
    """The sentence under a chart of one metric in one year: the city figure and its change, then the targets
    (where set) or else the district that moved most:

    全市集体合同签订率92.1%，比上年提高0.4个百分点；16个区县中13个达到90%的目标，临港区、石湾县、高新区未达标
    全市群体性劳资纠纷142起，比上年减少1起；西城区增加6起，增幅最大
    """
    if qualifier is None and districts is not None and "qualifier" in districts:
        qualifier = city_qualifier(_get(city, "method"), districts.loc[districts["value"].notna(), "qualifier"])
    head, tone = city_clause(m, city, year=year, lang=lang, qualifier=qualifier, compare_year=compare_year)
    clauses = [head]
    att = _row(attainment)
    second = attainment_clause(m, att, lang, _get(city, "n_districts")) if att is not None else ""
    if not second and districts is not None:
        second = mover_clause(m, districts, lang)
    clauses.append(second)
    return Sentence(tuple(c for c in clauses if c), lang, tone, {"metric": m.code, "year": year})


def ranking_sentence(
    m: Metric,
    city: Mapping | None,
    districts: pd.DataFrame,
    *,
    year: int,
    lang: str = "zh",
    attainment: Mapping | None = None,
) -> Sentence:
    """The sentence under a district ranking: the city figure, then the targets or the highest and lowest."""
    clauses, tone = [], "none"
    if city is not None:
        qualifier = city_qualifier(_get(city, "method"), districts.loc[districts["value"].notna(), "qualifier"])
        head, tone = city_clause(m, city, year=year, lang=lang, qualifier=qualifier)
        clauses.append(head)
    att = _row(attainment)
    second = attainment_clause(m, att, lang, _get(city, "n_districts") if city is not None else None) if att else ""
    clauses.append(second or ranking_clause(m, districts, lang))
    return Sentence(tuple(c for c in clauses if c), lang, tone, {"metric": m.code, "year": year})


def trend_sentence(m: Metric, trend: pd.DataFrame, *, year: int, lang: str = "zh") -> Sentence:
    """The sentence under the city figure over the years: 2024年全市集体合同签订率92.1%，为2015年以来最高 —
    or its change since the first year made the same way (a record claim needs MIN_COMPARED years)."""
    now = trend[trend["year"] == year]
    if now.empty or _missing(now["value"].iloc[0]):
        return Sentence((), lang)
    row = now.iloc[0]
    same = trend[(trend["method"] == row["method"]) & trend["value"].notna() & (trend["year"] <= year)]
    first = int(same["year"].min())
    head = w("year_city", lang, year=year, name=m.short_name(lang), amount=quantity(float(row["value"]), m, lang))
    clauses = [head]
    tone = "none"
    if len(same) >= MIN_COMPARED and first < year:
        divisor, _, digits = _change_unit(m, same["value"], lang)
        shown = (same["value"] / divisor).round(1 if m.unit == "percent" else digits)
        current = round(float(row["value"]) / divisor, 1 if m.unit == "percent" else digits)
        if current == shown.max() and (shown == current).sum() == 1:
            clauses.append(w("trend_high", lang, first=first))
        elif current == shown.min() and (shown == current).sum() == 1:
            clauses.append(w("trend_low", lang, first=first))
    if len(clauses) == 1 and first < year:
        base = same[same["year"] == first].iloc[0]
        change = float(row["value"]) - float(base["value"])
        pct = change / float(base["value"]) * 100 if float(base["value"]) > 0 else None
        phrase, tone = change_phrase(
            m, float(row["value"]), float(base["value"]), change, pct, year=year, lang=lang, compare_year=first
        )
        clauses.append(phrase)
    sep = "，" if lang != "en" else ", "
    return Sentence((sep.join(clauses),), lang, tone, {"metric": m.code, "year": year})


def reported_resolved_sentence(items: list[tuple[Metric, Mapping]], *, lang: str = "zh") -> Sentence:
    """Several city figures of one year in one sentence: 全市群体性劳资纠纷142起，已结案纠纷134起，纠纷结案率94.4%."""
    parts = []
    for m, row in items:
        value = _get(row, "value")
        if value is not None:
            parts.append(w("figure", lang, name=m.short_name(lang), amount=quantity(float(value), m, lang)))
    if not parts:
        return Sentence((), lang)
    text = w("city_prefix", lang) + ("，" if lang != "en" else ", ").join(parts)
    return Sentence((text,), lang)


def attention_items(
    metrics: Mapping[str, Metric],
    overview: pd.DataFrame,
    attainment: pd.DataFrame,
    districts: Mapping[str, pd.DataFrame],
    *,
    year: int,
    lang: str = "zh",
    max_movers: int = 3,
) -> list[Sentence]:
    """需要关注的问题: headline figures that moved the bad way, targets missed (naming the districts), and for each
    metric in `districts` the districts that moved most the bad way (small numbers marked)."""
    items: list[Sentence] = []
    for r in overview.to_dict("records"):
        m = metrics.get(r["metric_code"])
        if m is None or not r.get("headline"):
            continue
        head, tone = city_clause(m, r, year=year, lang=lang)
        if tone == "bad":
            items.append(Sentence((head,), lang, "bad", {"metric": m.code, "kind": "city"}))
    for r in attainment.to_dict("records"):
        m = metrics.get(r["metric_code"])
        names = _get(r, "laggards_en" if lang == "en" else "laggards_zh")
        if m is None or not names:
            continue
        parts = [p.strip() for p in str(names).split(", " if lang == "en" else "、") if p.strip()]
        shown = names_list(parts, lang)
        low, high = _get(r, "target_low"), _get(r, "target_high")
        if low is not None and high is not None and float(low) == float(high):
            target = target_text(float(low), m, lang)
            text = w("attention_target", lang, name=m.short_name(lang), names=shown, target=target)
        else:
            text = w("attention_target_own", lang, name=m.short_name(lang), names=shown)
        items.append(Sentence((text,), lang, "bad", {"metric": m.code, "kind": "target"}))
    for code, df in districts.items():
        m = metrics[code]
        if m.polarity == "none" or df["change"].notna().sum() < 1:
            continue
        bad = movers(m, df, lang, adverse=True)
        if m.unit == "percent":
            bad = bad[bad["change"].abs() >= WATCH_POINTS]
        else:
            bad = bad[(bad["pct_change"].abs() >= WATCH_PCT) | (bad["prev_value"] == 0)]  # from nothing: listed
        bad = bad.head(max_movers)
        if bad.empty:
            continue
        listed = [
            f"{r['name']}{'' if lang != 'en' else ' '}{r['text']}"
            + (w("small_mark", lang) if r["small_change"] else "")
            for r in bad.to_dict("records")
        ]
        text = w("attention_movers", lang, name=m.short_name(lang), items=("、" if lang != "en" else ", ").join(listed))
        items.append(Sentence((text,), lang, "bad", {"metric": m.code, "kind": "movers"}))
    return items
