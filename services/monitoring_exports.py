"""Downloads of what a view shows, with flags, sources and status in every row, in three forms:

- CSV for Excel (`excel_csv`): what a Belgian Excel opens as it is (semicolons, decimal commas, UTF-8 with a
  byte-order mark), column headers in the page's language, no comment lines: the indicator, the flag in words,
  the source, its status and licence, and whether the row is illustrative are columns of every row;
- CSV for machines (`machine_csv`): tidy, commas and decimal points, the schema's English column names (the same
  in both languages, so that scripts work on either), no comment lines;
- XLSX: the notes (indicator, selection, sources, flags, the illustrative warning) on top of the first sheet, the
  table below, the sources on a second sheet.

The writers of the CSV forms are services/exports.py (one function per format); the XLSX writer is `xlsx_bytes`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from data.monitoring.frames import (
    FLAG_ILLUSTRATIVE,
    Period,
    flag_label,
    has_illustrative,
    period_label,
    quarter_number,
)
from data.monitoring.schema import COLUMNS, FLAGS
from data.spreadsheet_safety import neutralise
from i18n import has_text, normalise_language, t
from services.exports import excel_csv_bytes, machine_csv_bytes
from services.monitoring import (
    block_context,
    block_rows,
    localised_sources,
    state_from_controls,
    status_words,
)

# The columns of a download: the schema's, then the words that make a row readable on its own.
DOWNLOAD_COLUMNS: Final = (
    *COLUMNS,
    "indicator_title",
    "period",
    "category_label",
    "flag_label",
    "source_title",
    "source_publisher",
    "source_address",
    "source_status",
    "source_licence",
    "illustrative",
)
CSV_MEDIA_TYPE: Final = "text/csv"
XLSX_MEDIA_TYPE: Final = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _source_lookup(sources: pd.DataFrame | None) -> dict[str, dict[str, str]]:
    if sources is None or sources.empty:
        return {}
    return {
        str(row["id"]): {str(key): "" if pd.isna(value) else str(value) for key, value in row.items()}
        for row in sources.to_dict("records")
    }


def download_table(
    rows: pd.DataFrame,
    *,
    language: str,
    sources: pd.DataFrame | None = None,
    category_labels: Mapping[str, str] | None = None,
    period_names: Mapping[Period, str] | None = None,
    indicator_title: str = "",
) -> pd.DataFrame:
    """The rows shown, one per row on screen, with flag words, source details and an `illustrative` column.
    `sources` should be the table as readers see it (services.monitoring.localised_sources)."""
    lookup = _source_lookup(sources)
    labels = dict(category_labels or {})
    table = rows.reindex(columns=list(COLUMNS)).copy()
    table["period"] = [
        period_label((int(year), quarter_number(quarter)), language, period_names)
        for year, quarter in zip(table["year"], table["quarter"], strict=True)
    ]
    table["category_label"] = [labels.get(category, category) for category in table["category"]]
    table["flag_label"] = [flag_label(flag, language) for flag in table["flag"]]
    table["source_title"] = [lookup.get(source, {}).get("title", source) for source in table["source"]]
    table["source_publisher"] = [lookup.get(source, {}).get("publisher", "") for source in table["source"]]
    table["source_status"] = [
        status_words(lookup.get(source, {}).get("status", ""), language) for source in table["source"]
    ]
    table["source_licence"] = [lookup.get(source, {}).get("licence", "") for source in table["source"]]
    table["source_address"] = [
        _absolute(lookup.get(source, {}).get("address", "")) for source in table["source"]
    ]
    table["indicator_title"] = indicator_title
    # A withheld cell of illustrative data (flag c) is still illustrative: its source says so.
    table["illustrative"] = [
        t("download.yes", language)
        if flag == FLAG_ILLUSTRATIVE or lookup.get(source, {}).get("status", "") == "illustrative"
        else t("download.no", language)
        for flag, source in zip(table["flag"], table["source"], strict=True)
    ]
    return table.reindex(columns=list(DOWNLOAD_COLUMNS)).reset_index(drop=True)


def header_notes(
    rows: pd.DataFrame,
    *,
    title: str,
    language: str,
    sources: pd.DataFrame | None = None,
    dimension_label: str = "",
) -> list[str]:
    """The lines above the table: indicator, selection, each source with status and licence, flags, warning."""
    notes = []
    if has_illustrative(rows):
        notes.append(t("illustrative.banner", language))
    notes.append(t("download.note.indicator", language).format(title=title))
    if len(rows):
        years = sorted(int(year) for year in rows["year"])
        notes.append(
            t("download.note.selection", language).format(
                dimension=dimension_label or "–", first=years[0], last=years[-1]
            )
        )
    lookup = _source_lookup(sources)
    for source in dict.fromkeys(str(s) for s in rows["source"] if s):
        details = lookup.get(source, {})
        notes.append(
            t("download.note.source", language).format(
                title=details.get("title", source) or source,
                publisher=details.get("publisher", "") or "–",
                address=details.get("address", "") or "–",
                status=status_words(details.get("status", ""), language) or "–",
                licence=details.get("licence", "") or "–",
            )
        )
    present = [flag for flag in FLAGS if flag and flag in set(rows["flag"])]
    if present:
        notes.append(
            t("download.note.flags", language).format(
                flags="; ".join(f"{flag} = {flag_label(flag, language)}" for flag in present)
            )
        )
    notes.append(t("download.note.columns", language))
    return notes


def _absolute(address: str) -> str:
    """A page of the portal ("/methodologie#…") is kept as it is; a web address too; anything else is dropped."""
    return address if address.startswith(("https://", "http://", "/")) else ""


def excel_csv(table: pd.DataFrame, language: str) -> bytes:
    """The CSV for a Belgian Excel: the download table with headers in the page's language."""
    words = normalise_language(language)
    header = [
        t(f"download.header.{column}", words) if has_text(f"download.header.{column}") else column
        for column in table.columns
    ]
    return excel_csv_bytes(table, header)


