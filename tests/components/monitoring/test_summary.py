"""The generated paragraph beside each chart, checked sentence by sentence against numbers worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from components.monitoring.indicator_view import render_view
from components.monitoring.summary import change_text, indicator_summary
from data.monitoring.view_state import ViewState
from services.monitoring import IndicatorInfo, find_indicator

NBSP = "\u00a0"


def summary(
    catalogue: list[IndicatorInfo],
    frame: pd.DataFrame,
    sources: pd.DataFrame,
    indicator: str,
    state: ViewState,
    language: str = "nl",
) -> str:
    info = find_indicator(indicator, catalogue)
    assert info is not None
    return render_view(info, frame, sources, state, language).summary


@pytest.fixture
def full_frame() -> pd.DataFrame:
    from tests.components.monitoring_fixtures import sample_frame_with_derived_rows

    return sample_frame_with_derived_rows()


def test_a_total_series_gives_the_latest_value_its_change_and_the_first_year(catalogue, full_frame, sources):
    # 1.500 against 1.200 is 25,0 % more; the first year shown is 2023 (1.000).
    assert summary(catalogue, full_frame, sources, "imw_workers", ViewState("total", 2023, 2025)) == (
        f"Werknemers met IMW: 1.500 in 2025, 25,0{NBSP}% meer dan in 2024 (1.200). In 2023 was dat 1.000. "
        "Bron: IMW-portaal (dit project)."
    )


def test_the_english_summary_says_the_same_with_belgian_numbers(catalogue, full_frame, sources):
    assert summary(catalogue, full_frame, sources, "imw_workers", ViewState("total", 2023, 2025), "en") == (
        f"Werknemers met IMW (en): 1.500 in 2025, 25,0{NBSP}% more than in 2024 (1.200). In 2023 it was 1.000. "
        "Source: IMW portal (this project)."
    )


def test_a_breakdown_names_the_largest_and_smallest_group_and_the_biggest_moves(
    catalogue, full_frame, sources
):
    # 2025: 1.250 and 250. Both groups have a value from 2024 on (2023 two-year is suppressed):
    # 1.250 / 900 = +38,9 %, 250 / 300 = -16,7 %.
    assert summary(catalogue, full_frame, sources, "imw_workers", ViewState("package", 2023, 2025)) == (
        "Werknemers met IMW naar pakket, 2025: het hoogst bij 5-jarig standaardpakket (1.250), het laagst bij "
        f"2-jarig pakket (250). Sinds 2024 steeg 5-jarig standaardpakket het sterkst (+38,9{NBSP}%). Sinds 2024 "
        f"daalde 2-jarig pakket het sterkst (−16,7{NBSP}%). 1 cijfer is afgeschermd omdat het om kleine aantallen "
        "gaat. Bron: IMW-portaal (dit project)."
    )


def test_a_count_in_august_is_not_compared_with_a_year_and_the_latest_yearly_figure_follows(
    catalogue, full_frame, sources
):
    # August 2025 has no August of an earlier year; the yearly figures: 3.089 / 4.554 = -32,2 %.
    assert summary(catalogue, full_frame, sources, "cmw_queue", ViewState("total", 2022, 2025)) == (
        "Wachtenden: 3.781 in augustus 2025. Er is geen cijfer voor dezelfde periode van een vorig jaar om het "
        f"mee te vergelijken. Het laatste jaarcijfer is dat van 2024: 3.089, 32,2{NBSP}% minder dan in 2023 "
        "(4.554). De cijfers voor augustus 2025 zijn voorlopig. Bron: Vlaams Parlement."
    )


def test_large_euro_amounts_are_written_in_millions(catalogue, full_frame, sources):
    # 572,5 / 552,3 = +3,7 %.
    assert summary(catalogue, full_frame, sources, "cmw_budget_spent", ViewState("total", 2022, 2025)) == (
        f"Uitgaven collectief maatwerk: €{NBSP}572,5{NBSP}mln in 2025, 3,7{NBSP}% meer dan in 2024 "
        f"(€{NBSP}552,3{NBSP}mln). In 2022 was dat €{NBSP}466,7{NBSP}mln. Bron: Vlaamse overheid (secundaire bron)."
    )


def test_a_fall_in_english_with_only_falls(catalogue, full_frame, sources):
    # Antwerp 1.325 -> 1.083 (-18,3 %), Limburg 551 -> 363 (-34,1 %): Limburg fell most, nothing rose.
    assert summary(catalogue, full_frame, sources, "cmw_queue", ViewState("province", 2022, 2024), "en") == (
        "Wachtenden (en) by province, 2024: highest for Antwerp (1.083), lowest for Limburg (363). "
        f"Since 2022, Limburg fell most (−34,1{NBSP}%). Source: Vlaams Parlement."
    )


def test_shares_change_in_percentage_points_and_the_watch_counts_notable_groups(
    catalogue, full_frame, sources
):
    # Men: 600/1.000 = 60 % to 1.050/1.500 = 70 %; women 40 % to 30 %, under four fifths of 40 % in 2025.
    text = summary(catalogue, full_frame, sources, "imw_share_vs_target", ViewState("gender", 2023, 2025))
    assert f"het hoogst bij Man (70,0{NBSP}%), het laagst bij Vrouw (30,0{NBSP}%)" in text
    assert f"Sinds 2023 steeg Man het sterkst (+10,0{NBSP}procentpunt)." in text
    assert f"Sinds 2023 daalde Vrouw het sterkst (−10,0{NBSP}procentpunt)." in text
    assert text.endswith("In 2025 valt 1 groep op: zie Opvallende veranderingen.")


def test_a_single_year_gives_its_value_only(catalogue, full_frame, sources):
    assert summary(catalogue, full_frame, sources, "imw_workers", ViewState("total", 2025, 2025)) == (
        "Werknemers met IMW: 1.500 in 2025. Bron: IMW-portaal (dit project)."
    )


def test_no_rows_say_there_are_no_figures() -> None:
    empty = pd.DataFrame(columns=["year", "quarter", "category", "value", "flag", "source"])
    assert indicator_summary(empty, title="X", unit="persons", language="nl") == (
        "Er zijn geen cijfers voor deze keuze."
    )


def test_an_unchanged_value_is_the_same_as_the_year_before() -> None:
    rows = pd.DataFrame(
        {
            "year": [2024, 2025],
            "quarter": [None, None],
            "category": ["total", "total"],
            "value": [10.0, 10.0],
            "flag": ["", ""],
            "source": ["", ""],
        }
    )
    assert indicator_summary(rows, title="Vestigingen", unit="establishments", language="nl") == (
        "Vestigingen: 10 in 2025, evenveel als in 2024."
    )


def test_a_rise_from_zero_names_the_earlier_value_without_a_percentage() -> None:
    rows = pd.DataFrame(
        {
            "year": [2024, 2025],
            "quarter": [None, None],
            "category": ["total", "total"],
            "value": [0.0, 12.0],
            "flag": ["", ""],
            "source": ["", ""],
        }
    )
    assert indicator_summary(rows, title="Terugkeer", unit="persons", language="en") == (
        "Terugkeer: 12 in 2025, against 0 in 2024."
    )


def test_change_sizes_are_relative_for_counts_and_in_points_for_shares() -> None:
    assert change_text(110, 100, "persons", "nl") == (f"10,0{NBSP}%", 1)
    assert change_text(0.30, 0.35, "share", "nl") == (f"5,0{NBSP}procentpunt", -1)
    assert change_text(0.30, 0.35, "share", "en") == (f"5,0{NBSP}percentage points", -1)
