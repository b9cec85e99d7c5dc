"""The words of the sentence generator, Chinese and English. Streamlit-free, no indicator named here."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    # the city figure
    "city": {"zh": "全市{name}{amount}", "en": "{name}, city: {amount}"},
    "coverage": {"zh": "（{m}个区县中{n}个报送）", "en": " ({n} of {m} districts reporting)"},
    "vs_year": {"zh": "比上年", "en": "on {year}"},
    "vs_year_named": {"zh": "比{year}年", "en": "on {year}"},
    "same": {"zh": "与上年持平", "en": "unchanged on {year}"},
    "same_named": {"zh": "与{year}年持平", "en": "unchanged on {year}"},
    "about_same": {"zh": "与上年基本持平", "en": "about the same as in {year}"},
    "about_same_named": {"zh": "与{year}年基本持平", "en": "about the same as in {year}"},
    "no_prev": {"zh": "{year}年无可比数据", "en": "no figure for {year} to compare"},
    "not_comparable": {
        "zh": "与{year}年计算口径不同，未作比较",
        "en": "not compared with {year} (made in a different way)",
    },
    # changes: {vs} is 比上年 / on 2023, {amount} the size of the change
    "rate_up": {"zh": "{vs}提高{amount}个百分点", "en": "up {amount} percentage points {vs}"},
    "rate_down": {"zh": "{vs}下降{amount}个百分点", "en": "down {amount} percentage points {vs}"},
    "more": {"zh": "{vs}增加{amount}", "en": "up {amount} {vs}"},
    "less": {"zh": "{vs}减少{amount}", "en": "down {amount} {vs}"},
    "pct_up": {"zh": "，增长{pct}%", "en": " (+{pct}%)"},
    "pct_down": {"zh": "，下降{pct}%", "en": " (−{pct}%)"},
    # qualifiers of a figure
    "q_approx": {"zh": "约", "en": "about "},
    "q_more_than": {"zh": "超过", "en": "more than "},
    "q_nearly": {"zh": "近", "en": "nearly "},
    # targets
    "target_some": {
        "zh": "{m}个区县中{n}个达到{target}的目标",
        "en": "{n} of {m} districts met the {target} target",
    },
    "target_some_own": {"zh": "{m}个区县中{n}个达到各自目标", "en": "{n} of {m} districts met their targets"},
    "target_all": {"zh": "{m}个区县全部达到{target}的目标", "en": "all {m} districts met the {target} target"},
    "target_all_own": {"zh": "{m}个区县全部达到各自目标", "en": "all {m} districts met their targets"},
    "target_none": {"zh": "{m}个区县均未达到{target}的目标", "en": "none of the {m} districts met the {target} target"},
    "target_none_own": {"zh": "{m}个区县均未达到各自目标", "en": "none of the {m} districts met their targets"},
    "laggards": {"zh": "{names}未达标", "en": "{names} did not"},
    "laggards_more": {"zh": "{names}等{k}个区县未达标", "en": "{names} and {rest} more did not"},
    "not_reported": {"zh": "（另有{k}个区县未报送）", "en": " (not reported: {k})"},
    # the district that moved most
    "moved": {"zh": "{names}{each}{change}，{superlative}", "en": "{superlative}: {names} ({change})"},
    "each": {"zh": "各", "en": ""},
    "rose_most_rate": {"zh": "提高最多", "en": "largest rise"},
    "fell_most_rate": {"zh": "下降最多", "en": "largest fall"},
    "rose_most": {"zh": "增加最多", "en": "largest rise"},
    "fell_most": {"zh": "减少最多", "en": "largest fall"},
    "rose_most_pct": {"zh": "增幅最大", "en": "largest rise"},
    "fell_most_pct": {"zh": "降幅最大", "en": "largest fall"},
    "d_rate_up": {"zh": "提高{amount}个百分点", "en": "+{amount} points"},
    "d_rate_down": {"zh": "下降{amount}个百分点", "en": "−{amount} points"},
    "d_more": {"zh": "增加{amount}", "en": "+{amount}"},
    "d_less": {"zh": "减少{amount}", "en": "−{amount}"},
    # highest and lowest
    "highest": {"zh": "{names}最高（{amount}）", "en": "highest: {names} ({amount})"},
    "lowest": {"zh": "{names}最低（{amount}）", "en": "lowest: {names} ({amount})"},
    "most": {"zh": "{names}最多（{amount}）", "en": "most: {names} ({amount})"},
    "fewest": {"zh": "{names}最少（{amount}）", "en": "fewest: {names} ({amount})"},
    "tied": {"zh": "并列", "en": ""},
    "small_left_out": {
        "zh": "不计事件不足5起的{k}个区县，",
        "en": "leaving out {k} resting on fewer than 5 cases, ",
    },
    "small_mark": {"zh": "（不足5起）", "en": " (fewer than 5 cases)"},
    # over the years
    "trend_high": {"zh": "为{first}年以来最高", "en": "the highest since {first}"},
    "trend_low": {"zh": "为{first}年以来最低", "en": "the lowest since {first}"},
    "year_city": {"zh": "{year}年全市{name}{amount}", "en": "{name}, city, {year}: {amount}"},
    # several figures in one sentence
    "figure": {"zh": "{name}{amount}", "en": "{name} {amount}"},
    "city_prefix": {"zh": "全市", "en": "City: "},
    "attention_target": {
        "zh": "{name}：{names}未达到{target}的目标",
        "en": "{name}: {names} below the {target} target",
    },
    "attention_target_own": {"zh": "{name}：{names}未达到目标", "en": "{name}: {names} below target"},
    "attention_movers": {"zh": "{name}：{items}", "en": "{name}: {items}"},
}

LIST_SEP = {"zh": "、", "en": ", "}
CLAUSE_SEP = {"zh": "；", "en": "; "}
COMMA = {"zh": "，", "en": ", "}
STOP = {"zh": "。", "en": "."}


def w(key: str, lang: str = "zh", **kw: object) -> str:
    """The words `key` in `lang`, with {placeholders} filled."""
    return WORDS[key]["en" if lang == "en" else "zh"].format(**kw)


def names_list(names: list[str], lang: str = "zh") -> str:
    """临港区、石湾县、高新区 · Lingang, Shiwan County and Gaoxin."""
    if lang != "en" or len(names) < 2:
        return LIST_SEP["zh" if lang != "en" else "en"].join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
