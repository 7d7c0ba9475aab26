"""Tables of a projection by quarter and by year, with P5, P50 and P95 over the draws."""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from simulation.inputs import COACHING_NEEDS, ORIGINS, PACKAGES, FloatArray
from simulation.projection import Projection

PERCENTILES: Final = (5, 50, 95)

#: How each series adds up over the quarters of a year: flows sum, stocks take the last quarter.
STOCKS: Final = frozenset(
    {
        "workers",
        "workers_end",
        "contingent_capacity",
        "contingent_occupancy",
        "contingent_free",
        "contingent_full",
        "fallback_places_inside",
        "queue",
        "price_index",
        "loonpremie_waiting",
        "begeleiding_waiting",
    }
)


def outputs(projection: Projection) -> dict[str, FloatArray]:
    """Every output as an array (D, T), breakdowns included (``workers.package.two_year`` and so on)."""
    result = dict(projection.series)
    for index, package in enumerate(PACKAGES):
        result[f"workers.package.{package}"] = projection.workers_by_package[:, :, index]
        result[f"loonpremie_cost.package.{package}"] = projection.loonpremie_by_package[:, :, index]
    for index, need in enumerate(COACHING_NEEDS):
        result[f"workers.coaching.{need}"] = projection.workers_by_coaching[:, :, index]
    for index, origin in enumerate(ORIGINS):
        result[f"inflow.origin.{origin}"] = projection.inflow_by_origin[:, :, index]
    return result


def _is_stock(name: str) -> bool:
    return name.split(".")[0] in STOCKS


def annual_draws(projection: Projection) -> tuple[list[int], dict[str, FloatArray]]:
    """Every output by calendar year, per draw: (years, name -> (D, Y))."""
    quarter_years = np.array([year for year, _ in projection.quarters])
    # The quarters of a year are contiguous: each year is a run that starts where the year changes.
    starts = np.flatnonzero(np.r_[True, quarter_years[1:] != quarter_years[:-1]])
    years = [int(year) for year in quarter_years[starts]]
    last_of_year = np.r_[starts[1:], len(quarter_years)] - 1
    result: dict[str, FloatArray] = {}
    for name, values in outputs(projection).items():
        if _is_stock(name):
            result[name] = values[:, last_of_year]
        else:
            result[name] = np.add.reduceat(values, starts, axis=1)
    return years, result


def _long_table(labels: pd.DataFrame, arrays: dict[str, FloatArray]) -> pd.DataFrame:
    """One block of rows per output: the labels, then mean, p5, p50, p95 over the draws.

    Every output has the same shape (D, N), so the statistics are taken for all outputs at once.
    """
    names = list(arrays)
    stacked = np.stack([arrays[name] for name in names])  # (K, D, N)
    centre = np.percentile(stacked, PERCENTILES, axis=1)  # (3, K, N)
    n_rows = len(labels)
    frame = pd.concat([labels] * len(names), ignore_index=True)
    frame["output"] = np.repeat(names, n_rows)
    frame["mean"] = stacked.mean(axis=1).reshape(-1)
    for percentile, values in zip(PERCENTILES, centre, strict=True):
        frame[f"p{percentile}"] = values.reshape(-1)
    return frame


def annual_table(projection: Projection) -> pd.DataFrame:
    """Long table: year, output, mean, p5, p50, p95. ``contingent_full`` is the probability that the contingent
    is full in the last quarter of the year (its mean over the draws)."""
    years, arrays = annual_draws(projection)
    return _long_table(pd.DataFrame({"year": years}), arrays)


def quarterly_table(projection: Projection) -> pd.DataFrame:
    """Long table: year, quarter, output, mean, p5, p50, p95."""
    labels = pd.DataFrame(projection.quarters, columns=["year", "quarter"])
    return _long_table(labels, outputs(projection))


def wide_annual(projection: Projection, statistic: str = "p50") -> pd.DataFrame:
    """One row per year, one column per output, for `statistic` (mean, p5, p50 or p95)."""
    table = annual_table(projection)
    return table.pivot(index="year", columns="output", values=statistic)


def cumulative_cost(projection: Projection, quarters: int) -> FloatArray:
    """(D,) total cost over the first `quarters` projected quarters (fewer when the horizon is shorter) [EUR]."""
    return np.asarray(projection.series["total_cost"][:, :quarters].sum(axis=1), dtype=np.float64)


def peak_queue(projection: Projection) -> FloatArray:
    """(D,) the longest queue for collective maatwerk over the horizon [persons]."""
    return np.asarray(projection.series["queue"].max(axis=1), dtype=np.float64)


def cost_per_worker_year(projection: Projection) -> FloatArray:
    """(D,) loonpremie and begeleidingspremie paid per IMW worker-year over the horizon [EUR/year]."""
    series = projection.series
    return np.asarray(
        4.0
        * (series["loonpremie_cost"] + series["begeleiding_cost"]).sum(axis=1)
        / np.maximum(series["workers"].sum(axis=1), 1e-9),
        dtype=np.float64,
    )


def key_figures(projection: Projection) -> dict[str, dict[str, float]]:
    """Cumulative cost over 5 and 10 years, peak queue, cost per worker-year; with P5, P50, P95.

    The cumulative costs sum the first 20 and 40 projected quarters (fewer when the horizon is shorter).
    """
    figures: dict[str, FloatArray] = {
        "cumulative_cost_5y": cumulative_cost(projection, 20),
        "cumulative_cost_10y": cumulative_cost(projection, 40),
        "peak_queue": peak_queue(projection),
        "cost_per_worker_year": cost_per_worker_year(projection),
        "final_workers": projection.series["workers"][:, -1],
    }
    result: dict[str, dict[str, float]] = {}
    for name, values in figures.items():
        p5, p50, p95 = np.percentile(values, PERCENTILES)
        result[name] = {"p5": float(p5), "p50": float(p50), "p95": float(p95), "mean": float(values.mean())}
    return result
