"""One indicator block: chart and table views, breakdown and year filters, downloads, summary and metadata.

`IndicatorView(...)` builds a block from the catalogue entry, the data and the URL query, with pattern-matching
ids (``{"type": <one of the *_TYPE constants>, "indicator": <indicator id>}``); `render_view` is what a block shows
for one state. Builders only: the callbacks that answer a block's filters, downloads and address are in
pages/indicator_blocks.py. The first render happens in the layout: the page arrives whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import (
    dcc,
    html,
)

from components.monitoring.charts import displacement_figure, indicator_figure
from components.monitoring.crosstab import CrossTable, crosstab_figure
from components.monitoring.displacement_view import NotableChanges, WatchTable, notable_summary
from components.monitoring.ids import (
    BANNER_TYPE,
    BREAKDOWN_TYPE,
    CSV_BUTTON_TYPE,
    CSV_DOWNLOAD_TYPE,
    DATA_CSV_BUTTON_TYPE,
    DATA_CSV_DOWNLOAD_TYPE,
    EXTRA_TYPE,
    GRAPH_TYPE,
    GRAPH_WRAPPER_TYPE,
    LANGUAGE_ID,
    NOTES_TYPE,
    NOTICE_TYPE,
    SOURCE_LINE_TYPE,
    SUMMARY_TYPE,
    TABLE_WRAPPER_TYPE,
    URL_ID,
    VIEW_TYPE,
    XLSX_BUTTON_TYPE,
    XLSX_DOWNLOAD_TYPE,
    YEAR_FROM_TYPE,
    YEAR_TO_TYPE,
    anchor_id,
    component_id,
    dom_id,
)
from components.monitoring.summary import flag_sentences, indicator_summary
from components.shell.dom import attributes
from components.shell.graph_config import GRAPH_CONFIG as SHARED_GRAPH_CONFIG
from components.shell.graph_config import ChartDownloads, figure_notes, finish_figure
from components.shell.layout import IllustrativeBanner, href
from components.shell.tables import IndicatorTable
from data.monitoring.displacement import watch_table
from data.monitoring.frames import flag_label, has_illustrative, period_label, select_rows, sources_of
from data.monitoring.schema import TOTAL, UNITS
from data.monitoring.view_state import (
    QueryProblem,
    ViewOptions,
    ViewState,
    state_from_query,
    year_options,
)
from i18n import normalise_language, t
from i18n.formats import format_value, unit_kind
from services import monitoring as monitoring_data
from services.monitoring import IndicatorInfo, cross_cells, status_words, view_options
from services.monitoring_exports import download_filename

# Plotly's mode bar is mouse-only and its buttons have no accessible names; the downloads and the table replace it.
# One config for every chart of the portal: components/shell/graph_config.py.
GRAPH_CONFIG: Final = SHARED_GRAPH_CONFIG


def lower_first(text: str) -> str:
    """A label inside a sentence: "Leeftijd" -> "leeftijd", but "NACE-sectie" and "VTE" stay as they are."""
    if not text or (len(text) > 1 and text[1].isupper()):
        return text
    return text[0].lower() + text[1:]


def unit_label(unit: str, language: str) -> str:
    """A unit in words (the schema's words); an unknown unit is shown as it is. Shares are stored 0-1 but shown
    in per cent, and are named as they are shown."""
    if unit_kind(unit) == "share":
        return t("unit.share.shown", language)
    rule = UNITS.get(unit)
    if rule is None:
        return unit
    return rule.en if normalise_language(language) == "en" else rule.nl


# --- the pure part: from data and state to what a block shows ----------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """Everything a block shows for one state."""

    rows: pd.DataFrame
    figure: go.Figure
    table: html.Div
    summary: str
    illustrative: bool
    source_line: str
    extra: Any = None  # what some blocks add under the chart (the displacement watch: its notable changes)

    @property
    def notes(self) -> str:
        """What the chart's reader must know: gaps, periods drawn apart, withheld cells (shown under the chart)."""
        return figure_notes(self.figure)


def source_words(source_ids: Sequence[str], sources: pd.DataFrame | None, language: str) -> str:
    """Each source as "publisher, ‘title’ (status: …)", joined by semicolons."""
    lookup = {}
    if sources is not None and not sources.empty:
        lookup = {str(row["id"]): row for row in sources.to_dict("records")}
    words = []
    for source in source_ids:
        row = lookup.get(source)
        if row is None:
            words.append(source)
            continue
        title = str(row.get("title") or source)
        publisher = str(row.get("publisher") or "")
        text = f"{publisher}, ‘{title}’" if publisher and publisher not in title else f"‘{title}’"
        status = status_words(row.get("status"), language)
        if status:
            text += f" ({t('indicator.source.status', language).format(status=status)})"
        words.append(text)
    return "; ".join(words)


def source_publishers(sources: pd.DataFrame | None) -> dict[str, str]:
    """{source id: publisher} for hover labels and summaries (the full titles are in the source line)."""
    if sources is None or sources.empty:
        return {}
    return {
        str(row["id"]): str(row.get("publisher") or row.get("title") or row["id"])
        for row in sources.to_dict("records")
    }


def chart_source_note(source_ids: Sequence[str], sources: pd.DataFrame | None, language: str) -> str:
    """The source line inside the figure: publisher and status of each source, so that a chart copied as an
    image still names where its figures come from and how sure they are."""
    publishers = source_publishers(sources)
    statuses = {}
    if sources is not None and not sources.empty:
        statuses = {str(row["id"]): row.get("status") for row in sources.to_dict("records")}
    parts = [
        f"{publishers.get(source, source)} ({status_words(statuses.get(source), language)})"
        if statuses.get(source)
        else publishers.get(source, source)
        for source in source_ids
    ]
    text = t("indicator.source.line", language).format(sources="; ".join(parts))
    return text if len(text) <= 150 else text[:149] + "…"


def render_view(
    info: IndicatorInfo,
    frame: pd.DataFrame,
    sources: pd.DataFrame | None,
    state: ViewState,
    language: str,
) -> Rendered:
    """What one block shows for `state`: the rows, their chart, table, summary and source line."""
    language = normalise_language(language)
    sources = monitoring_data.localised_sources(sources, language)
    rows = select_rows(frame, info.id, state.breakdown, state.year_from, state.year_to)
    reference = None
    if info.reference:
        reference = select_rows(frame, info.reference, state.breakdown, state.year_from, state.year_to)
    labels = info.category_labels(state.breakdown, language)
    order = info.category_order(state.breakdown) or None
    names = info.period_names(language)
    title = info.text("title", language)
    dimension = info.dimension_label(state.breakdown, language)
    shown = pd.concat([rows, reference]) if reference is not None and not reference.empty else rows
    source_ids = sources_of(shown) or list(info.sources)
    line = t("indicator.source.line", language).format(sources=source_words(source_ids, sources, language))
    note = chart_source_note(source_ids, sources, language)
    finish = {
        "title": title,
        "status": figure_status(shown, source_ids, sources, language),
        "source": note,
        "filename": download_stem(info.id, state.year_from, state.year_to, state.breakdown),
        "language": language,
    }
    cross = info.cross_of(state.breakdown)
    if cross is not None and reference is None:
        return _render_cross(info, frame, state, language, cross, line, note, finish, title, dimension)
    figure = indicator_figure(
        rows,
        unit=info.unit,
        language=language,
        category_labels=labels,
        category_order=order,
        source_titles=source_publishers(sources),
        source_note=note,
        reference=reference,
        reference_label=info.reference_label.get(language, ""),
        period_names=names,
        partial_periods=sorted(info.partial(), key=lambda p: (p[0], p[1] or 4)),
    )
    caption = t("indicator.table.caption", language).format(
        title=title, dimension=lower_first(dimension), first=state.year_from, last=state.year_to
    )
    summary = indicator_summary(
        rows,
        title=title,
        unit=info.unit,
        language=language,
        dimension_label="" if state.breakdown == TOTAL else lower_first(dimension),
        category_labels=labels,
        source_titles=source_publishers(sources),
        period_names=names,
        partial_periods=info.partial(),
    )
    extra = None
    if reference is not None:
        watch = watch_table(rows, reference)
        figure = displacement_figure(
            watch,
            language=language,
            category_labels=labels,
            category_order=order,
            source_note=chart_source_note(source_ids, sources, language),
        )
        table: html.Div = WatchTable(watch, caption=caption, language=language, category_labels=labels)
        extra = NotableChanges(
            watch, language=language, category_labels=labels, heading_id=anchor_id(info.id, "notable")
        )
        summary = " ".join([summary, notable_summary(watch, language)]).strip()
        figure.update_layout(dragmode=False)
    else:
        table = IndicatorTable(
            rows,
            caption=caption,
            unit=info.unit,
            language=language,
            category_labels=labels,
            category_order=order,
            period_names=names,
        )
    finish_figure(figure, **finish)
    return Rendered(rows, figure, table, summary, has_illustrative(shown), line, extra)


def figure_status(
    rows: pd.DataFrame, source_ids: Sequence[str], sources: pd.DataFrame | None, language: str
) -> str:
    """The status drawn in a chart's picture: the illustrative warning, or the status of each source."""
    if has_illustrative(rows):
        return t("illustrative.banner", language)
    statuses = []
    if sources is not None and not sources.empty:
        lookup = {str(row["id"]): row.get("status") for row in sources.to_dict("records")}
        statuses = [status_words(lookup.get(source), language) for source in source_ids if lookup.get(source)]
    words = "; ".join(dict.fromkeys(statuses))
    return t("indicator.status.line", language).format(status=words) if words else ""


def download_stem(indicator_id: str, year_from: int, year_to: int, breakdown: str) -> str:
    """The file name of every download of a view, without its extension: imw_workers_package_2023-2025."""
    return download_filename(indicator_id, year_from, year_to, breakdown, "x").removesuffix(".x")


def _render_cross(
    info: IndicatorInfo,
    frame: pd.DataFrame,
    state: ViewState,
    language: str,
    cross: tuple[str, str],
    line: str,
    note: str,
    finish: dict[str, Any],
    title: str,
    dimension: str,
) -> Rendered:
    """A cross-table view: the last year of the range, as stacked bars and as a sortable table with margins."""
    rows_dimension, columns_dimension = cross
    year = state.year_to
    cells = cross_cells(frame, info.id, state.breakdown, year)
    margins = select_rows(frame, info.id, rows_dimension, year, year)
    column_margins = select_rows(frame, info.id, columns_dimension, year, year)
    total = select_rows(frame, info.id, TOTAL, year, year)
    names = info.period_names(language)
    period = (int(year), None)
    when = period_label(period, language, names)
    row_labels = info.category_labels(rows_dimension, language)
    column_labels = info.category_labels(columns_dimension, language)
    column_order = info.category_order(columns_dimension) or sorted(
        {c.split(":")[1] for c in cells["category"]}
    )
    row_order = info.category_order(rows_dimension) or sorted({c.split(":")[0] for c in cells["category"]})
    figure = crosstab_figure(
        cells,
        margins,
        unit=info.unit,
        language=language,
        row_labels=row_labels,
        column_labels=column_labels,
        column_order=column_order,
        period=period,
        period_names=names,
        source_note=note,
    )
    caption = t("indicator.crosstab.caption", language).format(
        title=title, dimension=lower_first(dimension), period=when
    )
    table = CrossTable(
        cells,
        margins,
        column_margins,
        total,
        caption=caption,
        unit=info.unit,
        language=language,
        row_labels=row_labels,
        row_order=row_order,
        column_labels=column_labels,
        column_order=column_order,
    )
    summary = t("summary.empty", language)
    visible_margins = margins[margins["value"].notna()]
    if not visible_margins.empty:
        top = visible_margins.sort_values("value").iloc[-1]
        parts = cells[cells["category"].str.startswith(f"{top['category']}:") & cells["value"].notna()]
        if not parts.empty and top["value"]:
            biggest = parts.sort_values("value").iloc[-1]
            column = str(biggest["category"]).split(":", 1)[1]
            summary = t("indicator.crosstab.summary", language).format(
                title=title,
                period=when,
                row=row_labels.get(str(top["category"]), str(top["category"])),
                row_value=format_value(float(top["value"]), info.unit),
                share=format_value(float(biggest["value"]) / float(top["value"]), "share", 0),
                column=lower_first(column_labels.get(column, column)),
            )
    flags = flag_sentences(cells, language, names)
    summary = " ".join(
        [summary, *flags, t("summary.source", language).format(sources=line.split(": ", 1)[-1].rstrip("."))]
    )
    finish_figure(figure, **finish)
    shown = pd.concat([cells, margins])
    return Rendered(cells, figure, table, summary, has_illustrative(shown), line)


def problems_text(problems: Sequence[QueryProblem], language: str) -> str:
    """The problems of a link in one short sentence."""
    parts = [
        t(f"indicator.problem.{problem.reason}", language).format(value=problem.value) for problem in problems
    ]
    return t("indicator.notice.query", language).format(problems="; ".join(parts))


# --- the layout factory -------------------------------------------------------------------------------------------


def _select(kind: str, indicator_id: str, label: str, options: list[dict[str, str]], value: str) -> html.Div:
    return html.Div(
        [
            dbc.Label(label, html_for=dom_id(kind, indicator_id), className="mb-1"),
            dbc.Select(id=component_id(kind, indicator_id), options=options, value=value),
        ]
    )


def _controls(info: IndicatorInfo, options: ViewOptions, state: ViewState, language: str) -> dbc.Card:
    breakdowns = [
        {"label": info.dimension_label(dimension, language).capitalize(), "value": dimension}
        for dimension in options.breakdowns
    ]
    years = year_options(options.years)
    view_legend_id = anchor_id(info.id, "view-legend")
    return dbc.Card(
        dbc.CardBody(
            html.Div(
                dbc.Row(
                    [
                        dbc.Col(
                            _select(
                                BREAKDOWN_TYPE,
                                info.id,
                                t("indicator.breakdown", language),
                                breakdowns,
                                state.breakdown,
                            ),
                            md=4,
                        ),
                        dbc.Col(
                            _select(
                                YEAR_FROM_TYPE,
                                info.id,
                                t("indicator.year_from", language),
                                years,
                                str(state.year_from),
                            ),
                            xs=6,
                            md=2,
                        ),
                        dbc.Col(
                            _select(
                                YEAR_TO_TYPE,
                                info.id,
                                t("indicator.year_to", language),
                                years,
                                str(state.year_to),
                            ),
                            xs=6,
                            md=2,
                        ),
                        dbc.Col(
                            html.Div(
                                [
                                    html.Div(
                                        t("indicator.view", language),
                                        id=view_legend_id,
                                        className="form-label mb-1",
                                    ),
                                    dbc.RadioItems(
                                        id=component_id(VIEW_TYPE, info.id),
                                        options=[
                                            {"label": t("indicator.view.chart", language), "value": "chart"},
                                            {"label": t("indicator.view.table", language), "value": "table"},
                                        ],
                                        value=state.view,
                                        inline=True,
                                    ),
                                ],
                                role="radiogroup",
                                **attributes({"aria-labelledby": view_legend_id}),
                            ),
                            md=4,
                        ),
                    ],
                    className="g-2 align-items-end",
                ),
                role="group",
                **attributes(
                    {
                        "aria-label": t("indicator.filters", language).format(
                            title=info.text("title", language)
                        )
                    }
                ),
            ),
            className="py-2",
        ),
        className="mb-2 indicator-controls",
    )


def _metadata(
    info: IndicatorInfo,
    options: ViewOptions,
    frame: pd.DataFrame,
    sources: pd.DataFrame | None,
    language: str,
) -> html.Aside:
    rows = frame[frame["indicator"] == info.id]
    sources = monitoring_data.localised_sources(sources, language)
    source_ids = list(dict.fromkeys([*info.sources, *sources_of(rows)]))
    lookup = {}
    if sources is not None and not sources.empty:
        lookup = {str(row["id"]): row for row in sources.to_dict("records")}
    flags = [flag for flag in dict.fromkeys(str(f) for f in rows["flag"].fillna(""))]
    period = f"{options.years[0]}–{options.years[-1]}" if options.years else "–"
    items = [
        (t("indicator.meta.unit", language), unit_label(info.unit, language)),
        (
            t("indicator.meta.breakdowns", language),
            ", ".join(info.dimension_label(dimension, language) for dimension in options.breakdowns),
        ),
        (t("indicator.meta.period", language), period),
        (
            t("indicator.meta.status", language),
            ", ".join(flag_label(flag, language) for flag in sorted(flags)) or "–",
        ),
        (t("indicator.meta.id", language), info.id),
    ]
    source_items = []
    for source in source_ids:
        row = lookup.get(source, {})
        title = str(row.get("title") or source)
        address = str(row.get("address") or "")
        link: Any = html.A(title, href=_public_href(address, language)) if address else title
        details = [
            str(row.get("publisher") or ""),
            t("indicator.source.status", language).format(status=status_words(row.get("status"), language))
            if row.get("status")
            else "",
            t("indicator.source.read", language).format(date=row.get("date_read"))
            if row.get("date_read")
            else "",
            t("indicator.source.licence", language).format(licence=row.get("licence"))
            if row.get("licence")
            else "",
        ]
        source_items.append(html.Li([link, html.Br(), ", ".join(part for part in details if part)]))
    heading = anchor_id(info.id, "about")
    return html.Aside(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H3(t("indicator.about", language), id=heading, className="h5"),
                    html.H4(t("indicator.description", language), className="h6 mt-3"),
                    html.P(info.text("description", language)),
                    html.H4(t("indicator.metadata", language), className="h6"),
                    html.Dl(
                        [part for label, value in items for part in (html.Dt(label), html.Dd(value))],
                        className="indicator-metadata",
                    ),
                    html.H4(t("indicator.source", language), className="h6"),
                    html.Ul(source_items, className="list-unstyled small"),
                    html.H4(t("indicator.methodology", language), className="h6"),
                    html.P(info.text("methodology", language)),
                    html.P(
                        html.A(
                            t("indicator.methodology.more", language),
                            href=f"{href('/methodologie', language)}#definitie-{info.id}",
                        )
                    ),
                ]
            ),
            className="h-100",
        ),
        # "Over deze indicator" plus the block's title: every block's aside gets a name of its own.
        **attributes({"aria-labelledby": f"{heading} {anchor_id(info.id, 'title')}"}),
    )


