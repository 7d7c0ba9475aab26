"""Run a scenario and export its results with the scenario and the model and data versions inside."""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any, Final

import pandas as pd
import yaml

from data.atomic import write_atomically as write_atomically
from data.parameter_store import load_parameters, parameters_version
from data.results_workbook import (
    ONE_DECIMAL,
    PERCENT,
    PLAIN_INTEGER,
    TWO_DECIMALS,
    WHOLE,
    Cell,
    Sheet,
    belgian_csv_bytes,
    workbook_bytes,
)
from data.scenario.inputs import build_inputs
from data.scenario.schema import PROJECTION_START, Scenario, build_distributions
from data.spreadsheet_safety import neutralise_frame, neutralise_note
from i18n import t
from simulation import MODEL_VERSION, Projection, monte_carlo, project
from simulation.summary import STATISTIC, STOCKS, annual_table

EXPORT_FORMATS: Final = (".csv", ".xlsx", ".json")
#: The forms of a CSV export: tidy (for scripts, as before) or what a Belgian Excel opens as it is.
EXPORT_FORMS: Final = ("tidy", "excel")
MAX_FILE_BYTES: Final = 1_000_000

#: The outputs a projection exports and the unit of each, in the order of the files. Stocks are at the end of the
#: year (after the exits of its fourth quarter); flows and money are sums over the year. Their labels are catalogue
#: entries, ``output.<name>`` in i18n/catalogue/outputs.yaml, and so are the units' names (``file.unit.<unit>``).
OUTPUT_UNITS: Final[dict[str, str]] = {
    "workers_imw": "personen",
    "workers_vop": "personen",
    "workers": "personen",
    "inflow": "personen",
    "exits_involuntary": "personen",
    "exits_other": "personen",
    "doorstroom": "personen",
    "premium_ended": "personen",
    "fallback_returns": "personen",
    "vop_ended": "personen",
    "imw_waiting": "personen",
    "imw_waiting_quarters": "kwartalen",
    "loonpremie_imw_cost": "EUR",
    "loonpremie_vop_cost": "EUR",
    "loonpremie_cost": "EUR",
    "begeleiding_cost": "EUR",
    "fallback_cost": "EUR",
    "total_cost": "EUR",
    "contingent_capacity": "VTE",
    "contingent_occupancy": "VTE",
    "contingent_open": "VTE",
    "queue": "personen",
    "new_advices": "personen",
    "collective_intake": "personen",
    "collective_to_imw": "personen",
    "queue_to_imw": "personen",
    "contingent_full": "kans",
}

#: The categories of the breakdowns (``workers.package.two_year`` and so on); their labels are the catalogue's
#: ``output.category.<category>``.
CATEGORIES: Final = (
    "package.two_year",
    "package.five_year_standard",
    "package.five_year_raised",
    "package.collective_advice",
    "package.self_employed",
    "package.ex_collective",
    "package.vop_legacy",
    "coaching.none",
    "coaching.low",
    "coaching.medium",
    "coaching.high",
    "origin.ex_vop",
    "origin.ex_collective",
    "origin.ex_lde",
    "origin.new",
)


def output_unit(name: str) -> str:
    """The unit of an output or of one category of a breakdown ('personen', 'EUR', ...); '' for an unknown one."""
    return OUTPUT_UNITS.get(name.partition(".")[0], "")


def category_label(category: str, language: str = "nl") -> str:
    """The label of one category of a breakdown: 'lage nood' for 'coaching.low'."""
    return t(f"output.category.{category}", language)


def output_label(name: str, language: str = "nl") -> str:
    """The label of an output or of one category of a breakdown: 'IMW-werknemers (einde jaar) – lage nood'."""
    base, _, category = name.partition(".")
    label = t(f"output.{base}", language) if base in OUTPUT_UNITS else base
    if category in CATEGORIES:
        return f"{label} – {category_label(category, language)}"
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
        "title": t("file.meta.title.value", "nl"),
        "status": t("file.json.status", "nl"),
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
        "note": t("file.json.note", "nl"),
    }


def labelled_frame(table: pd.DataFrame) -> pd.DataFrame:
    """An annual table (``simulation.summary.annual_table``) cut to the exported outputs, with Dutch labels and
    units."""
    table = table[table["output"].isin(OUTPUT_UNITS) | table["output"].str.contains(r"\.")].copy()
    table.insert(2, "label", table["output"].map(output_label))
    table.insert(3, "unit", table["output"].map(output_unit))
    return table.reset_index(drop=True)


# --- the sheets of the XLSX and the Belgian CSV -------------------------------------------------------------


