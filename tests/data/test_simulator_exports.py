"""The simulator's downloads for Belgian readers (issue 10): the XLSX's headline, results and metadata sheets, in
Dutch and English, rounded and formatted; the Belgian CSV; the old call still working.

Most cases use small annual tables written out here, so that every expected cell is checked by hand."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest
import yaml

from data.parameter_store import parameters_version
from data.results import export_table_bytes, headline_frame, run
from data.results_workbook import belgian_csv_bytes
from data.scenario.schema import parse_scenario
from services.exports import excel_csv_bytes
from simulation import MODEL_VERSION
from simulation.summary import annual_table
from tests.components.test_formula_injection import dangerous_csv_cells, dangerous_xlsx_cells

SCENARIO = parse_scenario({"name": "Hogere loonpremie", "horizon_years": 2, "draws": 1000, "seed": 7})


def table(rows: dict[tuple[int, str], tuple[float, float, float, float]]) -> pd.DataFrame:
    """An annual table from (year, output) -> (mean, p5, p50, p95)."""
    return pd.DataFrame(
        [
            {"year": year, "output": output, "mean": mean, "p5": p5, "p50": p50, "p95": p95}
            for (year, output), (mean, p5, p50, p95) in rows.items()
        ]
    )


SCENARIO_ANNUAL = table(
    {
        (2026, "total_cost"): (201_000_000.0, 180_000_000.0, 200_004_999.0, 230_000_000.0),
        (2027, "total_cost"): (215_500_000.0, 190_000_000.0, 214_567_890.0, 250_123_456.0),
        (2026, "workers_imw"): (10_100.4, 9_000.2, 10_050.6, 11_000.5),
        (2027, "workers_imw"): (11_200.0, 9_900.0, 11_123.4, 12_500.0),
        (2026, "queue"): (2_000.0, 1_500.0, 1_999.5, 2_600.0),
        (2027, "queue"): (2_100.0, 1_600.0, 2_100.4, 2_700.0),
        (2026, "contingent_full"): (0.6789, 0.0, 1.0, 1.0),
        (2026, "contingent_capacity"): (5_123.456, 5_000.0, 5_123.456, 5_300.0),
        (2026, "imw_waiting_quarters"): (1.26, 0.0, 1.24, 3.0),
        (2026, "loonpremie_cost.package.two_year"): (12_345_678.9, 1.0, 12_345_678.4, 2.0),
    }
)
BASELINE_ANNUAL = table(
    {
        (2026, "total_cost"): (190_000_000.0, 170_000_000.0, 190_000_000.0, 220_000_000.0),
        (2027, "total_cost"): (200_000_000.0, 180_000_000.0, 199_994_999.0, 240_000_000.0),
        (2026, "workers_imw"): (10_000.0, 9_000.0, 10_000.0, 11_000.0),
        (2027, "workers_imw"): (10_500.0, 9_500.0, 10_499.6, 11_500.0),
        (2026, "queue"): (2_050.0, 1_550.0, 2_050.0, 2_650.0),
        (2027, "queue"): (2_300.0, 1_800.0, 2_300.0, 2_900.0),
    }
)


def workbook(content: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(content))


def rows_below_header(sheet, header_first: str) -> tuple[list[object], list[list[object]]]:
    """The header row (found by its first cell) and the rows below it, as values."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    start = next(index for index, row in enumerate(rows) if row[0] == header_first)
    return rows[start], rows[start + 1 :]


def headline(content: bytes, sheet: str = "Kerncijfers", first: str = "Periode") -> dict[tuple, dict]:
    header, rows = rows_below_header(workbook(content)[sheet], first)
    return {(row[0], row[1]): dict(zip(header, row, strict=True)) for row in rows}


@pytest.fixture(scope="module")
def dutch() -> bytes:
    return export_table_bytes(".xlsx", SCENARIO, SCENARIO_ANNUAL, 1000, baseline_annual=BASELINE_ANNUAL)


@pytest.fixture(scope="module")
def english() -> bytes:
    return export_table_bytes(
        ".xlsx", SCENARIO, SCENARIO_ANNUAL, 1000, baseline_annual=BASELINE_ANNUAL, language="en"
    )


