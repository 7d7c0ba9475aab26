"""The single-case calculator's inputs, read from the dated parameters in force on a date, with a trace of every
legal value used (which parameter, in force from which date, its source and status).

The same rules as the projection: the degressive bands of the package in force in the quarter, a renewed package
(past its last quarter) at its last band's percentage, the cap from the GGMMI in force on the first of each month,
no begeleidingspremie for the self-employed (no source gives them one) and none without a need for coaching.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from data.parameter_store import Parameter, ParameterSet, load_parameters
from simulation.case import CaseError, CaseInput, CaseResult, band_percentage, compute_case

__all__ = [
    "CASE_PACKAGES",
    "CaseError",
    "CaseOutcome",
    "CaseResult",
    "TraceLine",
    "calculate",
    "whole_package",
]
from simulation.inputs import IMW_START

#: Package names on the command line and in the calculator -> (parameter key, number of bands, duration key).
CASE_PACKAGES: Final[dict[str, tuple[str, int, str]]] = {
    "2y": ("two_year", 2, "two_year"),
    "5y-standard": ("five_year_standard", 3, "five_year"),
    "5y-raised": ("five_year_raised", 3, "five_year"),
    "collective-advice": ("collective_advice", 3, "five_year"),
    "self-employed": ("self_employed", 0, "five_year"),
}
#: Packages that can be renewed at the end (the 2-year package cannot: the condition must improve).
RENEWABLE: Final = frozenset({"5y-standard", "5y-raised", "collective-advice", "self-employed"})
SELF_EMPLOYED: Final = "self-employed"


def _decimal(value: object) -> Decimal:
    return Decimal(str(value))


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}"


def quarter_months(on: dt.date) -> tuple[dt.date, dt.date, dt.date]:
    """The first day of each month of the quarter that holds `on`."""
    first = 3 * ((on.month - 1) // 3) + 1
    return (dt.date(on.year, first, 1), dt.date(on.year, first + 1, 1), dt.date(on.year, first + 2, 1))


def quarter_start(on: dt.date) -> dt.date:
    return quarter_months(on)[0]


def add_quarters(on: dt.date, quarters: int) -> dt.date:
    months = on.year * 12 + on.month - 1 + 3 * quarters
    return dt.date(months // 12, months % 12 + 1, 1)


@dataclass(frozen=True)
class TraceLine:
    """One legal value the calculation used: what it is, its value, the parameter, the date it is in force from,
    its source and its status; `note` says when it is the last known value past its date."""

    item: str
    value: str
    parameter: str
    in_force_from: dt.date
    source_title: str
    source_href: str
    status: str
    note: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "item": self.item,
            "value": self.value,
            "parameter": self.parameter,
            "in_force_from": self.in_force_from.isoformat(),
            "source": self.source_title,
            "href": self.source_href,
            "status": self.status,
            "note": self.note,
        }


@dataclass
class _Tracer:
    parameters: ParameterSet
    lines: list[TraceLine] = field(default_factory=list)

    def read(self, name: str, on: dt.date, item: str) -> object:
        parameter: Parameter = self.parameters[name]
        try:
            entry = parameter.entry_at(on)
        except LookupError:
            first = min(e.start for e in parameter.values)
            raise CaseError(
                f"date {on.isoformat()}: {item} has no legal value before {first.isoformat()}"
            ) from None
        later = [e.start for e in parameter.values if e.start > entry.start]
        note = ""
        if not later and on > entry.start and name == "ggmmi":
            note = "laatst bekende waarde; latere indexeringen zijn nog niet bekend"
        reference = parameter.reference
        if not any(line.parameter == name and line.in_force_from == entry.start for line in self.lines):
            self.lines.append(
                TraceLine(
                    item=item,
                    value=str(entry.value),
                    parameter=name,
                    in_force_from=entry.start,
                    source_title=reference.title if reference else "",
                    source_href=reference.href if reference else "",
                    status=entry.status,
                    note=note,
                )
            )
        return entry.value


@dataclass(frozen=True)
class CaseOutcome:
    """The result of one case, the quarter it is for, and the trace of the legal values used; whether the package
    was renewed (past its last quarter) and whether it is the self-employed package (no begeleidingspremie)."""

    quarter_start: dt.date
    result: CaseResult
    trace: tuple[TraceLine, ...]
    renewed: bool
    self_employed: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "quarter_start": self.quarter_start.isoformat(),
            **self.result.as_dict(),
            "renewed": self.renewed,
            "self_employed_without_coaching_premium": self.self_employed,
            "trace": [line.as_dict() for line in self.trace],
        }


def package_percentage(
    package: str, quarter: int, on: dt.date, parameters: ParameterSet | None = None
) -> Decimal:
    """The percentage of a start package in a quarter of employment, under the parameters in force on `on`;
    past the package's last quarter (a renewal), the last band's percentage."""
    tracer = _Tracer(parameters or load_parameters())
    return _package_percentage(tracer, package, quarter, on)[0]


def _package_percentage(tracer: _Tracer, package: str, quarter: int, on: dt.date) -> tuple[Decimal, bool]:
    if package not in CASE_PACKAGES or package == SELF_EMPLOYED:
        allowed = [p for p in CASE_PACKAGES if p != SELF_EMPLOYED]
        raise CaseError(f"package {package!r} is not one of {', '.join(allowed)}")
    key, n_bands, duration_key = CASE_PACKAGES[package]
    duration = int(
        tracer.read(f"loonpremie.package.duration_quarters.{duration_key}", on, "looptijd van het pakket")
    )  # type: ignore[call-overload]
    renewed = quarter > duration
    if renewed and package not in RENEWABLE:
        raise CaseError(
            f"quarter {quarter} is past the end of the {package} package ({duration} quarters), which cannot be renewed"
        )
    bands = [
        float(tracer.read(f"loonpremie.package.{key}.band_{i}", on, f"percentage band {i}"))  # type: ignore[arg-type]
        for i in range(1, n_bands + 1)
    ]
    ends = [
        int(tracer.read(f"loonpremie.package.band_end_quarter.band_{i}", on, f"einde band {i}"))  # type: ignore[call-overload]
        for i in (1, 2)
    ]
    return _decimal(band_percentage(bands, ends, duration, min(quarter, duration))), renewed


def check_percentage(percentage: Decimal, on: dt.date, parameters: ParameterSet | None = None) -> Decimal:
    """A percentage set by VDAB: from the minimum to the maximum in steps (20 % to 75 % by 5 %)."""
    return _check_percentage(_Tracer(parameters or load_parameters()), percentage, on, self_employed=False)


def _check_percentage(tracer: _Tracer, percentage: Decimal, on: dt.date, self_employed: bool) -> Decimal:
    low = _decimal(tracer.read("loonpremie.package.percentage_bounds.minimum", on, "laagste percentage"))
    high = _decimal(tracer.read("loonpremie.package.percentage_bounds.maximum", on, "hoogste percentage"))
    step = _decimal(tracer.read("loonpremie.package.percentage_bounds.step", on, "stap van het percentage"))
    if self_employed:
        high = min(high, Decimal("0.55"))  # VLAIO: 20 % to 55 % for the self-employed
    if not low <= percentage <= high or (percentage - low) % step != 0:
        who = "a self-employed person" if self_employed else "VDAB"
        raise CaseError(
            f"percentage {_percent(percentage)} is not allowed for {who}: use {_percent(low)} to {_percent(high)} "
            f"in steps of {_percent(step)} (for example 40)"
        )
    return percentage


def calculate(
    on: dt.date,
    referteloon: Decimal,
    fte: Decimal,
    quarter: int,
    coaching: str,
    package: str | None = None,
    percentage: Decimal | None = None,
    hours_share: Decimal | None = None,
    parameters: ParameterSet | None = None,
) -> CaseOutcome:
    """One case under the law in force in the quarter of `on`, with its trace.

    Give `package` (the percentage follows from the quarter of employment), or `percentage` (a share set by VDAB),
    or the self-employed package with its percentage. `hours_share` is the share of a full-time quarter worked
    (at most the part-time fraction); it defaults to the part-time fraction.
    """
    tracer = _Tracer(parameters or load_parameters())
    start = quarter_start(on)
    if on < IMW_START:
        raise CaseError(f"date {on.isoformat()} is before 1 July 2023, when individueel maatwerk started")
    if quarter < 1:
        raise CaseError(f"quarter {quarter} is not allowed: the first quarter of employment is 1")
    first_quarter = add_quarters(start, -(quarter - 1))
    if first_quarter < IMW_START:
        latest = (start.year - IMW_START.year) * 4 + (start.month - IMW_START.month) // 3 + 1
        raise CaseError(
            f"quarter {quarter} of employment in the quarter of {on.isoformat()} would have started on "
            f"{first_quarter.isoformat()}, before individueel maatwerk started (1 July 2023); use a quarter from 1 "
            f"to {latest}"
        )
    if not Decimal(0) < fte <= Decimal(1):
        raise CaseError(f"fte {fte} is not allowed: give a part-time fraction above 0 and at most 1")
    hours = fte if hours_share is None else hours_share
    if not Decimal(0) <= hours <= fte:
        raise CaseError(
            f"hours {hours} is not allowed: give the share of a full-time quarter worked, from 0 to the part-time "
            f"fraction ({fte})"
        )
    self_employed = package == SELF_EMPLOYED
    renewed = False
    if self_employed:
        if percentage is None:
            raise CaseError("the self-employed package needs a percentage from VLAIO (20 to 55)")
        applied = _check_percentage(tracer, percentage, start, self_employed=True)
        duration = int(
            tracer.read("loonpremie.package.duration_quarters.five_year", start, "looptijd van het pakket")
        )  # type: ignore[call-overload]
        renewed = quarter > duration
    elif package is not None and percentage is not None:
        raise CaseError("give either a package or a percentage, not both (except for the self-employed)")
    elif percentage is not None:
        applied = _check_percentage(tracer, percentage, start, self_employed=False)
        duration = int(
            tracer.read("loonpremie.package.duration_quarters.five_year", start, "looptijd van het pakket")
        )  # type: ignore[call-overload]
        renewed = quarter > duration
    elif package is not None:
        applied, renewed = _package_percentage(tracer, package, quarter, start)
    else:
        raise CaseError("give a package or a percentage")
    months = quarter_months(on)
    ggmmi = tuple(_decimal(tracer.read("ggmmi", month, "GGMMI")) for month in months)
    case = CaseInput(
        ggmmi_by_month=(ggmmi[0], ggmmi[1], ggmmi[2]),
        cap_multiple=_decimal(tracer.read("loonpremie.cap", start, "plafond (veelvoud van het GGMMI)")),
        referteloon=referteloon,
        fte=fte,
        percentage=applied,
        quarter=quarter,
        coaching="none" if self_employed else coaching,
        hours_share=hours,
        fixed_first=_decimal(
            tracer.read("begeleidingspremie.fixed.first_quarters", start, "vast deel, eerste kwartalen")
        ),
        fixed_later=_decimal(
            tracer.read("begeleidingspremie.fixed.later_quarters", start, "vast deel, later")
        ),
        fixed_end_quarter=int(
            tracer.read("begeleidingspremie.fixed_end_quarter", start, "einde hoger vast deel")
        ),  # type: ignore[call-overload]
        variable={
            need: _decimal(
                tracer.read(f"begeleidingspremie.variable.{need}", start, f"variabel deel, {need}")
            )
            for need in ("low", "medium", "high")
        },
    )
    # No source gives the self-employed a begeleidingspremie (vlaio.be names only the 20-55 % premium).
    return CaseOutcome(
        quarter_start=start,
        result=compute_case(case),
        trace=tuple(tracer.lines),
        renewed=renewed,
        self_employed=self_employed,
    )


def whole_package(
    first_day: dt.date,
    referteloon: Decimal,
    fte: Decimal,
    coaching: str,
    package: str | None = None,
    percentage: Decimal | None = None,
    hours_share: Decimal | None = None,
    parameters: ParameterSet | None = None,
) -> Iterator[CaseOutcome]:
    """The premium quarter by quarter from the first quarter of employment (the quarter of `first_day`) to the end
    of the package, each quarter under the law in force then (the last known GGMMI past its date)."""
    parameters = parameters or load_parameters()
    key = CASE_PACKAGES.get(package or "5y-standard", CASE_PACKAGES["5y-standard"])[2]
    duration = int(parameters[f"loonpremie.package.duration_quarters.{key}"].at(quarter_start(first_day)))
    start = quarter_start(first_day)
    for quarter in range(1, duration + 1):
        yield calculate(
            add_quarters(start, quarter - 1), referteloon, fte, quarter, coaching, package, percentage, hours_share,
            parameters,
        )  # fmt: skip
