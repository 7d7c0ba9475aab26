"""Does the begeleidingspremie cover the cost of the coaching that the need implies? (SERV advice, point 6)

For each need level the cost of the coaching hours is the annual cost of a full-time coach times the coaching
norm (coach FTE per worker), per quarter::

    coaching cost [EUR/quarter] = coaching.coach_cost_per_fte_year [EUR/year] x coaching.norm.<need> [FTE] / 4

and the premium is the fixed part (quarters 1-5, or from quarter 6) plus the variable part of the need. Both are
taken for a full-time worker who works every contract hour: the variable part and the coaching hours then scale
alike with the hours worked, while the fixed part does not (a part-timer's coverage is a little higher).
Assumption: the coaching norms of collective maatwerk (1/13, 1/10, 1/7) measure the coaching an IMW worker needs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

#: Need levels that carry a variable begeleidingspremie (no need: no premium).
COACHED_NEEDS: Final = ("low", "medium", "high")


@dataclass(frozen=True)
class CoverageRow:
    """Premium against coaching cost for one need level; amounts in EUR per quarter, coverage as a share."""

    need: str
    coaching_cost: float
    variable_part: float
    premium_first_quarters: float
    premium_later_quarters: float

    @property
    def coverage_first_quarters(self) -> float:
        """Premium in quarters 1-5 over the coaching cost [share]; infinite when coaching costs nothing."""
        return _ratio(self.premium_first_quarters, self.coaching_cost)

    @property
    def coverage_later_quarters(self) -> float:
        """Premium from quarter 6 over the coaching cost [share]."""
        return _ratio(self.premium_later_quarters, self.coaching_cost)


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"a coverage input must be a number, not {value!r}")
    return float(value)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else math.inf


def coaching_cost_per_quarter(values: Mapping[str, object], need: str) -> float:
    """The cost of the coaching hours a need implies for a full-time worker [EUR/quarter]."""
    return (
        _number(values["coaching.coach_cost_per_fte_year"]) * _number(values[f"coaching.norm.{need}"]) / 4.0
    )


def coverage_rows(values: Mapping[str, object]) -> list[CoverageRow]:
    """The coverage check for every need level with coaching, from a scenario's parameter values."""
    fixed_first = _number(values["begeleidingspremie.fixed.first_quarters"])
    fixed_later = _number(values["begeleidingspremie.fixed.later_quarters"])
    rows = []
    for need in COACHED_NEEDS:
        variable = _number(values[f"begeleidingspremie.variable.{need}"])
        rows.append(
            CoverageRow(
                need=need,
                coaching_cost=coaching_cost_per_quarter(values, need),
                variable_part=variable,
                premium_first_quarters=fixed_first + variable,
                premium_later_quarters=fixed_later + variable,
            )
        )
    return rows
