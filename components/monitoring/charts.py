"""Chart builders: a tidy monitoring DataFrame in, a Plotly Figure out (no Dash, no data loading).

Every figure is Belgian (`separators=",."`: 1.234,5 on axes and in hover labels), names its source and status in
the figure itself, and marks provisional, estimated and illustrative points in the hover label. Colours are paired
with marker symbols and dash styles, so that no series is told apart by colour alone.

Time runs on a linear axis in years (data/monitoring/periods.py): a missing year is a gap at its own place, not
skipped by an evenly spaced axis; a period of another kind than the others (a first half year, a count in
August, IMW's partial 2023) is drawn apart as an open marker with its name, never joined to the line; a
suppressed value is a gap, and the figure's heading names every gap and every suppressed cell, so that nothing
reads as a zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.shell.dom import attributes
from components.shell.style import FONT_FAMILY, GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR
from data.monitoring.frames import (
    FLAG_ILLUSTRATIVE,
    FLAG_SUPPRESSED,
    Period,
    flag_label,
    period_label,
    period_labels,
    periods_of,
    sorted_periods,
)
from data.monitoring.periods import axis_periods, is_quarterly, missing_periods, off_periods, position
from i18n import t
from i18n.formats import PLOTLY_SEPARATORS, PlotFormat, plot_format

SERIES_SYMBOLS: Final = ("circle", "square", "diamond", "triangle-up", "x", "triangle-down", "star", "cross")
SERIES_DASHES: Final = ("solid", "dash", "dot", "dashdot", "longdash", "solid", "dash", "dot")
REFERENCE_DASH: Final = "dot"
# Room above the plot for the heading (warning, source); the legend and the axes push the margins as needed.
_MARGIN = {"l": 64, "r": 16, "t": 72, "b": 40}
# More groups than this are drawn as a ranking (bars of the last period, a mark at the first): lines would tangle.
MAX_LINES: Final = 8
RANKING_ROW_HEIGHT: Final = 52  # px per group in a ranking: its name above (two lines on a phone), its bar
PANEL_HEIGHT: Final = 200  # px per row of small multiples


def series_style(index: int) -> dict[str, str]:
    """Colour, marker symbol and dash of the `index`-th series (cycling)."""
    return {
        "colour": SERIES_COLOURS[index % len(SERIES_COLOURS)],
        "symbol": SERIES_SYMBOLS[index % len(SERIES_SYMBOLS)],
        "dash": SERIES_DASHES[index % len(SERIES_DASHES)],
    }


def _hover_template(fmt: PlotFormat, language: str) -> str:
    # customdata: [flag label, source title, period label]
    return (
        f"<b>%{{fullData.name}}</b><br>%{{customdata[2]}}: {fmt.prefix}%{{y:{fmt.d3}}}{fmt.suffix}"
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


def figure_heading(
    source_note: str, illustrative: bool, language: str, notes: Sequence[str] = (), width: int = 95
) -> dict[str, Any]:
    """The figure's own heading: the source and status line, then what the reader must know to read the chart
    right (gaps, periods drawn apart, withheld cells). The illustrative notice stands once above the block, not
    here again; the downloaded image carries it (components/shell/graph_config.py). `illustrative` is kept for the
    callers that pass it."""
    heading: dict[str, Any] = {
        "text": _wrap(source_note, width),
        "font": {"size": 12, "color": TEXT_COLOUR},
        **_HEADING_PLACE,
    }
    if notes:
        heading["subtitle"] = {
            "text": _wrap(" ".join(notes), width),
            "font": {"size": 12, "color": TEXT_COLOUR},
        }
    return heading


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
    partial_periods: Sequence[Period] = (),
) -> go.Figure:
    """A line chart of one indicator in one breakdown: one line per category over the periods shown.

    `frame` holds the rows shown (tidy columns year, quarter, category, value, flag, source); suppressed cells
    (flag c, value NaN) leave a gap and are named in the heading. `reference`, when given, is drawn as a dotted
    line per category in the same colour (the verdringing page: the share of a group in the target population).
    A single period is drawn as bars; more groups than MAX_LINES as a ranking. `partial_periods` (the catalogue's)
    are drawn apart, like any period of another kind than the series' regular one.
    """
    labels = dict(category_labels or {})
    titles = dict(source_titles or {})
    names = dict(period_names or {})
    partial = frozenset(partial_periods)
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
    categories = list(category_order or []) or list(dict.fromkeys(frame["category"].tolist()))
    categories = [category for category in categories if category in set(frame["category"])]
    suppressed = _suppressed_cells(frame, labels, names, language)
    if len(categories) > MAX_LINES and (reference is None or reference.empty):
        period_text = period_labels(periods, language, names)
        figure = _ranking(
            figure, frame, categories, labels, titles, periods, period_text, fmt, language, partial
        )
        _add_notes(figure, source_note, language, suppressed=suppressed)
        return figure
    if len(periods) == 1:
        return _single_period(
            figure,
            frame,
            categories,
            labels,
            titles,
            periods[0],
            fmt,
            language,
            names,
            source_note,
            suppressed,
        )

    quarterly = is_quarterly(periods)
    off = off_periods(periods, partial)
    axis = axis_periods(periods, partial)
    for index, category in enumerate(categories):
        style = series_style(index)
        name = labels.get(category, category)
        rows = _aligned(frame[frame["category"] == category], axis)
        figure.add_scatter(
            x=[position(period, quarterly) for period in axis],
            y=(rows["value"] * fmt.scale).tolist(),
            name=name,
            legendgroup=f"category-{category}",
            mode="lines+markers",
            connectgaps=False,
            line={"color": style["colour"], "dash": style["dash"], "width": 2.5},
            marker={
                "color": style["colour"],
                "symbol": [
                    style["symbol"] + ("-open" if flag == FLAG_ILLUSTRATIVE else "") for flag in rows["flag"]
                ],
                "size": 9,
                "line": {"color": style["colour"], "width": 2},
            },
            customdata=_customdata(rows, axis, titles, names, language),
            hovertemplate=_hover_template(fmt, language),
        )
        off_here = [period for period in periods if period in off]
        if off_here:
            off_rows = _aligned(frame[frame["category"] == category], off_here)
            shown = off_rows["value"].notna()
            if shown.any():
                figure.add_scatter(
                    x=[_off_position(period, axis, quarterly) for period in off_here],
                    y=(off_rows["value"] * fmt.scale).tolist(),
                    name=name,
                    legendgroup=f"category-{category}",
                    showlegend=False,
                    mode="markers+text",
                    text=[
                        period_label(period, language, names) if ok else ""
                        for period, ok in zip(off_here, shown, strict=True)
                    ],
                    textposition="top center",
                    textfont={"size": 11, "color": style["colour"]},
                    marker={
                        "color": "#ffffff",
                        "symbol": style["symbol"] + "-open",
                        "size": 12,
                        "line": {"color": style["colour"], "width": 2.5},
                    },
                    customdata=_customdata(off_rows, off_here, titles, names, language),
                    hovertemplate=_hover_template(fmt, language),
                )
        if reference is not None and not reference.empty:
            reference_rows = _aligned(reference[reference["category"] == category], axis)
            if reference_rows["value"].notna().any():
                figure.add_scatter(
                    x=[position(period, quarterly) for period in axis],
                    y=(reference_rows["value"] * fmt.scale).tolist(),
                    name=f"{name} – {reference_label}" if reference_label else name,
                    mode="lines",
                    line={"color": style["colour"], "dash": REFERENCE_DASH, "width": 1.5},
                    customdata=_customdata(reference_rows, axis, titles, names, language),
                    hovertemplate=_hover_template(fmt, language),
                    legendgroup=f"reference-{category}",
                )
    years = sorted({period[0] for period in [*axis, *off]})
    figure.update_layout(
        xaxis={
            "type": "linear",
            "tickmode": "array",
            "tickvals": years,
            "ticktext": [str(year) for year in years],
            "range": [years[0] - 0.5, years[-1] + (1.0 if quarterly else 0.5)],
            "showgrid": False,
            "zeroline": False,
        }
    )
    if len(categories) == 1 and (reference is None or reference.empty):
        figure.update_layout(showlegend=False)  # one line: the heading names it
    _add_notes(
        figure,
        source_note,
        language,
        missing=[period_label(period, language, names) for period in missing_periods(periods, partial)],
        off=[period_label(period, language, names) for period in periods if period in off],
        suppressed=suppressed,
    )
    return figure


def _customdata(
    rows: pd.DataFrame,
    periods: Sequence[Period],
    titles: Mapping[str, str],
    names: Mapping[Period, str],
    language: str,
) -> list[list[str]]:
    return [
        [flag_label(flag, language), titles.get(source, source), period_label(period, language, names)]
        for flag, source, period in zip(rows["flag"], rows["source"], periods, strict=True)
    ]


def _off_position(period: Period, axis: Sequence[Period], quarterly: bool) -> float:
    """An off period sits at its year; beside it when its year also has a regular point."""
    x = position(period, quarterly)
    if any(position(other, quarterly) == x for other in axis):
        return x + 0.3
    return x


def _suppressed_cells(
    frame: pd.DataFrame, labels: Mapping[str, str], names: Mapping[Period, str], language: str, limit: int = 8
) -> list[str]:
    """'Group period' of every withheld cell shown, for the heading (at most `limit`, then '…')."""
    rows = frame[frame["flag"] == FLAG_SUPPRESSED]
    cells = []
    single = len(set(frame["category"])) == 1
    for period, category in zip(periods_of(rows), rows["category"], strict=True):
        when = period_label(period, language, names)
        cells.append(when if single else f"{labels.get(category, category)} {when}")
    if len(cells) > limit:
        cells = [*cells[:limit], "…"]
    return cells


def _add_notes(
    figure: go.Figure,
    source_note: str,
    language: str,
    *,
    missing: Sequence[str] = (),
    off: Sequence[str] = (),
    suppressed: Sequence[str] = (),
) -> None:
    """The heading's second line: gaps, periods drawn apart and withheld cells, each named."""
    notes = []
    if missing:
        notes.append(t("chart.note.missing", language).format(periods=", ".join(missing)))
    if off:
        notes.append(t("chart.note.off", language).format(periods=", ".join(off)))
    if suppressed:
        notes.append(t("chart.note.suppressed", language).format(cells=", ".join(suppressed)))
    if notes:
        figure.update_layout(title=figure_heading(source_note, False, language, notes))


def _single_period(
    figure: go.Figure,
    frame: pd.DataFrame,
    categories: Sequence[str],
    labels: Mapping[str, str],
    titles: Mapping[str, str],
    period: Period,
    fmt: PlotFormat,
    language: str,
    names: Mapping[Period, str],
    source_note: str,
    suppressed: Sequence[str],
) -> go.Figure:
    """One period: a bar per group; a withheld group gets no bar but the word 'afgeschermd' at its place."""
    for index, category in enumerate(categories):
        style = series_style(index)
        rows = _aligned(frame[frame["category"] == category], [period])
        name = labels.get(category, category)
        illustrative = bool((rows["flag"] == FLAG_ILLUSTRATIVE).any())
        figure.add_bar(
            x=[name],
            y=(rows["value"] * fmt.scale).tolist(),
            name=name,
            marker={"color": style["colour"], "pattern": {"shape": "/" if illustrative else ""}},
            customdata=_customdata(rows, [period], titles, names, language),
            hovertemplate=_hover_template(fmt, language),
        )
        if rows["flag"].iloc[0] == FLAG_SUPPRESSED:
            figure.add_annotation(
                x=name,
                y=0,
                yanchor="bottom",
                text=t("chart.suppressed", language),
                showarrow=False,
                font={"size": 12, "color": TEXT_COLOUR},
            )
    figure.update_layout(showlegend=False, xaxis_title_text=period_label(period, language, names))
    _add_notes(figure, source_note, language, suppressed=suppressed)
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
    partial: frozenset[Period] = frozenset(),
) -> go.Figure:
    """Many groups (a sector breakdown): a horizontal bar per group for the last period shown, largest on top,
    and a mark at the value of the earliest period of the same kind, so that the change stays visible without 20
    crossing lines. Each group's name stands above its bar, across the whole width, so that the bars keep their
    room on a phone; a withheld group gets the word 'afgeschermd' instead of a bar."""
    from data.monitoring.periods import comparable

    by_category = {
        category: _aligned(frame[frame["category"] == category], periods) for category in categories
    }

    def last_value(category: str) -> float:
        value = by_category[category]["value"].iloc[-1]
        return float("-inf") if pd.isna(value) else float(value)

    order = sorted(categories, key=last_value)  # Plotly draws the first category at the bottom
    names = [labels.get(category, category) for category in order]
    hover = (
        f"<b>%{{customdata[3]}}</b><br>%{{fullData.name}}: {fmt.prefix}%{{x:{fmt.d3}}}{fmt.suffix}"
        f"<br>{t('chart.status', language)}: %{{customdata[0]}}"
        f"<br>{t('chart.source', language)}: %{{customdata[1]}}<extra></extra>"
    )
    first = next(
        (index for index, period in enumerate(periods[:-1]) if comparable(period, periods[-1], partial)), None
    )
    positions = list(range(len(order)))
    for index, colour, kind in (
        (len(periods) - 1, SERIES_COLOURS[0], "bar"),
        (first, SERIES_COLOURS[1], "mark"),
    ):
        if index is None:
            continue
        rows = [by_category[category].iloc[index] for category in order]
        values = [None if pd.isna(row["value"]) else row["value"] * fmt.scale for row in rows]
        customdata = [
            [
                flag_label(row["flag"], language),
                titles.get(row["source"], row["source"]),
                period_text[index],
                name,
            ]
            for row, name in zip(rows, names, strict=True)
        ]
        if kind == "bar":
            figure.add_bar(
                x=values,
                y=positions,
                orientation="h",
                name=period_text[index],
                marker={"color": colour},
                customdata=customdata,
                hovertemplate=hover,
                width=0.4,
                offset=-0.5,
            )
        else:
            figure.add_scatter(
                x=values,
                y=[position - 0.3 for position in positions],
                mode="markers",
                name=period_text[index],
                marker={
                    "color": colour,
                    "symbol": "line-ns",
                    "size": 16,
                    "line": {"color": colour, "width": 4},
                },
                customdata=customdata,
                hovertemplate=hover,
            )
    latest = [by_category[category].iloc[-1] for category in order]
    for place, (name, row) in enumerate(zip(names, latest, strict=True)):
        withheld = row["flag"] == FLAG_SUPPRESSED
        text = f"{name} – <i>{t('chart.suppressed', language)}</i>" if withheld else name
        figure.add_annotation(
            x=0,
            xref="paper",
            xanchor="left",
            y=place - 0.05,
            yanchor="bottom",
            text=text,
            showarrow=False,
            font={"size": 12, "color": TEXT_COLOUR},
            align="left",
        )
    numeric = figure.layout.yaxis.to_plotly_json()
    figure.update_layout(
        xaxis={**numeric, "type": "linear", "title": {"text": ""}, "automargin": True},
        yaxis={
            "type": "linear",
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "range": [-0.7, len(order) - 0.1],
            "fixedrange": True,
        },
        height=170 + RANKING_ROW_HEIGHT * len(order),
        legend={
            "orientation": "h",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "bottom",
            "yref": "container",
        },
        margin={**_MARGIN, "l": 12, "b": 80},
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

    `watch` is the table of data.monitoring.displacement.watch_table (year, category, imw_share, target_share, under,
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
    figure.update_xaxes(**attributes({**xaxis, "tickfont": {"size": 12}}))
    figure.update_yaxes(
        **attributes({**yaxis, "range": [0, largest * fmt.scale * 1.1 or 1], "tickfont": {"size": 12}})
    )
    figure.update_annotations(font={"size": 13})  # the panel titles
    return figure
