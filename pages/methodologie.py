"""Methodologie en bronnen: definitions of every indicator, every source with its status, the flags, and what is
illustrative and why."""

from __future__ import annotations

from typing import Any

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import html
from flask import current_app, has_app_context

from components.monitoring.ids import anchor_id
from components.monitoring.indicator_view import unit_label
from components.shell.dom import attributes
from components.shell.layout import PageHeader, PageShell, href
from components.simulator.model_method import ModelSection
from i18n import normalise_language, t
from services import monitoring as monitoring_data
from services.config import Settings
from services.monitoring import FLAG_ILLUSTRATIVE, FLAGS, SOURCE_STATUSES, THEMES, flag_label, status_words
from services.monitoring_exports import DOWNLOAD_COLUMNS

PATH = "/methodologie"

dash.register_page(
    __name__,
    path=PATH,
    order=95,
    title=f"{t('method.title', 'nl')} – {t('site.title', 'nl')}",
    nav_label={language: t("method.nav", language) for language in ("nl", "en")},
    nav_group="about",
)


def release_title(release: Any, language: str) -> str:
    """What the release is, in the page's language (the release's own title is Dutch, and names a file)."""
    if getattr(release, "kind", "") == "initial":
        return t("method.release.initial", language)
    date = str(getattr(release, "created_at", "") or "")[:10]
    return t("method.release.import", language).format(date=date or "?")


def _threshold() -> int:
    settings = current_app.config.get("IMW_SETTINGS") if has_app_context() else None
    return int(getattr(settings, "suppression_threshold", Settings.suppression_threshold))


def _section(section_id: str, heading: str, children: list[Any]) -> html.Section:
    return html.Section(
        [html.H2(heading, id=section_id, className="h4 mt-4"), *children],
        **attributes({"aria-labelledby": section_id}),
    )


def _flags_table(language: str) -> html.Table:
    rows = [
        html.Tr(
            [
                html.Th(code or t("method.flags.none", language), scope="row"),
                html.Td(flag_label(code, language)),
            ]
        )
        for code in FLAGS
    ]
    return html.Table(
        [
            html.Caption(t("method.flags.caption", language), className="caption-top"),
            html.Thead(
                html.Tr(
                    [
                        html.Th(t("method.flags.code", language), scope="col"),
                        html.Th(t("method.flags.meaning", language), scope="col"),
                    ]
                )
            ),
            html.Tbody(rows),
        ],
        className="table table-sm w-auto",
    )


def _sources_table(sources: pd.DataFrame, language: str) -> html.Div:
    rows = []
    for row in sources.to_dict("records"):
        address = str(row.get("address") or "")
        title: Any = str(row["title"])
        if address.startswith(("http://", "https://")):
            title = html.A(title, href=address)
        elif address.startswith("/"):
            title = html.A(
                title, href=f"{href(address.partition('#')[0], language)}#{address.partition('#')[2]}"
            )
        rows.append(
            html.Tr(
                [
                    html.Th(title, scope="row", className="fw-normal"),
                    html.Td(str(row.get("publisher") or "")),
                    html.Td(status_words(row.get("status"), language)),
                    html.Td(str(row.get("date_read") or "")),
                    html.Td(str(row.get("licence") or "")),
                ],
                id=f"bron-{row['id']}",
            )
        )
    caption = t("method.sources.caption", language)
    return html.Div(
        html.Table(
            [
                html.Caption(caption, className="caption-top"),
                html.Thead(
                    html.Tr(
                        [
                            html.Th(t(f"method.sources.{key}", language), scope="col")
                            for key in ("title", "publisher", "status", "read", "licence")
                        ]
                    )
                ),
                html.Tbody(rows),
            ],
            className="table table-sm align-top",
        ),
        className="table-responsive",
        tabIndex="0",
        role="region",
        **attributes({"aria-label": caption}),
    )


