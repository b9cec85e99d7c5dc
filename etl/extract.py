"""Figures out of the prose of annual work reports: rules and the catalogue's vocabulary, no network.

The text is normalised (full-width to half-width, spaces inside numbers dropped) with a map back to the
original offsets, cut into sections, sentences and clauses, and every number with a unit is tied to the
indicator whose phrase (data/catalog/report_phrases.csv) stands closest before it in its clause, or, for
"1.8万职工参加培训" shapes, right after it. Sentences about next year's targets, sections headed as plans,
attributive numbers ("30多人的纠纷": an anecdote) and thresholds ("100人以上企业") give no figures.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
import zipfile
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from xml.etree import ElementTree

import opencc

from etl.catalog import catalog_dir
from etl.numbers import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS, NotANumber, cn_to_number
from etl.periods import ANNUAL, FIVE_YEAR_PLAN, PeriodError, five_year_plan_years, parse_period, period_in_context
from etl.places import (
    PLACES_CSV,
    government_site_place,
    is_place,
    is_place_path,
    own_name,
    place_levels,
    place_named_alone,
    prefecture_named,
    whole_name,
)

# 调解纠纷820次, 成功调解劳动争议3673次, 为农民工维权30多次: 次 straight after the disputes or cases counts them
_CASES_COUNTED = re.compile(r"(?:纠纷|争议|案件|维权)\s*(?:达|共)?$")

# unit word as written -> (unit recorded, multiplier already in the value)
UNIT_CLASSES = {
    "%": "percent",
    "元": "yuan",
    "人次": "person_times",
    "件次": "count",
    "次": "person_times",
    "人": "person",
    "名": "person",
    "位": "person",
    "家": "count",
    "个": "count",
    "起": "count",
    "件": "count",
    "宗": "count",
    "户": "count",
    "份": "count",
    "条": "count",
    "项": "count",
}

_CN = "零〇一二两三四五六七八九十百千万亿"
_NUM = re.compile(
    r"(?P<pre>将近|接近|近|大约|约|超过|多于|不少于|逾|超|上)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[" + _CN + r"]+)"
    r"(?P<q1>余|多)?"
    r"(?P<mult>万|亿|(?<=\d)千)?"  # 3千人, 2千元 (digits with 千)
    r"(?P<q2>余|多)?"
    # 人(次), 件(次), 次/人, 人/次: the bracket and slash forms reports use for person-times
    r"(?P<unit>%|人次|人\(次\)|人/次|次/人|件\(次\)|件次|元|人|名|位|家|个|起|件|宗|户|份|条|项|次)?"
    r"(?P<q3>以上|左右|多|余)?"
)
# The qualifiers spreadsheets use, and 上万 / 上亿 ("more than ten thousand") which only prose has.
_PREFIX_QUALIFIER = {**PREFIX_QUALIFIERS, "上": "more_than"}
# a counted noun other than unions right before a number (企业114家, 制度3个), where the union label stands earlier
_OTHER_COUNTED = re.compile(r"(?:企业|单位|公司|制度|项目|场所|站点|阵地)(?:共|达)?$")
# money the mutual scheme pays out (互助互济金, 互助救济金, 互助保障理赔金, 理赔金)
_MUTUAL_PAID = re.compile(r"互助(?:保障|医疗|补偿|互济|救济|救助)?(?:理赔)?金|理赔金")
_SUFFIX_QUALIFIER = SUFFIX_QUALIFIERS

# A heading that opens next year's plan, and one that looks back (which ends a plan section).
_FUTURE_HEAD = re.compile(
    r"(今后|未来|明年|下一步|下步|新的一年|新一年|下一阶段|下阶段|下半年|20\d\d年)"
    r".{0,12}?(任务|安排|打算|要点|思路|计划|部署|目标|展望|重点工作|工作意见)"
)
_PAST_HEAD = re.compile(r"回顾|过去|完成情况|工作情况|主要工作|主要成绩|成效|总结|以来")
# 现将20__年工作及未来计划报告如下, 2023年工作和2024年打算: a line naming the year's work before the plan opens the
# work, not a plan section (下半年工作及打算 is a plan: its work is the future's)
_WORK_THEN_PLAN = re.compile(
    r"^(?:(?!今后|未来|明年|下一步|下步|新的一年|下一阶段|下阶段|下半年)[^,。])*?工作(?:情况)?[及和与暨]"
    r"[^,。]{0,8}?(?:今后|未来|明年|下一步|下步|新的一年|下一阶段|下阶段|下半年|20\d\d年)"
)
_NUMBERED_HEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十]+[)）])"
)
# Words that make the rest of a sentence a plan or a target, not a result.
_FUTURE_MARK = re.compile(
    r"力争|确保|争取(?=[^,。]{0,8}?(?:达到|实现|完成|突破|超过|提高到|建成|创建)|在|于|到20|年底|明年|今年|全年|早日|使|让|把|更|"
    r"进一步|新建|发展|做到)|"
    r"目标(?:是|为)|任务(?:是|为|包括)|预计|估计|预估|计划(?:到|在|于|用)|拟|将(?:达到|实现|新建|发展|超过|力争)|"
    # 到2020年 is a target's date; 2009年到2014年 a span that has passed
    r"(?<!\d年)到20\d\d年|明年|下一年|要(?:达到|实现)|我们将|今年将|将继续|将进一步|将围绕|下一步|下步|还将|将要|"
    # 春节即将来临之际, 五月即将过去: a time of year drawing near dates the deed; 即将动工 is a plan
    r"即将(?!(?:来临|到来|过去|踏入|步入))|"
    # 今年,省总工会向全社会承诺继续做好10件实事: a pledge is a plan
    r"承诺(?:继续|将|要)|"
    # 将对20万名农民工会员进行免费培训, 20万农民工可享免费技能培训: what will be done, what one may get
    r"将(?:对|为|向|通过|与)|可享|均可参加|"
    # 将开展送温暖活动,救助…450余人 / 将资助近2.6万名: 将 before an action verb (将职工互助保障作为… is 把)
    r"将(?:资助|救助|慰问|帮扶|开展|发放|举办|投入|安排|惠及|覆盖|培训|建成|建立|新增|组织开展)|"
    # 2024年,街道总工会将积极构建…: 将 before an adverb of effort (将积极分子吸收入会, 将积极性 are 把)
    r"将(?:积极(?!分子|性)|大力|全力|持续|着力|努力|加快|不断|切实|重点)|"
    # 计划筹资3500万 / 发展会员任务数500人: a plan or a quota
    # (计划全年新建工会组织20家: the plan's span may stand between)
    r"(?<!保障)(?<!关爱)(?<!互助)计划(?:全年|年内|今年|本年度?|明年|[上下]半年)?"
    r"(?:筹集|筹资|筹措|资助|发放|投入|新建|发展|完成|培训|建设|建立|组建|慰问|救助|帮扶)|任务数|目标数|"
    # 全年培训职工不少于20万人次, 建成工作室不少于300家: a floor set, not a count reached (that is 超过, 以上)
    r"不少于"
)
# 超额完成区总下达的1500人参保任务, 下达了4000人的职业技能培训计划: a figure a higher body assigned is a quota, not
# a count reached (the clause's figure only: 完成市总下达的任务,新建工会120家 keeps its 120)
_QUOTA = re.compile(r"下达(?:了|的)?[^,。;:]{0,12}?\d[^,。;:]{0,12}?(?:任务|计划|指标|目标)")
# 计划筹资3500万…,实际…筹措资金5115万元: what was actually done ends the plan within the sentence
_ACTUAL = re.compile(r"实际|最终|结果")
# At a campaign's launch (…工作启动, 活动正式启动) a sum set aside for it — 安排了60万元帮扶资金,将慰问…, 今年…专门筹集
# 500万元用于金秋助学 — is its budget, not money paid out; its clause gives no figure.
_LAUNCH = re.compile(r"启动")
_BUDGET = re.compile(r"安排了?(?=[^,。;:]{0,8}?\d)|专门筹集|(?<=元)(?:专项)?用于")
# A sentence telling one case (a firm, a worker) rather than the year's totals: 某企业, 该公司
_ANECDOTE = re.compile(r"某(?:企业|公司|单位|厂)|该(?:企业|公司|厂|单位|群体)")
# … and a person named by surname and 某 (职工王某, 陈某辉, 张某某), as case stories in union news name them (某些,
# 某种 are no one). Its figures are the case's; its year (2025年4月底,邓某入职…) may still be the report's.
# … or workers named in full before their number (刘发磊等9名民工, 纪在杆、张道木等36位农民工: a wage case's story; 李炜玮
# 等6名…困难职工子女 aided is no such case), by a common surname (the hundred most common: 建筑、石化等3000名 names no one)
_SURNAMES = (
    "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
    "陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤纪"
)
_NAMED_WORKERS = (
    r"(?:(?:["
    + _SURNAMES
    + r"][\u4e00-\u9fff]{1,2}、)+["
    + _SURNAMES
    + r"][\u4e00-\u9fff]{1,2}|(?<![\u4e00-\u9fff])["
    + _SURNAMES
    + r"][\u4e00-\u9fff]{2}|(?<=[村镇的])["
    + _SURNAMES
    + r"][\u4e00-\u9fff]{2})等\d+[名位](?:农民工|民工|职工|工人)"
)
# … or one worker named in full after what they are (…公司职工赵鑫,拿到了…; 下岗职工段冉冉、…四位困难家庭)
_NAMED_WORKER = r"(?:职工|农民工|员工|工人|劳模)[" + _SURNAMES + r"][\u4e00-\u9fff]{1,2}(?=[,、:]|在|拿到|领到)"
_CASE = re.compile(
    _ANECDOTE.pattern + r"|[\u4e00-\u9fff]某(?!些|种|项|方面|一|个|时|段|地|处)|" + _NAMED_WORKERS + "|" + _NAMED_WORKER
)
# what turns from a case back to the year's totals: 据统计, 据悉, 今年以来, 全年, 截至…, 此外
_SUMMARY_OPENING = re.compile(
    r"(?:据(?:统计|悉|了解|介绍)|今年以来|全年|截至|截止|此外|同时|目前|近年来|近期|去年|(?:19|20)\d\d年|全[省市县区镇])"
)
# what turns from a list of parts after 其中 to a figure of its own: 另筹集助学金80万元, 全年…, 此外…
_LIST_TURN = re.compile(_SUMMARY_OPENING.pattern + r"|另|还|并|又|再|也|共|累计|总计|合计|比上年|同比")
# A visit by a delegation or a leader (慰问组一行, 专程前往, 在…陪同下, 上门慰问): its figures are that occasion's
# (130名绿化工人, 1000元慰问金, a payout to two workers), rarely the year's; they are proposed for review, not taken.
_VISIT = re.compile(
    # 在工作人员带领下宣誓入会 is no visit: 带领下 only after someone who leads one
    r"一行|专程|陪同下|(?:领导|主席|书记|[省市县区镇]长|部长|主任)[^,。]{0,8}?带领下|上门(?:慰问|看望|走访|送)"
)
# 主席黄大江一行来到…家里。…黄大江送上1000元慰问金: the visitor named again goes on telling that visit
_VISITOR = re.compile(r"([\u4e00-\u9fff]{2})一行")  # the visitor's last two characters: 黄大江一行 → 大江
# "100人以上企业", "25人以下企业": a size threshold, not a figure.
_THRESHOLD_AFTER = re.compile(r"^(?:以上|以下)(?:的)?[^,，]{0,6}?(?:企业|单位|规模|群体|案件|纠纷|项目)")
_BARE_PERSON_AFTER = re.compile(
    # 总工会509万帮扶困难职工 (a headline's sum with its 元 left out): a verb after the number makes it the giver's
    r"^(?![张份个家件项次场台辆册本套间所座处块元户起条]|帮扶|慰问|救助|资助|帮助|用于|发放|投入|惠及)[^\d,、]{0,4}?"
    r"(?:职工|会员|员工|农民工|(?:新就业形态|新业态)?劳动者)"
)
# 纠纷下降了12起, 同比提高3%, 比上年多5家: a change, not a level (提高到95% is a level)
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|提高|降低|上升|增幅|降幅|减幅)了?(?:近|约|超过|逾)?$")
_CHANGE_SHORT = re.compile(r"(?:多|少)了?$")
# 由85%提高到93%, 从2.1万人增加至2.5万人: the text between a starting level and the level reached
_TO_LEVEL = re.compile(
    r"^(?:的)?(?:提高|增加|上升|增长|下降|降低|减少|提升|扩大)?(?:到|至)(?:了)?(?:20\d\d年(?:的|底)?)?$|^(?:的)?(?:提高|增加|上升|增长|下降|降低|减少|提升|扩大)(?:到|至)"
)
_CHANGE_ON = re.compile(
    r"(?:比|较)(?:上年|去年|上一年|20\d\d年|同期|年初)(?:同期)?[^,\d]{0,3}?(?:新增|增加|增长|多|减少|下降|提高)[^,\d]{0,10}$"
)
_CHANGE_CLAUSE = re.compile(
    r"^[^,\d]{0,8}?(?:比|较)(?:上年|去年|上一年|20\d\d年|同期|年初)(?:同期)?[^,\d]{0,3}?(?:新增|增加|增长|多|减少)"
)
_CHANGE_LEAD = re.compile(r"^(?:新增|增加|增长|减少|多|少)")
# …比上年增加2万人,达到15万人: a clause that opens with the level a change reached
_REACHED = re.compile(r"^\s*(?:总数|总量|人数)?(?:已|共)?(?:达到|增至|增加到|提高到|提升到|上升到|增长到|达)了?\s*")
_CHANGE_WORDS = re.compile(
    r"同比|环比|比上年|较上年|比去年|较去年|比上一年|较上一年|比20\d\d年|较20\d\d年|比同期|较同期"
)
# 送去价值4.8万元的清凉物资, 获得235万元的理赔金: an amount, though an attribute in form
_VALUE_BEFORE = re.compile(r"(?:价值|总价值|折合)(?:约|近|超过)?$")
_MONEY_NOUN_AFTER = re.compile(
    # 价值2.4万元的米、面、油等生活物资: the goods may be listed before their noun
    r"^的(?:[^,、]{0,6}?|[^,;。]{0,14}?等[^,、]{0,4}?)(?:资金|物资|慰问品|慰问金|救助金|助学金|补助金|理赔金|互助金|保障金|善款|款物|降温品)"
)
# 单笔最高赔付额6万元, 补助金额最高的职工达到25万元: the largest single case, not a total
_MAXIMUM = re.compile(r"(?:最高|最多|最大|最低|最少|单笔|单次|单人)[^,、\d]{0,8}$")
# 分别领取了3000元至5000元, 600~5000元: the upper end of a range of amounts each got, not a total
_RANGE_BEFORE = re.compile(r"\d(?:万|亿)?(?:元|人|名|%)?(?:至|到|~|～|—|－|-)$")
_RANGE_FROM = re.compile(r"(?:由|从)[^,]{0,12}$")
# 每人发放1000元, 人均2000元, 送去慰问金各2000元: per head, not a total
# (每户困难职工家庭获得救助金2000元; a word of a total after it, 向每户…发放慰问金及物资共计56.8万元, makes a total)
_PER_HEAD = re.compile(
    r"(?:每人|每户|每名|人均|户均|每位|每个(?:困难)?(?:家庭|职工|学生)|一一|各(?=发放|获得|领取|得到|补助|资助|奖励|送去|送上|$))"
    r"(?:(?!共|合计|总计|累计)[^,、]){0,16}$"
)
# 三类学生分别给予3000元、5000元、8000元助学资金, 受灾职工分别获得救助金3000元、2000元: what each of a kind got, proposed
# as per head
_EACH_OF_A_KIND = re.compile(
    r"分别(?:[^,、;\d]{0,10}?)(?:给予|获得|领取|领到|得到|发放|补助|资助|奖励|送去|送上)"
    r"(?:(?!共|合计|总计|累计)(?:[^,、;]|(?<=元)、)){0,30}$"
)  # 一一发放了1000元, 分别为他们送去2000元慰问金, 为2名特困职工各发放救助金5000元; 三类学生分别给予3000元、5000元、8000元: what each of a kind got
_AT_STAKE = re.compile(
    r"(?:涉及|涉案)(?:的)?(?:金额|资金|欠薪|工资|款项|标的)?(?:额)?(?:达到|达|共|约|近|为|超过|合计)?$"
)
# 金额达800余万元, 签约率95.8%, 合计27.22万元: a generic label whose indicator is named earlier in the sentence
_GENERIC_RATE = re.compile(
    r"(?:签订率|签约率|建制率|覆盖率|覆盖面|公开率|实施率|推行率)(?:已|均|分别)?(?:达到|达|为|是|保持在|超过)?(?:了)?$"
)
_GENERIC_MONEY = re.compile(
    r"(?:金额|资金|款物|共计|合计|总计|累计|(?:总|共计|合计|总计)价值)(?:已|共)?(?:达到|达|为|是|近|约|超过)?(?:了)?$"
)  # 共送出绿豆1000余斤,…,总价值20000余元: the value of the goods named earlier
_BRACKETED = re.compile(r"[(（][^()（）]{2,40}[)）](?=[^()（）]{0,4}$)")
_LONG_RUN = re.compile(r"自(?:19|20)\d\d年|(?:\d{2,}|[2-9]|[两二三四五六七八九十]+)年来")
# 已连续26年开展…累计发放; 自2006年起…。截至目前,已累计筹集…: a running total since the start, told beside this
# year's figures (历年累计 alone, in a half-year summary, may be the figure asked for)
_RUNNING_TOTAL = re.compile(r"(?:已|连续)(?:\d{2,}|[2-9]|[两二三四五六七八九十]+)年[^。]{0,30}?(?:累计|共计|总额)")
# 2016年以来…已累计发放: a running total from years before the report's (2014年以来…上半年累计 in a 2014 report,
# 2024年以来…累计 on a page of April 2025, cover the report's own span)
_SPAN_FROM = re.compile(r"(?<!自)((?:19|20)\d\d)年(?:\d{1,2}月)?以来[^。]*?累计")
_SINCE_START = re.compile(r"自(?:19|20)\d\d年(?:\d{1,2}月)?起")
# 2013年以来,市总慰问…; 自2019年成立调解室至今,先后调解…: a span opened years before the report's, with or without
# 累计; its figures, and those of the sentences after it in its paragraph (同时,…; 开展…活动,发放…), are a running
# total, until a sentence turns back to the year (据统计, 今年, 全年, 截至, 2017年…)
_SPAN_OPEN = re.compile(r"((?:19|20)\d\d)年(?:\d{1,2}月(?:\d{1,2}日)?)?[^,。;]{0,20}?(?:以来|至今)")
# 全年参保职工11.6万人…。已累计为近2万名患病职工赔付1200多万元: 已累计 with no start told is a running total too,
# beside this year's figures (今年以来已累计, 上半年已累计 are the year's)
# 自开展职工互助保障工作以来,…累计1586人次享受互助金234万元: since a programme began, with no year said, and 累计: a
# running total (cum), not the year's
# (自职工互助保障第三期工作实施以来,共为147名…: the programme named before its verb, and 共 as a sum over the span)
_SINCE_LAUNCH = re.compile(
    r"自(?:开展|实施|启动|建立|成立|创办|开办|推行|设立|开通)[^,。;]{0,24}?以来"
    r"|自[^,。;\d]{1,20}?(?:开展|实施|启动|建立|成立|创办|开办|推行|设立|开通)(?:以来|至今)"
)
_SUMMED = re.compile(r"累计|[,:]共|共计|总计|合计")
_SO_FAR = re.compile(r"^(?:(?!今年|全年|本年|上半年|当年|年内).)*?已累计", re.S)
# 每人获得救助金5000元、…分别获得救助金3000元、2000元; 为每名困难职工发放1500元慰问金和价值500元的慰问品;…为劳模发放
# 1000元慰问金: in a sentence that gives sums per head, a sum no larger than twice the largest of them, in a clause
# with no word of a total (共, 合计, 筹集, 投入…), is what each one of another group got (为11名…发放医疗救助金4.7万元
# beside 每户2500元 is a total)
_HEAD_SUM = re.compile(r"(?:每人|每户|每名|人均|户均|每位)[^,、;。]{0,10}?(\d+(?:\.\d+)?)(万)?元")
# 已建规模企业工会组织79家, 有83个成立园区工会组织, 建立民间艺术社区工会组织42个: unions of one kind are no count of
# all the unions (新组建企业工会420家 and 新建非公企业工会 are the year's new unions, another indicator)
_ONE_KIND_OF_UNION = re.compile(r"(?:园区|社区|规模(?:以上)?企业|村级|楼宇|行业|非公(?:有制)?企业)(?:基层)?工会")
# what may follow the count of all members in its clause (全市202万名工会会员中,…); anything else tells what they did
_MEMBERS_END = re.compile(r"\s*(?:中|以上|左右|之多)?[)）]?\s*")
_TOTAL_WORD = re.compile(r"共|合计|总计|累计|总额|总价值|筹集|筹措|投入")
# 按照救助政策,对一名…发放救助金4000元; 本科生每年救助标准由5500元提升至6000元: sums a policy sets per head, in a sentence
# that opens by the policy or in a clause naming the standard before the sum
_BY_POLICY = re.compile(r"(?:按照|根据|依照)[^,;。]{0,12}?(?:政策|标准|办法|规定)")
# 为其发放助学金5000元, 对一名患重病的职工发放救助金2万元, 为她送去慰问金2000元: a sum one person or one household got
# (the sentence names no count of those helped between them and the sum) tells a case, not the year's aid
_ONE_RECIPIENT = re.compile(
    r"(?:为|给|向|对|帮|替)(?:其(?![中他余])|他(?![们人])|她(?!们)|该(?:职工|户|名|同志|学生|家庭)|这(?:位|名|户|个家庭)"
    r"|一(?:名|位|户|个家庭))"
    # 学生李铮收到…交到自己手里的6000元, 为自己的子女领到3000元: what one got into one's own hands
    r"|自己(?:手|的(?:子女|孩子|家))"
    # 工会帮扶救助了俺1.6万元, 让我拿到了9万元的工伤赔偿: a worker speaking of what they got (我市, 我们, 我会 are bodies)
    r"|(?<!自)(?:俺|我)(?![们国省市县区镇乡会单公局委院处部校厂司所街旗州盟])"
)
_SPAN_TURN = re.compile(r"(?:据(?:统计|悉|了解|介绍)|今年|全年|本年|去年|截至|截止|(?:19|20)\d\d年)")
# 其中亮灯29起: a part of the figure just given, not a figure of its own
_SUBSET = re.compile(r"^[(（]?(?:其中|内含|包括)")
_SUBSET_OPENING = re.compile(r"\s*[(（]?(?:其中|内含|包括)[,:][^\d。;]*")
# 爱心企业向…总工会捐赠, 又讯,1月18日,共青团…市委领导对…慰问: a clause opened by a giver that is no union (a
# youth league, a women's federation, a charity, donating firms) tells that body's gift, not the union's aid; its
# place may be named by its level (该区慈善总会, 市红十字会)
_OTHER_GIVER = re.compile(
    r"(?:^|[,:])(?:又讯,)?(?:\d{1,2}月\d{1,2}日,)?(?:(?:该|本)?[省市州县区])?"
    r"(?:共青团|团[省市州县区]委|妇联|红十字会|慈善总会|爱心(?:企业|人士))"
)
# 截至目前,…已建基层工会组织305家,发展会员23528人: beside a stock of unions, members 发展 so far may be all the
# members there are or the year's new ones; 新发展 is always the latter
_STOCK_CONTEXT = re.compile(r"截[至止]到?(?:目前|\d)|至今|累计达到|已建|已成立|(?:^|,)目前")
# 162家企业、6000余名职工 / 17家共1444名职工 / 慰问困难企业101家、一线职工7361人: after a count of firms, the persons
# in them, with or without a noun of their own before their number
_COUNT_THEN_PERSONS = re.compile(
    r"(?:企业|单位|公司|家庭)?(?:、|和|及|共|的)(?:[\u4e00-\u9fff]{0,6}?(?:职工|工人|农民工|劳模|劳动者|员工))?$"
)
_PERSON_INDICATORS = {"aid_persons", "mutual_insurance_enrolled", "training_persons", "new_members"}
_PERSONS_JOINED = re.compile(r"[\u4e00-\u9fff]{1,10}[和及]")  # 212名农牧民工和|13名劳动模范
# 慰问困难职工183人,大病职工107人,劳动模范142人: a clause that is only a group of persons and its count goes on the
# list of the clause before (a part kept as its own figure); a clause with a verb of its own tells something else
# (新就业形态劳动者 names a group: its 就业 is no verb)
_LISTED_GROUP = re.compile(
    r"(?:以及|及|和)?[\u4e00-\u9fff]{0,8}?(?:职工|工人|劳模|劳动模范|农民工|学生|子女|党员|会员|环卫工|人员|劳动者|员工)"
    r"(?:家庭)?"
)
_GROUP_VERB = re.compile(
    r"发放|慰问|走访|看望|帮扶|救助|资助|参加|参与|参保|培训|受益|受助|惠及|覆盖|接待|组织|开展|建立|新增|发展|入会|"
    r"为|向|对|给|共|达|有|其中|获|得|领|享|在|是|占|补|助|送|访|帮|救|慰|赔|扶|奖|评|选|表彰|招|录|(?<!新)就业(?!形态)|转移"
)
_SPACE = re.compile(r"[\s\u00a0\u2009\u202f\u200b\u3000\ufeff]")
_FIGURE_START = re.compile(
    r"[\d０-９][\d０-９.,，]*\s*(?:万|亿)?\s*(?:%|％|元|人|名|位|家|个|起|件|宗|户|份|条|项|余|多)"
)
_SENTENCE_END = "。！？；;!?\n"
_PINYIN_GLOSS = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]")
_ORG = re.compile(
    # xx街道总工会, **街道总工会, *区总工会, __经济开发区总工会: a template or a page that masks the place still names a
    # body of that level (not ****年区总工会: a masked year)
    r"((?<![A-Za-z])[xX*_×]{1,4}(?:(?![年月日的了在和与及])[\u4e00-\u9fff]){0,4}?(?:[省市区县旗镇乡]|街道)总?工会|"
    r"(?:中华)?全国总工会|(?:[\u4e00-\u9fff]{2,7}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,7}?(?:市|州|盟|地区))?"
    # 柳东新区(高新区)总工会: a zone's second name in brackets is part of its federation's name
    r"(?:[\u4e00-\u9fff]{1,8}?(?:区|县|旗))?(?:[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道|街))?(?:XX[市区县])?"
    r"(?:\((?:[\u4e00-\u9fff]{1,4}(?:新区|区|县|市))\))?总工会"
    # a township's union often has no 总: 烟墩镇工会
    r"|(?:[\u4e00-\u9fff]{1,7}?(?:市|县|区))?[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道)工会)"
)
# 2004年7月云南省总工会, 提出了街道总工会: a date or a particle run into the name
_TIME_WORDS = "今年|去年|明年|近日|日前|目前|同时|上半年|下半年|近年来|近年|近期|多年来|随后|此后|之后"
_ORG_LEADING = re.compile(
    r"^(?:\d+年|\d+月|\d+日|\d*页|[年月日了在于由是和对向从的据与及]|关于|其中|" + _TIME_WORDS + ")+"
)
# 街道总工会, 开发区工会: a level with no place names nobody
_LEVEL_ONLY = re.compile(
    # 14个县市区总工会, 各县(市、区)总工会: a list of levels is all of them, no one
    # xx、xx两级市总工会, 各级工会: levels counted are no one body
    r"(?:(?:[两二三四]|各)级)?"
    r"(?:[省市区县州盟旗镇乡街]|街道|社区|园区|开发区|高新区|自治区|乡镇|镇街|(?:个|各)?[县市区]{2,3})总?工会"
)
# 区总工会, xx街道总工会: a federation named by its level alone, or with its place masked
_LEVEL_NAME = re.compile(r"(?:[xX*_×]{1,4}[\u4e00-\u9fff]{0,4}?)?(?:自治区|[省市区县镇乡]|街道)总?工会")
# 受到了全国总工会的充分肯定, 被全总授予: the national body as the one praising, not the one reporting
_CARRIES_OUT = re.compile(r"(?:贯彻|落实|学习|传达|按照)")
_SPIRIT = re.compile(r"[^,。;]{0,16}?(?:精神|部署|要求|下达|任务)")
_HONOURED_BY = re.compile(r"(?:被|荣获|获得|受到|获)了?(?:中华)?$")
_HONOURS = re.compile(r"(?:授予|表彰|评为|命名)")
_NATIONAL_AS_PRAISER = re.compile(r"(?:受到|获得|荣获|被|经|得到)了?(?:中华)?(?:全国总工会|全总)")
_YEAR = re.compile(r"(?<![\d-])(20\d\d|19\d\d)年")
_ORG_STOP = re.compile(
    r"[的了在从向对据由是将把被让给到为和与及即者讯悉入该本我各]|近日|日前|昨日|今日|昨天|今天|目前|今年|去年|明年|来自|上半年|下半年|会上|会议|通过|产生|"
    r"召开|举行|成立|选举|当选|代表|加入|信息|获悉|了解|记者|本报|报道|消息|以来|"
    # verbs and bodies that run into a name: 组织坚持贯彻区总工会, 重庆市政府市总工会
    r"坚持|贯彻|落实|按照|根据|围绕|配合|协助|联合|指导|领导|支持|要求|组织|政府|人大|政协|"
    # a leader who leads the body out: 主席林艳秋带领市总工会慰问组, 副主席李云会率领县总工会机关干部, 杨丽萍率市总工会…
    r"带领|率领?|"
    # a verb of receiving run into the body given by: 102名困难职工获市总工会…帮扶资金, 郏县总工会荣获市总工会… (获嘉县 is
    # a place of the places file, which no cut splits)
    r"获|"
    # a story's words: 如果没有市总工会的帮助, 陈某辉致电…总工会
    r"如果|没有|致电|感谢|找到|"
    # those who take part in what the body runs: 组织…人员参加市总工会…的活动, 积极参与区总工会…
    r"参加|参与|"
    # a title run into the name by a page with no line breaks: 领导班子工作报告区总工会领导班子… (no place has these)
    r"工作|报告|总结|汇报|"
    # an event run into the body that held it: 据悉,本次活动县总工会共赠送…, 此次活动区总工会 (no place ends so)
    r"活动|仪式|期间|现场|"
    # the time of a plan: 未来区总工会将…, 下一步县总工会
    r"未来|今后|下一步|接下来|"
    # an adverb of only (预计今年仅市总工会将筹集…, 只市总工会): no place has 仅 or 只
    r"仅|只"
)
# the words of _ORG_STOP that govern the body after them (从和县总工会获悉: 和县 is its place, 领导和县 two bodies)
_PREPOSITIONS = frozenset(("从", "向", "对", "在", "由", "据", "到", "为", "给", "被", "将", "把", "来自"))
_PROVINCE_SHORT = re.compile(
    r"北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|"
    r"云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆"
)
# The five autonomous regions and the four municipalities, by their short names
_REGIONS = ("内蒙古", "广西", "西藏", "宁夏", "新疆")
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
# An autonomous region's federation by its full name: 新疆 + 自治区 is 新疆维吾尔自治区总工会, not 新疆自治区总工会
_REGION_IN_FULL = {"广西": "广西壮族", "宁夏": "宁夏回族", "新疆": "新疆维吾尔"}


def _provincial_federation(short: str, level: str) -> str:
    """陕西 + 省 → 陕西省总工会, 新疆 + 自治区 → 新疆维吾尔自治区总工会."""
    return (_REGION_IN_FULL.get(short, short) if level == "自治区" else short) + level + "总工会"


_NATIONAL_PAPER = re.compile(
    r"工人|人民|经济|法制|法治|光明|农民|科技|健康|中国|青年|解放|文汇|新华|南方|参考|商务|证券|金融"
)
_URL = re.compile(r"(?:https?:)?//[\w./%?&=#:+~-]+")
# 2017年7月26日, 2017-07-26, 2017/7/26, 26.07.2017 (a time may follow with its space dropped: 2014-07-0310:41)
_DATE = re.compile(
    r"(?<!\d)(?P<y1>20\d\d|19\d\d)(?:年|[-./])(?:0?[1-9]|1[0-2])(?:月|[-./])(?:[012]?\d|3[01])日?(?:(?!\d)|(?=\d{1,2}:\d\d))"
    r"|(?<![\d.])(?:[012]?\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?P<y2>20\d\d)(?:(?!\d)|(?=\d{1,2}:\d\d))"
)
# 自2007年8月启动以来, 2003年9月成立以来, 2016年以来, 自2006年开始, 自2019年成立…至今: the start of a span, not the
# year described
_SINCE = re.compile(
    r"自(?:19|20)\d\d年[^,。]{0,30}?(?:以来|开始|至今)|(?:19|20)\d\d年(?:\d{1,2}月)?(?:[^,。]{0,12}?成立)?(?:以来|至今)"
)
# 五年来, 过去五年, 二十年来, 过去的一年, 一年来: a review of the years up to the page's date
_SPAN_TO_NOW = re.compile(
    r"(?:过去|近)(?:[两二三四五六七八九十]+|\d+)年|(?:[两二三四五六七八九十]+|\d{1,2})年来|(?:代会|代表大会)(?:以来|至今)"
    # the one year a report looks back on, opening its sentence or clause (询问他们一年来的工作 is a story's)
    r"|(?<![^。,;:\n\s])(?:过去的?一年|一年来)"
)
# Copyright©2008-2011 by www.workercn.cn, 版权所有 2003-2025: a site's notice, whose years are no span of the report
_COPYRIGHT = re.compile(
    r"(?:Copyright|版权所有|©)[^\n]{0,24}?(?:19|20)\d\d(?:\s*[-–—~]\s*(?:19|20)\d\d)?", re.IGNORECASE
)
_GLUED_DATE = re.compile(r"(\.(?:cn|com|net|org))(?=(?:19|20)\d\d-[01]\d-[0-3]\d)")
_LAST_YEAR = re.compile(r"去年(?:[,:]|全|我|各级|共|底|年底|年末|一年|1[0-2]月(?:底|末)|[^,。]{0,8}?工会)")
# 会议指出,2024年…取得新进展。会议强调,2025年,顺德区总工会将以…: what a meeting urges is the coming year's work
_MEETING_ASKS = re.compile(r"\s*(?:会议|大会|全会|会上)还?(?:强调|要求|号召|部署)")
_REVIEWED = re.compile(r"(?:总结|回顾)(?:了|回顾)?(20\d\d)年")
_PLANNED = re.compile(r"(?:部署|安排|谋划|展望)(?:了)?(?:20\d\d)年")
# 2015年工作总结和2016年工作思路: the year a plan is for, not the year described (2019年目标任务完成情况 looks back
# on the year's targets)
_PLAN_FOR = re.compile(
    r"(?:20\d\d)年的?(?:工作|主要)?(?:任务|安排|打算|要点|思路|计划|设想|展望)(?![^,。]{0,4}?(?:完成|落实|执行))"
)
_CN_YEAR = re.compile(r"(?<![\u4e00-\u9fff])[一二][〇零○][〇零○一二三四五六七八九]{2}(?=年)")
_CN_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")
_YEAR_RANGE = re.compile(r"(20\d\d)\s*[-—–~至到]\s*(20\d\d)")


# Why a candidate is only proposed for review, not taken: the account of a visit, one end of a range, the largest
# single case, a label that stands in an earlier clause with its own figure, a part listed after 其中, a sentence
# about another federation than the report's. (A running total is taken, with its span: see extract.)
REVIEW_REASONS = (
    "visit",
    "range",
    "maximum",
    "far_label",
    "part",
    "other_body",
    "stock",
    "unpaid",
    "per_head",
    "subject",
    "one_person",
)


@dataclass
class Fact:
    """One figure a report states: catalogue code, value in base units, and where the text says it."""

    indicator: str
    value: float
    unit: str  # percent | yuan | count | person | person_times
    qualifier: str  # exact | approx | more_than | nearly
    evidence: str  # an exact substring of the text: text[start:end] == evidence
    start: int
    end: int
    # the period code (etl.periods): year (the report's year), m1-6, total:2015-2019, each:…, asof:2018-04
    period: str = ANNUAL
    review: str = ""  # why a candidate is only proposed (one of REVIEW_REASONS); empty for a figure taken
    # the year the figure is of where its own words name another than the report's (2018年新建工会40家 in a report on
    # 2019: 2018), to be stored in that year; None: the report's year
    year: int | None = None
    path: str = field(default="", compare=False)  # how its label was found (_Hit.path); not in the JSON

    def as_dict(self) -> dict:
        out = asdict(self)
        del out["path"]
        return out


@dataclass
class Extraction:
    """`facts` are the figures taken; `review` the candidates a reader should confirm (not counted as figures);
    `period` the span the report as a whole covers (the period code most of its figures share)."""

    organisation: str | None
    report_year: int | None
    facts: list[Fact] = field(default_factory=list)
    review: list[Fact] = field(default_factory=list)
    period: str = ANNUAL
    # "text": named in the text as it stands; "inferred": its place read from the text, the name not written out
    # (市总工会 beside 渭南日报, 在巢湖…, 构建和谐天津), to confirm; "address": from the source address alone, to confirm;
    # "level": a name with its place masked (xx街道总工会, *区总工会), to choose
    organisation_from: str = "text"
    # the name with the province and city the text writes before it, where `organisation` is the federation's own
    # name without them (etl.places.own_name): 云南省鲁甸县总工会 for 鲁甸县总工会; else None
    organisation_written: str | None = None

    def as_dict(self) -> dict:
        return {
            "organisation": self.organisation,
            "organisation_from": self.organisation_from,
            "organisation_written": self.organisation_written,
            "report_year": self.report_year,
            "period": self.period,
            "facts": [f.as_dict() for f in self.facts],
            "review": [f.as_dict() for f in self.review],
        }


@dataclass(frozen=True)
class Phrase:
    indicator: str
    units: frozenset[str]
    before: re.Pattern | None
    after: re.Pattern | None
    exclude: re.Pattern | None
    requires: re.Pattern | None
    before_in_sentence: bool = False  # the before-phrase may stand in an earlier clause of the sentence
    exclude_in_previous_clause: bool = False  # the exclusion also looks at the clause before
    outranks: str = ""  # an indicator whose hits give way to this one's anywhere in the sentence
    requires_in_full_sentence: bool = False  # the required word may stand across a semicolon


class ReportError(ValueError):
    """A report file that cannot be read as text."""

    def __init__(self, code: str, path: str, detail: str = ""):
        self.code, self.path, self.detail = code, path, detail
        super().__init__(f"{code}: {path} {detail}")

    def message(self, lang: str = "zh") -> str:
        from texts import t

        return t(f"report_error_{self.code}", lang, p=self.path, d=self.detail)


# ---------------------------------------------------------------------------------------------
# reading files


@lru_cache(maxsize=2)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


# The characters that make up most of any Chinese report, simplified and traditional: a text decoded with the
# wrong codec (Big5 read as GB18030, or the reverse) is made of other, rarer characters.
_COMMON_HANZI = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方"
    "后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开"
    "它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条"
    "只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基"
    "资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治"
    "北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场"
    "身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉"
    "林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历"
    "市克何除消构府称太准精值号率族维划选标写存候亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火"
    "住调满县局照参红细引听该价严职帮扶慰问困助培训签订协商纠纷援咨询挽损失险企覆盖"
)
_COMMON_HANZI_SET: set[str] = set()


def _common_hanzi() -> set[str]:
    if not _COMMON_HANZI_SET:
        _COMMON_HANZI_SET.update(_COMMON_HANZI)
        _COMMON_HANZI_SET.update(_opencc("s2t").convert(_COMMON_HANZI))
    return _COMMON_HANZI_SET


def _plausibility(text: str) -> float:
    """The share of common characters among the Chinese ones in the first part of a decoded text."""
    sample = text[:4000]
    cjk = [c for c in sample if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\ue000" <= c <= "\uf8ff"]
    if not cjk:
        return 0.0
    common = _common_hanzi()
    return sum(c in common for c in cjk) / len(cjk)


def decode_report(data: bytes, name: str = "-") -> tuple[str, str]:
    """The text of a report's bytes and the encoding it was read in.

    UTF-16 with a BOM and UTF-8 (with or without BOM) are taken as they decode; otherwise GB18030 (a superset of
    GBK and GB2312) and Big5 are both tried and the one whose characters read as Chinese prose wins, so a Big5
    file never comes out as GB18030 mojibake.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ReportError("encoding", name) from None  # a UTF-16 mark on bytes that are not UTF-16 (cut short)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), enc == "gb18030", text, enc))
    if not candidates:
        raise ReportError("encoding", name)
    _, _, text, enc = max(candidates)
    return text, enc


