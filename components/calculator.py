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

from components.formatting import NBSP, format_eur, format_number, format_percent
from components.i18n import normalise_language, register, t
from components.tables import scroll_region
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

register(
    {
        "calc.nav": {"nl": "Wat krijgt een werkgever?", "en": "What does an employer get?"},
        "calc.nav_description": {
            "nl": "Reken de loonpremie en de begeleidingspremie uit voor één werknemer, per kwartaal en over het "
            "hele pakket.",
            "en": "Work out the wage premium (loonpremie) and the coaching premium (begeleidingspremie) for one "
            "worker, per quarter and over the whole package.",
        },
        "calc.lead": {
            "nl": "Vul het referteloon van het kwartaal en de gegevens van de tewerkstelling in. De calculator "
            "rekent met dezelfde regels en wettelijke waarden als het model van dit portaal.",
            "en": "Fill in the quarter's referteloon (reference wage) and the details of the job. The calculator "
            "uses the same rules and legal values as this portal's model.",
        },
        "calc.honest": {
            "nl": "Dit is een indicatie op basis van de wettelijke waarden die op de gekozen datum gelden, geen "
            "beslissing van VDAB of van de administratie. Wat de werkgever echt krijgt, staat in de beslissing "
            "van VDAB.",
            "en": "This is an indication based on the legal values in force on the chosen date, not a decision "
            "by VDAB or by the administration. What the employer actually receives is set in VDAB's decision.",
        },
        "calc.inputs": {"nl": "Gegevens", "en": "Details"},
        "calc.label.datum": {"nl": "Datum in het kwartaal", "en": "A date in the quarter"},
        "calc.help.datum": {
            "nl": "Een dag van het kwartaal waarvoor u rekent, vanaf 1 juli 2023.",
            "en": "A day in the quarter you calculate for, from 1 July 2023 on.",
        },
        "calc.label.referteloon": {
            "nl": "Referteloon van het kwartaal (euro)",
            "en": "The quarter's referteloon (reference wage, euro)",
        },
        "calc.help.referteloon": {
            "nl": "Het loon van het kwartaal waarop de loonpremie rust, bijvoorbeeld 9.000,00.",
            "en": "The wage of the quarter the premium is based on, for example 9,000.00.",
        },
        "calc.label.deeltijd": {"nl": "Deeltijdse breuk", "en": "Part-time fraction"},
        "calc.help.deeltijd": {
            "nl": "1 voor voltijds, 0,8 voor 80 %.",
            "en": "1 for full time, 0.8 for 80 %.",
        },
        "calc.label.pakket": {"nl": "Startpakket", "en": "Start package"},
        "calc.label.percentage": {"nl": "Percentage (%)", "en": "Percentage (%)"},
        "calc.help.percentage": {
            "nl": "Alleen bij een percentage van VDAB (20 tot 75) of bij zelfstandigen (VLAIO, 20 tot 55).",
            "en": "Only for a percentage set by VDAB (20 to 75) or for the self-employed (VLAIO, 20 to 55).",
        },
        "calc.label.kwartaal": {"nl": "Kwartaal van tewerkstelling", "en": "Quarter of employment"},
        "calc.help.kwartaal": {
            "nl": "1 is het eerste kwartaal; na het laatste kwartaal van het pakket: een verlenging.",
            "en": "1 is the first quarter; past the last quarter of the package: a renewal.",
        },
        "calc.label.begeleiding": {"nl": "Nood aan begeleiding", "en": "Need for coaching"},
        "calc.label.uren": {
            "nl": "Aandeel gewerkte uren (leeg = de deeltijdse breuk)",
            "en": "Share of hours worked (empty = the part-time fraction)",
        },
        "calc.help.uren": {
            "nl": "Het aandeel van een voltijds kwartaal dat gewerkt werd, bijvoorbeeld 0,75.",
            "en": "The share of a full-time quarter actually worked, for example 0.75.",
        },
        "calc.package.2y": {"nl": "2-jarig pakket", "en": "2-year package"},
        "calc.package.5y-standard": {"nl": "5-jarig pakket, standaard", "en": "5-year package, standard"},
        "calc.package.5y-raised": {"nl": "5-jarig pakket, verhoogd", "en": "5-year package, raised"},
        "calc.package.collective-advice": {
            "nl": "5-jarig pakket na advies collectief maatwerk",
            "en": "5-year package after a collective maatwerk advice",
        },
        "calc.package.self-employed": {
            "nl": "Zelfstandige (percentage van VLAIO)",
            "en": "Self-employed (VLAIO)",
        },
        "calc.package.percentage": {"nl": "Percentage bepaald door VDAB", "en": "Percentage set by VDAB"},
        "calc.coaching.none": {"nl": "geen", "en": "none"},
        "calc.coaching.low": {"nl": "laag", "en": "low"},
        "calc.coaching.medium": {"nl": "middelmatig", "en": "medium"},
        "calc.coaching.high": {"nl": "hoog", "en": "high"},
        "calc.error.number": {
            "nl": "‘{value}’ is geen getal: vul een getal in, bijvoorbeeld {example}.",
            "en": "‘{value}’ is not a number: fill in a number, for example {example}.",
        },
        "calc.error.empty": {"nl": "Vul dit veld in.", "en": "Fill in this field."},
        "calc.error.datum": {
            "nl": "Vul een datum in van 1 juli 2023 tot 31 december 2099.",
            "en": "Fill in a date from 1 July 2023 to 31 December 2099.",
        },
        "calc.error.date.no_value": {
            "nl": "Voor deze datum is er nog geen wettelijke waarde: kies een datum vanaf {first}.",
            "en": "There is no legal value for this date yet: choose a date from {first} on.",
        },
        "calc.error.referteloon": {
            "nl": "Vul een referteloon in tussen 0 en {maximum} euro, tot op de cent (bijvoorbeeld 9.000,00).",
            "en": "Fill in a referteloon between 0 and {maximum} euro, to the cent (for example 9,000.00).",
        },
        "calc.error.deeltijd": {
            "nl": "Vul een deeltijdse breuk in boven 0 en hoogstens 1, met hoogstens 4 decimalen (0,8 voor 80 %).",
            "en": "Fill in a part-time fraction above 0 and at most 1, with at most 4 decimals (0.8 for 80 %).",
        },
        "calc.error.uren": {
            "nl": "Vul een aandeel gewerkte uren in van 0 tot de deeltijdse breuk ({fte}), of laat het veld leeg.",
            "en": "Fill in a share of hours worked from 0 to the part-time fraction ({fte}), or leave it empty.",
        },
        "calc.error.percentage": {
            "nl": "Vul een percentage in van 20 tot 75, in stappen van 5 (bijvoorbeeld 40).",
            "en": "Fill in a percentage from 20 to 75, in steps of 5 (for example 40).",
        },
        "calc.error.percentage.range": {
            "nl": "Een percentage van VDAB ligt tussen {low} en {high}, in stappen van {step} (bijvoorbeeld 40).",
            "en": "A percentage set by VDAB is from {low} to {high}, in steps of {step} (for example 40).",
        },
        "calc.error.percentage.self_employed_range": {
            "nl": "Voor een zelfstandige ligt het percentage tussen {low} en {high}, in stappen van {step}.",
            "en": "For the self-employed the percentage is from {low} to {high}, in steps of {step}.",
        },
        "calc.error.percentage.self_employed_needed": {
            "nl": "Vul het percentage in dat VLAIO toekende (20 tot 55).",
            "en": "Fill in the percentage VLAIO granted (20 to 55).",
        },
        "calc.error.percentage.and_package": {
            "nl": "Laat het percentage leeg bij een startpakket, of kies ‘Percentage bepaald door VDAB’.",
            "en": "Leave the percentage empty with a start package, or choose ‘Percentage set by VDAB’.",
        },
        "calc.error.kwartaal": {
            "nl": "Vul een kwartaal van tewerkstelling in van 1 tot {latest}: vroeger dan 1 juli 2023 kan de "
            "tewerkstelling niet begonnen zijn.",
            "en": "Fill in a quarter of employment from 1 to {latest}: the job cannot have started before "
            "1 July 2023.",
        },
        "calc.error.quarter.not_renewable": {
            "nl": "Het 2-jarig pakket loopt {duration} kwartalen en kan niet verlengd worden: kies een kwartaal "
            "van 1 tot {duration}.",
            "en": "The 2-year package runs {duration} quarters and cannot be renewed: choose a quarter from 1 to "
            "{duration}.",
        },
        "calc.error.kwartaal.whole": {
            "nl": "Vul een geheel getal in, bijvoorbeeld 1 voor het eerste kwartaal.",
            "en": "Fill in a whole number, for example 1 for the first quarter.",
        },
        "calc.error.pakket": {"nl": "Kies een startpakket uit de lijst.", "en": "Choose a start package."},
        "calc.error.begeleiding": {
            "nl": "Kies een nood aan begeleiding.",
            "en": "Choose a need for coaching.",
        },
        "calc.error.summary": {
            "nl": "Nog geen resultaat: verbeter de velden die in het rood staan.",
            "en": "No result yet: correct the fields marked in red.",
        },
        "calc.error.unavailable": {
            "nl": "De wettelijke waarden konden niet gelezen worden; probeer het later opnieuw.",
            "en": "The legal values could not be read; please try again later.",
        },
        "calc.link.ignored": {
            "nl": "Uit de link werd genegeerd (de standaardwaarde staat in het veld): {fields}.",
            "en": "Left out of the link (the field shows its default): {fields}.",
        },
        "calc.result.title": {
            "nl": "Resultaat voor het kwartaal van {quarter} (kwartaal {number} van tewerkstelling)",
            "en": "Result for the quarter starting {quarter} (quarter {number} of employment)",
        },
        "calc.result.caption": {"nl": "Premies voor dit kwartaal", "en": "Premiums for this quarter"},
        "calc.result.item": {"nl": "Onderdeel", "en": "Item"},
        "calc.result.amount": {"nl": "Bedrag", "en": "Amount"},
        "calc.line.cap": {
            "nl": "Plafond van het referteloon (kwartaal)",
            "en": "Cap on the referteloon (quarter)",
        },
        "calc.line.capped": {"nl": "Begrensd referteloon", "en": "Capped referteloon"},
        "calc.line.percentage": {"nl": "Percentage loonpremie", "en": "Loonpremie percentage"},
        "calc.line.loonpremie": {"nl": "Loonpremie (kwartaal)", "en": "Loonpremie (wage premium, quarter)"},
        "calc.line.fixed": {"nl": "Begeleidingspremie, vast deel", "en": "Begeleidingspremie, fixed part"},
        "calc.line.variable": {
            "nl": "Begeleidingspremie, variabel deel",
            "en": "Begeleidingspremie, variable part",
        },
        "calc.line.coaching": {
            "nl": "Begeleidingspremie (kwartaal)",
            "en": "Begeleidingspremie (coaching premium, quarter)",
        },
        "calc.band": {"nl": "band {band} van het pakket", "en": "band {band} of the package"},
        "calc.band.vdab": {"nl": "bepaald door VDAB", "en": "set by VDAB"},
        "calc.band.vlaio": {"nl": "bepaald door VLAIO", "en": "set by VLAIO"},
        "calc.renewed": {
            "nl": "verlengd pakket: het percentage van de laatste band",
            "en": "renewed package: the percentage of the last band",
        },
        "calc.self_employed": {
            "nl": "Zelfstandigen krijgen geen begeleidingspremie: geen enkele bron kent ze er een toe.",
            "en": "The self-employed get no begeleidingspremie: no legal text grants them one.",
        },
        "calc.trace.title": {"nl": "Gebruikte wettelijke waarden", "en": "Legal values used"},
        "calc.trace.caption": {
            "nl": "Gebruikte wettelijke waarden, met de datum vanaf wanneer ze gelden, hun bron en hun status",
            "en": "Legal values used, with the date they apply from, their reference and their status",
        },
        "calc.trace.item": {"nl": "Waarde", "en": "Value"},
        "calc.trace.value": {"nl": "Bedrag of getal", "en": "Amount or number"},
        "calc.trace.from": {"nl": "Geldt vanaf", "en": "In force from"},
        "calc.trace.source": {"nl": "Bron", "en": "Reference"},
        "calc.trace.status": {"nl": "Status", "en": "Status"},
        "calc.trace.last_known": {
            "nl": "laatst bekende waarde; latere indexeringen zijn nog niet bekend",
            "en": "last known value; later indexations are not known yet",
        },
        "calc.whole.title": {"nl": "Over het hele pakket", "en": "Over the whole package"},
        "calc.whole.lead": {
            "nl": "De premies kwartaal per kwartaal, van het eerste kwartaal van tewerkstelling tot het einde van "
            "het pakket, telkens met de wettelijke waarden van dat kwartaal (na de laatst bekende indexering: de "
            "laatst bekende waarde).",
            "en": "The premiums quarter by quarter, from the first quarter of employment to the end of the "
            "package, each under the legal values of its quarter (past the last known indexation: the last known "
            "value).",
        },
        "calc.whole.caption": {
            "nl": "Premies per kwartaal over het hele pakket",
            "en": "Premiums per quarter over the whole package",
        },
        "calc.whole.quarter": {"nl": "Kwartaal", "en": "Quarter"},
        "calc.whole.start": {"nl": "Begin", "en": "Starts"},
        "calc.whole.total": {"nl": "Totaal", "en": "Total"},
        "calc.whole.this": {"nl": "(dit kwartaal)", "en": "(this quarter)"},
        "calc.whole.renewed": {
            "nl": "Het gekozen kwartaal valt na het einde van het pakket (een verlenging); hieronder het pakket "
            "zelf.",
            "en": "The chosen quarter is past the end of the package (a renewal); below, the package itself.",
        },
        "calc.unit.quarters": {"nl": "{value} kwartalen", "en": "{value} quarters"},
        "calc.unit.quarter": {"nl": "kwartaal {value}", "en": "quarter {value}"},
        "calc.unit.per_month": {"nl": "{value} per maand", "en": "{value} per month"},
        "calc.unit.per_quarter": {"nl": "{value} per kwartaal", "en": "{value} per quarter"},
        "calc.unit.multiple": {"nl": "{value} × GGMMI per maand", "en": "{value} × GGMMI per month"},
        "calc.item.duration": {"nl": "looptijd van het pakket", "en": "duration of the package"},
        "calc.item.band": {"nl": "percentage, band {band}", "en": "percentage, band {band}"},
        "calc.item.band_end": {"nl": "einde van band {band}", "en": "end of band {band}"},
        "calc.item.ggmmi": {
            "nl": "GGMMI (gewaarborgd gemiddeld minimum maandinkomen)",
            "en": "GGMMI (guaranteed average minimum monthly income)",
        },
        "calc.item.cap": {"nl": "plafond (veelvoud van het GGMMI)", "en": "cap (multiple of the GGMMI)"},
        "calc.item.fixed_first": {"nl": "vast deel, eerste kwartalen", "en": "fixed part, first quarters"},
        "calc.item.fixed_later": {"nl": "vast deel, latere kwartalen", "en": "fixed part, later quarters"},
        "calc.item.fixed_end": {
            "nl": "laatste kwartaal met het hoger vast deel",
            "en": "last quarter of the higher fixed part",
        },
        "calc.item.variable": {"nl": "variabel deel, nood {need}", "en": "variable part, {need} need"},
        "calc.item.minimum": {"nl": "laagste percentage", "en": "lowest percentage"},
        "calc.item.maximum": {"nl": "hoogste percentage", "en": "highest percentage"},
        "calc.item.step": {"nl": "stap van het percentage", "en": "step of the percentage"},
    }
)

