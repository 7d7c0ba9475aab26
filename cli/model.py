"""`imw case`, `imw project`, `imw scenario`, `imw calibrate`, `imw backtest`: the calculator, the projection, the
baseline scenario, the calibration of the collective block and its backtest."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cli.common import UsageError
from data.model_inputs import InputsError
from data.parameter_store import ParameterFileError
from data.results import EXPORT_FORMATS, OUTPUT_LABELS, export_bytes, run, write_atomically
from data.scenario import ScenarioError, baseline_yaml, load_scenario_file
from data.single_case import CASE_PACKAGES, calculate, whole_package
from i18n.formats import format_eur, format_number, format_percent
from simulation import InputError, Projection
from simulation.case import COACHING_LEVELS, CaseError
from simulation.summary import annual_table
from simulation.uncertainty import MAX_DRAWS


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-04-15"
        ) from None


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number; e.g. 3500.50") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def add_parsers(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register `case`, `project` and `scenario`."""
    case = subparsers.add_parser("case", help="what an employer receives for one worker in one quarter")
    case.add_argument("--date", type=_date, required=True, help="a day in the quarter (YYYY-MM-DD)")
    case.add_argument("--referteloon", type=_decimal, required=True, help="the quarter's referteloon in EUR")
    case.add_argument("--fte", type=_decimal, required=True, help="part-time fraction, above 0 and at most 1")
    case.add_argument("--package", choices=list(CASE_PACKAGES), help="the start package")
    case.add_argument(
        "--percentage",
        type=_decimal,
        help="a percentage set by VDAB, 20 to 75 in steps of 5 (instead of a package; with self-employed: 20 to 55)",
    )
    case.add_argument(
        "--quarter", type=_whole, help="quarter of employment, 1 = the first; past the package: a renewal"
    )
    case.add_argument("--coaching", choices=COACHING_LEVELS, required=True, help="need for coaching")
    case.add_argument(
        "--hours",
        type=_decimal,
        help="share of a full-time quarter worked, at most the fte (default: the fte)",
    )
    case.add_argument(
        "--whole-package",
        action="store_true",
        help="the premium quarter by quarter from the quarter of --date (quarter 1) to the end of the package",
    )
    case.add_argument("--json", action="store_true", help="print one JSON object")
    case.set_defaults(func=run_case)

    projection = subparsers.add_parser("project", help="project the budget and the contingent of a scenario")
    projection.add_argument("--scenario", type=Path, required=True, help="scenario file, YAML or JSON")
    projection.add_argument("--draws", type=_whole, help=f"Monte Carlo draws, 0 to {MAX_DRAWS} (0 = none)")
    projection.add_argument("--seed", type=_whole, help="seed of the Monte Carlo run")
    projection.add_argument("--out", type=Path, help="write the results to a .csv, .xlsx or .json file")
    projection.set_defaults(func=run_project)

    scenario = subparsers.add_parser("scenario", help="print the complete baseline scenario")
    scenario.add_argument("--baseline", action="store_true", required=True, help="the 2022 decree baseline")
    scenario.set_defaults(func=run_scenario)

    calibrate = subparsers.add_parser(
        "calibrate",
        help="fit the collective block on the published years up to 2023 and write its parameter file",
    )
    calibrate.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when the committed parameter file is not current",
    )
    calibrate.set_defaults(func=run_calibrate)

    backtest = subparsers.add_parser(
        "backtest", help="the projection from the end of 2023 against every published point after it"
    )
    backtest.add_argument("--json", action="store_true", help="print one JSON object")
    backtest.add_argument(
        "--markdown", action="store_true", help="print the backtest as Markdown (docs/backtest.md)"
    )
    backtest.set_defaults(func=run_backtest_command)


