"""The collection cycle in a real browser: a reviewer approves and locks a year while an editor is about to upload
into it; the editor's commit is refused with the lock named, and the reviewer unlocks with a reason."""

from __future__ import annotations

import pytest
from build import xlsx_bytes
from conftest import E2E_EDITOR, E2E_PASSWORD, E2E_REVIEWER, E2E_REVIEWER_PASSWORD, UI_TIMEOUT_MS

pytestmark = pytest.mark.e2e

UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'
YEAR = "2015"  # a sample year no other browser test changes


def test_a_reviewer_locks_a_year_while_an_editor_tries_to_upload(app_server, page, browser, tmp_path, artifacts_dir):
    # the editor checks a 2015 correction: no problem, the commit button is there
    page.goto(f"{app_server}/upload")
    page.get_by_label("账号").fill(E2E_EDITOR)
    page.get_by_label("密码").fill(E2E_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.locator(UPLOAD_INPUT).wait_for(state="attached")
    f = tmp_path / f"东城区_{YEAR}.xlsx"
    f.write_bytes(xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 88.8]], YEAR))
    page.locator(UPLOAD_INPUT).set_input_files(str(f))
    commit = page.get_by_role("button", name=f"确认导入 {f.name}")
    commit.wait_for()

    # meanwhile a reviewer, in another browser, approves every district and locks the year
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    reviewer = context.new_page()
    reviewer.set_default_timeout(UI_TIMEOUT_MS)
    try:
        reviewer.goto(f"{app_server}/progress?progress_year={YEAR}")
        reviewer.get_by_text(f"{YEAR}年：已报送 16/16").wait_for()
        reviewer.get_by_label("账号").fill(E2E_REVIEWER)
        reviewer.get_by_label("密码").fill(E2E_REVIEWER_PASSWORD)
        reviewer.get_by_role("button", name="登录").click()
        reviewer.get_by_role("button", name="审核通过").click()
        reviewer.get_by_text("已完成：审核通过").wait_for()
        reviewer.get_by_role("button", name="定稿（锁定本年度数据）").click()
        reviewer.get_by_text("由测试审核定稿").first.wait_for()
        reviewer.screenshot(path=str(artifacts_dir / "cycle_locked.png"), full_page=True)

        # the editor's commit is refused: the plan is checked again and names the lock; nothing is written
        commit.click()
        page.get_by_text("整个文件不能导入").wait_for()
        page.get_by_text("测试审核定稿", exact=False).first.wait_for(state="attached")
        assert page.get_by_role("button", name=f"确认导入 {f.name}").count() == 0
        assert page.get_by_text("已导入为批次").count() == 0
        page.screenshot(path=str(artifacts_dir / "cycle_upload_refused.png"), full_page=True)
    finally:
        # the reviewer unlocks with a reason, so the shared sample store is open again
        reviewer.get_by_label("解除定稿的原因（必填）").fill("浏览器测试结束")
        reviewer.get_by_role("button", name="解除定稿").click()
        reviewer.get_by_text("已完成：解除定稿").wait_for()
        context.close()
