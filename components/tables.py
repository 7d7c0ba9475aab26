"""The table view of an indicator: periods down, groups across, each value with its flag.

A real HTML table (caption, `<th scope>` for row and column headers) so that screen readers can move through it;
values in the Belgian format; a flag after a value as a short code whose meaning is in its title and in the legend
under the table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
from dash import html

from components.formatting import display_unit, format_value
from components.i18n import register, t
from components.monitoring_frames import (
    Period,
    flag_label,
    flags_present,
    period_label,
    periods_of,
    sorted_periods,
)

register(
    {
        "table.period": {"nl": "Periode", "en": "Period"},
        "table.flags": {"nl": "Vlaggen", "en": "Flags"},
        "table.empty": {"nl": "Geen cijfers voor deze keuze.", "en": "No figures for this selection."},
    }
)


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
    legend = [html.Li(f"({flag}) {flag_label(flag, language)}") for flag in flags_present(rows)]
    table_props: dict[str, Any] = {"className": "table table-sm table-striped indicator-table mb-1"}
    if table_id:
        table_props["id"] = table_id
    children: list[Any] = [
        html.Div(
            html.Table([html.Caption(caption, className="caption-top"), header, body], **table_props),
            className="table-responsive",
            tabIndex="0",
            role="region",
            **{"aria-label": caption},
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
