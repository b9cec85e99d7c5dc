"""The collection cycle: status transitions, reviews, 定稿 locks refusing every write, the audit log, snapshots and as-of."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from pptx import Presentation

from etl import auth, cycle
from etl.__main__ import main as etl_main
from etl.cycle import rollback_impact
from etl.db import open_store
from etl.edits import plan_correction, plan_targets
from etl.store import commit, reapply, rollback, rollback_together
from export.__main__ import main as export_main

ROOT = Path(__file__).resolve().parent.parent
CITY = "示例市"
DONG, XI, NAN, BEI = "900101", "900102", "900103", "900104"


@pytest.fixture
def reviewers(tmp_path, monkeypatch) -> Path:
    """Accounts: a city reviewer, a reviewer for 东城 only, and a district editor."""
    path = tmp_path / "secrets.toml"
    auth.add_editor("chief", "chief-pass-1", None, "李审核", path, role="reviewer")
    auth.add_editor("dongrev", "dongrev-pass", [DONG], "东城审核", path, role="reviewer")
    auth.add_editor("dongcheng", "dong-pass-1", [DONG], "东城编辑", path)
    monkeypatch.setenv("UNION_SECRETS", str(path))
    return path


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = etl_main(list(argv))
        except SystemExit as e:  # argparse usage errors
            code = e.code
    return code, out.getvalue(), err.getvalue()


def statuses(db: Path, year: int = 2023) -> dict[str, str]:
    with open_store(db) as con:
        return {d.district_code: d.status for d in cycle.status(con, CITY, year).districts}


def store_counts(db: Path) -> tuple:
    with open_store(db) as con:
        return con.execute(
            "select (select count(*) from batches), (select count(*) from observations), (select count(*) from targets),"
            " (select count(*) from batches where status = 'committed')"
        ).fetchone()


def approve_all_and_lock(db: Path, year: int = 2023) -> None:
    assert run("approve", "--city", CITY, "--year", str(year), "--by", "chief", "--db", str(db))[0] == 0
    assert run("lock", "--city", CITY, "--year", str(year), "--by", "chief", "--db", str(db))[0] == 0


def test_status_json_has_one_object_per_district_with_the_documented_fields(fresh_db, reviewers):
    code, out, _ = run("status", "--city", CITY, "--year", "2023", "--json", "--db", str(fresh_db))
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 16  # every district of the sample city, reported or not
    by_code = {r["district_code"]: r for r in rows}
    for r in rows:
        assert {"district_code", "district", "status", "missing", "last_batch", "by", "at"} <= set(r)
        assert r["status"] in cycle.STATUSES
    assert by_code[BEI]["status"] == "missing" and by_code[BEI]["last_batch"] is None  # 北山 skipped 2023
    assert by_code[DONG]["status"] == "warnings"  # the fixtures hold only some of the catalogue's indicators
    assert "contract_rate_collective" not in by_code[DONG]["missing"]
    assert "total_workers" in by_code[DONG]["missing"]
    assert by_code[DONG]["by"] == "pytest" and by_code[DONG]["at"].endswith("Z")


def test_every_transition_from_missing_to_locked_and_back(fresh_db, reviewers, fixture_files):
    db = str(fresh_db)
    assert statuses(fresh_db)[DONG] == "warnings"
    code, out, _ = run(
        "return",
        "--city",
        CITY,
        "--year",
        "2023",
        "--districts",
        DONG,
        "--reason",
        "签订率偏高，请核实",
        "--by",
        "chief",
        "--db",
        db,
    )
    assert code == 0 and "东城区" in out
    with open_store(fresh_db) as con:
        d = next(x for x in cycle.status(con, CITY, 2023).districts if x.district_code == DONG)
        assert (d.status, d.reason, d.by) == ("returned", "签订率偏高，请核实", "chief")
        assert [r.district_code for r in cycle.open_returns(con, {DONG})] == [DONG]
        # the editor corrects: a new submission clears the return
        plan = plan_correction(con, DONG, 2023, {"contract_rate_collective": 93.0}, "按退回意见更正")
        commit(plan, con, by="dongcheng", kind="correction")
    assert statuses(fresh_db)[DONG] == "warnings"
    assert run("approve", "--city", CITY, "--year", "2023", "--districts", DONG, "--by", "chief", "--db", db)[0] == 0
    assert statuses(fresh_db)[DONG] == "approved"
    # a later correction makes the district-year wait for review again
    with open_store(fresh_db) as con:
        commit(
            plan_correction(con, DONG, 2023, {"contract_rate_collective": 93.5}, "再改"),
            con,
            by="dongcheng",
            kind="correction",
        )
    assert statuses(fresh_db)[DONG] == "warnings"
    approve_all_and_lock(fresh_db)
    s = statuses(fresh_db)
    assert s[DONG] == s[XI] == s[NAN] == "locked" and s[BEI] == "missing"
    code, out, _ = run(
        "unlock", "--city", CITY, "--year", "2023", "--reason", "更正南湖区", "--by", "chief", "--db", db
    )
    assert code == 0
    assert statuses(fresh_db)[NAN] == "approved"


@pytest.mark.parametrize(
    "argv,words",
    [
        (["approve", "--districts", BEI, "--by", "chief"], "还没有报送数据"),
        (["approve", "--districts", "110101", "--by", "chief"], "不是示例市的区县"),
        (["approve", "--districts", XI, "--by", "dongrev"], "不在您负责的范围内"),
        (["approve", "--by", "dongcheng"], "编辑账号"),
        (["return", "--districts", DONG, "--reason", " ", "--by", "chief"], "请填写原因"),
        (["lock", "--by", "chief"], "还有区县未审核通过"),
        (["lock", "--by", "dongrev"], "不限区县的审核人"),
        (["unlock", "--reason", "x", "--by", "chief"], "没有定稿"),
    ],
)
def test_review_refusals_exit_1_with_a_message_and_change_nothing(fresh_db, reviewers, argv, words):
    with open_store(fresh_db) as con:
        before = con.execute("select count(*) from cycle_events").fetchone()[0]
    code, out, err = run(*argv[:1], "--city", CITY, "--year", "2023", *argv[1:], "--db", str(fresh_db))
    assert code == 1 and words in err, err
    with open_store(fresh_db) as con:
        assert con.execute("select count(*) from cycle_events").fetchone()[0] == before


def test_refusals_in_english_and_usage_errors_exit_2(fresh_db, reviewers):
    code, _, err = run("lock", "--city", CITY, "--year", "2023", "--by", "chief", "--db", str(fresh_db), "--lang", "en")
    assert code == 1 and "cannot be locked while these districts are not approved" in err
    assert run("lock", "--city", "无此市", "--year", "2023", "--db", str(fresh_db))[0] == 1
    assert run("deadline", "--city", CITY, "--year", "2023", "--date", "2024-13-01", "--db", str(fresh_db))[0] == 2
    assert run("return", "--city", CITY, "--year", "2023", "--db", str(fresh_db))[0] == 2  # no districts, no reason


def test_a_scoped_reviewer_approves_only_their_districts(fresh_db, reviewers):
    code, out, _ = run("approve", "--city", CITY, "--year", "2023", "--by", "dongrev", "--db", str(fresh_db))
    assert code == 0
    s = statuses(fresh_db)
    assert s[DONG] == "approved" and s[XI] == s[NAN] == "warnings"


def test_nobody_approves_figures_they_submitted(fresh_db, reviewers):
    with open_store(fresh_db) as con:
        with pytest.raises(cycle.CycleRefused, match="cannot approve their own"):
            cycle.approve(con, CITY, 2023, "pytest", [DONG])  # the fixtures were loaded --by pytest


def test_deadline_days_overdue_and_the_late_districts(fresh_db, reviewers):
    assert run("deadline", "--city", CITY, "--year", "2023", "--date", "2024-03-31", "--db", str(fresh_db))[0] == 0
    with open_store(fresh_db) as con:
        st = cycle.status(con, CITY, 2023)
    assert st.deadline == dt.date(2024, 3, 31)
    assert st.days_overdue(dt.date(2024, 4, 10)) == 10 and st.days_overdue(dt.date(2024, 3, 1)) == 0
    late = {d.district_code for d in st.late(dt.date(2024, 4, 10))}
    assert BEI in late and DONG not in late and len(late) == 13
    assert st.n_reported == 3 and len(st.counted) == 16


def test_a_locked_year_refuses_uploads_from_the_command_line_and_keeps_the_store(
    fresh_db, reviewers, fixture_files, tmp_path
):
    approve_all_and_lock(fresh_db)
    before = store_counts(fresh_db)
    changed = tmp_path / "示例市_2023年更正.csv"
    changed.write_text("区县,年份,集体合同签订率\n东城区,2023,95.5\n", encoding="utf-8")
    code, out, err = run("load", str(changed), "--db", str(fresh_db))
    assert code == 1
    assert "示例市2023年的数据已于" in out and "定稿" in out and "李审核" in out
    code, out, _ = run("load", str(changed), "--db", str(fresh_db), "--lang", "en")
    assert code == 1 and "was locked by 李审核" in out
    assert store_counts(fresh_db) == before
    # other years are open
    open_year = tmp_path / "示例市_2024年.csv"
    open_year.write_text("区县,年份,集体合同签订率\n东城区,2024,96\n", encoding="utf-8")
    assert run("load", str(open_year), "--db", str(fresh_db))[0] == 0


def test_a_locked_year_refuses_corrections_targets_reports_rollbacks_and_reapplies(fresh_db, reviewers, tmp_path):
    with open_store(fresh_db) as con:
        first = con.execute("select min(batch_id) from batches").fetchone()[0]
        rollback(con, first, by="admin")  # to have something to re-apply later
    approve_all_and_lock(fresh_db)
    before = store_counts(fresh_db)
    with open_store(fresh_db) as con:
        plan = plan_correction(con, DONG, 2023, {"contract_rate_collective": 50.0}, "改")
        assert not plan.ok and any(p.code == "year_locked" for p in plan.problems)
        # a scoped editor's targets for their own district, and a target for every district of the year
        for district in (DONG, None):
            tplan = plan_targets(con, [("contract_rate_collective", 2023, district, 99.0)], "新目标", None)
            assert any(p.code == "year_locked" for p in tplan.problems)
        assert plan_targets(con, [("contract_rate_collective", 2025, None, 99.0)], "明年", None).ok
        # a plan checked before the lock and committed after it is refused inside the commit
        plan.problems = [p for p in plan.problems if p.code != "year_locked"]
        with pytest.raises(cycle.Locked):
            commit(plan, con, by="admin", kind="correction")
        later = con.execute("select max(batch_id) from batches where status = 'committed'").fetchone()[0]
        with pytest.raises(cycle.Locked):
            rollback(con, later, by="admin")
        with pytest.raises(cycle.Locked):
            reapply(con, first, by="admin")
    code, _, err = run("rollback", str(later), "--db", str(fresh_db))
    assert code == 1 and "定稿" in err
    assert store_counts(fresh_db) == before


def test_a_locked_year_refuses_a_report_import(empty_db, reviewers):
    from etl.reports import plan_bundled_reports

    with open_store(empty_db) as con:
        reports = plan_bundled_reports(con, ROOT / "data" / "reports")
        r = reports[0]
        key = r.plan.records[0]
        city = cycle.load_catalog().districts[key.district].city_zh
        cycle._insert(con, "lock", city, key.year, None, "chief")
        from etl.reports import ReportsRejected

        with pytest.raises(ReportsRejected) as err:
            plan_bundled_reports(con, ROOT / "data" / "reports")
        assert any(p.code == "year_locked" for p in err.value.problems)
        assert con.execute("select count(*) from observations").fetchone()[0] == 0


def test_the_audit_log_has_every_event_filterable_by_district_and_year(fresh_db, reviewers):
    db = str(fresh_db)
    run(
        "return", "--city", CITY, "--year", "2023", "--districts", XI, "--reason", "缺数据", "--by", "chief", "--db", db
    )
    approve_all_and_lock(fresh_db)
    run("unlock", "--city", CITY, "--year", "2023", "--reason", "改", "--by", "chief", "--db", db)
    with open_store(fresh_db) as con:
        log = cycle.audit_log(con, city=CITY)
        assert {"submit", "targets", "return", "approve", "lock", "unlock"} <= set(log["event"])
        xi = cycle.audit_log(con, district=XI, year=2023)
        assert set(xi["district_code"].dropna()) == {XI}
        assert {"return", "approve", "lock", "unlock"} <= set(xi["event"])
        assert set(cycle.audit_log(con, year=2022)["year"]) == {2022}
        last = con.execute("select max(batch_id) from batches").fetchone()[0]
        rollback(con, last, by="admin")
        assert "rollback" in set(cycle.audit_log(con, city=CITY)["event"])


def test_rollback_impact_lists_later_batches_over_the_same_cells_and_what_remains(fresh_db, reviewers):
    with open_store(fresh_db) as con:
        base = con.execute(
            "select batch_id from batches where source_name like '%2023%' and kind = 'spreadsheet'"
        ).fetchone()[0]
        fix = commit(
            plan_correction(con, DONG, 2023, {"contract_rate_collective": 95.0}, "更正"),
            con,
            by="admin",
            kind="correction",
        )
        impact = rollback_impact(con, base)
        assert impact.later == [fix]
        dong = {(d, y): (now, left) for d, y, now, left in impact.remaining}
        now, left = dong[(DONG, 2023)]
        assert left < now  # the long sheet's figures and the correction remain; the rest goes
        together = {(d, y): left for d, y, _, left in impact.remaining_together}
        assert together[(DONG, 2023)] < left
        rollback_together(con, [base, *impact.later], by="admin")
        status = dict(con.execute("select batch_id, status from batches").fetchall())
        assert status[base] == status[fix] == "rolled_back"


def test_rolling_back_together_is_all_or_nothing(fresh_db, reviewers):
    with open_store(fresh_db) as con:
        ids = [b for (b,) in con.execute("select batch_id from batches order by 1").fetchall()]
        rollback(con, ids[0], by="admin")
        from etl.store import BatchError

        with pytest.raises(BatchError):
            rollback_together(con, ids[:2], by="admin")  # the first is rolled back already
        assert con.execute("select status from batches where batch_id = $b", {"b": ids[1]}).fetchone()[0] == "committed"


def test_as_of_shadows_the_batches_on_one_connection_only(fresh_db, reviewers):
    with open_store(fresh_db) as con:
        before = con.execute("select count(*) from current_observations").fetchone()[0]
        sid = cycle.take_snapshot(con, "会前", "chief")
        last = con.execute("select max(batch_id) from batches").fetchone()[0]
        rollback(con, last, by="admin")
    with open_store(fresh_db, read_only=True) as con:
        live = con.execute("select count(*) from current_observations").fetchone()[0]
        snap = cycle.apply_as_of(con, sid)
        assert con.execute("select count(*) from current_observations").fetchone()[0] == before != live
        assert cycle.snapshot_label(con) == snap.label() and "会前" in snap.label()
    with open_store(fresh_db, read_only=True) as con:
        assert con.execute("select count(*) from current_observations").fetchone()[0] == live
        assert cycle.snapshot_label(con) is None


def test_snapshot_prints_its_id_last_and_unknown_ids_are_refused(fresh_db, reviewers, tmp_path):
    code, out, _ = run("snapshot", "--note", "2023年全委会", "--db", str(fresh_db))
    assert code == 0 and out.split()[-1] == "1" and "2023年全委会" in out
    code, out, _ = run("snapshot", "--db", str(fresh_db), "--lang", "en")
    assert code == 0 and out.split()[-1] == "2"
    code, out, _ = run("snapshots", "--db", str(fresh_db))
    assert "2023年全委会" in out
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = export_main(
            ["chart", "contracts_ranking", str(tmp_path / "x.csv"), "--as-of", "9", "--db", str(fresh_db)]
        )
    assert code == 1 and "没有编号为 #9 的快照" in err.getvalue()
    assert not (tmp_path / "x.csv").exists()


def _deck_charts(path: Path) -> list:
    """Every chart of a deck as (slide title, categories, series name and values), and every table's cells."""
    prs = Presentation(str(path))
    out = []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                for plot in shape.chart.plots:
                    out.append(
                        (
                            list(plot.categories),
                            [(s.name, [None if v is None else round(v, 6) for v in s.values]) for s in plot.series],
                        )
                    )
            if shape.has_table:
                out.append([[c.text for c in row.cells] for row in shape.table.rows])
    return out


