"""What period a figure covers: parse a phrase (上半年, 1–8月, 2015–2019累计, 每年, 截至4月底 …) into one code, and say it
in words (zh/en). No streamlit; used by the ETL, the queries' callers, the pages and the exports.

Every observation has a period, stored as a short code in `observations.period`, next to its `year`:

| code               | meaning                                   | year column        | zh words                 |
|--------------------|-------------------------------------------|--------------------|--------------------------|
| `year`             | the calendar year (the default)           | that year          | 2024年                   |
| `m1-6`, `m1-8`     | months 1 to 6 / 8 of the year (part year) | that year          | 2020年上半年, 2020年1–8月 |
| `m5`               | one month                                 | that year          | 2020年5月                |
| `total:2015-2019`  | a total over several years                | the last year      | 2015–2019 五年累计        |
| `each:2015-2019`   | a figure reached in each year of a span   | the last year      | 2015–2019 每年           |
| `asof:2018-04`     | a count at the end of a month (a stock)   | that month's year  | 截至2018年4月底          |
| `cum`              | a running total up to the year, from a    | that year          | 截至2016年累计            |
|                    | start the text does not say (历年累计)     |                    |                          |
| `last:5`           | a total over the last 5 years, read from  | (none yet)         | 近5年累计                 |
|                    | a text whose year is not known (近5年来)   |                    |                          |
| `since:2016`       | a total from 2016, read likewise          | (none yet)         | 2016年以来累计            |
|                    | (2016年以来 on a page of unknown year)    |                    |                          |

Only `year` figures are annual: rankings, trends, year-on-year changes, targets, decks and exports use them alone;
the others are shown with their period in words. A count at the end of December (截至12月底, 年末) is the year's.
`last:` and `since:` are never stored: given the year, parse_period reads them as the `total:` span they name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

ANNUAL = "year"
KINDS = ("year", "months", "total", "each", "asof", "cum")

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CN_OF = {v: k for k, v in _CN_DIGITS.items() if k != "两"}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_EN_LONG = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Named parts of a year, zh and en, by their month span.
_NAMED_PARTS = {
    (1, 6): ("上半年", "H1"),
    (7, 12): ("下半年", "H2"),
    (1, 3): ("一季度", "Q1"),
    (4, 6): ("二季度", "Q2"),
    (7, 9): ("三季度", "Q3"),
    (10, 12): ("四季度", "Q4"),
    (1, 9): ("前三季度", "Q1–Q3"),
}


class PeriodError(ValueError):
    """A period phrase or code that cannot be read, or one that does not fit the figure's year."""

    def __init__(self, text: object, reason: str = "unknown"):
        self.text, self.reason = text, reason
        super().__init__(f"{reason}: {text!r}")

    def message(self, lang: str = "zh") -> str:
        texts = {
            "unknown": (
                "看不懂期间“{t}”。可写：全年、上半年、1–8月、5月、2015–2019累计、2015–2019每年、截至4月底、历年累计。",
                "Cannot read the period “{t}”. Write e.g. full year, H1, Jan–Aug, May, 2015–2019 total, "
                "each year 2015–2019, as of end of April, cumulative.",
            ),
            "needs_year": (
                "期间“{t}”需要年份才能确定（例如“五年来”截至哪一年）。",
                "The period “{t}” needs a year to be definite (e.g. which year “the past five years” ends in).",
            ),
            "year_mismatch": (
                "期间“{t}”与年份不符：多年数字存于期间的最后一年。",
                "The period “{t}” does not fit the year: a multi-year figure is stored at its last year.",
            ),
        }
        zh, en = texts[self.reason]
        return (en if lang == "en" else zh).format(t=self.text)


