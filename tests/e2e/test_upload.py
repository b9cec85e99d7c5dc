"""An editor in a real browser: logs in, uploads a workbook with an error (sees it), then a good one, commits,
and finds the new figure on the overview."""

from __future__ import annotations

import pytest
from build import xlsx_bytes
from conftest import E2E_EDITOR, E2E_PASSWORD

pytestmark = pytest.mark.e2e

UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'


def log_in(page, base):
    page.goto(f"{base}/upload")
    page.get_by_label("账号").fill(E2E_EDITOR)
    page.get_by_label("密码").fill(E2E_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.locator(UPLOAD_INPUT).wait_for(state="attached")


def test_editor_uploads_sees_errors_commits_and_the_overview_changes(app_server, page, tmp_path, artifacts_dir):
    log_in(page, app_server)
    bad = tmp_path / "错误_2024.xlsx"
    bad.write_bytes(
        xlsx_bytes([["区县", "集体合同签订率", "群体性劳资纠纷", "已结案纠纷"], ["东城区", 130, 5, 7]], "2024")
    )
    page.locator(UPLOAD_INPUT).set_input_files(str(bad))
    page.get_by_text("整个文件不能导入").wait_for()
    page.get_by_text("2024!B2").first.wait_for(
        state="attached"
    )  # st.dataframe draws on a canvas; its cells are an a11y table
    assert page.get_by_role("button", name="确认导入 错误_2024.xlsx").count() == 0
    page.screenshot(path=str(artifacts_dir / "upload_errors.png"), full_page=True)

    good = tmp_path / "东城区_2024.xlsx"
    good.write_bytes(xlsx_bytes([["区县", "集体合同签订率"], ["东城区", 99.9]], "2024"))
    page.locator(UPLOAD_INPUT).set_input_files(str(good))
    button = page.get_by_role("button", name="确认导入 东城区_2024.xlsx")
    button.wait_for()
    page.screenshot(path=str(artifacts_dir / "upload_plan.png"), full_page=True)
    button.click()
    page.get_by_text("已导入为批次").wait_for()

    page.goto(f"{app_server}/contracts?year=2024&metric=contract_rate_collective")
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot .bartext')].some(t => t.textContent.includes('99.9'))""",
        timeout=30_000,
    )
