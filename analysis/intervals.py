"""Confidence intervals and verdicts against the city figure, for rates that have a numerator and a denominator.

- Proportions (signing rates, resolution rate, membership rate): the Wilson score interval
  (Wilson 1927; Newcombe 1998, method 3), which stays inside 0–100 % and behaves for small counts.
- Rates per 10,000 members (disputes per 10k): the count is taken as Poisson and bounded with Byar's
  approximation (Breslow & Day 1987, p. 69), then divided by the denominator and scaled.
- Funnel-plot control limits around the city figure (Spiegelhalter 2005): for a Poisson rate, Byar's limits of
  the count expected at the city rate; for a proportion, the normal approximation p0 ± z·√(p0(1−p0)/n).
- Verdict: the interval lies wholly above the city figure (显著高于), wholly below (显著低于), or contains it
  (与全市相当). No interval (no numerator and denominator, or a zero denominator) means no verdict, never a guess.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import pandas as pd

# The confidence levels used: 95 % for the intervals and the inner funnel, 99.8 % for the outer funnel.
LEVEL_95 = 0.95
LEVEL_998 = 0.998

HIGHER, SIMILAR, LOWER = "higher", "similar", "lower"


def z_value(level: float) -> float:
    """The two-sided normal quantile for a confidence level: 1.95996… for 0.95, 3.09023… for 0.998."""
    if not 0 < level < 1:
        raise ValueError(f"confidence level must be between 0 and 1, not {level}")
    return NormalDist().inv_cdf(0.5 + level / 2)


def wilson(successes: float, trials: float, level: float = LEVEL_95) -> tuple[float, float]:
    """Wilson score interval for a proportion successes/trials, as fractions (0–1).

    p̂ = x/n; centre = (p̂ + z²/2n) / (1 + z²/n); half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
    """
    if trials <= 0:
        raise ValueError("a proportion needs a positive number of trials")
    if successes < 0 or successes > trials:
        raise ValueError(f"successes {successes} must lie between 0 and trials {trials}")
    z = z_value(level)
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    return max(0.0, centre - half), min(1.0, centre + half)


def byar(count: float, level: float = LEVEL_95) -> tuple[float, float]:
    """Byar's approximate confidence interval for a Poisson count O.

    lower = O·(1 − 1/(9O) − z/(3√O))³ (0 when O = 0); upper = (O+1)·(1 − 1/(9(O+1)) + z/(3√(O+1)))³.
    """
    if count < 0:
        raise ValueError("a count cannot be negative")
    z = z_value(level)
    lower = 0.0 if count == 0 else count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    upper = (count + 1) * (1 - 1 / (9 * (count + 1)) + z / (3 * math.sqrt(count + 1))) ** 3
    return max(0.0, lower), upper


@dataclass(frozen=True)
class Interval:
    """A rate with its interval, in the metric's own unit (percent as 0–100, per 10k as cases per 10,000)."""

    value: float
    lower: float
    upper: float
    method: str  # wilson | byar


def rate_interval(
    numerator: float, denominator: float, unit: str, scale: float, level: float = LEVEL_95
) -> Interval | None:
    """The interval of numerator/denominator × scale: Wilson for a percent, Byar for a rate per 10,000.

    None where no interval can be made honestly: a missing or non-positive denominator, a missing or negative
    numerator, a 'percent' whose numerator exceeds its denominator, or a unit that is neither.
    """
    if numerator is None or denominator is None or pd.isna(numerator) or pd.isna(denominator):
        return None
    if denominator <= 0 or numerator < 0:
        return None
    value = numerator / denominator * scale
    if unit == "percent":
        if numerator > denominator:
            return None
        lo, hi = wilson(numerator, denominator, level)
        return Interval(value, lo * scale, hi * scale, "wilson")
    if unit == "per_10k":
        lo, hi = byar(numerator, level)
        return Interval(value, lo / denominator * scale, hi / denominator * scale, "byar")
    return None


def verdict(lower: float | None, upper: float | None, city: float | None) -> str | None:
    """'higher' when the whole interval lies above the city figure, 'lower' when below, else 'similar'.

    None when there is no interval or no city figure to compare with.
    """
    if lower is None or upper is None or city is None or any(pd.isna(v) for v in (lower, upper, city)):
        return None
    if lower > city:
        return HIGHER
    if upper < city:
        return LOWER
    return SIMILAR


