"""The period vocabulary: phrases read into one code, codes said in words (zh/en), qualifiers kept."""

import pytest

from etl.periods import PeriodError, is_annual, parse_period, period_in_context, period_label, period_words, qualified


@pytest.mark.parametrize(
    "raw,year,code",
    [
        ("", 2020, "year"),
        (None, 2020, "year"),
        ("全年", 2018, "year"),
        ("2018年", 2018, "year"),
        ("1-12月", 2018, "year"),
        ("截至12月底", 2018, "year"),
        ("年末", 2018, "year"),
        ("上半年", 2020, "m1-6"),
        ("2020年上半年", None, "m1-6"),
        ("半年报", 2021, "m1-6"),
        ("下半年", 2021, "m7-12"),
        ("H1", 2020, "m1-6"),
        ("一季度", 2020, "m1-3"),
        ("第三季度", 2020, "m7-9"),
        ("Q4", 2020, "m10-12"),
        ("前三季度", 2020, "m1-9"),
        ("1-8月", 2020, "m1-8"),
        ("1—8月", 2020, "m1-8"),
        ("１～８月", 2020, "m1-8"),
        ("一至八月", 2020, "m1-8"),
        ("前8个月", 2020, "m1-8"),
        ("5月", 2020, "m5"),
        ("五月份", 2020, "m5"),
        ("2015–2019 五年累计", 2019, "total:2015-2019"),
        ("2015—2019年累计", None, "total:2015-2019"),
        ("2015-2019 total", 2019, "total:2015-2019"),
        ("五年来", 2019, "total:2015-2019"),
        ("近三年累计", 2019, "total:2017-2019"),
        ("2013年以来累计", 2017, "total:2013-2017"),
        ("2015-2019每年", 2019, "each:2015-2019"),
        ("五年来每年", 2019, "each:2015-2019"),
        ("each year 2015-2019", 2019, "each:2015-2019"),
        ("截至4月底", 2018, "asof:2018-04"),
        ("截至2018年4月底", None, "asof:2018-04"),
        # stored codes read back as themselves
        ("year", 2017, "year"),
        ("m1-6", 2020, "m1-6"),
        ("m5", 2020, "m5"),
        ("total:2015-2019", 2019, "total:2015-2019"),
        ("each:2015-2019", 2019, "each:2015-2019"),
        ("asof:2018-04", 2018, "asof:2018-04"),
    ],
)
def test_parse_period_reads_phrase_as_code(raw, year, code):
    assert parse_period(raw, year).code == code


@pytest.mark.parametrize(
    "raw,year,reason",
    [
        ("上半年", None, "needs_year"),
        ("五年来", None, "needs_year"),
        ("2015-2019累计", 2018, "year_mismatch"),
        ("2020年上半年", 2019, "year_mismatch"),
        ("13月", 2020, "unknown"),
        ("8-3月", 2020, "unknown"),
        ("2019-2015累计", 2015, "unknown"),
        ("每年", 2019, "unknown"),
        ("去年同期", 2020, "unknown"),
    ],
)
def test_parse_period_refuses_what_it_cannot_place(raw, year, reason):
    with pytest.raises(PeriodError) as err:
        parse_period(raw, year)
    assert err.value.reason == reason
    assert str(raw or "") in err.value.message("zh")
    assert err.value.message("en")


@pytest.mark.parametrize(
    "code,year,zh,en",
    [
        ("year", 2024, "2024年", "2024"),
        (None, 2024, "2024年", "2024"),
        ("m1-6", 2020, "2020年上半年", "H1 2020"),
        ("m1-8", 2020, "2020年1–8月", "Jan–Aug 2020"),
        ("m5", 2020, "2020年5月", "May 2020"),
        ("total:2015-2019", 2019, "2015–2019 五年累计", "2015–2019 total (5 years)"),
        ("total:2008-2019", 2019, "2008–2019 十二年累计", "2008–2019 total (12 years)"),
        ("each:2015-2019", 2019, "2015–2019 每年", "each year 2015–2019"),
        ("asof:2018-04", 2018, "截至2018年4月底", "as of end of April 2018"),
    ],
)
def test_period_label_says_period_in_words(code, year, zh, en):
    assert period_label(code, year, "zh") == zh
    assert period_label(code, year, "en") == en


@pytest.mark.parametrize(
    "code,year",
    [
        ("m1-6", 2020),
        ("total:2015-2019", 2019),
        ("total:2008-2019", 2019),
        ("total:2000-2025", 2025),
        ("total:1980-2024", 2024),
        ("each:2015-2019", 2019),
        ("asof:2018-04", 2018),
        ("year", 2024),
    ],
)
def test_the_words_of_a_period_read_back_as_its_code(code, year):
    # the import page shows a candidate's period in words and stores what it reads back: 2000–2025 26年累计 too
    for lang in ("zh", "en"):
        assert parse_period(period_label(code, year, lang), year).code == code


@pytest.mark.parametrize("code,annual", [("year", True), (None, True), ("m1-6", False), ("total:2015-2019", False)])
def test_only_the_calendar_year_is_annual(code, annual):
    assert is_annual(code) is annual


@pytest.mark.parametrize(
    "value,qualifier,code,lang,expected",
    [
        ("2,000万元", "more_than", "each:2015-2019", "zh", "每年超过2,000万元"),
        ("20 million yuan", "more_than", "each:2015-2019", "en", "over 20 million yuan each year"),
        ("87万元", "nearly", "year", "zh", "近87万元"),
        ("30万人次", "more_than", "total:2015-2019", "zh", "超过30万人次"),
        ("93%", "approx", None, "zh", "约93%"),
        ("93%", "exact", None, "en", "93%"),
    ],
)
def test_qualified_keeps_qualifier_and_each_year(value, qualifier, code, lang, expected):
    assert qualified(value, qualifier, code, lang) == expected


