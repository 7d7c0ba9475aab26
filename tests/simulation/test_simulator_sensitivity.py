"""One-at-a-time sensitivity (the tornado's data) and the faster annual summary."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose

from simulation import project
from simulation.inputs import InputError
from simulation.sensitivity import one_at_a_time_draws, sensitivity
from simulation.summary import annual_draws, cumulative_cost, key_figures, peak_queue


@pytest.fixture(scope="module")
def ranges(baseline_distributions):
    return {name: (d.low, d.high) for name, d in baseline_distributions.items()}


def test_each_assumption_moves_alone_between_its_low_and_high_value(baseline_inputs, ranges):
    draws = one_at_a_time_draws(baseline_inputs, ranges)
    fields = list(ranges)
    for index, name in enumerate(fields):
        column = draws[name]
        assert column.shape == (1 + 2 * len(fields),)
        assert column[1 + 2 * index] == ranges[name][0]
        assert column[2 + 2 * index] == ranges[name][1]
        others = np.delete(column, [1 + 2 * index, 2 + 2 * index])
        assert np.all(others == getattr(baseline_inputs, name))


def test_the_sensitivity_runs_equal_separate_deterministic_runs(baseline_inputs, ranges):
    result = sensitivity(baseline_inputs, ranges)
    central = project(baseline_inputs)
    assert result.central["cumulative_cost_10y"] == pytest.approx(
        float(cumulative_cost(central, 40)[0]), rel=1e-12
    )
    assert result.central["peak_queue"] == pytest.approx(float(peak_queue(central)[0]), rel=1e-12)
    for row in result.rows:
        low = project(baseline_inputs.with_changes(**{row.field: row.low}))
        high = project(baseline_inputs.with_changes(**{row.field: row.high}))
        assert row.at_low["cumulative_cost_10y"] == pytest.approx(
            float(cumulative_cost(low, 40)[0]), rel=1e-9
        )
        assert row.at_high["cumulative_cost_10y"] == pytest.approx(
            float(cumulative_cost(high, 40)[0]), rel=1e-9
        )


def test_more_inflow_costs_more_and_the_widest_bar_comes_first(baseline_inputs, ranges):
    result = sensitivity(baseline_inputs, ranges)
    level = next(row for row in result.rows if row.field == "inflow_level_factor")
    assert (
        level.at_high["cumulative_cost_10y"]
        > result.central["cumulative_cost_10y"]
        > level.at_low["cumulative_cost_10y"]
    )
    swings = [row.swing("cumulative_cost_10y") for row in result.ranked("cumulative_cost_10y")]
    assert swings == sorted(swings, reverse=True)


def test_an_unknown_assumption_or_a_reversed_range_is_refused(baseline_inputs):
    with pytest.raises(InputError, match="no sensitivity"):
        one_at_a_time_draws(baseline_inputs, {"ggmmi_month": (1.0, 2.0)})
    with pytest.raises(InputError, match="low <= high"):
        one_at_a_time_draws(baseline_inputs, {"inflation": (0.03, 0.01)})


def test_without_assumptions_only_the_central_run_is_made(baseline_inputs):
    result = sensitivity(baseline_inputs, {})
    assert result.rows == ()
    assert result.central["cumulative_cost_10y"] > 0


def test_annual_sums_equal_the_sum_of_the_quarters_of_each_year(baseline_inputs):
    projection = project(baseline_inputs)
    years, arrays = annual_draws(projection)
    assert years == sorted(set(year for year, _ in projection.quarters))
    quarters = np.array([year for year, _ in projection.quarters])
    for position, year in enumerate(years):
        expected = projection.series["total_cost"][:, quarters == year].sum(axis=1)
        assert_allclose(arrays["total_cost"][:, position], expected, rtol=1e-12)
        last = np.flatnonzero(quarters == year)[-1]
        assert_allclose(arrays["queue"][:, position], projection.series["queue"][:, last], rtol=0)


def test_key_figures_use_the_named_measures(baseline_inputs):
    projection = project(baseline_inputs)
    figures = key_figures(projection)
    assert figures["cumulative_cost_10y"]["p50"] == pytest.approx(float(cumulative_cost(projection, 40)[0]))
    assert figures["peak_queue"]["p50"] == pytest.approx(float(peak_queue(projection)[0]))
