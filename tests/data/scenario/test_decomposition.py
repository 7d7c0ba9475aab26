"""The decomposition of a budget difference: every parameter has an effect, and the effects add up exactly."""

from __future__ import annotations

import pytest

from data.parameter_store import load_parameters
from data.scenario.decomposition import (
    EFFECTS,
    DecompositionError,
    decompose,
    effect_of,
    substitution_steps,
)
from data.scenario.presets import load_presets
from data.scenario.schema import Scenario, parse_scenario

#: A change in every effect at once.
EVERYTHING = {
    "inflow.level_factor": 1.1,
    "inflow.package_mix.two_year": 0.25,
    "inflow.package_mix.five_year_standard": 0.36,
    "loonpremie.package.five_year_standard.band_1": 0.5,
    "begeleidingspremie.variable.high": 1500,
    "inflow.coaching_share.none": 0.30,
    "inflow.coaching_share.high": 0.18,
    "fallback.mode": "on_top",
    "fallback.window_quarters": 20,
    "financing.begeleidingspremie_mode": "closed",
}


def test_every_controllable_parameter_counts_under_exactly_one_effect_from_its_metadata():
    for name, parameter in load_parameters().items():
        if parameter.control is not None:
            assert effect_of(name) in EFFECTS, name


def test_a_parameter_without_an_effect_is_an_error_not_a_silent_residual():
    with pytest.raises(DecompositionError, match="belongs to no effect"):
        effect_of("limits.target_population")


def test_the_steps_start_at_a_and_end_at_b_exactly():
    a = Scenario()
    b = parse_scenario({"parameters": EVERYTHING})
    steps = substitution_steps(a, b)
    assert len(steps) == len(EFFECTS) + 1
    assert steps[0] == a.parameters
    assert steps[-1] == b.parameters


def test_the_effects_add_up_to_the_total_difference_in_every_year():
    result = decompose(Scenario(), parse_scenario({"parameters": EVERYTHING}))
    for year in range(len(result.years)):
        total = result.target[year] - result.base[year]
        assert sum(result.effects[e][year] for e in EFFECTS) == pytest.approx(total, abs=1e-3)
    # The total difference minus the sum of the effects, over the years: zero up to rounding.
    residual = (
        result.cumulative("target") - result.cumulative("base") - sum(result.cumulative(e) for e in EFFECTS)
    )
    assert abs(residual) < 1e-2  # EUR, on totals of billions


def test_the_end_of_the_decomposition_is_b_s_own_projection():
    from data.results import run
    from simulation.summary import annual_table

    b = parse_scenario({"parameters": EVERYTHING})
    result = decompose(Scenario(), b)
    own = annual_table(run(b)).pivot(index="year", columns="output", values="mean")["total_cost"]
    assert list(result.target) == pytest.approx(list(own), rel=1e-12)


@pytest.mark.parametrize(
    ("parameters", "effect"),
    [
        ({"inflow.level_factor": 1.2}, "volume"),
        ({"loonpremie.package.five_year_raised.band_1": 0.6}, "price"),
        ({"inflow.coaching_share.none": 0.25, "inflow.coaching_share.high": 0.23}, "mix"),
        ({"inflow.level_factor": {"2030-01-01": 1.3}}, "volume"),
        ({"fallback.mode": "on_top"}, "fallback"),
        ({"financing.begeleidingspremie_mode": "closed"}, "financing"),
    ],
)
def test_a_change_of_one_kind_shows_only_in_its_own_effect(parameters, effect):
    result = decompose(Scenario(), parse_scenario({"parameters": parameters}))
    assert result.cumulative(effect) != 0
    for other in EFFECTS:
        if other != effect:
            assert result.cumulative(other) == 0


def test_the_fallback_presets_decompose_into_fallback_only():
    presets = load_presets()
    result = decompose(presets["basis"].scenario, presets["terugval_bovenop_contingent"].scenario)
    assert result.cumulative("fallback") > 0
    assert result.cumulative("fallback") == pytest.approx(
        result.cumulative("target") - result.cumulative("base")
    )