def decode_text(data: bytes, name: str = "-") -> str:
    """Bytes of a text report in UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 or Big5."""
    return decode_report(data, name)[0]


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# document.xml of a 300-page report is a few MB; more than this is refused, however well it packs.
MAX_DOCX_XML_BYTES = 64 * 1024 * 1024
# Characters of report text read at most: an annual work report holds 10,000 to 30,000; 500,000 is a book. More
# is refused (4 million characters took 209 s before the restatement check was made linear; 950,000 still take 16 s
# on a loaded 2-core machine).
MAX_REPORT_CHARS = 500_000


def docx_text(data: bytes, name: str = "-") -> str:
    """The paragraphs of a .docx (body text and tables), one per line.

    The zip is looked at before anything is unpacked, with the checks an .xlsx upload gets (total unpacked size
    and compression ratio, the marks of a zip bomb), and document.xml is read with a bounded read.
    """
    from etl.read import MAX_XML_DEPTH, XmlTooDeep, inspect_xlsx, parse_xml

    problem, _, _ = inspect_xlsx(data)
    if problem == "file_too_large_unpacked":
        raise ReportError("too_large", name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            with z.open("word/document.xml") as fh:
                xml = fh.read(MAX_DOCX_XML_BYTES + 1)
        if len(xml) > MAX_DOCX_XML_BYTES:
            raise ReportError("too_large", name)
        root = parse_xml(xml)
    except XmlTooDeep:
        raise ReportError("nested", name, str(MAX_XML_DEPTH)) from None
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, EOFError) as err:
        raise ReportError("docx", name, type(err).__name__) from None
    lines = []
    for p in root.iter(f"{_W}p"):
        parts = []
        for node in p.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines)


def read_report_file(path: str | Path) -> tuple[str, str]:
    """The text of a .txt (any common encoding) or .docx report and how it was read (an encoding, or "docx")."""
    p = Path(path)
    if not p.is_file():
        raise ReportError("missing", str(path))
    data = p.read_bytes()
    suffix = p.suffix.lower()
    if suffix == ".docx":
        text, how = docx_text(data, p.name), "docx"
    elif suffix in (".txt", ".text", ".md", ""):
        text, how = decode_report(data, p.name)
    else:
        raise ReportError("suffix", p.name)
    return _bounded(text, p.name), how


def read_report(path: str | Path) -> str:
    """The text of a .txt (any common encoding) or .docx report; ReportError with a message otherwise."""
    return read_report_file(path)[0]


def report_text(data: bytes, name: str) -> str:
    """The text of an uploaded report (bytes and file name, as the browser gives them)."""
    if name.lower().endswith(".docx"):
        text = docx_text(data, name)
    elif name.lower().endswith((".txt", ".text", ".md")):
        text = decode_text(data, name)
    else:
        raise ReportError("suffix", name)
    return _bounded(text, name)


def _bounded(text: str, name: str) -> str:
    """The report's text when it has some and not beyond MAX_REPORT_CHARS; ReportError otherwise."""
    if not text.strip():
        raise ReportError("empty", name)
    if len(text) > MAX_REPORT_CHARS:
        raise ReportError("too_long", name, f"{len(text):,}")
    return text


# ---------------------------------------------------------------------------------------------
# the vocabulary


