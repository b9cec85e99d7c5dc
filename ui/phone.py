"""Phone layout (390 px): what changes on a narrow screen, by CSS media queries on keyed containers.

Streamlit cannot tell the server the viewport's width, so a block that needs another form on a phone is drawn
in both forms, each in a container keyed `wide_…` or `phone_…`; the stylesheet shows one of them. The city and
year choice needs nothing of its own: page_setup draws it at the top of every page, above what it changes.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from charts.format import format_value
from etl.catalog import load_catalog
from ui.i18n import lang, t

PHONE_MAX_PX = 640  # below this width the phone layout applies

CSS = f"""
<style>
@media (max-width: {PHONE_MAX_PX}px) {{
  [class*="st-key-wide_"] {{ display: none !important; }}
  [data-testid="stMainBlockContainer"] {{ padding-left: 0.75rem; padding-right: 0.75rem; padding-top: 3rem; }}
}}
@media (min-width: {PHONE_MAX_PX + 1}px) {{
  [class*="st-key-phone_"] {{ display: none !important; }}
}}
</style>
"""


# On a phone the open sidebar covers the whole page: choosing a page in it closes it (Streamlit keeps it open).
# One listener on the document, added once per browser tab, for every link of the sidebar's navigation.
CLOSE_SIDEBAR_SCRIPT = f"""
<script>
if (!window.__unionPhoneNav) {{
  window.__unionPhoneNav = true;
  document.addEventListener("click", (event) => {{
    if (window.innerWidth > {PHONE_MAX_PX}) return;
    if (!event.target.closest('[data-testid="stSidebarNav"] a, [data-testid="stSidebar"] [data-testid="stPageLink"] a'))
      return;
    const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
    if (close) setTimeout(() => close.click(), 0);
  }}, true);
}}
</script>
"""


def head_html() -> str:
    """The stylesheet of the phone layout and the sidebar script, for the HTML page's <head> (ui/head.py, serve.py):
    there they hold from the first paint."""
    return CSS + CLOSE_SIDEBAR_SCRIPT


def phone_css() -> None:
    """The same stylesheet and script through `st.html`, called once per run by the frame: under serve.py the
    page's <head> has them already (the listener guards itself against a second copy); under `streamlit run
    dashboard.py` these are the only copies, and they arrive after the page's first elements."""
    st.html(CSS)
    st.html(CLOSE_SIDEBAR_SCRIPT, unsafe_allow_javascript=True)


def responsive(wide: Callable[[], None], phone: Callable[[], None], key: str) -> None:
    """Draw `wide()` for screens wider than PHONE_MAX_PX and `phone()` for narrower ones."""
    with st.container(key=f"wide_{key}"):
        wide()
    with st.container(key=f"phone_{key}"):
        phone()


def target_cards(df: pd.DataFrame) -> None:
    """The target table as stacked cards: one per metric, the lagging districts in full, nothing cut off."""
    cat = load_catalog()
    lg = lang()
    for r in df.to_dict("records"):
        m = cat.metrics[r["metric_code"]]
        low, high = (format_value(r[k], m.unit, m.unit_label(lg), lg) for k in ("target_low", "target_high"))
        lag = r["laggards_en" if lg == "en" else "laggards_zh"]
        with st.container(border=True):
            st.markdown(f"**{m.short_name(lg)}**")
            st.markdown(
                f"{t('col_target')}：{low if low == high else f'{low}–{high}'} · "
                f"{t('col_meets_target')}：{int(r['n_meets'])} / {int(r['n_with_target'])}"
            )
            if isinstance(lag, str) and lag:
                st.caption(f"{t('col_laggards')}：{lag}")
