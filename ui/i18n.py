"""Interface texts, Chinese first with English; `t(key)` in the language chosen in the sidebar."""

from __future__ import annotations

import streamlit as st

LANGS = {"zh": "中文", "en": "English"}

TEXTS: dict[str, dict[str, str]] = {
    "app_title": {"zh": "工会数据看板", "en": "Trade Union Dashboard"},
    "section_overview": {"zh": "看板", "en": "Dashboard"},
    "page_overview": {"zh": "总览", "en": "Overview"},
    "language": {"zh": "语言 Language", "en": "Language 语言"},
    "city": {"zh": "城市", "en": "City"},
    "year": {"zh": "年份", "en": "Year"},
    "sample_badge": {"zh": "示例数据", "en": "Sample data"},
    "sample_note": {
        "zh": "当前显示的是虚构的“示例市”数据，仅供演示。",
        "en": "Showing the fictional “Sample City”, for demonstration only.",
    },
    "no_data": {
        "zh": "数据库中还没有数据。请运行 `make run`（会自动载入示例数据）或 `python -m etl load 文件.xlsx`。",
        "en": "The store has no data yet. Run `make run` (loads the sample data) or `python -m etl load FILE.xlsx`.",
    },
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
    "meets_count": {"zh": "{n} / {total} 个区县达到目标", "en": "{n} of {total} districts meet the target"},
    "rate_by_district": {"zh": "{year}年各区县{indicator}", "en": "{indicator} by district, {year}"},
    "trend": {"zh": "{indicator}历年变化", "en": "{indicator} over the years"},
    "table": {"zh": "查看数据表", "en": "Show the numbers"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
    "col_district": {"zh": "区县", "en": "District"},
    "col_value": {"zh": "数值", "en": "Value"},
    "col_target": {"zh": "目标", "en": "Target"},
    "col_meets": {"zh": "达标", "en": "Meets target"},
    "col_qualifier": {"zh": "说明", "en": "Qualifier"},
    "store_busy": {"zh": "数据库正在更新，请稍后刷新页面。", "en": "The store is being updated; refresh in a moment."},
}


def lang() -> str:
    return st.session_state.get("lang", "zh")


def t(key: str, **kw: object) -> str:
    """The text `key` in the current language, with {placeholders} filled."""
    text = TEXTS[key]["en" if lang() == "en" else "zh"]
    return text.format(**kw) if kw else text
