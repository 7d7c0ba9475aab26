"""Belgian number formats in text, axes and hover labels."""

from __future__ import annotations

import math

import pytest

from i18n.formats import NBSP, format_value, plot_format, unit_kind


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (1234.0, "persons", "1.234"),
        (18602.73, "FTE", "18.602,7"),
        (1234.0, "EUR", f"€{NBSP}1.234"),
        (572_500_000.0, "EUR", f"€{NBSP}572,5{NBSP}mln"),
        (2189.81, "EUR/month", f"€{NBSP}2.189,81"),
        (0.452, "share", f"45,2{NBSP}%"),
        (math.nan, "persons", "–"),
        (None, "EUR", "–"),
    ],
)
def test_values_are_written_the_belgian_way_in_their_unit(value: float, unit: str, expected: str) -> None:
    assert format_value(value, unit) == expected


def test_every_unit_of_the_schema_has_a_known_way_of_writing() -> None:
    from data.monitoring.schema import UNITS

    kinds = {unit: unit_kind(unit) for unit in UNITS}
    assert kinds["FTE"] == "fte"
    assert kinds["EUR"] == "eur"
    assert kinds["EUR/month"] == "eur_month"
    assert kinds["share"] == "share"
    assert {kinds[unit] for unit in ("persons", "employers", "establishments", "applications")} == {"count"}


def test_large_euro_amounts_are_plotted_in_millions_and_shares_in_percent() -> None:
    millions = plot_format("EUR", largest=572_500_000)
    assert (millions.scale, millions.prefix, millions.suffix) == (1e-6, f"€{NBSP}", f"{NBSP}mln")
    share = plot_format("share")
    assert (share.scale, share.suffix, share.tick_format) == (100.0, f"{NBSP}%", ",.0f")
    assert plot_format("persons").d3 == ",.0f"


def test_a_set_of_euro_amounts_is_written_in_one_scale():
    from i18n.formats import display_unit

    unit = display_unit("EUR", 84_100_000)
    assert format_value(5_082_437, unit) == f"€{NBSP}5,1{NBSP}mln"
    assert display_unit("EUR", 900_000) == "EUR"
    assert display_unit("persons", 84_100_000) == "persons"