def test_the_sheets_are_named_in_the_portal_language(dutch, english):
    assert workbook(dutch).sheetnames == ["Kerncijfers", "Resultaten", "Metadata"]
    assert workbook(english).sheetnames == ["Headline", "Results", "Metadata"]


def test_the_headers_are_dutch_in_the_dutch_portal_and_english_in_the_english(dutch, english):
    header_nl = [cell.value for cell in workbook(dutch)["Resultaten"][1]]
    header_en = [cell.value for cell in workbook(english)["Results"][1]]
    assert header_nl == ["Jaar", "Code", "Resultaat", "Eenheid", "Gemiddelde", "P5", "P50 (mediaan)", "P95"]
    assert header_en == ["Year", "Code", "Result", "Unit", "Mean", "P5", "P50 (median)", "P95"]
    head_nl, _ = rows_below_header(workbook(dutch)["Kerncijfers"], "Periode")
    head_en, _ = rows_below_header(workbook(english)["Headline"], "Period")
    assert head_nl[3:] == [
        "Scenario",
        "Scenario P5",
        "Scenario P95",
        "Basisscenario",
        "Basisscenario P5",
        "Basisscenario P95",
        "Verschil (scenario − basis)",
    ]
    assert head_en[:4] == ["Period", "Figure", "Unit", "Scenario"] and head_en[-1] == (
        "Difference (scenario − baseline)"
    )
    labels_en = {row[2] for row in workbook(english)["Results"].iter_rows(min_row=2, values_only=True)}
    assert "Queue for collective maatwerk (end of year)" in labels_en
    units_en = {row[3] for row in workbook(english)["Results"].iter_rows(min_row=2, values_only=True)}
    assert units_en == {"euro", "persons", "FTE", "quarters", "probability (%)"}


def test_the_headline_names_its_statistic(dutch, english):
    notes_nl = [row[0] for row in workbook(dutch)["Kerncijfers"].iter_rows(max_row=6, values_only=True)]
    notes_en = [row[0] for row in workbook(english)["Headline"].iter_rows(max_row=6, values_only=True)]
    assert notes_nl[0] == "Kerncijfers: Hogere loonpremie tegenover het basisscenario"
    assert any(note.startswith("Centrale projectie (elke aanname op haar centrale waarde), met P5–P95") and
               "1.000 trekkingen" in note for note in notes_nl)  # fmt: skip
    assert any(note.startswith("Central projection (every assumption at its central value), with P5–P95") and
               "1,000 draws" in note for note in notes_en)  # fmt: skip
    assert any("geen officiële raming" in note for note in notes_nl)


def test_the_headline_difference_is_scenario_minus_baseline(dutch):
    cells = headline(dutch)
    # 2027 by hand: the medians 214,567,890 and 199,994,999 euro are 214.57 and 199.99 million; 14.58 apart.
    cost = cells[(2027, "Totale kost")]
    assert (cost["Scenario"], cost["Basisscenario"], cost["Verschil (scenario − basis)"]) == (
        214.57,
        199.99,
        14.58,
    )
    assert (cost["Scenario P5"], cost["Scenario P95"]) == (190.0, 250.12)
    assert (cost["Basisscenario P5"], cost["Basisscenario P95"]) == (180.0, 240.0)

    # The same year from the frames: the difference of the medians, within the rounding of the sheet.
    def median(frame: pd.DataFrame, output: str, year: int) -> float:
        return float(frame[(frame["output"] == output) & (frame["year"] == year)]["p50"].iloc[0])

    exact = (median(SCENARIO_ANNUAL, "total_cost", 2027) - median(BASELINE_ANNUAL, "total_cost", 2027)) / 1e6
    assert cost["Verschil (scenario − basis)"] == pytest.approx(exact, abs=0.01)
    workers = cells[(2027, "IMW-werknemers (einde jaar)")]
    assert (workers["Scenario"], workers["Basisscenario"], workers["Verschil (scenario − basis)"]) == (
        11_123,
        10_500,
        623,
    )
    queue = cells[(2026, "Wachtrij collectief maatwerk (einde jaar)")]
    assert (queue["Scenario"], queue["Basisscenario"], queue["Verschil (scenario − basis)"]) == (
        2_000,
        2_050,
        -50,
    )


