"""Showing a plan before it is committed: counts, every problem with its cell, the cells highlighted, the changes."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from etl.catalog import load_catalog
from etl.explain import TEXT as READING_TEXT
from etl.explain import column_what, row_year_groups, sheet_line
from etl.parse import raw_text
from etl.periods import period_label
from etl.problems import format_number, hint_text
from etl.read import Sheet, col_letter
from etl.store import Plan
from ui.i18n import lang, plain, t

# Sheets longer than this show only the rows with problems (and the header rows) in the preview.
PREVIEW_ROWS = 300
NEAR_ROWS = 8  # rows shown above and below a flagged cell when jumping to it
CELL_COLOURS = {"error": "background-color: #F8D0C8", "warning": "background-color: #FFF1B8"}


def plan_summary_ui(plan: Plan) -> None:
    errors = sum(p.severity == "error" for p in plan.problems)
    warnings = sum(p.severity == "warning" for p in plan.problems)
    cols = st.columns(6)
    cols[0].metric(t("plan_new"), len(plan.new))
    cols[1].metric(t("plan_changed"), len(plan.changed))
    cols[2].metric(t("plan_unchanged"), len(plan.unchanged))
    cols[3].metric(t("plan_targets"), len(plan.targets))
    cols[4].metric(t("plan_errors"), errors)
    cols[5].metric(t("plan_warnings"), warnings)


def problems_ui(plan: Plan) -> None:
    """Every problem, errors first, as a table: where (sheet and cell), what was seen, what to do."""
    if not plan.problems:
        st.success(t("no_problems"))
        return
    rows = [
        {
            t("col_severity"): t("sev_" + p.severity),
            t("col_location"): f"{p.sheet}!{p.cell}" if p.sheet and p.cell else (p.sheet or "—"),
            t("col_seen"): "" if p.value is None else str(p.value),
            t("col_message"): p.message(lang()),
            t("col_hint"): hint_text(p, lang()),
        }
        for p in plan.problems
    ]
    df = pd.DataFrame(rows)
    if not df[t("col_hint")].any():
        df = df.drop(columns=[t("col_hint")])
    st.dataframe(df, hide_index=True, width="stretch")


def uploader_texts_ui(limit_mb: int) -> None:
    """The file uploader's own English texts (Upload, 20MB per file • XLSX…) replaced by the chosen language's.
    Streamlit has no setting for them, so they are hidden and the translation drawn in their place by CSS."""

    def css(text: str) -> str:
        return text.replace("\\", "").replace('"', "")

    st.html(
        f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{css(t("uploader_drop"))} · {css(t("uploader_limit", mb=limit_mb))}"; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"] p {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzone"] button[data-testid="stBaseButton-secondary"] p::after {{
  content: "{css(t("uploader_button"))}"; font-size: 0.875rem; }}
</style>"""
    )


def reading_ui(plan: Plan) -> None:
    """How the file was understood, before anything is committed: per sheet its layout and year, each column's
    header cells → indicator, unit and scale; the rows skipped and why; the year each row went to."""
    readings = getattr(plan, "readings", [])
    if not readings:
        return
    lg = lang()
    with st.expander(t("reading_heading"), expanded=True):
        for reading in readings:
            st.markdown(f"**{_md(sheet_line(plan.file_name, reading, lg))}**")
            if reading.unit_notes:
                st.caption(_md(READING_TEXT[lg]["notes"].format(notes="；".join(reading.unit_notes)).strip()))
            cols = [c for c in getattr(plan, "columns", []) if c.sheet == reading.sheet]
            if cols:
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("col_location"): [c.ref for c in cols],
                            t("col_header_cells"): [" / ".join(c.cells) for c in cols],
                            t("col_read_as"): [
                                column_what(c, lg, reading.year).split("，单位")[0].split(", unit")[0] for c in cols
                            ],
                            t("col_unit_scale"): [
                                f"{c.unit} ×{format_number(c.factor)}" if c.unit and c.factor != 1 else (c.unit or "")
                                for c in cols
                            ],
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                )
            if reading.skipped:
                st.caption(t("reading_skipped"))
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("col_location"): [r for r, _, _ in reading.skipped],
                            t("col_reason"): [READING_TEXT[lg][f"why_{w}"] for _, w, _ in reading.skipped],
                            t("col_content"): [x for _, _, x in reading.skipped],
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                )
            groups = row_year_groups(reading)
            if groups:
                st.caption(t("reading_years"))
                st.dataframe(
                    pd.DataFrame(
                        {
                            t("col_rows"): [a if a == b else f"{a}–{b}" for a, b, _, _, _ in groups],
                            t("col_district"): ["、".join(names) for _, _, _, _, names in groups],
                            t("col_year"): [str(y) for _, _, y, _, _ in groups],
                        }
                    ),
                    hide_index=True,
                    width="stretch",
                )


