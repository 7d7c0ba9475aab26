"""The quarterly stock-flow projection of IMW, the running VOPs and the collective maatwerk contingent.

The run starts on 1 July 2023, when IMW started, with no IMW worker: the stock on the first projected day follows
from the model's own inflow and exits. One run is vectorised over D draws of the uncertain assumptions: every array
carries the draw axis first, so that a deterministic run is the case D = 1.

The named steps, in the order of a quarter t:

1. prices (`price_index`) and exit hazards (`exit_hazards`), known for the whole run before the loop;
2. the running VOPs (`vop_block`): a population that only runs out, by exits and by the end of each decision (the
   last in 2028 Q2); a share of the VOPs that end gets an IMW package (the ex-VOP inflow);
3. the new IMW inflow (`new_inflow`): a ramp from the start of IMW to a level that the published milestone fixes
   per draw (accepted applications by early 2024, the ex-VOP and ex-collective inflow counted in), then a trend,
   the response to the generosity of the premium, and a wider scope; part of it comes from the queue for collective
   maatwerk (the collective-advice package, and a share of the raised package);
4. in the loop, quarter by quarter (`run_quarters`), one function each:
   `collective_begin` (the collective block's exits and its doorstroom to IMW: the fallback right holders; the
   queue-sourced inflow cut to the queue), `admit_inflow` (who starts: the IMW admissions, rationed when a premium
   is closed-ended: who does not fit in the envelope waits, first come, first served, with no premium),
   `premiums_due`, `quarter_exits` (every kind; higher in the first quarters), `fallback_returns` (right holders
   within their window), `age_window` (the first quarters' extra exits, the end of packages and their renewals:
   the stock one quarter on), `collective_finish` (the collective block's returns, intake and queue); after the
   loop, for all quarters at once, `stock_totals`, `exit_kinds` (involuntary, other, doorstroom) and
   `inflow_origins`;
5. costs (`costs`): loonpremie on the capped referteloon, begeleidingspremie (fixed and variable part, only with a
   need and only beside a loonpremie), VOP premiums, places on top of the contingent; at current prices; what
   exceeds a closed envelope (`envelope_excess`);
6. plausibility (`simulation.plausibility`): a result outside a plausible range, or a flow that had to be cut at
   zero, is a warning that names the bound and the first quarter.

Conservation holds by construction: workers_imw[t] = workers_imw[t - 1] + inflow[t] - exits[t] - premium_ended[t].
Reported series start at ``projection_start_index``; the quarters before it are kept in ``Projection.history``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Final, NamedTuple

import numpy as np

from simulation.collective import (
    CollectiveState,
    QuarterStart,
    end_quarter,
    exit_split,
    quarterly_probability,
    start_quarter,
)
from simulation.inputs import (
    COACHING_NEEDS,
    COLLECTIVE_ADVICE,
    EX_COLLECTIVE,
    FIVE_YEAR_PACKAGES,
    FIVE_YEAR_RAISED,
    MAX_AGE,
    N_AGES,
    ORIGINS,
    PACKAGES,
    SERIES_FIELDS,
    UNCERTAIN_FIELDS,
    VOP_QUARTERS,
    BoolArray,
    FloatArray,
    InputError,
    ModelInputs,
)
from simulation.plausibility import PlausibilityWarning, check_plausibility

PIVOT_STEP: Final = 0.02
#: Exits are capped just below certainty, so that survival never reaches zero.
MAX_ANNUAL_EXIT: Final = 0.9999

#: Outputs per quarter with shape (D, T). Stocks are counted at the end of the quarter (after its exits).
SERIES: Final = (
    "workers",
    "workers_imw",
    "workers_vop",
    "inflow",
    "exits_involuntary",
    "exits_other",
    "doorstroom",
    "premium_ended",
    "fallback_returns",
    "vop_ended",
    "vop_converted",
    "imw_waiting",
    "imw_waiting_quarters",
    "loonpremie_imw_cost",
    "loonpremie_vop_cost",
    "loonpremie_cost",
    "begeleiding_fixed_cost",
    "begeleiding_variable_cost",
    "begeleiding_cost",
    "fallback_cost",
    "total_cost",
    "price_index",
    "contingent_capacity",
    "contingent_occupancy",
    "contingent_open",
    "contingent_full",
    "queue",
    "new_advices",
    "collective_intake",
    "collective_doorstroom",
    "collective_to_imw",
    "queue_to_imw",
    "fallback_places_inside",
    "fallback_places_on_top",
)


@dataclass(frozen=True)
class Projection:
    """The result of one run: every array has the draw axis first and the quarter axis second.

    ``series`` maps each name in ``SERIES`` to an array (D, T) over the reported quarters; ``workers_by_package``
    is (D, T, P + 1) (the IMW packages, then the running VOPs), ``workers_by_coaching`` (D, T, C) (IMW),
    ``inflow_by_origin`` (D, T, O), ``loonpremie_by_package`` (D, T, P + 1); workers are counted at the end of the
    quarter, after its exits. ``history`` holds the same series over
    the quarters before the projection (with ``history_quarters``), for the checks against published figures.
    Money in EUR per quarter at current prices, people in persons, places in FTE.
    """

    quarters: tuple[tuple[int, int], ...]
    series: dict[str, FloatArray]
    workers_by_package: FloatArray
    workers_by_coaching: FloatArray
    inflow_by_origin: FloatArray
    loonpremie_by_package: FloatArray
    draws: dict[str, FloatArray]
    warnings: tuple[PlausibilityWarning, ...] = ()
    history_quarters: tuple[tuple[int, int], ...] = ()
    history: dict[str, FloatArray] = field(default_factory=dict)

    @property
    def n_draws(self) -> int:
        return int(self.series["workers"].shape[0])


def quarter_labels(start: dt.date, n_quarters: int) -> tuple[tuple[int, int], ...]:
    """(year, quarter) of each quarter from `start`."""
    first = start.year * 4 + (start.month - 1) // 3
    return tuple(((first + t) // 4, (first + t) % 4 + 1) for t in range(n_quarters))


#: The range each uncertain field must stay in; a draw shifted out of it in a later quarter is cut (and said).
FIELD_RANGES: Final[dict[str, tuple[float, float]]] = {
    "exit_rate_factor": (0.0, np.inf),
    "exit_early_factor": (1.0, np.inf),
    "wage_factor": (0.0, np.inf),
    "elasticity": (0.0, np.inf),
    "inflow_trend": (-0.99, np.inf),
    "inflation": (-0.99, np.inf),
    "new_advices": (0.0, np.inf),
    "contingent_growth": (-np.inf, np.inf),
    "collective_fte_per_person": (0.05, 1.0),
}


def _assumptions(
    inputs: ModelInputs, draws: dict[str, FloatArray], n_draws: int
) -> tuple[dict[str, FloatArray], tuple[str, ...]]:
    """Every uncertain field per draw: (D,) for scalars, (D, T) for series (the central series shifted), and the
    names of the fields whose shifted series had to be cut to their range."""
    result: dict[str, FloatArray] = {}
    cut: list[str] = []
    for name in UNCERTAIN_FIELDS:
        central = getattr(inputs, name)
        if name in SERIES_FIELDS:
            series = np.asarray(central, dtype=np.float64)
            if name in draws:
                shift = np.asarray(draws[name], dtype=np.float64) - _central_value(inputs, name)
                shifted = series[None, :] + shift[:, None]
                low, high = FIELD_RANGES.get(name, (0.0, 1.0))
                kept = np.clip(shifted, low, high)
                if not np.array_equal(kept, shifted):
                    cut.append(name)
                result[name] = kept
            else:
                result[name] = np.broadcast_to(series, (n_draws, series.size))
        elif name in draws:
            result[name] = np.asarray(draws[name], dtype=np.float64)
        else:
            result[name] = np.full(n_draws, float(central))
    return result, tuple(cut)


def _central_value(inputs: ModelInputs, name: str) -> float:
    """The value a draw of a series field is measured against: its value in the first projected quarter."""
    value = getattr(inputs, name)
    if name in SERIES_FIELDS:
        return float(np.asarray(value)[inputs.projection_start_index])
    return float(value)


def central_values(inputs: ModelInputs) -> dict[str, float]:
    """The central value of every uncertain field (what a distribution is centred on)."""
    return {name: _central_value(inputs, name) for name in UNCERTAIN_FIELDS}


def price_index(inputs: ModelInputs, inflation: FloatArray) -> FloatArray:
    """(D, T) price level against the first projected quarter: the published health index before it, then the
    assumption.

    With pivot indexation amounts rise by 2 % each time prices have risen 2 % more since the last step (the start
    is taken right after a crossing, and amounts never fall). Otherwise they follow prices every quarter.
    """
    n_draws, n_quarters = inflation.shape
    start = inputs.projection_start_index
    growth = (1.0 + inflation[:, start:]) ** 0.25
    prices = np.cumprod(np.concatenate([np.ones((n_draws, 1)), growth[:, :-1]], axis=1), axis=1)
    if inputs.indexation_pivot:
        steps = np.floor(np.log(prices) / np.log1p(PIVOT_STEP) + 1e-9)
        steps = np.maximum.accumulate(np.maximum(steps, 0.0), axis=1)
        prices = (1.0 + PIVOT_STEP) ** steps
    index = np.empty((n_draws, n_quarters))
    index[:, :start] = inputs.price_history[None, :start]
    index[:, start:] = prices
    return index


@dataclass(frozen=True)
class Hazards:
    """Quarterly exit probabilities (D, T, C) in the later and in the first quarters of employment, the share of
    each kind of exit (T,), and the exit probability of a running VOP (D, T)."""

    later: FloatArray
    early: FloatArray
    involuntary_part: FloatArray
    other_part: FloatArray
    vop: FloatArray


def exit_hazards(inputs: ModelInputs, a: dict[str, FloatArray]) -> Hazards:
    """Competing risks: the annual total times the factors, turned into a quarterly probability; the kinds split
    the total in proportion to their annual rates, at every age."""
    annual = inputs.exit_involuntary + inputs.exit_other + inputs.exit_doorstroom  # (T,)
    base = (annual[None, :] * a["exit_rate_factor"])[:, :, None] * inputs.coaching_exit_factor[
        None
    ]  # (D, T, C)
    later = quarterly_probability(base)
    early = quarterly_probability(base * a["exit_early_factor"][:, :, None])
    involuntary = np.divide(inputs.exit_involuntary, annual, out=np.zeros_like(annual), where=annual > 1e-12)
    other = np.divide(inputs.exit_other, annual, out=np.zeros_like(annual), where=annual > 1e-12)
    # Running VOPs are past their first quarters and mostly need no coaching: the later rate of need 'none'.
    return Hazards(
        later=later, early=early, involuntary_part=involuntary, other_part=other, vop=later[:, :, 0]
    )


@dataclass(frozen=True)
class VopBlock:
    """The running VOPs per draw and quarter (D, T): workers at the end of the quarter, the sum of their
    percentages (for the premium), those whose decision ended, and the ex-VOP inflow into IMW."""

    workers_end: FloatArray
    percent_sum: FloatArray
    ended: FloatArray
    converted: FloatArray
    exits: FloatArray


def vop_block(inputs: ModelInputs, a: dict[str, FloatArray], hazards: Hazards) -> VopBlock:
    """Running VOPs: no new ones and no extensions since 1 July 2023. At the run start they are spread evenly over
    the 20 quarters of a decision; each runs to its end (the last in the 20th quarter of the run), unless the worker
    leaves first."""
    n_draws, n_quarters = hazards.vop.shape
    per_cohort = a["vop_stock"] / VOP_QUARTERS  # (D,) per quarter already elapsed at the start
    survive = 1.0 - hazards.vop  # (D, T)
    alive = np.cumprod(survive, axis=1)  # survivors at the end of quarter t, as a share of the start
    alive_before = np.concatenate([np.ones((n_draws, 1)), alive[:, :-1]], axis=1)
    t = np.arange(n_quarters)
    # The decisions still running during quarter t.
    remaining_cohorts = np.clip(VOP_QUARTERS - t, 0, None).astype(np.float64)
    during = per_cohort[:, None] * alive_before * remaining_cohorts[None, :]
    # The cohort whose last quarter is t ends at the end of t; the others carry on.
    ended = per_cohort[:, None] * alive * (remaining_cohorts > 0)[None, :]
    workers_end = per_cohort[:, None] * alive * np.clip(remaining_cohorts - 1, 0, None)[None, :]
    # Sum of the percentages of those running in quarter t: cohorts elapsed e = t .. 19 at quarter t.
    percent_from = np.concatenate([np.cumsum(inputs.vop_percentage_by_age[::-1])[::-1], [0.0]])
    percent_sum = per_cohort[:, None] * alive_before * percent_from[np.minimum(t, VOP_QUARTERS)][None, :]
    return VopBlock(
        workers_end=workers_end,
        percent_sum=percent_sum,
        ended=ended,
        converted=ended * a["vop_conversion_share"],
        exits=during - workers_end - ended,
    )


def ramp_weights(inputs: ModelInputs) -> FloatArray:
    """(T,) the share of the full level that each quarter's new inflow has, ramping up from zero at the start of IMW
    over ``ramp_quarters`` (the mean of min(tau / ramp, 1) over the quarter)."""
    ramp = inputs.ramp_quarters
    t = np.arange(inputs.n_quarters, dtype=np.float64)
    if ramp <= 0:
        return np.ones_like(t)
    return (_ramp_integral(t + 1.0, ramp) - _ramp_integral(t, ramp)).astype(np.float64)


def _ramp_integral(tau: FloatArray, ramp: float) -> FloatArray:
    """The integral of min(s / ramp, 1) from 0 to tau [quarters]."""
    tau = np.asarray(tau, dtype=np.float64)
    if ramp <= 0:
        return tau
    return np.where(tau <= ramp, tau**2 / (2 * ramp), tau - ramp / 2)


def _cumulative_at(flow: FloatArray, tau: FloatArray) -> FloatArray:
    """(D,) the sum of a quarterly flow (D, T) from the run start to `tau` quarters (D,), the last quarter pro rata."""
    n_draws, n_quarters = flow.shape
    whole = np.clip(np.floor(tau).astype(np.int64), 0, n_quarters)
    cumulative = np.concatenate([np.zeros((n_draws, 1)), np.cumsum(flow, axis=1)], axis=1)
    rows = np.arange(n_draws)
    partial = tau - whole
    last = np.where(whole < n_quarters, flow[rows, np.minimum(whole, n_quarters - 1)], 0.0)
    return np.asarray(cumulative[rows, whole] + partial * last, dtype=np.float64)


def mean_package_percentage(percentage_by_age: FloatArray, duration_quarters: np.ndarray) -> FloatArray:
    """(T, P) the mean percentage over the quarters of each package: the premium's generosity."""
    ages = np.arange(1, N_AGES + 1)
    within = (ages[None, :] <= duration_quarters[:, None]).astype(np.float64)  # (P, A)
    return np.asarray(
        (percentage_by_age * within[None]).sum(axis=2) / within.sum(axis=1)[None], dtype=np.float64
    )


