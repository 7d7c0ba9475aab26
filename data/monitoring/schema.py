"""The tidy format of every monitoring indicator, and its flags, units and source statuses.

One row is one value: ``year`` (int), ``quarter`` (1-4, or missing for a whole year), ``indicator`` (an id of
the catalogue, indicators.yaml), ``dimension`` (the breakdown, or "total"), ``category`` (a code of that
dimension, or "total"), ``value`` (float; missing when suppressed), ``unit``, ``flag`` and ``source`` (an id of
the sources table).

The quarter says which part of the year a row covers: for a stock (a count on one day) the quarter of the count,
for a flow (what happened during a period) the flow from the start of the year up to the end of that quarter.
An empty quarter is the whole year (a flow) or the end of the year (a stock), unless the indicator's catalogue
entry gives a period label that says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

COLUMNS: Final = ("year", "quarter", "indicator", "dimension", "category", "value", "unit", "flag", "source")
SOURCE_COLUMNS: Final = ("id", "title", "publisher", "address", "date_read", "licence", "status")

# The columns that identify a row: no two rows of a release share them.
KEY_COLUMNS: Final = ("year", "quarter", "indicator", "dimension", "category")

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
FLAG_SUPPRESSED: Final = "c"
FLAG_ILLUSTRATIVE: Final = "i"

# The flags a department file may carry: "i" belongs to generated data, and "c" only with an empty value.
IMPORT_FLAGS: Final = ("", "p", "e", "b", "c")

# The breakdown of a total: dimension "total", category "total".
TOTAL: Final = "total"

# The status of a source, as in imw-facts.md: V, S, A, and our generated data. Their words are the catalogue's
# source.status.<status> (i18n/catalogue/monitoring.yaml).
SOURCE_STATUSES: Final = ("verified", "secondary", "assumption", "illustrative")


@dataclass(frozen=True)
class UnitRule:
    """What a unit allows: its words, its range, whether values are whole numbers, and whether it counts units.

    Counts (``is_count``) are the cells that small-cell suppression applies to.
    """

    nl: str
    en: str
    minimum: float
    maximum: float
    whole_numbers: bool
    is_count: bool


UNITS: Final[dict[str, UnitRule]] = {
    "persons": UnitRule("personen", "persons", 0, 1_000_000, whole_numbers=True, is_count=True),
    "employers": UnitRule("werkgevers", "employers", 0, 1_000_000, whole_numbers=True, is_count=True),
    "establishments": UnitRule(
        "vestigingen", "establishments", 0, 100_000, whole_numbers=True, is_count=True
    ),
    "applications": UnitRule("aanvragen", "applications", 0, 1_000_000, whole_numbers=True, is_count=True),
    "FTE": UnitRule(
        "voltijdse equivalenten (VTE)", "full-time equivalents (FTE)", 0, 1_000_000, False, False
    ),
    "EUR": UnitRule("euro", "euro", 0, 100_000_000_000, whole_numbers=False, is_count=False),
    "EUR/month": UnitRule(
        "euro per maand", "euro per month", 0, 100_000, whole_numbers=False, is_count=False
    ),
    "share": UnitRule("aandeel (0 tot 1)", "share (0 to 1)", 0, 1, whole_numbers=False, is_count=False),
}
COUNT_UNITS: Final = frozenset(unit for unit, rule in UNITS.items() if rule.is_count)

# The themes of the monitoring pages, in the order of the menu.
THEMES: Final[dict[str, dict[str, str]]] = {
    "tewerkstelling": {"nl": "Tewerkstelling", "en": "Employment"},
    "werknemers": {"nl": "Werknemers", "en": "Workers"},
    "werkgevers": {"nl": "Werkgevers", "en": "Employers"},
    "middelen": {"nl": "Middelen", "en": "Means"},
    "doorstroom": {"nl": "Doorstroom", "en": "Transitions"},
    "verdringing": {"nl": "Verdringing", "en": "Displacement"},
    "collectief": {"nl": "Collectief maatwerk", "en": "Collective maatwerk"},
}
