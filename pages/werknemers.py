"""Werknemers: who the IMW workers are (age, gender, education, disability, province, origin)."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.i18n import register, t
from components.monitoring_page import ThemePage

THEME = "werknemers"
PATH = "/werknemers"

register(
    {
        "werknemers.title": {
            "nl": "Werknemers",
            "en": "Workers",
        },
        "werknemers.lead": {
            "nl": "Wie de werknemers met individueel maatwerk zijn: leeftijd, geslacht, opleiding, soort "
            "arbeidsbeperking, provincie en herkomst.",
            "en": "Who the workers with individueel maatwerk are: age, gender, education, type of disability, "
            "province and origin.",
        },
        "werknemers.nav_description": {
            "nl": "Wie de werknemers zijn",
            "en": "Who the workers are",
        },
    }
)

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
