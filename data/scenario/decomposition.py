"""Where a difference in budget comes from: sequential substitution between two scenarios.

Starting from scenario A, the changes of scenario B are moved in, one group at a time, in the order of ``EFFECTS``;
each effect is the change in the annual total cost (loonpremie, begeleidingspremie and the cost of places on top
of the contingent) that its step causes. The last step arrives at B exactly, so the effects add up to the total
difference by construction (a telescoping sum). Every run is deterministic (the central value of each assumption),
on A's horizon. Which effect a parameter counts under is its metadata (``effect`` in data/parameters/):

- volume: how many people get a premium (the level and growth of the inflow, the scope, the running VOPs, exits
  and renewals);
- price: what a premium is worth (percentages, amounts, wages, part-time fractions, hours, indexation; the
  inflow's response to a more generous premium belongs here too, through the elasticity);
- mix: who comes in (the package mix, the coaching needs, the queue-sourced share);
- fallback: the fallback rules and the collective block;
- financing: open or closed-ended financing and the envelopes.

The order matters (sequential substitution is not symmetric); this one follows how the budget is built: how many,
at what price, in which mix, plus the fallback, within the financing rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from data.parameter_store import ParameterSet, load_parameters
from data.scenario.inputs import build_inputs
from data.scenario.schema import Override, Scenario
from simulation import project
from simulation.inputs import FloatArray
from simulation.summary import annual_flow

EFFECTS: Final = ("volume", "price", "mix", "fallback", "financing")


class DecompositionError(ValueError):
    """A parameter belongs to no effect: the decomposition would not add up."""


def effect_of(name: str, parameters: ParameterSet | None = None) -> str:
    """The effect a parameter's change counts under (its metadata)."""
    parameter = (parameters or load_parameters())[name]
    if parameter.effect not in EFFECTS:
        raise DecompositionError(
            f"{name} belongs to no effect of the decomposition (effect: {parameter.effect!r})"
        )
    return parameter.effect


@dataclass(frozen=True)
class Decomposition:
    """Annual total cost of A and B and the effects between them [EUR per year, current prices]."""

    years: tuple[int, ...]
    base: tuple[float, ...]
    target: tuple[float, ...]
    effects: dict[str, tuple[float, ...]]

    def cumulative(self, name: str) -> float:
        """Sum over the years of ``base``, ``target`` or an effect [EUR]."""
        if name == "base":
            return float(sum(self.base))
        if name == "target":
            return float(sum(self.target))
        return float(sum(self.effects[name]))


def substitution_steps(
    a: Scenario, b: Scenario, parameters: ParameterSet | None = None
) -> list[dict[str, Override]]:
    """The scenario changes after each step: A's, then A's with B's volume changes, and so on; the last is B's.
    A parameter that one scenario changes and the other does not goes back to the baseline in its step."""
    parameters = parameters or load_parameters()
    names = sorted(set(a.parameters) | set(b.parameters))
    steps = [dict(a.parameters)]
    for k in range(len(EFFECTS)):
        moved = set(EFFECTS[: k + 1])
        step: dict[str, Override] = {}
        for name in names:
            source = b if effect_of(name, parameters) in moved else a
            if name in source.parameters:
                step[name] = source.parameters[name]
        steps.append(step)
    return steps


def _annual_total_cost(overrides: dict[str, Override], horizon_years: int) -> tuple[list[int], FloatArray]:
    scenario = Scenario(horizon_years=horizon_years, parameters=dict(overrides))
    projection = project(build_inputs(scenario))
    years, annual = annual_flow(projection, "total_cost")  # the model's own annual sums
    return years, np.asarray(annual[0], dtype=np.float64)


def decompose(a: Scenario, b: Scenario, parameters: ParameterSet | None = None) -> Decomposition:
    """The budget difference B - A split into the effects of ``EFFECTS``, per year, on A's horizon."""
    parameters = parameters or load_parameters()
    years: list[int] = []
    totals: list[FloatArray] = []
    for overrides in substitution_steps(a, b, parameters):
        years, annual = _annual_total_cost(overrides, a.horizon_years)
        totals.append(annual)
    effects = {
        effect: tuple(float(x) for x in totals[index + 1] - totals[index])
        for index, effect in enumerate(EFFECTS)
    }
    return Decomposition(
        years=tuple(years),
        base=tuple(float(x) for x in totals[0]),
        target=tuple(float(x) for x in totals[-1]),
        effects=effects,
    )
