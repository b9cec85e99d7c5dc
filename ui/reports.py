"""The report-import screen's parts: the report in, the candidate figures to review, each with its sentence."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st

from etl import periods
from etl.auth import Editor
from etl.catalog import load_catalog
from etl.extract import Extraction, ReportError, extract, match_organisation, report_text
from etl.numbers import QUALIFIERS
from etl.periods import period_in_context
from ui.i18n import lang, plain, t

MAX_REPORT_MB = 10  # a long report in .docx is well under 1 MB
# How much of the text around a figure is shown with it, in characters each side at most.
CONTEXT_CHARS = 60


def report_input_ui() -> tuple[str, str] | None:
    """The report's name and text, from an uploaded file or pasted text; None until there is one."""
    up = st.file_uploader(t("ri_upload"), type=["txt", "docx"], key="ri_file")
    pasted = st.text_area(t("ri_paste"), key="ri_text", height=160)
    if up is not None:
        data = up.getvalue()
        if len(data) > MAX_REPORT_MB * 1024 * 1024:
            st.error(t("too_big", file=plain(up.name), mb=len(data) / 1024 / 1024, limit=MAX_REPORT_MB))
            return None
        try:
            return up.name, report_text(data, up.name)
        except ReportError as err:
            st.error(t("ri_reading_error", msg=plain(err.message(lang()))))
            return None
    if pasted and pasted.strip():
        return t("ri_paste"), pasted
    return None


def extraction_ui(text: str) -> tuple[Extraction, str]:
    """The figures found in the report (etl.extract, once per text: kept in the session by the text's sha256) and
    that digest; says what was found, and draws no more of the page when nothing was."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    found = st.session_state.setdefault("ri_extractions", {})
    if digest not in found:
        found.clear()
        found[digest] = extract(text)
    extraction = found[digest]
    unknown = t("ri_unknown")
    org, year = (
        plain(extraction.organisation_written or extraction.organisation or unknown),
        extraction.report_year or unknown,
    )
    st.info(t("ri_found", org=org, year=year, n=len(extraction.facts)))
    check = {"address": "ri_org_from_address", "inferred": "ri_org_inferred", "level": "ri_org_level"}.get(
        extraction.organisation_from
    )
    if check:  # a name the text never writes out: staff confirm it
        st.caption(t(check))
    if extraction.review:
        st.caption(t("ri_found_review", n=len(extraction.review)))
    if not extraction.facts and not extraction.review:
        st.warning(t("ri_none"))
        st.stop()
    return extraction, digest


def district_year_ui(extraction: Extraction, editor: Editor, digest: str) -> tuple[str | None, int | None]:
    """Whose figures and which year: the districts the editor may change (the organisation's guessed when it is
    one of them) and the report's year, both to confirm; None for either not chosen yet."""
    cat = load_catalog()
    allowed = [d for d in cat.districts.values() if editor.districts is None or d.code in editor.districts]
    codes = [d.code for d in allowed]
    guess = match_organisation(extraction.organisation_written or extraction.organisation, cat)
    if guess not in codes:
        st.warning(t("ri_pick_district"))
    zh = lang() == "zh"
    labels = {d.code: f"{d.city_zh} {d.name_zh}" if zh else f"{d.name_en}, {d.city_en}" for d in allowed}
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
    return district, None if year is None else int(year)


def period_words(code: str | None, year: int | None) -> str:
    """A period code as the words shown in the grid (全年 for the calendar year), which parse_period reads back."""
    return periods.period_words(code, year, lang(), t("period_full_year"))


def candidate_table(extraction: Extraction, text: str | None = None, year: int | None = None) -> pd.DataFrame:
    """One row per candidate; where an indicator repeats for one period only its first figure is ticked (a running
    total, 1998–2021累计, does not untick the year's figure told after it: they are two observations). The period is the
    extractor's where it gives one, else what the words around the figure say (五年来, 每年, 上半年 …), else 全年;
    for a text that gives no year, read again with the year staff chose (上半年 needs it to be told from 全年).
    The candidates only proposed for review come last, unticked, each marked 待核实 with the reason."""
    cat = load_catalog()
    seen: set[str] = set()
    rows = []
    reread = extraction.report_year is None and year is not None
    year = extraction.report_year if extraction.report_year is not None else year
    for f in [*extraction.facts, *extraction.review]:
        reason = getattr(f, "review", "")
        ind = cat.indicators[f.indicator]
        code = getattr(f, "period", None)
        if text is not None and (code is None or reread and code == "year"):
            code = period_in_context(text, f.start, year, f.end)
        elif text is not None and reread and (code == "cum" or code.startswith(("last:", "since:"))):
            # 近5年来… in a text that gives no year, read as last:5: with the year staff chose, the span's years
            code = period_in_context(text, f.start, year, f.end) or code
        # 2018年新建工会40家 in a report on 2019: the year its own sentence names, where it is stored
        own_year = getattr(f, "year", None) or year
        rows.append(
            {
                "accept": not reason and (f.indicator, code, own_year) not in seen,
                "check": t("ri_to_check", reason=t("ri_reason_" + reason)) if reason else "",
                "indicator": ind.name(lang()),
                "value": f.value,
                "unit": ind.unit_label(lang()),
                "qualifier": t("q_" + f.qualifier),
                "year": own_year,
                "period": period_words(code, own_year),
                "evidence": re.sub(r"\s+", " ", f.evidence),
                "start": f.start,
                "end": f.end,
            }
        )
        if not reason:
            seen.add((f.indicator, code, own_year))
    table = pd.DataFrame(
        rows,
        columns=[
            "accept",
            "check",
            "indicator",
            "value",
            "unit",
            "qualifier",
            "year",
            "period",
            "evidence",
            "start",
            "end",
        ],
    )
    table.index = range(1, len(table) + 1)  # numbered as in the list of sentences below
    return table