@dataclass(frozen=True)
class NewInflow:
    """New IMW inflow per draw and quarter, by package (D, T, P), the level the milestone fixes (D,), and whether
    the milestone could not be met without a negative new inflow (D,)."""

    by_package: FloatArray
    level: FloatArray
    milestone_short: FloatArray


def new_inflow(
    inputs: ModelInputs, a: dict[str, FloatArray], ex_vop: FloatArray, ex_collective: FloatArray
) -> NewInflow:
    """The new inflow: level x ramp x trend x level factor x (1 + scope) x response to generosity, by package.

    The level is fixed per draw by the milestone: the accepted applications counted ``milestone_quarters`` after
    the start equal the model's inflow by then (new, ex-VOP and ex-collective together, under the law as it was).
    """
    weights = ramp_weights(inputs)  # (T,)
    tau = a["milestone_quarters"]
    known = _cumulative_at(ex_vop + ex_collective, tau)
    room = inputs.milestone_count - known
    level = np.maximum(room, 0.0) / np.maximum(_ramp_integral(tau, inputs.ramp_quarters), 1e-12)
    # Growth after the milestone, quarter by quarter, so that a trend may change from a date.
    after = (np.arange(inputs.n_quarters)[None, :] >= np.ceil(tau)[:, None]).astype(np.float64)
    growth = np.cumprod((1.0 + a["inflow_trend"]) ** (0.25 * after), axis=1)
    total = (
        level[:, None]
        * weights[None, :]
        * growth
        * inputs.level_factor[None, :]
        * (1.0 + inputs.scope_extra_share)[None, :]
    )
    generosity = mean_package_percentage(inputs.percentage_by_age, inputs.duration_quarters)
    reference = mean_package_percentage(inputs.reference_percentage_by_age, inputs.duration_quarters)
    ratio = np.divide(generosity, reference, out=np.ones_like(generosity), where=reference > 0)  # (T, P)
    by_package = total[:, :, None] * inputs.package_mix[None, :, :]
    if np.any(ratio != 1.0):  # the law differs from the law as it is: the inflow responds
        by_package = by_package * ratio[None, :, :] ** a["elasticity"][:, :, None]
    return NewInflow(by_package=by_package, level=level, milestone_short=(room < 0).astype(np.float64))


