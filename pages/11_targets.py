"""目标管理 Targets: view and edit targets per indicator and year, for every district or one; saved as a batch."""

import pandas as pd
import streamlit as st

from etl.catalog import load_catalog
from etl.edits import carry_over_targets, plan_targets, targets_from_grid, year_to_carry_over
from etl.years import year_range
from ui.auth import require_editor
from ui.data import reading, run_query, save
from ui.i18n import lang, t
from ui.review import problems_ui
from ui.setup import admin_setup, default_city

admin_setup("page_targets")
editor = require_editor()
cat = load_catalog()
st.caption(t("targets_intro"))
city = default_city()
current = run_query("targets_of_city", city=city)
held = [
    (m, int(y), d if isinstance(d, str) else None, float(v))
    for m, y, d, v in zip(
        current["metric_code"], current["year"], current["district_code"], current["value"], strict=True
    )
]
carry = year_to_carry_over(
    run_query("years", city=city)["year"].astype(int).tolist(), sorted({y for _, y, _, _ in held})
)
if carry:
    prev, to_year = carry
    carried = carry_over_targets(held, prev, to_year)
    st.info(t("year_no_targets", year=to_year))
    if st.button(t("targets_carry", prev=prev, n=len(carried)), key="targets_carry"):
        note_carry = t("targets_carry_note", prev=prev)
        with reading() as con:
            carry_plan = plan_targets(con, carried, note_carry, editor.scope())
        if not carry_plan.ok:
            problems_ui(carry_plan)
        else:
            batch = save(
                carry_plan,
                lambda con: plan_targets(con, carried, note_carry, editor.scope()),
                by=editor.name,
                kind="targets",
                note=note_carry,
            )
            if batch is not None:
                st.success(t("saved", batch=batch))
                current = run_query("targets_of_city", city=city)
metric_names = {c: m.short_name(lang()) for c, m in cat.metrics.items() if m.kind == "reported"}
district_names = {d.code: d.name(lang()) for d in cat.districts.values() if d.city_zh == city}
by_metric = {v: k for k, v in metric_names.items()}
by_district = {v: k for k, v in district_names.items()}
grid = pd.DataFrame(
    {
        t("col_metric"): [metric_names[c] for c in current["metric_code"]],
        t("col_year"): current["year"].astype("Int64"),
        t("col_district"): [district_names.get(d) if isinstance(d, str) else "" for d in current["district_code"]],
        t("col_target"): current["value"],
    }
)
edited = st.data_editor(
    grid,
    num_rows="dynamic",
    hide_index=True,
    width="stretch",
    column_config={
        t("col_metric"): st.column_config.SelectboxColumn(t("col_metric"), options=list(by_metric), required=True),
        t("col_year"): st.column_config.NumberColumn(
            t("col_year"), min_value=year_range()[0], max_value=year_range()[1], step=1, format="%d", required=True
        ),
        t("col_district"): st.column_config.SelectboxColumn(t("col_district"), options=["", *by_district]),
        t("col_target"): st.column_config.NumberColumn(t("col_target"), format="%.1f"),
    },
    key=f"targets_{city}",
)
note = st.text_input(t("note"), key="targets_note")
rows, refused = targets_from_grid(list(edited.itertuples(index=False)), by_metric, by_district)
# a row deleted from the grid clears its target
kept = {(m, y, d) for m, y, d, _ in rows}
rows += [
    (m, int(y), d if isinstance(d, str) else None, None)
    for m, y, d in zip(current["metric_code"], current["year"], current["district_code"], strict=True)
    if (m, int(y), d if isinstance(d, str) else None) not in kept
]
with reading() as con:
    plan = plan_targets(con, rows, note, editor.scope(), refused)
if plan.targets or refused:
    problems_ui(plan)
if st.button(t("save"), type="primary", disabled=not plan.ok):
    batch = save(
        plan,
        lambda con: plan_targets(con, rows, note, editor.scope(), refused),
        by=editor.name,
        kind="targets",
        note=note.strip(),
    )
    if batch is not None:
        st.success(t("saved", batch=batch))
