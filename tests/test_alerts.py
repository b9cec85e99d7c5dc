"""Early-warning rules: the catalogue parses, and each test (rises, falls, below, above) flags exactly what it says."""

import pandas as pd
import pytest

from analysis.alerts import RuleError, evaluate, evidence_text, load_rules, parse_rules
from etl.catalog import load_catalog

METRICS = load_catalog().metrics


def rule_row(**kw):
    row = {
        "code": "r",
        "name_zh": "规则",
        "name_en": "Rule",
        "metric": "disputes_reported",
        "test": "rises",
        "value": "2",
        "min_value": "",
        "also_metric": "",
        "also_test": "",
        "also_value": "",
        "explain_zh": "",
        "explain_en": "",
    }
    row.update(kw)
    return row


def panel(series: dict[str, dict[int, float]], district="900101") -> pd.DataFrame:
    rows = [
        {
            "district_code": district,
            "district_zh": "东城区",
            "district_en": "Dongcheng",
            "year": y,
            "metric_code": m,
            "value": v,
        }
        for m, by_year in series.items()
        for y, v in by_year.items()
    ]
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    "row,series,flagged",
    [
        # rises 2: up in each of the last two years
        (rule_row(), {"disputes_reported": {2022: 5, 2023: 7, 2024: 9}}, True),
        (rule_row(), {"disputes_reported": {2022: 5, 2023: 7, 2024: 7}}, False),  # flat is not a rise
        (rule_row(), {"disputes_reported": {2022: 9, 2023: 7, 2024: 8}}, False),  # only one year up
        (rule_row(), {"disputes_reported": {2022: 5, 2024: 9}}, False),  # 2023 missing: cannot tell
        (rule_row(), {"disputes_reported": {2023: 7, 2024: 9}}, False),  # not enough years
        # min_value: a rise from 2 to 3 to 4 cases is not a warning
        (rule_row(min_value="5"), {"disputes_reported": {2022: 2, 2023: 3, 2024: 4}}, False),
        (rule_row(min_value="5"), {"disputes_reported": {2022: 3, 2023: 4, 2024: 5}}, True),
        # falls 1
        (rule_row(metric="total_members", test="falls", value="1"), {"total_members": {2023: 100, 2024: 99}}, True),
        (rule_row(metric="total_members", test="falls", value="1"), {"total_members": {2023: 99, 2024: 100}}, False),
        # below / above a threshold in the base unit
        (
            rule_row(metric="dispute_resolution_rate", test="below", value="85"),
            {"dispute_resolution_rate": {2024: 80.0}},
            True,
        ),
        (
            rule_row(metric="dispute_resolution_rate", test="below", value="85"),
            {"dispute_resolution_rate": {2024: 85.0}},
            False,
        ),
        (
            rule_row(metric="dispute_resolution_rate", test="below", value="85"),
            {"dispute_resolution_rate": {2023: 50.0}},
            False,
        ),
        (rule_row(metric="aid_per_person", test="above", value="1000"), {"aid_per_person": {2024: 1000.5}}, True),
        # two conditions: both must hold
        (
            rule_row(also_metric="contract_rate_collective", also_test="falls", also_value="1"),
            {"disputes_reported": {2022: 5, 2023: 7, 2024: 9}, "contract_rate_collective": {2023: 92.0, 2024: 90.5}},
            True,
        ),
        (
            rule_row(also_metric="contract_rate_collective", also_test="falls", also_value="1"),
            {"disputes_reported": {2022: 5, 2023: 7, 2024: 9}, "contract_rate_collective": {2023: 90.0, 2024: 90.5}},
            False,
        ),
        (
            rule_row(also_metric="contract_rate_collective", also_test="falls", also_value="1"),
            {"disputes_reported": {2022: 5, 2023: 7, 2024: 9}},  # second metric not reported: no flag
            False,
        ),
    ],
)
def test_rule_flags_exactly_when_its_conditions_hold(row, series, flagged):
    flags = evaluate(parse_rules([row]), panel(series), 2024)
    assert (len(flags) == 1) is flagged
    if flagged:
        assert flags[0].district_code == "900101" and flags[0].year == 2024


def test_flag_carries_its_evidence_figures():
    row = rule_row(also_metric="contract_rate_collective", also_test="falls", also_value="1")
    series = {"disputes_reported": {2022: 5, 2023: 7, 2024: 9}, "contract_rate_collective": {2023: 92.0, 2024: 90.5}}
    (flag,) = evaluate(parse_rules([row]), panel(series), 2024)
    assert flag.evidence[0].points == ((2022, 5.0), (2023, 7.0), (2024, 9.0))
    assert flag.evidence[1].points == ((2023, 92.0), (2024, 90.5))
    assert evidence_text(flag.evidence[0], METRICS) == "群体性劳资纠纷（起）：2022年 5起 → 2023年 7起 → 2024年 9起"
    assert evidence_text(flag.evidence[1], METRICS, "en").endswith("2023: 92.0% → 2024: 90.5%")


def test_threshold_evidence_names_the_floor():
    row = rule_row(metric="dispute_resolution_rate", test="below", value="85")
    (flag,) = evaluate(parse_rules([row]), panel({"dispute_resolution_rate": {2024: 80.0}}), 2024)
    assert evidence_text(flag.evidence[0], METRICS).endswith("2024年 80.0%（低于85.0%）")


@pytest.mark.parametrize(
    "row,message",
    [
        (rule_row(test="grows"), "test 'grows'"),
        (rule_row(value="two"), "value 'two' is not a number"),
        (rule_row(value="1.5"), "whole number of years"),
        (rule_row(metric="no_such_metric"), "unknown metric"),
        (rule_row(also_metric="total_members", also_test="falls", also_value=""), "also_value is empty"),
        (rule_row(metric=""), "no metric"),
    ],
)
def test_malformed_rules_are_refused_with_the_rule_named(row, message):
    known = set(METRICS)
    with pytest.raises(RuleError, match="rule r") as err:
        parse_rules([row], known)
    assert message in str(err.value)


def test_catalogue_rules_parse_against_the_metric_catalogue():
    rules = load_rules(known_metrics=set(METRICS))
    assert len(rules) >= 4
    assert len({r.code for r in rules}) == len(rules)
    assert all(r.name_zh and r.name_en and r.explain_zh and r.explain_en for r in rules)
