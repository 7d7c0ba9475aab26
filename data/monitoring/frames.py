"""Small, pure helpers on the tidy monitoring format (data/monitoring/schema.py): periods, flags, selections.

No Dash and no loading here: every function takes a DataFrame with the schema's columns
(year, quarter, indicator, dimension, category, value, unit, flag, source) and returns plain values or frames.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import pandas as pd

from data.monitoring.schema import FLAGS, TOTAL
from i18n import normalise_language

FLAG_PROVISIONAL: Final = "p"
FLAG_ESTIMATED: Final = "e"
FLAG_BREAK: Final = "b"
FLAG_SUPPRESSED: Final = "c"
FLAG_ILLUSTRATIVE: Final = "i"

Period = tuple[int, int | None]  # (year, quarter 1-4 or None for a whole year)

_QUARTER_PATTERN = re.compile(r"^\s*[KQkq]?\s*([1-4])\s*$")


def normalise_flag(flag: Any) -> str:
    """A flag as the schema writes it: "" for final; NaN and None are final too."""
    if flag is None or (isinstance(flag, float) and math.isnan(flag)):
        return ""
    return str(flag).strip().lower()


def flag_label(flag: Any, language: str) -> str:
    """The flag in words ("voorlopig", "illustratief"); an unknown flag is shown as it is."""
    key = normalise_flag(flag)
    entry = FLAGS.get(key)
    return entry[normalise_language(language)] if entry else key


def quarter_number(quarter: Any) -> int | None:
    """The quarter 1-4 of a `quarter` cell ("K4", "Q4", 4, "4"); None for a yearly figure (empty, NaN, 0)."""
    if quarter is None or quarter is pd.NA or (isinstance(quarter, float) and math.isnan(quarter)):
        return None
    if isinstance(quarter, numbers.Real) and not isinstance(quarter, bool):
        return int(quarter) if 1 <= int(quarter) <= 4 else None
    match = _QUARTER_PATTERN.match(str(quarter))
    return int(match.group(1)) if match else None


def periods_of(frame: pd.DataFrame) -> list[Period]:
    """The (year, quarter) of every row, in row order."""
    return [
        (int(year), quarter_number(quarter))
        for year, quarter in zip(frame["year"], frame["quarter"], strict=True)
    ]


def sorted_periods(frame: pd.DataFrame) -> list[Period]:
    """The distinct periods of a frame in time order (a yearly figure sorts before the quarters of its year)."""
    return sorted(set(periods_of(frame)), key=lambda period: (period[0], period[1] or 0))


def period_label(period: Period, language: str, names: Mapping[Period, str] | None = None) -> str:
    """The words for a period: "2024" for a year, "2024 K4" (Dutch) or "2024 Q4" (English) for a quarter.

    `names` overrides a period whose plain label would mislead (the catalogue's period labels: "augustus 2025").
    """
    if names and period in names:
        return names[period]
    year, quarter = period
    if quarter is None:
        return str(year)
    letter = "K" if normalise_language(language) == "nl" else "Q"
    return f"{year} {letter}{quarter}"


def period_labels(
    periods: Sequence[Period], language: str, names: Mapping[Period, str] | None = None
) -> list[str]:
    """The labels of several periods, in the same order."""
    return [period_label(period, language, names) for period in periods]


def parse_period(text: str) -> Period | None:
    """A period from the catalogue's notation: "2025" or "2025-K3"; None when it is not one."""
    match = re.match(r"^\s*(\d{4})(?:\s*-\s*([KQkq]?[1-4]))?\s*$", str(text))
    if not match:
        return None
    return int(match.group(1)), quarter_number(match.group(2)) if match.group(2) else None


def years_of(frame: pd.DataFrame) -> tuple[int, ...]:
    """The distinct years of a frame, ascending."""
    return tuple(sorted({int(year) for year in frame["year"].dropna()}))


def breakdowns_of(frame: pd.DataFrame) -> tuple[str, ...]:
    """The dimensions of one indicator's rows, "total" first, then in order of appearance."""
    dimensions = list(dict.fromkeys(str(value) for value in frame["dimension"]))
    return tuple(sorted(dimensions, key=lambda dimension: dimension != TOTAL))


def select_rows(
    frame: pd.DataFrame,
    indicator: str,
    dimension: str,
    year_from: int | None = None,
    year_to: int | None = None,
) -> pd.DataFrame:
    """The rows of one indicator in one breakdown and year range, in time order, flags normalised."""
    mask = (frame["indicator"] == indicator) & (frame["dimension"] == dimension)
    if year_from is not None:
        mask &= frame["year"] >= year_from
    if year_to is not None:
        mask &= frame["year"] <= year_to
    rows = frame.loc[mask].copy()
    rows["flag"] = [normalise_flag(flag) for flag in rows["flag"]]
    rows["source"] = ["" if pd.isna(source) else str(source) for source in rows["source"]]
    order = sorted(
        range(len(rows)),
        key=lambda position: (
            int(rows["year"].iloc[position]),
            quarter_number(rows["quarter"].iloc[position]) or 0,
        ),
    )
    return rows.iloc[order].reset_index(drop=True)


def has_illustrative(frame: pd.DataFrame) -> bool:
    """True when any row shown is illustrative (flag i): the view must then say so visibly."""
    return bool(len(frame)) and any(normalise_flag(flag) == FLAG_ILLUSTRATIVE for flag in frame["flag"])


def flags_present(frame: pd.DataFrame) -> list[str]:
    """The distinct non-final flags among the rows, in the schema's order."""
    present = {normalise_flag(flag) for flag in frame["flag"]}
    return [flag for flag in FLAGS if flag and flag in present]


def sources_of(frame: pd.DataFrame) -> list[str]:
    """The distinct source ids of the rows, in order of appearance."""
    return [
        source for source in dict.fromkeys(str(s) for s in frame["source"] if pd.notna(s) and s) if source
    ]
