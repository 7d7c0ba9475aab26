"""Collectief maatwerk: the context series (contingent, workers, queue, budget)."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.i18n import register, t
from components.monitoring_page import ThemePage

THEME = "collectief"
PATH = "/collectief-maatwerk"

register(
    {
        "collectief.title": {
            "nl": "Collectief maatwerk",
            "en": "Collective maatwerk",
        },
        "collectief.lead": {
            "nl": "De context van individueel maatwerk: het contingent van de maatwerkbedrijven, hun werknemers, de"
            " wachtenden met een advies, en het budget.",
            "en": "The context of individueel maatwerk: the contingent of the maatwerkbedrijven, their workers, the"
            " job-seekers waiting with an advice, and the budget.",
        },
        "collectief.nav_description": {
            "nl": "Contingent, wachtenden en budget",
            "en": "Contingent, queue and budget",
        },
    }
)

dash.register_page(
    __name__,
    path=PATH,
    order=70,
    title="Collectief maatwerk – Individueel maatwerk in cijfers",
    theme=THEME,
    nav_label={"nl": t("collectief.title", "nl"), "en": t("collectief.title", "en")},
    nav_description={
        "nl": t("collectief.nav_description", "nl"),
        "en": t("collectief.nav_description", "en"),
    },
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(THEME, PATH, t("collectief.title", lang), t("collectief.lead", lang), lang, query)
