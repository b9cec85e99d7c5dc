"""目标管理 Targets: view and edit targets per indicator and year, for every district or one; saved as a batch."""

import streamlit as st

from etl.edits import plan_targets
from ui.auth import require_editor
from ui.data import reading, run_query
from ui.edits import carry_over_ui, held_targets, save_ui, targets_grid_ui
from ui.i18n import t
from ui.review import problems_ui
from ui.setup import admin_setup, default_city

admin_setup("page_targets")
editor = require_editor()
st.caption(t("targets_intro"))
city = default_city()
held = held_targets(run_query("targets_of_city", city=city))
if carry_over_ui(held, run_query("years", city=city)["year"].astype(int).tolist(), editor):
    held = held_targets(run_query("targets_of_city", city=city))
rows, refused = targets_grid_ui(held, city, key=f"targets_{city}")
note = st.text_input(t("note"), key="targets_note")
with reading() as con:
    plan = plan_targets(con, rows, note, editor.scope(), refused)
if plan.targets or refused:
    problems_ui(plan)
save_ui(
    plan,
    lambda con: plan_targets(con, rows, note, editor.scope(), refused),
    t("save"),
    by=editor.name,
    kind="targets",
    note=note.strip(),
)
