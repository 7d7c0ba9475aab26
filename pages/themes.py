"""The seven monitoring theme pages, registered from one table: a theme's indicators come from the catalogue
(data/monitoring/indicators.yaml), its title, lead and menu text from i18n/catalogue/monitoring.yaml. A new theme
page is one row here and its texts there."""

from __future__ import annotations

from functools import partial
from typing import Any, Final

import dash
from dash import html

from components.monitoring.page import ThemePage
from i18n import t

#: (theme, path, place in the menu); the theme's texts are `<theme>.title`, `.lead` and `.nav_description`.
THEME_PAGES: Final = (
    ("tewerkstelling", "/tewerkstelling", 10),
    ("werknemers", "/werknemers", 20),
    ("werkgevers", "/werkgevers", 30),
    ("middelen", "/middelen", 40),
    ("doorstroom", "/doorstroom", 50),
    ("verdringing", "/verdringing", 60),
    ("collectief", "/collectief-maatwerk", 70),
)


def theme_layout(theme: str, path: str, lang: str = "nl", **query: Any) -> html.Div:
    return ThemePage(theme, path, t(f"{theme}.title", lang), t(f"{theme}.lead", lang), lang, query)


for theme, path, order in THEME_PAGES:
    dash.register_page(  # type: ignore[no-untyped-call]  # Dash does not type it
        f"pages.{theme}",
        path=path,
        order=order,
        title=f"{t(f'{theme}.title', 'nl')} – {t('site.title', 'nl')}",
        theme=theme,
        nav_label={language: t(f"{theme}.title", language) for language in ("nl", "en")},
        nav_description={language: t(f"{theme}.nav_description", language) for language in ("nl", "en")},
        layout=partial(theme_layout, theme, path),
    )
