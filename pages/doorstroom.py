"""Doorstroom en terugval: moves between collective maatwerk, IMW and jobs without premium, and early exits."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.monitoring_page import ThemePage
from i18n import t

THEME = "doorstroom"
PATH = "/doorstroom"


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