@dataclass(frozen=True)
class Period:
    """One period: its kind and span. `year` is the year stored with the figure (the period's last year)."""

    kind: str  # year | months | total | each | asof | cum
    year: int | None = None  # the figure's year (for total/each: the span's last year); None while unknown
    first_year: int | None = None  # total/each: the span's first year
    first_month: int = 1  # months: first month; asof: the month
    last_month: int = 12  # months: last month

    @property
    def code(self) -> str:
        """The stored code (see the module docstring)."""
        if self.kind == "year":
            return ANNUAL
        if self.kind == "months":
            if self.first_month == self.last_month:
                return f"m{self.first_month}"
            return f"m{self.first_month}-{self.last_month}"
        if self.kind in ("total", "each"):
            return f"{self.kind}:{self.first_year}-{self.year}"
        if self.kind == "cum":
            return "cum"
        return f"asof:{self.year}-{self.first_month:02d}"

    @property
    def is_annual(self) -> bool:
        return self.kind == "year"

    @property
    def n_years(self) -> int:
        return (self.year - self.first_year + 1) if self.kind in ("total", "each") and self.year else 1

    def label(self, lang: str = "zh") -> str:
        """The period in words: 2020年上半年, 2015–2019 五年累计, 截至2018年4月底; in English with lang="en"."""
        y = self.year
        en = lang == "en"
        if y is None and self.kind in ("months", "cum"):
            return _yearless(self, en)
        if self.kind == "year":
            return str(y) if en else f"{y}年"
        if self.kind == "months":
            span = (self.first_month, self.last_month)
            if span in _NAMED_PARTS:
                zh_name, en_name = _NAMED_PARTS[span]
                return f"{en_name} {y}" if en else f"{y}年{zh_name}"
            if self.first_month == self.last_month:
                return f"{_MONTHS_EN_LONG[self.first_month - 1]} {y}" if en else f"{y}年{self.first_month}月"
            if en:
                return f"{_MONTHS_EN[self.first_month - 1]}–{_MONTHS_EN[self.last_month - 1]} {y}"
            return f"{y}年{self.first_month}–{self.last_month}月"
        if self.kind == "total":
            n = self.n_years
            if en:
                return f"{self.first_year}–{y} total ({n} years)"
            return f"{self.first_year}–{y} {_cn_count(n)}年累计"
        if self.kind == "each":
            return f"each year {self.first_year}–{y}" if en else f"{self.first_year}–{y} 每年"
        if self.kind == "cum":
            return f"cumulative to {y}" if en else f"截至{y}年累计"
        return f"as of end of {_MONTHS_EN_LONG[self.first_month - 1]} {y}" if en else f"截至{y}年{self.first_month}月底"


def _yearless(p: Period, en: bool) -> str:
    """A part of a year or a running total before its year is known (上半年, 历年累计), in words parse_period reads
    back once the year is given."""
    if p.kind == "cum":
        return "cumulative" if en else "历年累计"
    return (
        Period(p.kind, 2000, None, p.first_month, p.last_month)
        .label("en" if en else "zh")
        .replace(" 2000" if en else "2000年", "")
    )


def _cn_count(n: int) -> str:
    if n in _CN_OF:
        return _CN_OF[n]
    if 10 < n < 20:
        return "十" + _CN_OF[n - 10]
    return str(n)


def _int(text: str) -> int:
    """1–99 written in digits or Chinese (五, 十二, 二十)."""
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CN_DIGITS[text]
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if text.endswith("十"):
        return _CN_DIGITS[text[0]] * 10
    return _CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[2]]


_N = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
_DASH = r"\s*(?:-|–|—|－|~|～|至|到)\s*"
_Y = r"((?:19|20)\d{2})\s*年?"
_SPAN = rf"{_Y}{_DASH}{_Y}"