@pytest.mark.parametrize(
    "text,figure,year,code",
    [
        ("全年新建工会组织76家。", "新建工会组织76家", 2015, None),
        ("全年累计参加岗位培训18860人次。", "累计参加岗位培训18860人次", 2015, None),  # one year's running total
        ("五年来，我们加强服务。共帮扶困难职工9000人次。", "帮扶困难职工9000人次", 2019, "total:2015-2019"),
        ("2013年以来，累计培训职工20万人次。", "培训职工20万人次", 2017, "total:2013-2017"),
        (
            "五年来，每年投入帮扶资金超过500万元，共慰问职工800人次。",
            "每年投入帮扶资金超过500万元",
            2019,
            "each:2015-2019",
        ),
        ("五年来，每年投入帮扶资金超过500万元，共慰问职工800人次。", "慰问职工800人次", 2019, "total:2015-2019"),
        ("2016—2020年间，新建工会1200家。", "新建工会1200家", 2020, "total:2016-2020"),
        ("上半年，全区新增会员3000人。", "新增会员3000人", 2021, "m1-6"),
        ("1-8月受理劳动争议45起。", "受理劳动争议45起", 2020, "m1-8"),
        ("截至4月底，平台录入会员43万人。", "录入会员43万人", 2018, "asof:2018-04"),
        ("截至12月底，全区工会会员59万人。", "全区工会会员59万人", 2018, None),
        # a five-year plan's period looked back on: its years (十三五 is 2016–2020), up to the report's while it runs
        ("“十三五”期间，累计新建工会组织300家。", "新建工会组织300家", 2021, "total:2016-2020"),
        ("十二五时期，全市每年培训职工2万人次。", "培训职工2万人次", 2015, "each:2011-2015"),
        ("“十四五”以来，累计帮扶困难职工5000户。", "帮扶困难职工5000户", 2023, "total:2021-2023"),
        ("“十三五”期间，累计新建工会组织300家。", "新建工会组织300家", None, "total:2016-2020"),
        # a later sentence that names a year alone turns back to that year; one that names a span does not
        ("五年来，累计新建工会100家。2022年，新建工会组织30家。", "新建工会组织30家", 2022, None),
        ("五年来，累计新建工会100家。2019年至2022年，新建工会30家。", "新建工会30家", 2022, "total:2019-2022"),
    ],
)
def test_period_in_context_reads_what_the_prose_says(text, figure, year, code):
    start = text.index(figure)
    assert period_in_context(text, start, year, start + len(figure)) == code


def test_past_n_years_without_lai_is_a_span():
    """过去五年 and 近两年, said without 来, are spans up to the report's year, as 五年来 is."""
    from etl.periods import period_in_context

    text = "过去五年,全市工会共调处劳动争议2860件。"
    assert period_in_context(text, text.index("调处"), 2024, len(text) - 1) == "total:2020-2024"
    text = "近两年,为592名农民工发放帮扶资金80多万元。"
    assert period_in_context(text, text.index("为592"), 2016, len(text) - 1) == "total:2015-2016"


@pytest.mark.parametrize(
    "text,figure,code",
    [
        # the report's year not known: a span up to it is a total over the years it says, never one year's
        ("近5年来,市总工会为2000多名农民工追缴拖欠工资5000多万元。", "5000多万元", "last:5"),
        ("2016年以来,市总工会累计发放救助金300万元。", "300万元", "since:2016"),
        ("五年来,各级工会共筹集帮扶资金2.31亿元。", "2.31亿元", "last:5"),
        ("过去两年,全县工会共调处劳动争议86件。", "86件", "last:2"),
        # counter-cases: one year looked back on, each year's figure, a rate the span has got to
        ("回顾一年来的工作,新建工会12家。", "12家", None),
        ("五年来,每年培训职工3000人。", "3000人", None),
        ("2014年以来,着力提升集体协商质效,覆盖率达92%", "92%", None),
    ],
)
def test_a_span_with_the_year_unknown_is_a_total_over_its_years(text, figure, code):
    start = text.index(figure)
    assert period_in_context(text, start, None, start + len(figure)) == code


@pytest.mark.parametrize(
    "code,zh,en,with_year",
    [
        ("last:5", "近5年累计", "total of the last 5 years", "total:2016-2020"),
        ("since:2016", "2016年以来累计", "total since 2016", "total:2016-2020"),
        ("last:2", "近2年累计", "total of the last 2 years", "total:2019-2020"),
    ],
)
def test_a_span_up_to_an_unknown_year_in_words_and_with_its_year(code, zh, en, with_year):
    """Before the year is known: as many years as the text says (not 历年累计, all the years); the words read back; with
    the year, the total:… span that is stored."""
    assert period_words(code, None, "zh") == zh
    assert period_words(code, None, "en") == en
    for given in (code, zh, en):
        assert parse_period(given, 2020).code == with_year
    with pytest.raises(PeriodError) as err:
        parse_period(code)
    assert err.value.reason == "needs_year"
    with pytest.raises(PeriodError):
        parse_period("since:2020", 2020)  # a span from the year it ends in is not a span
    # shown with a year it does not fit, it keeps its own words (never the code), which are refused when read back
    assert period_words("since:2020", 2020, "zh") == "2020年以来累计"
    with pytest.raises(PeriodError):
        parse_period("2020年以来累计", 2020)
    with pytest.raises(PeriodError):
        parse_period("last:1", 2020)
