"""The problems of an upload, a correction or a report import (etl/problems.py): one sentence per kind, zh and en.

{value} is the cell as seen; other fields come from the problem's params."""

from __future__ import annotations

# One sentence per problem kind, in the user's language; {value} is the cell as seen.
TEXTS: dict[str, dict[str, str]] = {
    "problem_file_extension": {
        "zh": "不支持的文件类型“{ext}”。请上传 .xlsx、.xls、.xlsb、.ods 或 .csv 文件。",
        "en": "Unsupported file type “{ext}”. Please upload an .xlsx, .xls, .xlsb, .ods or .csv file.",
    },
    "problem_file_empty": {"zh": "文件是空的，没有任何内容。", "en": "The file is empty."},
    "problem_file_is_html": {
        "zh": "这个文件其实是网页（HTML），不是 Excel 表格。请用 Excel 打开后“另存为”.xlsx 再上传。",
        "en": "This file is really a web page (HTML), not a spreadsheet. Open it in Excel, save it as .xlsx and upload that.",
    },
    "problem_file_encrypted": {
        "zh": "工作簿设置了打开密码，无法读取。请在 Excel 中取消密码后另存再上传。",
        "en": "The workbook is password-protected. Remove the password in Excel, save, and upload again.",
    },
    "problem_file_damaged": {
        "zh": "文件已损坏或不完整，无法作为 Excel 读取（{detail}）。请重新导出或重新下载该文件。",
        "en": "The file is damaged or incomplete and cannot be read as Excel ({detail}). Export or download it again.",
    },
    "problem_file_too_large_unpacked": {
        "zh": "这个 Excel 文件解压后超过 {limit} MB（或压缩比异常），为保护系统未读取。请只保留需要导入的工作表后另存再上传。",
        "en": "This workbook would unpack to more than {limit} MB (or is compressed suspiciously well), so it was not read. Keep only the sheets to import, save and upload again.",
    },
    "problem_formula_without_value": {
        "zh": "这个单元格是公式，但文件里没有保存计算结果（常见于程序导出的表格），无法知道它的值。请用 Excel 打开并保存后再上传，或把公式粘贴为数值。",
        "en": "This cell holds a formula whose result was never saved (common in files written by programs), so its value is unknown. Open and save the file in Excel, or paste the formulas as values, then upload again.",
    },
    "problem_csv_encoding": {
        "zh": "无法识别 CSV 文件的文字编码（支持 UTF-8 和 GBK）。请在 Excel 中另存为“CSV UTF-8”。",
        "en": "Cannot tell the CSV file's text encoding (UTF-8 and GBK are supported). Save it from Excel as “CSV UTF-8”.",
    },
    "problem_csv_nul": {
        "zh": "文件中有空字符（NUL），不是文本格式的 CSV：可能是其他程序的二进制文件，或没有标明编码的 UTF-16 文本。请在 Excel 中另存为“CSV UTF-8”。",
        "en": "The file holds NUL characters, so it is not a text CSV: perhaps another program's binary file, or UTF-16 text without its byte-order mark. Save it from Excel as “CSV UTF-8”.",
    },
    "problem_csv_field_too_long": {
        "zh": "第 {line} 行附近有一个单元格超过 {limit} 个字符（Excel 单元格的上限），文件未读取。请检查是否缺少引号或分隔符。",
        "en": "A field near line {line} is longer than {limit} characters (Excel's own limit for a cell); the file was not read. Check for a missing quote or delimiter.",
    },
    "problem_file_too_big": {
        "zh": "文件有 {size} 字节，超过上限 {limit} MB（{limit_bytes} 字节），未读取。请只保留需要导入的工作表和数据。",
        "en": "The file holds {size} bytes, more than the limit of {limit} MB ({limit_bytes} bytes); it was not read. Keep only the sheets and data to import.",
    },
    "problem_file_is_word": {
        "zh": "这是 Word 文档（.docx），不是 Excel 表格。年度工作报告请在“报告提取”页导入；表格请另存为 .xlsx 或 .csv。",
        "en": "This is a Word document (.docx), not a spreadsheet. Import annual reports on the report import page; save tables as .xlsx or .csv.",
    },
    "problem_shared_strings_too_many": {
        "zh": "文件的共享字符串表超过 {max_strings} 条（一个能导入的表格用不到这么多不同的文字），为保护系统未读取。请在 Excel 中删除多余的工作表或单元格后另存。",
        "en": "The file's shared-strings table holds more than {max_strings} entries (no workbook within the limits needs so many different texts), so it was not read. Delete the extra sheets or cells in Excel and save it again.",
    },
    "problem_xml_too_deep": {
        "zh": "文件内部的 XML 嵌套超过 {depth} 层，不是正常的 Excel 文件，为保护系统未读取。请用 Excel 打开后另存为 .xlsx。",
        "en": "The file's XML nests more than {depth} levels deep, which no Excel file does, so it was not read. Open it in Excel and save it as .xlsx again.",
    },
    "problem_sheet_too_large": {
        "zh": "工作表的使用范围是 {range}（{rows} 行 × {cols} 列），超过上限（{max_rows} 行、{max_cols} 列、共 {max_cells} 个单元格），为保护系统未读取。请删除远处的空白或多余单元格（Ctrl+End 可找到最后一个单元格），只保留需要导入的数据。",
        "en": "The sheet's used range is {range} ({rows} rows × {cols} columns), beyond the limits ({max_rows} rows, {max_cols} columns, {max_cells} cells in all), so it was not read. Delete the stray cells far away (Ctrl+End finds the last one) and keep only the data to import.",
    },
    "problem_sheet_too_large_at_least": {
        "zh": "工作表至少有 {rows} 行、{cols} 列（数到超过上限就停止了，实际可能更多），超过上限（{max_rows} 行、{max_cols} 列、共 {max_cells} 个单元格），为保护系统未读取。请删除多余的行、列或远处的单元格（Ctrl+End 可找到最后一个单元格），只保留需要导入的数据。",
        "en": "The sheet has at least {rows} rows and {cols} columns (counting stopped once past the limits; there may be more), beyond the limits ({max_rows} rows, {max_cols} columns, {max_cells} cells in all), so it was not read. Delete the extra rows, columns or stray cells far away (Ctrl+End finds the last one) and keep only the data to import.",
    },
    "problem_file_is_html_read": {
        "zh": "这个文件其实是网页（HTML）表格，不是真正的 Excel 文件，已按表格读取。",
        "en": "This file is really a web page (HTML) table, not an Excel file; it was read as a table.",
    },
    "problem_file_is_xml2003": {
        "zh": "这个文件是 Excel 2003 XML 表格，已按表格读取。",
        "en": "This file is an Excel 2003 XML spreadsheet; it was read as such.",
    },
    "problem_year_blank": {
        "zh": "“年份”列的这个单元格是空的：不知道这一行属于哪一年（不会自动用文件名中的年份填补）。请填上年份。",
        "en": "This cell of the year column is blank: the row's year is unknown (it is never filled from the file name). Enter the year.",
    },
    "problem_year_conflict": {
        "zh": "标题写的是 {title} 年，而{source_zh}写的是 {named} 年，不知道数据属于哪一年。请改正其中一个，或导入时指定年份。",
        "en": "The title says {title} but the {source_en} says {named}: which year the figures are for is unclear. Correct one of them, or give the year when loading.",
    },
    "problem_header_unclear": {
        "zh": "表头“{value}”：下层“{indicator}”是一个指标，但上层“{group}”可能改变它的含义（例如只统计其中一部分），无法确定。请把这一列的表头改成完整的指标名称。",
        "en": "Header “{value}”: the lower cell names {indicator}, but “{group}” above it may change its meaning (a part of it, say), so it cannot be read surely. Give the column a full indicator name.",
    },
    "problem_unknown_header": {
        "zh": "无法识别的表头“{value}”（由上下几行表头单元格合起来读）。{suggest}",
        "en": "Unknown header “{value}” (read from the header cells above each other). {suggest}",
    },
    "problem_merged_value_cell": {
        "zh": "这个数据单元格与 {first} 合并在一起，不知道数值属于哪一列（{indicator}）。请取消合并，每个单元格填一个数。",
        "en": "This figure's cell is merged with {first}, so it is unclear which column the value belongs to ({indicator}). Unmerge the cells and give each its own number.",
    },
    "problem_merged_too_many": {
        "zh": "工作表中合并的单元格过多（{cells} 个），为保护系统未读取。",
        "en": "The sheet merges too many cells ({cells}); it was not read.",
    },
    "problem_header_unit_mismatch": {
        "zh": "表头“{value}”的单位“{written}”与指标{indicator}的单位（{unit}）不符，这一列未导入。请核对表头。",
        "en": "The unit “{written}” in header “{value}” does not fit {indicator} (in {unit}); the column was not loaded. Check the header.",
    },
    "problem_group_column_ignored": {
        "zh": "“{header}”列是分组（如片区、类别），已忽略。",
        "en": "Column “{header}” groups the districts (area, category); it was ignored.",
    },
    "problem_suggestions_capped": {
        "zh": "另有 {n} 个无法识别的名称未给出“您是不是指”建议（每个文件最多为 {limit} 个名称查找建议）。",
        "en": "{n} more unknown names got no “did you mean” suggestion (at most {limit} names per file are looked up).",
    },
    "problem_previous_year_differs": {
        "zh": "{district} {year}年的{indicator}：本表“上年”一栏是 {value}，而数据库中已有 {stored}（批次 #{batch}），以数据库为准，未导入这一格。请核对。",
        "en": "{indicator} for {district} {year}: this sheet's previous-year column says {value}, the store holds {stored} (batch #{batch}); the stored figure stays, this cell was not loaded. Please check.",
    },
    "problem_no_header": {
        "zh": "没有找到可识别的表头：需要一列“区县”和至少一列指标（如“集体合同签订率(%)”），或“区县、年份、指标、数值”四列。可先下载模板对照。",
        "en": "No recognisable header: a “district” column and at least one indicator column are needed, or the four columns district, year, indicator, value. Download the template to compare.",
    },
    "problem_sheet_skipped": {
        "zh": "工作表“{sheet}”没有可识别的表头，已跳过。",
        "en": "Sheet “{sheet}” has no recognisable header and was skipped.",
    },
    "problem_sheet_hidden": {
        "zh": "隐藏的工作表“{sheet}”未导入。如需导入，请在 Excel 中取消隐藏。",
        "en": "Hidden sheet “{sheet}” was not imported. Unhide it in Excel to import it.",
    },
    "problem_sheet_no_rows": {"zh": "表头下面没有数据行。", "en": "There are no data rows under the header."},
    "problem_unknown_indicator": {
        "zh": "无法识别的指标“{value}”。{suggest}",
        "en": "Unknown indicator “{value}”. {suggest}",
    },
    "problem_unknown_district": {
        "zh": "无法识别的区县“{value}”。{suggest}",
        "en": "Unknown district “{value}”. {suggest}",
    },
    "problem_ambiguous_district": {
        "zh": "区县“{value}”有重名（{options}），请写上所属城市，如“{example}”。",
        "en": "District “{value}” is ambiguous ({options}); add its city, e.g. “{example}”.",
    },
    "problem_no_year": {
        "zh": "不知道这些数据属于哪一年：请加一列“年份”，或在工作表名、文件名中写明年份（如“2023年”），或导入时指定年份。",
        "en": "Cannot tell which year these figures are for: add a “year” column, put the year in the sheet or file name (e.g. 2023), or give the year when loading.",
    },
    "problem_bad_year": {
        "zh": "“{value}”不是有效的年份，应写成 2023 这样的四位数字。",
        "en": "“{value}” is not a valid year; write it as four digits, like 2023.",
    },
    "problem_not_a_number": {
        "zh": "“{value}”不是数字（{indicator}）。请填写数字，如 93.5、1.96万、8000余；未上报请留空。",
        "en": "“{value}” is not a number ({indicator}). Enter a number such as 93.5, 1.96万 or 8000余; leave it blank if not reported.",
    },
    "problem_value_out_of_range": {
        "zh": "“{value}”超出可信的范围（{indicator}）：换算单位后不是有限的数，或绝对值超过 10¹⁵。请核对是否多打了数字或单位。",
        "en": "“{value}” is out of any plausible range ({indicator}): after its units are applied it is not finite or beyond 10¹⁵ in size. Check for extra digits or a wrong unit.",
    },
    "problem_scientific_notation": {
        "zh": "“{value}”是科学计数法（{indicator}）：Excel 导出 CSV 时会把长数字四舍五入成这种写法，原来的数已经丢失。请把单元格设为“数值”格式后重新导出，或填写完整的数字。",
        "en": "“{value}” is in scientific notation ({indicator}): Excel's CSV export rounds long figures to this form, so the figure itself is lost. Set the cells to the Number format and export again, or enter the full figure.",
    },
    "problem_percent_out_of_range": {
        "zh": "{indicator}为 {number}%，超出 0–100% 的范围。",
        "en": "{indicator} is {number}%, outside 0–100%.",
    },
    "problem_negative_value": {
        "zh": "{indicator}不能是负数（{value}）。",
        "en": "{indicator} cannot be negative ({value}).",
    },
    "problem_percent_sign_not_percent": {
        "zh": "{indicator}不是百分比指标，却写成了“{value}”。请填写{unit}数。",
        "en": "{indicator} is not a percentage but reads “{value}”. Enter the number of {unit}.",
    },
    "problem_not_integer": {
        "zh": "{indicator}应为整数，读到 {value}，已按原值保存。",
        "en": "{indicator} should be a whole number; read {value}, kept as written.",
    },
    "problem_duplicate_conflict": {
        "zh": "{district} {year}年的{indicator}出现两次且数值不同：这里是 {value}，{other_ref} 是 {other_value}。请保留一个。",
        "en": "{indicator} for {district} {year} appears twice with different values: {value} here, {other_value} at {other_ref}. Keep one.",
    },
    "problem_rule_violation": {
        "zh": "{district} {year}年：{smaller}（{smaller_value}）大于{larger}（{larger_value}），数据不可能成立，请核对。",
        "en": "{district} {year}: {smaller} ({smaller_value}) is greater than {larger} ({larger_value}), which cannot be; please check.",
    },
    "problem_percent_column_fraction": {
        "zh": "“{header}”列的数值都不大于 1，按小数读取为百分比（如 {example} → {example_pct}%）。",
        "en": "All values in column “{header}” are at most 1, so they were read as fractions (e.g. {example} → {example_pct}%).",
    },
    "problem_percent_cell_ambiguous": {
        "zh": "{indicator}为 {value}，同列其他数值都是百分数，这里按 {value}% 读取；如果是 {pct}%，请改写为 {pct}。",
        "en": "{indicator} reads {value} while the rest of the column is in percent; read as {value}%. If {pct}% was meant, write {pct}.",
    },
    "problem_header_scaled": {
        "zh": "“{header}”列的单位是{unit}，数值已换算为{base}（×{factor}）。",
        "en": "Column “{header}” is in {unit}; values were converted to {base} (×{factor}).",
    },
    "problem_unnamed_column": {
        "zh": "第 {column} 列没有表头但有数据，已忽略。",
        "en": "Column {column} has data but no header; it was ignored.",
    },
    "problem_jump_vs_last_year": {
        "zh": "{district}的{indicator}从 {last_year}年的 {last} 变为 {value}，变化超过 3 倍，请确认。",
        "en": "{indicator} for {district} went from {last} in {last_year} to {value}, a change of more than 3 times; please confirm.",
    },
    "problem_same_as_last_year": {
        "zh": "{district} {year}年的 {count} 项数据与 {last_year}年完全相同，是否误用了去年的表？",
        "en": "All {count} figures for {district} {year} equal those of {last_year}; was last year's sheet used by mistake?",
    },
    "problem_indicators_missing": {
        "zh": "{district} {year}年缺少以下指标：{indicators}。",
        "en": "{district} {year} has no figures for: {indicators}.",
    },
    "problem_district_outside_scope": {
        "zh": "您没有修改 {district} 数据的权限（可修改：{scope}）。",
        "en": "You may not change figures for {district} (you may change: {scope}).",
    },
    "problem_target_outside_scope": {
        "zh": "目标值由审核人或全市编辑设定；您的账号只能修改本人负责区县（{scope}）的数据，不能设定目标。",
        "en": "Targets are set by a reviewer or a city-wide editor; your account may change figures of your districts ({scope}) but not set targets.",
    },
    "problem_grid_unknown_row": {
        "zh": "表格中出现了页面没有提供的行或指标“{value}”，已拒绝。请刷新页面后重新修改。",
        "en": "The grid holds a row or indicator “{value}” the page never offered; refused. Reload the page and edit again.",
    },
    "problem_grid_unknown_district": {
        "zh": "区县“{value}”不在本市的区县中，不能当作全市目标保存；请从下拉列表中选择区县，或留空表示全市。",
        "en": "“{value}” is not a district of this city, so it is not saved as a city-wide target; pick a district from the list, or leave it blank for the whole city.",
    },
    "problem_not_finite": {
        "zh": "“{value}”不是有限的数值（{indicator}），请填写实际数字。",
        "en": "“{value}” is not a finite number ({indicator}); enter the actual figure.",
    },
    "problem_year_out_of_range": {
        "zh": "年份 {year} 不在允许的范围 {first}–{last} 年内，请检查年份列、工作表名、文件名或导入时指定的年份。",
        "en": "The year {year} is outside the accepted range {first}–{last}; check the year column, the sheet or file name, or the year given when loading.",
    },
    "problem_already_loaded_superseded": {
        "zh": "这个文件已在批次 #{batch_id}（{created_at}）导入过，本次没有再导入。其中 {n} 项数据后来被批次 {newer} 改过，现在显示的是新值；如需恢复本文件的数值，请撤销这些批次或在“数据修正”中修改。",
        "en": "This file was already loaded as batch #{batch_id} ({created_at}), so it was not loaded again. {n} of its figures were changed later by batch {newer}, whose values show now; to bring this file's values back, roll those batches back or correct the figures.",
    },
    "problem_note_required": {
        "zh": "请填写修改说明（为什么改、依据是什么），它会和这批修改一起保存。",
        "en": "Please say why these figures change; the note is kept with the batch.",
    },
    "problem_nothing_changed": {"zh": "没有任何数值被修改。", "en": "No figure was changed."},
    "problem_already_loaded": {
        "zh": "这个文件已在批次 #{batch_id}（{created_at}）导入过，没有任何变化。",
        "en": "This file was already loaded as batch #{batch_id} ({created_at}); nothing changed.",
    },
    "problem_text_named_as_excel": {
        "zh": "文件扩展名是 Excel，但内容是文本（CSV），已按 CSV 读取。",
        "en": "The file is named as Excel but holds text (CSV); it was read as CSV.",
    },
    "problem_file_no_data": {
        "zh": "文件中没有读到任何数据。",
        "en": "No figures were found in the file.",
    },
    "problem_target_without_indicator": {
        "zh": "目标值行缺少指标名称。",
        "en": "A target row has no indicator name.",
    },
    # The collection cycle (etl/cycle.py): a write that touches a locked (定稿) city-year.
    "problem_year_locked": {
        "zh": "{city}{year}年的数据已于 {at} 由{by}定稿，不能再修改；本次没有写入任何数据。如需修改，请审核人先解除定稿。",
        "en": "{city} {year} was locked by {by} at {at}; its figures cannot change and nothing was written. A reviewer must unlock it first.",
    },
    # Figures taken from a report's text (etl/reports.py): {row} is the figure's number, {evidence} its sentence.
    "problem_report_unknown_district": {
        "zh": "第 {row} 条（“{evidence}”）：无法识别的区县“{value}”，请使用 data/catalog/districts.csv 中的代码或名称。{suggest}",
        "en": "Figure {row} (“{evidence}”): unknown district “{value}”; use a code or name from data/catalog/districts.csv. {suggest}",
    },
    "problem_report_unknown_indicator": {
        "zh": "第 {row} 条（“{evidence}”）：“{value}”不是指标目录中的指标，目录外的数字不能导入。{suggest}",
        "en": "Figure {row} (“{evidence}”): “{value}” is not an indicator of the catalogue; figures outside it cannot be loaded. {suggest}",
    },
    "problem_report_bad_year": {
        "zh": "第 {row} 条（“{evidence}”）：年份“{value}”无效，应为 2016 这样的四位年份。",
        "en": "Figure {row} (“{evidence}”): the year “{value}” is not valid; write four digits, like 2016.",
    },
    "problem_report_bad_value": {
        "zh": "第 {row} 条（“{evidence}”）：数值“{value}”不是数字，应以基本单位填写（如 870000、93.5）。",
        "en": "Figure {row} (“{evidence}”): the value “{value}” is not a number; give it in base units (e.g. 870000, 93.5).",
    },
    "problem_report_bad_period": {
        "zh": "第 {row} 条（“{evidence}”）：期间“{value}”无法确定。可写全年、上半年、1–8月、5月、2015–2019累计、"
        "2015–2019每年、截至4月底；多年的数字存于期间的最后一年（{year}）。",
        "en": "Figure {row} (“{evidence}”): cannot place the period “{value}”. Write e.g. full year, H1, Jan–Aug, "
        "May, 2015–2019 total, each year 2015–2019, as of end of April; a multi-year figure is stored at the "
        "period's last year ({year}).",
    },
    # A spreadsheet's 期间/时期 cell (read by etl/periods.py).
    "problem_bad_period": {
        "zh": "期间“{value}”无法确定。可写全年、上半年、1–8月、5月、2015–2019累计、2015–2019每年、截至4月底；"
        "多年的数字存于期间的最后一年（{year}）。",
        "en": "Cannot place the period “{value}”. Write e.g. full year, H1, Jan–Aug, May, 2015–2019 total, "
        "each year 2015–2019, as of end of April; a multi-year figure is stored at the period's last year ({year}).",
    },
    "problem_report_bad_qualifier": {
        "zh": "第 {row} 条（“{evidence}”）：限定词“{value}”无效，应为 exact、approx、more_than 或 nearly。",
        "en": "Figure {row} (“{evidence}”): the qualifier “{value}” is not valid; use exact, approx, more_than or nearly.",
    },
    "problem_report_no_evidence": {
        "zh": "第 {row} 条没有原文证据。每个数字都要附上它在报告中的原句片段。",
        "en": "Figure {row} has no evidence. Every figure needs the words of the report it was taken from.",
    },
    "problem_report_evidence_mismatch": {
        "zh": "第 {row} 条的证据“{evidence}”与报告原文第 {start}–{end} 个字符（“{found}”）不一致；证据必须逐字摘自原文。",
        "en": "Figure {row}: the evidence “{evidence}” differs from characters {start}–{end} of the report (“{found}”); evidence must be copied from the text word for word.",
    },
    "problem_report_evidence_not_found": {
        "zh": "第 {row} 条的证据“{evidence}”在报告原文中找不到（或出现不止一次且没有给出位置）；证据必须逐字摘自原文。",
        "en": "Figure {row}: the evidence “{evidence}” is not in the report (or occurs more than once and no position was given); evidence must be copied from the text word for word.",
    },
    "problem_report_percent_out_of_range": {
        "zh": "第 {row} 条（“{evidence}”）：{indicator}为 {number}%，超出 0–100% 的范围。",
        "en": "Figure {row} (“{evidence}”): {indicator} is {number}%, outside 0–100%.",
    },
    "problem_report_negative_value": {
        "zh": "第 {row} 条（“{evidence}”）：{indicator}不能是负数（{number}）。",
        "en": "Figure {row} (“{evidence}”): {indicator} cannot be negative ({number}).",
    },
    "problem_report_duplicate": {
        "zh": "第 {row} 条（“{evidence}”，{number}）和第 {other_row} 条（“{other_evidence}”，{other_number}）都是{district} {year}年的{indicator}。同一区县、年份和指标只能保存一个数，请只保留其中一条。",
        "en": "Figures {other_row} (“{other_evidence}”, {other_number}) and {row} (“{evidence}”, {number}) are both {indicator} for {district} {year}. A district, year and indicator hold one figure: keep one of them.",
    },
    "problem_report_no_figures": {
        "zh": "没有可导入的数字。",
        "en": "There are no figures to load.",
    },
    "problem_report_text_missing": {
        "zh": "找不到与数字表对应的报告原文 {text}（应与 {figures} 放在同一目录、同名）。",
        "en": "The report text {text} that goes with {figures} is missing (same folder, same name).",
    },
    "problem_report_unreadable": {
        "zh": "无法读取 {name}：{detail}。报告原文和数字表都应是 UTF-8 文本。",
        "en": "Cannot read {name}: {detail}. Report texts and figures files must be UTF-8 text.",
    },
    "problem_report_columns_missing": {
        "zh": "数字表缺少这些列：{columns}。需要的列：{required}。",
        "en": "The figures file lacks the columns {columns}. Required: {required}.",
    },
    # appended to a message about a figure taken from a report (rules, year-on-year checks) to quote its evidence
    "problem__evidence_note": {"zh": "（原文：“{evidence}”）", "en": " (report text: “{evidence}”)"},
    "problem__suggest": {"zh": "您是不是指：{names}？", "en": "Did you mean: {names}?"},
    "problem__no_suggest": {"zh": "请对照模板中的名称。", "en": "Compare with the names in the template."},
    # a hint beside a suspicious value (930% → 是否应为 93？)
    "problem__hint": {"zh": "是否应为 {hint}？", "en": "Should it be {hint}?"},
    # a report file that cannot be read as text (etl.extract.ReportError): {p} the file, {d} a detail
    "report_error_missing": {
        "zh": "找不到文件：{p}",
        "en": "No such file: {p}",
    },
    "report_error_suffix": {
        "zh": "{p}：只能读取 .txt 或 .docx 报告（旧版 .doc 请在 Word 中另存为 .docx）。",
        "en": "{p}: only .txt and .docx reports can be read (save an old .doc as .docx in Word).",
    },
    "report_error_encoding": {
        "zh": "{p}：无法识别文本编码（试过 UTF-8、UTF-16、GB18030、Big5），请另存为 UTF-8 文本。",
        "en": "{p}: the text encoding is not UTF-8, UTF-16, GB18030 or Big5; save it as UTF-8 text.",
    },
    "report_error_docx": {
        "zh": "{p}：不是有效的 .docx 文件（{d}），请在 Word 中重新保存。",
        "en": "{p}: not a valid .docx file ({d}); save it again in Word.",
    },
    "report_error_empty": {
        "zh": "{p}：文件中没有文字。",
        "en": "{p}: the file holds no text.",
    },
    "report_error_too_large": {
        "zh": "{p}：文件解压后过大（疑似压缩炸弹），已拒绝读取。",
        "en": "{p}: the file would unpack to far more than a report holds (a zip bomb?); it was not read.",
    },
    "report_error_too_long": {
        "zh": "{p}：报告有 {d} 个字符，超过上限 50 万字（一份年度工作报告通常一两万字），已拒绝读取。请只导入报告正文。",
        "en": "{p}: the report holds {d} characters, beyond the limit of 500,000 (an annual work report holds 10,000 to 30,000); it was not read. Import the report's text alone.",
    },
    "report_error_nested": {
        "zh": "{p}：文档内部的 XML 嵌套超过 {d} 层，不是正常的 Word 文档，已拒绝读取。请在 Word 中另存为 .docx。",
        "en": "{p}: the document's XML nests more than {d} levels deep, which no Word document does; it was not read. Save it again as .docx in Word.",
    },
}
