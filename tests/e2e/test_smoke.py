"""The dashboard opens in a real browser, shows its title and draws a Plotly chart."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

TITLE = "工会数据看板"
# A chart that Plotly has actually drawn: its SVG exists, not just Streamlit's empty container.
DRAWN_CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'


def test_dashboard_shows_title_and_a_chart(app_server, page, artifacts_dir):
    page.goto(app_server)
    page.get_by_text(TITLE).filter(visible=True).first.wait_for(state="visible", timeout=30_000)
    page.locator(DRAWN_CHART).first.wait_for(state="visible", timeout=30_000)
    page.screenshot(path=str(artifacts_dir / "smoke.png"), full_page=True)
