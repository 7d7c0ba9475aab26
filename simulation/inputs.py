"""What the projection needs, as plain typed arrays: no files, no web, no cache.

The data layer (``data.scenario``) builds a :class:`ModelInputs` from the dated parameters and a scenario. Every
amount is at the price level of the start of the projection; the model indexes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields, replace
from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

PACKAGES: Final = (
    "two_year",
    "five_year_standard",
    "five_year_raised",
    "collective_advice",
    "self_employed",
    "vop_legacy",
)
COACHING_NEEDS: Final = ("none", "low", "medium", "high")
ORIGINS: Final = ("ex_vop", "ex_collective", "ex_lde", "new")

VOP_LEGACY: Final = PACKAGES.index("vop_legacy")
EX_COLLECTIVE: Final = ORIGINS.index("ex_collective")

#: Quarters of employment tracked one by one; slot MAX_AGE holds everyone whose package was renewed.
MAX_AGE: Final = 20
N_AGES: Final = MAX_AGE + 1
RENEWED: Final = MAX_AGE

#: Assumptions that are not law and may carry a distribution in a Monte Carlo run.
UNCERTAIN_FIELDS: Final = (
    "inflow_level_factor",
    "inflow_trend",
    "elasticity",
    "exit_rate_factor",
    "fallback_takeup",
    "inflation",
)


class InputError(ValueError):
    """Inputs that the model cannot run: the message names the field and what is allowed."""


@dataclass(frozen=True)
class ModelInputs:
    """Everything one projection needs. Units in brackets; P packages, C coaching needs, A quarters of employment.

    Attributes
    ----------
    start : first day of the first projected quarter.
    horizon_quarters : number of projected quarters [quarters], 1 to 80.
    percentage_by_age : (P, A) loonpremie as a share of the capped referteloon by quarter of employment; the
        last slot applies to renewed packages [share].
    reference_percentage_by_age : (P, A) the same under the 2022 decree; the take-up elasticity compares with it.
    duration_quarters : (P,) length of the package [quarters].
    renewal_share : (P,) share of those who reach the end of the package that get a renewal [share].
    referteloon_month : (P,) referteloon at the package's part-time fraction [EUR/month].
    fte : (P,) part-time fraction [fraction of full time].
    ggmmi_month : minimum wage in force at the start [EUR/month].
    ggmmi_schedule : later legal values of the minimum wage, as (quarter index from the start, EUR/month), in
        order; the model indexes the value in force (a legal rise is not an indexation).
    cap_multiple : the cap on the referteloon as a multiple of the GGMMI, pro rata fte [-].
    coaching_eligible : (P,) whether the package can carry a begeleidingspremie [bool].
    begeleiding_fixed_by_age : (A,) fixed part of the begeleidingspremie by quarter of employment [EUR/quarter].
    begeleiding_variable : (C,) variable part by coaching need, for a full-time quarter [EUR/quarter].
    hours_worked_share : hours worked as a share of contract hours [share].
    inflow_base : (P,) new workers per quarter at the start [persons/quarter].
    inflow_level_factor, inflow_trend, elasticity : level [factor], annual growth [share/year] and response
        to the generosity of the premium [elasticity] of the inflow.
    scope_extra_share : extra inflow from a wider territorial scope [share of the inflow].
    coaching_share : (C,) split of the inflow by coaching need [share, sums to 1].
    origin_share : (O,) split of the inflow by origin [share, sums to 1].
    initial_stock : (P, C, A) workers at the start by their quarter of employment in the first quarter [persons].
    exit_involuntary, exit_other, exit_doorstroom : annual exit probabilities [share/year].
    exit_rate_factor : factor on every exit probability [factor].
    exit_early_factor : factor on the exit probabilities in the first quarters of employment [factor, >= 1].
    exit_early_quarters : how many first quarters of employment have the higher exits [quarters, 0 to 20].
    coaching_exit_factor : (C,) factor on the exit probabilities by coaching need [factor].
    fallback_window_quarters : quarters after the move during which the fallback right holds [quarters].
    fallback_takeup : share of involuntary job ends among right holders that return [share].
    fallback_on_top : returns come on top of the contingent (True) or take places inside it (False).
    contingent_start_fte, filled_start_fte : allocated and filled collective contingent at the start [FTE].
    queue_start : job-seekers with a collective advice waiting at the start [persons].
    extra_places_per_year : growth of the contingent [FTE/year].
    cost_per_place_year : cost of one place in collective maatwerk [EUR/year].
    fte_per_person : FTE per person in collective maatwerk [FTE/person].
    collective_exit_rate : annual exits from collective maatwerk [share/year].
    max_fill_rate : highest attainable occupancy; the contingent is 'full' there [share].
    new_advices_per_quarter : new job-seekers with a collective advice [persons/quarter].
    queue_dropout_rate : share of the queue that leaves it each quarter [share/quarter].
    indexation_pivot : 2 % steps at each crossing of the pivot index (True) or a smooth annual rate (False).
    inflation : annual rise of the health index [share/year].
    begeleiding_indexed : whether the begeleidingspremie amounts follow the index.
    loonpremie_closed, begeleiding_closed : closed-ended financing with an annual envelope.
    loonpremie_envelope, begeleiding_envelope : the annual envelopes [EUR/year].
    coach_cost_per_fte_year : cost of a full-time coach [EUR/year].
    coaching_norm : (C,) coach FTE per worker by coaching need [FTE/person].
    """

    start: dt.date
    horizon_quarters: int
    percentage_by_age: FloatArray
    reference_percentage_by_age: FloatArray
    duration_quarters: IntArray
    renewal_share: FloatArray
    referteloon_month: FloatArray
    fte: FloatArray
    ggmmi_month: float
    ggmmi_schedule: tuple[tuple[int, float], ...]
    cap_multiple: float
    coaching_eligible: npt.NDArray[np.bool_]
    begeleiding_fixed_by_age: FloatArray
    begeleiding_variable: FloatArray
    hours_worked_share: float
    inflow_base: FloatArray
    inflow_level_factor: float
    inflow_trend: float
    elasticity: float
    scope_extra_share: float
    coaching_share: FloatArray
    origin_share: FloatArray
    initial_stock: FloatArray
    exit_involuntary: float
    exit_other: float
    exit_doorstroom: float
    exit_rate_factor: float
    exit_early_factor: float
    exit_early_quarters: int
    coaching_exit_factor: FloatArray
    fallback_window_quarters: int
    fallback_takeup: float
    fallback_on_top: bool
    contingent_start_fte: float
    filled_start_fte: float
    queue_start: float
    extra_places_per_year: float
    cost_per_place_year: float
    fte_per_person: float
    collective_exit_rate: float
    max_fill_rate: float
    new_advices_per_quarter: float
    queue_dropout_rate: float
    indexation_pivot: bool
    inflation: float
    begeleiding_indexed: bool
    loonpremie_closed: bool
    loonpremie_envelope: float
    begeleiding_closed: bool
    begeleiding_envelope: float
    coach_cost_per_fte_year: float
    coaching_norm: FloatArray

    def __post_init__(self) -> None:
        check_inputs(self)

    def with_changes(self, **changes: object) -> ModelInputs:
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)  # type: ignore[arg-type]


_SHAPES: Final[dict[str, tuple[int, ...]]] = {
    "percentage_by_age": (len(PACKAGES), N_AGES),
    "reference_percentage_by_age": (len(PACKAGES), N_AGES),
    "duration_quarters": (len(PACKAGES),),
    "renewal_share": (len(PACKAGES),),
    "referteloon_month": (len(PACKAGES),),
    "fte": (len(PACKAGES),),
    "coaching_eligible": (len(PACKAGES),),
    "begeleiding_fixed_by_age": (N_AGES,),
    "begeleiding_variable": (len(COACHING_NEEDS),),
    "inflow_base": (len(PACKAGES),),
    "coaching_share": (len(COACHING_NEEDS),),
    "origin_share": (len(ORIGINS),),
    "initial_stock": (len(PACKAGES), len(COACHING_NEEDS), N_AGES),
    "coaching_exit_factor": (len(COACHING_NEEDS),),
    "coaching_norm": (len(COACHING_NEEDS),),
}

_SHARES: Final = (
    "hours_worked_share",
    "fallback_takeup",
    "max_fill_rate",
    "queue_dropout_rate",
    "exit_involuntary",
    "exit_other",
    "exit_doorstroom",
    "collective_exit_rate",
)


def check_inputs(inputs: ModelInputs) -> None:
    """Raise InputError when a field has the wrong shape or an impossible value."""
    for name, shape in _SHAPES.items():
        value = getattr(inputs, name)
        if not isinstance(value, np.ndarray) or value.shape != shape:
            raise InputError(f"{name} must be an array of shape {shape}")
        if value.dtype != np.bool_ and not np.all(np.isfinite(value)):
            raise InputError(f"{name} holds a value that is not a finite number")
    for field in fields(inputs):
        value = getattr(inputs, field.name)
        if isinstance(value, float) and not np.isfinite(value):
            raise InputError(f"{field.name} is not a finite number")
    if not 1 <= inputs.horizon_quarters <= 80:
        raise InputError("horizon_quarters must be from 1 to 80 (20 years)")
    if inputs.start.day != 1 or inputs.start.month not in (1, 4, 7, 10):
        raise InputError("start must be the first day of a quarter")
    for name in _SHARES:
        if not 0.0 <= getattr(inputs, name) <= 1.0:
            raise InputError(f"{name} must lie between 0 and 1")
    for name in ("coaching_share", "origin_share"):
        shares = getattr(inputs, name)
        if np.any(shares < 0) or abs(float(shares.sum()) - 1.0) > 1e-6:
            raise InputError(f"{name} must be non-negative and add up to 1 (now {float(shares.sum()):.4f})")
    if np.any(inputs.duration_quarters < 1) or np.any(inputs.duration_quarters > MAX_AGE):
        raise InputError(f"duration_quarters must be from 1 to {MAX_AGE}")
    if not 0 <= inputs.exit_early_quarters <= MAX_AGE:
        raise InputError(f"exit_early_quarters must be from 0 to {MAX_AGE}")
    if inputs.exit_early_factor < 1:
        raise InputError("exit_early_factor must be at least 1 (early exits are never less likely)")
    if not 0 <= inputs.fallback_window_quarters <= MAX_AGE:
        raise InputError(f"fallback_window_quarters must be from 0 to {MAX_AGE}")
    non_negative = (
        "percentage_by_age",
        "referteloon_month",
        "inflow_base",
        "initial_stock",
        "begeleiding_fixed_by_age",
        "begeleiding_variable",
        "coaching_exit_factor",
        "coaching_norm",
    )
    for name in non_negative:
        if np.any(getattr(inputs, name) < 0):
            raise InputError(f"{name} must not be negative")
    previous = 0
    for quarter, value in inputs.ggmmi_schedule:
        if quarter <= previous or not np.isfinite(value) or value <= 0:
            raise InputError(
                "ggmmi_schedule must hold positive amounts at increasing quarters after the start"
            )
        previous = quarter
    if np.any(inputs.fte <= 0) or np.any(inputs.fte > 1):
        raise InputError("fte must lie above 0 and at most 1")
    if np.any(inputs.renewal_share < 0) or np.any(inputs.renewal_share > 1):
        raise InputError("renewal_share must lie between 0 and 1")
    for name in (
        "ggmmi_month",
        "cap_multiple",
        "fte_per_person",
    ):
        if getattr(inputs, name) <= 0:
            raise InputError(f"{name} must be above 0")
    for name in (
        "inflow_level_factor",
        "elasticity",
        "scope_extra_share",
        "exit_rate_factor",
        "contingent_start_fte",
        "filled_start_fte",
        "queue_start",
        "extra_places_per_year",
        "cost_per_place_year",
        "new_advices_per_quarter",
        "loonpremie_envelope",
        "begeleiding_envelope",
        "coach_cost_per_fte_year",
    ):
        if getattr(inputs, name) < 0:
            raise InputError(f"{name} must not be negative")
    if inputs.inflow_trend <= -1 or inputs.inflation <= -1:
        raise InputError("inflow_trend and inflation must lie above -1")
