"""Report prose the extractor meets in texts from other federations: one table per pattern, and the reading paths."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest
from orgnames import place_named

from etl.extract import ReportError, decode_report, extract, normalise, read_report_file, report_text


def facts(text: str) -> list[tuple[str, float, str]]:
    return [(f.indicator, f.value, f.qualifier) for f in extract(text).facts]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a bare rate whose label stands in an earlier clause
        ("全县已签订集体合同企业1200家,签约率93.5%。", [("contract_rate_collective", 93.5, "exact")]),
        ("全市386家企业建立了厂务公开制度,建制率达91%。", [("factory_affairs_openness_rate", 91.0, "exact")]),
        (
            "共签订工资专项集体合同850份,覆盖企业2100家,覆盖率为88.2%。",
            [("contract_rate_wage", 88.2, "exact")],
        ),
        ("公有企业职代会实现全覆盖,非公企业建制率达89%。", [("workers_congress_rate", 89.0, "exact")]),
        # a generic amount whose label stands earlier, and a sum
        (
            "为1500余人提供生活救助,金额达260余万元。",
            [("aid_persons", 1500.0, "more_than"), ("aid_amount", 2600000.0, "more_than")],
        ),
        (
            "此次活动发放慰问金12万元,慰问品价值约3万元,合计15万元。",
            [("aid_amount", 120000.0, "exact"), ("aid_amount", 30000.0, "approx"), ("aid_amount", 150000.0, "exact")],
        ),
    ],
)
def test_label_in_an_earlier_clause(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("全年3200人次参加了职工互助保障活动。", [("mutual_insurance_enrolled", 3200.0, "exact")]),
        ("区法律援助中心受理35件代理仲裁案件。", [("legal_aid_cases", 35.0, "exact")]),
        ("全年发放12.5万元帮扶救助资金。", [("aid_amount", 125000.0, "exact")]),
        ("全县共有4100名职工参保。", [("mutual_insurance_enrolled", 4100.0, "exact")]),
        ("共有820多名职工参加2019年学历提升计划。", [("training_persons", 820.0, "more_than")]),
        (
            "县内15个建筑项目部工会正式成立,1200名农民工成为工会会员。",
            [("new_unions", 15.0, "exact"), ("new_members", 1200.0, "exact")],
        ),
        ("志愿律师现场为2300多名职工提供了法律咨询。", [("legal_consultations", 2300.0, "more_than")]),
    ],
)
def test_label_after_the_number(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "代理仲裁312人次,参与劳动争议案件25个。",
            [("legal_aid_cases", 312.0, "exact"), ("disputes_reported", 25.0, "exact")],
        ),
        ("为职工提供劳动维权和法律援助640人。", [("legal_aid_cases", 640.0, "exact")]),
        ("参与调处化解群体性劳资纠纷9起。", [("disputes_resolved", 9.0, "exact")]),
        (
            "受理劳动争议12宗,调解成功10宗。",
            [("disputes_reported", 12.0, "exact"), ("disputes_resolved", 10.0, "exact")],
        ),
        (
            "今年以来共解决劳动纠纷30余件,为职工挽回经济损失80余万元。",
            [("disputes_resolved", 30.0, "more_than"), ("money_recovered", 800000.0, "more_than")],
        ),
    ],
)
def test_cases_and_disputes_in_more_units(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "本年度新组建企业工会65家,全县工会基层组织达1860个。",
            [("new_unions", 65.0, "exact"), ("total_unions", 1860.0, "exact")],
        ),
        (
            "全区新增基层工会委员会48个,新增工会会员3600名。",
            [("new_unions", 48.0, "exact"), ("new_members", 3600.0, "exact")],
        ),
        (
            "全年共筹集资金58.6万元,慰问困难职工420户。",
            [("aid_amount", 586000.0, "exact"), ("aid_persons", 420.0, "exact")],
        ),
        ("投入助学资金9.5万元。", [("aid_amount", 95000.0, "exact")]),
        ("事业单位事务公开率达到了97%。", [("factory_affairs_openness_rate", 97.0, "exact")]),
        ("举办工会干部培训班3期,参培人员达210余名。", [("training_persons", 210.0, "more_than")]),
    ],
)
def test_wider_vocabulary(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # 争取 with what was obtained is a result; with what is strived for it is a target
        ("积极争取上级帮扶资金30多万元。", [("aid_amount", 300000.0, "more_than")]),
        ("争取工会会员达到5万人,争取全年新建工会组织100家。", []),
        # 下一步 / 还将: what comes next in the same sentence is a plan
        (
            "本次活动慰问职工300名。下一步,县总工会还将筹集资金20万元,为40名困难职工发放救助金。",
            [("aid_persons", 300.0, "exact")],
        ),
        # a sentence naming a year's 目标 inside the text does not drop what follows
        (
            "会议明确了2020年工会工作的目标。\n目前,全区新建工会组织36家,发展会员2100人。",
            [("new_unions", 36.0, "exact"), ("new_members", 2100.0, "exact")],
        ),
        # a plan heading opens a plan section; the next heading of its kind closes it
        (
            "一、2020年工作回顾\n全年新建工会组织36家。\n二、2021年工作安排\n力争新建工会组织50家。\n新发展会员3000人。\n"
            "三、加强自身建设\n全年培训工会干部120人次。",
            [("new_unions", 36.0, "exact"), ("training_persons", 120.0, "exact")],
        ),
    ],
)
def test_targets_and_plan_sections(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # restated in the headline and in the body: once
        (
            "县总工会上半年发放帮扶资金52.3万元\n上半年,县总工会发放帮扶资金52.3万元。",
            [("aid_amount", 523000.0, "exact")],
        ),
        # a change on last year, and the list of changes that follows it
        ("比上年新增参保职工2100人次。", []),
        (
            "全年参保职工9800人次,比上年同期新增参保单位40个,新增参保职工1200人次。",
            [("mutual_insurance_enrolled", 9800.0, "exact")],
        ),
        # the value of goods is an amount; a sum per head is no total
        ("为困难职工送去价值6.2万元的慰问物资。", [("aid_amount", 62000.0, "exact")]),
        ("获得120.5万元的理赔金。", [("mutual_insurance_payout", 1205000.0, "exact")]),
        ("向每名困难学生发放助学金3000元。", []),
        # 上万 / 上亿 are more than ten thousand / a hundred million
        ("组织上万名职工参加技能培训。", [("training_persons", 10000.0, "more_than")]),
        # a size threshold is no figure
        ("对10人以上群体性案件进行仲裁。", []),
    ],
)
def test_restated_changed_and_attributive_figures(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a part counts when it is another indicator than its whole
        (
            "全市共有基层工会组织3200个(其中当年新建工会组织150个)。",
            [("total_unions", 3200.0, "exact"), ("new_unions", 150.0, "exact")],
        ),
        (
            "受理法律援助案件120件,其中法律咨询45件。",
            [("legal_aid_cases", 120.0, "exact"), ("legal_consultations", 45.0, "exact")],
        ),
        ("全区发生劳资纠纷20起,其中涉及农民工的14起。", [("disputes_reported", 20.0, "exact")]),
        # what a bracket lists between a label and its figure is an aside
        ("共受理法律援助案件(包含法律咨询、代写文书、协商调解)520件。", [("legal_aid_cases", 520.0, "exact")]),
        # a long-run total beside this year's figures is a figure of its own span (round 10; tests/test_extract_review.py
        # checks the span it is stored with), as the shared gold takes 历年累计
        (
            "今年为60名困难职工子女发放助学金18万元。自2008年开展助学以来,累计资助900名学生,发放助学金260万元。",
            [
                ("aid_persons", 60.0, "exact"),
                ("aid_amount", 180000.0, "exact"),
                ("aid_persons", 900.0, "exact"),
                ("aid_amount", 2600000.0, "exact"),
            ],
        ),
    ],
)
def test_parts_asides_and_background(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "區總工會全年慰問困難職工1200戶,發放慰問金86萬元。",
            [("aid_persons", 1200.0, "exact"), ("aid_amount", 860000.0, "exact")],
        ),
        (
            "全區(qū)新建工會(huì)組織45家,會(huì)員總數(shù)達3.2萬人。",
            [("new_unions", 45.0, "exact"), ("total_members", 32000.0, "exact")],
        ),
    ],
)
def test_traditional_script_and_pinyin_glosses(text, expected):
    assert facts(text) == expected


def test_evidence_stays_the_original_traditional_text():
    text = "今年,全區(qū)新建工會(huì)組織45家。"
    (fact,) = extract(text).facts
    assert text[fact.start : fact.end] == fact.evidence
    assert fact.evidence.startswith("全區(qū)新建工會") and fact.evidence.endswith("45家")


def test_normalise_converts_to_simplified_one_character_for_one():
    text = "萬秀區(qū)總工會(huì)會員"
    norm, idx = normalise(text)
    assert norm == "万秀区总工会会员"
    assert [text[i] for i in idx] == list("萬秀區總工會會員")


@pytest.mark.parametrize(
    "text,org",
    [
        ("记者近日从市总工会获悉,全市新建工会组织30家。", None),
        ("下半年市总工会将继续推进建会。", None),
        ("大会选举产生了河口区总工会第四届委员会。", "河口区总工会"),
        ("两千名农民工加入东湖市总工会", "东湖市总工会"),
        ("山东临河县总工会开展送温暖活动", "临河县总工会"),
        ("平安镇总工会\n2019年11月", "平安镇总工会"),
        ("东港总工会上半年发放帮扶资金20万元\n今年以来,市总工会大力开展帮扶工作。", "东港市总工会"),
        ("日前,安徽省南山县20个项目部工会成立。该县总工会为此制定了方案。", "南山县总工会"),
        ("来源:东湖日报 2019-03-02\n记者从市总工会获悉,全市新建工会组织30家。", "东湖市总工会"),
        ("来源:工人日报\n记者从市总工会获悉,全市新建工会组织30家。", None),
    ],
)
def test_organisation_is_the_federation_named(text, org):
    assert place_named(extract(text)) == org


@pytest.mark.parametrize(
    "text,year",
    [
        # a mid-year summary published in July describes that year
        ("发布时间:2016-07-12\n上半年,全市新建工会组织30家。", 2016),
        ("26.07.2017 10:20\n上半年全区新建工会组织30家。", 2017),
        ("2018年7月26日\n今年上半年,全区发展会员800人。", 2018),
        # a text about 去年 published early in the next year
        ("2015-02-06\n去年全市新发展会员2.1万名。", 2014),
        # a review of the years up to the page's date; history long before it is not the year
        ("2020-12-25\n过去五年,区总工会慰问一线职工15万余元。", 2020),
        ("2022-11-03\n早在1998年,市总工会设立法律援助站,2005年成立志愿服务队。二十年来累计办理案件900件。", 2022),
        # the start of a span and an anecdote are not the report's year
        ("日前,区总工会发放助学金。自2009年8月启动助学以来,累计资助300人。", None),
        ("2021/06/16\n2019年6月至2020年12月该公司拖欠工资近50万元。", 2021),
        # a plan's range gives its start
        ("五年来……制定《2021-2025年干部教育培训规划》。", 2021),
    ],
)
def test_report_year(text, year):
    assert extract(text).report_year == year


@pytest.mark.parametrize("encoding", ["big5", "gb18030", "utf-8", "utf-16"])
def test_encoding_is_chosen_by_how_the_text_reads(tmp_path, encoding):
    text = (
        "區總工會全年慰問困難職工1200戶，發放慰問金86萬元。"
        if encoding == "big5"
        else "区总工会全年慰问困难职工1200户。"
    )
    p = tmp_path / "report.txt"
    p.write_bytes(text.encode(encoding))
    got, used = read_report_file(p)
    assert got == text
    assert used == ("utf-8" if encoding == "utf-8" else encoding)


def test_big5_is_not_read_as_gb18030_mojibake():
    data = "全區新建工會組織45家，會員總數達3.2萬人，慰問困難職工1200戶。".encode("big5")
    data.decode("gb18030")  # it decodes without error: only how it reads tells the two apart
    text, enc = decode_report(data)
    assert enc == "big5" and text.startswith("全區新建工會")


def test_undecodable_bytes_are_refused():
    with pytest.raises(ReportError) as err:
        decode_report(b"\xff\xfe\x00"[1:] + b"\x81\x20\xfe\xff", "bad.txt")
    assert err.value.code == "encoding" and "bad.txt" in err.value.message("en")


def _docx(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _deflated_zip(name: str, chunk: bytes, repeat: int, unpacked: int) -> bytes:
    """A zip of one deflated member whose data is `chunk` repeated (raw deflate blocks after a full flush repeat
    byte for byte), built by hand so the test never holds or packs the unpacked bytes."""
    data = chunk * repeat + b"\x03\x00"  # an empty final block ends the stream
    n = name.encode()
    crc = 0  # never checked: the file must be refused before any of it is read
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), unpacked, len(n), 0) + n
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), unpacked, len(n), 0, 0, 0, 0, 0, 0
    )
    central += n
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    return local + data + central + end


def test_docx_zip_bomb_is_refused_before_unpacking():
    """A .docx whose document.xml unpacks to 2 GB from about 2 MB is refused with a message, not unpacked."""
    block = b" " * (16 * 1024 * 1024)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    data = _deflated_zip("word/document.xml", chunk, 128, 128 * len(block))
    assert len(data) < 3 * 1024 * 1024
    with pytest.raises(ReportError) as err:
        report_text(data, "bomb.docx")
    assert err.value.code == "too_large"
    assert "bomb.docx" in err.value.message("zh") and "bomb.docx" in err.value.message("en")


def test_docx_whose_header_understates_its_size_is_cut_off(monkeypatch):
    """A member that says it is small but unpacks to more than a report holds is refused by the bounded read."""
    import etl.extract

    monkeypatch.setattr(etl.extract, "MAX_DOCX_XML_BYTES", 1024 * 1024)
    block = b" " * (1024 * 1024)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    data = _deflated_zip("word/document.xml", chunk, 3, 3 * len(block))
    with pytest.raises(ReportError) as err:
        report_text(data, "big.docx")
    assert err.value.code == "too_large"


def test_docx_reading_still_gives_the_paragraphs():
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>全區新建工會組織</w:t></w:r><w:r><w:t>45家。</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    text = report_text(_docx(xml), "r.docx")
    assert text == "全區新建工會組織45家。"
    assert facts(text) == [("new_unions", 45.0, "exact")]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a plan inside a sentence ends where what was actually done begins
        (
            "今年计划筹资200万元,资助困难职工子女800人,实际筹措资金260万元,资助1100人。",
            [("aid_amount", 2600000.0, "exact"), ("aid_persons", 1100.0, "exact")],
        ),
        # 将 before an action verb, a quota, a heading that opens the second half's plan
        ("近期将开展送温暖活动,救助困难职工300余人。", []),
        ("全年发展会员任务数为800人。", []),
        (
            "一、上半年工作\n全镇新建工会5家。\n二、下半年工作安排\n1、为3名困难职工子女发放助学金。",
            [("new_unions", 5.0, "exact")],
        ),
        # those a service reached are never a stock; what unions cover or run is not their number
        ("县总工会为12家单位86名会员办理了互助保障理赔。", []),
        ("全市基层工会组织覆盖法人单位2.3万家。", []),
        ("全区基层工会帮扶站点达120个。", []),
        # the aided group named after the number, and goods taken to a group
        ("全年共帮助380名困难职工子女完成学业。", [("aid_persons", 380.0, "exact")]),
        ("为45名贫困大学生发放助学金9万元。", [("aid_persons", 45.0, "exact"), ("aid_amount", 90000.0, "exact")]),
        (
            "为260名环卫工人送去价值2万余元的防暑用品。",
            [("aid_persons", 260.0, "exact"), ("aid_amount", 20000.0, "more_than")],
        ),
        ("为300名一线职工送去健康体检服务。", []),  # a service taken to them is not aid
        # new unions named with what kind they are, or as 工会组建; compensation obtained
        ("今年新建非公企业工会35家。", [("new_unions", 35.0, "exact")]),
        ("全年全区工会组建 120 家。", [("new_unions", 120.0, "exact")]),
        ("帮助农民工获得各类赔偿86万元。", [("money_recovered", 860000.0, "exact")]),
    ],
)
def test_plans_beneficiaries_and_aided_groups(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "市总工会领导一行上门慰问困难职工,为他们送上慰问金2000元。",
        "副主席专程前往困难职工家中,送去慰问金3000元。",
        "在区领导陪同下,慰问组走访了5户困难家庭,送上慰问金5000元。",
    ],
)
def test_a_visits_figures_are_proposed_for_review_not_taken(text):
    result = extract(text)
    assert result.facts == []
    assert result.review and all(f.review == "visit" for f in result.review)
    assert all(text[f.start : f.end] == f.evidence for f in result.review)


@pytest.mark.parametrize(
    "text,figure,period",
    [
        ("2019-12-01\n五年来,共帮扶困难职工9000人次。", "9000人次", "total:2015-2019"),
        ("2012-01-17\n从1992年至2011年,各级工会累计筹集送温暖资金6200多万元。", "6200多万元", "total:1992-2011"),
        ("2021-07-20\n上半年,全区新增会员3000人。", "3000人", "m1-6"),
        ("2021-07-20\n截至5月底,全区新增会员3000人。", "3000人", "asof:2021-05"),
        ("2020-12-20\n五年来,区总工会每年投入帮扶资金超过500万元。", "500万元", "each:2016-2020"),
        ("2020-12-20\n全年新建工会组织76家。", "76家", "year"),
        ("2015-12-19\n二十年來,全縣工會累計發放助學金900餘萬元。", "900餘萬元", "total:1996-2015"),
    ],
)
def test_each_fact_says_its_period(text, figure, period):
    (fact,) = extract(text).facts
    assert fact.evidence.endswith(figure) and fact.period == period


def test_report_period_is_what_most_figures_share():
    text = "2021-07-20\n上半年,全区新建工会组织20家,新增会员3000人,慰问困难职工120人。"
    assert extract(text).period == "m1-6"
    assert extract("2020-12-20\n全年新建工会组织76家,新增会员3000人。").period == "year"


@pytest.mark.parametrize(
    "text,org",
    [
        ("烟山镇工会2022年上半年工作总结\n一、帮扶\n发放慰问金2万元。", "烟山镇工会"),
        ("河东市总:全市会员达80万人\n记者从市政府市总工会联席会议获悉,全市会员达80万人。", "河东市总工会"),
        ("浙江工会开展送温暖\n全省各级工会慰问困难职工1万户。", "浙江省总工会"),
        ("全国新建工会98万家\n全国总工会副主席介绍,今年新建工会98万家。", "中华全国总工会"),
        ("河口区总工会获全国总工会表彰\n全区新建工会20家。", "河口区总工会"),
        ("区信访工作总结\n全区各级工会组织坚持贯彻区总工会部署。", None),
        ("会议总结2023年全县工会工作。", None),
        (
            "爱心企业向河口区总工会捐款。东江省总工会要求做好助学。东江省总工会设立专项资金。东江省总工会表示。",
            "东江省总工会",
        ),
    ],
)
def test_organisation_in_more_kinds_of_text(text, org):
    assert extract(text).organisation == org


@pytest.mark.parametrize(
    "text,year",
    [
        ("会议总结2023年全县工会工作,部署2024年工作任务。", 2023),
        ("会议总结回顾2021年全市互助保障工作,部署2022年工作。", 2021),
        ("http://example.cn/news/202009/123.html\n日前,区总工会举行金秋助学活动。", 2020),
        ("http://example.cn/html/2012/zxbd_1217/2789.html\n今年7月,区总工会开展助学活动。", 2012),
        # a file named from its date: year, month and day, then a number
        ("http://example.cn/news/gh/2018080118083876223.htm\n8月1日,县总工会开展送清凉活动。", 2018),
        ("http://example.gov.cn/zwyw/t20190805_251159.html\n8月5日,县总工会开展送清凉活动。", 2019),
        # a number that is not a date names no year
        ("http://example.cn/news/2018999.htm\n8月1日,县总工会开展送清凉活动。", None),
        ("http://example.cn/p/20181399.html\n8月1日,县总工会开展送清凉活动。", None),
    ],
)
def test_report_year_from_the_meeting_and_the_address(text, year):
    assert extract(text).report_year == year


# Round 7 (holdout10): a sum spent (投入) with no label of its own, whose sentence goes on to say whom it aided, is the
# aid paid; a sum spent on a building, a contest, training or loans stays no figure.
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "春节前夕,县总工会共投入资金45万元,慰问困难职工600人。",
            [("aid_amount", 450000.0, "exact"), ("aid_persons", 600.0, "exact")],
        ),
        ("今年先后投入180万元,为困难职工家庭提供了生活救助和助学救助。", [("aid_amount", 1800000.0, "exact")]),
        (
            "两节期间区总工会一次性投入资金12.5万元,并购买了米、油,对困难职工家庭进行了走访慰问。",
            [("aid_amount", 125000.0, "exact")],
        ),
        # counter-cases: spent on a building, repairs, a contest or training, or nothing said of its use
        ("区总工会投入资金60万元,建设职工服务中心和帮扶站点。", []),
        ("投入资金15万元,维修职工书屋,并慰问了部分困难职工。", []),
        ("市总工会投入30万元,举办职工技能竞赛,帮扶企业提升技能。", []),
        ("全年投入资金20万元。", []),
    ],
)
def test_a_sum_spent_on_those_it_aided(text, expected):
    assert facts(text) == expected
