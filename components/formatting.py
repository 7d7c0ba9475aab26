"""Belgian number formats: 1.234,5 and € 1.234, in text, tables, axes and hover labels."""

from __future__ import annotations

import math

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
    """Format an amount in euro: € 1.234 (or € 1.234,56 with two decimals)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    sign = "-" if value < 0 and round(abs(value), decimals) > 0 else ""
    return f"{sign}€{NBSP}{format_number(abs(value), decimals)}"


def format_percent(share: float | None, decimals: int = 0) -> str:
    """Format a share (0.45) as a percentage: 45 %."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{format_number(share * 100, decimals)}{NBSP}%"


def format_millions(value: float | None, decimals: int = 1) -> str:
    """Format an amount in millions of euro: € 12,3 mln."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{format_eur(value / 1e6, decimals)}{NBSP}mln"
