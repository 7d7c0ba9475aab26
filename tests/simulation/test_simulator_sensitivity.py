"""One-at-a-time sensitivity (the tornado's data), the variance shares, and the annual summary."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from simulation import monte_carlo, project
from simulation.inputs import UNCERTAIN_FIELDS, InputError
from simulation.projection import central_values
from simulation.sensitivity import one_at_a_time_draws, sensitivity
from simulation.summary import annual_draws, cumulative_cost, key_figures, peak_queue
from simulation.uncertainty import Distribution, variance_shares


def test_each_assumption_moves_alone_between_its_low_and_high_value_with_its_followers(
    baseline_inputs, baseline_distributions
):
    names, draws = one_at_a_time_draws(baseline_inputs, baseline_distributions)
    centre = central_values(baseline_inputs)
    assert set(names) == set(UNCERTAIN_FIELDS)
    followers = {n for n in names if baseline_distributions[n].follows}
    for index, name in enumerate(names):
        column = draws[name]
        assert column.shape == (1 + 2 * len(names),)
        assert column[1 + 2 * index] == pytest.approx(baseline_distributions[name].low)
        assert column[2 + 2 * index] == pytest.approx(baseline_distributions[name].high)
        if name not in followers:
            others = np.delete(column, [1 + 2 * index, 2 + 2 * index])
            assert_allclose(others, centre[name])
    # The matching speed moves with the other exits (the calibration's ridge), not on its own.
    exit_index = names.index("collective_other_exit")
    speed = draws["matching_speed"]
    assert speed[2 + 2 * exit_index] > speed[0] > speed[1 + 2 * exit_index]


def test_the_sensitivity_runs_equal_separate_deterministic_runs(baseline_inputs, baseline_distributions):
    result = sensitivity(baseline_inputs, baseline_distributions)
    central = project(baseline_inputs)
    assert result.central["cumulative_cost_10y"] == pytest.approx(
        float(cumulative_cost(central, 40)[0]), rel=1e-12
    )
    assert result.central["peak_queue"] == pytest.approx(float(peak_queue(central)[0]), rel=1e-12)
    _names, draws = one_at_a_time_draws(baseline_inputs, baseline_distributions)
    for index, row in enumerate(result.rows[:4]):
        alone = project(baseline_inputs, {name: values[[1 + 2 * index]] for name, values in draws.items()})
        assert row.at_low["cumulative_cost_10y"] == pytest.approx(
            float(cumulative_cost(alone, 40)[0]), rel=1e-9
        )


def test_a_higher_inflow_trend_costs_more_and_the_widest_bar_comes_first(
    baseline_inputs, baseline_distributions
):
    result = sensitivity(baseline_inputs, baseline_distributions)
    trend = next(row for row in result.rows if row.field == "inflow_trend")
    assert (
        trend.at_high["cumulative_cost_10y"]
        > result.central["cumulative_cost_10y"]
        > trend.at_low["cumulative_cost_10y"]
    )
    swings = [row.swing("cumulative_cost_10y") for row in result.ranked("cumulative_cost_10y")]
    assert swings == sorted(swings, reverse=True)
    # The tornado of the queue moves: the collective assumptions are drawn now.
    assert max(row.swing("peak_queue") for row in result.rows) > 300


def test_an_unknown_assumption_is_refused(baseline_inputs):
    with pytest.raises(InputError, match="no sensitivity"):
        one_at_a_time_draws(baseline_inputs, {"no_such": Distribution("uniform", 0, 0.5, 1)})


def test_variance_shares_find_the_assumption_that_drives_an_outcome():
    rng = np.random.default_rng(1)
    x, y, z = rng.random(2000), rng.random(2000), rng.random(2000)
    outcome = 10 * x + 1 * y  # z does nothing
    shares = variance_shares({"x": x, "y": y, "z": z}, outcome)
    assert shares["x"] == pytest.approx(100 / 101, abs=0.03)
    assert shares["y"] == pytest.approx(1 / 101, abs=0.02)
    assert shares["z"] < 0.01
    assert variance_shares({"x": x}, np.ones(2000)) == {}


def test_the_variance_of_the_ten_year_cost_and_of_the_queue_is_shared_out(
    baseline_inputs, baseline_distributions
):
    projection = monte_carlo(baseline_inputs, baseline_distributions, n_draws=1000, seed=1)
    cost = variance_shares(projection.draws, cumulative_cost(projection, 40))
    queue = variance_shares(projection.draws, peak_queue(projection))
    assert 0.5 < sum(cost.values()) < 1.2 and 0.5 < sum(queue.values()) < 1.2
    top_cost = max(cost, key=cost.get)
    top_queue = max(queue, key=queue.get)
    # The date of the one IMW milestone fixes the inflow level: it carries the largest share of the cost's variance.
    assert top_cost in {"milestone_quarters", "inflow_trend", "exit_rate_factor"}
    assert top_queue in {"new_advices", "raised_from_queue_share", "queue_dropout", "collective_other_exit",
                         "matching_speed", "contingent_growth"}  # fmt: skip


def test_annual_sums_of_flows_and_year_end_stocks(baseline_inputs):
    projection = project(baseline_inputs)
    years, annual = annual_draws(projection)
    assert years[0] == 2026 and len(years) == 12
    assert annual["total_cost"][0, 0] == pytest.approx(projection.series["total_cost"][0, :4].sum())
    # A stock at the end of a year is its value at the end of the fourth quarter, after its exits.
    assert annual["workers_imw"][0, 0] == pytest.approx(projection.series["workers_imw"][0, 3])
    figures = key_figures(projection)
    assert figures["first_year_cost"]["p50"] == pytest.approx(annual["total_cost"][0, 0])
    assert figures["workers_imw_2030"]["p50"] == pytest.approx(annual["workers_imw"][0, 4])
