"""Importing a department file makes a new release; earlier releases stay and can be restored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from data.monitoring import releases, store
from tests.data.test_monitoring_support import (
    GOOD_ROWS,
    NOW,
    replaced,
    settings_for,
    snapshot,
    write_csv,
    write_xlsx,
)


def _one_more_worker() -> list[tuple[object, ...]]:
    """The good rows with one more two-year worker without a need for coaching: a second, different file."""
    return [
        tuple(row)
        for row in replaced(
            replaced(replaced(GOOD_ROWS, 0, "value", 8001), 1, "value", 1201), 6, "value", 2801
        )
    ]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_a_good_import_becomes_the_current_release(tmp_path: Path, data_dir: Path) -> None:
    settings = settings_for(data_dir)
    info = store.import_file(write_csv(tmp_path / "wse.csv", GOOD_ROWS), settings, now=NOW)
    assert store.current_release(settings) == info
    assert info.kind == "import" and info.based_on == "initial" and info.file_name == "wse.csv"
    assert info.replaced_indicators == ("imw_workers", "imw_employers")
    assert (data_dir / "CURRENT").read_text(encoding="utf-8").strip() == info.id
    assert sorted(path.name for path in (data_dir / "releases" / info.id).iterdir()) == [
        "indicators.csv",
        "release.json",
        "sources.csv",
    ]


def test_imported_rows_replace_the_illustrative_rows_of_the_same_indicators_only(
    tmp_path: Path, data_dir: Path
) -> None:
    settings = settings_for(data_dir)
    before = store.load_indicators(settings)
    store.import_file(write_csv(tmp_path / "wse.csv", GOOD_ROWS), settings, now=NOW)
    after = store.load_indicators(settings)

    workers = after[after["indicator"] == "imw_workers"]
    assert set(workers["year"]) == {2024}
    assert "i" not in set(workers["flag"])
    assert workers.loc[workers["dimension"] == "total", "value"].iloc[0] == 8000
    assert workers.loc[workers["category"] == "high", "flag"].iloc[0] == "p"
    untouched = ["imw_fte", "cmw_queue", "ggmmi", "cmw_contingent_allocated"]
    for indicator in untouched:
        assert (
            before[before["indicator"] == indicator]
            .reset_index(drop=True)
            .equals(after[after["indicator"] == indicator].reset_index(drop=True))
        ), indicator


def test_the_import_adds_a_verified_source_row_for_the_file(tmp_path: Path, data_dir: Path) -> None:
    settings = settings_for(data_dir)
    info = store.import_file(
        write_csv(tmp_path / "wse.csv", GOOD_ROWS), settings, title="IMW-monitoring 2024", now=NOW
    )
    sources = store.load_sources(settings).set_index("id")
    row = sources.loc[f"import-{info.id}"]
    assert (row["title"], row["status"], row["date_read"]) == (
        "IMW-monitoring 2024",
        "verified",
        "2026-11-27",
    )
    frame = store.load_indicators(settings)
    assert set(frame["source"]) <= set(sources.index)
    assert set(frame.loc[frame["indicator"] == "imw_workers", "source"]) == {f"import-{info.id}"}


def test_imported_small_counts_are_suppressed_like_any_other(tmp_path: Path, data_dir: Path) -> None:
    settings = settings_for(data_dir)
    rows = [
        (2024, "", "imw_employers", "total", "total", 500, ""),
        (2024, "", "imw_employers", "employer_location", "flanders", 496, ""),
        (2024, "", "imw_employers", "employer_location", "outside_flanders", 4, ""),
    ]
    store.import_file(write_csv(tmp_path / "small.csv", rows), settings, now=NOW)
    frame = store.load_indicators(settings)
    location = frame[(frame["indicator"] == "imw_employers") & (frame["dimension"] == "employer_location")]
    assert set(location["flag"]) == {"c"} and location["value"].isna().all()


def test_restore_brings_the_earlier_release_back(tmp_path: Path, data_dir: Path) -> None:
    settings = settings_for(data_dir)
    initial = store.load_indicators(settings)
    first = store.import_file(write_csv(tmp_path / "one.csv", GOOD_ROWS), settings, now=NOW)
    first_frame = store.load_indicators(settings)
    second_rows = _one_more_worker()
    second = store.import_file(write_xlsx(tmp_path / "two.xlsx", second_rows), settings, now=NOW)
    assert second.based_on == first.id and second.id != first.id

    assert store.restore_release(first.id, settings).id == first.id
    assert store.current_release(settings).id == first.id
    assert store.load_indicators(settings).equals(first_frame)

    store.restore_release("initial", settings)
    assert store.load_indicators(settings).equals(initial)
    assert [info.id for info in store.list_releases(settings)] == ["initial", first.id, second.id]


def test_restoring_an_unknown_release_changes_nothing(tmp_path: Path, data_dir: Path) -> None:
    settings = settings_for(data_dir)
    store.import_file(write_csv(tmp_path / "one.csv", GOOD_ROWS), settings, now=NOW)
    before = snapshot(data_dir)
    for release_id in ("20990101T000000Z-deadbeef", "../../etc", ""):
        with pytest.raises(releases.ReleaseError):
            store.restore_release(release_id, settings)
    assert snapshot(data_dir) == before


def test_a_release_changed_on_disk_is_not_trusted(tmp_path: Path, data_dir: Path) -> None:
    settings = settings_for(data_dir)
    info = store.import_file(write_csv(tmp_path / "one.csv", GOOD_ROWS), settings, now=NOW)
    store.restore_release("initial", settings)
    table = data_dir / "releases" / info.id / "indicators.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("8000", "9000"), encoding="utf-8")
    store._stored_release.cache_clear()
    with pytest.raises(releases.ReleaseError, match="checksum"):
        store.restore_release(info.id, settings)
    assert store.current_release(settings).id == "initial"
    assert [info.kind for info in store.list_releases(settings)] == ["initial", "damaged"]


def test_a_failure_while_writing_leaves_the_current_release_and_no_half_release(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = settings_for(data_dir)
    store.import_file(write_csv(tmp_path / "one.csv", GOOD_ROWS), settings, now=NOW)
    before = store.current_release(settings).id

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(releases.os, "rename", disk_full)
    second_rows = _one_more_worker()
    with pytest.raises(OSError):
        store.import_file(write_csv(tmp_path / "two.csv", second_rows), settings, now=NOW)
    assert store.current_release(settings).id == before
    assert [path.name for path in (data_dir / "releases").iterdir()] == [
        before
    ]  # no half-written folder left


def test_the_pointer_is_replaced_atomically_with_os_replace(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir.mkdir()
    calls: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        calls.append((Path(source).name, Path(target).name))
        real_replace(source, target)

    monkeypatch.setattr(releases.os, "replace", spy)
    releases.write_pointer(data_dir, "initial")
    assert calls and calls[0][1] == "CURRENT" and calls[0][0] != "CURRENT"
    assert releases.read_pointer(data_dir) == "initial"
    assert [path.name for path in data_dir.iterdir()] == ["CURRENT"]


def test_a_pointer_naming_no_release_is_reported_not_followed(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "CURRENT").write_text("../../somewhere\n", encoding="utf-8")
    with pytest.raises(releases.ReleaseError):
        store.load_indicators(settings_for(data_dir))


def test_two_imports_of_the_same_file_in_the_same_second_get_two_releases(
    tmp_path: Path, data_dir: Path
) -> None:
    settings = settings_for(data_dir)
    path = write_csv(tmp_path / "one.csv", GOOD_ROWS)
    first = store.import_file(path, settings, now=NOW)
    second = store.import_file(path, settings, now=NOW)
    assert second.id == f"{first.id}-2"
    assert store.load_indicators(settings).equals(
        store.load_indicators(settings)
    )  # the second import replaced the same rows with the same rows


def test_a_temporary_folder_left_by_a_killed_import_is_removed_by_the_next(tmp_path):
    import subprocess

    from data.monitoring.releases import releases_dir, remove_stale_temporaries

    dead = subprocess.Popen(["true"])
    dead.wait()
    left = releases_dir(tmp_path) / f".tmp-20260101T000000Z-000000000000-{dead.pid}"
    left.mkdir(parents=True)
    (left / "indicators.csv").write_text("half", encoding="utf-8")
    pointer = tmp_path / f".CURRENT.{dead.pid}.tmp"
    pointer.write_text("x", encoding="utf-8")
    alive = releases_dir(tmp_path) / f".tmp-20260101T000000Z-000000000001-{os.getpid()}"
    alive.mkdir()
    assert sorted(remove_stale_temporaries(tmp_path)) == sorted([left, pointer])
    assert not left.exists() and not pointer.exists() and alive.exists()