def _md(text: str) -> str:
    from ui.i18n import plain

    return plain(text)


def _grid(sheet: Sheet, marks: dict[tuple[int, int], str], rows: list[int] | None = None) -> pd.DataFrame:
    width = max((len(r) for r in sheet.rows), default=0)
    if rows is None:
        rows = list(range(len(sheet.rows)))
        if len(sheet.rows) > PREVIEW_ROWS:
            marked = {r for r, _ in marks}
            rows = [r for r in rows if r < 5 or r in marked]
    data = [[raw_text(v) for v in (sheet.rows[r] + [""] * (width - len(sheet.rows[r])))] for r in rows]
    return pd.DataFrame(data, index=[r + 1 for r in rows], columns=[col_letter(c) for c in range(width)])


def _column_config(grid: pd.DataFrame, headers: dict[str, str]) -> dict:
    """Each preview column labelled with its letter and its full header, wide enough to read it."""
    config = {}
    for col in grid.columns:
        label = f"{col} {headers[col]}" if headers.get(col) else col
        longest = max([len(label), *(len(str(v)) for v in grid[col].head(50))])
        config[col] = st.column_config.TextColumn(label, width=min(40 + 15 * longest, 360))
    return config


def _cell_pos(ref: str) -> tuple[int, int] | None:
    letters = "".join(ch for ch in ref if ch.isalpha())
    digits = "".join(ch for ch in ref if ch.isdigit())
    if not letters or not digits:
        return None
    col = 0
    for ch in letters:
        col = col * 26 + (ord(ch.upper()) - 64)
    return int(digits) - 1, col - 1


def _colours(df: pd.DataFrame, marks: dict[tuple[int, int], str]) -> pd.DataFrame:
    """Styles for the preview grid: the marked cells' background, by severity."""
    out = pd.DataFrame("", index=df.index, columns=df.columns)
    for (r, c), sev in marks.items():
        col = col_letter(c)
        if r + 1 in out.index and col in out.columns:
            out.loc[r + 1, col] = CELL_COLOURS[sev]
    return out


def sheets_ui(plan: Plan) -> None:
    """Each sheet as read, with the cells that have errors in red and warnings in yellow."""
    for sheet in plan.sheets:
        marks: dict[tuple[int, int], str] = {}
        for p in plan.problems:
            if p.sheet == sheet.name and p.cell and p.severity in CELL_COLOURS:
                pos = _cell_pos(p.cell)
                if pos and marks.get(pos) != "error":
                    marks[pos] = p.severity
        grid = _grid(sheet, marks)
        if grid.empty:
            continue
        headers = {}
        turned = any(r.sheet == sheet.name and r.transposed for r in getattr(plan, "readings", []))
        for c in [] if turned else getattr(plan, "columns", []):  # a transposed sheet's headers are rows
            if c.sheet == sheet.name:
                pos = _cell_pos(c.ref.split(":")[0])
                if pos:
                    headers[col_letter(pos[1])] = " / ".join(c.cells)
        key = f"jump_{plan.sha256}_{sheet.name}"
        with st.expander(t("sheet_preview", sheet=plain(sheet.name), n=len(sheet.rows)), expanded=bool(marks)):
            flagged = sorted(marks, key=lambda rc: (marks[rc] != "error", rc))
            if flagged:
                refs = [f"{col_letter(c)}{r + 1}" for r, c in flagged]
                chosen = st.selectbox(t("jump_to_cell"), refs, key=key)
                if not st.toggle(t("whole_sheet"), key=key + "_all"):
                    r0, _ = flagged[refs.index(chosen)]
                    near = list(range(max(0, r0 - NEAR_ROWS), min(len(sheet.rows), r0 + NEAR_ROWS + 1)))
                    grid = _grid(sheet, marks, near)
                    st.caption(t("near_cell", cell=chosen))
            st.dataframe(
                grid.style.apply(_colours, axis=None, marks=marks),
                width="stretch",
                column_config=_column_config(grid, headers),
            )


