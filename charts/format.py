"""Numbers for people: units scaled for reading (万元, million yuan), values with their unit and qualifier."""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

QUALIFIER_MARK = {"approx": "≈", "nearly": "近", "more_than": ">"}
QUALIFIER_MARK_EN = {"approx": "≈", "nearly": "≈", "more_than": ">"}


def axis_unit(unit: str, unit_label: str, values: Iterable[float], lang: str = "zh") -> tuple[float, str]:
    """A divisor and a unit label that keep an axis readable: yuan in 万元 (zh) or million yuan (en) when large."""
    finite = [abs(v) for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    peak = max(finite, default=0)
    if unit == "yuan" and not unit_label.startswith(("元/", "yuan per")):
        if lang == "en":
            return (1e6, "million yuan") if peak >= 1e6 else (1.0, "yuan")
        if peak >= 1e8:
            return 1e8, "亿元"
        return (1e4, "万元") if peak >= 1e5 else (1.0, "元")
    if unit in ("person", "person_times") and lang == "zh" and peak >= 1e6:
        return 1e4, "万" + unit_label
    return 1.0, unit_label


def fixed(x: float, places: int, sign: bool = False) -> str:
    """x with `places` decimals and thousands separators, rounded half up on its shortest decimal form: 75.55 →
    75.6 whether the sum that made it came out as 75.55 or 75.55000000000001 (the order DuckDB adds in varies)."""
    q = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{q:+,.{places}f}" if sign else f"{q:,.{places}f}"


def decimals(unit: str, divisor: float) -> int:
    """Decimals of a value scaled by `divisor`: 92.1%, 3,150.5万元, and two of 亿元 (1.15亿元: one decimal would show a
    report's 11516.3万元 as 1.2亿元, 4 % off; two keep 亿 within 0.5 %, as one of 万元 is from 10万 up)."""
    if unit in ("percent", "per_10k"):
        return 1 if unit == "percent" else 2
    if divisor >= 1e8:
        return 2
    return 1 if divisor > 1 else 0


def format_number(
    value: float | None, unit: str, divisor: float = 1.0, qualifier: str | None = None, lang: str = "zh"
) -> str:
    """The number alone, scaled by `divisor`, for bar labels and cards whose unit is said elsewhere: 93.5% · 3,150.5."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    marks = QUALIFIER_MARK_EN if lang == "en" else QUALIFIER_MARK
    text = f"{marks.get(qualifier or '', '')}{fixed(value / divisor, decimals(unit, divisor))}"
    return text + "%" if unit == "percent" else text


def with_unit(name: str, unit_label: str, lang: str = "zh") -> str:
    """集体合同签订率（%） / Disputes (cases)."""
    return f"{name}（{unit_label}）" if lang == "zh" else f"{name} ({unit_label})"


def format_value(
    value: float | None, unit: str, unit_label: str, lang: str = "zh", qualifier: str | None = None
) -> str:
    """93.5 → '93.5%'; 31504710 yuan → '3,150.5万元'; None → '—'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    divisor, label = axis_unit(unit, unit_label, [value], lang)
    number = fixed(value / divisor, decimals(unit, divisor))
    marks = QUALIFIER_MARK_EN if lang == "en" else QUALIFIER_MARK
    mark = marks.get(qualifier or "", "")
    if unit == "percent":
        return f"{mark}{number}%"
    sep = " " if lang == "en" else ""
    return f"{mark}{number}{sep}{label}"


def format_change(change: float | None, unit: str, lang: str = "zh") -> str:
    """+1.2 个百分点 / +1.2 pp for rates; +12.5% for everything else (given as a percent change)."""
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return ""
    if unit == "percent":
        return f"{fixed(change, 1, sign=True)} pp" if lang == "en" else f"{fixed(change, 1, sign=True)}个百分点"
    return f"{fixed(change, 1, sign=True)}%"


def format_shown_change(
    change: float | None, pct_change: float | None, unit: str, unit_label: str, lang: str = "zh"
) -> str:
    """The change on last year as analysis.changes.change_basis shows it: +1.2个百分点 for a rate, +1起 / +120人 in
    the metric's own unit for counts, people and rates per 10,000 (2 → 3 cases is +1起, never +50%), +12.5% for
    money only. '' without a change."""
    if unit == "percent":
        return format_change(change, unit, lang)
    if unit == "yuan":
        return format_change(pct_change, unit, lang)
    if change is None or (isinstance(change, float) and math.isnan(change)):
        return ""
    sep = " " if lang == "en" else ""
    return f"{fixed(change, decimals(unit, 1.0), sign=True)}{sep}{unit_label}"
