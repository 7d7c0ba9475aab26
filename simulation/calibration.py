"""Calibration of the collective block on the published years, with the same quarter steps the projection uses.

What the published series say, year by year (fourth quarter, or the year):

- allocated and filled FTE (the contingent), the queue of job-seekers with a collective advice, the persons
  employed in the year, the doorstroom to a regular job.

What is fitted, and how:

- FTE per person: filled FTE over persons employed, the mean over the years (persons 'op jaarbasis' are read as the
  people employed in the year; the ratio moves little, 0.77 to 0.79);
- the doorstroom rate: doorstroom over persons employed, the mean over the years;
- the other exits, the matching speed (the share of open places filled from the queue each quarter) and the new
  advices: least squares on the filled FTE and the queue of each year, the block run quarter by quarter from the
  state of the first year, the allocated contingent interpolated between the published fourth quarters;
- the queue drop-out is not identified beside the new advices (a longer queue can come from more advices or from
  fewer drop-outs: only their combination shows in the data), so it is set by assumption and the advices are fitted
  for it; the calibration also gives how the fitted advices move with the drop-out (the ridge), so that a draw of the
  drop-out carries the advices along;
- the rise of the contingent in 2023 came with the reform of 1 July 2023 (maatwerkafdelingen and LDE initiatives
  that became or joined maatwerkbedrijven brought their workers along): a transfer of filled places in the third
  quarter of 2023 is fitted, so that it is not read as intake from the queue.

The width of each distribution is argued from the published variation: for FTE per person and the doorstroom rate,
the range over the years; for the fitted parameters, twice their standard error from the fit (whose residuals are the
year-to-year variation the model does not explain); for the new advices, the range of the advices that would have
reproduced each year's queue exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
from scipy.optimize import least_squares

from simulation.collective import CollectiveState, end_quarter, exit_split, start_quarter
from simulation.inputs import FloatArray

#: Scale of the residuals: the filled FTE and the queue are fitted in units of these [FTE], [persons].
FILLED_SCALE: Final = 100.0
QUEUE_SCALE: Final = 300.0
#: The quarter of the first fitted year in which the reform of 1 July 2023 transferred filled places (2023 Q3).
TRANSFER_QUARTER_OF_YEAR: Final = 3


@dataclass(frozen=True)
class PublishedYears:
    """The published series of consecutive years (fourth quarters, or the year) [FTE], [persons]."""

    years: tuple[int, ...]
    allocated: FloatArray
    filled: FloatArray
    queue: FloatArray
    persons: FloatArray
    doorstroom: FloatArray  # NaN where not published

    def __post_init__(self) -> None:
        n = len(self.years)
        for name in ("allocated", "filled", "queue", "persons", "doorstroom"):
            if np.asarray(getattr(self, name)).shape != (n,):
                raise ValueError(f"{name} must have one value per year ({n})")
        if any(b != a + 1 for a, b in zip(self.years, self.years[1:], strict=False)):
            raise ValueError("the years must follow each other")


@dataclass(frozen=True)
class Estimate:
    """A fitted or derived value, and the distribution its width is argued from."""

    value: float
    low: float
    high: float
    standard_error: float | None = None
    reasoning: str = ""


@dataclass(frozen=True)
class Calibration:
    """The result: the estimates, the fitted path against the published one, and the residuals."""

    years: tuple[int, ...]
    fte_per_person: Estimate
    doorstroom_rate: Estimate
    other_exit_rate: Estimate
    matching_speed: Estimate
    new_advices: Estimate
    queue_dropout: float
    speed_per_exit: float
    advices_per_exit: float
    advices_per_dropout: float
    transfer_fte: Estimate | None
    fitted_filled: FloatArray
    fitted_queue: FloatArray
    published_filled: FloatArray
    published_queue: FloatArray

    @property
    def rms_filled(self) -> float:
        return float(np.sqrt(np.mean((self.fitted_filled - self.published_filled) ** 2)))

    @property
    def rms_queue(self) -> float:
        return float(np.sqrt(np.mean((self.fitted_queue - self.published_queue) ** 2)))


def capacity_by_quarter(allocated: FloatArray) -> FloatArray:
    """The allocated contingent in each quarter after the first year's fourth quarter, interpolated linearly between
    the published fourth quarters: (4 x (years - 1),) [FTE]."""
    quarters = np.arange(1, 4 * (len(allocated) - 1) + 1, dtype=np.float64)
    return np.asarray(np.interp(quarters, 4.0 * np.arange(len(allocated)), allocated), dtype=np.float64)


def run_block(
    published: PublishedYears,
    fte_per_person: float,
    doorstroom_rate: float,
    other_exit: FloatArray,
    matching_speed: FloatArray,
    new_advices: FloatArray,
    queue_dropout: FloatArray,
    transfer_fte: FloatArray | None = None,
    transfer_year: int | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Run the block (the projection's own steps) from the first year's fourth quarter; the filled FTE and the
    queue at the end of each later year, (D, years - 1). Parameters are (D,) arrays (or scalars)."""
    arrays = [np.atleast_1d(np.asarray(x, dtype=np.float64)) for x in (other_exit, matching_speed, new_advices,
                                                                       queue_dropout)]  # fmt: skip
    n_draws = max(len(x) for x in arrays)
    other, speed, advices, dropout = (np.broadcast_to(x, (n_draws,)) for x in arrays)
    phi = np.full(n_draws, fte_per_person)
    leave, door_part = exit_split(other, np.full(n_draws, doorstroom_rate))
    capacity = capacity_by_quarter(published.allocated)
    state = CollectiveState.start(float(published.filled[0]), float(published.queue[0]), n_draws)
    zero = np.zeros(n_draws)
    transfer_index = None
    if transfer_year is not None and transfer_fte is not None:
        transfer_index = 4 * (transfer_year - published.years[0] - 1) + TRANSFER_QUARTER_OF_YEAR - 1
    filled, queue = [], []
    for t in range(len(capacity)):
        begin = start_quarter(state, phi, leave, door_part, advices)
        if transfer_index is not None and t == transfer_index:
            state.filled = state.filled + np.broadcast_to(
                np.asarray(transfer_fte, dtype=np.float64), (n_draws,)
            )
        end_quarter(
            state, begin, np.full(n_draws, capacity[t]), phi, speed / phi, 1.0 - dropout, zero, zero, False
        )
        if t % 4 == 3:
            filled.append(state.filled.copy())
            queue.append(state.queue.copy())
    return np.stack(filled, axis=1), np.stack(queue, axis=1)


