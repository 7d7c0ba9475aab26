"""Chart builders: a tidy monitoring DataFrame in, a Plotly Figure out (no Dash, no data loading).

Every figure is Belgian (`separators=",."`: 1.234,5 on axes and in hover labels), names its source and status in
the figure itself, marks provisional, estimated and illustrative points in the hover label, and carries the
illustrative warning inside the plot whenever an illustrative (flag i) value is drawn. Colours are paired with
marker symbols and dash styles, so that no series is told apart by colour alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.formatting import PLOTLY_SEPARATORS, PlotFormat, plot_format
from components.i18n import t
from components.monitoring_frames import (
    FLAG_ILLUSTRATIVE,
    Period,
    flag_label,
    period_labels,
    periods_of,
    sorted_periods,
)

# Dark enough for 3:1 against white (WCAG 1.4.11, non-text contrast); told apart also by symbol and dash.
SERIES_COLOURS: Final = (
    "#0b5394",  # blue
    "#b45309",  # dark orange
    "#2f6b1e",  # green
    "#7b2d6b",  # purple
    "#b91c1c",  # red
    "#0f5f6b",  # teal
    "#5b4a00",  # olive
    "#444444",  # grey
)
SERIES_SYMBOLS: Final = ("circle", "square", "diamond", "triangle-up", "x", "triangle-down", "star", "cross")
SERIES_DASHES: Final = ("solid", "dash", "dot", "dashdot", "longdash", "solid", "dash", "dot")
REFERENCE_DASH: Final = "dot"
FONT_FAMILY: Final = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
TEXT_COLOUR: Final = "#212529"
GRID_COLOUR: Final = "#d9dde1"
# Room above the plot for the heading (warning, source); the legend and the axes push the margins as needed.
_MARGIN = {"l": 64, "r": 16, "t": 72, "b": 40}
# More groups than this are drawn as a ranking (bars of the last period, a mark at the first): lines would tangle.
MAX_LINES: Final = 8
BAR_HEIGHT: Final = 26  # px per group in a ranking
PANEL_HEIGHT: Final = 200  # px per row of small multiples
ILLUSTRATIVE_COLOUR: Final = "#5c4400"  # the banner's dark amber: 8:1 against white


def series_style(index: int) -> dict[str, str]:
    """Colour, marker symbol and dash of the `index`-th series (cycling)."""
    return {
        "colour": SERIES_COLOURS[index % len(SERIES_COLOURS)],
        "symbol": SERIES_SYMBOLS[index % len(SERIES_SYMBOLS)],
        "dash": SERIES_DASHES[index % len(SERIES_DASHES)],
    }


def _hover_template(fmt: PlotFormat, language: str) -> str:
    # customdata: [flag label, source title]
    return (
        f"<b>%{{fullData.name}}</b><br>%{{x}}: {fmt.prefix}%{{y:{fmt.d3}}}{fmt.suffix}"
        f"<br>{t('chart.status', language)}: %{{customdata[0]}}"
        f"<br>{t('chart.source', language)}: %{{customdata[1]}}<extra></extra>"
    )


# Above the plot area, pushing the top margin as far as the heading needs (two lines with the warning).
_HEADING_PLACE: Final = {
    # From the figure's left edge (not the plot area's, which long group names push to the right).
    "x": 0,
    "xanchor": "left",
    "xref": "container",
    "pad": {"l": 12, "b": 20},
    "y": 1,
    "yanchor": "bottom",
    "yref": "paper",
    "automargin": True,
}


def figure_heading(source_note: str, illustrative: bool, language: str) -> dict[str, Any]:
    """The figure's own heading: the illustrative warning (when any value drawn is illustrative) above the source
    and status line, so that the chart, even copied as an image, says where its figures come from."""
    note = _wrap(source_note)
    if illustrative:
        return {
            "text": f"<b>{t('illustrative.banner', language)}</b>",
            "font": {"size": 15, "color": ILLUSTRATIVE_COLOUR},
            "subtitle": {"text": note, "font": {"size": 12, "color": TEXT_COLOUR}},
            **_HEADING_PLACE,
        }
    return {
        "text": note,
        "font": {"size": 12, "color": TEXT_COLOUR},
        **_HEADING_PLACE,
    }


def _wrap(text: str, width: int = 95) -> str:
    """Plotly does not wrap text: break a long line at spaces with <br>."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def base_layout(fmt: PlotFormat, y_title: str = "") -> dict[str, Any]:
    """The layout every monitoring figure shares: Belgian separators, readable fonts, the legend under the plot."""
    return {
        "separators": PLOTLY_SEPARATORS,
        "font": {"family": FONT_FAMILY, "size": 14, "color": TEXT_COLOUR},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "margin": _MARGIN,
        "hovermode": "closest",
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}},
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "xanchor": "left", "yanchor": "top"},
        "xaxis": {"type": "category", "title": {"text": ""}, "showgrid": False, "linecolor": TEXT_COLOUR},
        "yaxis": {
            "title": {"text": y_title},
            "tickformat": fmt.tick_format,
            "tickprefix": fmt.prefix,
            "ticksuffix": fmt.suffix,
            "rangemode": "tozero",
            "gridcolor": GRID_COLOUR,
            "zeroline": True,
            "zerolinecolor": TEXT_COLOUR,
            "automargin": True,
        },
        "height": 460,
    }


