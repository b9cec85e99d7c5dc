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
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS) + "".join(_CN_BIG) + "点"

_ASCII_NUM = r"\d+(?:\.\d+)?|\.\d+"
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


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    qualifier: str = "exact"
    percent_sign: bool = False  # written with % (so never a fraction)
    scaled: bool = False  # the text carried its own multiplier (万, 亿 …), so a header unit must not apply again


def clean_text(text: str) -> str:
    """Half-width, no spaces (including non-breaking and thin ones), no thousands separators."""
    s = unicodedata.normalize("NFKC", text)
    s = re.sub(r"[\s\u00a0\u2009\u202f\u3000]+", "", s)
    # 1,234 and 1，234 (NFKC turned the full-width comma into ',') but not a list 1,2
    s = re.sub(r"(?<=\d),(?=\d{3}(?:\D|$))", "", s)
    return s


def is_missing(raw: object) -> bool:
    """Blank, a dash or N/A: nothing was reported."""
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    if isinstance(raw, str):
        return clean_text(raw).lower() in MISSING_MARKS
    return False


def cn_to_number(text: str) -> float:
    """一万三千五百 → 13500, 两千 → 2000, 十二 → 12, 三点五 → 3.5, 1.5万 is not handled here."""
    if "点" in text:
        whole, _, frac = text.partition("点")
        w = cn_to_number(whole) if whole else 0
        digits = "".join(str(_CN_DIGITS[c]) for c in frac if c in _CN_DIGITS)
        if not digits or len(digits) != len(frac):
            raise NotANumber(text)
        return w + float("0." + digits)
    if len(text) > 1 and all(c in _CN_DIGITS for c in text):  # 二〇一六: a string of digits
        return float("".join(str(_CN_DIGITS[c]) for c in text))
    total = 0.0
    section = 0.0
    digit: float | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            if _CN_DIGITS[ch] == 0:  # 两千零五: 零 only holds a place
                continue
            if digit is not None:
                raise NotANumber(text)
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (digit if digit is not None else 1) * _CN_UNITS[ch]
            digit = None
        elif ch in _CN_BIG:
            section += digit or 0
            total = (total + section) * _CN_BIG[ch] if ch == "亿" else total + section * _CN_BIG[ch]
            section, digit = 0.0, None
        else:
            raise NotANumber(text)
    return total + section + (digit or 0)


def parse_number(raw: object) -> ParsedNumber | None:
    """A cell's number in the units it was written in (万 applied), or None when missing; NotANumber otherwise."""
    if is_missing(raw):
        return None
    if isinstance(raw, bool):
        raise NotANumber(str(raw))
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and math.isinf(raw):
            raise NotANumber(str(raw))
        return ParsedNumber(float(raw))
    if not isinstance(raw, str):
        raise NotANumber(str(raw))
    s = clean_text(raw)
    if s.endswith("%%"):
        raise NotANumber(raw)
    m = _CELL.match(s)
    if not m:
        raise NotANumber(raw)
    num = m["num"]
    try:
        value = float(num) if re.fullmatch(_ASCII_NUM, num) else cn_to_number(num)
    except (NotANumber, KeyError, ValueError):
        raise NotANumber(raw) from None
    if not math.isfinite(value):  # a 400-digit "number" is a typing accident, not a figure
        raise NotANumber(raw)
    if m["sign"] == "-":
        value = -value
    scaled = False
    if m["mult"]:
        value *= MULTIPLIERS[m["mult"]]
        scaled = True
    elif re.fullmatch(_CN_NUM, num) and any(c in _CN_BIG or c in _CN_UNITS for c in num):
        scaled = True
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
