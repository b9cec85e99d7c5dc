"""Staff work in the browser (AppTest): login, upload with per-cell errors, commit, rollback, district scope."""

import os
from pathlib import Path

import pytest
from build import xlsx_bytes

from etl.db import open_store

ROOT = Path(__file__).resolve().parent.parent
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def app(staff_app):
    return staff_app


def login(at, name, password):
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click().run()
    return at


def open_upload(at, name="admin", password="admin-pass-1"):
    at.switch_page("pages/08_upload.py").run()
    return login(at, name, password)


def overview_value(at, label="集体合同签订率"):
    at.switch_page("pages/01_overview.py").run()
    return {m.label: m.value for m in at.metric}[label]


def test_upload_page_without_login_shows_no_uploader(app):
    app.switch_page("pages/08_upload.py").run()
    assert not app.exception
    assert len(app.get("file_uploader")) == 0
    assert any("编辑账号登录" in i.value for i in app.info)
    assert [t.label for t in app.text_input] == ["账号", "密码"]


@pytest.mark.parametrize("page", ["pages/09_corrections.py", "pages/11_targets.py"])
def test_every_editing_page_refuses_without_login(app, page):
    app.switch_page(page).run()
    assert not app.exception
    assert not app.get("arrow_data_frame")  # no grid to edit
    assert any("编辑账号登录" in i.value for i in app.info)


def test_batches_page_without_login_lists_batches_but_offers_no_rollback(app):
    app.query_params["batch"] = "2"
    app.switch_page("pages/10_batches.py").run()
    assert not app.exception
    assert not [b for b in app.button if "撤销" in b.label]
    assert any("编辑账号登录" in i.value for i in app.info)


def test_wrong_password_is_refused_and_repeated_failures_are_slowed(app, monkeypatch):
    from etl import auth

    monkeypatch.setattr(auth, "FIRST_WAIT_SECONDS", 60.0)  # longer than a rerun on the busiest machine
    app.switch_page("pages/08_upload.py").run()
    login(app, "admin", "wrong")
    assert any("不正确" in e.value for e in app.error)
    for _ in range(3):
        login(app, "admin", "wrong")
    assert any("秒后再试" in e.value for e in app.error), [e.value for e in app.error]
    login(app, "admin", "admin-pass-1")  # even the right password waits its turn
    assert len(app.get("file_uploader")) == 0


def test_upload_with_errors_lists_each_with_its_cell_and_offers_no_commit(app, fixture_files):
    open_upload(app)
    data = fixture_files["broken_resolved_2022.xlsx"].read_bytes()
    app.get("file_uploader")[0].upload("broken_resolved_2022.xlsx", data, XLSX).run()
    assert not app.exception
    table = app.dataframe[0].value
    assert "Sheet1!C2" in set(table["位置"])
    assert any("已结案纠纷（7）大于群体性劳资纠纷（5）" in m for m in table["说明"])
    assert not [b for b in app.button if b.label.startswith("确认导入")]
    assert any("整个文件不能导入" in e.value for e in app.error)


def test_upload_and_commit_changes_the_overview_and_rollback_restores_it(app):
    assert overview_value(app) == "92.2%"
    open_upload(app)
    good = xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 97.0], ["西城区", 95.5], ["南湖区", 96.0]], "2023")
    app.get("file_uploader")[0].upload("修正_2023.xlsx", good, XLSX).run()
    assert not app.exception
    commit = [b for b in app.button if b.label.startswith("确认导入")]
    assert commit
    commit[0].click().run()
    assert any("已导入为批次 #5" in s.value for s in app.success)
    assert overview_value(app) == "96.2%"  # (97 + 95.5 + 96) / 3
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        assert con.execute("select created_by from batches where batch_id = 5").fetchone() == ("admin",)

    app.query_params["batch"] = "5"
    app.switch_page("pages/10_batches.py").run()
    app.checkbox(key="sure_5").check().run()
    app.button(key="rollback_5").click().run()
    assert not app.exception
    assert overview_value(app) == "92.2%"


def test_scoped_editor_cannot_change_another_district(app):
    open_upload(app, "dongcheng", "dong-pass-1")
    other = xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 97.0], ["西城区", 95.5]], "2023")
    app.get("file_uploader")[0].upload("two.xlsx", other, XLSX).run()
    table = app.dataframe[0].value
    row = table[table["位置"] == "2023!B3"].iloc[0]
    assert "没有修改 西城区 数据的权限" in row["说明"]
    assert not [b for b in app.button if b.label.startswith("确认导入")]
    app.switch_page("pages/09_corrections.py").run()
    assert app.selectbox(key="w_edit_district").options == ["示例市 东城区"]


def test_user_text_is_never_rendered_as_markdown_links_or_html(app):
    from ui.i18n import plain

    assert plain("[点我](http://evil.example)") == "\\[点我\\]\\(http\\://evil\\.example\\)"  # no link, no autolink
    open_upload(app)
    name = "[点我](http://evil.example)<script>.xlsx"
    app.get("file_uploader")[0].upload(
        name, xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 90.0]], "2023"), XLSX
    ).run()
    headers = [h.value for h in app.header if "点我" in h.value]
    assert headers == ["\\[点我\\]\\(http\\://evil\\.example\\)＜script＞\\.xlsx"]  # brackets as look-alikes


def test_a_year_without_targets_is_said_on_upload_and_last_years_are_carried_over_in_one_click(app):
    open_upload(app)
    data = xlsx_bytes([["区县", "年份", "集体合同签订率"], ["东城区", 2024, "93%"]], "2024年")
    app.get("file_uploader")[0].upload("2024.xlsx", data, XLSX).run()
    assert not app.exception
    assert any("2024年还没有目标" in i.value for i in app.info)
    next(b for b in app.button if b.label.startswith("确认导入")).click().run()
    assert not app.exception
    app.switch_page("pages/11_targets.py").run()
    assert any(i.value == "2024年没有目标。" for i in app.info)
    button = app.button(key="targets_carry")
    assert button.label == "沿用2023年目标（4 项）"  # three for every district and 北山区's own
    button.click().run()
    assert not app.exception and any("已保存" in s.value or "批次" in s.value for s in app.success)
    with open_store(os.environ["UNION_DB"], read_only=True) as con:
        rows = con.execute(
            "select indicator_code, district_code, value from current_targets where year = 2024 order by all"
        ).fetchall()
        note = con.execute("select note from batches order by batch_id desc limit 1").fetchone()[0]
    assert len(rows) == 4 and ("contract_rate_collective", "900104", 85.0) in rows
    assert note == "沿用2023年目标"
    app.switch_page("pages/11_targets.py").run()
    assert not [b for b in app.button if b.key == "targets_carry"]