def indicator_figure(
    frame: pd.DataFrame,
    *,
    unit: str | None,
    language: str,
    category_labels: Mapping[str, str] | None = None,
    category_order: Sequence[str] | None = None,
    source_titles: Mapping[str, str] | None = None,
    source_note: str = "",
    y_title: str = "",
    reference: pd.DataFrame | None = None,
    reference_label: str = "",
    period_names: Mapping[Period, str] | None = None,
) -> go.Figure:
    """A line chart of one indicator in one breakdown: one line per category over the periods shown.

    `frame` holds the rows shown (tidy columns year, quarter, category, value, flag, source); suppressed cells
    (flag c, value NaN) leave a gap. `reference`, when given, is drawn as a dotted line per category in the same
    colour (the verdringing page: the share of a group in the target population). A single period is drawn as bars.
    """
    labels = dict(category_labels or {})
    titles = dict(source_titles or {})
    values_drawn = (
        pd.concat([frame["value"], reference["value"]]) if reference is not None else frame["value"]
    )
    largest = float(values_drawn.abs().max()) if values_drawn.notna().any() else None
    fmt = plot_format(unit, largest)
    any_illustrative = bool((frame["flag"] == FLAG_ILLUSTRATIVE).any()) or (
        reference is not None and bool((reference["flag"] == FLAG_ILLUSTRATIVE).any())
    )
    figure = go.Figure(layout=base_layout(fmt, y_title=y_title))
    figure.update_layout(title=figure_heading(source_note, any_illustrative, language))
    if frame.empty:
        figure.add_annotation(
            text=t("chart.empty", language), xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False
        )
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure

    periods = sorted_periods(frame)
    period_text = period_labels(periods, language, period_names)
    categories = list(category_order or []) or list(dict.fromkeys(frame["category"].tolist()))
    categories = [category for category in categories if category in set(frame["category"])]
    single_period = len(periods) == 1
    if len(categories) > MAX_LINES and (reference is None or reference.empty):
        return _ranking(figure, frame, categories, labels, titles, periods, period_text, fmt, language)
    for index, category in enumerate(categories):
        style = series_style(index)
        rows = _aligned(frame[frame["category"] == category], periods)
        name = labels.get(category, category)
        customdata = [
            [flag_label(flag, language), titles.get(source, source)]
            for flag, source in zip(rows["flag"], rows["source"], strict=True)
        ]
        illustrative = (rows["flag"] == FLAG_ILLUSTRATIVE).tolist()
        values = (rows["value"] * fmt.scale).tolist()
        if single_period:
            figure.add_bar(
                x=[name],
                y=values,
                name=name,
                marker={"color": style["colour"], "pattern": {"shape": "/" if any(illustrative) else ""}},
                customdata=customdata,
                hovertemplate=_hover_template(fmt, language),
            )
            continue
        figure.add_scatter(
            x=period_text,
            y=values,
            name=name,
            mode="lines+markers",
            connectgaps=False,
            line={"color": style["colour"], "dash": style["dash"], "width": 2.5},
            marker={
                "color": style["colour"],
                "symbol": [style["symbol"] + ("-open" if flag else "") for flag in illustrative],
                "size": 9,
                "line": {"color": style["colour"], "width": 2},
            },
            customdata=customdata,
            hovertemplate=_hover_template(fmt, language),
        )
        if reference is not None and not reference.empty:
            reference_rows = _aligned(reference[reference["category"] == category], periods)
            if reference_rows["value"].notna().any():
                figure.add_scatter(
                    x=period_text,
                    y=(reference_rows["value"] * fmt.scale).tolist(),
                    name=f"{name} – {reference_label}" if reference_label else name,
                    mode="lines",
                    line={"color": style["colour"], "dash": REFERENCE_DASH, "width": 1.5},
                    customdata=[
                        [flag_label(flag, language), titles.get(source, source)]
                        for flag, source in zip(reference_rows["flag"], reference_rows["source"], strict=True)
                    ],
                    hovertemplate=_hover_template(fmt, language),
                    legendgroup=f"reference-{category}",
                )
    if single_period:
        figure.update_layout(showlegend=False, xaxis_title_text=period_text[0])
    elif len(categories) == 1 and (reference is None or reference.empty):
        figure.update_layout(showlegend=False)  # one line: the heading names it
    return figure


