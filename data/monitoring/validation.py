"""Read and check a department file (CSV or XLSX) before anything is imported.

:func:`validate_file` never writes anything. It returns a :class:`ValidationReport` with the rows it could read
and every problem it found, each with the line number in the file (the header is line 1; in XLSX the row number
of the first sheet). The messages are Dutch: the people who load the file read them. The format is documented in
docs/data-format.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from data.monitoring.catalogue import Catalogue, IndicatorMeta
from data.monitoring.schema import FLAG_ILLUSTRATIVE, FLAG_SUPPRESSED, IMPORT_FLAGS, TOTAL, UNITS

REQUIRED_COLUMNS: Final = ("year", "indicator", "dimension", "category", "value")
OPTIONAL_COLUMNS: Final = ("quarter", "unit", "flag")
MAX_FILE_BYTES: Final = 50 * 1024 * 1024
MAX_ROWS: Final = 500_000
#: What an XLSX file may unpack to: a small zip can hold gigabytes of XML (a 'zip bomb').
MAX_XLSX_UNPACKED_BYTES: Final = 200 * 1024 * 1024
#: The shared strings are read into memory whole, so they get their own, smaller limit.
MAX_XLSX_SHARED_STRINGS_BYTES: Final = 20 * 1024 * 1024
MAX_XLSX_PARTS: Final = 1_000
#: The most columns a row may have; the format has about a dozen.
MAX_COLUMNS: Final = 64
IMW_START: Final = (2023, 3)  # (year, quarter): IMW started on 1 July 2023
SHOWN_CHOICES: Final = 25

_YEAR = re.compile(r"^\d{4}(\.0+)?$")
_QUARTER = re.compile(r"^[KkQq]?([1-4])(\.0+)?$")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


@dataclass(frozen=True)
class FileProblem:
    """One thing wrong with a file: where (line 1 is the header; None is the file as a whole) and what."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.line is None else f"regel {self.line}: {self.message}"


@dataclass(frozen=True)
class ImportRow:
    """One good row of a department file, with its line number."""

    line: int
    year: int
    quarter: int | None
    indicator: str
    dimension: str
    category: str
    value: float | None
    flag: str


@dataclass(frozen=True)
class ValidationReport:
    """What a check of a file found: the rows it read and the problems, in line order."""

    file_name: str
    rows: tuple[ImportRow, ...]
    problems: tuple[FileProblem, ...]

    @property
    def ok(self) -> bool:
        """True when the file can be imported."""
        return not self.problems

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators the file gives, in order of first appearance."""
        return tuple(dict.fromkeys(row.indicator for row in self.rows))


class UnreadableFile(Exception):
    """The file cannot be read as a table at all; the message says why, in Dutch, and where when it can."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


# ------------------------------------------------------------------------------------------------ reading
Cells = list[tuple[int, list[str]]]  # (line number, cells) of every non-empty line, the header first


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _check_xlsx_container(path: Path) -> None:
    """Refuse an XLSX file whose parts would unpack past the limits, before any of it is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableFile(
            f"kan het XLSX-bestand niet openen ({type(error).__name__}); is het een echt XLSX-bestand?"
        ) from None
    if len(parts) > MAX_XLSX_PARTS:
        raise UnreadableFile(f"het XLSX-bestand heeft meer dan {MAX_XLSX_PARTS} onderdelen")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise UnreadableFile(
            f"het XLSX-bestand pakt uit tot {unpacked / 1024**2:,.0f} MB; "
            f"de grens is {MAX_XLSX_UNPACKED_BYTES // 1024**2} MB"
        )
    strings = sum(part.file_size for part in parts if part.filename.lower().endswith("sharedstrings.xml"))
    if strings > MAX_XLSX_SHARED_STRINGS_BYTES:
        raise UnreadableFile(
            f"de teksten in het XLSX-bestand pakken uit tot {strings / 1024**2:,.0f} MB; "
            f"de grens is {MAX_XLSX_SHARED_STRINGS_BYTES // 1024**2} MB"
        )


def read_xlsx(path: Path) -> Cells:
    """The non-empty rows of the first sheet of an XLSX file, with their row numbers."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    _check_xlsx_container(path)
    try:
        with warnings.catch_warnings():
            # Files saved by Excel often lack a default style; openpyxl warns about it, harmlessly.
            warnings.simplefilter("ignore", UserWarning)
            workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise UnreadableFile(
            f"kan het XLSX-bestand niet openen ({type(error).__name__}); is het een echt XLSX-bestand?"
        ) from None
    try:
        if not workbook.worksheets:
            return []
        rows: Cells = []
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1), start=1):
            if number > MAX_ROWS + 1:  # empty rows count too: they cost as much to read
                raise UnreadableFile(f"het blad heeft meer dan {MAX_ROWS} rijen (lege meegeteld)")
            if len(values) > MAX_COLUMNS and any(value is not None for value in values[MAX_COLUMNS:]):
                raise UnreadableFile(f"rij {number} heeft meer dan {MAX_COLUMNS} kolommen", number)
            cells = [_cell_text(value) for value in values[:MAX_COLUMNS]]
            while cells and cells[-1] == "":
                cells.pop()
            if cells:
                rows.append((number, cells))
            if len(rows) > MAX_ROWS + 1:
                raise UnreadableFile(f"het bestand heeft meer dan {MAX_ROWS} rijen")
        return rows
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise UnreadableFile("dit is een XLSX- of ZIP-bestand, geen CSV; geef het de extensie .xlsx")
    if b"\x00" in data:
        raise UnreadableFile("dit is geen tekstbestand (het bevat NUL-tekens); bewaar het als 'CSV UTF-8'")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Windows saves "CSV (gescheiden door lijstscheidingsteken)" in this code page.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableFile(
            "de tekens in het bestand zijn niet te lezen; bewaar het als 'CSV UTF-8'"
        ) from None


