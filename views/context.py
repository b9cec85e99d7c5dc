"""What every view is about: one city and year in one language, read through one query runner.

Pages pass the cached runner of ui/data.py and the store's data version; exports pass a connection's runner.
Either way a view asks `ctx.query(name, **params)` and never opens the store itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

import duckdb
import pandas as pd

from queries import run_query
from texts import t

Runner = Callable[..., pd.DataFrame]


class ViewError(ValueError):
    """A request no view can meet (unknown chart, city without data, year without figures): a text key and its
    values; `message(lang)` words it from the text catalogue."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        return t(self.key, lang, **self.values)


@dataclass
class Context:
    """One city and year in one language; `highlight` holds district codes picked on the page."""

    run: Runner  # run(query_name, **params) -> DataFrame
    city: str  # city_zh, the key in the store
    year: int
    lang: str = "zh"
    version: str = ""  # the store's data version, for caches keyed on it
    highlight: tuple[str, ...] = field(default_factory=tuple)
    snapshot: str = ""  # the snapshot the store is shown as of, in words (views.marks); '' for the live store

    @classmethod
    def of(cls, con: duckdb.DuckDBPyConnection, city: str, year: int, lang: str = "zh") -> Context:
        """A context reading from an open connection (exports, the command line, tests); it knows the snapshot
        the connection is opened as of (etl.cycle.apply_as_of)."""
        from views.marks import snapshot_words

        lg = _lang(lang)
        return cls(
            lambda name, **params: run_query(con, name, **params), city, int(year), lg, snapshot=snapshot_words(con, lg)
        )

    def query(self, name: str, **params: object) -> pd.DataFrame:
        return self.run(name, **params)

    @property
    def label_col(self) -> str:
        return "district_en" if self.lang == "en" else "district_zh"

    @cached_property
    def city_row(self) -> pd.Series:
        cities = self.query("cities")
        found = cities[cities["city_zh"] == self.city]
        if found.empty:
            known = list(cities["city_zh"])
            raise ViewError(
                "err_no_city", city=self.city, known="、".join(known) or "—", known_en=", ".join(known) or "—"
            )
        return found.iloc[0]

    @property
    def city_label(self) -> str:
        return str(self.city_row["city_en"]) if self.lang == "en" else self.city

    @property
    def is_sample(self) -> bool:
        return bool(self.city_row["is_sample"])

    @cached_property
    def source(self) -> str:
        """The source line of charts about the chosen year."""
        return source_line(self, self.year)

    @cached_property
    def source_all(self) -> str:
        """The source line of charts over every year."""
        return source_line(self, None)

    @cached_property
    def edition(self) -> list[str]:
        """Which figures these are, besides their source: the snapshot shown, the chosen year's 定稿."""
        from views.marks import lock_words

        return [w for w in (self.snapshot, lock_words(self.run, self.city, self.year, self.lang)) if w]

    @cached_property
    def review(self) -> str:
        """The 未审核 mark of the chosen year's figures ('' when all are approved or locked)."""
        from views.marks import review_mark

        return review_mark(self.run, self.city, self.year, self.lang)

    @cached_property
    def review_all(self) -> str:
        """The 未审核 mark of the figures of every year up to the chosen one (charts over the years)."""
        from views.marks import review_mark

        return review_mark(self.run, self.city, self.year, self.lang, every_year=True)

    def review_of(self, years: Iterable[int]) -> str:
        """The 未审核 mark of the figures of `years` (views.marks.years_shown: those a deck or report shows)."""
        from views.marks import review_mark

        return review_mark(self.run, self.city, self.year, self.lang, years=years)

    def marks_of(self, years: Iterable[int]) -> list[str]:
        """The marks of the figures of `years`: the snapshot or 定稿 shown, and those years' 未审核 mark."""
        review = self.review_of(years)
        return [*self.edition, *([review] if review else [])]

    @property
    def marks(self) -> list[str]:
        """What the chosen year's figures carry besides their source (views/marks.py): in every view's source
        line, every footer, and over every page."""
        return [*self.edition, *([self.review] if self.review else [])]

    @property
    def marks_all(self) -> list[str]:
        """The marks of charts over every year up to the chosen one."""
        return [*self.edition, *([self.review_all] if self.review_all else [])]

    @cached_property
    def n_districts(self) -> int:
        return len(self.query("districts", city=self.city))

    def subtitle(self, data: pd.DataFrame | None = None) -> str:
        """'示例市 · 2024年 · 16 个区县' for a chart of one year, or with the span of years its data covers."""
        years = data["year"].dropna() if data is not None and "year" in data else pd.Series(dtype=float)
        if years.nunique() > 1:
            when = t("when_years", self.lang, a=int(years.min()), b=int(years.max()))
        else:
            when = t("when_year", self.lang, year=int(years.iloc[0]) if len(years) else self.year)
        # a city known only from its federation's own figures has no districts to count
        count = t("n_districts", self.lang, n=self.n_districts) if self.n_districts else ""
        return " · ".join(x for x in (self.city_label, when, count) if x)


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "zh"


def source_line(ctx: Context, year: int | None) -> str:
    """Data source, batch and as-of date of the figures shown (one year's, or every year's with year None), then
    their marks: the snapshot or 定稿 shown, 未审核 (ctx.marks)."""
    src = ctx.query("data_source", city=ctx.city, year=year).iloc[0]
    if not src["n_batches"]:
        return ""
    key = "source_one" if src["n_batches"] == 1 else "source"
    sample = t("sample_badge", ctx.lang) + " · " if src["is_sample"] else ""
    base = sample + t(
        key,
        ctx.lang,
        latest=src["latest_source"],
        n=int(src["n_batches"]),
        batch=int(src["latest_batch"]),
        as_of=f"{src['as_of']:%Y-%m-%d}",
    )
    return " · ".join([base, *(ctx.marks if year is not None else ctx.marks_all)])


def years_of(run: Runner, city: str) -> list[int]:
    """The years with figures for `city`, latest first."""
    return [int(y) for y in run("years", city=city)["year"]]


def resolve(run: Runner, city: str | None, year: int | None) -> tuple[str, int]:
    """The city and year asked for, checked against the store: by default the first city with data (as the
    overview opens on) and its latest year. ViewError names what exists otherwise."""
    cities = run("cities")
    if cities.empty:
        raise ViewError("err_empty_store")
    if city is None:
        city = str(cities["city_zh"].iloc[0])
    elif city not in set(cities["city_zh"]):
        known = list(cities["city_zh"])
        raise ViewError("err_no_city", city=city, known="、".join(known) or "—", known_en=", ".join(known) or "—")
    years = years_of(run, city)
    if not years:
        raise ViewError("err_no_years", city=city)
    year = years[0] if year is None else int(year)
    if year not in years:
        shown = sorted(years)
        raise ViewError(
            "err_no_year",
            city=city,
            year=year,
            known="、".join(map(str, shown)),
            known_en=", ".join(map(str, shown)),
        )
    return city, year
