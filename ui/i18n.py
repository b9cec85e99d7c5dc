"""Interface texts, Chinese first with English; `t(key)` in the language chosen in the sidebar."""

from __future__ import annotations

import streamlit as st

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
    # tables
    "table": {"zh": "查看数据表", "en": "Show the numbers"},
    "download_csv": {"zh": "下载 CSV", "en": "Download CSV"},
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
    "col_vs_median": {"zh": "与中位数差", "en": "Against median"},
    "col_quartile": {"zh": "四分位（1 最好）", "en": "Quartile (1 best)"},
    "col_qualifier": {"zh": "说明", "en": "Qualifier"},
    "col_share_meets": {"zh": "达标比例", "en": "Share meeting it"},
    "col_laggards": {"zh": "未达标区县（差距大者在前）", "en": "Lagging districts (furthest first)"},
    "col_trend": {"zh": "历年趋势", "en": "Trend"},
    "col_method": {"zh": "计算方法", "en": "Method"},
    "col_n_reporting": {"zh": "报送区县数", "en": "Districts reporting"},
    "col_small_count": {"zh": "事件过少", "en": "Too few cases"},
}


def lang() -> str:
    return "en" if st.session_state.get("lang") == "en" else "zh"


def t(key: str, **kw: object) -> str:
    """The text `key` in the current language, with {placeholders} filled."""
    text = TEXTS[key][lang()]
    return text.format(**kw) if kw else text