def capped_wages(
    inputs: ModelInputs, a: dict[str, FloatArray], index: FloatArray
) -> tuple[FloatArray, FloatArray]:
    """The capped quarterly referteloon per draw, quarter and package (D, T, P), and that of a running VOP (D, T),
    at current prices [EUR/quarter].

    The cap follows the legal GGMMI while one is known, then the price index from there."""
    last = min(inputs.cap_legal_until, inputs.n_quarters - 1)
    cap_index = np.where(np.arange(inputs.n_quarters)[None, :] > last, index / index[:, last : last + 1], 1.0)
    cap = inputs.cap_full_time[None, :] * cap_index  # (D, T)
    wage = 3.0 * inputs.referteloon_month[None] * (a["wage_factor"] * index)[:, :, None]
    capped = np.minimum(wage, cap[:, :, None] * inputs.fte[None])
    vop_wage = 3.0 * inputs.vop_referteloon_month * a["wage_factor"] * index
    return capped, np.minimum(vop_wage, cap * inputs.vop_fte)


def capacity_path(inputs: ModelInputs, growth: FloatArray) -> FloatArray:
    """(D, T) the allocated contingent: published where known, then growing by `growth` a year [FTE]; the caller
    keeps it at zero or above (and the plausibility check says when it had to)."""
    known = inputs.capacity_known
    last = int(np.flatnonzero(~np.isnan(known))[-1])
    n_draws, n_quarters = growth.shape
    path = np.empty((n_draws, n_quarters))
    path[:, : last + 1] = known[None, : last + 1]
    if last + 1 < n_quarters:
        added = np.cumsum(growth[:, last + 1 :] / 4.0, axis=1)
        path[:, last + 1 :] = known[last] + added
    return path


def project(inputs: ModelInputs, draws: dict[str, FloatArray] | None = None) -> Projection:
    """Run the projection; `draws` maps uncertain field names to arrays (D,) that replace the central values.

    Without draws this is the deterministic run (D = 1).
    """
    draws, n_draws = _checked_draws(draws)
    a, cut = _assumptions(inputs, draws, n_draws)
    index = price_index(inputs, a["inflation"])
    hazards = exit_hazards(inputs, a)
    vop = vop_block(inputs, a, hazards)
    history_moves = ex_collective_history(inputs, a, n_draws)
    inflow = new_inflow(inputs, a, vop.converted, history_moves)
    capacity_raw = capacity_path(inputs, a["contingent_growth"])
    capped, vop_capped = capped_wages(inputs, a, index)
    capacity = np.maximum(capacity_raw, 0.0)
    out = run_quarters(inputs, a, hazards, vop, inflow, capacity, index, history_moves, capped)
    out["price_index"] = index
    costs(inputs, a, index, vop, out, capped, vop_capped)
    warnings = check_plausibility(
        quarter_labels(inputs.run_start, inputs.n_quarters),
        out,
        capacity_raw,
        inflow.milestone_short,
        inputs.target_population,
        inputs.projection_start_index,
        cut_draws=cut,
        envelope_exceeded=envelope_excess(inputs, out),
    )
    return _report(inputs, draws, out, warnings)


def _checked_draws(draws: dict[str, FloatArray] | None) -> tuple[dict[str, FloatArray], int]:
    """The draws (a copy) and their number; every drawn field must be uncertain, every array (D,) alike."""
    draws = dict(draws or {})
    unknown = set(draws) - set(UNCERTAIN_FIELDS)
    if unknown:
        raise InputError(f"no distribution can be drawn for {', '.join(sorted(unknown))}")
    sizes = {np.asarray(value).shape for value in draws.values()}
    if len(sizes) > 1 or any(len(size) != 1 for size in sizes):
        raise InputError("every drawn assumption must be an array of the same length (the number of draws)")
    return draws, next(iter(sizes))[0] if sizes else 1


def ex_collective_history(inputs: ModelInputs, a: dict[str, FloatArray], n_draws: int) -> FloatArray:
    """(D, T) the ex-collective moves to IMW before the collective block starts: the published doorstroom times
    its IMW share; zero from the block's start (the block's own doorstroom takes over)."""
    start = inputs.collective_start_index
    moves = np.zeros((n_draws, inputs.n_quarters))
    moves[:, :start] = inputs.doorstroom_history[None, :start] * a["doorstroom_to_imw"][:, :start]
    return moves


#: Columns of the per-package sums over the window of the stock (one batched matrix product): workers,
#: percentage-weighted workers, the fixed begeleidingspremie at base amounts. The fallback right holders (only in
#: the ex-collective package) have their own product: those in early and in later quarters within their window.
_COL_WORKERS, _COL_PERCENT, _COL_FIXED = range(3)
_N_COLUMNS: Final = 3


@dataclass(frozen=True)
class WindowWeights:
    """The matrices that turn the window of the stock (quarters of employment 1 to 20, then the pool of renewed
    packages) into the sums of a quarter: ``premiums`` (T or 1, P, 3, N_AGES) per package (workers, percentages,
    fixed begeleidingspremie), ``holders`` (T or 1, 2, N_AGES) the right holders in their early and later quarters;
    one of each when nothing changes during the run (``constant``)."""

    premiums: FloatArray
    holders: FloatArray
    constant: bool

    def premiums_at(self, t: int) -> FloatArray:
        """(P, 3, N_AGES) the weights of quarter t."""
        weights: FloatArray = self.premiums[0 if self.constant else t]
        return weights

    def holders_at(self, t: int) -> FloatArray:
        """(2, N_AGES) the right holders' weights of quarter t."""
        weights: FloatArray = self.holders[0 if self.constant else t]
        return weights


