"""The callbacks of the indicator blocks on every monitoring page (components/monitoring/indicator_view.py builds
the blocks; this module only answers their requests). Every block is served by the same callbacks, through
pattern-matching ids (``{"type": <one of the *_TYPE constants>, "indicator": <indicator id>}``):

- `update_view` (MATCH): a filter changed -> new figure, table, summary, banner and source line;
- `download_csv`, `download_data_csv`, `download_xlsx` (MATCH): the rows shown, with flags and sources, as a file;
- `sync_url` (ALL): the state of every block -> the query string, kept in a store; a clientside function
  (assets/url_state.js) writes it into the address bar with ``history.replaceState``, so that a copied link
  reproduces the view without the page being rendered again.

Each asks the service once (services/monitoring.py, services/monitoring_exports.py) and hands the answer to one
builder. Why not ``dcc.Location(refresh=False)``: it adds a history entry with ``pushState`` that Dash's pages
router does not see; Back then changes the address but leaves the view as it was. Replacing the entry keeps one
entry per page, and Back and Forward between pages restore each page's last view through the router.

The first render happens in the layout (the callbacks have ``prevent_initial_call=True``): the page arrives whole.
A module of pages/ without a page of its own: Dash imports only the modules that register a page, so app.py
imports it (which registers these callbacks once).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import dash_bootstrap_components as dbc
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
    no_update,
)

from components.monitoring import ids
from components.monitoring.indicator_view import Rendered, render_view
from components.shell.layout import IllustrativeBanner
from i18n import normalise_language, t
from services.monitoring import (
    BlockContext,
    DataUnavailable,
    ViewState,
    block_context,
    indicator_of,
    page_query,
    release_key,
    state_from_controls,
)
from services.monitoring_exports import block_file

#: dcc.send_bytes, typed (Dash exports it untyped).
send_bytes: Callable[..., dict[str, Any]] = dcc.send_bytes  # type: ignore[attr-defined]


def _rendered(context: BlockContext, state: ViewState, language: str) -> Rendered:
    """render_view, remembered per release, indicator, state and language: a crowd asks the same views.

    The cached blocks are never changed after they are built (Dash only serialises them)."""
    return _rendered_block(release_key(), context.info.id, state, language)


@lru_cache(maxsize=256)
def _rendered_block(release: Any, indicator_id: str, state: ViewState, language: str) -> Rendered:
    # Keyed on the release (a new one is a new key), never on the frames themselves (not hashable); the context
    # is read again on a miss, from the service's cached release.
    context = block_context(indicator_id)
    if context is None:  # the release went away between the caller's read and this one
        raise DataUnavailable("the monitoring data cannot be read")
    return render_view(context.info, context.frame, context.sources, state, language)


def _block_controls(dependency: type[Input] | type[State], selector: Any, *, view: bool = True) -> list[Any]:
    """A block's filters (and its chart-or-table choice) as `dependency` (Input or State) for the blocks `selector`
    picks (MATCH or ALL), then the blocks' ids and the page's language: what every block callback reads."""
    kinds = (ids.BREAKDOWN_TYPE, ids.YEAR_FROM_TYPE, ids.YEAR_TO_TYPE) + ((ids.VIEW_TYPE,) if view else ())
    return [
        *(dependency(ids.component_id(kind, selector), "value") for kind in kinds),
        State(ids.component_id(ids.BREAKDOWN_TYPE, selector), "id"),
        State(ids.LANGUAGE_ID, "data"),
    ]


@callback(
    Output(ids.component_id(ids.GRAPH_TYPE, MATCH), "figure"),
    Output(ids.component_id(ids.TABLE_WRAPPER_TYPE, MATCH), "children"),
    Output(ids.component_id(ids.SUMMARY_TYPE, MATCH), "children"),
    Output(ids.component_id(ids.BANNER_TYPE, MATCH), "children"),
    Output(ids.component_id(ids.NOTICE_TYPE, MATCH), "children"),
    Output(ids.component_id(ids.SOURCE_LINE_TYPE, MATCH), "children"),
    Output(ids.component_id(ids.GRAPH_WRAPPER_TYPE, MATCH), "hidden"),
    Output(ids.component_id(ids.TABLE_WRAPPER_TYPE, MATCH), "hidden"),
    Output(ids.component_id(ids.YEAR_FROM_TYPE, MATCH), "value"),
    Output(ids.component_id(ids.YEAR_TO_TYPE, MATCH), "value"),
    Output(ids.component_id(ids.EXTRA_TYPE, MATCH), "children"),
    Output(ids.component_id(ids.NOTES_TYPE, MATCH), "children"),
    *_block_controls(Input, MATCH),
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
    context = block_context(indicator_of(block_id))
    if context is None:
        message = dbc.Alert(t("data.unavailable", language), color="warning")
        return (no_update,) * 4 + (message,) + (no_update,) * 7
    state, swapped = state_from_controls(context.options, breakdown, year_from, year_to, view)
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


def _download_callback(button_type: str, download_type: str, file_format: str) -> Any:
    """Register the callback that sends what one block shows as a `file_format` file."""

    @callback(
        Output(ids.component_id(download_type, MATCH), "data"),
        Input(ids.component_id(button_type, MATCH), "n_clicks"),
        *_block_controls(State, MATCH, view=False),
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
        file = block_file(indicator_of(block_id), breakdown, year_from, year_to, language, file_format)
        if file is None:
            return no_update
        return send_bytes(file.content, file.filename, type=file.media_type)

    download.__doc__ = f"The {file_format} file of what one block shows."
    return download


download_csv = _download_callback(ids.CSV_BUTTON_TYPE, ids.CSV_DOWNLOAD_TYPE, "csv")
download_data_csv = _download_callback(ids.DATA_CSV_BUTTON_TYPE, ids.DATA_CSV_DOWNLOAD_TYPE, "data-csv")
download_xlsx = _download_callback(ids.XLSX_BUTTON_TYPE, ids.XLSX_DOWNLOAD_TYPE, "xlsx")


@callback(
    Output(ids.URL_ID, "data"),
    *_block_controls(Input, ALL),
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
    columns = (breakdowns, years_from, years_to, views, block_ids)
    if not all(isinstance(column, Sequence) and not isinstance(column, str) for column in columns):
        return no_update  # type: ignore[return-value]  # not what the page sends: leave the address alone
    query = page_query(list(zip(*columns, strict=False)), language)
    return no_update if query is None else query  # type: ignore[return-value]


# The address bar follows the store (assets/url_state.js): no output, no page render.
clientside_callback(
    ClientsideFunction(namespace="imw", function_name="replaceQuery"),
    Input(ids.URL_ID, "data"),
    prevent_initial_call=True,
)
