"""The calculator "Wat krijgt een werkgever?" (pages/calculator.py), its texts, fields and result: the
loonpremie and begeleidingspremie of one worker in one quarter, and quarter by quarter over the whole package
(issue 10).

Every figure comes from `data.single_case.calculate` and `whole_package`, the functions behind `imw case`: the page
reads the fields, checks them with `case_problems` (the command line's check too) and shows what comes back, with
the legal values used (the trace). It applies no rule of its own.

The calculation lives in the link, one readable parameter per field, as the field shows it::

    /calculator?datum=2026-04-15&referteloon=3500&deeltijd=0,8&pakket=5y-standard&kwartaal=3&begeleiding=medium

``datum`` (YYYY-MM-DD), ``referteloon`` (euro), ``deeltijd`` (part-time fraction), ``pakket`` (a start package of
`CASE_PACKAGES`, or ``percentage`` for a percentage set by VDAB), ``percentage`` (20 to 75, with ``percentage`` or
``self-employed``), ``kwartaal`` (quarter of employment), ``begeleiding`` (none, low, medium, high) and ``uren``
(share of a full-time quarter worked; empty = the part-time fraction). A value of a link that the calculator
refuses is left out, with a notice, and the field's default is used.

`page_outputs` gives what the page shows for the fields' values (its layout and its callback both use it);
`read_link` reads a link.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from dash import html

from components.shell.formatting import NBSP, format_eur, format_number, format_percent
from components.shell.tables import scroll_region
from components.simulator.controls import source_title
from data.parameter_store import ParameterFileError
from data.single_case import (
    CASE_PACKAGES,
    LAST_DATE,
    SELF_EMPLOYED,
    CaseError,
    CaseOutcome,
    TraceLine,
    add_quarters,
    calculate,
    case_problems,
    quarter_start,
    whole_package,
)
from i18n import has_text, normalise_language, t
from simulation.case import COACHING_LEVELS
from simulation.inputs import IMW_START

PATH: Final = "/calculator"
#: The package choice for a percentage set by VDAB (no start package).
BY_PERCENTAGE: Final = "percentage"
PACKAGE_CHOICES: Final = (*CASE_PACKAGES, BY_PERCENTAGE)
#: The fields: their name in the link, in this order.
FIELDS: Final = (
    "datum",
    "referteloon",
    "deeltijd",
    "pakket",
    "percentage",
    "kwartaal",
    "begeleiding",
    "uren",
)
#: Each field of the data layer (CaseError.field) -> the calculator's field.
CASE_FIELDS: Final = {
    "date": "datum",
    "referteloon": "referteloon",
    "fte": "deeltijd",
    "package": "pakket",
    "percentage": "percentage",
    "quarter": "kwartaal",
    "coaching": "begeleiding",
    "hours": "uren",
}
MAX_TEXT: Final = 40
RESULT_ID: Final = "calc-result"
STATE_ID: Final = "calc-state"
LANGUAGE_ID: Final = "calc-language"
URL_SYNC_ID: Final = "calc-url-sync"


MONTHS: Final = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}  # fmt: skip


def default_values(today: dt.date | None = None) -> dict[str, str]:
    """The fields of a calculator opened without a link: today, a full-time worker in quarter 1 of the standard
    5-year package, a referteloon of EUR 9.000, a medium need for coaching."""
    on = min(max(today or dt.date.today(), IMW_START), LAST_DATE)
    return {
        "datum": on.isoformat(),
        "referteloon": "9000",
        "deeltijd": "1",
        "pakket": "5y-standard",
        "percentage": "",
        "kwartaal": "1",
        "begeleiding": "medium",
        "uren": "",
    }


def long_date(on: dt.date, language: str) -> str:
    return f"{on.day} {MONTHS[normalise_language(language)][on.month - 1]} {on.year}"


def _format_params(params: Mapping[str, object], language: str) -> dict[str, str]:
    shown: dict[str, str] = {}
    for name, value in params.items():
        if isinstance(value, dt.date):
            shown[name] = long_date(value, language)
        elif isinstance(value, Decimal) and name in ("low", "high", "step"):
            shown[name] = format_number(float(value * 100))
        elif isinstance(value, Decimal) and name == "maximum":
            shown[name] = format_number(float(value))
        elif isinstance(value, Decimal):
            shown[name] = format_number(float(value), 4).rstrip("0").rstrip(",")
        else:
            shown[name] = str(value)
    return shown


def case_error_text(error: CaseError, language: str) -> str:
    """A CaseError of the data layer in the page's language: its own text when the calculator has one for its
    code, else the field's message."""
    field = CASE_FIELDS.get(error.field, "")
    params = _format_params(error.params, language)
    for key in (f"calc.error.{error.code}", f"calc.error.{field}"):
        try:
            template = t(key, language)
        except KeyError:
            continue
        try:
            return template.format(**params)
        except (KeyError, IndexError):
            continue
    return t("calc.error.summary", language)


