"""Checks of a department file: every kind of bad file is refused with its line number, and nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from data.monitoring import store
from data.monitoring.validation import FileProblem, parse_number
from tests.data.test_monitoring_support import (
    GOOD_ROWS,
    HEADER,
    NOW,
    replaced,
    settings_for,
    snapshot,
    write_csv,
    write_xlsx,
)

Writer = Callable[..., Path]


@pytest.fixture(params=["csv", "xlsx"])
def write(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[..., Path]:
    """Write a department file as CSV or as XLSX: every check must hold for both."""
    extension = request.param

    def writer(rows: object, header: object = HEADER) -> Path:
        path = tmp_path / f"department.{extension}"
        return (write_csv if extension == "csv" else write_xlsx)(path, rows, header)  # type: ignore[arg-type]

    return writer


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder with one good import already in it, so that a pointer and a release exist."""
    folder = tmp_path / "data"
    store.import_file(write_csv(tmp_path / "first.csv", GOOD_ROWS), settings_for(folder), now=NOW)
    return folder


def _refused(path: Path, data_dir: Path) -> tuple[FileProblem, ...]:
    """Import a bad file: it must be refused and leave every byte of the data folder as it was."""
    before = snapshot(data_dir)
    current = store.current_release(settings_for(data_dir)).id
    with pytest.raises(store.FileRejected) as refused:
        store.import_file(path, settings_for(data_dir), now=NOW)
    assert snapshot(data_dir) == before
    assert store.current_release(settings_for(data_dir)).id == current
    assert refused.value.report.problems == store.validate_file(path, NOW.date()).problems
    return refused.value.report.problems


def _lines(problems: tuple[FileProblem, ...]) -> list[int | None]:
    return [problem.line for problem in problems]


def test_a_good_file_passes_validation(write: Writer) -> None:
    report = store.validate_file(write(GOOD_ROWS), NOW.date())
    assert report.ok, report.problems
    assert report.indicators == ("imw_workers", "imw_employers")
    assert len(report.rows) == len(GOOD_ROWS)


def test_a_file_with_a_missing_column_is_refused_on_line_1(write: Writer, data_dir: Path) -> None:
    header = [name for name in HEADER if name != "category"]
    rows = [[cell for name, cell in zip(HEADER, row, strict=True) if name != "category"] for row in GOOD_ROWS]
    problems = _refused(write(rows, header), data_dir)
    assert _lines(problems) == [1]
    assert "'category' ontbreekt" in problems[0].message


def test_a_file_with_an_unknown_column_is_refused_on_line_1(write: Writer, data_dir: Path) -> None:
    header = [*HEADER[:-1], "vlagje"]
    problems = _refused(write(GOOD_ROWS, header), data_dir)
    assert _lines(problems) == [1]
    assert "vlagje" in problems[0].message


def test_a_year_that_is_not_a_number_is_refused_with_its_line_number(write: Writer, data_dir: Path) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 2, "year", "twintig")), data_dir)
    assert _lines(problems) == [4]
    assert "twintig" in problems[0].message


def test_a_value_that_is_not_a_number_is_refused_with_its_line_number(write: Writer, data_dir: Path) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 5, "value", "veel")), data_dir)
    assert _lines(problems) == [7]
    assert "geen getal" in problems[0].message


def test_a_file_with_an_unknown_indicator_is_refused_with_its_line_number(
    write: Writer, data_dir: Path
) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 3, "indicator", "imw_unicorns")), data_dir)
    assert _lines(problems) == [5]
    assert "imw_unicorns" in problems[0].message and "imw_workers" in problems[0].message


def test_a_published_series_cannot_be_imported(write: Writer, data_dir: Path) -> None:
    rows = [*GOOD_ROWS, (2024, "", "cmw_queue", "total", "total", 3000, "")]
    problems = _refused(write(rows), data_dir)
    assert _lines(problems) == [len(rows) + 1]
    assert "gepubliceerde reeks" in problems[0].message


