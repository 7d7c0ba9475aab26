"""Releases of the monitoring data on disk, and the pointer that says which one is current.

Layout of a data folder (``Settings.data_dir``)::

    CURRENT                      the id of the current release (missing: the bundled initial release)
    releases/<id>/indicators.csv the full tidy table of the release (before suppression)
    releases/<id>/sources.csv    its sources table
    releases/<id>/release.json   what the release is: when, from which file, which indicators it replaced,
                                 and the SHA-256 of the two tables (checked on every read)
    .lock                        held during an import or a restore

A release is written into a temporary folder, every file fsynced, the folder renamed into place and the pointer
replaced with ``os.replace``: a reader sees the old release or the new one, never half of one. Releases are never
deleted; ``restore`` points back at an earlier one. The release ``initial`` (the published series and the
illustrative data shipped in the repository) needs no folder: a fresh data folder works without any command.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from data.atomic import fsync_directory, write_atomically

INITIAL_RELEASE_ID: Final = "initial"
POINTER_NAME: Final = "CURRENT"
RELEASES_FOLDER: Final = "releases"
LOCK_NAME: Final = ".lock"
INDICATORS_FILE: Final = "indicators.csv"
SOURCES_FILE: Final = "sources.csv"
MANIFEST_FILE: Final = "release.json"
RELEASE_ID_PATTERN: Final = re.compile(r"^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}(-[0-9]+)?$")


class ReleaseError(Exception):
    """A release cannot be found, read or trusted; the message (Dutch: the command line shows it) names it."""


@dataclass(frozen=True)
class ReleaseInfo:
    """One release: its id, when and from what it was made, and how many rows it holds.

    ``kind`` is "initial" (shipped with the portal) or "import" (a department file). ``replaced_indicators``
    are the indicators whose earlier rows the import replaced. ``created_at`` is an ISO 8601 time in UTC.
    """

    id: str
    kind: str
    created_at: str
    row_count: int
    file_name: str = ""
    title: str = ""
    based_on: str = ""
    replaced_indicators: tuple[str, ...] = ()
    indicators_sha256: str = ""
    sources_sha256: str = ""

    def to_json(self) -> str:
        """The manifest text of the release."""
        record = {
            "id": self.id,
            "kind": self.kind,
            "created_at": self.created_at,
            "row_count": self.row_count,
            "file_name": self.file_name,
            "title": self.title,
            "based_on": self.based_on,
            "replaced_indicators": list(self.replaced_indicators),
            "indicators_sha256": self.indicators_sha256,
            "sources_sha256": self.sources_sha256,
        }
        return json.dumps(record, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ReleaseInfo:
        """Read a manifest; ReleaseError when it is damaged."""
        try:
            record = json.loads(text)
            return cls(
                id=str(record["id"]),
                kind=str(record["kind"]),
                created_at=str(record["created_at"]),
                row_count=int(record["row_count"]),
                file_name=str(record.get("file_name", "")),
                title=str(record.get("title", "")),
                based_on=str(record.get("based_on", "")),
                replaced_indicators=tuple(str(item) for item in record.get("replaced_indicators", [])),
                indicators_sha256=str(record["indicators_sha256"]),
                sources_sha256=str(record["sources_sha256"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise ReleaseError(
                f"de beschrijving van de release (release.json) is beschadigd ({error})"
            ) from None


@dataclass(frozen=True)
class StoredRelease:
    """The text of a release as it is on disk, checked against its manifest."""

    info: ReleaseInfo
    indicators_csv: str
    sources_csv: str


def sha256_text(text: str) -> str:
    """The SHA-256 of a text in UTF-8, as hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def releases_dir(data_dir: Path) -> Path:
    """The folder that holds the release folders."""
    return data_dir / RELEASES_FOLDER


def is_release_id(release_id: str) -> bool:
    """True for "initial" and for ids as imports make them (no path tricks possible)."""
    return release_id == INITIAL_RELEASE_ID or bool(RELEASE_ID_PATTERN.match(release_id))


def read_pointer(data_dir: Path) -> str:
    """The id of the current release; "initial" when no pointer was ever written."""
    try:
        release_id = (data_dir / POINTER_NAME).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return INITIAL_RELEASE_ID
    except OSError as error:
        raise ReleaseError(f"kan {data_dir / POINTER_NAME} niet lezen: {error.strerror or error}") from None
    if not is_release_id(release_id):
        raise ReleaseError(f"{data_dir / POINTER_NAME} bevat '{release_id}', geen geldig release-id")
    return release_id