def window_weights(inputs: ModelInputs) -> WindowWeights:
    """The weights of the window's rows in the sums of each quarter (see `WindowWeights`)."""
    percent = inputs.percentage_by_age  # (T, P, A)
    fixed = inputs.begeleiding_fixed_by_age  # (T, A)
    windows = inputs.fallback_window_quarters
    constant = bool(
        np.all(percent == percent[:1]) and np.all(fixed == fixed[:1]) and np.all(windows == windows[:1])
    )
    if constant:
        percent, fixed, windows = percent[:1], fixed[:1], windows[:1]
    n = percent.shape[0]
    w = np.zeros((n, len(PACKAGES), _N_COLUMNS, N_AGES))
    w[:, :, _COL_WORKERS] = 1.0
    w[:, :, _COL_PERCENT] = percent
    w[:, :, _COL_FIXED] = fixed[:, None, :] * inputs.coaching_eligible[None, :, None]
    early = min(inputs.exit_early_quarters, MAX_AGE)
    ages = np.arange(N_AGES)
    within = (ages[None, :] < windows[:, None]) & (ages[None, :] < MAX_AGE)  # (n, A)
    holders = np.stack([within & (ages[None, :] < early), within & (ages[None, :] >= early)], axis=1)
    return WindowWeights(premiums=w, holders=holders.astype(np.float64), constant=constant)


@dataclass(frozen=True)
class Survival:
    """The exit hazards as the loop reads them: one row per quarter over the cells (draws x needs, D * C).

    ``alive`` (D, T + 1, C) is the cumulative survival at the later rate from the run start (1 at the start),
    ``alive_rows`` the same as rows (T + 1, D * C); ``later`` and ``early`` (T, D * C) the quarterly exit
    probabilities in the later and in the first ``early_quarters`` quarters of employment, ``extra`` their
    difference and ``early_ratio`` the survival in a first quarter over that in a later one.
    """

    alive: FloatArray
    alive_rows: FloatArray
    later: FloatArray
    early: FloatArray
    extra: FloatArray
    early_ratio: FloatArray
    early_quarters: int


def survival_rows(inputs: ModelInputs, hazards: Hazards) -> Survival:
    """Survival for the whole run, known before the loop: the stock is kept in units of it (see `run_quarters`),
    so that exits at the later rate cost no pass over the stock."""
    later, early = hazards.later, hazards.early  # (D, T, C)
    n_draws, n_quarters, n_needs = later.shape
    cells = n_draws * n_needs
    alive = np.concatenate([np.ones((n_draws, 1, n_needs)), np.cumprod(1.0 - later, axis=1)], axis=1)
    alive_rows = np.ascontiguousarray(alive.transpose(1, 0, 2)).reshape(n_quarters + 1, cells)
    early_ratio = np.ascontiguousarray(((1.0 - early) / (1.0 - later)).transpose(1, 0, 2)).reshape(
        n_quarters, cells
    )
    later_rows = np.ascontiguousarray(later.transpose(1, 0, 2)).reshape(n_quarters, cells)  # (T, D * C)
    extra_rows = np.ascontiguousarray((early - later).transpose(1, 0, 2)).reshape(n_quarters, cells)
    return Survival(
        alive=alive,
        alive_rows=alive_rows,
        later=later_rows,
        early=later_rows + extra_rows,
        extra=extra_rows,
        early_ratio=early_ratio,
        early_quarters=min(inputs.exit_early_quarters, MAX_AGE),
    )


@dataclass(frozen=True)
class StockWindow:
    """The IMW stock in units of survival, and what each quarter keeps of it. The steps write these arrays in
    place; the dataclass is frozen so that none of them is ever replaced.

    ``buffer`` (T + N_AGES, P, D * C) holds the stock; in quarter t its window is the N_AGES rows from row
    ``top - t`` (quarters of employment 1 to 20, then the pool of renewed packages), so that the window moves one
    row back each quarter. ``by_package`` is the same memory as (P, rows, D * C): per package a matrix that BLAS
    reads in place. Kept per quarter (T, ...): ``workers`` and ``percent`` (P, D * C) the workers paid and their
    percentages, ``fixed`` (D * C) the fixed begeleidingspremie at base amounts, ``early`` (P, D * C) those in
    their first quarters, ``ended`` (P, D * C) the packages that end. ``sums`` and ``holder_sums`` are room for
    one quarter's matrix products.
    """

    n_draws: int
    n_needs: int
    top: int
    buffer: FloatArray
    by_package: FloatArray
    workers: FloatArray
    percent: FloatArray
    fixed: FloatArray
    early: FloatArray
    ended: FloatArray
    sums: FloatArray
    holder_sums: FloatArray

    @classmethod
    def empty(cls, n_quarters: int, n_draws: int) -> StockWindow:
        """No IMW worker yet: the run starts with the start of IMW."""
        n_packages, n_needs = len(PACKAGES), len(COACHING_NEEDS)
        cells = n_draws * n_needs
        buffer = np.zeros((n_quarters + N_AGES, n_packages, cells))
        return cls(
            n_draws=n_draws,
            n_needs=n_needs,
            top=n_quarters - 1,
            buffer=buffer,
            by_package=buffer.transpose(1, 0, 2),  # (P, rows, D * C): per package a matrix, rows apart
            workers=np.empty((n_quarters, n_packages, cells)),
            percent=np.empty((n_quarters, n_packages, cells)),
            fixed=np.empty((n_quarters, cells)),
            early=np.zeros((n_quarters, n_packages, cells)),
            ended=np.empty((n_quarters, n_packages, cells)),
            sums=np.empty((n_packages, _N_COLUMNS, cells)),
            holder_sums=np.empty((2, cells)),
        )

    def window(self, t: int) -> FloatArray:
        """(P, N_AGES, D * C) the window of quarter t, per package."""
        row = self.top - t
        window: FloatArray = self.by_package[:, row : row + N_AGES]
        return window


@dataclass(frozen=True)
class Financing:
    """What a closed-ended premium reads to ration new premiums: the window's weights, the capped referteloon
    (D, T, P) and the index of the begeleidingspremie (D, T) (ones when it is not indexed)."""

    weights: WindowWeights
    capped: FloatArray
    coaching_index: FloatArray


def admit_inflow(
    inputs: ModelInputs,
    stock: StockWindow,
    survival: Survival,
    demand: DemandSchedule,
    financing: Financing,
    t: int,
    asked: FloatArray,
    waiting: FloatArray,
    record: dict[str, FloatArray],
) -> FloatArray:
    """The new IMW cohort of quarter t joins the window (quarter of employment 1), in units of survival; returns
    those still waiting (P, D, C), who carry over to the next quarter.

    `asked` (P, D) is the quarter's demand by package. With open-ended premiums everyone who asks gets in; when a
    premium is closed-ended, those waiting and those asking get in as far as the envelope allows (`_ration`), and
    a share of those still waiting drops out. Writes row t of ``demand``, ``admitted``, ``imw_waiting`` and
    ``imw_waiting_quarters`` in `record`."""
    n_draws, n_needs = stock.n_draws, stock.n_needs
    new_row = stock.buffer[stock.top - t].reshape(len(PACKAGES), n_draws, n_needs)
    closed = inputs.loonpremie_closed[t] or inputs.begeleiding_closed[t]
    if closed:
        by_need = asked[:, :, None] * inputs.coaching_share[t]  # (P, D, C)
        admitted, waiting, waiting_total, waiting_time = _ration(
            inputs,
            t,
            stock.window(t),
            survival.alive_rows[t],
            waiting + by_need,
            financing.weights.premiums_at(t),
            financing.capped[:, t],
            financing.coaching_index[:, t],
        )
        waiting = waiting * (1.0 - inputs.waiting_dropout[t])
        record["admitted"][t] = admitted.sum(axis=(0, 2))
        record["imw_waiting"][t] = waiting_total
        record["imw_waiting_quarters"][t] = waiting_time
        np.divide(admitted, survival.alive[:, t], out=new_row)
    elif n_draws < 64:
        np.multiply(asked[:, :, None], demand.placing[t], out=new_row)
    else:  # with many draws one need at a time: numpy is slow on a broadcast inner axis of three
        for need in range(n_needs):
            np.multiply(asked, demand.placing[t, :, need], out=new_row[:, :, need])
    record["demand"][t] = asked.sum(axis=0)
    if not closed:
        record["admitted"][t] = record["demand"][t]
    return waiting


