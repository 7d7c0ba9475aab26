"""`imw case`, `imw project`, `imw scenario`, `imw calibrate`, `imw backtest`: the calculator, the projection, the
baseline scenario, the calibration of the collective block and its backtest."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import click

from cli.common import Amount, Day, UsageError, Whole
from data.atomic import write_atomically
from data.parameter_store import ParameterFileError
from data.results import EXPORT_FORMATS, export_bytes, output_label, output_unit, run
from data.scenario.files import baseline_yaml, load_scenario_file
from data.scenario.inputs import InputsError
from data.scenario.schema import ScenarioError
from data.single_case import CASE_PACKAGES, calculate, whole_package
from i18n import t
from i18n.formats import format_eur, format_number, format_percent
from simulation import InputError, Projection
from simulation.case import COACHING_LEVELS, CaseError
from simulation.summary import annual_table
from simulation.uncertainty import MAX_DRAWS


@click.command("case", short_help="what an employer receives for one worker in one quarter")
@click.option("--date", type=Day(), required=True, help="a day in the quarter (YYYY-MM-DD)")
@click.option("--referteloon", type=Amount(), required=True, help="the quarter's referteloon in EUR")
@click.option("--fte", type=Amount(), required=True, help="part-time fraction, above 0 and at most 1")
@click.option("--package", type=click.Choice(list(CASE_PACKAGES)), help="the start package")
@click.option(
    "--percentage",
    type=Amount(),
    help="a percentage set by VDAB, 20 to 75 in steps of 5 (instead of a package; with self-employed: 20 to 55)",
)
@click.option(
    "--quarter", type=click.INT, help="quarter of employment, 1 = the first; past the package: a renewal"
)
@click.option("--coaching", type=click.Choice(list(COACHING_LEVELS)), required=True, help="need for coaching")
@click.option(
    "--hours", type=Amount(), help="share of a full-time quarter worked, at most the fte (default: the fte)"
)
@click.option(
    "--whole-package",
    "whole",
    is_flag=True,
    help="the premium quarter by quarter from the quarter of --date (quarter 1) to the end of the package",
)
@click.option("--json", "as_json", is_flag=True, help="print one JSON object")
def case_command(**options: object) -> int:
    """What an employer receives for one worker in one quarter."""
    return run_case(**options)  # type: ignore[arg-type]


@click.command("project", short_help="project the budget and the contingent of a scenario")
@click.option(
    "--scenario",
    "scenario_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="scenario file, YAML or JSON",
)
@click.option("--draws", type=Whole(0, MAX_DRAWS), help=f"Monte Carlo draws, 0 to {MAX_DRAWS} (0 = none)")
@click.option("--seed", type=Whole(0, 2**32 - 1), help="seed of the Monte Carlo run")
@click.option(
    "--out", type=click.Path(path_type=Path), help="write the results to a .csv, .xlsx or .json file"
)
def project_command(**options: object) -> int:
    """Project the budget and the contingent of a scenario."""
    return run_project(**options)  # type: ignore[arg-type]


@click.command(
    "scenario", short_help="print the complete baseline scenario, or the JSON Schema of a scenario file"
)
@click.option("--baseline", is_flag=True, help="the 2022 decree baseline, every parameter with its value")
@click.option(
    "--schema", is_flag=True, help="the JSON Schema of a scenario file (for editors that check YAML/JSON)"
)
def scenario_command(baseline: bool, schema: bool) -> int:
    """Print the complete baseline scenario (--baseline) or the JSON Schema of a scenario file (--schema)."""
    if baseline == schema:
        raise UsageError("give one of --baseline and --schema")
    return run_scenario() if baseline else run_schema()


@click.command(
    "calibrate",
    short_help="fit the collective block on the published years up to 2023 and write its parameter file",
)
@click.option(
    "--check", is_flag=True, help="write nothing; exit 1 when the committed parameter file is not current"
)
def calibrate_command(check: bool) -> int:
    """Fit the collective block on the published years up to 2023 and write its parameter file."""
    return run_calibrate(check)


@click.command(
    "backtest", short_help="the projection from the end of 2023 against every published point after it"
)
@click.option("--json", "as_json", is_flag=True, help="print one JSON object")
@click.option("--markdown", is_flag=True, help="print the backtest as Markdown (docs/backtest.md)")
def backtest_command(as_json: bool, markdown: bool) -> int:
    """The projection from the end of 2023 against every published point after it."""
    return run_backtest_command(as_json, markdown)


#: The commands of this module, in the order `imw --help` lists them.
COMMANDS = (case_command, project_command, scenario_command, calibrate_command, backtest_command)


def run_case(
    *,
    date: dt.date,
    referteloon: Decimal,
    fte: Decimal,
    package: str | None,
    percentage: Decimal | None,
    quarter: int | None,
    coaching: str,
    hours: Decimal | None,
    whole: bool,
    as_json: bool,
) -> int:
    if package is None and percentage is None:
        raise UsageError("give --package or --percentage (with --package self-employed, both)")
    # A percentage past any share is refused by `case_problems` (1e400 % is not divided on the way there).
    percentage = percentage.scaleb(-2) if percentage is not None else None
    try:
        if whole:
            outcomes = list(whole_package(date, referteloon, fte, coaching, package, percentage, hours))
        else:
            if quarter is None:
                raise UsageError("give --quarter (the quarter of employment), or --whole-package")
            outcomes = [calculate(date, referteloon, fte, quarter, coaching, package, percentage, hours)]
    except (CaseError, ParameterFileError) as error:
        raise UsageError(str(error)) from None
    if as_json:
        if whole:
            print(json.dumps({"quarters": [outcome.as_dict() for outcome in outcomes]}))
        else:
            print(json.dumps(outcomes[0].as_dict()))
        return 0
    if whole:
        print("kwartaal\tbegin\tpercentage\tloonpremie\tbegeleidingspremie")
        for number, outcome in enumerate(outcomes, start=1):
            r = outcome.result
            print(
                f"{number}\t{outcome.quarter_start.isoformat()}\t{format_percent(float(r.percentage))}\t"
                f"{format_eur(float(r.loonpremie_eur), 2)}\t{format_eur(float(r.begeleidingspremie_eur), 2)}"
            )
        return 0
    outcome = outcomes[0]
    result = outcome.result
    print(f"Plafond referteloon (kwartaal):   {format_eur(float(result.cap_eur), 2)}")
    print(f"Begrensd referteloon:             {format_eur(float(result.capped_referteloon_eur), 2)}")
    band = f" (band {outcome.band})" if outcome.band is not None else ""
    print(f"Percentage loonpremie:            {format_percent(float(result.percentage))}{band}"
          + (" (verlengd pakket: laatste band)" if outcome.renewed else ""))  # fmt: skip
    print(f"Loonpremie (kwartaal):            {format_eur(float(result.loonpremie_eur), 2)}")
    print(f"Begeleidingspremie, vast deel:    {format_eur(float(result.begeleidingspremie_fixed_eur), 2)}")
    print(
        f"Begeleidingspremie, variabel deel: {format_eur(float(result.begeleidingspremie_variable_eur), 2)}"
    )
    print(f"Begeleidingspremie (kwartaal):    {format_eur(float(result.begeleidingspremie_eur), 2)}")
    if outcome.self_employed:
        print("Zelfstandigen krijgen geen begeleidingspremie: geen bron kent ze er een toe.")
    print("Gebruikte wettelijke waarden:")
    for line in outcome.trace:
        note = f"; {line.note}" if line.note else ""
        print(f"  {line.item}: {line.value} (vanaf {line.in_force_from.isoformat()}, {line.status}{note})")
    return 0


def run_project(*, scenario_file: Path, draws: int | None, seed: int | None, out: Path | None) -> int:
    if out is not None:
        suffix = out.suffix.lower()
        if suffix not in EXPORT_FORMATS:
            raise UsageError(f"--out {out}: use a file ending in {', '.join(EXPORT_FORMATS)}")
        if out.is_dir():
            raise UsageError(f"--out {out}: this is a folder; name a file in it")
        if not out.parent.exists() and str(out.parent):
            raise UsageError(f"--out {out}: the folder {out.parent} does not exist")
    try:
        scenario = load_scenario_file(scenario_file)
        scenario = dataclasses.replace(
            scenario,
            draws=scenario.draws if draws is None else draws,
            seed=scenario.seed if seed is None else seed,
        )
        projection = run(scenario)
    except ScenarioError as error:
        if error.field == "file":
            message = (
                error.message if str(scenario_file) in error.message else f"{scenario_file} {error.message}"
            )
        else:
            message = f"{scenario_file}: {error}"
        raise UsageError(message) from None
    except (InputError, InputsError) as error:
        raise UsageError(f"{scenario_file}: {error}") from None
    if out is not None:
        write_atomically(out, export_bytes(out.suffix.lower(), scenario, projection))
        print(f"results written to {out}", file=sys.stderr)
        return 0
    _print_table(projection)
    return 0


def _print_table(projection: Projection) -> None:
    table = annual_table(projection)
    shown = [
        "workers_imw",
        "workers_vop",
        "inflow",
        "loonpremie_cost",
        "begeleiding_cost",
        "fallback_cost",
        "total_cost",
        "queue",
    ]
    uncertain = table["p5"].ne(table["p95"]).any()
    header = ["jaar"] + [output_label(name, "nl") for name in shown]
    print("\t".join(header))
    for year, rows in table.groupby("year"):
        by_output = rows.set_index("output")
        cells = [str(year)]
        for name in shown:
            p50, p5, p95 = by_output.loc[name, ["p50", "p5", "p95"]].to_numpy(dtype=float).ravel().tolist()
            money = output_unit(name) == "EUR"
            fmt: Callable[[float], str] = format_eur if money else format_number
            text = fmt(p50)
            if uncertain:
                text += f" ({fmt(p5)} – {fmt(p95)})"
            cells.append(text)
        print("\t".join(cells))
    if uncertain:
        print(t("cli.project.note.draws", "nl"))
    else:
        print(t("cli.project.note.single", "nl"))
    for warning in projection.warnings:
        print(f"waarschuwing: {warning.as_dict()['message']} (vanaf {warning.as_dict()['first_quarter']}, "
              f"{warning.share_of_draws:.0%} van de trekkingen{'; ' + warning.detail if warning.detail else ''})",
              file=sys.stderr)  # fmt: skip


def run_scenario() -> int:
    print(baseline_yaml(), end="")
    return 0


def run_schema() -> int:
    from data.scenario.document import json_schema
    from data.scenario.schema import scenario_parameters

    print(json.dumps(json_schema(scenario_parameters()), ensure_ascii=False, indent=2))
    return 0


def run_calibrate(check: bool) -> int:
    from data.calibration import FLOWS_FILE, flows_differences, run_calibration, write_flows

    if check:
        differences = flows_differences(FLOWS_FILE, run_calibration())
        if differences:
            print(f"{FLOWS_FILE.name} is not current ({'; '.join(differences[:5])}): run `make calibrate`",
                  file=sys.stderr)  # fmt: skip
            return 1
        print(f"{FLOWS_FILE.name} is current")
        return 0
    result = write_flows()
    print(
        f"written {FLOWS_FILE.name}: fitted on {result.years[0]}-{result.years[-1]}; root mean square error "
        f"{format_number(result.rms_filled)} FTE (filled), {format_number(result.rms_queue)} persons (queue)"
    )
    return 0


def run_backtest_command(as_json: bool, markdown: bool) -> int:
    from data.backtest import backtest_markdown, run_backtest

    backtest = run_backtest()
    if as_json:
        print(json.dumps(backtest_document(backtest), ensure_ascii=False))
    elif markdown:
        print(backtest_markdown(backtest), end="")
    else:
        print("reeks\tperiode\tgepubliceerd\tP50\tP5\tP95\tfout\tbinnen P5-P95")
        for point in backtest.points:
            print(
                f"{point.indicator}\t{point.period}\t{format_number(point.published)}\t{format_number(point.p50)}\t"
                f"{format_number(point.p5)}\t{format_number(point.p95)}\t{format_percent(point.relative_error, 1)}\t"
                f"{'ja' if point.inside else 'NEE'}"
            )
        summary = backtest.summary()
        print(
            f"{summary['inside']:.0f} van {summary['points']:.0f} gepubliceerde punten binnen P5-P95; mediane "
            f"breedte van de band {format_percent(summary['median_relative_width'], 1)} van de mediaan"
        )
    return 0


def backtest_document(backtest: object) -> dict[str, object]:
    from data.backtest import Backtest

    assert isinstance(backtest, Backtest)
    return {
        "draws": backtest.draws,
        "seed": backtest.seed,
        "summary": backtest.summary(),
        "points": [point.as_dict() for point in backtest.points],
        "summary_known_contingent": backtest.summary(backtest.points_known_contingent),
        "points_known_contingent": [point.as_dict() for point in backtest.points_known_contingent],
        "binding": [dataclasses.asdict(year) for year in backtest.binding],
        "milestones": [dataclasses.asdict(m) for m in backtest.milestones],
    }
