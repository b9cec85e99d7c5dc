"""Waiting for Streamlit in the browser tests: a click that lands while a run is still drawing the page can be lost
or land on a widget the run then moves, so a test that clicks waits for the run to end first."""

from __future__ import annotations


def wait_idle(page, timeout: int = 30_000) -> None:
    """Until Streamlit has finished the current run (its "Running…" status widget is gone)."""
    page.wait_for_function("""() => !document.querySelector('[data-testid="stStatusWidget"]')""", timeout=timeout)


def click_when_drawn(page, locator, timeout: int = 30_000) -> None:
    """Click `locator` once it is on the page and the run drawing the page has ended (the first "加入幻灯片" of a page
    still being drawn may belong to another chart by the time the click lands)."""
    locator.wait_for(timeout=timeout)
    wait_idle(page, timeout)
    locator.click()
