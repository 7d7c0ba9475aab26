"""Home: what IMW is, in plain words, and a way into each theme."""

from __future__ import annotations

from typing import Any

import dash
import dash_bootstrap_components as dbc
from dash import html

from components.i18n import normalise_language, register, t
from components.layout import PageHeader, PageShell, href, nav_pages

dash.register_page(__name__, path="/", order=0, title="Individueel maatwerk in cijfers")

register(
    {
        "home.lead": {
            "nl": "Individueel maatwerk helpt gewone werkgevers om mensen met een arbeidsbeperking aan te werven "
            "en aan het werk te houden. De werkgever krijgt een loonpremie, een deel van het loon, en soms een "
            "begeleidingspremie voor begeleiding op de werkvloer. De Vlaamse overheid betaalt elke premie die "
            "wordt toegekend: er is geen maximum aantal.",
            "en": "Individueel maatwerk helps regular employers hire and keep people with an occupational "
            "disability. The employer gets a wage premium, part of the wage, and sometimes a coaching premium for "
            "support on the work floor. The Flemish government pays every premium granted: there is no cap on "
            "their number.",
        },
        "home.themes": {"nl": "Thema's", "en": "Themes"},
    }
)


def layout(lang: str = "nl", **query: Any) -> html.Div:
    language = normalise_language(lang)
    cards = [
        dbc.Col(
            dbc.Card(
                dbc.CardBody(
                    [
                        html.H3(
                            html.A(page["nav_label"][language], href=href(page["path"], language)),
                            className="h5",
                        ),
                        html.P(page.get("nav_description", {}).get(language, ""), className="mb-0"),
                    ]
                )
            ),
            md=6,
            lg=4,
            className="mb-3",
        )
        for page in nav_pages()
        if page["path"] != "/"
    ]
    return PageShell(
        language,
        "/",
        [
            PageHeader(t("site.title", language), t("site.tagline", language)),
            html.P(t("home.lead", language)),
            html.H2(t("home.themes", language), className="h4 mt-4"),
            dbc.Row(cards),
        ],
        query={"lang": lang, **query},
    )
