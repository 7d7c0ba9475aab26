"""Monte Carlo over the assumptions that are not law: seeded, joint, vectorised over the draws; and how much of
an output's spread each assumption carries.

Draws are independent, except where a distribution ``follows`` another: a calibration that fixes only a combination
of two parameters (the ridge of its fit) lets the second move with the first, by a slope, on top of its own spread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np

from simulation.inputs import UNCERTAIN_FIELDS, FloatArray, InputError, ModelInputs
from simulation.projection import Projection, project

MAX_DRAWS: Final = 10_000
DISTRIBUTIONS: Final = ("triangular", "uniform")
#: Bins of equal size over a drawn assumption, to estimate the share of the variance it explains.
VARIANCE_BINS: Final = 20


@dataclass(frozen=True)
class Distribution:
    """A distribution of one assumption: triangular(low, mode, high) or uniform(low, high) (the mode is then the
    central value of the deterministic run). ``follows`` maps other fields to slopes (see the module docstring)."""

    kind: str
    low: float
    mode: float
    high: float
    follows: tuple[tuple[str, float], ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in DISTRIBUTIONS:
            raise InputError(f"distribution {self.kind!r} is not one of {', '.join(DISTRIBUTIONS)}")
        if not self.low <= self.mode <= self.high:
            raise InputError(
                f"a distribution needs low <= mode <= high (got {self.low}, {self.mode}, {self.high})"
            )

    def quantiles(self, uniform: FloatArray) -> FloatArray:
        """Values at the given probabilities (the inverse CDF, in closed form); a collapsed distribution gives its
        centre."""
        u = np.asarray(uniform, dtype=np.float64)
        width = self.high - self.low
        if width <= 0:
            return np.full_like(u, self.mode)
        if self.kind == "uniform":
            return self.low + width * u
        left = self.mode - self.low
        at_mode = left / width
        rising = self.low + np.sqrt(u * width * left)
        falling = self.high - np.sqrt((1.0 - u) * width * (self.high - self.mode))
        return np.where(u < at_mode, rising, falling)

    def centred_on(self, value: float) -> Distribution:
        """The same spread moved so that its mode is `value` (a user changed the central value)."""
        shift = value - self.mode
        return Distribution(self.kind, self.low + shift, value, self.high + shift, self.follows)


def _order(distributions: Mapping[str, Distribution]) -> list[str]:
    """The fields in an order where every field comes after those it follows; raises on a circle."""
    done: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            raise InputError(f"the distributions follow each other in a circle through {name}")
        visiting.add(name)
        for parent, _ in distributions[name].follows:
            if parent in distributions:
                visit(parent)
        visiting.discard(name)
        done.append(name)

    for name in distributions:
        visit(name)
    return done


def draw_assumptions(
    distributions: Mapping[str, Distribution], n_draws: int, seed: int
) -> dict[str, FloatArray]:
    """Draw every assumption jointly, reproducibly from `seed` (each field has its own column of uniforms, in the
    order of UNCERTAIN_FIELDS, so that adding a distribution does not move the others)."""
    if not 1 <= n_draws <= MAX_DRAWS:
        raise InputError(f"the number of draws must be from 1 to {MAX_DRAWS}")
    unknown = set(distributions) - set(UNCERTAIN_FIELDS)
    if unknown:
        raise InputError(f"no distribution can be drawn for {', '.join(sorted(unknown))}")
    generator = np.random.default_rng(seed)
    uniform = generator.random((n_draws, len(UNCERTAIN_FIELDS)))
    own = {
        name: distributions[name].quantiles(uniform[:, UNCERTAIN_FIELDS.index(name)])
        for name in distributions
    }
    return follow(distributions, own)


def follow(distributions: Mapping[str, Distribution], own: Mapping[str, FloatArray]) -> dict[str, FloatArray]:
    """Add to each field's own values the moves of the fields it follows (their value minus their mode)."""
    result: dict[str, FloatArray] = {}
    for name in _order(distributions):
        values = np.asarray(own[name], dtype=np.float64).copy()
        for parent, slope in distributions[name].follows:
            if parent in result:
                values = values + slope * (result[parent] - distributions[parent].mode)
        result[name] = values
    return result


def monte_carlo(
    inputs: ModelInputs, distributions: Mapping[str, Distribution], n_draws: int, seed: int
) -> Projection:
    """A projection over `n_draws` joint draws of the distributions (one vectorised run)."""
    return project(inputs, draw_assumptions(distributions, n_draws, seed))


def variance_shares(draws: Mapping[str, FloatArray], outcome: FloatArray) -> dict[str, float]:
    """The share of the variance of `outcome` (D,) that each drawn assumption explains alone: Var(E[Y | X]) / Var(Y)
    (the first-order Sobol index), estimated by grouping the draws into VARIANCE_BINS bins of equal size along X.

    With independent draws the shares add up to at most about 1; the rest is what the assumptions do together. For
    a field that follows another, the share includes what it moves with it. Assumptions that do not vary are left
    out; a constant outcome gives no shares.
    """
    y = np.asarray(outcome, dtype=np.float64)
    total = float(y.var())
    if y.size < 2 * VARIANCE_BINS or total <= 0:
        return {}
    result: dict[str, float] = {}
    for name, values in draws.items():
        x = np.asarray(values, dtype=np.float64)
        if x.ndim != 1 or x.size != y.size or np.ptp(x) == 0:
            continue
        order = np.argsort(x, kind="stable")
        bins = np.array_split(y[order], VARIANCE_BINS)
        means = np.array([b.mean() for b in bins])
        sizes = np.array([b.size for b in bins])
        explained = float((sizes * (means - y.mean()) ** 2).sum() / y.size)
        # The bin means carry sampling noise of about Var(Y) / bin size: take it off, so that an assumption with no
        # effect has a share near 0 rather than 1 / bin size.
        noise = total * VARIANCE_BINS / y.size
        result[name] = max(explained - noise, 0.0) / total
    return result
