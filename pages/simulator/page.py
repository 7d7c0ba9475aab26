"""Simulator: run a scenario of IMW and the collective contingent, from a preset, a link or a file.

The page holds the scenario in the link (``?s=``, see services/scenario_url.py). Its callbacks:

- `apply_source`: a preset (its button) or an uploaded file sets every control;
- `update_page`: any control checks every field; while a field is wrong, nothing runs and the field says why;
  when all are right, the results (cached in services/simulation.py), the sensitivity and the coverage check are
  shown, and the valid scenario goes to the store ``sim-scenario``. One callback, so that a change costs one
  request and one redraw;
- the store drives the downloads and the link in the address bar (a client-side `history.replaceState`, so that
  the page is not built again).

The first results are in the page when it arrives: the layout fills every output of `RESULT_OUTPUTS` with what
`results_outputs` gives for the page's scenario (the preset's or the link's; one code path with the callback,
served from the cache), so that nothing moves when the page has loaded and `update_page` does not run on load.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any, Final, NamedTuple

import dash
import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, Patch, State, callback, clientside_callback, dcc, html, no_update
from dash.exceptions import PreventUpdate

from components.shell.dom import attributes
from components.shell.graph_config import ChartDownloads
from components.shell.layout import PageHeader, PageShell, fill_outputs, href
from components.shell.static_html import compact
from components.simulator import ids
from components.simulator.charts import (
    GRAPH_CONFIG,
)
from components.simulator.controls import (
    CUSTOM,
    ChangesList,
    SettingsPanel,
    changed_names,
    check_controls,
    draw_options,
    field_labels,
    group_of,
    preset_description,
    scenario_dates,
)
from components.simulator.results import RESULT_OUTPUTS, build_results
from components.simulator.summary import link_problem_text, newer_versions_text
from i18n import normalise_language, t
from pages.simulator.files import download_data, read_upload
from pages.simulator.state import (
    control_names,
    control_values,
    meta_document,
    reset_values,
    scenario_state,
)
from services.compute import Busy, ComputeFailed
from services.scenario_results import scenario_results
from services.scenario_url import decode_scenario
from services.scenarios import (
    MAX_HORIZON_YEARS,
    MAX_SCENARIO_BYTES,
    Scenario,
    ScenarioError,
    load_presets,
    matching_preset,
    override_document,
    parse_scenario,
)
from services.simulation import (
    draws_problem,
    versions,
)

log = logging.getLogger("imw.simulator")

#: The targets of the page's jump links (the results' heading, the downloads' heading).
RESULTS_ANCHOR: Final = "sim-results"
SHARE_ANCHOR: Final = "sim-share"

PATH: Final = ids.SIMULATOR_PATH
COMPARE_PATH: Final = ids.COMPARE_PATH
#: Files above this size are refused in the browser already; between MAX_SCENARIO_BYTES and this the page says why.
# While a field is wrong the results are those of the last valid scenario: a red bar at their side says so.
STALE_CLASS: Final = "sim-results sim-stale border-start border-4 border-danger ps-3"
FRESH_CLASS: Final = "sim-results"

dash.register_page(
    __name__,
    path=PATH,
    order=90,
    title=f"{t('sim.nav', 'nl')} – {t('site.title', 'nl')}",
    nav_label={"nl": t("sim.nav", "nl"), "en": t("sim.nav", "en")},
    nav_description={"nl": t("sim.nav_description", "nl"), "en": t("sim.nav_description", "en")},
)


# --- state kept in the page ---------------------------------------------------------------------------------


# --- layout ---------------------------------------------------------------------------------------------------


def _section(
    title: str, children: list[Any], caption: str | None = None, caption_id: str | None = None
) -> html.Section:
    body: list[Any] = [html.H3(title, className="h5 mt-4"), *children]
    if caption_id is not None:
        body.append(html.P(caption or "", id=caption_id, className="small text-body-secondary"))
    elif caption is not None:
        body.append(html.P(caption, className="small text-body-secondary"))
    return html.Section(body)


def _graph(graph_id: str, title: str, language: str) -> html.Div:
    """A chart with its PNG and SVG download (assets/charts.js draws the picture from the chart's meta)."""
    holder = f"{graph_id}-holder"
    return html.Div(
        [
            dcc.Graph(
                id=graph_id,
                config=GRAPH_CONFIG,
                figure={"layout": {"height": 380, "title": {"text": title}}},
                className="sim-graph",
            ),
            ChartDownloads(holder, title, language),
        ],
        id=holder,
    )


def _share_section(language: str) -> html.Section:
    buttons = [
        dbc.Button(
            t(f"sim.download.{kind}", language),
            id=button_id,
            color="primary",
            outline=True,
            size="sm",
            class_name="me-2 mb-2",
        )
        for kind, button_id in (
            ("scenario_yaml", ids.DOWNLOAD_SCENARIO_YAML),
            ("scenario_json", ids.DOWNLOAD_SCENARIO_JSON),
            ("results_csv", ids.DOWNLOAD_RESULTS_CSV),
            ("results_excel_csv", ids.DOWNLOAD_RESULTS_EXCEL_CSV),
            ("results_xlsx", ids.DOWNLOAD_RESULTS_XLSX),
        )
    ]
    return html.Section(
        [
            html.H3(t("sim.share", language), className="h5 mt-4", id=SHARE_ANCHOR, tabIndex="-1"),
            html.P(t("sim.share.help", language), className="small"),
            html.Div(buttons, role="group", **attributes({"aria-label": t("sim.download.label", language)})),
            dcc.Download(id=ids.DOWNLOAD),
            html.H4(t("sim.upload", language), className="h6 mt-3"),
            # The file field inside the drop zone gets its name from the label around it; a click anywhere on
            # the label opens the file dialog (the drop zone's own click is off, or the dialog would open twice).
            html.Label(
                dcc.Upload(
                    html.Div(t("sim.upload.prompt", language)),
                    id=ids.UPLOAD,
                    # No `accept` and no `max_size`: the drop zone would drop such a file without a word. Every
                    # file reaches the check below (in the browser first, then here), which says why it is refused.
                    multiple=False,
                    disable_click=True,
                    className="sim-upload border border-2 rounded p-3 text-center",
                    style={"borderStyle": "dashed", "cursor": "pointer"},
                ),
                className="d-block",
            ),
            dcc.Store(id=ids.UPLOAD_CHECKED),
            html.Div(id=ids.UPLOAD_MESSAGE, role="status", className="mt-2"),
            html.P(
                dcc.Link(
                    t("sim.compare.link", language), id=ids.COMPARE_LINK, href=href(COMPARE_PATH, language)
                ),
                className="mt-3",
            ),
        ]
    )


def layout(lang: str = "nl", s: object = None, **query: Any) -> html.Div:
    language = normalise_language(lang)
    decoded = decode_scenario(s)
    scenario = decoded.scenario  # checked: the draws and horizon the page offers
    preset_id = matching_preset(scenario)
    notices: list[Any] = []
    if decoded.problem is not None:
        problem = decoded.problem
        notices.append(
            html.Div(
                link_problem_text(problem.kind, problem.field, problem.message, language),
                className="alert alert-warning py-2",
                role="status",
                id=ids.LINK_NOTICE,
            )
        )
    newer = newer_versions_text(scenario.computed_with, versions(), language)
    state = scenario_state(scenario)
    settings = html.Div(
        SettingsPanel(scenario, preset_id, language),
        # A panel of its own height on a phone (a step before the results, not a scroll box in a scroll box);
        # beside the results and scrolling on its own from the lg breakpoint (assets/portal.css).
        className="sim-settings pe-lg-2",
    )
    results = html.Div(
        [
            html.Div(
                newer,
                id=ids.VERSION_NOTICE,
                className="alert alert-info py-2" if newer else "",
                role="status",
            ),
            html.Div(id=ids.STATUS, role="status", **attributes({"aria-live": "polite"})),
            html.H2(t("sim.results", language), className="h4", id=RESULTS_ANCHOR, tabIndex="-1"),
            html.P(id=ids.SCENARIO_NAME, className="fw-semibold"),
            html.Div(
                [
                    html.Section(
                        [
                            html.H3(t("sim.difference", language), className="h5"),
                            html.Div(id=ids.BASELINE_DIFFERENCE),
                        ],
                        className="sim-difference border rounded p-3 mb-3",
                    ),
                    html.Section(
                        [html.H3(t("sim.summary", language), className="h5"), html.Div(id=ids.SUMMARY)],
                        className="sim-summary bg-light border rounded p-3",
                    ),
                    html.Div(id=ids.WARNINGS, className="mt-3"),
                    html.Div(id=ids.KEY_FIGURES, className="mt-3"),
                    _section(
                        t("sim.chart.budget", language),
                        [_graph(ids.BUDGET_GRAPH, t("sim.chart.budget", language), language)],
                        t("sim.chart.budget.caption", language),
                    ),
                    _section(
                        t("sim.chart.workers", language),
                        [_graph(ids.WORKERS_GRAPH, t("sim.chart.workers", language), language)],
                        t("sim.chart.workers.caption", language),
                    ),
                    _section(
                        t("sim.chart.coaching", language),
                        [_graph(ids.COACHING_GRAPH, t("sim.chart.coaching", language), language)],
                        t("sim.chart.workers.caption", language),
                    ),
                    _section(
                        t("sim.chart.contingent", language),
                        [_graph(ids.CONTINGENT_GRAPH, t("sim.chart.contingent", language), language)],
                        t("sim.chart.contingent.caption", language),
                    ),
                    _section(
                        t("sim.sensitivity", language),
                        [_graph(ids.TORNADO_GRAPH, t("sim.sensitivity", language), language)],
                        caption_id=ids.TORNADO_CAPTION,
                    ),
                    _section(t("sim.variance", language), [html.Div(id=ids.VARIANCE)]),
                    _section(
                        t("sim.coverage", language),
                        [
                            html.P(t("sim.coverage.caption", language), className="small"),
                            html.Div(id=ids.COVERAGE),
                        ],
                    ),
                    _share_section(language),
                    html.P(id=ids.VERSIONS, className="small text-body-secondary mt-4"),
                ],
                id=ids.RESULTS,
                className=FRESH_CLASS,
            ),
        ]
    )
    body = [
        PageHeader(t("sim.title", language), t("sim.lead", language)),
        # From the top of the page to the results or the downloads in a few Tab presses, past the 80-odd fields.
        html.Nav(
            [
                html.A(t("sim.jump.results", language), href=f"#{RESULTS_ANCHOR}", className="me-3"),
                html.A(t("sim.jump.share", language), href=f"#{SHARE_ANCHOR}"),
            ],
            className="sim-jumps small mb-2",
            **attributes({"aria-label": t("sim.jump.label", language)}),
        ),
        html.Div(t("sim.projection_note", language), className="alert alert-warning py-2", role="note"),
        *notices,
        dcc.Store(id=ids.LANGUAGE, data=language),
        dcc.Store(id=ids.META, data=meta_document(scenario, preset_id)),
        dcc.Store(id=ids.SCENARIO, data=state),
        # What the clientside link callback writes here and into the language switch: the page arrives with it.
        html.Div(state["s"], id=ids.URL_SYNC, hidden=True),
        dbc.Row(
            [
                dbc.Col(settings, lg=4),
                dbc.Col(results, lg=8),
            ],
            className="mt-2",
        ),
    ]
    query = {key: value for key, value in query.items() if key != "s"}
    if state["s"]:
        query["s"] = state["s"]
    first = first_results(scenario, meta_document(scenario, preset_id), language)
    fill_outputs(body, first)
    body.append(dcc.Store(id=ids.FIGURE_LAYOUTS, data=layout_digests(first)))
    body.append(dcc.Store(id=ids.SHOWN_PROBLEMS, data={}))
    return PageShell(language, PATH, body, query={"lang": language, **query})


def first_results(scenario: Scenario, meta: dict[str, Any], language: str) -> dict[tuple[str, str], Any]:
    """What the page shows for its scenario before anyone touches it: the callback's own outputs."""
    try:
        return dict(zip(RESULT_OUTPUTS, results_outputs(scenario, meta, language), strict=True))
    except Exception as error:  # the page still opens (the first change computes again), the log says why
        log.error(
            "first results of the simulator failed: %s: %s", type(error).__name__, error, exc_info=error
        )
        return {
            (ids.STATUS, "children"): html.Div(
                t("sim.status.failed", language), className="alert alert-danger py-2"
            )
        }


# --- callbacks ------------------------------------------------------------------------------------------------


def _trigger() -> Any:
    """The id of the input that fired the callback (None outside a callback)."""
    try:
        return dash.ctx.triggered_id
    except Exception:  # called directly, e.g. in a unit test
        return None


def source_outputs(
    trigger: object,
    preset_id: object,
    upload: object,
    control_ids: object,
    language: object,
    date_ids: object = None,
) -> tuple[Any, ...]:
    """The controls' values, horizon, draws and source after a preset was loaded or a file uploaded (the dates of
    dated values travel in the source's document, where the list of changes reads them).

    `upload` is what the browser handed on of the file ({filename, size, contents})."""
    language = normalise_language(language)
    names = control_names(control_ids)
    if trigger == ids.UPLOAD_CHECKED:
        file = upload if isinstance(upload, dict) else {}
        scenario, message = read_upload(
            file.get("contents"), file.get("filename"), language, file.get("size")
        )
        if scenario is None:
            alert = html.Div(message, className="alert alert-danger py-2 mb-0")
            return ([no_update] * len(names), no_update, no_update, no_update, no_update, alert, no_update)
        chosen = matching_preset(scenario)
        notice: Any = html.Div(message, className="alert alert-success py-2 mb-0")
    elif trigger == ids.PRESET:  # a starting point loads when it is chosen
        presets = load_presets()
        if not isinstance(preset_id, str) or preset_id not in presets:
            raise PreventUpdate
        scenario, chosen, notice = presets[preset_id].scenario, preset_id, ""
    else:
        raise PreventUpdate
    draws = scenario.draws
    return (
        control_values(scenario, names),
        scenario.horizon_years,
        draw_options(draws, language),
        draws,
        meta_document(scenario, chosen),
        notice,
        chosen or CUSTOM,
    )


@callback(
    Output({"type": ids.PARAMETER, "name": ALL}, "value"),
    Output(ids.HORIZON, "value"),
    Output(ids.DRAWS, "options"),
    Output(ids.DRAWS, "value"),
    Output(ids.META, "data"),
    Output(ids.UPLOAD_MESSAGE, "children"),
    Output(ids.PRESET, "value"),
    Input(ids.PRESET, "value"),
    Input(ids.UPLOAD_CHECKED, "data"),
    State({"type": ids.PARAMETER, "name": ALL}, "id"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def apply_source(
    preset_id: object,
    upload: object,
    control_ids: object,
    language: object,
) -> tuple[Any, ...]:
    return source_outputs(_trigger(), preset_id, upload, control_ids, language)


# The years beside a duration in quarters follow the field as it is typed (no round trip to the server).
clientside_callback(
    """
    function (value, language) {
        if (typeof value !== "number" || !isFinite(value)) { return ""; }
        var years = value / 4;
        var decimals = [0, 1, 2].find(function (d) { return Math.abs(Number(years.toFixed(d)) - years) < 1e-9; });
        if (decimals === undefined) { decimals = 2; }
        var english = language === "en";
        var shown = years.toLocaleString(english ? "en-GB" : "nl-BE",
            {minimumFractionDigits: decimals, maximumFractionDigits: decimals});
        return "= " + shown + (english ? (years === 1 ? " year" : " years") : " jaar");
    }
    """,
    Output({"type": ids.PARAMETER_YEARS, "name": MATCH}, "children"),
    Input({"type": ids.PARAMETER, "name": MATCH}, "value"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)

# The search over the parameters: fields whose label (in the page's language or Dutch) or name hold every word
# typed stay, the others are hidden, and the groups with a match open. Nothing goes to the server.
clientside_callback(
    rf"""
    function (query, language) {{
        var words = (query || "").toLowerCase().split(/\s+/).filter(Boolean);
        var open = {{}}, found = 0;
        document.querySelectorAll(".sim-control").forEach(function (field) {{
            var text = field.getAttribute("data-search") || "";
            var match = words.every(function (word) {{ return text.indexOf(word) >= 0; }});
            field.hidden = !match;
            if (match) {{ found += 1; open[field.getAttribute("data-group")] = true; }}
        }});
        if (!words.length) {{ return [window.dash_clientside.no_update, ""]; }}
        var english = language === "en";
        var text = found
            ? (english ? {json.dumps(t("sim.search.found", "en"))} : {json.dumps(t("sim.search.found", "nl"))})
                .replace("{{n}}", String(found))
            : (english ? {json.dumps(t("sim.search.none", "en"))} : {json.dumps(t("sim.search.none", "nl"))});
        return [Object.keys(open), text];
    }}
    """,
    Output(ids.ACCORDION, "active_item", allow_duplicate=True),
    Output(ids.PARAMETER_SEARCH_RESULT, "children"),
    Input(ids.PARAMETER_SEARCH, "value"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)


# The browser measures an uploaded file before sending it: a file of another kind or over the size limit is
# sent as its name and size only (the server says why it is refused), so that a large file never becomes a
# request the server must turn away without a word.
clientside_callback(
    f"""
    function (contents, filename) {{
        if (typeof contents !== "string") {{ return window.dash_clientside.no_update; }}
        var name = typeof filename === "string" ? filename : "";
        var comma = contents.indexOf(",");
        var encoded = comma < 0 ? 0 : contents.length - comma - 1;
        var size = Math.floor(encoded * 3 / 4) - (contents.endsWith("==") ? 2 : contents.endsWith("=") ? 1 : 0);
        var kind = /[.](ya?ml|json)$/i.test(name);
        var upload = {{filename: name.slice(-200), size: Math.max(size, 0), at: Date.now()}};
        if (kind && size <= {MAX_SCENARIO_BYTES}) {{ upload.contents = contents; }}
        return upload;
    }}
    """,
    Output(ids.UPLOAD_CHECKED, "data"),
    Input(ids.UPLOAD, "contents"),
    State(ids.UPLOAD, "filename"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.PRESET_DESCRIPTION, "children"),
    Input(ids.PRESET, "value"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def describe_preset(preset_id: object, language: object) -> str:
    return preset_description(preset_id if isinstance(preset_id, str) else None, normalise_language(language))


def _horizon_problem(horizon: object, language: str) -> str:
    if isinstance(horizon, bool) or not isinstance(horizon, int | float):
        valid = False
    else:
        valid = float(horizon).is_integer() and 1 <= horizon <= MAX_HORIZON_YEARS
    if valid:
        return ""
    return t("sim.error.number", language).format(
        range=t("sim.range", language).format(low=1, high=MAX_HORIZON_YEARS),
        unit=t("sim.horizon.unit", language),
        step=1,
    )


def _page_draws(draws: object) -> int | None:
    """The draws asked for when the page offers them (a whole float such as 1000.0 too), else None."""
    if isinstance(draws, float) and draws.is_integer() and abs(draws) < 1e9:
        draws = int(draws)
    return draws if draws_problem(draws) is None else None  # type: ignore[return-value]


def _meta(meta: object) -> dict[str, Any]:
    base = meta_document(Scenario(), None)
    if isinstance(meta, dict):
        for key, value in meta.items():
            if key in base and isinstance(value, type(base[key])):
                base[key] = value
    return base


class SettingsCheck(NamedTuple):
    """The outcome of checking every field: a message per wrong field, and the scenario when all are right.

    (A named tuple, not a dataclass: Dash runs page modules before they are in sys.modules.)"""

    names: list[str]
    problems: dict[str, str]
    horizon_problem: str
    scenario: Scenario | None
    status: Any
    date_names: list[str]
    date_problems: dict[str, str]


def check_settings(
    values: object,
    horizon: object,
    draws: object,
    meta: object,
    control_ids: object,
    language: str,
    dates: object = None,
    date_ids: object = None,
) -> SettingsCheck:
    """Check every field; with all right, the scenario they make (named after its source, or 'adjusted')."""
    names = control_names(control_ids)
    if not isinstance(values, list) or len(values) != len(names):
        raise PreventUpdate
    date_names = control_names(date_ids) if date_ids is not None else []
    if dates is None:
        dates = [None] * len(date_names)
    if not isinstance(dates, list) or len(dates) != len(date_names):
        raise PreventUpdate
    source = _meta(meta)
    # A date shown in the list of changes wins; a parameter not listed yet keeps the date of its source (a link or a
    # file with dated values).
    chosen_dates: dict[str, object] = {
        name: value for name, value in source["dates"].items() if isinstance(name, str)
    }
    chosen_dates.update(zip(date_names, dates, strict=True))
    check = check_controls(dict(zip(names, values, strict=True)), language, chosen_dates)
    problems = dict(check.problems)
    problems.update({name: message for name, message in check.date_problems.items() if name not in problems})
    horizon_problem = _horizon_problem(horizon, language)
    page_draws = _page_draws(draws)
    scenario: Scenario | None = None
    if not problems and not horizon_problem and page_draws is not None:
        document = {
            "name": source["name"],
            "description": source["description"],
            "horizon_years": int(horizon),  # type: ignore[call-overload]
            "draws": page_draws,
            "seed": source["seed"],
            "parameters": {name: override_document(value) for name, value in check.values.items()},
            "distributions": source["distributions"],
        }
        try:
            scenario = parse_scenario(document)
        except ScenarioError as error:
            problems[error.field.removeprefix("parameters.")] = t("sim.error.other", language).format(
                message=error.message
            )
    if scenario is None:
        wrong = [name for name in names if name in problems] + [n for n in problems if n not in names]
        labels = field_labels(wrong, language) + ([t("sim.horizon", language)] if horizon_problem else [])
        labels += [t("sim.draws.invalid", language)] if page_draws is None else []
        status = html.Div(
            t("sim.status.invalid", language).format(count=len(labels), fields="; ".join(labels)),
            className="alert alert-danger py-2",
        )
        return SettingsCheck(names, problems, horizon_problem, None, status, date_names, check.date_problems)
    if scenario.canonical() != source["origin"]:
        scenario = Scenario(
            name=t("sim.adjusted", language).format(name=source["name"])[:200],
            description="",
            horizon_years=scenario.horizon_years,
            draws=scenario.draws,
            seed=scenario.seed,
            parameters=scenario.parameters,
            distributions=scenario.distributions,
        )
    return SettingsCheck(names, problems, "", scenario, "", date_names, {})


def _changed(new: list[Any], current: object, empty: object) -> list[Any]:
    """`new`, with no_update where the page shows that already (less for the browser to redraw)."""
    if not isinstance(current, list) or len(current) != len(new):
        return new
    return [
        value if (value or empty) != (shown or empty) else no_update
        for value, shown in zip(new, current, strict=True)
    ]


def _opened(open_items: object, names: list[str]) -> Any:
    """The settings groups to show open: those already open and those holding a wrong field."""
    opened = list(open_items) if isinstance(open_items, list) else []
    added = False
    for name in names:
        try:
            group = group_of(name)
        except KeyError:
            continue
        if group not in opened:
            opened.append(group)
            added = True
    return opened if added else no_update


def results_outputs(scenario: Scenario, meta: object, language: str) -> tuple[Any, ...]:
    """Everything the page shows for a valid scenario, in the order of `RESULT_OUTPUTS`: one service call
    (the results, cached where they are computed) and one builder. The settings' source (`meta`) says whether a
    notice of newer versions is due."""
    source = _meta(meta)
    return build_results(scenario_results(scenario), source["origin"], source["computed_with"], language)


def page_outputs(
    values: object,
    horizon: object,
    draws: object,
    meta: object,
    control_ids: object,
    shown_invalid: object,
    shown_messages: object,
    open_items: object,
    language: object,
    dates: object = None,
    date_ids: object = None,
    reset_ids: object = None,
) -> tuple[Any, ...]:
    """One round of the page: check the fields, and with all right, compute and show the results.

    While a field is wrong, nothing runs: the fields say why, the status names them, the results stay those of
    the last valid scenario (marked so). Only what changes is sent back.
    """
    language = normalise_language(language)
    check = check_settings(values, horizon, draws, meta, control_ids, language, dates, date_ids)
    value_problems = {n: m for n, m in check.problems.items() if n not in check.date_problems}
    invalid = _changed([name in value_problems for name in check.names], shown_invalid, False)
    messages = _changed([value_problems.get(name, "") for name in check.names], shown_messages, "")
    date_messages = [check.date_problems.get(name, "") for name in check.date_names]
    listed = control_names(reset_ids) if reset_ids is not None else []
    changes: Any = no_update
    if check.scenario is not None and changed_names(check.scenario) != listed:
        # The list is drawn again only when its parameters change (a new list fires this callback once more).
        dates_now = {**scenario_dates(check.scenario)}
        changes = ChangesList(check.scenario, language, dates_now)
    fields = (invalid, messages, date_messages, changes, bool(check.horizon_problem), check.horizon_problem)
    if check.scenario is None:
        opened = _opened(open_items, [name for name in check.names if name in check.problems])
        stale = (no_update, check.status, STALE_CLASS, opened)
        return (*fields, *stale, *([no_update] * len(RESULT_OUTPUTS)))
    try:
        results = results_outputs(check.scenario, meta, language)
    except (Busy, ComputeFailed):  # the budget is full or the run hit its limit: say so, keep what is shown
        status = html.Div(t("sim.status.busy", language), className="alert alert-warning py-2")
        return (*fields, no_update, status, STALE_CLASS, no_update, *([no_update] * len(RESULT_OUTPUTS)))
    state = scenario_state(check.scenario)
    return (*fields, state, "", FRESH_CLASS, no_update, *results)


def layout_digest(figure: Any) -> str | None:
    """A digest of a figure's layout (everything but its data), or None for what is no figure."""
    if not isinstance(figure, dict) or not isinstance(figure.get("layout"), dict):
        return None
    text = json.dumps(figure["layout"], sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def layout_digests(outputs: dict[tuple[str, str], Any]) -> dict[str, str]:
    """{graph id: layout digest} of the figures among the outputs."""
    digests = {}
    for (component_id, prop), value in outputs.items():
        digest = layout_digest(value) if prop == "figure" else None
        if digest is not None:
            digests[component_id] = digest
    return digests


def in_place(
    outputs: tuple[Any, ...], shown_layouts: object, shown_class: object = None, shown_status: object = None
) -> tuple[Any, ...]:
    """`page_outputs` as the browser gets it: a chart whose layout is the one it shows gets its new data alone
    (Dash's Patch: the chart is redrawn in place, its layout, zoom and legend kept), other results go as HTML
    where no callback reaches them (components/shell/static_html.py), the layouts shown are recorded, and the
    results' frame and status are left alone when they do not change (setting them makes the browser redraw
    everything inside)."""
    shown = shown_layouts if isinstance(shown_layouts, dict) else {}
    fields = list(outputs[: len(outputs) - len(RESULT_OUTPUTS)])
    status, results_class = FIELD_POSITIONS["status"], FIELD_POSITIONS["results_class"]
    if fields[results_class] == shown_class:
        fields[results_class] = no_update
    if fields[status] == "" and shown_status in (None, "", []):
        fields[status] = no_update
    results = outputs[len(fields) :]
    sent: list[Any] = []
    digests = dict(shown)
    for (component_id, prop), value in zip(RESULT_OUTPUTS, results, strict=True):
        if prop == "figure" and (digest := layout_digest(value)) is not None:
            if shown.get(component_id) == digest:
                patch = Patch()
                patch["data"] = value["data"]
                value = patch
            digests[component_id] = digest
        elif prop == "children":
            value = compact(value)
        sent.append(value)
    changed = digests if digests != shown else no_update
    return (*fields, *sent, changed)


#: Where `page_outputs` puts its field outputs (before the results).
FIELD_POSITIONS: Final = {
    name: index
    for index, name in enumerate(
        (
            "invalid",
            "messages",
            "date_messages",
            "changes",
            "horizon_invalid",
            "horizon_message",
            "state",
            "status",
            "results_class",
            "accordion",
        )
    )
}


def _control_ids(values: object) -> list[Any]:
    """The ids of the parameter fields, as Dash sent them with their values (a second list of ids in the
    request would cost Dash's pattern matching as much again); PreventUpdate when they are missing."""
    try:
        entries = dash.ctx.inputs_list[0]
    except Exception:  # called outside a callback
        raise PreventUpdate from None
    if not isinstance(entries, list) or not isinstance(values, list) or len(entries) != len(values):
        raise PreventUpdate
    return [entry.get("id") if isinstance(entry, dict) else None for entry in entries]


def problems_after(names: list[str], shown: dict[str, Any], invalid: Any, messages: Any) -> dict[str, str]:
    """The fields wrong after a round, with their messages: what was shown, changed where the round sent a flag
    or a message (no_update where it sent nothing)."""
    result = {}
    for index, name in enumerate(names):
        flag = invalid[index] if isinstance(invalid, list) else no_update
        message = messages[index] if isinstance(messages, list) else no_update
        wrong = (name in shown) if flag is no_update else bool(flag)
        if wrong:
            result[name] = str(shown.get(name, "") if message is no_update else message or "")
    return result


@callback(
    Output({"type": ids.PARAMETER, "name": ALL}, "invalid"),
    Output({"type": ids.PARAMETER_FEEDBACK, "name": ALL}, "children"),
    Output({"type": ids.PARAMETER_FROM_FEEDBACK, "name": ALL}, "children"),
    Output(ids.CHANGES, "children"),
    Output(ids.HORIZON, "invalid"),
    Output(ids.HORIZON_FEEDBACK, "children"),
    Output(ids.SCENARIO, "data"),
    Output(ids.STATUS, "children"),
    Output(ids.RESULTS, "className"),
    Output(ids.ACCORDION, "active_item"),
    *(Output(component, prop) for component, prop in RESULT_OUTPUTS),
    Output(ids.FIGURE_LAYOUTS, "data"),
    Output(ids.SHOWN_PROBLEMS, "data"),
    Input({"type": ids.PARAMETER, "name": ALL}, "value"),
    Input(ids.HORIZON, "value"),
    Input(ids.DRAWS, "value"),
    Input(ids.META, "data"),
    State(ids.ACCORDION, "active_item"),
    State(ids.LANGUAGE, "data"),
    Input({"type": ids.PARAMETER_FROM, "name": ALL}, "value"),
    State({"type": ids.PARAMETER_FROM, "name": ALL}, "id"),
    State({"type": ids.RESET, "name": ALL}, "id"),
    State(ids.FIGURE_LAYOUTS, "data"),
    State(ids.RESULTS, "className"),
    State(ids.STATUS, "children"),
    State(ids.SHOWN_PROBLEMS, "data"),
    prevent_initial_call=True,  # the layout holds the first results already
)
def update_page(
    values: object,
    horizon: object,
    draws: object,
    meta: object,
    open_items: object,
    language: object,
    dates: object,
    date_ids: object,
    reset_ids: object,
    shown_layouts: object,
    shown_class: object,
    shown_status: object,
    shown_problems: object,
) -> tuple[Any, ...]:
    # One callback, one request and one redraw for a changed field: the check and the results together.
    control_ids = _control_ids(values)
    names = control_names(control_ids)
    shown = shown_problems if isinstance(shown_problems, dict) else {}
    shown_invalid = [name in shown for name in names]
    shown_messages = [str(shown.get(name, "")) for name in names]
    outputs = page_outputs(
        values, horizon, draws, meta, control_ids, shown_invalid, shown_messages, open_items, language, dates,
        date_ids, reset_ids,
    )  # fmt: skip
    problems = problems_after(names, shown, outputs[0], outputs[1])
    return (
        *in_place(outputs, shown_layouts, shown_class, shown_status),
        problems if problems != shown else no_update,
    )


@callback(
    Output({"type": ids.PARAMETER, "name": ALL}, "value", allow_duplicate=True),
    Input({"type": ids.RESET, "name": ALL}, "n_clicks"),
    Input(ids.RESET_ALL, "n_clicks"),
    State({"type": ids.PARAMETER, "name": ALL}, "id"),
    prevent_initial_call=True,
)
def reset_change(clicks: object, all_clicks: object, control_ids: object) -> list[Any]:
    # A new list of changes brings new buttons with no click, and fires this callback: only a real click resets
    # (nothing to update otherwise, answered as such rather than refused).
    if not _clicked(clicks, all_clicks, _trigger()):
        return [no_update] * len(control_names(control_ids))
    return reset_values(_trigger(), control_ids)


def _clicked(clicks: object, all_clicks: object, trigger: object) -> bool:
    if trigger == ids.RESET_ALL:
        return bool(all_clicks)
    if isinstance(trigger, dict) and isinstance(clicks, list):
        try:
            inputs = dash.ctx.inputs_list[0]
        except Exception:  # called directly, e.g. in a unit test
            return True
        for item, count in zip(inputs, clicks, strict=False):
            if item.get("id") == trigger:
                return bool(count)
    return False


@callback(
    Output(ids.DOWNLOAD, "data"),
    Input(ids.DOWNLOAD_SCENARIO_YAML, "n_clicks"),
    Input(ids.DOWNLOAD_SCENARIO_JSON, "n_clicks"),
    Input(ids.DOWNLOAD_RESULTS_CSV, "n_clicks"),
    Input(ids.DOWNLOAD_RESULTS_EXCEL_CSV, "n_clicks"),
    Input(ids.DOWNLOAD_RESULTS_XLSX, "n_clicks"),
    State(ids.SCENARIO, "data"),
    State(ids.LANGUAGE, "data"),
    prevent_initial_call=True,
)
def download(
    _yaml_clicks: object,  # which button was pressed comes from the trigger, not from the counts
    _json_clicks: object,
    _csv_clicks: object,
    _excel_csv_clicks: object,
    _xlsx_clicks: object,
    state: object,
    language: object,
) -> Any:
    return download_data(_trigger(), state, language)


# The link in the address bar follows the scenario without building the page again (the router listens to the
# location, so the page replaces the history entry itself); the language switch keeps the scenario too.
clientside_callback(
    """
    function (state) {
        if (!state || typeof state.s !== "string") { return window.dash_clientside.no_update; }
        var params = new URLSearchParams(window.location.search);
        if (state.s) { params.set("s", state.s); } else { params.delete("s"); }
        var query = params.toString();
        var target = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
        if (target !== window.location.pathname + window.location.search + window.location.hash) {
            window.history.replaceState(window.history.state, "", target);
        }
        document.querySelectorAll("a.language-switch").forEach(function (link) {
            var url = new URL(link.getAttribute("href"), window.location.href);
            if (state.s) { url.searchParams.set("s", state.s); } else { url.searchParams.delete("s"); }
            link.setAttribute("href", url.pathname + url.search);
        });
        return state.s;
    }
    """,
    Output(ids.URL_SYNC, "children"),
    Input(ids.SCENARIO, "data"),
)
