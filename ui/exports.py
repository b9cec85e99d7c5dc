"""Export widgets: image and table downloads under every chart, the slide basket, and the deck downloads.

Images and decks are made only when their button is clicked (Streamlit's deferred download data), so a page with
eight charts does not render eight PNGs on every rerun. The callables run outside the script: they use no st.*.
export.deck (python-pptx, ~0.18 s to import) is imported where a deck is made, not by every chart page, and
export.tables (openpyxl, ~0.35 s and 13 MB) where a table file is made.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from etl import db
from export.images import images_available, view_png, view_svg
from export.names import chart_file_stem, safe_file_name
from ui.data import CACHE_TTL_SECONDS
from ui.i18n import lang, plain, t
from views.catalog import presets
from views.view import View

BASKET = "deck_basket"  # session-state key: the slides collected with "加入幻灯片", in order
BASKET_ID = "deck_basket_id"  # session-state key: the basket's token in the server-side store
BASKET_PARAM = "slides"  # URL query parameter carrying the token, so a refreshed page finds its basket again
BASKETS_KEPT = 200  # baskets the server keeps (the least recently used goes first)
BASKET_IDLE_SECONDS = 7 * 24 * 3600  # a basket untouched for a week is dropped
BASKET_MAX_SLIDES = 60  # slides per basket (a meeting deck has about 20)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class BasketEntry:
    """One slide in the basket: a stable id (so a chart is not added twice), its title and the view it shows."""

    id: str
    title: str
    view: View


def file_name(*parts: object) -> str:
    """A file name from parts, safe on Windows and macOS: 示例市_2024_年度全委会."""
    return safe_file_name(*parts)


def view_file_stem(view: View) -> str:
    """A chart's download name from its title, with the city and year shown (示例市_2024年各区县帮扶金额)."""
    return chart_file_stem(view.title, st.session_state.get("city", ""), st.session_state.get("year"))


def export_ui(view: View) -> None:
    """Under a chart: PNG and SVG for slides and print, and "加入幻灯片" (add to the deck basket)."""
    lg = lang()
    stem = view_file_stem(view)
    row = st.container(horizontal=True, gap="small")
    if images_available():
        for fmt, make, mime, icon in (
            ("png", view_png, "image/png", ":material/image:"),
            ("svg", view_svg, "image/svg+xml", ":material/draw:"),
        ):
            row.download_button(
                fmt.upper(),
                data=lambda make=make: make(view, lang=lg),
                file_name=f"{stem}.{fmt}",
                mime=mime,
                key=f"{fmt}_{view.name}",
                on_click="ignore",
                icon=icon,
                help=t(f"{fmt}_help"),
            )
    entry_id = f"{view.name}|{view.title}"
    in_basket = any(e.id == entry_id for e in basket())
    row.button(
        t("in_deck") if in_basket else t("add_to_deck"),
        key=f"deck_{view.name}",
        icon=":material/check:" if in_basket else ":material/add_to_queue:",
        disabled=in_basket,
        on_click=_add_to_basket,
        args=(entry_id, view),
    )
    if not images_available():
        row.caption(t("images_missing"))


def _add_to_basket(entry_id: str, view: View) -> None:
    entries = basket(create=True)
    if any(e.id == entry_id for e in entries) or len(entries) >= BASKET_MAX_SLIDES:
        return
    entries.append(BasketEntry(entry_id, view.title, view))
    keep_basket_in_url()
    st.toast(t("added_to_deck", n=len(entries)), icon=":material/slideshow:")


class BasketStore:
    """The server's baskets: token → (owner, entries, last used). A page refresh starts a new Streamlit session
    with an empty session state; the token in the URL (`?slides=…`) finds the basket again here, for the same
    client only (a copied link opened elsewhere starts with an empty basket). Bounded in number and age."""

    def __init__(self) -> None:
        self._items: OrderedDict[str, tuple[str, list[BasketEntry], float]] = OrderedDict()
        self._lock = threading.Lock()

    def _drop_old(self, now: float) -> None:
        for token, (_, _, used) in list(self._items.items()):
            if now - used > BASKET_IDLE_SECONDS:
                del self._items[token]
        while len(self._items) > BASKETS_KEPT:
            self._items.popitem(last=False)

    def get(self, token: str, owner: str, create: bool = False) -> list[BasketEntry] | None:
        now = time.monotonic()
        with self._lock:
            self._drop_old(now)
            held = self._items.get(token)
            if held is None:
                if not create:
                    return None
                held = (owner, [], now)
            elif held[0] != owner:
                return None
            self._items[token] = (held[0], held[1], now)
            self._items.move_to_end(token)
            return held[1]


@st.cache_resource(show_spinner=False)
def basket_store() -> BasketStore:
    """One store per server process, shared by every session."""
    return BasketStore()