# --- reading the fields -----------------------------------------------------------------------------------------

_AMOUNT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def parse_decimal(text: str, amount: bool = False) -> Decimal:
    """A number as a Belgian reader writes it (9.000,50, 0,8, 9000.50); an amount may have thousands dots.
    Raises ValueError when it is no finite number."""
    cleaned = text.strip().replace("€", "").replace("%", "").replace(" ", "").replace(NBSP, "")
    if not cleaned or len(cleaned) > MAX_TEXT:
        raise ValueError(text)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".") if amount else cleaned.replace(",", ".")
    elif amount and _AMOUNT_THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(text) from None
    if not value.is_finite():
        raise ValueError(text)
    return value


@dataclass(frozen=True)
class Reading:
    """The fields read: the case's arguments, or a message per field that could not be read or is refused."""

    on: dt.date | None
    referteloon: Decimal | None
    fte: Decimal | None
    package: str | None
    percentage: Decimal | None
    quarter: int | None
    coaching: str | None
    hours: Decimal | None
    errors: dict[str, str]


def _text(value: object) -> str:
    if value is None or isinstance(value, (list, dict, tuple)):
        return ""
    return str(value)[: MAX_TEXT * 4]


def read_fields(values: Mapping[str, object], language: str) -> Reading:
    """Read and check every field; each problem is said at its field, in the page's language."""
    errors: dict[str, str] = {}
    texts = {name: _text(values.get(name)) for name in FIELDS}

    def number(name: str, example: str, amount: bool = False, optional: bool = False) -> Decimal | None:
        if not texts[name].strip():
            if not optional:
                errors[name] = t("calc.error.empty", language)
            return None
        try:
            return parse_decimal(texts[name], amount)
        except ValueError:
            shown = texts[name].strip()
            shown = shown if len(shown) <= 20 else shown[:20] + "…"
            errors[name] = t("calc.error.number", language).format(value=shown, example=example)
            return None

    on: dt.date | None = None
    try:
        on = dt.date.fromisoformat(texts["datum"].strip())
    except ValueError:
        errors["datum"] = t("calc.error.datum", language)
    referteloon = number("referteloon", "9.000,00" if language == "nl" else "9000.00", amount=True)
    fte = number("deeltijd", "0,8" if language == "nl" else "0.8")
    package = texts["pakket"] if texts["pakket"] in PACKAGE_CHOICES else None
    if package is None:
        errors["pakket"] = t("calc.error.pakket", language)
    percentage_shown = number("percentage", "40", optional=True)
    quarter: int | None = None
    if not texts["kwartaal"].strip():
        errors["kwartaal"] = t("calc.error.empty", language)
    elif re.fullmatch(r"\s*\d{1,6}\s*", texts["kwartaal"]):
        quarter = int(texts["kwartaal"])
    else:
        errors["kwartaal"] = t("calc.error.kwartaal.whole", language)
    coaching = texts["begeleiding"] if texts["begeleiding"] in COACHING_LEVELS else None
    if coaching is None:
        errors["begeleiding"] = t("calc.error.begeleiding", language)
    hours = number("uren", "0,75" if language == "nl" else "0.75", optional=True)
    percentage = percentage_shown.scaleb(-2) if percentage_shown is not None else None
    needs_percentage = package in (BY_PERCENTAGE, SELF_EMPLOYED)
    if needs_percentage and percentage is None and "percentage" not in errors:
        code = (
            "calc.error.percentage.self_employed_needed"
            if package == SELF_EMPLOYED
            else "calc.error.percentage"
        )
        errors["percentage"] = t(code, language)
    if not needs_percentage and percentage is not None and package is not None:
        errors["percentage"] = t("calc.error.percentage.and_package", language)
    # The data layer's own check of what could be read (the one `imw case` makes).
    if on is not None and referteloon is not None and fte is not None and coaching is not None:
        for problem in case_problems(on, referteloon, fte, quarter, coaching, percentage, hours):
            field = CASE_FIELDS.get(problem.field, "")
            if field and field not in errors:
                errors[field] = case_error_text(problem, language)
    return Reading(on, referteloon, fte, package, percentage, quarter, coaching, hours, errors)


