"""One indicator block: chart and table views, breakdown and year filters, downloads, summary and metadata.

`IndicatorView(...)` builds a block from the catalogue entry, the data and the URL query; every block on every
monitoring page is served by the same three callbacks below, through pattern-matching ids
(``{"type": <one of the *_TYPE constants>, "indicator": <indicator id>}``):

- `update_view` (MATCH): a filter changed -> new figure, table, summary, banner and source line;
- `download_csv` / `download_xlsx` (MATCH): the rows shown, with flags and sources, as a file;
- `sync_url` (ALL): the state of every block -> the query string, kept in a store; a clientside function
  (assets/url_state.js) writes it into the address bar with ``history.replaceState``, so that a copied link
  reproduces the view without the page being rendered again.

Why not ``dcc.Location(refresh=False)``: it adds a history entry with ``pushState`` that Dash's pages router does
not see; Back then changes the address but leaves the view as it was (the router compares against a query it never
learnt). Replacing the entry keeps one entry per page, and Back and Forward between pages restore each page's last
view through the router.

The first render happens in the layout (the callbacks have ``prevent_initial_call=True``): the page arrives whole.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import dash_bootstrap_components as dbc
import pandas as pd
import plotly.graph_objects as go
from dash import (
    ALL,
    MATCH,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    dcc,
    html,
    no_update,
)

from components.monitoring.charts import displacement_figure, indicator_figure
from components.monitoring.crosstab import CrossTable, crosstab_figure
from components.monitoring.displacement_view import NotableChanges, WatchTable, notable_summary
from components.monitoring.downloads import (
    CSV_MEDIA_TYPE,
    XLSX_MEDIA_TYPE,
    download_filename,
    download_table,
    excel_csv,
    header_notes,
    machine_csv,
    status_label,
    xlsx_bytes,
)
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
    query_items,
    resolve_state,
    search_string,
    state_from_query,
    year_options,
)
from i18n import normalise_language, t
from i18n.formats import format_value, unit_kind
from services import monitoring as monitoring_data
from services.monitoring import (
    DataUnavailable,
    IndicatorInfo,
    find_indicator,
    view_options,
)

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
        status = status_label(row.get("status"), language)
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
        f"{publishers.get(source, source)} ({status_label(statuses.get(source), language)})"
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
        statuses = [status_label(lookup.get(source), language) for source in source_ids if lookup.get(source)]
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
    cells = select_rows(frame, info.id, state.breakdown, year, year)
    if not cells.empty:  # the latest period of that year (a year count, not a quarter)
        latest = sorted(
            zip(cells["year"], cells["quarter"].fillna(4), strict=False), key=lambda p: (p[0], p[1])
        )[-1]
        cells = cells[(cells["year"] == latest[0]) & (cells["quarter"].fillna(4) == latest[1])]
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
            t("indicator.source.status", language).format(status=status_label(row.get("status"), language))
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
                                            config=GRAPH_CONFIG,
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


# --- callbacks: plain functions, unit-tested by calling them -------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    info: IndicatorInfo
    frame: pd.DataFrame
    sources: pd.DataFrame
    options: ViewOptions


def _indicator_of(block_id: Any) -> str:
    """The indicator id of a block's component id; anything else a request may carry gives ""."""
    if isinstance(block_id, Mapping) and isinstance(block_id.get("indicator"), str):
        return str(block_id["indicator"])
    return ""


def _context(indicator_id: str) -> _Context | None:
    try:
        catalogue = monitoring_data.load_catalogue()
        frame = monitoring_data.load_frame()
        sources = monitoring_data.load_sources()
    except DataUnavailable:
        return None
    info = find_indicator(str(indicator_id), catalogue)
    if info is None:
        return None
    return _Context(info, frame, sources, view_options(info, frame))


def _state_from_controls(
    options: ViewOptions, breakdown: Any, year_from: Any, year_to: Any, view: Any
) -> tuple[ViewState, bool]:
    """The state the controls ask for; reversed years are swapped (and reported), anything else falls back."""
    swapped = False
    first, last = _int_or_none(year_from), _int_or_none(year_to)
    if first is not None and last is not None and first > last:
        year_from, year_to, swapped = year_to, year_from, True
    state, _problems = resolve_state(options, breakdown, year_from, year_to, view)
    return state, swapped


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _rendered(context: _Context, state: ViewState, language: str) -> Rendered:
    """render_view, remembered per release, indicator, state and language: a crowd asks the same views.

    The cached blocks are never changed after they are built (Dash only serialises them)."""
    return _rendered_block(monitoring_data._release_key(), context.info.id, state, language)


