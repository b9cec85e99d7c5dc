"""The bundled real reports: figures that cite their text exactly, loaded as report batches with evidence, kept apart from the sample."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl import cli
from etl.catalog import load_catalog
from etl.db import open_store
from etl.periods import parse_period
from etl.problems import has_errors
from etl.reports import (
    FIGURES_SUFFIX,
    REPORT_DIR,
    ReportsRejected,
    load_bundled_reports,
    read_manifest,
    report_plan,
)
from etl.store import rollback

ROOT = Path(__file__).resolve().parent.parent
cat = load_catalog()

FIGURES = sorted(REPORT_DIR.glob("*" + FIGURES_SUFFIX))
MANIFEST = read_manifest(REPORT_DIR)


def text_of(figures: Path) -> str:
    with open(figures.with_name(figures.name[: -len(FIGURES_SUFFIX)] + ".txt"), encoding="utf-8", newline="") as f:
        return f.read()


def rows_of(figures: Path) -> list[dict]:
    with open(figures, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def current(db: Path, district: str, year: int, indicator: str, period: str = "year"):
    with open_store(db, read_only=True) as con:
        return con.execute(
            """
            select c.value, c.qualifier, c.evidence, b.kind, b.source_name
            from current_period_observations as c
            join batches as b using (batch_id)
            where c.district_code = $d and c.year = $y and c.indicator_code = $i and c.period = $p
            """,
            {"d": district, "y": year, "i": indicator, "p": period},
        ).fetchone()


def test_five_reports_are_bundled_each_with_its_text_and_a_manifest_row():
    assert len(FIGURES) >= 5  # the five of the first release; more may be added (see data/reports/README.md)
    for figures in FIGURES:
        name = figures.name[: -len(FIGURES_SUFFIX)] + ".txt"
        assert (REPORT_DIR / name).is_file() and name in MANIFEST
    assert sorted(MANIFEST) == sorted(f.name[: -len(FIGURES_SUFFIX)] + ".txt" for f in FIGURES)


@pytest.mark.parametrize("figures", FIGURES, ids=lambda p: p.name)
def test_every_figure_cites_its_text_exactly(figures):
    text = text_of(figures)
    rows = rows_of(figures)
    entry = MANIFEST[figures.name[: -len(FIGURES_SUFFIX)] + ".txt"]
    assert rows
    for r in rows:
        start, end = int(r["start"]), int(r["end"])
        assert text[start:end] == r["evidence"], r
        assert r["district_code"] == entry["district_code"]
        period = parse_period(r["period"], int(r["year"]))  # a multi-year figure is stored at its span's last year
        if period.kind == "asof":  # a count as of a date when the report was given, after the year it reviews
            assert int(entry["year"]) <= period.year <= int(entry["year"]) + 1
        else:
            assert int(r["year"]) == int(entry["year"])
        assert r["indicator"] in cat.indicators
        assert r["unit"] == cat.indicators[r["indicator"]].unit  # values in the catalogue's base unit
        assert r["qualifier"] in ("exact", "approx", "more_than", "nearly")
        assert r["note"].strip()
    keys = [(r["district_code"], r["year"], r["indicator"], r["period"]) for r in rows]
    assert len(keys) == len(set(keys))  # one figure per district, year, indicator and period


@pytest.mark.parametrize("code", ["330600", "310000"])
def test_five_year_reports_say_their_period_in_every_row_and_the_manifest(code):
    figures = [f for f in FIGURES if rows_of(f)[0]["district_code"] == code]
    assert len(figures) == 1
    for r in rows_of(figures[0]):
        assert "五年" in r["note"] and ("2015–2019" in r["note"] or "2013–2017" in r["note"])
        assert not parse_period(r["period"], int(r["year"])).is_annual  # none of them is one year's figure
    entry = next(e for e in MANIFEST.values() if e["district_code"] == code)
    assert "五年" in entry["period"]


def test_real_organisations_are_in_the_catalogue_apart_from_the_sample():
    real = {"310118": ("上海市", "district"), "330104": ("杭州市", "district"), "440113": ("广州市", "district")}
    real |= {"330600": ("绍兴市", "city"), "310000": ("上海市", "city")}
    for code, (city, level) in real.items():
        d = cat.districts[code]
        assert (d.city_zh, d.level, d.is_sample) == (city, level, False)
    for alias in ("青浦", "青浦区", "上海市青浦区", "青浦区总工会", "上海市青浦区总工会"):
        assert cat.match_district(alias) == ["310118"]
    assert cat.match_district("浙江省绍兴市总工会") == ["330600"]
    assert cat.match_district("上海市总工会") == ["310000"]


# --- loading ------------------------------------------------------------------------------------------------


@pytest.fixture
def reports_db(empty_db) -> Path:
    with open_store(empty_db) as con:
        assert len(load_bundled_reports(con)) == len(FIGURES)
    return empty_db


@pytest.mark.parametrize(
    "district,year,indicator,value,qualifier,evidence,period",
    [
        ("310118", 2016, "aid_persons", 2003, "exact", "全年帮困职工2003人次", "year"),  # not the 89 困难劳模
        ("310118", 2016, "contract_rate_wage", 82, "exact", "三份合同签订率分别达到93%82%93%", "year"),
        ("310118", 2016, "money_recovered", 6_200_000, "nearly", "挽回经济损失近620万元", "year"),
        ("330104", 2015, "new_members", 19_600, "exact", "新增会员1.96万名", "year"),
        ("330104", 2015, "training_persons", 18_860, "exact", "累计参加岗位培训18860人次", "year"),
        ("440113", 2018, "new_unions", 306, "exact", "全区共新建基层工会306家", "year"),  # not the 244 of the drive
        (
            "440113",
            2018,
            "disputes_reported",
            54,
            "exact",
            "劳资纠纷案件等共\xa054\xa0件",
            "year",
        ),  # spaces as in the text
        (
            "330600",
            2019,
            "legal_consultations",
            5581,
            "exact",
            "受理各类咨 询、案件5581件(次)",
            "total:2015-2019",
        ),  # the stray space
        ("330600", 2019, "aid_amount", 20_000_000, "more_than", "每年落实困难帮扶资金超过2000万元", "each:2015-2019"),
        ("310000", 2018, "total_members", 4_300_000, "exact", "录入430万实名会员", "asof:2018-04"),
    ],
)
def test_loaded_reports_give_the_reviewed_values_with_their_evidence(
    reports_db, district, year, indicator, value, qualifier, evidence, period
):
    got = current(reports_db, district, year, indicator, period)
    assert got[:3] == (value, qualifier, evidence)
    assert got[3] == "report" and got[4].endswith(".txt")


def test_each_report_is_its_own_batch_with_a_note_naming_title_and_period(reports_db):
    with open_store(reports_db, read_only=True) as con:
        batches = con.execute(
            "select kind, source_name, note, is_sample, n_new from batches order by batch_id"
        ).fetchall()
        refs = con.execute("select source_ref from observations where district_code = '330600'").fetchall()
    assert [b[0] for b in batches] == ["report"] * len(FIGURES) and not any(b[3] for b in batches)
    by_file = {b[1]: b for b in batches}
    assert set(by_file) == set(MANIFEST)
    for name, entry in MANIFEST.items():
        assert entry["title"] in by_file[name][2] and entry["period"] in by_file[name][2]
        assert by_file[name][4] == len(rows_of(REPORT_DIR / name.replace(".txt", FIGURES_SUFFIX)))
    assert all(":报告!字符 " in r[0] for r in refs)


def test_loading_twice_adds_nothing(reports_db):
    with open_store(reports_db) as con:
        before = con.execute("select count(*), (select count(*) from observations) from batches").fetchone()
        assert load_bundled_reports(con) == []
        assert con.execute("select count(*), (select count(*) from observations) from batches").fetchone() == before


def corrected_copy(tmp_path: Path, stem: str, indicator: str, value: str) -> Path:
    """A copy of one bundled report whose reviewed figure for `indicator` now reads `value`."""
    out = tmp_path / "reports"
    out.mkdir()
    shutil.copyfile(REPORT_DIR / f"{stem}.txt", out / f"{stem}.txt")
    rows = rows_of(REPORT_DIR / f"{stem}{FIGURES_SUFFIX}")
    for r in rows:
        if r["indicator"] == indicator:
            r["value"] = value
    with open(out / f"{stem}{FIGURES_SUFFIX}", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out


def test_a_corrected_review_is_a_new_batch_and_its_rollback_shows_the_previous_value(reports_db, tmp_path):
    folder = corrected_copy(tmp_path, "2016_青浦区总工会工作报告", "aid_persons", "2030")
    with open_store(reports_db) as con:
        [batch] = load_bundled_reports(con, folder)
        n_changed = con.execute(
            "select n_changed, n_unchanged from batches where batch_id = $b", {"b": batch}
        ).fetchone()
    assert n_changed == (1, 15)
    assert current(reports_db, "310118", 2016, "aid_persons")[0] == 2030
    with open_store(reports_db) as con:
        rollback(con, batch, by="pytest")
    assert current(reports_db, "310118", 2016, "aid_persons")[:3] == (2003, "exact", "全年帮困职工2003人次")
    with open_store(reports_db) as con:  # a rolled-back review is not loaded again behind the user's back
        assert load_bundled_reports(con, folder) == []


def test_rolling_back_a_report_batch_removes_its_figures(reports_db):
    with open_store(reports_db) as con:
        batch = con.execute("select batch_id from batches where source_name like '%番禺%'").fetchone()[0]
        rollback(con, batch, by="pytest")
    assert current(reports_db, "440113", 2018, "total_members") is None


def test_a_broken_file_loads_nothing_and_names_the_figure(empty_db, tmp_path):
    folder = corrected_copy(tmp_path, "2018_番禺区总工会工作报告", "wage_negotiation_coverage", "185")
    shutil.copyfile(REPORT_DIR / "2015_江干区总工会工作报告.txt", folder / "2015_江干区总工会工作报告.txt")
    shutil.copyfile(
        REPORT_DIR / f"2015_江干区总工会工作报告{FIGURES_SUFFIX}", folder / f"2015_江干区总工会工作报告{FIGURES_SUFFIX}"
    )
    with open_store(empty_db) as con:
        with pytest.raises(ReportsRejected) as err:
            load_bundled_reports(con, folder)
        assert con.execute("select count(*) from batches").fetchone()[0] == 0  # not even the good report
    [p] = err.value.problems
    assert p.code == "report_percent_out_of_range"
    assert "全区涵盖工资集体协商覆盖率85%" in p.message() and "185%" in p.message()


def test_a_report_text_missing_is_said_plainly(empty_db, tmp_path):
    shutil.copyfile(REPORT_DIR / f"2015_江干区总工会工作报告{FIGURES_SUFFIX}", tmp_path / f"x{FIGURES_SUFFIX}")
    with open_store(empty_db) as con, pytest.raises(ReportsRejected) as err:
        load_bundled_reports(con, tmp_path)
    assert "x.txt" in err.value.problems[0].message()


# --- report_plan: the checks the report-import page relies on ------------------------------------------------

TEXT = "2016年，全年新建工会组织数73家，发展会员8000余人。集体合同签订率达到93%。全年帮困职工2003人次。"


def row(evidence: str, indicator: str, value: float, district: str = "310118", **kw) -> dict:
    start = TEXT.find(evidence)
    return {
        "district_code": district,
        "year": 2016,
        "indicator": indicator,
        "value": value,
        "qualifier": "exact",
        "evidence": evidence,
        "start": start,
        "end": start + len(evidence),
        **kw,
    }


GOOD = [
    row("全年新建工会组织数73家", "new_unions", 73),
    row("发展会员8000余人", "new_members", 8000, qualifier="more_than"),
    row("集体合同签订率达到93%", "contract_rate_collective", 93),
]


@pytest.mark.parametrize(
    "bad,code,words",
    [
        (row("集体合同签订率达到93%", "contract_rate_collective", 930), "report_percent_out_of_range", ["930%"]),
        (row("全年帮困职工2003人次", "aid_persons", 2003, district="310119"), "report_unknown_district", ["310119"]),
        (row("全年帮困职工2003人次", "other:帮困", 2003), "report_unknown_indicator", ["other:帮困"]),
        (row("全年帮困职工2003人次", "aid_persons", -2003), "report_negative_value", []),
        (row("全年帮困职工2003人次", "aid_persons", "二千"), "report_bad_value", ["二千"]),
        (row("全年帮困职工2003人次", "aid_persons", 2003, start=0, end=5), "report_evidence_mismatch", ["“2016年”"]),
        (row("全年帮困职工2003人次", "new_unions", 2003), "report_duplicate", ["全年新建工会组织数73家"]),
    ],
)
def test_report_plan_rejects_a_bad_figure_naming_its_evidence(empty_db, bad, code, words):
    with open_store(empty_db) as con:
        plan, _ = report_plan(con, [*GOOD, bad], "报告.txt", TEXT)
    assert not plan.ok
    errors = [p for p in plan.problems if p.severity == "error"]
    assert [p.code for p in errors] == [code]
    for lang in ("zh", "en"):
        msg = errors[0].message(lang)
        assert bad["evidence"] in msg and "4" in msg  # the figure's number (4th row) and its words
        for w in words:
            assert w in msg
    assert errors[0].line().startswith("报告.txt:报告!")


def test_report_plan_of_good_rows_plans_them_with_evidence_and_recognises_them_once_loaded(empty_db):
    from etl.store import commit

    with open_store(empty_db) as con:
        plan, evidence = report_plan(con, GOOD, "报告.txt", TEXT)
        assert plan.ok and len(plan.new) == 3 and not has_errors(plan.problems)
        assert evidence[("310118", 2016, "new_members", "year")] == "发展会员8000余人"
        assert plan.new[0].cell.startswith("字符 ") and plan.new[0].sheet == "报告"
        commit(plan, con, by="pytest", kind="report", evidence=evidence)
        again, _ = report_plan(con, list(reversed(GOOD)), "报告.txt", TEXT)
        assert again.already_loaded is not None  # same text, same reviewed figures


def test_report_plan_finds_a_unique_evidence_without_offsets_and_checks_rules_against_it(empty_db):
    rows = [
        {k: v for k, v in r.items() if k not in ("start", "end")}
        for r in [row("全年帮困职工2003人次", "aid_persons", 2003)]
    ]
    with open_store(empty_db) as con:
        plan, _ = report_plan(con, rows, "报告.txt", TEXT)
        start = TEXT.find("全年帮困职工2003人次")
        assert plan.ok and plan.new[0].cell == f"字符 {start}–{start + len('全年帮困职工2003人次')}"
        resolved = row("全年新建工会组织数73家", "disputes_resolved", 73) | {"evidence": "全年新建工会组织数73家"}
        reported = row("发展会员8000余人", "disputes_reported", 5)
        plan, _ = report_plan(con, [resolved, reported], "报告.txt", TEXT)
    [p] = [p for p in plan.problems if p.severity == "error"]
    assert p.code == "rule_violation" and "全年新建工会组织数73家" in p.message()  # the rule quotes the evidence


def test_report_plan_keeps_a_scoped_editor_to_their_districts(empty_db):
    with open_store(empty_db) as con:
        plan, _ = report_plan(con, GOOD, "报告.txt", TEXT, {"900101"})
    assert [p.code for p in plan.problems if p.severity == "error"] == ["district_outside_scope"]


# --- the command line --------------------------------------------------------------------------------------


def etl(*args):
    return subprocess.run([sys.executable, "-m", "etl", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


def test_cli_loads_the_reports_then_says_they_are_already_loaded(tmp_path):
    db = tmp_path / "s.duckdb"
    first = etl("reports", "--db", db)
    assert first.returncode == 0, first.stderr
    n = len(FIGURES)
    assert first.stdout.count("已导入为批次") == n and f"新导入 {n} 份" in first.stdout
    second = etl("reports", "--db", db, "--lang", "en")
    assert second.returncode == 0
    assert second.stdout.count("already loaded as batch") == n and f"0 loaded now, {n} already" in second.stdout
    third = etl("reports", "--db", db, "--if-empty")
    assert third.returncode == 0 and f"已有 {n} 个报告批次" in third.stdout
    assert "Traceback" not in first.stdout + first.stderr + second.stderr + third.stderr


def test_cli_rejects_a_broken_folder_with_exit_1_and_writes_nothing(tmp_path):
    folder = corrected_copy(tmp_path, "2016_青浦区总工会工作报告", "new_unions", "-73")
    db = tmp_path / "s.duckdb"
    r = etl("reports", "--db", db, "--dir", folder)
    assert r.returncode == 1
    assert "2016_青浦区总工会工作报告.txt:报告!字符 1842–1854: " in r.stdout and "全年新建工会组织数73家" in r.stdout
    with open_store(db, read_only=True) as con:
        assert con.execute("select count(*) from batches").fetchone()[0] == 0


def test_make_run_loads_the_reports_after_the_sample():
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    run = make[make.index("\nrun:") : make.index("\ntest:")]
    assert run.index("etl sample --if-empty") < run.index("etl reports --if-empty") < run.index("streamlit run")


# --- the dashboard on the sample plus the reports ---------------------------------------------------------------


@pytest.fixture(scope="module")
def both_db(tmp_path_factory) -> Path:
    """A store as `make run` leaves it: the sample city, then the bundled reports."""
    work = tmp_path_factory.mktemp("both")
    db = work / "both.duckdb"
    assert cli.cmd_sample(str(db), str(work / "sample"), True, "zh") == 0
    assert cli.cmd_reports(str(db), None, True, "pytest", "zh") == 0
    return db


def start(db: Path, monkeypatch, **params) -> AppTest:
    monkeypatch.setenv("UNION_DB", str(db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    return at


def test_sample_city_still_opens_first_with_its_badge_and_the_real_cities_are_listed(both_db, monkeypatch):
    at = start(both_db, monkeypatch)
    box = at.selectbox(key="w_city")
    assert box.value == "示例市"
    assert set(box.options) == {"示例市", "上海市", "杭州市", "广州市", "绍兴市"}
    assert any("示例市" in c.value for c in at.caption)  # the sample note


CHART_PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("0[1-7]_*.py"))
REAL = [("上海市", 2016), ("上海市", 2018), ("杭州市", 2015), ("广州市", 2018), ("绍兴市", 2019)]


@pytest.mark.parametrize("city,year", REAL)
def test_real_city_pages_launch_without_a_sample_badge(both_db, monkeypatch, city, year):
    at = start(both_db, monkeypatch, city=city, year=str(year))
    assert at.session_state["city"] == city and at.session_state["year"] == year
    for page in CHART_PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, at.exception)
        assert not any("示例" in c.value for c in at.caption), page
        for chart in at.get("plotly_chart"):
            assert "示例数据" not in chart.proto.spec


def test_profile_shows_each_report_figure_with_its_words(both_db, monkeypatch):
    at = start(both_db, monkeypatch, city="上海市", year="2016")
    at.switch_page("pages/07_profile.py").run()
    sources = [d.value for d in at.dataframe if list(d.value.columns) == ["指标", "数值", "来源", "原文证据"]]
    assert sources
    got = dict(zip(sources[0]["指标"], sources[0]["原文证据"], strict=True))
    assert got["帮扶困难职工"] == "全年帮困职工2003人次"
    assert any(e.label.startswith("数据出处（16 项摘自工作报告") for e in at.expander)
    # one district in the city: no standing chart against nobody, a sentence instead
    assert not at.get("plotly_chart") and any("没有可比的区县" in c.value for c in at.caption)


def test_city_with_only_its_federation_says_so_on_the_profile(both_db, monkeypatch):
    at = start(both_db, monkeypatch, city="绍兴市", year="2019")
    at.switch_page("pages/07_profile.py").run()
    assert not at.exception
    assert any("只有市总工会本级" in i.value for i in at.info)
    at.switch_page("pages/01_overview.py").run()
    assert not at.exception
    # 18,976 is 2015–2019's five-year total: never a 2019 card
    assert "帮扶困难职工（人次）" not in {m.label for m in at.metric}


def test_sample_targets_do_not_judge_real_districts(both_db, monkeypatch):
    at = start(both_db, monkeypatch, city="上海市", year="2016")
    assert not any("目标" in c.value for c in at.caption)  # 93% would "meet" the sample's fictional 85%
    at = start(both_db, monkeypatch, city="示例市", year="2016")
    assert any("目标 85.0%" in c.value for c in at.caption)  # the sample keeps its own


def test_batch_detail_shows_the_evidence(both_db, monkeypatch):
    from etl import auth

    monkeypatch.setattr(auth, "THROTTLE", auth.LoginThrottle())
    with open_store(both_db, read_only=True) as con:
        batch = con.execute("select batch_id from batches where source_name like '%绍兴%'").fetchone()[0]
    at = start(both_db, monkeypatch)
    at.query_params["batch"] = str(batch)
    at.switch_page("pages/10_batches.py").run()
    assert not at.exception
    detail = [d.value for d in at.dataframe if "原文证据" in d.value.columns]
    assert detail and "五年来培训职工超过30万人次" in set(detail[0]["原文证据"])


def without_periods(tmp_path: Path, stem: str) -> Path:
    """A copy of one bundled report as it was reviewed before periods existed: no period column."""
    out = tmp_path / "old_reports"
    out.mkdir(exist_ok=True)
    shutil.copyfile(REPORT_DIR / f"{stem}.txt", out / f"{stem}.txt")
    rows = rows_of(REPORT_DIR / f"{stem}{FIGURES_SUFFIX}")
    for r in rows:
        if r["period"].startswith("asof:"):
            r["year"] = MANIFEST[f"{stem}.txt"]["year"]
        del r["period"]
    with open(out / f"{stem}{FIGURES_SUFFIX}", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return out


def test_restoring_the_shaoxing_report_with_periods_takes_its_totals_out_of_the_annual_figures(empty_db, tmp_path):
    stem = "2019_绍兴市总工会代表大会报告"
    with open_store(empty_db) as con:
        [old] = load_bundled_reports(con, without_periods(tmp_path, stem))
        assert con.execute("select count(*) from city_figures where city_zh = '绍兴市'").fetchone()[0] == 7
    # `make run` on a store that already has reports still takes the revised review
    assert cli.cmd_reports(str(empty_db), None, True, "pytest", "zh") == 0
    with open_store(empty_db, read_only=True) as con:
        new = con.execute(
            "select batch_id, n_changed from batches where batch_id > $b and source_name = $n",
            {"b": old, "n": f"{stem}.txt"},
        ).fetchall()
        annual = con.execute("select count(*) from current_observations where district_code = '330600'").fetchone()
        figures = con.execute("select count(*) from city_figures where city_zh = '绍兴市'").fetchone()
        periods = con.execute(
            "select indicator_code, period from current_period_observations where district_code = '330600'"
        ).fetchall()
    assert len(new) == 1 and new[0][1] == 7  # the seven year-figures cleared, each stored again with its period
    assert annual == (0,) and figures == (0,)  # no five-year total stands in a 2019 chart or card any more
    assert dict(periods)["aid_amount"] == "each:2015-2019" and dict(periods)["training_persons"] == "total:2015-2019"
    with open_store(empty_db) as con:  # rolling the revision back brings the old review back, whole
        rollback(con, new[0][0], by="pytest")
        assert con.execute("select count(*) from current_observations where district_code = '330600'").fetchone() == (
            7,
        )


def test_a_store_made_before_periods_opens_and_reads_its_figures_as_the_years(fresh_db):
    with open_store(fresh_db) as con:
        n = con.execute("select count(*) from current_observations").fetchone()[0]
        for view in (
            "city_figures",
            "district_metrics",
            "current_metrics",
            "current_observations",
            "current_period_observations",
        ):
            con.execute(f"drop view {view}")
        con.execute("alter table observations drop column period")
        # as a store written before periods: schema version 1, no fingerprints of schema.sql and the catalogue
        con.execute("delete from meta where key in ('schema_sha', 'catalog_sha')")
        con.execute("update meta set value = '1' where key = 'schema_version'")
    with open_store(fresh_db) as con:  # the writable open applies the schema: the column comes back, as 'year'
        assert con.execute("select count(*) from current_observations").fetchone()[0] == n
        assert con.execute("select count(*) from observations where coalesce(period, 'year') <> 'year'").fetchone() == (
            0,
        )


def test_a_period_the_report_cannot_place_is_refused_naming_the_figure(empty_db):
    text = "五年来培训职工超过30万人次。"
    row = {
        "district_code": "330600",
        "year": 2019,
        "indicator": "training_persons",
        "value": 300000,
        "qualifier": "more_than",
        "evidence": "培训职工超过30万人次",
        "period": "2015-2018累计",
    }
    with open_store(empty_db) as con:
        plan, _ = report_plan(con, [row], "r.txt", text)
    [p] = [p for p in plan.problems if p.severity == "error"]
    assert p.code == "report_bad_period" and "2015-2018累计" in p.message("zh") and "2019" in p.message("en")
    row["period"] = "五年来"
    with open_store(empty_db) as con:
        plan, _ = report_plan(con, [row], "r.txt", text)
    assert plan.ok and [r.period for r in plan.new] == ["total:2015-2019"]


def test_a_reports_figure_of_another_year_is_loaded_in_that_year(empty_db):
    """2018年新建工会40家 in a report on 2019, taken as proposed, lands in 2018, and 2019's figure in 2019."""
    from etl.extract import extract
    from etl.store import commit
    from ui.reports import accepted_rows, candidate_table

    text = "青浦区总工会2019年工作总结\n2018年新建工会40家,2019年新建工会52家。\n"
    rows = accepted_rows(candidate_table(extract(text), text, 2019), "310118", 2019, text)
    with open_store(empty_db) as con:
        plan, evidence = report_plan(con, rows, "报告.txt", text)
        assert plan.ok and not has_errors(plan.problems)
        commit(plan, con, by="pytest", kind="report", evidence=evidence)
    assert current(empty_db, "310118", 2018, "new_unions")[:3] == (40.0, "exact", "2018年新建工会40家")
    assert current(empty_db, "310118", 2019, "new_unions")[:3] == (52.0, "exact", "2019年新建工会52家")
