"""What is shown where, as data: the named charts of data/catalog/charts.csv and the pages of pages.csv.

A chart row names its view (views/named.py), its metric (or metrics), the theme page it appears on and in what
order, the indicator picker that may replace its metric on the page, the presets (decks) it belongs to, and its
title template (a key of the text catalogue, filled with the catalogue's indicator names). Theme pages, the
slides page, the decks and `python -m export` all read it; adding a row adds the chart everywhere.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from etl.catalog import Metric, catalog_dir, load_catalog
from texts import t
from views import cache, fair, named
from views.context import Context, ViewError
from views.view import View

# view name → (builder, how many metrics it takes: 0 none, 1 one, 2 several)
VIEWS: dict[str, tuple[Callable[..., View], int]] = {
    "ranking": (named.ranking, 1),
    "ranking_table": (named.ranking_table, 1),
    "movers": (named.movers, 1),
    "city_trend": (named.city_trend, 1),
    "district_trends": (named.district_trends, 1),
    "heatmap": (named.heatmap, 1),
    "grouped": (named.grouped, 2),
    "headline": (named.headline, 0),
    "target_attainment": (named.target_attainment, 0),
    "intervals": (fair.intervals, 1),
    "funnel": (fair.funnel, 1),
    "map": (fair.city_map, 1),
}


@dataclass(frozen=True)
class Chart:
    """One row of charts.csv."""

    name: str
    view: str
    metrics: tuple[str, ...]
    labels: tuple[str, ...]  # text keys naming each metric's series (views of several metrics)
    page: str  # the theme page it appears on ('' = exports only)
    order: int
    pick: tuple[tuple[str, str], ...]  # the page's indicator picker: (attribute, value) every option has
    pick_key: str  # the picker's state key (shared by the rows it drives, and by pages offering the same key)
    pick_label: str  # text key of the picker's label
    heading: str  # text key of the subheading over the picker (or over the chart)
    presets: tuple[str, ...]
    title: str  # text key of the title template
    stem: str  # file-stem template ({metric}, {year}); '' = the view's own

    @property
    def metric(self) -> Metric | None:
        """The chart's own metric (the picker's default on the page)."""
        return load_catalog().metrics[self.metrics[0]] if self.metrics else None

    def options(self) -> list[str]:
        """The picker's options: the catalogue's indicators with every attribute the row asks for, in order."""
        return [m.code for m in load_catalog().metrics.values() if all(str(getattr(m, k)) == v for k, v in self.pick)]

    def label(self, lang: str = "zh") -> str:
        """A short description for lists (`python -m export list`): the view's label with the indicator names."""
        cat = load_catalog()
        names = ("、" if lang == "zh" else " / ").join(cat.metrics[c].short_name(lang) for c in self.metrics)
        return t(f"label_{self.view}", lang, metric=names)

    def build(self, ctx: Context, metric: Metric | None = None) -> View:
        """The chart's View for `ctx` (for its own metric, or `metric` picked on the page); built once per chart,
        metric and context while the data stays the same, and shared between sessions (views/cache.py)."""
        return cache.build(Chart._build, self, ctx, metric)

    def _build(self, ctx: Context, metric: Metric | None = None) -> View:
        builder, arity = VIEWS[self.view]
        cat = load_catalog()
        m = metric or self.metric
        stem = self.stem.format(metric=m.code if m else "", year=ctx.year) if self.stem else ""
        if arity == 0:
            return builder(ctx, title_key=self.title, stem=stem)
        if arity == 2:
            view = builder(ctx, [cat.metrics[c] for c in self.metrics], list(self.labels), self.title, stem=stem)
        else:
            view = builder(ctx, m, title_key=self.title, stem=stem)
        from views.sentence import chart_sentence  # narrative/ reads the same queries the view did

        view.sentence = chart_sentence(ctx, self.view, m, view)
        if not view.metrics:
            view.metrics = tuple(self.metrics) if m is None else (m.code,)
        if not view.metric and arity == 1 and m is not None:  # the one indicator its table is shown in the unit of
            view.metric = m.code
        return view


def _split(raw: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (raw or "").split("|") if x.strip())


def _pick(raw: str) -> tuple[tuple[str, str], ...]:
    pairs = [p.split("=", 1) for p in (raw or "").split(";") if p.strip()]
    return tuple((k.strip(), v.strip()) for k, v in pairs)


@lru_cache(maxsize=4)
def _charts(directory: str) -> tuple[Chart, ...]:
    with open(Path(directory) / "charts.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return tuple(
        Chart(
            name=r["name"].strip(),
            view=r["view"].strip(),
            metrics=_split(r["metric"]),
            labels=_split(r["labels"]),
            page=r["page"].strip(),
            order=int(r["order"]) if r["order"].strip() else 0,
            pick=_pick(r["pick"]),
            pick_key=r["pick_key"].strip(),
            pick_label=r["pick_label"].strip(),
            heading=r["heading"].strip(),
            presets=_split(r["presets"]),
            title=r["title"].strip(),
            stem=r["stem"].strip(),
        )
        for r in rows
        if r["name"].strip()
    )


def charts() -> tuple[Chart, ...]:
    """Every chart of charts.csv (in $UNION_CATALOG or data/catalog), in file order."""
    return _charts(str(catalog_dir()))


def chart_names() -> list[str]:
    return [c.name for c in charts()]


def get_chart(name: str) -> Chart:
    """The chart called `name`; ViewError (naming the known charts) for any other name."""
    for c in charts():
        if c.name == name:
            return c
    raise ViewError("err_no_chart", name=name, known=", ".join(chart_names()))


def page_charts(page: str) -> list[Chart]:
    """The charts of a theme page, in their order on it."""
    return sorted((c for c in charts() if c.page == page), key=lambda c: c.order)


@dataclass(frozen=True)
class Preset:
    """A deck: its name, the text key of its title, and its charts in file order."""

    name: str
    title_key: str
    charts: tuple[str, ...]


def presets() -> dict[str, Preset]:
    """Every preset named in charts.csv, with its charts in file order."""
    out: dict[str, list[str]] = {}
    for c in charts():
        for p in c.presets:
            out.setdefault(p, []).append(c.name)
    return {p: Preset(p, f"preset_{p}", tuple(names)) for p, names in out.items()}


@dataclass(frozen=True)
class Page:
    """One row of pages.csv: a page of the app, its section of the navigation and its theme (if any)."""

    path: str
    url: str
    section: str  # text key of the navigation section
    title: str  # text key of the page title
    icon: str
    theme: str


@lru_cache(maxsize=4)
def _pages(directory: str) -> tuple[Page, ...]:
    with open(Path(directory) / "pages.csv", encoding="utf-8") as f:
        return tuple(
            Page(r["path"], r["url"], r["section"], r["title"], r["icon"], r["theme"]) for r in csv.DictReader(f)
        )


def pages() -> tuple[Page, ...]:
    """Every page in navigation order; the first is the default."""
    return _pages(str(catalog_dir()))
