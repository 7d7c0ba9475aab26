"""Tables of a projection by quarter and by year, with P5, P50 and P95 over the draws."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import numpy as np
import pandas as pd

from simulation.inputs import COACHING_NEEDS, ORIGINS, PACKAGES, FloatArray
from simulation.projection import Projection

#: The packages of the breakdowns: the IMW packages, then the running VOPs.
BREAKDOWN_PACKAGES: Final = (*PACKAGES, "vop_legacy")

PERCENTILES: Final = (5, 50, 95)
#: The statistic the portal reports everywhere (pages, tables, charts, downloads, the API): the central projection
#: (every assumption at its central value), with the P5-P95 of the draws beside it when there are draws, over the
#: horizon chosen. The median of the draws differs from it where a distribution is skewed.
STATISTIC: Final = "central"

#: How each series adds up over the quarters of a year: flows sum, stocks take the last quarter (stocks are counted
#: at the end of a quarter, so the last quarter's value is the end of the year, after its exits).
STOCKS: Final = frozenset(
    {
        "workers",
        "workers_imw",
        "workers_vop",
        "contingent_capacity",
        "contingent_occupancy",
        "contingent_open",
        "contingent_full",
        "fallback_places_inside",
        "fallback_places_on_top",
        "queue",
        "price_index",
        "imw_waiting",
        "imw_waiting_quarters",
    }
)


def outputs(projection: Projection) -> dict[str, FloatArray]:
    """Every output as an array (D, T), breakdowns included (``workers.package.two_year`` and so on)."""
    result = dict(projection.series)
    for index, package in enumerate(BREAKDOWN_PACKAGES):
        result[f"workers.package.{package}"] = projection.workers_by_package[:, :, index]
        result[f"loonpremie_cost.package.{package}"] = projection.loonpremie_by_package[:, :, index]
    for index, need in enumerate(COACHING_NEEDS):
        result[f"workers.coaching.{need}"] = projection.workers_by_coaching[:, :, index]
    for index, origin in enumerate(ORIGINS):
        result[f"inflow.origin.{origin}"] = projection.inflow_by_origin[:, :, index]
    return result


def _is_stock(name: str) -> bool:
    return name.split(".")[0] in STOCKS


def year_runs(projection: Projection) -> tuple[list[int], np.ndarray, np.ndarray]:
    """The calendar years of a projection, and the index of each year's first and last quarter."""
    quarter_years = np.array([year for year, _ in projection.quarters])
    # The quarters of a year are contiguous: each year is a run that starts where the year changes.
    starts = np.flatnonzero(np.r_[True, quarter_years[1:] != quarter_years[:-1]])
    last_of_year = np.r_[starts[1:], len(quarter_years)] - 1
    return [int(year) for year in quarter_years[starts]], starts, last_of_year


def annual_flow(projection: Projection, name: str) -> tuple[list[int], FloatArray]:
    """One flow output (a cost, an inflow) summed by calendar year, per draw: (years, (D, Y))."""
    years, starts, _ = year_runs(projection)
    return years, np.add.reduceat(projection.series[name], starts, axis=1)


def annual_draws(projection: Projection) -> tuple[list[int], dict[str, FloatArray]]:
    """Every output by calendar year, per draw: (years, name -> (D, Y))."""
    years, starts, last_of_year = year_runs(projection)
    result: dict[str, FloatArray] = {}
    for name, values in outputs(projection).items():
        if _is_stock(name):
            result[name] = values[:, last_of_year]
        else:
            result[name] = np.add.reduceat(values, starts, axis=1)
    return years, result


def _long_table(
    labels: pd.DataFrame, arrays: dict[str, FloatArray], central: dict[str, FloatArray] | None = None
) -> pd.DataFrame:
    """One block of rows per output: the labels, then the central run, mean, p5, p50, p95 over the draws.

    Every output has the same shape (D, N), so the statistics are taken for all outputs at once. ``central`` holds
    the central run's (1, N) arrays; without it, a deterministic projection (D = 1) is its own central run.
    """
    names = list(arrays)
    stacked = np.stack([arrays[name] for name in names])  # (K, D, N)
    centre = np.percentile(stacked, PERCENTILES, axis=1)  # (3, K, N)
    n_rows = len(labels)
    frame = pd.concat([labels] * len(names), ignore_index=True)
    frame["output"] = np.repeat(names, n_rows)
    if central is not None:
        frame["central"] = np.concatenate([np.asarray(central[name], dtype=np.float64)[0] for name in names])
    elif stacked.shape[1] == 1:
        frame["central"] = stacked[:, 0, :].reshape(-1)
    else:
        frame["central"] = np.nan
    frame["mean"] = stacked.mean(axis=1).reshape(-1)
    for percentile, values in zip(PERCENTILES, centre, strict=True):
        frame[f"p{percentile}"] = values.reshape(-1)
    return frame


