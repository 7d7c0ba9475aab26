"""Home: what IMW is, in plain words; the key figures of the latest year; a way into each theme and every page."""

from __future__ import annotations

from typing import Any, Final

import dash
import dash_bootstrap_components as dbc
from dash import html

from components.monitoring.headlines import HeadlineCards, headline
from components.monitoring.ids import anchor_id
from components.monitoring.indicator_view import source_publishers
from components.shell.layout import PageHeader, PageShell, href, nav_pages
from i18n import normalise_language, t
from services import monitoring as monitoring_data

dash.register_page(__name__, path="/", order=0, title=t("site.title", "nl"))

# The key figures, in this order: three of IMW (illustrative until the department's file is loaded) and three
# published series of collective maatwerk; an id missing from the catalogue is skipped.
HEADLINE_INDICATORS: Final = (
    "imw_workers",
    "imw_employers",
    "imw_loonpremie_paid",
    "cmw_contingent_filled",
    "cmw_queue",
    "cmw_doorstroom_regular",
)


def theme_paths() -> dict[str, str]:
    """{theme: path} of the registered theme pages (pages register with `theme=`)."""
    return {page["theme"]: page["path"] for page in dash.page_registry.values() if page.get("theme")}


def _headlines(language: str) -> Any:
    try:
        catalogue = monitoring_data.load_catalogue()
        frame = monitoring_data.load_frame()
        sources = monitoring_data.localised_sources(monitoring_data.load_sources(), language)
        publishers = source_publishers(sources)
    except monitoring_data.DataUnavailable:
        return dbc.Alert(t("data.unavailable", language), color="warning")
    items = []
    for indicator_id in HEADLINE_INDICATORS:
        info = monitoring_data.find_indicator(indicator_id, catalogue)
        item = headline(info, frame, language, publishers) if info else None
        if item is not None:
            items.append(item)
    return HeadlineCards(items, language, theme_paths(), anchor_id)


def _card(title: str, path: str, description: str, language: str) -> dbc.Col:
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H3(html.A(title, href=href(path, language)), className="h5"),
                    html.P(description, className="mb-0"),
                ]
            ),
            className="h-100",
        ),
        md=6,
        lg=4,
        className="mb-3",
    )


def layout(lang: str = "nl", **query: Any) -> html.Div:
    language = normalise_language(lang)
    themes = [
        _card(
            page["nav_label"][language],
            page["path"],
            page.get("nav_description", {}).get(language, ""),
            language,
        )
        for page in nav_pages()
        if page["path"] != "/" and page.get("nav_group") != "about"  # those two are under "Over dit portaal"
    ]
    about = [
        _card(
            t("footer.methodology", language),
            "/methodologie",
            t("home.about.methodology", language),
            language,
        ),
        _card(
            t("footer.accessibility", language),
            "/toegankelijkheid",
            t("home.about.accessibility", language),
            language,
        ),
    ]
    return PageShell(
        language,
        "/",
        [
            PageHeader(t("site.title", language), t("site.tagline", language)),
            html.H2(t("home.what", language), className="h4"),
            html.P(t("home.lead", language), className="home-lead"),
            _headlines(language),
            html.H2(t("home.themes", language), className="h4 mt-4"),
            dbc.Row(themes),
            html.H2(t("home.about", language), className="h4 mt-4"),
            dbc.Row(about),
        ],
        query={"lang": language, **query},
    )