_TABLE: list[tuple[re.Pattern, str]] = [
    # codes as stored
    (re.compile(r"year"), "code_year"),
    (re.compile(r"m(\d{1,2})(?:-(\d{1,2}))?"), "code_months"),
    (re.compile(r"(total|each):((?:19|20)\d{2})-((?:19|20)\d{2})"), "code_span"),
    (re.compile(r"asof:((?:19|20)\d{2})-(\d{1,2})"), "code_asof"),
    (re.compile(r"cum"), "code_cum"),
    # a span to a year not known when read: with the year, as 近5年 and 2016年以来 are read (last:5 in 2020 is 2016–2020)
    (re.compile(r"last:(\d{1,2})"), "n_years_total"),
    (re.compile(r"since:((?:19|20)\d{2})"), "since"),
    # the calendar year
    (
        re.compile(
            rf"(?:{_Y})?(?:全年|年度|年报|当年|本年|年末|年底|全年度|annual|year|full year|calendar year)?"
            rf"(?:1{_DASH}12月|一{_DASH}十二月)?(?:合计|累计)?"
        ),
        "year",
    ),
    # months of one year
    (re.compile(rf"(?:{_Y})?(上半年|下半年|半年报|半年|前三季度|[一二三四]季度|第[一二三四]季度)(?:报)?"), "named"),
    (re.compile(rf"(?:{_Y})?(?:H|h)([12])", re.I), "half_en"),
    (re.compile(rf"(?:{_Y})?(?:Q|q)([1-4])"), "quarter_en"),
    (re.compile(rf"(?:{_Y})?({_N})\s*月?{_DASH}({_N})\s*月(?:份)?(?:累计|合计)?"), "month_span"),
    (re.compile(rf"(?:{_Y})?前({_N})个?月"), "first_months"),
    (re.compile(rf"(?:{_Y})?({_N})\s*月(?:份)?"), "month"),
    # several years
    (
        re.compile(
            rf"{_SPAN}(?:年)?(?:间|期间)?\s*(?:(?:[一二两三四五六七八九十]+|\d{{1,2}})年)?\s*(?:累计|合计|共计|总计)"
        ),
        "total",
    ),
    (re.compile(rf"(?:total\s*)?{_SPAN}\s*(?:total|cumulative)", re.I), "total"),
    (re.compile(rf"{_SPAN}(?:年)?(?:间|期间)?(?:中)?\s*(?:[一二两三四五六七八九十]+年中?)?\s*每年"), "each"),
    (re.compile(rf"(?:each year|every year|per year|annually)\s*{_SPAN}", re.I), "each"),
    (re.compile(rf"(?:近|过去)?({_N})年(?:来|间|中|以来)?(?:累计|合计|共计|总计)?"), "n_years_total"),
    (re.compile(rf"(?:近|过去)?({_N})年(?:来|间|中)?每年"), "n_years_each"),
    (re.compile(rf"{_Y}以来(?:累计|合计)?"), "since"),
    (re.compile(rf"(?:截至|截止|至|as of end of)\s*(?:{_Y})?({_N})\s*月(?:底|末|31日|30日)?"), "asof"),
    # a running total whose start is not said: 截至2016年累计, 历年累计 (with the year), cumulative to 2016
    (
        re.compile(
            rf"(?:(?:截至|截止|至)\s*(?:{_Y})?(?:底|末)?\s*(?:历年)?累计|历年累计|cumulative(?: to)?(?: {_Y})?)", re.I
        ),
        "cum",
    ),
]


def parse_period(text: object, year: int | None = None) -> Period:
    """The period a phrase names, e.g. "上半年" (with year=2020) → m1-6; "2015—2019年累计" → total:2015-2019;
    "五年来" with year=2019 → total:2015-2019; blank → the calendar year. PeriodError when it cannot be read,
    when it needs a year that is not given, or when a multi-year span does not end in `year`."""
    raw = "" if text is None else str(text)
    s = re.sub(r"\s+", " ", raw.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))).strip()
    s = s.strip("（）()[]【】 ")
    s = _from_english(s)
    for pattern, how in _TABLE:
        m = pattern.fullmatch(s)
        if m:
            period = _build(how, m, year, raw)
            if period.year is None:
                raise PeriodError(raw, "needs_year")
            if year is not None and period.year != year:
                raise PeriodError(raw, "year_mismatch")
            _check(period, raw)
            return period
    raise PeriodError(raw, "unknown")


_EN_TRAILING_YEAR = re.compile(r"(.+?)\s+((?:19|20)\d\d)")
_EN_MONTHS = {m.lower(): n for n, m in enumerate(_MONTHS_EN_LONG, 1)} | {
    m.lower(): n for n, m in enumerate(_MONTHS_EN, 1)
}
_EN_PARTS = {en: zh for zh, en in _NAMED_PARTS.values()}  # H1 → 上半年