@lru_cache(maxsize=4)
def load_phrases(directory: str | None = None) -> tuple[Phrase, ...]:
    """The report vocabulary: for each indicator, its unit words and the phrases that name it."""
    path = Path(directory) if directory else catalog_dir()
    out = []
    with open(path / "report_phrases.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rx = {k: re.compile(row[k]) if row[k] else None for k in ("before", "after", "exclude", "requires")}
            out.append(
                Phrase(
                    row["indicator"],
                    frozenset(row["units"].split("|")),
                    rx["before"],
                    rx["after"],
                    rx["exclude"],
                    rx["requires"],
                    before_in_sentence=row["before_reach"] == "sentence",
                    exclude_in_previous_clause=row["exclude_reach"] == "previous_clause",
                    outranks=row["outranks"],
                    requires_in_full_sentence=row["requires_reach"] == "full_sentence",
                )
            )
    return tuple(out)


# ---------------------------------------------------------------------------------------------
# normalising with a way back to the original offsets


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


_LIST_MARK = re.compile(r"[-•·*●■◆▪]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.]|第")


def _wrapped_breaks(text: str) -> set[int]:
    """The line breaks of text wrapped at a fixed width (a year-book page, a PDF's text): the break after each line
    as wide as the text's lines run, in a run of two or more such lines, where the next line goes on (not a list item,
    an indented paragraph or the same line again). Text that is not wrapped has none."""
    lines, pos = [], 0  # (offset of the line's break, the line without it)
    for raw in text.split("\n"):
        lines.append((pos + len(raw), raw.rstrip("\r")))
        pos += len(raw) + 1
    widths = [_width(ln.rstrip()) for _, ln in lines]
    long = [w for w, (_, ln) in zip(widths, lines, strict=True) if len(ln.strip()) >= 10]
    if len(long) < 4:
        return set()
    top = max(long)
    # the width most lines run to, within an eighth (digits and Latin letters are half as wide as Chinese)
    width = max(range(20, top + 1), key=lambda w: sum(w * 7 / 8 <= x <= w for x in long), default=0)
    full = [
        width * 7 / 8 <= w <= width + 2
        and k + 1 < len(lines)
        and (nxt := lines[k + 1][1])
        and not nxt[0].isspace()
        and not _LIST_MARK.match(nxt)
        and nxt.strip() != ln.strip()
        for k, (w, (_, ln)) in enumerate(zip(widths, lines, strict=True))
    ]
    runs = {k for k in range(len(lines)) if full[k] and (k > 0 and full[k - 1] or k + 1 < len(lines) and full[k + 1])}
    if len(runs) < 4:
        return set()
    return {lines[k][0] for k in runs} | {lines[k][0] - 1 for k in runs if text[lines[k][0] - 1] == "\r"}


def normalise(text: str) -> tuple[str, list[int]]:
    """Half-width text without spaces, and for each of its characters the offset in the original.

    A run of two or more spaces (how pasted web pages separate paragraphs) and a line break count as
    a sentence end, except a line break before a digit, which only split a figure from its label.
    """
    out: list[str] = []
    idx: list[int] = []
    wraps = _wrapped_breaks(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if i in wraps:  # 全市新建基层工会125个,发\n展会员11123人: a line a page or a PDF wrapped at its width
            i += 1
            continue
        if ch in "(（" and out and "\u4e00" <= out[-1] <= "\u9fff":
            gloss = _PINYIN_GLOSS.match(text, i)
            if gloss:  # 區(qū): a pinyin gloss a converted page left after each character
                i = gloss.end()
                continue
        if ch in "\r\n" or _SPACE.match(ch):
            j = i
            while j < n and (text[j] in "\r\n" or _SPACE.match(text[j])):
                j += 1
            run = text[i:j]
            nxt = text[j] if j < n else ""
            breaks = "\n" in run or "\r" in run
            # 慰问金\n5.77万元: a line that only split a figure from its label (a year is not one)
            joins = bool(out) and out[-1] not in _SENTENCE_END + "。" and _FIGURE_START.match(text, j)
            if breaks and not joins:
                out.append("\n")
                idx.append(i)
            elif not breaks and len(run) >= 2 and not (out and out[-1].isdigit() and nxt.isdigit()):
                out.append("\n")
                idx.append(i)
            i = j
            continue
        norm = unicodedata.normalize("NFKC", ch)
        if norm in ("“", "”", "‘", "’"):
            norm = ch
        elif ch in "\ufe33\ufe34":
            norm = "|"  # ︳: a vertical-form low line that web titles use as a bar between parts, not the _ of a mask
        for c in norm:
            out.append(c)
            idx.append(i)
        i += 1
    return _one_numeral(to_simplified("".join(out)), idx)


# 2万2千余人次, 2千余万元: a figure written in two parts of digits and 万/千, which the reader of numbers only knows
# whole as 2.2万 and 2000万
_TWO_PARTS = re.compile(r"(?<![\d.])(\d+)(?:万(\d)千|千(?=(?:余|多)?万))(?![\d.])")


def _one_numeral(norm: str, idx: list[int]) -> tuple[str, list[int]]:
    """The text with each figure written in two parts (2万2千, 2千余万) rewritten as one (2.2万, 2000余万), every new
    character pointing at the original one it stands for, so evidence still quotes the text as written."""
    if not _TWO_PARTS.search(norm):
        return norm, idx
    out, out_idx, last = [], [], 0
    for m in _TWO_PARTS.finditer(norm):
        out.append(norm[last : m.start()])
        out_idx += idx[last : m.start()]
        a = m.group(1)
        if m.group(2):  # 2万2千 → 2.2万, the point standing for 万 and 万 for 千
            out.append(f"{a}.{m.group(2)}万")
            out_idx += idx[m.start(1) : m.end(1)] + [idx[m.end(1)], idx[m.start(2)], idx[m.end() - 1]]
        else:  # 2千 → 2000, the zeros standing for 千
            out.append(a + "000")
            out_idx += idx[m.start(1) : m.end(1)] + [idx[m.end() - 1]] * 3
        last = m.end()
    out.append(norm[last:])
    out_idx += idx[last:]
    return "".join(out), out_idx


def to_simplified(text: str) -> str:
    """Traditional script as simplified (工會 → 工会, 萬 → 万), character for character, so offsets still hold; the
    places whose simplified names OpenCC would change (乾县 is no 干县) keep their names."""
    converted = _opencc("t2s").convert(text)
    if len(converted) != len(text):
        conv = _opencc("t2s").convert
        converted = "".join(c2 if len(c2 := conv(c)) == 1 else c for c in text)
    for name in _KEPT_NAMES():
        for m in re.finditer(re.escape(name), text):
            converted = converted[: m.start()] + name + converted[m.end() :]
    return converted


@lru_cache(maxsize=1)
def _KEPT_NAMES() -> tuple[str, ...]:  # noqa: N802 (a constant read once)
    """Places' names that OpenCC's t2s would change (乾县, 乾安县: 乾 is simplified script too)."""
    conv = _opencc("t2s").convert
    with PLACES_CSV.open(encoding="utf-8", newline="") as f:
        return tuple(sorted({r["short"] for r in csv.DictReader(f) if conv(r["short"]) != r["short"]}))


# ---------------------------------------------------------------------------------------------
# numbers


@dataclass
class Number:
    start: int  # offsets in the normalised text
    end: int
    value: float
    unit_word: str  # as written, normalised: 人次, 件次, 元, % … ("" for 1.8万职工)
    unit: str  # what the unit word counts: percent | yuan | count | person | person_times
    qualifier: str


def _unit_word(raw: str | None) -> str | None:
    if raw is None:
        return None
    return {"人(次)": "人次", "人/次": "人次", "次/人": "人次", "件(次)": "件次"}.get(raw, raw)


def _alike(a: Number, b: Number) -> bool:
    """Whether two figures count the same kind of thing: persons and households (劳动模范15人、…职工31户) are alike,
    person-times and cases (法律咨询11504人次、代理文书443件) are not."""
    kind = {"户": "person"}
    return kind.get(a.unit_word, a.unit) == kind.get(b.unit_word, b.unit)


_CN_PERCENT = re.compile(r"(?P<pre>将近|接近|近|约|超过|超)?百分之(?P<num>[零一二两三四五六七八九十百点]+)(?P<q>以上)?")


def find_numbers(clause: str, offset: int) -> list[Number]:
    """Every figure with a unit in a clause (offsets into the whole normalised text)."""
    found = []
    for m in _NUM.finditer(clause):
        num, unit = m["num"], _unit_word(m["unit"])
        s, e = m.start(), m.end()
        if s > 0 and (
            clause[s - 1].isdigit()
            or clause[s - 1] in ".-/"
            or clause[s - 1] == ":"
            and s > 1
            and clause[s - 2].isdigit()  # 12:30, not 覆盖率:92%
            or clause[s - 1].isascii()
            and clause[s - 1].isalpha()
        ):
            continue
        if s > 0 and clause[s - 1] == "第":  # 第3届: an ordinal
            continue
        if s > 1 and clause[s - 1] in "万亿" and clause[s - 2].isdigit():
            continue  # the 2千 of 1万2千人: a figure written in two parts, never read as its last part alone
        if not num[0].isdigit() and (s > 0 and clause[s - 1] in "数几" or "几" in m.group(0)):
            continue  # 数十万元, 几百人, 十几万: an amount no one counted, no figure (人数73 is one)
        is_cn = not num[0].isdigit()
        if is_cn:
            if (
                len(num) == 1
                and not (num in "万亿" and m["pre"])
                and not (num in "十百千" and m["mult"] and (num == "十" or m["unit"]))  # 十余万元, 百万余元: figures
                # 千余人, 百多名, 上千人, 近千人: a round figure with its qualifier (上千 as 上万; 千万不要 has no unit)
                and not (num in "十百千" and m["unit"] and (m["q1"] or m["pre"] in ("上", "近") and num != "十"))
                or len(num) >= 2
                and not any(c in "十百千万亿" for c in num)
            ):
                continue  # 一线, 三份, 两名: words, not figures
            if num[0] in "百千":
                num = "一" + num  # 千余人, 百万余元: one thousand and more, a million and more
            if num in "万亿" and m["pre"]:
                num, mult, is_cn = "1", num, False
            else:
                # 二十万 holds its 万; 二十余万 / 十多万 write it after the qualifier, where it still scales the figure
                mult = m["mult"]
        else:
            mult = m["mult"]
        pre = m["pre"]
        if pre == "上" and m["num"] not in ("万", "亿") and m["num"][0] not in "百千":
            pre, s = None, s + 1  # 上 only qualifies 上百 / 上千 / 上万 / 上亿
        after = clause[e:]
        if unit in ("家", "个") and (re.match(r"[^,、;\d]{0,12}?家庭", after) or clause[:s].endswith("家庭")):
            unit = "户"  # 走访慰问了24家特困…职工家庭, 帮扶困难职工家庭42个: households, counted as 户
        elif unit == "户" and re.match(r"(?:企业|单位|公司)", after):
            unit = "家"  # 等15户企业中, 针对44户企业的775名…职工: firms counted in 户, not households
        if unit == "个" and re.match(r"(?:字|月|小时|百分点|工作日|季度|批次)", after):
            continue  # 3个百分点, 6个月: a measure of something else
        if unit is None:
            # 1.8万职工, 430万实名会员: a scaled figure followed by who it counts
            if mult and _BARE_PERSON_AFTER.match(after):
                unit = ""
            else:
                continue
        elif unit == "次" and not m["q3"] and not after.startswith("/"):
            if not _CASES_COUNTED.search(clause[max(0, s - 4) : s]):
                continue  # 次 alone is an event count (3次会议), not person-times
            unit = "件次"  # 调解纠纷820次, 为农民工维权30多次: the disputes or cases are what is counted
        if (
            (after.startswith("的") or re.match(r"^[^,、]{0,2}的(?!基层工会|企业)", after) and unit != "%")
            and not (unit == "元" and (_VALUE_BEFORE.search(clause[:s]) or _MONEY_NOUN_AFTER.match(after)))
            and not (_PERSONS_OF.match(after) and _BENEFICIARY.search(clause[:s]))
        ):
            continue  # 30多人的纠纷: an attribute in a story, not a total (为1.2万人次的职工送去清凉 counts whom it names)
        if _PER_HEAD.search(clause[max(0, s - 20) : s]):
            continue  # 每人发放1000元: a rate per person, not a total
        if (unit in ("人", "名", "位", "人次") or m["q3"] == "以上") and _THRESHOLD_AFTER.match(
            (m["q3"] or "") + after
        ):
            continue
        try:
            base = float(num.replace(",", "")) if not is_cn else cn_to_number(num)
        except (NotANumber, KeyError, ValueError):
            continue
        if mult:
            base *= {"千": 1e3, "万": 1e4}.get(mult, 1e8)
        qualifier = "exact"
        for q in (m["q1"], m["q2"], m["q3"]):
            if q in _SUFFIX_QUALIFIER:
                qualifier = _SUFFIX_QUALIFIER[q]
        if pre:
            qualifier = _PREFIX_QUALIFIER[pre]
        found.append(Number(offset + s, offset + e, base, unit, UNIT_CLASSES.get(unit, "person"), qualifier))
    # 签订率达到百分之九十五, 百分之九十以上: a rate written in words
    for m in _CN_PERCENT.finditer(clause):
        try:
            value = cn_to_number(m["num"])
        except (NotANumber, KeyError, ValueError):
            continue
        qualifier = _SUFFIX_QUALIFIER["以上"] if m["q"] else _PREFIX_QUALIFIER[m["pre"]] if m["pre"] else "exact"
        found.append(Number(offset + m.start(), offset + m.end(), value, "%", UNIT_CLASSES["%"], qualifier))
    return sorted(found, key=lambda n: n.start)


# ---------------------------------------------------------------------------------------------
# structure


@dataclass
class Sentence:
    start: int
    end: int
    future: bool


def _heading_kind(head: str) -> str | None:
    """一、 / (一) / 第一部分 / 1、: which level of numbered heading a line is, or None."""
    for kind, rx in (
        ("cn", r"^[一二三四五六七八九十]+[、.]"),
        ("paren", r"^[(（][一二三四五六七八九十]+[)）]"),
        ("part", r"^第[一二三四五六七八九十]+部分"),
    ):
        if re.match(rx, head):
            return kind
    return None


def sentences(norm: str) -> list[Sentence]:
    """Sentences with whether they belong to a plan (a section headed as next year's tasks, or a target)."""
    out = []
    future = False
    opened_by: str | None = None  # the kind of heading that opened the plan section; the next one closes it
    start = 0
    for i in range(len(norm) + 1):
        if i == len(norm) or norm[i] in _SENTENCE_END:
            if i > start:
                s = norm[start:i]
                head = s.strip()
                numbered = _NUMBERED_HEAD.match(head)
                line = (start == 0 or norm[start - 1] == "\n") and (i == len(norm) or norm[i] == "\n")
                short = line and len(head) <= 30 and "," not in head
                if numbered or short:
                    probe = head[:30]
                    kind = _heading_kind(head)
                    if (
                        _FUTURE_HEAD.search(probe)
                        and not re.search(r"完成|回顾|总结|以来|成效|成绩|取得", probe)
                        and not _WORK_THEN_PLAN.search(probe)
                    ):
                        future, opened_by = True, kind
                    elif _PAST_HEAD.search(probe) or future and kind is not None and kind == opened_by:
                        future = False
                out.append(Sentence(start, i, future))
            start = i + 1
    return out


def clauses(norm: str, sent: Sentence) -> list[tuple[int, int]]:
    """A sentence cut at commas and colons (not inside 1,234), as (start, end) offsets."""
    parts = []
    start = sent.start
    for i in range(sent.start, sent.end):
        c = norm[i]
        if c == ":" and i + 1 < len(norm) and (norm[i + 1].isdigit() or norm[i + 1] in "近约超逾"):
            continue  # 覆盖率:92%: a label and its figure, one clause
        if c in ",:" and not (
            c == "," and 0 < i and norm[i - 1].isdigit() and re.match(r"\d{3}(?!\d)", norm[i + 1 : i + 5])
        ):
            parts.append((start, i))
            start = i + 1
    parts.append((start, sent.end))
    return [(a, b) for a, b in parts if b > a]


# ---------------------------------------------------------------------------------------------
# tying numbers to indicators


@dataclass
class _Hit:
    indicator: str
    distance: int
    length: int
    kw_start: int
    kw_end: int
    weak: str = ""  # why the link to the indicator is too weak to take the figure ("far_label"), else ""
    # how the label was found: near | sentence | after | generic | list | carried | respectively | spent
    path: str = "near"


# Indicators that count a stock (all members, all unions): a number introduced by 为 counts those a service
# reached (为98名…会员发放, 为8家单位14名会员赔付), never a stock; 会员总数为… (数为, 率为) is a level.
_STOCKS = frozenset({"total_members", "total_unions"})
_NEXT_FIGURE = re.compile(r"(?:19|20)\d\d年|(\d)")  # group 1: a digit of a figure, not of a year
# 的职工, 的困难学子: the persons a count with 的 after it names
_PERSONS_OF = re.compile(r"的[^,、\d]{0,4}?(?:职工|员工|工人|农民工|劳动者|学子|学生|会员|群众|家庭|子女)")
# the sum given to those a 为 (向, 给) clause counts, straight after its verb (提供49.8万元, 发放了总价值1.8万元,
# 向500名一线职工发放共计20万元慰问金)
_SUM_GIVEN = re.compile(r"\d+(?:\.\d+)?[万亿]?元")
_GIVEN_TO = re.compile(
    r"(?:^|累计|共|先后|还|并)(?:为|对|向|给)(?:(?:[^\d,、]{1,10}、){1,5}[^\d,、]{0,20}|[^\d,、]{0,10})$"
)
_BENEFICIARY = re.compile(
    r"(?<![数率是均])(?<!合计|共计|总计)(?:为|向|给)[^\d,、为向给]{0,12}(?:\d+(?:\.\d+)?[家个户][^\d,、]{0,6})?$"
)

_UNION_COUNTS = frozenset({"total_unions", "new_unions"})
# 这1100多名, 上述3家: a figure this (这, 上述) points back at is one the text has told, or a part of one's story
_TOLD_BEFORE = re.compile(r"(?:这|上述|前述)$")
_NEW_FORM = re.compile(r"新就业形态|新业态|八大群体|货车司机|网约车|快递员|快递小哥|外卖|送餐员|骑手|网约配送员")
# persons at a ceremony or meeting (300余人参加了启动仪式, 近100人出席大会): its attendance, no figure
_ATTENDED = re.compile(r"[^,。;\d]{0,3}?(?:参加|出席)了?[^,。;\d]{0,8}?(?:仪式|会议|大会|座谈会|典礼|开幕式|启动式)")
# 帮扶834人实现就业, 帮助2200人实现就业, 协助5600人实现就业: those placed in jobs, an employment service, not aid
_PLACED_IN_JOBS = re.compile(r"[^,。;\d]{0,12}?(?:实现(?:了)?(?:稳定|再)?就业|再就业|重新上岗|转移就业)")
# 1户医疗救助职工家庭成功脱困, 164户建档立卡困难职工全部脱困退档: those who left hardship, not those aided
_OUT_OF_HARDSHIP = re.compile(r"[^,。;\d]{0,14}?(?:成功|全部|实现|已)?(?:脱困|解困|脱贫|退档)")
# 向1301名会员集中发放“五一”国际劳动节慰问品: members at large given a festival's gift, a benefit to all (普惠), not
# aid to workers in hardship (为98名因…患重大疾病…的会员发放救助慰问金 names the hardship)
_PLAIN_MEMBERS = re.compile(r"(?:工会)?会员(?!家属|子女)|干部职工|全体(?:干部)?职工|全体会员")
_HARDSHIP = re.compile(r"困难|特困|贫困|患病|大病|重病|意外|伤病|住院|救助|帮扶|助学|困境|生活补助")
# persons fixed as those to be aided (确定了267名…救助对象, 共确定200余名职工为…帮扶对象): the aided told again
_SELECTED = re.compile(r"确定(?:了|出)?$")
# 共有6户家庭提出申请,…有4户…列为资助对象: those who applied, not those aided
# 共180人提出救助申请; 共收到基层工会上报的50名困难职工子女救助申请: those who applied, or the applications counted
_APPLIED = re.compile(
    r"[^,。;\d]{0,8}?(?:提出|递交|提交)了?(?:书面|[\u4e00-\u9fff]{1,4}?)?申请|[^,。;\d]{0,14}?申请(?=[,。;)]|$)"
)
_COUNTED_NOUN = re.compile(
    r"部门|单位|村|社区|乡镇|街道|县|区(?!域)|镇|乡|项目|企业|网点|站点|小组|班组|(?:工作|检查|督查|调研|服务|慰问|宣讲)(?:组|队|团)"
)  # 组织6个工作组, 12个慰问组: teams the union sent
# 18家非公有制企业同一天成立工会, 23家村级供销合作社建立工会: the bodies counted set up their unions, one each
_BODIES_SET_UP_UNIONS = re.compile(
    r"[^,、。;\d]{0,20}?(?:成立|建立|组建)了?(?:基层)?工会(?:组织|委员会)?(?![\u4e00-\u9fff]{0,2}(?:的|率))"
)
# 组建工会覆盖企业6761家,发展会员12.5万人: unions set up in the sentence, counted or not
_UNIONS_SET_UP = re.compile(r"(?:新建|组建|新成立)[^,。、\d]{0,6}?工会")
# 厂务公开规范化率100%, 履约率98%, 满意率96%, 入会率95%: a rate named for another measure than the catalogue's
_OTHER_RATE = re.compile(
    r"(?:规范化|规范|履约|审查|审核|合格|达标|满意|知晓|参与|入会|建会|完成|增长)(?:率|度)(?:均|已)?(?:达到?|为|是)?\s*$"
)
# 每到一处,慰问人员都…送上3000元慰问金: a sentence telling what each visit brought
_EACH_VISIT = re.compile(r"\s*每到一[处户家地个]")
# …已列入帮扶范畴, …进行摸底筛查: those listed or surveyed, not yet aided (两癌筛查 is a check-up given, so not 筛查)
_LISTED = re.compile(r"[^,。;]{0,20}?(?:列入|纳入)[^,。;]{0,6}?(?:范畴|范围|名单)|[^,。;]{0,24}?(?:摸底|核查|审核)")
# 覆盖企业6761家, 覆盖单位18.02万个: the firms or units unions cover, counted right after
_COVERED_BEFORE = re.compile(r"(?:覆盖|涵盖)[^,、\d]{0,6}?(?:企业|单位)\s*$")
# 建立劳动争议调解组织120个, 基层工会调解组织40577家, 法律援助工作站15个, 职工书屋85个: a body named between the
# indicator's word and the count is what is counted (a union's own 工会组织, 工会委员会 are the unions)
_BODY_BEFORE = re.compile(
    r"(?:(?<!工会)(?:组织|委员会)|调委会|机构|中心|工作站|服务站|站点|驿站|工作室|调解室|窗口|网点|平台|小组|队伍|团队"
    r"|服务点|阵地|基地|书屋|之家|示范点)\s*(?:共|达|达到|有)?$"
)

# A payout says it was paid (发放, 赔付, 理赔, 补助, 报销, 获…, 享受…); money the scheme took in (收取互助金, 共收到
# 互助金, 筹措互助资金, 共筹集…职工共4271万元) or gave as cover (赠送…保障计划,共计…) says none of these. Also what a
# figure's own clause must say when the payout phrase stands in an earlier clause: 获赔资金31801元, 补助…2753.4万元
_PAID = re.compile(r"赔|补|报销|发放|核发|获|享受|救助|支付|给付|受益|慰问")

# How far after a number its label may stand (characters, up to the next number): 296名困难职工进行生活救助
AFTER_REACH = 24


def _full_sentence(norm: str, sentence: Sentence) -> str:
    """The sentence across semicolons: 受理法援案件301件……;152件为来电来访咨询 is one statement."""
    start = max(norm.rfind(c, 0, sentence.start) for c in "。！？!?\n") + 1
    ends = [e for c in "。！？!?\n" if (e := norm.find(c, sentence.end)) >= 0]
    return norm[start : min(ends) if ends else len(norm)]


def _unit_ok(ph: Phrase, num: Number) -> bool:
    if num.unit_word == "":
        return bool(ph.units & {"人", "名"})
    return num.unit_word in ph.units


def _last_match(rx: re.Pattern, text: str) -> re.Match | None:
    last = None
    for m in rx.finditer(text):
        last = m
    return last


# 共投入资金83万多元,慰问困难职工183人 / 先后投入220万元,为4000余名困难职工…提供了生活救助: a sum spent, with no
# label of its own, whose sentence goes on to say whom it aided is the aid paid (not a building, a contest, a loan);
# so is a sum raised (筹资50万余元,帮扶救助了28户…; 共筹资约16.2625万元,慰问700余人) or set aside (拨出资金近50万元,对…190名…慰问)
_SPENT = re.compile(r"(?:(?:投入|拨出|撥出|拿出)(?:资金|資金)?|筹资|籌資)$")
_AID_AFTER = re.compile(r"^[,:]\S*?(?:慰问|慰問|救助|帮扶|幫扶|资助|資助)")
_NOT_AID_USE = re.compile(
    r"建|修|改造|阵地|陣地|书屋|書屋|驿站|驛站|竞赛|競賽|器材|设备|設備|贷款|貸款|培训|培訓|就业|就業"
)


def _spent_on_aid(norm: str, num: Number, window_start: int, sentence: Sentence) -> _Hit | None:
    """aid_amount for a sum right after 投入(资金) when the rest of its sentence tells the aid it paid, else None."""
    if num.unit != "yuan":
        return None
    before = max(window_start, num.start - 6)
    m = _SPENT.search(norm[before : num.start].rstrip("共达计了"))
    rest = norm[num.end : sentence.end]
    aid = _AID_AFTER.match(rest)
    if not m or not aid or _NOT_AID_USE.search(rest[: aid.end()]):
        return None
    kw_start = before + m.start()
    return _Hit(
        "aid_amount",
        num.start - (kw_start + len(m.group(0))),
        len(m.group(0)),
        kw_start,
        kw_start + len(m.group(0)),
        path="spent",
    )


def _text_after(norm: str, num: Number, reach_to: int, through_sum: bool = False) -> str:
    """What a label after the number may be read in: up to `reach_to` (the comma to the next clause made a space),
    cut at the next figure (a year is none) and at a bracket the number stands in; with through_sum, past the one sum
    those the number counts were given (为168名…学子提供49.8万元助学金)."""
    after_text = norm[num.end : reach_to].replace(",", "\u3000", 1)[:AFTER_REACH]
    nxt = _NEXT_FIGURE.search(after_text)
    through_sum = through_sum and "每" not in after_text[: nxt.start() if nxt else 0]  # 每人发放360元: a rate
    while nxt:
        if nxt.group(1) is None:  # a year
            nxt = _NEXT_FIGURE.search(after_text, nxt.end())
        elif through_sum and (given := _SUM_GIVEN.match(after_text, nxt.start())):  # the one sum they were given
            through_sum = False
            nxt = _NEXT_FIGURE.search(after_text, given.end())
        else:
            break
    after_text = after_text[: nxt.start()] if nxt else after_text
    # 新生138名(其中本科生86人,专科生52人)为救助对象: a label does not reach into the brackets a number stands in
    close = re.search(r"[)）]", after_text)
    if close and not re.search(r"[(（]", after_text[: close.start()]):
        after_text = after_text[: close.start()]
    return after_text


def choose_indicator(
    norm: str, num: Number, window_start: int, clause: tuple[int, int], sentence: Sentence, phrases
) -> _Hit | None:
    """The indicator whose phrase stands closest before the number (else right after it), or None."""
    # 法律援助案件(包含法律咨询、…、诉讼仲裁)687件: what a bracket lists is an aside, not the figure's label
    before_text = _BRACKETED.sub(lambda m: "\u3000" * len(m.group(0)), norm[window_start : num.start])
    clause_text = norm[clause[0] : clause[1]]
    # 基层工会组织3200个(其中当年新建150个): the part in brackets does not exclude the whole
    rel = num.start - clause[0]
    outside = "".join(
        "\u3000" * len(m.group(0)) if m.group(0)[0] in "(（" and not m.start() <= rel < m.end() else m.group(0)
        for m in re.finditer(r"[(（][^()（）]*[)）]|[^(（]+|[(（]", clause_text)
    )
    prev_clause_start = norm.rfind(",", sentence.start, clause[0] - 1) + 1 if clause[0] > sentence.start else clause[0]
    context = norm[max(prev_clause_start, sentence.start) : clause[1]]
    sentence_before = norm[sentence.start : num.start]
    if (
        num.unit == "yuan"
        and _EACH_VISIT.match(sentence_before)
        and not re.search(r"共|合计|总计|累计", sentence_before)
    ):
        return None  # 每到一处,慰问人员都…送上3000元慰问金: what each visit brought, not the sum of them
    if _TOLD_BEFORE.search(norm, max(0, num.start - 2), num.start):
        return None  # 这1100多名困难职工群众会分批获得帮扶, “…这600元救助金”: a figure pointed back at, told before
    if num.unit == "percent" and _OTHER_RATE.search(before_text):
        return (
            None  # 厂务公开规范化率100%, 合同履约率98%, 职工满意率96%: a rate of another measure than the catalogue's
        )
    # 累计为9名省级特困劳模,发放特殊困难补助金7.6万元: those a clause opened by 为 names take the verb of the clause
    # after it, when their own clause has none
    reach_to = clause[1]
    if (
        clause[1] < sentence.end
        and norm[clause[1]] == ","
        and _GIVEN_TO.search(norm[clause[0] : num.start])
        and not re.search(r"\d|进行|发放|送|慰问|救助|帮扶|资助|补助|举办|开展|提供|给予", norm[num.end : clause[1]])
    ):
        following = norm.find(",", clause[1] + 1, sentence.end)
        reach_to = following if following >= 0 else sentence.end
    after_text: str | None = None  # read once, for the first phrase with a label after the number
    hits: list[_Hit] = []
    for ph in phrases:
        if not _unit_ok(ph, num):
            continue
        if ph.exclude and ph.exclude.search(context if ph.exclude_in_previous_clause else outside):
            continue
        if ph.requires and not ph.requires.search(
            _full_sentence(norm, sentence) if ph.requires_in_full_sentence else norm[sentence.start : sentence.end]
        ):
            continue
        m = _last_match(ph.before, before_text) if ph.before else None
        if m:
            hits.append(
                _Hit(
                    ph.indicator,
                    len(before_text) - m.end(),
                    m.end() - m.start(),
                    window_start + m.start(),
                    window_start + m.end(),
                )
            )
            continue
        if ph.before_in_sentence and ph.before:
            m = _last_match(ph.before, sentence_before)
            if m:  # a payout phrase may open the sentence: 医疗互助获补助244人,补助金额39.9万元
                hits.append(
                    _Hit(
                        ph.indicator,
                        1000 + len(sentence_before) - m.end(),
                        m.end() - m.start(),
                        sentence.start + m.start(),
                        sentence.start + m.end(),
                        path="sentence",
                    )
                )
                continue
        if ph.after:
            if after_text is None:
                beneficiary = num.unit == "person" and _BENEFICIARY.search(norm[clause[0] : num.start]) is not None
                after_text = _text_after(norm, num, reach_to, through_sum=beneficiary)
            m = ph.after.search(after_text)
            if m:
                hits.append(
                    _Hit(
                        ph.indicator,
                        2000 + m.start(),
                        m.end() - m.start(),
                        num.end + m.start(),
                        num.end + m.end(),
                        path="after",
                    )
                )
    if num.unit_word in ("人", "名", "位", "户", "人次", "") and (
        _LISTED.match(norm, num.end, clause[1])
        or _PLACED_IN_JOBS.match(norm, num.end)
        or _OUT_OF_HARDSHIP.match(norm, num.end)
    ):
        # 尚有27名…子女已列入帮扶范畴, 对…216户…进行摸底筛查 (listed or surveyed, not yet aided), 帮扶834人实现就业
        # (placed in jobs), 1户…家庭成功脱困 (out of hardship): not those aided
        hits = [h for h in hits if h.indicator != "aid_persons"]
    if re.search(r"服务(?:活动)?(?:达|共)?\s*$", before_text):
        # 提供各项服务7250人次, 累计服务5万人次: services counted, not persons aided
        hits = [h for h in hits if h.indicator not in ("aid_persons", "mutual_insurance_enrolled")]
    if _BENEFICIARY.search(norm[clause[0] : num.start]):
        hits = [h for h in hits if h.indicator not in _STOCKS]
    if num.unit == "yuan" and _AT_STAKE.search(norm, max(clause[0], num.start - 12), num.start):
        return None  # 帮助职工58人,涉及金额90余万元: the money the cases were about, neither recovered nor paid
    if num.unit == "person" and _ATTENDED.match(norm, num.end):
        return None  # 受助学生和基层工会主席等300余人参加了启动仪式, 近100人参加会议: those at the meeting
    if num.unit_word in ("人", "名", "位", "户", "") and _APPLIED.match(norm, num.end):
        return None
    if (
        num.unit_word in ("人", "名", "位", "人次")
        and _PLAIN_MEMBERS.match(norm, num.end)
        and not _HARDSHIP.search(norm, sentence.start, sentence.end)
    ):
        hits = [h for h in hits if h.indicator != "aid_persons"]
    if num.unit == "person" and _SELECTED.search(before_text):
        return None  # 确定了267名困难职工救助对象, 最终确定102名符合条件的困难职工: those chosen, told again
    if num.unit_word == "户" and re.search(r"(?:企业|单位|公司)$", norm[window_start : num.start]):
        return None  # 走访慰问困难企业95户, 覆盖企业125户: the households counted are firms
    if (
        num.unit_word in ("家", "个")
        and _COUNTED_NOUN.match(norm, num.end)
        and not _BODIES_SET_UP_UNIONS.match(norm, num.end, clause[1])
    ):
        # 县总工会组织乡镇、卫健、公安等20个部门, 对辖区16个社区: the count is of that noun, not of unions (unless the
        # bodies counted are said to set up their unions: 18家企业同一天成立工会)
        hits = [h for h in hits if h.indicator not in _UNION_COUNTS]
    if num.unit_word in ("个", "家", "处", "所"):
        hits = [h for h in hits if not _BODY_BEFORE.search(norm, h.kw_end, num.start)]  # (?<!工会) sees before
    if num.unit_word in ("个", "家") and _COVERED_BEFORE.search(norm, max(window_start, num.start - 16), num.start):
        # 组建工会覆盖企业6761家, 已建基层工会覆盖单位18.02万个: the firms the unions cover, not the unions
        hits = [h for h in hits if h.indicator not in _UNION_COUNTS]
    if not hits:
        return _named_earlier(norm, num, before_text, sentence_before, sentence, phrases)
    for h in hits:
        if 1000 <= h.distance < 2000 and (
            any(n.unit == num.unit for n in find_numbers(norm[h.kw_end : num.start], h.kw_end))
            or not _PAID.search(norm[clause[0] : num.start])
        ):
            # 发放医疗互助金3234万元,疗休养拉动消费超3600万元: the label in an earlier clause already has its figure;
            # 赠送…互助医疗保障计划,共计35.92万元: the figure's own clause does not say it was paid out
            h.weak = "far_label"
    # A payout phrase anywhere before in the sentence beats a generic aid phrase in the clause, unless that
    # phrase already has its figure (医疗互助…补助2753.4万元,金秋助学共筹集助学资金475.6万元).
    outranked = {
        ph.outranks for ph in phrases if ph.outranks and any(h.indicator == ph.indicator and not h.weak for h in hits)
    }
    hits = [h for h in hits if h.indicator not in outranked]
    hits.sort(key=lambda h: (h.distance, -h.length))
    if hits[0].indicator == "total_members" and _NEW_FORM.search(
        context[: num.start - max(prev_clause_start, sentence.start)]
    ):
        # 新就业形态劳动者会员57768人, 建立新业态领域工会组织91家,会员7103人: the members of new-form workers' unions
        # (organised since 2021) are the drive's recruits, new members, even counted 截至 a month
        return replace(hits[0], indicator="new_members", path="new_form")
    return hits[0]


def _one_recipient(before: str) -> bool:
    """The text of a sentence before a sum names one person or household as its recipient, and no count of persons
    stands between them and the sum (对一名…送去救助金1000元; 为一名…,共为36名…发放 is a total)."""
    before = before[max(before.rfind(";"), 0) :][-40:]
    m = _last_match(_ONE_RECIPIENT, before)
    return m is not None and not re.search(r"\d\s*(?:万)?\s*(?:名|人|户|位|家)", before[m.end() :])


def _named_earlier(
    norm: str, num: Number, before_text: str, sentence_before: str, sentence: Sentence, phrases
) -> _Hit | None:
    """签约率95.8% after 已签约工资集体协商企业5628个: a generic rate or amount takes the indicator named
    last before it in the sentence (among those counted in its unit)."""
    generic = _GENERIC_RATE if num.unit == "percent" else _GENERIC_MONEY if num.unit == "yuan" else None
    if generic is None or not generic.search(before_text):
        return None
    best: _Hit | None = None
    clause_before = before_text[-40:]
    for ph in phrases:
        if not ph.before or not _unit_ok(ph, num):
            continue
        if ph.exclude and ph.exclude.search(clause_before):
            continue  # 参加医疗互助活动,筹措互助资金23.65万元: the generic 资金 is not aid where aid's exclusions stand
        m = _last_match(ph.before, sentence_before)
        if m and (best is None or (sentence.start + m.end(), m.end() - m.start()) > (best.kw_end, best.length)):
            best = _Hit(
                ph.indicator,
                3000,
                m.end() - m.start(),
                sentence.start + m.start(),
                sentence.start + m.end(),
                path="generic",
            )
    if (
        best is not None
        and num.unit == "percent"
        and (norm[best.kw_start - 1 : best.kw_start] == "、" or norm[best.kw_end : best.kw_end + 1] in ("、", "等"))
    ):
        return None  # 集体合同、工资集体协商等四个合同…签订率92%: a rate of several kinds together is no one's
    if best is not None:
        best.kw_start = best.kw_end = num.start  # the evidence stays the figure's own clause
    return best


_EACH = re.compile(r"均(?:已|能|动态)?(?:达到|达|为|是|保持在|超过|在)?(?:了)?$")


def _each_rate(
    norm: str, clause: tuple[int, int], nums: list[Number], sentence: Sentence, phrases, text: str, idx: list[int]
) -> list[Fact] | None:
    """集体合同、工资专项协议签订率均达到了98%以上; 签订集体合同和开展工资集体协商企业3879家,…,签订率均达到92%: one
    rate that 均 gives to each kind named before it in the sentence (since the rate before), one figure for each."""
    pcts = [n for n in nums if n.unit == "percent"]
    if len(pcts) != 1:
        return None
    num = pcts[0]
    m = _EACH.search(norm, clause[0], num.start)
    if not m or m.end() != num.start:
        return None
    lo = max(
        [sentence.start]
        + [n.end for n in find_numbers(norm[sentence.start : clause[0]], sentence.start) if n.unit == "percent"]
    )
    seg = norm[lo : m.start()]
    spans = []  # (start, end, indicator) of every rate phrase in the segment
    for ph in phrases:
        if ph.before is None or "%" not in ph.units or (ph.exclude and ph.exclude.search(seg)):
            continue
        spans += [(x.start(), x.end(), ph.indicator) for x in ph.before.finditer(seg) if x.end() > x.start()]
    kept: list[tuple[int, int, str]] = []
    for a, b, ind in sorted(spans, key=lambda t: t[0] - t[1]):  # the longest phrase wins where two overlap
        if all(b <= a2 or a >= b2 for a2, b2, _ in kept):
            kept.append((a, b, ind))
    kinds = list(dict.fromkeys(ind for _, _, ind in sorted(kept)))
    if len(kinds) < 2:
        return None
    return [_fact(text, idx, clause[0], num.end, ind, num) for ind in kinds]


def _fact(text: str, idx: list[int], norm_start: int, norm_end: int, indicator: str, num: Number) -> Fact:
    # a clause never starts or ends on a space (normalise() drops them), so neither does the evidence
    start = idx[norm_start]
    end = idx[norm_end - 1] + 1
    return Fact(indicator, round(num.value, 6), num.unit, num.qualifier, text[start:end], start, end)


_LIST_SPLIT = re.compile(r"、|和|及|与|以及")
_RESPECTIVELY = re.compile(r"分别(?:为|是|达到了|达到|达|占|提高到|增长到|增至)?")


def _respectively(
    norm: str, clause: tuple[int, int], nums: list[Number], phrases, text: str, idx: list[int]
) -> list[Fact] | None:
    """三份合同签订率分别达到93%、82%、93%: one figure per named item, in order."""
    ct = norm[clause[0] : clause[1]]
    m = _RESPECTIVELY.search(ct)
    if not m:
        return None
    after = [n for n in nums if n.start >= clause[0] + m.end()]
    if len(after) < 2:
        return None
    names_text = ct[: m.start()]
    # the items sit after the last verb-ish break: take the text after the last space-like word 的
    items = [x for x in _LIST_SPLIT.split(names_text) if x]
    if len(items) < len(after):
        return None
    items = items[-len(after) :]
    tail = items[-1]
    facts = []
    for item, num in zip(items, after, strict=True):
        chosen = None
        for probe in (item, item + tail):
            best = None
            for ph in phrases:
                if not ph.before or not _unit_ok(ph, num):
                    continue
                mm = _last_match(ph.before, probe)
                if mm and (best is None or (mm.end(), mm.end() - mm.start()) > best[0]):
                    best = ((mm.end(), mm.end() - mm.start()), ph.indicator)
            if best:
                chosen = best[1]
                break
        if chosen is None:
            return None
        facts.append(_fact(text, idx, clause[0], after[-1].end, chosen, num))
    return facts


def extract(text: str) -> Extraction:
    """The organisation, the year the figures describe, and every catalogue figure the text states."""
    phrases = load_phrases()
    norm, idx = normalise(text)
    found: list[Fact] = []  # every candidate; those with a review reason are only proposed
    # A text that gives this year's figures tells long-run totals (自2007年以来累计…, 17年来共…) as background.
    this_year = "今年" in norm
    launch = bool(_LAUNCH.search(norm))
    this_year_figures = this_year or bool(re.search(r"(?:20\d\d)年度|本年度|全年", norm))
    last_indicator: str | None = None
    visitors: set[str] = set()
    organisation, read_from = find_organisation(_words_apart(text, norm, idx)), "text"
    if (
        organisation == NATIONAL
        and not re.search(r"全国总工会|全总", _title_line(norm))
        and (placed := organisation_of_its_title_place(norm))
    ):
        # 福建三明工会推进…机制建设 …基地入选全国总工会…名单: the national body named in passing, in a text whose title
        # tells of one place's union work, is not the one reporting
        organisation, read_from = placed, "inferred"
    if organisation is None and (organisation := organisation_from_address(norm)):
        read_from = "address"  # to confirm: the text never names its place
    elif organisation is None and (organisation := organisation_of_all_unions(norm)):
        read_from = "inferred"  # to confirm: the text speaks of all the unions of one place (承德各级工会)
    elif organisation is None and (organisation := organisation_of_its_title_place(norm)):
        read_from = "inferred"  # to confirm: the title tells of one place's union work (汝南县成立…工会联合会)
    elif organisation is None and (organisation := own_level(norm)):
        read_from = "level"  # to choose: 区总工会 is all the text says
    elif organisation is None and (organisation := industry_union(norm)):
        # 省林业工会开展…送温暖活动: a province's or city's industry union, with its place as the text writes it
        # (青海省建设工会, 山西国防工会), or by its level alone (省林业工会, 市教育工会: to choose)
        read_from = "level" if organisation[0] in "省自市" else "text"
    elif organisation and _LEVEL_NAME.fullmatch(organisation):
        read_from = "level"  # to choose: the text says 区总工会 (or xx街道总工会) and never which one
    elif organisation and organisation != NATIONAL and re.sub(r"总?工会$", "", organisation) not in norm:
        read_from = "inferred"  # to confirm: the text never writes that name out
    year = find_report_year(norm)
    since_before = False  # the sentence before named the start of a span (自2006年起)
    case_until = 0  # where the paragraph of a case told just before ends
    span_until = 0  # where the paragraph of a running span opened years before the report's ends
    runs: list[Fact] = []  # running totals (自2006年起…已累计, a span's paragraph): taken with their span, not the year
    before_from = 0  # where the sentence before this one starts
    # 其中劳动模范1264人,送去慰问金278万余元;困难职工1287人,送去慰问金120余万元: the indicators a 其中 list gave its
    # parts, the sentence (cut at ;) that listed them, and where the full sentence (to 。) the list goes on in ends
    part_kinds: set[str] = set()
    parts_in, parts_until = -1, -1

    def list_parts(kinds: set[str], sentence_from: int, full_to: int) -> None:
        """The parts a 其中 list in the sentence from `sentence_from` gave `kinds`, in a full sentence ending at
        `full_to`."""
        nonlocal part_kinds, parts_in, parts_until
        part_kinds, parts_in, parts_until = part_kinds | kinds, sentence_from, full_to

    for sent in sentences(norm):
        sentence_text = norm[sent.start : sent.end]
        # 截至目前…参与互助保障的职工约3.42万人次…。其中2023年参与…2.26万人次: a sentence opened by 其中 lists
        # parts of the wholes the sentence before counted
        whole_from, before_from = before_from if _SUBSET.match(sentence_text.lstrip()) else sent.start, sent.start
        if sent.start >= parts_until:
            part_kinds = set()
        after_start, since_before = since_before, bool(_SINCE_START.search(sentence_text))
        # 县总工会一行 is a body, no visitor; 主席王明一行来到李某家中 names one, though that sentence tells a case
        if not sent.future:
            visitors.update(v for v in _VISITOR.findall(sentence_text) if not v.endswith("会"))
        # 龙某体检时发现…。因…工会为其购买了665元的职工互助保障,最后所得理赔金100553.43元: the sentences after a
        # case, in its paragraph, go on telling it until one turns to the totals (据统计, 今年以来, 全年…)
        case = bool(_CASE.search(sentence_text)) or (
            sent.start < case_until and not _SUMMARY_OPENING.match(sentence_text.lstrip())
        )
        line_end = norm.find("\n", sent.end)
        case_until = (line_end if line_end >= 0 else len(norm)) if case else 0
        if sent.future or case:
            continue
        # 自1998年以来,先后累计筹集…150多万元, 17年来共…: a long run told beside this year's figures is a running total
        long_run = this_year and bool(_LONG_RUN.search(sentence_text))
        planned = _future_spans(sentence_text, sent.start)
        span_open = _SPAN_OPEN.search(sentence_text)
        span = bool(span_open and year is not None and int(span_open.group(1)) < year - 1) or (
            sent.start < span_until and not _SPAN_TURN.match(sentence_text.lstrip())
        )
        span_until = (line_end if line_end >= 0 else len(norm)) if span else 0
        full_from = max(norm.rfind("。", 0, sent.start), norm.rfind("\n", 0, sent.start)) + 1
        full_to = min(k for k in (norm.find("。", sent.end - 1), line_end, len(norm)) if k >= 0)
        heads = [float(m[1]) * (1e4 if m[2] else 1) for m in _HEAD_SUM.finditer(norm[full_from:full_to])]
        head_max = max(heads, default=0.0)
        opening = sentence_text.lstrip()[:4]
        visit = "visit" if _VISIT.search(sentence_text) or any(v in opening for v in visitors) else ""
        if not visit and organisation and _another_body(sentence_text, organisation):
            visit = "other_body"
        giver = _OTHER_GIVER.search(sentence_text)
        giver_from = sent.start + giver.start() if giver else len(norm)  # the giver's clause and those after it
        span_from = _SPAN_FROM.search(sentence_text)
        running = bool(
            not visit
            and (long_run or _SINCE_LAUNCH.search(sentence_text) and _SUMMED.search(sentence_text))
            or not visit
            and this_year_figures
            and (
                _RUNNING_TOTAL.search(sentence_text)
                or after_start
                and "累计" in sentence_text
                or _SO_FAR.search(sentence_text)
                or span_from
                and (year is None or int(span_from.group(1)) < year - 1)
            )
        )
        part_from = None  # where a clause opened by 其中 starts in this sentence
        by_policy = bool(_BY_POLICY.match(sentence_text.lstrip()))

        def take(
            fact: Fact,
            reason: str = "",
            visit: str = visit,
            giver_from: int = giver_from,
            span: bool = span,
            head_max: float = head_max,
            by_policy: bool = by_policy,
            running: bool = running,
            sentence_from: int = sent.start,
        ) -> None:
            fact.review = visit or ("other_body" if _norm_offset(idx, fact.start) >= giver_from else reason)
            if not fact.review and fact.unit == "yuan":
                end = _norm_offset(idx, fact.end - 1) + 1
                own = norm[max(norm.rfind(c, 0, end) for c in ",;:") + 1 : end]  # the figure's own clause
                if (
                    (0 < fact.value <= 2 * head_max and not _TOTAL_WORD.search(own))
                    or by_policy
                    or "标准" in own
                    or _EACH_OF_A_KIND.search(norm, max(sentence_from, end - 60), end)
                ):
                    fact.review = "per_head"
                elif not _TOTAL_WORD.search(own) and _one_recipient(norm[sentence_from:end]):
                    fact.review = "one_person"
            if (
                not fact.review
                and fact.indicator in ("total_unions", "total_members")
                and "园区" in norm[sentence_from : _norm_offset(idx, fact.start)]
                and not (organisation and _ZONE_BODY.search(organisation))
            ):
                # 工业园区现有企业100多家,工会会员近万名, 园区共有职工16.85万人,会员人数14.32万人: the stock of a park
                # inside the federation's area is a part of its own
                fact.review = "part"
            if not fact.review and fact.indicator == "total_unions":
                own = norm[_norm_offset(idx, fact.start) : _norm_offset(idx, fact.end - 1) + 1]
                if _ONE_KIND_OF_UNION.search(own):
                    fact.review = "part"
            if not fact.review and fact.indicator == "total_members":
                end = _norm_offset(idx, fact.end - 1) + 1
                rest = norm[end : min(k for k in (*(norm.find(c, end) for c in ",、;:。\n"), len(norm)) if k >= 0)]
                if not _MEMBERS_END.fullmatch(rest):
                    fact.review = "subject"  # 会员共有426人成功实施了手术, 8.7万会员喜领…: who did or got what follows
            if (span or running) and not fact.review:
                runs.append(fact)
            found.append(fact)

        changes = False  # 比上年同期新增参保单位111个,新增参保职工3617人次: the list of changes goes on
        # 参保职工比上年增加2万人,达到15万人: the indicator of a change, for the level the next clause says it reached
        changed: _Hit | None = None
        listed_before: tuple[Number, _Hit, int] | None = None  # the persons that end the clause before, and its end
        for clause in clauses(norm, sent):
            clause_text = norm[clause[0] : clause[1]]
            # the persons that end the clause just before, when only a comma parts them from this one
            listed_on = (
                listed_before
                if listed_before is not None and listed_before[2] == clause[0] - 1 and norm[clause[0] - 1] == ","
                else None
            )
            reached, changed = changed if _REACHED.match(clause_text) else None, None
            changes = bool(_CHANGE_CLAUSE.match(clause_text)) or changes and bool(_CHANGE_LEAD.match(clause_text))
            nums = find_numbers(clause_text, clause[0])
            nums = [n for n in nums if not any(a <= n.start < b for a, b in planned)]
            if launch and _BUDGET.search(clause_text):
                nums = [n for n in nums if n.unit != "yuan"]
            if not nums:
                continue
            listed = _respectively(norm, clause, nums, phrases, text, idx) or _each_rate(
                norm, clause, nums, sent, phrases, text, idx
            )
            if listed is not None:
                for f in listed:
                    f.path = "respectively"
                    take(f)
                continue
            # 其中当年新建210个 after 基层工会组织5548个: a part counts when it is another indicator than its whole
            subset = (
                bool(_SUBSET.match(norm[clause[0] : clause[1]]))
                or _SUBSET.match(norm[max(sent.start, clause[0] - 3) : clause[0]])
                # 其中,通过党建带工建,全市…组建工会组织514家: clauses without a figure between 其中 and the first part
                or _SUBSET_OPENING.fullmatch(norm, sent.start, clause[0])
            )
            if subset and part_from is None:
                part_from = clause[0]
            whole = last_indicator  # what the number just before counted (None: nothing the catalogue knows)
            if subset and whole is None:
                # 确定了267名救助对象,其中大病医疗救助213人…;生活救助19人: what the parts count, for the list's later items
                kinds = {
                    h.indicator for n in nums if (h := choose_indicator(norm, n, clause[0], clause, sent, phrases))
                }
                if kinds:
                    list_parts(kinds, sent.start, full_to)
                continue
            window = clause[0]
            prev: tuple[Number, _Hit | None] | None = None
            prev_window: int | None = None  # where the window of the number before began
            carried: _Hit | None = None  # 从85%提高到93%: the earlier figure's indicator, for the later one
            unlabelled: Number | None = None  # the number just before, when it took no indicator
            for num in nums:
                gap = norm[window : num.start]
                # 新发展会员5.6万人(其中农民工3.2万人): a part is no figure of its own, unless another indicator
                part_of = None
                if "其中" in gap or "其余" in gap:  # 其余45名大学生: the rest of a whole, a part too
                    part_of = prev[1].indicator if prev and prev[1] else whole or ""
                ranged = bool(_RANGE_BEFORE.search(norm[max(clause[0], num.start - 12) : num.start])) and not (
                    _RANGE_FROM.search(norm[clause[0] : prev[0].start]) if prev else False
                )
                if carried is not None and _TO_LEVEL.match(gap):
                    hit, carried = replace(carried, path="carried"), None
                elif reached is not None and num is nums[0] and _REACHED.fullmatch(norm[clause[0] : num.start]):
                    hit, reached = replace(reached, path="carried"), None
                elif (
                    changes
                    or _CHANGE_ON.search(norm[clause[0] : num.start])
                    or _CHANGE_BEFORE.search(gap)
                    or (_CHANGE_SHORT.search(gap) and _CHANGE_WORDS.search(norm[clause[0] : num.start]))
                ):
                    changed = choose_indicator(norm, num, window, clause, sent, phrases) if num is nums[-1] else None
                    prev, window, last_indicator, unlabelled = (num, None), num.end, None, None
                    continue
                else:
                    hit = choose_indicator(norm, num, window, clause, sent, phrases)
                    if hit is None:
                        hit = _spent_on_aid(norm, num, window, sent)
                if hit is not None and hit.indicator == "aid_persons" and _MUTUAL_PAID.search(norm[num.end : sent.end]):
                    # 此次救助惠及会员76人,发放互助互济金15.8万元: those the mutual scheme paid are its beneficiaries,
                    # not persons given hardship aid
                    hit = None
                if (
                    hit is not None
                    and hit.indicator == "total_unions"
                    and _OTHER_COUNTED.search(norm[hit.kw_end : num.start])
                ):
                    # 工会组织共排查…行业企业114家, 帮助基层工会制定制度3个: the number counts what stands before it
                    hit = None
                if hit is not None and _TO_LEVEL.match(norm[num.end : num.end + 8]):
                    # the starting level of a change: only the level it reached is this year's figure
                    prev, window, carried, unlabelled = (num, hit), num.end, hit, None
                    continue
                if (
                    hit is None
                    and prev
                    and prev[1] is None
                    and prev_window is not None
                    and _COUNT_THEN_PERSONS.match(norm[prev[0].end : num.start])
                ):
                    # 走访慰问162家企业、6000余名职工, 慰问单位、企业17家共1444名职工: the firms counted take no
                    # indicator; the persons after them take the label before the firms
                    hit = choose_indicator(norm, num, prev_window, clause, sent, phrases)
                    if hit is not None and hit.indicator not in ("aid_persons", "mutual_insurance_enrolled"):
                        hit = None
                if (
                    hit is None
                    and prev
                    and prev[1]
                    and (
                        norm[prev[0].end : num.start].startswith("、")
                        and _alike(num, prev[0])  # 法律咨询11504人次、代理文书443件: unlike units, unlike items
                        or num.unit == prev[0].unit == "person"
                        and _PERSONS_JOINED.fullmatch(norm[prev[0].end : num.start])
                    )
                ):
                    # 申报帮扶困难劳模89人、特殊困难劳模73人: a list item takes the indicator before it; so do the
                    # persons joined to persons by 和 under one verb (看望慰问212名农牧民工和13名劳动模范)
                    ph = next((p for p in phrases if p.indicator == prev[1].indicator and _unit_ok(p, num)), None)
                    if ph is not None:
                        hit = replace(prev[1], path="list")
                if (
                    hit is None
                    and len(nums) == 1
                    and listed_on is not None
                    and num.end == clause[1]
                    and _alike(num, listed_on[0])
                    and _LISTED_GROUP.fullmatch(gap := norm[clause[0] : num.start])
                    and not _GROUP_VERB.search(gap)
                ):
                    hit = replace(listed_on[1], path="list")
                if (
                    hit is not None
                    and hit.indicator in _UNION_COUNTS
                    and listed_on is not None
                    and listed_on[1].indicator == "aid_persons"
                    and not _GROUP_VERB.search(norm[clause[0] : num.start])
                ):
                    # 共慰问困难职工206人、…劳动者8人,困难企业8家、新就业形态工会5个: a clause with no verb of its own
                    # goes on the list of those aided, so the unions in it are bodies visited, no count of unions
                    hit = None
                if hit is not None and (
                    parts_in < sent.start < parts_until
                    and hit.indicator in part_kinds
                    and not _LIST_TURN.match(sentence_text.lstrip())
                ):
                    hit = None  # the list after 其中 goes on past ;: its items are parts too
                # 会员654119人,其中,新就业形态劳动者会员27565人: the members of new-form workers are a part of all
                # the members as well as new ones
                kinds = {hit.indicator, "total_members"} if hit is not None and hit.path == "new_form" else None
                if hit is not None and (
                    subset
                    and whole in (kinds or {hit.indicator})
                    or part_of in ("", *(kinds or {hit.indicator}))
                    # 累计建立基层工会组织926个,发展会员18.25万余人,其中新就业形态工会组织42个: a part of a whole
                    # counted earlier in the sentence than the figure just before 其中 (累计已发放助学金1270万余元,
                    # 资助学子3670多名,其中2024年筹集资金66万元: the year's part of a running total)
                    or (part_of is not None or subset)
                    and any(f.indicator in (kinds or {hit.indicator}) and f.start >= idx[whole_from] for f in found)
                ):
                    if subset or part_of is not None:
                        list_parts({hit.indicator}, sent.start, full_to)
                    hit = None
                if hit is not None:
                    start = min(clause[0], hit.kw_start)
                    end = max(num.end, hit.kw_end)
                    # 其中劳动模范1264人,送去慰问金278万余元 after 398万元: the clauses after 其中 go on listing parts
                    # (其中,新就业形态工会404个,会员16182人: the members of new-form unions are a part of all members)
                    counted_as = "total_members" if hit.path == "new_form" else hit.indicator
                    later_part = (
                        part_from is not None
                        and clause[0] > part_from
                        and any(
                            # a part's rate may be above the whole's (其中世界500强…覆盖面达100%)
                            f.indicator == counted_as
                            and (f.value > num.value or num.unit == "percent")
                            and f.start < idx[part_from]
                            for f in found
                            if not f.review
                        )
                    )
                    unpaid = hit.indicator == "mutual_insurance_payout" and not _PAID.search(norm[start:end])
                    stock = (
                        hit.indicator == "new_members"
                        and hit.path != "new_form"
                        and "新" not in norm[hit.kw_start - 1 : hit.kw_end]
                        and _STOCK_CONTEXT.search(norm[sent.start : num.start])
                        # 截止12月31日,全区共新建基层工会306家,发展农民工会员约2.65万人: beside new unions, new members
                        and not any(f.indicator == "new_unions" and f.start >= idx[sent.start] for f in found)
                        # 截至2014年6月底,…组建工会覆盖企业6761家,发展会员12.5万人: beside unions set up, counted or not
                        # (…组建工会组织,全县企业农民工入会达36133人: a level reached is the stock still)
                        and (
                            not _UNIONS_SET_UP.search(norm, sent.start, num.start)
                            or re.search(r"达到?$", norm[hit.kw_end : num.start])
                        )
                    )
                    if (
                        stock
                        and (part_from is None or clause[0] < part_from)
                        and any(
                            f.indicator == "total_unions" and not f.review and f.start >= idx[sent.start] for f in found
                        )
                    ):
                        # 截至目前,已建基层工会组织305家,发展会员23528人: the members beside the unions' stock are the
                        # membership, as the unions are theirs
                        hit, stock = replace(hit, indicator="total_members", path="stock"), False
                    if later_part:
                        list_parts({hit.indicator}, sent.start, full_to)
                    reason = (
                        "range"
                        if ranged
                        else "maximum"
                        if _MAXIMUM.search(gap)
                        else "part"
                        if later_part
                        else "stock"
                        if stock
                        else hit.weak or ("unpaid" if unpaid else "")
                    )
                    fact = _fact(text, idx, start, end, hit.indicator, num)
                    fact.path = f"near:{hit.distance}" if hit.path == "near" else hit.path
                    take(fact, reason)
                    if (
                        unlabelled is not None
                        and num.unit == unlabelled.unit == "person"
                        and hit.indicator in _PERSON_INDICATORS
                        and _PERSONS_JOINED.fullmatch(norm[unlabelled.end : num.start])
                    ):
                        # 向20名困难职工和27名防疫一线工作人员送上…慰问品: persons joined by 和 before the verb
                        # they share take its indicator
                        joined = _fact(text, idx, min(unlabelled.start, hit.kw_start), end, hit.indicator, unlabelled)
                        joined.path = "joined"
                        take(joined, reason)
                unlabelled = num if hit is None and not ranged else None
                prev, prev_window = (num, hit), window
                window = num.end
                last_indicator = hit.indicator if hit else None
            listed_before = (
                (prev[0], prev[1], clause[1])
                if prev and prev[1] and prev[1].indicator in _PERSON_INDICATORS and prev[0].end == clause[1]
                else None
            )
    facts = _rounded_once(_once([f for f in found if not f.review], text), text)
    review = [
        f
        for f in _once([f for f in found if f.review], text)
        if (f.indicator, f.value) not in {(g.indicator, g.value) for g in facts}
    ]
    # A running total told beside the year's figures is a figure of its own span, as the shared gold takes 历年累计:
    # taken with that span (total:2006-2014) or, where the text says no start (已累计赔付1200多万元), cum.
    running_ids = {id(f) for f in runs}
    part_of_year = _document_period(norm, year)
    for f in facts + review:
        f.period = _period(norm, idx, f, year)
        if id(f) in running_ids and f.period == ANNUAL:
            f.period = _running_period(norm, _norm_offset(idx, f.start), year) or "cum"
        if f.period == ANNUAL and any(f is g for g in facts):
            # 厦门新组建企业工会420家 in a headline, 今年上半年,我市新组建企业工会420家 in the body: the figure told once
            # takes the period the body gives it
            for g in found:
                if g.indicator == f.indicator and g.value == f.value and g is not f and not g.review:
                    if (other := _period(norm, idx, g, year)) != ANNUAL:
                        f.period = other
                        break
        if f.period == ANNUAL:
            f.period = _period_of_its_text(norm, idx, f, this_year_figures, part_of_year)
    # 2018年新建工会40家,2019年新建工会52家 in a report on 2019: the first is 2018's, and is stored as 2018's
    this_year_told = any(_THIS_YEAR.search(_own_words(norm, idx, f)[1]) for f in facts)
    for f in facts + review:
        if not f.period.startswith(("total:", "each:", "cum", "last:", "since:")):
            f.year = _year_told(norm, idx, f, year, this_year_told)
    if organisation and (m := re.fullmatch(r"(.+?[县州旗区])(总?工会)", organisation)):
        # 回族土族自治县 → 大通回族土族自治县, 里斯达斡尔族区 → 梅里斯达斡尔族区: a long name the pattern cut
        organisation = whole_name(m.group(1), norm) + m.group(2)
    own = own_name(_federation_of(organisation)) if organisation else None
    written = organisation if own != organisation else None
    return Extraction(own, year, facts, review, _report_period(norm, facts, year), read_from, written)


def _period_of_its_text(norm: str, idx: list[int], f: Fact, this_year_figures: bool, part_of_year: str | None) -> str:
    """The period of a figure whose own words name none, from its text: 累计 with no year word, in a text with no
    year's figure beside it, is a running total (cum: 累计吸纳新就业形态劳动者超2万人; beside 全年… 累计 is the year's
    sum as often as not); in a text whose title names a part of the year (part_of_year), that part, unless its
    sentence dates it (全年, 去年); else the year."""
    own = _own_words(norm, idx, f)[0]
    clause = own[max(own.rfind(c) for c in ",:") + 1 :]
    if (
        not this_year_figures
        and "累计" in clause
        and not _YEAR_WORD.search(own)
        and f.indicator not in ("total_unions", "total_members")  # 累计达到1177个: a stock, the year's end
    ):
        return "cum"
    if part_of_year and not _OWN_TIME.search(own):
        return part_of_year
    return ANNUAL


_THIS_YEAR = re.compile(r"今年|本年")
# a year a clause names as the figure's own (2018年新建, 2018年度, 2018年上半年, 2018年底); not the start of a span
# (2018年以来, 自2018年起, 2018年至2020年; 截至2018年底 is that year's), nor a comparison's base (比2018年增长, 由2017年的60多万人增加到100多万人)
_NAMED_YEAR = re.compile(
    r"(?<![比较由与同从自到和及、])(?<![^截]至)((?:19|20)\d\d)年(?!以来|起|至|到|[-—–~]|的|前|后|以前|以后)"
)
_CLAUSE_TIME = re.compile(r"今年|本年|当年|全年|去年|上年度?|上一年|(?:19|20)\d\d年")
_SPAN_OR_PART = re.compile(r"以来|年来|半年|季度|\d+月|目前|近年")


def _sentence_start(norm: str, at: int) -> int:
    """Where the sentence holding offset `at` starts."""
    return max(norm.rfind(c, 0, at) for c in "。！？;\n") + 1


def _own_words(norm: str, idx: list[int], f: Fact) -> tuple[str, str]:
    """The figure's sentence up to its end, and its own clause (from the last comma or colon before it) up to its
    end."""
    at = _norm_offset(idx, f.start)
    begin = _sentence_start(norm, at)
    own = norm[begin : _norm_offset(idx, f.end - 1) + 1]
    return own, own[max(own.rfind(c, 0, at - begin + 1) for c in ",:") + 1 :]


def _year_opening_paragraph(norm: str, at: int) -> re.Match | None:
    """2013年,我区共有9.4万人次职工参加医疗互助保障。医保年度内…区总支付保障金700余万元: the year that opened the
    nearest sentence before, in the paragraph, that names a time, which the sentences after it go on telling; None where
    that sentence names a time anywhere else (2013年以来, 今年, 上半年 in its middle) or the paragraph names none."""
    start = norm.rfind("\n", 0, at) + 1
    for sentence in reversed(re.split(r"(?<=[。！？;])", norm[start:at])):
        if _CLAUSE_TIME.search(sentence) or _SPAN_OR_PART.search(sentence):
            told = sentence.strip()
            opening = _NAMED_YEAR.match(told)
            alone = len(_CLAUSE_TIME.findall(told)) == 1 and not _SPAN_OR_PART.search(told)
            return opening if opening and alone and told[opening.end() : opening.end() + 1] in ",:" else None
    return None


def _year_told(norm: str, idx: list[int], f: Fact, year: int | None, this_year_told: bool) -> int | None:
    """The year the figure's own clause, or a clause before it opened by a time word, dates it to where that is not
    the report's: a year named (2018年新建工会40家 in a report on 2019), or 去年 where the text tells other figures
    as 今年's (去年新建工会40家,今年新建52家); else None. 去年 alone is left to the report's year, which reads it (a summary
    written in January calls the year it reviews 去年)."""
    if year is None:
        return None
    own, clause = _own_words(norm, idx, f)
    times = list(_CLAUSE_TIME.finditer(clause))
    if times and times[-1].group(0) in ("全年", "当年", "本年"):
        times = []  # 截至2018年底,茂名市实现全年参保会员达到11.48万人: the whole of the year the sentence named before
    if not times:
        # 2018年,全区新建工会40家: a time word opening a clause dates the clauses after it, up to the next that opens
        # one (去年…320人,今年救助…410人,发放救助金86万元: this year's); 2019年,在2018年工作的基础上 opens none
        times = [
            m
            for m in _CLAUSE_TIME.finditer(own)
            if re.search(r"(?:^|[,: ])(?:截至|截止|到)?$", own[: m.start()])  # 截至2023年底,全市共有…
        ]
    if not times and (opened := _year_opening_paragraph(norm, _sentence_start(norm, _norm_offset(idx, f.start)))):
        times = [opened]
    if not times:
        return None
    last = times[-1]
    word = last.group(0)
    if last.start() and last.string[last.start() - 1] in "比较同与":
        return None  # 比上年增长, 较2018年: the base of a change
    if word.startswith(("去年", "上年", "上一年")):
        return year - 1 if this_year_told else None
    if not _NAMED_YEAR.match(last.string, last.start()) or int(word[:4]) == year:
        return None
    return int(word[:4])


def _federation_of(name: str) -> str:
    """青云谱区工会, 苏州高新区工会: a county's, district's or development zone's unions written without 总 are its
    federation (青云谱区总工会); a township's, a street's or a community's union (烟墩镇工会, 老西街社区工会), and a
    mine's or a campus's (矿区工会), are named 工会 and stay so."""
    m = re.fullmatch(r"(.+?(?:[区县市旗]))工会", name)
    if (
        m
        and not name.endswith("总工会")
        and (_placed(m.group(1)) or re.search(r"(?:高新|开发|经开|新)区$", m.group(1)))
    ):
        return m.group(1) + "总工会"
    return name


def _words_apart(text: str, norm: str, idx: list[int]) -> str:
    """The normalised text with a space kept where the original had one between two Chinese characters, so no
    name runs across it (金秋助学 筑梦启航 县总工会 is a slogan and 县总工会, not 助学筑梦启航县总工会)."""
    out = []
    for k, ch in enumerate(norm):
        if (
            k
            and idx[k] - idx[k - 1] > 1
            and "\u4e00" <= ch <= "\u9fff"
            and "\u4e00" <= norm[k - 1] <= "\u9fff"
            and not text[idx[k - 1] + 1 : idx[k]].strip()
        ):
            out.append(" ")
        out.append(ch)
    return "".join(out)


# 苏中药业工会设立…,为200多名困难职工送上20多万元慰问金: a firm's or an institution's own union, opening a sentence
_FIRM_UNION = re.compile(
    # a name, not a phrase (各企业工会, 新组建企业工会, 二是…): no word of a count, a verb or a quantifier in it
    r"(?:(?![各新建组是全的了在和与及该本我其共一二三四五六七八九十])[\u4e00-\u9fff]){2,12}?"
    r"(?:公司|集团|药业|股份|医院|学校|中学|小学|银行|电力|电厂|煤矿|钢铁|医药|科技|实业|"
    r"[厂矿局所])工会(?:委员会)?(?![\u4e00-\u9fff]{0,2}(?:主席|干部|会员|组织|建设|工作))"
)


_ZONE_BODY = re.compile(r"园区|开发区|高新区|经开区|新区|保税区")


def _another_body(sentence_text: str, organisation: str) -> bool:
    """镇海区总工会…8000多名农民工加入了工会 in a city federation's report: the sentence is about another body; so is
    苏中药业工会设立…,为200多名困难职工送上… (a firm's union, in a district federation's report)."""
    if _FIRM_UNION.match(sentence_text.lstrip()[:20]):
        return True
    m = _ORG.match(sentence_text.lstrip()[:16])
    name = _clean_name(m.group(1)) if m else None
    if not name or name == NATIONAL or name != m.group(1):
        return False  # only a name that opens the sentence, as written (本次…活动县总工会 is no name)
    own, other = re.sub(r"总?工会$", "", organisation), re.sub(r"总?工会$", "", name)
    return not (own.endswith(other) or other.endswith(own) or own in other)


def _period(norm: str, idx: list[int], fact: Fact, year: int | None) -> str:
    """The fact's period code from the words around it in the normalised text (simplified, so 年來 reads as 年来)."""
    start = _norm_offset(idx, fact.start)
    end = _norm_offset(idx, fact.end - 1) + 1
    return period_in_context(norm, start, year, end) or ANNUAL


# where a running total starts: 自2006年起, 自2019年成立调解室至今, 2016年以来, 连续26年, 十年来 (N years up to the report's year)
_RUN_START = re.compile(
    r"自((?:19|20)\d\d)年[^。,;]{0,20}?(?:起|至今|以来)|((?:19|20)\d\d)年(?:\d{1,2}月)?以来|(?:连续|已)(\d{1,2}|[两二三四五六七八九十]{1,3})年"
    r"|(\d{1,2}|[两二三四五六七八九十]{1,3})年来"
)


def _running_period(norm: str, start: int, year: int | None) -> str | None:
    """The span of a running total told beside the year's figures, from where its sentence or the one before says
    it starts (自2006年起…。截至目前,已累计筹集28.86万元 in a 2014 report → total:2006-2014; 已连续26年开展…累计发放 in
    2025 → total:2000-2025), so that it is stored with its span, not as the year's; None where the text says no
    start (已累计 alone: the caller says cum) or no year is known."""
    if year is None:
        return None
    before = max(norm.rfind(c, 0, start) for c in "。！？\n")
    before = max(norm.rfind(c, 0, before) for c in "。！？\n") + 1 if before > 0 else 0
    found = list(_RUN_START.finditer(norm, before, start))
    if not found:
        return None
    m = found[-1]
    first = m.group(1) or m.group(2)  # 自2006年起, 2016年以来; else 连续26年, 十年来
    phrase = f"{first}年以来累计" if first else f"{m.group(3) or m.group(4)}年来累计"
    try:
        period = parse_period(phrase, year)
    except PeriodError:  # a start in the report's year or after it, one year: no span
        return None
    return None if period.is_annual else period.code


def _norm_offset(idx: list[int], original: int) -> int:
    """The first normalised character at or after an offset into the original text."""
    lo, hi = 0, len(idx)
    while lo < hi:
        mid = (lo + hi) // 2
        if idx[mid] < original:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, len(idx) - 1)


# 烟墩镇工会2022年上半年工作总结和下半年工作计划, 松江工会系统2018年4月职工法律援助情况通报: a title naming a part of
# the year, or one month, says what its text's figures cover where their own sentence names no time (the plan for the
# half after it is no part of it)
_TITLE_PLAN = re.compile(
    r"[和及与暨]?(?:下半年|明年|下一步|今后|20\d\d年)[^,。]{0,6}?(?:工作)?(?:计划|打算|思路|安排|要点|设想)"
)
_TITLE_MONTH = re.compile(
    r"(?<!\d)(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?(?![\d日号至到-])"
    r"(?=[^,。]{0,16}?(?:通报|简报|月报|情况|动态|统计|汇总))"
)
# a sentence's word for the year or a part of it: 全年累计, 今年以来累计, 上半年累计, 2023年累计 are that year's
_YEAR_WORD = re.compile(
    r"全年|今年|本年|当年|年内|年度|上半年|下半年|季度|\d{1,2}月|(?:19|20)\d\d年|去年|上年|[本此这]次|期间|近期|近日|日前"
)
# words by which a sentence dates its own figure: the whole year (全年, 年度), another year (去年, 2019年), a change
_OWN_TIME = re.compile(r"全年|年度|去年|上年|同比|(?:19|20)\d\d年(?!上半年|\d{1,2}月|1[-—–~至到])")


def _document_period(norm: str, year: int | None) -> str | None:
    """The part of the year (m1-6, m4) a text's title says its figures cover, or None (a whole year's, or no title)."""
    title = next((ln for ln in _head_lines(norm, 3) if ln.strip() and not _URL.match(ln.strip())), "")
    if len(title) > 60:
        return None  # a body's first paragraph, not a title
    title = _TITLE_PLAN.sub(" ", title)
    code = period_in_context(title, len(title), year)
    if code and code.startswith("m"):
        return code
    if m := _TITLE_MONTH.search(title):
        try:
            return parse_period(m.group(0).strip(), year).code
        except PeriodError:
            return None
    return None


def _report_period(norm: str, facts: list[Fact], year: int | None) -> str:
    """The span the report covers: the period most of its figures share, else what its title and first lines
    name (上半年, 1–8月, 五年来), else the report's year."""
    codes = [f.period for f in facts]
    if codes:
        best = max(set(codes), key=codes.count)
        if codes.count(best) * 2 > len(codes):
            return best
    head = "\n".join(norm.split("\n", 4)[:4])[:300]
    return period_in_context(head, len(head), year) or ANNUAL


def _future_spans(sentence_text: str, offset: int) -> list[tuple[int, int]]:
    """The stretches of a sentence that state a plan or a target: from each future mark to the sentence's end,
    or to a word saying what was actually done (计划筹资3500万,…实际筹措资金5115万元)."""
    spans = []
    pos = 0
    while (fm := _FUTURE_MARK.search(sentence_text, pos)) is not None:
        done = _ACTUAL.search(sentence_text, fm.end())
        end = done.start() if done else len(sentence_text)
        start = fm.start()
        if fm.group(0) in ("可享", "均可参加"):  # 20万农民工可享免费培训: who may get it stands before the mark
            start = max(sentence_text.rfind(c, 0, start) for c in ",:") + 1
        spans.append((offset + start, offset + end))
        if done is None:
            break
        pos = done.end()
    spans += [(offset + m.start(), offset + m.end()) for m in _QUOTA.finditer(sentence_text)]
    return spans


def _once(facts: list[Fact], text: str) -> list[Fact]:
    """Each figure once: a headline, the body and a closing summary often state the same one. The same value
    twice in one paragraph with other words (发放0.2万元学习用品,…慰问金0.2万元) is two figures."""
    from bisect import bisect_right

    breaks = [m.start() for m in re.finditer("\n", text)]  # the line of an offset by bisection: linear in all
    seen: dict[tuple[str, float], list[tuple[Fact, int]]] = {}
    out = []
    for f in facts:
        same = seen.setdefault((f.indicator, f.value), [])
        line = bisect_right(breaks, f.start - 1)  # newlines before f.start, as text.count("\n", 0, f.start)
        if not any(g.evidence == f.evidence or g_line != line for g, g_line in same):
            out.append(f)
        same.append((f, line))
    return out


def _last_digit(f: Fact) -> float:
    """What the last digit written before 万 / 亿 is worth (超5.7万名: 1000), at most 5 % of the value; 0 for a
    number written without them; the whole value for a magnitude said in words alone (上亿元, 上万名, 近千人), which
    tells no more than its order."""
    if f.value > 0 and not re.search(r"\d", f.evidence) and math.log10(f.value).is_integer():
        return f.value
    for m in re.finditer(r"(\d+)(?:\.(\d+))?(万|亿)", f.evidence):
        scale = 1e4 if m.group(3) == "万" else 1e8
        if abs(float(m.group(0)[:-1]) * scale - f.value) < 1e-6 * scale:
            return min(scale / 10 ** len(m.group(2) or ""), 0.05 * f.value)
    return 0.0


def _rounded_once(facts: list[Fact], text: str) -> list[Fact]:
    """A figure told rounded in a headline or lead (56万多名, 超5.7万名, 近3万人) and exact in the body (560296人参加,
    57768人) is one figure: the exact one stays. Only across lines, of one indicator, period and unit, the rounded one
    within 1 % of the exact or within what its last digit is worth (5.7万: 1000, at most 5 %), and on the side its
    qualifier says (多/余/超 below it, 近 above)."""
    line = [text.count("\n", 0, f.start) for f in facts]
    drop = set()
    for i, f in enumerate(facts):
        if f.qualifier not in ("more_than", "nearly", "approx"):
            continue
        for j, g in enumerate(facts):
            if (
                j != i
                and g.qualifier == "exact"
                and g.indicator == f.indicator
                and g.period == f.period
                and g.unit == f.unit  # 约1.8万职工 and 18860人次 are persons and visits
                and line[j] != line[i]
                and abs(g.value - f.value) <= max(0.01 * g.value, _last_digit(f))
                and (f.qualifier == "approx" or (f.value <= g.value) == (f.qualifier == "more_than"))
            ):
                drop.add(i)
                break
    return [f for i, f in enumerate(facts) if i not in drop]


# ---------------------------------------------------------------------------------------------
# who and when


NATIONAL = "中华全国总工会"


def _path(name: str, whole: bool = False) -> bool:
    """A place or a path of places (is_place_path), but not one that begins with a conjunction (领导和县总工会: 和县 is
    a county, and here 和 joins two bodies) unless it is the whole of what was read (和县总工会 opening a sentence)."""
    return is_place_path(name) and (whole or name[:1] not in "和与及")


def _placed(name: str) -> bool:
    """Whether a name is one place of the places file with its level (太和县, 和平区: their 和 joins no two bodies)."""
    m = re.fullmatch(r"(.+?)(?:省|自治区|市|区|县|州|盟|旗)", name)
    return bool(m and is_place(m.group(1))) or _path(name)  # 呼和浩特市赛罕区: a path of places too


_TERM_ORDINAL = re.compile(r"第[\d一二三四五六七八九十百]+[届次]")
_SEVERAL_BODIES = re.compile(r"兄弟|友好城市|有关|相关|各级|各地")  # 友好区 is a district of 伊春


def _clean_name(raw: str) -> str | None:
    """记者近日从市总工会 → None (no name), 举产生了杜集区总工会 → 杜集区总工会, 山东莒县总工会 → 莒县总工会."""
    # 第六届区总工会第六次全委会: an ordinal of a term is no part of the name; 淮海经济区兄弟城市总工会 names no one
    # body but several
    if ordinal := _TERM_ORDINAL.search(raw):
        raw = raw[ordinal.end() :]
    if _SEVERAL_BODIES.search(raw):
        return None
    alias = re.search(r"\([^()]*\)(?=总工会$)", raw)
    if alias:  # 柳东新区(高新区)总工会: the name is read without its bracketed second name, which then goes back in
        name = _clean_name(raw[: alias.start()] + raw[alias.end() :])
        return name[: -len("总工会")] + alias.group(0) + "总工会" if name else None
    suffix = "总工会" if raw.endswith("总工会") else "工会"
    # 太和县, 和平区, 日照市东港区: a place or a path of places of the places file is not cut (at its 和, its 日)
    placed = next(
        (
            k
            for k in range(len(raw) - len(suffix) - 1)
            if _placed(raw[k : -len(suffix)]) or k == 0 and _path(raw[: -len(suffix)], whole=True)
        ),
        len(raw),
    )
    name = _ORG_LEADING.sub("", raw)
    if len(raw) - len(name) > placed:
        name = raw[placed:]
    if re.fullmatch(r"(?:中华)?全国总工会", name):
        return NATIONAL
    prefix = name[: -len(suffix)]
    placed -= len(raw) - len(name)
    stops = [m for m in _ORG_STOP.finditer(prefix) if m.start() < placed]
    for m in reversed(stops):
        rest = prefix[m.end() :]
        if (
            m.group(0) in "和与及"
            and any(p.end() == m.start() and p.group(0) in _PREPOSITIONS for p in stops)
            and _path(m.group(0) + rest, True)
        ):
            continue  # 记者从和县总工会: after a preposition, 和 begins a place (和县, 和田地区), no conjunction
        if _LEVEL_ONLY.fullmatch(rest + suffix):
            return None  # 提出了街道总工会: what follows the verb is a level with no place
        # 从化区: a cut leaving one character and a level is a place name, unless that is one (和莒县 → 莒县)
        if len(rest) == 1 or len(rest) >= 3 or _path(rest, whole=m.group(0) not in "和与及"):
            name = name[m.end() :]
            break
    m = re.search(r"(?:" + _PROVINCE_SHORT.pattern + r")(?:省|自治区|市)", name)
    if m and m.start() > 0:
        name = name[m.start() :]  # …致电云南省鲁甸县总工会: a name starts at its province
    prefix = name[: -len(suffix)]
    # (a county of one character after one character only is no cut: 高雄县 is no 雄县, though the file lacks 高雄县)
    cut = next((k for k in range(1, len(prefix) - 1) if _path(prefix[k:]) and (k >= 2 or len(prefix) - k > 2)), 0)
    if cut and not _placed(prefix) and not re.search(r"[省市区县州盟旗]", prefix[:cut]):
        # 届时洋县总工会, 会同勉县总工会: words with no level before a place or path of places are no part of its name
        name = name[cut:]
    m = re.match(r"((?:(?![省市区县州盟旗自])[\u4e00-\u9fff]){3,8}?)(?:省|自治区|市|区|县|州|盟|旗)", name)
    if m and not is_place(m.group(1)):
        # 记者随巴中市总工会, 昨天听说庆云县总工会: the words before a place of the places file are no part of its name
        cut = next((k for k in range(1, len(m.group(1)) - 1) if is_place(m.group(1)[k:])), 0)
        name = name[cut:]
    m = _PROVINCE_SHORT.match(name)
    if (
        m
        and not re.match(r"省|市|自治区", name[m.end() :])
        and len(name) - m.end() > 4
        and not is_place_path(name[: -len(suffix)])  # 宁夏回族自治区 is one name, 山东莒县 two
        and not re.match(
            r"[\u4e00-\u9fff]{0,4}?自治区", name[m.end() :]
        )  # 广西壮族自治区柳东新区: a region's full name
    ):
        name = name[m.end() :]
    level = re.search(r"省|自治区", name)
    if level and not re.match(r"(?:" + _PROVINCE_SHORT.pattern + r"|陜西)", name) and not 2 <= level.start() <= 3:
        return None  # 超额完成省总工会, 第一时间响应省总工会: words run into 省总工会; a province's name is short
    if level and level.group(0) == "自治区" and not name.startswith(_REGIONS):
        return None  # 当选新一届自治区总工会主席: there are five autonomous regions, and 新一届 is none of them
    if (
        len(name) <= len(suffix) + 1
        or re.search(r"[和及与、委]", name)
        and not _placed(name[: -len(suffix)])
        and not _path(name[: -len(suffix)], whole=True)  # 和县, 和田地区: the whole of what was read is the place
        or re.match(r"[全各本该我]", name)
        and not _placed(name[: -len(suffix)])  # 全椒县, 本溪市: places whose names begin so
        or _LEVEL_ONLY.fullmatch(name)
        or "级" in name[: -len(suffix)]  # 上级两级市总工会, 县乡两级工会: levels, no place has 级 in its name
    ):
        return None  # 市总工会 alone names nobody; 市委和省总工会 is two bodies run together; 全镇工会 is all of them
    return name


# 宝鸡市总工会网站, 首页 > 工作动态, 当前位置: a page's banner or breadcrumb over its title, which names the site's
# owner, not the story's
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:\S{0,24}(?:网站|官网|门户网站?|(?:工会|新闻|在线|日报|晚报|职工)网)|.*(?:>|›|»|当前位置|您的位置|首页\s*[-/|]).*)\s*$"
)


