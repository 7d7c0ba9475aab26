"""The named steps of the projection, one at a time, on inputs small enough to check by hand."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.testing import assert_allclose, assert_array_equal

from simulation.inputs import MAX_AGE, N_AGES
from simulation.projection import Hazards, survival_rows, window_weights


def _hazards(later: float, early: float, n_draws: int = 1, n_quarters: int = 3, n_needs: int = 4) -> Hazards:
    shape = (n_draws, n_quarters, n_needs)
    return Hazards(
        later=np.full(shape, later),
        early=np.full(shape, early),
        involuntary_part=np.full(n_quarters, 0.5),
        other_part=np.full(n_quarters, 0.3),
        vop=np.full((n_draws, n_quarters), later),
    )


def test_survival_starts_at_one_and_falls_by_the_later_exits_each_quarter(baseline_inputs):
    survival = survival_rows(baseline_inputs, _hazards(later=0.1, early=0.3))
    # One draw, four needs: each row holds the four needs of the draw.
    assert_allclose(survival.alive_rows, np.repeat([[1.0], [0.9], [0.81], [0.729]], 4, axis=1), rtol=1e-15)
    assert_allclose(survival.extra, 0.2, rtol=1e-12)
    assert_allclose(survival.early, 0.3, rtol=1e-12)
    # Survival in a first quarter over that in a later one: 0.7 / 0.9.
    assert_allclose(survival.early_ratio, 0.7 / 0.9, rtol=1e-15)
    assert survival.early_quarters == baseline_inputs.exit_early_quarters == 4


def test_the_rows_of_the_survival_are_the_cells_draw_by_draw(baseline_inputs):
    hazards = _hazards(later=0.1, early=0.3, n_draws=2)
    later = hazards.later.copy()
    later[1] = 0.2  # the second draw leaves faster
    survival = survival_rows(baseline_inputs, replace(hazards, later=later))
    assert_allclose(survival.alive_rows[2], [0.81] * 4 + [0.64] * 4, rtol=1e-15)


def test_the_window_weights_count_workers_percentages_and_right_holders_in_their_window(baseline_inputs):
    weights = window_weights(baseline_inputs)
    t = baseline_inputs.projection_start_index
    premiums = weights.premiums_at(t)  # (P, 3, N_AGES)
    assert_array_equal(premiums[:, 0], 1.0)  # every row of the window counts its workers
    assert_array_equal(premiums[:, 1], baseline_inputs.percentage_by_age[t])
    # A six-quarter window, of which the first four quarters have the higher exits; not the pool of renewals.
    assert baseline_inputs.fallback_window_quarters[t] == 6
    early, later = weights.holders_at(t)
    assert_array_equal(early, [1.0] * 4 + [0.0] * (N_AGES - 4))
    assert_array_equal(later, [0.0] * 4 + [1.0] * 2 + [0.0] * (N_AGES - 6))
    assert N_AGES == MAX_AGE + 1
