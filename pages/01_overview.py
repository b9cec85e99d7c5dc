"""总览 Overview: the city's headline figures against last year and the targets, and the biggest movers."""

import streamlit as st

from charts.bars import movers_bar
from etl.catalog import load_catalog
from ui.data import run_query
from ui.i18n import t
from ui.progress import completion_bar_ui
from ui.setup import metric_selector, page_setup
from ui.widgets import chart_ui, metric_cards, target_table

f = page_setup("page_overview")
if f is not None:
    completion_bar_ui(f.city, f.year)
    cat = load_catalog()
    overview = run_query("city_overview", city=f.city, year=f.year)
    st.subheader(t("headline_heading"))
    metric_cards(overview[overview["headline"]])
    attainment = run_query("target_attainment", city=f.city, year=f.year)
    if len(attainment):
        st.subheader(t("targets_heading"))
        target_table(attainment)

    movers = [c for c in overview["metric_code"] if cat.metrics[c].headline]
    # a city known only from its federation's own figures has no districts to move
    if movers and len(run_query("districts", city=f.city)):
        st.subheader(t("movers_heading"))
        m = metric_selector(movers, "movers_metric")
        df = run_query("metric_by_district", city=f.city, year=f.year, metric=m.code)
        by_points = m.unit == "percent"
        fig = movers_bar(
            df,
            label_col=f.label_col,
            change_col="change" if by_points else "pct_change",
            title=t("title_movers", year=f.year, metric=m.short_name(f.lang)),
            source=f.source,
            axis_title=t("axis_change_pp" if by_points else "axis_change_pct"),
            polarity=m.polarity,
            good_label=t("good_change"),
            bad_label=t("bad_change"),
        )
        chart_ui(fig, df, f"{m.code}_{f.year}_change", f.label_col)
