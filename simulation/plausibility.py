"""Plausibility: a result outside a plausible range, or a flow the model had to cut at zero, is a warning.

No clipping is silent: every place where the model keeps a quantity inside its range records how many draws needed
it and the first quarter it happened, and a result beyond a plausible bound says which bound. The warnings travel
with the results to the page, the API, the downloads and the command line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

import numpy as np

from simulation.inputs import BoolArray, FloatArray

#: What each warning means, in the model's words (the interface translates the code).
WARNING_CODES: Final = {
    "workers_above_target_population": "IMW and VOP workers exceed the people who report a work-limiting condition",
    "milestone_below_known_inflow": (
        "the ex-VOP and ex-collective inflow alone exceed the accepted applications of the milestone; the new "
        "inflow was set to zero"
    ),
    "capacity_below_zero": "the contingent's growth path falls below zero places; it was held at zero",
    "filled_above_contingent": "filled places exceed the allocated contingent (places that do not exist)",
    "queue_too_short": "the IMW inflow from the collective queue exceeds the queue; it was cut to the queue",
    "envelope_below_commitments": "running decisions cost more than the closed envelope allows",
    "draw_cut_to_range": "a drawn assumption left its range in a later quarter and was cut to it",
}


@dataclass(frozen=True)
class PlausibilityWarning:
    """One warning: its code, the bound it names, the first quarter (year, quarter) and the worst value found,
    and the share of draws it concerns [0 to 1]."""

    code: str
    bound: float
    first_quarter: tuple[int, int]
    worst: float
    share_of_draws: float
    detail: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": WARNING_CODES[self.code],
            "bound": self.bound,
            "first_quarter": f"{self.first_quarter[0]} K{self.first_quarter[1]}",
            "worst": self.worst,
            "share_of_draws": self.share_of_draws,
            "detail": self.detail,
        }


def _warn(
    code: str,
    exceeded: BoolArray,
    values: FloatArray,
    bound: float,
    quarters: tuple[tuple[int, int], ...],
    first_index: int,
    detail: str = "",
) -> PlausibilityWarning | None:
    """A warning when `exceeded` (D, T) holds anywhere from `first_index` on; the worst of `values` there."""
    hit = np.asarray(exceeded, dtype=bool)[:, first_index:]
    if not hit.any():
        return None
    column = int(np.flatnonzero(hit.any(axis=0))[0]) + first_index
    worst = float(np.nanmax(np.where(hit, np.asarray(values)[:, first_index:], -np.inf)))
    return PlausibilityWarning(
        code=code,
        bound=float(bound),
        first_quarter=quarters[column],
        worst=worst,
        share_of_draws=float(hit.any(axis=1).mean()),
        detail=detail,
    )


def check_plausibility(
    quarters: tuple[tuple[int, int], ...],
    out: Mapping[str, FloatArray],
    capacity_raw: FloatArray,
    milestone_short: FloatArray,
    target_population: float,
    first_index: int,
    cut_draws: tuple[str, ...] = (),
    envelope_exceeded: FloatArray | None = None,
) -> tuple[PlausibilityWarning, ...]:
    """Every warning of one run; `first_index` is the first reported quarter (the build-up is checked too where a
    cut there changes what is reported: the milestone, the draws)."""
    n_draws = out["workers"].shape[0]
    found = [
        _warn("workers_above_target_population", out["workers"] > target_population, out["workers"],
              target_population, quarters, first_index),
        _warn("capacity_below_zero", capacity_raw < 0, capacity_raw, 0.0, quarters, 0),
        _warn("filled_above_contingent", out["overfilled"] > 0.5, out["overfilled"], 0.0, quarters, 0),
        _warn("queue_too_short", out["queue_short"] > 0.5, out["queue_short"], 0.0, quarters, 0),
    ]  # fmt: skip
    if envelope_exceeded is not None:
        found.append(
            _warn("envelope_below_commitments", envelope_exceeded > 0, envelope_exceeded, 0.0, quarters, 0)
        )
    short = np.asarray(milestone_short, dtype=bool)
    if short.any():
        found.append(
            PlausibilityWarning(
                code="milestone_below_known_inflow",
                bound=0.0,
                first_quarter=quarters[0],
                worst=0.0,
                share_of_draws=float(short.mean()),
            )
        )
    if cut_draws:
        found.append(
            PlausibilityWarning(
                code="draw_cut_to_range",
                bound=0.0,
                first_quarter=quarters[0],
                worst=0.0,
                share_of_draws=1.0 if n_draws == 1 else 0.0,
                detail=", ".join(cut_draws),
            )
        )
    return tuple(warning for warning in found if warning is not None)
