"""集体协商 Collective contracts: signing rates by district against the targets, and their trends.

The charts, their order and their indicator pickers are the rows of data/catalog/charts.csv whose page is contracts."""

from ui.blocks import theme_page

theme_page("contracts")
