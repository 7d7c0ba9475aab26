"""Collectief maatwerk: the context series (contingent, workers, queue, budget)."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.monitoring_page import ThemePage
from i18n import t

THEME = "collectief"
PATH = "/collectief-maatwerk"


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