#: The reference titles of the legal values, in English (the parameter files name them in Dutch).
SOURCE_TITLES_EN: Final = {
    "VDAB, Individueel maatwerk: looptijd 2 of 5 jaar": "VDAB, Individueel maatwerk: duration of 2 or 5 years",
    "Herwin, FAQ individueel maatwerk (startpakketten); te toetsen aan de bijlage van het BVR van 15 juli 2022": (
        "Herwin, FAQ on individueel maatwerk (start packages); to be checked against the annex to the Flemish "
        "government decision of 15 July 2022"
    ),
    "Nationale Arbeidsraad, cao nr. 43 en de indexeringen van het GGMMI": (
        "National Labour Council, collective labour agreement no. 43 and the indexations of the GGMMI"
    ),
    "VDAB, Individueel maatwerk: loonpremie (werkgevers.vdab.be); BVR 15 juli 2022": (
        "VDAB, Individueel maatwerk: loonpremie (wage premium); Flemish government decision of 15 July 2022"
    ),
    "Herwin, FAQ individueel maatwerk (begeleidingspremie); te toetsen aan het BVR van 15 juli 2022": (
        "Herwin, FAQ on individueel maatwerk (coaching premium); to be checked against the Flemish government "
        "decision of 15 July 2022"
    ),
    "VDAB, Individueel maatwerk voor werkgevers": "VDAB, Individueel maatwerk for employers",
}
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
    title: Any = line.source_title
    if language == "en":
        english = SOURCE_TITLES_EN.get(line.source_title)
        title = english if english else html.Span(line.source_title, lang="nl")
    if line.source_href.startswith(("https://", "http://")):
        return html.A(title, href=line.source_href, rel="noopener")
    return title


def trace_table(outcome: CaseOutcome, language: str) -> html.Div:
    caption = t("calc.trace.caption", language)
    rows = []
    for line in outcome.trace:
        status = (
            t(f"status.{line.status}", language) if f"status.{line.status}" in _STATUS_KEYS else line.status
        )
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


_STATUS_KEYS: Final = frozenset(
    {"status.verified", "status.secondary", "status.assumption", "status.illustrative"}
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
