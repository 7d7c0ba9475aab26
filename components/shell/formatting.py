"""The components' door to the Belgian number formats, which live in :mod:`i18n.formats`.

The formats moved to the leaf ``i18n`` so that the CLI and the exports use them without importing ``components``;
the components (and the simulator page) keep importing them from here.
"""

from __future__ import annotations

from i18n.formats import (
    EUR_IN_MILLIONS,
    MILLIONS_FROM,
    NBSP,
    PLOTLY_SEPARATORS,
    PlotFormat,
    display_unit,
    format_eur,
    format_millions,
    format_number,
    format_percent,
    format_value,
    plot_format,
    unit_kind,
)

__all__ = [
    "EUR_IN_MILLIONS",
    "MILLIONS_FROM",
    "NBSP",
    "PLOTLY_SEPARATORS",
    "PlotFormat",
    "display_unit",
    "format_eur",
    "format_millions",
    "format_number",
    "format_percent",
    "format_value",
    "plot_format",
    "unit_kind",
]
