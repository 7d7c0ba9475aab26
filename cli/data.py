"""`imw data ...`: validate, import, list and restore monitoring data releases.

    imw data validate FILE        check a department file (CSV or XLSX); writes nothing
    imw data import FILE          check it and, when it is good, make it the current release
    imw data releases             list the releases, the current one marked
    imw data restore ID           make an earlier release current again

A bad file prints every problem with its line number to stderr and exits with 2; the data stay as they were.
The data folder is IMW_DATA_DIR (default data/monitoring), or --data-dir.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Final

from cli.common import EXIT_BAD_INPUT, Parser, UsageError
from services.config import Settings

EXIT_WRITE_FAILED: Final = 1
MAX_PROBLEMS_SHOWN: Final = 200


def _settings(args: argparse.Namespace) -> Settings:
    from services.config import ConfigError, settings_from_environment

    try:
        settings = settings_from_environment()
    except ConfigError as error:
        raise UsageError(str(error)) from None
    if args.data_dir is not None:
        settings = dataclasses.replace(settings, data_dir=args.data_dir)
    return settings


def _print_problems(file_name: str, problems: tuple[object, ...]) -> None:
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        print(f"fout: {file_name}, {problem}", file=sys.stderr)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        print(f"… en nog {len(problems) - MAX_PROBLEMS_SHOWN} fouten.", file=sys.stderr)
    print(
        f"{file_name}: {len(problems)} {'fout' if len(problems) == 1 else 'fouten'}; er is niets veranderd. "
        "Het formaat staat in docs/data-format.md.",
        file=sys.stderr,
    )


def run_validate(args: argparse.Namespace) -> int:
    from data.monitoring import store

    report = store.validate_file(args.file)
    if not report.ok:
        _print_problems(report.file_name, report.problems)
        return EXIT_BAD_INPUT
    print(
        f"{report.file_name} is in orde: {len(report.rows)} rijen voor {len(report.indicators)} "
        f"{'indicator' if len(report.indicators) == 1 else 'indicatoren'} ({', '.join(report.indicators)}). "
        "Bij een import vervangen ze de huidige rijen van die indicatoren."
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from data.monitoring import store
    from data.monitoring.releases import ReleaseError

    settings = _settings(args)
    options: dict[str, str] = {}
    if args.publisher:
        options["publisher"] = args.publisher
    if args.licence:
        options["licence"] = args.licence
    try:
        info = store.import_file(args.file, settings, title=args.title, **options)
    except store.FileRejected as rejected:
        _print_problems(rejected.report.file_name, rejected.report.problems)
        return EXIT_BAD_INPUT
    except (ReleaseError, OSError) as error:
        print(
            f"fout: de import is niet gelukt ({error}); de huidige release blijft de huidige.",
            file=sys.stderr,
        )
        return EXIT_WRITE_FAILED
    print(
        f"Geïmporteerd als release {info.id}: {info.row_count} rijen; vervangen: "
        f"{', '.join(info.replaced_indicators)}. Vorige release: {info.based_on} "
        f"(terug met 'imw data restore {info.based_on}')."
    )
    return 0


def run_releases(args: argparse.Namespace) -> int:
    from data.monitoring import store
    from data.monitoring.releases import ReleaseError

    settings = _settings(args)
    try:
        current = store.current_release(settings).id
    except ReleaseError as error:
        print(
            f"let op: de huidige release is onleesbaar ({error}); herstel er een met 'imw data restore'.",
            file=sys.stderr,
        )
        current = ""
    for info in store.list_releases(settings):
        marker = "*" if info.id == current else " "
        replaced = f"  vervangt: {', '.join(info.replaced_indicators)}" if info.replaced_indicators else ""
        created = info.created_at or "-"
        print(
            f"{marker} {info.id:<28} {info.kind:<8} {created:<26} {info.row_count:>6} rijen  {info.title}{replaced}"
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from data.monitoring import store
    from data.monitoring.releases import ReleaseError

    settings = _settings(args)
    try:
        info = store.restore_release(args.release_id, settings)
    except ReleaseError as error:
        print(f"fout: {error}; er is niets veranderd.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"fout: kon de wijzer niet schrijven ({error}); er is niets veranderd.", file=sys.stderr)
        return EXIT_WRITE_FAILED
    print(f"Release {info.id} is weer de huidige ({info.row_count} rijen).")
    return 0


def add_parsers(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the `data` subcommands."""
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="map met de releases (standaard: IMW_DATA_DIR, anders data/monitoring)",
    )
    data = subparsers.add_parser(
        "data",
        help="monitoringgegevens: controleren, importeren, releases",
        description="De monitoringgegevens: een bestand van het departement controleren en importeren, "
        "releases bekijken en terugzetten. Formaat: docs/data-format.md.",
    )
    commands = data.add_subparsers(dest="data_command", required=True, parser_class=Parser)

    validate = commands.add_parser(
        "validate", help="controleer een bestand (CSV of XLSX) zonder iets te veranderen"
    )
    validate.add_argument("file", type=Path, help="het CSV- of XLSX-bestand")
    validate.set_defaults(func=run_validate)

    import_ = commands.add_parser(
        "import", help="controleer een bestand en maak er de huidige release van", parents=[common]
    )
    import_.add_argument("file", type=Path, help="het CSV- of XLSX-bestand")
    import_.add_argument("--title", help="titel van de bron (standaard: 'Bestand van het departement: NAAM')")
    import_.add_argument(
        "--publisher", help="uitgever van de bron (standaard: Departement Werk en Sociale Economie)"
    )
    import_.add_argument("--licence", help="licentie (standaard: Modellicentie Gratis Hergebruik)")
    import_.set_defaults(func=run_import)

    releases = commands.add_parser("releases", help="toon alle releases; * is de huidige", parents=[common])
    releases.set_defaults(func=run_releases)

    restore = commands.add_parser(
        "restore", help="maak een eerdere release weer de huidige", parents=[common]
    )
    restore.add_argument("release_id", metavar="ID", help="het id uit 'imw data releases' (of 'initial')")
    restore.set_defaults(func=run_restore)