def test_over_the_horizon_cost_is_the_sum_of_the_central_values_and_stocks_are_at_its_end(dutch):
    cells = headline(dutch)
    cost = cells[("2026–2027", "Totale kost, som over de jaren")]
    # These hand-made tables have no central run (as tables written before it): their central value is the
    # median, (200.0 + 214.57) and (190.0 + 199.99) million summed over the years; no P5-P95 of a sum.
    assert (cost["Scenario"], cost["Basisscenario"], cost["Verschil (scenario − basis)"]) == (
        414.57,
        389.99,
        24.58,
    )
    assert cost["Scenario P5"] is None and cost["Basisscenario P95"] is None
    workers = cells[("2026–2027", "IMW-werknemers (einde 2027)")]
    assert (workers["Scenario"], workers["Scenario P5"], workers["Scenario P95"]) == (11_123, 9_900, 12_500)
    assert list(cells)[:3] == [
        ("2026–2027", "Totale kost, som over de jaren"),
        (2026, "Totale kost"),
        (2027, "Totale kost"),
    ]


def test_the_headline_frame_rounds_as_shown():
    frame = headline_frame(SCENARIO_ANNUAL, BASELINE_ANNUAL, 1000)
    row = frame[(frame["output"] == "total_cost") & (frame["year"] == 2026)].iloc[0]
    assert (row["scenario"], row["baseline"], row["difference"]) == (200.0, 190.0, 10.0)
    alone = headline_frame(SCENARIO_ANNUAL, None, 0)
    assert alone["baseline"].isna().all() and alone["difference"].isna().all()
    # Without draws the central value is the single run's (its mean).
    assert alone[(alone["output"] == "workers_imw") & (alone["year"] == 2026)]["scenario"].iloc[0] == 10_100


def test_without_a_baseline_the_headline_shows_the_scenario_alone_and_says_so():
    content = export_table_bytes(".xlsx", SCENARIO, SCENARIO_ANNUAL, 0)
    sheet = workbook(content)["Kerncijfers"]
    assert "alleen" in sheet["A1"].value and "basisscenario" in sheet["A1"].value
    header, rows = rows_below_header(sheet, "Periode")
    assert header == ["Periode", "Kerncijfer", "Eenheid", "Scenario"]  # no draws: no P5-P95 either
    notes = [row[0] for row in sheet.iter_rows(max_row=5, values_only=True)]
    assert "Centrale projectie zonder trekkingen (geen P5–P95)." in notes
    assert len(rows) == 3 * 3  # three figures, each over the horizon and in two years


def test_numbers_are_rounded_to_what_they_mean_and_formatted(dutch):
    sheet = workbook(dutch)["Resultaten"]
    by_output = {row[1].value: row for row in sheet.iter_rows(min_row=2) if row[0].value == 2026}
    workers = by_output["workers_imw"]  # persons: whole
    assert [cell.value for cell in workers[4:]] == [10_100, 9_000, 10_051, 11_000]
    assert {cell.number_format for cell in workers[4:]} == {"#,##0"}
    assert workers[0].value == 2026 and workers[0].number_format == "0"  # a year has no thousands separator
    money = by_output["loonpremie_cost.package.two_year"]  # euro: whole
    assert money[4].value == 12_345_679 and money[6].value == 12_345_678 and money[4].number_format == "#,##0"
    capacity = by_output["contingent_capacity"]  # FTE: 1 decimal
    assert capacity[4].value == 5_123.5 and capacity[4].number_format == "#,##0.0"
    waiting = by_output["imw_waiting_quarters"]  # quarters: 1 decimal
    assert waiting[4].value == 1.3 and waiting[4].number_format == "#,##0.0"
    full = by_output["contingent_full"]  # a probability: shown in percent with 1 decimal
    assert full[4].value == 0.679 and full[4].number_format == "0.0%"
    headline_sheet = workbook(dutch)["Kerncijfers"]
    header_row = next(row for row in headline_sheet.iter_rows() if row[0].value == "Periode")[0].row
    cost = headline_sheet.cell(row=header_row + 2, column=4)
    assert cost.value == 200.0 and cost.number_format == "#,##0.00"  # EUR million, 2 decimals


