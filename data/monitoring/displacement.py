"""The displacement watch ('verdringing'): each group's share among IMW workers against its share in the target
population, over time, with the notable changes flagged.

The SERV asked the partners to watch whether IMW crowds out the target group, or groups inside it. The catalogue has
the counts of IMW workers by characteristic (`imw_workers_profile`) and the make-up of the target population
(`target_population_share`, shares 0-1); this module turns the counts into shares of the year's total, so that both
can be drawn on one scale, and flags a group when

- its share among IMW workers is below four fifths of its share in the target population (the 'four-fifths rule'
  used to screen for adverse impact: a ratio under 0.8 is a signal to look closer, not proof), or
- its share among IMW workers fell by `NOTABLE_FALL_POINTS` percentage points or more in one year.

Pure pandas: no Dash, no loading.
"""

from __future__ import annotations

from typing import Final

import pandas as pd

from data.monitoring.frames import (
    FLAG_BREAK,
    FLAG_ESTIMATED,
    FLAG_ILLUSTRATIVE,
    FLAG_PROVISIONAL,
    FLAG_SUPPRESSED,
    normalise_flag,
    quarter_number,
)
from data.monitoring.schema import COLUMNS, TOTAL

IMW_PROFILE: Final = "imw_workers_profile"
TARGET_SHARE: Final = "target_population_share"
# The derived series: the share of each group among IMW workers (id used in the URL and the downloads).
DISPLACEMENT_ID: Final = "imw_share_vs_target"
SHARE_UNIT: Final = "share"

UNDER_REPRESENTATION_RATIO: Final = 0.8
NOTABLE_FALL_POINTS: Final = 2.0

# When shares are combined, the weakest status wins, in this order.
_FLAG_PRIORITY: Final = (FLAG_SUPPRESSED, FLAG_ILLUSTRATIVE, FLAG_ESTIMATED, FLAG_PROVISIONAL, FLAG_BREAK)


def combined_flag(*flags: object) -> str:
    """The flag of a value computed from several: the weakest status among them ('' when all are final)."""
    present = {normalise_flag(flag) for flag in flags}
    return next((flag for flag in _FLAG_PRIORITY if flag in present), "")


def comparable_dimensions(frame: pd.DataFrame) -> tuple[str, ...]:
    """The breakdowns both series have (the total left out: its share is always 1)."""
    profile = frame.loc[frame["indicator"] == IMW_PROFILE, "dimension"]
    target = set(frame.loc[frame["indicator"] == TARGET_SHARE, "dimension"])
    return tuple(
        dimension for dimension in dict.fromkeys(profile) if dimension in target and dimension != TOTAL
    )


def imw_share_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Tidy rows of the derived series: each group's share of the year's IMW workers, flags and source kept.

    The denominator is the total row of `imw_workers_profile` for the same period; a suppressed count (or a
    missing total) gives a missing share with flag c.
    """
    profile = frame[frame["indicator"] == IMW_PROFILE]
    dimensions = set(comparable_dimensions(frame))
    if profile.empty or not dimensions:
        return pd.DataFrame(columns=list(COLUMNS))
    totals = {
        (int(row["year"]), quarter_number(row["quarter"])): row
        for row in profile[profile["dimension"] == TOTAL].to_dict("records")
    }
    records = []
    for row in profile[profile["dimension"].isin(dimensions)].to_dict("records"):
        period = (int(row["year"]), quarter_number(row["quarter"]))
        total = totals.get(period)
        value = row["value"]
        flag = combined_flag(row["flag"], total["flag"] if total else FLAG_SUPPRESSED)
        if total is None or pd.isna(value) or pd.isna(total["value"]) or not total["value"]:
            share = float("nan")
            flag = FLAG_SUPPRESSED
        else:
            share = float(value) / float(total["value"])
        records.append(
            {
                "year": row["year"],
                "quarter": row["quarter"],
                "indicator": DISPLACEMENT_ID,
                "dimension": row["dimension"],
                "category": row["category"],
                "value": share,
                "unit": SHARE_UNIT,
                "flag": flag,
                "source": row["source"],
            }
        )
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def watch_table(shares: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """One row per year and group: share in IMW, share in the target population, their ratio and the signals.

    `shares` are rows of the derived series and `reference` rows of `target_population_share`, both already
    cut to one breakdown and the years shown. A target share from the latest year at or before the IMW year is
    used when the target population has no figure for that year.
    """
    columns = [
        "year",
        "category",
        "imw_share",
        "target_share",
        "ratio",
        "change_points",
        "under",
        "fall",
        "flag",
    ]
    if shares.empty:
        return pd.DataFrame(columns=columns)
    records = []
    for category in dict.fromkeys(shares["category"]):
        mine = shares[shares["category"] == category].sort_values("year")
        theirs = reference[reference["category"] == category].sort_values("year")
        previous: float | None = None
        for row in mine.to_dict("records"):
            year = int(row["year"])
            earlier = theirs[theirs["year"] <= year]
            target = (
                float(earlier["value"].iloc[-1])
                if len(earlier) and pd.notna(earlier["value"].iloc[-1])
                else None
            )
            share = None if pd.isna(row["value"]) else float(row["value"])
            ratio = share / target if share is not None and target else None
            change = (share - previous) * 100 if share is not None and previous is not None else None
            records.append(
                {
                    "year": year,
                    "category": category,
                    "imw_share": share,
                    "target_share": target,
                    "ratio": ratio,
                    "change_points": change,
                    "under": ratio is not None and ratio < UNDER_REPRESENTATION_RATIO,
                    "fall": change is not None and change <= -NOTABLE_FALL_POINTS,
                    "flag": combined_flag(row["flag"], earlier["flag"].iloc[-1] if len(earlier) else ""),
                }
            )
            previous = share if share is not None else previous
    return pd.DataFrame.from_records(records, columns=columns)


def notable_rows(watch: pd.DataFrame) -> pd.DataFrame:
    """The rows of the watch table that carry a signal, latest year first."""
    if watch.empty:
        return watch
    flagged = watch[watch["under"] | watch["fall"]]
    return flagged.sort_values(["year", "category"], ascending=[False, True]).reset_index(drop=True)
