"""Report import in the browser (AppTest): paste a report, review the candidates, load them with their evidence."""

import os
from pathlib import Path

import pytest

from etl.db import open_store

ROOT = Path(__file__).resolve().parent.parent

REPORT = (
    "示例市东城区总工会2023年工作报告\n"
    "2023年工作回顾\n"
    "2023年，全年新建工会组织73家，发展会员8000余人。"
    "全年上报群体性劳资纠纷38起，涉及职工3030人，已结案28起。"
    "全年帮困职工2003人次，帮困金额近87万元。\n"
    "2024年工作任务\n"
    "力争新建工会组织100家，发展会员1万人。"
)


@pytest.fixture
def app(staff_app):
    return staff_app


def open_import(at, name="admin", password="admin-pass-1"):
    at.switch_page("pages/12_report_import.py").run()
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click().run()
    return at


def test_report_import_needs_a_login(app):
    app.switch_page("pages/12_report_import.py").run()
    assert not app.exception
    assert not app.get("text_area") and not app.get("file_uploader")


def test_pasted_report_is_reviewed_and_loaded_with_its_evidence(app):
    open_import(app)
    app.text_area(key="ri_text").input(REPORT).run()
    assert not app.exception
    assert any("示例市东城区总工会" in i.value and "2023" in i.value and "7 项" in i.value for i in app.info)
    assert app.selectbox(key="ri_district").value == "900101"  # matched from the organisation's name
    commit = app.button(key="ri_commit")
    assert commit.label == "导入勾选的 7 项数据"
    commit.click().run()
    assert not app.exception
    ok = [s.value for s in app.success if "已导入为批次" in s.value]
    assert ok, [e.value for e in app.error]
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        kind, by = con.execute("select kind, created_by from batches order by batch_id desc limit 1").fetchone()
        rows = con.execute(
            """
            select indicator_code, value, qualifier, evidence
            from observations
            where batch_id = (select max(batch_id) from batches) and district_code = '900101' and year = 2023
            order by indicator_code
            """
        ).fetchall()
    assert (kind, by) == ("report", "admin")
    got = {r[0]: (r[1], r[2], r[3]) for r in rows}
    assert got["new_unions"] == (73.0, "exact", "全年新建工会组织73家")
    assert got["new_members"][:2] == (8000.0, "more_than")
    assert got["aid_amount"] == (870000.0, "nearly", "帮困金额近87万元")
    assert got["disputes_resolved"][0] == 28.0 and got["dispute_workers_involved"][0] == 3030.0
    assert all(ev and ev in REPORT for _, _, ev in got.values())
    assert 100.0 not in {v for v, _, _ in got.values()}  # next year's target is not a figure


def test_unknown_organisation_asks_for_the_district_and_a_scoped_editor_sees_only_theirs(app):
    open_import(app, "xicheng", "xi-pass-123")
    app.text_area(key="ri_text").input("2023年，全年新建工会组织12家。").run()
    assert not app.exception
    assert any("请在下面选择" in w.value for w in app.warning)
    box = app.selectbox(key="ri_district")
    assert box.options == ["示例市 西城区"] and box.value is None
    assert not [b for b in app.button if b.key == "ri_commit"]  # nothing to load until a district is chosen
    box.select("900102").run()
    assert app.button(key="ri_commit").label == "导入勾选的 1 项数据"


@pytest.mark.parametrize(
    "text,organisation,note",
    [
        (
            "https://www.pingluo.gov.cn/xwzx/1.html\n县总工会开展送温暖活动\n春节前，县总工会走访慰问困难职工120户。",
            "平罗县总工会",
            "按来源网址（政府网站）推断的，请核对",
        ),
        (
            "渭南日报讯 市总工会开展送温暖活动\n春节前，市总工会走访慰问困难职工120户。",
            "渭南市总工会",
            "按正文中的地名（报纸名、简称、标题等）推断的，请核对",
        ),
        # named in full: no such note
        ("渭南日报讯 市总工会开展送温暖活动\n春节前，渭南市总工会走访慰问困难职工120户。", "渭南市总工会", None),
    ],
)
def test_an_organisation_the_text_never_writes_out_is_said_to_be_checked(app, text, organisation, note):
    open_import(app)
    app.text_area(key="ri_text").input(text).run()
    assert not app.exception
    assert any(organisation in i.value for i in app.info)
    if note:
        assert any(note in c.value for c in app.caption)
    else:
        assert not any("请核对" in c.value for c in app.caption)