def judgement(verdict_code: str | None, polarity: str) -> str | None:
    """Whether a verdict is good or bad news for the metric's polarity: 'better', 'worse', 'same' or None."""
    if verdict_code is None:
        return None
    if verdict_code == SIMILAR or polarity not in ("higher", "lower"):
        return "same" if verdict_code == SIMILAR else None
    return "better" if (verdict_code == HIGHER) == (polarity == "higher") else "worse"


def with_intervals(
    parts: pd.DataFrame, unit: str, scale: float, city_value: float | None, level: float = LEVEL_95
) -> pd.DataFrame:
    """`parts` (columns numerator, denominator) with value, lower, upper, method and verdict against the city.

    Rows without an interval keep nulls in lower, upper, method and verdict.
    """
    out = parts.copy()
    rows = [rate_interval(n, d, unit, scale, level) for n, d in zip(out["numerator"], out["denominator"], strict=True)]
    out["value"] = [r.value if r else None for r in rows]
    out["lower"] = [r.lower if r else None for r in rows]
    out["upper"] = [r.upper if r else None for r in rows]
    out["method"] = [r.method if r else None for r in rows]
    out["verdict"] = [verdict(r.lower, r.upper, city_value) if r else None for r in rows]
    for col in ("value", "lower", "upper"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    return out


def funnel_limits(
    city_value: float,
    denominators: list[float],
    unit: str,
    scale: float,
    levels: tuple[float, ...] = (LEVEL_95, LEVEL_998),
) -> pd.DataFrame:
    """Control limits around the city figure for each denominator, in the metric's unit.

    Columns: denominator, and lower_LL / upper_LL for each level as per mille (lower_950, upper_998 …).
    Poisson rates use Byar's limits for the expected count E = city rate × denominator; proportions use
    p0 ± z·√(p0(1−p0)/n), clipped to 0–100 %.
    """
    if unit not in ("percent", "per_10k"):
        raise ValueError(f"no funnel limits for unit {unit!r}")
    rows = []
    theta = city_value / scale  # per member (per trial)
    for n in denominators:
        row = {"denominator": float(n)}
        for level in levels:
            key = f"{round(level * 1000):03d}"
            if unit == "per_10k":
                expected = theta * n
                lo, hi = byar(expected, level)
                row[f"lower_{key}"], row[f"upper_{key}"] = lo / n * scale, hi / n * scale
            else:
                z = z_value(level)
                half = z * math.sqrt(theta * (1 - theta) / n)
                row[f"lower_{key}"] = max(0.0, theta - half) * scale
                row[f"upper_{key}"] = min(1.0, theta + half) * scale
        rows.append(row)
    return pd.DataFrame(rows)


# How far a reported rate may lie from numerator/denominator × scale and still be the same figure rounded:
# half a unit of the rate's last shown digit is not known, so allow 0.5 (percentage points or cases per 10k).
AGREEMENT_TOLERANCE = 0.5


def district_intervals(parts: pd.DataFrame, level: float = LEVEL_95) -> pd.DataFrame:
    """Rows of queries/metric_parts_by_district.sql with lower, upper, method and verdict against the city.

    The interval is made from the parts; where a district's shown value is not the parts' ratio (a reported
    rate that disagrees with the counts beside it by more than AGREEMENT_TOLERANCE) no interval is given and
    method says 'parts_disagree', so a district is never judged on counts that do not make its figure.
    """
    if parts.empty:
        out = parts.copy()
        for col in ("lower", "upper", "method", "verdict", "value"):
            out[col] = pd.Series(dtype="float64" if col in ("lower", "upper", "value") else "object")
        return out
    unit, scale = parts["unit"].iloc[0], float(parts["scale"].iloc[0])
    city = parts["city_value"].iloc[0]
    city = None if pd.isna(city) else float(city)
    out = with_intervals(parts, unit, scale, city, level)
    disagree = out["shown_value"].notna() & out["value"].notna()
    disagree &= (out["shown_value"] - out["value"]).abs() > AGREEMENT_TOLERANCE
    out["method"] = out["method"].astype("object")
    out["verdict"] = out["verdict"].astype("object")
    out.loc[disagree, ["lower", "upper"]] = float("nan")
    out.loc[disagree, "method"] = "parts_disagree"
    out.loc[disagree, "verdict"] = None
    out["value"] = out["shown_value"].where(out["shown_value"].notna(), out["value"])
    return out
