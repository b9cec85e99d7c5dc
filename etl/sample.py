"""Deterministic sample data for the fictional 示例市: the figures (`sample_values`) and the files staff would upload."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from etl.catalog import Catalog, District, Indicator, load_catalog

SEED = 20240601  # change it and every sample figure changes
YEARS = tuple(range(2015, 2025))
WIDE_YEARS = tuple(range(2015, 2023))  # one wide .xlsx per year, as districts report them
CSV_YEAR = 2023  # a wide GBK .csv exported from another system
LONG_YEAR = 2024  # a long table: one row per district and indicator

# Targets in percent; a little lower before 2018, when the city raised them.
TARGETS_EARLY = {"contract_rate_collective": 85.0, "contract_rate_wage": 70.0, "contract_rate_women": 85.0}
TARGETS = {"contract_rate_collective": 90.0, "contract_rate_wage": 80.0, "contract_rate_women": 90.0}
TARGETS_RAISED_IN = 2018

# Indicators a district may leave blank in some year (never the ones written in the staff notations below).
GAP_INDICATORS = (
    "training_persons",
    "mutual_insurance_payout",
    "workers_congress_rate",
    "wage_negotiation_coverage",
    "money_recovered",
)
WAN_TEXT_INDICATOR = "new_members"  # written "1.96万" in one year
APPROX_INDICATOR = "legal_consultations"  # written "8000余" in one year

# Fixed workbook timestamps so the files do not depend on the clock (openpyxl still stamps "modified").
FIXED_CREATED = dt.datetime(2025, 1, 1)

Key = tuple[str, int, str]  # district code, year, indicator code


@dataclass(frozen=True)
class WideStyle:
    """How one year's wide workbook was written: each year's form was made by a different person."""

    sheet_name: str
    title: str  # {city} and {year} filled in
    money_in_wan: bool = False  # money columns headed （万元） and filled in 10,000 yuan
    percent: str = "number"  # number: 93.5 | sign: "93.5%" | fraction: 0.935 shown as 93.5%
    percent_suffix: str = "(%)"  # after percent headers
    unit_suffix: bool = True  # 群体性劳资纠纷（起） rather than 群体性劳资纠纷
    aliases: bool = False  # headers partly taken from the catalogue's aliases
    short_districts: bool = False  # 东城 for 东城区
    missing_mark: str | None = None  # None: blank cell
    footer: str | None = None
    extra_empty_sheet: bool = False


WIDE_STYLES: dict[int, WideStyle] = {
    2015: WideStyle("2015年", "{city}各区总工会{year}年主要工作指标（示例数据）", money_in_wan=True),
    2016: WideStyle(
        "2016年度",
        "{city}{year}年度工会工作主要指标统计表（示例数据）",
        money_in_wan=True,
        percent_suffix="（%）",
        extra_empty_sheet=True,
    ),
    2017: WideStyle(
        "2017年",
        "{city}各区总工会{year}年主要工作指标（示例数据）",
        percent="sign",
        percent_suffix="",
        missing_mark="—",
        footer="注：本表为示例数据，仅供演示。",
    ),
    2018: WideStyle("2018年", "{city}{year}年工会工作主要指标（示例数据）", short_districts=True, aliases=True),
    2019: WideStyle(
        "2019年",
        "{city}各区总工会{year}年主要工作指标（示例数据）",
        money_in_wan=True,
        percent="fraction",
        percent_suffix="",
        unit_suffix=False,
    ),
    2020: WideStyle(
        "2020年",
        "{city}{year}年度工会工作主要指标统计表（示例数据）",
        percent_suffix="％",
        missing_mark="—",
        aliases=True,
    ),
    2021: WideStyle("2021年", "{city}各区总工会{year}年主要工作指标（示例数据）", aliases=True, unit_suffix=False),
    2022: WideStyle(
        "2022年",
        "{city}各区总工会{year}年主要工作指标（示例数据）",
        footer="填报单位：{city}总工会办公室　　数据截至：{year}年12月31日（示例数据）",
    ),
}
WAN_TEXT_YEAR = 2020  # the year 新发展会员 was written as "1.96万" in a few rows
APPROX_YEAR = 2021  # the year 法律咨询 was written as "8000余" in a few rows


@dataclass
class SampleModel:
    """The sample as numbers, plus how a few cells are written in the wide workbooks."""

    districts: list[District]
    values: dict[Key, float]  # reported figures in base units (gaps left out)
    gaps: set[Key] = field(default_factory=set)  # left blank
    texts: dict[Key, str] = field(default_factory=dict)  # cells written as text ("1.96万", "8000余")
    laggards: list[str] = field(default_factory=list)  # district codes whose contract rates stay low
    spikes: dict[tuple[str, int], float] = field(default_factory=dict)  # (district, year) -> dispute multiplier

    @property
    def city(self) -> str:
        return self.districts[0].city_zh


# ---------------------------------------------------------------------------------------------------------------
# The model
# ---------------------------------------------------------------------------------------------------------------


def _sample_districts(cat: Catalog) -> list[District]:
    ds = [d for d in cat.districts.values() if d.is_sample]
    if not ds:
        raise ValueError("the catalogue has no sample districts (is_sample=1)")
    cities = {d.city_zh for d in ds}
    if len(cities) != 1:
        raise ValueError(f"the sample districts belong to several cities: {sorted(cities)}")
    return ds


def _approach(start: float, cap: float, speed: float, t: int) -> float:
    """A level moving from `start` towards `cap`, quickly at first."""
    return cap - (cap - start) * math.exp(-speed * t)


def _money(value: float, year: int) -> float:
    """Yuan, to the yuan; to 100 yuan in years written in 万元 with two decimals."""
    style = WIDE_STYLES.get(year)
    if style and style.money_in_wan:
        return float(round(value / 100) * 100)
    return float(round(value))


def _district_series(code: str, laggard: bool, spikes: dict[int, float]) -> dict[int, dict[str, float]]:
    """Every modelled indicator of one district for every year, drawn from the district's own seed."""
    rng = random.Random(f"{SEED}:{code}")
    # Membership and organisation.
    workers0 = rng.uniform(80_000, 520_000)
    worker_growth = rng.uniform(0.005, 0.035)
    unionised0 = rng.uniform(70.0, 78.0)
    unionised_cap = rng.uniform(84.0, 91.5)
    new_member_share0 = rng.uniform(0.09, 0.13)
    unions0 = workers0 / rng.uniform(120, 220)
    union_growth0 = rng.uniform(0.04, 0.07)
    enterprise_share = rng.uniform(0.72, 0.88)
    # Contracts: laggards level off below the 90% target.
    coll0 = rng.uniform(58.0, 72.0) if laggard else rng.uniform(64.0, 80.0)
    coll_cap = rng.uniform(81.0, 87.0) if laggard else rng.uniform(92.5, 97.5)
    coll_speed = rng.uniform(0.25, 0.35) if laggard else rng.uniform(0.32, 0.48)
    wage_gap0 = rng.uniform(10.0, 16.0)
    wage_gap_end = rng.uniform(6.0, 9.0) if laggard else rng.uniform(3.0, 6.5)
    women_gap = rng.uniform(0.5, 5.0)
    negotiation_extra = rng.uniform(2.0, 6.0)
    congress0, congress_cap = rng.uniform(68.0, 82.0), rng.uniform(90.0, 98.5)
    openness0, openness_cap = rng.uniform(72.0, 86.0), rng.uniform(92.0, 99.0)
    # Disputes and legal services.
    disputes0 = workers0 / rng.uniform(15_000, 30_000)
    dispute_trend = rng.uniform(-0.08, -0.01)
    workers_per_aid_case = rng.uniform(2_500, 4_500)
    consultations_per_case = rng.uniform(25.0, 45.0)
    recovered_per_case = rng.uniform(6_000, 25_000)
    # Aid and insurance.
    workers_per_aided = rng.uniform(120, 220)
    aid_per_person0 = rng.uniform(500, 900)
    insured_share0 = rng.uniform(0.12, 0.25)
    payout_per_insured = rng.uniform(18, 32)
    trained_share = rng.uniform(0.03, 0.07)

    out: dict[int, dict[str, float]] = {}
    unions = unions0
    prev_reported = 0
    for year in YEARS:
        t = year - YEARS[0]
        v: dict[str, float] = {}
        workers = round(workers0 * (1 + worker_growth) ** t * rng.uniform(0.995, 1.005))
        unionised = min(92.0, max(70.0, _approach(unionised0, unionised_cap, 0.3, t) + rng.uniform(-0.3, 0.3)))
        members = round(workers * unionised / 100)
        new_share = (0.03 + (new_member_share0 - 0.03) * math.exp(-0.18 * t)) * rng.uniform(0.92, 1.08)
        union_growth = union_growth0 * math.exp(-0.15 * t)
        if t:
            unions *= 1 + union_growth
        total_unions = round(unions)
        new_unions = min(total_unions, round(total_unions * (union_growth + rng.uniform(0.01, 0.02))))
        enterprises = round(total_unions * enterprise_share)
        v |= {
            "total_workers": workers,
            "total_members": members,
            "new_members": min(members, round(members * new_share)),
            "total_unions": total_unions,
            "new_unions": new_unions,
            "enterprises_unionized": enterprises,
            "training_persons": round(members * trained_share * rng.uniform(0.9, 1.1)),
        }
        # The collective rate is what the two enterprise counts say, to one decimal.
        coll_aim = min(99.5, _approach(coll0, coll_cap, coll_speed, t) + rng.gauss(0, 0.6))
        contracted = min(enterprises, round(enterprises * coll_aim / 100))
        coll = round(100 * contracted / enterprises, 1)
        wage = max(0.0, round(coll - _approach(wage_gap0, wage_gap_end, 0.25, t) - rng.uniform(0, 1.5), 1))
        women = min(coll, round(coll - women_gap + rng.uniform(-0.5, 0.5), 1))
        v |= {
            "enterprises_collective_contract": contracted,
            "contract_rate_collective": coll,
            "contract_rate_wage": wage,
            "contract_rate_women": women,
            "wage_negotiation_coverage": round(min(99.5, wage + negotiation_extra + rng.uniform(-1, 1)), 1),
            "workers_congress_rate": round(
                min(99.5, _approach(congress0, congress_cap, 0.3, t) + rng.uniform(-1, 1)), 1
            ),
            "factory_affairs_openness_rate": round(
                min(99.8, _approach(openness0, openness_cap, 0.3, t) + rng.uniform(-1, 1)), 1
            ),
        }
        reported = round(disputes0 * math.exp(dispute_trend * t) * rng.lognormvariate(0, 0.25))
        if year in spikes and prev_reported:  # a bad year: a jump on the year before, not on the trend
            reported = round(prev_reported * spikes[year])
        prev_reported = reported
        resolved = min(reported, round(reported * rng.uniform(0.85, 1.0)))
        aid_cases = round(workers / workers_per_aid_case * (1 + 0.03 * t) * rng.uniform(0.9, 1.1))
        aided = round(workers / workers_per_aided * (1 - 0.01 * t) * rng.uniform(0.93, 1.07))
        insured = round(members * (insured_share0 + 0.02 * t) * rng.uniform(0.97, 1.03))
        v |= {
            "disputes_reported": reported,
            "disputes_resolved": resolved,
            "dispute_workers_involved": sum(rng.randint(20, 150) for _ in range(reported)),
            "legal_aid_cases": aid_cases,
            "legal_consultations": round(aid_cases * consultations_per_case * rng.uniform(0.9, 1.1)),
            "money_recovered": _money(aid_cases * recovered_per_case * rng.uniform(0.8, 1.2), year),
            "aid_persons": aided,
            "aid_amount": _money(aided * aid_per_person0 * 1.07**t * rng.uniform(0.97, 1.03), year),
            "mutual_insurance_enrolled": insured,
            "mutual_insurance_payout": _money(insured * payout_per_insured * 1.03**t * rng.uniform(0.9, 1.1), year),
        }
        out[year] = {k: float(x) for k, x in v.items()}
    return out


