"""报告提取 Report import: a work report in, its figures found with their sentences, reviewed, loaded as a batch."""

import streamlit as st

from etl.reports import report_plan
from etl.store import already_loaded_problem
from ui.auth import require_editor
from ui.data import reading
from ui.edits import save_ui
from ui.i18n import lang, plain, t
from ui.reports import (
    accepted_rows,
    candidate_table,
    candidates_ui,
    district_year_ui,
    evidence_ui,
    extraction_ui,
    report_input_ui,
)
from ui.review import changes_ui, problems_ui
from ui.setup import admin_setup

admin_setup("page_report_import")
editor = require_editor()
st.caption(t("ri_intro"))
report = report_input_ui()
if report is None:
    st.stop()
name, text = report
extraction, digest = extraction_ui(text)
district, year = district_year_ui(extraction, editor, digest)
table = candidate_table(extraction, text, year)
if table["indicator"].duplicated().any():
    st.caption(t("ri_duplicates"))
edited = candidates_ui(table, key=f"ri_grid_{digest[:8]}_{year}")  # periods are read with the year
evidence_ui(text, table)
if district is None or year is None:
    st.stop()
rows = accepted_rows(edited, district, year, text)
if not rows:
    st.warning(t("ri_nothing_accepted"))
    st.stop()
scope = editor.scope()  # the ETL check refuses other districts whatever the drop-down offered
with reading() as con:
    plan, evidence = report_plan(con, rows, name, text, scope)
changes_ui(plan, with_new=True)
problems_ui(plan)
note = st.text_input(t("ri_note"), value=name if name != t("ri_paste") else "", key="ri_note")
if plan.already_loaded:
    st.info(plain(already_loaded_problem(plan).message(lang())))
else:
    save_ui(
        plan,
        lambda con: report_plan(con, rows, name, text, scope)[0],
        t("ri_commit", n=len(rows)),
        done="ri_committed",
        key="ri_commit",
        by=editor.name,
        kind="report",
        note=note.strip() or None,
        evidence=evidence,
    )
