"""The published figures the model starts from, is calibrated on and is checked against.

One reader for the monitoring pages and the model: the rows come from ``data.monitoring.published`` (the CSV files
in data/sources/ with their source ids and flags), plus the Statbel health index for the price level before the
projection. Nothing here is an assumption.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Final

import numpy as np

from data.monitoring.published import SOURCES_DIR, published_observations
from simulation.calibration import PublishedYears
from simulation.inputs import FloatArray

HEALTH_INDEX_FILE: Final = "statbel_cpi_health_index_monthly.csv"


@dataclass(frozen=True)
class Point:
    """One published figure: the period it describes, its value, unit, flag and source id."""

    year: int
    quarter: int | None
    value: float
    unit: str
    flag: str
    source: str


@dataclass(frozen=True)
class Published:
    """The published series by indicator id (as in the monitoring catalogue), each a tuple of points in time order,
    and the monthly health index by (year, month)."""

    series: dict[str, tuple[Point, ...]]
    health_index: dict[tuple[int, int], float]

    def points(self, indicator: str) -> tuple[Point, ...]:
        return self.series.get(indicator, ())

    def value(self, indicator: str, year: int, quarter: int | None = None) -> float:
        """The figure of `indicator` for a year (or a quarter); KeyError names what is missing."""
        for point in self.points(indicator):
            if point.year == year and point.quarter == quarter:
                return point.value
        when = f"{year}" + (f" Q{quarter}" if quarter else "")
        raise KeyError(f"no published {indicator} for {when}")

    def annual(self, indicator: str) -> dict[int, float]:
        """The full-year figures of `indicator` (quarter empty), by year."""
        return {p.year: p.value for p in self.points(indicator) if p.quarter is None}

    def quarterly(self, indicator: str) -> dict[tuple[int, int], float]:
        """The quarterly figures of `indicator`, by (year, quarter)."""
        return {(p.year, p.quarter): p.value for p in self.points(indicator) if p.quarter is not None}

    def calibration_years(self, first: int, last: int) -> PublishedYears:
        """The collective series of the years `first` to `last` (fourth quarters, or the year)."""
        years = tuple(range(first, last + 1))
        allocated = self.quarterly("cmw_contingent_allocated")
        filled = self.quarterly("cmw_contingent_filled")
        queue = self.annual("cmw_queue")
        persons = self.annual("cmw_workers")
        doorstroom = self.annual("cmw_doorstroom_regular")
        return PublishedYears(
            years=years,
            allocated=np.array([allocated[(y, 4)] for y in years]),
            filled=np.array([filled[(y, 4)] for y in years]),
            queue=np.array([queue[y] for y in years]),
            persons=np.array([persons[y] for y in years]),
            doorstroom=np.array([doorstroom.get(y, np.nan) for y in years]),
        )

    def price_level(self, quarters: list[dt.date], base: dt.date) -> FloatArray:
        """The health index of each quarter (the mean of its months) against that of the quarter of `base`; NaN for
        a quarter whose months are not all published."""

        def mean_of(start: dt.date) -> float:
            months = [(start.year, start.month + k) for k in range(3)]
            values = [self.health_index[month] for month in months if month in self.health_index]
            return float(np.mean(values)) if len(values) == 3 else float("nan")

        reference = mean_of(base)
        return np.array([mean_of(q) / reference for q in quarters], dtype=np.float64)


def _health_index(path: Path) -> dict[tuple[int, int], float]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {
        (int(row["jaar"]), int(row["maand"])): float(row["gezondheidsindex_base2013"])
        for row in rows
        if row.get("gezondheidsindex_base2013")
    }


def load_published_from(sources_dir: Path) -> Published:
    """Read the published figures from a folder like data/sources/."""
    series: dict[str, list[Point]] = {}
    for row in published_observations(sources_dir):
        if row.dimension != "total" or row.value is None:
            continue
        series.setdefault(row.indicator, []).append(
            Point(row.year, row.quarter, float(row.value), row.unit, row.flag, row.source)
        )
    ordered = {
        name: tuple(sorted(points, key=lambda p: (p.year, p.quarter or 0))) for name, points in series.items()
    }
    return Published(series=ordered, health_index=_health_index(sources_dir / HEALTH_INDEX_FILE))


@lru_cache(maxsize=1)
def load_published() -> Published:
    """The portal's published figures (read once per process)."""
    return load_published_from(SOURCES_DIR)
