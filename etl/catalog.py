"""The indicator, district, column-role and rule catalogues: data files under data/catalog/, read here."""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import opencc
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOG_DIR = ROOT / "data" / "catalog"

UNITS = ("percent", "count", "person", "person_times", "yuan")
METRIC_UNITS = (*UNITS, "per_10k")
POLARITIES = ("higher", "lower", "none")

# A unit written in brackets in a header scales the column: 帮扶金额（万元） holds values in 10,000 yuan.
HEADER_UNIT_SCALE = {
    "万元": 10_000.0,
    "亿元": 100_000_000.0,
    "千元": 1_000.0,
    "万人": 10_000.0,
    "万人次": 10_000.0,
    "万": 10_000.0,
}

_BRACKETED = re.compile(r"[(\[【<].*?[)\]】>]")


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    unit: str
    unit_label_zh: str
    unit_label_en: str
    theme: str
    polarity: str
    headline: bool
    definition_zh: str
    definition_en: str
    aliases: tuple[str, ...]
    pool_numerator: str = ""  # city figure pooled as sum(numerator) / sum(denominator) × 100 where both exist
    pool_denominator: str = ""

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def unit_label(self, lang: str = "zh") -> str:
        return self.unit_label_en if lang == "en" else self.unit_label_zh

    @property
    def short_name_zh(self) -> str:
        """The Chinese name without its bracketed unit: 群体性劳资纠纷（起） → 群体性劳资纠纷."""
        return _BRACKETED.sub("", unicodedata.normalize("NFKC", self.name_zh)).strip()


@dataclass(frozen=True)
class District:
    code: str
    name_zh: str
    name_en: str
    city_zh: str
    city_en: str
    province_zh: str
    province_en: str
    level: str
    is_sample: bool
    aliases: tuple[str, ...]

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh


@dataclass(frozen=True)
class Rule:
    """`smaller` may never exceed `larger` for the same district and year."""

    code: str
    smaller: str
    larger: str


@dataclass(frozen=True)
class Metric:
    """What the dashboard can show: a reported indicator, or a ratio derived from two of them."""

    code: str
    name_zh: str
    name_en: str
    unit: str
    unit_label_zh: str
    unit_label_en: str
    theme: str
    polarity: str
    kind: str  # reported | derived
    headline: bool
    definition_zh: str
    definition_en: str
    numerator: str = ""  # derived: numerator / denominator × scale, per district and year
    denominator: str = ""
    scale: float = 1.0
    pool_numerator: str = ""
    pool_denominator: str = ""

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh

    def unit_label(self, lang: str = "zh") -> str:
        return self.unit_label_en if lang == "en" else self.unit_label_zh

    def definition(self, lang: str = "zh") -> str:
        return self.definition_en if lang == "en" else self.definition_zh

    @property
    def short_name_zh(self) -> str:
        return _BRACKETED.sub("", unicodedata.normalize("NFKC", self.name_zh)).strip()

    def short_name(self, lang: str = "zh") -> str:
        """The name without a bracketed unit, for titles that state the unit themselves."""
        return self.name_en if lang == "en" else self.short_name_zh


@dataclass(frozen=True)
class Theme:
    code: str
    name_zh: str
    name_en: str

    def name(self, lang: str = "zh") -> str:
        return self.name_en if lang == "en" else self.name_zh


