"""Downloads hold the rows shown, with flag words, sources, status and the illustrative warning."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from data.monitoring.frames import select_rows
from data.monitoring.schema import COLUMNS
from services.monitoring import status_words
from services.monitoring_exports import (
    DOWNLOAD_COLUMNS,
    download_filename,
    download_table,
    excel_csv,
    header_notes,
    machine_csv,
    xlsx_bytes,
)


def test_the_table_holds_every_row_shown_with_flag_source_and_status_columns(frame, sources):
    rows = select_rows(frame, "imw_workers", "package", 2024, 2025)
    table = download_table(rows, language="nl", sources=sources, category_labels={"two_year": "2-jarig"})
    assert list(table.columns) == list(DOWNLOAD_COLUMNS)
    assert len(table) == len(rows) == 4
    assert table[list(COLUMNS)].reset_index(drop=True).equals(rows[list(COLUMNS)].reset_index(drop=True))
    first = table.iloc[0]
    assert (first["flag"], first["flag_label"], first["illustrative"]) == ("i", "illustratief", "ja")
    assert first["source_title"] == "Illustratieve gegevens"
    assert first["source_status"] == "illustratief, geen officiële cijfers"
    assert set(table["category_label"]) == {"2-jarig", "five_year_standard"}


def test_the_header_note_warns_names_the_sources_and_explains_the_flags(frame, sources):
    rows = select_rows(frame, "imw_workers", "package", 2023, 2025)
    notes = header_notes(
        rows, title="Werknemers met IMW", language="nl", sources=sources, dimension_label="pakket"
    )
    assert notes[0] == "Illustratieve gegevens — geen officiële cijfers"
    assert "Indicator: Werknemers met IMW" in notes
    assert "Selectie: pakket, 2023 tot en met 2025" in notes
    assert any(note.startswith("Bron: Illustratieve gegevens (IMW-portaal (dit project))") for note in notes)
    assert "Vlaggen: c = afgeschermd (kleine aantallen); i = illustratief" in notes


def test_published_figures_get_no_warning_in_their_note(frame, sources):
    rows = select_rows(frame, "cmw_queue", "total")
    notes = header_notes(rows, title="Wachtenden", language="en", sources=sources)
    assert not any("Illustrative" in note for note in notes)
    assert any("status: secondary source, to be checked" in note for note in notes)


def test_the_csv_for_excel_has_semicolons_decimal_commas_a_bom_and_no_comment_lines(frame, sources):
    rows = select_rows(frame, "imw_workers", "package", 2023, 2025)
    rows.loc[1, "value"] = 1234.5  # a decimal, to see its comma
    table = download_table(rows, language="nl", sources=sources, indicator_title="Werknemers met IMW")
    content = excel_csv(table, "nl")
    assert content.startswith("\ufeffjaar;kwartaal;code indicator;".encode())
    text = content.decode("utf-8-sig")
    assert "#" not in text.splitlines()[0] and not any(line.startswith("#") for line in text.splitlines())
    assert "\r\n" in text and ";1234,5;" in text
    back = pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False)
    assert len(back) == len(rows)
    assert back["vlag"].tolist() == rows["flag"].tolist()
    assert back.loc[0, "waarde"] == ""  # the suppressed cell stays empty, never 0
    assert set(back["indicator"]) == {"Werknemers met IMW"} and set(back["illustratief"]) == {"ja"}


def test_the_machine_csv_is_tidy_with_commas_points_whole_numbers_and_no_comment_lines(frame, sources):
    rows = select_rows(frame, "cmw_queue", "province")
    table = download_table(rows, language="en", sources=sources)
    content = machine_csv(table)
    text = content.decode("utf-8")
    assert not text.startswith("\ufeff") and "\r" not in text
    assert text.splitlines()[0] == ",".join(DOWNLOAD_COLUMNS)
    assert ",1325," in text and "1325.0" not in text  # whole numbers as whole numbers
    back = pd.read_csv(io.BytesIO(content))
    assert back["value"].dropna().tolist() == rows["value"].dropna().tolist()


def test_the_xlsx_has_the_notes_then_the_table_and_a_sources_sheet(frame, sources):
    rows = select_rows(frame, "cmw_queue", "province")
    table = download_table(rows, language="en", sources=sources)
    notes = ["Indicator: Queue", "Source: …"]
    workbook = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(table, notes, language="en", sources=sources)))
    assert workbook.sheetnames == ["Data", "Sources"]
    sheet = workbook["Data"]
    assert [sheet.cell(row=1, column=1).value, sheet.cell(row=2, column=1).value] == notes
    header = [cell.value for cell in sheet[4]]
    assert header == list(DOWNLOAD_COLUMNS)
    values = [row for row in sheet.iter_rows(min_row=5, values_only=True)]
    assert len(values) == len(rows)
    assert values[0][header.index("value")] == 1325
    assert [row[0] for row in workbook["Sources"].iter_rows(min_row=2, values_only=True)] == ["vp-sv-15"]


def test_statuses_are_in_words_and_file_names_say_what_is_inside() -> None:
    assert status_words("verified", "nl") == "nagekeken in de officiële bron"
    assert status_words("whatever", "nl") == "whatever"
    assert (
        download_filename("imw_workers", 2023, 2025, "package", "csv") == "imw_workers_package_2023-2025.csv"
    )
    assert (
        download_filename("cmw_queue", 2019, 2025, "total", "csv", "data")
        == "imw_cmw_queue_total_2019-2025_data.csv"
    )
    assert download_filename("x/../y", 2023, 2025, "a b", "xlsx") == "imw_x-y_a-b_2023-2025.xlsx"
