"""What every figure must carry besides its source: which snapshot or 定稿 it shows, and whether it is 未审核.

One place for every output: `views.context.source_line` appends these words to the source line of every view
(the chart on a page, its image, its slide and the slide's notes), page_setup shows them over every page, and
the meeting deck and the Word report put them in their footers and closing notes. Read through the context's
query runner, so pages (cached queries) and exports (a connection, perhaps as of a snapshot) say the same.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from texts import t

MAX_NAMES = 3  # organisations named in a 未审核 mark before "等 n 个单位"


def snapshot_words(con: duckdb.DuckDBPyConnection, lang: str = "zh") -> str:
    """“数据截至快照 #3（2025年全委会，2026-12-01 10:00）” when the connection shows the store as of a snapshot, else ''.

    Asks the catalogue first, so that a connection showing the live store never meets a failing statement."""
    from etl.cycle import snapshot_label

    found = con.execute("select count(*) from duckdb_tables() where temporary and table_name = '_as_of'").fetchone()[0]
    label = snapshot_label(con, lang) if found else None
    return t("mark_snapshot", lang, label=label) if label else ""


def lock_words(run, city: str, year: int, lang: str = "zh") -> str:
    """“2025年数据已定稿（张三，2026-12-01 10:00）” for a locked city-year, else ''."""
    from etl.cycle import display_name, local_time

    lock = run("city_year_lock", city=city, year=int(year))
    if lock.empty:
        return ""
    row = lock.iloc[0]
    return t("mark_locked", lang, year=year, by=display_name(row["locked_by"], lang), at=local_time(row["locked_at"]))


def years_words(years: list[int], lang: str = "zh") -> str:
    """2025年 · 2019–2025年 · 2019、2021年 (2025 · 2019–2025 · 2019, 2021 in English)."""
    ys = sorted(set(int(y) for y in years))
    if not ys:
        return ""
    if len(ys) == 1:
        return t("when_year", lang, year=ys[0])
    if ys == list(range(ys[0], ys[-1] + 1)):
        return t("when_years", lang, a=ys[0], b=ys[-1])
    return ", ".join(map(str, ys)) if lang == "en" else "、".join(map(str, ys)) + "年"


def unreviewed_words(state: pd.DataFrame, lang: str = "zh") -> str:
    """The 未审核 mark of the district-years in `state` (query `review_state`): the unapproved organisations by
    name where they are few, “2025年数据未审核” where no figure of the years concerned is approved, else the first
    few and how many; '' when every one is approved or locked."""
    waiting = state[~state["approved"].astype(bool)] if len(state) else state
    if waiting.empty:
        return ""
    years = years_words(list(waiting["year"]), lang)
    names = list(dict.fromkeys(waiting["district_en" if lang == "en" else "district_zh"]))
    shown = (", " if lang == "en" else "、").join(names[:MAX_NAMES])
    if len(names) > MAX_NAMES:
        per_year = state.groupby("year")["approved"].apply(lambda a: not a.astype(bool).any())
        if per_year[waiting["year"].unique()].all():  # each year concerned has no approved figure at all
            return t("mark_unreviewed_all", lang, years=years)
        shown = t("mark_names_more", lang, names=shown, n=len(names))
    return t("mark_unreviewed_some", lang, names=shown, years=years)


def review_mark(
    run, city: str, year: int, lang: str = "zh", every_year: bool = False, years: Iterable[int] | None = None
) -> str:
    """The 未审核 mark of a city's figures of `year` (or of every year up to it, `every_year`, or of the `years`
    an output shows); '' where all are approved or locked, and always in approved-only viewing (which shows no
    other figures)."""
    state = run("review_state", city=city, year=int(year))
    if len(state) and years is not None:
        state = state[state["year"].isin([int(y) for y in years])]
    elif len(state) and not every_year:
        state = state[state["year"] == int(year)]
    return unreviewed_words(state, lang)


def years_shown(year: int, frames: Iterable[pd.DataFrame | None]) -> set[int]:
    """The years whose figures a deck or a report shows, from the data of what it shows: the chosen year, every
    year in a 'year' column, and the year before where last year's figures stand beside this year's (a
    'prev_value' column with a value). Its marks are those of these years (Context.marks_of), so a deck of one
    year does not say that a year it never shows is 未审核."""
    years = {int(year)}
    for df in frames:
        if df is None or not len(df):
            continue
        if "year" in df:
            years |= {int(y) for y in df["year"].dropna()}
        if "prev_value" in df and df["prev_value"].notna().any():
            years.add(int(year) - 1)
    return years


def page_words(ctx, every_year: bool = False, years: Iterable[int] | None = None) -> str:
    """The line over a page (views.context.Context): its marks joined (those of every year up to the chosen one,
    `every_year`, or of the `years` an output shows), and where some figures are 未审核 that they may still
    change; '' when there is none."""
    if years is not None:
        marks = ctx.marks_of(years)
        review = ctx.review_of(years)
    else:
        marks = ctx.marks_all if every_year else ctx.marks
        review = ctx.review_all if every_year else ctx.review
    if not marks:
        return ""
    joined = ("; " if ctx.lang == "en" else "；").join(marks)
    return t("marks_page", ctx.lang, marks=joined) if review else joined + ("." if ctx.lang == "en" else "。")