def machine_csv(table: pd.DataFrame) -> bytes:
    """The tidy CSV for scripts: the download table with the schema's column names."""
    return machine_csv_bytes(table)


def xlsx_bytes(
    table: pd.DataFrame,
    notes: Sequence[str],
    *,
    language: str,
    sources: pd.DataFrame | None = None,
) -> bytes:
    """An XLSX workbook: the notes and the table on the first sheet, the sources on the second."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = t("download.sheet.data", language)
    for line, note in enumerate(notes, start=1):
        sheet.cell(row=line, column=1, value=neutralise(note)).font = Font(bold=line == 1)
    header_row = len(notes) + 2
    for column, name in enumerate(table.columns, start=1):
        sheet.cell(row=header_row, column=column, value=neutralise(name)).font = Font(bold=True)
    for offset, record in enumerate(table.itertuples(index=False), start=1):
        for column, value in enumerate(record, start=1):
            sheet.cell(row=header_row + offset, column=column, value=_cell(value))
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for column in range(1, len(table.columns) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16
    if sources is not None and not sources.empty:
        used = set(table["source"])
        sheet_sources = workbook.create_sheet(t("download.sheet.sources", language))
        columns = list(sources.columns)
        for column, name in enumerate(columns, start=1):
            sheet_sources.cell(row=1, column=column, value=neutralise(name)).font = Font(bold=True)
        for offset, record in enumerate(sources[sources["id"].isin(used)].itertuples(index=False), start=2):
            for column, value in enumerate(record, start=1):
                sheet_sources.cell(row=offset, column=column, value=_cell(value))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value: object) -> object:
    """A value openpyxl can write: NaN and None become empty cells, numpy scalars plain Python, and text that
    would be read as a formula neutralised (data/spreadsheet_safety.py)."""
    if value is None:
        return None
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return neutralise(value)


def download_filename(
    indicator_id: str, year_from: int, year_to: int, breakdown: str, extension: str, variant: str = ""
) -> str:
    """A file name that says what is in the file: imw_<indicator>_<breakdown>_<from>-<to>[_<variant>].<ext>,
    with the portal's prefix once (imw_workers_…, not imw_imw_workers_…)."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "-", f"{indicator_id}_{breakdown}").strip("-")
    stem = safe if safe.startswith("imw_") else f"imw_{safe}"
    suffix = f"_{variant}" if variant else ""
    return f"{stem}_{year_from}-{year_to}{suffix}.{extension}"


@dataclass(frozen=True)
class BlockFile:
    """A file of what one block shows: its bytes, its name and its media type."""

    content: bytes
    filename: str
    media_type: str


#: The files a block offers.
FILE_FORMATS: Final = ("csv", "data-csv", "xlsx")


def block_file(
    indicator_id: str, breakdown: Any, year_from: Any, year_to: Any, language: Any, file_format: str
) -> BlockFile | None:
    """The rows one block shows for its controls' state as a file ("csv" for Excel, "data-csv" or "xlsx"), with
    flags, sources and status in every row; None when the data cannot be read or the indicator is unknown."""
    if file_format not in FILE_FORMATS:
        raise ValueError(f"no file format {file_format!r}; use one of {', '.join(FILE_FORMATS)}")
    language = normalise_language(language)
    context = block_context(indicator_id)
    if context is None:
        return None
    state, _swapped = state_from_controls(context.options, breakdown, year_from, year_to, None)
    rows = block_rows(context, state)
    info = context.info
    sources = localised_sources(context.sources, language)
    table = download_table(
        rows,
        language=language,
        sources=sources,
        category_labels=info.category_labels(state.breakdown, language),
        period_names=info.period_names(language),
        indicator_title=info.text("title", language),
    )
    if file_format == "xlsx":
        notes = header_notes(
            rows,
            title=info.text("title", language),
            language=language,
            sources=sources,
            dimension_label=info.dimension_label(state.breakdown, language),
        )
        name = download_filename(indicator_id, state.year_from, state.year_to, state.breakdown, "xlsx")
        return BlockFile(xlsx_bytes(table, notes, language=language, sources=sources), name, XLSX_MEDIA_TYPE)
    if file_format == "data-csv":
        name = download_filename(indicator_id, state.year_from, state.year_to, state.breakdown, "csv", "data")
        return BlockFile(machine_csv(table), name, CSV_MEDIA_TYPE)
    name = download_filename(indicator_id, state.year_from, state.year_to, state.breakdown, "csv")
    return BlockFile(excel_csv(table, language), name, CSV_MEDIA_TYPE)
