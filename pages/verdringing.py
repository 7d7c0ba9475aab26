"""Verdringing: each group's share among IMW workers against its share in the target population."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.monitoring_page import ThemePage
from i18n import t

THEME = "verdringing"
PATH = "/verdringing"


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
