"""An XLSX import is read with limits on what it unpacks to, its rows and its columns (zip bombs refused)."""

from __future__ import annotations

import resource
import zipfile
from pathlib import Path

import openpyxl
import pytest

from data.monitoring.validation import (
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_XLSX_UNPACKED_BYTES,
    UnreadableFile,
    read_cells,
)


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["indicator", "jaar"])
    book.save(path)


def _replace_sheet(path: Path, write_sheet) -> None:
    """Rewrite the first sheet's XML with what `write_sheet(stream)` writes, deflated (as Excel does)."""
    source = zipfile.ZipFile(path)
    target_path = path.with_suffix(".new.xlsx")
    with zipfile.ZipFile(target_path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for part in source.infolist():
            if part.filename == "xl/worksheets/sheet1.xml":
                with target.open(part.filename, "w", force_zip64=True) as stream:
                    write_sheet(stream)
            else:
                target.writestr(part, source.read(part.filename))
    source.close()
    target_path.replace(path)


HEAD = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
TAIL = b"</sheetData></worksheet>"


def test_a_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked(tmp_path):
    path = tmp_path / "bom.xlsx"
    _workbook(path)
    chunk = b"<row/>" * 100_000

    def bomb(stream):
        stream.write(HEAD)
        for _ in range(MAX_XLSX_UNPACKED_BYTES // len(chunk) + 2):
            stream.write(chunk)
        stream.write(TAIL)

    _replace_sheet(path, bomb)
    assert path.stat().st_size < 1_500_000  # about 1 MB on disk, over 200 MB unpacked
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(UnreadableFile, match=r"pakt uit tot \d+ MB; de grens is 200 MB"):
        read_cells(path)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # kB: nothing was unpacked


@pytest.mark.slow
def test_a_sheet_of_empty_rows_past_the_row_limit_is_refused(tmp_path):
    path = tmp_path / "leeg.xlsx"
    _workbook(path)

    def empty_rows(stream):
        stream.write(HEAD)
        stream.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>indicator</t></is></c></row>')
        for number in range(2, MAX_ROWS + 10):
            stream.write(b'<row r="%d"/>' % number)
        stream.write(TAIL)

    _replace_sheet(path, empty_rows)
    with pytest.raises(UnreadableFile, match=f"meer dan {MAX_ROWS} rijen"):
        read_cells(path)


def test_a_row_wider_than_the_column_limit_is_refused(tmp_path):
    path = tmp_path / "breed.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["x"] * (MAX_COLUMNS + 5))
    book.save(path)
    with pytest.raises(UnreadableFile, match=f"meer dan {MAX_COLUMNS} kolommen"):
        read_cells(path)
