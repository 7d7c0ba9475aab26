"""Toegankelijkheidsverklaring: the legal floor (WCAG 2.1 AA), what was tested, and the known limits."""

from __future__ import annotations

from typing import Any

import dash
from dash import html
from flask import current_app, has_app_context

from components.shell.dom import attributes
from components.shell.layout import PageHeader, PageShell, href
from i18n import normalise_language, t

PATH = "/toegankelijkheid"

dash.register_page(
    __name__,
    path=PATH,
    order=96,
    title=f"{t('a11y.title', 'nl')} – {t('site.title', 'nl')}",
    nav_label={language: t("a11y.nav", language) for language in ("nl", "en")},
    nav_group="about",
)

# The statement's date: change it with every new check.
STATEMENT_DATE = {"nl": "28 november 2026", "en": "28 November 2026"}
# The escalation path when an answer does not come or does not help: the Flemish ombudsman.
OMBUDSMAN_ADDRESS = "https://www.vlaamseombudsdienst.be"


def _section(section_id: str, heading: str, children: list[Any]) -> html.Section:
    return html.Section(
        [html.H2(heading, id=section_id, className="h4 mt-4"), *children],
        **attributes({"aria-labelledby": section_id}),
    )


def _feedback_address() -> str:
    settings = current_app.config.get("IMW_SETTINGS") if has_app_context() else None
    return str(getattr(settings, "feedback_address", "") or "")


def _report_line(language: str) -> html.P:
    address = _feedback_address()
    if not address:
        return html.P(t("a11y.feedback.unset", language))
    shown = address.removeprefix("mailto:")
    return html.P([t("a11y.feedback.address", language), html.A(shown, href=address)])


def layout(lang: str = "nl", **query: Any) -> html.Div:
    language = normalise_language(lang)
    feedback_before, feedback_after = t("a11y.feedback.text", language).split("{methodology}")
    return PageShell(
        language,
        PATH,
        [
            PageHeader(t("a11y.title", language), t("a11y.lead", language)),
            _section("norm", t("a11y.norm.heading", language), [html.P(t("a11y.norm.text", language))]),
            _section("status", t("a11y.status.heading", language), [html.P(t("a11y.status.text", language))]),
            _section(
                "getest",
                t("a11y.tested.heading", language),
                [
                    html.Ul(
                        [
                            html.Li(t(f"a11y.tested.{key}", language))
                            for key in ("axe", "keyboard", "structure", "alternatives")
                        ]
                    )
                ],
            ),
            _section(
                "telefoon",
                t("a11y.phone.heading", language),
                [
                    html.P(t("a11y.phone.intro", language)),
                    html.Ul(
                        [
                            html.Li(t(f"a11y.phone.{key}", language))
                            for key in ("reflow", "sectors", "scroll", "touch", "focus", "simulator")
                        ]
                    ),
                ],
            ),
            _section(
                "beperkingen",
                t("a11y.limits.heading", language),
                [
                    html.Ul(
                        [
                            html.Li(t(f"a11y.limits.{key}", language))
                            for key in ("charts", "colour", "downloads", "automatic")
                        ]
                    )
                ],
            ),
            _section(
                "melden",
                t("a11y.feedback.heading", language),
                [
                    html.P(
                        [
                            feedback_before,
                            html.A(t("footer.methodology", language), href=href("/methodologie", language)),
                            feedback_after,
                        ]
                    ),
                    _report_line(language),
                    html.P(
                        [
                            t("a11y.feedback.ombudsman", language),
                            html.A("vlaamseombudsdienst.be", href=OMBUDSMAN_ADDRESS, lang="nl"),
                            ".",
                        ]
                    ),
                    html.P(t("a11y.date", language).format(date=STATEMENT_DATE[language]), className="small"),
                ],
            ),
        ],
        query={"lang": language, **query},
    )
