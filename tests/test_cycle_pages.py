"""The collection cycle in the browser (AppTest): the progress page, reviewer actions, locks refusing edits, the
return notice, the batches page's audit log and safer rollback, the overview's completion bar, snapshots."""

from __future__ import annotations

import io
import os

import pandas as pd
import pytest

from etl import auth, cycle
from etl.db import open_store

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CITY, DONG, XI = "示例市", "900101", "900102"


def xlsx_bytes(rows, sheet="2023") -> bytes:
    buf = io.BytesIO()
    pd.DataFrame(rows[1:], columns=rows[0]).to_excel(buf, index=False, sheet_name=sheet)
    return buf.getvalue()


@pytest.fixture
def app(staff_app, secrets_file):
    auth.add_editor("chief", "chief-pass-1", None, "李审核", secrets_file, role="reviewer")
    auth.add_editor("dongrev", "dongrev-pass", [DONG], "东城审核", secrets_file, role="reviewer")
    return staff_app


def login(at, name, password):
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click().run()
    return at


def login_as(at, name, password, page="pages/15_progress.py"):
    """Log in on the upload page's form, then open `page`."""
    at.switch_page("pages/08_upload.py").run()
    login(at, name, password)
    assert "editor" in at.session_state
    at.switch_page(page).run()
    return at


def logout(at):
    at.session_state["editor"] = None
    return at


def open_progress(at, year="2023"):
    at.query_params["progress_year"] = year
    at.switch_page("pages/15_progress.py").run()
    assert not at.exception, at.exception
    return at


def progress_table(at) -> pd.DataFrame:
    return at.dataframe[0].value


def test_progress_page_lists_every_district_with_its_status(app):
    open_progress(app)
    table = progress_table(app)
    assert len(table) == 16
    status = dict(zip(table["区县"], table["状态"], strict=True))
    assert status["北山区"] == "未报送" and status["东城区"] == "有问题"
    assert set(table["操作人"]) == {"登录后可见"}  # names only for logged-in users
    assert any("已报送 3/16" in p.proto.text for p in app.get("progress"))
    notice = app.get("code")[0].value
    assert notice.startswith("关于报送2023年度") and "北山区：尚未报送任何数据" in notice


def test_editor_sees_no_review_actions_and_cannot_approve(app):
    login_as(app, "admin", "admin-pass-1")
    open_progress(app)
    assert any("需要审核人账号" in i.value for i in app.info)
    assert not [b for b in app.button if b.label == "审核通过"]


def test_reviewer_approves_returns_and_locks_and_the_lock_refuses_a_correction(app):
    login_as(app, "chief", "chief-pass-1")
    open_progress(app)
    app.multiselect(key="review_districts").set_value([XI]).run()
    app.text_input(key="review_reason").input("缺少纠纷数据").run()
    app.button(key="review_return").click().run()
    assert not app.exception
    assert dict(zip(progress_table(app)["区县"], progress_table(app)["状态"], strict=True))["西城区"] == "已退回"
    app.multiselect(key="review_districts").set_value(["900101", "900102", "900103"]).run()
    app.button(key="review_approve").click().run()
    app.button(key="review_lock").click().run()
    assert not app.exception
    status = dict(zip(progress_table(app)["区县"], progress_table(app)["状态"], strict=True))
    assert status["东城区"] == status["西城区"] == "已定稿"
    assert any("李审核" in i.value for i in app.info)  # the lock's note names who
    # an editor's upload into the locked year is refused with the lock named, the store unchanged
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        before = con.execute("select count(*) from batches").fetchone()[0]
    logout(app)
    login_as(app, "admin", "admin-pass-1", "pages/08_upload.py")
    app.get("file_uploader")[0].upload(
        "改.xlsx", xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 97.0]]), XLSX
    ).run()
    assert not app.exception
    assert not [b for b in app.button if b.label.startswith("确认导入")]
    shown = " ".join(str(v) for df in app.dataframe for v in df.value.astype(str).values.ravel())
    assert "定稿" in shown and "李审核" in shown
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        assert con.execute("select count(*) from batches").fetchone()[0] == before


def test_a_scoped_reviewer_can_only_pick_their_district_and_cannot_lock(app):
    login_as(app, "dongrev", "dongrev-pass")
    open_progress(app)
    assert app.multiselect(key="review_districts").options == ["东城区"]
    app.button(key="review_lock").click().run()
    assert any("不限区县的审核人" in e.value for e in app.error)


