"""Problems found in an upload: where (file, sheet, cell), what was seen, and a sentence in Chinese or English."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")

# One sentence per problem kind, in the user's language; {value} is the cell as seen.
MESSAGES: dict[str, dict[str, str]] = {
    "file_extension": {
        "zh": "不支持的文件类型“{ext}”。请上传 .xlsx、.xls 或 .csv 文件。",
        "en": "Unsupported file type “{ext}”. Please upload an .xlsx, .xls or .csv file.",
    },
    "file_empty": {"zh": "文件是空的，没有任何内容。", "en": "The file is empty."},
    "file_is_html": {
        "zh": "这个文件其实是网页（HTML），不是 Excel 表格。请用 Excel 打开后“另存为”.xlsx 再上传。",
        "en": "This file is really a web page (HTML), not a spreadsheet. Open it in Excel, save it as .xlsx and upload that.",
    },
    "file_encrypted": {
        "zh": "工作簿设置了打开密码，无法读取。请在 Excel 中取消密码后另存再上传。",
        "en": "The workbook is password-protected. Remove the password in Excel, save, and upload again.",
    },
    "file_damaged": {
        "zh": "文件已损坏或不完整，无法作为 Excel 读取（{detail}）。请重新导出或重新下载该文件。",
        "en": "The file is damaged or incomplete and cannot be read as Excel ({detail}). Export or download it again.",
    },
    "file_too_large_unpacked": {
        "zh": "这个 Excel 文件解压后超过 {limit} MB（或压缩比异常），为保护系统未读取。请只保留需要导入的工作表后另存再上传。",
        "en": "This workbook would unpack to more than {limit} MB (or is compressed suspiciously well), so it was not read. Keep only the sheets to import, save and upload again.",
    },
    "formula_without_value": {
        "zh": "这个单元格是公式，但文件里没有保存计算结果（常见于程序导出的表格），无法知道它的值。请用 Excel 打开并保存后再上传，或把公式粘贴为数值。",
        "en": "This cell holds a formula whose result was never saved (common in files written by programs), so its value is unknown. Open and save the file in Excel, or paste the formulas as values, then upload again.",
    },
    "csv_encoding": {
        "zh": "无法识别 CSV 文件的文字编码（支持 UTF-8 和 GBK）。请在 Excel 中另存为“CSV UTF-8”。",
        "en": "Cannot tell the CSV file's text encoding (UTF-8 and GBK are supported). Save it from Excel as “CSV UTF-8”.",
    },
    "sheet_too_many_rows": {
        "zh": "工作表有 {rows} 行，超过上限 {limit} 行，未读取。请只保留需要导入的数据。",
        "en": "The sheet has {rows} rows, more than the limit of {limit}; it was not read. Keep only the data to import.",
    },
    "no_header": {
        "zh": "没有找到可识别的表头：需要一列“区县”和至少一列指标（如“集体合同签订率(%)”），或“区县、年份、指标、数值”四列。可先下载模板对照。",
        "en": "No recognisable header: a “district” column and at least one indicator column are needed, or the four columns district, year, indicator, value. Download the template to compare.",
    },
    "sheet_skipped": {
        "zh": "工作表“{sheet}”没有可识别的表头，已跳过。",
        "en": "Sheet “{sheet}” has no recognisable header and was skipped.",
    },
    "sheet_hidden": {
        "zh": "隐藏的工作表“{sheet}”未导入。如需导入，请在 Excel 中取消隐藏。",
        "en": "Hidden sheet “{sheet}” was not imported. Unhide it in Excel to import it.",
    },
    "sheet_no_rows": {"zh": "表头下面没有数据行。", "en": "There are no data rows under the header."},
    "unknown_indicator": {
        "zh": "无法识别的指标“{value}”。{suggest}",
        "en": "Unknown indicator “{value}”. {suggest}",
    },
    "unknown_district": {
        "zh": "无法识别的区县“{value}”。{suggest}",
        "en": "Unknown district “{value}”. {suggest}",
    },
    "ambiguous_district": {
        "zh": "区县“{value}”有重名（{options}），请写上所属城市，如“{example}”。",
        "en": "District “{value}” is ambiguous ({options}); add its city, e.g. “{example}”.",
    },
    "no_year": {
        "zh": "不知道这些数据属于哪一年：请加一列“年份”，或在工作表名、文件名中写明年份（如“2023年”），或导入时指定年份。",
        "en": "Cannot tell which year these figures are for: add a “year” column, put the year in the sheet or file name (e.g. 2023), or give the year when loading.",
    },
    "bad_year": {
        "zh": "“{value}”不是有效的年份，应写成 2023 这样的四位数字。",
        "en": "“{value}” is not a valid year; write it as four digits, like 2023.",
    },
    "not_a_number": {
        "zh": "“{value}”不是数字（{indicator}）。请填写数字，如 93.5、1.96万、8000余；未上报请留空。",
        "en": "“{value}” is not a number ({indicator}). Enter a number such as 93.5, 1.96万 or 8000余; leave it blank if not reported.",
    },
    "percent_out_of_range": {
        "zh": "{indicator}为 {number}%，超出 0–100% 的范围。",
        "en": "{indicator} is {number}%, outside 0–100%.",
    },
    "negative_value": {
        "zh": "{indicator}不能是负数（{value}）。",
        "en": "{indicator} cannot be negative ({value}).",
    },
    "percent_sign_not_percent": {
        "zh": "{indicator}不是百分比指标，却写成了“{value}”。请填写{unit}数。",
        "en": "{indicator} is not a percentage but reads “{value}”. Enter the number of {unit}.",
    },
    "not_integer": {
        "zh": "{indicator}应为整数，读到 {value}，已按原值保存。",
        "en": "{indicator} should be a whole number; read {value}, kept as written.",
    },
    "duplicate_conflict": {
        "zh": "{district} {year}年的{indicator}出现两次且数值不同：这里是 {value}，{other_ref} 是 {other_value}。请保留一个。",
        "en": "{indicator} for {district} {year} appears twice with different values: {value} here, {other_value} at {other_ref}. Keep one.",
    },
    "rule_violation": {
        "zh": "{district} {year}年：{smaller}（{smaller_value}）大于{larger}（{larger_value}），数据不可能成立，请核对。",
        "en": "{district} {year}: {smaller} ({smaller_value}) is greater than {larger} ({larger_value}), which cannot be; please check.",
    },
    "percent_column_fraction": {
        "zh": "“{header}”列的数值都不大于 1，按小数读取为百分比（如 {example} → {example_pct}%）。",
        "en": "All values in column “{header}” are at most 1, so they were read as fractions (e.g. {example} → {example_pct}%).",
    },
    "percent_cell_ambiguous": {
        "zh": "{indicator}为 {value}，同列其他数值都是百分数，这里按 {value}% 读取；如果是 {pct}%，请改写为 {pct}。",
        "en": "{indicator} reads {value} while the rest of the column is in percent; read as {value}%. If {pct}% was meant, write {pct}.",
    },
    "header_scaled": {
        "zh": "“{header}”列的单位是{unit}，数值已换算为{base}（×{factor}）。",
        "en": "Column “{header}” is in {unit}; values were converted to {base} (×{factor}).",
    },
    "unnamed_column": {
        "zh": "第 {column} 列没有表头但有数据，已忽略。",
        "en": "Column {column} has data but no header; it was ignored.",
    },
    "jump_vs_last_year": {
        "zh": "{district}的{indicator}从 {last_year}年的 {last} 变为 {value}，变化超过 3 倍，请确认。",
        "en": "{indicator} for {district} went from {last} in {last_year} to {value}, a change of more than 3 times; please confirm.",
    },
    "same_as_last_year": {
        "zh": "{district} {year}年的 {count} 项数据与 {last_year}年完全相同，是否误用了去年的表？",
        "en": "All {count} figures for {district} {year} equal those of {last_year}; was last year's sheet used by mistake?",
    },
    "indicators_missing": {
        "zh": "{district} {year}年缺少以下指标：{indicators}。",
        "en": "{district} {year} has no figures for: {indicators}.",
    },
    "district_outside_scope": {
        "zh": "您没有修改 {district} 数据的权限（可修改：{scope}）。",
        "en": "You may not change figures for {district} (you may change: {scope}).",
    },
    "target_outside_scope": {
        "zh": "您只能设定本人负责区县的目标（{scope}）；全市统一目标或其他区县的目标需由全市编辑设定。",
        "en": "You may set targets only for your own districts ({scope}); city-wide targets and other districts' need a city-wide editor.",
    },
    "note_required": {
        "zh": "请填写修改说明（为什么改、依据是什么），它会和这批修改一起保存。",
        "en": "Please say why these figures change; the note is kept with the batch.",
    },
    "nothing_changed": {"zh": "没有任何数值被修改。", "en": "No figure was changed."},
    "already_loaded": {
        "zh": "这个文件已在批次 #{batch_id}（{created_at}）导入过，没有任何变化。",
        "en": "This file was already loaded as batch #{batch_id} ({created_at}); nothing changed.",
    },
    "text_named_as_excel": {
        "zh": "文件扩展名是 Excel，但内容是文本（CSV），已按 CSV 读取。",
        "en": "The file is named as Excel but holds text (CSV); it was read as CSV.",
    },
    "file_no_data": {
        "zh": "文件中没有读到任何数据。",
        "en": "No figures were found in the file.",
    },
    "target_without_indicator": {
        "zh": "目标值行缺少指标名称。",
        "en": "A target row has no indicator name.",
    },
    # Figures taken from a report's text (etl/reports.py): {row} is the figure's number, {evidence} its sentence.
    "report_unknown_district": {
        "zh": "第 {row} 条（“{evidence}”）：无法识别的区县“{value}”，请使用 data/catalog/districts.csv 中的代码或名称。{suggest}",
        "en": "Figure {row} (“{evidence}”): unknown district “{value}”; use a code or name from data/catalog/districts.csv. {suggest}",
    },
    "report_unknown_indicator": {
        "zh": "第 {row} 条（“{evidence}”）：“{value}”不是指标目录中的指标，目录外的数字不能导入。{suggest}",
        "en": "Figure {row} (“{evidence}”): “{value}” is not an indicator of the catalogue; figures outside it cannot be loaded. {suggest}",
    },
    "report_bad_year": {
        "zh": "第 {row} 条（“{evidence}”）：年份“{value}”无效，应为 2016 这样的四位年份。",
        "en": "Figure {row} (“{evidence}”): the year “{value}” is not valid; write four digits, like 2016.",
    },
    "report_bad_value": {
        "zh": "第 {row} 条（“{evidence}”）：数值“{value}”不是数字，应以基本单位填写（如 870000、93.5）。",
        "en": "Figure {row} (“{evidence}”): the value “{value}” is not a number; give it in base units (e.g. 870000, 93.5).",
    },
    "report_bad_period": {
        "zh": "第 {row} 条（“{evidence}”）：期间“{value}”无法确定。可写全年、上半年、1–8月、5月、2015–2019累计、"
        "2015–2019每年、截至4月底；多年的数字存于期间的最后一年（{year}）。",
        "en": "Figure {row} (“{evidence}”): cannot place the period “{value}”. Write e.g. full year, H1, Jan–Aug, "
        "May, 2015–2019 total, each year 2015–2019, as of end of April; a multi-year figure is stored at the "
        "period's last year ({year}).",
    },
    # A spreadsheet's 期间/时期 cell (read by etl/periods.py).
    "bad_period": {
        "zh": "期间“{value}”无法确定。可写全年、上半年、1–8月、5月、2015–2019累计、2015–2019每年、截至4月底；"
        "多年的数字存于期间的最后一年（{year}）。",
        "en": "Cannot place the period “{value}”. Write e.g. full year, H1, Jan–Aug, May, 2015–2019 total, "
        "each year 2015–2019, as of end of April; a multi-year figure is stored at the period's last year ({year}).",
    },
    "report_bad_qualifier": {
        "zh": "第 {row} 条（“{evidence}”）：限定词“{value}”无效，应为 exact、approx、more_than 或 nearly。",
        "en": "Figure {row} (“{evidence}”): the qualifier “{value}” is not valid; use exact, approx, more_than or nearly.",
    },
    "report_no_evidence": {
        "zh": "第 {row} 条没有原文证据。每个数字都要附上它在报告中的原句片段。",
        "en": "Figure {row} has no evidence. Every figure needs the words of the report it was taken from.",
    },
    "report_evidence_mismatch": {
        "zh": "第 {row} 条的证据“{evidence}”与报告原文第 {start}–{end} 个字符（“{found}”）不一致；证据必须逐字摘自原文。",
        "en": "Figure {row}: the evidence “{evidence}” differs from characters {start}–{end} of the report (“{found}”); evidence must be copied from the text word for word.",
    },
    "report_evidence_not_found": {
        "zh": "第 {row} 条的证据“{evidence}”在报告原文中找不到（或出现不止一次且没有给出位置）；证据必须逐字摘自原文。",
        "en": "Figure {row}: the evidence “{evidence}” is not in the report (or occurs more than once and no position was given); evidence must be copied from the text word for word.",
    },
    "report_percent_out_of_range": {
        "zh": "第 {row} 条（“{evidence}”）：{indicator}为 {number}%，超出 0–100% 的范围。",
        "en": "Figure {row} (“{evidence}”): {indicator} is {number}%, outside 0–100%.",
    },
    "report_negative_value": {
        "zh": "第 {row} 条（“{evidence}”）：{indicator}不能是负数（{number}）。",
        "en": "Figure {row} (“{evidence}”): {indicator} cannot be negative ({number}).",
    },
    "report_duplicate": {
        "zh": "第 {row} 条（“{evidence}”，{number}）和第 {other_row} 条（“{other_evidence}”，{other_number}）都是{district} {year}年的{indicator}。同一区县、年份和指标只能保存一个数，请只保留其中一条。",
        "en": "Figures {other_row} (“{other_evidence}”, {other_number}) and {row} (“{evidence}”, {number}) are both {indicator} for {district} {year}. A district, year and indicator hold one figure: keep one of them.",
    },
    "report_no_figures": {
        "zh": "没有可导入的数字。",
        "en": "There are no figures to load.",
    },
    "report_text_missing": {
        "zh": "找不到与数字表对应的报告原文 {text}（应与 {figures} 放在同一目录、同名）。",
        "en": "The report text {text} that goes with {figures} is missing (same folder, same name).",
    },
    "report_unreadable": {
        "zh": "无法读取 {name}：{detail}。报告原文和数字表都应是 UTF-8 文本。",
        "en": "Cannot read {name}: {detail}. Report texts and figures files must be UTF-8 text.",
    },
    "report_columns_missing": {
        "zh": "数字表缺少这些列：{columns}。需要的列：{required}。",
        "en": "The figures file lacks the columns {columns}. Required: {required}.",
    },
}

# Appended to a message about a figure taken from a report (rules, year-on-year checks) to quote its evidence.
EVIDENCE_NOTE = {"zh": "（原文：“{evidence}”）", "en": " (report text: “{evidence}”)"}

SUGGEST = {"zh": "您是不是指：{names}？", "en": "Did you mean: {names}?"}
NO_SUGGEST = {"zh": "请对照模板中的名称。", "en": "Compare with the names in the template."}


@dataclass
class Problem:
    """One thing wrong (error), doubtful (warning) or worth knowing (info) about an upload."""

    severity: str
    code: str
    file: str
    sheet: str | None = None
    cell: str | None = None
    value: object = None
    params: dict = field(default_factory=dict)

    @property
    def location(self) -> str:
        """FILE:SHEET!CELL, as far as it is known."""
        loc = self.file
        if self.sheet:
            loc += f":{self.sheet}"
            if self.cell:
                loc += f"!{self.cell}"
        return loc

    def message(self, lang: str = "zh") -> str:
        from etl.catalog import load_catalog

        lang = "en" if lang == "en" else "zh"
        cat = load_catalog()
        p: dict[str, object] = {"value": shorten(self.value), "sheet": self.sheet or ""}
        for k, v in self.params.items():
            if k in ("indicator", "smaller", "larger") and isinstance(v, str) and v in cat.indicators:
                ind = cat.indicators[v]
                v = ind.short_name_zh if lang == "zh" else ind.name_en
                if k == "indicator":
                    p["unit"] = ind.unit_label(lang)
            elif k == "district" and isinstance(v, str) and v in cat.districts:
                v = cat.districts[v].name(lang)
            elif k == "indicators" and isinstance(v, list):
                names = [
                    cat.indicators[c].short_name_zh if lang == "zh" else cat.indicators[c].name_en
                    for c in v
                    if c in cat.indicators
                ]
                v = ("、" if lang == "zh" else ", ").join(names)
            elif k == "suggestions":
                p["suggest"] = (
                    SUGGEST[lang].format(names=("、" if lang == "zh" else ", ").join(v))
                    if v
                    else ""
                    if self.code.startswith("report_")
                    else NO_SUGGEST[lang]
                )
                continue
            elif isinstance(v, float):
                v = format_number(v)
            p[k] = v
        # "compare with the template" fits spreadsheets; a report's figure has no template to compare with
        p.setdefault("suggest", "" if self.code.startswith("report_") else NO_SUGGEST[lang])
        for k in ("evidence", "other_evidence", "found"):
            if k in p:
                p[k] = shorten(p[k])
        text = MESSAGES[self.code][lang].format_map(_Default(p))
        if "evidence" in p and "{evidence}" not in MESSAGES[self.code][lang]:
            text += EVIDENCE_NOTE[lang].format(evidence=p["evidence"])
        return text

    def line(self, lang: str = "zh") -> str:
        """The one-line form used by the command line: FILE:SHEET!CELL: message."""
        return f"{self.location}: {self.message(lang)}"


class _Default(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Cell text quoted in a message is cut to this many characters (a 10 MB cell must not become a 10 MB message).
MAX_QUOTED = 60


def shorten(value: object) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED] + f"…（共 {len(text):,} 字符）"


def format_number(x: float) -> str:
    """93.0 → 93, 93.456 → 93.46, 1234567.0 → 1234567."""
    if x == int(x):
        return str(int(x))
    return f"{x:.4f}".rstrip("0").rstrip(".")


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
