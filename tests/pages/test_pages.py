"""Every page: registered, linked from the home page, robust to any query string, in both languages."""

from __future__ import annotations

import importlib
import itertools
from typing import Any

import dash
import pytest
from dash import html

from services import monitoring as monitoring_data
from tests.dash_tree import find_all, text_of

THEME_PAGES = {
    "pages.tewerkstelling": "/tewerkstelling",
    "pages.werknemers": "/werknemers",
    "pages.werkgevers": "/werkgevers",
    "pages.middelen": "/middelen",
    "pages.doorstroom": "/doorstroom",
    "pages.verdringing": "/verdringing",
    "pages.collectief": "/collectief-maatwerk",
}
OTHER_PAGES = {
    "pages.home": "/",
    "pages.methodologie": "/methodologie",
    "pages.toegankelijkheid": "/toegankelijkheid",
    "pages.calculator": "/calculator",
}
ALL_PAGES = {**THEME_PAGES, **OTHER_PAGES}

GARBAGE_QUERIES: list[dict[str, Any]] = [
    {},
    {"lang": "en"},
    {"lang": "xx"},
    {"lang": ["nl", "en"]},
    {"imw_workers.by": "nonsense", "imw_workers.from": "2030", "imw_workers.to": "abc"},
    {"imw_workers.from": "2025", "imw_workers.to": "2023"},
    {"cmw_queue.view": "<script>alert(1)</script>", "unknown_indicator.by": "x", "utm_source": "mail"},
    {"": "", "a" * 300: "b" * 3000},
]


def layout_of(module: str, **query: Any) -> html.Div:
    """A page's layout function as Dash calls it (before the app compacts it); the seven theme pages are
    registered from one table in pages/themes.py."""
    from pages import themes

    theme_pages = {f"pages.{theme}": (theme, path) for theme, path, _ in themes.THEME_PAGES}
    if module in theme_pages:
        return themes.theme_layout(*theme_pages[module], **query)
    return importlib.import_module(module).layout(**query)


def hrefs(component: Any) -> set[str]:
    return {link.href for link in find_all(component, html.A) if getattr(link, "href", None)}


@pytest.mark.usefixtures("portal")
def test_every_theme_page_is_in_the_navigation_in_both_languages():
    registry = {page["module"]: page for page in dash.page_registry.values()}
    for module, path in THEME_PAGES.items():
        page = registry[module]
        assert page["path"] == path
        assert set(page["nav_label"]) == {"nl", "en"} and all(page["nav_label"].values())
        assert set(page["nav_description"]) == {"nl", "en"}


@pytest.mark.usefixtures("portal")
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_home_page_links_to_every_page(language):
    links = {link.split("?")[0].split("#")[0] for link in hrefs(layout_of("pages.home", lang=language))}
    registered = {page["path"] for page in dash.page_registry.values() if page["path"] != "/404"}
    assert registered <= links


@pytest.mark.usefixtures("portal")
def test_the_home_page_says_what_imw_is_in_three_sentences_and_shows_key_figures():
    page = layout_of("pages.home")
    lead = next(p for p in find_all(page, html.P) if "home-lead" in (getattr(p, "className", "") or ""))
    assert text_of(lead).count(". ") + 1 == 3
    text = text_of(page)
    assert "Kerncijfers" in text
    # Three of the six key figures are real: the illustrative notice stands on the other three only.
    assert text.count("Illustratief — geen officieel cijfer") == 3
    assert "Illustratieve gegevens — geen officiële cijfers" not in text
    # Every key figure has its unit; the contingent is in full-time equivalents.
    assert "19.913,8\u00a0VTE" in text and "\u00a0personen" in text


@pytest.mark.usefixtures("portal")
@pytest.mark.parametrize("module", sorted(ALL_PAGES))
@pytest.mark.parametrize("query", GARBAGE_QUERIES, ids=range(len(GARBAGE_QUERIES)))
def test_no_query_string_breaks_a_page(module, query):
    page = layout_of(module, **query)
    assert find_all(page, html.H1), "every page keeps its main heading"


