"""Exports in Debian's Chromium: a chart's PNG and Excel downloads arrive whole; a deck built from picked charts
and the preset deck download and open with native charts."""

from __future__ import annotations

import io

import openpyxl
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from streamlit_runs import click_when_drawn

pytestmark = pytest.mark.e2e

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def download(page, button, timeout: int = 60_000) -> tuple[str, bytes]:
    with page.expect_download(timeout=timeout) as info:
        button.click()
    d = info.value
    with open(d.path(), "rb") as f:
        return d.suggested_filename, f.read()


def test_png_download_is_a_slide_sized_png_with_the_chart(app_server, page, artifacts_dir):
    from PIL import Image

    page.goto(f"{app_server}/contracts?year=2024")
    page.get_by_role("button", name="PNG", exact=True).first.wait_for()
    name, data = download(page, page.get_by_role("button", name="PNG", exact=True).first)
    assert name.endswith(".png") and "示例市" in name
    assert data.startswith(PNG_SIGNATURE)
    assert 50_000 < len(data) < 5_000_000
    assert Image.open(io.BytesIO(data)).size == (3200, 1800)
    (artifacts_dir / "export_chart.png").write_bytes(data)


def test_excel_download_has_the_numbers_behind_the_chart(app_server, page):
    page.goto(f"{app_server}/contracts?year=2024")
    page.get_by_text("查看数据表").first.click()
    button = page.get_by_role("button", name="下载 Excel").first
    button.wait_for()
    name, data = download(page, button)
    assert name.endswith(".xlsx")
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    header = [c.value for c in ws[1]]
    assert "区县" in header and ws.max_row == 17  # 16 districts and the header


def test_picked_charts_and_the_preset_download_as_decks_with_native_charts(app_server, page):
    page.goto(f"{app_server}/contracts?year=2024")
    click_when_drawn(page, page.get_by_role("button", name="加入幻灯片").first)
    page.get_by_role("button", name="已加入幻灯片").first.wait_for()
    page.locator('[data-testid="stSidebarNav"]').get_by_text("导出幻灯片").click()
    page.get_by_text("2024年各区县集体合同签订率（%）").first.wait_for()  # a bar chart is drawn twice: wide, phone
    name, data = download(page, page.get_by_role("button", name="下载这 2 页幻灯片（.pptx）"))
    prs = Presentation(io.BytesIO(data))
    assert name.endswith(".pptx") and len(prs.slides) == 2
    charts = [s.chart for s in prs.slides[1].shapes if s.has_chart]
    assert charts and charts[0].chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert len(list(charts[0].plots[0].categories)) == 16
    name, data = download(page, page.get_by_role("button", name="下载幻灯片（.pptx）"))
    prs = Presentation(io.BytesIO(data))
    # the meeting deck of 示例市 2024: title, 目录, four dividers, 12 charts, maps and tables, 同比, rises, points
    # to watch
    assert "年度全委会" in name and len(prs.slides) == 21
    native = [s for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert len(native) >= 8


TOOLBAR_DOWNLOAD = "Download as CSV"  # the label of Streamlit's own table download (its frontend, 1.67)


def assert_no_table_offers_its_own_download(page) -> int:
    """Hover every table on the page: its toolbar appears (Search is there, so the hover reached it) and offers no
    "Download as CSV", which would write an uploaded =HYPERLINK(...) cell as a live formula. How many were checked."""
    tables = page.locator('[data-testid="stDataFrame"]')
    tables.first.wait_for()
    for i in range(tables.count()):
        table = tables.nth(i)
        table.scroll_into_view_if_needed()
        table.hover()
        toolbar = page.locator('[data-testid="stElementToolbar"]').filter(has=page.get_by_role("button", name="Search"))
        toolbar.first.wait_for()
        assert page.get_by_role("button", name=TOOLBAR_DOWNLOAD).count() == 0, f"table {i} offers {TOOLBAR_DOWNLOAD}"
    return tables.count()


def test_no_table_offers_streamlits_own_csv_download(app_server, page, e2e_accounts, tmp_path):
    """The chart tables, the upload preview of a file with formula text, the corrections grid and the batch list:
    only the project's formula-safe downloads (client.disableDataExport in .streamlit/config.toml)."""
    page.goto(f"{app_server}/contracts?year=2024")
    page.get_by_text("查看数据表").first.click()
    checked = assert_no_table_offers_its_own_download(page)

    name, password = e2e_accounts["editor"]
    page.goto(f"{app_server}/upload")
    page.get_by_label("账号").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    hostile = tmp_path / "公式_2024.csv"
    hostile.write_text('区县,集体合同签订率\n东城区,"=HYPERLINK(""http://x.example"",""点我"")"\n', encoding="utf-8")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(hostile))
    page.get_by_text("公式_2024!B2").first.wait_for(state="attached")  # the problem table quotes the cell
    checked += assert_no_table_offers_its_own_download(page)

    page.goto(f"{app_server}/corrections")
    checked += assert_no_table_offers_its_own_download(page)  # st.data_editor
    page.goto(f"{app_server}/batches")
    checked += assert_no_table_offers_its_own_download(page)
    assert checked >= 4
