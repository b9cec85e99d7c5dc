"""Every city × year in a store as `make run` leaves it (the sample and the bundled reports): each dashboard page
under AppTest and the 年度全委会 deck work, and no chart pretends: no empty chart, no figure of another period in an
annual chart, nothing later than the year shown, no city figure covering fewer districts without saying so."""

from __future__ import annotations

import base64
import io
import json
import math
from pathlib import Path

import numpy as np
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from etl import cli
from etl.db import open_store
from export.deck import preset_deck
from queries import run_query

ROOT = Path(__file__).resolve().parent.parent
VIEW_PAGES = sorted(
    str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("0*.py")
)  # the dashboard's pages (01–07); staff pages are covered by their own tests


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("every")
    db = work / "every.duckdb"
    assert cli.cmd_sample(str(db), str(work / "sample"), True, "zh") == 0
    assert cli.cmd_reports(str(db), None, True, "pytest", "zh") == 0
    return db


def city_years(db: Path) -> list[tuple[str, int]]:
    with open_store(db, read_only=True) as con:
        cities = run_query(con, "cities")["city_zh"].tolist()
        return [(c, int(y)) for c in cities for y in run_query(con, "years", city=c)["year"]]


# Listed (parametrize needs them before the store exists); the first test checks they are exactly the store's.
CASES = [("示例市", y) for y in range(2015, 2025)] + [
    ("上海市", 2016),
    ("上海市", 2018),
    ("杭州市", 2015),
    ("广州市", 2018),
    ("绍兴市", 2019),
]


def test_the_cases_are_every_city_and_year_in_the_store(store):
    assert sorted(city_years(store)) == sorted(CASES)


def other_period_values(db: Path, city: str) -> set[float]:
    """The values of the city's figures that are not one calendar year's (they must never be drawn as a year's)."""
    with open_store(db, read_only=True) as con:
        df = run_query(con, "other_figures", city=city, year=2100)
    return {float(v) for v in df["value"]}


def decoded(values):
    """A Plotly array: a list, or a typed array {'dtype', 'bdata' (base64), 'shape'} as Plotly 6+ writes numbers."""
    if isinstance(values, dict) and "bdata" in values:
        flat = np.frombuffer(base64.b64decode(values["bdata"]), dtype=np.dtype(values["dtype"]))
        return flat.astype(float).tolist()
    if isinstance(values, list) and values and isinstance(values[0], (list, dict)):
        return [v for row in values for v in decoded(row)]
    return values or []


def _headline_codes() -> set[str]:
    from etl.catalog import load_catalog

    return {c for c, m in load_catalog().metrics.items() if m.headline}


def numbers(values) -> list[float]:
    values = decoded(values)
    return [float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)]


def chart_values_and_years(spec: dict) -> tuple[list[float], list[float]]:
    """The numbers a chart draws (bars, points, heatmap cells) and the years on its category axis."""
    drawn: list[float] = []
    years: list[float] = []
    for trace in spec.get("data", []):
        xs, ys, z = decoded(trace.get("x")), decoded(trace.get("y")), decoded(trace.get("z"))
        horizontal = trace.get("orientation") == "h"
        categories = ys if horizontal else xs
        drawn += numbers(xs) + numbers(ys) + numbers(z)  # dots on one axis carry their values in x
        years += [x for x in numbers(categories) if 1990 <= x <= 2100 and x == int(x)]
    return drawn, years


@pytest.mark.parametrize("city,year", CASES)
def test_every_page_of_every_city_and_year(store, monkeypatch, city, year):
    monkeypatch.setenv("UNION_DB", str(store))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["city"] = city
    at.query_params["year"] = str(year)
    at.run()
    others = other_period_values(store, city)
    with open_store(store, read_only=True) as con:
        one = run_query(con, "city_overview", city=city, year=year)
    one = one[one["coverage"] == "one"]
    for page in VIEW_PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.value for e in at.exception])
        if page.endswith("01_overview.py"):
            # a card whose figure is one district's says so; none of them reads as the city's
            labelled = [m.label for m in at.metric if "仅含" in m.label]
            assert len(labelled) == len(set(one["metric_code"]) & _headline_codes()), labelled
        for chart in at.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            title = (spec.get("layout", {}).get("title") or {}).get("text", "")
            values, years = chart_values_and_years(spec)
            assert values, f"{page}: empty chart {title!r}"
            drawn = set(values)
            assert not drawn & others, f"{page}: {title!r} draws a figure of another period {drawn & others}"
            assert not years or max(years) <= year, f"{page}: {title!r} runs to {max(years)} on a {year} page"


@pytest.mark.parametrize("city,year", CASES)
def test_the_annual_deck_of_every_city_and_year(store, city, year):
    with open_store(store, read_only=True) as con:
        data = preset_deck(con, "annual", city, year, "zh")
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) >= 1
    later = [str(y) for y in range(year + 1, 2031)]
    for n, slide in enumerate(prs.slides, start=1):
        texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        charts = [s.chart for s in slide.shapes if s.has_chart]
        for chart in charts:
            categories = [str(c) for c in chart.plots[0].categories]
            assert categories, f"slide {n}: a chart with nothing in it"
            assert not set(categories) & set(later), f"slide {n}: later years {set(categories) & set(later)}"
        assert texts or charts or any(s.has_table for s in slide.shapes), f"slide {n} is empty"
