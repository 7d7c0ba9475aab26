"""`imw case`, `imw project`, `imw scenario`: the calculator, the projection and the baseline scenario."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cli.common import UsageError
from components.formatting import format_eur, format_number, format_percent
from data.parameter_store import ParameterFileError
from data.results import EXPORT_FORMATS, OUTPUT_LABELS, export_bytes, run, write_atomically
from data.scenario import ScenarioError, baseline_yaml, load_scenario_file
from data.single_case import CASE_PACKAGES, case_input
from simulation import InputError
from simulation.case import COACHING_LEVELS, CaseError, compute_case
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
    chosen = case.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--package", choices=list(CASE_PACKAGES), help="the start package")
    chosen.add_argument(
        "--percentage", type=_decimal, help="a percentage set by VDAB, 20 to 75 in steps of 5"
    )
    case.add_argument("--quarter", type=_whole, required=True, help="quarter of employment, 1 = the first")
    case.add_argument("--coaching", choices=COACHING_LEVELS, required=True, help="need for coaching")
    case.add_argument("--hours", type=_decimal, help="share of a full-time quarter worked (default: the fte)")
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


def run_case(args: argparse.Namespace) -> int:
    try:
        result = compute_case(
            case_input(
                on=args.date,
                referteloon=args.referteloon,
                fte=args.fte,
                quarter=args.quarter,
                coaching=args.coaching,
                package=args.package,
                percentage=args.percentage / 100 if args.percentage is not None else None,
                hours_share=args.hours,
            )
        )
    except (CaseError, ParameterFileError) as error:
        raise UsageError(str(error)) from None
    except LookupError as error:
        raise UsageError(f"no legal value for that date: {error}") from None
    if args.json:
        print(json.dumps(result.as_dict()))
        return 0
    print(f"Plafond referteloon (kwartaal):   {format_eur(float(result.cap_eur), 2)}")
    print(f"Begrensd referteloon:             {format_eur(float(result.capped_referteloon_eur), 2)}")
    print(f"Percentage loonpremie:            {format_percent(float(result.percentage))}")
    print(f"Loonpremie (kwartaal):            {format_eur(float(result.loonpremie_eur), 2)}")
    print(f"Begeleidingspremie, vast deel:    {format_eur(float(result.begeleidingspremie_fixed_eur), 2)}")
    print(
        f"Begeleidingspremie, variabel deel: {format_eur(float(result.begeleidingspremie_variable_eur), 2)}"
    )
    print(f"Begeleidingspremie (kwartaal):    {format_eur(float(result.begeleidingspremie_eur), 2)}")
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
        projection = run(scenario, draws=args.draws, seed=args.seed)
    except ScenarioError as error:
        if error.field == "file":
            message = (
                error.message if str(args.scenario) in error.message else f"{args.scenario} {error.message}"
            )
        else:
            message = f"{args.scenario}: {error}"
        raise UsageError(message) from None
    except InputError as error:
        raise UsageError(f"{args.scenario}: {error}") from None
    if args.out is not None:
        write_atomically(args.out, export_bytes(args.out.suffix.lower(), scenario, projection))
        print(f"results written to {args.out}", file=sys.stderr)
        return 0
    _print_table(projection)
    return 0


def _print_table(projection: object) -> None:
    table = annual_table(projection)  # type: ignore[arg-type]
    shown = [
        "workers",
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


def run_scenario(args: argparse.Namespace) -> int:
    print(baseline_yaml(), end="")
    return 0
