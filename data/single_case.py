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
from simulation.case import COACHING_LEVELS, CaseError, CaseInput, CaseResult, band_number, compute_case

__all__ = [
    "CASE_PACKAGES",
    "CaseError",
    "CaseOutcome",
    "CaseResult",
    "TraceLine",
    "calculate",
    "case_problems",
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
#: The highest referteloon of a quarter taken in [EUR]: far above the cap (about EUR 13.000 for a full-time quarter
#: in 2026), so that no real wage is refused, while an absurd value (1e400) is, before it reaches the arithmetic.
MAX_REFERTELOON: Final = Decimal(1_000_000)
#: The last day a case can be asked for: the legal values are known up to 2026, later quarters use the last known.
LAST_DATE: Final = dt.date(2099, 12, 31)
#: The decimals a part-time fraction or a share of hours may have (0.8, 0.3333).
FRACTION_DECIMALS: Final = 4


def _decimal(value: object) -> Decimal:
    return Decimal(str(value))


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}"


def _shown(value: Decimal) -> str:
    """A number as the user gave it, shortened when it is absurdly long (1e400 is not written out in full)."""
    text = f"{value.normalize():f}" if value.is_finite() and abs(value.adjusted()) < 16 else str(value)
    return text if len(text) <= 24 else f"{value:.6e}"


def _plain(value: Decimal, lowest: Decimal, highest: Decimal, decimals: int) -> bool:
    """A finite number from `lowest` to `highest` with at most `decimals` decimals (1e-400 is no part-time)."""
    return (
        value.is_finite()
        and lowest <= value <= highest
        and int(value.normalize().as_tuple().exponent) >= -decimals
    )


def case_problems(
    on: dt.date,
    referteloon: Decimal,
    fte: Decimal,
    quarter: int | None,
    coaching: str,
    percentage: Decimal | None = None,
    hours_share: Decimal | None = None,
) -> list[CaseError]:
    """Every input of a case that no calculation can take, each as a CaseError with its field: a date outside
    individueel maatwerk (1 July 2023 to `LAST_DATE`), a referteloon that is not a number from 0 to
    `MAX_REFERTELOON`, a part-time fraction not above 0 and at most 1, a share of hours not from 0 to that
    fraction, a percentage that is not a finite share, a quarter of employment that would start before 1 July 2023.

    The command line and the calculator page both check with this function (`calculate` does too), so that what
    one refuses the other refuses with the same reason. `quarter` None is not checked (the whole package)."""
    problems: list[CaseError] = []
    if on < IMW_START:
        problems.append(
            CaseError(
                f"date {on.isoformat()} is before 1 July 2023, when individueel maatwerk started",
                field="date",
                code="date.before_start",
                params={"first": IMW_START},
            )
        )
    elif on > LAST_DATE:
        problems.append(
            CaseError(
                f"date {on.isoformat()} is after {LAST_DATE.isoformat()}: give a date up to then",
                field="date",
                code="date.too_late",
                params={"last": LAST_DATE},
            )
        )
    if not _plain(referteloon, Decimal(0), MAX_REFERTELOON, 2):
        problems.append(
            CaseError(
                f"referteloon {_shown(referteloon)} is not allowed: give the quarter's referteloon in euro, from 0 "
                f"to {MAX_REFERTELOON}, to the cent at most",
                field="referteloon",
                code="referteloon.range",
                params={"maximum": MAX_REFERTELOON},
            )
        )
    fte_ok = _plain(fte, Decimal(0), Decimal(1), FRACTION_DECIMALS) and fte > 0
    if not fte_ok:
        problems.append(
            CaseError(
                f"fte {_shown(fte)} is not allowed: give a part-time fraction above 0 and at most 1, with at most "
                f"{FRACTION_DECIMALS} decimals",
                field="fte",
                code="fte.range",
            )
        )
    if hours_share is not None and not _plain(
        hours_share, Decimal(0), fte if fte_ok else Decimal(1), FRACTION_DECIMALS
    ):
        problems.append(
            CaseError(
                f"hours {_shown(hours_share)} is not allowed: give the share of a full-time quarter worked, from 0 "
                f"to the part-time fraction ({_shown(fte) if fte_ok else 1}), with at most {FRACTION_DECIMALS} "
                "decimals",
                field="hours",
                code="hours.range",
                params={"fte": fte if fte_ok else Decimal(1)},
            )
        )
    if percentage is not None and not (percentage.is_finite() and Decimal(0) <= percentage <= Decimal(1)):
        problems.append(
            CaseError(
                f"percentage {_shown(percentage * 100) if percentage.is_finite() else percentage} is not allowed: "
                "give a percentage from 20 to 75 in steps of 5 (for example 40)",
                field="percentage",
                code="percentage.not_a_share",
            )
        )
    if coaching not in COACHING_LEVELS:
        problems.append(
            CaseError(
                f"coaching {coaching!r} is not one of {', '.join(COACHING_LEVELS)}",
                field="coaching",
                code="coaching.unknown",
            )
        )
    if quarter is not None:
        start = quarter_start(min(max(on, IMW_START), LAST_DATE))
        latest = (start.year - IMW_START.year) * 4 + (start.month - IMW_START.month) // 3 + 1
        if quarter < 1:
            problems.append(
                CaseError(
                    f"quarter {quarter} is not allowed: the first quarter of employment is 1",
                    field="quarter",
                    code="quarter.below_one",
                    params={"latest": latest},
                )
            )
        elif quarter > latest and IMW_START <= on <= LAST_DATE:
            problems.append(
                CaseError(
                    f"quarter {quarter} of employment in the quarter of {on.isoformat()} would have started "
                    f"before individueel maatwerk started (1 July 2023); use a quarter from 1 to {latest}",
                    field="quarter",
                    code="quarter.before_start",
                    params={"latest": latest},
                )
            )
    return problems


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
    source_title_en: str = ""

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
                f"date {on.isoformat()}: {item} has no legal value before {first.isoformat()}",
                field="date",
                code="date.no_value",
                params={"first": first},
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
                    source_title_en=reference.title_en if reference else "",
                    source_href=reference.href if reference else "",
                    status=entry.status,
                    note=note,
                )
            )
        return entry.value