def _ranking(
    figure: go.Figure,
    frame: pd.DataFrame,
    categories: Sequence[str],
    labels: Mapping[str, str],
    titles: Mapping[str, str],
    periods: Sequence[Period],
    period_text: Sequence[str],
    fmt: PlotFormat,
    language: str,
) -> go.Figure:
    """Many groups (a sector breakdown): a horizontal bar per group for the last period shown, largest on top,
    and a mark at the value of the first period, so that the change stays visible without 20 crossing lines."""
    by_category = {
        category: _aligned(frame[frame["category"] == category], periods) for category in categories
    }

    def last_value(category: str) -> float:
        value = by_category[category]["value"].iloc[-1]
        return float("-inf") if pd.isna(value) else float(value)

    order = sorted(categories, key=last_value)  # Plotly draws the first category at the bottom
    names = [labels.get(category, category) for category in order]
    hover = (
        f"<b>%{{y}}</b><br>%{{fullData.name}}: {fmt.prefix}%{{x:{fmt.d3}}}{fmt.suffix}"
        f"<br>{t('chart.status', language)}: %{{customdata[0]}}"
        f"<br>{t('chart.source', language)}: %{{customdata[1]}}<extra></extra>"
    )
    for position, colour, kind in ((-1, SERIES_COLOURS[0], "bar"), (0, SERIES_COLOURS[1], "mark")):
        if kind == "mark" and len(periods) == 1:
            break
        rows = [by_category[category].iloc[position] for category in order]
        values = [None if pd.isna(row["value"]) else row["value"] * fmt.scale for row in rows]
        customdata = [
            [flag_label(row["flag"], language), titles.get(row["source"], row["source"])] for row in rows
        ]
        if kind == "bar":
            figure.add_bar(
                x=values,
                y=names,
                orientation="h",
                name=period_text[position],
                marker={"color": colour},
                customdata=customdata,
                hovertemplate=hover,
            )
        else:
            figure.add_scatter(
                x=values,
                y=names,
                mode="markers",
                name=period_text[position],
                marker={
                    "color": colour,
                    "symbol": "line-ns",
                    "size": 20,
                    "line": {"color": colour, "width": 4},
                },
                customdata=customdata,
                hovertemplate=hover,
            )
    numeric = figure.layout.yaxis.to_plotly_json()
    figure.update_layout(
        xaxis={**numeric, "type": "linear", "title": {"text": ""}},
        yaxis={"type": "category", "automargin": True, "showgrid": False, "linecolor": TEXT_COLOUR},
        height=160 + BAR_HEIGHT * len(order),
        bargap=0.25,
        legend={
            "orientation": "h",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "bottom",
            "yref": "container",
        },
        margin={**_MARGIN, "b": 80},
    )
    return figure


def _aligned(rows: pd.DataFrame, periods: Sequence[tuple[int, int | None]]) -> pd.DataFrame:
    """One row per period, in order; a period without a row gets an empty value (a gap in the line)."""
    by_period = dict(zip(periods_of(rows), rows.to_dict("records"), strict=True))
    records = []
    for period in periods:
        row = by_period.get(period)
        records.append(
            {
                "value": row["value"] if row else float("nan"),
                "flag": row["flag"] if row else "",
                "source": row["source"] if row else "",
            }
        )
    return pd.DataFrame.from_records(records, columns=["value", "flag", "source"])