def _generic_series(code: str, ind: Indicator) -> dict[int, float]:
    """An indicator the model does not know yet (added to the catalogue later): a plausible level by unit."""
    rng = random.Random(f"{SEED}:{code}:{ind.code}")
    if ind.unit == "percent":
        start, cap = rng.uniform(55, 75), rng.uniform(85, 98)
        return {y: round(min(100.0, _approach(start, cap, 0.3, y - YEARS[0]) + rng.uniform(-1, 1)), 1) for y in YEARS}
    level = {"count": 200, "person": 5_000, "person_times": 5_000, "yuan": 1_000_000}.get(ind.unit, 1_000)
    base = level * rng.uniform(0.3, 2.0)
    out = {y: base * 1.03 ** (y - YEARS[0]) * rng.uniform(0.9, 1.1) for y in YEARS}
    return {y: _money(v, y) if ind.unit == "yuan" else float(round(v)) for y, v in out.items()}


def _enforce_rules(values: dict[Key, float], cat: Catalog) -> None:
    """Never let a generated `smaller` exceed its `larger` (a no-op for the modelled indicators)."""
    for (d, y, code), v in list(values.items()):
        for rule in cat.rules:
            if rule.smaller == code and (d, y, rule.larger) in values:
                values[(d, y, code)] = min(v, values[(d, y, rule.larger)])


