"""`imw calibrate`: fit the collective block on the published years up to 2023 and write the fitted values into
data/parameters/collectief/flows.yaml (status assumption, each with a reference to this calibration).

The years 2024, 2025 and 2026 Q1 stay out of the fit: they are the backtest (``data.backtest``). Rerunning the
calibration on the same published files writes the same file (a test checks that the committed file is current).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

import yaml

from data.observed import Published, load_published
from data.parameter_store import PARAMETER_ROOT
from simulation.calibration import Calibration, calibrate

FIRST_YEAR: Final = 2019
LAST_YEAR: Final = 2023
FLOWS_FILE: Final = PARAMETER_ROOT / "collectief" / "flows.yaml"
#: The queue drop-out is not identified beside the new advices (see simulation.calibration): an assumption.
QUEUE_DROPOUT: Final = (0.02, 0.06, 0.12)
#: The other exits are not identified beside the matching speed: an argued range (see the file's description).
OTHER_EXIT_RANGE: Final = (0.02, 0.15)
#: The reform of 1 July 2023 brought filled places along with the rise of the contingent.
TRANSFER_YEAR: Final = 2023
REFERENCE: Final = {
    "title": "Kalibratie van het portaal op de gepubliceerde jaren 2019-2023 (methodologie, kalibratie)",
    "title_en": "Calibration of the portal on the published years 2019-2023 (methodology, calibration)",
    "href": "/methodologie#kalibratie",
}


def run_calibration(published: Published | None = None) -> Calibration:
    """The calibration on the portal's published files."""
    published = published or load_published()
    years = published.calibration_years(FIRST_YEAR, LAST_YEAR)
    return calibrate(years, QUEUE_DROPOUT[1], OTHER_EXIT_RANGE, transfer_year=TRANSFER_YEAR)


def _round(value: float, digits: int) -> float:
    return float(round(value, digits))


