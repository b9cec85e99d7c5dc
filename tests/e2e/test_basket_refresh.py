"""In Chromium: the slides collected survive a reload of the page, and a chart's PNG is named after its title."""

from __future__ import annotations

import re

import pytest
from streamlit_runs import click_when_drawn

pytestmark = pytest.mark.e2e


def test_collected_slides_survive_a_page_refresh(app_server, page):
    page.goto(f"{app_server}/contracts?year=2024")
    click_when_drawn(page, page.get_by_role("button", name="加入幻灯片").first)
    page.get_by_role("button", name="已加入幻灯片").first.wait_for()
    page.wait_for_url(re.compile(r"[?&]slides=[A-Za-z0-9_-]{20,}"))
    page.locator('[data-testid="stSidebarNav"]').get_by_text("导出幻灯片").click()
    # The basket's own download button: only the slides page has it (the chart's title is also in the contracts
    # page's elements while the page switch is under way, so waiting for the title alone proves nothing).
    download = page.get_by_role("button", name="下载这 2 页幻灯片（.pptx）")
    download.wait_for(timeout=60_000)
    listed = page.locator('[data-testid="stMain"] [data-testid="stMarkdownContainer"]').filter(
        has_text="2024年各区县集体合同签订率（%）"
    )
    assert listed.count() == 1, page.locator('[data-testid="stMain"]').inner_text()
    page.wait_for_url(re.compile(r"/slides\?.*slides="))
    page.reload()
    download.wait_for(timeout=60_000)  # still in the basket: a new session found it by the URL's token
    assert listed.count() == 1, page.locator('[data-testid="stMain"]').inner_text()
    assert page.get_by_text("还没有挑选图表").count() == 0


def test_png_is_named_after_the_chart_title(app_server, page):
    page.goto(f"{app_server}/contracts?year=2024")
    button = page.get_by_role("button", name="PNG", exact=True).first
    button.wait_for()
    with page.expect_download(timeout=60_000) as info:
        button.click()
    name = info.value.suggested_filename  # the first chart's: 示例市_2024年各区县集体合同签订率.png or its trend's
    assert name.startswith("示例市") and name.endswith(".png") and "集体合同签订率" in name, name
    assert not re.search(r"[a-z]+_[a-z]+", name), name  # never an indicator code such as contract_rate_collective
