"""报告提取 Report import: a work report in, its figures found with their sentences, reviewed, loaded as a batch."""

import hashlib

import streamlit as st

from etl.catalog import load_catalog
from etl.extract import extract, match_organisation
from etl.reports import report_plan
from etl.store import already_loaded_problem
from ui.auth import require_editor
from ui.data import reading, save
from ui.i18n import lang, plain, t
from ui.reports import accepted_rows, candidate_table, candidates_ui, evidence_ui, report_input_ui
from ui.review import changes_ui, problems_ui
from ui.setup import admin_setup

admin_setup("page_report_import")
editor = require_editor()
st.caption(t("ri_intro"))
report = report_input_ui()
if report is None:
    st.stop()
name, text = report
digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
found = st.session_state.setdefault("ri_extractions", {})
if digest not in found:
    found.clear()
    found[digest] = extract(text)
extraction = found[digest]
unknown = t("ri_unknown")
st.info(
    t(
        "ri_found",
        org=plain(extraction.organisation or unknown),
        year=extraction.report_year or unknown,
        n=len(extraction.facts),
    )
)
if not extraction.facts:
    st.warning(t("ri_none"))
    st.stop()

cat = load_catalog()
allowed = [d for d in cat.districts.values() if editor.districts is None or d.code in editor.districts]
codes = [d.code for d in allowed]
guess = match_organisation(extraction.organisation, cat)
if guess not in codes:
    st.warning(t("ri_pick_district"))
labels = {d.code: f"{d.city_zh} {d.name_zh}" if lang() == "zh" else f"{d.name_en}, {d.city_en}" for d in allowed}
left, right = st.columns(2)
district = left.selectbox(
    t("district"),
    codes,
    index=codes.index(guess) if guess in codes else None,
    format_func=labels.get,
    key="ri_district",
)
year = right.number_input(
    t("year"), min_value=1990, max_value=2100, value=extraction.report_year, step=1, key=f"ri_year_{digest[:8]}"
)
table = candidate_table(extraction, text)
if table["indicator"].duplicated().any():
    st.caption(t("ri_duplicates"))
edited = candidates_ui(table, key=f"ri_grid_{digest[:8]}")
evidence_ui(text, table)
if district is None or year is None:
    st.stop()
rows = accepted_rows(edited, district, int(year), text)
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
elif st.button(t("ri_commit", n=len(rows)), type="primary", disabled=not plan.ok, key="ri_commit"):
    batch = save(
        plan,
        lambda con: report_plan(con, rows, name, text, scope)[0],
        by=editor.name,
        kind="report",
        note=note.strip() or None,
        evidence=evidence,
    )
    if batch is not None:
        st.success(t("ri_committed", batch=batch))
