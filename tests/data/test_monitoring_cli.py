"""`imw data validate | import | releases | restore`: clear messages, exit code 2 for bad input, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cli import main
from tests.data.test_monitoring_support import GOOD_ROWS, replaced, snapshot, write_csv

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A test data folder, given through IMW_DATA_DIR as in production."""
    folder = tmp_path / "data"
    monkeypatch.setenv("IMW_DATA_DIR", str(folder))
    return folder


def test_validate_says_a_good_file_is_in_order(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "validate", str(write_csv(tmp_path / "wse.csv", GOOD_ROWS))]) == 0
    out = capsys.readouterr().out
    assert "in orde" in out and "13 rijen" in out
    assert not data_dir.exists()


def test_validate_lists_every_problem_with_its_line_and_exits_with_2(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = replaced(replaced(GOOD_ROWS, 2, "indicator", "imw_unicorns"), 4, "value", "veel")
    assert main(["data", "validate", str(write_csv(tmp_path / "bad.csv", rows))]) == 2
    err = capsys.readouterr().err
    assert "bad.csv, regel 4: onbekende indicator 'imw_unicorns'" in err
    assert "bad.csv, regel 6: waarde 'veel'" in err
    assert "2 fouten; er is niets veranderd" in err
    assert "Traceback" not in err


def test_import_of_a_bad_file_exits_with_2_and_changes_nothing(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "import", str(write_csv(tmp_path / "good.csv", GOOD_ROWS))]) == 0
    before = snapshot(data_dir)
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert main(["data", "import", str(empty)]) == 2
    assert snapshot(data_dir) == before
    assert "regel 1: het bestand is leeg" in capsys.readouterr().err


def test_import_then_releases_then_restore(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["data", "import", str(write_csv(tmp_path / "good.csv", GOOD_ROWS)), "--title", "Monitoring 2024"]
        )
        == 0
    )
    out = capsys.readouterr().out
    release_id = out.split("release ")[1].split(":")[0]
    assert "vervangen: imw_workers, imw_employers" in out

    assert main(["data", "releases"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("  initial") and listing[1].startswith(f"* {release_id}")
    assert "Monitoring 2024" in listing[1]

    assert main(["data", "restore", "initial"]) == 0
    assert "initial is weer de huidige" in capsys.readouterr().out
    assert (data_dir / "CURRENT").read_text(encoding="utf-8").strip() == "initial"


def test_restore_of_an_unknown_release_exits_with_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data", "restore", "20990101T000000Z-deadbeef"]) == 2
    err = capsys.readouterr().err
    assert "niets veranderd" in err and "Traceback" not in err


def test_the_data_dir_option_overrides_the_environment(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    assert (
        main(["data", "import", str(write_csv(tmp_path / "good.csv", GOOD_ROWS)), "--data-dir", str(other)])
        == 0
    )
    assert (other / "CURRENT").exists() and not data_dir.exists()


def test_a_missing_subcommand_or_file_is_a_usage_error_with_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["data"]) == 2
    assert main(["data", "validate"]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_bad_setting_in_the_environment_exits_with_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("IMW_SUPPRESSION_THRESHOLD", "veel")
    assert main(["data", "releases"]) == 2
    assert "IMW_SUPPRESSION_THRESHOLD" in capsys.readouterr().err


def test_the_console_script_exits_with_2_on_a_bad_file_without_a_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "imw"  # declared in pyproject.toml as imw = "cli:main"
    if not script.exists():
        pytest.skip("the imw console script is not installed in this environment")
    bad = write_csv(tmp_path / "bad.csv", replaced(GOOD_ROWS, 0, "year", "x"))
    result = subprocess.run(
        [str(script), "data", "import", str(bad), "--data-dir", str(tmp_path / "data")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert "regel 2" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "data").exists()


def test_an_import_into_an_unwritable_data_folder_exits_with_1_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("IMW_DATA_DIR", str(not_a_folder))
    assert main(["data", "import", str(write_csv(tmp_path / "good.csv", GOOD_ROWS))]) == 1
    err = capsys.readouterr().err
    assert "de import is niet gelukt" in err and "Traceback" not in err
