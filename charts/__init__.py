"""Chart builders: pure functions from a DataFrame to a Plotly figure, in one theme. Never imports streamlit."""

import copy

import plotly.graph_objects as go


def copy_figure(fig: go.Figure) -> go.Figure:
    """A figure of its own made from `fig` without touching it: figures are shared by every session (views.cache),
    and go.Figure(fig) pops each trace's "type" out of the source's own properties and puts it back afterwards, so
    another session reading that figure meanwhile found none (KeyError: 'type' under the 2-viewer bench test)."""
    return go.Figure({"data": copy.deepcopy(fig._data), "layout": copy.deepcopy(fig._layout)})