def _title_line(norm: str) -> str:
    """The text's title: the first of its head lines that is not blank nor a source address, else ""."""
    return next((ln for ln in _head_lines(norm, 3) if ln.strip() and not _URL.match(ln)), "")


def _head_lines(norm: str, n: int) -> list[str]:
    """The first n lines of a text that are neither its source address nor a page's banner or breadcrumb."""
    lines = norm.split("\n")
    kept = [ln for ln in lines[: n + 4] if _URL.match(ln.strip()) or not _PAGE_FURNITURE.match(ln)]
    return kept[:n]


_PROFILE_LINE = re.compile(r"(?m)^[^\n]{0,20}?总?工会简介[^\n]*")
_UNION_FEDERATION_TITLE = re.compile(
    r"(?:^|——|—|:|\s)((?:[\u4e00-\u9fff]|\([\u4e00-\u9fff]{2,4}\)){2,20}?工会联合会)"
    r"(?=开展|举办|召开|组织|走访|慰问|举行|启动|深入|为|成立|积极|全力|扎实)"
)


# 西安市总聚焦货车司机…, 鲁甸县总迅速…: a place's 市总 / 县总 / 区总 is its federation's short name (not 全县总投资,
# 县总人口, 市总队)
_SHORT_FEDERATION = re.compile(
    r"(?<=[市县区])总(?!工会|数|量|额|计|共|体|和|值|投资|产值|人口|面积|规模|收入|支出|经理|书记|指挥|队|院|局|站|部"
    r"|公司|医院|工程师|监|裁|决赛|冠军|成绩|分|结|的|规划|目标|任务|要求)"
)


