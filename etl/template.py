"""The upload template: a wide .xlsx with one column per catalogue indicator, drop-downs, checks and instructions."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from etl.catalog import Catalog, District, Indicator, load_catalog, name_key

# Rows below the header that carry the drop-down and the number checks (a city has tens of districts).
ENTRY_ROWS = 1_000
YEAR_MIN, YEAR_MAX = 2000, 2100

SHEETS = {
    "data": {"zh": "填报", "en": "Data"},
    "indicators": {"zh": "指标说明", "en": "Indicators"},
    "instructions": {"zh": "填写说明", "en": "Instructions"},
    "districts": {"zh": "区县列表", "en": "Districts"},
}
# Sheets of the template that hold no figures: a loader may pass over them without a word.
HELPER_SHEETS = tuple(name for key, names in SHEETS.items() if key != "data" for name in names.values())

LABELS = {
    "district": {"zh": "区县", "en": "District"},
    "year": {"zh": "年份", "en": "Year"},
    "code": {"zh": "代码", "en": "Code"},
    "indicator": {"zh": "指标", "en": "Indicator"},
    "unit": {"zh": "单位", "en": "Unit"},
    "theme": {"zh": "主题", "en": "Theme"},
    "polarity": {"zh": "方向", "en": "Better when"},
    "definition": {"zh": "定义", "en": "Definition"},
    "aliases": {"zh": "可识别的表头写法", "en": "Headers also recognised"},
}
POLARITY = {
    "higher": {"zh": "越高越好", "en": "higher"},
    "lower": {"zh": "越低越好", "en": "lower"},
    "none": {"zh": "—", "en": "—"},
}
NUMBER_FORMATS = {"percent": "0.0", "count": "#,##0", "person": "#,##0", "person_times": "#,##0", "yuan": "#,##0.00"}
WHOLE_UNITS = ("count", "person", "person_times")

INSTRUCTIONS = {
    "zh": [
        "填写说明",
        "1. 在“填报”工作表中，每行填写一个区县一年的数据：“区县”从下拉列表中选择，“年份”填四位数字，如 2024。",
        "2. 比率类指标（表头带“(%)”）填写百分数的数值，如 93.5 表示 93.5%；写成 0.935 或 93.5% 也能识别，但同一列请保持一致。",
        "3. 金额以“元”为单位；如果把表头改成“（万元）”，则整列按万元填写，系统会自动换算为元。",
        "4. 起数、人数、人次、家数填写整数。",
        "5. 没有数据的格子请留空，不要填 0 或“无”：0 表示确实为零，空白表示未上报。",
        "6. 请不要添加公式、合并单元格或改动表头文字；不需要的指标列可以整列删除。",
        "7. 各指标的含义、单位和可识别的其他表头写法见“指标说明”工作表。",
        "8. 填好后保存为 .xlsx，在看板的“上传数据”页面上传；系统会先检查并列出所有问题，确认后才写入。",
    ],
    "en": [
        "How to fill in this template",
        "1. On the Data sheet, one row per district and year: pick the district from the drop-down, write the year as four digits, e.g. 2024.",
        "2. Rates (headers ending in (%)) are written as percent numbers: 93.5 means 93.5%. 0.935 or 93.5% are understood too; keep one way per column.",
        "3. Money is in yuan. If you change a header to say (万元), write the whole column in 10,000 yuan; it is converted.",
        "4. Cases, persons, person-times and organisations are whole numbers.",
        "5. Leave a cell blank when there is no figure; do not write 0 or 'none': 0 means zero, blank means not reported.",
        "6. Do not add formulas, merge cells or change header text; columns you do not need can be deleted.",
        "7. The Indicators sheet explains every indicator, its unit and the other header spellings that are recognised.",
        "8. Save as .xlsx and upload it on the dashboard's upload page; every problem is listed before anything is stored.",
    ],
}

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_KEY_FILL = PatternFill("solid", fgColor="FFF2CC")


def _t(table: dict[str, dict[str, str]], key: str, lang: str) -> str:
    return table[key].get(lang, table[key]["zh"])


def indicator_header(ind: Indicator, lang: str = "zh") -> str:
    """The template's header for an indicator: 集体合同签订率(%), 群体性劳资纠纷（起）, Disputes resolved (cases)."""
    if lang == "en":
        return f"{ind.name_en} ({ind.unit_label_en})"
    return ind.name_zh + "(%)" if ind.unit == "percent" else ind.name_zh


