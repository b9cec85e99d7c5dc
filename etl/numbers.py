"""Numbers as Chinese spreadsheets and reports write them: 93%, ９３％, 1.96万, 8000余, 近87万元, 一万多, 1,234."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

QUALIFIERS = ("exact", "approx", "more_than", "nearly")

# Words before or after a number that make it approximate, and how we record them.
PREFIX_QUALIFIERS = {
    "将近": "nearly",
    "接近": "nearly",
    "近": "nearly",
    "大约": "approx",
    "约为": "approx",
    "约": "approx",
    "超过": "more_than",
    "多于": "more_than",
    "不少于": "more_than",
    "逾": "more_than",
    "超": "more_than",
    "达": "exact",
    "共": "exact",
}
SUFFIX_QUALIFIERS = {
    "余": "more_than",
    "多": "more_than",
    "以上": "more_than",
    "+": "more_than",
    "左右": "approx",
    "上下": "approx",
}

MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2, "w": 1e4, "k": 1e3}

# Trailing unit words that carry no scale; 元 etc. are dropped, % marks a percent.
UNIT_WORDS = ("人次", "元", "人", "名", "起", "件", "家", "个", "户", "位", "次", "宗", "期", "场", "项")

MISSING_MARKS = {
    "",
    "-",
    "--",
    "—",
    "——",
    "–",
    "/",
    "\\",
    "n/a",
    "na",
    "#n/a",
    "null",
    "none",
    "无数据",
    "暂无",
    "…",
    "...",
}

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "".join(_CN_BIG) + "点"

_ASCII_NUM = r"(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?"  # 1e308 is read, to be judged by its size
_INFINITY = {"inf", "infinity", "∞", "+inf", "-inf", "+infinity", "-infinity", "+∞", "-∞"}
_CN_NUM = f"[{CN_NUMERAL_CHARS}]+"
_PREFIX = "|".join(sorted(map(re.escape, PREFIX_QUALIFIERS), key=len, reverse=True))
_SUFFIX = "|".join(sorted(map(re.escape, SUFFIX_QUALIFIERS), key=len, reverse=True))
_UNIT = "|".join(map(re.escape, UNIT_WORDS))
_CELL = re.compile(
    rf"^(?P<pre>{_PREFIX})?"
    rf"(?P<sign>[-+])?(?P<num>{_ASCII_NUM}|{_CN_NUM})"
    rf"(?P<q1>余|多)?"
    rf"(?P<mult>[万亿千百wk])?"
    rf"(?P<q2>{_SUFFIX})?"
    rf"(?P<unit>%|‰|{_UNIT})?"
    rf"(?P<q3>{_SUFFIX})?$"
)


class NotANumber(ValueError):
    """The text is not a number we can read."""


class OutOfRange(NotANumber):
    """A number, but not a finite one within MAX_ABS_VALUE once its multipliers are applied."""


class ScientificNotation(NotANumber):
    """A number in range written as 1.23457E+11: how Excel's CSV export rounds a long figure, so not the figure."""


# No figure a district, city or the whole country reports comes near this (China's yearly wage bill is about
# 1e14 yuan); anything beyond, or not finite, after every multiplier (万, 亿, a （万元） header) is a typing accident.
MAX_ABS_VALUE = 1e15


def check_range(value: float) -> float:
    """The value itself when finite and within ±MAX_ABS_VALUE; OutOfRange otherwise."""
    if not math.isfinite(value) or abs(value) > MAX_ABS_VALUE:
        raise OutOfRange(str(value))
    return value


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    value: float
    qualifier: str = "exact"
    percent_sign: bool = False  # written with % (so never a fraction)
    scaled: bool = False  # the text carried its own multiplier (万, 亿 …), so a header unit must not apply again


_SPACES = re.compile(r"[\s\u00a0\u2009\u202f\u3000]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")


