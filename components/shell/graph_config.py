"""One place for how every chart of the portal behaves in the browser: the Plotly config, touch, phones, and the
chart's own PNG and SVG download. The simulator's charts can use the same pieces:

- `GRAPH_CONFIG` for ``dcc.Graph(config=...)``: no mode bar (its buttons are English-only, mouse-first and add a
  tab stop each; its "share" would upload to Plotly's cloud), no scroll or touch zoom, no double-click reset, no
  Plotly logo or cloud links.
- `finish_figure(figure, ...)`: fixes the axes (a swipe on a phone scrolls the page, it does not zoom the chart)
  and writes into ``layout.meta["imw"]`` what assets/charts.js needs: the layout for a narrow screen (smaller
  fonts and margins, fewer ticks, the heading wrapped shorter) and back, and the image layout of the downloads
  (title, status and source drawn in the picture, at a fixed size).
- `ChartDownloads(graph_dom_id, title, language)`: two labelled buttons; assets/charts.js draws the picture in the
  browser with ``Plotly.downloadImage`` (no server round trip, no third-party host).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import plotly.graph_objects as go
from dash import html

from components.shell.dom import attributes
from i18n import t

GRAPH_CONFIG: Final[dict[str, Any]] = {
    "displayModeBar": False,
    "displaylogo": False,
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "responsive": True,
    "scrollZoom": False,
    "doubleClick": False,
    "showTips": False,
    "modeBarButtonsToRemove": ["sendDataToCloud", "toImage", "lasso2d", "select2d"],
}

# Below this width (px) a chart gets its narrow layout (assets/charts.js reads it from the figure).
NARROW_WIDTH: Final = 560
EXPORT_WIDTH: Final = 1200
NARROW_WRAP: Final = 46  # characters per heading line on a phone
MAX_NARROW_TICKS: Final = 5


def _plain(text: str) -> str:
    """Heading text without Plotly's <br> and tags: to wrap it again for another width."""
    return re.sub(r"<[^>]+>", " ", text.replace("<br>", " ")).replace("  ", " ").strip()


def wrap(text: str, width: int) -> str:
    """Plotly does not wrap text: break a line at spaces with <br> every `width` characters at most."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def _thin(values: Sequence[Any], texts: Sequence[Any], most: int) -> tuple[list[Any], list[Any]]:
    """At most `most` ticks, evenly spread, the last one always kept (the latest year is what people look for)."""
    if len(values) <= most:
        return list(values), list(texts)
    step = -(-len(values) // most)
    keep = sorted({*range(len(values) - 1, -1, -step)})
    return [values[i] for i in keep], [texts[i] for i in keep]


def _get(layout: Mapping[str, Any], path: str) -> Any:
    value: Any = layout
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _layout_of(figure: go.Figure | Mapping[str, Any]) -> dict[str, Any]:
    """A figure's layout as plain data: from a go.Figure, or from a figure kept as a dict (the simulator's: no
    validation by plotly, which costs some 25 ms a figure, and its data sent as patches)."""
    if isinstance(figure, Mapping):
        return dict(figure.get("layout") or {})
    return dict(figure.layout.to_plotly_json())


def responsive_layouts(figure: go.Figure | Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(narrow, wide): flat relayout keys for a phone, and the figure's own values of the same keys to go back."""
    layout = _layout_of(figure)
    narrow: dict[str, Any] = {
        "font.size": 12,
        "margin.l": 44,
        "margin.r": 8,
        "legend.font.size": 12,
    }
    tickvals = _get(layout, "xaxis.tickvals")
    ticktext = _get(layout, "xaxis.ticktext")
    if tickvals is not None and ticktext is not None and len(tickvals) > MAX_NARROW_TICKS:
        values, texts = _thin(list(tickvals), list(ticktext), MAX_NARROW_TICKS)
        narrow["xaxis.tickvals"], narrow["xaxis.ticktext"] = values, texts
    elif _get(layout, "xaxis.type") != "category":
        narrow["xaxis.nticks"] = MAX_NARROW_TICKS
    if _get(layout, "annotations"):  # the group names of a ranking
        narrow["annotations"] = [
            {
                **annotation,
                "text": wrap(str(annotation.get("text", "")), NARROW_WRAP - 4),
                "font": {**(annotation.get("font") or {}), "size": 11},
            }
            for annotation in layout["annotations"]
        ]
    wide = {key: _get(layout, key) for key in narrow}
    return narrow, wide


def figure_notes(figure: go.Figure | Mapping[str, Any]) -> str:
    """What the chart's heading says besides its source (gaps, periods drawn apart, withheld cells), as plain text:
    the page shows it under the chart, the picture in its heading."""
    layout = _layout_of(figure)
    meta = layout.get("meta")
    if isinstance(meta, Mapping) and isinstance(meta.get("imw"), Mapping):
        return str(meta["imw"].get("notes", ""))
    subtitle = _get(layout, "title.subtitle.text")
    return _plain(str(subtitle)) if subtitle else ""