def _write_synced(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def write_pointer(data_dir: Path, release_id: str) -> None:
    """Make `release_id` current, atomically (data/atomic.py: a synced temporary file, then os.replace)."""
    write_atomically(data_dir / POINTER_NAME, (release_id + "\n").encode("utf-8"))


@contextlib.contextmanager
def locked(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's lock: one import or restore at a time."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with (data_dir / LOCK_NAME).open("a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(data_dir: Path) -> list[Path]:
    """Remove the temporary folders and pointer files of writers that died (a kill -9 mid-import); return them.

    Their names carry the writer's process id: one whose process is gone is stale. Call under the import lock."""
    removed: list[Path] = []
    candidates = [
        *(releases_dir(data_dir).glob(".tmp-*") if releases_dir(data_dir).is_dir() else []),
        *data_dir.glob(f".{POINTER_NAME}.*.tmp"),
    ]
    for path in candidates:
        digits = path.name.removesuffix(".tmp").rsplit("-" if path.is_dir() else ".", 1)[-1]
        if digits.isdigit() and not _process_alive(int(digits)):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def write_release(data_dir: Path, info: ReleaseInfo, indicators_csv: str, sources_csv: str) -> Path:
    """Write a release folder so that it appears whole or not at all; return its path. The pointer is not
    touched. The hashes in `info` are filled in here."""
    folder = releases_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(data_dir)
    target = folder / info.id
    if target.exists():
        raise ReleaseError(f"release {info.id} bestaat al")
    temporary = folder / f".tmp-{info.id}-{os.getpid()}"
    temporary.mkdir()
    manifest = dataclasses.replace(
        info, indicators_sha256=sha256_text(indicators_csv), sources_sha256=sha256_text(sources_csv)
    )
    try:
        _write_synced(temporary / INDICATORS_FILE, indicators_csv)
        _write_synced(temporary / SOURCES_FILE, sources_csv)
        _write_synced(temporary / MANIFEST_FILE, manifest.to_json())
        fsync_directory(temporary)
        os.rename(temporary, target)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    fsync_directory(folder)
    return target


def read_release(data_dir: Path, release_id: str) -> StoredRelease:
    """Read a release folder and check its files against the manifest; ReleaseError when anything is off."""
    if release_id == INITIAL_RELEASE_ID or not is_release_id(release_id):
        raise ReleaseError(f"'{release_id}' is geen release op schijf")
    folder = releases_dir(data_dir) / release_id
    try:
        info = ReleaseInfo.from_json((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
        indicators_csv = (folder / INDICATORS_FILE).read_text(encoding="utf-8")
        sources_csv = (folder / SOURCES_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReleaseError(
            f"release {release_id} ontbreekt of is onvolledig in {releases_dir(data_dir)}"
        ) from None
    except OSError as error:
        raise ReleaseError(f"kan release {release_id} niet lezen: {error.strerror or error}") from None
    if info.id != release_id:
        raise ReleaseError(f"de map van release {release_id} bevat de beschrijving van {info.id}")
    if (
        sha256_text(indicators_csv) != info.indicators_sha256
        or sha256_text(sources_csv) != info.sources_sha256
    ):
        raise ReleaseError(f"release {release_id} is na het schrijven veranderd (de checksum verschilt)")
    return StoredRelease(info, indicators_csv, sources_csv)


def stored_release_ids(data_dir: Path) -> list[str]:
    """The ids of the release folders on disk, oldest first (temporary folders left out). Ids start with the
    second of the import; within one second the order of writing decides."""
    folder = releases_dir(data_dir)
    if not folder.is_dir():
        return []

    def written(entry: Path) -> tuple[str, int, str]:
        try:
            modified = (entry / MANIFEST_FILE).stat().st_mtime_ns
        except OSError:
            modified = 0
        return (entry.name.split("-")[0], modified, entry.name)

    entries = [entry for entry in folder.iterdir() if entry.is_dir() and is_release_id(entry.name)]
    return [entry.name for entry in sorted(entries, key=written)]