def _owner() -> str:
    from ui.auth import client_id

    return client_id()


def basket(create: bool = False) -> list[BasketEntry]:
    """This session's basket (the same list object as the server keeps: changing it changes the stored one); with
    `create`, a new basket and token when the session has none yet."""
    token = st.session_state.get(BASKET_ID)
    entries = basket_store().get(token, _owner(), create=create) if token else None
    if entries is None and create:
        token = secrets.token_urlsafe(24)
        st.session_state[BASKET_ID] = token
        entries = basket_store().get(token, _owner(), create=True)
    if entries is None:
        st.session_state.pop(BASKET_ID, None)
        entries = []
    st.session_state[BASKET] = entries
    return entries


def keep_basket_in_url() -> None:
    """Called by the frame on every run: a fresh session (a refreshed page) adopts the basket its URL names, and a
    session with slides collected keeps their token in the URL on every page."""
    token = st.session_state.get(BASKET_ID)
    if token is None:
        raw = st.query_params.get(BASKET_PARAM)
        if isinstance(raw, str) and _TOKEN.fullmatch(raw) and basket_store().get(raw, _owner()) is not None:
            st.session_state[BASKET_ID] = token = raw
    entries = basket() if token else []
    if entries:
        if st.query_params.get(BASKET_PARAM) != token:
            st.query_params[BASKET_PARAM] = token
    elif BASKET_PARAM in st.query_params:
        del st.query_params[BASKET_PARAM]


def _csv(table: pd.DataFrame) -> bytes:
    from export.tables import table_csv  # openpyxl (0.35 s, 13 MB) is imported when a table file is made

    return table_csv(table)


def _xlsx(table: pd.DataFrame, sheet: str, source: str) -> bytes:
    from export.tables import table_xlsx

    return table_xlsx(table, sheet_name=sheet, source=source)


def table_downloads_ui(table: pd.DataFrame, file_stem: str, sheet: str = "", stem: str = "", source: str = "") -> None:
    """CSV (UTF-8 with BOM, for Excel) and XLSX of the numbers shown; formula-like text never runs. `file_stem` keys
    the buttons; the files are called `stem` (a chart's title) where given, else after the city and `file_stem`.
    The XLSX carries `source` (a view's source line, with its snapshot, 定稿 and 未审核 marks) on a second sheet."""
    stem = stem or file_name(st.session_state.get("city", ""), file_stem)
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        t("download_csv"),
        data=lambda: _csv(table),  # made when clicked, like the XLSX: not for every chart on every rerun
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"csv_{file_stem}",
        on_click="ignore",
        icon=":material/download:",
    )
    row.download_button(
        t("download_xlsx"),
        data=lambda: _xlsx(table, sheet or file_stem, source),
        file_name=f"{stem}.xlsx",
        mime=XLSX_MIME,
        key=f"xlsx_{file_stem}",
        on_click="ignore",
        icon=":material/table_view:",
    )


# The Slides page ------------------------------------------------------------------------------------------


def failure_text(err: Exception, lg: str) -> str:
    """ "生成失败：…" with the reason in the user's language (an export error's own message, else its kind and text)."""
    message = getattr(err, "message", None)
    reason = message(lg) if callable(message) else f"{type(err).__name__}: {err}"
    return t("export_failed", reason=reason)


# How many built decks the Slides page keeps (one per preset, city, year, language and data version).
DECK_CACHE_ENTRIES = 20


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=DECK_CACHE_ENTRIES)
def _native_preset_deck(preset: str, city: str, year: int, lg: str, version: str) -> bytes:
    from export.deck import preset_deck

    with db.open_store(read_only=True) as con:
        return preset_deck(con, preset, city, year, lg, pictures=False)


