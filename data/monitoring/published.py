"""The real, published series: read from data/sources/ (and the GGMMI from its parameter file) into tidy rows.

Every value keeps its source id (data/sources/sources.csv) and a flag. Secondary values (S in imw-facts.md) get
an empty flag: their source row says ``secondary``. The flags this module sets on purpose:

- ``p`` on the first quarter of 2026 of the contingent: a count in the course of the year, not final;
- ``b`` on the number of establishments in 2023: the maatwerkafdelingen were folded into IMW on 1 July 2023;
- the hand-transcribed facts (imw_facts_series.csv) carry their own flags, e.g. ``p`` on the queue of August
  2025 and on the doorstroom of the first half of 2025.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import yaml

from data.monitoring.schema import TOTAL
from data.monitoring.tidy import Observation, read_tidy_csv

SOURCES_DIR: Final = Path(__file__).resolve().parent.parent / "sources"
GGMMI_PARAMETER: Final = Path(__file__).resolve().parent.parent / "parameters" / "ggmmi.yaml"

CONTINGENT_FILE: Final = "cmw_contingent_fte.csv"
QUEUE_FILE: Final = "cmw_queue_by_province.csv"
WORKERS_FILE: Final = "cmw_workers_and_doorstroom.csv"
FACTS_FILE: Final = "imw_facts_series.csv"

CONTINGENT_SOURCE: Final = "wse-cmw03"
QUEUE_SOURCE: Final = "vp-sv-15-2025-26"
CMW_WORKERS_SOURCE: Final = "vp-sv-1-2024-25"
DOORSTROOM_SOURCE: Final = "vp-sv-1115-2024-25"
GGMMI_VERIFIED_SOURCE: Final = "nar-ggmmi"
GGMMI_SECONDARY_SOURCE: Final = "ggmmi-secondary"

# (year, quarter) of the contingent that is a count in the course of a year: provisional.
PROVISIONAL_CONTINGENT: Final = frozenset({(2026, 1)})
# (indicator, year) with a break in the series.
BREAKS: Final = frozenset({("cmw_establishments", 2023)})

_CONTINGENT_COLUMNS: Final = {
    "aantal_vestigingen": ("cmw_establishments", "establishments"),
    "cmw_aantal_toegekend_vte_som": ("cmw_contingent_allocated", "FTE"),
    "cmw_aantal_vte_som": ("cmw_contingent_filled", "FTE"),
    "open_vte": ("cmw_contingent_open", "FTE"),
}
_QUEUE_PROVINCES: Final = {
    "Antwerpen": "antwerpen",
    "Limburg": "limburg",
    "Oost-Vlaanderen": "oost_vlaanderen",
    "Vlaams-Brabant": "vlaams_brabant",
    "West-Vlaanderen": "west_vlaanderen",
    "Brussel": "brussel",
    "Buiten Brussel/Vlaanderen": "outside",
}


def _records(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _quarter(text: str) -> int:
    """'K4' -> 4."""
    if len(text) != 2 or text[0] not in "KQ" or text[1] not in "1234":
        raise ValueError(f"quarter {text!r} is not K1 to K4")
    return int(text[1])


def _flag(indicator: str, year: int, quarter: int | None) -> str:
    if (indicator, year) in BREAKS:
        return "b"
    if indicator.startswith("cmw_") and quarter is not None and (year, quarter) in PROVISIONAL_CONTINGENT:
        return "p"
    return ""


def contingent_observations(records: list[dict[str, str]]) -> list[Observation]:
    """The collective contingent (allocated, filled, open FTE) and the number of establishments, per quarter."""
    rows: list[Observation] = []
    for record in records:
        year, quarter = int(record["jaar"]), _quarter(record["kwartaal"])
        for column, (indicator, unit) in _CONTINGENT_COLUMNS.items():
            rows.append(
                Observation(
                    year,
                    quarter,
                    indicator,
                    TOTAL,
                    TOTAL,
                    float(record[column]),
                    unit,
                    _flag(indicator, year, quarter),
                    CONTINGENT_SOURCE,
                )
            )
    return rows


def queue_observations(records: list[dict[str, str]]) -> list[Observation]:
    """The queue of job-seekers with a collective advice: the total and the provinces (which add up to it)."""
    rows: list[Observation] = []
    for record in records:
        year = int(record["jaar"])
        total = float(record["Totaal"])
        provinces = {code: float(record[column]) for column, code in _QUEUE_PROVINCES.items()}
        if sum(provinces.values()) != total:
            raise ValueError(f"{QUEUE_FILE}, {year}: the provinces do not add up to the total")
        rows.append(Observation(year, None, "cmw_queue", TOTAL, TOTAL, total, "persons", "", QUEUE_SOURCE))
        rows.extend(
            Observation(year, None, "cmw_queue", "province", code, value, "persons", "", QUEUE_SOURCE)
            for code, value in provinces.items()
        )
    return rows


def workers_and_doorstroom_observations(records: list[dict[str, str]]) -> list[Observation]:
    """Persons employed in collective maatwerk in the year, and the doorstroom to regular jobs (when given)."""
    rows: list[Observation] = []
    for record in records:
        year = int(record["jaar"])
        if record["werknemers_cmw_personen_jaarbasis"]:
            value = float(record["werknemers_cmw_personen_jaarbasis"])
            rows.append(
                Observation(year, None, "cmw_workers", TOTAL, TOTAL, value, "persons", "", CMW_WORKERS_SOURCE)
            )
        if record["doorstroom_uit_cmw_naar_regulier"]:
            value = float(record["doorstroom_uit_cmw_naar_regulier"])
            rows.append(
                Observation(
                    year,
                    None,
                    "cmw_doorstroom_regular",
                    TOTAL,
                    TOTAL,
                    value,
                    "persons",
                    "",
                    DOORSTROOM_SOURCE,
                )
            )
    return rows


def _quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def ggmmi_observations(document: Mapping[str, object]) -> list[Observation]:
    """The GGMMI in force on the last day of each quarter, from the quarter of its first known amount to the
    quarter of its last change. An amount read only in a secondary source points to the secondary source row;
    an amount marked as an assumption would get flag ``e``."""
    metadata = document.get("metadata")
    default_status = str(metadata.get("status", "verified")) if isinstance(metadata, Mapping) else "verified"
    values = document.get("values")
    if not isinstance(values, Mapping) or not values:
        raise ValueError("ggmmi.yaml: no values")
    changes: list[tuple[dt.date, float, str]] = []
    for date, entry in values.items():
        if not isinstance(date, dt.date):
            raise ValueError(f"ggmmi.yaml: {date!r} is not a date")
        if isinstance(entry, Mapping):
            changes.append((date, float(entry["value"]), str(entry.get("status", default_status))))
        else:
            changes.append((date, float(str(entry)), default_status))
    changes.sort()
    rows: list[Observation] = []
    year, quarter = changes[0][0].year, (changes[0][0].month - 1) // 3 + 1
    last = changes[-1][0]
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        end = _quarter_end(year, quarter)
        _, amount, status = [change for change in changes if change[0] <= end][-1]
        source = GGMMI_VERIFIED_SOURCE if status == "verified" else GGMMI_SECONDARY_SOURCE
        flag = "e" if status == "assumption" else ""
        rows.append(Observation(year, quarter, "ggmmi", TOTAL, TOTAL, amount, "EUR/month", flag, source))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return rows


def published_observations(
    sources_dir: Path = SOURCES_DIR, ggmmi_parameter: Path = GGMMI_PARAMETER
) -> list[Observation]:
    """Every published row: the copied CSV files, the transcribed facts, and the GGMMI."""
    with ggmmi_parameter.open(encoding="utf-8") as handle:
        ggmmi_document = yaml.safe_load(handle)
    if not isinstance(ggmmi_document, Mapping):
        raise ValueError(f"{ggmmi_parameter}: not a parameter file")
    return [
        *contingent_observations(_records(sources_dir / CONTINGENT_FILE)),
        *queue_observations(_records(sources_dir / QUEUE_FILE)),
        *workers_and_doorstroom_observations(_records(sources_dir / WORKERS_FILE)),
        *read_tidy_csv(sources_dir / FACTS_FILE),
        *ggmmi_observations(ggmmi_document),
    ]