def _from_english(s: str) -> str:
    """The English words Period.label gives, as the Chinese ones the table reads: "H1 2020" → 2020年上半年, "Jan–Aug
    2020" → 2020年1–8月, "as of end of April 2018" → 截至2018年4月底, "2015–2019 total (5 years)" → 2015–2019 total (the
    import page shows a period in the chosen language and reads back what it shows)."""
    s = re.sub(r"\s*\(\d+ years?\)?$", "", s)  # its ")" is stripped above
    if m := re.fullmatch(r"total (?:of|over) the (?:last|past) (\d{1,2}) years", s, re.I):
        return f"近{m.group(1)}年累计"
    if m := re.fullmatch(r"total since ((?:19|20)\d{2})", s, re.I):
        return f"{m.group(1)}年以来累计"
    m = _EN_TRAILING_YEAR.fullmatch(s)
    body, y = (m.group(1).strip(), f"{m.group(2)}年") if m else (s, "")  # "Jan–Aug" before the year is known
    if body in _EN_PARTS:
        return f"{y}{_EN_PARTS[body]}"
    low = body.lower()
    asof = re.fullmatch(r"as of (?:the )?end of ([a-z]+)", low)
    if asof and asof.group(1) in _EN_MONTHS:
        return f"截至{y}{_EN_MONTHS[asof.group(1)]}月底"
    if low in _EN_MONTHS:
        return f"{y}{_EN_MONTHS[low]}月"
    span = re.fullmatch(r"([a-z]+)\s*[-–—]\s*([a-z]+)", low)
    if span and span.group(1) in _EN_MONTHS and span.group(2) in _EN_MONTHS:
        return f"{y}{_EN_MONTHS[span.group(1)]}–{_EN_MONTHS[span.group(2)]}月"
    return s


def _given_year(m: re.Match, year: int | None) -> int | None:
    own = m.group(1) if m.re.groups and m.group(1) and m.group(1).isdigit() and len(m.group(1)) == 4 else None
    return int(own) if own else year


