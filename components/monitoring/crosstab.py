"""A cross-table (sector x statute): a stacked bar per row category for one period, and a sortable table with its
margins. The SERV's question (advice point 14): how much of each sector is temporary agency work.

`rows` are the tidy rows of the cross dimension (category "<row>:<column>"), `margins` those of the row
dimension (the row totals, e.g. the sector breakdown), both for the period shown. Withheld cells (flag c) leave a
gap in their stack, the row's total stays marked, and the heading names them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from dash import html

from components.monitoring.charts import (
    _MARGIN,
    RANKING_ROW_HEIGHT,
    base_layout,
    figure_heading,
)
from components.shell.dom import attributes
from components.shell.style import SERIES_COLOURS, TEXT_COLOUR
from components.shell.tables import SortableHeader, flag_cell
from data.monitoring.frames import FLAG_ILLUSTRATIVE, FLAG_SUPPRESSED, Period, flag_label, period_label
from i18n import t
from i18n.formats import display_unit, plot_format

PATTERNS = ("", "/", ".", "x", "-", "+", "\\\\", "|")


def _split(code: str) -> tuple[str, str]:
    row, _, column = code.partition(":")
    return row, column


def crosstab_figure(
    rows: pd.DataFrame,
    margins: pd.DataFrame,
    *,
    unit: str | None,
    language: str,
    row_labels: Mapping[str, str],
    column_labels: Mapping[str, str],
    column_order: Sequence[str],
    period: Period,
    period_names: Mapping[Period, str] | None = None,
    source_note: str = "",
) -> go.Figure:
    """Stacked horizontal bars: one per row category (largest row total on top), one colour and pattern per
    column category, the row's name above its bar, a mark at the row's published total."""
    fmt = plot_format(unit, float(margins["value"].max()) if margins["value"].notna().any() else None)
    figure = go.Figure(layout=base_layout(fmt))
    illustrative = bool((rows["flag"] == FLAG_ILLUSTRATIVE).any())
    figure.update_layout(title=figure_heading(source_note, illustrative, language))
    if rows.empty:
        figure.add_annotation(
            text=t("chart.empty", language), xref="paper", yref="paper", x=0.5, y=0.5, showarrow=False
        )
        return figure
    value = {
        str(code): (v, f) for code, v, f in zip(rows["category"], rows["value"], rows["flag"], strict=True)
    }
    totals = {
        str(code): (v, f)
        for code, v, f in zip(margins["category"], margins["value"], margins["flag"], strict=True)
    }
    row_codes = list(dict.fromkeys(_split(code)[0] for code in value))

    def sort_key(code: str) -> float:
        total = totals.get(code, (float("nan"), ""))[0]
        return float("-inf") if pd.isna(total) else float(total)

    order = sorted(row_codes, key=sort_key)  # the largest on top
    when = period_label(period, language, period_names)
    hover = (
        f"<b>%{{customdata[2]}}</b><br>%{{fullData.name}}: {fmt.prefix}%{{x:{fmt.d3}}}{fmt.suffix}"
        f"<br>{t('chart.status', language)}: %{{customdata[0]}}<br>{when}<extra></extra>"
    )
    withheld = []
    for index, column in enumerate(column_order):
        xs, customdata = [], []
        for row in order:
            cell, flag = value.get(f"{row}:{column}", (float("nan"), ""))
            xs.append(None if pd.isna(cell) else cell * fmt.scale)
            customdata.append(
                [flag_label(flag, language), column_labels.get(column, column), row_labels.get(row, row)]
            )
            if flag == FLAG_SUPPRESSED:
                withheld.append(f"{row_labels.get(row, row)} × {column_labels.get(column, column)}")
        figure.add_bar(
            x=xs,
            y=list(range(len(order))),
            orientation="h",
            name=column_labels.get(column, column),
            marker={
                "color": SERIES_COLOURS[index % len(SERIES_COLOURS)],
                "pattern": {"shape": PATTERNS[index % len(PATTERNS)], "fgcolor": "#ffffff", "size": 6},
                "line": {"color": "#ffffff", "width": 0.5},
            },
            customdata=customdata,
            hovertemplate=hover,
            width=0.4,
            offset=-0.5,
        )
    figure.add_scatter(
        x=[
            None if pd.isna(totals.get(row, (float("nan"),))[0]) else totals[row][0] * fmt.scale
            for row in order
        ],
        y=[place - 0.3 for place in range(len(order))],
        mode="markers",
        name=t("crosstab.row_total", language),
        marker={
            "symbol": "line-ns",
            "size": 18,
            "color": TEXT_COLOUR,
            "line": {"color": TEXT_COLOUR, "width": 3},
        },
        customdata=[
            [
                flag_label(totals.get(row, (0, ""))[1], language),
                t("crosstab.row_total", language),
                row_labels.get(row, row),
            ]
            for row in order
        ],
        hovertemplate=hover,
    )
    for place, row in enumerate(order):
        figure.add_annotation(
            x=0,
            xref="paper",
            xanchor="left",
            y=place - 0.05,
            yanchor="bottom",
            text=row_labels.get(row, row),
            showarrow=False,
            font={"size": 12, "color": TEXT_COLOUR},
            align="left",
        )
    numeric = figure.layout.yaxis.to_plotly_json()
    figure.update_layout(
        barmode="stack",
        xaxis={**numeric, "type": "linear", "title": {"text": ""}, "automargin": True},
        yaxis={
            "type": "linear",
            "showticklabels": False,
            "showgrid": False,
            "zeroline": False,
            "range": [-0.7, len(order) - 0.1],
        },
        height=200 + RANKING_ROW_HEIGHT * len(order),
        legend={
            "orientation": "h",
            "x": 0,
            "y": 0,
            "xanchor": "left",
            "yanchor": "bottom",
            "yref": "container",
        },
        margin={**_MARGIN, "l": 12, "b": 110},
    )
    if withheld:
        shown = withheld if len(withheld) <= 8 else [*withheld[:8], "…"]
        figure.update_layout(
            title=figure_heading(
                source_note, False, language, [t("crosstab.note", language).format(cells=", ".join(shown))]
            )
        )
    return figure


def CrossTable(
    rows: pd.DataFrame,
    margins: pd.DataFrame,
    column_margins: pd.DataFrame,
    total: pd.DataFrame,
    *,
    caption: str,
    unit: str | None,
    language: str,
    row_labels: Mapping[str, str],
    row_order: Sequence[str],
    column_labels: Mapping[str, str],
    column_order: Sequence[str],
    table_id: str | None = None,
) -> html.Div:
    """The cross-table with its margins: row categories down (sortable by any column), column categories across,
    the row totals last, the column totals in the foot."""
    if rows.empty:
        return html.Div(html.P(t("crosstab.empty", language)))
    values = pd.concat([rows["value"], margins["value"]]).dropna()
    unit = display_unit(unit, float(values.abs().max()) if len(values) else None)
    cell = {
        str(code): (v, f) for code, v, f in zip(rows["category"], rows["value"], rows["flag"], strict=True)
    }
    row_total = {
        str(c): (v, f) for c, v, f in zip(margins["category"], margins["value"], margins["flag"], strict=True)
    }
    column_total = {
        str(c): (v, f)
        for c, v, f in zip(
            column_margins["category"], column_margins["value"], column_margins["flag"], strict=True
        )
    }
    present = {_split(code)[0] for code in cell}
    row_codes = [code for code in row_order if code in present]
    columns = [*column_order, "__total__"]
    names = [*(column_labels.get(code, code) for code in column_order), t("crosstab.total", language)]
    header = html.Thead(
        html.Tr(
            [SortableHeader(t("table.group", language), 0, language, numeric=False)]
            + [SortableHeader(name, index + 1, language) for index, name in enumerate(names)]
        )
    )

    def td(pair: tuple[Any, str]) -> html.Td:
        number, flag = pair
        return html.Td(
            flag_cell(number, flag, unit, language),
            className="text-end",
            **attributes({"data-sort": "" if pd.isna(number) else repr(float(number))}),
        )

    body = html.Tbody(
        [
            html.Tr(
                [html.Th(row_labels.get(code, code), scope="row")]
                + [
                    td(
                        row_total.get(code, (float("nan"), ""))
                        if column == "__total__"
                        else cell.get(f"{code}:{column}", (float("nan"), ""))
                    )
                    for column in columns
                ]
            )
            for code in row_codes
        ]
    )
    grand = (float(total["value"].iloc[0]), str(total["flag"].iloc[0])) if len(total) else (float("nan"), "")
    foot = html.Tfoot(
        html.Tr(
            [html.Th(t("crosstab.total", language), scope="row")]
            + [td(column_total.get(code, (float("nan"), ""))) for code in column_order]
            + [td(grand)]
        )
    )
    props: dict[str, Any] = {"className": "table table-sm table-striped indicator-table sortable-table mb-1"}
    if table_id:
        props["id"] = table_id
    return html.Div(
        html.Div(
            html.Table([html.Caption(caption, className="caption-top"), header, body, foot], **props),
            className="table-responsive",
            tabIndex="0",
            role="region",
            **attributes({"aria-label": caption}),
        )
    )
