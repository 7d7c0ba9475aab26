"""Small-cell suppression: counts under a threshold never reach a page or a download.

The rules, applied by :func:`suppress` to a tidy table:

1. Primary: a count (a unit with ``is_count``, e.g. persons, employers) under the threshold is hidden.
2. Secondary: a breakdown (one year, quarter, indicator and dimension) with exactly one hidden category would give
   that cell away as the total minus the other categories. The next smallest visible category of that breakdown
   is hidden too (ties: the first category code in alphabetical order).
3. Linked indicators: an indicator with ``suppress_like`` in the catalogue (an FTE or an amount of the same
   groups) hides the cells that are hidden in the count it follows, then gets rule 2 itself.

A hidden cell keeps its row, with a missing value and flag ``c``. Amounts, FTE and shares are never hidden for
their own size. Zero counts are hidden like any count under the threshold.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from data.monitoring.catalogue import Catalogue
from data.monitoring.schema import COUNT_UNITS, FLAG_SUPPRESSED, TOTAL

CellKey = tuple[int, int, str, str]  # (year, quarter or -1, dimension, category)


def _quarter_key(quarter: object) -> int:
    if quarter is None or quarter is pd.NA or (isinstance(quarter, float) and math.isnan(quarter)):
        return -1
    return int(str(quarter))


def _hide_secondary(
    positions: Iterable[int],
    hidden: list[bool],
    values: list[float],
    keys: list[tuple[int, int, str, str, str]],
) -> None:
    """Rule 2 on the rows at `positions` (rows of one or more indicators): hide the next smallest visible
    category of every breakdown with exactly one hidden category."""
    breakdowns: dict[tuple[int, int, str, str], list[int]] = defaultdict(list)
    for position in positions:
        year, quarter, indicator, dimension, _ = keys[position]
        if dimension != TOTAL:
            breakdowns[(year, quarter, indicator, dimension)].append(position)
    for members in breakdowns.values():
        if sum(hidden[position] for position in members) != 1:
            continue
        visible = [
            position for position in members if not hidden[position] and not math.isnan(values[position])
        ]
        if visible:
            smallest = min(visible, key=lambda position: (values[position], keys[position][4]))
            hidden[smallest] = True


def suppress(frame: pd.DataFrame, catalogue: Catalogue, threshold: int) -> pd.DataFrame:
    """A copy of a tidy table with small counts and the cells that would give them away hidden (value NaN, flag
    "c"). Rows already flagged "c" stay hidden. `threshold` [persons]: counts below it are hidden."""
    result = frame.reset_index(drop=True).copy()
    values = [float(value) for value in result["value"]]
    units = [str(unit) for unit in result["unit"]]
    keys = [
        (int(year), _quarter_key(quarter), str(indicator), str(dimension), str(category))
        for year, quarter, indicator, dimension, category in zip(
            result["year"],
            result["quarter"],
            result["indicator"],
            result["dimension"],
            result["category"],
            strict=True,
        )
    ]
    hidden = [str(flag) == FLAG_SUPPRESSED for flag in result["flag"]]

    counts = [position for position, unit in enumerate(units) if unit in COUNT_UNITS]
    for position in counts:
        if not math.isnan(values[position]) and values[position] < threshold:
            hidden[position] = True
    _hide_secondary(counts, hidden, values, keys)

    by_indicator: dict[str, list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        by_indicator[key[2]].append(position)
    for indicator, positions in by_indicator.items():
        meta = catalogue.indicators.get(indicator)
        if meta is None or meta.suppress_like is None:
            continue
        leader_hidden: set[CellKey] = {
            (keys[position][0], keys[position][1], keys[position][3], keys[position][4])
            for position in by_indicator.get(meta.suppress_like, [])
            if hidden[position]
        }
        for position in positions:
            year, quarter, _, dimension, category = keys[position]
            if (year, quarter, dimension, category) in leader_hidden:
                hidden[position] = True
        _hide_secondary(positions, hidden, values, keys)

    mask = pd.Series(hidden, index=result.index, dtype="bool")
    result.loc[mask, "value"] = math.nan
    result.loc[mask, "flag"] = FLAG_SUPPRESSED
    return result