def sample_model(catalog: Catalog | None = None) -> SampleModel:
    """The whole sample: every district of the sample city, every year, every indicator, and its quirks."""
    cat = catalog or load_catalog()
    districts = _sample_districts(cat)
    codes = [d.code for d in districts]
    events = random.Random(f"{SEED}:events")
    laggards = sorted(events.sample(codes, 3))
    spike_districts = events.sample(codes, 2)
    spikes = {
        (spike_districts[0], events.choice(YEARS[2:-2])): 3.0,  # one district's disputes triple for a year
        (spike_districts[1], events.choice(YEARS[2:-2])): 2.2,
    }

    full: dict[Key, float] = {}
    for d in districts:
        series = _district_series(d.code, d.code in laggards, {y: m for (dc, y), m in spikes.items() if dc == d.code})
        for y in YEARS:
            for ind in cat.indicators.values():
                if ind.code in series[y]:
                    full[(d.code, y, ind.code)] = series[y][ind.code]
        for ind in cat.indicators.values():
            if ind.code not in series[YEARS[0]]:
                for y, v in _generic_series(d.code, ind).items():
                    full[(d.code, y, ind.code)] = v
    _enforce_rules(full, cat)

    model = SampleModel(districts, full, laggards=laggards, spikes=spikes)
    # Staff notations: new members as "1.96万" (so to 100 people), consultations as "8000余" (rounded down).
    if WAN_TEXT_INDICATOR in cat.indicators:
        big = [dc for dc in codes if full[(dc, WAN_TEXT_YEAR, WAN_TEXT_INDICATOR)] >= 10_000]
        for dc in events.sample(big, min(3, len(big))):
            key = (dc, WAN_TEXT_YEAR, WAN_TEXT_INDICATOR)
            value = float(round(full[key] / 100) * 100)
            full[key] = value
            model.texts[key] = _plain(value / 10_000, 2) + "万"
    if APPROX_INDICATOR in cat.indicators:
        big = [dc for dc in codes if full[(dc, APPROX_YEAR, APPROX_INDICATOR)] >= 1_000]
        for dc in events.sample(big, min(2, len(big))):
            key = (dc, APPROX_YEAR, APPROX_INDICATOR)
            value = float(math.floor(full[key] / 100) * 100)
            full[key] = value
            model.texts[key] = _plain(value, 0) + "余"
    # Gaps: a few districts did not report a couple of indicators in some year.
    gap_codes = [c for c in GAP_INDICATORS if c in cat.indicators]
    if len(gap_codes) >= 2:
        gap_years = events.sample(WIDE_YEARS, 3)
        for dc, y in zip(events.sample(codes, 3), gap_years, strict=True):
            for ic in events.sample(gap_codes, 2):
                model.gaps.add((dc, y, ic))
    for key in model.gaps:
        del full[key]
    return model


