"""The print view: what a leader's printout of a page shows (A4 landscape, no sidebar, no buttons).

One stylesheet for every page, used only by the browser's print (Ctrl+P / 打印) through @media print: the
sidebar, Streamlit's header and toolbar, buttons, download and image buttons, the chart toolbars and the
collapsed "numbers behind the chart" expanders are left out; the page is A4 landscape with 12 mm margins;
charts and tables are scaled to the page width and never split across two sheets.

Charts keep the pixel width they were drawn at on screen, wider than a sheet: just before printing a small
script zooms the page body down to the printable width, and back after printing. It runs in the page itself
(st.html with its script allowed): the zero-height component frame it had before cost every page an extra frame
to load, and Streamlit has deprecated it.
"""

from __future__ import annotations

import streamlit as st

PRINT_CSS = """
<style>
@page { size: A4 landscape; margin: 12mm; }
@media print {
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarNav"],
  header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stBottom"],
  [data-testid="stButton"], [data-testid="stDownloadButton"], [data-testid="stPopover"],
  [data-testid="stExpander"], [data-testid="stElementToolbar"], .modebar-container,
  [data-testid="stFileUploader"], iframe { display: none !important; }
  [data-testid="stAppViewContainer"], [data-testid="stMain"], .stMain { margin: 0 !important; padding: 0 !important; }
  [data-testid="stMainBlockContainer"], .block-container {
    padding: 0 !important; max-width: 100% !important; width: 100% !important;
  }
  [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stTable"], [data-testid="stMetric"],
  [data-testid="stVerticalBlockBorderWrapper"] { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  * { -webkit-print-color-adjust: exact !important; print-color-adjust: exact !important; }
}
</style>
"""


# A4 landscape less two 12 mm margins, in CSS pixels (96 per inch): 273 mm.
PRINTABLE_WIDTH_PX = 1031

FIT_SCRIPT = """
<script>
const page = window;
if (!page.__unionPrintFit) {
  page.__unionPrintFit = true;
  const body = () => page.document.querySelector('[data-testid="stMainBlockContainer"]');
  page.addEventListener("beforeprint", () => {
    const b = body();
    if (!b) return;
    const width = b.getBoundingClientRect().width;
    if (width > WIDTH) b.style.zoom = (WIDTH / width).toFixed(3);
  });
  page.addEventListener("afterprint", () => { const b = body(); if (b) b.style.zoom = ""; });
}
</script>
""".replace("WIDTH", str(PRINTABLE_WIDTH_PX))


def print_view() -> None:
    """Add the print stylesheet and the fit-to-sheet script to the page (neither changes anything on screen)."""
    st.html(PRINT_CSS)
    st.html(FIT_SCRIPT, unsafe_allow_javascript=True)  # in the page itself: no component frame to load