@lru_cache(maxsize=256)
def _rendered_block(release: Any, indicator_id: str, state: ViewState, language: str) -> Rendered:
    # Keyed on the release (a new one is a new key), never on the frames themselves (not hashable); the context
    # is read again on a miss, from the service's cached release.
    context = _context(indicator_id)
    if context is None:  # the release went away between the caller's read and this one
        raise DataUnavailable("the monitoring data cannot be read")
    return render_view(context.info, context.frame, context.sources, state, language)


@callback(
    Output(component_id(GRAPH_TYPE, MATCH), "figure"),
    Output(component_id(TABLE_WRAPPER_TYPE, MATCH), "children"),
    Output(component_id(SUMMARY_TYPE, MATCH), "children"),
    Output(component_id(BANNER_TYPE, MATCH), "children"),
    Output(component_id(NOTICE_TYPE, MATCH), "children"),
    Output(component_id(SOURCE_LINE_TYPE, MATCH), "children"),
    Output(component_id(GRAPH_WRAPPER_TYPE, MATCH), "hidden"),
    Output(component_id(TABLE_WRAPPER_TYPE, MATCH), "hidden"),
    Output(component_id(YEAR_FROM_TYPE, MATCH), "value"),
    Output(component_id(YEAR_TO_TYPE, MATCH), "value"),
    Output(component_id(EXTRA_TYPE, MATCH), "children"),
    Output(component_id(NOTES_TYPE, MATCH), "children"),
    Input(component_id(BREAKDOWN_TYPE, MATCH), "value"),
    Input(component_id(YEAR_FROM_TYPE, MATCH), "value"),
    Input(component_id(YEAR_TO_TYPE, MATCH), "value"),
    Input(component_id(VIEW_TYPE, MATCH), "value"),
    State(component_id(BREAKDOWN_TYPE, MATCH), "id"),
    State(LANGUAGE_ID, "data"),
    prevent_initial_call=True,
)
def update_view(
    breakdown: Any,
    year_from: Any,
    year_to: Any,
    view: Any,
    block_id: Mapping[str, str],
    language: Any,
) -> tuple[Any, ...]:
    """A filter of one block changed: draw its chart, table, summary and banner again for the new state."""
    language = normalise_language(language)
    context = _context(_indicator_of(block_id))
    if context is None:
        message = dbc.Alert(t("data.unavailable", language), color="warning")
        return (no_update,) * 4 + (message,) + (no_update,) * 7
    state, swapped = _state_from_controls(context.options, breakdown, year_from, year_to, view)
    rendered = _rendered(context, state, language)
    notice = (
        dbc.Alert(t("indicator.notice.reversed_controls", language), color="info", className="py-2")
        if swapped
        else None
    )
    corrected_from = str(state.year_from) if str(state.year_from) != str(year_from) else no_update
    corrected_to = str(state.year_to) if str(state.year_to) != str(year_to) else no_update
    return (
        rendered.figure,
        rendered.table,
        rendered.summary,
        IllustrativeBanner(language) if rendered.illustrative else None,
        notice,
        rendered.source_line,
        state.view != "chart",
        state.view != "table",
        corrected_from,
        corrected_to,
        rendered.extra,
        rendered.notes,
    )


def build_download(
    indicator_id: str,
    breakdown: Any,
    year_from: Any,
    year_to: Any,
    language: Any,
    file_format: str,
) -> dict[str, Any] | None:
    """The file of the rows shown in one block ("csv" or "xlsx"), as dcc.Download expects it."""
    language = normalise_language(language)
    context = _context(indicator_id)
    if context is None:
        return None
    state, _swapped = _state_from_controls(context.options, breakdown, year_from, year_to, None)
    rendered = render_view(context.info, context.frame, context.sources, state, language)
    rows = rendered.rows
    if context.info.reference:
        reference = select_rows(
            context.frame, context.info.reference, state.breakdown, state.year_from, state.year_to
        )
        rows = pd.concat([rows, reference], ignore_index=True)
    labels = context.info.category_labels(state.breakdown, language)
    sources = monitoring_data.localised_sources(context.sources, language)
    table = download_table(
        rows,
        language=language,
        sources=sources,
        category_labels=labels,
        period_names=context.info.period_names(language),
        indicator_title=context.info.text("title", language),
    )
    if file_format == "xlsx":
        notes = header_notes(
            rows,
            title=context.info.text("title", language),
            language=language,
            sources=sources,
            dimension_label=context.info.dimension_label(state.breakdown, language),
        )
        name = download_filename(indicator_id, state.year_from, state.year_to, state.breakdown, "xlsx")
        content = xlsx_bytes(table, notes, language=language, sources=sources)
        return dcc.send_bytes(content, name, type=XLSX_MEDIA_TYPE)
    if file_format == "data-csv":
        name = download_filename(indicator_id, state.year_from, state.year_to, state.breakdown, "csv", "data")
        return dcc.send_bytes(machine_csv(table), name, type=CSV_MEDIA_TYPE)
    name = download_filename(indicator_id, state.year_from, state.year_to, state.breakdown, "csv")
    return dcc.send_bytes(excel_csv(table, language), name, type=CSV_MEDIA_TYPE)