def test_a_deck_as_of_a_snapshot_equals_the_original_after_a_correction_and_a_rollback(fresh_db, reviewers, tmp_path):
    def deck(name: str, *extra: str) -> Path:
        out = tmp_path / name
        with redirect_stdout(io.StringIO()):
            assert export_main(["deck", str(out), "--year", "2023", "--db", str(fresh_db), *extra]) == 0
        return out

    original = deck("original.pptx")
    code, out, _ = run("snapshot", "--note", "2023年全委会", "--db", str(fresh_db))
    sid = out.split()[-1]
    with open_store(fresh_db) as con:
        commit(
            plan_correction(con, DONG, 2023, {"contract_rate_collective": 70.0}, "会后更正"),
            con,
            by="admin",
            kind="correction",
        )
        csv_batch = con.execute("select batch_id from batches where source_name like '%2023%'").fetchone()[0]
        rollback(con, csv_batch, by="admin")
    after = deck("after.pptx")
    as_of = deck("as_of.pptx", "--as-of", sid)
    charts = _deck_charts(original)
    assert charts and _deck_charts(as_of) == charts
    assert _deck_charts(after) != charts  # the later edits do change the live deck


def test_approved_only_shows_just_approved_or_locked_district_years(fresh_db, reviewers):
    run("approve", "--city", CITY, "--year", "2023", "--districts", DONG, "--by", "chief", "--db", str(fresh_db))
    with open_store(fresh_db, read_only=True) as con:
        cycle.apply_approved_only(con)
        shown = set(con.execute("select distinct district_code, year from current_observations").fetchall())
        assert shown == {(DONG, 2023)}
    with open_store(fresh_db, read_only=True) as con:  # by default everything shows, the rest marked 未审核
        assert cycle.unapproved(con, CITY, 2023) == [XI, NAN]


