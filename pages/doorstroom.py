"""Doorstroom en terugval: moves between collective maatwerk, IMW and jobs without premium, and early exits."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.i18n import register, t
from components.monitoring_page import ThemePage

THEME = "doorstroom"
PATH = "/doorstroom"

register(
    {
        "doorstroom.title": {
            "nl": "Doorstroom en terugval",
            "en": "Transitions and fallback",
        },
        "doorstroom.lead": {
            "nl": "Wie van collectief naar individueel maatwerk gaat, wie doorstroomt naar een job zonder premie, "
            "wie terugkeert naar een maatwerkbedrijf, en welke jobs vroeg eindigen.",
            "en": "Who moves from collective to individueel maatwerk, who moves on to a job without premium, who "
            "returns to a maatwerkbedrijf, and which jobs end early.",
        },
        "doorstroom.nav_description": {
            "nl": "Overstappen, terugkeer en vroegtijdig einde",
            "en": "Moves, returns and early exits",
        },
    }
)

dash.register_page(
    __name__,
    path=PATH,
    order=50,
    title="Doorstroom en terugval – Individueel maatwerk in cijfers",
    theme=THEME,
    nav_label={"nl": t("doorstroom.title", "nl"), "en": t("doorstroom.title", "en")},
    nav_description={
        "nl": t("doorstroom.nav_description", "nl"),
        "en": t("doorstroom.nav_description", "en"),
    },
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(THEME, PATH, t("doorstroom.title", lang), t("doorstroom.lead", lang), lang, query)