def sample_values(catalog: Catalog | None = None) -> list[tuple[str, int, str, float]]:
    """(district code, year, indicator code, value in base units) for every figure the sample files hold.

    Percent as 93.5, money in yuan; gaps are left out and "8000余" is recorded as 8000.
    Ordered by year, then district and indicator in catalogue order.
    """
    cat = catalog or load_catalog()
    model = sample_model(cat)
    return [
        (d.code, y, code, model.values[(d.code, y, code)])
        for y in YEARS
        for d in model.districts
        for code in cat.indicators
        if (d.code, y, code) in model.values
    ]


def sample_targets(catalog: Catalog | None = None) -> list[tuple[str | None, int, str, float]]:
    """(district code or None for all, year, indicator code, target in percent) as the targets file holds them."""
    cat = catalog or load_catalog()
    out: list[tuple[str | None, int, str, float]] = []
    for y in YEARS:
        targets = TARGETS if y >= TARGETS_RAISED_IN else TARGETS_EARLY
        out += [(None, y, code, value) for code, value in targets.items() if code in cat.indicators]
    return out


# ---------------------------------------------------------------------------------------------------------------
# The files
# ---------------------------------------------------------------------------------------------------------------


def _plain(value: float, decimals: int = 6) -> str:
    """93.50 → 93.5, 12.0 → 12: numbers as a person types them."""
    s = f"{value:.{decimals}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def _number(value: float) -> int | float:
    """An int when the value is whole, so counts are written as 12, not 12.0."""
    return int(value) if value == int(value) else value


