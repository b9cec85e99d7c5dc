"""劳动争议 Labour disputes: reported and resolved, rates per 10,000 members, legal aid and money recovered.

The charts, their order and their indicator pickers are the rows of data/catalog/charts.csv whose page is disputes."""

from ui.blocks import theme_page

theme_page("disputes")