def _display_width(text: str) -> float:
    """Roughly how many Excel character widths a text takes: CJK characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _district_labels(cat: Catalog, lang: str) -> dict[str, str]:
    """District code -> the name offered in the drop-down; with its city where the bare name is not unique."""
    counts: dict[str, int] = {}
    for d in cat.districts.values():
        counts[name_key(d.name(lang))] = counts.get(name_key(d.name(lang)), 0) + 1
    out: dict[str, str] = {}
    for d in cat.districts.values():
        label = d.name(lang)
        if counts[name_key(label)] > 1 and d.level == "district":
            label = f"{d.city_en} {label}" if lang == "en" else d.city_zh + label
        out[d.code] = label
    return out


def _city_districts(cat: Catalog, city: str) -> list[District]:
    key = name_key(city)
    found = [
        d
        for d in cat.districts.values()
        if d.level == "district"
        and key in (name_key(d.city_zh), name_key(d.city_en), name_key(d.city_zh).removesuffix("市"))
    ]
    if not found:
        cities = sorted({d.city_zh for d in cat.districts.values() if d.level == "district"})
        raise ValueError(f"no districts of city {city!r} in the catalogue; known: {'、'.join(cities)}")
    return found


def _write_data_sheet(
    ws, cat: Catalog, labels: dict[str, str], rows: list[District], year: int | None, lang: str, list_ref: str
) -> None:
    indicators = list(cat.indicators.values())
    headers = [_t(LABELS, "district", lang), _t(LABELS, "year", lang), *(indicator_header(i, lang) for i in indicators)]
    ws.append(headers)
    for c, text in enumerate(headers, start=1):
        cell = ws.cell(1, c)
        cell.font = _HEADER_FONT
        cell.fill = _KEY_FILL if c <= 2 else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        width = 12 if c == 1 else 8 if c == 2 else min(max(_display_width(text) / 2 + 3, 10), 24)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[1].height = 48
    for d in rows:
        ws.append([labels[d.code], year])
    last = ENTRY_ROWS + 1

    district_dv = DataValidation(
        type="list", formula1=list_ref, allow_blank=True, showErrorMessage=True, showInputMessage=True
    )
    district_dv.errorTitle = "区县" if lang == "zh" else "District"
    district_dv.error = "请从下拉列表中选择区县。" if lang == "zh" else "Please pick a district from the list."
    district_dv.promptTitle = district_dv.errorTitle
    district_dv.prompt = "从下拉列表中选择" if lang == "zh" else "Pick from the list"
    district_dv.add(f"A2:A{last}")
    ws.add_data_validation(district_dv)

    year_dv = DataValidation(
        type="whole",
        operator="between",
        formula1=str(YEAR_MIN),
        formula2=str(YEAR_MAX),
        allow_blank=True,
        showErrorMessage=True,
    )
    year_dv.errorTitle = "年份" if lang == "zh" else "Year"
    year_dv.error = "年份请填写四位数字，如 2024。" if lang == "zh" else "Write the year as four digits, e.g. 2024."
    year_dv.add(f"B2:B{last}")
    ws.add_data_validation(year_dv)
    ws.column_dimensions["B"].number_format = "0"

    for c, ind in enumerate(indicators, start=3):
        col = get_column_letter(c)
        name = ind.short_name_zh if lang == "zh" else ind.name_en
        if ind.unit == "percent":
            dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100")
            dv.error = (
                f"“{name}”请填写 0 到 100 之间的数字，如 93.5 表示 93.5%。"
                if lang == "zh"
                else f"{name}: a number from 0 to 100, e.g. 93.5 for 93.5%."
            )
        else:
            whole = ind.unit in WHOLE_UNITS
            dv = DataValidation(type="whole" if whole else "decimal", operator="greaterThanOrEqual", formula1="0")
            unit = ind.unit_label(lang)
            if lang == "zh":
                kind = "不小于 0 的整数" if whole else "不小于 0 的数字"
                dv.error = f"“{name}”请填写{kind}（单位：{unit}），不要填写文字或单位。"
            else:
                kind = "a whole number, 0 or more" if whole else "a number, 0 or more"
                dv.error = f"{name}: {kind} (in {unit}), without text or units."
        dv.allow_blank = True
        dv.showErrorMessage = True
        dv.showInputMessage = True
        dv.errorTitle = "数值有误" if lang == "zh" else "Invalid number"
        dv.promptTitle = (name if lang == "zh" else ind.name_en)[:32]  # Excel's limit for prompt titles
        definition = ind.definition_zh if lang == "zh" else ind.definition_en
        dv.prompt = (
            f"{definition}（{ind.unit_label(lang)}）"[:255]
            if lang == "zh"
            else f"{definition} ({ind.unit_label(lang)})"[:255]
        )
        dv.add(f"{col}2:{col}{last}")
        ws.add_data_validation(dv)
        ws.column_dimensions[col].number_format = NUMBER_FORMATS.get(ind.unit, "General")
    ws.freeze_panes = "C2"  # header row, district and year stay in view


def _write_indicator_sheet(ws, cat: Catalog, lang: str) -> None:
    keys = ("code", "indicator", "unit", "theme", "polarity", "definition", "aliases")
    ws.append([_t(LABELS, k, lang) for k in keys])
    for cell in ws[1]:
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for ind in cat.indicators.values():
        theme = cat.themes[ind.theme].name(lang) if ind.theme in cat.themes else ind.theme
        polarity = _t(POLARITY, ind.polarity, lang) if ind.polarity in POLARITY else "—"
        definition = ind.definition_zh if lang == "zh" else ind.definition_en
        ws.append([ind.code, ind.name(lang), ind.unit_label(lang), theme, polarity, definition, "、".join(ind.aliases)])
    for letter, width in zip("ABCDEFG", (30, 30, 8, 18, 10, 50, 70), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "C2"


def _write_instructions(ws, lang: str) -> None:
    lines = INSTRUCTIONS.get(lang, INSTRUCTIONS["zh"])
    for line in lines:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 110
    for row in ws.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def write_template(
    out: Path,
    catalog: Catalog | None = None,
    city: str | None = None,
    year: int | None = None,
    lang: str = "zh",
) -> Path:
    """Write the upload template to `out` and return it (see build_template)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    build_template(catalog, city, year, lang).save(out)
    return out


