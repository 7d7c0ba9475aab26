"""Like with like: which periods of a series can be compared, and where each sits on a time axis.

A period is (year, quarter); an empty quarter is the whole year (a flow) or the end of the year (a stock), so it is
the same slot as quarter 4 (data/monitoring/schema.py). Two periods compare only when they are the same slot of
the year (a first half with a first half, August with August, a year with a year) and neither is partial (the
catalogue's ``partial_periods``: IMW's 2023, which ran from 1 July). A half year is never set against a year, a
month against a year, nor a partial first year against a full one.

A series is *quarterly* when some year holds two different slots (the GGMMI, every quarter); otherwise it is yearly
and its *regular* slot is the one most of its periods have. The periods that are not regular (a count in August
in a series of year counts, a first half year in a series of years, the partial 2023) are drawn apart on charts
and are named as such in summaries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from data.monitoring.frames import Period

Slot = tuple[int, bool]  # (quarter 1-4 of the year's slot, partial)


def slot(period: Period, partial: Iterable[Period] = ()) -> Slot:
    """The slot of the year a period fills: (4, False) for a whole year or a year-end count."""
    _year, quarter = period
    return (4 if quarter is None else int(quarter), period in set(partial))


def comparable(first: Period, second: Period, partial: Iterable[Period] = ()) -> bool:
    """Whether two periods can be compared: the same slot of the year, and neither partial."""
    partial = frozenset(partial)
    a, b = slot(first, partial), slot(second, partial)
    return a == b and not a[1]


def is_quarterly(periods: Sequence[Period]) -> bool:
    """True when some year holds two different slots: a series by quarter (or by month of the year)."""
    by_year: dict[int, set[int]] = {}
    for year, quarter in periods:
        by_year.setdefault(year, set()).add(4 if quarter is None else int(quarter))
    return any(len(slots) > 1 for slots in by_year.values())


def regular_slot(periods: Sequence[Period], partial: Iterable[Period] = ()) -> Slot | None:
    """The slot most periods of a yearly series fill (ties: the latest slot of the year); None when none is full."""
    partial = frozenset(partial)
    counts = Counter(slot(period, partial) for period in periods if period not in partial)
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], s[0]))


def off_periods(periods: Sequence[Period], partial: Iterable[Period] = ()) -> set[Period]:
    """The periods that do not compare with the regular ones: partial periods, and in a yearly series those of
    another slot (a count in August among year counts)."""
    partial = frozenset(partial)
    off = {period for period in periods if period in partial}
    if is_quarterly(periods):
        return off
    regular = regular_slot(periods, partial)
    return off | {period for period in periods if slot(period, partial) != regular}


def position(period: Period, quarterly: bool) -> float:
    """Where a period sits on a time axis in years: the year itself for a yearly series, a quarter of a year
    further per quarter for a quarterly one."""
    year, quarter = period
    if not quarterly or quarter is None:
        return float(year)
    return year + (int(quarter) - 1) / 4


def axis_periods(periods: Sequence[Period], partial: Iterable[Period] = ()) -> list[Period]:
    """Every regular period from the first to the last, the missing ones included (they are gaps, not skipped):
    every year of a yearly series, every quarter of a quarterly one."""
    partial = frozenset(partial)
    if not periods:
        return []
    quarterly = is_quarterly(periods)
    regular = [period for period in periods if period not in off_periods(periods, partial)]
    if not regular:
        return []
    if quarterly:
        first, last = min(regular, key=_order), max(regular, key=_order)
        result, (year, quarter) = [], (first[0], first[1] or 4)
        while (year, quarter) <= (last[0], last[1] or 4):
            result.append((year, quarter))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return result
    quarter = regular[0][1]
    years = [year for year, _ in regular]
    return [(year, quarter) for year in range(min(years), max(years) + 1)]


def _order(period: Period) -> tuple[int, int]:
    return (period[0], period[1] or 4)


def missing_periods(periods: Sequence[Period], partial: Iterable[Period] = ()) -> list[Period]:
    """The regular periods between the first and the last that the series has no row for (a gap, e.g. 2019)."""
    present = set(periods)
    return [period for period in axis_periods(periods, partial) if period not in present]


def latest_comparable(
    last: Period, earlier: Sequence[Period], partial: Iterable[Period] = ()
) -> Period | None:
    """The latest of `earlier` that compares with `last` (None when there is none)."""
    partial = frozenset(partial)
    candidates = [
        period for period in earlier if _order(period) < _order(last) and comparable(last, period, partial)
    ]
    return max(candidates, key=_order) if candidates else None
