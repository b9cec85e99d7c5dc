"""Table-driven tests for reading numbers the way staff and reports write them."""

import pytest

from etl.numbers import NotANumber, OutOfRange, ScientificNotation, cn_to_number, is_missing, parse_number


@pytest.mark.parametrize(
    "raw,value,qualifier,percent_sign",
    [
        ("93%", 93.0, "exact", True),
        ("９３％", 93.0, "exact", True),
        ("93.5 %", 93.5, "exact", True),
        ("0.93", 0.93, "exact", False),
        (0.93, 0.93, "exact", False),
        (1234, 1234.0, "exact", False),
        ("1,234", 1234.0, "exact", False),
        ("１，２３４", 1234.0, "exact", False),
        ("1\u00a0234", 1234.0, "exact", False),
        ("1.96万", 19600.0, "exact", False),
        ("8000余", 8000.0, "more_than", False),
        ("8000余人", 8000.0, "more_than", False),
        ("近87万元", 870000.0, "nearly", False),
        ("约3.5亿元", 350000000.0, "approx", False),
        ("超过5000人", 5000.0, "more_than", False),
        ("5000人以上", 5000.0, "more_than", False),
        ("8万多元", 80000.0, "more_than", False),
        ("一万多", 10000.0, "more_than", False),
        ("三千余人", 3000.0, "more_than", False),
        ("两千", 2000.0, "exact", False),
        ("50左右", 50.0, "approx", False),
        ("12.5‰", 1.25, "exact", True),
        ("38起", 38.0, "exact", False),
        ("-3", -3.0, "exact", False),
    ],
)
def test_parse_number_reads_value_and_qualifier(raw, value, qualifier, percent_sign):
    got = parse_number(raw)
    assert got.value == pytest.approx(value)
    assert got.qualifier == qualifier
    assert got.percent_sign == percent_sign


@pytest.mark.parametrize("raw", [None, "", "  ", "—", "-", "——", "–", "/", "N/A", "#N/A", float("nan")])
def test_blank_and_dashes_are_missing(raw):
    assert is_missing(raw)
    assert parse_number(raw) is None


@pytest.mark.parametrize("raw", ["abc", "九十多吧", "93%%", "1.2.3", "12-13", True, "2018-12-31"])
def test_text_that_is_not_a_number_is_refused(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("一万三千五百", 13500),
        ("十二", 12),
        ("二十", 20),
        ("两千零五", 2005),
        ("三点五", 3.5),
        ("一亿二千万", 120_000_000),
        ("二〇一六", 2016),
    ],
)
def test_chinese_numerals(text, expected):
    assert cn_to_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("raw,scaled", [("1.96万", True), ("19600", False), ("一万多", True), ("近87万元", True)])
def test_cells_with_their_own_multiplier_are_marked_scaled(raw, scaled):
    assert parse_number(raw).scaled is scaled


@pytest.mark.parametrize(
    "raw", ["1e308", "1e309", "-1e309", "1e305万", "1e16", "9" * 400, "inf", "Infinity", "-∞", 1e308]
)
def test_numbers_too_large_to_be_figures_are_out_of_range_not_text(raw):
    with pytest.raises(OutOfRange):
        parse_number(raw)


@pytest.mark.parametrize("raw", ["1.23457E+11", "1e15", "1.5e3", "2E-05"])
def test_scientific_notation_in_range_is_refused_as_rounded(raw):
    with pytest.raises(ScientificNotation):
        parse_number(raw)
