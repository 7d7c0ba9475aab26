"""Charts drawn when they come near the screen (issue 11): a page's first seconds draw only what is seen.

A monitoring page holds up to nine charts and the simulator five; drawing them all while the page loads cost
about half a second of script on a desktop (four times that on a phone), most of it for charts below the fold.
`DrawWhenVisible(graph)` keeps the chart's place (its figure's height, so that nothing moves) and mounts the
graph when it comes within 400 px of the screen; plotly.js itself is loaded when the first chart mounts. Callbacks
reach the graph as before: Dash keeps its properties whether it is mounted or not.
"""

from __future__ import annotations

from typing import Any, Final

from dash import dcc
from dash.development.base_component import Component

from components.shell.dom import NAMESPACE, dom_id

#: Plotly's own default height, for a figure that names none.
PLOTLY_DEFAULT_HEIGHT: Final = 450


class DrawWhenVisible(Component):
    """A chart's place: its child (a dcc.Graph) is mounted when the place comes near the screen.

    Keyword arguments:

    - children (a dash component): the graph.
    - min_height (number): the place kept until the chart has drawn [px].
    - graph_id (string; optional): the DOM id of the graph it holds (as ``data-graph``, to find the place).
    - className (string; optional).
    - id (string; optional)."""

    _children_props: list[str] = []  # noqa: RUF012  (Dash's component protocol)
    _base_nodes = ["children"]  # noqa: RUF012
    _namespace = NAMESPACE
    _type = "DrawWhenVisible"

    def __init__(self, children: Any = None, min_height: int = 0, **kwargs: Any) -> None:
        self._prop_names = ["children", "id", "min_height", "graph_id", "className"]
        self._valid_wildcard_attributes: list[str] = []
        super().__init__(children=children, min_height=min_height, **kwargs)


def figure_height(graph: dcc.Graph) -> int:
    """The height a graph will draw at [px]: its figure's layout height, else plotly's default."""
    figure = getattr(graph, "figure", None)
    layout: Any = None
    if isinstance(figure, dict):
        layout = figure.get("layout") or {}
        height = layout.get("height") if isinstance(layout, dict) else None
    else:
        height = getattr(getattr(figure, "layout", None), "height", None)
    return int(height) if isinstance(height, int | float) and height > 0 else PLOTLY_DEFAULT_HEIGHT


def when_visible(graph: dcc.Graph) -> DrawWhenVisible:
    return DrawWhenVisible(
        graph,
        min_height=figure_height(graph),
        graph_id=dom_id(getattr(graph, "id", None)),
        className="chart-place",
    )
