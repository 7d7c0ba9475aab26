"""Middelen: the means spent on IMW premiums, their revisions, and the minimum wage they build on."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.i18n import register, t
from components.monitoring_page import ThemePage

THEME = "middelen"
PATH = "/middelen"

register(
    {
        "middelen.title": {
            "nl": "Middelen",
            "en": "Means",
        },
        "middelen.lead": {
            "nl": "Hoeveel loonpremie en begeleidingspremie werd uitbetaald, hoe vaak een premie herzien werd, en "
            "het minimumloon waarop de premie rekent.",
            "en": "How much wage premium and coaching premium was paid, how often a premium was revised, and the "
            "minimum wage the premium builds on.",
        },
        "middelen.nav_description": {
            "nl": "Uitbetaalde premies en herzieningen",
            "en": "Premiums paid and revisions",
        },
    }
)

dash.register_page(
    __name__,
    path=PATH,
    order=40,
    title="Middelen – Individueel maatwerk in cijfers",
    theme=THEME,
    nav_label={"nl": t("middelen.title", "nl"), "en": t("middelen.title", "en")},
    nav_description={"nl": t("middelen.nav_description", "nl"), "en": t("middelen.nav_description", "en")},
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(THEME, PATH, t("middelen.title", lang), t("middelen.lead", lang), lang, query)