def _public_href(address: str, language: str) -> str:
    """A source's address as a link: a web address as it is, a page of the portal in the page's language."""
    if address.startswith("/"):
        path, _, anchor = address.partition("#")
        return f"{href(path, language)}#{anchor}" if anchor else href(path, language)
    return address


def IndicatorView(
    info: IndicatorInfo,
    frame: pd.DataFrame,
    sources: pd.DataFrame | None,
    language: str,
    query: Mapping[str, Any] | None = None,
) -> tuple[html.Section, list[QueryProblem]]:
    """One indicator block in the state the query asks for; returns the block and the problems of the query."""
    language = normalise_language(language)
    options = view_options(info, frame)
    state, problems = state_from_query(info.id, query or {}, options)
    rendered = render_view(info, frame, sources, state, language)
    title = info.text("title", language)
    title_id = anchor_id(info.id, "title")
    summary_id = anchor_id(info.id, "summary")
    notice = (
        dbc.Alert(problems_text(problems, language), color="info", className="py-2") if problems else None
    )
    block = html.Section(
        [
            html.H2(title, id=title_id, className="h4"),
            html.Div(notice, id=component_id(NOTICE_TYPE, info.id), role="status"),
            html.Div(
                IllustrativeBanner(language) if rendered.illustrative else None,
                id=component_id(BANNER_TYPE, info.id),
            ),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            _controls(info, options, state, language),
                            html.Div(
                                html.P(
                                    rendered.summary, id=component_id(SUMMARY_TYPE, info.id), className="mb-2"
                                ),
                                id=summary_id,
                                className="indicator-summary",
                                **attributes({"aria-live": "polite"}),
                            ),
                            html.Div(
                                [
                                    html.Div(
                                        dcc.Graph(
                                            id=component_id(GRAPH_TYPE, info.id),
                                            figure=rendered.figure,
                                            config=GRAPH_CONFIG,  # type: ignore[arg-type]  # a plain dict of Plotly's config keys
                                        ),
                                        role="img",
                                        className="indicator-graph",
                                        **attributes(
                                            {
                                                "aria-label": t("indicator.chart.label", language).format(
                                                    title=title
                                                ),
                                                "aria-describedby": summary_id,
                                            }
                                        ),
                                    ),
                                    html.P(
                                        rendered.notes,
                                        id=component_id(NOTES_TYPE, info.id),
                                        className="small chart-notes mb-1",
                                    ),
                                    ChartDownloads(dom_id(GRAPH_WRAPPER_TYPE, info.id), title, language),
                                ],
                                id=component_id(GRAPH_WRAPPER_TYPE, info.id),
                                hidden=state.view != "chart",
                            ),
                            html.Div(
                                rendered.table,
                                id=component_id(TABLE_WRAPPER_TYPE, info.id),
                                hidden=state.view != "table",
                            ),
                            html.Div(rendered.extra, id=component_id(EXTRA_TYPE, info.id)),
                            html.P(
                                rendered.source_line,
                                id=component_id(SOURCE_LINE_TYPE, info.id),
                                className="small mt-2 mb-2 indicator-source-line",
                            ),
                            html.Div(
                                [
                                    html.Span(t("indicator.download", language), className="me-2"),
                                    _download_button(
                                        CSV_BUTTON_TYPE, info, "indicator.download.csv", language
                                    ),
                                    _download_button(
                                        DATA_CSV_BUTTON_TYPE, info, "indicator.download.data_csv", language
                                    ),
                                    _download_button(
                                        XLSX_BUTTON_TYPE, info, "indicator.download.xlsx", language
                                    ),
                                    dcc.Download(id=component_id(CSV_DOWNLOAD_TYPE, info.id)),
                                    dcc.Download(id=component_id(DATA_CSV_DOWNLOAD_TYPE, info.id)),
                                    dcc.Download(id=component_id(XLSX_DOWNLOAD_TYPE, info.id)),
                                ],
                                className="indicator-downloads d-flex flex-wrap align-items-center gap-2",
                            ),
                        ],
                        lg=8,
                    ),
                    dbc.Col(
                        _metadata(info, options, frame, sources, language), lg=4, className="mt-3 mt-lg-0"
                    ),
                ]
            ),
        ],
        id=anchor_id(info.id, "block"),
        className="indicator-block mb-5",
        **attributes({"aria-labelledby": title_id}),
    )
    return block, problems


def _download_button(kind: str, info: IndicatorInfo, label_key: str, language: str) -> html.Button:
    """A download button whose accessible name says what it downloads ("Download <title> als CSV"): a page has
    several blocks, and "CSV" alone would not tell them apart. A plain button: dbc.Button takes no aria-label."""
    label = t(label_key, language)
    name = t("indicator.download.label", language).format(title=info.text("title", language), format=label)
    return html.Button(
        label,
        id=component_id(kind, info.id),
        type="button",
        className="btn btn-outline-primary btn-sm",
        title=name,
        **attributes({"aria-label": name}),
    )


def PageStateHolders(language: str) -> html.Div:
    """The page-level pieces the callbacks need: the query string for the address bar, and the page's language."""
    return html.Div([dcc.Store(id=URL_ID), dcc.Store(id=LANGUAGE_ID, data=normalise_language(language))])
