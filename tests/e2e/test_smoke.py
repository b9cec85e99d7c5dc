"""The dashboard opens in a real browser, shows its title and draws a Plotly chart."""

from __future__ import annotations

import base64

import pytest

pytestmark = pytest.mark.e2e

TITLE = "工会数据看板"
# A chart that Plotly has actually drawn: its SVG exists, not just Streamlit's empty container.
DRAWN_CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'


def test_dashboard_shows_title_and_a_chart(app_server, page, artifacts_dir):
    page.goto(app_server)
    logo = page.locator('[data-testid="stSidebarLogo"]').first  # the app's name over the navigation
    logo.wait_for(state="visible", timeout=30_000)
    src = logo.get_attribute("src")
    assert src.startswith("data:image/svg+xml;base64,")
    assert TITLE in base64.b64decode(src.split(",", 1)[1]).decode("utf-8")
    assert logo.bounding_box()["y"] < page.locator('[data-testid="stSidebarNav"]').bounding_box()["y"]
    page.locator(DRAWN_CHART).first.wait_for(state="visible", timeout=30_000)
    page.screenshot(path=str(artifacts_dir / "smoke.png"), full_page=True)
