"""page_setup(): the language, the city and year filters (kept across pages and mirrored in the URL)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from ui.data import run_query
from ui.i18n import LANGS, lang, t


@dataclass
class Filters:
    city: str
    year: int
    lang: str
    is_sample: bool


def _remember(key: str, options: list, default: object) -> None:
    """Seed a widget's value from the URL once, then keep it in session state across pages."""
    if key not in st.session_state:
        raw = st.query_params.get(key)
        match = next((o for o in options if str(o) == raw), None)
        st.session_state[key] = match if match is not None else default
    elif st.session_state[key] not in options:
        st.session_state[key] = default


def language_ui() -> str:
    _remember("lang", list(LANGS), "zh")
    st.sidebar.segmented_control(t("language"), list(LANGS), format_func=LANGS.get, key="lang")
    if st.session_state.get("lang") is None:
        st.session_state["lang"] = "zh"
    st.query_params["lang"] = lang()
    return lang()


def city_selector() -> tuple[str, bool] | None:
    cities = run_query("cities")
    if cities.empty:
        return None
    names = list(cities["city_zh"])
    _remember("city", names, names[0])
    english = dict(zip(cities["city_zh"], cities["city_en"], strict=True))
    city = st.sidebar.selectbox(t("city"), names, key="city", format_func=lambda c: english[c] if lang() == "en" else c)
    st.query_params["city"] = city
    return city, bool(cities.set_index("city_zh").loc[city, "is_sample"])


def year_selector(city: str) -> int:
    years = [int(y) for y in run_query("years", city=city)["year"]]
    _remember("year", years, years[0])
    year = st.sidebar.selectbox(t("year"), years, key="year")
    st.query_params["year"] = str(year)
    return year


def page_setup() -> Filters | None:
    """Filters for the page; None (with a message shown) when the store has no data."""
    picked = city_selector()
    if picked is None:
        st.info(t("no_data"))
        return None
    city, is_sample = picked
    year = year_selector(city)
    if is_sample:
        st.badge(t("sample_badge"), icon=":material/science:", color="orange")
        st.caption(t("sample_note"))
    return Filters(city=city, year=year, lang=lang(), is_sample=is_sample)


def source_line(city: str) -> str:
    src = run_query("data_source", city=city).iloc[0]
    if not src["n_batches"]:
        return ""
    key = "source_one" if src["n_batches"] == 1 else "source"
    return t(
        key,
        latest=src["latest_source"],
        n=int(src["n_batches"]),
        batch=int(src["latest_batch"]),
        as_of=f"{src['as_of']:%Y-%m-%d}",
    )