def _spelt_out(norm: str) -> str:
    """The text with each place's 市总 / 县总 / 区总 written out as its 总工会 (西安市总 → 西安市总工会)."""
    out, last = [], 0
    for m in _SHORT_FEDERATION.finditer(norm):
        if any(_placed(norm[m.start() - k : m.start()]) for k in range(3, 8) if m.start() - k >= 0):
            out += [norm[last : m.end()], "工会"]
            last = m.end()
    return "".join(out) + norm[last:] if out else norm


# a province's or a city's industry union (产业工会: 省林业工会, 青海省建设工会, 市教育工会), which reports as a
# federation does
_INDUSTRY_UNION = re.compile(
    r"(?:(?:"
    + _PROVINCE_SHORT.pattern
    + r")(?:省|自治区|市)?|(?:(?<![\u4e00-\u9fff])|(?<=[的了在和与及为向对据从]))(?:省|自治区|市))"
    r"(?:建设|建筑|林业|国防|国防科技|教育|教科文卫|财贸|财贸轻纺烟草|轻纺|烟草|机械|机械冶金|冶金|建材|"
    r"能源|能源化学|化学|化工|地质|交通|交通运输|运输|海员|邮电|农林|农林水利|水利|农业|金融|卫生|卫生健康|医务|铁路|民航|"
    r"电力|石油|煤矿|煤炭|电子|电子信息|科技|文化|旅游|商业|粮食|供销|邮政)工会"
)