def test_the_header_row_is_frozen_and_the_columns_have_widths(dutch):
    book = workbook(dutch)
    assert book["Resultaten"].freeze_panes == "A2"
    assert book["Metadata"].freeze_panes == "A2"
    header_row = next(row for row in book["Kerncijfers"].iter_rows() if row[0].value == "Periode")[0].row
    assert book["Kerncijfers"].freeze_panes == f"A{header_row + 1}"
    widths = book["Resultaten"].column_dimensions
    assert widths["C"].width > widths["A"].width >= 8
    assert all(widths[letter].width <= 60 for letter in "ABCDEFGH")


def test_the_metadata_sheet_says_what_the_results_were_computed_on(dutch, english):
    values = dict(workbook(dutch)["Metadata"].iter_rows(min_row=2, values_only=True))
    assert values["Scenario"] == "Hogere loonpremie"
    assert values["Modelversie"] == MODEL_VERSION
    assert values["Parameterversie"] == parameters_version()
    assert values["Trekkingen"] == 1000 and values["Seed"] == 7
    assert values["Horizon"] == "2 jaar (2026–2027)"
    assert values["Start van de projectie"] == "2026-01-01"
    assert values["Statistiek"].startswith("Centrale projectie (elke aanname op haar centrale waarde)")
    assert "geen officiële raming" in values["Status"]
    assert len(values["Berekend op"]) == 10  # today, an ISO date
    document = yaml.safe_load(values["Scenario (YAML)"])
    assert document["name"] == "Hogere loonpremie" and document["seed"] == 7
    assert parse_scenario(document).canonical() == SCENARIO.canonical()
    values_en = dict(workbook(english)["Metadata"].iter_rows(min_row=2, values_only=True))
    assert values_en["Model version"] == MODEL_VERSION and "not an official estimate" in values_en["Status"]
    stamped = export_table_bytes(".xlsx", SCENARIO, SCENARIO_ANNUAL, 1000, computed_on="2026-03-02")
    assert dict(workbook(stamped)["Metadata"].iter_rows(min_row=2, values_only=True))["Berekend op"] == (
        "2026-03-02"
    )


def test_the_old_call_still_works_and_the_tidy_csv_keeps_its_form():
    scenario = parse_scenario({"horizon_years": 2, "draws": 0})
    annual = annual_table(run(scenario))
    for suffix in (".csv", ".xlsx", ".json"):
        assert export_table_bytes(suffix, scenario, annual, 0)
        assert export_table_bytes(suffix, scenario, annual, 0, [])
    tidy = export_table_bytes(".csv", scenario, annual, 0)
    assert tidy == export_table_bytes(".csv", scenario, annual, 0, form="tidy", language="en")
    assert tidy.startswith(b"# title: ")
    frame = pd.read_csv(io.BytesIO(tidy), comment="#")
    assert list(frame.columns) == ["year", "output", "label", "unit", "central", "mean", "p5", "p50", "p95"]
    with pytest.raises(ValueError, match="form"):
        export_table_bytes(".csv", scenario, annual, 0, form="semicolons")


def test_real_frames_give_a_difference_of_scenario_minus_baseline():
    baseline = parse_scenario({"horizon_years": 2, "draws": 0})
    scenario = parse_scenario(
        {"name": "Op het contingent", "horizon_years": 2, "parameters": {"fallback.mode": "on_top"}}
    )
    base, own = annual_table(run(baseline)), annual_table(run(scenario))
    cells = headline(export_table_bytes(".xlsx", scenario, own, 0, baseline_annual=base))
    for output, label in (("total_cost", "Totale kost"), ("workers_imw", "IMW-werknemers (einde jaar)")):
        scale = 1e6 if output == "total_cost" else 1.0
        own_value = float(own[(own["output"] == output) & (own["year"] == 2027)]["mean"].iloc[0]) / scale
        base_value = float(base[(base["output"] == output) & (base["year"] == 2027)]["mean"].iloc[0]) / scale
        row = cells[(2027, label)]
        assert row["Verschil (scenario − basis)"] == pytest.approx(
            own_value - base_value, abs=1.0 if scale == 1 else 0.01
        )
        assert row["Verschil (scenario − basis)"] == pytest.approx(
            row["Scenario"] - row["Basisscenario"], abs=1e-9
        )


