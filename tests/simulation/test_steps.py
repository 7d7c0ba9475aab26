"""The named steps of the projection, one at a time, on inputs small enough to check by hand."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from numpy.testing import assert_allclose, assert_array_equal

from simulation.collective import CollectiveState
from simulation.inputs import COLLECTIVE_ADVICE, EX_COLLECTIVE, FIVE_YEAR_RAISED, MAX_AGE, N_AGES, PACKAGES
from simulation.projection import (
    CollectiveSchedule,
    DemandSchedule,
    Financing,
    Hazards,
    NewInflow,
    StockWindow,
    VopBlock,
    admit_inflow,
    age_window,
    collective_begin,
    collective_finish,
    envelope_excess,
    ex_collective_history,
    exit_kinds,
    fallback_returns,
    inflow_origins,
    package_ends,
    premiums_due,
    quarter_exits,
    quarter_record,
    stock_totals,
    survival_rows,
    window_weights,
)


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


def _place(
    stock: StockWindow, t: int, quarter_of_employment: int, package: int, need: int, units: float
) -> None:
    """Put `units` (of survival) of draw 0 in the window of quarter t."""
    stock.buffer[stock.top - t + quarter_of_employment - 1, package, need] = units


def test_the_premiums_due_count_the_window_times_survival_by_package(baseline_inputs):
    t_inputs = baseline_inputs.projection_start_index
    weights = window_weights(baseline_inputs).premiums_at(t_inputs)
    stock = StockWindow.empty(n_quarters=3, n_draws=1)
    _place(stock, 1, quarter_of_employment=3, package=0, need=1, units=10.0)
    paid = premiums_due(stock, 1, weights, alive=np.full(4, 0.5))
    # Ten units at half survival: five workers with need 'low', in the two-year package, in their third quarter.
    assert_array_equal(paid[0], [0.0, 5.0, 0.0, 0.0])
    assert_array_equal(stock.workers[1].sum(axis=1), [5.0, 0, 0, 0, 0, 0])
    assert stock.percent[1, 0, 1] == 5.0 * baseline_inputs.percentage_by_age[t_inputs, 0, 2]
    assert stock.fixed[1, 1] == 5.0 * baseline_inputs.begeleiding_fixed_by_age[t_inputs, 2] == 5.0 * 1200.0


def test_the_exits_are_the_later_rate_on_everyone_and_the_extra_rate_on_the_first_quarters(baseline_inputs):
    survival = survival_rows(baseline_inputs, _hazards(later=0.1, early=0.3))
    weights = window_weights(baseline_inputs).premiums_at(baseline_inputs.projection_start_index)
    stock = StockWindow.empty(n_quarters=3, n_draws=1)
    _place(stock, 0, quarter_of_employment=1, package=0, need=0, units=100.0)
    _place(stock, 0, quarter_of_employment=10, package=1, need=2, units=50.0)
    # Quarter 0: 100 in their first quarter leave at 30 %, 50 later ones at 10 %: 30 + 5.
    paid = premiums_due(stock, 0, weights, survival.alive_rows[0])
    assert_allclose(quarter_exits(stock, survival, 0, paid[0]), [35.0], rtol=1e-12)
    assert_array_equal(stock.early[0, 0, 0], 100.0)
    # Quarter 1 (no ageing step between, so the early ones' extra exits are not taken out): the same units, now in
    # their second and eleventh quarters, at 90 % survival.
    paid = premiums_due(stock, 1, weights, survival.alive_rows[1])
    assert_allclose(quarter_exits(stock, survival, 1, paid[0]), [0.9 * 35.0], rtol=1e-12)


def test_only_right_holders_within_their_window_return_and_only_the_share_that_comes_back(baseline_inputs):
    survival = survival_rows(baseline_inputs, _hazards(later=0.1, early=0.3))
    holders = window_weights(baseline_inputs).holders_at(baseline_inputs.projection_start_index)
    stock = StockWindow.empty(n_quarters=3, n_draws=1)
    _place(stock, 0, quarter_of_employment=2, package=EX_COLLECTIVE, need=0, units=40.0)  # early quarters
    _place(
        stock, 0, quarter_of_employment=5, package=EX_COLLECTIVE, need=3, units=20.0
    )  # later, in the window
    _place(stock, 0, quarter_of_employment=8, package=EX_COLLECTIVE, need=0, units=100.0)  # past the window
    _place(stock, 0, quarter_of_employment=2, package=0, need=0, units=100.0)  # no right holder
    returns = fallback_returns(stock, survival, 0, holders, returning=np.array([0.5]))
    # (40 x 30 % + 20 x 10 %) x one half come back.
    assert_allclose(returns, [7.0], rtol=1e-12)


def test_ageing_moves_the_stock_one_quarter_on_and_keeps_all_but_the_ended_and_the_early_exits(
    baseline_inputs,
):
    n = baseline_inputs.n_quarters
    survival = survival_rows(baseline_inputs, _hazards(later=0.1, early=0.3, n_quarters=n))
    ends = package_ends(baseline_inputs, {"renewal_five_year": np.full((1, n), 0.5)}, n_draws=1)
    assert ends.short_packages == ((0, 7),)  # the two-year package ends in its eighth quarter
    assert baseline_inputs.renewal_share[0, 0] == 0.0  # and is not renewed
    stock = StockWindow.empty(n, n_draws=1)
    _place(stock, 0, quarter_of_employment=1, package=1, need=0, units=100.0)
    _place(stock, 0, quarter_of_employment=MAX_AGE, package=1, need=0, units=60.0)  # five-year, last quarter
    _place(stock, 0, quarter_of_employment=N_AGES, package=1, need=0, units=30.0)  # the pool of renewals
    _place(stock, 0, quarter_of_employment=8, package=0, need=2, units=40.0)  # two-year, last quarter
    before = stock.window(0).sum()
    age_window(stock, survival, ends, 0)
    after = stock.window(1)  # (P, N_AGES, D * C), one quarter on
    # The 100 newcomers are in their second quarter, minus the first quarter's extra exits: 100 x 0.7 / 0.9.
    assert_allclose(after[1, 1, 0], 100.0 * 0.7 / 0.9, rtol=1e-15)
    # Half of the 60 in their last quarter are renewed into the pool; 1 / 20 of the pool ends: 30 + 30 x 19 / 20.
    assert_allclose(after[1, N_AGES - 1, 0], 30.0 + 28.5, rtol=1e-15)
    # The two-year packages end: 40 ended, 30 + 1.5 of the five-year ones.
    assert_allclose(stock.ended[0].sum(axis=1), [40.0, 31.5, 0.0, 0.0, 0.0, 0.0], rtol=1e-15)
    assert after[0].sum() == 0.0
    # Every unit is still in the window, has ended, or left in the first quarter's extra exits.
    early_exits = 100.0 * (1.0 - 0.7 / 0.9)
    assert_allclose(after.sum() + stock.ended[0].sum() + early_exits, before, rtol=1e-14)
    assert after[:, 0].sum() == 0.0  # room for the quarter's new cohort


def _collective_case() -> tuple[CollectiveSchedule, DemandSchedule, CollectiveState]:
    """Two quarters, one draw; the collective block starts in the second. 100 FTE filled at 0.5 FTE a person, 10
    waiting; 12 new workers ask for the collective-advice package and 16 for the raised one, half of those from
    the queue: 20 from the queue."""

    def quarters(value: float) -> np.ndarray:
        return np.full((2, 1), value)

    schedule = CollectiveSchedule(
        start_index=1, fte_per_person=quarters(0.5), leave=quarters(0.1), doorstroom_part=quarters(0.4),
        new_advices=quarters(5.0), to_imw=quarters(0.5), speed=quarters(0.6 / 0.5), queue_kept=quarters(0.9),
        capacity=quarters(120.0), history_moves=np.array([[3.0], [0.0]]), on_top=np.zeros(2, dtype=bool),
    )  # fmt: skip
    new = np.zeros((2, len(PACKAGES), 1))
    new[:, COLLECTIVE_ADVICE] = 12.0
    new[:, FIVE_YEAR_RAISED] = 16.0
    demand = DemandSchedule(
        base=new.copy(), new=new, from_queue=quarters(12.0 + 0.5 * 16.0), placing=np.ones((2, 1, 4))
    )
    return schedule, demand, CollectiveState.start(filled=100.0, queue=10.0, n_draws=1)


def test_before_the_collective_block_starts_the_published_moves_are_added_and_nothing_is_cut():
    schedule, demand, state = _collective_case()
    record = quarter_record(2, 1)
    quarter = collective_begin(state, schedule, demand, 0, record)
    assert quarter.begin is None
    assert_array_equal(quarter.demand[:, 0], [0.0, 0.0, 16.0, 12.0, 0.0, 3.0])
    assert record["collective_to_imw"][0, 0] == 3.0 and record["short"][0, 0] == 0.0
    assert state.filled[0] == 100.0 and state.queue[0] == 10.0


def test_nobody_is_hired_from_the_queue_who_is_not_in_it():
    schedule, demand, state = _collective_case()
    record = quarter_record(2, 1)
    quarter = collective_begin(state, schedule, demand, 1, record)
    # 100 FTE x 10 % / 0.5 FTE = 20 leave, 40 % of them to a regular job (8), half of those with IMW (4).
    assert quarter.begin is not None
    assert_allclose(quarter.begin.doorstroom, [8.0], rtol=1e-15)
    # 10 waiting + 5 new advices = 15 of the 20 asked: a quarter of the queue-sourced demand is cut.
    assert_allclose(quarter.from_queue, [15.0], rtol=1e-15)
    assert_allclose(record["short"][1], [5.0], rtol=1e-15)
    assert_allclose(quarter.demand[:, 0], [0.0, 0.0, 16.0 - 8.0 * 0.25, 12.0 * 0.75, 0.0, 4.0], rtol=1e-15)
    # The end of the quarter: the 2 returns (1 FTE) take an open place, the queue was emptied by IMW.
    collective_finish(state, schedule, quarter, 1, np.array([2.0]), record)
    assert_allclose(record["contingent_occupancy"][1], [91.0], rtol=1e-15)
    assert_allclose(record["contingent_open"][1], [29.0], rtol=1e-15)
    assert_allclose(record["fallback_places_inside"][1], [1.0], rtol=1e-15)
    assert record["queue"][1, 0] == 0.0 and record["collective_intake"][1, 0] == 0.0
    assert record["queue_to_imw"][1, 0] == 15.0 and record["contingent_full"][1, 0] == 0.0
    assert np.isnan(record["queue"][0, 0])  # nothing written before the block starts


def _inflow_case(inputs):
    """One draw over the inputs' quarters, exits at 10 % a quarter; the demand's placing follows the survival."""
    n = inputs.n_quarters
    survival = survival_rows(inputs, _hazards(later=0.1, early=0.1, n_quarters=n))
    placing = inputs.coaching_share[:, None, :] / survival.alive[:, :-1].transpose(1, 0, 2)
    empty = np.zeros((n, len(PACKAGES), 1))
    demand = DemandSchedule(base=empty, new=empty, from_queue=np.zeros((n, 1)), placing=placing)
    financing = Financing(
        weights=window_weights(inputs),
        capped=np.full((1, n, len(PACKAGES)), 6000.0),
        coaching_index=np.ones((1, n)),
    )
    return StockWindow.empty(n, n_draws=1), survival, demand, financing, quarter_record(n, 1)


def test_the_inflow_step_with_nobody_asking_adds_nobody(baseline_inputs):
    stock, survival, demand, financing, record = _inflow_case(baseline_inputs)
    waiting = admit_inflow(
        baseline_inputs, stock, survival, demand, financing, 2, np.zeros((len(PACKAGES), 1)),
        np.zeros((len(PACKAGES), 1, 4)), record,
    )  # fmt: skip
    assert not stock.buffer.any() and not waiting.any()
    assert record["demand"][2, 0] == record["admitted"][2, 0] == 0.0


def test_with_open_ended_premiums_everyone_who_asks_starts_split_by_need(baseline_inputs):
    stock, survival, demand, financing, record = _inflow_case(baseline_inputs)
    asked = np.zeros((len(PACKAGES), 1))
    asked[1] = 100.0  # a hundred ask for the standard five-year package in quarter 2
    admit_inflow(
        baseline_inputs, stock, survival, demand, financing, 2, asked, np.zeros((len(PACKAGES), 1, 4)), record
    )
    # In quarter 2 survival is 0.9 x 0.9: the new row in units of survival times 0.81 is the hundred by need.
    started = stock.window(2)[:, 0] * 0.81
    assert_allclose(started[1], 100.0 * baseline_inputs.coaching_share[2], rtol=1e-14)
    assert_allclose(started[1], [35.0, 30.0, 22.0, 13.0], rtol=1e-14)
    assert started[[0, 2, 3, 4, 5]].sum() == 0.0
    assert record["demand"][2, 0] == record["admitted"][2, 0] == 100.0


def test_with_a_closed_envelope_and_no_room_everyone_who_asks_waits(baseline_inputs):
    n = baseline_inputs.n_quarters
    inputs = replace(
        baseline_inputs, loonpremie_closed=np.ones(n, dtype=bool), loonpremie_envelope=np.zeros(n)
    )
    stock, survival, demand, financing, record = _inflow_case(inputs)
    asked = np.zeros((len(PACKAGES), 1))
    asked[1] = 100.0
    waiting = admit_inflow(
        inputs, stock, survival, demand, financing, 2, asked, np.zeros((len(PACKAGES), 1, 4)), record
    )
    assert not stock.buffer.any()
    # All hundred wait, minus the 6 % who drop out of the waiting list in the quarter.
    assert_allclose(waiting[1, 0], 100.0 * baseline_inputs.coaching_share[2] * 0.94, rtol=1e-14)
    assert record["admitted"][2, 0] == 0.0 and record["demand"][2, 0] == 100.0
    assert_allclose(record["imw_waiting"][2], [100.0], rtol=1e-14)


def test_one_cohort_through_its_five_year_package_by_the_steps_and_their_totals(baseline_inputs):
    n = baseline_inputs.n_quarters
    survival = survival_rows(baseline_inputs, _hazards(later=0.1, early=0.3, n_quarters=n))
    ends = package_ends(baseline_inputs, {"renewal_five_year": np.zeros((1, n))}, n_draws=1)
    weights = window_weights(baseline_inputs)
    stock = StockWindow.empty(n, n_draws=1)
    _place(stock, 0, quarter_of_employment=1, package=1, need=0, units=100.0)
    exits = np.empty((1, n))
    for t in range(n):
        paid = premiums_due(stock, t, weights.premiums_at(t), survival.alive_rows[t])
        exits[:, t] = quarter_exits(stock, survival, t, paid[0])
        age_window(stock, survival, ends, t)
    totals = stock_totals(baseline_inputs, stock, survival)
    # 30 % leave in each of the first four quarters, 10 % after; nobody renews, so all end after quarter 20.
    expected = 100.0 * 0.7 ** np.minimum(np.arange(1, 21), 4) * 0.9 ** np.maximum(np.arange(1, 21) - 4, 0)
    expected[-1] = 0.0
    assert_allclose(totals["workers_imw"][0, :20], expected, rtol=1e-12, atol=1e-12)
    assert_array_equal(totals["workers_imw"][0, 20:], 0.0)
    assert_allclose(totals["premium_ended"][0, 19], 100.0 * 0.7**4 * 0.9**16, rtol=1e-12)
    assert_allclose(totals["end_by_package"][0, :, 1], totals["workers_imw"][0], rtol=1e-15)
    # Conservation: the stock of one quarter is the last one's, minus exits and ended packages.
    change = np.diff(totals["workers_imw"][0], prepend=100.0)
    assert_allclose(change, -exits[0] - totals["premium_ended"][0], atol=1e-9)


def test_exits_split_into_their_kinds_by_their_shares():
    kinds = exit_kinds(np.array([[10.0, 20.0, 0.0]]), _hazards(later=0.1, early=0.3))
    assert_allclose(kinds["exits_involuntary"], [[5.0, 10.0, 0.0]], rtol=1e-15)
    assert_allclose(kinds["exits_other"], [[3.0, 6.0, 0.0]], rtol=1e-15)
    assert_allclose(kinds["doorstroom"], [[2.0, 4.0, 0.0]], rtol=1e-12)


def test_the_origins_of_the_inflow_are_split_at_admitted_over_asked():
    # Quarter 0: 80 new and 20 ex-VOP ask, half get in. Quarter 1: nobody asks, 5 who waited get in.
    by_package = np.zeros((1, 2, len(PACKAGES)))
    by_package[0, 0, 1] = 80.0
    zero = np.zeros((1, 2))
    inflow = NewInflow(by_package=by_package, level=np.zeros(1), milestone_short=np.zeros(1))
    vop = VopBlock(
        workers_end=zero, percent_sum=zero, ended=zero, converted=np.array([[20.0, 0.0]]), exits=zero
    )
    origins = inflow_origins(inflow, vop, np.array([[100.0, 0.0]]), np.array([[50.0, 5.0]]), zero, zero)
    assert_allclose(origins["inflow_new"], [[40.0, 5.0]], rtol=1e-15)
    assert_allclose(origins["inflow_ex_vop"], [[10.0, 0.0]], rtol=1e-15)
    assert_array_equal(origins["inflow"], [[50.0, 5.0]])


def test_before_the_collective_block_the_ex_collective_moves_are_the_published_doorstroom_times_its_share(
    baseline_inputs,
):
    n, start = baseline_inputs.n_quarters, baseline_inputs.collective_start_index
    moves = ex_collective_history(baseline_inputs, {"doorstroom_to_imw": np.full((2, n), [[0.5], [0.25]])}, 2)
    published = baseline_inputs.doorstroom_history[:start]
    assert_array_equal(moves[:, :start], [published * 0.5, published * 0.25])
    assert not moves[:, start:].any()


def test_only_a_closed_envelope_can_be_exceeded_and_only_by_what_costs_more_than_its_quarter(baseline_inputs):
    n = baseline_inputs.n_quarters
    closed = np.zeros(n, dtype=bool)
    closed[1] = True
    inputs = replace(
        baseline_inputs,
        loonpremie_closed=closed,
        loonpremie_envelope=np.full(n, 400.0),
        begeleiding_closed=np.ones(n, dtype=bool),
        begeleiding_envelope=np.full(n, 40.0),
    )
    out = {"loonpremie_cost": np.full((1, n), 150.0), "begeleiding_cost": np.full((1, n), 5.0)}
    out["begeleiding_cost"][0, 2] = 12.0
    excess = envelope_excess(inputs, out)
    # Quarter 1: 150 against a quarter of 400; quarter 2: 12 against a quarter of 40; the open quarters cost nothing.
    expected = np.zeros(n)
    expected[1], expected[2] = 50.0, 2.0
    assert_array_equal(excess[0], expected)