@dataclass
class Catalog:
    indicators: dict[str, Indicator]
    districts: dict[str, District]
    column_roles: dict[str, str]  # normalised header -> role
    rules: list[Rule]
    themes: dict[str, Theme] = field(default_factory=dict)
    metrics: dict[str, Metric] = field(default_factory=dict)
    _indicator_keys: dict[str, str] = field(default_factory=dict)
    _district_keys: dict[str, list[str]] = field(default_factory=dict)
    _district_list: list[str] = field(default_factory=list)
    row_markers: dict[str, str] = field(default_factory=dict)  # normalised first words of a row -> note | numbers

    def __post_init__(self) -> None:
        for i in self.indicators.values():
            self.metrics.setdefault(
                i.code,
                Metric(
                    i.code,
                    i.name_zh,
                    i.name_en,
                    i.unit,
                    i.unit_label_zh,
                    i.unit_label_en,
                    i.theme,
                    i.polarity,
                    "reported",
                    i.headline,
                    i.definition_zh,
                    i.definition_en,
                    pool_numerator=i.pool_numerator,
                    pool_denominator=i.pool_denominator,
                ),
            )
        for ind in self.indicators.values():
            for alias in (ind.code, ind.name_zh, ind.name_en, ind.short_name_zh, *ind.aliases):
                self._indicator_keys.setdefault(header_key(alias), ind.code)
        for d in self.districts.values():
            for alias in district_alias_forms(d):
                codes = self._district_keys.setdefault(name_key(alias), [])
                if d.code not in codes:
                    codes.append(d.code)

    # indicators -------------------------------------------------------------
    def match_indicator(self, header: str) -> str | None:
        """The indicator code a header or name stands for, or None."""
        return self._indicator_keys.get(header_key(header))

    def suggest_indicators(self, header: str, n: int = 3) -> list[str]:
        """Close known Chinese indicator names for an unknown header."""
        key = header_key(header)
        close = [
            k
            for k, _, _ in process.extract(key, list(self._indicator_keys), scorer=fuzz.ratio, limit=8, score_cutoff=40)
        ]
        names: list[str] = []
        for k in close:
            name = self.indicators[self._indicator_keys[k]].short_name_zh
            if name not in names:
                names.append(name)
        if not names:  # substring fallback: 合同签订率 → the three contract rates
            for k, code in self._indicator_keys.items():
                if key and (key in k or k in key):
                    name = self.indicators[code].short_name_zh
                    if name not in names:
                        names.append(name)
        return names[:n]

    # districts --------------------------------------------------------------
    def match_district(self, name: str, city: str | None = None) -> list[str]:
        """District codes a name may stand for (empty: unknown; more than one: ambiguous)."""
        codes = self._district_keys.get(name_key(name), [])
        if city and len(codes) > 1:
            ck = name_key(city)
            narrowed = [
                c for c in codes if ck in (name_key(self.districts[c].city_zh), name_key(self.districts[c].city_en))
            ]
            codes = narrowed or codes
        return list(codes)

    def suggest_districts(self, name: str, n: int = 3) -> list[str]:
        """Close known district names (Chinese, with city) for an unknown name."""
        key = name_key(name)
        # rapidfuzz's ratio is difflib's ratio (×100) computed in C++: ~1 ms over 12,000 names instead of ~48 ms
        close = [
            k for k, _, _ in process.extract(key, self._district_names, scorer=fuzz.ratio, limit=8, score_cutoff=50)
        ]
        out: list[str] = []
        for k in close:
            for code in self._district_keys[k]:
                d = self.districts[code]
                label = f"{d.city_zh}{d.name_zh}" if d.level == "district" else d.name_zh
                if label not in out:
                    out.append(label)
        return out[:n]

    @property
    def _district_names(self) -> list[str]:
        if len(self._district_list) != len(self._district_keys):
            self._district_list[:] = list(self._district_keys)
        return self._district_list

    def column_role(self, header: str) -> str | None:
        return self.column_roles.get(header_key(header))

    def row_marker(self, text: object) -> str | None:
        """What a row starting with `text` is when it is no district's row: "note" (注：…, 填表人：, 单位负责人：, the
        signatures and notes under a table) or "numbers" (甲, 乙, 栏次: the column-number row of a statistics form)."""
        key = name_key(text)
        if not key:
            return None
        if key in self.row_markers:
            return self.row_markers[key]
        for marker, kind in self.row_markers.items():
            if kind == "note" and key.startswith(marker) and key[len(marker)] in ":：.、0123456789(（":
                return kind
        return None

    def by_theme(self, theme: str) -> list[Metric]:
        """Reported indicators first, then derived ratios, in catalogue order."""
        return [m for m in self.metrics.values() if m.theme == theme]


def district_alias_forms(d: District) -> list[str]:
    forms = [d.code, d.name_zh, d.name_en, *d.aliases]
    if d.level == "district":
        forms += [d.city_zh + d.name_zh, d.province_zh + d.city_zh + d.name_zh]
    return forms


_T2S = opencc.OpenCC("t2s")  # OpenCC's traditional → simplified tables (characters and phrases)


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """紹興 → 绍兴, 綜合性集體合同簽訂率 → 综合性集体合同签订率, 臨港區 → 临港区 (OpenCC t2s)."""
    return _T2S.convert(text) if any(ord(ch) > 0x2E7F for ch in text) else text


