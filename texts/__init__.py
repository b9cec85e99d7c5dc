"""Every text the dashboard, the exports and the command lines show, Chinese first with English; no streamlit.

`t(key, lang, **kw)` is the one way to a text. The pages call it through ui.i18n.t, which fills in the language
chosen in the sidebar.
"""

from __future__ import annotations

LANGS = {"zh": "中文", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"zh": "工会数据看板", "en": "Trade Union Dashboard"},
    "language": {"zh": "语言 Language", "en": "Language 语言"},
    # navigation
    "section_dashboard": {"zh": "看板", "en": "Dashboard"},
    "section_themes": {"zh": "专题", "en": "Themes"},
    "section_compare": {"zh": "比较分析", "en": "Comparison"},
    "page_overview": {"zh": "总览", "en": "Overview"},
    "page_contracts": {"zh": "集体协商", "en": "Collective contracts"},
    "page_disputes": {"zh": "劳动争议", "en": "Labour disputes"},
    "page_aid": {"zh": "困难帮扶", "en": "Hardship aid"},
    "page_membership": {"zh": "组织与会员", "en": "Organisation and membership"},
    "page_compare": {"zh": "区域比较", "en": "District comparison"},
    "page_profile": {"zh": "区域画像", "en": "District profile"},
    # filters
    "city": {"zh": "城市", "en": "City"},
    "year": {"zh": "年份", "en": "Year"},
    "metric": {"zh": "指标", "en": "Indicator"},
    "district": {"zh": "区县", "en": "District"},
    "highlight": {"zh": "突出显示的区县", "en": "Districts to highlight"},
    "highlight_none": {"zh": "全部区县", "en": "All districts"},
    "year_a": {"zh": "起始年份", "en": "From year"},
    "year_b": {"zh": "对比年份", "en": "To year"},
    "movers_metric": {"zh": "看哪个指标的变化", "en": "Changes in"},
    "rate_metric": {"zh": "按会员规模折算的指标", "en": "Per-member rate"},
    "trend_metric": {"zh": "历年趋势指标", "en": "Trend of"},
    # sample and source
    "sample_badge": {"zh": "示例数据", "en": "Sample data"},
    "sample_note": {
        "zh": "当前显示的是虚构的“示例市”数据，仅供演示。",
        "en": "Showing the fictional “Sample City”, for demonstration only.",
    },
    "no_data": {
        "zh": "数据库中还没有数据。请运行 `make run`（会自动载入示例数据）或 `python -m etl load 文件.xlsx`。",
        "en": "The store has no data yet. Run `make run` (loads the sample data) or `python -m etl load FILE.xlsx`.",
    },
    "no_values": {"zh": "{year}年没有“{metric}”的数据。", "en": "No figures for “{metric}” in {year}."},
    "source": {
        "zh": "数据来源：{latest} 等 {n} 个批次（最新批次 #{batch}，截至 {as_of}）",
        "en": "Source: {latest} and other batches, {n} in all (latest batch #{batch}, as of {as_of})",
    },
    "source_one": {
        "zh": "数据来源：{latest}（批次 #{batch}，截至 {as_of}）",
        "en": "Source: {latest} (batch #{batch}, as of {as_of})",
    },
    "store_busy": {"zh": "数据库正在更新，请稍后刷新页面。", "en": "The store is being updated; refresh in a moment."},
    # chart texts
    "target": {"zh": "目标", "en": "Target"},
    "below_target": {"zh": "未达目标", "en": "Below target"},
    "meets_target": {"zh": "达到目标", "en": "Meets target"},
    "small_count": {"zh": "事件过少（<5 起），不宜排名", "en": "Too few cases (<5) to rank"},
    "small_count_note": {
        "zh": "灰色斜纹的区县当年事件少于 5 起，比率波动大，排名仅供参考。",
        "en": "Hatched grey districts had fewer than 5 cases that year; their rates swing widely, so read their ranks with care.",
    },
    "title_ranking": {"zh": "{year}年各区县{metric}（{unit}）", "en": "{metric} by district, {year} ({unit})"},
    "title_trend": {"zh": "各区县{metric}历年变化（{unit}）", "en": "{metric} by district over the years ({unit})"},
    "title_city_trend": {"zh": "{city}{metric}历年变化（{unit}）", "en": "{metric}, {city}, over the years ({unit})"},
    "title_grouped": {
        "zh": "{year}年各区县群体性劳资纠纷上报与结案（起）",
        "en": "Collective disputes reported and resolved by district, {year} (cases)",
    },
    "title_movers": {"zh": "{year}年各区县{metric}比上年变化", "en": "Change in {metric} on the year before, {year}"},
    "title_heatmap": {"zh": "{metric}：区县 × 年份（{unit}）", "en": "{metric}: districts × years ({unit})"},
    "title_box": {
        "zh": "{year}年{metric}的区县分布（{unit}）",
        "en": "Spread of {metric} across districts, {year} ({unit})",
    },
    "title_slope": {"zh": "{metric}：{a}年与{b}年对比（{unit}）", "en": "{metric}: {a} against {b} ({unit})"},
    "title_profile": {
        "zh": "{district}{year}年在{city}各区县中的位次",
        "en": "Where {district} stands among {city}'s districts, {year}",
    },
    "title_growth": {"zh": "{year}年各区县会员增长率（%）", "en": "Membership growth on the year before, {year} (%)"},
    "axis_change_pp": {"zh": "变化（百分点）", "en": "Change (percentage points)"},
    "axis_change_pct": {"zh": "变化（%）", "en": "Change (%)"},
    "axis_standing": {"zh": "位次（100 = 全市最好，0 = 最后）", "en": "Standing (100 = best in the city, 0 = last)"},
    "good_change": {"zh": "向好", "en": "Better"},
    "bad_change": {"zh": "变差", "en": "Worse"},
    "city_figure": {"zh": "全市", "en": "City"},
    "district_median": {"zh": "区县中位数", "en": "District median"},
    "middle_half": {"zh": "中间一半区县", "en": "Middle half of districts"},
    "standing_alone": {
        "zh": "{city}目前只有这一个区县的数据，没有可比的区县，因此不显示位次图。",
        "en": "{city} has figures for this district only, so there is nothing to rank it against and no standing chart.",
    },
    "standing_note": {
        "zh": "蓝色：有好坏方向的指标（越高或越低越好）；灰色：无方向的规模指标，按数值大小排位。",
        "en": "Blue: indicators where higher (or lower) is better; grey: size indicators without a better direction, placed by size.",
    },
    "reported_label": {"zh": "上报", "en": "Reported"},
    "resolved_label": {"zh": "结案", "en": "Resolved"},
    # how a city figure was made
    "method_reported": {"zh": "市总工会上报数", "en": "as reported by the city federation"},
    "method_pooled": {"zh": "按分子分母合并计算", "en": "pooled from numerators and denominators"},
    "method_mean": {"zh": "各区县比率的平均值", "en": "mean of the district rates"},
    "method_sum": {"zh": "{n}/{m} 个区县合计", "en": "sum of {n} of {m} districts"},
    # overview
    "headline_heading": {"zh": "主要指标", "en": "Headline figures"},
    "targets_heading": {"zh": "目标完成情况", "en": "Targets"},
    "title_headline": {"zh": "{city} {when} 主要指标", "en": "{city} {when} Headline figures"},
    "targets_caption": {
        "zh": "目标 {target}：{n}/{m} 个区县达标",
        "en": "Target {target}: {n} of {m} districts meet it",
    },
    "movers_heading": {"zh": "变化最大的区县", "en": "Biggest movers"},
    "up": {"zh": "上升最多", "en": "Largest rises"},
    "down": {"zh": "下降最多", "en": "Largest falls"},
    "no_prev": {"zh": "（上年无数据）", "en": "(no figure the year before)"},
    "vs_last_year": {"zh": "比上年", "en": "on last year"},
    # comparison and profile
    "ranking_heading": {"zh": "排名与名次变化", "en": "Ranking and change in rank"},
    "heatmap_heading": {"zh": "历年对比", "en": "Over the years"},
    "spread_heading": {"zh": "分布与四分位", "en": "Spread and quartiles"},
    "slope_heading": {"zh": "两年对比", "en": "Two years compared"},
    "profile_table": {"zh": "全部指标", "en": "Every indicator"},
    "rank_of": {"zh": "第 {r} / {n} 名", "en": "{r} of {n}"},
    # login
    "login_name": {"zh": "账号", "en": "User name"},
    "login_password": {"zh": "密码", "en": "Password"},
    "login_button": {"zh": "登录", "en": "Log in"},
    "login_oidc": {"zh": "使用单位统一账号登录", "en": "Log in with your organisation account"},
    "login_failed": {"zh": "账号或密码不正确。", "en": "Wrong user name or password."},
    "login_wait": {
        "zh": "登录失败次数过多，请 {seconds} 秒后再试。",
        "en": "Too many failed logins; try again in {seconds} s.",
    },
    "login_needed": {
        "zh": "上传、修正、撤销和目标管理需要编辑账号登录。账号由管理员用 `python -m etl add-editor` 开通。",
        "en": "Uploads, corrections, rollbacks and targets need an editor login. An administrator creates accounts with `python -m etl add-editor`.",
    },
    "login_to_view": {"zh": "查看本看板需要登录。", "en": "Please log in to view the dashboard."},
    "logged_in_as": {"zh": "已登录：{name}（可修改：{scope}）", "en": "Logged in: {name} (may change: {scope})"},
    "all_districts": {"zh": "全部区县", "en": "every district"},
    "viewer": {"zh": "仅查看", "en": "view only"},
    "logout": {"zh": "退出登录", "en": "Log out"},
    # upload and review
    "section_data": {"zh": "数据管理", "en": "Data"},
    "page_upload": {"zh": "上传数据", "en": "Upload"},
    "page_corrections": {"zh": "数据修正", "en": "Corrections"},
    "page_batches": {"zh": "批次管理", "en": "Batches"},
    "page_targets": {"zh": "目标管理", "en": "Targets"},
    "page_report_import": {"zh": "报告提取", "en": "Report import"},
    "ri_intro": {
        "zh": "上传或粘贴区总工会的年度工作报告，系统从正文中找出各项数据及其原文。请确认区县和年份，逐项核对（可修改、取消勾选），再导入为一个批次；以后可在“批次管理”中撤销。",
        "en": "Upload or paste a district federation's annual work report; the figures are found in its prose with the sentence each comes from. Confirm the district and year, check each figure (edit it or untick it), then load them as one batch, which can be rolled back later on the Batches page.",
    },
    "ri_upload": {"zh": "上传报告（.txt 或 .docx）", "en": "Upload a report (.txt or .docx)"},
    "ri_paste": {"zh": "或粘贴报告全文", "en": "Or paste the report's text"},
    "ri_found": {
        "zh": "识别到的机构：{org}；数据所属年份：{year}；候选数据 {n} 项。",
        "en": "Organisation found: {org}; year of the figures: {year}; {n} candidate figures.",
    },
    "ri_unknown": {"zh": "未识别", "en": "not found"},
    "ri_org_from_address": {
        "zh": "报告正文没有写出本机构的地名，机构是按来源网址（政府网站）推断的，请核对。",
        "en": "The report names its federation only by level; the organisation was read from its source address "
        "(a government site): please check it.",
    },
    "ri_org_inferred": {
        "zh": "报告正文没有写出本机构的全称，机构是按正文中的地名（报纸名、简称、标题等）推断的，请核对。",
        "en": "The report never writes out its federation's name; the organisation was inferred from the places it "
        "names (a paper's name, a short form, the title): please check it.",
    },
    "ri_org_level": {
        "zh": "报告只写了机构的级别（如“区总工会”“xx街道总工会”“省林业工会”），没有写明是哪个地方的，请在下面选择区县。",
        "en": "The report names its federation only by its level (区总工会, xx街道总工会, 省林业工会), not which place it is: "
        "choose the district below.",
    },
    "ri_pick_district": {
        "zh": "未能把报告中的机构对应到区县，请在下面选择。",
        "en": "The report's organisation matches no district; choose one below.",
    },
    "ri_none": {
        "zh": "报告中没有找到可导入的指标数据（计划、目标和个案中的数字不会被提取）。",
        "en": "No indicator figures were found in the report (numbers in plans, targets and single cases are left out).",
    },
    "ri_duplicates": {
        "zh": "同一指标同一期间在报告中出现多次的，默认只勾选第一处；一个区县一年每项指标每个期间只存一个数值（累计数与全年数分开保存），请核对后保留正确的一处。",
        "en": "Where an indicator appears more than once for one period, only the first is ticked: the store keeps one value per district, year, indicator and period (a running total apart from the year's figure), so keep the right one.",
    },
    "ri_found_review": {
        "zh": "另有 {n} 项待核实的候选数据，列在表格最后，默认不勾选；核对原文后才勾选。",
        "en": "{n} more candidates are marked to check: they are listed last and unticked; tick one only after reading its sentence.",
    },
    "ri_col_check": {"zh": "核实", "en": "Check"},
    "ri_to_check": {"zh": "待核实：{reason}", "en": "To check: {reason}"},
    "ri_reason_visit": {
        "zh": "出自一次走访慰问的叙述，通常是那一次的数字，不是全年的",
        "en": "from the account of one visit: usually that occasion's figure, not the year's",
    },
    "ri_reason_range": {
        "zh": "是一个区间的一端（如每人所得的上限），不是总数",
        "en": "one end of a range (such as the most each one got), not a total",
    },
    "ri_reason_maximum": {"zh": "是单笔或单人的最高值，不是总数", "en": "the largest single case, not a total"},
    "ri_reason_far_label": {
        "zh": "指标名称在前面的分句里：那里已有自己的数字，或本分句没说这笔钱是发放的",
        "en": "the indicator is named in an earlier clause that already has its own figure, or the figure's own clause "
        "does not say it was paid out",
    },
    "ri_reason_part": {
        "zh": "列在“其中”之后，是前面已给出的数字的一部分",
        "en": "listed after 其中 (of which): a part of a figure already given",
    },
    "ri_reason_subject": {
        "zh": "句子在人数后还在说这些会员做了或得到了什么，不一定是会员总数",
        "en": "the sentence goes on to say what these members did or got: not necessarily all the members",
    },
    "ri_reason_other_body": {
        "zh": "这句话讲的是另一个单位（如下属区县工会、团委、爱心企业），不一定是本报告单位的数字",
        "en": "the sentence is about another body (a district's union, the youth league, a donating firm), not "
        "necessarily this report's",
    },
    "ri_reason_per_head": {
        "zh": "与同一句里的每人（每户）标准一样大，多半是另一组人每人所得，不是总数",
        "en": "as large as the sums per head in the same sentence: most likely what each one of another group got, "
        "not a total",
    },
    "ri_reason_one_person": {
        "zh": "这笔钱是给一个人（一户）的，讲的是一个事例，不是全年的帮扶总数",
        "en": "the sum one person (one household) got: a case told, not the year's aid in all",
    },
    "ri_reason_stock": {
        "zh": "“发展会员”与已建工会总数并列（截至目前、累计），可能是会员总数而非当年新发展数",
        "en": "发展会员 beside a stock of unions (so far, in all): it may count all members, not the year's new ones",
    },
    "ri_reason_unpaid": {
        "zh": "没有说这笔互助金是发放、赔付或补助的，可能是收取或筹集的",
        "en": "nothing says this mutual-aid money was paid out: it may be what the scheme took in",
    },
    "ri_col_accept": {"zh": "采用", "en": "Accept"},
    "ri_col_qualifier": {"zh": "限定", "en": "Qualifier"},
    "ri_col_evidence": {"zh": "原文", "en": "Evidence"},
    "ri_evidence_heading": {"zh": "每项数据在原文中的位置", "en": "Where each figure is in the text"},
    "ri_nothing_accepted": {"zh": "没有勾选任何数据。", "en": "No figure is ticked."},
    "ri_note": {"zh": "备注（如报告名称、会议和日期）", "en": "Note (e.g. the report's title, meeting and date)"},
    "ri_commit": {"zh": "导入勾选的 {n} 项数据", "en": "Load the {n} ticked figures"},
    "ri_committed": {
        "zh": "已导入为批次 #{batch}（类型：报告）。每个数值都保存了原文出处。",
        "en": "Loaded as batch #{batch} (kind: report). Each value keeps the sentence it came from.",
    },
    "ri_reading_error": {"zh": "无法读取：{msg}", "en": "Cannot read it: {msg}"},
    "q_exact": {"zh": "准确", "en": "exact"},
    "q_approx": {"zh": "约", "en": "about"},
    "q_more_than": {"zh": "以上/余", "en": "more than"},
    "q_nearly": {"zh": "近", "en": "nearly"},
    "template_download": {"zh": "下载填报模板（{city}）", "en": "Download the template ({city})"},
    "upload_files": {
        "zh": "选择 .xlsx / .xls / .xlsb / .ods / .csv 文件（可多选）",
        "en": "Choose .xlsx / .xls / .xlsb / .ods / .csv files (several at once)",
    },
    "upload_year": {
        "zh": "年份（仅当文件中、工作表名和文件名都没有年份时使用）",
        "en": "Year (used only when neither the file, its sheets nor its name says)",
    },
    "too_big": {
        "zh": "{file} 有 {mb:.1f} MB，超过 {limit} MB 的上限，未读取。请删去不需要的工作表后再上传。",
        "en": "{file} is {mb:.1f} MB, over the {limit} MB limit; it was not read. Remove sheets you do not need and upload again.",
    },
    "checking": {"zh": "正在检查 {file} …", "en": "Checking {file} …"},
    # how a file was read (ui/review.py reading_ui) and the uploader's own texts
    "checking_n": {"zh": "正在检查第 {i}/{n} 个文件：{file}", "en": "Checking file {i} of {n}: {file}"},
    "checked_n": {"zh": "{n} 个文件已检查完毕。", "en": "All {n} files checked."},
    "uploader_button": {"zh": "选择文件", "en": "Upload"},
    "uploader_drop": {"zh": "把文件拖到这里", "en": "Drag and drop files here"},
    "uploader_limit": {
        "zh": "每个文件不超过 {mb} MB · XLSX、XLS、XLSB、ODS、CSV",
        "en": "{mb} MB per file • XLSX, XLS, XLSB, ODS, CSV",
    },
    "reading_heading": {"zh": "文件是怎样读取的", "en": "How the file was read"},
    "reading_columns": {"zh": "各列的理解", "en": "How each column was understood"},
    "reading_skipped": {"zh": "跳过的行", "en": "Rows skipped"},
    "reading_years": {"zh": "各行计入的年份", "en": "The year each row went to"},
    "col_header_cells": {"zh": "表头单元格", "en": "Header cells"},
    "col_read_as": {"zh": "读作", "en": "Read as"},
    "col_unit_scale": {"zh": "单位与换算", "en": "Unit and scale"},
    "col_rows": {"zh": "行", "en": "Rows"},
    "col_reason": {"zh": "原因", "en": "Why"},
    "col_content": {"zh": "内容", "en": "Content"},
    "col_hint": {"zh": "提示", "en": "Hint"},
    "jump_to_cell": {"zh": "跳到问题单元格", "en": "Go to the flagged cell"},
    "whole_sheet": {"zh": "显示整张表", "en": "Show the whole sheet"},
    "near_cell": {"zh": "{cell} 附近的行（已标色）", "en": "Rows around {cell} (coloured)"},
    "plan_new": {"zh": "新增", "en": "New"},
    "plan_changed": {"zh": "修改", "en": "Changed"},
    "plan_unchanged": {"zh": "未变", "en": "Unchanged"},
    "plan_targets": {"zh": "目标值", "en": "Targets"},
    "plan_errors": {"zh": "错误", "en": "Errors"},
    "plan_warnings": {"zh": "警告", "en": "Warnings"},
    "no_problems": {"zh": "没有发现问题。", "en": "No problems found."},
    "sev_error": {"zh": "错误", "en": "Error"},
    "sev_warning": {"zh": "警告", "en": "Warning"},
    "sev_info": {"zh": "提示", "en": "Note"},
    "col_severity": {"zh": "级别", "en": "Severity"},
    "col_location": {"zh": "位置", "en": "Where"},
    "col_seen": {"zh": "读到的内容", "en": "Seen"},
    "col_message": {"zh": "说明", "en": "What is wrong"},
    "col_old": {"zh": "原值", "en": "Old"},
    "col_new": {"zh": "新值", "en": "New"},
    "sheet_preview": {
        "zh": "工作表“{sheet}”（{n} 行，问题单元格已标色）",
        "en": "Sheet “{sheet}” ({n} rows, cells with problems coloured)",
    },
    "changes_heading": {"zh": "将修改的 {n} 项数据", "en": "{n} figures that will change"},
    "rejected": {
        "zh": "有错误，整个文件不能导入。请按上表修改后重新上传。",
        "en": "There are errors, so the file cannot be loaded. Fix them as listed and upload again.",
    },
    "already_loaded": {
        "zh": "这个文件已在批次 #{batch} 导入过，无需再次提交。",
        "en": "This file was already loaded as batch #{batch}; nothing to commit.",
    },
    "commit_button": {"zh": "确认导入 {file}", "en": "Load {file}"},
    "committed": {
        "zh": "已导入为批次 #{batch}。所有页面已显示新数据。",
        "en": "Loaded as batch #{batch}. Every page now shows the new figures.",
    },
    "too_many_sessions": {
        "zh": "当前打开的页面过多，请关闭一些标签页，几分钟后再试。",
        "en": "Too many pages are open; close some tabs and try again in a few minutes.",
    },
    "grid_rows_changed": {
        "zh": "表格的行与页面提供的不一致（增加、删除或调换了行），未作任何修改。请刷新页面后重新修改。",
        "en": "The grid's rows differ from those the page offered (added, removed or reordered); nothing was changed. Reload the page and edit again.",
    },
    "stale": {
        "zh": "在检查之后数据已被他人修改，已重新检查，请再确认一次。",
        "en": "The data changed after the check; it was checked again, please confirm once more.",
    },
    # corrections, batches, targets
    "corr_intro": {
        "zh": "在表格中修改“新值”列（清空即删除该数据），填写说明后保存。保存为单独的批次，可随时撤销。",
        "en": "Edit the “New” column (empty it to remove a figure), say why, and save. It is saved as its own batch, which can be rolled back.",
    },
    "col_current": {"zh": "现值", "en": "Current"},
    "col_source": {"zh": "来源", "en": "Source"},
    "col_source_ref": {"zh": "来源", "en": "Source"},
    "col_evidence": {"zh": "原文证据", "en": "Report text"},
    "sources_heading": {"zh": "数据出处", "en": "Where the figures come from"},
    "sources_from_reports": {
        "zh": "数据出处（{n} 项摘自工作报告，附原文）",
        "en": "Where the figures come from ({n} taken from a work report, with its words)",
    },
    "sources_note": {
        "zh": "来源写法：文件:工作表!单元格；摘自报告的数字写作 报告文件:报告!字符 起–止，并附原文证据。报告中的五年累计数等口径见批次说明。",
        "en": "Sources read file:sheet!cell; a figure taken from a report reads report file:报告!字符 start–end, with the report's words. "
        "Periods such as five-year totals are stated in the batch note.",
    },
    "no_districts": {
        "zh": "{city}目前只有市总工会本级的数据，没有可比较的区县。全市数字见总览和各专题页，出处见“批次管理”。",
        "en": "{city} has only its city federation's own figures, no districts to compare. See the overview and theme pages for "
        "the city figures and the Batches page for their sources.",
    },
    "note": {"zh": "修改说明（必填）", "en": "Why (required)"},
    "save": {"zh": "保存修改", "en": "Save"},
    "saved": {"zh": "已保存为批次 #{batch}。", "en": "Saved as batch #{batch}."},
    "batches_intro": {
        "zh": "点选一行查看该批次的数据；撤销后，之前的数值会重新显示，数据不会被删除。",
        "en": "Select a row to see the batch's figures; a rollback brings back the previous values and deletes nothing.",
    },
    "batch_values": {"zh": "批次 #{batch} 的数据（{n} 项）", "en": "Figures of batch #{batch} ({n})"},
    "confirm_rollback": {"zh": "我确认撤销批次 #{batch}", "en": "I confirm rolling back batch #{batch}"},
    "rollback": {"zh": "撤销批次", "en": "Roll back"},
    "reapply": {"zh": "重新应用批次 #{batch}", "en": "Re-apply batch #{batch}"},
    "rolled_back": {
        "zh": "批次 #{batch} 已撤销，之前的数值已恢复显示。",
        "en": "Batch #{batch} rolled back; the previous values show again.",
    },
    "reapplied": {"zh": "批次 #{batch} 已重新生效。", "en": "Batch #{batch} is in effect again."},
    "status_committed": {"zh": "有效", "en": "in effect"},
    "status_rolled_back": {"zh": "已撤销", "en": "rolled back"},
    "targets_intro": {
        "zh": "每行一个目标：指标、年份、区县（留空 = 全部区县）和目标值。可增加行；清空目标值即取消该目标。",
        "en": "One target per row: indicator, year, district (empty = every district) and value. Add rows as needed; empty a value to remove the target.",
    },
    "col_kind": {"zh": "类型", "en": "Kind"},
    "col_file": {"zh": "文件", "en": "File"},
    "col_when": {"zh": "时间（UTC）", "en": "When (UTC)"},
    "col_who": {"zh": "操作人", "en": "By"},
    "col_status": {"zh": "状态", "en": "Status"},
    "col_note": {"zh": "说明", "en": "Note"},
    "col_batch": {"zh": "批次", "en": "Batch"},
    # tables
    "table": {"zh": "查看数据表", "en": "Show the numbers"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    # exports (ui/exports.py, pages/13_slides.py)
    "download_xlsx": {"zh": "下载 Excel", "en": "Download Excel"},
    "png_help": {
        "zh": "16:9 图片（3200×1800 像素），含标题、年份、来源和导出日期，可直接放进幻灯片",
        "en": "16:9 picture (3200×1800 px) with title, year, source and export date, ready for a slide",
    },
    "svg_help": {"zh": "矢量图，适合印刷和排版", "en": "Vector image, for print and layout"},
    "add_to_deck": {"zh": "加入幻灯片", "en": "Add to slides"},
    "in_deck": {"zh": "已加入幻灯片", "en": "In the slides"},
    "added_to_deck": {"zh": "已加入幻灯片（共 {n} 张）", "en": "Added to the slides ({n} in all)"},
    "section_meetings": {"zh": "会议材料", "en": "Meetings"},
    "page_slides": {"zh": "导出幻灯片", "en": "Slides"},
    "slides_intro": {
        "zh": "生成可在 PowerPoint 中编辑的 16:9 幻灯片：图表为原生图表（可改颜色、改数字），排名为原生表格，每页注明数据来源。",
        "en": "Make 16:9 slides you can edit in PowerPoint: charts are native charts (restyle them, correct a number), "
        "rankings native tables, and every slide names its source.",
    },
    "slides_preset_heading": {"zh": "按预设生成", "en": "From a preset"},
    "slides_basket_heading": {"zh": "我挑选的图表", "en": "Charts I picked"},
    "slides_report_heading": {"zh": "分析报告", "en": "Analysis report"},
    "report_contents": {
        "zh": "Word 文档：总体情况、各专题图表与说明、各区县排名、需要关注的问题、数据来源；文字和表格均可编辑。",
        "en": "A Word document: overview, each theme's charts with what they show, district rankings, points to "
        "watch, sources; text and tables stay editable.",
    },
    "report_file": {"zh": "分析报告", "en": "analysis report"},
    "download_report": {"zh": "下载分析报告（Word）", "en": "Download the report (Word)"},
    "download_report_pdf": {"zh": "分析报告 PDF", "en": "Report as PDF"},
    "download_deck_pdf": {"zh": "幻灯片 PDF", "en": "Deck as PDF"},
    "preset": {"zh": "预设", "en": "Preset"},
    "preset_contents": {
        "zh": "封面、目录，四个部分：主要指标完成情况、各区县排名、同比变化、需要关注的问题；每页图表以读图结论为标题"
        "（当年无数据的图表自动略过）。",
        "en": "Title slide, contents, four sections: headline figures, district rankings, change on last year, points "
        "to watch; each chart titled with what it shows (charts without figures that year are left out).",
    },
    "as_pictures": {"zh": "以图片嵌入（不可编辑）", "en": "As pictures (not editable)"},
    "as_pictures_help": {
        "zh": "默认是原生 PowerPoint 图表；勾选后每页放一张与看板相同的 PNG 图片",
        "en": "Native PowerPoint charts by default; tick to put each chart on its slide as a PNG, as on screen",
    },
    "download_deck": {"zh": "下载幻灯片（.pptx）", "en": "Download slides (.pptx)"},
    "download_basket": {"zh": "下载这 {n} 页幻灯片（.pptx）", "en": "Download these {n} slides (.pptx)"},
    "basket_file": {"zh": "幻灯片", "en": "slides"},
    "basket_empty": {
        "zh": "还没有挑选图表：在任一页面的图表下点“加入幻灯片”，图表会按顺序收集在这里。",
        "en": "No charts picked yet: click “Add to slides” under any chart and it is collected here, in order.",
    },
    "slide_native": {"zh": "原生图表/表格", "en": "native chart or table"},
    "slide_picture": {"zh": "图片", "en": "picture"},
    "move_up": {"zh": "上移", "en": "Move up"},
    "move_down": {"zh": "下移", "en": "Move down"},
    "remove": {"zh": "移除", "en": "Remove"},
    "clear_basket": {"zh": "清空", "en": "Clear all"},
    "col_district": {"zh": "区县", "en": "District"},
    "col_metric": {"zh": "指标", "en": "Indicator"},
    "col_year": {"zh": "年份", "en": "Year"},
    "col_value": {"zh": "数值", "en": "Value"},
    "col_unit": {"zh": "单位", "en": "Unit"},
    "col_prev_value": {"zh": "上年", "en": "Last year"},
    "col_change": {"zh": "变化", "en": "Change"},
    "col_pct_change": {"zh": "变化率(%)", "en": "Change (%)"},
    "col_rank": {"zh": "名次", "en": "Rank"},
    "col_prev_rank": {"zh": "上年名次", "en": "Rank last year"},
    "col_rank_change": {"zh": "名次变化", "en": "Rank change"},
    "col_n_ranked": {"zh": "参与排名", "en": "Ranked"},
    "col_target": {"zh": "目标", "en": "Target"},
    "col_meets_target": {"zh": "达标", "en": "Meets target"},
    "col_city_median": {"zh": "全市中位数", "en": "City median"},
    "col_median": {"zh": "区县中位数", "en": "District median"},
    "col_vs_median": {"zh": "与中位数差", "en": "Against median"},
    "col_quartile": {"zh": "四分位（1 最好）", "en": "Quartile (1 best)"},
    "col_qualifier": {"zh": "说明", "en": "Qualifier"},
    "col_share_meets": {"zh": "达标比例", "en": "Share meeting it"},
    "col_laggards": {"zh": "未达标区县（差距大者在前）", "en": "Lagging districts (furthest first)"},
    "col_trend": {"zh": "历年趋势", "en": "Trend"},
    "col_method": {"zh": "计算方法", "en": "Method"},
    "col_n_reporting": {"zh": "报送区县数", "en": "Districts reporting"},
    "col_small_count": {"zh": "事件过少", "en": "Too few cases"},
    # exports: charts, tables and slides (export/)
    "exported": {"zh": "导出日期 {date}", "en": "Exported {date}"},
    "when_year": {"zh": "{year}年", "en": "{year}"},
    "when_years": {"zh": "{a}–{b}年", "en": "{a}–{b}"},
    "n_districts": {"zh": "{n} 个区县", "en": "{n} districts"},
    "highlighted": {"zh": "突出显示：{names}", "en": "Highlighted: {names}"},
    "title_ranking_table": {"zh": "{year}年各区县{metric}排名", "en": "{metric}: district ranking, {year}"},
    "col_vs_last_year": {"zh": "比上年", "en": "On last year"},
    "col_targets_met": {"zh": "目标完成", "en": "Targets met"},
    "targets_met": {"zh": "目标 {target}：{n}/{m} 个区县达标", "en": "Target {target}: {n} of {m} districts"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "deck_title": {"zh": "{city}工会工作主要指标", "en": "{city}: trade union figures"},
    "deck_subtitle": {"zh": "{city} · {year}年", "en": "{city} · {year}"},
    "slide_of": {"zh": "{n} / {m}", "en": "{n} / {m}"},
    "preset_annual": {"zh": "年度全委会", "en": "Annual committee meeting"},
    "notes_source": {"zh": "数据来源与口径：{source}", "en": "Source: {source}"},
    "heatmap_note": {
        "zh": "颜色越深表示越好；空白表示该年未报送。",
        "en": "Darker is better; blank cells were not reported.",
    },
    "images_missing": {
        "zh": "图片导出需要服务器上的 Chromium 浏览器和中文字体：请管理员运行 "
        "`apt-get install -y chromium fonts-noto-cjk`（或设置 BROWSER_PATH 指向 Chrome/Chromium）。"
        "数据表（CSV、XLSX）和原生图表幻灯片不受影响。",
        "en": "Image export needs Chromium and CJK fonts on the server: ask the administrator to run "
        "`apt-get install -y chromium fonts-noto-cjk` (or set BROWSER_PATH to a Chrome/Chromium). "
        "Tables (CSV, XLSX) and decks with native charts work without it.",
    },
    # the sentence that reads a view (views/named.py), for reports
    "sentence_ranking": {
        "zh": "{year}年{n}个区县报送了{metric}：最高为{top}（{top_value}），最低为{bottom}（{bottom_value}）。",
        "en": "{n} districts reported {metric} for {year}: highest {top} ({top_value}), lowest {bottom} ({bottom_value}).",
    },
    "sentence_targets": {
        "zh": "有目标的{m}个区县中{k}个达到目标。",
        "en": " {k} of the {m} districts with a target meet it.",
    },
    # chart descriptions in lists (python -m export list), by view
    "label_ranking": {"zh": "各区县{metric}", "en": "{metric} by district"},
    "label_ranking_table": {"zh": "{metric}排名表", "en": "{metric} ranking table"},
    "label_movers": {"zh": "各区县{metric}比上年变化", "en": "Change in {metric} by district"},
    "label_city_trend": {"zh": "全市{metric}历年变化", "en": "City {metric} over the years"},
    "label_district_trends": {"zh": "各区县{metric}历年变化", "en": "{metric} by district over the years"},
    "label_heatmap": {"zh": "{metric}：区县 × 年份", "en": "{metric}: districts × years"},
    "label_grouped": {"zh": "各区县{metric}", "en": "{metric} by district"},
    "label_headline": {"zh": "主要指标一览", "en": "Headline figures"},
    "label_target_attainment": {"zh": "目标完成情况", "en": "Targets"},
    # python -m export
    "cli_written": {"zh": "已写入 {path}（{size:,} 字节）", "en": "Wrote {path} ({size:,} bytes)"},
    "cli_bad_format": {
        "zh": "不支持的文件类型“{suffix}”：图表可导出为 {formats}；幻灯片请用 .pptx。",
        "en": "Unsupported file type {suffix!r}: charts export as {formats}; decks as .pptx.",
    },
    "cli_bad_deck": {
        "zh": "幻灯片文件须以 .pptx 或 .pdf 结尾：{path}",
        "en": "The deck file must end in .pptx or .pdf: {path}",
    },
    "cli_bad_report": {
        "zh": "分析报告文件须以 .docx 或 .pdf 结尾：{path}",
        "en": "The report file must end in .docx or .pdf: {path}",
    },
    "cli_bad_preset": {
        "zh": "没有名为“{name}”的预设。可用的预设：{known}",
        "en": "No preset called {name!r}. Presets: {known}",
    },
    "cli_cannot_write": {"zh": "无法写入 {path}：{err}", "en": "Cannot write {path}: {err}"},
    "cli_deck": {"zh": "幻灯片", "en": "deck"},
    # requests a view cannot meet (views/context.py)
    "err_no_city": {
        "zh": "数据库中没有“{city}”的数据。有数据的城市：{known}",
        "en": "No figures for {city!r} in the store. Cities with figures: {known_en}",
    },
    "err_empty_store": {
        "zh": "数据库中还没有数据。请先运行 `python -m etl sample` 或 `python -m etl load 文件.xlsx`。",
        "en": "The store has no data yet. Run `python -m etl sample` or `python -m etl load FILE.xlsx` first.",
    },
    "err_no_years": {"zh": "“{city}”没有任何年份的数据。", "en": "{city!r} has no figures for any year."},
    "err_no_year": {
        "zh": "“{city}”没有 {year} 年的数据。有数据的年份：{known}",
        "en": "{city!r} has no figures for {year}. Years with figures: {known_en}",
    },
    "err_no_chart": {
        "zh": "没有名为“{name}”的图表。可用的图表：{known}",
        "en": "No chart called {name!r}. Charts: {known}",
    },
    # periods and coverage: what a figure covers (issue 14)
    "col_period": {"zh": "期间", "en": "Period"},
    "period_full_year": {"zh": "全年", "en": "full year"},
    "year_no_targets": {"zh": "{year}年没有目标。", "en": "No targets are set for {year}."},
    "targets_carry": {"zh": "沿用{prev}年目标（{n} 项）", "en": "Carry {prev}'s targets over ({n})"},
    "targets_carry_note": {"zh": "沿用{prev}年目标", "en": "{prev}'s targets carried over"},
    "upload_no_targets": {
        "zh": "{years}年还没有目标：在“目标管理”页可一键沿用上年目标。",
        "en": "No targets are set for {years} yet: the Targets page carries last year's over in one click.",
    },
    "coverage_one": {"zh": "仅含{district}", "en": "{district} only"},
    "coverage_part": {"zh": "{n}/{m} 个区县", "en": "{n} of {m} districts"},
    "no_change_no_prev": {"zh": "上年没有这项数字", "en": "no figure last year"},
    "no_change_method": {"zh": "两年算法不同，不作比较", "en": "made differently in the two years: not compared"},
    "no_change_coverage": {
        "zh": "两年报送的区县不同，不作比较",
        "en": "other districts reported in the two years: not compared",
    },
    "heading_year": {"zh": "{year}年", "en": "{year}"},
    "heading_compared": {"zh": "{year}年 · 与{prev}年比较", "en": "{year} · compared with {prev}"},
    "heading_not_compared": {"zh": "{year}年 · 上年没有数据，不作比较", "en": "{year} · no figures the year before"},
    "partial_year": {
        "zh": "{year}年：已报送 {n}/{m} 个区县，尚不完整；默认显示各区县都已报送的 {default}年。",
        "en": "{year}: {n} of {m} districts have reported so far; shown by default is {default}, which all have.",
    },
    "only_one_district": {
        "zh": "{year}年只有{district}有“{metric}”的数字（{value}），没有可比较的区县。",
        "en": "In {year} only {district} has a figure for {metric} ({value}): no districts to compare.",
    },
    "trend_one_district": {
        "zh": "{city}的“{metric}”只有{district}的数字，不是全市的数，故不画全市历年变化。",
        "en": "{city}'s {metric} figures are {district}'s only, not the city's: no city line is drawn.",
    },
    "only_one_year": {
        "zh": "“{metric}”只有{years}的数字，还看不出历年变化。",
        "en": "{metric} has figures for {years} only: no change over the years to show yet.",
    },
    "no_changes": {
        "zh": "{year}年没有可与上年比较的“{metric}”数字。",
        "en": "No figures for {metric} in {year} that can be compared with the year before.",
    },
    "no_grid": {
        "zh": "“{metric}”只有 {n} 个区县、{k} 个年份的数字，不足以列成区县 × 年份表。",
        "en": "{metric} has figures for {n} district(s) in {k} year(s): too few for a districts × years grid.",
    },
    "no_annual_figures": {
        "zh": "{year}年没有全年的数字；报告中的其他数字见下表。",
        "en": "No full-year figures for {year}; the reports' other figures are listed below.",
    },
    "slope_nothing": {
        "zh": "“{metric}”没有可在{a}年与{b}年之间比较的区县（需要两个不同的年份，且区县两年都有数字）。",
        "en": "No district has {metric} in both {a} and {b} to compare (two different years are needed).",
    },
    "title_other_figures": {"zh": "报告中的其他数字", "en": "Other figures from reports"},
    "other_figure_source": {"zh": "{source}（批次 #{batch}）", "en": "{source} (batch #{batch})"},
    "other_figures_from": {"zh": "来源：{source}。", "en": "Source: {source}."},
    "other_figures_note": {
        "zh": "这些数字不是某一年全年的数（多年累计、每年、半年或截至某月），不进入年度图表、排名和比上年变化。",
        "en": "These figures are not one calendar year's (multi-year totals, each-year figures, part-year or "
        "as-of counts), so they stay out of annual charts, rankings and changes on last year.",
    },
    "col_organisation": {"zh": "单位", "en": "Organisation"},
    "col_words": {"zh": "原文", "en": "The report's words"},
    "title_left_out": {"zh": "本套幻灯片未含", "en": "Not in this deck"},
    "left_out_note": {
        "zh": "{city}{year}年没有这些图表所需的数字，已略去：",
        "en": "{city} has no figures for these charts in {year}; they are left out:",
    },
    "export_failed": {"zh": "生成失败：{reason}", "en": "Could not be made: {reason}"},
    "deck_building": {"zh": "正在生成幻灯片…", "en": "Making the slides…"},
    "ri_year_help": {
        "zh": "数字所属的年份：默认是报告的年份；句中写明另一年（如“2018年新建工会40家”“去年……”）时为那一年，数字存入那一年。",
        "en": "The year the figure is of: the report's by default; where its sentence names another (2018年…, 去年… "
        "“last year”), that year, where it is stored.",
    },
    "ri_period_help": {
        "zh": "数字所指的期间：全年（默认）、上半年、1–8月、5月、2015–2019 五年累计、2015–2019 每年、截至4月底。"
        "多年的数字存于期间的最后一年；只有全年的数字进入年度图表。",
        "en": "What the figure covers: full year (the default), H1, Jan–Aug, May, 2015–2019 total, each year "
        "2015–2019, as of end of April. A multi-year figure is stored at its last year; only full-year figures enter "
        "the annual charts.",
    },
}


def t(key: str, lang: str = "zh", **kw: object) -> str:
    """The text `key` in `lang` ('zh' or 'en'; anything else reads as 'zh'), with {placeholders} filled."""
    words = TEXTS[key]["en" if lang == "en" else "zh"]
    return words.format(**kw) if kw else words


class TextCollision(ValueError):
    """Two catalogue modules define the same key: one of them would silently hide the other."""


def merge(catalogues: dict[str, dict[str, dict[str, str]]]) -> dict[str, dict[str, str]]:
    """The texts of every catalogue module in one dict; TextCollision naming each key defined twice and where."""
    merged: dict[str, dict[str, str]] = {}
    home: dict[str, str] = {}
    clashes = []
    for module, catalogue in catalogues.items():
        for key, words in catalogue.items():
            if key in merged:
                clashes.append(f"{key!r} ({home[key]}, {module})")
                continue
            merged[key], home[key] = words, module
    if clashes:
        raise TextCollision("text keys defined twice: " + "; ".join(clashes))
    return merged


# The sub-modules: the fair-comparison, map, early-warning, peer and indicator-reference features (texts/analysis.py),
# the collection cycle (texts/cycle.py), the command line and the cycle's refusals (texts/cli.py), the problems of an
# upload, correction or report import (texts/problems.py).
from texts import analysis, cli, cycle, problems  # noqa: E402

TEXTS = merge(
    {
        "texts": TEXTS,
        "texts.analysis": analysis.TEXTS,
        "texts.cycle": cycle.TEXTS,
        "texts.cli": cli.TEXTS,
        "texts.problems": problems.TEXTS,
    }
)
