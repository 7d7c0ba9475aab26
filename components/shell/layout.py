"""The page shell and small layout factories shared by every page.

Every page layout returns `PageShell(...)`: a skip link, the header with the main navigation and the language
switch, the page's own content in <main>, and the footer. The navigation is read from Dash's page registry
(pages register with `nav_label={"nl": ..., "en": ...}`), so adding a page never edits this file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

import dash
import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from components.shell.dom import attributes
from i18n import normalise_language, t

MAIN_CONTENT_ID = "main-content"
NAV_TOGGLER_ID = "shell-nav-toggler"
NAV_COLLAPSE_ID = "shell-nav-collapse"


def href(path: str, language: str, **query: Any) -> str:
    """A link to `path` in `language`, with extra query parameters; Dutch needs no parameter."""
    params = {key: value for key, value in query.items() if value not in (None, "")}
    if normalise_language(language) != "nl":
        params = {"lang": normalise_language(language), **params}
    return f"{path}?{urlencode(params, doseq=True)}" if params else path


def nav_pages() -> list[dict[str, Any]]:
    """Registered pages that ask to be in the main navigation, in their order."""
    pages = [page for page in dash.page_registry.values() if page.get("nav_label")]
    return sorted(pages, key=lambda page: (page.get("order") or 0, page["path"]))


def PageHeader(title: str, lead: str | None = None) -> html.Div:
    """The title block of a page: one <h1> and an optional lead paragraph."""
    children: list[Any] = [html.H1(title, className="h2 mt-3")]
    if lead:
        children.append(html.P(lead, className="lead"))
    return html.Div(children, className="page-header mb-3")


def IllustrativeBanner(language: str, extra: str | None = None) -> html.Div:
    """The visible warning on every view that shows illustrative (flag i) data.

    A plain Bootstrap alert box with role "note": dbc.Alert takes no `role`, and its own role "alert" would
    interrupt screen readers each time a chart is redrawn.
    """
    text = t("illustrative.banner", language)
    return html.Div(
        [html.Strong(text), *([" ", extra] if extra else [])],
        className="alert alert-warning illustrative-banner py-2",
        role="note",
    )


def _header(language: str, path: str, query: dict[str, Any]) -> html.Header:
    other = "en" if language == "nl" else "nl"
    links = [
        dbc.NavItem(
            dbc.NavLink(
                page["nav_label"][language],
                href=href(page["path"], language),
                active=page["path"] == path,
                # The page's own link loads it afresh: its view lives in the query string, which Dash's router
                # does not see change, so a router link to the same path would leave the view as it is.
                external_link=page["path"] == path,
            )
        )
        for page in nav_pages()
    ]
    switch_query = {key: value for key, value in query.items() if key != "lang"}
    return html.Header(
        dbc.Navbar(
            dbc.Container(
                [
                    dbc.NavbarBrand(t("site.title", language), href=href("/", language)),
                    # On a narrow screen the menu folds behind this button (WCAG 1.4.10, reflow).
                    html.Button(
                        html.Span(className="navbar-toggler-icon"),
                        id=NAV_TOGGLER_ID,
                        className="navbar-toggler",
                        type="button",
                        n_clicks=0,
                        **attributes(
                            {
                                "aria-label": t("nav.menu", language),
                                "aria-controls": NAV_COLLAPSE_ID,
                                "aria-expanded": "false",
                            }
                        ),
                    ),
                    dbc.Collapse(
                        [
                            html.Nav(
                                dbc.Nav(links, navbar=True, className="flex-wrap"),
                                **attributes({"aria-label": t("nav.label", language)}),
                            ),
                            html.A(
                                t("nav.language", language),
                                href=href(path, other, **switch_query),
                                lang=other,
                                title=t("nav.language.title", language),
                                className="btn btn-outline-light btn-sm ms-lg-3 my-2 my-lg-0 language-switch",
                            ),
                        ],
                        id=NAV_COLLAPSE_ID,
                        is_open=False,
                        navbar=True,
                    ),
                ],
                fluid=True,
            ),
            color="dark",
            dark=True,
            expand="lg",
        )
    )


def _footer(language: str) -> html.Footer:
    return html.Footer(
        dbc.Container(
            [
                html.P(t("footer.open_source", language), className="mb-1"),
                html.P(
                    [
                        html.A(t("footer.methodology", language), href=href("/methodologie", language)),
                        " · ",
                        html.A(t("footer.accessibility", language), href=href("/toegankelijkheid", language)),
                    ]
                ),
            ],
            fluid=True,
        ),
        className="site-footer mt-5 py-3 border-top",
    )


def PageShell(
    language: str,
    path: str,
    children: Sequence[Any] | Any,
    query: dict[str, Any] | None = None,
) -> html.Div:
    """The whole page around `children`; `lang` on the wrapper tells screen readers the language."""
    language = normalise_language(language)
    return html.Div(
        [
            html.A(
                t("nav.skip", language), href=f"#{MAIN_CONTENT_ID}", className="visually-hidden-focusable"
            ),
            _header(language, path, query or {}),
            html.Main(
                dbc.Container(children, fluid="lg"),
                id=MAIN_CONTENT_ID,
                tabIndex="-1",
            ),
            _footer(language),
        ],
        lang=language,
    )


def fill_outputs(tree: Any, values: dict[tuple[str, str], Any]) -> None:
    """Set each (component id, property) of `values` on the component with that id in `tree`.

    A component that is missing from the tree is an error: the page would show an empty place."""
    remaining = dict(values)
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, tuple)):
            stack.extend(node)
            continue
        if not isinstance(node, Component):
            continue
        node_id = getattr(node, "id", None)
        if isinstance(node_id, str):
            for (component_id, prop), value in list(remaining.items()):
                if component_id == node_id:
                    setattr(node, prop, value)
                    del remaining[(component_id, prop)]
        stack.extend(child for child in _children_of(node) if child is not None)
    if remaining:
        raise LookupError(f"the layout has no component for {sorted(remaining)}")


def _children_of(component: Component) -> list[Any]:
    """The components held in a component's properties (children and component-valued props)."""
    held = []
    for prop in component._prop_names:
        value = getattr(component, prop, None)
        if isinstance(value, (Component, list, tuple)):
            held.append(value)
    return held
