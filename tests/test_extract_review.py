"""Weak candidates are proposed for review, never taken as figures; organisation and year refuse rather than guess."""

from __future__ import annotations

import pytest

from etl.extract import extract, find_organisation, find_report_year, normalise


def facts(text: str) -> list[tuple[str, float]]:
    return [(f.indicator, f.value) for f in extract(text).facts]


def review(text: str) -> list[tuple[str, float, str]]:
    return [(f.indicator, f.value, f.review) for f in extract(text).review]


@pytest.mark.parametrize(
    "text,taken,proposed",
    [
        # the upper end of a range is what each one got, not a total
        (
            "全县30名困难学生分别领取了2000元至4000元的助学金。",
            [("aid_persons", 30.0)],
            [("aid_amount", 4000.0, "range")],
        ),
        (
            "助学金标准为每档800~3000元不等,共资助困难职工子女120名。",
            [("aid_persons", 120.0)],
            [("aid_amount", 3000.0, "range")],
        ),
        # the largest single case
        (
            "全年理赔260起,单笔最高赔付额8万元。",
            [],
            [("mutual_insurance_payout", 80000.0, "maximum")],
        ),
        (
            "发放互助保障金350万元,获赔金额最高的职工达到12万元。",
            [("mutual_insurance_payout", 3500000.0)],
            [("mutual_insurance_payout", 120000.0, "maximum")],
        ),
        # a label from an earlier clause that already has its own figure of that unit
        (
            "发放职工医疗互助金1200万元,职工疗休养带动旅游消费超900万元。",
            [("mutual_insurance_payout", 12000000.0)],
            [("mutual_insurance_payout", 9000000.0, "far_label")],
        ),
        # the clauses after 其中 go on listing parts of a figure stated before
        (
            "全市8万人参保,其中新参保5000人,新参保中农民工300人。",
            [("mutual_insurance_enrolled", 80000.0)],
            [("mutual_insurance_enrolled", 300.0, "part")],
        ),
        (
            "共发放慰问金150万元。其中劳模800人,送去慰问金90万元。",
            [("aid_amount", 1500000.0)],
            [("aid_amount", 900000.0, "part")],
        ),
    ],
)
def test_weak_candidates_are_proposed_for_review(text, taken, proposed):
    result = extract(text)
    assert [(f.indicator, f.value) for f in result.facts] == taken
    assert [(f.indicator, f.value, f.review) for f in result.review] == proposed
    assert all(text[f.start : f.end] == f.evidence for f in result.facts + result.review)


@pytest.mark.parametrize(
    "text,expected",
    [
        # a part of another kind after 其中 stays a figure, and so do separate programmes after a total
        (
            "受理法律援助案件300件,其中调解成功120件,结案80件。",
            [("legal_aid_cases", 300.0), ("disputes_resolved", 120.0), ("disputes_resolved", 80.0)],
        ),
        (
            "节日期间慰问职工5000人,慰问金额达100万元。高温送清凉慰问金6万元;大病救助10名,救助金额3万元。",
            [
                ("aid_persons", 5000.0),
                ("aid_amount", 1000000.0),
                ("aid_amount", 60000.0),
                ("aid_persons", 10.0),
                ("aid_amount", 30000.0),
            ],
        ),
        # a range of changes is a change with its verb: the level reached is the figure
        ("集体合同签订率由85%提高到93%。", [("contract_rate_collective", 93.0)]),
    ],
)
def test_parts_of_other_kinds_and_separate_programmes_stay_figures(text, expected):
    assert facts(text) == expected


def test_the_visitor_named_again_goes_on_telling_the_visit():
    text = (
        "市总工会主席王明一行来到困难职工李某家中。李某的丈夫长期患病。\n"
        "王明送上2000元慰问金,鼓励他们树立信心。\n"
        "据悉,此次共慰问困难职工300人,发放慰问金45万元。"
    )
    assert facts(text) == [("aid_persons", 300.0), ("aid_amount", 450000.0)]
    assert review(text) == [("aid_amount", 2000.0, "visit")]
    # a body that visited (县总工会一行) is no visitor whose name opens later sentences
    text = "县总工会一行上门慰问两名出险职工。\n县总工会全年为20名会员赔付互助保障金共计8万元。"
    assert facts(text) == [("mutual_insurance_payout", 80000.0)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # contributions collected are not a payout
        ("全市1200个单位5万人参互,收取互助金600万元。", [("mutual_insurance_enrolled", 50000.0)]),
        ("全区参保职工6000人次,上缴互助费55万元。", [("mutual_insurance_enrolled", 6000.0)]),
        # a grant paid out in a sentence about mutual insurance is its payout
        (
            "参加互助保障职工人数20万人,全年发放补助金800万元。",
            [("mutual_insurance_enrolled", 200000.0), ("mutual_insurance_payout", 8000000.0)],
        ),
        # a sum followed by the aid it paid for, and goods listed before their noun
        ("市总工会拿出120万元慰问了全市1500名困难职工。", [("aid_amount", 1200000.0), ("aid_persons", 1500.0)]),
        (
            "为环卫工人送去价值3.5万元的米、面、油等生活物资。",
            [("aid_amount", 35000.0)],
        ),
    ],
)
def test_mutual_insurance_and_aid_vocabulary(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,org",
    [
        # a date or a particle run into the name is cut
        ("职工医疗互助活动\n2005年3月湖南省总工会开展医疗互助活动。", "湖南省总工会"),
        ("工资集体协商\n培训班上,提出了街道总工会的要求。", None),
        # the same body named short and in full
        (
            "五年新建工会800家\n图为安贞街道工会代表大会现场。记者从朝阳区安贞街道总工会获悉。",
            "朝阳区安贞街道总工会",
        ),
        # the federation whose place the title names
        (
            "大理州第十期职工医疗互助活动完成\n云南省总工会2004年开展此项活动。大理州总工会组织发动,全州参互8万人。",
            "大理州总工会",
        ),
        # 市总工会 reporting with county unions as its examples: not theirs
        (
            "市总工会全会\n市总工会推进工资集体协商。市总工会实行包干。甲县总工会试行听证制度,乙区总工会开展合同月活动。",
            None,
        ),
        # the national federation only as the one praising
        ("温暖送万家\n本市工会系统两年来走访慰问困难职工1万人次,受到了全国总工会的充分肯定。", None),
        # a text opening with 省总工会 that names one province
        ("我省工会多项工作走在前列\n记者从省总工会获悉,全省产生甘肃省技术能手300名。", "甘肃省总工会"),
    ],
)
def test_organisation_refuses_rather_than_guesses(text, org):
    assert find_organisation(normalise(text)[0]) == org


@pytest.mark.parametrize(
    "text,year",
    [
        # 去年 in a family's story does not move the page's year back
        ("01.02.2016\n市总工会慰问困难职工。她家去年儿子考上大学,学费不少。共慰问职工300人。", 2016),
        # 去年 said of the unions' work does
        ("2016-03-02\n去年,全市工会共慰问困难职工3000人。", 2015),
    ],
)
def test_last_year_only_when_the_text_looks_back_on_it(text, year):
    assert find_report_year(normalise(text)[0]) == year
