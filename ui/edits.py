"""The grids of the editing pages (数据修正, 目标管理) and the step that saves an edit: building each grid from a
query's rows, and mapping what comes back (labels) to catalogue codes for etl.edits."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from etl.auth import Editor
from etl.catalog import load_catalog
from etl.edits import Targets
from etl.store import Plan
from etl.years import year_range
from ui.data import reading, save
from ui.i18n import lang, t
from ui.review import problems_ui

# Height of one grid row and of the header, in pixels: the corrections grid shows every row without scrolling.
ROW_PX, HEADER_PX = 35, 40


def correction_grid_ui(current: pd.DataFrame, key: str) -> dict[str, float | None]:
    """One district-year's figures (queries/district_year_values.sql) in a grid with a column to edit; the values
    as edited by indicator code (None: cleared). A grid that comes back with other rows (a forged request) is
    refused on the page and nothing more is drawn."""
    cat, lg = load_catalog(), lang()
    codes = current["metric_code"]
    grid = pd.DataFrame(
        {
            "metric_code": codes,
            t("col_metric"): [cat.metrics[c].short_name(lg) for c in codes],
            t("col_unit"): [cat.metrics[c].unit_label(lg) for c in codes],
            t("col_current"): current["value"],
            t("col_new"): current["value"],
            t("col_source"): current["source_ref"].fillna(""),
            t("col_evidence"): current["evidence"].fillna(""),
        }
    )
    fixed = ["metric_code", t("col_metric"), t("col_unit"), t("col_current"), t("col_source"), t("col_evidence")]
    edited = st.data_editor(
        grid,
        hide_index=True,
        width="stretch",
        height=ROW_PX * len(grid) + HEADER_PX,
        disabled=fixed,
        column_config={"metric_code": None, t("col_new"): st.column_config.NumberColumn(t("col_new"), format="%.2f")},
        key=key,
    )
    if list(edited["metric_code"]) != list(codes):
        st.error(t("grid_rows_changed"))
        st.stop()
    return {
        c: (None if pd.isna(v) else float(v)) for c, v in zip(edited["metric_code"], edited[t("col_new")], strict=True)
    }


def targets_grid_ui(held: Targets, city: str, key: str) -> tuple[Targets, list]:
    """The targets of a city in an editable grid (rows may be added and deleted); what it holds as etl.edits rows
    (indicator, year, district or None, value) with a row deleted from the grid clearing its target, and the
    problems of rows that name no indicator or district of the catalogue."""
    from etl.edits import targets_from_grid

    cat, lg = load_catalog(), lang()
    metric_names = {c: m.short_name(lg) for c, m in cat.metrics.items() if m.kind == "reported"}
    district_names = {d.code: d.name(lg) for d in cat.districts.values() if d.city_zh == city}
    by_metric = {v: k for k, v in metric_names.items()}
    by_district = {v: k for k, v in district_names.items()}
    grid = pd.DataFrame(
        {
            t("col_metric"): [metric_names[m] for m, _, _, _ in held],
            t("col_year"): pd.array([y for _, y, _, _ in held], dtype="Int64"),
            t("col_district"): [district_names.get(d) if d else "" for _, _, d, _ in held],
            t("col_target"): [v for _, _, _, v in held],
        }
    )
    first, last = year_range()
    edited = st.data_editor(
        grid,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            t("col_metric"): st.column_config.SelectboxColumn(t("col_metric"), options=list(by_metric), required=True),
            t("col_year"): st.column_config.NumberColumn(
                t("col_year"), min_value=first, max_value=last, step=1, format="%d", required=True
            ),
            t("col_district"): st.column_config.SelectboxColumn(t("col_district"), options=["", *by_district]),
            t("col_target"): st.column_config.NumberColumn(t("col_target"), format="%.1f"),
        },
        key=key,
    )
    rows, refused = targets_from_grid(list(edited.itertuples(index=False)), by_metric, by_district)
    kept = {(m, y, d) for m, y, d, _ in rows}
    rows += [(m, y, d, None) for m, y, d, _ in held if (m, y, d) not in kept]
    return rows, refused


def held_targets(current: pd.DataFrame) -> Targets:
    """The rows of queries/targets_of_city.sql as etl.edits rows (indicator, year, district or None, value)."""
    return [
        (m, int(y), d if isinstance(d, str) else None, float(v))
        for m, y, d, v in zip(
            current["metric_code"], current["year"], current["district_code"], current["value"], strict=True
        )
    ]


def carry_over_ui(held: Targets, data_years: list[int], editor: Editor) -> bool:
    """ "沿用上年目标": where the newest year with figures has no targets, a button that carries the latest earlier
    year's targets over in one batch (etl.edits.carry_over_targets); True once that batch is saved."""
    from etl.edits import carry_over_targets, plan_targets, year_to_carry_over

    carry = year_to_carry_over(data_years, sorted({y for _, y, _, _ in held}))
    if not carry:
        return False
    prev, to_year = carry
    carried = carry_over_targets(held, prev, to_year)
    st.info(t("year_no_targets", year=to_year))
    if not st.button(t("targets_carry", prev=prev, n=len(carried)), key="targets_carry"):
        return False
    note = t("targets_carry_note", prev=prev)
    with reading() as con:
        carry_plan = plan_targets(con, carried, note, editor.scope())
    if not carry_plan.ok:
        problems_ui(carry_plan)
        return False
    replan = lambda con: plan_targets(con, carried, note, editor.scope())  # noqa: E731
    batch = save(carry_plan, replan, by=editor.name, kind="targets", note=note)
    if batch is not None:
        st.success(t("saved", batch=batch))
    return batch is not None


def save_ui(
    plan: Plan, replan: Callable, label: str, done: str = "saved", key: str | None = None, **commit_args: object
) -> int | None:
    """A primary button that commits a reviewed plan (disabled while it has errors) and says the batch saved."""
    if not st.button(label, type="primary", disabled=not plan.ok, key=key):
        return None
    batch = save(plan, replan, **commit_args)
    if batch is not None:
        st.success(t(done, batch=batch))
    return batch
