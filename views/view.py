"""View: what one chart is, for every output that shows it (a page, a slide, an image, a table download)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from views.spec import ChartSpec


@dataclass
class View:
    """A chart built once from the store: its title and source line, the Plotly figure, the query result behind
    it, the native-slide spec (None: the slide gets the picture), and the words shown with it on the page."""

    name: str  # file stem and widget key: contract_rate_collective_2024
    title: str
    data: pd.DataFrame
    figure: go.Figure | None = None
    spec: ChartSpec | None = None
    source: str = ""
    subtitle: str = ""  # city · year or years · districts, under the title of images and slides
    label_col: str | None = None  # the district-name column of `data` in the view's language
    notes: list[str] = field(default_factory=list)  # captions under the chart
    message: str = ""  # said instead of the chart when there is nothing to draw (no figure that year)
    table: pd.DataFrame | None = None  # a table view's rows as the page shows them, where they differ from `data`
    sentence: str = ""  # what the chart shows, in words (views/sentence.py): under it on the page, a slide's title
    metric: str = ""  # the catalogue code of the one indicator it shows ('' for several: `data` has metric_code)
    metrics: tuple[str, ...] = ()  # the indicator codes it shows: the ⓘ link to each one's entry on /indicators

    @classmethod
    def of(
        cls, spec: ChartSpec, name: str, data: pd.DataFrame, figure: go.Figure, label_col: str | None = None, **kw
    ) -> View:
        """A view whose title, subtitle and source line are those of its slide spec."""
        return cls(name, spec.title, data, figure, spec, spec.source, spec.subtitle, label_col, **kw)

    @property
    def has_data(self) -> bool:
        """Whether a slide of it would show anything (a view with a message instead of a chart shows nothing)."""
        if self.message:
            return False
        if self.spec is not None:
            return self.spec.has_data
        return not self.data.empty
