"""The scenario the simulator page holds: what its store keeps (the scenario's document, the value of ``s``
for the link, where the settings came from) and how the controls show a scenario (the baseline it is set against:
services/scenario_results.py). Plain functions: the callbacks that use them are in page.py."""

from __future__ import annotations

from typing import Any

from dash import no_update
from dash.exceptions import PreventUpdate

from components.simulator import ids
from components.simulator.controls import (
    CUSTOM,
    choice_value,
    scenario_dates,
    shown_override,
    to_display,
)
from services.scenario_url import encode_scenario, is_baseline
from services.scenarios import (
    Scenario,
    ScenarioError,
    baseline_values,
    parse_scenario,
    scenario_parameters,
)
from services.simulation import (
    versions,
)


def scenario_document(scenario: Scenario) -> dict[str, Any]:
    """The scenario file's mapping (what the store, the downloads and the results read back), without the
    versions a file recorded (the page records its own when it writes one)."""
    return scenario.document(computed_with={})


def meta_document(scenario: Scenario, preset_id: str | None) -> dict[str, Any]:
    """Where the settings came from: the source's name and description, what the controls cannot show (seed,
    distributions), what it was saved with, and its canonical form (to tell when the user changed it)."""
    canonical = scenario.canonical()
    return {
        "name": scenario.name,
        "description": scenario.description,
        "seed": scenario.seed,
        "distributions": canonical.get("distributions", {}),
        "computed_with": scenario.computed_with or {},
        "origin": canonical,
        "preset": preset_id or CUSTOM,
        "dates": scenario_dates(scenario),
    }


def scenario_state(scenario: Scenario) -> dict[str, Any]:
    """What the store holds: the scenario's document and the value of ``s`` for the link (empty: baseline)."""
    state = "" if is_baseline(scenario) else encode_scenario(scenario, computed_with=versions())
    return {"document": scenario_document(scenario), "s": state}


def scenario_from_state(state: object) -> Scenario:
    """The scenario in the store, validated again (the browser may send anything); PreventUpdate if none."""
    if not isinstance(state, dict) or not isinstance(state.get("document"), dict):
        raise PreventUpdate
    try:
        return parse_scenario(state["document"])
    except (ScenarioError, TypeError, ValueError):
        raise PreventUpdate from None


def control_names(control_ids: object) -> list[str]:
    """The parameter names of the controls, in the order of the page; PreventUpdate when the ids are malformed."""
    if not isinstance(control_ids, list):
        raise PreventUpdate
    names = []
    for control_id in control_ids:
        if not isinstance(control_id, dict) or not isinstance(control_id.get("name"), str):
            raise PreventUpdate
        names.append(control_id["name"])
    return names


def control_values(scenario: Scenario, names: list[str]) -> list[Any]:
    """What each control shows for a scenario (choices as the select holds them, shares as percentages; a value
    from a date as that value)."""
    baseline = baseline_values()
    parameters = scenario_parameters()
    shown: list[Any] = []
    for name in names:
        parameter = parameters.get(name)
        if parameter is None or parameter.control is None:
            shown.append(no_update)
            continue
        value, _ = shown_override(scenario.parameters.get(name), baseline[name])
        if parameter.control.allowed is not None:
            shown.append(choice_value(value))
        else:
            shown.append(to_display(float(value), parameter.unit))
    return shown


def reset_values(trigger: object, control_ids: object) -> list[Any]:
    """The controls' values after a reset button: the baseline for the parameter reset (or for all)."""
    names = control_names(control_ids)
    baseline = Scenario()
    values = control_values(baseline, names)
    if trigger == ids.RESET_ALL:
        return values
    if not isinstance(trigger, dict) or trigger.get("type") != ids.RESET or trigger.get("name") not in names:
        raise PreventUpdate
    target = trigger["name"]
    return [value if name == target else no_update for name, value in zip(names, values, strict=True)]
