"""The monitoring data as pages and the command line see it: the current release, suppressed, with its sources.

Pages call :func:`load_indicators`, :func:`load_sources`, :func:`catalogue` and :func:`current_release`. The
command line (`imw data ...`) calls :func:`validate_file`, :func:`import_file`, :func:`list_releases` and
:func:`restore_release`.

Settings: every function that reads or writes a release takes the portal's settings (any object with ``data_dir``
and ``suppression_threshold``, such as ``services.config.Settings``): the caller reads them once (create_app, the
CLI's entry) and passes them down; the data layer never reads the environment.

A parsed release is kept in memory (releases never change once written); only the small pointer file is read on
every call, so an import or a restore shows on the next call of every running process.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Final, Protocol

import pandas as pd

from data.monitoring.catalogue import Catalogue, IndicatorMeta, load_catalogue
from data.monitoring.published import SOURCES_DIR, published_observations
from data.monitoring.releases import (
    INITIAL_RELEASE_ID,
    ReleaseError,
    ReleaseInfo,
    is_release_id,
    locked,
    read_pointer,
    read_release,
    releases_dir,
    stored_release_ids,
    write_pointer,
    write_release,
)
from data.monitoring.schema import SOURCE_COLUMNS, TOTAL
from data.monitoring.suppression import suppress
from data.monitoring.tidy import (
    Observation,
    frame_from_observations,
    observations_of,
    parse_sources_csv,
    parse_tidy_csv,
    read_sources_csv,
    read_tidy_csv,
    sources_csv_text,
    tidy_csv_text,
)
from data.monitoring.validation import ValidationReport
from data.monitoring.validation import validate_file as _validate_file

ILLUSTRATIVE_PATH: Final = Path(__file__).resolve().parent / "illustrative.csv"
SOURCES_PATH: Final = SOURCES_DIR / "sources.csv"
DEFAULT_IMPORT_PUBLISHER: Final = "Departement Werk en Sociale Economie"
DEFAULT_IMPORT_LICENCE: Final = "Modellicentie Gratis Hergebruik"


class StoreSettings(Protocol):
    """What the data layer needs of the portal's settings (services.config.Settings has it)."""

    @property
    def data_dir(self) -> Path: ...

    @property
    def suppression_threshold(self) -> int: ...


class FileRejected(Exception):
    """A department file failed its checks; nothing was written. ``report`` lists every problem."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(f"{report.file_name}: {len(report.problems)} problem(s)")
        self.report = report


@dataclass(frozen=True)
class ReleaseTables:
    """A release read into memory: what it is, its tidy table (before suppression) and its sources."""

    info: ReleaseInfo
    indicators: pd.DataFrame
    sources: pd.DataFrame


# ------------------------------------------------------------------------------------------------ reading
def catalogue() -> list[IndicatorMeta]:
    """Every indicator of the catalogue, in its order: titles, texts, unit, breakdowns, sources."""
    return list(load_catalogue().indicators.values())


def indicator_catalogue() -> Catalogue:
    """The full catalogue: indicators by id, and the dimensions with their category labels."""
    return load_catalogue()


@cache
def initial_release() -> ReleaseTables:
    """The release shipped with the portal: the published series and the illustrative data."""
    observations = [*published_observations(), *read_tidy_csv(ILLUSTRATIVE_PATH)]
    info = ReleaseInfo(
        id=INITIAL_RELEASE_ID,
        kind="initial",
        created_at="",
        row_count=len(observations),
        title="Meegeleverd: gepubliceerde reeksen en illustratieve gegevens",
    )
    return ReleaseTables(info, frame_from_observations(observations), read_sources_csv(SOURCES_PATH))


@lru_cache(maxsize=16)
def _stored_release(data_dir: Path, release_id: str) -> ReleaseTables:
    stored = read_release(data_dir, release_id)
    name = str(releases_dir(data_dir) / release_id)
    indicators = frame_from_observations(parse_tidy_csv(stored.indicators_csv, name))
    return ReleaseTables(stored.info, indicators, parse_sources_csv(stored.sources_csv, name))


def release_tables(data_dir: Path, release_id: str) -> ReleaseTables:
    """A release by id (before suppression); ReleaseError when it is missing or damaged. Do not change the
    frames: they are shared."""
    if release_id == INITIAL_RELEASE_ID:
        return initial_release()
    return _stored_release(data_dir, release_id)


@lru_cache(maxsize=16)
def _suppressed(data_dir: Path, release_id: str, threshold: int) -> pd.DataFrame:
    return suppress(release_tables(data_dir, release_id).indicators, load_catalogue(), threshold)


def load_indicators(settings: StoreSettings) -> pd.DataFrame:
    """The current release as a tidy table, small cells already suppressed (flag "c", value missing).

    Columns: year (int), quarter (Int64, missing for a year), indicator, dimension, category, value (float,
    missing when suppressed), unit, flag, source (text). Safe to change: every call returns a new copy.
    """
    release_id = read_pointer(settings.data_dir)
    return _suppressed(settings.data_dir, release_id, settings.suppression_threshold).copy()


def load_sources(settings: StoreSettings) -> pd.DataFrame:
    """The sources table of the current release: id, title, publisher, address, date_read, licence, status."""
    return release_tables(settings.data_dir, read_pointer(settings.data_dir)).sources.copy()


def current_release(settings: StoreSettings) -> ReleaseInfo:
    """What the current release is: its id, kind ("initial" or "import"), date, file and replaced indicators."""
    return release_tables(settings.data_dir, read_pointer(settings.data_dir)).info


def list_releases(settings: StoreSettings) -> list[ReleaseInfo]:
    """Every release, the initial one first, then the imports from oldest to newest. A damaged release is
    listed with kind "damaged" and the reason as its title."""
    result = [initial_release().info]
    for release_id in stored_release_ids(settings.data_dir):
        try:
            result.append(release_tables(settings.data_dir, release_id).info)
        except ReleaseError as error:
            result.append(
                ReleaseInfo(id=release_id, kind="damaged", created_at="", row_count=0, title=str(error))
            )
    return result


def breakdown_shares(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of a tidy table with a column ``share``: each value as a share (0-1) of the total of the same
    year, quarter and indicator. Missing when the value or the total is missing (suppressed)."""
    totals = frame.loc[frame["dimension"] == TOTAL, ["year", "quarter", "indicator", "value"]].rename(
        columns={"value": "total_value"}
    )
    merged = frame.merge(totals, on=["year", "quarter", "indicator"], how="left")
    merged["share"] = merged["value"] / merged["total_value"]
    return merged.drop(columns=["total_value"])