def _bare(text: str) -> str:
    """A catalogue name without its bracketed unit or percent sign: 集体合同签订率(%) → 集体合同签订率."""
    return re.sub(r"[（(][^）)]*[)）]", "", text).rstrip("%％").strip()


def _header_bases(ind: Indicator, cat: Catalog) -> list[str]:
    """The Chinese names a header may use for an indicator, all from the catalogue and all recognised by it."""
    bases: list[str] = []
    for form in (ind.short_name_zh, *ind.aliases):
        base = _bare(form)
        if not base or re.search(r"[A-Za-z]", base) or base in bases:
            continue
        if cat.match_indicator(base) == ind.code and cat.column_role(base) is None:
            bases.append(base)
    return bases


def wide_headers(year: int, catalog: Catalog | None = None) -> dict[str, str]:
    """Indicator code -> header text of that year's wide workbook."""
    cat = catalog or load_catalog()
    style = WIDE_STYLES[year]
    rng = random.Random(f"{SEED}:headers:{year}")
    out: dict[str, str] = {}
    for ind in cat.indicators.values():
        bases = _header_bases(ind, cat)
        base = bases[0]
        if style.aliases and len(bases) > 1 and rng.random() < 0.5:
            base = rng.choice(bases[1:])
        if ind.unit == "percent":
            header = base + style.percent_suffix
        elif ind.unit == "yuan" and style.money_in_wan:
            header = base + "（万元）"
        elif style.unit_suffix and not base.endswith((ind.unit_label_zh, "人数")):  # not 法律咨询人次（人次）
            header = f"{base}（{ind.unit_label_zh}）"
        else:
            header = base
        if cat.match_indicator(header) != ind.code:  # a catalogue alias that no longer reads back
            header = ind.name_zh
        out[ind.code] = header
    return out


def _short_name(d: District) -> str:
    """东城区 → 东城, when the catalogue knows the short form."""
    short = re.sub(r"[区县]$", "", d.name_zh)
    return short if short in d.aliases else d.name_zh


def _wide_cell(ind: Indicator, key: Key, model: SampleModel, style: WideStyle) -> tuple[object, str | None]:
    """The value written in one cell of a wide workbook, and its number format."""
    if key in model.gaps:
        return style.missing_mark, None
    if key in model.texts:
        return model.texts[key], None
    value = model.values[key]
    if ind.unit == "percent":
        if style.percent == "sign":
            return _plain(value, 1) + "%", None
        if style.percent == "fraction":
            return round(value / 100, 4), "0.0%"
        return value, "0.0"
    if ind.unit == "yuan":
        if style.money_in_wan:
            return round(value / 10_000, 2), "#,##0.00"
        return _number(value), "#,##0"
    return _number(value), "0"


_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _new_workbook() -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    wb.properties.creator = "示例数据"
    wb.properties.created = FIXED_CREATED
    return wb


