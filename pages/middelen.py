"""Middelen: the means spent on IMW premiums, their revisions, and the minimum wage they build on."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.monitoring_page import ThemePage
from i18n import t

THEME = "middelen"
PATH = "/middelen"


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
