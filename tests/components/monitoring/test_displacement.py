"""The displacement watch: shares of each group among IMW workers against the target population, and signals."""

from __future__ import annotations

import pandas as pd
import pytest

from components.monitoring.displacement_view import notable_sentences
from data.monitoring.displacement import (
    DISPLACEMENT_ID,
    combined_flag,
    comparable_dimensions,
    imw_share_rows,
    notable_rows,
    watch_table,
)
from data.monitoring.frames import select_rows

NBSP = "\u00a0"


def test_shares_are_each_groups_count_over_the_years_total(frame):
    shares = imw_share_rows(frame)
    assert set(shares["indicator"]) == {DISPLACEMENT_ID}
    women = shares[shares["category"] == "woman"].sort_values("year")
    assert women["value"].tolist() == pytest.approx([0.4, 0.35, 0.3])
    assert set(shares["flag"]) == {"i"}


def test_a_suppressed_count_gives_no_share(frame):
    frame = frame.copy()
    row = (
        (frame["indicator"] == "imw_workers_profile")
        & (frame["category"] == "woman")
        & (frame["year"] == 2024)
    )
    frame.loc[row, ["value", "flag"]] = [float("nan"), "c"]
    shares = imw_share_rows(frame)
    cell = shares[(shares["category"] == "woman") & (shares["year"] == 2024)]
    assert cell["value"].isna().all() and cell["flag"].tolist() == ["c"]


def test_only_the_breakdowns_both_series_have_are_compared(frame):
    assert comparable_dimensions(frame) == ("gender",)


def test_a_group_under_four_fifths_of_its_target_share_or_falling_two_points_is_flagged(frame):
    shares = imw_share_rows(frame)
    target = select_rows(frame, "target_population_share", "gender")
    watch = watch_table(select_rows(shares, DISPLACEMENT_ID, "gender"), target)
    women = watch[watch["category"] == "woman"].set_index("year")
    # 2024 has no target figure: the 2023 one (40 %) is used. 30 % / 40 % = 0,75 < 0,8 in 2025.
    assert women["target_share"].tolist() == pytest.approx([0.4, 0.4, 0.4])
    assert women["ratio"].tolist() == pytest.approx([1.0, 0.875, 0.75])
    assert women["under"].tolist() == [False, False, True]
    assert women["fall"].tolist() == [False, True, True]  # -5 points in 2024 and in 2025
    assert not watch[watch["category"] == "man"][["under", "fall"]].to_numpy().any()
    assert notable_rows(watch)[["year", "category"]].values.tolist() == [[2025, "woman"], [2024, "woman"]]


def test_notable_changes_read_as_plain_sentences(frame):
    shares = imw_share_rows(frame)
    watch = watch_table(
        select_rows(shares, DISPLACEMENT_ID, "gender"),
        select_rows(frame, "target_population_share", "gender"),
    )
    sentences = notable_sentences(watch, "nl", {"woman": "Vrouw", "man": "Man"})
    assert sentences[0] == (
        f"2025: Vrouw is ondervertegenwoordigd: 30,0{NBSP}% bij IMW tegenover 40,0{NBSP}% in de doelgroep "
        "(verhouding 0,75)."
    )
    assert sentences[1] == (
        f"2025: het aandeel van Vrouw bij IMW daalde met 5,0 procentpunt (van 35,0{NBSP}% naar 30,0{NBSP}%)."
    )


def test_a_value_made_of_several_carries_the_weakest_status() -> None:
    assert combined_flag("", "p") == "p"
    assert combined_flag("i", "p") == "i"
    assert combined_flag("c", "i") == "c"
    assert combined_flag("", None) == ""


def test_no_profile_rows_give_no_shares() -> None:
    empty = pd.DataFrame(
        columns=["year", "quarter", "indicator", "dimension", "category", "value", "unit", "flag", "source"]
    )
    assert imw_share_rows(empty).empty
