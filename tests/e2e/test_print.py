"""The print view of the overview and theme pages: no sidebar or buttons, charts fitted to an A4 landscape sheet."""

from __future__ import annotations

import pytest

from ui.print import PRINTABLE_WIDTH_PX

pytestmark = pytest.mark.e2e

DRAWN_CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'


@pytest.mark.parametrize("path", ["", "contracts"])
def test_printing_leaves_out_sidebar_and_buttons_and_fits_charts_to_the_sheet(app_server, page, path, artifacts_dir):
    page.set_viewport_size({"width": 1500, "height": 900})
    page.goto(f"{app_server}/{path}")
    page.wait_for_selector(DRAWN_CHART)
    page.wait_for_function("() => window.__unionPrintFit === true")  # the fit-to-sheet script is in place
    assert page.locator('[data-testid="stSidebar"]').is_visible()
    page.emulate_media(media="print")
    try:
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        for selector in ('[data-testid="stDownloadButton"]', '[data-testid="stButton"]', '[data-testid="stExpander"]'):
            assert not any(el.is_visible() for el in page.locator(selector).all()), selector
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        # the widest chart as drawn (its SVG's own width) at the zoom set on the page body: pixels on the sheet
        zoom, widest = page.evaluate(
            """() => [parseFloat(document.querySelector('[data-testid="stMainBlockContainer"]').style.zoom || '1'),
                      Math.max(...[...document.querySelectorAll('.js-plotly-plot .main-svg')].map(
                          svg => parseFloat(svg.getAttribute('width'))))]"""
        )
        assert widest > PRINTABLE_WIDTH_PX  # drawn for the wide screen
        assert zoom * widest <= PRINTABLE_WIDTH_PX + 1
        pdf = page.pdf(prefer_css_page_size=True, print_background=True)
        assert pdf.startswith(b"%PDF")
        (artifacts_dir / f"print_{path or 'overview'}.pdf").write_bytes(pdf)
    finally:
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
        page.emulate_media(media="screen")
    assert page.locator('[data-testid="stSidebar"]').is_visible()
