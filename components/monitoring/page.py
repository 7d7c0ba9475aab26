"""The body of a monitoring theme page: its indicator blocks, a short table of contents and URL messages.

A theme page module stays thin: it registers itself and calls `ThemePage(theme, path, title, lead, language,
query)`. Everything a block needs (callbacks included) lives in components/monitoring/indicator_view.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import html

from components.monitoring.ids import anchor_id
from components.monitoring.indicator_view import IndicatorView, PageStateHolders
from components.shell.dom import attributes
from components.shell.layout import PageHeader, PageShell
from data.monitoring.view_state import QUERY_KEYS
from i18n import LANGUAGES, normalise_language, t
from services import monitoring as monitoring_data
from services.monitoring import (
    DataUnavailable,
    IndicatorInfo,
    theme_indicators,
)

# Query keys of an indicator block: "<indicator id>.<setting>".
_BLOCK_KEY = re.compile(r"^(?P<indicator>.+)\.(?P<setting>[a-z]+)$")
_MAX_KEYS_QUOTED = 3


def page_problems(
    raw_language: Any, query: Mapping[str, Any], indicator_ids: Sequence[str], language: str
) -> list[str]:
    """Messages about the parts of a page's link that belong to no block (an unknown indicator or setting, an
    unknown language). Other parameters (campaign tags and the like) are ignored silently."""
    messages = []
    if raw_language not in (None, "") and (
        not isinstance(raw_language, str) or raw_language.lower() not in LANGUAGES
    ):
        value = raw_language if isinstance(raw_language, str) else ", ".join(map(str, raw_language))
        messages.append(t("theme.notice.language", language).format(value=value[:20]))
    unknown = []
    for key in query:
        match = _BLOCK_KEY.match(str(key))
        if not match:
            continue
        if match["indicator"] not in indicator_ids or match["setting"] not in QUERY_KEYS:
            unknown.append(str(key)[:40])
    if unknown:
        shown = ", ".join(f"‘{key}’" for key in unknown[:_MAX_KEYS_QUOTED])
        if len(unknown) > _MAX_KEYS_QUOTED:
            shown += ", …"
        messages.append(t("theme.notice.unknown", language).format(keys=shown))
    return messages


def _contents(indicators: Sequence[IndicatorInfo], language: str) -> html.Nav:
    heading = "theme-contents-heading"
    return html.Nav(
        [
            html.H2(t("theme.contents", language), id=heading, className="h6"),
            html.Ul(
                [
                    html.Li(html.A(info.text("title", language), href=f"#{anchor_id(info.id, 'block')}"))
                    for info in indicators
                ],
                className="mb-0",
            ),
        ],
        className="theme-contents mb-4",
        **attributes({"aria-labelledby": heading}),
    )


def ThemePage(
    theme: str,
    path: str,
    title: str,
    lead: str,
    raw_language: Any,
    query: Mapping[str, Any],
    intro: Sequence[Any] = (),
) -> html.Div:
    """A monitoring page: header, the page's notices, then one block per indicator of `theme`."""
    language = normalise_language(raw_language)
    header = [PageHeader(title, lead), *intro]
    try:
        catalogue = monitoring_data.load_catalogue()
        frame = monitoring_data.load_frame()
        sources = monitoring_data.load_sources()
    except DataUnavailable:
        alert = [dbc.Alert(t("data.unavailable", language), color="warning")]
        return PageShell(language, path, header + alert, query={"lang": raw_language, **query})
    indicators = theme_indicators(theme, catalogue)
    notices = page_problems(raw_language, query, [info.id for info in indicators], language)
    blocks = [IndicatorView(info, frame, sources, language, query)[0] for info in indicators]
    body: list[Any] = [PageStateHolders(language)]
    if notices:
        body.append(
            html.Div(
                dbc.Alert(" ".join(notices), color="info", className="py-2"), role="status", id="theme-notice"
            )
        )
    if not blocks:
        body.append(html.P(t("theme.empty", language)))
    elif len(blocks) > 1:
        body.append(_contents(indicators, language))
    body.extend(blocks)
    return PageShell(language, path, header + body, query={"lang": language, **query})