#: How each unit of OUTPUT_UNITS is written: its decimals, its number format and the factor its values are
#: multiplied by in a CSV (a probability is written in percent there; in XLSX the format does it). Its name is the
#: catalogue's ``file.unit.<unit>``.
UNIT_FORMS: Final[dict[str, tuple[int, str, float]]] = {
    "personen": (0, WHOLE, 1.0),
    "VTE": (1, ONE_DECIMAL, 1.0),
    "kwartalen": (1, ONE_DECIMAL, 1.0),
    "EUR": (0, WHOLE, 1.0),
    "kans": (3, PERCENT, 100.0),
}


def unit_name(unit: str, language: str) -> str:
    """A unit as the result files name it: 'personen' (nl), 'persons' (en); a unit without a name as it is."""
    return t(f"file.unit.{unit}", language) if unit in UNIT_FORMS else unit


#: The outputs of the headline sheet: the total cost (in EUR million), IMW workers and the queue (persons).
HEADLINE_OUTPUTS: Final = ("total_cost", "workers_imw", "queue")
HEADLINE_MONEY_DECIMALS: Final = 2
HEADLINE_COLUMNS: Final = (
    "scenario",
    "scenario_p5",
    "scenario_p95",
    "baseline",
    "baseline_p5",
    "baseline_p95",
    "difference",
)


def text(key: str, language: str) -> str:
    """A text of the result files in `language` (Dutch unless 'en')."""
    return t(f"file.{key}", language)


def central_statistic(n_draws: int, frame: pd.DataFrame | None = None) -> str:
    """The column of the central projection (simulation.summary.STATISTIC); for a table without it (one written
    before it existed), the single run's value or, with draws, the median."""
    if frame is None or STATISTIC in frame.columns:
        return STATISTIC
    return "p50" if n_draws > 0 else "mean"


def draws_text(n_draws: int, language: str) -> str:
    """1.000 (nl) or 1,000 (en)."""
    return f"{n_draws:,}".replace(",", "." if language != "en" else ",")


def statistic_text(n_draws: int, language: str) -> str:
    """What the central value and the band are, for a header note."""
    if n_draws > 0:
        return text("statistic.draws", language).format(n=draws_text(n_draws, language))
    return text("statistic.central", language)


def _by_year(annual: pd.DataFrame, output: str, statistic: str) -> dict[int, float]:
    rows = annual[annual["output"] == output]
    return {int(year): float(value) for year, value in zip(rows["year"], rows[statistic], strict=True)}


def _round(value: float, decimals: int) -> float:
    return float("nan") if math.isnan(value) else round(value, decimals) + 0.0  # + 0.0: no -0.0


def _headline_values(
    frame: pd.DataFrame | None, output: str, years: list[int], central: str
) -> dict[int, tuple[float, float, float]]:
    """(central, p5, p95) of an output by year, and under 0 over the period (see `headline_frame`); NaN where
    `frame` (None: no frame) has no value."""

    def by_year(statistic: str) -> dict[int, float]:
        return {} if frame is None else _by_year(frame, output, statistic)

    centre, low, high = by_year(central), by_year("p5"), by_year("p95")
    result = {
        year: (centre.get(year, math.nan), low.get(year, math.nan), high.get(year, math.nan))
        for year in years
    }
    if output.split(".")[0] in STOCKS:
        result[0] = result[years[-1]]
    else:  # the central run is one run: the sum of its years is its sum
        result[0] = (math.fsum(centre.get(year, math.nan) for year in years), math.nan, math.nan)
    return result


def headline_frame(
    annual: pd.DataFrame, baseline_annual: pd.DataFrame | None = None, n_draws: int = 0
) -> pd.DataFrame:
    """The headline results: per output of HEADLINE_OUTPUTS, the period (the scenario's years) then each year, for
    the scenario, the baseline (NaN without one) and their difference, rounded as shown (EUR million with 2
    decimals, whole persons).

    Columns: output, year (0 for the period), then HEADLINE_COLUMNS. The central value is `central_statistic`;
    over the period the total cost is the sum of the yearly central values (its P5 and P95 are NaN)
    and a stock is its value at the end of the last year. The difference is of the rounded central values, so
    that it is what a reader computes from the sheet."""
    central = central_statistic(n_draws, annual)
    years = sorted(int(year) for year in annual["year"].unique())
    records = []
    for output in HEADLINE_OUTPUTS:
        scale, decimals = (1e6, HEADLINE_MONEY_DECIMALS) if output == "total_cost" else (1.0, 0)
        sides = {
            side: _headline_values(frame, output, years, central)
            for side, frame in (("scenario", annual), ("baseline", baseline_annual))
        }
        for year in (0, *years):
            record: dict[str, Any] = {"output": output, "year": year}
            for side, by_year in sides.items():
                for suffix, value in zip(("", "_p5", "_p95"), by_year[year], strict=True):
                    record[f"{side}{suffix}"] = _round(value / scale, decimals)
            record["difference"] = _round(record["scenario"] - record["baseline"], decimals)
            records.append(record)
    return pd.DataFrame(records, columns=["output", "year", *HEADLINE_COLUMNS])