def annual_table(projection: Projection, central: Projection | None = None) -> pd.DataFrame:
    """Long table: year, output, central, mean, p5, p50, p95. ``central`` is the central run (every assumption at
    its central value) that goes with a Monte Carlo projection; a deterministic projection is its own.
    ``contingent_full`` is the probability that the contingent is full in the last quarter of the year (its
    mean over the draws)."""
    years, arrays = annual_draws(projection)
    central_arrays = None
    if central is not None:
        central_years, central_arrays = annual_draws(central)
        if central_years != years or list(central_arrays) != list(arrays):
            raise ValueError("the central run does not have the quarters and outputs of the projection")
    return _long_table(pd.DataFrame({"year": years}), arrays, central_arrays)


def cumulative_cost(projection: Projection, quarters: int) -> FloatArray:
    """(D,) total cost over the first `quarters` reported quarters (fewer when the horizon is shorter) [EUR]."""
    return np.asarray(projection.series["total_cost"][:, :quarters].sum(axis=1), dtype=np.float64)


def peak_queue(projection: Projection) -> FloatArray:
    """(D,) the longest queue for collective maatwerk at the end of a quarter over the horizon [persons]."""
    return np.asarray(projection.series["queue"].max(axis=1), dtype=np.float64)


def cost_per_worker_year(projection: Projection) -> FloatArray:
    """(D,) loonpremie and begeleidingspremie paid per IMW or VOP worker-year over the horizon [EUR/year]."""
    series = projection.series
    return np.asarray(
        4.0
        * (series["loonpremie_cost"] + series["begeleiding_cost"]).sum(axis=1)
        / np.maximum(series["workers"].sum(axis=1), 1e-9),
        dtype=np.float64,
    )


def first_year_cost(projection: Projection) -> FloatArray:
    """(D,) total cost in the first reported year (its four quarters) [EUR]."""
    return cumulative_cost(projection, 4)


def workers_at_year_end(projection: Projection, year: int, name: str = "workers_imw") -> FloatArray:
    """(D,) a stock at the end of `year` (its fourth quarter, after that quarter's exits); NaN outside the horizon."""
    for column, (y, quarter) in enumerate(projection.quarters):
        if y == year and quarter == 4:
            return np.asarray(projection.series[name][:, column], dtype=np.float64)
    return np.full(projection.n_draws, np.nan)


#: The key figures, each a function of a projection giving one value per draw.
KEY_FIGURES: Final[dict[str, Callable[[Projection], FloatArray]]] = {
    "first_year_cost": first_year_cost,
    "cumulative_cost_horizon": lambda projection: cumulative_cost(projection, len(projection.quarters)),
    "cumulative_cost_5y": lambda projection: cumulative_cost(projection, 20),
    "cumulative_cost_10y": lambda projection: cumulative_cost(projection, 40),
    "workers_imw_2030": lambda projection: workers_at_year_end(projection, 2030),
    "peak_queue": peak_queue,
    "cost_per_worker_year": cost_per_worker_year,
    "final_workers": lambda projection: projection.series["workers"][:, -1],
}


def key_figures(projection: Projection, central: Projection | None = None) -> dict[str, dict[str, float]]:
    """The key figures with P5, P50, P95 and the mean over the draws, and the central run's value (``central``:
    the central run that goes with a Monte Carlo projection; a deterministic projection is its own, and then all
    five are that value). The cumulative costs sum the first 20 and 40 reported quarters (fewer when the horizon
    is shorter), and all of them (``cumulative_cost_horizon``)."""
    result: dict[str, dict[str, float]] = {}
    for name, figure in KEY_FIGURES.items():
        values = figure(projection)
        if np.all(np.isnan(values)):
            continue
        p5, p50, p95 = np.percentile(values, PERCENTILES)
        centre = figure(central)[0] if central is not None else (values[0] if len(values) == 1 else np.nan)
        result[name] = {
            "central": float(centre),
            "p5": float(p5),
            "p50": float(p50),
            "p95": float(p95),
            "mean": float(values.mean()),
        }
    return result