def _download_callback(button_type: str, download_type: str, file_format: str) -> Any:
    """Register the callback that sends what one block shows as a `file_format` file ("csv" or "xlsx")."""

    @callback(
        Output(component_id(download_type, MATCH), "data"),
        Input(component_id(button_type, MATCH), "n_clicks"),
        State(component_id(BREAKDOWN_TYPE, MATCH), "value"),
        State(component_id(YEAR_FROM_TYPE, MATCH), "value"),
        State(component_id(YEAR_TO_TYPE, MATCH), "value"),
        State(component_id(BREAKDOWN_TYPE, MATCH), "id"),
        State(LANGUAGE_ID, "data"),
        prevent_initial_call=True,
    )
    def download(
        n_clicks: Any,
        breakdown: Any,
        year_from: Any,
        year_to: Any,
        block_id: Mapping[str, str],
        language: Any,
    ) -> Any:
        if not n_clicks:
            return no_update
        indicator = _indicator_of(block_id)
        return build_download(indicator, breakdown, year_from, year_to, language, file_format) or no_update

    download.__doc__ = f"The {file_format} file of what one block shows."
    return download


download_csv = _download_callback(CSV_BUTTON_TYPE, CSV_DOWNLOAD_TYPE, "csv")
download_data_csv = _download_callback(DATA_CSV_BUTTON_TYPE, DATA_CSV_DOWNLOAD_TYPE, "data-csv")
download_xlsx = _download_callback(XLSX_BUTTON_TYPE, XLSX_DOWNLOAD_TYPE, "xlsx")


@callback(
    Output(URL_ID, "data"),
    Input(component_id(BREAKDOWN_TYPE, ALL), "value"),
    Input(component_id(YEAR_FROM_TYPE, ALL), "value"),
    Input(component_id(YEAR_TO_TYPE, ALL), "value"),
    Input(component_id(VIEW_TYPE, ALL), "value"),
    State(component_id(BREAKDOWN_TYPE, ALL), "id"),
    State(LANGUAGE_ID, "data"),
    prevent_initial_call=True,
)
def sync_url(
    breakdowns: Sequence[Any],
    years_from: Sequence[Any],
    years_to: Sequence[Any],
    views: Sequence[Any],
    block_ids: Sequence[Mapping[str, str]],
    language: Any,
) -> str:
    """The query string of every block's state on the page (defaults left out), with the page's language."""
    try:
        catalogue = monitoring_data.load_catalogue()
        frame = monitoring_data.load_frame()
    except DataUnavailable:
        return no_update  # type: ignore[return-value]
    items: list[tuple[str, str]] = []
    columns = (breakdowns, years_from, years_to, views, block_ids)
    if not all(isinstance(column, Sequence) and not isinstance(column, str) for column in columns):
        return no_update  # type: ignore[return-value]  # not what the page sends: leave the address alone
    for breakdown, year_from, year_to, view, block_id in zip(*columns, strict=False):
        info = find_indicator(_indicator_of(block_id), catalogue)
        if info is None:
            continue
        options = view_options(info, frame)
        state, _swapped = _state_from_controls(options, breakdown, year_from, year_to, view)
        items.extend(query_items(info.id, state, options.default_state()))
    return search_string(normalise_language(language), items)


# The address bar follows the store (assets/url_state.js): no output, no page render.
clientside_callback(
    ClientsideFunction(namespace="imw", function_name="replaceQuery"),
    Input(URL_ID, "data"),
    prevent_initial_call=True,
)