def headline_sheet(
    scenario: Scenario,
    annual: pd.DataFrame,
    baseline_annual: pd.DataFrame | None,
    n_draws: int,
    language: str,
) -> Sheet:
    """The first sheet: the headline results of `headline_frame`, with notes that say what they are."""
    frame = headline_frame(annual, baseline_annual, n_draws)
    years = sorted(int(year) for year in annual["year"].unique())
    first, last = years[0], years[-1]
    compared = baseline_annual is not None
    columns = ["scenario"]
    if n_draws > 0:
        columns += ["scenario_p5", "scenario_p95"]
    if compared:
        columns += ["baseline", *(["baseline_p5", "baseline_p95"] if n_draws > 0 else []), "difference"]
    notes = [
        text("headline.title" if compared else "headline.alone", language).format(name=scenario.name),
        text("status", language),
        statistic_text(n_draws, language),
        text("headline.period", language).format(first=first, last=last),
        *([text("headline.difference", language)] if compared else []),
        text("headline.units", language),
    ]
    rows: list[list[Cell]] = []
    formats: list[str | None] = []
    for record in frame.to_dict("records"):
        output, year = record["output"], int(record["year"])
        money = output == "total_cost"
        if year == 0:
            period: Cell = f"{first}–{last}"
            label = t(f"file.headline.{output}.period", language).format(last=last)
        else:
            period, label = year, output_label(output, language)
        unit = text("unit.million", language) if money else unit_name("personen", language)
        rows.append([period, label, unit, *(record[column] for column in columns)])
        formats.append(TWO_DECIMALS if money else WHOLE)
    header = [t(f"file.column.{name}", language) for name in ("period", "figure", "unit", *columns)]
    return Sheet(
        title=text("sheet.headline", language),
        header=header,
        rows=rows,
        notes=notes,
        row_formats=formats,
        column_formats={0: PLAIN_INTEGER},
    )


def _detailed_rows(
    frame: pd.DataFrame, language: str, csv: bool = False
) -> tuple[list[list[Cell]], list[str]]:
    """The rows of the detailed results (year, code, label, unit, mean, p5, p50, p95) rounded as their unit
    means, and the number format of each row."""
    rows: list[list[Cell]] = []
    formats: list[str] = []
    statistics = detailed_columns(frame)[4:]
    for record in frame.to_dict("records"):
        output = str(record["output"])
        unit = output_unit(output)
        decimals, number_format, csv_factor = UNIT_FORMS.get(unit, (1, ONE_DECIMAL, 1.0))
        factor, shown = (csv_factor, decimals - 2) if csv and number_format == PERCENT else (1.0, decimals)
        numbers = [_round(float(record[name]) * factor, shown) for name in statistics]
        rows.append(
            [
                int(record["year"]),
                output,
                output_label(output, language),
                unit_name(unit, language),
                *numbers,
            ]
        )
        formats.append(number_format)
    return rows, formats


DETAILED_COLUMNS: Final = ("year", "output", "label", "unit", STATISTIC, "mean", "p5", "p50", "p95")


def detailed_columns(frame: pd.DataFrame) -> tuple[str, ...]:
    """The detailed table's columns: the central projection first where the table has it."""
    return tuple(column for column in DETAILED_COLUMNS if column in frame.columns or column in LABEL_COLUMNS)


#: The detailed table's first columns, which every table has (labelled_frame adds the label and the unit).
LABEL_COLUMNS: Final = DETAILED_COLUMNS[:4]


def detailed_sheet(frame: pd.DataFrame, language: str) -> Sheet:
    """The second sheet: every exported output by year, rounded and formatted, the header row in `language`."""
    rows, formats = _detailed_rows(frame, language)
    return Sheet(
        title=text("sheet.results", language),
        header=[t(f"file.column.{name}", language) for name in detailed_columns(frame)],
        rows=rows,
        row_formats=formats,
        column_formats={0: PLAIN_INTEGER},
    )


def _warning_lines(meta: dict[str, Any], language: str) -> str:
    lines = [
        text("meta.warning", language).format(
            message=warning.get("message", ""), first=warning.get("first_quarter")
        )
        for warning in meta["warnings"]
    ]
    return "\n".join(lines) or text("meta.none", language)


