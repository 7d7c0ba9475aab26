"""The tidy format of every monitoring indicator, and its flags."""

from __future__ import annotations

from typing import Final

COLUMNS: Final = ("year", "quarter", "indicator", "dimension", "category", "value", "unit", "flag", "source")
SOURCE_COLUMNS: Final = ("id", "title", "publisher", "address", "date_read", "licence", "status")

# Flags as Eurostat uses them, plus ours: i = illustrative (no published source; generated).
# An empty flag is a published, final value.
FLAGS: Final[dict[str, dict[str, str]]] = {
    "": {"nl": "definitief", "en": "final"},
    "p": {"nl": "voorlopig", "en": "provisional"},
    "e": {"nl": "geschat", "en": "estimated"},
    "b": {"nl": "breuk in de reeks", "en": "break in series"},
    "c": {"nl": "afgeschermd (kleine aantallen)", "en": "confidential (small counts)"},
    "i": {"nl": "illustratief", "en": "illustrative"},
}

# The breakdown of a total: dimension "total", category "total".
TOTAL: Final = "total"