def flows_document(result: Calibration) -> dict[str, Any]:
    """The parameter file of the fitted collective flows."""
    years = f"{result.years[0]}-{result.years[-1]}"

    def leaf(
        label_nl: str,
        label_en: str,
        unit: str,
        input_name: str,
        value: float,
        low: float,
        high: float,
        digits: int,
        description: str,
        control: dict[str, float],
        follows: dict[str, float] | None = None,
    ) -> dict[str, Any]:
        uncertainty: dict[str, Any] = {
            "distribution": "triangular",
            "low": _round(low, digits),
            "mode": _round(value, digits),
            "high": _round(high, digits),
        }
        if follows:
            uncertainty["follows"] = {name: _round(slope, 4) for name, slope in follows.items()}
        return {
            "description": description,
            "metadata": {
                "label": {"nl": label_nl, "en": label_en},
                "unit": unit,
                "input": input_name,
                "control": control,
                "uncertainty": uncertainty,
            },
            "values": {"2023-07-01": _round(value, digits)},
        }

    transfer = result.transfer_fte
    transfer_text = (
        f" De hervorming van 1 juli 2023 bracht {transfer.value:,.0f} ingevulde VTE mee (geschat, standaardfout "
        f"{transfer.standard_error:,.0f}); die tellen niet als instroom uit de wachtrij."
        if transfer is not None and transfer.standard_error is not None
        else ""
    )
    return {
        "description": (
            f"De stromen van collectief maatwerk, gekalibreerd door `imw calibrate` op de gepubliceerde jaren {years} "
            "(ingevulde VTE en wachtrij per jaar; VTE per persoon en doorstroom uit de personen op jaarbasis). 2024, "
            "2025 en 2026 K1 blijven buiten de fit: dat is de backtest. De gepubliceerde reeksen leggen het netto-"
            "verloop vast, niet het niveau ervan: meer uitstroom met snellere invulling en meer adviezen "
            "past even goed. "
            "Daarom volgen de invulsnelheid en de adviezen de andere uitstroom (en de adviezen de uitval uit de "
            f"wachtrij) langs de kam van de fit.{transfer_text} Niet met de hand aanpassen: herbereken met "
            "`make calibrate`."
        ),
        "metadata": {
            "status": "assumption",
            "group": "contingent",
            "effect": "fallback",
            "reference": dict(REFERENCE),
        },
        "fte_per_person": leaf(
            "VTE per persoon (collectief)", "FTE per person (collective)", "FTE/person",
            "collective_fte_per_person", result.fte_per_person.value, result.fte_per_person.low,
            result.fte_per_person.high, 4,
            f"Ingevulde VTE (vierde kwartaal) gedeeld door de personen tewerkgesteld in het jaar, gemiddeld over "
            f"{years}; de spreiding is het bereik over de jaren.",
            {"min": 0.3, "max": 1.0, "step": 0.01},
        ),
        "doorstroom_rate": leaf(
            "Doorstroom uit collectief maatwerk naar een gewone job", "Doorstroom from collective "
            "maatwerk to a regular job",
            "share per year", "collective_doorstroom", result.doorstroom_rate.value, result.doorstroom_rate.low,
            result.doorstroom_rate.high, 4,
            "Doorstroom naar de reguliere arbeidsmarkt gedeeld door de personen tewerkgesteld in het jaar, gemiddeld "
            "over de gepubliceerde jaren; de spreiding is het bereik over de jaren (1,1 % tot 2,0 %).",
            {"min": 0.0, "max": 0.2, "step": 0.001},
        ),
        "other_exit_rate": leaf(
            "Andere uitstroom uit collectief maatwerk", "Other exits from collective maatwerk", "share per year",
            "collective_other_exit", result.other_exit_rate.value, result.other_exit_rate.low,
            result.other_exit_rate.high, 4,
            "Uitstroom zonder doorstroom (pensioen, ziekte, ontslag, eigen ontslag) per jaar. De centrale waarde komt "
            "uit de fit; de spreiding (2 % tot 15 %) is een aanname, want de gegevens bepalen het niveau van het "
            "verloop niet: 36 % van de doelgroepwerknemers is 50 tot 64 jaar (pensioen ongeveer 2 % per jaar), en "
            "'personen op jaarbasis' als jaartelling gelezen geeft een verloop tot 15 %.",
            {"min": 0.0, "max": 0.5, "step": 0.005},
        ),
        "matching_speed": leaf(
            "Invulsnelheid van open plaatsen", "Speed of filling open places", "share per quarter",
            "matching_speed", result.matching_speed.value, result.matching_speed.low, result.matching_speed.high, 4,
            "Aandeel van de open plaatsen dat per kwartaal uit de wachtrij ingevuld wordt (wrijving: naast een "
            "wachtrij van duizenden stonden 900 tot 1.600 VTE open). Gefit; de spreiding is twee standaardfouten bij "
            "een vaste andere uitstroom, en de waarde volgt de andere uitstroom.",
            {"min": 0.01, "max": 1.0, "step": 0.01},
            {"collectief.flows.other_exit_rate": result.speed_per_exit},
        ),
        "new_advices_per_quarter": leaf(
            "Nieuwe adviezen collectief per kwartaal", "New collective advices per quarter", "persons/quarter",
            "new_advices", result.new_advices.value, result.new_advices.low, result.new_advices.high, 1,
            "Werkzoekenden die per kwartaal een advies collectief maatwerk krijgen en in de wachtrij komen. Gefit; "
            "de spreiding is het bereik van de adviezen die de wachtrij van elk jaar apart precies zouden geven "
            "(de schommelingen van jaar tot jaar), en de waarde volgt de andere uitstroom en de uitval.",
            {"min": 0.0, "max": 5000.0, "step": 10.0},
            {
                "collectief.flows.other_exit_rate": result.advices_per_exit,
                "collectief.flows.queue_dropout_rate": result.advices_per_dropout,
            },
        ),
        "queue_dropout_rate": leaf(
            "Uitval uit de wachtrij per kwartaal", "Queue drop-out per quarter", "share per quarter", "queue_dropout",
            QUEUE_DROPOUT[1], QUEUE_DROPOUT[0], QUEUE_DROPOUT[2], 3,
            "Aandeel van de wachtrij dat per kwartaal afhaakt (ander werk, einde advies, inactiviteit). Niet te "
            "scheiden van de nieuwe adviezen (een langere wachtrij kan van meer adviezen of van minder uitval komen): "
            "een aanname van 2 % tot 12 %, waarvoor de adviezen gefit worden.",
            {"min": 0.0, "max": 0.5, "step": 0.01},
        ),
    }  # fmt: skip


HEADER: Final = (
    "# Written by `imw calibrate` (data/calibration.py) from the published series in data/sources/.\n"
    "# Do not edit by hand: change the published files or the calibration, then run `make calibrate`.\n"
)


def flows_yaml(result: Calibration) -> str:
    return HEADER + yaml.safe_dump(flows_document(result), allow_unicode=True, sort_keys=False, width=110)


def write_flows(path: Path = FLOWS_FILE, published: Published | None = None) -> Calibration:
    """Calibrate and write the flows file (atomically)."""
    from data.atomic import write_atomically

    result = run_calibration(published)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, flows_yaml(result).encode("utf-8"))
    return result


def _numbers(node: object, prefix: str = "") -> dict[str, float]:
    """Every number in a parsed parameter file, by its path."""
    found: dict[str, float] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            found.update(_numbers(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(node, int | float) and not isinstance(node, bool):
        found[prefix] = float(node)
    return found


def flows_differences(path: Path, result: Calibration, tolerance: float = 1e-3) -> list[str]:
    """Where the committed flows file differs from a fresh calibration (relative tolerance, so that the last digit
    of a floating-point fit may differ between machines); empty when it is current."""
    try:
        committed = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        return [f"{path.name} cannot be read ({error})"]
    fresh, old = _numbers(flows_document(result)), _numbers(committed)
    problems = [f"{name} is missing" for name in fresh if name not in old]
    for name, value in fresh.items():
        if name in old and abs(old[name] - value) > tolerance * max(abs(value), 1e-9):
            problems.append(f"{name}: {old[name]:g} in the file, {value:g} fitted")
    return problems
