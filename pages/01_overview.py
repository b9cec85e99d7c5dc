"""总览 Overview: the city's headline figures against last year and the targets, and the biggest movers."""

import streamlit as st

from analysis.changes import change_basis
from charts.bars import movers_bar
from charts.format import decimals
from etl.catalog import load_catalog
from ui.data import run_query
from ui.fair import map_ui, movers_frame, warnings_ui
from ui.i18n import t
from ui.phone import responsive, target_cards
from ui.setup import metric_selector, page_setup
from ui.widgets import chart_ui, metric_cards, target_table

f = page_setup("page_overview")
if f is not None:
    cat = load_catalog()
    overview = run_query("city_overview", city=f.city, year=f.year)
    st.subheader(t("headline_heading"))
    metric_cards(overview[overview["headline"]])
    attainment = run_query("target_attainment", city=f.city, year=f.year)
    if len(attainment):
        st.subheader(t("targets_heading"))
        responsive(lambda: target_table(attainment), lambda: target_cards(attainment), key="targets")
    warnings_ui(f)

    movers = [c for c in overview["metric_code"] if cat.metrics[c].headline]
    # a city known only from its federation's own figures has no districts to move
    if movers and len(run_query("districts", city=f.city)):
        st.subheader(t("movers_heading"))
        m = metric_selector(movers, "movers_metric")
        df = movers_frame(run_query("metric_by_district", city=f.city, year=f.year, metric=m.code), m)
        basis = change_basis(m.unit)  # counts move in their unit (起), not in percent
        axis = {"percent": t("axis_change_pp")}.get(m.unit, t("axis_change_unit", unit=m.unit_label(f.lang)))
        fig = movers_bar(
            df,
            label_col=f.label_col,
            change_col=basis,
            title=t("title_movers", year=f.year, metric=m.short_name(f.lang)),
            source=f.source,
            axis_title=axis if basis == "change" else t("axis_change_pct"),
            small_col="small_change",
            small_label=t("small_count"),
            label_decimals=decimals(m.unit, 1) if basis == "change" else 1,
            polarity=m.polarity,
            good_label=t("good_change"),
            bad_label=t("bad_change"),
        )
        chart_ui(fig, df, f"{m.code}_{f.year}_change", f.label_col)
        if df["small_change"].any():
            st.caption(t("small_count_note"))
        map_ui(f, m)
