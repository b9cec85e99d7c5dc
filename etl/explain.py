"""How a file was understood, in words: each column's header cells → indicator, unit and scale; the rows skipped
and why; the year each row went to. Shared by `etl load --dry-run` and the upload page; no streamlit."""

from __future__ import annotations

from etl.catalog import load_catalog
from etl.problems import format_number

TEXT = {
    "zh": {
        "sheet": "{file}:{sheet}：{kind}，表头第 {header} 行，{year}",
        "sheet_t": "{file}:{sheet}：{kind}，表头在第 {header} 列，{year}",
        "kind_wide": "宽表（每行一个区县）",
        "kind_transposed": "转置表（指标在左侧，区县在上方）",
        "kind_long": "长表（区县、年份、指标、数值）",
        "kind_targets": "目标值表",
        "year": "年份 {year}（{source}）",
        "year_column": "年份取自“年份”列",
        "year_none": "年份未知",
        "src_option": "导入时指定",
        "src_sheet": "工作表名",
        "src_file": "文件名",
        "src_title": "标题",
        "src_conflict": "标题与名称矛盾",
        "notes": "  单位说明：{notes}",
        "column": "  {ref}  {cells} → {what}",
        "indicator": "{name}",
        "unit": "，单位 {unit} ×{factor}",
        "unit_note": "，单位 {unit} ×{factor}（取自表上的单位说明）",
        "previous": "，上年（计入 {year} 年）",
        "current": "",
        "role_district": "区县列",
        "role_district_code": "区县代码列",
        "role_year": "年份列",
        "role_city": "城市列",
        "role_indicator": "指标列",
        "role_value": "数值列",
        "role_target": "目标值列",
        "role_qualifier": "限定词列",
        "role_group": "忽略（分组列）",
        "role_ignore": "忽略",
        "role_change": "忽略（增减/同比列）",
        "role_unknown": "无法识别",
        "role_unclear": "含义不明（下层是“{name}”）",
        "skipped": "  {ref} 跳过（{why}）：{text}",
        "why_total": "合计行",
        "why_note": "表下注释或签名",
        "why_numbers": "栏次行",
        "rows": "  {first}–{last}（{n} 个区县：{names}）→ {year} 年",
        "row": "  {first}（{names}）→ {year} 年",
    },
    "en": {
        "sheet": "{file}:{sheet}: {kind}, header row(s) {header}, {year}",
        "sheet_t": "{file}:{sheet}: {kind}, header in column(s) {header}, {year}",
        "kind_wide": "wide (a row per district)",
        "kind_transposed": "transposed (indicators down the side, districts across)",
        "kind_long": "long (district, year, indicator, value)",
        "kind_targets": "targets",
        "year": "year {year} ({source})",
        "year_column": "years from the year column",
        "year_none": "year unknown",
        "src_option": "given when loading",
        "src_sheet": "sheet name",
        "src_file": "file name",
        "src_title": "title",
        "src_conflict": "title and name disagree",
        "notes": "  unit notes: {notes}",
        "column": "  {ref}  {cells} → {what}",
        "indicator": "{name}",
        "unit": ", unit {unit} ×{factor}",
        "unit_note": ", unit {unit} ×{factor} (from the unit note above the table)",
        "previous": ", previous year (goes to {year})",
        "current": "",
        "role_district": "district column",
        "role_district_code": "district code column",
        "role_year": "year column",
        "role_city": "city column",
        "role_indicator": "indicator column",
        "role_value": "value column",
        "role_target": "target column",
        "role_qualifier": "qualifier column",
        "role_group": "ignored (grouping column)",
        "role_ignore": "ignored",
        "role_change": "ignored (change column)",
        "role_unknown": "not recognised",
        "role_unclear": "unclear (the lower cell says “{name}”)",
        "skipped": "  {ref} skipped ({why}): {text}",
        "why_total": "total row",
        "why_note": "note or signature under the table",
        "why_numbers": "column-number row",
        "rows": "  {first}–{last} ({n} districts: {names}) → {year}",
        "row": "  {first} ({names}) → {year}",
    },
}


def _t(lang: str, key: str, **kw: object) -> str:
    return TEXT["en" if lang == "en" else "zh"][key].format(**kw)


def column_what(col, lang: str = "zh", year: int | None = None) -> str:
    """What one column was read as: 集体合同签订率, 帮扶金额（元），单位 万元 ×10000, 忽略（分组列） …"""
    cat = load_catalog()
    if col.role == "indicator":
        ind = cat.indicators[col.indicator]
        text = _t(lang, "indicator", name=ind.name(lang))
        if col.unit and col.factor != 1:
            key = "unit_note" if col.unit_from == "note" else "unit"
            text += _t(lang, key, unit=col.unit, factor=format_number(col.factor), note=col.unit)
        if col.period == "previous":
            text += _t(lang, "previous", year=(year - 1) if year else "—")
        return text
    if col.role == "unclear":
        return _t(lang, "role_unclear", name=cat.indicators[col.indicator].name(lang))
    key = f"role_{col.role}"
    return _t(lang, key) if key in TEXT["zh"] else col.role


def sheet_line(file_name: str, reading, lang: str = "zh") -> str:
    kind = "transposed" if reading.transposed else reading.kind
    if reading.year_from == "column":
        year = _t(lang, "year_column")
    elif reading.year:
        year = _t(lang, "year", year=reading.year, source=_t(lang, f"src_{reading.year_from}"))
    else:
        year = _t(lang, "year_none")
    return _t(
        lang,
        "sheet",
        file=file_name,
        sheet=reading.sheet,
        kind=_t(lang, f"kind_{kind}"),
        header=reading.header,
        year=year,
    )


def row_year_groups(reading) -> list[tuple[str, str, int, int, list[str]]]:
    """Consecutive rows that went to the same year: (first ref, last ref, year, count, district texts)."""
    groups: list[list] = []
    for ref, name, year in reading.row_years:
        if groups and groups[-1][2] == year:
            groups[-1][1] = ref
            groups[-1][3] += 1
            groups[-1][4].append(name)
        else:
            groups.append([ref, ref, year, 1, [name]])
    return [tuple(g) for g in groups]


def _names(names: list[str]) -> str:
    return "、".join(names) if len(names) <= 3 else f"{names[0]}…{names[-1]}"


def lines(plan, lang: str = "zh") -> list[str]:
    """The whole reading of a checked file, one line per sheet, column, skipped row and group of rows."""
    out: list[str] = []
    for reading in getattr(plan, "readings", []):
        out.append(sheet_line(plan.file_name, reading, lang))
        if reading.unit_notes:
            out.append(_t(lang, "notes", notes="；".join(reading.unit_notes)))
        for col in getattr(plan, "columns", []):
            if col.sheet == reading.sheet:
                cells = " / ".join(col.cells)
                out.append(_t(lang, "column", ref=col.ref, cells=cells, what=column_what(col, lang, reading.year)))
        for ref, why, text in reading.skipped:
            out.append(_t(lang, "skipped", ref=ref, why=_t(lang, f"why_{why}"), text=text))
        for first, last, year, n, names in row_year_groups(reading):
            key = "row" if n == 1 else "rows"
            out.append(_t(lang, key, first=first, last=last, n=n, names=_names(names), year=year))
    return out