def industry_union(norm: str) -> str | None:
    """The industry union a text that names no federation is about: the one its title names, else the one it names
    most, twice at least (市教育工会 named once beside the teachers it aided is no reporting body)."""
    if m := _INDUSTRY_UNION.search(_title_line(norm)):
        return m.group(0)
    counts = Counter(m.group(0) for m in _INDUSTRY_UNION.finditer(norm))
    most = max(counts, key=lambda n: (counts[n], len(n)), default=None)
    return most if most and counts[most] >= 2 else None


def find_organisation(norm: str) -> str | None:
    """The federation the report is about (_named_federation); where that finds none but the national body, the
    one a place's short name (西安市总聚焦…) stands for, as if written out."""
    found = _named_federation(norm)
    if found in (None, NATIONAL) and (spelt := _spelt_out(norm)) != norm:
        return _named_federation(spelt) or found
    return found


def _named_federation(norm: str) -> str | None:
    """The federation the report is about: the first one named in the title lines, else in the opening, else the
    most named; a text that only says 市总工会 takes its place from the title (石狮总工会…, 安徽省祁门县…)."""

    # 青海省总工会简介 中国工会是…省总工会主要职能: a line that is a site's box about the body running the site names
    # no one the text is about (blanked, so offsets hold)
    norm = _PROFILE_LINE.sub(lambda m: " " * len(m.group(0)), norm)
    # 万源市总工会一行来我县考察, 扬州市总工会检查组来邮调研…我市总工会: in a text that speaks of itself, a
    # federation named only as the visiting party is not the one reporting
    visiting = set()
    if re.search(r"我[县市区镇]", norm):
        named_as = {}
        for m in _ORG.finditer(norm):
            n = _clean_name(m.group(1))
            if n:
                at = m.end() - len(n)
                # 深入学习贯彻…精神,成都市总工会十二届全委会精神 in a text that says 我镇工会: the body whose line it
                # carries out
                superior = bool(
                    _CARRIES_OUT.search(re.split(r"[。;\n]", norm[max(0, at - 40) : at])[-1])
                    and _SPIRIT.match(norm, m.end())
                )
                named_as.setdefault(n, []).append(bool(_VISITING_PARTY.match(norm, m.end())) or superior)
        visiting = {n for n, roles in named_as.items() if all(roles)}
    # 宜君县总工会被省总工会授予…, 连续多年荣获江西省总工会授予的…称号: a federation named only as the one that
    # honours the reporting union is not it
    honouring: dict[str, list[bool]] = {}
    for m in _ORG.finditer(norm):
        n = _clean_name(m.group(1))
        if n and n != NATIONAL:
            at = m.end() - len(n)  # where the name starts once the words run into it are cut off
            honouring.setdefault(n, []).append(
                bool(_HONOURED_BY.search(norm[max(0, at - 6) : at]) and _HONOURS.match(norm, m.end()))
            )
    visiting |= {n for n, roles in honouring.items() if all(roles)}

    def names(text: str) -> list[str]:
        found = [n for m in _ORG.finditer(text) if (n := _clean_name(m.group(1)))]
        # 获全国总工会表彰: the national body is a last resort
        return [n for n in found if n != NATIONAL and n not in visiting]

    # …签订了帮扶合作协议。(从江县总工会 肖海波), …热潮。(凉山州总工会): a story signed at its end by a federation, alone
    # or with its writers' names, is that federation's, whoever else it names as visiting or visited
    for m in reversed(list(_BYLINE.finditer(norm, max(0, len(norm) - 400)))):
        signed = _clean_name(m.group(1))
        if signed and signed != NATIONAL:
            return signed
    # 新城区工会联合会开展双节“送温暖”活动, 温暖同行——辽宁(营口)沿海产业基地工会联合会开展…: a title whose subject is a
    # union federation of a district or a zone (no 总工会) names the body reporting
    for ln in _head_lines(norm, 3):
        if ln.strip() and not _URL.match(ln):
            m = _UNION_FEDERATION_TITLE.search(ln)
            if m and not re.match(r"(?:各|区域|行业|基层|联合)", m.group(1)) and "工会" not in m.group(1)[:-5]:
                return m.group(1)
            break
    head = "\n".join(_head_lines(norm, 3))
    counts: dict[str, int] = {}
    for name in names(norm):
        counts[name] = counts.get(name, 0) + 1
    # 东华门街道工会 and 东城区东华门街道总工会 are one body: the fuller name stands for both
    alias: dict[str, str] = {}
    for short in sorted(counts, key=len):
        place = re.sub(r"总?工会$", "", short)
        fuller = [
            n
            for n in counts
            if n != short
            and n.endswith("总工会")
            and (rest := re.sub(r"总?工会$", "", n)).endswith(place)
            and re.fullmatch(r"(?:[\u4e00-\u9fff]+(?:省|自治区|市|区|县|州|盟|旗))?", rest[: len(rest) - len(place)])
        ]
        if fuller:
            alias[short] = max(fuller, key=len)
            counts[alias[short]] += counts.pop(short)
    # 天津经开区总工会 in a title, 天津经济技术开发区总工会 in the body: a zone's short name (not a place's) stands for
    # the full one the text writes out
    for short in sorted(counts, key=len):
        place = re.sub(r"总?工会$", "", short)
        if not place.endswith("区") or is_place(_place(short)[:-1]):
            continue  # 江宁区 is a place, never short for 江宁开发区
        fuller = [
            n
            for n in counts
            if len(n) > len(short)
            and n[:2] == short[:2]
            and (rest := re.sub(r"总?工会$", "", n)).endswith("开发区")
            and _subsequence(place, rest)
        ]
        if fuller:
            alias[short] = max(fuller, key=len)
            counts[alias[short]] += counts.pop(short)
    most = max(counts, key=counts.get) if counts else None
    title = _title_line(norm)
    # 黔南广州两地工会…: a title may name a place without its level (黔南 for 黔南州总工会), where the short name is a
    # place at one level only (承德 is a city and a county: 承德各级工会 names neither 承德县 nor 承德市 for sure)
    in_title = [
        n
        for n in counts
        if len(place := _place(n)) >= 2
        and (
            place in title
            or len(short := re.sub(r"(?:省|自治区|市|区|县|州|盟|旗)$", "", place)) >= 2
            and short in title
            and len(place_levels(short)) == 1
        )
    ]
    if in_title:  # 玉溪市第二十二期职工医疗互助活动… names 玉溪市总工会's place, not 云南省总工会's
        return max(in_title, key=lambda n: (counts[n], len(n)))
    # 安阳市各级工会关爱农民工, 赣州市各级工会形成…机制: a title telling what all the unions of a place did is that
    # place's federation's, over the county federations the body names as its examples
    if all_of_title := organisation_of_all_unions(title):
        return all_of_title
    bare_counts = _bare_levels(norm)
    m = _PROVINCE_SHORT.match(title)
    level = ("市" if m.group(0) in _MUNICIPALITIES else "自治区" if m.group(0) in _REGIONS else "省") if m else ""
    if (
        m
        and (
            re.match(r"(?:全省|全区|全市|省|自治区|市)?总?工会", title[m.end() :])
            # 湖南省去年超5万…加入工会 over a text that says 记者从省总工会获悉 and names no federation
            or not counts
            and level != "市"
            and title.startswith(level, m.end())
            and bare_counts.get(level)
            and not _opening_place(title[m.end() + len(level) :], short_names=False)  # 安徽省祁门县1587名…
        )
    ):
        # 山东工会依法为民工撑腰, 福建省工会“两节”筹集上亿元: a headline naming a province's unions is about its
        # federation, over the city federations its body names as examples
        return _provincial_federation(m.group(0), level)
    if (
        counts
        and len(counts) >= 2
        and max(counts.values()) == 1
        and bare_counts.get("市", 0) >= 2
        and bare_counts.get("市", 0) == max(bare_counts.values())
        and all(re.search(r"[县区]总工会$|[^省]市总工会$", n) for n in counts)
        and sum(bool(re.search(r"[县区]总工会$", n)) for n in counts) * 2 >= len(counts)
    ):
        # 市总工会 reporting, 博爱县总工会、孟州市总工会… named once each as its examples: whose they are is unknown
        return _bare_federation(norm)
    for text in (head[:200], norm[:400]):
        found = [alias.get(n, n) for n in names(text) if alias.get(n, n) in counts]
        if found:
            # 爱心企业向双城区总工会捐赠… opens a text that names 黑龙江省总工会 three times: the one it is about
            if most and counts[most] >= 3 and counts[most] > 2 * counts[found[0]]:
                return most
            return found[0]
    if most:
        return most
    national = list(re.finditer(r"(?:中华)?全国总工会|全总(?=[在于召发公的副书党])", norm[:1000]))
    # 中华全国总工会又投入12万元,为长春市的…建设了职工书屋 in 长春日报's text that says 市总工会: the national body acts
    # in a city's story, whose federation the paper names
    lower = {lv: n for lv, n in bare_counts.items() if lv in ("市", "县", "区", "镇")}
    local = _bare_federation(norm) if lower else None
    if local and local not in visiting:
        return local
    # 记者从省总工会获悉…我省…四川共选树…: a text that speaks as a province's (我省) and cites its 省总工会, naming one
    # province, is that province's federation's
    speaks_for = re.search(r"我(省|区)(?!委|政府)", norm)
    level = {"省": "省", "区": "自治区"}[speaks_for.group(1)] if speaks_for else ""
    if speaks_for and bare_counts.get(level):
        provinces = {
            p.group(0)
            for p in _PROVINCE_SHORT.finditer(_URL.sub(" ", norm))
            if (p.group(0) in _REGIONS) == (level == "自治区") and p.group(0) not in _MUNICIPALITIES
        }
        if len(provinces) == 1:
            return _provincial_federation(provinces.pop(), level)
    if (
        national
        and not all(_NATIONAL_AS_PRAISER.search(norm[max(0, m.start() - 5) : m.end()]) for m in national)
        and not re.search(r"我[县市区镇]", norm)  # 全国总工会调研组来我县: the national body never says 我县
    ):
        return NATIONAL  # a text naming no other federation; 全总 is the national one's usual short name
    # 州总工会…为全州8675名困难职工 in 《甘孜日报》, 玉树藏族自治州各级工会…全州: a text that speaks as a prefecture's
    # and names one autonomous prefecture is its federation's
    if _PREFECTURE_SELF.search(norm) and (
        prefecture := prefecture_named(_URL.sub(" ", norm), tuple(_PROVINCE_SHORT.pattern.split("|")))
    ):
        return prefecture + "总工会"
    named = _bare_federation(norm)
    if named and named not in visiting:
        return named
    if visiting:
        return None
    for m in re.finditer(r"(?:[\u4e00-\u9fff]{2,6}|XX)[省市区县]工会", norm[:3000]):
        stops = list(_ORG_STOP.finditer(m.group(0)[:-3]))
        name = _ORG_LEADING.sub("", m.group(0)[stops[-1].end() :] if stops else m.group(0))
        # 日从全省工会, 全年我区工会, XX年度全区工会工作: all the unions of a place, no name
        if (
            len(name) >= 5
            and not _LEVEL_ONLY.fullmatch(name)  # 高新区工会召开…: a level with no place names nobody
            and not re.match(r"[全各本该我]", name)
            and not re.search(r"[全各本该我两二三四五六七八九十几多][省市区县]工会$", name)  # 两省工会: a count
        ):
            return name
    return None


