"""Compare up to three scenarios: the parameters that differ, every result, and where the budget difference comes
from (volume, price, mix, fallback, financing).

The link holds the choice: ``?a=basis&b=terugval_5_jaar&c=<state>``, each slot a preset id or a scenario state as
the simulator writes it (services/scenario_url.py). A slot that cannot be read falls back to the baseline, with a
message.
"""

from __future__ import annotations

import logging
from typing import Any, Final

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, dcc, html
from dash.exceptions import PreventUpdate

from components.shell.layout import PageHeader, PageShell, fill_outputs, href
from components.simulator import ids
from components.simulator.charts import GRAPH_CONFIG, compare_cost_figure, decomposition_figure
from components.simulator.controls import preset_name, scenario_title
from components.simulator.summary import link_problem_text
from components.simulator.tables import decomposition_table, output_differences, parameter_differences
from i18n import normalise_language, t
from services.scenario_url import decode_scenario, encode_scenario, is_baseline
from services.scenarios import BASELINE_PRESET, Scenario, load_presets, matching_preset
from services.simulation import decomposition_of, simulate, versions

log = logging.getLogger("imw.simulator")

PATH: Final = ids.SIMULATOR_PATH
COMPARE_PATH: Final = ids.COMPARE_PATH
SLOTS: Final = ("a", "b", "c")
NONE: Final = "none"
#: What the page compares when the link names nothing: a price change and a fallback change against the baseline.
DEFAULT_SLOTS: Final = {
    "a": BASELINE_PRESET,
    "b": "begeleiding_volledige_kost",
    "c": "terugval_bovenop_contingent",
}

# In the main navigation right after the simulator: every page of the portal is reachable from the home page.
dash.register_page(
    __name__,
    path=COMPARE_PATH,
    order=91,
    title=f"{t('sim.compare.title', 'nl')} – {t('site.title', 'nl')}",
    nav_label={"nl": t("sim.compare.nav", "nl"), "en": t("sim.compare.nav", "en")},
    nav_description={
        "nl": t("sim.compare.nav_description", "nl"),
        "en": t("sim.compare.nav_description", "en"),
    },
)


def link_value(slot: str) -> str:
    """The option value of a scenario that came with the link in `slot`."""
    return f"link-{slot}"


