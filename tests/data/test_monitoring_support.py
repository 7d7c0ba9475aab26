"""Helpers shared by the test_monitoring_* modules: department files, data folders, snapshots. No tests here."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from services.config import Settings

HEADER = ("year", "quarter", "indicator", "dimension", "category", "value", "flag")
NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)

Row = Sequence[object]

# A good department file: IMW workers in 2024 by package and need, and employers by location.
GOOD_ROWS: tuple[Row, ...] = (
    (2024, "", "imw_workers", "total", "total", 8000, ""),
    (2024, "", "imw_workers", "package", "two_year", 1200, ""),
    (2024, "", "imw_workers", "package", "five_year_standard", 3600, ""),
    (2024, "", "imw_workers", "package", "five_year_raised", 2400, ""),
    (2024, "", "imw_workers", "package", "collective_advice", 400, ""),
    (2024, "", "imw_workers", "package", "self_employed", 400, ""),
    (2024, "", "imw_workers", "coaching_need", "none", 2800, ""),
    (2024, "", "imw_workers", "coaching_need", "low", 2400, ""),
    (2024, "", "imw_workers", "coaching_need", "medium", 1760, ""),
    (2024, "", "imw_workers", "coaching_need", "high", 1040, "p"),
    (2024, "", "imw_employers", "total", "total", 5000, ""),
    (2024, "", "imw_employers", "employer_location", "flanders", 4800, ""),
    (2024, "", "imw_employers", "employer_location", "outside_flanders", 200, ""),
)


def write_csv(path: Path, rows: Sequence[Row], header: Sequence[str] = HEADER, delimiter: str = ",") -> Path:
    """A department CSV file; line 1 is the header, so rows[i] is on line i + 2."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Row], header: Sequence[str] = HEADER) -> Path:
    """A department XLSX file; row 1 is the header, so rows[i] is on row i + 2. Empty strings become empty cells."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(header))
    for row in rows:
        sheet.append([None if cell == "" else cell for cell in row])
    workbook.save(path)
    return path


def replaced(rows: Sequence[Row], index: int, column: str, value: object) -> list[Row]:
    """A copy of `rows` with one cell changed."""
    result = [list(row) for row in rows]
    result[index][HEADER.index(column)] = value
    return [tuple(row) for row in result]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (relative path -> bytes), to prove that nothing changed."""
    if not folder.exists():
        return {}
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def settings_for(data_dir: Path, threshold: int = 10) -> Settings:
    """The portal's settings with a test data folder."""
    return Settings(data_dir=data_dir, suppression_threshold=threshold)