@dataclass(frozen=True)
class CaseOutcome:
    """The result of one case, the quarter it is for, and the trace of the legal values used; whether the package
    was renewed (past its last quarter), whether it is the self-employed package (no begeleidingspremie), and the
    band of the package the percentage comes from (1 = the first; None for a percentage set by VDAB or VLAIO)."""

    quarter_start: dt.date
    result: CaseResult
    trace: tuple[TraceLine, ...]
    renewed: bool
    self_employed: bool = False
    band: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "quarter_start": self.quarter_start.isoformat(),
            **self.result.as_dict(),
            "band": self.band,
            "renewed": self.renewed,
            "self_employed_without_coaching_premium": self.self_employed,
            "trace": [line.as_dict() for line in self.trace],
        }


def _package_percentage(
    tracer: _Tracer, package: str, quarter: int, on: dt.date
) -> tuple[Decimal, bool, int]:
    """The percentage, whether the package is renewed, and the band (1 = the first) it comes from."""
    if package not in CASE_PACKAGES or package == SELF_EMPLOYED:
        allowed = [p for p in CASE_PACKAGES if p != SELF_EMPLOYED]
        raise CaseError(
            f"package {package!r} is not one of {', '.join(allowed)}", field="package", code="package.unknown"
        )
    key, n_bands, duration_key = CASE_PACKAGES[package]
    duration = int(
        tracer.read(f"loonpremie.package.duration_quarters.{duration_key}", on, "looptijd van het pakket")
    )  # type: ignore[call-overload]
    renewed = quarter > duration
    if renewed and package not in RENEWABLE:
        raise CaseError(
            f"quarter {quarter} is past the end of the {package} package ({duration} quarters), which cannot be "
            "renewed",
            field="quarter",
            code="quarter.not_renewable",
            params={"duration": duration},
        )
    bands = [
        float(tracer.read(f"loonpremie.package.{key}.band_{i}", on, f"percentage band {i}"))  # type: ignore[arg-type]
        for i in range(1, n_bands + 1)
    ]
    ends = [
        int(tracer.read(f"loonpremie.package.band_end_quarter.band_{i}", on, f"einde band {i}"))  # type: ignore[call-overload]
        for i in (1, 2)
    ]
    band = band_number(ends, n_bands, duration, min(quarter, duration))
    return _decimal(bands[band - 1]), renewed, band


