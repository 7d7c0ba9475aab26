"""The quarterly stock-flow projection of IMW and of the collective maatwerk contingent.

One run is vectorised over D draws of the uncertain assumptions: every array carries the draw axis first, so a
deterministic run is the case D = 1 and a Monte Carlo run of 1,000 draws costs one pass, not a thousand.

Order of events in quarter t (every worker is counted in the quarter of employment they are in during t):

1. new workers join in their first quarter of employment;
2. the loonpremie and begeleidingspremie are due for everyone employed in the quarter;
3. exits happen: involuntary job ends, other exits, doorstroom to a job without premium (competing risks);
   ex-collective workers whose job ended against their will within the fallback window return to a
   maatwerkbedrijf with probability ``fallback_takeup``;
4. the survivors age by one quarter; at the end of the package a share renews (slot ``RENEWED``, at the last
   band's percentage) and the rest leave the premium;
5. collective maatwerk: exits, the move of ex-collective workers to IMW, fallback returns, intake from the queue
   up to the highest attainable occupancy of the contingent.

Conservation holds by construction: workers_end[t] = workers[t] - exits[t] and workers[t + 1] = workers_end[t]
+ inflow[t + 1].
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final

import numpy as np

from simulation.inputs import (
    COACHING_NEEDS,
    EX_COLLECTIVE,
    MAX_AGE,
    N_AGES,
    PACKAGES,
    RENEWED,
    UNCERTAIN_FIELDS,
    VOP_LEGACY,
    FloatArray,
    InputError,
    ModelInputs,
)

PIVOT_STEP: Final = 0.02
#: Columns of the per-cell sums: workers, loonpremie, fixed premium, right holders, early, early right holders.
N_SUMS: Final = 6
#: Exits are capped just below certainty, so that survival never reaches zero.
MAX_ANNUAL_EXIT: Final = 0.9999

#: The series the collective loop fills, quarter by quarter.
COLLECTIVE_SERIES: Final = (
    "contingent_capacity",
    "contingent_occupancy",
    "contingent_free",
    "contingent_full",
    "fallback_places_inside",
    "queue",
    "collective_intake",
    "collective_to_imw",
    "fallback_cost",
)

#: Outputs per quarter with shape (D, T).
SERIES: Final = (
    "workers",
    "inflow",
    "exits_involuntary",
    "exits_other",
    "doorstroom",
    "premium_ended",
    "workers_end",
    "fallback_returns",
    "loonpremie_demand",
    "loonpremie_cost",
    "loonpremie_waiting",
    "begeleiding_demand",
    "begeleiding_fixed_cost",
    "begeleiding_variable_cost",
    "begeleiding_cost",
    "begeleiding_waiting",
    "total_cost",
    "price_index",
    *COLLECTIVE_SERIES,
)


@dataclass(frozen=True)
class Projection:
    """The result of one run: every array has the draw axis first and the quarter axis second.

    ``series`` maps each name in ``SERIES`` to an array (D, T); ``workers_by_package`` is (D, T, P),
    ``workers_by_coaching`` (D, T, C), ``inflow_by_origin`` (D, T, O), ``loonpremie_by_package`` (D, T, P).
    Money in EUR per quarter at current prices, people in persons, places in FTE.
    """

    quarters: tuple[tuple[int, int], ...]
    series: dict[str, FloatArray]
    workers_by_package: FloatArray
    workers_by_coaching: FloatArray
    inflow_by_origin: FloatArray
    loonpremie_by_package: FloatArray
    draws: dict[str, FloatArray]

    @property
    def n_draws(self) -> int:
        return int(self.series["workers"].shape[0])


def quarter_labels(start: dt.date, horizon_quarters: int) -> tuple[tuple[int, int], ...]:
    """(year, quarter) of each projected quarter."""
    first = start.year * 4 + (start.month - 1) // 3
    return tuple(((first + t) // 4, (first + t) % 4 + 1) for t in range(horizon_quarters))


def quarterly_probability(annual: FloatArray | float) -> FloatArray:
    """Turn an annual probability into the quarterly one with the same survival: 1 - (1 - p) ** (1/4)."""
    annual_array = np.clip(np.asarray(annual, dtype=np.float64), 0.0, 1.0)
    return np.asarray(1.0 - (1.0 - annual_array) ** 0.25, dtype=np.float64)


def ggmmi_by_quarter(inputs: ModelInputs) -> FloatArray:
    """(T,) the legal minimum wage in force in each projected quarter, before indexation [EUR/month]."""
    values = np.full(inputs.horizon_quarters, inputs.ggmmi_month)
    for quarter, value in inputs.ggmmi_schedule:
        values[quarter:] = value
    return values


def capped_quarterly_wage(inputs: ModelInputs, ggmmi_month: float | None = None) -> FloatArray:
    """(P,) the referteloon of a quarter capped at 3 x cap_multiple x GGMMI x fte [EUR/quarter]."""
    ggmmi = inputs.ggmmi_month if ggmmi_month is None else ggmmi_month
    cap = 3.0 * inputs.cap_multiple * ggmmi * inputs.fte
    return np.minimum(3.0 * inputs.referteloon_month, cap)


def mean_package_percentage(percentage_by_age: FloatArray, duration_quarters: np.ndarray) -> FloatArray:
    """(P,) the mean percentage over the quarters of each package: the premium's generosity."""
    ages = np.arange(1, N_AGES + 1)
    within = ages[None, :] <= duration_quarters[:, None]
    return np.asarray((percentage_by_age * within).sum(axis=1) / within.sum(axis=1), dtype=np.float64)


