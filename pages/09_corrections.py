"""数据修正 Corrections: edit one district's figures for one year in a grid; saved as its own batch with a note."""

import pandas as pd
import streamlit as st

from etl.catalog import load_catalog
from etl.edits import plan_correction
from ui.auth import require_editor
from ui.data import reading, run_query, save
from ui.i18n import lang, t
from ui.review import changes_ui, problems_ui
from ui.setup import admin_setup, editable_district_selector

admin_setup("page_corrections")
editor = require_editor()
cat = load_catalog()
st.caption(t("corr_intro"))
district, year = editable_district_selector(editor)
current = run_query("district_year_values", district=district, year=year)
grid = pd.DataFrame(
    {
        "metric_code": current["metric_code"],
        t("col_metric"): [cat.metrics[c].short_name(lang()) for c in current["metric_code"]],
        t("col_unit"): [cat.metrics[c].unit_label(lang()) for c in current["metric_code"]],
        t("col_current"): current["value"],
        t("col_new"): current["value"],
        t("col_source"): current["source_ref"].fillna(""),
        t("col_evidence"): current["evidence"].fillna(""),
    }
)
edited = st.data_editor(
    grid,
    hide_index=True,
    width="stretch",
    height=35 * len(grid) + 40,
    disabled=["metric_code", t("col_metric"), t("col_unit"), t("col_current"), t("col_source"), t("col_evidence")],
    column_config={"metric_code": None, t("col_new"): st.column_config.NumberColumn(t("col_new"), format="%.2f")},
    key=f"corr_{district}_{year}",
)
note = st.text_input(t("note"), key="corr_note")
if list(edited["metric_code"]) != list(current["metric_code"]):  # rows the fixed grid never had (a forged request)
    st.error(t("grid_rows_changed"))
    st.stop()
values = {
    code: (None if pd.isna(v) else float(v))
    for code, v in zip(edited["metric_code"], edited[t("col_new")], strict=True)
}
with reading() as con:
    plan = plan_correction(con, district, year, values, note, editor.scope())
if plan.records:  # something was edited: what it changes, and what stops it from being saved
    changes_ui(plan, with_new=True)
    problems_ui(plan)
if st.button(t("save"), type="primary", disabled=not plan.ok):
    batch = save(
        plan,
        lambda con: plan_correction(con, district, year, values, note, editor.scope()),
        by=editor.name,
        kind="correction",
        note=note.strip(),
    )
    if batch is not None:
        st.success(t("saved", batch=batch))
