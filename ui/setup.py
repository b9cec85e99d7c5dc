"""page_setup() and the filter widgets every page shares (city, year, metric, districts, district)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from etl.catalog import Metric, load_catalog
from queries.defaults import YearChoice, choose_year
from ui import warm
from ui.data import background_runner, run_query, view_version
from ui.frame import ensure_framed
from ui.i18n import LANGS, lang, plain, t
from ui.state import persistent_widget
from views import cache
from views.context import Context
from views.marks import page_words


def language_ui() -> str:
    persistent_widget(st.sidebar.segmented_control, t("language"), list(LANGS), "lang", "zh", format_func=LANGS.get)
    return lang()


@dataclass(frozen=True)
class Cities:
    """The cities of the store as the city filter needs them, worked out once per data version (shared)."""

    names: list[str]  # city_zh, in the query's order
    english: dict[str, str]
    sample: frozenset[str]  # the made-up cities


def _cities() -> Cities:
    df = run_query("cities")
    return Cities(
        list(df["city_zh"]),
        dict(zip(df["city_zh"], df["city_en"], strict=True)),
        frozenset(df.loc[df["is_sample"].astype(bool), "city_zh"]),
    )


def city_selector(where=None) -> tuple[str, str, bool] | None:
    """The city filter, drawn in `where` (the top of the page; the sidebar by default)."""
    where = where or st.sidebar
    cities = cache.keyed(view_version(), _cities)  # shared, read-only
    if not cities.names:
        return None
    english = cities.english
    city = persistent_widget(
        where.selectbox,
        t("city"),
        cities.names,
        "city",
        cities.names[0],
        format_func=english.get if lang() == "en" else str,
    )
    return city, english[city] if lang() == "en" else city, city in cities.sample


@dataclass(frozen=True)
class CityYears:
    """What the filters of a city's pages need: its years (latest first), the default year, and per year how many
    districts reported (`status`, indexed by year; shared between sessions, read-only)."""

    years: list[int]
    choice: YearChoice
    status: pd.DataFrame


def _city_years(city: str) -> CityYears:
    status = run_query("year_completeness", city=city)
    years = [int(y) for y in run_query("years", city=city)["year"]]
    return CityYears(years, choose_year(status), status.set_index("year"))


def city_years(city: str) -> CityYears:
    """The city's years and default year, read once per data version for every session (the frame's own setup,
    kept off each rerun: views/cache.py)."""
    return cache.keyed(view_version(), _city_years, city)


def year_choice(city: str) -> YearChoice:
    """The city's default year (the latest every district has reported) and its newer partial year."""
    return city_years(city).choice


def year_selector(city: str, where=None) -> int:
    """The year filter; it opens on the latest year every district has reported, not merely the newest."""
    where = where or st.sidebar
    years = city_years(city).years
    default = year_choice(city).year
    return persistent_widget(where.selectbox, t("year"), years, "year", default if default in years else years[0])


def metric_selector(
    options: list[str], label_key: str = "metric", key: str = "metric", default: str | None = None
) -> Metric:
    """Pick one metric among `options` (codes); the choice is shared by pages that offer it."""
    cat = load_catalog()
    code = persistent_widget(
        st.selectbox,
        t(label_key),
        options,
        key,
        default or options[0],
        format_func={c: cat.metrics[c].name(lang()) for c in options}.get,
    )
    return cat.metrics[code]


def district_selector(city: str, label_key: str = "highlight", key: str = "districts") -> list[str]:
    """Districts to highlight (codes), shared by every page of the city."""
    d = run_query("districts", city=city)
    names = dict(zip(d["district_code"], d["district_en" if lang() == "en" else "district_zh"], strict=True))
    return persistent_widget(
        st.sidebar.multiselect,
        t(label_key),
        list(names),
        key,
        [],
        multi=True,
        format_func=names.get,
        placeholder=t("highlight_none"),
    )


def single_district_selector(city: str) -> str | None:
    """One district of the city (kept across pages); None for a city known only from its federation's own figures."""
    d = run_query("districts", city=city)
    names = dict(zip(d["district_code"], d["district_en" if lang() == "en" else "district_zh"], strict=True))
    if not names:
        return None
    return persistent_widget(
        st.selectbox, t("district"), list(names), "district", next(iter(names)), format_func=names.get
    )


