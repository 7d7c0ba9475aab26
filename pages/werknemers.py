"""Werknemers: who the IMW workers are (age, gender, education, disability, province, origin)."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.monitoring_page import ThemePage
from i18n import t

THEME = "werknemers"
PATH = "/werknemers"


dash.register_page(
    __name__,
    path=PATH,
    order=20,
    title="Werknemers – Individueel maatwerk in cijfers",
    theme=THEME,
    nav_label={"nl": t("werknemers.title", "nl"), "en": t("werknemers.title", "en")},
    nav_description={
        "nl": t("werknemers.nav_description", "nl"),
        "en": t("werknemers.nav_description", "en"),
    },
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(THEME, PATH, t("werknemers.title", lang), t("werknemers.lead", lang), lang, query)
