"""集体协商 Collective contracts: signing rates by district against the targets, and their trends."""

from etl.catalog import load_catalog
from ui.blocks import city_trend_block, district_trend_block, ranking_block
from ui.setup import district_selector, metric_selector, page_setup

f = page_setup("page_contracts")
if f is not None:
    highlight = district_selector(f.city)
    m = metric_selector([x.code for x in load_catalog().by_theme("contracts") if x.unit == "percent"])
    ranking_block(f, m)
    city_trend_block(f, m)
    district_trend_block(f, m, highlight)
