"""The report extractor: one pattern of report prose per case, the facts it must (and must not) give."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from etl.extract import ReportError, decode_text, extract, normalise, read_report, report_text

ROOT = Path(__file__).resolve().parent.parent
DEV_REPORTS = ROOT.parent / "shared" / "reports" / "dev"


def facts(text: str) -> list[tuple[str, float, str]]:
    return [(f.indicator, f.value, f.qualifier) for f in extract(text).facts]


CASES = [
    # rates, one clause each; the most specific name wins (工资专项集体合同 is the wage rate)
    (
        "全区已建工会企业集体合同签订率达95.2%，工资专项集体合同签订率达88%，女职工专项集体合同签订率达92%。",
        [
            ("contract_rate_collective", 95.2, "exact"),
            ("contract_rate_wage", 88.0, "exact"),
            ("contract_rate_women", 92.0, "exact"),
        ],
    ),
    # 分别 lists, with and without separators
    (
        "集体合同、工资专项、女职工专项三份合同签订率分别达到93%82%93%。",
        [
            ("contract_rate_collective", 93.0, "exact"),
            ("contract_rate_wage", 82.0, "exact"),
            ("contract_rate_women", 93.0, "exact"),
        ],
    ),
    (
        "职代会建制率和厂务公开建制率分别为96.5%、97%。",
        [("workers_congress_rate", 96.5, "exact"), ("factory_affairs_openness_rate", 97.0, "exact")],
    ),
    ("工资集体协商覆盖率达到90%以上。", [("wage_negotiation_coverage", 90.0, "more_than")]),
    (
        "职代会建制率：92.5%；帮扶金额：约36万元。",
        [("workers_congress_rate", 92.5, "exact"), ("aid_amount", 360000.0, "approx")],
    ),
    # disputes
    (
        "全年受理群体性劳资纠纷45起，涉及职工1500余人，已结案41起，为职工挽回经济损失1234.5万元。",
        [
            ("disputes_reported", 45.0, "exact"),
            ("dispute_workers_involved", 1500.0, "more_than"),
            ("disputes_resolved", 41.0, "exact"),
            ("money_recovered", 12345000.0, "exact"),
        ],
    ),
    (
        "全年办理法律援助案件312件，提供法律咨询2.3万人次。",
        [("legal_aid_cases", 312.0, "exact"), ("legal_consultations", 23000.0, "exact")],
    ),
    # general consultations at a service day are not legal ones
    ("开展服务日活动72场，接待职工咨询5万余人次。", []),
    # a part of the figure just given is not a figure of its own
    ("上报劳资纠纷38起，其中亮灯29起。", [("disputes_reported", 38.0, "exact")]),
    # a change on last year is not a level
    ("全年发生劳资纠纷30起，比上年减少12起。", [("disputes_reported", 30.0, "exact")]),
    ("集体合同签订率同比提高3%。", []),
    # aid: persons (people, person-times, households) and money
    (
        "走访慰问困难职工3200户，发放慰问金580万元。",
        [("aid_persons", 3200.0, "exact"), ("aid_amount", 5800000.0, "exact")],
    ),
    (
        "金秋助学资助困难职工子女560名，发放助学金168万元。",
        [("aid_persons", 560.0, "exact"), ("aid_amount", 1680000.0, "exact")],
    ),
    ("全市各级工会共筹集送温暖资金1.2亿元。", [("aid_amount", 120000000.0, "exact")]),
    ("为300余人送去慰问金和慰问品。", [("aid_persons", 300.0, "more_than")]),
    # mutual insurance: the payout phrase may be in an earlier clause of the sentence
    (
        "职工互助保障参保职工达25.6万人次，理赔1.2万人次，赔付金额2300万元。",
        [("mutual_insurance_enrolled", 256000.0, "exact"), ("mutual_insurance_payout", 23000000.0, "exact")],
    ),
    ("职工医疗互助获补助244人，补助金额39.9万元。", [("mutual_insurance_payout", 399000.0, "exact")]),
    # organisation and membership
    (
        "全年新建工会组织1234个，新发展会员5.6万人，其中农民工会员3.2万人。",
        [("new_unions", 1234.0, "exact"), ("new_members", 56000.0, "exact")],
    ),
    (
        "全区有基层工会5184家，会员59.75万人。",
        [("total_unions", 5184.0, "exact"), ("total_members", 597500.0, "exact")],
    ),
    ("全区会员总数38.7万人，农民工会员12万人。", [("total_members", 387000.0, "exact")]),
    (
        "录入430万实名会员、7.6万多个工会组织、293万张会员服务卡。",
        [("total_members", 4300000.0, "exact"), ("total_unions", 76000.0, "more_than")],
    ),
    ("全区100人以上未建会企业共有458家，已完成建会244家，已启动建会程序74家。", [("new_unions", 244.0, "exact")]),
    # training, with the figure before or after its words
    (
        "培训职工近万人，累计参加岗位培训18860人次。",
        [("training_persons", 10000.0, "nearly"), ("training_persons", 18860.0, "exact")],
    ),
    ("约1.8万职工参加了普训普练、练兵比武。", [("training_persons", 18000.0, "approx")]),
    ("共有820多名职工参加学历提升计划。", [("training_persons", 820.0, "more_than")]),
    # Chinese numerals, full-width digits, spaces inside numbers
    (
        "全市新建工会组织一万多家，发展会员三千余人。",
        [("new_unions", 10000.0, "more_than"), ("new_members", 3000.0, "more_than")],
    ),
    ("全年新建工会组织７３家。", [("new_unions", 73.0, "exact")]),
    ("支付互助医疗保障金 3\u00a0146\u00a0500元。", [("mutual_insurance_payout", 3146500.0, "exact")]),
    ("全区共新建基层工会 1,306 家。", [("new_unions", 1306.0, "exact")]),
    (
        "帮困金额近87万元，挽回经济损失约620万元。",
        [("aid_amount", 870000.0, "nearly"), ("money_recovered", 6200000.0, "approx")],
    ),
    ("全年参保超过7万人次。", [("mutual_insurance_enrolled", 70000.0, "more_than")]),
    ("参加职工互助保障活动的职工达45.3万人。", [("mutual_insurance_enrolled", 453000.0, "exact")]),
    ("与2020年相比，劳资纠纷下降了12起。", []),
    # from one level to another: only the level reached
    ("集体合同签订率由2015年的85%提高到93%。", [("contract_rate_collective", 93.0, "exact")]),
    ("会员总数从2.1万人增加至2.5万人。", [("total_members", 25000.0, "exact")]),
    ("新发展会员5.6万人（其中农民工3.2万人）。", [("new_members", 56000.0, "exact")]),
    (
        "职代会建制率、厂务公开建制率和工资集体协商建制率分别达到９６％、９５％和88%。",
        [
            ("workers_congress_rate", 96.0, "exact"),
            ("factory_affairs_openness_rate", 95.0, "exact"),
            ("wage_negotiation_coverage", 88.0, "exact"),
        ],
    ),
    (
        "全年共参与调处劳动争议案件426件，调处成功398件，为职工追回工资及经济补偿金1,386.5万元。",
        [
            ("disputes_reported", 426.0, "exact"),
            ("disputes_resolved", 398.0, "exact"),
            ("money_recovered", 13865000.0, "exact"),
        ],
    ),
    (
        "全区职工医疗互助保障参保人数达18.6万人，全年理赔2.3万人次，理赔金额2,860万元。",
        [("mutual_insurance_enrolled", 186000.0, "exact"), ("mutual_insurance_payout", 28600000.0, "exact")],
    ),
    # targets and plans give nothing
    ("2022年，我们将围绕规划，力争全县集体合同签订率达到98%以上。", []),
    ("2017年，确保集体合同、工资专项、女职工专项三份合同签订率分别达到90%80%90%。", []),
    ("力争新建工会组织200家，发展会员1万人。", []),
    ("2017年工作任务\n新建工会组织200家，发展会员1万人。", []),
    # a looking-back heading that names a plan or a target does not start a plan section
    (
        "（二）实施职工素质提升三年计划\n全年培训职工1.2万人次。\n（三）圆满完成2016年各项目标任务\n新建工会组织73家。",
        [("training_persons", 12000.0, "exact"), ("new_unions", 73.0, "exact")],
    ),
    # anecdotes and thresholds give nothing
    ("工作人员意识到可能会演变为涉及职工30多人的集体性劳资纠纷。", []),
    ("推动100人以上建会非公企业民主管理工作规范化。", []),
    ("该企业拖欠45名职工工资共计120万元。", []),
    # a figure split from its label by a line break
    ("高温送清凉75户，慰问金\n5.77万元。", [("aid_persons", 75.0, "exact"), ("aid_amount", 57700.0, "exact")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:18] for c in CASES])
def test_extract_pattern(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text", [c[0] for c in CASES if c[1]])
def test_evidence_is_the_exact_text(text):
    for f in extract(text).facts:
        assert text[f.start : f.end] == f.evidence
        assert f.evidence.strip() == f.evidence


@pytest.mark.parametrize(
    "text,unit",
    [
        ("全年帮困职工2003人次。", "person_times"),
        ("慰问一线职工7662人。", "person"),
        ("慰问困难职工家庭111户。", "count"),
        ("帮困金额87万元。", "yuan"),
        ("职代会建制率85%。", "percent"),
        ("接待法律咨询650多次/人。", "person_times"),
    ],
)
def test_unit_follows_the_text(text, unit):
    assert [f.unit for f in extract(text).facts] == [unit]


@pytest.mark.parametrize(
    "text,org,year",
    [
        (
            "青浦区总工会四届十五次全委会议上的工作报告\n2016年工作的回顾\n2016年，全区……\n2017年工作任务\n2017年是……",
            "青浦区总工会",
            2016,
        ),
        ("2015年杭州市江干区总工会创新发展谱新篇\n2015年，江干区总工会……", "江干区总工会", 2015),
        ("XX县总工会2021年工作总结\n一年来……\n2022年，我们将围绕规划，力争新建工会组织100家。", "XX县总工会", 2021),
        ("市工会代表大会上的报告\nXX市工会第八次代表大会……五年来……制定《2019-2023年规划》。", "XX市工会", 2019),
    ],
)
def test_organisation_and_year(text, org, year):
    e = extract(text)
    assert (e.organisation, e.report_year) == (org, year)


def test_normalise_maps_back_to_the_original():
    text = "新建工会 ７３ 家\u00a0，会员1\u00a0234人"
    norm, idx = normalise(text)
    assert norm == "新建工会73家,会员1234人"
    assert all(0 <= i < len(text) for i in idx) and idx == sorted(idx)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_read_report_any_common_encoding(tmp_path, encoding):
    text = "全年新建工会组织73家，发展会员8000余人。"
    p = tmp_path / "report.txt"
    p.write_bytes(text.encode(encoding))
    assert read_report(p) == text


def test_read_report_docx(tmp_path):
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        "<w:p><w:r><w:t>2016年工作回顾</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>全年新建工会组织</w:t></w:r><w:r><w:t>73家。</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    p = tmp_path / "report.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("word/document.xml", body)
    text = read_report(p)
    assert text == "2016年工作回顾\n全年新建工会组织73家。"
    assert facts(text) == [("new_unions", 73.0, "exact")]


@pytest.mark.parametrize(
    "name,data,code",
    [
        ("report.doc", b"\xd0\xcf\x11\xe0", "suffix"),
        ("report.docx", b"not a zip", "docx"),
        ("report.txt", b"   \n", "empty"),
        # a UTF-16 mark on bytes cut short: an encoding the user is told of, not an internal error
        ("report.txt", b"\xff\xfe\x00\x00garbage", "encoding"),
    ],
)
def test_unreadable_reports_say_why(name, data, code):
    with pytest.raises(ReportError) as err:
        report_text(data, name)
    assert err.value.code == code
    assert name in err.value.message("zh") and name in err.value.message("en")


def test_decode_falls_back_to_gb18030():
    assert decode_text("劳资纠纷38起".encode("gb18030")) == "劳资纠纷38起"


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_cli_json_from_standard_input():
    out = run_cli("-", "--json", stdin="2016年，全年新建工会组织73家，发展会员8000余人。")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["report_year"] == 2016
    assert [(f["indicator"], f["value"], f["unit"], f["qualifier"]) for f in doc["facts"]] == [
        ("new_unions", 73.0, "count", "exact"),
        ("new_members", 8000.0, "person", "more_than"),
    ]


def test_cli_json_gives_each_fact_and_the_report_its_period():
    """The JSON shape (README): each fact has `period` (a code of etl.periods) and `review` (empty when taken);
    the report has `period` and a `review` list of candidates a reader should confirm."""
    from etl.periods import parse_period

    text = (
        "2019-12-01\n五年来,全区新建工会组织120家,每年投入帮扶资金超过500万元。县总工会一行上门慰问,送上慰问金2000元。"
    )
    out = run_cli("-", "--json", stdin=text)
    doc = json.loads(out.stdout)
    assert doc["period"] == "total:2015-2019"
    by_value = {f["value"]: f for f in doc["facts"]}
    assert by_value[120.0]["period"] == "total:2015-2019" and by_value[120.0]["review"] == ""
    assert by_value[5000000.0]["period"] == "each:2015-2019" and by_value[5000000.0]["qualifier"] == "more_than"
    assert [(f["value"], f["review"]) for f in doc["review"]] == [(2000.0, "visit")]
    for f in doc["facts"] + doc["review"]:
        assert parse_period(f["period"], 2019).code == f["period"]


def test_cli_table_and_missing_file(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("全年帮困职工2003人次。", encoding="gb18030")
    out = run_cli(str(p))
    assert out.returncode == 0 and "帮扶困难职工" in out.stdout and "2003" in out.stdout
    missing = run_cli(str(tmp_path / "none.txt"))
    assert missing.returncode == 2 and "none.txt" in missing.stderr and "Traceback" not in missing.stderr


def test_cli_table_says_what_each_figure_covers():
    """A running total is printed with its span, the year's figure with 全年 / full year: never one for the other."""
    text = "2021年,县总工会自1998年以来累计筹集助学资金150多万元。今年共筹集助学资金10.2万元。"
    lines = run_cli("-", stdin=text).stdout.splitlines()[1:]
    assert [line.split("\t")[3] for line in lines] == ["1998–2021 24年累计", "全年"]
    lines = run_cli("-", "--lang", "en", stdin=text).stdout.splitlines()[1:]
    assert [line.split("\t")[3] for line in lines][1] == "full year" and "1998" in lines[0].split("\t")[3]