def premiums_due(stock: StockWindow, t: int, weights: FloatArray, alive: FloatArray) -> FloatArray:
    """The premiums due in quarter t: one batched matrix product over the window (the pool of renewed packages in
    its last row), kept by package; returns the sums over the packages (3, D * C), workers first.

    `weights` (P, 3, N_AGES) are those of quarter t, `alive` (D * C) the survival that turns the window's units
    into workers."""
    sums = stock.sums
    row = stock.top - t
    np.matmul(weights, stock.by_package[:, row : row + N_AGES], out=sums)  # (P, K, D * C)
    sums *= alive
    stock.workers[t] = sums[:, _COL_WORKERS]
    stock.percent[t] = sums[:, _COL_PERCENT]
    over_packages: FloatArray = sums.sum(axis=0)  # (K, D * C)
    stock.fixed[t] = over_packages[_COL_FIXED]
    return over_packages


def quarter_exits(stock: StockWindow, survival: Survival, t: int, paid: FloatArray) -> FloatArray:
    """(D,) the exits of quarter t (of every kind): the workers paid (D * C) at the later rate, and those in their
    first quarters of employment at the extra rate of those quarters (kept by package in ``stock.early``)."""
    at_risk = paid * survival.later[t]
    if survival.early_quarters:  # the first quarters of employment have the higher exits
        row = stock.top - t
        early_now = stock.early[t]
        np.sum(stock.buffer[row : row + survival.early_quarters], axis=0, out=early_now)
        at_risk += early_now.sum(axis=0) * survival.alive_rows[t] * survival.extra[t]
    return _sum_needs(at_risk.reshape(stock.n_draws, stock.n_needs))


def fallback_returns(
    stock: StockWindow, survival: Survival, t: int, holders: FloatArray, returning: FloatArray
) -> FloatArray:
    """(D,) the fallback returns of quarter t: right holders (ex-collective workers within their window, weighted
    by `holders` (2, N_AGES) in their early and later quarters) whose job ends against their will, times the
    share `returning` (D,) of those exits that come back to collective maatwerk."""
    row = stock.top - t
    holder_sums = stock.holder_sums
    np.matmul(holders, stock.buffer[row : row + N_AGES, EX_COLLECTIVE], out=holder_sums)
    early, later, alive = survival.early[t], survival.later[t], survival.alive_rows[t]
    at_risk = (holder_sums[0] * early + holder_sums[1] * later) * alive
    return _sum_needs(at_risk.reshape(stock.n_draws, stock.n_needs)) * returning


@dataclass(frozen=True)
class PackageEnds:
    """When packages end and how many are renewed: ``renewal`` (T, P, D, 1) the share renewed of those in their
    last quarter; ``keep_renewed`` (P, 1, 1) the share of the pool of renewed packages that runs on a quarter (a
    renewed package ends again at 1 / duration a quarter) and ``inverse_duration`` (P, 1, 1) the share that ends;
    ``short_packages`` (package, row of its last quarter in the window) for packages shorter than 20 quarters."""

    renewal: FloatArray
    keep_renewed: FloatArray
    inverse_duration: FloatArray
    short_packages: tuple[tuple[int, int], ...]


def package_ends(inputs: ModelInputs, a: dict[str, FloatArray], n_draws: int) -> PackageEnds:
    """The renewal shares per quarter and draw (the five-year packages' share may be drawn) and the durations."""
    n_packages = len(PACKAGES)
    durations = inputs.duration_quarters
    renewal = np.empty((inputs.n_quarters, n_packages, n_draws, 1))
    renewal[..., 0] = inputs.renewal_share[:, :, None]
    for package in FIVE_YEAR_PACKAGES:
        renewal[:, package, :, 0] = a["renewal_five_year"].T
    return PackageEnds(
        renewal=renewal,
        keep_renewed=(1.0 - 1.0 / durations)[:, None, None],
        inverse_duration=(1.0 / durations)[:, None, None],
        short_packages=tuple(
            (int(p), int(durations[p]) - 1) for p in range(n_packages) if durations[p] < MAX_AGE
        ),
    )


def age_window(stock: StockWindow, survival: Survival, ends: PackageEnds, t: int) -> None:
    """Move the stock one quarter on, after the quarter's premiums and exits: the first quarters' extra exits are
    taken out, packages end in their last quarter (a share renewed into the pool, kept in ``stock.ended`` in units
    of survival) and the pool runs on. Next quarter's window starts one row earlier, so that every worker is a
    quarter of employment further without a copy: its pool row is this window's row of quarter 20."""
    row = stock.top - t
    buffer = stock.buffer
    if survival.early_quarters:
        buffer[row : row + survival.early_quarters] *= survival.early_ratio[t]
    cells = (len(PACKAGES), stock.n_draws, stock.n_needs)
    last = buffer[row + MAX_AGE - 1].reshape(cells)  # quarter 20: 5-year packages end
    pool = buffer[row + MAX_AGE].reshape(cells)
    share = ends.renewal[t]  # (P, D, 1)
    renewed = last * share
    ended_units = stock.ended[t].reshape(cells)  # in units of survival
    np.subtract(last, renewed, out=ended_units)
    ended_units += pool * ends.inverse_duration
    for package, offset in ends.short_packages:  # packages shorter than 20 quarters end in their last quarter
        shorter = buffer[row + offset, package].reshape(stock.n_draws, stock.n_needs)
        ended_units[package] += shorter * (1.0 - share[package])
        shorter[:] = 0.0
    np.multiply(pool, ends.keep_renewed, out=last)
    last += renewed


#: What the steps of a quarter write, one row per quarter (T, D): the IMW block's flows (zero until written), then
#: the collective block's (not a number before the block starts).
_LOOP_OUTPUTS: Final = (
    "demand", "admitted", "short", "exits", "fallback_returns", "collective_to_imw", "imw_waiting",
    "imw_waiting_quarters",
)  # fmt: skip
_COLLECTIVE_OUTPUTS: Final = (
    "contingent_capacity", "contingent_occupancy", "contingent_open", "contingent_full", "queue", "new_advices",
    "collective_intake", "collective_doorstroom", "queue_to_imw", "fallback_places_inside", "fallback_places_on_top",
    "overfilled",
)  # fmt: skip


def quarter_record(n_quarters: int, n_draws: int) -> dict[str, FloatArray]:
    """Room for what the steps of each quarter write (see `_LOOP_OUTPUTS` and `_COLLECTIVE_OUTPUTS`), (T, D)."""
    record = {name: np.zeros((n_quarters, n_draws)) for name in _LOOP_OUTPUTS}
    record.update({name: np.full((n_quarters, n_draws), np.nan) for name in _COLLECTIVE_OUTPUTS})
    return record


