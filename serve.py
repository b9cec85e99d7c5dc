"""The dashboard's server: dashboard.py under st.App, with the two routes of the lasting-login cookie.

`streamlit run serve.py` (what `make run` and the systemd unit start) serves the same app as
`streamlit run dashboard.py` and adds POST /union/session and /union/logout (ui/lasting.py), through which the
server sets and clears the HttpOnly session cookie. Under plain `streamlit run dashboard.py` logins last as long
as the tab.
"""

import streamlit as st

from ui.lasting import routes
from ui.startup import preload

preload()  # the pages' imports at server start, not in the first visitor's page run (ui/startup.py)

app = st.App("dashboard.py", routes=routes())