def page_setup(title_key: str) -> Context | None:
    """The page title, the filters, the sample badge and the figures' marks (未审核, 定稿); the Context every view of the page is built
    from (city, year, language, the store's data version, read through the cached queries); None (with a
    message) when the store is empty."""
    ensure_framed()
    st.title(t(title_key))
    filters = st.columns([1, 1, 2])  # city and year at the top of the page, before anything they change
    picked = city_selector(filters[0])
    if picked is None:
        st.info(t("no_data"))
        return None
    city, _, is_sample = picked
    year = year_selector(city, filters[1])
    status = city_years(city).status
    prev = year - 1 if (year - 1) in status.index and status.loc[year - 1, "n_reported"] > 0 else None
    heading = t("heading_compared", year=year, prev=prev) if prev else t("heading_not_compared", year=year)
    st.subheader(heading)
    choice = year_choice(city)
    if choice.partial_year and choice.partial_year != year:
        st.info(
            t(
                "partial_year",
                year=choice.partial_year,
                n=choice.partial_reported,
                m=choice.n_districts,
                default=choice.year,
            )
        )
    elif year in status.index and 0 < status.loc[year, "n_reported"] < status.loc[year, "n_districts"]:
        st.info(
            t(
                "partial_year",
                year=year,
                n=int(status.loc[year, "n_reported"]),
                m=int(status.loc[year, "n_districts"]),
                default=choice.year,
            )
        )
    if is_sample:
        st.badge(t("sample_badge"), icon=":material/science:", color="orange")
        st.caption(t("sample_note"))
    ctx = Context(run_query, city, year, lang(), version=view_version())
    warm.note_page(ctx, city_years(city).years, background_runner())  # the other years, made in the background
    marks = cache.build(page_words, ctx)  # 未审核, 定稿: over every page, as in every chart's source line
    if marks:
        st.caption(plain(marks))
    return ctx


def with_highlight(ctx: Context) -> Context:
    """The context with the districts picked in the sidebar highlighted (kept across the city's pages)."""
    ctx.highlight = tuple(district_selector(ctx.city))
    return ctx


def year_pair_selector(years: list[int], current: int) -> tuple[int, int]:
    """Two years to compare (the first year with data and the chosen year, unless picked otherwise)."""
    if not years:
        return current, current
    left, right = st.columns(2)
    with left:
        a = persistent_widget(st.selectbox, t("year_a"), years, "year_a", years[0])
    with right:
        b = persistent_widget(st.selectbox, t("year_b"), years, "year_b", current if current in years else years[-1])
    return a, b


def admin_setup(title_key: str) -> None:
    """The start of a data-management page: inside the frame, with its title (no city/year filters)."""
    ensure_framed()
    st.title(t(title_key))


def editable_district_selector(editor) -> tuple[str, int]:
    """A district the editor may change (its city first) and a year (those with data, and the next one)."""
    cat = load_catalog()
    allowed = [d for d in cat.districts.values() if editor.districts is None or d.code in editor.districts]
    city = default_city()
    allowed.sort(key=lambda d: (d.city_zh != city, d.city_zh, d.code))
    names = {d.code: f"{d.city_zh} {d.name_zh}" if lang() == "zh" else f"{d.name_en}, {d.city_en}" for d in allowed}
    left, right = st.columns(2)
    with left:
        district = persistent_widget(
            st.selectbox, t("district"), list(names), "edit_district", next(iter(names)), format_func=names.get
        )
    years = sorted({int(y) for y in run_query("years", city=cat.districts[district].city_zh)["year"]}, reverse=True)
    years = [years[0] + 1, *years] if years else [int(st.session_state.get("year") or 2024)]
    with right:
        year = persistent_widget(st.selectbox, t("year"), years, "edit_year", years[1] if len(years) > 1 else years[0])
    return district, year


def default_city() -> str:
    """The city chosen on the dashboard pages, else the first with data (as the overview would show)."""
    city = st.session_state.get("city")
    if city:
        return city
    cities = run_query("cities")
    return str(cities["city_zh"].iloc[0]) if len(cities) else "示例市"
