"""Invariants of the projection that must hold for any inputs (hypothesis draws them)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose, assert_array_equal

from simulation import Distribution, monte_carlo, project
from simulation.inputs import UNCERTAIN_FIELDS, InputError
from simulation.uncertainty import draw_assumptions

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

share = st.floats(0.0, 1.0)
changes = st.fixed_dictionaries(
    {
        "horizon_quarters": st.integers(1, 40),
        "inflow_scale": st.floats(0.0, 4.0),
        "inflow_trend": st.floats(-0.2, 0.3),
        "elasticity": st.floats(0.0, 2.0),
        "exit_involuntary": st.floats(0.0, 0.6),
        "exit_other": st.floats(0.0, 0.3),
        "exit_doorstroom": st.floats(0.0, 0.3),
        "exit_rate_factor": st.floats(0.2, 3.0),
        "renewal": share,
        "fallback_window_quarters": st.integers(0, 20),
        "fallback_takeup": share,
        "fallback_on_top": st.booleans(),
        "max_fill_rate": st.floats(0.8, 1.0),
        "extra_places_per_year": st.floats(0.0, 2000.0),
        "new_advices_per_quarter": st.floats(0.0, 3000.0),
        "indexation_pivot": st.booleans(),
        "inflation": st.floats(-0.02, 0.1),
        "loonpremie_closed": st.booleans(),
        "begeleiding_closed": st.booleans(),
        "envelope_scale": st.floats(0.0, 2.0),
    }
)


def variant(inputs, c):
    renewal = inputs.renewal_share.copy()
    renewal[1:5] = c["renewal"]
    return inputs.with_changes(
        horizon_quarters=c["horizon_quarters"],
        inflow_base=inputs.inflow_base * c["inflow_scale"],
        inflow_trend=c["inflow_trend"],
        elasticity=c["elasticity"],
        exit_involuntary=c["exit_involuntary"],
        exit_other=c["exit_other"],
        exit_doorstroom=c["exit_doorstroom"],
        exit_rate_factor=c["exit_rate_factor"],
        renewal_share=renewal,
        fallback_window_quarters=c["fallback_window_quarters"],
        fallback_takeup=c["fallback_takeup"],
        fallback_on_top=c["fallback_on_top"],
        max_fill_rate=c["max_fill_rate"],
        extra_places_per_year=c["extra_places_per_year"],
        new_advices_per_quarter=c["new_advices_per_quarter"],
        indexation_pivot=c["indexation_pivot"],
        inflation=c["inflation"],
        loonpremie_closed=c["loonpremie_closed"],
        begeleiding_closed=c["begeleiding_closed"],
        loonpremie_envelope=inputs.loonpremie_envelope * c["envelope_scale"],
        begeleiding_envelope=inputs.begeleiding_envelope * c["envelope_scale"],
    )


@FAST
@given(c=changes)
def test_workers_are_conserved_stock_plus_inflow_minus_exits_is_the_next_stock(baseline_inputs, c):
    s = project(variant(baseline_inputs, c)).series
    exits = s["exits_involuntary"] + s["exits_other"] + s["doorstroom"] + s["premium_ended"]
    scale = max(1.0, float(s["workers"].max()))
    # workers_end is counted from the stock itself; the exits from the exit probabilities and package ends.
    assert_allclose(s["workers_end"], s["workers"] - exits, atol=1e-9 * scale)
    assert_allclose(s["workers"][:, 1:], s["workers_end"][:, :-1] + s["inflow"][:, 1:], atol=1e-9 * scale)


@FAST
@given(c=changes)
def test_no_cost_and_no_stock_is_ever_negative(baseline_inputs, c):
    s = project(variant(baseline_inputs, c)).series
    for name, values in s.items():
        assert np.all(values >= -1e-9 * max(1.0, float(np.abs(values).max()))), name


@FAST
@given(c=changes, raise_by=st.floats(0.0, 0.3), band=st.integers(0, 20))
def test_a_higher_percentage_never_lowers_the_cost(baseline_inputs, c, raise_by, band):
    inputs = variant(baseline_inputs, c)
    higher = inputs.percentage_by_age.copy()
    higher[:, band:] = np.minimum(higher[:, band:] + raise_by, 1.0)
    low = project(inputs).series
    high = project(inputs.with_changes(percentage_by_age=higher)).series
    for name in ("loonpremie_demand", "loonpremie_cost", "total_cost"):
        assert np.all(high[name] >= low[name] * (1 - 1e-12) - 1e-6), name


@FAST
@given(c=changes)
def test_returns_inside_the_contingent_never_give_a_shorter_queue_than_returns_on_top(baseline_inputs, c):
    inputs = variant(baseline_inputs, c)
    inside = project(inputs.with_changes(fallback_on_top=False)).series
    on_top = project(inputs.with_changes(fallback_on_top=True)).series
    assert np.all(inside["queue"] >= on_top["queue"] - 1e-6)
    assert np.all(inside["fallback_cost"] == 0.0)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(c=changes, n_draws=st.integers(1, 30))
def test_with_every_distribution_collapsed_to_its_centre_monte_carlo_equals_the_deterministic_run(
    baseline_inputs, c, n_draws
):
    inputs = variant(baseline_inputs, c)
    collapsed = {
        name: Distribution("triangular", getattr(inputs, name), getattr(inputs, name), getattr(inputs, name))
        for name in UNCERTAIN_FIELDS
    }
    deterministic = project(inputs).series
    drawn = monte_carlo(inputs, collapsed, n_draws=n_draws, seed=7).series
    for name, values in deterministic.items():
        assert drawn[name].shape == (n_draws, inputs.horizon_quarters)
        assert_allclose(drawn[name], np.repeat(values, n_draws, axis=0), rtol=1e-12, atol=1e-9, err_msg=name)


def test_a_seed_reproduces_a_monte_carlo_run_exactly(baseline_inputs, baseline_distributions):
    first = monte_carlo(baseline_inputs, baseline_distributions, n_draws=200, seed=42)
    again = monte_carlo(baseline_inputs, baseline_distributions, n_draws=200, seed=42)
    other = monte_carlo(baseline_inputs, baseline_distributions, n_draws=200, seed=43)
    for name in first.series:
        assert_array_equal(first.series[name], again.series[name])
    assert not np.array_equal(first.series["total_cost"], other.series["total_cost"])


def test_draws_respect_their_distributions(baseline_distributions):
    draws = draw_assumptions(baseline_distributions, 20_00, seed=1)
    for name, distribution in baseline_distributions.items():
        assert draws[name].min() >= distribution.low
        assert draws[name].max() <= distribution.high
        # The mean of a triangular distribution is (low + mode + high) / 3.
        expected = (distribution.low + distribution.mode + distribution.high) / 3
        assert abs(draws[name].mean() - expected) < 0.05 * (distribution.high - distribution.low) + 1e-12


def test_uncertainty_widens_the_band_around_the_deterministic_run(baseline_inputs, baseline_distributions):
    drawn = monte_carlo(baseline_inputs, baseline_distributions, n_draws=500, seed=3).series["total_cost"]
    deterministic = project(baseline_inputs).series["total_cost"][0]
    p5, p95 = np.percentile(drawn, [5, 95], axis=0)
    assert np.all(p5[4:] < deterministic[4:]) and np.all(deterministic[4:] < p95[4:])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("horizon_quarters", 0, "horizon_quarters"),
        ("fallback_takeup", 1.5, "fallback_takeup"),
        ("coaching_share", np.array([0.5, 0.5, 0.5, 0.0]), "add up to 1"),
        ("fte", np.zeros(6), "fte"),
        ("inflow_base", np.full(6, np.nan), "finite"),
    ],
)
def test_impossible_inputs_are_refused_with_the_field_named(baseline_inputs, field, value, message):
    with pytest.raises(InputError, match=message):
        baseline_inputs.with_changes(**{field: value})


def test_returns_inside_a_full_contingent_take_places_from_the_queue(baseline_inputs):
    inputs = baseline_inputs.with_changes(
        fallback_takeup=1.0,
        fallback_window_quarters=20,
        origin_share=np.array([0.2, 0.08, 0.1, 0.62]),
    )
    inside = project(inputs.with_changes(fallback_on_top=False)).series
    on_top = project(inputs.with_changes(fallback_on_top=True)).series
    returned = inside["fallback_returns"].sum()
    assert returned > 100
    assert inside["queue"][0, -1] > on_top["queue"][0, -1] + 10
    assert on_top["contingent_capacity"][0, -1] > inside["contingent_capacity"][0, -1]
    assert on_top["fallback_cost"].sum() > 0


def test_exits_are_higher_in_the_first_quarters_of_employment_by_hand(baseline_inputs):
    # 100 new workers a quarter in the standard package, low need (factor 1), no starting stock, flat inflow.
    inflow = np.zeros(6)
    inflow[1] = 100.0
    inputs = baseline_inputs.with_changes(
        horizon_quarters=6,
        inflow_base=inflow,
        inflow_trend=0.0,
        initial_stock=np.zeros_like(baseline_inputs.initial_stock),
        coaching_share=np.array([0.0, 1.0, 0.0, 0.0]),
        exit_involuntary=0.08,
        exit_other=0.04,
        exit_doorstroom=0.0,
        exit_rate_factor=1.0,
        exit_early_factor=2.0,
        exit_early_quarters=4,
    )
    base = 1 - (1 - 0.12) ** 0.25  # quarterly exit probability from 12 % a year
    early = 1 - (1 - 0.24) ** 0.25  # twice the annual rate in quarters 1 to 4
    s = project(inputs).series
    exits = s["exits_involuntary"][0] + s["exits_other"][0] + s["doorstroom"][0]
    survivors = [(1 - early) ** k for k in range(4)]  # of one quarter's inflow, in quarters 1 to 4
    assert exits[0] == pytest.approx(100 * early)
    assert exits[3] == pytest.approx(100 * early * sum(survivors))
    # In quarter 5 the first cohort is in its fifth quarter of employment: the base probability applies.
    assert exits[4] == pytest.approx(100 * early * sum(survivors) + 100 * (1 - early) ** 4 * base)
    # The split between involuntary and other exits keeps the annual shares (8 : 4).
    assert s["exits_involuntary"][0, 4] == pytest.approx(exits[4] * 8 / 12)


def test_the_cap_follows_the_legal_rise_of_the_minimum_wage_in_april_2026(baseline_inputs):
    # Everyone capped (a high referteloon), nobody enters or leaves, prices flat: the loonpremie of the standard
    # package grows exactly with the GGMMI, from EUR 2,154.11 (2026 Q1) to EUR 2,189.81 (2026 Q2).
    stock = np.zeros_like(baseline_inputs.initial_stock)
    stock[1, 0, 1] = 100.0  # 100 workers of the standard package in their second quarter
    inputs = baseline_inputs.with_changes(
        horizon_quarters=3,
        initial_stock=stock,
        inflow_base=np.zeros(6),
        referteloon_month=np.full(6, 10_000.0),
        exit_involuntary=0.0,
        exit_other=0.0,
        exit_doorstroom=0.0,
        inflation=0.0,
    )
    assert inputs.ggmmi_schedule == ((1, 2189.81),)
    cost = project(inputs).series["loonpremie_cost"][0]
    # 40 % x 3 x 2 x GGMMI x fte 0.8 x 100 workers
    assert cost[0] == pytest.approx(0.40 * 6 * 2154.11 * 0.8 * 100)
    assert cost[1] == pytest.approx(0.40 * 6 * 2189.81 * 0.8 * 100)