def test_an_unknown_dimension_or_category_is_refused_with_its_line_number(
    write: Writer, data_dir: Path
) -> None:
    rows = replaced(replaced(GOOD_ROWS, 1, "dimension", "sector"), 7, "category", "enorm")
    problems = _refused(write(rows), data_dir)
    assert _lines(problems) == [3, 9]
    assert "sector" in problems[0].message and "enorm" in problems[1].message


def test_an_unknown_flag_and_the_illustrative_flag_are_refused(write: Writer, data_dir: Path) -> None:
    rows = replaced(replaced(GOOD_ROWS, 1, "flag", "x"), 2, "flag", "i")
    problems = _refused(write(rows), data_dir)
    assert _lines(problems) == [3, 4]
    assert "voorbehouden" in problems[1].message


def test_a_negative_count_is_refused_as_out_of_range(write: Writer, data_dir: Path) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 4, "value", -5)), data_dir)
    assert _lines(problems) == [6]
    assert "ligt niet tussen" in problems[0].message


def test_a_count_with_a_fraction_is_refused(write: Writer, data_dir: Path) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 4, "value", 12.5)), data_dir)
    assert _lines(problems) == [6]
    assert "geheel getal" in problems[0].message


def test_a_year_in_the_future_or_before_imw_is_refused(write: Writer, data_dir: Path) -> None:
    rows = [
        *GOOD_ROWS,
        (2027, "", "imw_fallback_returns", "total", "total", 12, ""),
        (2023, 1, "imw_fallback_returns", "total", "total", 12, ""),
        (2022, "", "imw_fallback_returns", "total", "total", 12, ""),
    ]
    problems = _refused(write(rows), data_dir)
    assert _lines(problems) == [15, 16, 17]
    assert "toekomst" in problems[0].message and "1 juli 2023" in problems[1].message


def test_a_duplicate_key_is_refused_on_its_second_line_naming_the_first(
    write: Writer, data_dir: Path
) -> None:
    rows = [*GOOD_ROWS, GOOD_ROWS[3]]
    problems = _refused(write(rows), data_dir)
    assert _lines(problems) == [len(rows) + 1]
    assert "regel 5" in problems[0].message


def test_categories_that_do_not_add_up_to_the_total_are_refused_on_the_total_line(
    write: Writer, data_dir: Path
) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 0, "value", 7999)), data_dir)
    assert _lines(problems) == [2, 2]
    assert "tellen op tot 8000" in problems[0].message


def test_a_breakdown_without_its_total_row_is_refused(write: Writer, data_dir: Path) -> None:
    problems = _refused(write(GOOD_ROWS[1:]), data_dir)
    assert _lines(problems) == [2]
    assert "totaalrij" in problems[0].message


def test_a_suppressed_cell_must_have_no_value(write: Writer, data_dir: Path) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 4, "flag", "c")), data_dir)
    assert _lines(problems) == [6]
    rows = replaced(replaced(GOOD_ROWS, 4, "flag", "c"), 4, "value", "")
    assert store.validate_file(write(rows), NOW.date()).ok


def test_an_empty_file_is_refused(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    problems = _refused(path, data_dir)
    assert _lines(problems) == [1]
    assert "leeg" in problems[0].message


def test_a_file_with_only_a_header_is_refused_on_line_2(write: Writer, data_dir: Path) -> None:
    problems = _refused(write([]), data_dir)
    assert _lines(problems) == [2]


def test_an_unreadable_file_is_refused(tmp_path: Path, data_dir: Path) -> None:
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    assert "geen tekstbestand" in _refused(binary, data_dir)[0].message
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"this is no workbook")
    assert "XLSX" in _refused(broken, data_dir)[0].message
    missing = tmp_path / "missing.csv"
    assert "bestaat niet" in _refused(missing, data_dir)[0].message
    other = tmp_path / "notes.txt"
    other.write_text("year,indicator\n", encoding="utf-8")
    assert ".csv" in _refused(other, data_dir)[0].message


