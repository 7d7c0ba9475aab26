"""Collective maatwerk as a flow model: the contingent, its filled places, the queue, and the flows between them.

One quarter, vectorised over the draws (every array is (D,)). The projection calls it each quarter, and the
calibration runs the same two steps on the published years, so that the fitted parameters mean what the model
uses. Places are in FTE, people in persons; ``fte_per_person`` converts.

Order of a quarter:

1. `start_quarter`: exits from the filled places, split into doorstroom to a regular job (part of it with an IMW
   package: the fallback right holders) and other exits (retirement, illness, dismissal, own notice); the new
   advices join the queue.
2. (the IMW block takes its share of the queue and sends back the fallback returns)
3. `end_quarter`: returns take an open place inside the contingent (or a place on top of it); the open places are
   filled from the queue with friction: a share ``matching_speed`` of them per quarter, never more people than are
   waiting; the rest of the queue stays, minus those who drop out.

The contingent is *binding* ('vol') when more people with an advice wait than there are open places (in persons)
at the end of the quarter: then a larger contingent would employ more people at once. The same rule, applied to the
published years, says whether the contingent was binding there.

References
----------
Published series: Departement WSE, open data cmw03_product_v1 (contingent); Vlaams Parlement, schriftelijke vragen
nr. 1 en nr. 1115 (2024-2025) en nr. 15 (2025-2026). The calibration: ``simulation.calibration``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulation.inputs import BoolArray, FloatArray

#: Exits are capped just below certainty, so that survival never reaches zero.
MAX_ANNUAL_EXIT = 0.9999


def quarterly_probability(annual: FloatArray | float) -> FloatArray:
    """Turn an annual probability into the quarterly one with the same survival: 1 - (1 - p) ** (1/4)."""
    annual_array = np.clip(np.asarray(annual, dtype=np.float64), 0.0, MAX_ANNUAL_EXIT)
    return np.asarray(1.0 - np.sqrt(np.sqrt(1.0 - annual_array)), dtype=np.float64)


@dataclass
class CollectiveState:
    """The block between quarters, per draw (D,).

    filled : places filled inside the contingent, returnees inside included [FTE].
    queue : job-seekers with a collective advice waiting for a place [persons].
    on_top : places added on top of the contingent for returnees still employed [FTE].
    inside : returnees holding a place inside the contingent, still employed [FTE].
    """

    filled: FloatArray
    queue: FloatArray
    on_top: FloatArray
    inside: FloatArray

    @classmethod
    def start(cls, filled: float, queue: float, n_draws: int) -> CollectiveState:
        return cls(
            filled=np.full(n_draws, float(filled)),
            queue=np.full(n_draws, float(queue)),
            on_top=np.zeros(n_draws),
            inside=np.zeros(n_draws),
        )


@dataclass(frozen=True)
class QuarterStart:
    """Flows at the start of a quarter [persons per quarter, (D,)]; `available` is the queue plus new advices."""

    other_exits: FloatArray
    doorstroom: FloatArray
    available: FloatArray


def exit_split(other_exit: FloatArray, doorstroom: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Competing risks: the quarterly probability of leaving (any kind) and the share of it that is doorstroom,
    from the annual probabilities of the other exits and of doorstroom [share/year]."""
    annual = np.asarray(other_exit + doorstroom, dtype=np.float64)
    part = np.divide(doorstroom, annual, out=np.zeros_like(annual), where=annual > 1e-12)
    return quarterly_probability(annual), np.asarray(part, dtype=np.float64)


def start_quarter(
    state: CollectiveState,
    fte_per_person: FloatArray,
    exit_probability: FloatArray,
    doorstroom_part: FloatArray,
    new_advices: FloatArray,
) -> QuarterStart:
    """Exits from the filled places and the new advices; changes `state` in place.

    Parameters
    ----------
    fte_per_person : [FTE/person]. exit_probability, doorstroom_part : from `exit_split` [share/quarter], [share].
    new_advices : job-seekers who get a collective advice this quarter [persons/quarter].
    """
    exits = state.filled * (exit_probability / fte_per_person)
    staying = 1.0 - exit_probability
    state.filled = state.filled * staying
    state.on_top = state.on_top * staying
    state.inside = state.inside * staying
    doorstroom = exits * doorstroom_part
    return QuarterStart(
        other_exits=exits - doorstroom, doorstroom=doorstroom, available=state.queue + new_advices
    )


@dataclass(frozen=True)
class QuarterEnd:
    """Flows and results at the end of a quarter, (D,).

    intake : hired from the queue [persons]; returns_inside : returnees placed inside [persons];
    returns_waiting : returnees who found no open place inside and join the queue [persons];
    open_places : allocated places not filled at the end [FTE, >= 0]; overfilled : filled places above the
    contingent at the start of the quarter (a contingent cut below the filled places) [FTE, >= 0]; binding : the
    queue is longer than the open places, in persons [bool].
    """

    intake: FloatArray
    returns_inside: FloatArray
    returns_waiting: FloatArray
    open_places: FloatArray
    overfilled: FloatArray
    binding: BoolArray


def end_quarter(
    state: CollectiveState,
    start: QuarterStart,
    capacity: FloatArray,
    fte_per_person: FloatArray,
    speed_per_person: FloatArray,
    queue_kept: FloatArray,
    drained: FloatArray,
    returns: FloatArray,
    on_top: bool,
) -> QuarterEnd:
    """Returns, intake from the queue with friction, the queue; changes `state` in place.

    Parameters
    ----------
    capacity : allocated contingent [FTE]. fte_per_person : [FTE/person].
    speed_per_person : the matching speed (share of the open places filled per quarter) over fte_per_person.
    queue_kept : 1 - the share of those still waiting who leave the queue per quarter [share].
    drained : people of the queue hired with an IMW package this quarter [persons, at most start.available].
    returns : fallback returns [persons]. on_top : returns get a place on top of the contingent.
    """
    waiting = start.available - drained
    returning_fte = returns * fte_per_person
    gap = capacity - state.filled
    open_fte = np.maximum(gap, 0.0)
    overfilled = open_fte - gap  # filled places above the contingent (a cut below the filled places)
    if on_top:
        state.on_top = state.on_top + returning_fte
        placed = left_over = np.zeros_like(returns)
    else:
        placed_fte = np.minimum(returning_fte, open_fte)
        state.inside = state.inside + placed_fte
        open_fte = open_fte - placed_fte
        placed = placed_fte / fte_per_person
        left_over = returns - placed  # they keep their advice and wait first in line
        waiting = waiting + left_over
    intake = np.minimum(waiting, speed_per_person * open_fte)
    hired_fte = intake * fte_per_person
    open_after = open_fte - hired_fte
    state.filled = capacity - open_after + overfilled
    state.queue = (waiting - intake) * queue_kept
    return QuarterEnd(
        intake=intake,
        returns_inside=placed,
        returns_waiting=left_over,
        open_places=open_after,
        overfilled=overfilled,
        binding=state.queue * fte_per_person > open_after,
    )


def is_binding(
    queue: FloatArray, allocated: FloatArray, filled: FloatArray, fte_per_person: float
) -> FloatArray:
    """The rule for 'vol' on published figures: more people wait than there are open places, in persons."""
    open_persons = np.maximum(np.asarray(allocated) - np.asarray(filled), 0.0) / fte_per_person
    return np.asarray(np.asarray(queue) > open_persons, dtype=np.float64)
