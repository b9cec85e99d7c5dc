"""Keeps every page inside dashboard.py's frame, even when a deep link is the first request a server sees.

Until some session has run st.navigation, Streamlit treats pages/ as a legacy multipage folder and runs a
requested page on its own, without the frame (no language switch, no navigation). A page that finds itself
outside the frame switches the app to st.navigation and reruns; the frame then routes the same URL, query
parameters included.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from ui.i18n import t

IN_FRAME = "_in_frame"


@contextmanager
def framed() -> Iterator[None]:
    """Mark the page run by the frame as framed."""
    st.session_state[IN_FRAME] = True
    try:
        yield
    finally:
        st.session_state[IN_FRAME] = False


def navigation() -> dict[str, list]:
    """Every page of the app, in its section, with its title in the current language and a stable URL."""
    return {
        t("section_dashboard"): [
            st.Page(
                "pages/01_overview.py",
                title=t("page_overview"),
                icon=":material/dashboard:",
                url_path="overview",
                default=True,
            ),
        ],
        t("section_themes"): [
            st.Page(
                "pages/02_contracts.py", title=t("page_contracts"), icon=":material/handshake:", url_path="contracts"
            ),
            st.Page("pages/03_disputes.py", title=t("page_disputes"), icon=":material/gavel:", url_path="disputes"),
            st.Page("pages/04_aid.py", title=t("page_aid"), icon=":material/volunteer_activism:", url_path="aid"),
            st.Page(
                "pages/05_membership.py", title=t("page_membership"), icon=":material/groups:", url_path="membership"
            ),
        ],
        t("section_compare"): [
            st.Page("pages/06_compare.py", title=t("page_compare"), icon=":material/leaderboard:", url_path="compare"),
            st.Page(
                "pages/07_profile.py", title=t("page_profile"), icon=":material/person_pin_circle:", url_path="profile"
            ),
        ],
        t("section_meetings"): [
            st.Page("pages/13_slides.py", title=t("page_slides"), icon=":material/slideshow:", url_path="slides"),
        ],
        t("section_data"): [
            st.Page(
                "pages/14_progress.py", title=t("page_progress"), icon=":material/fact_check:", url_path="progress"
            ),
            st.Page("pages/08_upload.py", title=t("page_upload"), icon=":material/upload_file:", url_path="upload"),
            st.Page(
                "pages/09_corrections.py",
                title=t("page_corrections"),
                icon=":material/edit_note:",
                url_path="corrections",
            ),
            st.Page(
                "pages/12_report_import.py",
                title=t("page_report_import"),
                icon=":material/article:",
                url_path="report-import",
            ),
            st.Page("pages/10_batches.py", title=t("page_batches"), icon=":material/history:", url_path="batches"),
            st.Page("pages/11_targets.py", title=t("page_targets"), icon=":material/flag:", url_path="targets"),
        ],
    }


def ensure_framed() -> None:
    """Called first by every page: outside the frame, register the real navigation and rerun through the frame."""
    if not st.session_state.get(IN_FRAME):
        st.navigation(navigation(), position="hidden")
        st.rerun()
