"""Places by name and level (data/geo/places.csv, scripts/build_places.py): whose federation a report is, where
the text names it only by its level (县总工会, 我县) and its source address is the place's government site
(huangzhong.gov.cn: 湟中; zgh.jimo.gov.cn: 即墨) or the text names the place only in its short form (竹山一中, 在巢湖…),
and whether a word before 县 / 市 / 区 is a place at all."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

PLACES_CSV = Path(__file__).resolve().parent.parent / "data" / "geo" / "places.csv"
# the site of a government: the label before gov.cn names its place (www.pingluo.gov.cn, zgh.jimo.gov.cn)
_GOV_HOST = re.compile(r"https?://(?:[\w-]+\.)*?([a-z]+)\.gov\.cn(?=[:/]|$)", re.IGNORECASE)


@cache
def _levels() -> dict[str, frozenset[str]]:
    """Short name → the levels it is a place at, from the places file read once (_by_pinyin)."""
    out: dict[str, set[str]] = {}
    for found in _by_pinyin().values():
        for short, level in found:
            out.setdefault(short, set()).add(level)
    return {short: frozenset(levels) for short, levels in out.items()}


def is_place(short: str) -> bool:
    """Whether a name without its level is a province's, city's or county's, now or formerly, at any level (密云
    was a 县 and is a 区): 秀屿 and 南昌 are; 业强 (工业强县) and 指导 (指导市供销系统) are not."""
    return short in _levels()


@cache
def _written_forms() -> frozenset[str]:
    """Every place's name as a text writes it with its level: full (日照市, 洋县, 凉山彝族自治州) or short with its
    level (凉山州, 延边州); never a level alone (the file's one row whose short name is 县)."""
    out: set[str] = set()
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["short"] != row["level"]:
                out.update(n for n in (row["name"], row["short"] + row["level"]) if len(n) >= 2)
    return frozenset(out)


@cache
def _short_names() -> frozenset[str]:
    """Places' short names of two characters or more (苏州, 锦州), as a development zone's name begins."""
    return frozenset(s for s in _levels() if len(s) >= 2)


# a development zone named after its place (苏州高新区, 锦州经济技术开发区, 衡阳国家高新区, 九江经开区)
_ZONE = re.compile(
    r"(?:国家级?)?(?:高新技术产业开发区|高新区|经济技术开发区|经济开发区|经开区|开发区|新区|工业园区|综合保税区|保税区)"
)


@cache
def is_place_path(name: str) -> bool:
    """Whether a name is one place or a path of places, each written with its level (日照市东港区, 山东省莒县,
    洋县), the last of them perhaps a development zone named after its place (江苏省苏州高新区): what stands before
    总工会 in a federation's name when nothing has run into it."""
    forms = _written_forms()
    ends = {0}
    for i in range(1, len(name) + 1):
        if any(j in ends and name[j:i] in forms for j in range(max(0, i - 12), i)):
            ends.add(i)
    if len(name) in ends and name:
        return True
    for end in ends:  # the zone's place as written (苏州市高新区) or short (苏州高新区)
        for k in range(end + 2, min(len(name), end + 12)):
            if (name[end:k] in forms or name[end:k] in _short_names()) and _ZONE.fullmatch(name[k:]):
                return True
    return False


def place_levels(short: str) -> frozenset[str]:
    """The levels a short name is a place at: 黔南 → {州}; 承德 → {市, 县} (a city and a county of that name)."""
    return _levels().get(short, frozenset())


@cache
def _by_pinyin() -> dict[str, set[tuple[str, str]]]:
    """pinyin of a place's short name → {(short name, level)}: 湟中 as 县 (before 2020) and as 区 (now)."""
    out: dict[str, set[tuple[str, str]]] = {}
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["pinyin"], set()).add((row["short"], row["level"]))
    return out


@cache
def _vocabulary() -> str:
    """The report vocabulary's text (data/catalog/report_phrases.csv): a short name that is one of its words (新建区's
    新建, as in 新建工会 and 全区新建12家工会) is read as that word, never as the place alone."""
    return (PLACES_CSV.parent.parent / "catalog" / "report_phrases.csv").read_text(encoding="utf-8")


@cache
def _alone(level: str) -> dict[str, str]:
    """Short name → full name of the places of one level whose short name, read alone, is a place name (the
    `alone` column: 巢湖 → 巢湖市; not 互助, 安康, 永定), where that short name is one place's at that level."""
    names: dict[str, set[str]] = {}
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] == level and row["alone"] == "1" and row["short"] not in _vocabulary():
                names.setdefault(row["short"], set()).add(row["short"] + level)
    return {short: full.pop() for short, full in names.items() if len(full) == 1}


def place_named_alone(text: str, level: str) -> str | None:
    """The one place of `level` (市, 县, 区) whose short name the text uses without its level (竹山一中, 在巢湖跨越赶超,
    美丽故城), as 竹山县; None where it uses none or more than one (东湖 and 罗湖), or only with a level after it (孟州市
    总工会 is another federation, named in full)."""
    found = {
        full
        for short, full in _alone(level).items()
        if short in text and re.search(re.escape(short) + "(?![市县区州旗盟省镇])", text)
    }
    return found.pop() if len(found) == 1 else None


