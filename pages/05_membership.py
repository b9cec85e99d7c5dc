"""组织与会员 Organisation and membership: totals, new members, growth on last year, new unions.

The charts, their order and their indicator pickers are the rows of data/catalog/charts.csv whose page is membership."""

from ui.blocks import theme_page

theme_page("membership")