@dataclass(frozen=True)
class Calculation:
    """What the page shows: the quarter, the whole package (or why not), and a message per field."""

    outcome: CaseOutcome | None
    package_rows: list[CaseOutcome]
    package_problem: str
    errors: dict[str, str]
    first_quarter: dt.date | None = None


def compute(values: Mapping[str, object], language: str) -> Calculation:
    """The case of the fields, with `calculate` and `whole_package` (the functions of `imw case`)."""
    reading = read_fields(values, language)
    if reading.errors:
        return Calculation(None, [], "", reading.errors)
    assert reading.on is not None and reading.referteloon is not None and reading.fte is not None
    assert reading.quarter is not None and reading.coaching is not None
    package = None if reading.package == BY_PERCENTAGE else reading.package
    try:
        outcome = calculate(
            reading.on, reading.referteloon, reading.fte, reading.quarter, reading.coaching, package,
            reading.percentage, reading.hours,
        )  # fmt: skip
    except CaseError as error:
        field = CASE_FIELDS.get(error.field, "pakket")
        return Calculation(None, [], "", {field: case_error_text(error, language)})
    except ParameterFileError:
        return Calculation(None, [], t("calc.error.unavailable", language), {})
    first = add_quarters(quarter_start(reading.on), -(reading.quarter - 1))
    rows: list[CaseOutcome] = []
    problem = ""
    try:
        rows = list(
            whole_package(first, reading.referteloon, reading.fte, reading.coaching, package, reading.percentage,
                          reading.hours)
        )  # fmt: skip
    except CaseError as error:
        problem = case_error_text(error, language)
    return Calculation(outcome, rows, problem, {}, first)


# --- the result -------------------------------------------------------------------------------------------------


def _region(table: Any, caption: str) -> html.Div:
    """A table in the portal's focusable, labelled region that scrolls sideways inside itself."""
    return scroll_region(table, caption)


def _eur(value: Decimal) -> str:
    return format_eur(float(value), 2)


def percentage_note(outcome: CaseOutcome, language: str) -> str:
    if outcome.self_employed:
        note = t("calc.band.vlaio", language)
    elif outcome.band is None:
        note = t("calc.band.vdab", language)
    else:
        note = t("calc.band", language).format(band=outcome.band)
    if outcome.renewed:
        note += "; " + t("calc.renewed", language)
    return note


def result_table(outcome: CaseOutcome, language: str) -> html.Div:
    r = outcome.result
    lines = [
        (t("calc.line.cap", language), _eur(r.cap_eur)),
        (t("calc.line.capped", language), _eur(r.capped_referteloon_eur)),
        (
            t("calc.line.percentage", language),
            f"{format_percent(float(r.percentage))} ({percentage_note(outcome, language)})",
        ),
        (t("calc.line.loonpremie", language), _eur(r.loonpremie_eur)),
        (t("calc.line.fixed", language), _eur(r.begeleidingspremie_fixed_eur)),
        (t("calc.line.variable", language), _eur(r.begeleidingspremie_variable_eur)),
        (t("calc.line.coaching", language), _eur(r.begeleidingspremie_eur)),
    ]
    caption = t("calc.result.caption", language)
    strong = {t("calc.line.loonpremie", language), t("calc.line.coaching", language)}
    body = [
        html.Tr(
            [
                html.Th(name, scope="row", className="fw-semibold" if name in strong else "fw-normal"),
                html.Td(html.Strong(value) if name in strong else value, className="text-end text-nowrap"),
            ]
        )
        for name, value in lines
    ]
    return _region(
        html.Table(
            [
                html.Caption(caption, className="caption-top"),
                html.Thead(
                    html.Tr(
                        [
                            html.Th(t("calc.result.item", language), scope="col"),
                            html.Th(t("calc.result.amount", language), scope="col", className="text-end"),
                        ]
                    )
                ),
                html.Tbody(body),
            ],
            className="table table-sm calc-result-table mb-2",
        ),
        caption,
    )