def test_an_xlsx_file_saved_under_a_csv_name_is_refused_with_advice(tmp_path: Path, data_dir: Path) -> None:
    workbook = write_xlsx(tmp_path / "real.xlsx", GOOD_ROWS)
    disguised = tmp_path / "disguised.csv"
    disguised.write_bytes(workbook.read_bytes())
    assert ".xlsx" in _refused(disguised, data_dir)[0].message


def test_a_semicolon_csv_with_decimal_commas_and_quarters_as_k4_is_accepted(tmp_path: Path) -> None:
    rows = [
        (2024, "", "imw_fte", "total", "total", "10,5", ""),
        (2024, "", "imw_fte", "package", "two_year", "10,5", ""),
        (2024, "K4", "imw_employers", "total", "total", 12, ""),
    ]
    path = write_csv(tmp_path / "excel.csv", rows, delimiter=";")
    path.write_bytes(path.read_bytes() + b"\n;;\n")  # Excel leaves empty lines behind
    report = store.validate_file(path, NOW.date())
    assert report.ok, report.problems
    assert report.rows[0].value == 10.5 and report.rows[2].quarter == 4


def test_a_csv_saved_by_excel_in_windows_1252_is_read(tmp_path: Path) -> None:
    path = tmp_path / "windows.csv"
    path.write_bytes("year;indicator;dimension;category;value\n2024;imw_été;total;total;5\n".encode("cp1252"))
    problems = store.validate_file(path, NOW.date()).problems
    assert _lines(problems) == [2] and "imw_été" in problems[0].message


def test_category_codes_are_matched_without_regard_to_case(tmp_path: Path) -> None:
    rows = [
        (2024, "", "imw_employers", "total", "total", 40, ""),
        (2024, "", "imw_employers", "sector", "c", 40, ""),
    ]
    report = store.validate_file(write_csv(tmp_path / "lower.csv", rows), NOW.date())
    assert report.ok and report.rows[1].category == "C"


def test_every_problem_of_a_file_is_reported_not_only_the_first(write: Writer, data_dir: Path) -> None:
    rows = replaced(replaced(replaced(GOOD_ROWS, 1, "year", "x"), 5, "value", "y"), 9, "indicator", "z")
    assert _lines(_refused(write(rows), data_dir)) == [3, 7, 11]


def test_a_validation_alone_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store.validate_file(write_csv(tmp_path / "good.csv", GOOD_ROWS), NOW.date())
    assert not folder.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1234", 1234.0), ("1234.5", 1234.5), ("1234,5", 1234.5), ("-3", -3.0), ("1.5e3", 1500.0), ("1.234,5", None),
     ("12 000", None), ("nan", None), ("inf", None), ("", None)],
)  # fmt: skip
def test_numbers_are_read_in_the_documented_ways(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "data-format.md"


def test_the_example_in_the_format_document_is_a_valid_file(tmp_path: Path) -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    example = text.split("```csv\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "example.csv"
    path.write_text(example, encoding="utf-8")
    report = store.validate_file(path, NOW.date())
    assert report.ok, report.problems


def test_the_format_document_lists_every_importable_indicator_and_every_category_code() -> None:
    text = DOCUMENT.read_text(encoding="utf-8")
    known = store.indicator_catalogue()
    for meta in known.indicators.values():
        assert (f"| `{meta.id}` |" in text) == meta.importable, meta.id
    for dimension in known.dimensions.values():
        assert f"| `{dimension.id}` |" in text
        if dimension.cross is not None:  # every pair of two documented breakdowns: the pattern and an example
            assert f"`<{dimension.cross[0]}>:<{dimension.cross[1]}>`" in text
            assert f"`{dimension.categories[0]}`" in text
            continue
        for code in dimension.categories:
            assert f"`{code}`" in text, (dimension.id, code)


def test_a_count_written_with_a_thousands_point_is_refused_as_ambiguous(
    write: Writer, data_dir: Path
) -> None:
    problems = _refused(write(replaced(GOOD_ROWS, 11, "value", "4.800")), data_dir)
    assert _lines(problems) == [13] and "dubbelzinnig" in problems[0].message
