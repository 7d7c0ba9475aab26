"""Monte Carlo over the assumptions that are not law: seeded, joint, vectorised over the draws."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np
from scipy import stats

from simulation.inputs import UNCERTAIN_FIELDS, FloatArray, InputError, ModelInputs
from simulation.projection import Projection, project

MAX_DRAWS: Final = 10_000
DISTRIBUTIONS: Final = ("triangular", "uniform")


@dataclass(frozen=True)
class Distribution:
    """A distribution of one assumption: triangular(low, mode, high) or uniform(low, high)."""

    kind: str
    low: float
    mode: float
    high: float

    def __post_init__(self) -> None:
        if self.kind not in DISTRIBUTIONS:
            raise InputError(f"distribution {self.kind!r} is not one of {', '.join(DISTRIBUTIONS)}")
        if not self.low <= self.mode <= self.high:
            raise InputError(
                f"a distribution needs low <= mode <= high (got {self.low}, {self.mode}, {self.high})"
            )

    def quantiles(self, uniform: FloatArray) -> FloatArray:
        """Values at the given probabilities (inverse CDF); a collapsed distribution gives its centre."""
        width = self.high - self.low
        if width <= 0:
            return np.full_like(uniform, self.mode)
        if self.kind == "uniform":
            return np.asarray(stats.uniform(loc=self.low, scale=width).ppf(uniform), dtype=np.float64)
        shape = (self.mode - self.low) / width
        return np.asarray(stats.triang(c=shape, loc=self.low, scale=width).ppf(uniform), dtype=np.float64)

    def centred_on(self, value: float) -> Distribution:
        """The same spread moved so that its mode is `value` (a user changed the central value)."""
        shift = value - self.mode
        return Distribution(self.kind, self.low + shift, value, self.high + shift)


def draw_assumptions(
    distributions: Mapping[str, Distribution], n_draws: int, seed: int
) -> dict[str, FloatArray]:
    """Draw every assumption jointly (independently, in a fixed order), reproducibly from `seed`."""
    if not 1 <= n_draws <= MAX_DRAWS:
        raise InputError(f"the number of draws must be from 1 to {MAX_DRAWS}")
    unknown = set(distributions) - set(UNCERTAIN_FIELDS)
    if unknown:
        raise InputError(f"no distribution can be drawn for {', '.join(sorted(unknown))}")
    generator = np.random.default_rng(seed)
    uniform = generator.random((n_draws, len(UNCERTAIN_FIELDS)))
    return {
        name: distributions[name].quantiles(uniform[:, column])
        for column, name in enumerate(UNCERTAIN_FIELDS)
        if name in distributions
    }


def monte_carlo(
    inputs: ModelInputs, distributions: Mapping[str, Distribution], n_draws: int, seed: int
) -> Projection:
    """A projection over `n_draws` joint draws of the distributions (one vectorised run)."""
    return project(inputs, draw_assumptions(distributions, n_draws, seed))