def test_text_without_figures_says_so(app):
    open_import(app)
    app.text_area(key="ri_text").input("全区各级工会紧紧围绕中心大局，锐意进取。力争新建工会组织100家。").run()
    assert not app.exception
    assert any("没有找到可导入的指标数据" in w.value for w in app.warning)


FIVE_YEARS = (
    "示例市东城区总工会第八次代表大会报告\n"
    "五年来，我们致力于服务职工。每年落实困难帮扶资金超过500万元，共帮困职工9000人次。\n"
    "2019年，全年新建工会组织73家。\n"
)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_five_year_reports_figures_are_proposed_and_stored_with_their_periods(app, language):
    # the grid shows each period in the chosen language (2015–2019 total (5 years)) and stores what it reads back
    app.session_state["lang"] = language
    open_import(app)
    app.text_area(key="ri_text").input(FIVE_YEARS).run()
    assert not app.exception
    app.number_input(key=next(k.key for k in app.number_input if k.key.startswith("ri_year_"))).set_value(2019).run()
    app.button(key="ri_commit").click().run()
    assert not app.exception
    done = "Loaded as batch" if language == "en" else "已导入为批次"
    assert [s.value for s in app.success if done in s.value], [e.value for e in app.error]
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        rows = con.execute(
            """
            select indicator_code, year, period
            from observations
            where batch_id = (select max(batch_id) from batches)
            order by indicator_code
            """
        ).fetchall()
    got = {r[0]: (r[1], r[2]) for r in rows}
    assert got["aid_amount"] == (2019, "each:2015-2019")
    assert got["aid_persons"] == (2019, "total:2015-2019")
    assert got["new_unions"] == (2019, "year")


def test_the_grid_says_a_span_ending_before_the_report_year_in_words():
    """1992–2011累计 read from a 2012 report is shown as its words, never as the raw code 'total:1992-2011'
    (the commit then names it: a multi-year figure is stored in its span's last year, not the report's)."""
    from ui.reports import period_words

    assert period_words("total:1992-2011", 2012) == "1992–2011 20年累计"
    assert period_words("total:2015-2019", 2019) == "2015–2019 五年累计"
    assert period_words(None, 2019) == period_words("year", 2019) == "全年"


WITH_A_RANGE = (
    "示例市东城区总工会2023年工作报告\n"
    "2023年，全年新建工会组织73家。全区30名困难职工子女分别领取了2000元至4000元的助学金。\n"
)


@pytest.mark.parametrize(
    "language,mark,commit", [("zh", "待核实", "导入勾选的 2 项数据"), ("en", "To check", "Load the 2 ticked figures")]
)
def test_candidates_to_check_are_listed_unticked_with_their_reason(app, language, mark, commit):
    app.session_state["lang"] = language
    open_import(app)
    app.text_area(key="ri_text").input(WITH_A_RANGE).run()
    assert not app.exception
    grid = app.dataframe[0].value
    assert list(grid["value"]) == [73.0, 30.0, 4000.0]
    assert list(grid["accept"]) == [True, True, False]  # the range's upper end is proposed, not ticked
    assert grid["check"].iloc[:2].tolist() == ["", ""] and grid["check"].iloc[2].startswith(mark)
    assert app.button(key="ri_commit").label == commit


def test_every_review_reason_has_its_words_in_both_languages():
    import texts
    from etl.extract import REVIEW_REASONS

    for reason in REVIEW_REASONS:
        zh, en = texts.t("ri_reason_" + reason, "zh"), texts.t("ri_reason_" + reason, "en")
        assert zh and en and zh != en and "ri_reason" not in zh + en


NO_YEAR = (
    "示例市东城区总工会上半年工作总结\n"
    "上半年，全区新建工会组织30家。截至目前，全区参加医疗互助保障活动的职工历年累计10万人次。\n"
)


