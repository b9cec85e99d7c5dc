"""指标说明 Indicator reference: every indicator's meaning, formula, city method, period and who reported it when."""

import streamlit as st

from analysis.indicators import coverage, coverage_counts, reference_table
from etl.catalog import load_catalog
from ui.data import run_query
from ui.i18n import lang, t
from ui.setup import metric_selector, page_setup
from ui.widgets import INDICATOR_PARAM

f = page_setup("page_indicators")
st.caption(t("indicators_intro"))
cat = load_catalog()
ref = reference_table(cat, lang())
codes = ref["code"].tolist()
asked = st.query_params.get(INDICATOR_PARAM)  # an ⓘ link under a chart: open on that indicator's entry
if asked in codes:
    st.session_state["metric"] = asked
    del st.query_params[INDICATOR_PARAM]
m = metric_selector(codes, label_key="ind_pick")
row = ref.set_index("code").loc[m.code]

st.subheader(row["name"], anchor=m.code)
st.markdown(
    "\n".join(
        f"- **{t(key)}**：{row[col]}" if lang() == "zh" else f"- **{t(key)}**: {row[col]}"
        for key, col in (
            ("ind_definition", "definition"),
            ("ind_unit", "unit"),
            ("ind_polarity", "polarity"),
            ("ind_formula", "formula"),
            ("ind_city", "city"),
            ("ind_period", "period"),
            ("ind_interval", "interval"),
        )
    )
)

if f is not None:
    panel = run_query("district_metric_years", city=f.city, metrics=ref["code"].tolist())
    grid = coverage(panel, m.code, f.label_col)
    st.markdown(f"**{t('ind_coverage', city=f.city_label, metric=row['name'])}**")
    if grid.empty:
        st.caption(t("ind_coverage_none", city=f.city_label, metric=row["name"]))
    else:
        shown = grid.map(lambda v: t("ind_reported_mark") if v else "")
        shown.columns = [str(c) for c in shown.columns]
        shown.index.name = t("col_district")
        st.dataframe(shown, width="stretch")

st.divider()
table = ref.drop(columns=["code"]).rename(
    columns={
        "theme": t("ind_theme"),
        "name": t("ind_name"),
        "definition": t("ind_definition"),
        "unit": t("ind_unit"),
        "polarity": t("ind_polarity"),
        "formula": t("ind_formula"),
        "city": t("ind_city"),
        "period": t("ind_period"),
        "interval": t("ind_interval"),
    }
)
st.dataframe(table, hide_index=True, width="stretch")

if f is not None:
    n = len(run_query("districts", city=f.city))
    counts = coverage_counts(panel, ref["code"].tolist(), n)
    counts.index = ref["name"].tolist()
    counts.columns = [str(c) for c in counts.columns]
    st.markdown(f"**{t('ind_coverage_all', city=f.city_label)}**")
    st.dataframe(counts, width="stretch")