def price_index(inputs: ModelInputs, inflation: FloatArray) -> FloatArray:
    """(D, T) factor on wages and indexed amounts against the start.

    With pivot indexation amounts rise by 2 % each time prices have risen 2 % more since the last step (the
    pivot index is crossed; the start is taken right after a crossing, and amounts never fall). Otherwise they
    follow prices every quarter.
    """
    years = np.arange(inputs.horizon_quarters) / 4.0
    prices = (1.0 + inflation[:, None]) ** years[None, :]
    if not inputs.indexation_pivot:
        return np.asarray(prices, dtype=np.float64)
    steps = np.floor(np.log(prices) / np.log1p(PIVOT_STEP) + 1e-9)
    steps = np.maximum.accumulate(np.maximum(steps, 0.0), axis=1)
    return np.asarray((1.0 + PIVOT_STEP) ** steps, dtype=np.float64)


def _assumption(inputs: ModelInputs, draws: dict[str, FloatArray], name: str, n_draws: int) -> FloatArray:
    if name in draws:
        return np.asarray(draws[name], dtype=np.float64)
    return np.full(n_draws, float(getattr(inputs, name)))


def project(inputs: ModelInputs, draws: dict[str, FloatArray] | None = None) -> Projection:
    """Run the projection; `draws` maps uncertain field names to arrays (D,) that replace the inputs' values.

    Without draws this is the deterministic run (D = 1).
    """
    draws = dict(draws or {})
    unknown = set(draws) - set(UNCERTAIN_FIELDS)
    if unknown:
        raise InputError(f"no distribution can be drawn for {', '.join(sorted(unknown))}")
    sizes = {np.asarray(value).shape for value in draws.values()}
    if len(sizes) > 1 or any(len(size) != 1 for size in sizes):
        raise InputError("every drawn assumption must be an array of the same length (the number of draws)")
    n_draws = next(iter(sizes))[0] if sizes else 1
    n_quarters = inputs.horizon_quarters
    n_packages, n_needs = len(PACKAGES), len(COACHING_NEEDS)
    a = {name: _assumption(inputs, draws, name, n_draws) for name in UNCERTAIN_FIELDS}

    # --- inflow (D, T, P, C) -------------------------------------------------------------------------------
    reference = mean_package_percentage(inputs.reference_percentage_by_age, inputs.duration_quarters)
    current = mean_package_percentage(inputs.percentage_by_age, inputs.duration_quarters)
    generosity = np.divide(current, reference, out=np.ones_like(current), where=reference > 0)
    years = np.arange(n_quarters) / 4.0
    growth = (1.0 + a["inflow_trend"][:, None]) ** years[None, :]
    response = generosity[None, :] ** a["elasticity"][:, None]
    inflow_by_package = (
        inputs.inflow_base[None, None, :]
        * (1.0 + inputs.scope_extra_share)
        * a["inflow_level_factor"][:, None, None]
        * growth[:, :, None]
        * response[:, None, :]
    )
    inflow_by_package[:, :, VOP_LEGACY] = 0.0  # no new VOP files since 1 July 2023

    # --- exit probabilities per quarter (D, C), competing risks ------------------------------------------------
    annual_parts = np.array([inputs.exit_involuntary, inputs.exit_other, inputs.exit_doorstroom])
    annual_total = np.clip(
        annual_parts.sum() * a["exit_rate_factor"][:, None] * inputs.coaching_exit_factor[None, :],
        0.0,
        MAX_ANNUAL_EXIT,
    )
    quarterly_total = quarterly_probability(annual_total)
    part_share = annual_parts / annual_parts.sum() if annual_parts.sum() > 0 else np.zeros(3)
    q_involuntary = quarterly_total * part_share[0]
    survive = 1.0 - quarterly_total  # (D, C)
    # In the first quarters of employment exits are more likely (a match that does not hold): the same split,
    # times exit_early_factor. `early_extra` is the extra exit probability there; `early_survive` the factor that
    # takes the base survival to the early one.
    early = min(inputs.exit_early_quarters, MAX_AGE)
    early_total = quarterly_probability(
        np.clip(annual_total * inputs.exit_early_factor, 0.0, MAX_ANNUAL_EXIT)
    )
    early_extra = early_total - quarterly_total  # (D, C)
    early_survive = (1.0 - early_total) / survive

    # --- ageing: where each package ends --------------------------------------------------------------------
    packages = np.arange(n_packages)
    last_slot = inputs.duration_quarters - 1
    renewal = inputs.renewal_share
    renewed_end_rate = (1.0 - renewal) / inputs.duration_quarters  # renewed packages end in turn
    # Packages that end before quarter 20 leave an empty slot behind them.
    cleared = last_slot + 1 < RENEWED

    # --- one matrix per package turns the stock by quarter of employment into four sums per cell ------------------
    # columns: workers, loonpremie at start prices [EUR/quarter], fixed begeleidingspremie before eligibility
    # [EUR/quarter], workers holding the fallback right (within the window).
    window = inputs.fallback_window_quarters
    right_share = inputs.origin_share[EX_COLLECTIVE]
    ggmmi = ggmmi_by_quarter(inputs)
    loonpremie_weight = inputs.percentage_by_age * capped_quarterly_wage(inputs, ggmmi[0])[:, None]  # (P, A)
    # and, for the early exits, workers in their first quarters, and those of them who hold the fallback right.
    sums = np.zeros((n_packages, N_AGES, N_SUMS))
    sums[:, :, 0] = 1.0
    sums[:, :, 1] = loonpremie_weight
    sums[:, :, 2] = inputs.begeleiding_fixed_by_age[None, :]
    sums[:, :window, 3] = 1.0
    sums[VOP_LEGACY, :, 3] = 0.0  # running VOPs did not come from collective maatwerk
    sums[:, :early, 4] = 1.0
    sums[:, :, 5] = sums[:, :, 3] * sums[:, :, 4]
    eligible = (
        inputs.coaching_eligible.astype(np.float64)[:, None]
        * (np.arange(n_needs) > 0).astype(np.float64)[None, :]
    )  # (P, C): a begeleidingspremie only with a need for coaching
    variable_per_worker = (
        eligible * inputs.begeleiding_variable[None, :] * inputs.fte[:, None] * inputs.hours_worked_share
    )  # (P, C)
    index = price_index(inputs, a["inflation"])  # (D, T)
    coaching_index = index if inputs.begeleiding_indexed else np.ones_like(index)

    out: dict[str, FloatArray] = {}
    # The stock lives in a buffer (T + 21, P, D, C) whose window of 21 slots (quarters of employment 1 to 20,
    # then the pool of renewed packages) moves one position back each quarter, so that ageing costs nothing:
    # window slot a at quarter t is buffer position (T - t + a). The buffer is kept in units of survival: the
    # real stock is the buffer times the cumulative survival of its coaching need (exits depend on the need
    # only), so that exits cost no pass over the stock either. The loop takes the four sums per cell with one
    # batched matrix product and moves the packages that end; all else is done before or after it, at once.
    # Survival does not depend on the stock, so its path is known before the loop: survive ** t.
    survival = np.empty((n_quarters + 1, n_draws, n_needs))  # before quarter t; row T after the last
    survival[0] = 1.0
    np.cumprod(np.broadcast_to(survive, (n_quarters, n_draws, n_needs)), axis=0, out=survival[1:])
    buffer = np.zeros((n_quarters + N_AGES, n_packages, n_draws, n_needs))
    buffer[n_quarters:] = inputs.initial_stock.transpose(2, 0, 1)[:, :, None, :]
    # New workers join in slot 0 of their quarter's window, position T - t: placed before the loop, in units of
    # survival, latest quarter first.
    per_need = inputs.coaching_share[None, None, :] / survival[-2::-1]  # (T, D, C), latest quarter first
    buffer[1 : n_quarters + 1] += (
        np.ascontiguousarray(inflow_by_package.transpose(1, 2, 0)[::-1])[..., None] * per_need[:, None]
    )
    # Renewed packages form a pool, kept in the slot right after the 20 quarters of employment.
    renewed_pool = buffer[n_quarters + RENEWED].copy()
    # Per package, the window is a column-major matrix (draws x needs, slots) that BLAS reads in place.
    flat = buffer.reshape(n_quarters + N_AGES, n_packages, n_draws * n_needs).transpose(1, 2, 0)
    cell_sums = np.empty((n_quarters, n_packages, n_draws * n_needs, N_SUMS))
    early_factor = early_survive[None, None]
    alive_rows = survival[:-1].reshape(n_quarters, 1, n_draws * n_needs, 1)
    ended_scaled = np.empty((n_quarters, n_packages, n_draws, n_needs))
    cleared_packages = packages[cleared]
    for t in range(n_quarters):
        offset = n_quarters - t
        if t > 0 and ggmmi[t] != ggmmi[t - 1]:  # a legal rise of the minimum wage moves the cap
            sums[:, :, 1] = inputs.percentage_by_age * capped_quarterly_wage(inputs, ggmmi[t])[:, None]
        np.matmul(flat[..., offset : offset + N_AGES], sums, out=cell_sums[t])
        cell_sums[t] *= alive_rows[t]
        if early:
            buffer[offset : offset + early] *= early_factor
        ending = buffer[offset + last_slot, packages]  # (P, D, C): in the last quarter of their package
        renewed_ending = renewed_pool * renewed_end_rate[:, None, None]
        ended_scaled[t] = ending * (1.0 - renewal)[:, None, None] + renewed_ending
        renewed_pool += ending * renewal[:, None, None] - renewed_ending
        # Those whose package ended leave their slot; a 5-year package ends in the slot that the pool takes.
        buffer[offset + last_slot[cleared], cleared_packages] = 0.0
        buffer[offset - 1 + RENEWED] = renewed_pool

    # Sums over the quarters of employment are in people now (the loop applied the survival). Sums over the
    # coaching needs go through one batched matrix product, which numpy does far faster than a reduction over a
    # short middle axis. Columns: workers, loonpremie, fixed and variable begeleidingspremie.
    over_needs = np.zeros((n_packages, n_needs, N_SUMS, 4))
    over_needs[:, :, 0, 0] = 1.0
    over_needs[:, :, 1, 1] = 1.0
    over_needs[:, :, 2, 2] = eligible
    over_needs[:, :, 0, 3] = variable_per_worker
    by_package = np.matmul(
        cell_sums.reshape(n_quarters, n_packages, n_draws, n_needs * N_SUMS),
        over_needs.reshape(n_packages, n_needs * N_SUMS, 4),
    )  # (T, P, D, 4)
    workers_by_package = by_package[..., 0].transpose(2, 0, 1)  # (D, T, P)
    loonpremie_by_package = by_package[..., 1].transpose(2, 0, 1) * index[:, :, None]
    totals = by_package.sum(axis=1)  # (T, D, 4)
    out["begeleiding_fixed_cost"] = totals[..., 2].T * coaching_index
    out["begeleiding_variable_cost"] = totals[..., 3].T * coaching_index
    over_packages = cell_sums.sum(axis=1).reshape(n_quarters, n_draws, n_needs, N_SUMS)
    need_totals = over_packages[..., 0]  # (T, D, C)
    early_totals = over_packages[..., 4]
    workers_by_coaching = need_totals.transpose(1, 0, 2)  # (D, T, C)
    out["workers"] = totals[..., 0].T
    out["inflow"] = inflow_by_package.sum(axis=2) * inputs.coaching_share.sum()
    # All exits of a quarter, then split by their annual shares (the split is the same at every age).
    all_exits = (
        (need_totals * quarterly_total[None] + early_totals * early_extra[None]).sum(axis=2).T
    )  # (D, T)
    for name, share in zip(("exits_involuntary", "exits_other", "doorstroom"), part_share, strict=True):
        out[name] = all_exits * share
    # Right holders whose job ends against their will: the base probability, plus the extra in early quarters.
    involuntary_of_holders = (
        over_packages[..., 3] * q_involuntary[None]
        + over_packages[..., 5] * (early_extra * part_share[0])[None]
    )
    out["fallback_returns"] = (
        involuntary_of_holders.sum(axis=2).T * right_share * a["fallback_takeup"][:, None]
    )
    out["premium_ended"] = np.einsum("tpdc,tdc->dt", ended_scaled, survival[1:])

    # What is left at the end of each quarter is next quarter's stock before its inflow.
    last_stock = buffer[:N_AGES].sum(axis=0) * survival[-1][None]
    out["workers_end"] = np.concatenate(
        [out["workers"][:, 1:] - out["inflow"][:, 1:], last_stock.sum(axis=(0, 2))[:, None]], axis=1
    )

    out["loonpremie_demand"] = loonpremie_by_package.sum(axis=2)
    out["begeleiding_demand"] = out["begeleiding_fixed_cost"] + out["begeleiding_variable_cost"]
    _apply_envelopes(inputs, out, need_totals[..., 1:].sum(axis=2).T)
    out["price_index"] = index
    _collective(inputs, out, a["fallback_takeup"], index)
    out["total_cost"] = out["loonpremie_cost"] + out["begeleiding_cost"] + out["fallback_cost"]
    inflow_by_origin = out["inflow"][..., None] * inputs.origin_share[None, None, :]
    assert set(out) == set(SERIES), set(SERIES) ^ set(out)
    return Projection(
        quarters=quarter_labels(inputs.start, n_quarters),
        series={name: out[name] for name in SERIES},
        workers_by_package=workers_by_package,
        workers_by_coaching=workers_by_coaching,
        inflow_by_origin=inflow_by_origin,
        loonpremie_by_package=loonpremie_by_package,
        draws={name: a[name] for name in UNCERTAIN_FIELDS},
    )