def to_halfwidth(text: str) -> str:
    """NFKC folds full-width digits, letters, brackets and ％ to their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def name_key(text: object) -> str:
    """Key for names: half-width, simplified, no spaces at all (青 浦 区 → 青浦区, 東城區 → 东城区), lower case."""
    s = to_simplified(to_halfwidth(str(text)))
    return re.sub(r"\s+", "", s).lower()


def header_key(text: object) -> str:
    """Key for headers: name_key without bracketed units and trailing % signs: 集体合同签订率（%） → 集体合同签订率."""
    s = name_key(text)
    s = _BRACKETED.sub("", s)
    s = s.rstrip("%")
    return s


def header_unit(text: object) -> str | None:
    """The unit written in a header's brackets, if any: 帮扶金额（万元） → 万元, 签订率(%) → %."""
    s = name_key(text)
    m = _BRACKETED.findall(s)
    if m:
        return m[-1][1:-1] or None
    if s.endswith("%"):
        return "%"
    return None


def _split(aliases: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in aliases.split("|") if a.strip())


def catalog_dir() -> Path:
    return Path(os.environ.get("UNION_CATALOG", DEFAULT_CATALOG_DIR))


@lru_cache(maxsize=4)
def _load(directory: str) -> Catalog:
    d = Path(directory)
    with open(d / "indicators.csv", encoding="utf-8") as f:
        indicators = {
            r["code"]: Indicator(
                code=r["code"],
                name_zh=r["name_zh"],
                name_en=r["name_en"],
                unit=r["unit"],
                unit_label_zh=r["unit_label_zh"],
                unit_label_en=r["unit_label_en"],
                theme=r["theme"],
                polarity=r["polarity"],
                headline=r["headline"] == "1",
                definition_zh=r["definition_zh"],
                definition_en=r["definition_en"],
                aliases=_split(r["aliases"]),
                pool_numerator=r.get("pool_numerator") or "",
                pool_denominator=r.get("pool_denominator") or "",
            )
            for r in csv.DictReader(f)
        }
    with open(d / "districts.csv", encoding="utf-8") as f:
        districts = {
            r["code"]: District(
                code=r["code"],
                name_zh=r["name_zh"],
                name_en=r["name_en"],
                city_zh=r["city_zh"],
                city_en=r["city_en"],
                province_zh=r["province_zh"],
                province_en=r["province_en"],
                level=r["level"],
                is_sample=r["is_sample"] == "1",
                aliases=_split(r["aliases"]),
            )
            for r in csv.DictReader(f)
        }
    roles: dict[str, str] = {}
    markers: dict[str, str] = {}
    with open(d / "columns.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for alias in _split(r["aliases"]):
                if r["role"] in ("note_row", "numbers_row"):
                    markers.setdefault(name_key(alias), "note" if r["role"] == "note_row" else "numbers")
                else:
                    roles.setdefault(header_key(alias), r["role"])
    with open(d / "rules.csv", encoding="utf-8") as f:
        rules = [Rule(r["code"], r["smaller"], r["larger"]) for r in csv.DictReader(f)]
    with open(d / "themes.csv", encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["sort_order"]))
        themes = {r["code"]: Theme(r["code"], r["name_zh"], r["name_en"]) for r in rows}
    derived: dict[str, Metric] = {}
    with open(d / "derived.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            derived[r["code"]] = Metric(
                r["code"],
                r["name_zh"],
                r["name_en"],
                r["unit"],
                r["unit_label_zh"],
                r["unit_label_en"],
                r["theme"],
                r["polarity"],
                "derived",
                False,
                r["definition_zh"],
                r["definition_en"],
                numerator=r["numerator"],
                denominator=r["denominator"],
                scale=float(r["scale"]),
            )
    cat = Catalog(indicators, districts, roles, rules, themes, row_markers=markers)
    cat.metrics.update(derived)
    return cat


def load_catalog(directory: str | Path | None = None) -> Catalog:
    """The catalogue in `directory` (default: $UNION_CATALOG or data/catalog), read once per process."""
    return _load(str(directory or catalog_dir()))