def read_csv(path: Path) -> Cells:
    """The non-empty lines of a CSV file (comma, semicolon or tab), with their line numbers."""
    text = _decode(path.read_bytes())
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first_line.count) if first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Cells = []
    try:
        for cells in reader:
            stripped = [cell.strip() for cell in cells]
            while stripped and stripped[-1] == "":
                stripped.pop()
            if stripped:
                rows.append((reader.line_num, stripped))
            if len(rows) > MAX_ROWS + 1:
                raise UnreadableFile(f"het bestand heeft meer dan {MAX_ROWS} rijen")
    except csv.Error as error:
        raise UnreadableFile(f"het CSV-bestand is niet goed gevormd ({error})", reader.line_num) from None
    return rows


def read_cells(path: Path) -> Cells:
    """The rows of a CSV or XLSX file; UnreadableFile when it is missing, empty, too big or not a table."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise UnreadableFile(f"gebruik een .csv- of .xlsx-bestand, niet '{path.suffix or 'zonder extensie'}'")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UnreadableFile("het bestand bestaat niet") from None
    except OSError as error:
        raise UnreadableFile(f"kan het bestand niet lezen: {error.strerror or error}") from None
    if not path.is_file():
        raise UnreadableFile("dit is geen bestand")
    if size == 0:
        raise UnreadableFile("het bestand is leeg", 1)
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(f"het bestand is groter dan {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        rows = read_xlsx(path) if suffix == ".xlsx" else read_csv(path)
    except OSError as error:
        raise UnreadableFile(f"kan het bestand niet lezen: {error.strerror or error}") from None
    if not rows:
        raise UnreadableFile("het bestand is leeg", 1)
    return rows


# ------------------------------------------------------------------------------------------------ checking
def _choices(options: Iterable[str]) -> str:
    listed = list(options)
    shown = ", ".join(listed[:SHOWN_CHOICES])
    return shown + (f" (en nog {len(listed) - SHOWN_CHOICES})" if len(listed) > SHOWN_CHOICES else "")


def parse_number(text: str) -> float | None:
    """A number written as 1234, 1234.5, 1234,5 or 1.5e3; None when it is not one. Thousands separators are
    refused (1.234,5 or 12 000); a lone 1.234 reads as a decimal number (a count refuses it as ambiguous)."""
    if _DECIMAL_COMMA.match(text):
        text = text.replace(",", ".")
    if not _NUMBER.match(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def _header(line: int, cells: Sequence[str]) -> tuple[dict[str, int], list[FileProblem]]:
    problems: list[FileProblem] = []
    names = [cell.strip().lower() for cell in cells]
    allowed = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)
    positions: dict[str, int] = {}
    for index, name in enumerate(names):
        if name == "":
            problems.append(FileProblem(line, f"kolom {index + 1} heeft geen naam"))
        elif name not in allowed:
            problems.append(
                FileProblem(line, f"onbekende kolom '{cells[index]}'; toegelaten: {_choices(allowed)}")
            )
        elif name in positions:
            problems.append(FileProblem(line, f"de kolom '{name}' staat er twee keer"))
        else:
            positions[name] = index
    for name in REQUIRED_COLUMNS:
        if name not in positions:
            problems.append(FileProblem(line, f"de verplichte kolom '{name}' ontbreekt"))
    return positions, problems


def _period_problem(meta: IndicatorMeta, year: int, quarter: int | None, today: dt.date) -> str | None:
    if year < meta.first_year:
        return f"jaar {year} ligt voor {meta.first_year}, het eerste jaar van '{meta.id}'"
    if (
        meta.first_year == IMW_START[0]
        and year == IMW_START[0]
        and quarter is not None
        and quarter < IMW_START[1]
    ):
        return f"{year} K{quarter} ligt voor de start van IMW (1 juli 2023)"
    current_quarter = (today.month - 1) // 3 + 1
    if year > today.year or (year == today.year and quarter is not None and quarter > current_quarter):
        return f"{year}{'' if quarter is None else f' K{quarter}'} ligt in de toekomst"
    return None


def _row(
    line: int, cells: Sequence[str], columns: dict[str, int], catalogue: Catalogue, today: dt.date
) -> tuple[ImportRow | None, list[FileProblem]]:
    """Check one row on its own; the row is None when any of its fields is wrong."""
    problems: list[FileProblem] = []

    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def problem(message: str) -> None:
        problems.append(FileProblem(line, message))

    if len(cells) > len(columns) and any(cells[len(columns) :]):
        problem(f"de rij heeft {len(cells)} cellen, maar er zijn maar {len(columns)} kolommen")

    year_text = cell("year")
    year = int(float(year_text)) if _YEAR.match(year_text) else None
    if year is None:
        problem(f"jaar '{year_text}' is geen jaartal (schrijf bijvoorbeeld 2024)")

    quarter_text = cell("quarter")
    quarter: int | None = None
    quarter_ok = True
    if quarter_text:
        match = _QUARTER.match(quarter_text)
        if match:
            quarter = int(match.group(1))
        else:
            quarter_ok = False
            problem(f"kwartaal '{quarter_text}' is niet 1, 2, 3 of 4 (laat het leeg voor een heel jaar)")

    indicator = cell("indicator")
    meta = catalogue.indicators.get(indicator)
    importable = [item.id for item in catalogue.indicators.values() if item.importable]
    if meta is None:
        problem(f"onbekende indicator '{indicator}'; gebruik een van: {_choices(importable)}")
    elif not meta.importable:
        problem(f"'{indicator}' is een gepubliceerde reeks en kan niet geïmporteerd worden")
        meta = None

    dimension = cell("dimension")
    category_text = cell("category")
    category = category_text
    if meta is not None:
        if dimension not in meta.dimensions:
            problem(
                f"dimensie '{dimension}' bestaat niet voor '{meta.id}'; gebruik een van: {_choices(meta.dimensions)}"
            )
        else:
            codes = catalogue.categories_of(dimension)
            canonical = {code.lower(): code for code in codes}
            if category_text.lower() in canonical:
                category = canonical[category_text.lower()]
            else:
                problem(
                    f"categorie '{category_text}' bestaat niet in dimensie '{dimension}'; "
                    f"gebruik een van: {_choices(codes)}"
                )

    flag = cell("flag").lower()
    if flag not in IMPORT_FLAGS:
        if flag == FLAG_ILLUSTRATIVE:
            problem("vlag 'i' is voorbehouden aan de illustratieve gegevens van het portaal")
        else:
            problem(
                f"onbekende vlag '{cell('flag')}'; gebruik leeg, {', '.join(f for f in IMPORT_FLAGS if f)}"
            )

    value_text = cell("value")
    value: float | None = None
    if flag == FLAG_SUPPRESSED:
        if value_text:
            problem("een afgeschermde cel (vlag c) heeft geen waarde: laat 'value' leeg")
    elif not value_text:
        problem("de waarde ontbreekt (alleen een afgeschermde cel met vlag c mag leeg zijn)")
    else:
        value = parse_number(value_text)
        if value is None:
            problem(
                f"waarde '{value_text}' is geen getal (schrijf bijvoorbeeld 1234 of 1234.5, zonder duizendtallen)"
            )
        elif meta is not None:
            rule = UNITS[meta.unit]
            if rule.whole_numbers and _THOUSANDS.match(value_text):
                problem(
                    f"waarde {value_text} is dubbelzinnig: een punt als duizendtal of als komma? "
                    f"Schrijf een aantal ({rule.nl}) zonder punt, bijvoorbeeld 1234"
                )
            elif not rule.minimum <= value <= rule.maximum:
                problem(
                    f"waarde {value_text} ligt niet tussen {rule.minimum:g} en {rule.maximum:g} ({rule.nl})"
                )
            elif rule.whole_numbers and not value.is_integer():
                problem(f"waarde {value_text} moet een geheel getal zijn ({rule.nl})")

    unit = cell("unit")
    if unit and meta is not None and unit.lower() != meta.unit.lower():
        problem(
            f"eenheid '{unit}' past niet bij '{meta.id}', die in '{meta.unit}' telt (of laat de kolom leeg)"
        )

    if meta is not None and year is not None and quarter_ok:
        period = _period_problem(meta, year, quarter, today)
        if period:
            problem(period)

    if problems or year is None or meta is None:
        return None, problems
    return ImportRow(line, year, quarter, indicator, dimension, category, value, flag), problems


def _tolerance(unit: str, categories: int) -> float:
    """How far a sum of rounded categories may be from its rounded total."""
    if UNITS[unit].whole_numbers:
        return 0.0
    if unit == "share":
        return 0.001 * categories
    if unit == "FTE":
        return 0.01 * categories
    return 1.0 * categories


def consistency_problems(rows: Sequence[ImportRow], catalogue: Catalogue) -> list[FileProblem]:
    """Problems between rows: a breakdown without a total row, or categories that add up to more (or, when every
    category is given, to something else) than the total."""
    problems: list[FileProblem] = []
    groups: dict[tuple[int, int | None, str], list[ImportRow]] = defaultdict(list)
    for row in rows:
        groups[(row.year, row.quarter, row.indicator)].append(row)
    for (year, quarter, indicator), members in groups.items():
        meta = catalogue.indicator(indicator)
        period = f"{year}{'' if quarter is None else f' K{quarter}'}"
        totals = [row for row in members if row.dimension == TOTAL]
        breakdowns: dict[str, list[ImportRow]] = defaultdict(list)
        for row in members:
            if row.dimension != TOTAL:
                breakdowns[row.dimension].append(row)
        if meta.has_total and not totals and breakdowns:
            first = min(row.line for row in members)
            problems.append(
                FileProblem(
                    first,
                    f"de totaalrij (dimension en category 'total') ontbreekt voor '{indicator}' in {period}",
                )
            )
            continue
        if not totals or totals[0].value is None:
            continue
        total = totals[0]
        assert total.value is not None
        for dimension, categories in breakdowns.items():
            if any(row.value is None for row in categories):
                continue
            found = sum(row.value or 0.0 for row in categories)
            tolerance = _tolerance(meta.unit, len(categories))
            complete = len(categories) == len(catalogue.categories_of(dimension))
            if complete and abs(found - total.value) > tolerance + 1e-9:
                problems.append(
                    FileProblem(
                        total.line,
                        f"de categorieën van '{dimension}' tellen op tot {found:g}, maar het totaal van '{indicator}' "
                        f"in {period} is {total.value:g}",
                    )
                )
            elif not complete and found > total.value + tolerance + 1e-9:
                problems.append(
                    FileProblem(
                        total.line,
                        f"de categorieën van '{dimension}' tellen op tot {found:g}, meer dan het totaal van "
                        f"'{indicator}' in {period} ({total.value:g})",
                    )
                )
    return problems


def validate_cells(
    rows: Cells, catalogue: Catalogue, today: dt.date
) -> tuple[list[ImportRow], list[FileProblem]]:
    """Check the header, every row, duplicates and totals of a read table."""
    header_line, header_cells = rows[0]
    columns, problems = _header(header_line, header_cells)
    if problems:
        return [], problems
    if len(rows) == 1:
        return [], [FileProblem(header_line + 1, "het bestand heeft een kopregel maar geen gegevens")]
    good: list[ImportRow] = []
    seen: dict[tuple[int, int | None, str, str, str], int] = {}
    for line, cells in rows[1:]:
        row, row_problems = _row(line, cells, columns, catalogue, today)
        problems.extend(row_problems)
        if row is None:
            continue
        key = (row.year, row.quarter, row.indicator, row.dimension, row.category)
        if key in seen:
            problems.append(
                FileProblem(
                    line,
                    f"dubbele rij: zelfde jaar, kwartaal, indicator, dimensie en categorie als regel {seen[key]}",
                )
            )
            continue
        seen[key] = line
        good.append(row)
    if not problems:
        problems.extend(consistency_problems(good, catalogue))
    problems.sort(key=lambda problem: -1 if problem.line is None else problem.line)
    return good, problems


def validate_file(path: Path, catalogue: Catalogue, today: dt.date | None = None) -> ValidationReport:
    """Read and check a department file; writes nothing. `today` bounds the years (default: today's date)."""
    try:
        cells = read_cells(path)
    except UnreadableFile as error:
        return ValidationReport(path.name, (), (FileProblem(error.line, str(error)),))
    rows, problems = validate_cells(cells, catalogue, today or dt.date.today())
    return ValidationReport(path.name, tuple(rows), tuple(problems))
