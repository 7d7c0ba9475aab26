"""How the simulator's result files look: sheets with notes, a header, number formats and widths; a Belgian CSV.

What goes in them (which rows, which labels, which rounding) is data/results.py; here is only the layout, so that
every sheet is written the same way:

- `workbook_bytes`: an XLSX of `Sheet`s. Each sheet has its notes on top (the first in bold), a blank row, a bold
  header row that stays in view (frozen panes), then the rows. A number gets the number format of its row (or of
  its column, for years and seeds): Excel shows the thousands separator and the decimal mark of the reader's
  locale. Columns are as wide as their content (within bounds); a text with line breaks wraps.
- `belgian_csv_bytes`: what a Belgian Excel opens as it is, with the conventions of
  ``services.exports.excel_csv_bytes`` (semicolons, decimal commas, UTF-8 with a byte-order mark, CRLF, a header
  row and nothing else); data/ may not import services/, and a test keeps the two writers byte for byte equal.

Every text cell, header and note goes through `neutralise` (data/spreadsheet_safety.py): no cell starts like a
formula, and no cell is written as a formula.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from data.spreadsheet_safety import neutralise

#: Number formats (Excel's codes; ``,`` and ``.`` are the locale's separators, not literal characters).
WHOLE: Final = "#,##0"
ONE_DECIMAL: Final = "#,##0.0"
TWO_DECIMALS: Final = "#,##0.00"
PERCENT: Final = "0.0%"
PLAIN_INTEGER: Final = "0"  # years and seeds: no thousands separator

MIN_WIDTH: Final = 8
MAX_WIDTH: Final = 60
BOM: Final = "\ufeff"

Cell = str | int | float | None


@dataclass(frozen=True)
class Sheet:
    """One sheet: notes above the table, the header, the rows and the number format of each row's numbers."""

    title: str
    header: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    notes: Sequence[str] = ()
    #: The number format of the numbers of each row (None: Excel's general format); as long as `rows` or empty.
    row_formats: Sequence[str | None] = ()
    #: Number formats that hold for a whole column whatever its row (column index from 0: years, seeds).
    column_formats: Mapping[int, str] = field(default_factory=dict)

    @property
    def header_row(self) -> int:
        """The row number of the header (1-based): after the notes and a blank row."""
        return len(self.notes) + 2 if self.notes else 1


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _shown_length(value: Cell, number_format: str | None) -> int:
    """About how many characters Excel needs to show a cell (for the column width)."""
    if value is None:
        return 0
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, float) and math.isnan(value):
        return 0
    if number_format == PERCENT:
        return len(f"{value * 100:.1f}") + 1
    decimals = number_format.count("0") - 1 if number_format and "." in number_format else 0
    text = f"{value:,.{decimals}f}" if number_format and number_format != PLAIN_INTEGER else str(value)
    return len(text)


def workbook_bytes(sheets: Sequence[Sheet]) -> bytes:
    """The sheets as an XLSX file, in this order."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet in sheets:
        worksheet = workbook.create_sheet(str(neutralise(sheet.title))[:31])
        for index, note in enumerate(sheet.notes, start=1):
            cell = worksheet.cell(row=index, column=1, value=neutralise(note))
            if index == 1:
                cell.font = bold
        widths = [len(name) for name in sheet.header]
        for column, name in enumerate(sheet.header, start=1):
            worksheet.cell(row=sheet.header_row, column=column, value=neutralise(name)).font = bold
        for offset, row in enumerate(sheet.rows, start=1):
            row_format = sheet.row_formats[offset - 1] if sheet.row_formats else None
            for column, value in enumerate(row):
                if isinstance(value, float) and math.isnan(value):
                    value = None
                cell = worksheet.cell(
                    row=sheet.header_row + offset, column=column + 1, value=neutralise(value)
                )
                number_format = sheet.column_formats.get(column, row_format)
                if _is_number(value) and number_format:
                    cell.number_format = number_format
                if isinstance(value, str) and "\n" in value:
                    cell.alignment = wrap
                if column < len(widths):
                    widths[column] = max(widths[column], _shown_length(value, number_format))
        for column, width in enumerate(widths, start=1):
            worksheet.column_dimensions[get_column_letter(column)].width = min(
                max(width + 2, MIN_WIDTH), MAX_WIDTH
            )
        worksheet.freeze_panes = worksheet.cell(row=sheet.header_row + 1, column=1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _csv_text(value: Cell) -> str:
    """A cell as ``services.exports.cell_text`` writes it with a decimal comma; text neutralised."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str):
        return str(neutralise(value))
    if isinstance(value, int):
        return str(value)
    number = float(value)
    return (str(int(number)) if number.is_integer() else format(number, ".12g")).replace(".", ",")


def belgian_csv_bytes(header: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """A table as a Belgian Excel opens it: `;` between cells, `,` in numbers, UTF-8 with BOM, CRLF."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([str(neutralise(name)) for name in header])
    writer.writerows([_csv_text(value) for value in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")