@pytest.mark.parametrize(
    "language,before,after",
    [
        ("zh", ["上半年", "历年累计"], ["2020年上半年", "截至2020年累计"]),
        ("en", ["H1", "cumulative"], ["H1 2020", "cumulative to 2020"]),
    ],
)
def test_a_text_without_a_year_is_read_again_with_the_year_chosen(app, language, before, after):
    # before the year is chosen a half-year figure is no 全年, and a running total since all years is no year's figure;
    # once it is, the grid says both with that year and stores them so
    app.session_state["lang"] = language
    open_import(app)
    app.text_area(key="ri_text").input(NO_YEAR).run()
    assert not app.exception
    assert list(app.dataframe[0].value["period"]) == before
    app.number_input(key=next(k.key for k in app.number_input if k.key.startswith("ri_year_"))).set_value(2020).run()
    assert list(app.dataframe[0].value["period"]) == after
    app.button(key="ri_commit").click().run()
    assert not app.exception
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        rows = con.execute(
            "select indicator_code, year, period from observations where batch_id = (select max(batch_id) from batches)"
            " order by indicator_code"
        ).fetchall()
    assert rows == [("mutual_insurance_enrolled", 2020, "cum"), ("new_unions", 2020, "m1-6")]


def test_a_running_total_does_not_untick_the_years_figure_after_it():
    """Two figures of one indicator and two periods are two observations: both ticked, each with its period."""
    from etl.extract import extract
    from ui.reports import candidate_table

    text = (
        "示例市东城区总工会开展金秋助学\n"
        "2021年,区总工会自1998年以来累计筹集助学资金150多万元,资助1000余名困难职工子女。"
        "今年共筹集助学资金10.2万元,资助51名困难职工子女,每人2000元。\n"
    )
    grid = candidate_table(extract(text), text, 2021)
    assert list(grid["value"]) == [1500000.0, 1000.0, 102000.0, 51.0]
    assert list(grid["accept"]) == [True, True, True, True]
    assert grid["period"].iloc[0] != grid["period"].iloc[2] and "1998" in grid["period"].iloc[0]
    # the same indicator twice in one period: only the first is ticked, as before
    again = text + "全区各级工会还为困难职工发放帮扶资金30万元。\n"
    grid = candidate_table(extract(again), again, 2021)
    assert list(grid["value"])[-1] == 300000.0 and list(grid["accept"]) == [True, True, True, True, False]


def test_a_figure_of_another_year_is_stored_in_that_year():
    """2018年新建工会40家 in a report on 2019 is 2018's: its row's year is 2018, both rows are ticked (two years, two
    observations), and the rows for the store keep each one's year."""
    from etl.extract import extract
    from ui.reports import accepted_rows, candidate_table

    text = "示例市东城区总工会2019年工作总结\n2018年新建工会40家,2019年新建工会52家。\n"
    grid = candidate_table(extract(text), text, 2019)
    assert list(grid["value"]) == [40.0, 52.0]
    assert list(grid["year"]) == [2018, 2019] and list(grid["accept"]) == [True, True]
    rows = accepted_rows(grid, "110101", 2019, text)
    assert [(r["indicator"], r["value"], r["year"], r["period"]) for r in rows] == [
        ("new_unions", 40.0, 2018, ""),
        ("new_unions", 52.0, 2019, ""),
    ]
    assert [text[r["start"] : r["end"]] for r in rows] == ["2018年新建工会40家", "2019年新建工会52家"]


def test_a_span_in_a_text_without_a_year_takes_its_years_once_the_year_is_chosen():
    """近5年来… with no year told is a total over five years (never the year's, nor all the years); with the year
    chosen, the span's years."""
    from etl.extract import extract
    from ui.reports import candidate_table

    text = "示例市总工会\n近5年来,市总工会为2000多名农民工追缴拖欠工资5000多万元。\n"
    found = extract(text)
    assert found.report_year is None and [f.period for f in found.facts] == ["last:5"]
    assert list(candidate_table(found, text, None)["period"]) == ["近5年累计"]
    assert list(candidate_table(found, text, 2020)["period"]) == ["2016–2020 五年累计"]
