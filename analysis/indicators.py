"""What each number means: one description per metric, made from the catalogues (never a literal name in code).

The city-figure method restates the rule of the `city_figures` view in etl/schema.sql: the city federation's
own figure first; else pooled from numerator and denominator where the metric has them; else the mean of the
district rates for percents and rates; else the sum over the districts that reported.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl.catalog import Catalog, Metric, catalog_dir
from texts import t


@dataclass(frozen=True)
class Description:
    code: str
    theme: str
    name: str
    definition: str
    unit: str
    polarity: str
    formula: str
    city: str
    period: str
    interval: str


def periods(directory: Path | None = None) -> dict[str, str]:
    """code → year_end | during_year for every reported indicator (data/catalog/periods.csv)."""
    with open(Path(directory or catalog_dir()) / "periods.csv", encoding="utf-8", newline="") as fh:
        return {r["code"]: r["period"] for r in csv.DictReader(fh)}


def interval_method(m: Metric, cat: Catalog) -> str | None:
    """'wilson', 'byar' or None: the interval the fair comparison gives this metric.

    Wilson for a percent made of a numerator and a denominator; Byar for a rate per 10,000 whose numerator
    counts events (unit 'count': disputes, cases). People involved in disputes come in groups, not as
    independent events, so a Poisson interval would be too narrow: no interval for them.
    """
    num = m.pool_numerator or m.numerator
    if not num or not (m.pool_denominator or m.denominator):
        return None
    if m.unit == "percent":
        return "wilson"
    if m.unit == "per_10k" and num in cat.metrics and cat.metrics[num].unit == "count":
        return "byar"
    return None


def _scale(m: Metric) -> str:
    scale = m.scale if m.kind == "derived" else 100
    return "" if scale == 1 else f" × {scale:,.0f}"


def describe(m: Metric, cat: Catalog, period_of: dict[str, str], lang: str = "zh") -> Description:
    """The reference entry of metric `m` in `lang`."""

    def name(code: str) -> str:
        return cat.metrics[code].name(lang) if code in cat.metrics else code

    if m.kind == "derived":
        formula = t("formula_derived", lang, num=name(m.numerator), den=name(m.denominator), scale=_scale(m))
        period = t(
            "period_ratio",
            lang,
            num=t(f"period_{period_of.get(m.numerator, 'during_year')}", lang),
            den=t(f"period_{period_of.get(m.denominator, 'year_end')}", lang),
        )
    else:
        formula = t("formula_reported", lang)
        period = t(f"period_{period_of[m.code]}", lang)
    num, den = m.pool_numerator or m.numerator, m.pool_denominator or m.denominator
    if num and den:
        rest = t("city_pooled", lang, num=name(num), den=name(den), scale=_scale(m))
    elif m.unit in ("percent", "per_10k") or m.kind == "derived":
        rest = t("city_mean", lang)
    else:
        rest = t("city_sum", lang)
    label = m.unit_label_en if lang == "en" else m.unit_label_zh
    return Description(
        code=m.code,
        theme=cat.themes[m.theme].name_en if lang == "en" else cat.themes[m.theme].name_zh,
        name=m.name(lang),
        definition=m.definition(lang),
        unit=label,
        polarity=t(f"polarity_{m.polarity}", lang),
        formula=formula,
        city=t("city_reported_first", lang) + rest,
        period=period,
        interval=t(f"interval_{interval_method(m, cat) or 'none'}", lang),
    )


def reference_table(cat: Catalog, lang: str = "zh", directory: Path | None = None) -> pd.DataFrame:
    """Every metric of the catalogue, in theme order, one row each (columns as Description's fields)."""
    period_of = periods(directory)
    order = {code: i for i, code in enumerate(cat.themes)}
    ms = sorted(cat.metrics.values(), key=lambda m: (order.get(m.theme, 99), m.kind != "reported"))
    return pd.DataFrame([describe(m, cat, period_of, lang).__dict__ for m in ms])


def coverage(panel: pd.DataFrame, metric: str, label_col: str = "district_zh") -> pd.DataFrame:
    """Districts × years for one metric: True where the district has a value that year (from district_metric_years)."""
    rows = panel[(panel["metric_code"] == metric) & panel["value"].notna()]
    if rows.empty:
        return pd.DataFrame()
    grid = pd.crosstab(rows[label_col], rows["year"]).astype(bool)
    return grid.reindex(list(dict.fromkeys(panel[label_col])), fill_value=False)


def coverage_counts(panel: pd.DataFrame, metrics: list[str], n_districts: int) -> pd.DataFrame:
    """Metric × year: 'n/m' districts reporting, for every metric given (a metric nobody reported: all blank)."""
    rows = panel[panel["value"].notna()]
    counts = rows.groupby(["metric_code", "year"])["district_code"].nunique().unstack(fill_value=0)
    counts = counts.reindex(metrics)
    return counts.map(lambda n: f"{int(n)}/{n_districts}" if pd.notna(n) and n else "")