def _definitions(
    catalogue: list[monitoring_data.IndicatorInfo],
    paths: dict[str, str],
    language: str,
    sources: pd.DataFrame | None = None,
) -> list[Any]:
    titles = {}
    if sources is not None and not sources.empty:
        titles = {
            str(row["id"]): str(row.get("publisher") or row["title"]) for row in sources.to_dict("records")
        }
    parts: list[Any] = []
    for theme, words in THEMES.items():
        infos = [info for info in catalogue if info.theme == theme]
        if not infos:
            continue
        parts.append(html.H3(words[language], className="h5 mt-4"))
        for info in infos:
            breakdowns = ", ".join(
                info.dimension_label(dimension, language)
                for dimension in info.dimensions
                if dimension != "total"
            )
            items = [
                (t("method.definition.unit", language), unit_label(info.unit, language)),
                (t("method.definition.breakdowns", language), breakdowns or "–"),
                (
                    t("method.definition.sources", language),
                    [
                        part
                        for index, source in enumerate(info.sources)
                        for part in (
                            *([", "] if index else []),
                            html.A(titles.get(source, source), href=f"#bron-{source}"),
                        )
                    ],
                ),
                (t("method.definition.methodology", language), info.text("methodology", language)),
            ]
            link = f"{href(paths.get(theme, '/'), language)}#{anchor_id(info.id, 'block')}"
            parts.append(
                html.Article(
                    [
                        html.H4(info.text("title", language), className="h6 mb-1", id=f"definitie-{info.id}"),
                        html.P(info.text("description", language), className="mb-1"),
                        html.Dl(
                            [part for label, value in items for part in (html.Dt(label), html.Dd(value))],
                            className="definition-list small mb-1",
                        ),
                        html.P(html.A(t("method.definition.page", language), href=link), className="small"),
                    ],
                    className="mb-3",
                )
            )
    return parts


def layout(lang: str = "nl", **query: Any) -> html.Div:
    language = normalise_language(lang)
    header = [PageHeader(t("method.title", language), t("method.lead", language))]
    try:
        catalogue = monitoring_data.load_catalogue()
        frame = monitoring_data.load_frame()
        sources = monitoring_data.load_sources()
        release = monitoring_data.current_release()
    except monitoring_data.DataUnavailable:
        return PageShell(
            language, PATH, [*header, dbc.Alert(t("data.unavailable", language), color="warning")]
        )
    sources = monitoring_data.localised_sources(sources, language)
    paths = {page["theme"]: page["path"] for page in dash.page_registry.values() if page.get("theme")}
    illustrative_ids = set(frame.loc[frame["flag"] == FLAG_ILLUSTRATIVE, "indicator"])
    illustrative = [info for info in catalogue if info.id in illustrative_ids]
    sections = [
        ("release", t("method.release.heading", language)),
        ("vlaggen", t("method.flags.heading", language)),
        ("illustratief", t("method.illustrative.heading", language)),
        ("definities", t("method.definitions.heading", language)),
        ("bronnen", t("method.sources.heading", language)),
        ("downloads", t("method.downloads.heading", language)),
        ("model", t("model.heading", language)),
    ]
    body = [
        html.Nav(
            [
                html.H2(t("method.contents", language), className="h6", id="method-contents"),
                html.Ul([html.Li(html.A(title, href=f"#{anchor}")) for anchor, title in sections]),
            ],
            **attributes({"aria-labelledby": "method-contents"}),
        ),
        _section(
            "release",
            sections[0][1],
            [
                html.P(
                    t("method.release.text", language).format(
                        id=getattr(release, "id", "?"), title=release_title(release, language)
                    )
                ),
                html.P(t("method.suppression", language).format(threshold=_threshold())),
                html.H3(t("method.numbers.heading", language), className="h5"),
                html.P(t("method.numbers.text", language)),
            ],
        ),
        _section(
            "vlaggen",
            sections[1][1],
            [
                _flags_table(language),
                html.H3(t("method.statuses.heading", language), className="h5"),
                html.Ul([html.Li(status_words(status, language)) for status in SOURCE_STATUSES]),
            ],
        ),
        _section(
            "illustratief",
            sections[2][1],
            [
                html.P(t("method.illustrative.why", language)),
                html.P(
                    t("method.illustrative.list", language)
                    if illustrative
                    else t("method.illustrative.none", language)
                ),
                html.Ul(
                    [
                        html.Li(
                            html.A(
                                info.text("title", language),
                                href=f"{href(paths.get(info.theme, '/'), language)}#{anchor_id(info.id, 'block')}",
                            )
                        )
                        for info in illustrative
                    ]
                ),
            ],
        ),
        _section("definities", sections[3][1], _definitions(catalogue, paths, language, sources)),
        _section("bronnen", sections[4][1], [_sources_table(sources, language)]),
        _section(
            "downloads",
            sections[5][1],
            [
                html.P(t("method.downloads.text", language)),
                html.Dl(
                    [
                        part
                        for column in DOWNLOAD_COLUMNS
                        for part in (
                            html.Dt(html.Code(column)),
                            html.Dd(t(f"download.column.{column}", language)),
                        )
                    ],
                    className="definition-list small",
                ),
            ],
        ),
        html.Section(ModelSection(language), **attributes({"aria-labelledby": "model"})),
    ]
    return PageShell(language, PATH, [*header, *body], query={"lang": language, **query})