def _write_wide_year(path: Path, year: int, model: SampleModel, cat: Catalog) -> None:
    style = WIDE_STYLES[year]
    headers = wide_headers(year, cat)
    wb = _new_workbook()
    ws = wb.active
    ws.title = style.sheet_name
    columns = ["序号", "区县", *headers.values(), "备注"]
    ws.cell(1, 1, style.title.format(city=model.city, year=year))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    for c, text in enumerate(columns, start=1):
        cell = ws.cell(2, c, text)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(c)].width = 6 if c == 1 else 10 if c == 2 else 13
    ws.row_dimensions[2].height = 45
    for i, d in enumerate(model.districts, start=1):
        r = i + 2
        ws.cell(r, 1, i)
        ws.cell(r, 2, _short_name(d) if style.short_districts else d.name_zh)
        notes: list[str] = []
        for c, code in enumerate(headers, start=3):
            key = (d.code, year, code)
            value, fmt = _wide_cell(cat.indicators[code], key, model, style)
            cell = ws.cell(r, c, value)
            if fmt:
                cell.number_format = fmt
            if key in model.gaps:
                notes.append(f"{cat.indicators[code].short_name_zh}未统计")
            elif key in model.texts and model.texts[key].endswith("余"):
                notes.append(f"{cat.indicators[code].short_name_zh}为估算数")
        ws.cell(r, len(columns), "；".join(notes) or None)
        for c in range(1, len(columns) + 1):
            ws.cell(r, c).border = _BORDER
    if style.footer:
        ws.cell(len(model.districts) + 4, 1, style.footer.format(city=model.city, year=year))
    ws.freeze_panes = "C3"
    if style.extra_empty_sheet:
        wb.create_sheet("Sheet2")
    wb.save(path)


def _write_csv_year(path: Path, year: int, model: SampleModel, cat: Catalog) -> None:
    """A wide CSV with a year column, in GBK as older systems export it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(
        ["区县", "年份", *(ind.name_zh + ("(%)" if ind.unit == "percent" else "") for ind in cat.indicators.values())]
    )
    for d in model.districts:
        row: list[str] = [d.name_zh, str(year)]
        for code in cat.indicators:
            key = (d.code, year, code)
            row.append(_plain(model.values[key]) if key in model.values else "")
        w.writerow(row)
    path.write_bytes(buf.getvalue().encode("gb18030"))


def _write_long_year(path: Path, year: int, model: SampleModel, cat: Catalog) -> None:
    """One row per district and indicator, values in base units."""
    wb = _new_workbook()
    ws = wb.active
    ws.title = f"{year}年"
    ws.append(["区县", "年份", "指标", "数值"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for d in model.districts:
        for ind in cat.indicators.values():
            key = (d.code, year, ind.code)
            if key in model.values:
                ws.append([d.name_zh, year, ind.short_name_zh, _number(model.values[key])])
    for letter, width in zip("ABCD", (10, 8, 26, 14), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    wb.save(path)


def _write_targets(path: Path, cat: Catalog) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["指标", "年份", "目标值", "区县"])
    for district, year, code, value in sample_targets(cat):
        w.writerow([cat.indicators[code].short_name_zh, year, _plain(value), district or ""])
    path.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")


def sample_file_names(city: str) -> dict[str, str]:
    """What each sample file is called: targets, one per wide year, the CSV year and the long year."""
    names = {"targets": f"{city}_目标值.csv"}
    names |= {str(y): f"{city}_{y}年工会工作主要指标.xlsx" for y in WIDE_YEARS}
    names[str(CSV_YEAR)] = f"{city}_{CSV_YEAR}年工会工作主要指标.csv"
    names[str(LONG_YEAR)] = f"{city}_{LONG_YEAR}年指标_长表.xlsx"
    return names


def generate_sample(out_dir: Path, catalog: Catalog | None = None) -> list[Path]:
    """Write the sample city's files into `out_dir` and return them in load order (targets first, then by year)."""
    cat = catalog or load_catalog()
    model = sample_model(cat)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    names = sample_file_names(model.city)
    paths = [out_dir / names["targets"]]
    _write_targets(paths[0], cat)
    for y in WIDE_YEARS:
        paths.append(out_dir / names[str(y)])
        _write_wide_year(paths[-1], y, model, cat)
    paths.append(out_dir / names[str(CSV_YEAR)])
    _write_csv_year(paths[-1], CSV_YEAR, model, cat)
    paths.append(out_dir / names[str(LONG_YEAR)])
    _write_long_year(paths[-1], LONG_YEAR, model, cat)
    return paths
