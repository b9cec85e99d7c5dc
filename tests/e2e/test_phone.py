"""The dashboard on a phone (390 px) and a desktop (1440 px) in Debian's Chromium: every district named in bar
charts, the target table as cards with every lagging district, the sidebar closing after choosing a page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}
RANKING = "2024年各区县集体合同签订率"
VISIBLE_CHART = '[data-testid="stPlotlyChart"]:visible'


def wait_for_visible_title(page, text: str, timeout: int = 60_000) -> None:
    page.wait_for_function(
        """(text) => [...document.querySelectorAll('.js-plotly-plot .gtitle')]
              .some(t => t.textContent.includes(text) && t.getBoundingClientRect().width > 0)""",
        arg=text,
        timeout=timeout,
    )


def visible_ticks(page, title: str, axis: str) -> list[str]:
    """The tick labels of the visible chart titled `title` on `axis` ('x' or 'y')."""
    return page.evaluate(
        """([title, axis]) => {
            const plot = [...document.querySelectorAll('.js-plotly-plot')].find(p =>
                p.getBoundingClientRect().width > 0 && (p.querySelector('.gtitle')?.textContent || '').includes(title));
            return plot ? [...plot.querySelectorAll(`.${axis}tick text`)].map(t => t.textContent) : [];
        }""",
        [title, axis],
    )


def test_phone_ranking_names_every_district_sideways(app_server, browser, artifacts_dir):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{app_server}/contracts?year=2024&lang=zh")
        wait_for_visible_title(page, RANKING)
        names = visible_ticks(page, RANKING, "y")
        assert len(names) == 16 and all(n.endswith(("区", "县")) for n in names), names
        box = page.locator(VISIBLE_CHART).first.bounding_box()
        assert box["width"] <= PHONE["width"] and box["height"] >= 16 * 30
        page.screenshot(path=str(artifacts_dir / "phone_contracts_390.png"), full_page=False)
    finally:
        context.close()


def test_desktop_ranking_keeps_its_columns(app_server, browser, artifacts_dir):
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{app_server}/contracts?year=2024&lang=zh")
        wait_for_visible_title(page, RANKING)
        assert len(visible_ticks(page, RANKING, "x")) == 16  # 1440 px has room for every name under its column
        page.screenshot(path=str(artifacts_dir / "desktop_contracts_1440.png"))
    finally:
        context.close()


def test_phone_targets_are_cards_with_every_lagging_district(app_server, browser, artifacts_dir):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{app_server}/?year=2024&lang=zh")
        cards = page.locator('[class*="st-key-phone_targets"]')
        cards.get_by_text("未达标区县", exact=False).first.wait_for(timeout=60_000)
        assert page.locator('[class*="st-key-wide_targets"]').first.is_hidden()
        lagging = cards.get_by_text("未达标区县", exact=False).all_text_contents()
        assert lagging and all(text.rstrip().endswith(("区", "县")) for text in lagging), lagging
        card_box = cards.first.bounding_box()
        assert card_box["x"] >= 0 and card_box["x"] + card_box["width"] <= PHONE["width"]
        cards.first.screenshot(path=str(artifacts_dir / "phone_targets_390.png"))
    finally:
        context.close()


def test_phone_sidebar_closes_after_choosing_a_page(app_server, browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{app_server}/?lang=zh")
        page.locator('[data-testid="stMainBlockContainer"]').wait_for()
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        sidebar = page.locator('[data-testid="stSidebar"]')
        page.wait_for_function("""() => document.querySelector('[data-testid="stSidebar"]')
                                    .getBoundingClientRect().width > 200""")
        sidebar.locator('[data-testid="stSidebarNav"] a', has_text="劳动争议").first.click()
        page.wait_for_url("**/disputes**")
        page.wait_for_function("""() => document.querySelector('[data-testid="stSidebar"]')
                                    .getBoundingClientRect().right <= 0""")
        # the new page's heading comes with its run, after the URL and the sidebar have changed: waited for
        page.get_by_role("heading", name="劳动争议").first.wait_for(state="visible", timeout=60_000)
        assert page.locator('[data-testid="stSidebar"]').bounding_box()["x"] < 0  # and the sidebar stays closed
    finally:
        context.close()


def _titles_within_charts(page) -> list[dict]:
    """Every visible chart: its width, its title's right edge and the kinds of trace it draws."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.getBoundingClientRect().width > 0)
            .map(p => {
                const box = p.getBoundingClientRect(), title = p.querySelector('.gtitle').getBoundingClientRect();
                return {title: p.querySelector('.gtitle').textContent.slice(0, 30), left: title.left - box.left,
                        right: title.right - box.left, width: box.width,
                        kinds: [...p.querySelectorAll('.trace, .choroplethlayer, .heatmaplayer')].map(e => e.classList[1] || e.classList[0])};
            })"""
    )


@pytest.mark.parametrize(
    "path,charts",
    # /disputes: sideways bars, a funnel (scatter) and lines; /compare: intervals, map, heatmap, scatter, slope
    [("/disputes", 6), ("/compare", 5)],
)
def test_phone_every_chart_title_stays_within_its_chart(app_server, browser, artifacts_dir, path, charts):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{app_server}{path}?year=2024&lang=zh")
        page.wait_for_function(
            """(n) => [...document.querySelectorAll('.js-plotly-plot .gtitle')]
                  .filter(t => t.getBoundingClientRect().width > 0).length >= n""",
            arg=charts,
            timeout=90_000,
        )
        shown = _titles_within_charts(page)
        assert len(shown) >= charts
        for chart in shown:
            assert chart["left"] >= 0 and chart["right"] <= chart["width"], chart  # was 235–368 px over at 390 px
        plots = page.locator(VISIBLE_CHART)
        for i in range(plots.count()):
            plots.nth(i).screenshot(path=str(artifacts_dir / f"phone{path.replace('/', '_')}_{i}_390.png"))
    finally:
        context.close()


def test_phone_city_and_year_choice_is_at_the_top_of_the_page(app_server, browser):
    context = browser.new_context(viewport=PHONE, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(f"{app_server}/disputes?year=2024&lang=zh")
        main = page.locator('[data-testid="stMainBlockContainer"]')
        for label in ("城市", "年份"):  # in the page, not only in the closed sidebar
            box = main.locator('[data-testid="stSelectbox"]', has_text=label).first
            box.wait_for(timeout=60_000)
            where = box.bounding_box()
            assert where["y"] + where["height"] <= PHONE["height"] / 2 and where["x"] + where["width"] <= PHONE["width"]
        assert page.locator('[data-testid="stSidebar"]').bounding_box()["x"] < 0  # the sidebar stays closed
    finally:
        context.close()