def _by_quarter(values: FloatArray, n_quarters: int, n_draws: int) -> FloatArray:
    """(D,) or (D, T) -> (T, D), contiguous, so that a quarter's values are one row."""
    result = np.empty((n_quarters, n_draws))
    result[:] = values.T
    return result


@dataclass(frozen=True)
class CollectiveSchedule:
    """The collective block's assumptions by quarter, each (T, D) with a quarter's values in one row: FTE per
    person, the quarterly exit probability and its doorstroom part, new advices, the doorstroom's share with an IMW
    package, the matching speed per person, the share of the queue kept, the allocated contingent [FTE], and the
    ex-collective moves to IMW before the block starts (from the published doorstroom). The block runs from
    quarter ``start_index``; ``on_top`` (T,) says whether fallback returns get a place on top of the contingent."""

    start_index: int
    fte_per_person: FloatArray
    leave: FloatArray
    doorstroom_part: FloatArray
    new_advices: FloatArray
    to_imw: FloatArray
    speed: FloatArray
    queue_kept: FloatArray
    capacity: FloatArray
    history_moves: FloatArray
    on_top: BoolArray


def collective_schedule(
    inputs: ModelInputs, a: dict[str, FloatArray], capacity: FloatArray, history_moves: FloatArray
) -> CollectiveSchedule:
    """The collective block's assumptions, quarter by quarter (see `CollectiveSchedule`)."""
    n_draws, n_quarters = capacity.shape
    leave, door_part = exit_split(a["collective_other_exit"], a["collective_doorstroom"])  # (D, T)

    def by_quarter(values: FloatArray) -> FloatArray:
        return _by_quarter(values, n_quarters, n_draws)

    return CollectiveSchedule(
        start_index=inputs.collective_start_index,
        fte_per_person=by_quarter(a["collective_fte_per_person"]),
        leave=by_quarter(leave),
        doorstroom_part=by_quarter(door_part),
        new_advices=by_quarter(a["new_advices"]),
        to_imw=by_quarter(a["doorstroom_to_imw"]),
        speed=by_quarter(a["matching_speed"] / a["collective_fte_per_person"]),
        queue_kept=by_quarter(1.0 - a["queue_dropout"]),
        capacity=by_quarter(capacity),
        history_moves=by_quarter(history_moves),
        on_top=inputs.fallback_on_top,
    )


@dataclass(frozen=True)
class DemandSchedule:
    """Who asks for an IMW package, by quarter: ``base`` (T, P, D) the new inflow and the ex-VOP conversions
    (the ex-collective moves are added each quarter), ``new`` (T, P, D) the new inflow alone, ``from_queue`` (T, D)
    the part of it hired from the collective queue, and ``placing`` (T, D, C) the new workers per draw and need for
    one asking, in units of survival (the coaching share over survival)."""

    base: FloatArray
    new: FloatArray
    from_queue: FloatArray
    placing: FloatArray


def demand_schedule(
    inputs: ModelInputs, a: dict[str, FloatArray], vop: VopBlock, inflow: NewInflow, survival: Survival
) -> DemandSchedule:
    """The demand for IMW packages before the quarter loop (see `DemandSchedule`)."""
    n_draws, n_quarters = vop.converted.shape
    base = np.ascontiguousarray(
        (inflow.by_package + vop.converted[:, :, None] * inputs.package_mix[None, :, :]).transpose(1, 2, 0)
    )
    new = np.ascontiguousarray(inflow.by_package.transpose(1, 2, 0))  # (T, P, D)
    from_queue = (
        new[:, COLLECTIVE_ADVICE]
        + _by_quarter(a["raised_from_queue_share"], n_quarters, n_draws) * new[:, FIVE_YEAR_RAISED]
    )
    placing = np.ascontiguousarray(
        inputs.coaching_share[:, None, :] / survival.alive[:, :-1].transpose(1, 0, 2)
    )
    return DemandSchedule(base=base, new=new, from_queue=from_queue, placing=placing)


class QuarterDemand(NamedTuple):
    """The demand for IMW packages in one quarter, by package (P, D), once the collective block's start is known:
    the queue-sourced inflow cut to the queue (``from_queue`` (D,)) and the ex-collective moves added. ``begin``
    is the collective block's start of the quarter, None before the block starts."""

    demand: FloatArray
    from_queue: FloatArray
    begin: QuarterStart | None


def collective_begin(
    state: CollectiveState,
    schedule: CollectiveSchedule,
    demand: DemandSchedule,
    t: int,
    record: dict[str, FloatArray],
) -> QuarterDemand:
    """The collective block at the start of quarter t (exits, doorstroom, new advices; `state` changes in place)
    and what it means for the IMW demand: the doorstroom's share with an IMW package moves to the ex-collective
    package, and nobody is hired from the queue who is not in it. Before the block starts, the published moves.
    Writes row t of ``short`` (the queue-sourced inflow that was cut) and ``collective_to_imw`` in `record`."""
    asked = demand.base[t].copy()  # (P, D)
    from_queue = demand.from_queue[t]
    begin = None
    if t >= schedule.start_index:
        begin = start_quarter(
            state,
            schedule.fte_per_person[t],
            schedule.leave[t],
            schedule.doorstroom_part[t],
            schedule.new_advices[t],
        )
        moves = begin.doorstroom * schedule.to_imw[t]
        if (from_queue > begin.available).any():
            allowed = np.minimum(from_queue, begin.available)
            record["short"][t] = from_queue - allowed
            cut = 1.0 - np.divide(allowed, from_queue, out=np.ones_like(allowed), where=from_queue > 1e-12)
            new_demand = demand.new[t]
            asked[COLLECTIVE_ADVICE] -= new_demand[COLLECTIVE_ADVICE] * cut
            asked[FIVE_YEAR_RAISED] -= (from_queue - new_demand[COLLECTIVE_ADVICE]) * cut
            from_queue = allowed
    else:
        moves = schedule.history_moves[t]
    asked[EX_COLLECTIVE] += moves
    record["collective_to_imw"][t] = moves
    return QuarterDemand(demand=asked, from_queue=from_queue, begin=begin)


def collective_finish(
    state: CollectiveState,
    schedule: CollectiveSchedule,
    quarter: QuarterDemand,
    t: int,
    returns: FloatArray,
    record: dict[str, FloatArray],
) -> None:
    """The collective block at the end of quarter t, once the IMW block has taken its share of the queue and sent
    back the fallback `returns` (D,): returns, intake from the queue, the queue (`state` changes in place); writes
    row t of the collective outputs in `record`."""
    begin = quarter.begin
    assert begin is not None, "the collective block ends only quarters it began"
    capacity = schedule.capacity[t]
    end = end_quarter(
        state, begin, capacity, schedule.fte_per_person[t], schedule.speed[t], schedule.queue_kept[t],
        quarter.from_queue, returns, bool(schedule.on_top[t]),
    )  # fmt: skip
    for name, value in (
        ("contingent_capacity", capacity + state.on_top),
        ("contingent_occupancy", state.filled + state.on_top),
        ("contingent_open", end.open_places),
        ("contingent_full", end.binding),
        ("queue", state.queue),
        ("new_advices", schedule.new_advices[t]),
        ("collective_intake", end.intake),
        ("collective_doorstroom", begin.doorstroom),
        ("queue_to_imw", quarter.from_queue),
        ("fallback_places_inside", state.inside),
        ("fallback_places_on_top", state.on_top),
        ("overfilled", end.overfilled),
    ):
        record[name][t] = value