def run_case(args: argparse.Namespace) -> int:
    if args.package is None and args.percentage is None:
        raise UsageError("give --package or --percentage (with --package self-employed, both)")
    percentage = args.percentage / 100 if args.percentage is not None else None
    try:
        if args.whole_package:
            outcomes = list(
                whole_package(
                    args.date, args.referteloon, args.fte, args.coaching, args.package, percentage, args.hours
                )
            )
        else:
            if args.quarter is None:
                raise UsageError("give --quarter (the quarter of employment), or --whole-package")
            outcomes = [
                calculate(args.date, args.referteloon, args.fte, args.quarter, args.coaching, args.package,
                          percentage, args.hours)
            ]  # fmt: skip
    except (CaseError, ParameterFileError) as error:
        raise UsageError(str(error)) from None
    if args.json:
        if args.whole_package:
            print(json.dumps({"quarters": [outcome.as_dict() for outcome in outcomes]}))
        else:
            print(json.dumps(outcomes[0].as_dict()))
        return 0
    if args.whole_package:
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
    print(f"Percentage loonpremie:            {format_percent(float(result.percentage))}"
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


def run_project(args: argparse.Namespace) -> int:
    if args.out is not None:
        suffix = args.out.suffix.lower()
        if suffix not in EXPORT_FORMATS:
            raise UsageError(f"--out {args.out}: use a file ending in {', '.join(EXPORT_FORMATS)}")
        if args.out.is_dir():
            raise UsageError(f"--out {args.out}: this is a folder; name a file in it")
        if not args.out.parent.exists() and str(args.out.parent):
            raise UsageError(f"--out {args.out}: the folder {args.out.parent} does not exist")
    if args.draws is not None and not 0 <= args.draws <= MAX_DRAWS:
        raise UsageError(f"--draws {args.draws}: use a whole number from 0 to {MAX_DRAWS}")
    if args.seed is not None and not 0 <= args.seed < 2**32:
        raise UsageError(f"--seed {args.seed}: use a whole number from 0 to {2**32 - 1}")
    try:
        scenario = load_scenario_file(args.scenario)
        changes = {"draws": args.draws, "seed": args.seed}
        scenario = dataclasses.replace(scenario, **{k: v for k, v in changes.items() if v is not None})
        projection = run(scenario)
    except ScenarioError as error:
        if error.field == "file":
            message = (
                error.message if str(args.scenario) in error.message else f"{args.scenario} {error.message}"
            )
        else:
            message = f"{args.scenario}: {error}"
        raise UsageError(message) from None
    except (InputError, InputsError) as error:
        raise UsageError(f"{args.scenario}: {error}") from None
    if args.out is not None:
        write_atomically(args.out, export_bytes(args.out.suffix.lower(), scenario, projection))
        print(f"results written to {args.out}", file=sys.stderr)
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
    header = ["jaar"] + [OUTPUT_LABELS[name]["nl"] for name in shown]
    print("\t".join(header))
    for year, rows in table.groupby("year"):
        by_output = rows.set_index("output")
        cells = [str(year)]
        for name in shown:
            row = by_output.loc[name]
            money = OUTPUT_LABELS[name]["unit"] == "EUR"
            fmt = (lambda v: format_eur(v)) if money else (lambda v: format_number(v))
            text = fmt(row["p50"])
            if uncertain:
                text += f" ({fmt(row['p5'])} – {fmt(row['p95'])})"
            cells.append(text)
        print("\t".join(cells))
    if uncertain:
        print(
            "Mediaan (P5 – P95) over de trekkingen. Projectie op basis van aannames, geen officiële raming."
        )
    else:
        print("Deterministische projectie op basis van aannames, geen officiële raming.")
    for warning in projection.warnings:
        print(f"waarschuwing: {warning.as_dict()['message']} (vanaf {warning.as_dict()['first_quarter']}, "
              f"{warning.share_of_draws:.0%} van de trekkingen{'; ' + warning.detail if warning.detail else ''})",
              file=sys.stderr)  # fmt: skip


def run_scenario(args: argparse.Namespace) -> int:
    print(baseline_yaml(), end="")
    return 0


def run_calibrate(args: argparse.Namespace) -> int:
    from data.calibration import FLOWS_FILE, flows_differences, run_calibration, write_flows

    if args.check:
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


def run_backtest_command(args: argparse.Namespace) -> int:
    from data.backtest import backtest_markdown, run_backtest

    backtest = run_backtest()
    if args.json:
        print(json.dumps(backtest_document(backtest), ensure_ascii=False))
    elif args.markdown:
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
