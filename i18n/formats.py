"""Belgian number formats: 1.234,5 and € 1.234, in text, tables, axes and hover labels."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Plotly's `separators`: the decimal mark first, then the thousands separator.
PLOTLY_SEPARATORS = ",."
# A non-breaking space keeps "€ 1.234" together on one line.
NBSP = "\u00a0"


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """Format a number the Belgian way: thousands with a dot, decimals with a comma.

    >>> format_number(1234.5, 1)
    '1.234,5'
    >>> format_number(-0.04, 1)
    '0,0'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    if text.startswith("-") and float(text.replace(",", "")) == 0:
        text = text[1:]
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_eur(value: float | int | None, decimals: int = 0) -> str:
    """Format an amount in euro: € 1.234 (or € 1.234,56 with two decimals).

    >>> format_eur(1234.5, 2)
    '€\xa01.234,50'
    >>> format_eur(-0.001)
    '€\xa00'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "-" if value < 0 and round(abs(value), decimals) > 0 else ""
    return f"{sign}€{NBSP}{format_number(abs(value), decimals)}"


def format_percent(share: float | None, decimals: int = 0) -> str:
    """Format a share (0.45) as a percentage: 45 %.

    >>> format_percent(0.452, 1)
    '45,2\xa0%'
    """
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{format_number(share * 100, decimals)}{NBSP}%"


def format_millions(value: float | None, decimals: int = 1) -> str:
    """Format an amount in millions of euro: € 12,3 mln."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{format_eur(value / 1e6, decimals)}{NBSP}mln"


# Units as the monitoring data names them (schema column `unit`), grouped by how they are written.
_EURO_UNITS = frozenset({"eur", "euro", "€"})
_EURO_PER_MONTH_UNITS = frozenset({"eur/month", "eur per month", "eur/maand"})
_MILLION_EURO_UNITS = frozenset({"eur_mln", "eur million", "mln eur", "meur"})  # values already in millions
# Values in euro, written in millions: what `display_unit` gives for a set of large amounts.
EUR_IN_MILLIONS = "EUR, in millions"
_SHARE_UNITS = frozenset({"share", "fraction", "ratio"})
_PERCENT_UNITS = frozenset({"percent", "pct", "%"})
_FTE_UNITS = frozenset({"fte", "vte"})
# Amounts in euro from this size on read better in millions: € 572,5 mln.
MILLIONS_FROM = 10_000_000


def unit_kind(unit: str | None) -> str:
    """How a unit is written: 'eur', 'eur_month', 'eur_mln', 'share' (0-1), 'percent' (0-100), 'fte' or 'count'."""
    key = (unit or "").strip().lower()
    if key in _EURO_UNITS:
        return "eur"
    if key in _EURO_PER_MONTH_UNITS:
        return "eur_month"
    if key in _MILLION_EURO_UNITS:
        return "eur_mln"
    if key == EUR_IN_MILLIONS.lower():
        return "eur_in_mln"
    if key in _SHARE_UNITS:
        return "share"
    if key in _PERCENT_UNITS:
        return "percent"
    if key in _FTE_UNITS:
        return "fte"
    return "count"


def format_value(value: float | int | None, unit: str | None, decimals: int | None = None) -> str:
    """A value in its unit, the Belgian way: € 1.234, € 572,5 mln, € 2.189,81, 45,2 %, 1.234 or 1.234,5 (FTE).

    Counts are whole numbers; FTE keep one decimal; large euro amounts are written in millions.
    """
    kind = unit_kind(unit)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind == "eur_in_mln" or (kind == "eur" and abs(value) >= MILLIONS_FROM):
        return format_millions(value, 1 if decimals is None else decimals)
    if kind == "eur":
        return format_eur(value, 0 if decimals is None else decimals)
    if kind == "eur_month":
        return format_eur(value, 2 if decimals is None else decimals)
    if kind == "eur_mln":
        return f"{format_eur(value, 1 if decimals is None else decimals)}{NBSP}mln"
    if kind == "share":
        return format_percent(value, 1 if decimals is None else decimals)
    if kind == "percent":
        return f"{format_number(value, 1 if decimals is None else decimals)}{NBSP}%"
    if kind == "fte":
        return format_number(value, 1 if decimals is None else decimals)
    return format_number(value, 0 if decimals is None else decimals)


def display_unit(unit: str | None, largest: float | None) -> str | None:
    """The unit to write a set of values in, so that they read alike: euro amounts all in millions as soon as the
    largest is (€ 84,1 mln and € 5,1 mln, not € 84,1 mln and € 5.082.437)."""
    if unit_kind(unit) == "eur" and largest is not None and abs(largest) >= MILLIONS_FROM:
        return EUR_IN_MILLIONS
    return unit


@dataclass(frozen=True)
class PlotFormat:
    """How a unit appears on a Plotly axis and in hover labels; `separators=",."` makes it Belgian."""

    d3: str  # the d3 number format of hover labels, e.g. ",.0f"
    prefix: str
    suffix: str
    scale: float  # multiply the stored value by this before plotting (a share 0.45 is drawn as 45 %)
    tick: str = ""  # the d3 format of axis ticks, when rounder than `d3` (45 %, not 45,0 %)

    @property
    def tick_format(self) -> str:
        """The axis tick format: `tick`, or the hover format when no rounder one is set."""
        return self.tick or self.d3


def plot_format(unit: str | None, largest: float | None = None) -> PlotFormat:
    """The axis and hover format of a unit: € 1.234, € 572,5 mln, 45,2 %, 1.234,5 (FTE) or 1.234.

    `largest` is the largest absolute value drawn: euro amounts from `MILLIONS_FROM` on are drawn in millions.
    """
    kind = unit_kind(unit)
    if kind == "eur" and largest is not None and largest >= MILLIONS_FROM:
        return PlotFormat(",.1f", f"€{NBSP}", f"{NBSP}mln", 1e-6, tick=",.0f")
    if kind == "eur":
        return PlotFormat(",.0f", f"€{NBSP}", "", 1.0)
    if kind == "eur_month":
        return PlotFormat(",.2f", f"€{NBSP}", "", 1.0, tick=",.0f")
    if kind == "eur_mln":
        return PlotFormat(",.1f", f"€{NBSP}", f"{NBSP}mln", 1.0)
    if kind == "share":
        return PlotFormat(",.1f", "", f"{NBSP}%", 100.0, tick=",.0f")
    if kind == "percent":
        return PlotFormat(",.1f", "", f"{NBSP}%", 1.0)
    if kind == "fte":
        return PlotFormat(",.1f", "", "", 1.0, tick=",.0f")
    return PlotFormat(",.0f", "", "", 1.0)
