"""Writers of the monitoring downloads, one function per format, each turning every cell into text in one place
(`cell_text`), so that a wrapper can neutralise text cells for every file at once:

- `excel_csv_bytes`: what a Belgian Excel opens as it is: semicolons, decimal commas, UTF-8 with a byte-order
  mark, CRLF line ends, a header row and nothing else (flags, sources and status are columns of every row).
- `machine_csv_bytes`: tidy CSV for scripts: commas, decimal points, UTF-8 without a byte-order mark, LF line
  ends, no comment lines.
- `json_records`: the same rows as JSON records (numbers as numbers, missing values as null).

Whole numbers are written as whole numbers (326, not 326.0); other numbers with up to 12 significant digits.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from typing import Any, Final

import pandas as pd

from data.spreadsheet_safety import neutralise

BOM: Final = "\ufeff"


def number_text(value: float | None, decimal: str = ".") -> str:
    """A number as a file writes it: "326", "19913.79" (or "19913,79" with a decimal comma); "" when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = float(value)
    text = str(int(number)) if number.is_integer() else format(number, ".12g")
    return text.replace(".", decimal) if decimal != "." else text


def cell_text(value: Any, decimal: str = ".") -> str:
    """Any cell as text: numbers by `number_text`, missing values empty, everything else as it is."""
    if value is None or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number_text(value, decimal)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return cell_text(value.item(), decimal)
    return str(value)


def _rows(table: pd.DataFrame, header: Sequence[str] | None, decimal: str) -> Iterable[list[str]]:
    """The header and the rows as text; a text cell that a spreadsheet would run as a formula is neutralised
    (data/spreadsheet_safety.py), a number is not (a negative number stays a number)."""
    yield [str(neutralise(str(name))) for name in (header or table.columns)]
    for record in table.itertuples(index=False, name=None):
        yield [
            str(neutralise(value)) if isinstance(value, str) else cell_text(value, decimal)
            for value in record
        ]


def excel_csv_bytes(table: pd.DataFrame, header: Sequence[str] | None = None) -> bytes:
    """The table as a Belgian Excel opens it: `;` between cells, `,` in numbers, UTF-8 with BOM, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(_rows(table, header, ","))
    return (BOM + buffer.getvalue()).encode("utf-8")


def machine_csv_bytes(table: pd.DataFrame) -> bytes:
    """The table as tidy CSV for scripts: `,` between cells, `.` in numbers, UTF-8, LF, the header row first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=",", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(_rows(table, None, "."))
    return buffer.getvalue().encode("utf-8")


def json_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as JSON-ready records: numbers as numbers (whole ones as integers), missing values as null."""
    records = []
    for record in table.to_dict("records"):
        clean: dict[str, Any] = {}
        for key, value in record.items():
            if hasattr(value, "item") and not isinstance(value, str):
                value = value.item()
            if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
                clean[str(key)] = None
            elif isinstance(value, float) and value.is_integer():
                clean[str(key)] = int(value)
            else:
                clean[str(key)] = value
        records.append(clean)
    return records
