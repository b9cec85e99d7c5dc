"""The words exports print on charts, tables and slides, Chinese first with English.

Chart titles repeat ui/i18n.py's wording on purpose (exports look like the pages); ui/ imports streamlit, which
export/ must not, so the shared keys live here too and tests/test_export_registry.py checks they still agree.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # shared with ui/i18n.py (same key, same words)
    "sample_badge": {"zh": "示例数据", "en": "Sample data"},
    "source": {
        "zh": "数据来源：{latest} 等 {n} 个批次（最新批次 #{batch}，截至 {as_of}）",
        "en": "Source: {latest} and other batches, {n} in all (latest batch #{batch}, as of {as_of})",
    },
    "source_one": {
        "zh": "数据来源：{latest}（批次 #{batch}，截至 {as_of}）",
        "en": "Source: {latest} (batch #{batch}, as of {as_of})",
    },
    "target": {"zh": "目标", "en": "Target"},
    "below_target": {"zh": "未达目标", "en": "Below target"},
    "meets_target": {"zh": "达到目标", "en": "Meets target"},
    "small_count": {"zh": "事件过少（<5 起），不宜排名", "en": "Too few cases (<5) to rank"},
    "title_ranking": {"zh": "{year}年各区县{metric}（{unit}）", "en": "{metric} by district, {year} ({unit})"},
    "title_trend": {"zh": "各区县{metric}历年变化（{unit}）", "en": "{metric} by district over the years ({unit})"},
    "title_city_trend": {"zh": "{city}{metric}历年变化（{unit}）", "en": "{metric}, {city}, over the years ({unit})"},
    "title_grouped": {
        "zh": "{year}年各区县群体性劳资纠纷上报与结案（起）",
        "en": "Collective disputes reported and resolved by district, {year} (cases)",
    },
    "title_heatmap": {"zh": "{metric}：区县 × 年份（{unit}）", "en": "{metric}: districts × years ({unit})"},
    "city_figure": {"zh": "全市", "en": "City"},
    "district_median": {"zh": "区县中位数", "en": "District median"},
    "reported_label": {"zh": "上报", "en": "Reported"},
    "resolved_label": {"zh": "结案", "en": "Resolved"},
    "headline_heading": {"zh": "主要指标", "en": "Headline figures"},
    "method_reported": {"zh": "市总工会上报数", "en": "as reported by the city federation"},
    "method_pooled": {"zh": "按分子分母合并计算", "en": "pooled from numerators and denominators"},
    "method_mean": {"zh": "各区县比率的平均值", "en": "mean of the district rates"},
    "method_sum": {"zh": "{n}/{m} 个区县合计", "en": "sum of {n} of {m} districts"},
    "col_district": {"zh": "区县", "en": "District"},
    "col_metric": {"zh": "指标", "en": "Indicator"},
    "col_value": {"zh": "数值", "en": "Value"},
    "col_prev_value": {"zh": "上年", "en": "Last year"},
    "col_change": {"zh": "变化", "en": "Change"},
    "col_rank": {"zh": "名次", "en": "Rank"},
    "col_rank_change": {"zh": "名次变化", "en": "Rank change"},
    "col_target": {"zh": "目标", "en": "Target"},
    "col_meets_target": {"zh": "达标", "en": "Meets target"},
    "col_method": {"zh": "计算方法", "en": "Method"},
    # export only
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
}


def text(key: str, lang: str = "zh", **kw: object) -> str:
    """The text `key` in `lang` ('zh' or 'en'), with {placeholders} filled."""
    words = TEXTS[key]["en" if lang == "en" else "zh"]
    return words.format(**kw) if kw else words
