"""What the projection needs, as plain typed arrays: no files, no web, no cache.

The data layer builds a :class:`ModelInputs` from the dated parameters, the published series and a scenario.
The run starts on 1 July 2023, when individueel maatwerk started, so that the stock of IMW workers on the first
projected day follows from the model's own flows. Every input that the law or an assumption can change from a date
is a series with one value per quarter of the run, the value in force on the first day of that quarter (the
OpenFisca rule): a reform dated 1 January 2028 changes the quarters from 2028 Q1 on, and none before.

Amounts are at the price level of the first projected quarter; the model indexes them. Axes: T quarters of the run,
P IMW packages, C coaching needs, A quarters of employment (20, then the pool of renewed packages).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

#: IMW packages. ``ex_collective`` is the 5-year raised package of workers who moved from collective maatwerk to
#: a regular employer: tracked apart, because only they hold the fallback right (terugvalpositie).
PACKAGES: Final = (
    "two_year",
    "five_year_standard",
    "five_year_raised",
    "collective_advice",
    "self_employed",
    "ex_collective",
)
EX_COLLECTIVE: Final = PACKAGES.index("ex_collective")
FIVE_YEAR_RAISED: Final = PACKAGES.index("five_year_raised")
COLLECTIVE_ADVICE: Final = PACKAGES.index("collective_advice")
#: Packages of five years whose renewal share is ``renewal_five_year`` (a drawn assumption).
FIVE_YEAR_PACKAGES: Final = tuple(
    PACKAGES.index(name)
    for name in ("five_year_standard", "five_year_raised", "collective_advice", "ex_collective")
)
COACHING_NEEDS: Final = ("none", "low", "medium", "high")
ORIGINS: Final = ("ex_vop", "ex_collective", "ex_lde", "new")

#: Quarters of employment tracked one by one; slot MAX_AGE holds everyone whose package was renewed.
MAX_AGE: Final = 20
N_AGES: Final = MAX_AGE + 1
RENEWED: Final = MAX_AGE
#: A running VOP decision ran for at most five years: 20 quarters.
VOP_QUARTERS: Final = 20
IMW_START: Final = dt.date(2023, 7, 1)

#: Assumptions that are not law and carry a distribution in a Monte Carlo run. A draw replaces the central value
#: of a scalar, or shifts every quarter of a series by the same amount (draw minus the central value).
UNCERTAIN_FIELDS: Final = (
    "milestone_quarters",
    "inflow_trend",
    "elasticity",
    "exit_rate_factor",
    "exit_early_factor",
    "renewal_five_year",
    "wage_factor",
    "vop_stock",
    "vop_conversion_share",
    "raised_from_queue_share",
    "fallback_takeup",
    "inflation",
    "collective_fte_per_person",
    "collective_other_exit",
    "collective_doorstroom",
    "matching_speed",
    "new_advices",
    "queue_dropout",
    "doorstroom_to_imw",
    "contingent_growth",
)
#: The uncertain fields that are series over the quarters (the others are one number per run).
SERIES_FIELDS: Final = frozenset(UNCERTAIN_FIELDS) - {"milestone_quarters", "vop_stock"}


class InputError(ValueError):
    """Inputs that the model cannot run: the message names the field and what is allowed."""


@dataclass(frozen=True)
class ModelInputs:
    """Everything one run needs. Units in brackets; series have the quarter axis first (T, ...).

    Time
    ----
    run_start : first day of the first quarter of the run (1 July 2023) [date].
    projection_start_index : the first quarter that is reported; earlier quarters build the stock [quarter].
    collective_start_index : the first quarter the collective block is modelled; before it, the published flows
        apply (the doorstroom) and the block's state is the published one at that quarter's start [quarter].
    horizon_quarters : reported quarters from projection_start_index [quarters, 1 to 80].

    IMW law (series)
    ----------------
    percentage_by_age : (T, P, A) loonpremie as a share of the capped referteloon by quarter of employment; the
        last slot applies to renewed packages [share].
    reference_percentage_by_age : (T, P, A) the same under the law as it is (the baseline); the inflow's response
        to generosity compares with it.
    duration_quarters : (P,) length of each package [quarters].
    coaching_eligible : (P,) whether the package can carry a begeleidingspremie [bool].
    begeleiding_fixed_by_age : (T, A) fixed part of the begeleidingspremie by quarter of employment [EUR/quarter].
    begeleiding_variable : (T, C) variable part by need, for a full-time quarter worked [EUR/quarter].
    cap_full_time : (T,) quarterly cap on the referteloon of a full-time worker: the sum over the quarter's months
        of the cap multiple times the GGMMI in force on the first of the month [EUR/quarter].
    cap_legal_until : the last quarter whose cap rests on a known GGMMI; later quarters index it [quarter].

    IMW assumptions (series unless said)
    ------------------------------------
    referteloon_month : (T, P) referteloon at the package's part-time fraction [EUR/month, first projected
        quarter's prices]; wage_factor : factor on every referteloon [factor].
    fte : (T, P) part-time fraction; hours_worked_share : (T,) hours worked as a share of contract hours.
    package_mix : (T, P) split of the new inflow over the packages (0 for ex_collective) [share].
    coaching_share : (T, C) split of the inflow by need [share].
    milestone_count : accepted IMW applications counted at the milestone (scalar) [applications].
    milestone_quarters : quarters from the run start to the milestone (scalar) [quarters].
    ramp_quarters : quarters over which new inflow ramps up from zero at the start of IMW (scalar) [quarters].
    inflow_trend : annual growth of the new inflow after the milestone [share/year].
    level_factor, scope_extra_share, elasticity : level [factor], extra inflow from a wider scope [share] and
        response to the generosity of the premium [elasticity] of the new inflow.
    ex_lde_share : share of the new inflow that comes from a converted LDE initiative [share] (origin only).
    raised_from_queue_share : share of the raised package's new inflow that comes from the queue for collective
        maatwerk; the collective-advice package's inflow comes from it entirely [share].
    exit_involuntary, exit_other, exit_doorstroom : annual exit probabilities [share/year].
    exit_rate_factor : factor on them [factor]; exit_early_factor : factor in the first quarters of employment
        [factor, >= 1]; exit_early_quarters : how many first quarters (scalar) [quarters].
    coaching_exit_factor : (T, C) factor on the exits by need [factor].
    renewal_share : (T, P) share of those who reach the end of the package that get a renewal, for the packages
        outside FIVE_YEAR_PACKAGES (0 in their columns) [share]; renewal_five_year : (T,) the share for the
        5-year packages [share].

    Running VOPs (scalars unless said)
    ----------------------------------
    vop_stock : running VOPs at the run start, their ends spread evenly over the next 20 quarters [persons].
    vop_percentage_by_age : (VOP_QUARTERS,) the VOP percentage by quarter of the decision [share].
    vop_referteloon_month, vop_fte : [EUR/month], [fraction of full time].
    vop_conversion_share : (T,) share of VOPs that end whose employer gets an IMW package for the worker [share].

    Fallback (series)
    -----------------
    fallback_window_quarters : (T,) quarters after the move during which the right holds [quarters].
    fallback_takeup : share of right holders whose job ends against their will that return [share].
    fallback_on_top : (T,) returns come on top of the contingent (True) or take places inside it (False).
    return_package : share of the capped referteloon paid on return [share]; return_cost_per_place : a
        documented cost per place [EUR/year]; return_cost_per_place_basis : (T,) cost the places on top at the
        cost per place (True) or at the return package (False).
    collective_referteloon_month : full-time referteloon in collective maatwerk [EUR/month].
    collective_coaching_per_fte_year : collective begeleidingspremie per FTE [EUR/year].

    Collective maatwerk (series unless said)
    ----------------------------------------
    capacity_known : (T,) allocated contingent where published (interpolated between published quarters), NaN
        after the last one [FTE]; contingent_growth : places added per year after it [FTE/year].
    filled_start, queue_start : filled FTE and queue at the start of collective_start_index (scalars).
    collective_fte_per_person : [FTE/person]; collective_other_exit, collective_doorstroom : annual exits other
        than doorstroom, and doorstroom to a regular job [share/year]; matching_speed : share of the open places
        filled from the queue per quarter [share/quarter]; new_advices : new job-seekers with a collective advice
        [persons/quarter]; queue_dropout : share of the queue that leaves it per quarter [share/quarter];
        doorstroom_to_imw : share of the doorstroom that moves to a regular job with an IMW package [share].
    doorstroom_history : (T,) published doorstroom before collective_start_index [persons/quarter], NaN after.

    Prices and financing (series unless said)
    -----------------------------------------
    price_history : (T,) price level against the first projected quarter where known (the health index), NaN
        from the first projected quarter on; inflation : annual rise after it [share/year].
    indexation_pivot : 2 % steps at each crossing of the pivot index (True) or a smooth rate (False) (scalar).
    begeleiding_indexed : whether the begeleidingspremie amounts follow the index (scalar).
    loonpremie_closed, begeleiding_closed : (T,) closed-ended financing in the quarter.
    loonpremie_envelope, begeleiding_envelope : (T,) annual envelopes [EUR/year, current prices].
    waiting_dropout : share of those waiting for a premium who stop waiting each quarter [share/quarter].

    Plausibility
    ------------
    target_population : people who report a work-limiting condition; more IMW and VOP workers than this is not
        plausible (scalar) [persons].
    """

    run_start: dt.date
    projection_start_index: int
    collective_start_index: int
    horizon_quarters: int
    percentage_by_age: FloatArray
    reference_percentage_by_age: FloatArray
    duration_quarters: IntArray
    coaching_eligible: BoolArray
    begeleiding_fixed_by_age: FloatArray
    begeleiding_variable: FloatArray
    cap_full_time: FloatArray
    cap_legal_until: int
    referteloon_month: FloatArray
    wage_factor: FloatArray
    fte: FloatArray
    hours_worked_share: FloatArray
    package_mix: FloatArray
    coaching_share: FloatArray
    milestone_count: float
    milestone_quarters: float
    ramp_quarters: float
    inflow_trend: FloatArray
    level_factor: FloatArray
    scope_extra_share: FloatArray
    elasticity: FloatArray
    ex_lde_share: FloatArray
    raised_from_queue_share: FloatArray
    exit_involuntary: FloatArray
    exit_other: FloatArray
    exit_doorstroom: FloatArray
    exit_rate_factor: FloatArray
    exit_early_factor: FloatArray
    exit_early_quarters: int
    coaching_exit_factor: FloatArray
    renewal_share: FloatArray
    renewal_five_year: FloatArray
    vop_stock: float
    vop_percentage_by_age: FloatArray
    vop_referteloon_month: float
    vop_fte: float
    vop_conversion_share: FloatArray
    fallback_window_quarters: IntArray
    fallback_takeup: FloatArray
    fallback_on_top: BoolArray
    return_package: FloatArray
    return_cost_per_place: FloatArray
    return_cost_per_place_basis: BoolArray
    collective_referteloon_month: FloatArray
    collective_coaching_per_fte_year: FloatArray
    capacity_known: FloatArray
    contingent_growth: FloatArray
    filled_start: float
    queue_start: float
    collective_fte_per_person: FloatArray
    collective_other_exit: FloatArray
    collective_doorstroom: FloatArray
    matching_speed: FloatArray
    new_advices: FloatArray
    queue_dropout: FloatArray
    doorstroom_to_imw: FloatArray
    doorstroom_history: FloatArray
    price_history: FloatArray
    inflation: FloatArray
    indexation_pivot: bool
    begeleiding_indexed: bool
    loonpremie_closed: BoolArray
    begeleiding_closed: BoolArray
    loonpremie_envelope: FloatArray
    begeleiding_envelope: FloatArray
    waiting_dropout: FloatArray
    target_population: float

    def __post_init__(self) -> None:
        check_inputs(self)

    def __repr__(self) -> str:
        return (
            f"ModelInputs(run_start={self.run_start}, projection_start_index={self.projection_start_index}, "
            f"horizon_quarters={self.horizon_quarters}, ...)"
        )

    @property
    def n_quarters(self) -> int:
        """Quarters of the run: the build-up before the projection and the projected ones [quarters]."""
        return self.projection_start_index + self.horizon_quarters


def _shapes(inputs: ModelInputs) -> dict[str, tuple[int, ...]]:
    t, p, c, a = inputs.n_quarters, len(PACKAGES), len(COACHING_NEEDS), N_AGES
    shapes: dict[str, tuple[int, ...]] = {
        "percentage_by_age": (t, p, a),
        "reference_percentage_by_age": (t, p, a),
        "duration_quarters": (p,),
        "coaching_eligible": (p,),
        "begeleiding_fixed_by_age": (t, a),
        "begeleiding_variable": (t, c),
        "referteloon_month": (t, p),
        "fte": (t, p),
        "package_mix": (t, p),
        "coaching_share": (t, c),
        "coaching_exit_factor": (t, c),
        "renewal_share": (t, p),
        "vop_percentage_by_age": (VOP_QUARTERS,),
    }
    for field in fields(inputs):
        value = getattr(inputs, field.name)
        if field.name not in shapes and isinstance(value, np.ndarray):
            shapes[field.name] = (t,)
    return shapes


#: Series whose every value is a share from 0 to 1.
_SHARES: Final = (
    "hours_worked_share",
    "scope_extra_share",
    "ex_lde_share",
    "raised_from_queue_share",
    "exit_involuntary",
    "exit_other",
    "exit_doorstroom",
    "renewal_five_year",
    "vop_conversion_share",
    "fallback_takeup",
    "return_package",
    "collective_other_exit",
    "collective_doorstroom",
    "matching_speed",
    "queue_dropout",
    "doorstroom_to_imw",
    "waiting_dropout",
    "renewal_share",
    "package_mix",
    "coaching_share",
)
#: Series and arrays that must not be negative.
_NON_NEGATIVE: Final = (
    "percentage_by_age",
    "reference_percentage_by_age",
    "begeleiding_fixed_by_age",
    "begeleiding_variable",
    "cap_full_time",
    "referteloon_month",
    "wage_factor",
    "level_factor",
    "elasticity",
    "exit_rate_factor",
    "coaching_exit_factor",
    "vop_percentage_by_age",
    "return_cost_per_place",
    "collective_referteloon_month",
    "collective_coaching_per_fte_year",
    "new_advices",
    "loonpremie_envelope",
    "begeleiding_envelope",
)


def check_inputs(inputs: ModelInputs) -> None:
    """Raise InputError when a field has the wrong shape or an impossible value."""
    if not 1 <= inputs.horizon_quarters <= 80:
        raise InputError("horizon_quarters must be from 1 to 80 (20 years)")
    if inputs.run_start.day != 1 or inputs.run_start.month not in (1, 4, 7, 10):
        raise InputError("run_start must be the first day of a quarter")
    if not 0 <= inputs.collective_start_index <= inputs.projection_start_index:
        raise InputError("collective_start_index must lie from 0 to projection_start_index")
    for name, shape in _shapes(inputs).items():
        value = getattr(inputs, name)
        if not isinstance(value, np.ndarray) or value.shape != shape:
            actual = value.shape if isinstance(value, np.ndarray) else type(value).__name__
            raise InputError(f"{name} must be an array of shape {shape} (got {actual})")
    nan_allowed = {"capacity_known", "doorstroom_history", "price_history"}
    for field in fields(inputs):
        value = getattr(inputs, field.name)
        if isinstance(value, np.ndarray) and value.dtype.kind == "f" and field.name not in nan_allowed:
            if not np.all(np.isfinite(value)):
                raise InputError(f"{field.name} holds a value that is not a finite number")
        elif isinstance(value, float) and not np.isfinite(value):
            raise InputError(f"{field.name} is not a finite number")
    for name in _SHARES:
        value = getattr(inputs, name)
        if np.any(value < 0) or np.any(value > 1):
            raise InputError(f"{name} must lie between 0 and 1")
    for name in _NON_NEGATIVE:
        if np.any(getattr(inputs, name) < 0):
            raise InputError(f"{name} must not be negative")
    for name, total in (("package_mix", inputs.package_mix), ("coaching_share", inputs.coaching_share)):
        sums = total.sum(axis=1)
        if np.any(np.abs(sums - 1.0) > 1e-6):
            quarter = int(np.argmax(np.abs(sums - 1.0) > 1e-6))
            raise InputError(
                f"{name} must add up to 1 in every quarter (quarter {quarter}: {sums[quarter]:.4f})"
            )
    if np.any(inputs.package_mix[:, EX_COLLECTIVE] != 0):
        raise InputError(
            "package_mix must be 0 for ex_collective: those workers come from the collective block"
        )
    if np.any(inputs.renewal_share[:, list(FIVE_YEAR_PACKAGES)] != 0):
        raise InputError("renewal_share must be 0 for the 5-year packages: renewal_five_year gives theirs")
    if np.any(inputs.duration_quarters < 1) or np.any(inputs.duration_quarters > MAX_AGE):
        raise InputError(f"duration_quarters must be from 1 to {MAX_AGE}")
    if not 0 <= inputs.exit_early_quarters <= MAX_AGE:
        raise InputError(f"exit_early_quarters must be from 0 to {MAX_AGE}")
    if np.any(inputs.exit_early_factor < 1):
        raise InputError("exit_early_factor must be at least 1 (early exits are never less likely)")
    if np.any(inputs.fallback_window_quarters < 0) or np.any(inputs.fallback_window_quarters > MAX_AGE):
        raise InputError(f"fallback_window_quarters must be from 0 to {MAX_AGE}")
    if np.any(inputs.fte <= 0) or np.any(inputs.fte > 1) or not 0 < inputs.vop_fte <= 1:
        raise InputError("fte and vop_fte must lie above 0 and at most 1")
    if np.any(inputs.collective_fte_per_person <= 0) or np.any(inputs.collective_fte_per_person > 1):
        raise InputError("collective_fte_per_person must lie above 0 and at most 1")
    if np.any(inputs.inflow_trend <= -1) or np.any(inputs.inflation <= -1):
        raise InputError("inflow_trend and inflation must lie above -1")
    for name in ("milestone_count", "vop_stock", "vop_referteloon_month", "filled_start", "queue_start"):
        if getattr(inputs, name) < 0:
            raise InputError(f"{name} must not be negative")
    if not 0 < inputs.milestone_quarters <= inputs.projection_start_index + inputs.horizon_quarters:
        raise InputError("milestone_quarters must lie after the run start and within the run")
    if inputs.ramp_quarters < 0:
        raise InputError("ramp_quarters must not be negative")
    if inputs.cap_legal_until < 0:
        raise InputError("cap_legal_until must be a quarter of the run (or later)")
    if inputs.target_population <= 0:
        raise InputError("target_population must be above 0")
    known = ~np.isnan(inputs.capacity_known)
    if not known[max(inputs.collective_start_index - 1, 0)]:
        raise InputError(
            "capacity_known must be published up to the quarter before the collective block starts"
        )
    if np.any(known[1:] & ~known[:-1]):
        raise InputError("capacity_known must be published up to a quarter and NaN after it, not in between")
    history = inputs.doorstroom_history
    start = inputs.collective_start_index
    if np.any(np.isnan(history[:start])) or np.any(history[:start] < 0):
        raise InputError(
            "doorstroom_history must give the published doorstroom for every quarter before the "
            "collective block starts"
        )
    if np.any(np.isnan(inputs.price_history[: inputs.projection_start_index])):
        raise InputError("price_history must give the price level of every quarter before the projection")