@pytest.mark.skipif(not DEV_REPORTS.is_dir(), reason="the shared dev reports are not beside the repo")
def test_dev_reports_score_at_least_085():
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT.parent / "shared" / "tools" / "score_extract.py"),
            "--cmd",
            f"{sys.executable} -m etl extract {{file}} --json",
            str(DEV_REPORTS),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    last = out.stdout.strip().splitlines()[-1]
    assert float(last.split()[1]) >= 0.85, out.stdout


def test_bundled_reports_give_their_reviewed_figures():
    """Each shipped report's reviewed figures are found by the extractor (the review starts from them)."""
    reports = sorted((ROOT / "data" / "reports").glob("*.figures.csv"))
    if not reports:
        pytest.skip("no bundled reports")
    import csv

    found = total = 0
    for fig in reports:
        text = read_report(fig.with_name(fig.name.replace(".figures.csv", ".txt")))
        got = {(f.indicator, round(f.value, 2)) for f in extract(text).facts}
        for row in csv.DictReader(fig.open(encoding="utf-8")):
            total += 1
            found += (row["indicator"], round(float(row["value"]), 2)) in got
    assert found / total >= 0.85


def test_phrase_file_is_well_formed():
    """Every row of the report vocabulary has the catalogue's code, known unit words and valid patterns."""
    import csv

    from etl.catalog import load_catalog
    from etl.extract import UNIT_CLASSES

    codes = set(load_catalog().indicators)
    with open(ROOT / "data" / "catalog" / "report_phrases.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        assert None not in row and len(row) == 11, row  # a comma inside a pattern must be quoted
        assert row["indicator"] in codes
        assert row["before_reach"] in ("clause", "sentence") and row["exclude_reach"] in ("clause", "previous_clause")
        assert row["requires_reach"] in ("sentence", "full_sentence")
        assert row["outranks"] in codes | {""}
        assert set(row["units"].split("|")) <= set(UNIT_CLASSES)
        assert row["before"] or row["after"]


def test_a_figure_restated_many_times_is_kept_once_in_linear_time():
    """_once() counted the lines before each figure from the text's start: 200,000 paragraphs took 209 s."""
    import time
    from types import SimpleNamespace

    from etl.extract import _once

    lines = [f"第{i}段：全市新建工会组织{i % 7}家。" for i in range(100_000)]
    text = "\n".join(lines)
    starts, at = [], 0
    for line in lines:
        starts.append(at + line.index("组织"))
        at += len(line) + 1
    facts = [
        SimpleNamespace(indicator="new_unions", value=i % 7, start=s, evidence=lines[i]) for i, s in enumerate(starts)
    ]
    facts.insert(2, SimpleNamespace(indicator="new_unions", value=1, start=starts[1] + 1, evidence="一行里的第二次"))
    began = time.monotonic()
    kept = _once(facts, text)
    assert time.monotonic() - began < 2  # linear: milliseconds; the old count took minutes here
    # each value once, from its first paragraph; the same value with other words in that paragraph kept too
    assert [(f.value, f.start) for f in kept] == [(0, starts[0]), (1, starts[1]), (1, starts[1] + 1)] + [
        (i, starts[i]) for i in range(2, 7)
    ]


def test_a_report_beyond_the_length_limit_is_refused_with_its_size():
    from etl.extract import MAX_REPORT_CHARS

    with pytest.raises(ReportError) as err:
        report_text(("全市新建工会组织12家。" * (MAX_REPORT_CHARS // 10)).encode(), "long.txt")
    assert err.value.code == "too_long" and "50 万字" in err.value.message()


def test_cli_says_the_year_of_a_figure_its_sentence_dates_to_another():
    """2018年新建工会40家 in a report on 2019: the JSON gives the fact its year, the table says 2018年, not 全年."""
    text = "江北区总工会2019年工作总结\n2018年新建工会40家,2019年新建工会52家。\n"
    doc = json.loads(run_cli("-", "--json", stdin=text).stdout)
    assert [(f["value"], f["year"]) for f in doc["facts"]] == [(40.0, 2018), (52.0, None)]
    table = run_cli("-", stdin=text).stdout.splitlines()
    assert "\t2018年\t«2018年新建工会40家»" in table[1] and "\t全年\t«2019年新建工会52家»" in table[2]


def test_a_reader_that_closes_the_pipe_early_is_no_error(tmp_path):
    """`etl extract … | head`: the reader stops reading, which is no internal error and no failure."""
    lines = [f"全年新建工会{i + 10}家,发展会员{i * 7 + 100}人,慰问困难职工{i * 3 + 50}人。" for i in range(1500)]
    report = tmp_path / "long.txt"
    report.write_text("某区总工会2019年工作总结\n" + "\n".join(lines), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "extract", str(report), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 0
    assert "内部错误" not in err and "BrokenPipe" not in err
