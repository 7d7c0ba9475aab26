"""Verdringing: each group's share among IMW workers against its share in the target population."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.i18n import register, t
from components.monitoring_page import ThemePage

THEME = "verdringing"
PATH = "/verdringing"

register(
    {
        "verdringing.title": {
            "nl": "Verdringing",
            "en": "Displacement",
        },
        "verdringing.lead": {
            "nl": "Krijgt elke groep uit de doelgroep haar deel van individueel maatwerk? Het aandeel van elke "
            "groep bij IMW, jaar na jaar, naast haar aandeel in de doelgroep, met de opvallende veranderingen"
            " aangeduid.",
            "en": "Does each group of the target population get its share of individueel maatwerk? Each group's "
            "share in IMW, year by year, beside its share in the target population, with notable changes "
            "flagged.",
        },
        "verdringing.nav_description": {
            "nl": "Aandeel van elke groep tegenover de doelgroep",
            "en": "Each group's share against the target population",
        },
    }
)

dash.register_page(
    __name__,
    path=PATH,
    order=60,
    title="Verdringing – Individueel maatwerk in cijfers",
    theme=THEME,
    nav_label={"nl": t("verdringing.title", "nl"), "en": t("verdringing.title", "en")},
    nav_description={
        "nl": t("verdringing.nav_description", "nl"),
        "en": t("verdringing.nav_description", "en"),
    },
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(THEME, PATH, t("verdringing.title", lang), t("verdringing.lead", lang), lang, query)