def preset_deck_ui(city: str, year: int) -> None:
    """Pick a preset (年度全委会 …), native charts or pictures, and download the deck for the city and year.

    The native deck is built when the page shows (about a second, then cached per data version), so a deck that
    cannot be made says why ("生成失败：…") instead of a download button that silently gives nothing."""
    from export.deck import preset_deck

    lg = lang()
    known = presets()
    names = list(known)
    preset = st.selectbox(t("preset"), names, format_func=lambda n: t(known[n].title_key), key="preset")
    pictures = st.checkbox(
        t("as_pictures"), key="deck_pictures_preset", disabled=not images_available(), help=t("as_pictures_help")
    )
    st.caption(t("preset_contents", n=len(known[preset].charts) + 1))
    try:
        with st.spinner(t("deck_building")):
            native = _native_preset_deck(preset, city, int(year), lg, db.data_version())
    except Exception as err:  # any failure is said, never a silent empty download
        st.error(failure_text(err, lg))
        return

    def with_pictures() -> bytes:
        with db.open_store(read_only=True) as con:
            return preset_deck(con, preset, city, year, lg, pictures=True)

    st.download_button(
        t("download_deck"),
        data=with_pictures if pictures else native,
        file_name=f"{file_name(city, year, t(known[preset].title_key))}.pptx",
        mime=PPTX_MIME,
        key="deck_preset_download",
        on_click="ignore",
        type="primary",
        icon=":material/slideshow:",
    )


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report_ui(city: str, year: int) -> None:
    """The Word 分析报告 of the city and year, and the chosen preset's deck and the report as PDF (LibreOffice)."""
    from export.pdf import pdf_available, pdf_help

    lg = lang()
    st.caption(t("report_contents"))
    stem = file_name(city, year, t("report_file"))

    def report() -> bytes:
        from export.analysis import report_file

        with db.open_store(read_only=True) as con:
            return report_file(con, city, year, lg)

    def as_pdf(make, suffix: str):
        def run() -> bytes:
            from export.pdf import to_pdf

            return to_pdf(make(), suffix)

        return run

    known = presets()
    preset = st.session_state.get("preset") if st.session_state.get("preset") in known else next(iter(known), None)

    def deck() -> bytes:
        from export.deck import preset_deck

        with db.open_store(read_only=True) as con:
            return preset_deck(con, preset, city, year, lg)

    row = st.container(horizontal=True, gap="small")
    row.download_button(
        t("download_report"),
        data=report,
        file_name=f"{stem}.docx",
        mime=DOCX_MIME,
        key="report_download",
        on_click="ignore",
        type="primary",
        icon=":material/description:",
        disabled=not images_available(),
        help=None if images_available() else t("images_missing"),
    )
    if pdf_available(".docx") and images_available():
        row.download_button(
            t("download_report_pdf"),
            data=as_pdf(report, ".docx"),
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            key="report_pdf_download",
            on_click="ignore",
            icon=":material/picture_as_pdf:",
        )
    if pdf_available(".pptx") and preset:
        row.download_button(
            t("download_deck_pdf"),
            data=as_pdf(deck, ".pptx"),
            file_name=f"{file_name(city, year, t(known[preset].title_key))}.pdf",
            mime="application/pdf",
            key="deck_pdf_download",
            on_click="ignore",
            icon=":material/picture_as_pdf:",
        )
    if not pdf_available(".docx"):
        st.caption(pdf_help(".docx", lg))


def basket_ui(city_label: str, year: int, is_sample: bool) -> None:
    """The collected slides in order, each movable and removable, and the basket's deck download."""
    from export.deck import build_deck, copy_items

    entries = basket()
    if not entries:
        st.info(t("basket_empty"))
        return
    for i, e in enumerate(entries):
        row = st.container(horizontal=True, gap="small", vertical_alignment="center")
        sub = e.view.subtitle
        kind = t("slide_native") if e.view.spec is not None else t("slide_picture")
        row.markdown(f"**{i + 2}.** {plain(e.title)}  \n:gray[{plain(sub)} · {kind}]", width="stretch")
        row.button("", key=f"up_{i}", icon=":material/arrow_upward:", disabled=i == 0, on_click=_move, args=(i, -1),
                   help=t("move_up"))  # fmt: skip
        row.button("", key=f"down_{i}", icon=":material/arrow_downward:", disabled=i == len(entries) - 1,
                   on_click=_move, args=(i, 1), help=t("move_down"))  # fmt: skip
        row.button("", key=f"remove_{i}", icon=":material/delete:", on_click=_remove, args=(i,), help=t("remove"))
    lg = lang()
    pictures = st.checkbox(
        t("as_pictures"), key="deck_pictures_basket", disabled=not images_available(), help=t("as_pictures_help")
    )
    items = copy_items([e.view for e in entries])
    title = t("deck_title", city=city_label)
    subtitle = t("deck_subtitle", city=city_label, year=year)
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        t("download_basket", n=len(items) + 1),
        data=lambda: build_deck(
            items, title, subtitle, lg, pictures=pictures, sample=is_sample, exported=dt.date.today()
        ),
        file_name=f"{file_name(city_label, year, t('basket_file'))}.pptx",
        mime=PPTX_MIME,
        key="deck_basket_download",
        on_click="ignore",
        type="primary",
        icon=":material/slideshow:",
    )
    row.button(t("clear_basket"), key="clear_basket", on_click=_clear, icon=":material/clear_all:")


def _clear() -> None:
    basket().clear()
    keep_basket_in_url()


def _move(i: int, step: int) -> None:
    entries = basket()
    j = i + step
    if 0 <= j < len(entries):
        entries[i], entries[j] = entries[j], entries[i]


def _remove(i: int) -> None:
    entries = basket()
    if 0 <= i < len(entries):
        entries.pop(i)
    keep_basket_in_url()