def template_bytes(
    catalog: Catalog | None = None, city: str | None = None, year: int | None = None, lang: str = "zh"
) -> bytes:
    """The upload template as .xlsx bytes, for a download button."""
    import io

    buf = io.BytesIO()
    build_template(catalog, city, year, lang).save(buf)
    return buf.getvalue()


def build_template(
    catalog: Catalog | None = None, city: str | None = None, year: int | None = None, lang: str = "zh"
) -> openpyxl.Workbook:
    """The upload template as a workbook.

    With `city`, one prefilled row per district of that city (with `year` when given). Headers are the
    catalogue's names (English ones with lang="en", which the catalogue recognises just the same).
    """
    cat = catalog or load_catalog()
    labels = _district_labels(cat, lang)
    rows = _city_districts(cat, city) if city else []
    wb = openpyxl.Workbook()
    data = wb.active
    data.title = _t(SHEETS, "data", lang)
    indicator_sheet = wb.create_sheet(_t(SHEETS, "indicators", lang))
    instructions = wb.create_sheet(_t(SHEETS, "instructions", lang))
    district_sheet = wb.create_sheet(_t(SHEETS, "districts", lang))

    district_sheet.append([_t(LABELS, "district", lang)])
    for label in labels.values():
        district_sheet.append([label])
    district_sheet.column_dimensions["A"].width = 16
    district_sheet.sheet_state = "hidden"
    quoted = "'" + district_sheet.title.replace("'", "''") + "'"  # always quoted: safe for any sheet name
    list_ref = f"{quoted}!$A$2:$A${len(labels) + 1}"

    _write_data_sheet(data, cat, labels, rows, year, lang, list_ref)
    _write_instructions(instructions, lang)
    _write_indicator_sheet(indicator_sheet, cat, lang)
    wb.active = 0
    return wb