def metadata_sheet(
    meta: dict[str, Any], scenario: Scenario, annual: pd.DataFrame, n_draws: int, language: str
) -> Sheet:
    """The last sheet: what the results are and what they were computed on, the scenario as YAML at the end."""
    years = sorted(int(year) for year in annual["year"].unique())
    items: list[tuple[str, Cell, str | None]] = [
        ("meta.title", text("meta.title.value", language), None),
        ("meta.status", text("status", language), None),
        ("meta.sources", text("meta.sources.value", language), None),
        ("meta.scenario", scenario.name, None),
        *([("meta.description", scenario.description, None)] if scenario.description else []),
        ("meta.model_version", str(meta["model_version"]), None),
        ("meta.parameters_version", str(meta["parameters_version"]), None),
        ("meta.computed_on", str(meta["computed_on"]), None),
        ("meta.projection_start", str(meta["projection_start"]), None),
        (
            "meta.horizon",
            text("meta.horizon.value", language).format(
                n=scenario.horizon_years, first=years[0], last=years[-1]
            ),
            None,
        ),
        ("meta.draws", n_draws, WHOLE),
        ("meta.seed", int(meta["seed"]), PLAIN_INTEGER),
        ("meta.statistic", statistic_text(n_draws, language), None),
        ("meta.units", text("meta.units.value", language), None),
        ("meta.warnings", _warning_lines(meta, language), None),
        ("meta.assumptions", ", ".join(meta["assumptions"]) or text("meta.none", language), None),
        ("meta.yaml", scenario_yaml(scenario), None),
    ]
    return Sheet(
        title=text("sheet.metadata", language),
        header=[text("column.item", language), text("column.value", language)],
        rows=[[text(key, language), value] for key, value, _ in items],
        row_formats=[number_format for _, _, number_format in items],
    )


def excel_csv(
    frame: pd.DataFrame, meta: dict[str, Any], scenario: Scenario, n_draws: int, language: str
) -> bytes:
    """The detailed results as a Belgian Excel opens them: the columns of the detailed sheet (a probability in
    percent), then what they were computed on as columns of every row; no comment lines."""
    rows, _ = _detailed_rows(frame, language, csv=True)
    extra_keys = ("meta.scenario", "meta.model_version", "meta.parameters_version", "meta.computed_on")
    extra: list[Cell] = [
        scenario.name,
        str(meta["model_version"]),
        str(meta["parameters_version"]),
        str(meta["computed_on"]),
        n_draws,
        int(meta["seed"]),
        statistic_text(n_draws, language),
        text("status", language),
    ]
    header = [
        *(t(f"file.column.{name}", language) for name in detailed_columns(frame)),
        *(
            text(key, language)
            for key in (*extra_keys, "meta.draws", "meta.seed", "meta.statistic", "meta.status")
        ),
    ]
    return belgian_csv_bytes(header, [[*row, *extra] for row in rows])


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
    *,
    baseline_annual: pd.DataFrame | None = None,
    language: str = "nl",
    form: str = "tidy",
    computed_on: str | None = None,
) -> bytes:
    """An annual table already computed (the simulator caches it) as CSV, XLSX or JSON bytes, with the metadata
    inside; `n_draws` is 0 for a deterministic run.

    The XLSX has the headline results against `baseline_annual` (the baseline's annual table on the same years;
    None when the scenario is the baseline or the baseline is not known: then the scenario alone), the detailed
    results rounded and formatted, and the metadata with the scenario; headers and notes in `language` ('nl' or
    'en'). A CSV is the tidy form (``form='tidy'``: English column names, comment lines with the metadata, full
    precision) or the form a Belgian Excel opens as it is (``form='excel'``: the detailed results in `language`,
    rounded, with the metadata as columns). `computed_on` is when the table was computed (today when None)."""
    if form not in EXPORT_FORMS:
        raise ValueError(f"unknown CSV form {form!r}; use one of {', '.join(EXPORT_FORMS)}")
    language = "en" if language == "en" else "nl"
    meta = metadata(scenario, n_draws, warnings)
    if computed_on:
        meta["computed_on"] = computed_on
    frame = labelled_frame(table)
    if suffix == ".json":
        return json.dumps(
            {"metadata": meta, "results": frame.to_dict(orient="records")}, ensure_ascii=False, indent=1
        ).encode("utf-8")
    if suffix == ".csv" and form == "excel":
        return excel_csv(frame, meta, scenario, n_draws, language)
    if suffix == ".csv":
        header = "".join(
            f"# {neutralise_note(f'{key}: {json.dumps(value, ensure_ascii=False)}')}\n"
            for key, value in meta.items()
        )
        return (header + neutralise_frame(frame).to_csv(index=False)).encode("utf-8")
    if suffix == ".xlsx":
        return workbook_bytes(
            [
                headline_sheet(scenario, table, baseline_annual, n_draws, language),
                detailed_sheet(frame, language),
                metadata_sheet(meta, scenario, table, n_draws, language),
            ]
        )
    raise ValueError(f"unknown export format {suffix!r}; use one of {', '.join(EXPORT_FORMATS)}")


def scenario_yaml(scenario: Scenario) -> str:
    """The scenario in the file format of `imw project --scenario` (only what differs from the baseline)."""
    return yaml.safe_dump(scenario.document(), allow_unicode=True, sort_keys=False)