def trace_item(line: TraceLine, language: str) -> Any:
    """What a legal value is, in the page's language (the trace names it in Dutch)."""
    name = line.parameter
    band = re.search(r"band_(\d)$", name)
    key = ""
    params: dict[str, str] = {}
    if name.startswith("loonpremie.package.duration_quarters."):
        key = "calc.item.duration"
    elif name.startswith("loonpremie.package.band_end_quarter.") and band:
        key, params = "calc.item.band_end", {"band": band.group(1)}
    elif name.startswith("loonpremie.package.") and band:
        key, params = "calc.item.band", {"band": band.group(1)}
    elif name == "ggmmi":
        key = "calc.item.ggmmi"
    elif name == "loonpremie.cap":
        key = "calc.item.cap"
    elif name == "begeleidingspremie.fixed.first_quarters":
        key = "calc.item.fixed_first"
    elif name == "begeleidingspremie.fixed.later_quarters":
        key = "calc.item.fixed_later"
    elif name == "begeleidingspremie.fixed_end_quarter":
        key = "calc.item.fixed_end"
    elif name.startswith("begeleidingspremie.variable.") and name.rsplit(".", 1)[1] in COACHING_LEVELS:
        key, params = "calc.item.variable", {"need": t(f"calc.coaching.{name.rsplit('.', 1)[1]}", language)}
    elif name.startswith("loonpremie.package.percentage_bounds."):
        key = f"calc.item.{name.rsplit('.', 1)[1]}"
    if key:
        try:
            return t(key, language).format(**params)
        except KeyError:
            pass
    return html.Span(line.item, lang="nl") if language != "nl" else line.item


def trace_value(line: TraceLine, language: str) -> str:
    """The legal value in its unit, the Belgian way."""
    name = line.parameter
    try:
        value = Decimal(line.value)
    except InvalidOperation:
        return line.value
    if name.startswith("loonpremie.package.duration_quarters."):
        return t("calc.unit.quarters", language).format(value=format_number(float(value)))
    if "band_end_quarter" in name or name == "begeleidingspremie.fixed_end_quarter":
        return t("calc.unit.quarter", language).format(value=format_number(float(value)))
    if name == "ggmmi":
        return t("calc.unit.per_month", language).format(value=_eur(value))
    if name == "loonpremie.cap":
        return t("calc.unit.multiple", language).format(value=format_number(float(value)))
    if name.startswith("begeleidingspremie."):
        return t("calc.unit.per_quarter", language).format(value=_eur(value))
    return format_percent(float(value))


def trace_source(line: TraceLine, language: str) -> Any:
    """The reference of a legal value as a link with its title in the reader's language (never a file or an id)."""
    title = source_title(line.source_title, line.source_title_en, language)
    if line.source_href.startswith(("https://", "http://")):
        return html.A(title, href=line.source_href, rel="noopener")
    return title


def trace_table(outcome: CaseOutcome, language: str) -> html.Div:
    caption = t("calc.trace.caption", language)
    rows = []
    for line in outcome.trace:
        status = t(f"status.{line.status}", language) if has_text(f"status.{line.status}") else line.status
        note = t("calc.trace.last_known", language) if line.note else ""
        rows.append(
            html.Tr(
                [
                    html.Th(trace_item(line, language), scope="row", className="fw-normal"),
                    html.Td(trace_value(line, language), className="text-nowrap"),
                    html.Td(long_date(line.in_force_from, language), className="text-nowrap"),
                    html.Td(trace_source(line, language)),
                    html.Td([status, *([html.Br(), html.Small(note)] if note else [])]),
                ]
            )
        )
    header = html.Tr(
        [
            html.Th(t(f"calc.trace.{name}", language), scope="col")
            for name in ("item", "value", "from", "source", "status")
        ]
    )
    return _region(
        html.Table(
            [html.Caption(caption, className="caption-top"), html.Thead(header), html.Tbody(rows)],
            className="table table-sm table-striped calc-trace-table small mb-2",
        ),
        caption,
    )


