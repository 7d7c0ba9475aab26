"""Werkgevers: the employers of IMW workers by sector, statute, size and region."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.monitoring_page import ThemePage
from i18n import t

THEME = "werkgevers"
PATH = "/werkgevers"


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
