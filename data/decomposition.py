"""Where a difference in budget comes from: sequential substitution between two scenarios.

Starting from scenario A, the parameters of scenario B are moved in, one group at a time, in the order of
``EFFECTS``; each effect is the change in the annual total cost (loonpremie, begeleidingspremie and the cost of
fallback places on top of the contingent) that its step causes. The last step arrives at B exactly, so the effects
add up to the total difference by construction (a telescoping sum). Every run is deterministic (the central value
of each assumption), on A's horizon.

- volume: how many people get a premium: the level and growth of the inflow (the total of ``inflow.base`` at A's
  package mix), its elasticity, the scope, the starting stock, exits and renewals;
- price: what a premium is worth: loonpremie percentages, begeleidingspremie amounts, wages, part-time
  fractions, hours worked, indexation, and the coaching cost; the inflow's response to a more generous premium
  (the elasticity at work) belongs here too;
- mix: who comes in: the package mix of the inflow (``inflow.base`` at B's total), the coaching-need and origin
  shares;
- fallback: the fallback rules and the collective contingent (places, cost per place, queue);
- financing: open or closed-ended financing and the envelopes.

The order matters (sequential substitution is not symmetric); this one follows how the budget is built: how many,
at what price, in which mix, plus the fallback, within the financing rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np

from data.parameter_store import ParameterSet, ParameterValue, load_parameters
from data.scenario import Scenario, build_inputs, scenario_values
from simulation import project
from simulation.inputs import FloatArray

EFFECTS: Final = ("volume", "price", "mix", "fallback", "financing")
INFLOW_BASE: Final = "inflow.base."

#: Parameter name prefixes of each effect; ``inflow.base.*`` belongs to volume (its total) and mix (its split).
EFFECT_PREFIXES: Final[dict[str, tuple[str, ...]]] = {
    "volume": (
        "inflow.level_factor",
        "inflow.trend",
        "inflow.elasticity",
        "scope.",
        "initial_stock.",
        "exits.",
    ),
    "price": ("loonpremie.", "begeleidingspremie.", "segment.", "indexation.", "coaching.", "ggmmi"),
    "mix": ("inflow.coaching_share.", "inflow.origin_share."),
    "fallback": ("fallback.", "collectief."),
    "financing": ("financing.",),
}


class DecompositionError(ValueError):
    """A parameter belongs to no effect: the decomposition would not add up."""


def effect_of(name: str) -> str:
    """The effect a parameter's change counts under (``inflow.base.*``: volume, then mix)."""
    if name.startswith(INFLOW_BASE):
        return "volume"
    for effect, prefixes in EFFECT_PREFIXES.items():
        if any(name == prefix or name.startswith(prefix) for prefix in prefixes):
            return effect
    raise DecompositionError(f"{name} belongs to no effect of the decomposition")


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

    @property
    def residual(self) -> float:
        """Total difference minus the sum of the effects: zero up to rounding [EUR]."""
        return self.cumulative("target") - self.cumulative("base") - sum(self.cumulative(e) for e in EFFECTS)


def substitution_steps(
    values_a: Mapping[str, ParameterValue], values_b: Mapping[str, ParameterValue]
) -> list[dict[str, ParameterValue]]:
    """The parameter values after each step: A, then A with volume from B, and so on; the last one is B."""
    current = dict(values_a)
    steps = [dict(current)]
    base_names = [name for name in values_a if name.startswith(INFLOW_BASE)]
    total_a = sum(float(values_a[name]) for name in base_names)
    total_b = sum(float(values_b[name]) for name in base_names)
    for effect in EFFECTS:
        for name in values_b:
            if not name.startswith(INFLOW_BASE) and effect_of(name) == effect:
                current[name] = values_b[name]
        if effect == "volume":
            for name in base_names:
                # B's total at A's package mix; with no inflow in A there is no mix to keep.
                current[name] = float(values_a[name]) * total_b / total_a if total_a > 0 else values_b[name]
        elif effect == "mix":
            for name in base_names:
                current[name] = values_b[name]
        steps.append(dict(current))
    return steps


def _annual_total_cost(
    values: Mapping[str, ParameterValue], horizon_years: int
) -> tuple[list[int], FloatArray]:
    scenario = Scenario(horizon_years=horizon_years, parameters=dict(values))
    projection = project(build_inputs(scenario))
    quarter_years = np.array([year for year, _ in projection.quarters])
    starts = np.flatnonzero(np.r_[True, quarter_years[1:] != quarter_years[:-1]])
    annual = np.add.reduceat(projection.series["total_cost"][0], starts)
    return [int(year) for year in quarter_years[starts]], np.asarray(annual, dtype=np.float64)


def decompose(a: Scenario, b: Scenario, parameters: ParameterSet | None = None) -> Decomposition:
    """The budget difference B - A split into the effects of ``EFFECTS``, per year, on A's horizon."""
    parameters = parameters or load_parameters()
    steps = substitution_steps(scenario_values(a, parameters), scenario_values(b, parameters))
    years: list[int] = []
    totals: list[FloatArray] = []
    for values in steps:
        years, annual = _annual_total_cost(values, a.horizon_years)
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
