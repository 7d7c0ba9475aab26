"""Downloads that cannot carry formulas: OWASP's rule against CSV (formula) injection, in one place.

A spreadsheet program runs a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and a tab or
carriage return in front hides such a start); text from an import (a title, a publisher, a file name) or from a
user (a scenario's name) could then call out to the network or run a command on the reader's machine. Every
text cell of every CSV and XLSX export goes through `neutralise`: such a cell gets a leading apostrophe and is
shown as the text it is. Numbers stay numbers (a negative number is a number, not text).

`neutralise_frame` does a whole table (its text cells and its column names); `neutralise_note` a free-text line
written above a CSV table (a "# ..." note), whose pieces between separators a spreadsheet reads as cells too.
"""

from __future__ import annotations

import re
from typing import Final

import pandas as pd

#: The characters that may not start a text cell (OWASP, CSV Injection).
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_NOTE_PIECE: Final = re.compile(r"(^|[,;\t|])(\s*)(?=[=+\-@\r])")


def neutralise(value: object) -> object:
    """`value`, with a leading apostrophe when it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every text cell and column name neutralised; numbers and dtypes kept."""
    result = frame.copy()
    for column in result.columns:
        series = result[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
            result[column] = series.map(neutralise)
    result.columns = [neutralise(column) for column in result.columns]
    return result


def neutralise_note(text: str) -> str:
    """A note line for above a CSV table: no piece of it (between separators) starts like a formula."""
    return _NOTE_PIECE.sub(lambda match: f"{match.group(1)}{match.group(2)}'", text.replace("\r", " "))
