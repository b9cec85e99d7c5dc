"""Peers of a district: the districts it is fairly compared with, instead of the whole city's median.

Three ways, chosen by the user:
- `kind`: districts of the same kind, told by the name's last character (区 district, 县 county, 市 county-level
  city), the way Chinese administrative names are formed;
- `size`: districts in the same size band of union members in that year (the city's districts split in thirds
  by members; a district without a member count has no band and no size peers);
- `chosen`: the districts the user picked (the district itself and districts of other cities are dropped).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from etl.catalog import catalog_dir

KINDS = ("区", "县", "市")
HOW = ("kind", "size", "chosen")
SIZE_BANDS = 3  # thirds: small, middle, large by union members


def size_metric(directory: Path | None = None) -> str:
    """The metric whose value sets a district's size band (data/catalog/peers.csv: union members)."""
    with open(Path(directory or catalog_dir()) / "peers.csv", encoding="utf-8", newline="") as fh:
        return {r["setting"]: r["value"] for r in csv.DictReader(fh)}["size_metric"]


@dataclass(frozen=True)
class Peers:
    district_code: str
    how: str
    codes: tuple[str, ...]
    band: int | None = None  # size band of the district (0 smallest) for how == 'size'
    kind: str | None = None  # 区 | 县 | 市 for how == 'kind'


def district_kind(name_zh: str) -> str | None:
    """'区', '县' or '市' from the name's last character (浦东新区 → 区, 云台县 → 县, 诸暨市 → 市); else None."""
    name = (name_zh or "").strip()
    return name[-1] if name and name[-1] in KINDS else None


def size_bands(members: pd.Series, bands: int = SIZE_BANDS) -> pd.Series:
    """Band 0 … bands−1 of each district by members (equal-sized groups by rank); <NA> without a count."""
    ranked = members.rank(method="first")
    n = int(members.notna().sum())
    out = ((ranked - 1) * bands // max(n, 1)).astype("Int64")
    return out.where(members.notna())


def pick_peers(districts: pd.DataFrame, district_code: str, how: str, chosen: list[str] | None = None) -> Peers:
    """The peers of `district_code` among `districts` (district_code, district_zh, members) of its city."""
    if how not in HOW:
        raise ValueError(f"peers by {how!r}: choose one of {', '.join(HOW)}")
    df = districts.set_index("district_code")
    if district_code not in df.index:
        raise ValueError(f"district {district_code} is not among the districts given")
    others = [c for c in df.index if c != district_code]
    if how == "chosen":
        picked = [c for c in (chosen or []) if c in others]
        return Peers(district_code, how, tuple(dict.fromkeys(picked)))
    if how == "kind":
        kinds = df["district_zh"].map(district_kind)
        kind = kinds[district_code]
        codes = tuple(c for c in others if kind is not None and kinds[c] == kind)
        return Peers(district_code, how, codes, kind=kind)
    bands = size_bands(df["members"].astype("float64"))
    band = bands[district_code]
    if pd.isna(band):
        return Peers(district_code, how, ())
    codes = tuple(c for c in others if not pd.isna(bands[c]) and bands[c] == band)
    return Peers(district_code, how, codes, band=int(band))


def peer_comparison(values: pd.DataFrame, peers: Peers) -> pd.DataFrame:
    """Per metric: the district's value beside its peers' median, min and max and how many peers reported.

    `values`: long rows district_code, metric_code, value (one year). A metric no peer reported has a null
    median and n_peers 0: no comparison is made up.
    """
    own = values[values["district_code"] == peers.district_code].set_index("metric_code")["value"]
    group = values[values["district_code"].isin(peers.codes) & values["value"].notna()]
    stats = group.groupby("metric_code")["value"].agg(["median", "min", "max", "count"])
    metrics = list(dict.fromkeys(values["metric_code"]))
    out = pd.DataFrame({"metric_code": metrics})
    out["value"] = out["metric_code"].map(own).astype("float64")
    out["peer_median"] = out["metric_code"].map(stats["median"]).astype("float64")
    out["peer_min"] = out["metric_code"].map(stats["min"]).astype("float64")
    out["peer_max"] = out["metric_code"].map(stats["max"]).astype("float64")
    out["n_peers"] = out["metric_code"].map(stats["count"]).fillna(0).astype(int)
    return out
