"""The page of the calculator "Wat krijgt een werkgever?" / "What does an employer get?" (issue 10).

What it reads, computes and shows, and how its link holds the calculation, is in components/simulator/calculator.py; the
figures come from `data.single_case` (the functions of `imw case`). The first result is in the page when it
arrives (`layout` builds it with `page_outputs`, the callback's own function), so the callback `update` runs only
when a field changes; the link in the address bar follows in the browser.
"""

from __future__ import annotations

from typing import Any

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, dcc, html

from components.shell.dom import attributes
from components.shell.layout import PageHeader, PageShell
from components.simulator.calculator import (
    DATE_RANGE,
    FIELDS,
    LANGUAGE_ID,
    PATH,
    RESULT_ID,
    STATE_ID,
    URL_SYNC_ID,
    feedback_id,
    field_id,
    help_id,
    options,
    page_outputs,
    read_link,
)
from i18n import normalise_language, t

dash.register_page(  # type: ignore[no-untyped-call]  # Dash's register_page has no annotations
    __name__,
    path=PATH,
    order=85,
    title=f"{t('calc.nav', 'nl')} – {t('site.title', 'nl')}",
    nav_label={"nl": t("calc.nav", "nl"), "en": t("calc.nav", "en")},
    nav_description={"nl": t("calc.nav_description", "nl"), "en": t("calc.nav_description", "en")},
)

# --- the page ---------------------------------------------------------------------------------------------------


def _field(name: str, value: str, language: str, error: str | None) -> html.Div:
    """A labelled field; its help is part of its label (so that a screen reader reads both), its message at the
    field below it when it is wrong."""
    widget: Any
    if name in ("pakket", "begeleiding"):
        widget = dbc.Select(
            id=field_id(name), options=options(name, language), value=value, invalid=bool(error)
        )
    else:
        extra: dict[str, Any] = {}
        if name == "datum":
            extra = {"type": "date", "min": DATE_RANGE[0].isoformat(), "max": DATE_RANGE[1].isoformat()}
        else:
            extra = {
                "type": "text",
                "inputmode": "numeric" if name == "kwartaal" else "decimal",
                "debounce": 400,
            }
        widget = dbc.Input(id=field_id(name), value=value, invalid=bool(error), autocomplete="off", **extra)
    label: list[Any] = [t(f"calc.label.{name}", language)]
    if name not in ("pakket", "begeleiding"):
        label.append(
            html.Span(t(f"calc.help.{name}", language), id=help_id(name), className="d-block form-text")
        )
    return html.Div(
        [
            dbc.Label(label, html_for=field_id(name), class_name="mb-1"),
            widget,
            dbc.FormFeedback(error or "", id=feedback_id(name), type="invalid"),
        ],
        className="mb-3",
    )


def layout(lang: str = "nl", **query: Any) -> html.Div:
    language = normalise_language(lang)
    values, refused = read_link(query, language)
    errors, result, state = page_outputs(values, language)
    notices: list[Any] = []
    if refused:
        names = ", ".join(f"‘{t(f'calc.label.{name}', language)}’" for name in refused)
        notices.append(
            html.Div(
                t("calc.link.ignored", language).format(fields=names),
                className="alert alert-warning py-2",
                role="status",
                id="calc-link-notice",
            )
        )
    form = html.Section(
        [html.H2(t("calc.inputs", language), className="h4")]
        + [_field(name, values[name], language, errors.get(name)) for name in FIELDS],
        className="calc-form",
        **attributes({"aria-label": t("calc.inputs", language)}),
    )
    return PageShell(
        language,
        PATH,
        [
            PageHeader(t("calc.nav", language), t("calc.lead", language)),
            *notices,
            html.P(t("calc.honest", language), className="alert alert-info py-2", role="note"),
            dbc.Row(
                [
                    dbc.Col(form, lg=4, className="mb-3"),
                    dbc.Col(
                        html.Div(result, id=RESULT_ID, **attributes({"aria-live": "polite"})),
                        lg=8,
                    ),
                ]
            ),
            dcc.Store(id=STATE_ID, data=state),
            dcc.Store(id=LANGUAGE_ID, data=language),
            html.Div(id=URL_SYNC_ID, hidden=True),
        ],
        query={"lang": language, **query},
    )


@callback(
    *[Output(field_id(name), "invalid") for name in FIELDS],
    *[Output(feedback_id(name), "children") for name in FIELDS],
    Output(RESULT_ID, "children"),
    Output(STATE_ID, "data"),
    *[Input(field_id(name), "value") for name in FIELDS],
    State(LANGUAGE_ID, "data"),
    prevent_initial_call=True,
)
def update(*args: object) -> tuple[Any, ...]:
    """A field changed: check every field, compute, and give the link's state."""
    values = dict(zip(FIELDS, args[: len(FIELDS)], strict=True))
    language = normalise_language(args[len(FIELDS)])
    errors, result, state = page_outputs(values, language)
    return (
        *[name in errors for name in FIELDS],
        *[errors.get(name, "") for name in FIELDS],
        result,
        state,
    )


# The link in the address bar follows the fields without building the page again; the language switch too.
clientside_callback(
    """
    function (state) {
        if (!state || typeof state !== "object") { return window.dash_clientside.no_update; }
        var params = new URLSearchParams(window.location.search);
        Object.keys(state).forEach(function (name) {
            if (state[name]) { params.set(name, state[name]); } else { params.delete(name); }
        });
        var query = params.toString();
        var target = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
        if (target !== window.location.pathname + window.location.search + window.location.hash) {
            window.history.replaceState(window.history.state, "", target);
        }
        document.querySelectorAll("a.language-switch").forEach(function (link) {
            var url = new URL(link.getAttribute("href"), window.location.href);
            Object.keys(state).forEach(function (name) {
                if (state[name]) { url.searchParams.set(name, state[name]); } else { url.searchParams.delete(name); }
            });
            link.setAttribute("href", url.pathname + url.search);
        });
        return "";
    }
    """,
    Output(URL_SYNC_ID, "children"),
    Input(STATE_ID, "data"),
    prevent_initial_call=True,
)