def _apply_envelopes(inputs: ModelInputs, out: dict[str, FloatArray], coached: FloatArray) -> None:
    """Closed-ended financing: pay up to a quarter of the annual envelope; the rest waits.

    `coached` (D, T) counts the workers with a need for coaching. The workers waiting are the unpaid demand
    divided by the mean premium per worker of that quarter.
    """
    workers = out["workers"]
    for demand_name, cost_name, waiting_name, closed, envelope, base in (
        (
            "loonpremie_demand",
            "loonpremie_cost",
            "loonpremie_waiting",
            inputs.loonpremie_closed,
            inputs.loonpremie_envelope,
            workers,
        ),
        (
            "begeleiding_demand",
            "begeleiding_cost",
            "begeleiding_waiting",
            inputs.begeleiding_closed,
            inputs.begeleiding_envelope,
            coached,
        ),
    ):
        demand = out[demand_name]
        paid = np.minimum(demand, envelope / 4.0) if closed else demand.copy()
        out[cost_name] = paid
        unpaid_share = np.divide(demand - paid, demand, out=np.zeros_like(demand), where=demand > 0)
        out[waiting_name] = unpaid_share * base
    # The paid begeleidingspremie splits over its fixed and variable parts in proportion to the demand.
    paid_share = np.divide(
        out["begeleiding_cost"],
        out["begeleiding_demand"],
        out=np.ones_like(out["begeleiding_demand"]),
        where=out["begeleiding_demand"] > 0,
    )
    out["begeleiding_fixed_cost"] = out["begeleiding_fixed_cost"] * paid_share
    out["begeleiding_variable_cost"] = out["begeleiding_variable_cost"] * paid_share