# 区总工会充分发挥职能作用, 镇工会在镇党委领导下 (a 范文 site's template, a district paper's page): a text that names its
# federation by its level alone, and no place anywhere, is that level's federation, which staff choose (the level is
# what the text says: never a place guessed)
_OWN_LEVEL = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[从向对据由在到和与及该我本府,自]))(自治区|街道|[市县区省镇乡旗州盟])(总?)工会(?!联合会|主席|干部)"
)


# 承德各级工会开展两节送温暖慰问活动, 近年来赣州市各级工会…: the unions of one place, all of them
_ALL_UNIONS = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:全[省市县区州旗盟])?各级工会")


def organisation_of_all_unions(norm: str) -> str | None:
    """承德市总工会 for a text that names no federation of its own and tells what all the unions of one place did
    (承德各级工会开展…慰问活动: a round-up its federation publishes); None where it names no such place, or more than one.
    A short name that is a place at two levels (承德: a city and a county) takes the level the text names a
    federation by most often (市总工会)."""
    bare = _bare_levels(norm)
    found = set()
    for m in _ALL_UNIONS.finditer(norm):
        words = m.group(1)
        for k in range(len(words) - 1):
            tail = words[k:]
            if tail[-1] in "省市县区州旗盟" and tail[-1] in place_levels(tail[:-1]):
                found.add(tail)
                break
            if re.fullmatch(r"全[省市县区州旗盟]", tail):
                break  # 全州各级工会 is all the unions of the prefecture, not of 全州县
            levels = set(place_levels(tail)) & set("市县区州旗盟")
            if len(levels) > 1 and (named := sorted((bare[lv], lv) for lv in levels if lv in bare)):
                # the level the text names most often (市总工会 ten times, 县总工会 of its counties seven)
                levels = {named[-1][1]} if len(named) == 1 or named[-1][0] > named[-2][0] else levels
            if levels:  # a place at two levels the text tells not apart counts as a place, to refuse
                found.add(tail + levels.pop() if len(levels) == 1 else tail)
                break
    place = found.pop() if len(found) == 1 else None
    # a short name left without its level (a place at two levels) names no federation
    return place + "总工会" if place and place[-1] in "省市县区州旗盟" else None


# a visit's title: who goes to (到/赴/至/来/走进/深入) a place, and what for (调研, 检查, 视察 …)
_VISIT_TO = re.compile(r"(?:到|赴|至|来|走进|深入)")
_VISIT_WHAT = re.compile(r"调研|检查|考察|视察|督导|督查|慰问|指导")
# [江西] 樟树250个村级工会…, 【本地新闻】: a tag before a title
_TITLE_TAG = re.compile(r"^\s*(?:\[[^\]]{1,8}\]|【[^】]{1,8}】)\s*")


def _opening_place(text: str, short_names: bool = True) -> tuple[str, int] | None:
    """The city, county or district text opens with, with its level, and how much of the text it took: written with
    its level (祁门县…, 长沙市…) or, with short_names, by a short name that is a place at one level only (樟树…); a
    province named before it (福建三明工会…, 湖南新田县…, 重庆綦江区…) only says where it lies."""
    province = re.match(r"(?:" + _PROVINCE_SHORT.pattern + r")(?:省|市|[\u4e00-\u9fff]{0,4}?自治区)?", text)
    if province and (deeper := _opening_place(text[province.end() :], short_names)):
        return deeper[0], province.end() + deeper[1]
    for k in range(min(8, len(text)), 1, -1):
        head = text[:k]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", head):
            continue
        if head[-1] in "市县区州旗盟" and head[-1] in place_levels(head[:-1]):
            return head, k
        if short_names and len(levels := place_levels(head)) == 1 and (level := next(iter(levels))) in "市县区州旗盟":
            return head + level, k
    return None


def organisation_of_its_title_place(norm: str) -> str | None:
    """汝南县总工会 for a text that names no federation of its own and whose title opens with the county or city it
    tells of (汝南县成立建筑业工会联合会, 鲁山县积极开展工资集体协商工作, 合肥首次将困难职工帮扶纳入民生工程,
    [江西] 樟树250个村级工会…, 黄石工会概况): the place's union work, as its federation reports it; None where the title opens with
    no such place, with a province (a province's text names its federation), or with a short name that is a place at
    two levels."""
    if "工会" not in norm:
        return None
    title = next((ln for ln in _head_lines(norm, 3) if ln.strip() and not _URL.match(ln.strip())), "")
    title = _TITLE_TAG.sub("", title)
    # 向25.6万余人次职工发放1.34亿元补助金!普洱市职工医疗互助保障成效显著: each part of a title in two parts opens as one
    parts = re.split(r"[!！?？:：|｜]|——|\s+", title)
    for part in parts:
        if opening := _opening_place(part):
            place, k = opening
            # 黄石工会概况: the unions of the city, its federation's; 某县总工会… the text would have named itself
            return None if part.startswith(("总工会", "工会联合会"), k) else place + "总工会"
    # 省总工会到兴仁县调研农民工集中入会情况, …一行至海曙区…调研: a visit's news tells of the union work of the place visited
    for part in parts:
        for m in _VISIT_TO.finditer(part):
            if (opening := _opening_place(part[m.end() :], short_names=False)) and _VISIT_WHAT.search(part, m.end()):
                return opening[0] + "总工会"
    return None


def own_level(norm: str) -> str | None:
    """区总工会 / 镇工会 for a text that names its federation by that level alone (more than once, or in its title),
    where neither the text nor its address names a place; a province's 省总工会 is not taken so (a district's text
    cites its province's federation by it)."""
    title = _title_line(norm)
    # 我区工会 is all the unions of the district; a township's own is 镇工会 as often as 镇总工会
    found = [
        (m.group(1), m.group(2))
        for m in _OWN_LEVEL.finditer(_URL.sub(" ", norm))
        if m.group(2) or m.group(1) in ("镇", "乡", "街道")
    ]
    if not found:
        return None
    order = ("镇", "乡", "街道", "区", "县", "旗", "市", "州", "盟", "自治区", "省")
    lowest = min({lv for lv, _ in found}, key=order.index)
    if lowest in ("自治区", "省"):
        return None
    found = [f for f in found if f[0] == lowest]
    in_title = [f for f in found if f[0] + f[1] + "工会" in title[:20]]
    count = Counter(found)
    best = in_title[0] if in_title else max(count, key=count.__getitem__)
    if not in_title and count[best] < 2:
        return None  # named once, in passing: no federation of its own
    return best[0] + best[1] + "工会"


def organisation_from_address(norm: str) -> str | None:
    """县总工会 / 我县 in a page of huangzhong.gov.cn, where the text names no place of its own: a government site's
    address names it (etl/places.py), at a level the text names its federation by."""
    levels = (
        set(_bare_levels(norm))
        | set(re.findall(r"我([县市区旗])", norm))
        | set(re.findall(r"(?:(?<![\u4e00-\u9fff])|(?<=[我本]))([州旗盟])总工会", norm))  # 州总工会 of a 自治州
    )
    address = next((m.group(0) for ln in norm.split("\n")[:2] if (m := _URL.match(ln.strip()))), "")
    if levels and address and (place := government_site_place(address, levels)):
        return place + "总工会"
    return None


