"""Run a scenario and export its results with the scenario and the model and data versions inside."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Final

import pandas as pd
import yaml

from data.model_inputs import build_inputs
from data.parameter_store import load_parameters, parameters_version
from data.scenario import PROJECTION_START, Scenario, build_distributions
from data.spreadsheet_safety import neutralise_frame, neutralise_note
from simulation import MODEL_VERSION, Projection, monte_carlo, project
from simulation.summary import annual_table

EXPORT_FORMATS: Final = (".csv", ".xlsx", ".json")
MAX_FILE_BYTES: Final = 1_000_000

#: Labels of the outputs, Dutch first; units in brackets. Stocks are at the end of the year (after the exits of
#: its fourth quarter); flows and money are sums over the year.
OUTPUT_LABELS: Final[dict[str, dict[str, str]]] = {
    "workers_imw": {
        "nl": "IMW-werknemers (einde jaar)",
        "en": "IMW workers (end of year)",
        "unit": "personen",
    },
    "workers_vop": {
        "nl": "Lopende VOP's (einde jaar)",
        "en": "Running VOPs (end of year)",
        "unit": "personen",
    },
    "workers": {
        "nl": "IMW-werknemers en lopende VOP's (einde jaar)",
        "en": "IMW workers and running VOPs (end of year)",
        "unit": "personen",
    },
    "inflow": {"nl": "Instroom in IMW", "en": "Inflow into IMW", "unit": "personen"},
    "exits_involuntary": {"nl": "Uitstroom tegen hun wil", "en": "Involuntary exits", "unit": "personen"},
    "exits_other": {"nl": "Andere uitstroom", "en": "Other exits", "unit": "personen"},
    "doorstroom": {
        "nl": "Doorstroom naar job zonder premie",
        "en": "Doorstroom to a job without premium",
        "unit": "personen",
    },
    "premium_ended": {"nl": "Einde van het pakket", "en": "End of the package", "unit": "personen"},
    "fallback_returns": {
        "nl": "Terugkeer naar collectief maatwerk",
        "en": "Fallback returns to collective maatwerk",
        "unit": "personen",
    },
    "vop_ended": {"nl": "Aflopende VOP's", "en": "VOPs that end", "unit": "personen"},
    "imw_waiting": {
        "nl": "Wachtend op een premie (gesloten enveloppe, einde jaar)",
        "en": "Waiting for a premium (closed envelope, end of year)",
        "unit": "personen",
    },
    "imw_waiting_quarters": {
        "nl": "Wachttijd voor een premie (einde jaar)",
        "en": "Waiting time for a premium (end of year)",
        "unit": "kwartalen",
    },
    "loonpremie_imw_cost": {"nl": "Loonpremie IMW", "en": "Wage premium, IMW", "unit": "EUR"},
    "loonpremie_vop_cost": {"nl": "Premie lopende VOP's", "en": "Premium of running VOPs", "unit": "EUR"},
    "loonpremie_cost": {"nl": "Loonpremie (IMW en VOP)", "en": "Wage premium (IMW and VOP)", "unit": "EUR"},
    "begeleiding_cost": {"nl": "Begeleidingspremie", "en": "Coaching premium", "unit": "EUR"},
    "fallback_cost": {
        "nl": "Kost van plaatsen bovenop het contingent",
        "en": "Cost of places on top of the contingent",
        "unit": "EUR",
    },
    "total_cost": {"nl": "Totale kost", "en": "Total cost", "unit": "EUR"},
    "contingent_capacity": {"nl": "Contingent (einde jaar)", "en": "Contingent (end of year)", "unit": "VTE"},
    "contingent_occupancy": {
        "nl": "Ingevulde plaatsen (einde jaar)",
        "en": "Filled places (end of year)",
        "unit": "VTE",
    },
    "contingent_open": {"nl": "Open plaatsen (einde jaar)", "en": "Open places (end of year)", "unit": "VTE"},
    "queue": {
        "nl": "Wachtrij collectief maatwerk (einde jaar)",
        "en": "Queue for collective maatwerk (end of year)",
        "unit": "personen",
    },
    "new_advices": {"nl": "Nieuwe adviezen collectief", "en": "New collective advices", "unit": "personen"},
    "collective_intake": {
        "nl": "Aanwerving uit de wachtrij",
        "en": "Hired from the queue",
        "unit": "personen",
    },
    "collective_to_imw": {
        "nl": "Overstap van collectief maatwerk naar IMW",
        "en": "Moves from collective maatwerk to IMW",
        "unit": "personen",
    },
    "queue_to_imw": {
        "nl": "Uit de wachtrij naar een IMW-job",
        "en": "From the queue to an IMW job",
        "unit": "personen",
    },
    "contingent_full": {
        "nl": "Kans dat het contingent bindend is (einde jaar)",
        "en": "Probability that the contingent binds (end of year)",
        "unit": "kans",
    },
}


#: Labels of the categories of the breakdowns (``workers.package.two_year`` and so on), Dutch first.
CATEGORY_LABELS: Final[dict[str, dict[str, str]]] = {
    "package.two_year": {"nl": "2-jarig pakket", "en": "2-year package"},
    "package.five_year_standard": {"nl": "5-jarig standaardpakket", "en": "5-year standard package"},
    "package.five_year_raised": {"nl": "5-jarig verhoogd pakket", "en": "5-year raised package"},
    "package.collective_advice": {
        "nl": "advies collectief, maatwerkbedrijf",
        "en": "collective advice, maatwerkbedrijf",
    },
    "package.self_employed": {"nl": "zelfstandigen", "en": "self-employed"},
    "package.ex_collective": {
        "nl": "verhoogd pakket, ex-collectief (terugvalrecht)",
        "en": "raised package, ex-collective (fallback right)",
    },
    "package.vop_legacy": {"nl": "lopende VOP", "en": "running VOP"},
    "coaching.none": {"nl": "geen nood aan begeleiding", "en": "no need for coaching"},
    "coaching.low": {"nl": "lage nood", "en": "low need"},
    "coaching.medium": {"nl": "middelmatige nood", "en": "medium need"},
    "coaching.high": {"nl": "hoge nood", "en": "high need"},
    "origin.ex_vop": {"nl": "ex-VOP", "en": "ex-VOP"},
    "origin.ex_collective": {"nl": "ex-collectief maatwerk", "en": "ex-collective maatwerk"},
    "origin.ex_lde": {"nl": "ex-LDE", "en": "ex-LDE"},
    "origin.new": {"nl": "nieuw", "en": "new"},
}


def output_label(name: str, language: str = "nl") -> str:
    """The label of an output or of one category of a breakdown: 'IMW-werknemers (einde jaar) – lage nood'."""
    language = "en" if language == "en" else "nl"
    base, _, category = name.partition(".")
    label = OUTPUT_LABELS.get(base, {}).get(language, base)
    if category in CATEGORY_LABELS:
        return f"{label} – {CATEGORY_LABELS[category][language]}"
    return label


def run(scenario: Scenario) -> Projection:
    """The projection of a scenario: deterministic with 0 draws, else a Monte Carlo seeded by the scenario."""
    inputs = build_inputs(scenario)
    if scenario.draws <= 0:
        return project(inputs)
    return monte_carlo(inputs, build_distributions(scenario), scenario.draws, scenario.seed)


def metadata(
    scenario: Scenario, n_draws: int, warnings: list[dict[str, object]] | None = None
) -> dict[str, Any]:
    """What a result was computed on: the model, the parameters, the scenario (with the draws and seed it was run
    with); and what it is."""
    return {
        "title": "Projectie individueel maatwerk en collectief contingent",
        "status": "projectie op basis van aannames; geen officiële raming",
        "model_version": MODEL_VERSION,
        "parameters_version": parameters_version(),
        "projection_start": PROJECTION_START.isoformat(),
        "computed_on": dt.date.today().isoformat(),
        "draws": n_draws,
        "seed": scenario.seed,
        "scenario": scenario.canonical(),
        "warnings": warnings or [],
        "assumptions": sorted(
            name
            for name, p in load_parameters().items()
            if p.status == "assumption" and p.control is not None
        ),
        "note": "Bedragen in euro, lopende prijzen. p5/p50/p95: percentielen over de trekkingen.",
    }


def labelled_frame(table: pd.DataFrame) -> pd.DataFrame:
    """An annual table (``simulation.summary.annual_table``) cut to the exported outputs, with Dutch labels and
    units."""
    table = table[table["output"].isin(OUTPUT_LABELS) | table["output"].str.contains(r"\.")].copy()
    base = table["output"].str.split(".").str[0]
    table.insert(2, "label", table["output"].map(output_label))
    table.insert(3, "unit", base.map(lambda name: OUTPUT_LABELS.get(name, {}).get("unit", "")))
    return table.reset_index(drop=True)


def export_bytes(suffix: str, scenario: Scenario, projection: Projection) -> bytes:
    """The results as CSV, XLSX or JSON bytes, with the metadata inside."""
    n_draws = projection.n_draws if projection.n_draws > 1 else 0
    warnings = [warning.as_dict() for warning in projection.warnings]
    return export_table_bytes(suffix, scenario, annual_table(projection), n_draws, warnings)


def export_table_bytes(
    suffix: str,
    scenario: Scenario,
    table: pd.DataFrame,
    n_draws: int,
    warnings: list[dict[str, object]] | None = None,
) -> bytes:
    """An annual table already computed (the simulator caches it) as CSV, XLSX or JSON bytes, with the metadata
    inside; `n_draws` is 0 for a deterministic run."""
    meta = metadata(scenario, n_draws, warnings)
    frame = labelled_frame(table)
    if suffix == ".json":
        return json.dumps(
            {"metadata": meta, "results": frame.to_dict(orient="records")}, ensure_ascii=False, indent=1
        ).encode("utf-8")
    if suffix == ".csv":
        header = "".join(
            f"# {neutralise_note(f'{key}: {json.dumps(value, ensure_ascii=False)}')}\n"
            for key, value in meta.items()
        )
        return (header + neutralise_frame(frame).to_csv(index=False)).encode("utf-8")
    if suffix == ".xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            neutralise_frame(frame).to_excel(writer, sheet_name="resultaten", index=False)
            neutralise_frame(
                pd.DataFrame(
                    [(key, json.dumps(value, ensure_ascii=False)) for key, value in meta.items()],
                    columns=["sleutel", "waarde"],
                )
            ).to_excel(writer, sheet_name="metadata", index=False)
            neutralise_frame(pd.DataFrame({"scenario (YAML)": [scenario_yaml(scenario)]})).to_excel(
                writer, sheet_name="scenario", index=False
            )
        return buffer.getvalue()
    raise ValueError(f"unknown export format {suffix!r}; use one of {', '.join(EXPORT_FORMATS)}")


def scenario_yaml(scenario: Scenario) -> str:
    """The scenario in the file format of `imw project --scenario` (only what differs from the baseline)."""
    document: dict[str, Any] = {"name": scenario.name}
    if scenario.description:
        document["description"] = scenario.description
    document.update(scenario.canonical())
    if scenario.computed_with:
        document["computed_with"] = dict(scenario.computed_with)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def write_atomically(path: Path, content: bytes) -> None:
    """Write a file so that it is either complete or absent: a temporary file, then a rename."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
