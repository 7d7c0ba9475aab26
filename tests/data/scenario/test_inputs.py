"""Code health of the model's inputs (PolicyEngine's rule: every control reaches the model) and the dated law
(OpenFisca's rule: a value holds in the quarters it is in force, a reform from its date on)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pytest

from data.parameter_store import load_parameters
from data.scenario.inputs import BUILT_HERE, Frame, InputsError, build_inputs
from data.scenario.schema import (
    RUN_START,
    SHARE_GROUPS,
    Scenario,
    ScenarioError,
    baseline_values,
    parse_scenario,
    scenario_parameters,
    scenario_values,
    uncertain_parameters,
)
from simulation import project
from simulation.coverage import coverage_rows
from simulation.inputs import UNCERTAIN_FIELDS

PARAMETERS = load_parameters()
GROUPS = {"loonpremie", "begeleidingspremie", "fallback", "contingent", "financing", "inflow", "exits", "workers",
          "indexation", "limits"}  # fmt: skip
#: Scenarios under which a parameter that moves nothing in the baseline may show its effect.
PROBES = (
    {},
    {"financing.loonpremie_mode": "closed", "financing.loonpremie_envelope": 200_000_000},
    {"financing.begeleidingspremie_mode": "closed"},
    {"fallback.mode": "on_top"},
    {"fallback.mode": "on_top", "fallback.return_cost_basis": "per_place"},
    {
        "loonpremie.package.five_year_standard.band_1": 0.5
    },  # the law differs from the decree: the inflow responds
)


def _fingerprint(scenario: Scenario) -> list[np.ndarray]:
    projection = project(build_inputs(scenario))
    arrays = [np.nan_to_num(v) for v in projection.series.values()]
    arrays += [projection.inflow_by_origin, projection.workers_by_coaching, projection.workers_by_package]
    arrays.append(
        np.array(
            [[r.coaching_cost, r.premium_first_quarters] for r in coverage_rows(scenario_values(scenario))]
        )
    )
    arrays.append(np.array([w.share_of_draws for w in projection.warnings] + [len(projection.warnings)]))
    return arrays


def _moves(name: str) -> list[dict[str, object]]:
    """Changes of `name` inside its control: a step, and its control's ends (for a share of a group, with the
    opposite change of the largest other share)."""
    parameter = PARAMETERS[name]
    control = parameter.control
    value = baseline_values()[name]
    if control.allowed is not None:
        return [{name: choice} for choice in control.allowed if choice != value]
    step = max(control.step or 0.0, 0.1 * (control.maximum - control.minimum))
    group = next((g for g in SHARE_GROUPS if name.startswith(g + ".")), None)
    candidates = [value + step if value + step <= control.maximum else value - step]
    if group is None:
        candidates += [control.minimum, control.maximum]
    result = []
    for moved in candidates:
        moved = round(moved) if isinstance(value, int) else float(moved)
        if moved == value:
            continue
        changes: dict[str, object] = {name: moved}
        if group is not None:
            partner = max(
                (n for n in PARAMETERS if n.startswith(group + ".") and n != name),
                key=lambda n: baseline_values()[n],
            )
            changes[partner] = baseline_values()[partner] - (moved - value)
        result.append(changes)
    return result


@pytest.mark.parametrize("name", sorted(scenario_parameters()))
def test_every_control_moves_an_output_or_says_why_not(name):
    parameter = PARAMETERS[name]
    if parameter.affects == "none":
        assert parameter.affects_reason, f"{name} moves nothing and says no reason"
        return
    for probe in PROBES:
        base = _fingerprint(parse_scenario({"parameters": probe}))
        for move in _moves(name):
            changed = _fingerprint(parse_scenario({"parameters": {**probe, **move}}))
            if any(not np.allclose(a, b, rtol=1e-10, atol=1e-9) for a, b in zip(base, changed, strict=True)):
                return
    pytest.fail(
        f"{name}: a control that no output reads (in the baseline and under {len(PROBES) - 1} probes)"
    )


def test_every_parameter_is_read_by_the_model_a_builder_or_says_what_it_is_for():
    for name, parameter in PARAMETERS.items():
        read = bool(parameter.input) or any(name == p or name.startswith(p) for p in BUILT_HERE)
        explained = parameter.affects in {"none", "coverage", "milestones", "origin", "warnings"}
        if parameter.affects == "none":
            assert parameter.affects_reason, name
        assert read or explained, f"{name} is read by nothing"


def test_every_controllable_parameter_names_its_group_and_its_effect_in_its_metadata():
    for name, parameter in scenario_parameters().items():
        assert parameter.group in GROUPS, f"{name}: group {parameter.group!r}"
        assert parameter.effect in {"volume", "price", "mix", "fallback", "financing"}, (
            f"{name}: {parameter.effect!r}"
        )


def test_every_uncertain_model_field_has_one_parameter_that_carries_its_distribution():
    fields = [parameter.input for parameter in uncertain_parameters().values()]
    assert sorted(fields) == sorted(UNCERTAIN_FIELDS)
    for name, parameter in uncertain_parameters().items():
        assert parameter.status != "verified", f"{name}: a verified (legal) value carries a distribution"
        assert len(parameter.description) > 40, f"{name}: the reasoning behind its distribution is missing"


def test_statuses_say_what_is_law_and_what_is_assumed():
    assert PARAMETERS["financing.loonpremie_mode"].status == "assumption"
    assert PARAMETERS["financing.begeleidingspremie_mode"].status == "assumption"
    assert PARAMETERS["collectief.cost_per_place"].status == "secondary"
    assert PARAMETERS["fallback.window_quarters"].status == "secondary"
    assert baseline_values()["fallback.window_quarters"] == 6  # 18 months, the draft implementing decree
    assert not build_inputs(Scenario()).coaching_eligible[4]  # the self-employed: no source gives them one


def test_a_parameter_with_no_value_at_a_date_the_run_needs_is_an_error_naming_both():
    late = dataclasses.replace(
        PARAMETERS["exits.other_rate"],
        values=tuple(
            dataclasses.replace(v, start=dt.date(2025, 1, 1)) for v in PARAMETERS["exits.other_rate"].values
        ),
    )
    from data.parameter_store import ParameterSet

    broken = ParameterSet({**PARAMETERS, "exits.other_rate": late})
    with pytest.raises(InputsError, match=r"exits\.other_rate has no value in force on 2023-07-01"):
        build_inputs(Scenario(), broken)


def test_a_dated_reform_changes_the_results_from_its_quarter_on_and_not_before():
    reform = parse_scenario(
        {"parameters": {"loonpremie.package.five_year_raised.band_1": {"2028-01-01": 0.65}}}
    )
    base = project(build_inputs(Scenario()))
    changed = project(build_inputs(reform))
    first = base.quarters.index((2028, 1))
    cost_base, cost_changed = base.series["loonpremie_imw_cost"][0], changed.series["loonpremie_imw_cost"][0]
    assert np.array_equal(cost_base[:first], cost_changed[:first])
    assert np.all(cost_changed[first:] > cost_base[first:])
    # A value from a date inside a quarter holds from the next quarter.
    inside = parse_scenario(
        {"parameters": {"loonpremie.package.five_year_raised.band_1": {"2028-02-15": 0.65}}}
    )
    later = project(build_inputs(inside)).series["loonpremie_imw_cost"][0]
    assert later[first] == cost_base[first] and later[first + 1] > cost_base[first + 1]


def test_a_plain_policy_value_holds_from_the_projection_start_and_an_assumption_for_the_whole_run():
    policy = parse_scenario({"parameters": {"loonpremie.package.five_year_raised.band_1": 0.65}})
    assumption = parse_scenario({"parameters": {"exits.other_rate": 0.12}})
    inputs_policy = build_inputs(policy)
    start = inputs_policy.projection_start_index
    assert inputs_policy.percentage_by_age[start - 1, 2, 0] == 0.55
    assert inputs_policy.percentage_by_age[start, 2, 0] == 0.65
    assert np.all(build_inputs(assumption).exit_other == 0.12)


def test_dated_values_are_checked_like_plain_ones_and_refused_where_the_parameter_cannot_change():
    with pytest.raises(ScenarioError, match="out of range"):
        parse_scenario({"parameters": {"fallback.takeup": {"2030-01-01": 1.5}}})
    with pytest.raises(ScenarioError, match="not a date"):
        parse_scenario({"parameters": {"fallback.takeup": {"soon": 0.5}}})
    with pytest.raises(ScenarioError, match="outside the run"):
        parse_scenario({"parameters": {"fallback.takeup": {"2020-01-01": 0.5}}})
    with pytest.raises(ScenarioError, match="cannot change from a date"):
        parse_scenario({"parameters": {"indexation.mode": {"2030-01-01": "annual"}}})
    with pytest.raises(ScenarioError, match="add up to 1 from 2030-01-01"):
        parse_scenario({"parameters": {"inflow.package_mix.two_year": {"2030-01-01": 0.5}}})


def test_a_dated_value_round_trips_through_the_canonical_form():
    scenario = parse_scenario(
        {"parameters": {"fallback.window_quarters": {"2028-01-01": 20, "2026-01-01": 4}}}
    )
    assert scenario.canonical()["parameters"] == {
        "fallback.window_quarters": {"2026-01-01": 4, "2028-01-01": 20}
    }
    assert parse_scenario(scenario.canonical()).canonical() == scenario.canonical()


def test_the_run_starts_with_imw_and_the_collective_block_from_the_published_end_of_2024():
    inputs = build_inputs(Scenario())
    assert inputs.run_start == RUN_START
    assert inputs.projection_start_index == 10
    assert inputs.collective_start_index == 6
    assert inputs.filled_start == pytest.approx(19800.49) and inputs.queue_start == 3089
    # The published contingent to its last quarter (2026 Q1), interpolated between published quarters.
    known = inputs.capacity_known
    assert known[10] == pytest.approx(21466.66) and np.isnan(known[11])
    assert known[5] == pytest.approx(21318.54)  # 2024 Q4
    assert 21245 < known[8] < 21319  # 2025 Q3, between 2024 Q4 and 2025 Q4


def test_the_price_level_before_the_projection_is_the_published_health_index():
    inputs = build_inputs(Scenario())
    history = inputs.price_history[:10]
    assert np.all(np.diff(history) >= -0.01) and 0.9 < history[0] < 1.0
    frame = Frame(horizon_quarters=4)
    assert build_inputs(Scenario(horizon_years=1), frame=frame).price_history.shape == (14,)