@pytest.mark.usefixtures("portal")
def test_a_bad_link_on_a_theme_page_gives_the_default_view_and_a_short_message():
    text = text_of(
        layout_of(
            "pages.tewerkstelling", **{"imw_workers.by": "nonsense", "lang": "xx", "imw_fte.colour": "red"}
        )
    )
    assert "onbekende uitsplitsing ‘nonsense’" in text
    assert "Onbekende taal ‘xx’" in text
    assert "‘imw_fte.colour’" in text


@pytest.mark.usefixtures("portal", "fake_data")
def test_a_theme_page_shows_a_block_per_indicator_of_its_theme_with_a_table_of_contents():
    page = layout_of("pages.collectief")
    headings = [text_of(h2) for h2 in find_all(page, html.H2)]
    assert headings[:3] == ["Op deze pagina", "Wachtenden", "Uitgaven collectief maatwerk"]


@pytest.mark.usefixtures("portal")
def test_every_page_has_one_main_heading_and_headings_in_order():
    for module in ALL_PAGES:
        page = layout_of(module)
        levels = [
            int(type(h).__name__[1]) for h in find_all(page, (html.H1, html.H2, html.H3, html.H4, html.H5))
        ]
        assert levels.count(1) == 1, module
        assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), module


@pytest.mark.usefixtures("portal")
def test_the_methodology_page_lists_every_source_with_its_status_and_every_illustrative_indicator():
    text = text_of(layout_of("pages.methodologie"))
    for source in monitoring_data.localised_sources(monitoring_data.load_sources(), "nl")["title"]:
        assert source in text
    assert ".py" not in text and ".yaml" not in text and "data/" not in text  # no file of the portal named
    assert "secundaire bron, na te kijken" in text
    frame = monitoring_data.load_frame()
    catalogue = monitoring_data.load_catalogue()
    for indicator in set(frame.loc[frame["flag"] == "i", "indicator"]):
        assert monitoring_data.find_indicator(indicator, catalogue).text("title", "nl") in text


@pytest.mark.usefixtures("portal")
def test_the_accessibility_statement_names_the_norm_what_was_tested_and_the_limits():
    text = text_of(layout_of("pages.toegankelijkheid", lang="en"))
    assert "WCAG" in text and "2.1, level AA" in text
    assert "axe-core" in text and "keyboard" in text
    assert "Known limits" in text


@pytest.mark.usefixtures("portal")
def test_pages_show_a_message_when_the_data_cannot_be_loaded(monkeypatch):
    def broken() -> None:
        raise monitoring_data.DataUnavailable("gone")

    monkeypatch.setattr(monitoring_data, "load_catalogue", broken)
    for module in [*THEME_PAGES, "pages.home", "pages.methodologie"]:
        assert "niet beschikbaar" in text_of(layout_of(module)), module


def test_every_module_of_pages_is_imported_with_the_app_so_that_its_callbacks_are_registered(portal):
    import sys

    from tests.test_architecture import project_modules

    pages = [module for module in project_modules() if module.startswith("pages.")]
    assert "pages.indicator_blocks" in pages and "pages.navigation" in pages
    assert [module for module in pages if module not in sys.modules] == []


def test_the_indicator_blocks_and_the_menu_answer_in_the_built_app(portal):
    from components.monitoring.ids import GRAPH_TYPE
    from components.shell.layout import NAV_COLLAPSE_ID

    graph = portal.server.test_client().get("/_dash-dependencies").get_json()
    outputs = [item["output"] for item in graph]
    assert any(f'"type":"{GRAPH_TYPE}"' in output for output in outputs)
    assert any(f"{NAV_COLLAPSE_ID}.is_open" in output for output in outputs)