def _collective(
    inputs: ModelInputs, out: dict[str, FloatArray], takeup: FloatArray, index: FloatArray
) -> None:
    """The collective contingent: capacity, occupancy, fallback returns, intake from the queue, the queue."""
    n_draws, n_quarters = out["workers"].shape
    for name in COLLECTIVE_SERIES:
        out[name] = np.zeros((n_draws, n_quarters))
    q_exit = float(quarterly_probability(inputs.collective_exit_rate))
    occupancy = np.full(n_draws, inputs.filled_start_fte)  # regular places (FTE), returns inside included
    on_top = np.zeros(n_draws)  # places added on top of the contingent for returnees (FTE)
    inside = np.zeros(n_draws)  # returnees holding a place inside the contingent (FTE)
    queue = np.full(n_draws, inputs.queue_start)
    per_person = inputs.fte_per_person
    for t in range(n_quarters):
        capacity = inputs.contingent_start_fte + inputs.extra_places_per_year * t / 4.0
        to_imw = out["inflow"][:, t] * inputs.origin_share[EX_COLLECTIVE] * per_person
        returns = out["fallback_returns"][:, t] * per_person
        occupancy = np.maximum(occupancy * (1.0 - q_exit) - to_imw, 0.0)
        inside *= 1.0 - q_exit
        on_top *= 1.0 - q_exit
        if inputs.fallback_on_top:
            on_top += returns
        else:
            occupancy += returns
            inside += returns
        free = np.maximum(inputs.max_fill_rate * capacity - occupancy, 0.0)
        waiting = queue + inputs.new_advices_per_quarter
        intake = np.minimum(waiting, free / per_person)
        occupancy = occupancy + intake * per_person
        queue = (waiting - intake) * (1.0 - inputs.queue_dropout_rate)
        out["contingent_capacity"][:, t] = capacity + on_top
        out["contingent_occupancy"][:, t] = occupancy + on_top
        out["contingent_free"][:, t] = np.maximum(capacity - occupancy, 0.0)
        # Full: no attainable place left after this quarter's intake (half an FTE of tolerance).
        out["contingent_full"][:, t] = occupancy >= inputs.max_fill_rate * capacity - 0.5
        out["fallback_places_inside"][:, t] = inside
        out["queue"][:, t] = queue
        out["collective_intake"][:, t] = intake
        out["collective_to_imw"][:, t] = to_imw / per_person
        out["fallback_cost"][:, t] = on_top * inputs.cost_per_place_year / 4.0 * index[:, t]