def run_quarters(
    inputs: ModelInputs,
    a: dict[str, FloatArray],
    hazards: Hazards,
    vop: VopBlock,
    inflow: NewInflow,
    capacity: FloatArray,
    index: FloatArray,
    history_moves: FloatArray,
    capped: FloatArray,
) -> dict[str, FloatArray]:
    """The quarter loop: the collective block's start, who starts, premiums due, exits, returns, ageing, the
    collective block's end; then the sums over all quarters.

    The stock lives in a buffer (`StockWindow`, T + N_AGES rows) whose window of N_AGES rows (quarters of
    employment 1 to 20, then the pool of renewed packages) moves one row back each quarter, so that ageing costs
    nothing: quarter of employment a in quarter t is row T - t + a - 1. The buffer is kept in units of survival: the
    real stock is the buffer times the cumulative survival of its draw and need (`Survival`), known before the
    loop, so that exits cost no pass over the stock either; only the first quarters of employment, whose exits are
    higher, are multiplied each quarter. Per package, the window is a column-major matrix (draws x needs, rows)
    that BLAS reads in place: the sums of a quarter are one batched matrix product. What the steps need of the
    assumptions is laid out by quarter before the loop (`window_weights`, `package_ends`, `demand_schedule`,
    `collective_schedule`); what they write is one record (`quarter_record`).
    """
    n_draws, n_quarters = index.shape
    n_packages, n_needs = len(PACKAGES), len(COACHING_NEEDS)
    weights = window_weights(inputs)
    survival = survival_rows(inputs, hazards)
    ends = package_ends(inputs, a, n_draws)
    demand = demand_schedule(inputs, a, vop, inflow, survival)
    collective = collective_schedule(inputs, a, capacity, history_moves)
    coaching_index = index if inputs.begeleiding_indexed else np.ones_like(index)
    financing = Financing(weights=weights, capped=capped, coaching_index=coaching_index)
    returning = _by_quarter(hazards.involuntary_part[None, :] * a["fallback_takeup"], n_quarters, n_draws)
    stock = StockWindow.empty(n_quarters, n_draws)
    state = CollectiveState.start(inputs.filled_start, inputs.queue_start, n_draws)
    record = quarter_record(n_quarters, n_draws)
    waiting = np.zeros((n_packages, n_draws, n_needs))
    for t in range(n_quarters):
        quarter = collective_begin(state, collective, demand, t, record)
        waiting = admit_inflow(inputs, stock, survival, demand, financing, t, quarter.demand, waiting, record)
        paid = premiums_due(stock, t, weights.premiums_at(t), survival.alive_rows[t])
        record["exits"][t] = quarter_exits(stock, survival, t, paid[_COL_WORKERS])
        returns = fallback_returns(stock, survival, t, weights.holders_at(t), returning[t])
        record["fallback_returns"][t] = returns
        age_window(stock, survival, ends, t)
        if quarter.begin is not None:
            collective_finish(state, collective, quarter, t, returns, record)
    out = {name: values.T.copy() for name, values in record.items()}
    out.update(stock_totals(inputs, stock, survival))
    out.update(exit_kinds(out.pop("exits"), hazards))
    out.update(
        inflow_origins(
            inflow, vop, out.pop("demand"), out.pop("admitted"), out.pop("short"), out["collective_to_imw"]
        )
    )
    out["coaching_index"] = coaching_index
    return out


def stock_totals(inputs: ModelInputs, stock: StockWindow, survival: Survival) -> dict[str, FloatArray]:
    """What the loop kept of the stock, summed over packages and needs for all quarters at once (D, T, ...): the
    IMW workers at the end of each quarter (``workers_imw``; by need and by package), the packages that ended,
    and the sums the premiums are paid on (``percent`` by package, ``fixed`` and ``variable`` begeleidingspremie
    at base amounts)."""
    n_quarters, n_packages, _ = stock.workers.shape
    n_draws, n_needs = stock.n_draws, stock.n_needs
    alive, later, extra = survival.alive_rows, survival.later, survival.extra
    # The stock at the end of each quarter by package and need: those paid, minus exits, minus ended packages.
    exits_cells = stock.workers * later[:, None, :] + stock.early * (alive[:-1] * extra)[:, None, :]
    ended_real = stock.ended * alive[1:, None, :]
    end_cells = (stock.workers - exits_cells - ended_real).reshape(n_quarters, n_packages, n_draws, n_needs)
    end_by_need = end_cells.sum(axis=1)  # (T, D, C)
    # Variable begeleidingspremie per worker by package and need, at base amounts (T, P, C).
    variable_each = (inputs.fte * inputs.hours_worked_share[:, None] * inputs.coaching_eligible[None, :])[
        :, :, None
    ] * inputs.begeleiding_variable[:, None, :]
    workers = stock.workers.reshape(n_quarters, n_packages, n_draws, n_needs)
    fixed_by_need = stock.fixed.reshape(n_quarters, n_draws, n_needs)
    coached = np.arange(n_needs) > 0
    return {
        "premium_ended": _sum_needs(ended_real.sum(axis=1).reshape(n_quarters, n_draws, n_needs)).T,
        "workers_imw": _sum_needs(end_by_need).T,
        "end_by_need": end_by_need.transpose(1, 0, 2),
        "end_by_package": _sum_needs(end_cells).transpose(2, 0, 1),
        "percent": _sum_needs(stock.percent.reshape(n_quarters, n_packages, n_draws, n_needs)).transpose(
            2, 0, 1
        ),
        "fixed": _sum_last(fixed_by_need[:, :, coached]).T,
        "variable": np.einsum("tpdc,tpc->dt", workers, variable_each),
    }


def exit_kinds(exits: FloatArray, hazards: Hazards) -> dict[str, FloatArray]:
    """The exits (D, T) split into involuntary, other and doorstroom, in proportion to their annual rates."""
    return {
        "exits_involuntary": exits * hazards.involuntary_part[None, :],
        "exits_other": exits * hazards.other_part[None, :],
        "doorstroom": exits * (1.0 - hazards.involuntary_part - hazards.other_part)[None, :],
    }


def inflow_origins(
    inflow: NewInflow,
    vop: VopBlock,
    demand: FloatArray,
    admitted: FloatArray,
    short: FloatArray,
    collective_to_imw: FloatArray,
) -> dict[str, FloatArray]:
    """The IMW inflow (D, T) and where it came from: new, ex-VOP, ex-collective; ``queue_short`` is the
    queue-sourced inflow that was cut to the queue.

    Admitted over asked in each quarter (above 1 when some who waited get in) splits the origins; those who waited
    and got in while nobody new asked count as new (their origin is not kept)."""
    in_share = np.divide(admitted, demand, out=np.zeros_like(demand), where=demand > 1e-9)
    new = (_sum_last(inflow.by_package) - short) * in_share
    new += np.where(demand > 1e-9, 0.0, admitted)
    return {
        "queue_short": short,
        "inflow": admitted,
        "inflow_new": new,
        "inflow_ex_vop": vop.converted * in_share,
        "inflow_ex_collective": collective_to_imw * in_share,
    }


def _sum_last(values: FloatArray) -> FloatArray:
    """The sum over the last, short axis (needs, packages) as whole-array additions: numpy's reduction over a
    short inner axis costs a loop per element of the others."""
    if values.size < 1000 * values.shape[-1]:  # few draws: one reduction costs less than a call per element
        small: FloatArray = values.sum(axis=-1)
        return small
    total = values[..., 0].copy()
    for k in range(1, values.shape[-1]):
        total += values[..., k]
    return total


_sum_needs = _sum_last