def _build(how: str, m: re.Match, year: int | None, raw: str) -> Period:
    if how == "code_year":
        return Period("year", year)
    if how == "code_months":
        a = int(m.group(1))
        return Period("months", year, None, a, int(m.group(2) or a))
    if how == "code_span":
        return Period(m.group(1), int(m.group(3)), int(m.group(2)))
    if how == "code_asof":
        return _asof(int(m.group(1)), int(m.group(2)))
    if how == "code_cum":
        return Period("cum", year)
    if how == "cum":
        own = next((g for g in m.groups() if g), None)
        return Period("cum", int(own) if own else year)
    y = _given_year(m, year)
    if how == "year":
        return Period("year", y)
    if how == "named":
        name = m.group(2).removeprefix("第").removesuffix("报")
        spans = {"上半年": (1, 6), "半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9)}
        spans.update({z: s for s, (z, _) in _NAMED_PARTS.items()})
        a, b = spans[name]
        return Period("months", y, None, a, b)
    if how == "half_en":
        h = int(m.group(2))
        return Period("months", y, None, 1 + 6 * (h - 1), 6 * h)
    if how == "quarter_en":
        q = int(m.group(2))
        return Period("months", y, None, 3 * q - 2, 3 * q)
    if how == "month_span":
        a, b = _int(m.group(2)), _int(m.group(3))
        return _months(y, a, b, raw)
    if how == "first_months":
        return _months(y, 1, _int(m.group(2)), raw)
    if how == "month":
        a = _int(m.group(2))
        return _months(y, a, a, raw)
    if how in ("total", "each"):
        a, b = int(m.group(1)), int(m.group(2))
        if b <= a:
            raise PeriodError(raw, "unknown")
        return Period(how, b, a)
    if how in ("n_years_total", "n_years_each"):
        n = _int(m.group(1))
        if n < 2 or year is None:
            raise PeriodError(raw, "needs_year" if n >= 2 else "unknown")
        return Period("total" if how == "n_years_total" else "each", year, year - n + 1)
    if how == "since":
        a = int(m.group(1))
        if year is None:
            raise PeriodError(raw, "needs_year")
        if year <= a:
            raise PeriodError(raw, "year_mismatch")
        return Period("total", year, a)
    # asof
    own = m.group(1)
    return _asof(int(own) if own else year, _int(m.group(2)))


def _months(y: int | None, a: int, b: int, raw: str) -> Period:
    if not (1 <= a <= b <= 12):
        raise PeriodError(raw, "unknown")
    if (a, b) == (1, 12):
        return Period("year", y)
    return Period("months", y, None, a, b)


def _asof(y: int | None, month: int) -> Period:
    if month == 12:
        return Period("year", y)  # a count at the end of December is the year's
    return Period("asof", y, None, month, month)


def _check(p: Period, raw: str) -> None:
    if p.kind in ("months", "asof") and not (1 <= p.first_month <= p.last_month <= 12):
        raise PeriodError(raw, "unknown")
    if p.kind in ("total", "each") and not (p.first_year and p.first_year < p.year):
        raise PeriodError(raw, "unknown")


def from_code(code: str | None, year: int) -> Period:
    """The Period of a stored code and its year (a null code, from a store made before periods, is the year)."""
    return parse_period(code or ANNUAL, year)


def is_annual(code: str | None) -> bool:
    return (code or ANNUAL) == ANNUAL


def period_label(code: str | None, year: int, lang: str = "zh") -> str:
    """The words for a stored period code and year: "2015–2019 五年累计", "2020年上半年", "2024年"."""
    return from_code(code, year).label(lang)


_ANY_YEAR = 2000  # to read a code relative to its year (m1-6, cum) before the year is known


def period_words(code: str | None, year: int | None, lang: str = "zh", full_year: str = "") -> str:
    """A period code as the words shown beside a figure (`full_year` for the calendar year), which parse_period reads
    back; before the year is known, a part of a year or a running total without it (上半年, 历年累计)."""
    if not code or code == "year":
        return full_year
    try:
        if year is not None:
            return period_label(code, year, lang)
    except PeriodError:
        pass
    if m := re.fullmatch(r"(last|since):(\d+)", code):
        # 近5年来 in a text whose year is not known: as many years as it says, not all the years (历年累计); so too
        # where the year given does not fit it (since:2016 in 2016), which parse_period then says when it is read back
        n = m.group(2)
        if m.group(1) == "last":
            return f"total of the last {n} years" if lang == "en" else f"近{n}年累计"
        return f"total since {n}" if lang == "en" else f"{n}年以来累计"
    try:
        if year is None:
            return replace(parse_period(code, _ANY_YEAR), year=None).label(lang)  # m1-6, cum: relative to the year
    except PeriodError:
        pass
    try:  # a span that names its own years (1992–2011累计 in a 2012 report): its own words, stored in its last year
        return parse_period(code, None).label(lang)
    except PeriodError:
        return code


# Words for the qualifiers, as they stand before a number (exact has none).
QUALIFIER_WORDS = {
    "zh": {"exact": "", "approx": "约", "more_than": "超过", "nearly": "近"},
    "en": {"exact": "", "approx": "about ", "more_than": "over ", "nearly": "nearly "},
}


def qualified(value_text: str, qualifier: str | None, code: str | None = None, lang: str = "zh") -> str:
    """A formatted value with its qualifier and, for an each-year figure, its 每年: "每年超过2,000万元",
    "over 20 million yuan each year", "近87万元"."""
    lang = "en" if lang == "en" else "zh"
    word = QUALIFIER_WORDS[lang].get(qualifier or "exact", "")
    each = (code or "").startswith("each:")
    if lang == "en":
        return f"{word}{value_text}{' each year' if each else ''}"
    return f"{'每年' if each else ''}{word}{value_text}"


# Phrases in a report's prose that say a figure covers more or less than its year, nearest first. A one-year report's
# "累计" (累计参加培训18860人次) is that year's running total, so it is not one of them.
# A five-year plan's period looked back on (“十三五”期间, 十二五时期, “十四五”以来): its years, 2016–2020 for 十三五
FIVE_YEAR_PLAN = re.compile(r"十([一二三四五])五[”\"']?(?:规划)?(?:期间|时期|以来)")
_PLAN_NUMBER = {"一": 11, "二": 12, "三": 13, "四": 14, "五": 15}


def five_year_plan_years(m: re.Match) -> tuple[int, int]:
    """The first and last year of the plan a FIVE_YEAR_PLAN match names: 十三五 → (2016, 2020)."""
    first = 1981 + 5 * (_PLAN_NUMBER[m.group(1)] - 6)  # 六五 was 1981–1985
    return first, first + 4


_SPAN_WORDS = re.compile(
    rf"(?P<span>{_SPAN})|(?P<since>{_Y}以来)|(?P<n>(?:近|过去)?{_N}年(?:来|间|以来)|(?:近|过去){_N}年)|(?P<plan>{FIVE_YEAR_PLAN.pattern})"
)
_EACH_WORD = re.compile(r"每年")
# (2022年,新建工会30家 after 五年来…: a year named alone, not a span's start, 2018年以来 or 2016年至)
_TURN_TO_YEAR = re.compile(r"今年|全年|本年|当年|年内|(?<![\d至到-])(?:19|20)\d\d年(?!\d|以来|至|到|-|—)")
_ALL_YEARS = re.compile(r"历年(?:来|以来)?(?:累计|共计|合计)?")
_PART_WORDS = re.compile(
    rf"(?P<named>上半年|下半年|前三季度|第?[一二三四]季度)|(?P<months>{_N}\s*月?{_DASH}{_N}\s*月(?:份)?)"
    rf"|(?P<asof>(?:截至|截止)\s*(?:{_Y}|今年|当年|本年)?{_N}\s*月(?:底|末)?)"
)


def _relative(phrase: str) -> Period | None:
    """The months a phrase names whose code needs no year (上半年 → m1-6), read before the year is known."""
    try:
        p = parse_period(phrase, 2000)
    except PeriodError:
        return None
    return p if p.kind == "months" else None


_SENTENCE_END = "。！？；\n"
_CLAUSE_END = _SENTENCE_END + ",，、:："


def period_in_context(text: str, start: int, year: int | None, end: int | None = None) -> str | None:
    """The period code a report's words give the figure whose evidence is text[start:end], or None when they say
    nothing beyond the report's year: a part-year phrase in the figure's sentence up to it (上半年, 1–8月,
    截至4月底); 历年(累计) in its sentence → cum:…; 每年 in its own clause, over a span named in its paragraph (五年来, 2015年以来, 2015–2019年) →
    each:…; such a span alone → total:…. For `etl extract` and the report-import page to propose; a reviewer
    confirms ("今年" is taken as `year`)."""
    end = start if end is None else end
    sentence_start = max(text.rfind(ch, 0, start) for ch in _SENTENCE_END) + 1
    before = text[sentence_start:end]
    clause_start = max(text.rfind(ch, 0, start) for ch in _CLAUSE_END) + 1
    clause = text[clause_start:end]
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph = text[paragraph_start:end]
    if _ALL_YEARS.search(before):
        return "cum"  # 历年累计近97万人次: over all the years up to the report's
    part = None
    for m in _PART_WORDS.finditer(before):
        part = m
    if part is not None:
        phrase = re.sub(r"今年|当年|本年", "", part.group(0))
        try:
            p = parse_period(phrase, year)
        except PeriodError as err:  # 上半年 with the year not known yet: m1-6 is said relative to whichever it is
            p = _relative(phrase) if err.reason == "needs_year" else None
        if p is not None and not p.is_annual:
            return p.code
    span = None
    for m in _SPAN_WORDS.finditer(paragraph):
        span = m
    if span is None:
        return None
    if paragraph_start + span.start() < sentence_start and _TURN_TO_YEAR.search(before):
        return None  # 2018年以来…300万元。今年,慰问困难职工800人: a sentence that turns back to the year is the year's
    if year is None and not (span.group("span") or span.group("plan")):
        # 近5年来…追缴拖欠工资5000多万元 in a text whose year is not known: a total over the years it says up to
        # whichever year it is (last:5; 2016年以来 → since:2016), never one year's (每年培训3000人 is each year's, the
        # report's among them; 回顾一年来 is the year)
        try:
            p = parse_period(span.group(0) + ("累计" if span.group("since") else ""), 2100)
            spans_years = not p.is_annual
            code = f"last:{p.n_years}" if span.group("n") else f"since:{p.first_year}"
        except PeriodError:
            spans_years = False
        rate = text[end - 1 : end] in ("%", "％")  # 2014年以来…覆盖率达92%: a level where the span has got to
        return code if spans_years and not rate and not _EACH_WORD.search(clause) else None
    phrase = span.group(0)
    each = _EACH_WORD.search(clause) is not None
    try:
        if span.group("plan"):  # “十三五”期间…累计: the plan's years, up to the report's where it is still running
            first, last = five_year_plan_years(FIVE_YEAR_PLAN.match(phrase))
            last = min(last, year) if year and year > first else last
            p = parse_period(f"{first}年至{last}年" + ("每年" if each else "累计"))
        elif span.group("span"):  # 1992年至2011年…累计: a named span ends in its own last year, not the report's
            p = parse_period(phrase + ("每年" if each else "累计"))
        elif span.group("since"):
            p = parse_period(phrase + "累计", year)
            if each:
                p = Period("each", p.year, p.first_year)
        else:
            p = parse_period(phrase + ("每年" if each else ""), year)
    except PeriodError:
        return None
    return None if p.is_annual else p.code
