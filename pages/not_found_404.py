"""Shown for a path that is no page of the portal."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.shell.layout import PageHeader, PageShell, href
from i18n import normalise_language, t

dash.register_page(__name__, path="/404", title=t("notfound.title", "nl"))


def layout(lang: str = "nl", **_query: Any) -> html.Div:
    language = normalise_language(lang)
    return PageShell(
        language,
        "/404",
        [
            PageHeader(t("notfound.title", language)),
            html.P(html.A(t("notfound.lead", language), href=href("/", language))),
        ],
    )
