"""Streamlit blocks for fair comparison, the district map, early warning and peers.

The interval chart, the funnel plot, the map and a district's verdicts are Views of views/fair.py (the same ones
decks and `python -m export chart` take); this module only places them on a page through ui/blocks.show, so each
has its PNG, SVG, slide, CSV and ⓘ link. Warnings and peers are page blocks of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

import texts
from analysis.alerts import evaluate, evidence_text, load_rules
from analysis.peers import HOW
from etl.catalog import Metric, load_catalog
from ui.blocks import show
from ui.data import run_query
from ui.exports import table_downloads_ui
from ui.i18n import t
from ui.widgets import info_link
from views import cache
from views.cache import fair  # the views of views/fair.py, built once and shared
from views.context import Context as Filters

PROFILE_PAGE = "pages/07_profile.py"
__all__ = ["info_link", "fair_ranking_ui", "funnel_ui", "map_ui", "profile_verdicts_ui", "warnings_ui", "peers_ui"]


def fair_ranking_ui(f: Filters, m: Metric) -> None:
    """For rates with counts behind them: the 95 % interval chart (and the funnel for a rate per 10,000), under
    their heading; nothing for a metric without intervals (the ranking table already carries the verdicts)."""
    view = fair.intervals(f, m)
    if view.figure is None:
        return
    st.subheader(t("fair_heading"))
    show(view)
    if m.unit == "per_10k":
        funnel_ui(f, m)


def funnel_ui(f: Filters, m: Metric) -> None:
    """The funnel plot of a rate against its denominator, with 95 % and 99.8 % limits around the city."""
    show(fair.funnel(f, m))


def map_ui(f: Filters, m: Metric) -> None:
    """The metric on the city's district map; districts without a value hatched, districts off the map named (drawn
    once per city, year, metric and data, for every session)."""
    show(fair.city_map(f, m))


def profile_verdicts_ui(f: Filters, district: str) -> None:
    """For each rate of the district with an interval: value, 95 % interval, the city and the verdict."""
    view = fair.profile_verdicts(f, district)
    if view.table is None or view.table.empty:
        return
    st.subheader(view.title)
    st.dataframe(view.table, hide_index=True, width="stretch")
    table_downloads_ui(view.table, view.name, t("col_verdict"))


def warning_flags(f: Filters) -> tuple[list, list | None]:
    """The rules of data/catalog/warnings.csv and the districts meeting them in the year (None: no figures)."""
    rules = load_rules(known_metrics=set(load_catalog().metrics))
    metrics = sorted({c for r in rules for c in r.metrics()})
    panel = f.query("district_metric_years", city=f.city, metrics=metrics)
    return rules, None if panel.empty else evaluate(rules, panel, f.year)


def warnings_ui(f: Filters) -> None:
    """预警: districts that meet a rule of data/catalog/warnings.csv this year, with the figures, one card per rule,
    and the flagged districts as buttons to their profiles.

    A card is one Markdown block and the links are one widget: a city where thirty districts meet rules draws
    about ten elements here instead of 180, and the browser draws the page's first chart (below) that much sooner
    (measured in bench/browser.py: ×1.58 → see the commit)."""
    goto = st.session_state.pop(WARN_GOTO, None)  # a district button pressed in the rerun before
    if goto:
        st.switch_page(PROFILE_PAGE, query_params=goto)
    words = cache.build(warning_words, f)  # worked out once per city, year, language and data, for every session
    if words is None:
        return
    st.subheader(t("warnings_title"))
    if not words.cards:
        st.caption(t("warnings_none", year=f.year))
    for card in words.cards:
        with st.container(border=True):
            st.markdown(card)
    if words.names:
        st.pills(
            t("warnings_profiles"),
            list(words.names),
            format_func=words.names.get,
            key=WARN_PILLS,
            on_change=_to_profile,
            args=(f.city, f.year),
        )
    with st.expander(t("warnings_rules")):
        st.markdown(words.rules)


@dataclass(frozen=True)
class WarningWords:
    """The warnings of a city and year as the overview shows them: a Markdown card per rule met (the rule, how
    many districts, a line per district with its figures), the flagged districts' names by code, the rules."""

    cards: list[str]
    names: dict[str, str]
    rules: str


def warning_words(f: Filters) -> WarningWords | None:
    """None where the city has no figures for the rules at all."""
    cat, lg = load_catalog(), f.lang
    rules, flags = cache.build(warning_flags, f)  # evaluated once per city, year and data, for every session
    if flags is None:
        return None
    small = fair.small_counts(f, sorted({c for r in rules for c in r.metrics()})) if flags else set()
    by_rule: dict[str, list] = {}
    for flag in flags:
        by_rule.setdefault(flag.rule.code, []).append(flag)
    cards = []
    for group in by_rule.values():
        rule = group[0].rule
        count = texts.t("warnings_count", lg, n=len(group))
        lines = []
        for flag in group:
            parts = []
            for ev in flag.evidence:
                mark = f" · {texts.t('small_count', lg)}" if (flag.district_code, ev.metric) in small else ""
                parts.append(evidence_text(ev, cat.metrics, lg) + mark)
            lines.append(f"- **{flag.district(lg)}** · " + ("; " if lg == "en" else "；").join(parts))
        head = f"**{rule.name(lg)}** · {count}  \n:gray[:small[{rule.explain(lg)}]]"
        cards.append(head + "\n\n" + "\n".join(lines))
    names = {flag.district_code: flag.district(lg) for flag in flags}
    listed = "\n".join(f"- **{r.name(lg)}**：{r.explain(lg)}" for r in rules)
    return WarningWords(cards, names, listed)


WARN_PILLS, WARN_GOTO = "warn_profile", "_warn_goto"


def _to_profile(city: str, year: int) -> None:
    """A flagged district's button: go to its profile in the rerun this starts (st.switch_page cannot run in a
    callback), and unpress the button so that coming back to the overview does not go there again."""
    district = st.session_state.get(WARN_PILLS)
    st.session_state[WARN_PILLS] = None
    if district:
        st.session_state[WARN_GOTO] = {"district": district, "city": city, "year": str(year)}


def peers_ui(f: Filters, district: str) -> None:
    """The district beside its peers (same kind, similar membership, or chosen): value and the peers' median (the
    table of views/fair.peers, the widgets here)."""
    names = run_query("districts", city=f.city)
    if len(names) < 3:
        return
    label = dict(zip(names["district_code"], names[f.label_col], strict=True))
    st.subheader(t("peers_heading"))
    how = (
        st.segmented_control(
            t("peers_how"),
            list(HOW),
            default="kind",
            key="peers_how",
            format_func=lambda h: t(f"peers_{h}"),
        )
        or "kind"
    )
    chosen = []
    if how == "chosen":
        chosen = st.multiselect(
            t("peers_pick"), [c for c in label if c != district], key="peers_chosen", format_func=label.get
        )
    view = fair.peers(f, district, how, chosen)
    if not view.notes:
        st.caption(t("peers_none"))
        return
    st.caption(view.notes[0])
    st.dataframe(view.table, hide_index=True, width="stretch")
    table_downloads_ui(view.table, view.name, t("peers_heading"))
