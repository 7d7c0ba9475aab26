"""The single-case calculator's inputs, read from the dated parameters in force on a date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

from data.parameter_store import ParameterSet, load_parameters
from simulation.case import CaseError, CaseInput, band_percentage

IMW_START: Final = dt.date(2023, 7, 1)

#: Package names on the command line and in the calculator -> parameter keys and number of bands.
CASE_PACKAGES: Final[dict[str, tuple[str, int, str]]] = {
    "2y": ("two_year", 2, "two_year"),
    "5y-standard": ("five_year_standard", 3, "five_year"),
    "5y-raised": ("five_year_raised", 3, "five_year"),
    "collective-advice": ("collective_advice", 3, "five_year"),
}


def _decimal(value: object) -> Decimal:
    return Decimal(str(value))


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}"


def quarter_months(on: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """The first day of each month of the quarter that holds `on`."""
    first = 3 * ((on.month - 1) // 3) + 1
    return (dt.date(on.year, first, 1), dt.date(on.year, first + 1, 1), dt.date(on.year, first + 2, 1))


def package_percentage(
    package: str, quarter: int, on: dt.date, parameters: ParameterSet | None = None
) -> Decimal:
    """The percentage of a start package in a quarter of employment, under the parameters in force on `on`."""
    parameters = parameters or load_parameters()
    if package not in CASE_PACKAGES:
        raise CaseError(f"package {package!r} is not one of {', '.join(CASE_PACKAGES)}")
    key, n_bands, duration_key = CASE_PACKAGES[package]
    bands = [float(parameters[f"loonpremie.package.{key}.band_{i}"].at(on)) for i in range(1, n_bands + 1)]
    ends = [int(parameters[f"loonpremie.package.band_end_quarter.band_{i}"].at(on)) for i in (1, 2)]
    duration = int(parameters[f"loonpremie.package.duration_quarters.{duration_key}"].at(on))
    return _decimal(band_percentage(bands, ends, duration, quarter))


def check_percentage(percentage: Decimal, on: dt.date, parameters: ParameterSet | None = None) -> Decimal:
    """A percentage set by VDAB: from the minimum to the maximum in steps (20 % to 75 % by 5 %)."""
    parameters = parameters or load_parameters()
    low = _decimal(parameters["loonpremie.package.percentage_bounds.minimum"].at(on))
    high = _decimal(parameters["loonpremie.package.percentage_bounds.maximum"].at(on))
    step = _decimal(parameters["loonpremie.package.percentage_bounds.step"].at(on))
    if not low <= percentage <= high or (percentage - low) % step != 0:
        raise CaseError(
            f"percentage {_percent(percentage)} is not allowed: use {_percent(low)} to {_percent(high)} "
            f"in steps of {_percent(step)} (for example 45)"
        )
    return percentage


def case_input(
    on: dt.date,
    referteloon: Decimal,
    fte: Decimal,
    quarter: int,
    coaching: str,
    package: str | None = None,
    percentage: Decimal | None = None,
    hours_share: Decimal | None = None,
    parameters: ParameterSet | None = None,
) -> CaseInput:
    """Build one case from the law in force in the quarter of `on`.

    Give either `package` (the percentage follows from the quarter of employment) or `percentage` (a share).
    `hours_share` is the share of a full-time quarter worked; it defaults to the part-time fraction.
    """
    parameters = parameters or load_parameters()
    if on < IMW_START:
        raise CaseError(f"date {on.isoformat()} is before 1 July 2023, when individueel maatwerk started")
    if (package is None) == (percentage is None):
        raise CaseError("give either a package or a percentage, not both and not neither")
    if percentage is not None:
        check_percentage(percentage, on, parameters)
        if not 1 <= quarter <= 20:
            raise CaseError(f"quarter {quarter} is not allowed: a package runs from quarter 1 to 20")
        applied = percentage
    else:
        assert package is not None
        applied = package_percentage(package, quarter, on, parameters)
    months = quarter_months(on)
    ggmmi = parameters["ggmmi"]
    return CaseInput(
        ggmmi_by_month=(
            _decimal(ggmmi.at(months[0])),
            _decimal(ggmmi.at(months[1])),
            _decimal(ggmmi.at(months[2])),
        ),
        cap_multiple=_decimal(parameters["loonpremie.cap"].at(on)),
        referteloon=referteloon,
        fte=fte,
        percentage=applied,
        quarter=quarter,
        coaching=coaching,
        hours_share=fte if hours_share is None else hours_share,
        fixed_first=_decimal(parameters["begeleidingspremie.fixed.first_quarters"].at(on)),
        fixed_later=_decimal(parameters["begeleidingspremie.fixed.later_quarters"].at(on)),
        fixed_end_quarter=int(parameters["begeleidingspremie.fixed_end_quarter"].at(on)),
        variable={
            need: _decimal(parameters[f"begeleidingspremie.variable.{need}"].at(on))
            for need in ("low", "medium", "high")
        },
    )