def clean_text(text: str) -> str:
    """Half-width, no spaces (including non-breaking and thin ones), no thousands separators."""
    s = unicodedata.normalize("NFKC", text)
    s = _SPACES.sub("", s)
    # 1,234 and 1，234 (NFKC turned the full-width comma into ',') but not a list 1,2
    return _THOUSANDS.sub("", s)


def is_missing(raw: object) -> bool:
    """Blank, a dash or N/A: nothing was reported."""
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    if isinstance(raw, str):
        if len(raw) > 64 and len(raw.strip()) > 64:  # every missing mark is short; a 10 MB cell is not one
            return False
        if raw[:1].isdigit() or raw[:1] in "-+" and raw[1:2].isdigit():  # 93.5, -3: the common case, at once
            return False
        return clean_text(raw).lower() in MISSING_MARKS
    return False


def cn_to_number(text: str) -> float:
    """A Chinese numeral as people write it: 一万三千五百 → 13500, 十二 → 12, 三点五 → 3.5, 二〇一六 → 2016,
    and the spoken short forms 三千五 → 3500, 两万三 → 23000, 一百二 → 120 (a last digit after 百, 千, 万 or 亿
    counts in the next lower place unless 零 stands before it: 一千零五 → 1005).

    Refused (NotANumber) whatever could be read two ways or is not a number: a bare 万 or 亿, 三五 or 七八十
    (a range), 三千五万 (a short form before 万), units out of order, 零 where nothing is skipped."""
    text = text.replace("〇", "零") if any(c in _CN_UNITS or c in _CN_BIG for c in text) else text
    if not text:
        raise NotANumber(text)
    if "点" in text:
        whole, _, frac = text.partition("点")
        big = 1
        if frac and frac[-1] in _CN_BIG:  # 三点五万 → 35000
            big, frac = _CN_BIG[frac[-1]], frac[:-1]
            if any(c in _CN_BIG for c in whole):
                raise NotANumber(text)
        if not whole or not frac or not all(c in _CN_DIGITS for c in frac):
            raise NotANumber(text)
        w = _cn_digit_run(whole) if all(c in _CN_DIGITS for c in whole) and len(whole) == 1 else _cn_integer(whole)
        return (w + float("0." + "".join(str(_CN_DIGITS[c]) for c in frac))) * big
    if all(c in _CN_DIGITS for c in text):
        return _cn_digit_run(text)
    return float(_cn_integer(text))


def _cn_digit_run(text: str) -> float:
    """二〇一六 → 2016 (digits written one by one); a lone digit is itself; 三五 is a range (3 to 5), refused."""
    if len(text) == 1:
        return float(_CN_DIGITS[text])
    if len(text) < 4 and not any(_CN_DIGITS[c] == 0 for c in text):
        raise NotANumber(text)
    return float("".join(str(_CN_DIGITS[c]) for c in text))


def _cn_integer(text: str) -> int:
    """A whole number with place units: up to three parts, … 亿 … 万 …, each below 10,000."""
    parts: list[tuple[str, int]] = []  # (section text, its big unit: 1e8, 1e4 or 1)
    rest = text
    for big_char in ("亿億", "万萬"):
        idx = next((i for i, c in enumerate(rest) if c in big_char), -1)
        if idx >= 0:
            parts.append((rest[:idx], _CN_BIG[rest[idx]]))
            rest = rest[idx + 1 :]
    if any(c in _CN_BIG for c in rest):  # 万 before 亿, or twice
        raise NotANumber(text)
    total = 0
    for i, (section, big) in enumerate(parts):
        if not section:  # a bare 万 or 亿
            raise NotANumber(text)
        value, form = _cn_section(section, leading_zero_ok=i > 0, final=False)
        if value == 0:
            raise NotANumber(text)
        total += value * big
    if rest:
        value, form = _cn_section(rest, leading_zero_ok=bool(parts), final=True)
        if form == "digit" and parts:  # 两万三 → 23000: the digit counts in the place below the last unit
            value *= parts[-1][1] // 10
        total += value
    return total