def test_the_belgian_csv_opens_in_a_belgian_excel():
    content = export_table_bytes(".csv", SCENARIO, SCENARIO_ANNUAL, 1000, form="excel")
    assert content.startswith("\ufeff".encode()) and b"\r\n" in content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:8] == ["Jaar", "Code", "Resultaat", "Eenheid", "Gemiddelde", "P5", "P50 (mediaan)", "P95"]
    assert rows[0][8:] == [
        "Scenario",
        "Modelversie",
        "Parameterversie",
        "Berekend op",
        "Trekkingen",
        "Seed",
        "Statistiek",
        "Status",
    ]
    by_output = {row[1]: row for row in rows[1:] if row[0] == "2026"}
    assert by_output["contingent_capacity"][4] == "5123,5"  # decimal comma, no thousands separator
    assert by_output["contingent_full"][3:5] == ["kans (%)", "67,9"]  # a probability in percent
    assert by_output["workers_imw"][4:8] == ["10100", "9000", "10051", "11000"]
    assert by_output["workers_imw"][8] == "Hogere loonpremie" and by_output["workers_imw"][12] == "1000"
    english = export_table_bytes(".csv", SCENARIO, SCENARIO_ANNUAL, 1000, form="excel", language="en")
    assert english.decode("utf-8-sig").startswith("Year;Code;Result;Unit;Mean")


def test_the_belgian_csv_writer_matches_the_monitoring_one():
    frame = pd.DataFrame({"a": ["x", "=1+1", None], "b": [1.5, 2.0, float("nan")], "c": [3, -4, 0]})
    rows = [[None if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False, name=None)]
    assert belgian_csv_bytes(list(frame.columns), rows) == excel_csv_bytes(frame)


def test_a_hostile_name_reaches_no_cell_of_any_form_as_a_formula():
    scenario = parse_scenario(
        {"name": '=HYPERLINK("http://evil.example","x")', "description": "+cmd", "draws": 0}
    )
    for language in ("nl", "en"):
        content = export_table_bytes(
            ".xlsx", scenario, SCENARIO_ANNUAL, 0, baseline_annual=BASELINE_ANNUAL, language=language
        )
        assert dangerous_xlsx_cells(content) == []
        assert all(
            cell.data_type != "f" for sheet in workbook(content) for row in sheet.iter_rows() for cell in row
        )
        excel = export_table_bytes(".csv", scenario, SCENARIO_ANNUAL, 0, form="excel", language=language)
        assert dangerous_csv_cells(excel) == []


def test_a_table_with_its_central_run_reports_the_central_run_over_the_horizon():
    scenario = parse_scenario({"horizon_years": 2, "draws": 200})
    central = run(parse_scenario({"horizon_years": 2, "draws": 0}))
    annual = annual_table(run(scenario), central)
    frame = headline_frame(annual, None, 200)
    cost = frame[frame["output"] == "total_cost"].set_index("year")["scenario"]
    by_year = annual[annual["output"] == "total_cost"].set_index("year")["central"] / 1e6
    assert cost[2026] == round(by_year[2026], 2) and cost[2027] == round(by_year[2027], 2)
    assert cost[0] == pytest.approx(by_year.sum(), abs=0.01)
    header = [
        cell.value for cell in workbook(export_table_bytes(".xlsx", scenario, annual, 200))["Resultaten"][1]
    ]
    assert header[:5] == ["Jaar", "Code", "Resultaat", "Eenheid", "Centrale projectie"]
