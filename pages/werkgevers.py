"""Werkgevers: the employers of IMW workers by sector, statute, size and region."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.i18n import register, t
from components.monitoring_page import ThemePage

THEME = "werkgevers"
PATH = "/werkgevers"

register(
    {
        "werkgevers.title": {
            "nl": "Werkgevers",
            "en": "Employers",
        },
        "werkgevers.lead": {
            "nl": "Bij welke werkgevers mensen met individueel maatwerk werken: sector, statuut, grootte en "
            "vestiging.",
            "en": "Which employers people with individueel maatwerk work for: sector, statute, size and location.",
        },
        "werkgevers.nav_description": {
            "nl": "Sector, statuut, grootte en regio",
            "en": "Sector, statute, size and region",
        },
    }
)

dash.register_page(
    __name__,
    path=PATH,
    order=30,
    title="Werkgevers – Individueel maatwerk in cijfers",
    theme=THEME,
    nav_label={"nl": t("werkgevers.title", "nl"), "en": t("werkgevers.title", "en")},
    nav_description={
        "nl": t("werkgevers.nav_description", "nl"),
        "en": t("werkgevers.nav_description", "en"),
    },
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(THEME, PATH, t("werkgevers.title", lang), t("werkgevers.lead", lang), lang, query)