def changes_ui(plan: Plan, with_new: bool = False) -> None:
    """What a commit would change: old → new for every changed figure (and, with_new, the figures new to the store)."""
    pairs = [(c.record, c.old_value) for c in plan.changed] + ([(r, None) for r in plan.new] if with_new else [])
    if not pairs:
        return
    cat = load_catalog()
    lg = lang()
    rows = [
        {
            t("col_district"): cat.districts[r.district].name(lg),
            t("col_year"): r.year,
            t("col_metric"): cat.metrics[r.indicator].short_name(lg),
            t("col_old"): old,
            t("col_new"): r.value,
            t("col_location"): f"{r.sheet}!{r.cell}",
        }
        for r, old in pairs
    ]
    st.subheader(t("changes_heading", n=len(rows)))
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def batch_table(batches: pd.DataFrame) -> int | None:
    """Every batch as a selectable table; returns the chosen batch id (also kept in the URL)."""
    shown = pd.DataFrame(
        {
            t("col_batch"): batches["batch_id"],
            t("col_kind"): batches["kind"],
            t("col_file"): batches["source_name"],
            t("col_when"): batches["created_at"],
            t("col_who"): batches["created_by"],
            t("col_status"): [t(f"status_{s}") for s in batches["status"]],
            t("plan_new"): batches["n_new"],
            t("plan_changed"): batches["n_changed"],
            t("plan_unchanged"): batches["n_unchanged"],
            t("plan_targets"): batches["n_targets"],
            t("col_note"): batches["note"].fillna(""),
        }
    )
    event = st.dataframe(
        shown, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row", key="batch_pick"
    )
    picked = event.selection.rows if event and event.selection else []
    if picked:
        chosen = int(batches.iloc[picked[0]]["batch_id"])
        st.query_params["batch"] = str(chosen)
        return chosen
    raw = st.query_params.get("batch")
    return int(raw) if raw and raw.isdigit() and int(raw) in set(batches["batch_id"]) else None


def batch_values_ui(batch_id: int, values: pd.DataFrame) -> None:
    """The figures a batch holds beside the value that shows now, with their cell of origin (and report evidence)."""
    cat = load_catalog()
    lg = lang()
    st.subheader(t("batch_values", batch=batch_id, n=len(values)))
    shown = pd.DataFrame(
        {
            t("col_district"): values["district_en" if lg == "en" else "district_zh"],
            t("col_year"): values["year"],
            t("col_period"): [
                period_label(p, int(y), lg) for p, y in zip(values["period"], values["year"], strict=True)
            ],
            t("col_metric"): [cat.metrics[c].short_name(lg) for c in values["metric_code"]],
            t("col_value"): values["value"],
            t("col_current"): values["current_value"],
            t("col_batch"): values["current_batch"],
            t("col_source"): values["source_ref"].fillna(""),
            t("col_evidence"): values["evidence"].fillna(""),
        }
    )
    if not values["evidence"].notna().any():  # a sheet's batch: no report text to show
        shown = shown.drop(columns=[t("col_evidence")])
    if (values["period"] == "year").all():  # every figure is its year's: the year column says it
        shown = shown.drop(columns=[t("col_period")])
    st.dataframe(shown, hide_index=True, width="stretch")