def _ration(
    inputs: ModelInputs,
    t: int,
    window: FloatArray,
    alive: FloatArray,
    asking: FloatArray,
    weights: FloatArray,
    capped: FloatArray,
    coaching_index: FloatArray,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Closed-ended financing in quarter t: who of those waiting (asking, (P, D, C)) fits in the envelope.

    Running decisions are paid first (they were granted). Of the rest of the quarter's envelope, new premiums are
    granted first come, first served; a worker with a need for coaching needs room in both envelopes (no
    begeleidingspremie without a loonpremie: the two are asked together). `window` is the stock's window in units
    of survival (P, N_AGES, D * C) before the new cohort joins. Returns (admitted, still waiting, the number waiting,
    the waiting time in quarters at the rate admitted now).
    """
    n_packages, n_draws, n_needs = asking.shape
    sums = np.matmul(weights, window) * alive  # (P, K, D * C)
    cells = sums.reshape(n_packages, _N_COLUMNS, n_draws, n_needs)
    coached = (np.arange(n_needs) > 0).astype(np.float64)
    eligible = inputs.coaching_eligible
    loonpremie_running = (cells[:, _COL_PERCENT].sum(axis=2) * capped.T).sum(axis=0)
    variable_each = (inputs.fte[t] * inputs.hours_worked_share[t] * eligible)[
        :, None
    ] * inputs.begeleiding_variable[t][None, :]
    begeleiding_running = (
        (cells[:, _COL_FIXED] * coached).sum(axis=(0, 2))
        + np.einsum("pdc,pc->d", cells[:, _COL_WORKERS], variable_each)
    ) * coaching_index
    loonpremie_each = (inputs.percentage_by_age[t, :, 0][:, None] * capped.T)[:, :, None]  # (P, D, 1)
    begeleiding_each = (
        inputs.begeleiding_fixed_by_age[t, 0] * eligible[:, None] * coached[None, :] + variable_each
    )[:, None, :] * coaching_index[None, :, None]  # (P, D, C)
    unlimited = np.full(n_draws, np.inf)

    def share_that_fits(closed: bool, envelope: float, running: FloatArray, each: FloatArray) -> FloatArray:
        if not closed:
            return np.ones(n_draws)
        room = envelope / 4.0 - running
        cost = (asking * each).sum(axis=(0, 2))
        # Below a cent asked, everything fits (and no division by a vanishing amount).
        share: FloatArray = np.clip(np.divide(room, cost, out=unlimited.copy(), where=cost > 0.01), 0.0, 1.0)
        return share

    share_loonpremie = share_that_fits(
        bool(inputs.loonpremie_closed[t]),
        float(inputs.loonpremie_envelope[t]),
        loonpremie_running,
        loonpremie_each,
    )
    share_begeleiding = share_that_fits(
        bool(inputs.begeleiding_closed[t]),
        float(inputs.begeleiding_envelope[t]),
        begeleiding_running,
        begeleiding_each,
    )
    needs_coaching = begeleiding_each[:, 0, :] > 0  # (P, C): asks a begeleidingspremie too
    share = np.where(
        needs_coaching[:, None, :],
        np.minimum(share_loonpremie, share_begeleiding)[None, :, None],
        share_loonpremie[None, :, None],
    )
    admitted = asking * share
    still = asking - admitted
    total_waiting = still.sum(axis=(0, 2))
    admitted_total = admitted.sum(axis=(0, 2))
    waiting_time = np.divide(
        total_waiting, admitted_total, out=np.zeros(n_draws), where=admitted_total > 1e-9
    )
    return admitted, still, total_waiting, waiting_time


def costs(
    inputs: ModelInputs,
    a: dict[str, FloatArray],
    index: FloatArray,
    vop: VopBlock,
    out: dict[str, FloatArray],
    capped: FloatArray,
    vop_capped: FloatArray,
) -> None:
    """Premiums and places at current prices [EUR/quarter]."""
    loonpremie_by_package = out["percent"] * capped
    out["loonpremie_by_package"] = np.concatenate(
        [loonpremie_by_package, (vop.percent_sum * vop_capped)[:, :, None]], axis=2
    )
    out["loonpremie_imw_cost"] = loonpremie_by_package.sum(axis=2)
    out["loonpremie_vop_cost"] = vop.percent_sum * vop_capped
    out["loonpremie_cost"] = out["loonpremie_imw_cost"] + out["loonpremie_vop_cost"]
    out["begeleiding_fixed_cost"] = out["fixed"] * out["coaching_index"]
    out["begeleiding_variable_cost"] = out["variable"] * out["coaching_index"]
    out["begeleiding_cost"] = out["begeleiding_fixed_cost"] + out["begeleiding_variable_cost"]
    # A place on top of the contingent costs the collective premiums at the return package, or a cost per place.
    wage = 3.0 * inputs.collective_referteloon_month[None, :] * a["wage_factor"] * index
    package = (
        inputs.return_package[None, :] * wage + inputs.collective_coaching_per_fte_year[None, :] / 4 * index
    )
    per_place = inputs.return_cost_per_place[None, :] / 4.0 * index
    per_fte = np.where(inputs.return_cost_per_place_basis[None, :], per_place, package)
    out["fallback_cost"] = np.nan_to_num(out["fallback_places_on_top"]) * per_fte
    out["total_cost"] = out["loonpremie_cost"] + out["begeleiding_cost"] + out["fallback_cost"]
    out["workers_vop"] = vop.workers_end
    out["vop_ended"] = vop.ended
    out["vop_converted"] = vop.converted
    out["workers"] = out["workers_imw"] + out["workers_vop"]


def envelope_excess(inputs: ModelInputs, out: dict[str, FloatArray]) -> FloatArray:
    """(D, T) what the premiums cost above a closed envelope's quarter [EUR/quarter]: running decisions are paid
    even when they alone exceed it (the plausibility check says so)."""
    return np.where(
        inputs.loonpremie_closed[None, :],
        np.maximum(out["loonpremie_cost"] - inputs.loonpremie_envelope[None, :] / 4.0, 0.0),
        0.0,
    ) + np.where(
        inputs.begeleiding_closed[None, :],
        np.maximum(out["begeleiding_cost"] - inputs.begeleiding_envelope[None, :] / 4.0, 0.0),
        0.0,
    )


def _report(
    inputs: ModelInputs,
    draws: dict[str, FloatArray],
    out: dict[str, FloatArray],
    warnings: tuple[PlausibilityWarning, ...],
) -> Projection:
    """Cut the run into the reported quarters and the history before them."""
    start = inputs.projection_start_index
    labels = quarter_labels(inputs.run_start, inputs.n_quarters)
    new = out["inflow_new"]
    origins = np.stack(
        [
            out["inflow_ex_vop"],
            out["inflow_ex_collective"],
            new * inputs.ex_lde_share[None, :],
            new * (1.0 - inputs.ex_lde_share[None, :]),
        ],
        axis=2,
    )
    assert origins.shape[2] == len(ORIGINS)
    workers_by_package = np.concatenate([out["end_by_package"], out["workers_vop"][:, :, None]], axis=2)
    series = {name: out[name] for name in SERIES}
    history = {name: values[:, :start] for name, values in series.items()}
    history["inflow_new"] = new[:, :start]
    return Projection(
        quarters=labels[start:],
        series={name: values[:, start:] for name, values in series.items()},
        workers_by_package=workers_by_package[:, start:],
        workers_by_coaching=out["end_by_need"][:, start:],
        inflow_by_origin=origins[:, start:],
        loonpremie_by_package=out["loonpremie_by_package"][:, start:],
        draws={name: np.asarray(values, dtype=np.float64) for name, values in draws.items()},
        warnings=warnings,
        history_quarters=labels[:start],
        history=history,
    )