def test_the_editor_sees_the_return_reason_on_the_upload_page(app):
    with open_store(os.environ["UNION_DB"]) as con:
        cycle.return_figures(con, CITY, 2023, [DONG], "签订率高于上年过多，请核实", "chief")
    login_as(app, "dongcheng", "dong-pass-1", "pages/08_upload.py")
    notes = [w.value for w in app.warning]
    assert any("东城区 2023年" in n and "签订率高于上年过多，请核实" in n and "李审核" in n for n in notes)
    # another district's editor does not see it
    logout(app)
    login_as(app, "xicheng", "xi-pass-123", "pages/08_upload.py")
    assert not [w for w in app.warning if "签订率高于上年过多" in w.value]


def test_batches_page_speaks_chinese_shows_names_only_when_logged_in_and_has_the_audit_log(app):
    with open_store(os.environ["UNION_DB"]) as con:
        cycle.approve(con, CITY, 2023, "chief", [DONG])
    app.switch_page("pages/10_batches.py").run()
    assert not app.exception
    batches = app.dataframe[0].value
    assert set(batches["类型"]) == {"表格导入"}  # the fixtures are all spreadsheets
    assert set(batches["操作人"]) == {"登录后可见"}
    assert not any(":" in w and w.endswith("Z") for w in batches["时间"])
    log = app.dataframe[1].value
    assert "审核通过" in set(log["操作"]) and "报送" in set(log["操作"])
    app.selectbox(key="audit_district").set_value(XI).run()
    log = app.dataframe[1].value
    assert set(log["区县"]) <= {"西城区", ""} and "审核通过" not in set(log["操作"])
    login_as(app, "admin", "admin-pass-1", "pages/10_batches.py")
    assert "李审核" in set(app.dataframe[1].value["操作人"])
    assert "pytest" in set(app.dataframe[0].value["操作人"])  # a login without an account stays as recorded


def test_rollback_lists_later_batches_and_what_remains_and_rolls_back_together(app):
    from etl.edits import plan_correction
    from etl.store import commit

    with open_store(os.environ["UNION_DB"]) as con:
        base = con.execute("select batch_id from batches where source_name like '%2023%'").fetchone()[0]
        fix = commit(
            plan_correction(con, DONG, 2023, {"contract_rate_collective": 95.0}, "更正"),
            con,
            by="admin",
            kind="correction",
        )
    login_as(app, "admin", "admin-pass-1", "pages/08_upload.py")
    app.query_params["batch"] = str(base)
    app.switch_page("pages/10_batches.py").run()
    assert any(f"#{fix}" in w.value for w in app.warning)
    assert any("东城区 2023年将只剩" in c.value for c in app.caption)
    app.checkbox(key=f"together_{base}").check().run()
    app.checkbox(key=f"sure_{base}").check().run()
    app.button(key=f"rollback_{base}").click().run()
    assert not app.exception
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        status = dict(con.execute("select batch_id, status from batches").fetchall())
    assert status[base] == status[fix] == "rolled_back"


def test_overview_shows_the_completion_bar_and_marks_unapproved_districts(app):
    app.query_params["year"] = "2023"
    app.switch_page("pages/01_overview.py").run()
    assert not app.exception
    assert any("2023年：已报送 3/16" in p.proto.text for p in app.get("progress"))
    assert any("未审核" in c.value and "东城区" in c.value for c in app.caption)


def test_approved_only_viewing_hides_unapproved_figures_for_visitors(app, monkeypatch):
    monkeypatch.setenv("UNION_APPROVED_ONLY", "1")
    with open_store(os.environ["UNION_DB"]) as con:
        cycle.approve(con, CITY, 2023, "chief", [DONG])
    app.query_params["year"] = "2023"
    app.switch_page("pages/02_contracts.py").run()
    assert not app.exception
    # 东城 approved (94.0 %), 西城 not (90.5 %): the ranking is 东城 alone, said in one sentence (no lone bar)
    shown = " ".join(i.value for i in app.info) + " ".join(c.proto.spec for c in app.get("plotly_chart"))
    assert "东城区有“集体合同签订率”的数字（94.0%）" in shown and "90.5%" not in shown


def test_slides_page_records_a_snapshot_and_offers_the_deck_as_of_it(app):
    from ui.progress import snapshot_ui  # noqa: F401  (the page hooks it in)

    login_as(app, "admin", "admin-pass-1", "pages/13_slides.py")
    app.text_input(key="snapshot_note").input("2023年全委会").run()
    app.button(key="snapshot_take").click().run()
    assert not app.exception
    assert any("已记录快照 #1" in s.value for s in app.success)
    assert "2023年全委会" in set(app.dataframe[-1].value["备注"])