def _check_percentage(tracer: _Tracer, percentage: Decimal, on: dt.date, self_employed: bool) -> Decimal:
    low = _decimal(tracer.read("loonpremie.package.percentage_bounds.minimum", on, "laagste percentage"))
    high = _decimal(tracer.read("loonpremie.package.percentage_bounds.maximum", on, "hoogste percentage"))
    step = _decimal(tracer.read("loonpremie.package.percentage_bounds.step", on, "stap van het percentage"))
    if self_employed:
        high = min(high, Decimal("0.55"))  # VLAIO: 20 % to 55 % for the self-employed
    if not low <= percentage <= high or (percentage - low) % step != 0:
        who = "a self-employed person" if self_employed else "VDAB"
        raise CaseError(
            f"percentage {_shown(percentage * 100)} is not allowed for {who}: use {_percent(low)} to "
            f"{_percent(high)} in steps of {_percent(step)} (for example 40)",
            field="percentage",
            code="percentage.self_employed_range" if self_employed else "percentage.range",
            params={"low": low, "high": high, "step": step},
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
    problems = case_problems(on, referteloon, fte, quarter, coaching, percentage, hours_share)
    if problems:
        raise problems[0]
    tracer = _Tracer(parameters or load_parameters())
    start = quarter_start(on)
    hours = fte if hours_share is None else hours_share
    band: int | None = None
    self_employed = package == SELF_EMPLOYED
    renewed = False
    if self_employed:
        if percentage is None:
            raise CaseError(
                "the self-employed package needs a percentage from VLAIO (20 to 55)",
                field="percentage",
                code="percentage.self_employed_needed",
            )
        applied = _check_percentage(tracer, percentage, start, self_employed=True)
        duration = int(
            tracer.read("loonpremie.package.duration_quarters.five_year", start, "looptijd van het pakket")
        )  # type: ignore[call-overload]
        renewed = quarter > duration
    elif package is not None and percentage is not None:
        raise CaseError(
            "give either a package or a percentage, not both (except for the self-employed)",
            field="percentage",
            code="percentage.and_package",
        )
    elif percentage is not None:
        applied = _check_percentage(tracer, percentage, start, self_employed=False)
        duration = int(
            tracer.read("loonpremie.package.duration_quarters.five_year", start, "looptijd van het pakket")
        )  # type: ignore[call-overload]
        renewed = quarter > duration
    elif package is not None:
        applied, renewed, band = _package_percentage(tracer, package, quarter, start)
    else:
        raise CaseError("give a package or a percentage", field="package", code="package.none")
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
        band=band,
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
    problems = case_problems(first_day, referteloon, fte, None, coaching, percentage, hours_share)
    if problems:
        raise problems[0]
    parameters = parameters or load_parameters()
    key = CASE_PACKAGES.get(package or "5y-standard", CASE_PACKAGES["5y-standard"])[2]
    duration = int(parameters[f"loonpremie.package.duration_quarters.{key}"].at(quarter_start(first_day)))
    start = quarter_start(first_day)
    if add_quarters(start, duration - 1) > LAST_DATE:
        raise CaseError(
            f"date {first_day.isoformat()}: the package would run past {LAST_DATE.isoformat()}; give an earlier "
            "first quarter",
            field="date",
            code="date.package_too_late",
            params={"last": LAST_DATE},
        )
    for quarter in range(1, duration + 1):
        yield calculate(
            add_quarters(start, quarter - 1), referteloon, fte, quarter, coaching, package, percentage, hours_share,
            parameters,
        )  # fmt: skip
