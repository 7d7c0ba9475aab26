"""Tewerkstelling: how many people work with individueel maatwerk, in persons and FTE, and how many start."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.monitoring_page import ThemePage
from i18n import t

THEME = "tewerkstelling"
PATH = "/tewerkstelling"


dash.register_page(
    __name__,
    path=PATH,
    order=10,
    title="Tewerkstelling – Individueel maatwerk in cijfers",
    theme=THEME,
    nav_label={"nl": t("tewerkstelling.title", "nl"), "en": t("tewerkstelling.title", "en")},
    nav_description={
        "nl": t("tewerkstelling.nav_description", "nl"),
        "en": t("tewerkstelling.nav_description", "en"),
    },
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(
        THEME, PATH, t("tewerkstelling.title", lang), t("tewerkstelling.lead", lang), lang, query
    )
