"""The single case: what one employer receives for one worker in one quarter, to the cent.

The same band logic builds the percentage schedules of the projection (``percentage_schedule``), so that the
calculator proves that the model reads the law right.

References
----------
Decreet van 14 januari 2022; BVR van 15 juli 2022; amounts and bands in data/parameters/ with their sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

COACHING_LEVELS: Final = ("none", "low", "medium", "high")
CENT: Final = Decimal("0.01")


class CaseError(ValueError):
    """A case the law does not cover; the message names the field, the value and what is allowed.

    `field` names the input at fault (date, referteloon, fte, package, percentage, quarter, coaching, hours) and
    `code` the kind of problem, with `params` the values its message uses: so that a page can say it at the
    field, in its own language.
    """

    def __init__(
        self, message: str, field: str = "", code: str = "", params: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.code = code
        self.params: dict[str, object] = dict(params or {})


def euro(value: Decimal) -> Decimal:
    """Round to the cent, half up (as a payment is rounded)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def band_number(band_ends: Sequence[int], n_bands: int, duration: int, quarter: int) -> int:
    """The band (1 = the first) of a degressive package in `quarter` of employment; see `band_percentage`."""
    if not 1 <= quarter <= duration:
        raise CaseError(
            f"quarter of employment {quarter} is outside the package, which runs from quarter 1 to {duration}",
            field="quarter",
            code="quarter.outside_package",
            params={"duration": duration},
        )
    for number, end in enumerate(band_ends[: n_bands - 1], start=1):
        if quarter <= end:
            return number
    return n_bands


def band_percentage(
    band_percentages: Sequence[float], band_ends: Sequence[int], duration: int, quarter: int
) -> float:
    """The percentage of a degressive package in `quarter` of employment (1 = the first).

    Band i applies up to and including quarter ``band_ends[i]``; the last band runs to the end of the package.

    Parameters
    ----------
    band_percentages : percentages of the bands [share of the capped referteloon].
    band_ends : last quarter of each band but the last [quarter of employment].
    duration : length of the package [quarters].
    quarter : quarter of employment [1 .. duration].
    """
    return band_percentages[band_number(band_ends, len(band_percentages), duration, quarter) - 1]


def percentage_schedule(
    band_percentages: Sequence[float], band_ends: Sequence[int], duration: int, n_slots: int
) -> list[float]:
    """The percentage for quarters 1 .. n_slots; quarters past the package get the last band (a renewal)."""
    return [
        band_percentage(band_percentages, band_ends, duration, min(quarter, duration))
        for quarter in range(1, n_slots + 1)
    ]


@dataclass(frozen=True)
class CaseInput:
    """One worker in one quarter.

    ggmmi_by_month : the GGMMI in force on the first day of each month of the quarter [EUR/month].
    cap_multiple : the cap as a multiple of the GGMMI per month [-].
    referteloon : the worker's referteloon for the quarter [EUR/quarter].
    fte : part-time fraction [0 < fte <= 1].
    percentage : loonpremie percentage [share].
    quarter : quarter of employment [1 ..].
    coaching : none, low, medium or high.
    hours_share : hours worked in the quarter as a share of a full-time quarter [0 .. 1].
    fixed_first, fixed_later : fixed begeleidingspremie up to and after ``fixed_end_quarter`` [EUR/quarter].
    variable : variable begeleidingspremie by need for a full-time quarter (low, medium, high) [EUR/quarter].
    """

    ggmmi_by_month: tuple[Decimal, Decimal, Decimal]
    cap_multiple: Decimal
    referteloon: Decimal
    fte: Decimal
    percentage: Decimal
    quarter: int
    coaching: str
    hours_share: Decimal
    fixed_first: Decimal
    fixed_later: Decimal
    fixed_end_quarter: int
    variable: dict[str, Decimal]


@dataclass(frozen=True)
class CaseResult:
    """What is due for the quarter, every amount in EUR, rounded to the cent."""

    cap_eur: Decimal
    capped_referteloon_eur: Decimal
    percentage: Decimal
    loonpremie_eur: Decimal
    begeleidingspremie_fixed_eur: Decimal
    begeleidingspremie_variable_eur: Decimal
    begeleidingspremie_eur: Decimal

    def as_dict(self) -> dict[str, float]:
        return {name: float(value) for name, value in self.__dict__.items()}


def compute_case(case: CaseInput) -> CaseResult:
    """The quarterly cap, the loonpremie and the begeleidingspremie of one case.

    cap = sum over the three months of cap_multiple x GGMMI(month) x fte (= 3 x 2 x GGMMI x fte when the
    GGMMI does not change within the quarter); loonpremie = percentage x min(referteloon, cap);
    begeleidingspremie = fixed part (by quarter of employment) + variable part x hours share, only with a need.
    """
    if not Decimal(0) < case.fte <= Decimal(1):
        raise CaseError(f"fte {case.fte} is not allowed: give a part-time fraction above 0 and at most 1")
    if case.referteloon < 0:
        raise CaseError(f"referteloon {case.referteloon} is negative: give the quarter's referteloon in euro")
    if not Decimal(0) <= case.hours_share <= Decimal(1):
        raise CaseError(f"hours {case.hours_share} is not allowed: give a share of the quarter from 0 to 1")
    if case.coaching not in COACHING_LEVELS:
        raise CaseError(f"coaching {case.coaching!r} is not one of {', '.join(COACHING_LEVELS)}")
    if case.quarter < 1:
        raise CaseError(f"quarter {case.quarter} is not allowed: the first quarter of employment is 1")
    cap = euro(sum((case.cap_multiple * month * case.fte for month in case.ggmmi_by_month), Decimal(0)))
    capped = min(case.referteloon, cap)
    loonpremie = euro(case.percentage * capped)
    if case.coaching == "none":
        fixed = variable = Decimal("0.00")
    else:
        fixed = euro(case.fixed_first if case.quarter <= case.fixed_end_quarter else case.fixed_later)
        variable = euro(case.variable[case.coaching] * case.hours_share)
    return CaseResult(
        cap_eur=cap,
        capped_referteloon_eur=euro(capped),
        percentage=case.percentage,
        loonpremie_eur=loonpremie,
        begeleidingspremie_fixed_eur=fixed,
        begeleidingspremie_variable_eur=variable,
        begeleidingspremie_eur=fixed + variable,
    )
