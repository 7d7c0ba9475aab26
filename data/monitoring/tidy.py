"""Rows of the tidy format, the DataFrame they make, and the CSV files they live in.

The CSV files written here are byte-for-byte reproducible: fixed column order, "\\n" line endings, UTF-8, and
numbers written by :func:`format_value` (whole numbers without a decimal point, others with up to 12 significant
digits).
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from data.monitoring.schema import COLUMNS, SOURCE_COLUMNS


class Observation(NamedTuple):
    """One value of one indicator: a row of the tidy table. ``value`` is None when suppressed or missing."""

    year: int
    quarter: int | None
    indicator: str
    dimension: str
    category: str
    value: float | None
    unit: str
    flag: str
    source: str


class TidyFileError(ValueError):
    """A tidy file of the portal itself is damaged; the message names the file and the line."""


def frame_from_observations(observations: Iterable[Observation]) -> pd.DataFrame:
    """The tidy DataFrame of some rows: ``year`` int64, ``quarter`` Int64 (missing for a year), ``value`` float64
    (NaN when suppressed), the other columns text."""
    rows = list(observations)
    return pd.DataFrame(
        {
            "year": pd.Series([row.year for row in rows], dtype="int64"),
            "quarter": pd.Series([row.quarter for row in rows], dtype="Int64"),
            "indicator": pd.Series([row.indicator for row in rows], dtype="str"),
            "dimension": pd.Series([row.dimension for row in rows], dtype="str"),
            "category": pd.Series([row.category for row in rows], dtype="str"),
            "value": pd.Series(
                [math.nan if row.value is None else row.value for row in rows], dtype="float64"
            ),
            "unit": pd.Series([row.unit for row in rows], dtype="str"),
            "flag": pd.Series([row.flag for row in rows], dtype="str"),
            "source": pd.Series([row.source for row in rows], dtype="str"),
        },
        columns=list(COLUMNS),
    )


def observations_of(frame: pd.DataFrame) -> list[Observation]:
    """The rows of a tidy DataFrame, as Observations (NaN values become None)."""
    result: list[Observation] = []
    for year, quarter, indicator, dimension, category, value, unit, flag, source in zip(
        *(frame[column] for column in COLUMNS), strict=True
    ):
        result.append(
            Observation(
                year=int(year),
                quarter=None if pd.isna(quarter) else int(quarter),
                indicator=str(indicator),
                dimension=str(dimension),
                category=str(category),
                value=None if pd.isna(value) else float(value),
                unit=str(unit),
                flag="" if pd.isna(flag) else str(flag),
                source=str(source),
            )
        )
    return result


def format_value(value: float | None) -> str:
    """A value as the files write it: "" when missing, "1234" when whole, else up to 12 significant digits."""
    if value is None or math.isnan(value):
        return ""
    if float(value).is_integer():
        return str(int(value))
    return format(value, ".12g")


def tidy_csv_text(observations: Iterable[Observation]) -> str:
    """The CSV text of some rows, in the given order, with the schema's header."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in observations:
        writer.writerow(
            [
                row.year,
                "" if row.quarter is None else row.quarter,
                row.indicator,
                row.dimension,
                row.category,
                format_value(row.value),
                row.unit,
                row.flag,
                row.source,
            ]
        )
    return buffer.getvalue()


def parse_tidy_csv(text: str, name: str) -> list[Observation]:
    """Read the portal's own tidy CSV text; TidyFileError names the file and line of anything damaged."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(header) != COLUMNS:
        raise TidyFileError(f"{name}, line 1: the header must be {','.join(COLUMNS)}")
    rows: list[Observation] = []
    for fields in reader:
        if not fields:
            continue
        line = reader.line_num
        if len(fields) != len(COLUMNS):
            raise TidyFileError(f"{name}, line {line}: {len(fields)} fields, expected {len(COLUMNS)}")
        year, quarter, indicator, dimension, category, value, unit, flag, source = fields
        try:
            rows.append(
                Observation(
                    year=int(year),
                    quarter=int(quarter) if quarter else None,
                    indicator=indicator,
                    dimension=dimension,
                    category=category,
                    value=float(value) if value else None,
                    unit=unit,
                    flag=flag,
                    source=source,
                )
            )
        except ValueError as error:
            raise TidyFileError(f"{name}, line {line}: {error}") from None
    return rows


def read_tidy_csv(path: Path) -> list[Observation]:
    """Read one of the portal's own tidy CSV files."""
    return parse_tidy_csv(path.read_text(encoding="utf-8"), str(path))


def sources_csv_text(sources: pd.DataFrame) -> str:
    """The CSV text of a sources table, in the schema's column order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SOURCE_COLUMNS)
    for row in sources[list(SOURCE_COLUMNS)].itertuples(index=False, name=None):
        writer.writerow(["" if pd.isna(cell) else str(cell) for cell in row])
    return buffer.getvalue()


def parse_sources_csv(text: str, name: str) -> pd.DataFrame:
    """Read a sources table (every column text); TidyFileError when the header or a row is wrong."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None or tuple(header) != SOURCE_COLUMNS:
        raise TidyFileError(f"{name}, line 1: the header must be {','.join(SOURCE_COLUMNS)}")
    records: list[Sequence[str]] = []
    for fields in reader:
        if not fields:
            continue
        if len(fields) != len(SOURCE_COLUMNS):
            raise TidyFileError(
                f"{name}, line {reader.line_num}: {len(fields)} fields, expected {len(SOURCE_COLUMNS)}"
            )
        records.append(fields)
    return pd.DataFrame(
        {
            column: pd.Series([record[i] for record in records], dtype="str")
            for i, column in enumerate(SOURCE_COLUMNS)
        },
        columns=list(SOURCE_COLUMNS),
    )


def read_sources_csv(path: Path) -> pd.DataFrame:
    """Read a sources table from a file."""
    return parse_sources_csv(path.read_text(encoding="utf-8"), str(path))
