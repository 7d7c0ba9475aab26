"""`imw data ...`: validate, import, list and restore monitoring data releases.

    imw data validate FILE        check a department file (CSV or XLSX); writes nothing
    imw data import FILE          check it and, when it is good, make it the current release
    imw data releases             list the releases, the current one marked
    imw data restore ID           make an earlier release current again

A bad file prints every problem with its line number to stderr and exits with 2; the data stay as they were.
The data folder is IMW_DATA_DIR (default data/monitoring), or --data-dir.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Final, TypeVar

import click

from cli.common import EXIT_BAD_INPUT, InOrder, UsageError
from services.config import Settings

EXIT_WRITE_FAILED: Final = 1
MAX_PROBLEMS_SHOWN: Final = 200


def _settings(data_dir: Path | None) -> Settings:
    """The settings of this command, read once from the environment (the CLI's entry) and passed down."""
    from services.config import ConfigError, settings_from_environment

    try:
        settings = settings_from_environment()
    except ConfigError as error:
        raise UsageError(str(error)) from None
    if data_dir is not None:
        settings = dataclasses.replace(settings, data_dir=data_dir)
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


def run_validate(file: Path) -> int:
    from data.monitoring import store

    report = store.validate_file(file)
    if not report.ok:
        _print_problems(report.file_name, report.problems)
        return EXIT_BAD_INPUT
    print(
        f"{report.file_name} is in orde: {len(report.rows)} rijen voor {len(report.indicators)} "
        f"{'indicator' if len(report.indicators) == 1 else 'indicatoren'} ({', '.join(report.indicators)}). "
        "Bij een import vervangen ze de huidige rijen van die indicatoren."
    )
    return 0


def run_import(
    file: Path, data_dir: Path | None, title: str | None, publisher: str | None, licence: str | None
) -> int:
    from data.monitoring import store
    from data.monitoring.releases import ReleaseError

    settings = _settings(data_dir)
    try:
        info = store.import_file(
            file,
            settings,
            title=title,
            publisher=publisher or store.DEFAULT_IMPORT_PUBLISHER,
            licence=licence or store.DEFAULT_IMPORT_LICENCE,
        )
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


def run_releases(data_dir: Path | None) -> int:
    from data.monitoring import store
    from data.monitoring.releases import ReleaseError

    settings = _settings(data_dir)
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


def run_restore(release_id: str, data_dir: Path | None) -> int:
    from data.monitoring import store
    from data.monitoring.releases import ReleaseError

    settings = _settings(data_dir)
    try:
        info = store.restore_release(release_id, settings)
    except ReleaseError as error:
        print(f"fout: {error}; er is niets veranderd.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"fout: kon de wijzer niet schrijven ({error}); er is niets veranderd.", file=sys.stderr)
        return EXIT_WRITE_FAILED
    print(f"Release {info.id} is weer de huidige ({info.row_count} rijen).")
    return 0


F = TypeVar("F", bound=Callable[..., object])


def _data_dir_option(command: F) -> F:
    return click.option(
        "--data-dir",
        type=click.Path(path_type=Path),
        default=None,
        help="map met de releases (standaard: IMW_DATA_DIR, anders data/monitoring)",
    )(command)


_FILE = click.Path(dir_okay=False, path_type=Path)  # a missing file is one of the problems the report lists


@click.group(
    "data",
    cls=InOrder,
    short_help="monitoringgegevens: controleren, importeren, releases",
    help="De monitoringgegevens: een bestand van het departement controleren en importeren, "
    "releases bekijken en terugzetten. Formaat: docs/data-format.md.",
)
def data() -> None:
    """The `data` subcommands."""


@data.command("validate", short_help="controleer een bestand (CSV of XLSX) zonder iets te veranderen")
@click.argument("file", type=_FILE)
def validate_command(file: Path) -> int:
    """Controleer een bestand (CSV of XLSX) zonder iets te veranderen. FILE: het CSV- of XLSX-bestand."""
    return run_validate(file)


@data.command("import", short_help="controleer een bestand en maak er de huidige release van")
@click.argument("file", type=_FILE)
@_data_dir_option
@click.option("--title", help="titel van de bron (standaard: 'Bestand van het departement: NAAM')")
@click.option("--publisher", help="uitgever van de bron (standaard: Departement Werk en Sociale Economie)")
@click.option("--licence", help="licentie (standaard: Modellicentie Gratis Hergebruik)")
def import_command(
    file: Path, data_dir: Path | None, title: str | None, publisher: str | None, licence: str | None
) -> int:
    """Controleer een bestand en maak er de huidige release van. FILE: het CSV- of XLSX-bestand."""
    return run_import(file, data_dir, title, publisher, licence)


@data.command("releases", short_help="toon alle releases; * is de huidige")
@_data_dir_option
def releases_command(data_dir: Path | None) -> int:
    """Toon alle releases; * is de huidige."""
    return run_releases(data_dir)


@data.command("restore", short_help="maak een eerdere release weer de huidige")
@click.argument("release_id", metavar="ID")
@_data_dir_option
def restore_command(release_id: str, data_dir: Path | None) -> int:
    """Maak een eerdere release weer de huidige. ID: het id uit 'imw data releases' (of 'initial')."""
    return run_restore(release_id, data_dir)
