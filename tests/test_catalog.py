"""The catalogues: every indicator complete, the codes other parts rely on, and header/district matching."""

import pytest

from etl.catalog import POLARITIES, UNITS, header_unit, load_catalog

cat = load_catalog()

REQUIRED = {
    "contract_rate_collective": ("集体合同签订率", "percent", "contracts", "higher"),
    "contract_rate_wage": ("工资专项集体合同签订率", "percent", "contracts", "higher"),
    "contract_rate_women": ("女职工专项集体合同签订率", "percent", "contracts", "higher"),
    "wage_negotiation_coverage": ("工资集体协商覆盖率", "percent", "contracts", "higher"),
    "workers_congress_rate": ("职代会建制率", "percent", "contracts", "higher"),
    "factory_affairs_openness_rate": ("厂务公开建制率", "percent", "contracts", "higher"),
    "disputes_reported": ("群体性劳资纠纷（起）", "count", "disputes", "lower"),
    "disputes_resolved": ("已结案纠纷（起）", "count", "disputes", "higher"),
    "dispute_workers_involved": ("纠纷涉及职工（人）", "person", "disputes", "lower"),
    "legal_aid_cases": ("法律援助案件（件）", "count", "disputes", "none"),
    "legal_consultations": ("法律咨询（人次）", "person_times", "disputes", "none"),
    "money_recovered": ("挽回经济损失（元）", "yuan", "disputes", "higher"),
    "aid_persons": ("帮扶困难职工（人次）", "person_times", "aid", "none"),
    "aid_amount": ("帮扶金额（元）", "yuan", "aid", "higher"),
    "mutual_insurance_enrolled": ("互助保障参保（人次）", "person_times", "aid", "higher"),
    "mutual_insurance_payout": ("互助保障理赔金额（元）", "yuan", "aid", "none"),
    "new_unions": ("新建工会组织（家）", "count", "membership", "higher"),
    "new_members": ("新发展会员（人）", "person", "membership", "higher"),
    "total_members": ("会员总数（人）", "person", "membership", "higher"),
    "total_unions": ("基层工会总数（家）", "count", "membership", "higher"),
    "training_persons": ("职工培训（人次）", "person_times", "membership", "higher"),
}


@pytest.mark.parametrize("code,spec", sorted(REQUIRED.items()))
def test_required_indicator_has_its_fixed_meaning(code, spec):
    ind = cat.indicators[code]
    assert (ind.name_zh, ind.unit, ind.theme, ind.polarity) == spec


@pytest.mark.parametrize("code", sorted(cat.indicators))
def test_every_indicator_has_names_unit_theme_and_definition(code):
    ind = cat.indicators[code]
    assert ind.name_zh and ind.name_en and ind.definition_zh and ind.definition_en and ind.aliases
    assert ind.unit in UNITS and ind.polarity in POLARITIES
    assert ind.theme in cat.themes
    assert ind.unit_label_zh and ind.unit_label_en


def test_no_alias_points_at_two_indicators():
    from etl.catalog import header_key

    seen = {}
    for ind in cat.indicators.values():
        for alias in (ind.name_zh, ind.short_name_zh, *ind.aliases):
            other = seen.setdefault(header_key(alias), ind.code)
            assert other == ind.code, f"{alias} is claimed by {other} and {ind.code}"


def test_rules_name_known_indicators():
    for rule in cat.rules:
        assert rule.smaller in cat.indicators and rule.larger in cat.indicators


@pytest.mark.parametrize(
    "header,code",
    [
        ("集体合同签订率(%)", "contract_rate_collective"),
        ("集体合同", "contract_rate_collective"),
        ("集体合同签订率％", "contract_rate_collective"),
        ("集体合同签订率（%）", "contract_rate_collective"),
        (" 工资专项 集体合同签订率 ", "contract_rate_wage"),
        ("女职工专项集体合同签订率(%)", "contract_rate_women"),
        ("群体性劳资纠纷（起）", "disputes_reported"),
        ("帮扶金额（万元）", "aid_amount"),
        ("Total members", "total_members"),
        ("total_members", "total_members"),
        ("合同签定率", None),
    ],
)
def test_headers_match_through_aliases(header, code):
    assert cat.match_indicator(header) == code


@pytest.mark.parametrize(
    "header,unit", [("帮扶金额（万元）", "万元"), ("签订率(%)", "%"), ("签订率％", "%"), ("会员总数", None)]
)
def test_header_unit_is_read_from_brackets(header, unit):
    assert header_unit(header) == unit


@pytest.mark.parametrize(
    "name,code",
    [
        ("青浦", "310118"),
        ("青浦区", "310118"),
        ("上海市青浦区", "310118"),
        ("青 浦 区", "310118"),
        ("东城", "900101"),
        ("东城区", "900101"),
        ("900101", "900101"),
    ],
)
def test_district_names_match_through_aliases(name, code):
    assert cat.match_district(name) == [code]


def test_unknown_district_gets_close_suggestions():
    assert cat.match_district("东成区") == []
    assert "示例市东城区" in cat.suggest_districts("东成区")


def test_sample_city_has_sixteen_sample_districts():
    sample = [d for d in cat.districts.values() if d.city_zh == "示例市"]
    assert len(sample) == 16 and all(d.is_sample for d in sample)
    assert not any(d.is_sample for d in cat.districts.values() if d.city_zh != "示例市")
