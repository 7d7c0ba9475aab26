"""The state of an indicator view in the URL: what a link asks for, and the fall-back when it asks nonsense."""

from __future__ import annotations

import pytest

from data.monitoring.view_state import (
    ViewOptions,
    ViewState,
    query_items,
    resolve_state,
    search_string,
    state_from_query,
)

OPTIONS = ViewOptions(breakdowns=("total", "package"), default_breakdown="package", years=(2023, 2024, 2025))
DEFAULT = ViewState("package", 2023, 2025, "chart")


def test_a_plain_address_shows_the_default_view() -> None:
    assert state_from_query("imw_workers", {}, OPTIONS) == (DEFAULT, [])


def test_a_link_with_valid_settings_reproduces_them() -> None:
    query = {"imw_workers.by": "total", "imw_workers.from": "2024", "imw_workers.view": "table"}
    state, problems = state_from_query("imw_workers", query, OPTIONS)
    assert state == ViewState("total", 2024, 2025, "table")
    assert problems == []


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ({"imw_workers.by": "sector"}, "breakdown"),
        ({"imw_workers.from": "twintig"}, "year"),
        ({"imw_workers.to": "2031"}, "year-range"),
        ({"imw_workers.from": "2025", "imw_workers.to": "2023"}, "reversed"),
        ({"imw_workers.view": "<script>"}, "view"),
        ({"imw_workers.by": ["total", "package"]}, "breakdown"),  # a key given twice
        ({"imw_workers.from": "99999999999999999999"}, "year"),
    ],
)
def test_bad_url_input_falls_back_to_the_default_and_says_why(query: dict[str, object], reason: str) -> None:
    state, problems = state_from_query("imw_workers", query, OPTIONS)
    assert state == DEFAULT
    assert [problem.reason for problem in problems] == [reason]
    assert problems[0].parameter.startswith("imw_workers.")


def test_a_long_bad_value_is_cut_in_the_message() -> None:
    _state, problems = state_from_query("imw_workers", {"imw_workers.by": "x" * 500}, OPTIONS)
    assert len(problems[0].value) <= 40


def test_only_one_bad_part_falls_back_and_the_good_parts_stay() -> None:
    state, problems = state_from_query(
        "imw_workers", {"imw_workers.by": "??", "imw_workers.from": "2024"}, OPTIONS
    )
    assert state == ViewState("package", 2024, 2025, "chart")
    assert len(problems) == 1


def test_settings_of_other_indicators_are_not_read() -> None:
    assert state_from_query("imw_workers", {"imw_fte.by": "total"}, OPTIONS) == (DEFAULT, [])


def test_the_query_string_holds_only_what_differs_from_the_default() -> None:
    assert query_items("imw_workers", DEFAULT, DEFAULT) == []
    items = query_items("imw_workers", ViewState("total", 2024, 2025, "table"), DEFAULT)
    assert items == [("imw_workers.by", "total"), ("imw_workers.from", "2024"), ("imw_workers.view", "table")]
    assert search_string("nl", items) == "?imw_workers.by=total&imw_workers.from=2024&imw_workers.view=table"
    assert search_string("en", []) == "?lang=en"
    assert search_string("nl", []) == ""


def test_an_empty_value_means_not_given() -> None:
    assert resolve_state(OPTIONS, breakdown="", year_from=None, view="") == (DEFAULT, [])
