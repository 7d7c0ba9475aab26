"""Headline figures for the home page: the latest value of a few indicators, their change, status and source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.formatting import format_value
from components.i18n import register, t
from components.layout import IllustrativeBanner, href
from components.monitoring_data import IndicatorInfo
from components.monitoring_frames import (
    FLAG_ILLUSTRATIVE,
    flag_label,
    period_label,
    periods_of,
    select_rows,
)
from components.summary import change_text
from data.monitoring.schema import TOTAL

register(
    {
        "headline.heading": {"nl": "Kerncijfers", "en": "Key figures"},
        "headline.change.up": {"nl": "+{change} tegenover {period}", "en": "+{change} on {period}"},
        "headline.change.down": {"nl": "−{change} tegenover {period}", "en": "−{change} on {period}"},
        "headline.change.same": {"nl": "gelijk aan {period}", "en": "same as {period}"},
        "headline.change.none": {"nl": "geen vorig cijfer", "en": "no earlier figure"},
        "headline.status": {"nl": "Status: {status}", "en": "Status: {status}"},
        "headline.source": {"nl": "Bron: {source}", "en": "Source: {source}"},
        "headline.more": {"nl": "Meer over {title}", "en": "More on {title}"},
    }
)


@dataclass(frozen=True)
class Headline:
    """One key figure: the latest value of an indicator's total and its change on the period before."""

    info: IndicatorInfo
    period: str
    value: str
    change: str
    flag: str
    source: str


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
    last, last_value = periods[-1], float(rows["value"].iloc[-1])
    if len(rows) >= 2:
        previous, previous_value = periods[-2], float(rows["value"].iloc[-2])
        size, sign = change_text(last_value, previous_value, info.unit, language)
        previous_label = period_label(previous, language, names)
        if sign == 0 or not size:
            change = t("headline.change.same", language).format(period=previous_label)
        else:
            key = "headline.change.up" if sign > 0 else "headline.change.down"
            change = t(key, language).format(change=size, period=previous_label)
    else:
        change = t("headline.change.none", language)
    source = str(rows["source"].iloc[-1])
    return Headline(
        info=info,
        period=period_label(last, language, names),
        value=format_value(last_value, info.unit),
        change=change,
        flag=str(rows["flag"].iloc[-1]),
        source=(publishers or {}).get(source, source),
    )


def HeadlineCards(
    headlines: Sequence[Headline], language: str, page_paths: dict[str, str], anchor: Any
) -> html.Section:
    """Cards of key figures, each linking to its indicator on its theme page; the illustrative warning above
    them when any card shows an illustrative figure (and the word 'illustratief' on that card)."""
    cards = []
    for item in headlines:
        path = page_paths.get(item.info.theme, "/")
        illustrative = item.flag == FLAG_ILLUSTRATIVE
        cards.append(
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.H3(item.info.text("title", language), className="h6 headline-title"),
                            html.P(
                                [
                                    html.Span(item.value, className="headline-value"),
                                    html.Br(),
                                    html.Span(item.period, className="headline-period"),
                                ],
                                className="mb-1",
                            ),
                            html.P(item.change, className="mb-1"),
                            html.P(
                                [
                                    t("headline.status", language).format(
                                        status=flag_label(item.flag, language)
                                    ),
                                    html.Br(),
                                    t("headline.source", language).format(source=item.source),
                                ],
                                className="small mb-2",
                            ),
                            html.A(
                                t("headline.more", language).format(title=item.info.text("title", language)),
                                href=f"{href(path, language)}#{anchor(item.info.id, 'block')}",
                                className="small",
                            ),
                        ]
                    ),
                    className="h-100" + (" border-warning headline-illustrative" if illustrative else ""),
                ),
                md=6,
                lg=4,
                className="mb-3",
            )
        )
    heading = "home-headlines-heading"
    banner = (
        IllustrativeBanner(language) if any(item.flag == FLAG_ILLUSTRATIVE for item in headlines) else None
    )
    return html.Section(
        [html.H2(t("headline.heading", language), id=heading, className="h4 mt-4"), banner, dbc.Row(cards)],
        **{"aria-labelledby": heading},
    )