# ------------------------------------------------------------------------------------------------ importing
def validate_file(path: Path, today: dt.date | None = None) -> ValidationReport:
    """Check a department file (CSV or XLSX) against the catalogue; writes nothing."""
    return _validate_file(path, load_catalogue(), today)


def merge_import(
    base: ReleaseTables, report: ValidationReport, source_row: dict[str, str], catalogue_: Catalogue
) -> tuple[list[Observation], pd.DataFrame]:
    """The rows and sources of a new release: the base release without the rows of the imported indicators, then
    the imported rows (unit from the catalogue, source `source_row["id"]`); the sources plus `source_row`."""
    replaced = set(report.indicators)
    kept = [row for row in observations_of(base.indicators) if row.indicator not in replaced]
    imported = [
        Observation(
            row.year,
            row.quarter,
            row.indicator,
            row.dimension,
            row.category,
            row.value,
            catalogue_.indicator(row.indicator).unit,
            row.flag,
            source_row["id"],
        )
        for row in report.rows
    ]
    new_source = pd.DataFrame({column: [source_row[column]] for column in SOURCE_COLUMNS}, dtype="str")
    sources = pd.concat([base.sources, new_source], ignore_index=True)
    return [*kept, *imported], sources


def _new_release_id(data_dir: Path, now: dt.datetime, content: bytes) -> str:
    stem = f"{now.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}-{hashlib.sha256(content).hexdigest()[:8]}"
    candidate, number = stem, 1
    while (releases_dir(data_dir) / candidate).exists():
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def import_file(
    path: Path,
    settings: StoreSettings,
    *,
    title: str | None = None,
    publisher: str = DEFAULT_IMPORT_PUBLISHER,
    licence: str = DEFAULT_IMPORT_LICENCE,
    now: dt.datetime | None = None,
) -> ReleaseInfo:
    """Check a department file and, when it is good, make it the current release.

    The new release is the current one with the rows of every indicator in the file replaced by the file's rows
    (the illustrative rows go; the published series stay). Raises FileRejected, having written nothing, when the
    file has any problem; ReleaseError or OSError when the data folder cannot be written (the current release
    then stays current).
    """
    moment = now or dt.datetime.now(dt.UTC)
    report = validate_file(path, moment.date())
    if not report.ok:
        raise FileRejected(report)
    data_dir = settings.data_dir
    with locked(data_dir):
        base_id = read_pointer(data_dir)
        base = release_tables(data_dir, base_id)
        release_id = _new_release_id(data_dir, moment, path.read_bytes())
        source_row = {
            "id": f"import-{release_id}",
            "title": title or f"Bestand van het departement: {path.name}",
            "publisher": publisher,
            "address": path.name,
            "date_read": moment.date().isoformat(),
            "licence": licence,
            "status": "verified",
        }
        rows, sources = merge_import(base, report, source_row, load_catalogue())
        info = ReleaseInfo(
            id=release_id,
            kind="import",
            created_at=moment.astimezone(dt.UTC).isoformat(timespec="seconds"),
            row_count=len(rows),
            file_name=path.name,
            title=source_row["title"],
            based_on=base_id,
            replaced_indicators=report.indicators,
        )
        write_release(data_dir, info, tidy_csv_text(rows), sources_csv_text(sources))
        stored = release_tables(data_dir, release_id)  # read back and checked before it becomes current
        write_pointer(data_dir, release_id)
    return stored.info


def restore_release(release_id: str, settings: StoreSettings) -> ReleaseInfo:
    """Make an earlier release current again ("initial" included); ReleaseError when it is unknown or damaged."""
    if not is_release_id(release_id):
        raise ReleaseError(f"'{release_id}' is geen release-id; 'imw data releases' toont ze")
    with locked(settings.data_dir):
        tables = release_tables(settings.data_dir, release_id)
        write_pointer(settings.data_dir, release_id)
    return tables.info