def _range(values: Sequence[float] | FloatArray) -> tuple[float, float, float]:
    array = np.asarray(values, dtype=np.float64)
    return float(array.mean()), float(array.min()), float(array.max())


def calibrate(
    published: PublishedYears,
    queue_dropout: float,
    other_exit_range: tuple[float, float],
    transfer_year: int | None = None,
    step: float = 0.01,
) -> Calibration:
    """Fit the collective block to `published`; see the module docstring for what is fitted and how.

    The published series fix the net flows, not the level of the turnover: more exits with faster matching and
    more advices fit (almost) as well. So the other exits carry a range argued apart (`other_exit_range`), and the
    matching speed and the new advices follow them along the fit's ridge: their slopes (``follows``) come from fits
    with the other exits held a step higher, and with the drop-out a step higher.
    """
    phi_by_year = published.filled / published.persons
    fte_per_person, phi_low, phi_high = _range(phi_by_year)
    door_by_year = (published.doorstroom / published.persons)[~np.isnan(published.doorstroom)]
    doorstroom_rate, door_low, door_high = _range(door_by_year)
    with_transfer = transfer_year is not None

    def path(
        other: float, speed: float, advices: float, dropout: float, transfer: FloatArray | None
    ) -> tuple[FloatArray, FloatArray]:
        return run_block(
            published, fte_per_person, doorstroom_rate, np.array([other]), np.array([speed]),
            np.array([advices]), np.array([dropout]), transfer, transfer_year,
        )  # fmt: skip

    def fit(dropout: float, other: float | None) -> tuple[FloatArray, FloatArray]:
        """(other exits, speed, advices[, transfer]) and their standard errors; `other` held when given."""

        def unpack(theta: FloatArray) -> tuple[float, FloatArray]:
            return (float(theta[0]), theta[1:]) if other is None else (other, theta)

        def residuals(theta: FloatArray) -> FloatArray:
            exits, rest = unpack(theta)
            filled, queue = path(
                exits, float(rest[0]), float(rest[1]), dropout, rest[2:3] if with_transfer else None
            )
            return np.concatenate(
                [
                    (filled[0] - published.filled[1:]) / FILLED_SCALE,
                    (queue[0] - published.queue[1:]) / QUEUE_SCALE,
                ]
            )

        start = [0.3, 1000.0] + ([500.0] if with_transfer else [])
        lower = [0.01, 0.0] + ([0.0] if with_transfer else [])
        upper = [1.0, 5000.0] + ([5000.0] if with_transfer else [])
        if other is None:
            start, lower, upper = [0.08, *start], [0.0, *lower], [0.5, *upper]
        result = least_squares(
            residuals, np.array(start), bounds=(np.array(lower), np.array(upper)), x_scale="jac"
        )
        variance = float(result.fun @ result.fun) / max(len(result.fun) - len(start), 1)
        covariance = np.linalg.pinv(result.jac.T @ result.jac) * variance
        theta = np.asarray(result.x, dtype=np.float64)
        if other is not None:
            theta = np.concatenate([[other], theta])
            covariance = np.pad(covariance, ((1, 0), (1, 0)))
        return theta, np.sqrt(np.clip(np.diag(covariance), 0.0, None))

    theta, _ = fit(queue_dropout, None)
    other = float(theta[0])
    held, errors = fit(queue_dropout, other)  # the errors with the turnover held: the width off the ridge
    higher_exits, _ = fit(queue_dropout, other + step)
    higher_dropout, _ = fit(queue_dropout + step, other)
    speed_per_exit = float((higher_exits[1] - held[1]) / step)
    advices_per_exit = float((higher_exits[2] - held[2]) / step)
    advices_per_dropout = float((higher_dropout[2] - held[2]) / step)
    speed, advices = float(held[1]), float(held[2])
    transfer = held[3:4] if with_transfer else None
    filled, queue = path(other, speed, advices, queue_dropout, transfer)
    yearly = _advices_by_year(published, fte_per_person, doorstroom_rate, other, speed, advices, queue_dropout,
                              transfer, transfer_year)  # fmt: skip
    low, high = other_exit_range
    return Calibration(
        years=published.years,
        fte_per_person=Estimate(fte_per_person, phi_low, phi_high, reasoning="range over the years"),
        doorstroom_rate=Estimate(doorstroom_rate, door_low, door_high, reasoning="range over the years"),
        other_exit_rate=Estimate(
            other, min(low, other), max(high, other), reasoning="argued range; mode fitted"
        ),
        matching_speed=Estimate(
            speed,
            max(speed - 2 * float(errors[1]), 0.02),
            min(speed + 2 * float(errors[1]), 1.0),
            standard_error=float(errors[1]),
            reasoning="fit +/- 2 standard errors, the other exits held; follows the other exits",
        ),
        new_advices=Estimate(
            advices,
            min(float(yearly.min()), advices),
            max(float(yearly.max()), advices),
            standard_error=float(errors[2]),
            reasoning="range of the advices that reproduce each year's queue; follows the other exits and the drop-out",
        ),
        queue_dropout=queue_dropout,
        speed_per_exit=speed_per_exit,
        advices_per_exit=advices_per_exit,
        advices_per_dropout=advices_per_dropout,
        transfer_fte=(
            Estimate(
                float(held[3]),
                max(float(held[3] - 2 * errors[3]), 0.0),
                float(held[3] + 2 * errors[3]),
                standard_error=float(errors[3]),
                reasoning="fit +/- 2 standard errors",
            )
            if with_transfer
            else None
        ),
        fitted_filled=filled[0],
        fitted_queue=queue[0],
        published_filled=np.asarray(published.filled[1:], dtype=np.float64),
        published_queue=np.asarray(published.queue[1:], dtype=np.float64),
    )