def _bare_federation(norm: str) -> str | None:
    """The federation a text names only as 市总工会 / 省总工会 …: its place from the title (石狮总工会…), from 安徽省
    祁门县… near the start, from the city's or province's own paper, or from the one province the text names."""
    body = _URL.sub(" ", norm)  # the text without its source addresses
    bare = [lv for lv, n in _bare_levels(norm).items() for _ in range(n)]
    if bare:
        # 根据省总工会要求 in a city's text: the province is named only when no city, county or district is
        lower = [lv for lv in ("市", "县", "区", "镇") if lv in bare] or [lv for lv in ("省", "自治区") if lv in bare]
        level = max(lower, key=bare.count)
        title = _title_line(norm)
        m = re.match(r"([\u4e00-\u9fff]{2,3}?)(?:" + level + r")?总(?:工会)?", title)
        # 街道总工会工作总结 over a text that says 区总工会 (its higher body): 街道 is a level, no place
        # 今年县总工会…: a time word is no place; 工作总结 (总 with no level and no 工会) names none unless a place
        if (
            m
            and not re.search(r"全国|中华|省|各|本|该|我|全|自治|区$|街道|社区|乡镇|园区|" + _TIME_WORDS, m.group(1))
            and (m.group(0).endswith(("工会", level + "总")) or is_place(m.group(1)))
        ):
            return m.group(1) + level + "总工会"
        # 邯郸市20万农民工可享免费技能培训 over a text that says 市总工会: the title opens with its place
        m = re.match(r"([\u4e00-\u9fff]{2,3}?" + level + r")(?=\d|今年|全[市县区镇])", title)
        if m and not re.search(r"全国|中华|省|各|本|该|我|全", m.group(1)):
            return m.group(1) + "总工会"
        m = re.search(r"(?<=省)([\u4e00-\u9fff]{2,3}?)" + level + "(?!级)", norm[:300])
        if m and not re.search(r"[首全各本该我家]", m.group(1)):
            return m.group(1) + level + "总工会"
        # 市总工会 in a city's own paper (渭南日报, 兰州晚报, 厦门商报): that city's federation
        # a three-character city whole where its name stands alone (哈尔滨日报社 on its own line, not 据泉州晚报)
        papers = [
            p
            for p in (
                a or b
                for a, b in re.findall(
                    r"(?:(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})|([\u4e00-\u9fff]{2}))(?:日报|晚报|商报|都市报)",
                    norm,
                )
            )
            if not _NATIONAL_PAPER.match(p)
        ]
        # (闽西日报 is a region's paper, no city's: the paper's name must be a place)
        if level == "市" and papers and len(set(papers)) == 1 and is_place(papers[0]):
            return papers[0] + "市总工会"
        # 省总工会 in a province's own paper (据《陕西日报》): that province's federation
        provinces = [p for p in papers if _PROVINCE_SHORT.fullmatch(p)]
        if level == "省" and provinces and len(set(provinces)) == 1:
            return provinces[0] + "省总工会"
        shorts = set(_PROVINCE_SHORT.findall(body))
        if level in ("省", "自治区") and len(shorts) == 1 and level + "总工会" in "\n".join(norm.split("\n", 3)[:3]):
            # 省总工会 … 陕西省技术能手, 自治区总工会 … 内蒙古职工: the one province the text names
            short = shorts.pop()
            if level == "省" and short not in _REGIONS + _MUNICIPALITIES or level == "自治区" and short in _REGIONS:
                return _provincial_federation(short, level)
        if level in ("市", "县", "区"):
            # 秀屿区领导带领区总工会…, 这是我市…对南昌市…: the one place of its level the text names
            roots = set()
            for m in re.finditer(level + r"(?!委|政府|人大|政协|总工会|级|内|直|属|长|域|划|县|市|区)", body):
                three, two = body[max(0, m.start() - 3) : m.start()], body[max(0, m.start() - 2) : m.start()]
                if len(three) == 3 and not "\u4e00" <= body[m.start() - 4 : m.start() - 3] <= "\u9fff":
                    two = (
                        three
                        if re.fullmatch(r"[\u4e00-\u9fff]{3}", three) and not _NOT_OWN_PLACE.search(three)
                        else two
                    )
                if re.fullmatch(r"[\u4e00-\u9fff]{2,3}", two) and not _NOT_OWN_PLACE.search(two):
                    roots.add(two)
            # a place is one of the places file's (not 业强 of 工业强县, nor 指导 of 指导市供销系统)
            roots = {r for r in roots if is_place(r)}
            if len(roots) == 1:
                return roots.pop() + level + "总工会"
    # 昆明五华区总启动春节送温暖, 宜昌市总主动融入…: X区总 / X市总 is a federation's short name (not 县总人口, 市总面积)
    head = _URL.sub(" ", norm[:600])
    for m in _SHORT_FORM.finditer(head):
        place = m.group(1)
        if (
            len(place) == 3
            and m.start() > 0
            and "\u4e00" <= head[m.start() - 1] <= "\u9fff"
            and head[m.start() - 1] not in "省市州"
        ):
            place = place[1:]  # 昆明五华区总: the district is 五华区
        # 按照市总年初的部署: a verb before 市总 is no place; the place is one of the places file's, as above
        if not re.match(r"[全各本该我每县市区]", place) and is_place(place):
            return place + m.group(2) + "总工会"
    # 本市工会系统…为构建和谐天津做出贡献, 我镇总工会…为建设富裕文明和谐黄家埠添砖添瓦: the place its slogan names
    places = {m.group(1) for m in _SLOGAN_PLACE.finditer(norm) if not _NOT_A_PLACE.search(m.group(1))}
    own = re.findall(r"(?:本|我|全)([市县区镇])(?:工会|总工会|各级工会)", norm)
    if len(places) == 1 and own:
        place, level = places.pop(), max(("市", "县", "区", "镇"), key=own.count)
        return place + ("" if place.endswith(level) else level) + "总工会"
    # 县总工会在竹山一中举行…, 在巢湖跨越赶超中: the one place of its level the text names by its short form alone
    if bare and level in ("市", "县", "区") and (place := place_named_alone(body, level)):
        return place + "总工会"
    return None


# 州总工会, 州、县总工会, 全州 / 我州: the prefecture's own federation and unions (not 全州县, 本州市)
_PREFECTURE_SELF = re.compile(r"(?<![\u4e00-\u9fff])州(?:、[县市])?总工会|[全我本]州(?![县市])")
_NOT_OWN_PLACE = re.compile(
    r"[全各本该我今去年对为这了就向在和与及的到是等个各每城郊辖]|组织|深入|其中|慰问|建立|推进|接纳|城区|市区"
)
_SHORT_FORM = re.compile(
    r"([\u4e00-\u9fff]{2,3}?)(市|区|县)总(?![人面数额量计投产体结部队站局经书支校医公值收规和工会务])"
)
_SLOGAN_PLACE = re.compile(
    r"(?:建设|构建|打造)[^,。]{0,10}?(?:美丽|和谐|幸福|富裕|文明)([\u4e00-\u9fff]{2,3}?)(?=作出|做出|添砖|贡献|而|,|。|、)"
)
_NOT_A_PLACE = re.compile(r"劳动|社会|稳定|企业|家园|城市|中国|乡村|关系|环境|新")


def _subsequence(short: str, full: str) -> bool:
    """Whether every character of short stands in full, in order (经开区 in 经济技术开发区)."""
    it = iter(full)
    return all(c in it for c in short)


def _place(name: str) -> str:
    """The place a federation's name is of, without the province and city before it: 北京市东城区东华门街道总工会 →
    东华门街道, 玉溪市总工会 → 玉溪市."""
    place = re.sub(r"总?工会$", "", name)
    parts = re.findall(r"[^省市区县州盟旗镇乡]+(?:省|自治区|市|区|县|州|盟|旗|镇|乡|街道)?", place)
    return parts[-1] if parts else place


def _bare_levels(norm: str) -> dict[str, int]:
    """How often the text says 市总工会 / 县总工会 / 区总工会 / 省总工会 with no place before it (来自市总工会 too)."""
    found = re.findall(
        r"(?:(?<![\u4e00-\u9fff])|(?<=[从向对据由在到和与及该我本府,自]))(自治区|[市县区省镇])总工会", norm
    )
    return {lv: found.count(lv) for lv in set(found)}


_BYLINE = re.compile(r"[(（] ?([\u4e00-\u9fff]{2,20}?总?工会)(?: ?[\u4e00-\u9fff]{2,3}){0,3} ?[)）]")
_VISITING_PARTY = re.compile(r"(?:领导)?(?:一行|检查组|考察组|调研组|督导组|慰问团|代表团)|(?:来|到|赴)我[县市区镇]")


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind(c, 0, pos) for c in "。！？!?\n;；") + 1
    ends = [e for c in "。！？!?\n;；" if (e := text.find(c, pos)) >= 0]
    return text[start : min(ends) if ends else len(text)]


_CLOCK_BEFORE = re.compile(r"(?:今天是|今日是|今天|当前时间|现在时间|现在是)\s*[:：]?\s*$")
_PUBLISHED_BEFORE = re.compile(r"(?:发布|发表|发稿|刊发|更新)(?:时间|日期|于)\s*[:：]?\s*$")


def _publication_date(text: str) -> int | None:
    """The year of the first full date that is not the start of a span (成立以来): when the page was published."""
    dated = _publication(text)
    return dated[0] if dated else None


def _publication(text: str) -> tuple[int, int] | None:
    """Year and month of the page's date: the first full date said to be its publication (发布时间:2015-02-26),
    else the first full date; never the start of a span (成立以来) nor the site's clock (今天是:2024-7-16 星期二;
    2024年11月16日 星期六 above 发布时间:2015-02-26 gives way to it)."""
    first = None
    for m in _DATE.finditer(text):
        if re.match(r"[^,。\n]{0,20}?(?:以来|成立)", text[m.end() : m.end() + 24]):
            continue
        if re.match(
            r"(?:至\d{1,2}日)?(?:召开|举行|开幕|闭幕)|至\d{1,2}日[^。\n]{0,30}?(?:召开|举行)",
            text[m.end() : m.end() + 40],
        ):
            # 第一次代表会,1973年8月23日至26日召开, 1951年4月26日至28日,栖东县首次工会代表大会于马陵冢召开: a meeting's
            # date in a history, not the page's
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _CLOCK_BEFORE.search(text[max(line_start, m.start() - 8) : m.start()]):
            continue
        y = int(m.group("y1") or m.group("y2"))
        month = re.search(r"(?:年|[-./])(\d{1,2})(?:月|[-./])", m.group(0)) if m.group("y1") else None
        dated = (y, int(month.group(1)) if month else int(m.group(0).split(".")[1]))
        if _PUBLISHED_BEFORE.search(text[max(line_start, m.start() - 10) : m.start()]):
            return dated
        first = first or dated
    return first


# 2007 年,市总工会继续… / 2013年,区总工会通过…: a year-book entry opens its text with the year it records and the
# union that did it; that year stands however long before the page's date the entry was posted
_ENTRY_YEAR = re.compile(r"\s*((?:19|20)\d\d)\s*年\s*[,，]\s*[^\n,，。]{0,8}?工会")


def _entry_year(body: str) -> int | None:
    """The year a text's first paragraph of prose opens with, when the union is its subject (a year-book entry)."""
    first = next((p for p in body.split("\n") if len(p.strip()) >= 30 and re.search(r"[,，]", p)), "")
    m = _ENTRY_YEAR.match(first)
    return int(m.group(1)) if m else None


_BARE_SINCE = re.compile(r"(?<![自\d])((?:19|20)\d\d)年以来")
_TOLD_AS_TOTAL = re.compile(r"累计|连续|历年|先后")
_MASKED_YEAR = re.compile(r"(?<!\d)(?:19|20)(?:\d?[*xX×_＊]{1,2}|[*xX×_＊]{2})年")
_EPOCH = re.compile(r"(?<!\d)1970(?:-0?1-0?1|/0?1/0?1|\.0?1\.0?1|年0?1月0?1日)(?!\d)(?:\s*0?[08]:00(?::00)?)?")


# the year an address files its page under: a folder (/2020/, /202009/, /2014_01/, /2018-04/, /20200914/), else a
# file named from its date (/t20180801_121145.html, /2018080118083876223.htm: year, month and day, then a number)
_ADDRESS_YEAR = re.compile(
    r"/(20\d\d)(?:[-_]?(?:0[1-9]|1[0-2])(?:[-_]?[0-3]\d)?)?/"
    r"|/[a-z]?(20\d\d)(?:0[1-9]|1[0-2])[0-3]\d(?=[_\d])[\w-]*\.s?html?"
)


def _address_month(urls: str, year: int) -> int:
    """The month an address files its page under after the year (/2026/01/14/, /2024_02/, /t20180801_1.html),
    else 12."""
    m = re.search(rf"/[a-z]?{year}[-_/]?(0[1-9]|1[0-2])", urls)
    return int(m.group(1)) if m else 12


# a month a sentence tells of as this year's or as the end of a count (截至12月上旬, 今年6月份), not a date with its year
_MONTH_TOLD = re.compile(r"(?:截[至止]到?|今年)\s*(1[0-2]|[1-9])\s*月")


# a year-book's edition, named after 年鉴 (武侯年鉴2019, 《吉安市年鉴 2015》, 《中山年鉴·2017》); 2001年鉴统计 names its year
_YEARBOOK_EDITION = re.compile(r"年[鉴鑒]\s*[·・]?\s*((?:19|20)\d\d)(?![\d年])")


def _year_end_stock(text: str, year: int) -> bool:
    """Whether the text tells a stock at the end of that year (截至2025年末, 截止到2024年底)."""
    return bool(re.search(rf"截[至止]到?\s*{year}\s*年\s*(?:年底|底|末)", text))


def find_report_year(norm: str) -> int | None:
    """The year the figures describe.

    A heading naming the year looked back on (2016年工作回顾) wins; else the latest year named in the looking-back
    text, leaving out dates, the start of a span (自2007年以来), anecdotes and, when the page is dated, history more
    than three years before it; else, on an undated page, the start of the one span it tells (2011年以来,…); else
    the page's date (a year earlier for a text that speaks of 去年 and not of 今年, for a whole year told on a page of
    January to April, and for 去年以来 on a page of January to March), which is also the year of a review of the
    years up to it (五年来, 二十年来). Dates in a source address come last.
    """
    # //www.workercn.cn2014-06-24 08:15:02: a page's date glued to the site's address is the page's date
    norm = _COPYRIGHT.sub(" ", _GLUED_DATE.sub(r"\1 ", norm))
    # 1970-01-01: the date a site prints when it has none (the clock's epoch) dates nothing
    norm = _EPOCH.sub(lambda m: " " * len(m.group(0)), norm)
    # 二〇一九年, 二零二三年: a year in Chinese numerals, read as the same number of digits
    norm = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_YEAR_DIGITS), norm)
    urls = " ".join(_URL.findall(norm))
    body = _URL.sub(" ", norm)
    published_on = _publication(body)  # the page's year and month
    published, published_month = published_on if published_on else (None, 12)
    named = _DATE.sub(" ", body)
    years: list[int] = []
    reviewed: list[int] = []  # 总结2023年全县工会工作, 总结回顾2021年…工作情况: the year a meeting looked back on
    headed: list[int] = []  # 2016年工作回顾, 2021年工作总结: a heading or title naming the year looked back on
    said_this_year = False  # 今年 in a sentence that looks back (not a plan)
    says_this_year = False
    said_whole_year = False  # 全年 in a sentence that looks back
    months_told: list[int] = []  # 截至12月上旬, 今年6月份: the months a sentence that looks back tells of
    started: list[int] = []  # 2025年以来,新建工会组织9家: a span opened in a year, told with no running total
    for sent in sentences(named):
        if sent.future:
            continue
        s = _YEAR_RANGE.sub(" ", named[sent.start : sent.end])
        says_this_year = says_this_year or "今年" in s  # a plan's 今年…将 too: the year the text is written in
        if _FUTURE_MARK.search(s) or _ANECDOTE.search(s) or _MEETING_ASKS.match(s):
            continue
        said_this_year = said_this_year or "今年" in s
        said_whole_year = said_whole_year or "全年" in s
        months_told += [int(m) for m in _MONTH_TOLD.findall(s)]
        if not _TOLD_AS_TOTAL.search(s):
            started += [int(y) for y in _BARE_SINCE.findall(s)]
        s = _SINCE.sub(" ", s)
        reviewed += [int(y) for y in _REVIEWED.findall(s)]
        s = _PLANNED.sub(" ", s)  # 部署2024年工作任务: the year planned for, not described
        s = _PLAN_FOR.sub(" ", s)
        found = [int(y) for y in _YEAR.findall(s)]
        years += found
        if found and len(s) <= 40 and "," not in s and _PAST_HEAD.search(s):
            headed += found
    if headed:
        return max(headed)
    if reviewed:
        return max(reviewed)
    # 《2019-2023年规划》 starts in the report's year; a review of 2013-2017 ends in it
    spans = [
        (
            int(m.group(1)),
            int(m.group(2)),
            bool(
                re.match(r"年?[^,。]{0,14}?(?:规划|计划|纲要)", named[m.end() :])
                or re.search(r"(?:规划|计划|纲要)[(（]?$", named[max(0, m.start() - 3) : m.start()])
            ),
        )
        for m in _YEAR_RANGE.finditer(named)
        # “2017至2019年,全市各级工会组织将对20万名…”: the span of a plan sentence is not the report's
        if not _FUTURE_MARK.search(_sentence_around(named, m.start()))
        or re.match(r"年?[^,。]{0,14}?(?:规划|计划|纲要)", named[m.end() :])
    ]
    plans = [a for a, _, plan in spans if plan]
    if plans:
        return max(plans)
    # “十三五”期间…累计 on a page of 2021: a review of a five-year plan's period ends in its last year, unless the
    # text names a later year it looks back on (2021年,… beside 十三五期间…)
    reviewed_plans = [
        five_year_plan_years(m)[1]
        for m in FIVE_YEAR_PLAN.finditer(named)
        if not m.group(0).endswith("以来")  # “十四五”以来: a plan still running
        and five_year_plan_years(m)[1] < (published or 9999)
        and not _FUTURE_MARK.search(_sentence_around(named, m.start()))
    ]
    if reviewed_plans and not any(y > max(reviewed_plans) for y in years):
        return max(reviewed_plans)
    # 万宁市总工会举行2014年金秋助学金发放仪式 on a page reposted in April 2016 that says 六年来: the title's year,
    # the event's, dates it before the page does
    title_years = [
        int(y)
        for ln in _head_lines(body, 2)
        # a headline: short, one phrase (早在1998年,市总工会设立… opens a body)
        if len(ln.strip()) <= 40
        and not re.search(r"[,，。;；]", ln)
        and not _FUTURE_MARK.search(ln)
        and not _SINCE.search(ln)
        for y in _YEAR.findall(ln)
    ]
    if published and title_years and max(title_years) <= published and max(title_years) in years:
        return max(title_years)
    if published and _SPAN_TO_NOW.search(named):
        # 五年来 on a page of April 2018, 近两年 in March 2017: a review up to early in a year ends with the year
        # before it (published in July, it takes in that year's first half; 2012年元旦春节… names its own year)
        return published - 1 if published_month <= 4 and not any(y >= published for y in years) else published
    if published:
        # 2025年莆田工会夏令营开营 among a 2015 page's links to other news: no year after the page's own
        entry = _entry_year(body)
        years = [y for y in years if published - 3 <= y <= published or y == entry]
        if (
            said_this_year
            and years
            and max(years) < published
            # 截至2025年末,已建立基层工会组织2350个 on a page of January 2026: the stock at the end of the year before is
            # what the page reports, whatever else it says 今年 of
            and not (max(years) == published - 1 and published_month <= 4 and _year_end_stock(named, max(years)))
        ):
            return published  # 今年年初以来… on a 2014 page that names 2013年6月成立: the page's year
    dated = _publication_date(urls) or next((int(m.group(1) or m.group(2)) for m in _ADDRESS_YEAR.finditer(urls)), None)
    if _MASKED_YEAR.search(named):
        dated = (
            None  # 下面就200*年我镇工会情况总结如下: a template's page; its address dates the site's copy, not the text
        )
    if (
        not published
        and dated
        and says_this_year
        and years
        and dated - 3 <= max(years) < dated
        and not re.search(str(max(years)) + r"年\d{1,2}月", named)
        and not (max(years) == dated - 1 and _address_month(urls, dated) <= 4 and _year_end_stock(named, max(years)))
    ):
        # 今年… on a page filed under /2017/0927/ whose one year is 2016年特困职工582人, or under /201607/ beside 截至
        # 2015年底: as on a dated page, 今年 is the page's year (2014年1月,…今年 on a 2015 repost dates its own events)
        return dated
    if years:
        return max(years)
    if edition := _YEARBOOK_EDITION.search(named):
        # 天府新区(眉山)年鉴 2024, 《中山年鉴·2017》: a year-book records the year before its edition
        return int(edition.group(1)) - 1
    if spans:
        return max(b for _, b, _ in spans)
    if started and not published and not dated and "去年" not in named:
        # 2011年以来,在市委…领导下 / 今年以来…2025年以来,新建工会组织9家 on an undated page that names no other year:
        # the work of that year so far (2016年以来…已累计 and 自2006年开始 are running totals, and 2014年以来…截至去年底
        # runs past its first year, which leave it open)
        return max(started)
    this_year_told = bool(re.search(r"今年|上半年|年初以来", named))
    # 去年,全市工会…: the text looks back on last year (去年儿子考上大学 in a family's story does not)
    last_year = bool(_LAST_YEAR.search(named)) and not this_year_told
    # 全年开展…30余场次 on a page of February 2024 that names no year: a whole year told early in the next is the
    # year before
    whole_year = said_whole_year and not this_year_told and "以来" not in named
    # 去年以来,我市…建制率达100% on a page of March 2012: what was done since last year, told as the year opens, is
    # last year's; on a page of April or August (去年以来,新荣区总工会…) it runs into the page's year
    since_last_year = "去年以来" in named and not this_year_told
    # the page's date, else a date in the address: /20200914/, /202009/ (year and month), /2014_01/ or /2018-04/,
    # /2012/ (a year folder)
    page_year, month = (
        (published, published_month) if published else (dated, _address_month(urls, dated) if dated else 12)
    )
    # 于今年6月份…截至12月上旬 on a page of January 1997: a month past that is later than the page's is the year before's
    late_month = any(m > month for m in months_told)
    if page_year:
        before = last_year or whole_year and month <= 4 or since_last_year and month <= 3 or late_month
        return page_year - 1 if before else page_year
    return None


def match_organisation(organisation: str | None, catalog) -> str | None:
    """The district code a federation's name stands for (上海市青浦区总工会 → 310118), or None.

    Tries the name as written, then without 总工会 / 工会, then without the province and city before it.
    """
    if not organisation:
        return None
    name = re.sub(r"[(（].*?[)）]", "", organisation).strip()
    forms = [name]
    for suffix in ("总工会", "工会"):
        if name.endswith(suffix):
            forms.append(name[: -len(suffix)])
    for form in list(forms):
        for m in re.finditer(r"(?:省|自治区|市)", form):
            rest = form[m.end() :]
            if len(rest) >= 2:
                forms.append(rest)
    for form in forms:
        codes = catalog.match_district(form)
        if len(codes) == 1:
            return codes[0]
    return None