def read_slots(query: dict[str, object], language: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """From the link: the option chosen per slot, the states of the scenarios that are no preset, and messages."""
    presets = load_presets()
    given = {slot: query.get(slot) for slot in SLOTS}
    if all(value in (None, "") for value in given.values()):
        return dict(DEFAULT_SLOTS), {}, []
    chosen: dict[str, str] = {}
    states: dict[str, str] = {}
    messages: list[str] = []
    for slot, value in given.items():
        if value in (None, ""):
            chosen[slot] = NONE if slot != "a" else BASELINE_PRESET
            continue
        if isinstance(value, str) and value in presets:
            chosen[slot] = value
            continue
        decoded = decode_scenario(value)
        if decoded.problem is not None:
            problem = decoded.problem
            text = link_problem_text(problem.kind, problem.field, problem.message, language)
            messages.append(f"{slot.upper()}: {text}")
            chosen[slot] = BASELINE_PRESET
            continue
        preset = matching_preset(decoded.scenario)
        if preset is not None:
            chosen[slot] = preset
        else:
            chosen[slot] = link_value(slot)
            states[link_value(slot)] = encode_scenario(decoded.scenario)
    return chosen, states, messages


def slot_options(slot: str, states: dict[str, str], language: str) -> list[dict[str, str]]:
    """Presets, the scenarios from the link, and for B and C 'none'."""
    options = [{"label": preset_name(p, language), "value": p.id} for p in load_presets().values()]
    for value, state in states.items():
        name = decode_scenario(state).scenario.name
        options.append({"label": t("sim.compare.from_link", language).format(name=name), "value": value})
    if slot != "a":
        options.append({"label": t("sim.compare.none", language), "value": NONE})
    return options


def scenario_of(choice: object, states: object) -> Scenario | None:
    """The scenario an option stands for (None for 'none' or an option that is not known)."""
    presets = load_presets()
    if isinstance(choice, str) and choice in presets:
        return presets[choice].scenario
    if isinstance(choice, str) and isinstance(states, dict) and isinstance(states.get(choice), str):
        decoded = decode_scenario(states[choice])
        return decoded.scenario if decoded.problem is None else None
    return None


def layout(lang: str = "nl", **query: Any) -> html.Div:
    language = normalise_language(lang)
    chosen, states, messages = read_slots(query, language)
    selects = [
        dbc.Col(
            [
                dbc.Label(
                    t("sim.compare.slot", language).format(letter=slot.upper()),
                    html_for=ids.dom_id({"type": ids.COMPARE_SLOT, "slot": slot}),
                ),
                dbc.Select(
                    id={"type": ids.COMPARE_SLOT, "slot": slot},
                    options=slot_options(slot, states, language),
                    value=chosen[slot],
                ),
            ],
            md=4,
            className="mb-2",
        )
        for slot in SLOTS
    ]
    body = [
        PageHeader(t("sim.compare.title", language), t("sim.compare.lead", language)),
        html.Div(t("sim.projection_note", language), className="alert alert-warning py-2", role="note"),
        *(
            [
                html.Div(
                    " ".join(messages),
                    className="alert alert-warning py-2",
                    role="status",
                    id=ids.COMPARE_LINK_NOTICE,
                )
            ]
            if messages
            else []
        ),
        dcc.Store(id=ids.COMPARE_LANGUAGE, data=language),
        dcc.Store(id=ids.COMPARE_STATE, data=states),
        dcc.Store(id=ids.COMPARE_QUERY),
        html.Div(id=ids.COMPARE_URL_SYNC, hidden=True),
        dbc.Row(selects),
        html.P(t("sim.compare.reference", language), className="small"),
        html.P(id=ids.COMPARE_OPEN_LINKS),
        html.Section(
            [
                html.H2(t("sim.compare.headline", language), className="h4 mt-3"),
                html.Div(id=ids.COMPARE_HEADLINE),
            ]
        ),
        html.Section(
            [
                html.H2(t("sim.compare.parameters", language), className="h4 mt-4"),
                html.Div(id=ids.COMPARE_PARAMETERS),
            ]
        ),
        html.Section(
            [
                html.H2(t("sim.compare.cost_chart", language), className="h4 mt-4"),
                dcc.Graph(id=ids.COMPARE_COST_GRAPH, config=GRAPH_CONFIG, figure={"layout": {"height": 400}}),
            ]
        ),
        html.Section(
            [
                html.H2(t("sim.compare.outputs", language), className="h4 mt-4"),
                html.Div(id=ids.COMPARE_OUTPUTS),
            ]
        ),
        html.Section(
            [
                html.H2(t("sim.compare.decomposition", language), className="h4 mt-4"),
                html.Div(id=ids.COMPARE_DECOMPOSITION),
            ]
        ),
        html.P(dcc.Link(t("sim.compare.back", language), href=href(PATH, language)), className="mt-4"),
    ]
    fill_outputs(body, first_comparison([chosen[slot] for slot in SLOTS], states, language))
    return PageShell(language, COMPARE_PATH, body, query={"lang": language, **query})


#: What `compare_outputs` fills, in the order of the callback's outputs.
COMPARE_OUTPUTS: Final = (
    (ids.COMPARE_HEADLINE, "children"),
    (ids.COMPARE_PARAMETERS, "children"),
    (ids.COMPARE_COST_GRAPH, "figure"),
    (ids.COMPARE_OUTPUTS, "children"),
    (ids.COMPARE_DECOMPOSITION, "children"),
    (ids.COMPARE_OPEN_LINKS, "children"),
    (ids.COMPARE_QUERY, "data"),
)


def first_comparison(choices: list[str], states: dict[str, str], language: str) -> dict[tuple[str, str], Any]:
    """What the page shows before anyone changes a choice: the callback's own outputs (one code path), so that
    the comparison is in the page when it arrives and nothing moves (issue 11)."""
    try:
        return dict(zip(COMPARE_OUTPUTS, compare_outputs(choices, states, language), strict=True))
    except PreventUpdate:
        return {}
    except Exception as error:  # the page still opens; a change of choice computes again
        log.error("first comparison failed: %s: %s", type(error).__name__, error, exc_info=error)
        return {}


def _slot_query_value(choice: str, states: dict[str, str]) -> str:
    return states.get(choice, choice)


def compare_outputs(choices: object, states: object, language: object) -> tuple[Any, ...]:
    """Everything the compare page shows for the chosen scenarios."""
    language = normalise_language(language)
    if not isinstance(choices, list) or len(choices) != len(SLOTS):
        raise PreventUpdate
    picked: list[tuple[str, Scenario, str]] = []
    for slot, choice in zip(SLOTS, choices, strict=True):
        scenario = scenario_of(choice, states)
        if scenario is not None:
            picked.append((slot.upper(), scenario, str(choice)))
    if not picked or picked[0][0] != "A":
        raise PreventUpdate
    results = [(letter, scenario, simulate(scenario)) for letter, scenario, _ in picked]
    titles = {letter: f"{letter}: {scenario_title(scenario, language)}" for letter, scenario, _ in results}
    named = [(titles[letter], scenario) for letter, scenario, _ in results]
    annuals = [(titles[letter], result.annual) for letter, _, result in results]
    year_sets = [set(result.annual["year"].astype(int)) for _, _, result in results]
    years = sorted(set.intersection(*year_sets))
    outputs: list[Any] = [output_differences(annuals, years, language)]
    if len({len(s) for s in year_sets}) > 1:
        outputs.insert(0, html.P(t("sim.compare.horizon_differs", language), className="small"))
    base_letter, base, _ = results[0]
    decompositions: list[Any] = []
    for letter, scenario, _ in results[1:]:
        result = decomposition_of(base, scenario)
        name_a, name_b = titles[base_letter], titles[letter]
        decompositions += [
            html.H3(f"{letter} − {base_letter}", className="h5 mt-3"),
            html.P(
                t("sim.compare.decomposition.caption", language).format(
                    first=result.years[0], last=result.years[-1], a=base_letter, b=letter
                ),
                className="small text-body-secondary",
            ),
            dcc.Graph(figure=decomposition_figure(result, language), config=GRAPH_CONFIG),
            decomposition_table(result, name_a, name_b, language),
        ]
    if not decompositions:
        decompositions = [html.P(t("sim.compare.parameters.none", language))]
    links = []
    for letter, scenario, _ in results:
        target = (
            href(PATH, language)
            if is_baseline(scenario)
            else href(PATH, language, s=encode_scenario(scenario, computed_with=versions()))
        )
        links += [dcc.Link(t("sim.compare.open", language).format(letter=letter), href=target), " · "]
    query = {
        slot: _slot_query_value(str(choice), states if isinstance(states, dict) else {})
        for slot, choice in zip(SLOTS, choices, strict=True)
        if isinstance(choice, str) and choice and choice != NONE
    }
    return (
        output_differences(annuals, years, language, headline=True),
        parameter_differences(named, language),
        compare_cost_figure(annuals, language),
        outputs,
        decompositions,
        links[:-1],
        query,
    )


@callback(
    *(Output(component, prop) for component, prop in COMPARE_OUTPUTS),
    Input({"type": ids.COMPARE_SLOT, "slot": ALL}, "value"),
    State(ids.COMPARE_STATE, "data"),
    State(ids.COMPARE_LANGUAGE, "data"),
    prevent_initial_call=True,  # the layout holds the first comparison already
)
def compare(choices: object, states: object, language: object) -> tuple[Any, ...]:
    return compare_outputs(choices, states, language)


# The link follows the choice of scenarios without building the page again.
clientside_callback(
    """
    function (query) {
        if (!query || typeof query !== "object") { return window.dash_clientside.no_update; }
        var params = new URLSearchParams(window.location.search);
        ["a", "b", "c"].forEach(function (slot) {
            if (typeof query[slot] === "string" && query[slot]) { params.set(slot, query[slot]); }
            else { params.delete(slot); }
        });
        var target = window.location.pathname + "?" + params.toString();
        window.history.replaceState(window.history.state, "", target);
        document.querySelectorAll("a.language-switch").forEach(function (link) {
            var url = new URL(link.getAttribute("href"), window.location.href);
            ["a", "b", "c"].forEach(function (slot) {
                if (params.has(slot)) { url.searchParams.set(slot, params.get(slot)); }
                else { url.searchParams.delete(slot); }
            });
            link.setAttribute("href", url.pathname + url.search);
        });
        return params.toString();
    }
    """,
    Output(ids.COMPARE_URL_SYNC, "children"),
    Input(ids.COMPARE_QUERY, "data"),
)
