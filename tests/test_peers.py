"""Peers: same kind (区/县/市), same size band of members, or chosen; the comparison never invents a median."""

import pandas as pd
import pytest

from analysis.peers import district_kind, peer_comparison, pick_peers, size_bands

CITY = pd.DataFrame(
    {
        "district_code": ["a", "b", "c", "d", "e", "f"],
        "district_zh": ["东城区", "浦东新区", "云台县", "石湾县", "诸暨市", "高新区"],
        "members": [10_000, 500_000, 20_000, 30_000, None, 200_000],
    }
)


@pytest.mark.parametrize(
    "name,kind",
    [
        ("东城区", "区"),
        ("浦东新区", "区"),
        ("云台县", "县"),
        ("诸暨市", "市"),
        ("高新技术开发区管委会", None),
        ("", None),
    ],
)
def test_district_kind_from_the_name(name, kind):
    assert district_kind(name) == kind


def test_kind_peers_are_the_other_counties():
    assert pick_peers(CITY, "c", "kind").codes == ("d",)
    assert pick_peers(CITY, "a", "kind").codes == ("b", "f")


def test_size_bands_split_the_reporting_districts_in_thirds():
    bands = size_bands(CITY.set_index("district_code")["members"])
    # five with a count, ranked a < c < d < f < b: floor((rank−1)·3/5) = 0, 0, 1, 1, 2
    assert bands.drop("e").to_dict() == {"a": 0, "b": 2, "c": 0, "d": 1, "f": 1}
    assert pd.isna(bands["e"])


def test_size_peers_share_the_band_and_a_district_without_members_has_none():
    assert pick_peers(CITY, "f", "size").codes == ("d",)
    assert pick_peers(CITY, "b", "size").codes == ()  # the largest alone in its band
    assert pick_peers(CITY, "a", "size").band == 0
    assert pick_peers(CITY, "e", "size").codes == ()


def test_chosen_peers_drop_the_district_itself_and_strangers():
    assert pick_peers(CITY, "a", "chosen", ["b", "a", "zz", "b", "c"]).codes == ("b", "c")


def test_unknown_way_or_district_is_refused():
    with pytest.raises(ValueError):
        pick_peers(CITY, "a", "nearby")
    with pytest.raises(ValueError):
        pick_peers(CITY, "zz", "kind")


def test_peer_comparison_by_hand():
    values = pd.DataFrame(
        {
            "district_code": ["a", "b", "f", "a", "b", "f"],
            "metric_code": ["m1", "m1", "m1", "m2", "m2", "m2"],
            "value": [90.0, 80.0, 86.0, 1.0, None, None],
        }
    )
    out = peer_comparison(values, pick_peers(CITY, "a", "kind")).set_index("metric_code")
    assert out.loc["m1", "value"] == 90.0
    assert out.loc["m1", "peer_median"] == 83.0 and out.loc["m1", "n_peers"] == 2
    assert (out.loc["m1", "peer_min"], out.loc["m1", "peer_max"]) == (80.0, 86.0)
    assert pd.isna(out.loc["m2", "peer_median"]) and out.loc["m2", "n_peers"] == 0


def test_size_band_metric_is_in_the_catalogue():
    from analysis.peers import size_metric
    from etl.catalog import load_catalog

    assert size_metric() in load_catalog().metrics
