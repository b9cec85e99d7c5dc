"""The dashboard's server: dashboard.py under st.App, with the two routes of the lasting-login cookie and the
phone layout written into every page's <head>.

`streamlit run serve.py` (what `make run` and the systemd unit start) serves the same app as
`streamlit run dashboard.py` and adds POST /union/session and /union/logout (ui/lasting.py), through which the
server sets and clears the HttpOnly session cookie, and the phone stylesheet and sidebar script in the HTML page
itself (ui/head.py), so they hold from the first paint. It also imports what the pages import when it starts,
not in the first visitor's run (ui/startup.py). Under plain `streamlit run dashboard.py` logins last as
long as the tab and the phone layout comes with the page's elements, a moment late.
"""

import streamlit as st
from starlette.middleware import Middleware

from ui.head import HeadMiddleware
from ui.lasting import routes
from ui.phone import head_html
from ui.startup import preload

preload()  # the pages' imports at server start, not in the first visitor's page run (ui/startup.py)

app = st.App("dashboard.py", routes=routes(), middleware=[Middleware(HeadMiddleware, html=head_html())])
