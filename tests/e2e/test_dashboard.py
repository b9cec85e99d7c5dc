"""The dashboard in Debian's Chromium: deep links, every page drawn, the year filter redraws, the language switch.

The first test here must be the server's first request: it checks that a copied deep link opens inside the frame
even before any session has run st.navigation.
"""

from __future__ import annotations

import re

import pytest
from streamlit_runs import wait_idle

pytestmark = pytest.mark.e2e

DRAWN_CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'
# The default page (overview) lives at the root URL; the others at their url_path.
PAGES = ["", "contracts", "disputes", "aid", "membership", "compare", "profile"]


def chart_titles(page) -> list[str]:
    return page.locator(f"{DRAWN_CHART} .gtitle").all_text_contents()


def wait_for_title(page, pattern: str, timeout: int = 30_000) -> None:
    page.wait_for_function(
        """(re) => [...document.querySelectorAll('.js-plotly-plot .gtitle')].some(t => new RegExp(re).test(t.textContent))""",
        arg=pattern,
        timeout=timeout,
    )


def choose(page, selectbox, option: str) -> None:
    """Pick `option` in a selectbox; a click that lands during a rerun is lost, so try again."""
    for _ in range(3):
        wait_idle(page)
        selectbox.click()
        opt = page.get_by_role("option", name=option, exact=True)
        try:
            opt.wait_for(state="visible", timeout=5_000)
        except Exception:
            page.keyboard.press("Escape")
            continue
        opt.click()
        return
    raise AssertionError(f"could not choose {option!r}")


def test_deep_link_on_a_fresh_server_opens_the_same_view_inside_the_frame(app_server, page, artifacts_dir):
    page.goto(f"{app_server}/contracts?year=2016&lang=zh")
    wait_for_title(page, "2016年各区县集体合同签订率")
    nav = page.locator('[data-testid="stSidebarNav"]')
    assert nav.get_by_text("集体协商").is_visible() and nav.get_by_text("区域画像").is_visible()
    assert page.get_by_text("语言 Language").is_visible()
    page.screenshot(path=str(artifacts_dir / "deep_link.png"))


@pytest.mark.parametrize("name", PAGES, ids=[p or "overview" for p in PAGES])
def test_every_page_draws_its_charts_without_error(app_server, page, artifacts_dir, name):
    page.goto(f"{app_server}/{name}")
    page.locator(DRAWN_CHART).first.wait_for(state="visible")
    page.wait_for_timeout(500)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert any("示例数据" in t for t in chart_titles(page))  # the sample badge travels in every source line
    page.screenshot(path=str(artifacts_dir / f"page_{name or 'overview'}.png"))


def test_overview_shows_cards_and_changing_the_year_redraws_the_chart(app_server, page):
    page.goto(f"{app_server}/?year=2024")
    page.get_by_text("集体合同签订率").first.wait_for()
    page.locator('[data-testid="stMetric"]').nth(7).wait_for()  # the eight headline cards
    wait_for_title(page, "2024年各区县")
    year_box = page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text("年份", exact=True)).first
    choose(page, year_box, "2020")  # the city and year filters sit at the top of the page
    wait_for_title(page, "2020年各区县", timeout=10_000)
    assert re.search(r"year=2020", page.url)


def test_english_switch(app_server, page):
    page.goto(f"{app_server}/contracts?lang=en&year=2024")
    wait_for_title(page, "Collective contract signing rate by district, 2024")
    assert page.get_by_text("Sample data").first.is_visible()
    assert page.locator('[data-testid="stSidebarNav"]').get_by_text("District comparison").is_visible()
