"""早期预警 Early warning: districts to watch, from the rules in data/catalog/warnings.csv, each with its evidence.

A rule has one or two conditions (metric, test, value), all of which must hold for a district in the year asked:
- `rises N` / `falls N`: the metric went up (down) in each of the last N years, every year in between reported;
- `below X` / `above X`: this year's value is below (above) X, in the metric's base unit.
`min_value` (optional, first condition only) is the least this year's value must be for the rule to speak:
a rise from 2 to 3 cases is not a warning. A missing year never counts as a rise or a fall: no flag, no guess.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from charts.format import format_value
from etl.catalog import Metric

RULES_CSV = Path(__file__).resolve().parent.parent / "data" / "catalog" / "warnings.csv"
TESTS = ("rises", "falls", "below", "above")


class RuleError(ValueError):
    """A row of warnings.csv that cannot be a rule (unknown test or metric, a bad number)."""


@dataclass(frozen=True)
class Condition:
    metric: str
    test: str  # rises | falls | below | above
    value: float  # years for rises/falls, a threshold in the metric's base unit for below/above
    min_value: float | None = None

    def years_needed(self) -> int:
        return int(self.value) if self.test in ("rises", "falls") else 0


@dataclass(frozen=True)
class Rule:
    code: str
    name_zh: str
    name_en: str
    conditions: tuple[Condition, ...]
    explain_zh: str
    explain_en: str

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def explain(self, lang: str = "zh") -> str:
        return self.explain_en if lang == "en" else self.explain_zh

    def metrics(self) -> list[str]:
        return [c.metric for c in self.conditions]


@dataclass(frozen=True)
class Evidence:
    """The figures one condition was judged on: (year, value) pairs, oldest first."""

    metric: str
    test: str
    threshold: float | None
    points: tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class Flag:
    rule: Rule
    district_code: str
    district_zh: str
    district_en: str
    year: int
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)

    def district(self, lang: str = "zh") -> str:
        return self.district_en if lang == "en" else self.district_zh


def _number(text: str, what: str, code: str) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError as exc:
        raise RuleError(f"warnings.csv, rule {code}: {what} {text!r} is not a number") from exc


def parse_rules(rows: list[dict[str, str]], known_metrics: set[str] | None = None) -> list[Rule]:
    """Rules from the rows of warnings.csv; RuleError naming the rule and column for anything malformed."""
    rules = []
    for row in rows:
        code = row["code"].strip()
        conditions = []
        for prefix in ("", "also_"):
            metric = (row.get(f"{prefix}metric") or "").strip()
            if not metric:
                if not prefix:
                    raise RuleError(f"warnings.csv, rule {code}: no metric")
                continue
            test = (row.get(f"{prefix}test") or "").strip()
            if test not in TESTS:
                raise RuleError(f"warnings.csv, rule {code}: test {test!r} is not one of {', '.join(TESTS)}")
            if known_metrics is not None and metric not in known_metrics:
                raise RuleError(f"warnings.csv, rule {code}: unknown metric {metric!r}")
            value = _number(row.get(f"{prefix}value", ""), f"{prefix}value", code)
            if value is None:
                raise RuleError(f"warnings.csv, rule {code}: {prefix}value is empty")
            if test in ("rises", "falls") and (value < 1 or value != int(value)):
                raise RuleError(f"warnings.csv, rule {code}: {test} needs a whole number of years ≥ 1")
            min_value = _number(row.get("min_value", ""), "min_value", code) if not prefix else None
            conditions.append(Condition(metric, test, value, min_value))
        rules.append(
            Rule(
                code,
                row["name_zh"].strip(),
                row["name_en"].strip(),
                tuple(conditions),
                row.get("explain_zh", "").strip(),
                row.get("explain_en", "").strip(),
            )
        )
    return rules


def load_rules(path: Path = RULES_CSV, known_metrics: set[str] | None = None) -> list[Rule]:
    """The rules of data/catalog/warnings.csv."""
    with open(path, encoding="utf-8", newline="") as fh:
        return parse_rules(list(csv.DictReader(fh)), known_metrics)


def _check(cond: Condition, series: dict[int, float], year: int) -> Evidence | None:
    """The evidence when `cond` holds for a district's {year: value} in `year`, else None."""
    now = series.get(year)
    if now is None or pd.isna(now):
        return None
    if cond.min_value is not None and now < cond.min_value:
        return None
    if cond.test in ("below", "above"):
        holds = now < cond.value if cond.test == "below" else now > cond.value
        return Evidence(cond.metric, cond.test, cond.value, ((year, now),)) if holds else None
    years = list(range(year - cond.years_needed(), year + 1))
    values = [series.get(y) for y in years]
    if any(v is None or pd.isna(v) for v in values):
        return None  # a gap: neither a rise nor a fall can be told
    steps = [b - a for a, b in zip(values, values[1:], strict=False)]
    holds = all(s > 0 for s in steps) if cond.test == "rises" else all(s < 0 for s in steps)
    return Evidence(cond.metric, cond.test, None, tuple(zip(years, values, strict=True))) if holds else None


def evaluate(rules: list[Rule], panel: pd.DataFrame, year: int) -> list[Flag]:
    """Every (rule, district) whose conditions all hold in `year`, in rule order then district order.

    `panel`: long rows district_code, district_zh, district_en, year, metric_code, value (as
    queries/district_metric_years.sql gives them); districts with no row at all are simply not flagged.
    """
    flags: list[Flag] = []
    if panel.empty:
        return flags
    names = panel.drop_duplicates("district_code").set_index("district_code")[["district_zh", "district_en"]]
    series: dict[tuple[str, str], dict[int, float]] = {}
    for (district, metric), grp in panel.groupby(["district_code", "metric_code"], sort=False):
        series[(district, metric)] = dict(zip(grp["year"].astype(int), grp["value"].astype(float), strict=True))
    for rule in rules:
        for district in names.index:
            evidence = []
            for cond in rule.conditions:
                found = _check(cond, series.get((district, cond.metric), {}), year)
                if found is None:
                    break
                evidence.append(found)
            else:
                zh, en = names.loc[district, "district_zh"], names.loc[district, "district_en"]
                flags.append(Flag(rule, district, zh, en, year, tuple(evidence)))
    return flags


def evidence_text(ev: Evidence, metrics: dict[str, Metric], lang: str = "zh") -> str:
    """'群体性劳资纠纷（起）：2022年 5起 → 2023年 7起 → 2024年 9起' in the metric's unit (metrics: the catalogue's)."""
    m = metrics[ev.metric]
    name = m.name_en if lang == "en" else m.name_zh
    label = m.unit_label_en if lang == "en" else m.unit_label_zh
    points = [(f"{y}: " if lang == "en" else f"{y}年 ") + format_value(v, m.unit, label, lang) for y, v in ev.points]
    text = f"{name}: " if lang == "en" else f"{name}："
    text += " → ".join(points)
    if ev.threshold is not None:
        limit = format_value(ev.threshold, m.unit, label, lang)
        word = {"below": ("低于", "below"), "above": ("高于", "above")}[ev.test]
        text += f" ({word[1]} {limit})" if lang == "en" else f"（{word[0]}{limit}）"
    return text