def _cn_section(s: str, leading_zero_ok: bool, final: bool) -> tuple[int, str]:
    """A number below 10,000 (三千五百, 二十, 一千零五) and its form: "digit" (one digit alone), "short" (a last
    digit standing alone after 百 or 千, counted in the place below: 三千五), or "" (written out)."""
    value = 0
    last_unit = 100_000  # the place of the previous unit
    digit: int | None = None
    zero = False
    for k, ch in enumerate(s):
        if ch in _CN_DIGITS and _CN_DIGITS[ch] == 0:
            if zero or digit is not None or (k == 0 and not leading_zero_ok) or (k > 0 and last_unit == 10):
                raise NotANumber(s)
            zero = True
        elif ch in _CN_DIGITS:
            if digit is not None:  # 三五, 七八十: a range, not a number
                raise NotANumber(s)
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            if unit >= last_unit or (digit is None and unit != 10):
                raise NotANumber(s)
            if zero and unit * 10 >= last_unit and k > 1:  # 一百零五十: nothing skipped
                raise NotANumber(s)
            value += (1 if digit is None else digit) * unit
            last_unit, digit, zero = unit, None, False
        else:
            raise NotANumber(s)
    if zero and digit is None:  # ends in 零
        raise NotANumber(s)
    if digit is None:
        return value, ""
    if zero or last_unit == 10:
        return value + digit, ""
    if last_unit == 100_000:  # the section is a single digit
        return digit, "digit"
    if not final:  # 三千五万: a short form before a big unit could be 3500万 or 3005万
        raise NotANumber(s)
    return value + digit * last_unit // 10, "short"


def parse_number(raw: object) -> ParsedNumber | None:
    """A cell's number in the units it was written in (万 applied), or None when missing; NotANumber otherwise."""
    if is_missing(raw):
        return None
    if isinstance(raw, bool):
        raise NotANumber(str(raw))
    if isinstance(raw, (int, float)):
        if isinstance(raw, int) and abs(raw) > MAX_ABS_VALUE:  # float(10**400) would raise OverflowError
            raise OutOfRange(str(raw))
        return ParsedNumber(check_range(float(raw)))
    if not isinstance(raw, str):
        raise NotANumber(str(raw))
    s = clean_text(raw)
    if s.endswith("%%"):
        raise NotANumber(raw)
    m = _CELL.match(s)
    if not m:
        if s.lower() in _INFINITY:
            raise OutOfRange(raw)
        raise NotANumber(raw)
    num = m["num"]
    try:
        value = float(num) if re.fullmatch(_ASCII_NUM, num) else cn_to_number(num)
    except (NotANumber, KeyError, ValueError, OverflowError):
        raise NotANumber(raw) from None
    if not math.isfinite(value):  # a 400-digit "number" or 1e309 is a number, far too large to be a figure
        raise OutOfRange(raw)
    if m["sign"] == "-":
        value = -value
    scaled = False
    if m["mult"]:
        value *= MULTIPLIERS[m["mult"]]
        scaled = True
    elif re.fullmatch(_CN_NUM, num) and any(c in _CN_BIG for c in num):
        scaled = True  # 三万: the cell carries its own 万; 三千五 is only a way of writing 3500
    try:
        check_range(value)  # after the multiplier: 1e305万 is not a figure
    except OutOfRange:
        raise OutOfRange(raw) from None
    if "e" in num.lower():  # in range, but an exponent only ever comes from a rounded export
        raise ScientificNotation(raw)
    qualifier = "exact"
    for key in ("q1", "q2", "q3"):
        if m[key]:
            qualifier = SUFFIX_QUALIFIERS[m[key]]
    if m["pre"] and PREFIX_QUALIFIERS[m["pre"]] != "exact":
        qualifier = PREFIX_QUALIFIERS[m["pre"]]
    unit = m["unit"]
    if unit == "‰":
        return ParsedNumber(value / 10, qualifier, percent_sign=True, scaled=scaled)
    return ParsedNumber(value, qualifier, percent_sign=unit == "%", scaled=scaled)
