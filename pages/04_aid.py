"""困难帮扶 Hardship aid: money spent, persons helped, yuan per person, mutual-insurance enrolment and payouts.

The charts, their order and their indicator pickers are the rows of data/catalog/charts.csv whose page is aid."""

from ui.blocks import theme_page

theme_page("aid")