def displacement_figure(
    watch: pd.DataFrame,
    *,
    language: str,
    category_labels: Mapping[str, str] | None = None,
    category_order: Sequence[str] | None = None,
    source_note: str = "",
    columns: int = 3,
) -> go.Figure:
    """Small multiples for the displacement watch: one panel per group, its share among IMW workers (solid)
    against its share in the target population (dotted), with flagged years marked.

    `watch` is the table of components.displacement.watch_table (year, category, imw_share, target_share, under,
    fall, flag). One panel per group keeps fourteen lines from crossing in one plot.
    """
    labels = dict(category_labels or {})
    fmt = plot_format("share")
    categories = list(category_order or []) or list(dict.fromkeys(watch["category"].tolist()))
    categories = [category for category in categories if category in set(watch["category"])]
    illustrative = bool((watch["flag"] == FLAG_ILLUSTRATIVE).any()) if not watch.empty else False
    if watch.empty or not categories:
        figure = go.Figure(layout=base_layout(fmt))
        figure.update_layout(title=figure_heading(source_note, illustrative, language))
        figure.add_annotation(
            text=t("chart.empty", language), xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False
        )
        figure.update_xaxes(visible=False)
        figure.update_yaxes(visible=False)
        return figure
    columns = max(1, min(columns, len(categories)))
    rows = math.ceil(len(categories) / columns)
    figure = make_subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[_wrap(labels.get(category, category), 30) for category in categories],
        shared_yaxes=True,
        horizontal_spacing=0.05,
        # About 80 px between rows of panels, for the x labels and the next panel's title.
        vertical_spacing=min(0.3, 80 / (PANEL_HEIGHT * rows)) if rows > 1 else 0.1,
    )
    layout = base_layout(fmt)
    yaxis = {key: value for key, value in layout.pop("yaxis").items() if key not in {"title", "automargin"}}
    xaxis = layout.pop("xaxis")
    figure.update_layout(**layout)
    # The heading at the top of the figure and a fixed top margin: the panel titles of the first row sit above
    # the plot area, where an automatic margin would put the heading on top of them.
    heading = {**figure_heading(source_note, illustrative, language), "yref": "container", "y": 1}
    heading.update(yanchor="top", automargin=False, pad={"l": 12, "t": 12})
    figure.update_layout(
        title=heading,
        height=200 + PANEL_HEIGHT * rows,
        # At the foot of the figure, clear of the panel titles.
        legend={
            "orientation": "h",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "bottom",
            "yref": "container",
        },
        margin={**_MARGIN, "t": 120, "b": 90},
    )
    largest = max(
        float(watch["imw_share"].max(skipna=True) or 0), float(watch["target_share"].max(skipna=True) or 0)
    )
    names = {
        "imw": t("displacement.table.imw", language),
        "target": t("displacement.table.target", language),
        "signal": t("displacement.legend.signal", language),
    }
    hover = f"%{{x}}: %{{y:{fmt.d3}}}{fmt.suffix}<extra>%{{fullData.name}}</extra>"
    for index, category in enumerate(categories):
        row, column = index // columns + 1, index % columns + 1
        data = watch[watch["category"] == category].sort_values("year")
        years = [str(year) for year in data["year"]]
        first = index == 0
        figure.add_scatter(
            x=years,
            y=[None if pd.isna(v) else v * fmt.scale for v in data["imw_share"]],
            name=names["imw"],
            legendgroup="imw",
            showlegend=first,
            mode="lines+markers",
            line={"color": SERIES_COLOURS[0], "width": 2.5},
            marker={"color": SERIES_COLOURS[0], "size": 7},
            hovertemplate=hover,
            row=row,
            col=column,
        )
        figure.add_scatter(
            x=years,
            y=[None if pd.isna(v) else v * fmt.scale for v in data["target_share"]],
            name=names["target"],
            legendgroup="target",
            showlegend=first,
            mode="lines",
            line={"color": SERIES_COLOURS[1], "dash": REFERENCE_DASH, "width": 2},
            hovertemplate=hover,
            row=row,
            col=column,
        )
        flagged = data[data["under"] | data["fall"]]
        figure.add_scatter(
            x=[str(year) for year in flagged["year"]],
            y=[None if pd.isna(v) else v * fmt.scale for v in flagged["imw_share"]],
            name=names["signal"],
            legendgroup="signal",
            showlegend=first,
            mode="markers",
            marker={"color": SERIES_COLOURS[4], "size": 13, "symbol": "circle-open", "line": {"width": 3}},
            hovertemplate=hover,
            row=row,
            col=column,
        )
    figure.update_xaxes(**{**xaxis, "tickfont": {"size": 12}})
    figure.update_yaxes(**{**yaxis, "range": [0, largest * fmt.scale * 1.1 or 1], "tickfont": {"size": 12}})
    figure.update_annotations(font={"size": 13})  # the panel titles
    return figure
