"""Headline figures for the home page: the latest value of a few indicators, their change, status and source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.monitoring.summary import change_text
from components.shell.dom import attributes
from components.shell.layout import href
from data.monitoring.frames import (
    FLAG_ILLUSTRATIVE,
    flag_label,
    period_label,
    periods_of,
    select_rows,
)
from data.monitoring.periods import latest_comparable, off_periods
from data.monitoring.schema import TOTAL
from i18n import has_text, normalise_language, t
from i18n.formats import NBSP, format_value, unit_kind
from services.monitoring import IndicatorInfo


# The unit after a key figure (amounts in euro carry theirs already): "3.781 personen", "19.913,8 VTE".
@dataclass(frozen=True)
class Headline:
    """One key figure: the latest value of an indicator's total and its change on the period before."""

    info: IndicatorInfo
    period: str
    value: str
    change: str
    flag: str
    source: str
    context: str = ""  # the latest yearly figure, when the latest is a period of another kind


def value_with_unit(value: float, unit: str, language: str) -> str:
    """A key figure with its unit: € 84,1 mln; 3.781 personen; 19.913,8 VTE."""
    text = format_value(value, unit)
    key = f"headline.unit.{unit}"
    if has_text(key) and unit_kind(unit) not in {"eur", "eur_month", "eur_mln", "share", "percent"}:
        text += NBSP + t(key, normalise_language(language))
    return text


def headline(
    info: IndicatorInfo, frame: pd.DataFrame, language: str, publishers: dict[str, str] | None = None
) -> Headline | None:
    """The key figure of one indicator (its total), or None when it has no total with a value."""
    rows = select_rows(frame, info.id, TOTAL)
    rows = rows[rows["value"].notna()]
    if rows.empty:
        return None
    names = info.period_names(language)
    periods = periods_of(rows)
    partial = info.partial()
    values = dict(zip(periods, (float(value) for value in rows["value"]), strict=True))
    last = periods[-1]
    last_value = values[last]
    previous = latest_comparable(last, periods, partial)
    context = ""
    if previous is not None:
        size, sign = change_text(last_value, values[previous], info.unit, language)
        previous_label = period_label(previous, language, names)
        if sign == 0 or not size:
            change = t("headline.change.same", language).format(period=previous_label)
        else:
            key = "headline.change.up" if sign > 0 else "headline.change.down"
            change = t(key, language).format(change=size, period=previous_label)
    elif len(rows) >= 2:
        change = t("headline.change.incomparable", language)
    else:
        change = t("headline.change.none", language)
    off = off_periods(periods, partial)
    regular = [period for period in periods if period not in off]
    if last in off and regular:
        context = t("headline.context", language).format(
            value=format_value(values[regular[-1]], info.unit),
            period=period_label(regular[-1], language, names),
        )
    source = str(rows["source"].iloc[-1])
    return Headline(
        info=info,
        period=period_label(last, language, names),
        value=value_with_unit(last_value, info.unit, language),
        change=change,
        flag=str(rows["flag"].iloc[-1]),
        source=(publishers or {}).get(source, source),
        context=context,
    )


def HeadlineCards(
    headlines: Sequence[Headline], language: str, page_paths: dict[str, str], anchor: Any
) -> html.Section:
    """Cards of key figures: the title links to the indicator on its theme page, 'Meer over …' to its definition;
    an illustrative figure says so on its own card (and only there: the others are real)."""
    cards = []
    for item in headlines:
        path = page_paths.get(item.info.theme, "/")
        illustrative = item.flag == FLAG_ILLUSTRATIVE
        title = item.info.text("title", language)
        body: list[Any] = [
            html.H3(
                html.A(title, href=f"{href(path, language)}#{anchor(item.info.id, 'block')}"),
                className="h6 headline-title",
            )
        ]
        if illustrative:
            body.append(
                html.P(html.Strong(t("headline.illustrative", language)), className="headline-badge mb-1")
            )
        body += [
            html.P(
                [
                    html.Span(item.value, className="headline-value"),
                    html.Br(),
                    html.Span(item.period, className="headline-period"),
                ],
                className="mb-1",
            ),
            html.P(item.change, className="mb-1"),
        ]
        if item.context:
            body.append(html.P(item.context, className="mb-1 small"))
        body += [
            html.P(
                [
                    t("headline.status", language).format(status=flag_label(item.flag, language)),
                    html.Br(),
                    t("headline.source", language).format(source=item.source),
                ],
                className="small mb-2",
            ),
            html.A(
                t("headline.more", language).format(title=title),
                href=f"{href('/methodologie', language)}#definitie-{item.info.id}",
                className="small",
            ),
        ]
        cards.append(
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(body),
                    className="h-100" + (" border-warning headline-illustrative" if illustrative else ""),
                ),
                md=6,
                lg=4,
                className="mb-3",
            )
        )
    heading = "home-headlines-heading"
    return html.Section(
        [html.H2(t("headline.heading", language), id=heading, className="h4 mt-4"), dbc.Row(cards)],
        **attributes({"aria-labelledby": heading}),
    )