def government_site_place(address: str, levels: set[str]) -> str | None:
    """The place a government site's address names, at one of `levels` (the levels the text names its own
    federation by: 县, 市 …), as 湟中县; None where the address is no government site, its label is no place's
    pinyin, or it could be more than one place of those levels (tongren: 铜仁市 and 同仁市)."""
    m = _GOV_HOST.search(address)
    if not m:
        return None
    found = {(short, level) for short, level in _by_pinyin().get(m.group(1).lower(), ()) if level in levels}
    if len(found) != 1:
        return None
    short, level = found.pop()
    return short if short.endswith(level) else short + level


# a federation's name: the place's name with its level, then 总工会 / 工会 (永修县总工会, 延边州总工会)
_UNIT = re.compile(r"([\u4e00-\u9fff]{2,8}?)(省|自治区|特别行政区|市|州|盟|地区|县|区|旗)(总工会|工会)")
_PARENT_LEVELS = ("省", "自治区", "市", "州", "盟", "地区")


def own_name(name: str) -> str:
    """A county's or city's federation by its own name: the province and city a text writes before it go
    (云南省鲁甸县总工会 → 鲁甸县总工会; 江西省九江市永修县总工会 → 永修县总工会), as the path written varies from text
    to text for one federation (河北省赤城县 beside 张家口市赤城县) and its own name stays. An autonomous prefecture's
    federation is named in full (凉山州总工会 → 凉山彝族自治州总工会): 州 is the short form of no other kind of place,
    and the full name is the one a path and the places file give. A county's short form (孟村县) stays as written,
    as do the names of streets, development zones, provinces and 市总工会."""
    unit = _own_unit(name)
    if not unit:
        return name
    short, level, suffix = unit
    if level == "州" and (full := _prefectures().get(short)):
        return full + suffix
    return "".join(unit)


@cache
def _prefectures() -> dict[str, str]:
    """An autonomous prefecture's short name → its full name (凉山 → 凉山彝族自治州)."""
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        return {row["short"]: row["name"] for row in csv.DictReader(f) if row["level"] == "州"}


def prefecture_named(text: str, provinces: tuple[str, ...] = ()) -> str | None:
    """The one autonomous prefecture a text names, in full (玉树藏族自治州), short with its level (玉树州) or as its
    paper's name (甘孜日报), as its full name; None where it names none or more than one. A short name that is a
    province's too (海南: 海南日报 is the province's paper) counts only with 州 or in full."""
    found = set()
    for short, full in _prefectures().items():
        if full in text or short + "州" in text:
            found.add(full)
        elif short not in provinces and re.search(re.escape(short) + "(?:日报|晚报|都市报)", text):
            found.add(full)
    return found.pop() if len(found) == 1 else None


@cache
def _full_names() -> dict[str, frozenset[str]]:
    """The full names of the places whose name is longer than short name and level (大通回族土族自治县), by their
    last seven characters (回族土族自治县: 大通's and 民和's)."""
    by_tail: dict[str, set[str]] = {}
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["name"] != row["short"] + row["level"] and len(row["name"]) > 7:
                by_tail.setdefault(row["name"][-7:], set()).add(row["name"])
    return {tail: frozenset(names) for tail, names in by_tail.items()}


def whole_name(place: str, text: str) -> str:
    """A place's name cut short at its front, as a pattern of at most seven characters before 县 reads it
    (回族土族自治县 of 大通回族土族自治县): the one full name ending so that the text writes; else `place` as it is."""
    found = {n for n in _full_names().get(place[-7:], ()) if n != place and n.endswith(place) and n in text}
    return found.pop() if len(found) == 1 else place


@cache
def _parent_pattern() -> re.Pattern:
    """A province's, region's or city's name as a text writes it before a federation's (云南省, 宁夏回族自治区,
    宁夏自治区, 九江市, 凉山州, 锡林郭勒盟): full names and short name with level, longest first."""
    names: set[str] = set()
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["level"] in _PARENT_LEVELS:
                names |= {row["name"], row["short"] + row["level"]}
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def _own_unit(text: str) -> tuple[str, str, str] | None:
    """(short name, level, 总工会) where `text` is a place's name and level and then 总工会, after the names of the
    province and city it is in, if any (江西省九江市永修县总工会 → 永修, 县, 总工会)."""
    m = _UNIT.fullmatch(text)
    if m and m.group(2) in place_levels(m.group(1)):
        return m.group(1), m.group(2), m.group(3)
    whole = re.fullmatch(r"(.+?)(自治县|自治旗|县|区|旗|市)(总工会|工会)", text)
    if whole and whole.group(1) + whole.group(2) in _written_forms():  # 大通回族土族自治县, longer than _UNIT reads
        return whole.group(1), whole.group(2), whole.group(3)
    parent = _parent_pattern().match(text)
    return _own_unit(text[parent.end() :]) if parent else None