def _advices_by_year(
    published: PublishedYears,
    fte_per_person: float,
    doorstroom_rate: float,
    other: float,
    speed: float,
    advices: float,
    dropout: float,
    transfer: FloatArray | None,
    transfer_year: int | None,
) -> FloatArray:
    """For each year, the new advices per quarter that make the model's queue at its end equal the published one,
    the other years at the fitted advices (one year at a time, from the fitted path)."""
    grid = np.linspace(0.0, 4.0 * max(advices, 1.0), 801)
    n_years = len(published.years) - 1
    result = np.empty(n_years)
    for year in range(n_years):
        by_quarter = np.full((grid.size, 4 * n_years), advices)
        by_quarter[:, 4 * year : 4 * year + 4] = grid[:, None]
        queue = _queue_with_advices(published, fte_per_person, doorstroom_rate, other, speed, by_quarter, dropout,
                                    transfer, transfer_year)  # fmt: skip
        target = published.queue[year + 1]
        result[year] = float(np.interp(target, queue[:, year], grid))
    return result


def _queue_with_advices(
    published: PublishedYears,
    fte_per_person: float,
    doorstroom_rate: float,
    other: float,
    speed: float,
    advices_by_quarter: FloatArray,
    dropout: float,
    transfer: FloatArray | None,
    transfer_year: int | None,
) -> FloatArray:
    """The queue at the end of each year (D, years - 1) when the advices vary by quarter (D, quarters)."""
    n_draws = advices_by_quarter.shape[0]
    capacity = capacity_by_quarter(published.allocated)
    state = CollectiveState.start(float(published.filled[0]), float(published.queue[0]), n_draws)
    phi = np.full(n_draws, fte_per_person)
    leave, door_part = exit_split(np.full(n_draws, other), np.full(n_draws, doorstroom_rate))
    s, d, zero = np.full(n_draws, speed), np.full(n_draws, dropout), np.zeros(n_draws)
    transfer_index = None
    if transfer_year is not None and transfer is not None:
        transfer_index = 4 * (transfer_year - published.years[0] - 1) + TRANSFER_QUARTER_OF_YEAR - 1
    queue = []
    for t in range(len(capacity)):
        begin = start_quarter(state, phi, leave, door_part, advices_by_quarter[:, t])
        if t == transfer_index and transfer is not None:
            state.filled = state.filled + float(transfer[0])
        end_quarter(state, begin, np.full(n_draws, capacity[t]), phi, s / phi, 1.0 - d, zero, zero, False)
        if t % 4 == 3:
            queue.append(state.queue.copy())
    return np.stack(queue, axis=1)
