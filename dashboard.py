"""工会数据看板: the frame only — page config, language, navigation in sections (listed in ui/frame.py)."""

import streamlit as st

from ui.auth import account_ui, require_viewer
from ui.data import page_reads, said_after_rerun_ui
from ui.exports import keep_basket_in_url
from ui.frame import app_logo, framed, navigation
from ui.hardening import keep_caches_to_ourselves, session_guard
from ui.phone import phone_css
from ui.print import print_view
from ui.setup import language_ui
from ui.warm import page_run as warm_years

st.set_page_config(page_title="工会数据看板", page_icon=":material/bar_chart:", layout="wide")
keep_caches_to_ourselves()
session_guard()
print_view()  # A4 landscape printouts without sidebar or buttons (@media print only)
phone_css()
language_ui()
keep_basket_in_url()  # the slide basket survives a page refresh (its token in the URL)
app_logo()  # the app's name over the navigation
account_ui()
require_viewer()
# the page's queries share one connection while it runs; its views are then made for the city's other years
with framed(), page_reads(), warm_years():
    said_after_rerun_ui()  # a save that found the data changed: said over the page's fresh check
    st.navigation(navigation(), expanded=True).run()  # every page listed: staff should not hunt for "View more"