def export_layout(
    figure: go.Figure | Mapping[str, Any],
    *,
    title: str,
    status: str,
    source: str,
    language: str,
    notes: str = "",
) -> dict[str, Any]:
    """What the downloaded picture adds to the chart: the indicator's title and status above it, the source and the
    portal's name below it, at a fixed size, so that the picture says what it is wherever it ends up."""
    height = int(_layout_of(figure).get("height") or 460)
    note = wrap(_plain(source), 150)
    lines = note.count("<br>") + 1
    bottom = 110 + 18 * lines
    status_line = status + (f" {notes}" if notes else "")
    return {
        "layout": {
            "title.text": f"<b>{title}</b>",
            "title.font.size": 20,
            "title.subtitle.text": wrap(_plain(status_line), 130),
            "title.subtitle.font.size": 14,
            "margin.t": 120,
            "title.x": 0,
            "title.xref": "container",
            "title.xanchor": "left",
            "title.y": 0.98,
            "title.yref": "container",
            "title.yanchor": "top",
            "title.pad.l": 16,
            "title.automargin": False,
            "margin.b": bottom,
            "legend.y": 0,
            "legend.yref": "container",
            "legend.yanchor": "bottom",
        },
        "annotations": [
            {
                "text": f"{note}<br>{t('chart.export.site', language)}",
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "yshift": -(bottom - 40),
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "showarrow": False,
                "font": {"size": 12, "color": "#212529"},
            }
        ],
        "width": EXPORT_WIDTH,
        "height": height + 150 + 18 * lines,
    }


def finish_figure(
    figure: go.Figure, *, title: str, status: str, source: str, filename: str, language: str
) -> go.Figure:
    """The figure as every page shows it: no zoom by touch or drag, and what assets/charts.js needs in its meta."""
    figure.update_layout(dragmode=False)
    figure.update_xaxes(fixedrange=True)
    figure.update_yaxes(fixedrange=True)
    notes = figure_notes(figure)
    # On the page the source line and the notes stand in HTML beside the chart (they wrap on any screen and a
    # screen reader reads them); the picture draws them itself (export_layout).
    figure.update_layout(title={"text": "", "subtitle": {"text": ""}}, margin={"t": 16})
    narrow, wide = responsive_layouts(figure)
    export = export_layout(figure, title=title, status=status, source=source, language=language, notes=notes)
    figure.update_layout(
        meta={
            "imw": {
                "narrow_below": NARROW_WIDTH,
                "narrow": narrow,
                "wide": wide,
                "notes": notes,
                "export": {**export, "filename": filename},
            }
        }
    )
    return figure


def finish_figure_data(
    figure: dict[str, Any], *, title: str, status: str, source: str, filename: str, language: str
) -> dict[str, Any]:
    """`finish_figure` for a figure kept as a dict (the simulator's): the same fixed axes and the same meta for
    assets/charts.js (the narrow layout, the picture's title, status and source); its heading stays as it is."""
    layout = figure.setdefault("layout", {})
    layout["dragmode"] = False
    for key in [key for key in layout if key.startswith(("xaxis", "yaxis"))] or ["xaxis", "yaxis"]:
        layout[key] = {**(layout.get(key) or {}), "fixedrange": True}
    notes = figure_notes(figure)
    narrow, wide = responsive_layouts(figure)
    export = export_layout(figure, title=title, status=status, source=source, language=language, notes=notes)
    layout["meta"] = {
        "imw": {
            "narrow_below": NARROW_WIDTH,
            "narrow": narrow,
            "wide": wide,
            "notes": notes,
            "export": {**export, "filename": filename},
        }
    }
    return figure


def ChartDownloads(graph_dom_id: str, title: str, language: str) -> html.Div:
    """Buttons that save the chart in `graph_dom_id` (the element holding the dcc.Graph) as PNG or SVG."""
    buttons = []
    for image_format in ("png", "svg"):
        label = t(f"chart.download.{image_format}", language)
        name = t("chart.download.label", language).format(title=title, format=label)
        buttons.append(
            html.Button(
                label,
                type="button",
                className="btn btn-outline-primary btn-sm",
                title=name,
                **attributes(
                    {
                        "aria-label": name,
                        "data-imw-chart": graph_dom_id,
                        "data-imw-chart-export": image_format,
                    }
                ),
            )
        )
    return html.Div(
        [html.Span(t("chart.download", language), className="me-2"), *buttons],
        className="chart-downloads d-flex flex-wrap align-items-center gap-2",
    )
