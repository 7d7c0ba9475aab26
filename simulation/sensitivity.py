"""One-at-a-time sensitivity: how the results move when each uncertain assumption goes from its low to its high value
while every other assumption stays at its central value (the data of a tornado chart).

All the runs are one vectorised projection: draw 0 is the central run, draws 2i+1 and 2i+2 set assumption i to
its low and its high value. An assumption that others follow (the ridge of a calibration) carries them along, as
in the Monte Carlo draws.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np

from simulation.inputs import UNCERTAIN_FIELDS, FloatArray, InputError, ModelInputs
from simulation.projection import Projection, central_values, project
from simulation.summary import cumulative_cost, peak_queue
from simulation.uncertainty import Distribution, follow

Measure = Callable[[Projection], FloatArray]

#: What the tornado shows by default: the cost over the first 10 years [EUR] and the longest queue [persons].
DEFAULT_MEASURES: Final[dict[str, Measure]] = {
    "cumulative_cost_10y": lambda projection: cumulative_cost(projection, 40),
    "peak_queue": peak_queue,
}


@dataclass(frozen=True)
class SensitivityRow:
    """One assumption: its low and high value, and each measure at the low and at the high value."""

    field: str
    low: float
    high: float
    at_low: dict[str, float]
    at_high: dict[str, float]

    def swing(self, measure: str) -> float:
        """The width of the bar: |measure at high - measure at low|, in the measure's unit."""
        return abs(self.at_high[measure] - self.at_low[measure])


@dataclass(frozen=True)
class Sensitivity:
    """The central value of each measure, and one row per assumption."""

    central: dict[str, float]
    rows: tuple[SensitivityRow, ...]

    def ranked(self, measure: str) -> list[SensitivityRow]:
        """The rows from the widest swing of `measure` to the narrowest (the order of a tornado)."""
        return sorted(self.rows, key=lambda row: row.swing(measure), reverse=True)


def one_at_a_time_draws(
    inputs: ModelInputs, distributions: Mapping[str, Distribution]
) -> tuple[list[str], dict[str, FloatArray]]:
    """The fields moved and draws (1 + 2N,) for `project`: the central run, then each assumption at its low and at
    its high value (the fields that follow it moving along)."""
    unknown = set(distributions) - set(UNCERTAIN_FIELDS)
    if unknown:
        raise InputError(f"no sensitivity can be computed for {', '.join(sorted(unknown))}")
    centre = central_values(inputs)
    names = [name for name in UNCERTAIN_FIELDS if name in distributions]
    n_runs = 1 + 2 * len(names)
    own = {name: np.full(n_runs, distributions[name].mode) for name in names}
    for index, name in enumerate(names):
        own[name][1 + 2 * index] = distributions[name].low
        own[name][2 + 2 * index] = distributions[name].high
    draws = follow(distributions, own)
    # A distribution centred away from the inputs' value moves the central run too: keep it on the inputs' value.
    for name in names:
        draws[name] = draws[name] - distributions[name].mode + centre[name]
    return names, draws


def sensitivity(
    inputs: ModelInputs,
    distributions: Mapping[str, Distribution],
    measures: Mapping[str, Measure] | None = None,
) -> Sensitivity:
    """Each assumption of `distributions` moved alone; `measures` map a projection to (D,)."""
    measures = DEFAULT_MEASURES if measures is None else measures
    names, draws = one_at_a_time_draws(inputs, distributions)
    projection = project(inputs, draws if names else None)
    values = {name: measure(projection) for name, measure in measures.items()}
    rows = tuple(
        SensitivityRow(
            field=name,
            low=float(distributions[name].low),
            high=float(distributions[name].high),
            at_low={measure: float(result[1 + 2 * index]) for measure, result in values.items()},
            at_high={measure: float(result[2 + 2 * index]) for measure, result in values.items()},
        )
        for index, name in enumerate(names)
    )
    return Sensitivity(central={measure: float(result[0]) for measure, result in values.items()}, rows=rows)