def test_reviewer_accounts_log_in_as_reviewers_and_cannot_edit(reviewers):
    user = auth.authenticate("chief", "chief-pass-1", reviewers)
    assert user.role == "reviewer" and user.can_review and not user.can_edit
    assert not auth.authenticate("dongcheng", "dong-pass-1", reviewers).can_review


def test_add_editor_reviewer_from_the_command_line(tmp_path):
    path = tmp_path / "s.toml"
    r = subprocess.run(
        [sys.executable, "-m", "etl", "add-editor", "rev", "--reviewer", "--password-stdin", "--secrets", str(path)],
        input="a-long-password\n",
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert auth.authenticate("rev", "a-long-password", path).role == "reviewer"


def test_times_show_in_the_deployment_time_zone(monkeypatch):
    monkeypatch.delenv("UNION_TIMEZONE", raising=False)
    assert cycle.local_time(dt.datetime(2025, 1, 1, 0, 30)) == "2025-01-01 08:30"  # Asia/Shanghai by default
    monkeypatch.setenv("UNION_TIMEZONE", "UTC")
    assert cycle.local_time(dt.datetime(2025, 1, 1, 0, 30)) == "2025-01-01 00:30"


def test_the_reminder_notice_names_each_late_district_and_what_it_lacks(fresh_db, reviewers):
    run("deadline", "--city", CITY, "--year", "2023", "--date", "2024-03-31", "--db", str(fresh_db))
    run(
        "return",
        "--city",
        CITY,
        "--year",
        "2023",
        "--districts",
        XI,
        "--reason",
        "缺纠纷数据",
        "--by",
        "chief",
        "--db",
        str(fresh_db),
    )
    with open_store(fresh_db) as con:
        st = cycle.status(con, CITY, 2023)
    zh = cycle.reminder_notice(st, dt.date(2024, 4, 10))
    assert "报送截止日期为2024年3月31日，已逾期10天" in zh
    assert "北山区：尚未报送任何数据" in zh and "西城区：数据已退回，原因：缺纠纷数据" in zh
    assert "东城区：尚缺" in zh and zh.rstrip().endswith("2024年4月10日")
    en = cycle.reminder_notice(st, dt.date(2024, 4, 10), lang="en")
    assert "10 days overdue" in en and "Beishan: no figures reported" in en