def candidates_ui(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """The candidates as an editable grid: tick, indicator and value and qualifier can be changed."""
    cat = load_catalog()
    names = [i.name(lang()) for i in cat.indicators.values()]
    return st.data_editor(
        table,
        width="stretch",
        num_rows="fixed",
        disabled=["check", "unit", "evidence", "start", "end"],
        column_config={
            "accept": st.column_config.CheckboxColumn(t("ri_col_accept"), width="small"),
            "check": st.column_config.TextColumn(t("ri_col_check"), width="medium"),
            "indicator": st.column_config.SelectboxColumn(t("col_metric"), options=names, required=True),
            "value": st.column_config.NumberColumn(t("col_value"), format="%g", required=True),
            "unit": st.column_config.TextColumn(t("col_unit"), width="small"),
            "qualifier": st.column_config.SelectboxColumn(
                t("ri_col_qualifier"), options=[t("q_" + q) for q in QUALIFIERS], required=True
            ),
            "year": st.column_config.NumberColumn(
                t("year"), help=t("ri_year_help"), min_value=1990, max_value=2100, step=1, format="%d"
            ),
            "period": st.column_config.TextColumn(t("col_period"), help=t("ri_period_help")),
            "evidence": st.column_config.TextColumn(t("ri_col_evidence"), width="large"),
            "start": None,
            "end": None,
        },
        key=key,
    )


def accepted_rows(edited: pd.DataFrame, district: str, year: int, text: str) -> list[dict]:
    """The ticked candidates as rows for etl.reports.report_plan (codes, base-unit values, evidence), each in its
    row's year (the report's, or the one its sentence names)."""
    cat = load_catalog()
    by_name = {i.name(lang()): i.code for i in cat.indicators.values()}
    by_label = {t("q_" + q): q for q in QUALIFIERS}
    rows = []
    for r in edited[edited["accept"].fillna(False).astype(bool)].itertuples(index=False):
        start, end = int(r.start), int(r.end)
        own_year = getattr(r, "year", None)
        rows.append(
            {
                "district_code": district,
                # a figure its sentence dates to another year (去年, 2018年) is stored in that year
                "year": int(year) if own_year is None or pd.isna(own_year) else int(own_year),
                "indicator": by_name.get(r.indicator, r.indicator),
                "value": None if pd.isna(r.value) else float(r.value),
                "qualifier": by_label.get(r.qualifier, "exact"),
                "period": "" if pd.isna(r.period) or r.period == t("period_full_year") else str(r.period),
                "evidence": text[start:end],
                "start": start,
                "end": end,
            }
        )
    return rows


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in "。！？；\n")
    right_hits = [i for i in (text.find(ch, end) for ch in "。！？；\n") if i >= 0]
    left = max(left + 1, start - CONTEXT_CHARS)
    right = min(min(right_hits) + 1 if right_hits else len(text), end + CONTEXT_CHARS)
    return left, right


def flat(s: str) -> str:
    """Report text on one line (line breaks and runs of spaces as one space), safe for Markdown."""
    return plain(re.sub(r"\s+", " ", s))


def evidence_ui(text: str, table: pd.DataFrame) -> None:
    """Each candidate's evidence highlighted inside its sentence, numbered as in the table."""
    with st.expander(t("ri_evidence_heading"), expanded=False):
        lines = []
        for i, r in enumerate(table.itertuples(index=False), start=1):
            start, end = int(r.start), int(r.end)
            left, right = _sentence_bounds(text, start, end)
            check = f" · {plain(r.check)}" if getattr(r, "check", "") else ""
            lines.append(
                f"{i}\\. **{plain(r.indicator)}**{check} — {flat(text[left:start])}"
                f":orange-background[{flat(text[start:end])}]{flat(text[end:right])}"
            )
        st.markdown("\n\n".join(lines))