def package_table(calculation: Calculation, quarter: int, language: str) -> html.Div:
    caption = t("calc.whole.caption", language)
    rows = []
    for number, row in enumerate(calculation.package_rows, start=1):
        r = row.result
        this = number == quarter
        heading: list[Any] = [
            str(number),
            *([" ", html.Small(t("calc.whole.this", language))] if this else []),
        ]
        rows.append(
            html.Tr(
                [
                    html.Th(heading, scope="row"),
                    html.Td(long_date(row.quarter_start, language), className="text-nowrap"),
                    html.Td(format_percent(float(r.percentage)), className="text-end"),
                    html.Td(_eur(r.loonpremie_eur), className="text-end text-nowrap"),
                    html.Td(_eur(r.begeleidingspremie_eur), className="text-end text-nowrap"),
                ],
                className="table-active" if this else None,
            )
        )
    loonpremie = sum((row.result.loonpremie_eur for row in calculation.package_rows), Decimal(0))
    coaching = sum((row.result.begeleidingspremie_eur for row in calculation.package_rows), Decimal(0))
    header = html.Tr(
        [
            html.Th(t("calc.whole.quarter", language), scope="col"),
            html.Th(t("calc.whole.start", language), scope="col"),
            html.Th(t("calc.line.percentage", language), scope="col", className="text-end"),
            html.Th("Loonpremie", scope="col", className="text-end"),
            html.Th("Begeleidingspremie", scope="col", className="text-end"),
        ]
    )
    footer = html.Tr(
        [
            html.Th(t("calc.whole.total", language), scope="row", colSpan=3),
            html.Td(html.Strong(_eur(loonpremie)), className="text-end text-nowrap"),
            html.Td(html.Strong(_eur(coaching)), className="text-end text-nowrap"),
        ]
    )
    return _region(
        html.Table(
            [
                html.Caption(caption, className="caption-top"),
                html.Thead(header),
                html.Tbody(rows),
                html.Tfoot(footer),
            ],
            className="table table-sm table-striped calc-package-table mb-2",
        ),
        caption,
    )


def result_block(calculation: Calculation, language: str, quarter: int | None) -> list[Any]:
    """The result region's content: the quarter, its legal values, and the whole package."""
    outcome = calculation.outcome
    if outcome is None:
        text = calculation.package_problem or t("calc.error.summary", language)
        return [html.P(text, className="alert alert-warning py-2 mb-0")]
    assert quarter is not None
    children: list[Any] = [
        html.H2(
            t("calc.result.title", language).format(
                quarter=long_date(outcome.quarter_start, language), number=quarter
            ),
            className="h4",
        ),
        result_table(outcome, language),
    ]
    if outcome.self_employed:
        children.append(html.P(t("calc.self_employed", language), className="small"))
    children += [
        html.H3(t("calc.trace.title", language), className="h5 mt-3"),
        trace_table(outcome, language),
        html.H3(t("calc.whole.title", language), className="h5 mt-3"),
        html.P(t("calc.whole.lead", language), className="small"),
    ]
    if outcome.renewed:
        children.append(html.P(t("calc.whole.renewed", language), className="small"))
    if calculation.package_problem:
        children.append(html.P(calculation.package_problem, className="alert alert-warning py-2"))
    else:
        children.append(package_table(calculation, quarter, language))
    return children


def field_id(name: str) -> str:
    return f"calc-{name}"


def feedback_id(name: str) -> str:
    return f"calc-{name}-feedback"


def help_id(name: str) -> str:
    return f"calc-{name}-help"


def options(kind: str, language: str) -> list[dict[str, str]]:
    """The choices of the package or the need for coaching, in the page's language."""
    if kind == "pakket":
        return [{"label": t(f"calc.package.{p}", language), "value": p} for p in PACKAGE_CHOICES]
    return [{"label": t(f"calc.coaching.{c}", language), "value": c} for c in COACHING_LEVELS]


def page_outputs(
    values: Mapping[str, object], language: str
) -> tuple[dict[str, str], list[Any], dict[str, str]]:
    """{field: message}, the result region's content and the state for the link, for the fields' values."""
    calculation = compute(values, language)
    quarter = None
    if calculation.outcome is not None:
        quarter = int(_text(values.get("kwartaal")))
    state = {name: _text(values.get(name)).strip() for name in FIELDS}
    return calculation.errors, result_block(calculation, language, quarter), state


def read_link(
    query: Mapping[str, object], language: str, today: dt.date | None = None
) -> tuple[dict[str, str], list[str]]:
    """The fields a link gives, and the names of the link's values that were refused (their default is used)."""
    values = default_values(today)
    given = {name: query[name] for name in FIELDS if name in query}
    for name, value in given.items():
        values[name] = _text(value).strip() if isinstance(value, str) else ""
    refused: list[str] = []
    for _ in range(3):  # a default can make another link value right or wrong (a quarter against a date)
        errors = read_fields(values, language).errors
        wrong = [name for name in errors if name in given and name not in refused]
        if not wrong:
            break
        defaults = default_values(today)
        for name in wrong:
            values[name] = defaults[name]
            refused.append(name)
    if read_fields(values, language).errors:  # what is left wrong comes from defaults with the link's values
        for name in given:
            if name not in refused:
                refused.append(name)
        values = default_values(today)
    return values, [name for name in FIELDS if name in refused]


#: The dates the calculator takes (from the start of the scheme to the last date of the dated law), for the page.
DATE_RANGE: Final = (IMW_START, LAST_DATE)
