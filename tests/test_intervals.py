"""Wilson and Byar intervals, funnel limits and verdicts, checked against published values worked by hand."""

import math

import pandas as pd
import pytest

from analysis.intervals import (
    HIGHER,
    LOWER,
    SIMILAR,
    byar,
    district_intervals,
    funnel_limits,
    judgement,
    rate_interval,
    verdict,
    wilson,
    with_intervals,
    z_value,
)


def test_z_values_are_the_normal_quantiles():
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_value(0.998) == pytest.approx(3.090232, abs=1e-6)


# Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score, no continuity correction).
@pytest.mark.parametrize(
    "x,n,lower,upper",
    [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_matches_newcombes_published_intervals(x, n, lower, upper):
    lo, hi = wilson(x, n)
    assert lo == pytest.approx(lower, abs=5e-5)
    assert hi == pytest.approx(upper, abs=5e-5)


def test_wilson_by_hand_for_8_of_10():
    # p = 0.8, z² = 3.8415; denom = 1.38415; centre = (0.8 + 0.19207)/1.38415 = 0.71674;
    # half = 1.95996/1.38415 · √(0.016 + 0.0096037) = 1.41600 · 0.16001 = 0.22658
    lo, hi = wilson(8, 10)
    assert lo == pytest.approx(0.71674 - 0.22658, abs=1e-4)
    assert hi == pytest.approx(0.71674 + 0.22658, abs=1e-4)


def test_wilson_refuses_impossible_proportions():
    with pytest.raises(ValueError):
        wilson(11, 10)
    with pytest.raises(ValueError):
        wilson(1, 0)


def test_byar_by_hand_for_10_cases():
    # lower = 10·(1 − 1/90 − 1.96/(3·√10))³ = 10·0.782291³ = 4.7874 (exact Poisson: 4.795)
    # upper = 11·(1 − 1/99 + 1.96/(3·√11))³ = 11·1.186887³ = 18.391 (exact Poisson: 18.390)
    lo, hi = byar(10)
    assert lo == pytest.approx(10 * (1 - 1 / 90 - z_value(0.95) / (3 * math.sqrt(10))) ** 3)
    assert lo == pytest.approx(4.7874, abs=1e-3)
    assert hi == pytest.approx(18.391, abs=1e-3)
    assert lo == pytest.approx(4.795, abs=0.01) and hi == pytest.approx(18.390, abs=0.01)


def test_byar_for_zero_cases_starts_at_zero():
    lo, hi = byar(0)
    assert lo == 0.0
    assert hi == pytest.approx(3.668, abs=1e-3)  # exact Poisson 3.689: Byar is close from one case on


def test_rate_per_10k_divides_the_count_interval_by_the_members():
    # 10 disputes among 50,000 members: 2.0 per 10k, interval 4.7874/5 … 18.391/5 per 10k
    iv = rate_interval(10, 50_000, "per_10k", 10_000)
    assert iv.value == pytest.approx(2.0)
    assert iv.lower == pytest.approx(0.95749, abs=1e-4)
    assert iv.upper == pytest.approx(3.67829, abs=1e-4)
    assert iv.method == "byar"


def test_percent_uses_wilson_in_percent():
    iv = rate_interval(81, 263, "percent", 100)
    assert (round(iv.lower, 2), round(iv.upper, 2)) == (25.53, 36.62)
    assert iv.method == "wilson"


@pytest.mark.parametrize(
    "num,den,unit",
    [
        (5, 0, "percent"),  # no denominator
        (None, 10, "percent"),
        (5, None, "per_10k"),
        (11, 10, "percent"),  # more resolved than reported: not a proportion
        (-1, 10, "per_10k"),
        (100, 10, "yuan"),  # money per person: neither a proportion nor a Poisson rate
    ],
)
def test_no_interval_where_none_is_honest(num, den, unit):
    assert rate_interval(num, den, unit, 100) is None


@pytest.mark.parametrize(
    "lower,upper,city,expected",
    [
        (4.79, 18.39, 3.0, HIGHER),
        (4.79, 18.39, 20.0, LOWER),
        (4.79, 18.39, 10.0, SIMILAR),
        (4.79, 18.39, 4.79, SIMILAR),  # touching the city figure is not significant
        (None, 18.39, 10.0, None),
        (4.79, 18.39, None, None),
    ],
)
def test_verdict_against_city(lower, upper, city, expected):
    assert verdict(lower, upper, city) == expected


@pytest.mark.parametrize(
    "code,polarity,expected",
    [
        (HIGHER, "higher", "better"),
        (HIGHER, "lower", "worse"),
        (LOWER, "lower", "better"),
        (LOWER, "higher", "worse"),
        (SIMILAR, "higher", "same"),
        (HIGHER, "none", None),
        (None, "higher", None),
    ],
)
def test_judgement_follows_polarity(code, polarity, expected):
    assert judgement(code, polarity) == expected


def test_with_intervals_keeps_districts_without_parts_as_gaps():
    parts = pd.DataFrame({"district": ["a", "b", "c"], "numerator": [30, 2, None], "denominator": [50_000, 40_000, 1]})
    out = with_intervals(parts, "per_10k", 10_000, city_value=2.0)
    # a: 6.0 per 10k, Byar lower 30·(1 − 1/270 − 1.96/(3·√30))³/5 = 4.048 > 2.0
    assert out.loc[0, "verdict"] == HIGHER
    assert out.loc[0, "lower"] == pytest.approx(4.048, abs=1e-3)
    # b: 0.5 per 10k, interval 0.0606 … 1.806: below 2.0
    assert out.loc[1, "verdict"] == LOWER
    assert pd.isna(out.loc[2, "value"]) and pd.isna(out.loc[2, "verdict"])


def test_funnel_limits_for_rates_are_byar_at_the_expected_count():
    # city 2.0 per 10k; 50,000 members → expected 10 cases → 95 % limits 4.7874/5 and 18.391/5 per 10k
    lim = funnel_limits(2.0, [50_000, 5_000_000], "per_10k", 10_000)
    assert lim.loc[0, "lower_950"] == pytest.approx(0.95749, abs=1e-4)
    assert lim.loc[0, "upper_950"] == pytest.approx(3.67829, abs=1e-4)
    # the 99.8 % funnel is wider, and every funnel narrows towards the city figure as districts grow
    assert lim.loc[0, "lower_998"] < lim.loc[0, "lower_950"] and lim.loc[0, "upper_998"] > lim.loc[0, "upper_950"]
    # 5,000,000 members → 1000 expected: half-width ≈ 1.96·√1000/500 = 0.124 per 10k
    assert lim.loc[1, "upper_950"] - lim.loc[1, "lower_950"] == pytest.approx(2 * 0.124, abs=0.005)
    assert lim.loc[1, "lower_950"] < 2.0 < lim.loc[1, "upper_950"]


def test_funnel_limits_for_proportions_by_hand():
    # p0 = 0.8, n = 100: 0.8 ± 1.95996·√(0.0016) = 0.8 ± 0.0784 → 72.16 … 87.84 %
    lim = funnel_limits(80.0, [100], "percent", 100)
    assert lim.loc[0, "lower_950"] == pytest.approx(72.16, abs=1e-2)
    assert lim.loc[0, "upper_950"] == pytest.approx(87.84, abs=1e-2)


def test_funnel_refuses_other_units():
    with pytest.raises(ValueError):
        funnel_limits(10.0, [100], "yuan", 1)


def parts_frame(rows, unit="percent", scale=100.0, city=90.0):
    df = pd.DataFrame(rows, columns=["district_code", "shown_value", "numerator", "denominator"])
    df["unit"], df["scale"], df["city_value"] = unit, scale, city
    return df


def test_district_intervals_refuse_a_reported_rate_its_counts_do_not_make():
    parts = parts_frame(
        [
            ("a", 93.2, 648, 695),  # 93.24 %: the same figure rounded
            ("b", 80.0, 648, 695),  # reported 80 % beside counts that make 93.2 %: no verdict
            ("c", 93.0, None, None),  # a rate without its counts: no interval
        ]
    )
    out = district_intervals(parts).set_index("district_code")
    # a: p = 0.93237, n = 695: centre = (0.93237 + 0.0027637)/1.005527 = 0.93000,
    # half = 1.94919 · √(9.0728e-5 + 1.988e-6) = 0.018769 → 91.12 … 94.88 %, wholly above 90 %
    assert out.loc["a", "lower"] == pytest.approx(91.12, abs=0.01)
    assert out.loc["a", "upper"] == pytest.approx(94.88, abs=0.01)
    assert out.loc["a", "verdict"] == HIGHER
    assert out.loc["a", "value"] == 93.2  # the figure shown elsewhere, not a recomputed one
    assert out.loc["b", "method"] == "parts_disagree" and out.loc["b", "verdict"] is None
    assert pd.isna(out.loc["b", "lower"])
    assert pd.isna(out.loc["c", "method"]) and out.loc["c", "value"] == 93.0
