"""数据修正 Corrections: edit one district's figures for one year in a grid; saved as its own batch with a note."""

import streamlit as st

from etl.edits import plan_correction
from ui.auth import require_editor
from ui.data import reading, run_query
from ui.edits import correction_grid_ui, save_ui
from ui.i18n import t
from ui.review import changes_ui, problems_ui
from ui.setup import admin_setup, editable_district_selector

admin_setup("page_corrections")
editor = require_editor()
st.caption(t("corr_intro"))
district, year = editable_district_selector(editor)
values = correction_grid_ui(run_query("district_year_values", district=district, year=year), f"corr_{district}_{year}")
note = st.text_input(t("note"), key="corr_note")
with reading() as con:
    plan = plan_correction(con, district, year, values, note, editor.scope())
if plan.records:  # something was edited: what it changes, and what stops it from being saved
    changes_ui(plan, with_new=True)
    problems_ui(plan)
save_ui(
    plan,
    lambda con: plan_correction(con, district, year, values, note, editor.scope()),
    t("save"),
    by=editor.name,
    kind="correction",
    note=note.strip(),
)
