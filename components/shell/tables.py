"""The table view of an indicator: periods down and groups across, or, with many groups (a sector breakdown),
groups down and periods across, sortable by any column.

A real HTML table (caption, `<th scope>` for row and column headers) so that screen readers can move through it;
values in the Belgian format; a flag after a value as a short code whose meaning is in its title and in the legend
under the table. A sortable table has a button in each column header (assets/tables.js sorts in the browser and
sets aria-sort); each cell carries its number in `data-sort`, a withheld cell sorts last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from dash import html

from components.shell.dom import attributes
from data.monitoring.frames import (
    Period,
    flag_label,
    flags_present,
    period_label,
    periods_of,
    sorted_periods,
)
from i18n import t
from i18n.formats import display_unit, format_value

# More groups than this: groups down (and sortable), so that the table stays readable on a phone.
MAX_COLUMNS = 6


def SortableHeader(label: str, column: int, language: str, numeric: bool = True) -> html.Th:
    """A column header with a button that sorts the table by this column (assets/tables.js)."""
    return html.Th(
        html.Button(
            [label, html.Span(className="sort-mark", **attributes({"aria-hidden": "true"}))],
            type="button",
            className="sort-button",
            title=t("table.sort", language).format(column=label),
            **attributes(
                {"data-sort-column": str(column), "data-sort-kind": "number" if numeric else "text"}
            ),
        ),
        scope="col",
        className="text-end" if numeric else "",
        **attributes({"aria-sort": "none"}),
    )


def flag_cell(value: Any, flag: str, unit: str | None, language: str) -> list[Any]:
    """A value in its unit with its flag code (title: the flag in words)."""
    return _cell(value, flag, unit, language)


def _cell(value: Any, flag: str, unit: str | None, language: str) -> list[Any]:
    text = format_value(value, unit)
    if not flag:
        return [text]
    return [
        text,
        " ",
        html.Abbr(f"({flag})", title=flag_label(flag, language), className="flag-code"),
    ]


def IndicatorTable(
    rows: pd.DataFrame,
    *,
    caption: str,
    unit: str | None,
    language: str,
    category_labels: Mapping[str, str] | None = None,
    category_order: Sequence[str] | None = None,
    table_id: str | None = None,
    period_names: Mapping[Period, str] | None = None,
) -> html.Div:
    """The rows shown as a table with a caption; a legend of the flags used follows the table."""
    if rows.empty:
        return html.Div(html.P(t("table.empty", language)))
    labels = dict(category_labels or {})
    values = rows["value"].dropna()
    unit = display_unit(
        unit, float(values.abs().max()) if len(values) else None
    )  # one scale in the whole table
    categories = list(category_order or []) or list(dict.fromkeys(rows["category"].tolist()))
    categories = [category for category in categories if category in set(rows["category"])]
    periods = sorted_periods(rows)
    cells = {
        (period, category): (value, flag)
        for period, category, value, flag in zip(
            periods_of(rows), rows["category"], rows["value"], rows["flag"], strict=True
        )
    }
    if len(categories) > MAX_COLUMNS:
        return _groups_down(
            rows, caption, unit, language, labels, categories, periods, cells, table_id, period_names
        )
    header = html.Thead(
        html.Tr(
            [html.Th(t("table.period", language), scope="col")]
            + [
                html.Th(labels.get(category, category), scope="col", className="text-end")
                for category in categories
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [html.Th(period_label(period, language, period_names), scope="row")]
                + [
                    html.Td(
                        _cell(*cells.get((period, category), (None, "")), unit=unit, language=language),
                        className="text-end",
                    )
                    for category in categories
                ]
            )
            for period in periods
        ]
    )
    return _framed(rows, caption, language, header, body, table_id, sortable=False)


def _groups_down(
    rows: pd.DataFrame,
    caption: str,
    unit: str | None,
    language: str,
    labels: Mapping[str, str],
    categories: Sequence[str],
    periods: Sequence[Period],
    cells: Mapping[tuple[Period, str], tuple[Any, str]],
    table_id: str | None,
    period_names: Mapping[Period, str] | None,
) -> html.Div:
    """Many groups: one row per group, one column per period, sortable."""
    header = html.Thead(
        html.Tr(
            [SortableHeader(t("table.group", language), 0, language, numeric=False)]
            + [
                SortableHeader(period_label(period, language, period_names), index + 1, language)
                for index, period in enumerate(periods)
            ]
        )
    )
    body = html.Tbody(
        [
            html.Tr(
                [html.Th(labels.get(category, category), scope="row")]
                + [
                    html.Td(
                        _cell(*cells.get((period, category), (None, "")), unit=unit, language=language),
                        className="text-end",
                        **attributes(
                            {"data-sort": _sort_value(cells.get((period, category), (None, ""))[0])}
                        ),
                    )
                    for period in periods
                ]
            )
            for category in categories
        ]
    )
    return _framed(rows, caption, language, header, body, table_id, sortable=True)


def _sort_value(value: Any) -> str:
    return "" if value is None or pd.isna(value) else repr(float(value))


def _framed(
    rows: pd.DataFrame,
    caption: str,
    language: str,
    header: Any,
    body: Any,
    table_id: str | None,
    sortable: bool,
) -> html.Div:
    """The table in a focusable, labelled region that scrolls sideways inside itself, and the legend of flags."""
    legend = [html.Li(f"({flag}) {flag_label(flag, language)}") for flag in flags_present(rows)]
    classes = "table table-sm table-striped indicator-table mb-1" + (" sortable-table" if sortable else "")
    table_props: dict[str, Any] = {"className": classes}
    if table_id:
        table_props["id"] = table_id
    children: list[Any] = [
        scroll_region(
            html.Table([html.Caption(caption, className="caption-top"), header, body], **table_props), caption
        )
    ]
    if legend:
        children.append(
            html.Div(
                [
                    html.Span(f"{t('table.flags', language)}: ", className="fw-semibold"),
                    html.Ul(legend, className="flag-legend"),
                ],
                className="small",
            )
        )
    return html.Div(children)


def scroll_region(table: Any, label: str) -> html.Div:
    """A table in a focusable, labelled region that scrolls sideways inside itself (WCAG: a keyboard user can
    scroll it, a screen reader names it); every table of the portal that may be wider than a phone sits in one."""
    return html.Div(
        table, className="table-responsive", tabIndex="0", role="region", **attributes({"aria-label": label})
    )
