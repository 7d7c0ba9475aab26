"""Small-cell suppression: no count under the threshold reaches a page, not even through a total."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from test_monitoring_support import settings_for

from data.monitoring import store
from data.monitoring.catalogue import load_catalogue
from data.monitoring.schema import COUNT_UNITS, TOTAL
from data.monitoring.suppression import suppress
from data.monitoring.tidy import Observation, frame_from_observations

CATALOGUE = load_catalogue()


def _rows(
    indicator: str, unit: str, total: float | None, breakdowns: dict[str, Sequence[float]]
) -> list[Observation]:
    rows = []
    if total is not None:
        rows.append(Observation(2024, None, indicator, TOTAL, TOTAL, total, unit, "", "test"))
    for dimension, values in breakdowns.items():
        codes = CATALOGUE.categories_of(dimension)
        rows.extend(
            Observation(2024, None, indicator, dimension, codes[i], value, unit, "", "test")
            for i, value in enumerate(values)
        )
    return rows


def _hidden(frame: pd.DataFrame, dimension: str) -> list[str]:
    rows = frame[(frame["dimension"] == dimension) & (frame["flag"] == "c")]
    return list(rows["category"])


def test_a_count_under_the_threshold_is_hidden_with_flag_c_and_no_value() -> None:
    frame = frame_from_observations(_rows("imw_workers", "persons", 120, {"package": [3, 40, 50, 12, 15]}))
    result = suppress(frame, CATALOGUE, 10)
    row = result[result["category"] == "two_year"].iloc[0]
    assert row["flag"] == "c" and math.isnan(row["value"])


def test_a_single_hidden_category_takes_the_next_smallest_with_it() -> None:
    frame = frame_from_observations(_rows("imw_workers", "persons", 120, {"package": [3, 40, 50, 12, 15]}))
    result = suppress(frame, CATALOGUE, 10)
    assert _hidden(result, "package") == ["two_year", "collective_advice"]
    assert result.loc[result["dimension"] == TOTAL, "value"].iloc[0] == 120


def test_two_small_categories_need_no_secondary_suppression() -> None:
    frame = frame_from_observations(_rows("imw_workers", "persons", 101, {"package": [3, 40, 50, 4, 4]}))
    assert _hidden(suppress(frame, CATALOGUE, 10), "package") == [
        "two_year",
        "collective_advice",
        "self_employed",
    ]


def test_amounts_and_shares_are_never_hidden_for_their_own_size() -> None:
    rows = _rows("target_population_share", "share", 1.0, {"gender": [0.004, 0.996]})
    rows += [Observation(2024, None, "cmw_budget_spent", TOTAL, TOTAL, 5.0, "EUR", "", "test")]
    result = suppress(frame_from_observations(rows), CATALOGUE, 10)
    assert (result["flag"] != "c").all()


def test_fte_and_amounts_of_a_hidden_group_of_workers_are_hidden_too() -> None:
    rows = _rows("imw_workers", "persons", 120, {"package": [3, 40, 50, 12, 15]})
    rows += _rows("imw_fte", "FTE", 90.5, {"package": [2.5, 30, 40, 8, 10]})
    rows += _rows("imw_loonpremie_paid", "EUR", 1e6, {"package": [2e4, 4e5, 4e5, 9e4, 9e4]})
    result = suppress(frame_from_observations(rows), CATALOGUE, 10)
    for indicator in ("imw_workers", "imw_fte", "imw_loonpremie_paid"):
        assert _hidden(result[result["indicator"] == indicator], "package") == [
            "two_year",
            "collective_advice",
        ]


def test_a_cell_the_department_already_suppressed_stays_hidden_and_counts_as_hidden() -> None:
    rows = _rows("imw_workers", "persons", 120, {"package": [40, 40, 20, 10, 10]})
    rows[1] = rows[1]._replace(value=None, flag="c")
    result = suppress(frame_from_observations(rows), CATALOGUE, 10)
    assert _hidden(result, "package") == ["two_year", "collective_advice"]


def test_the_threshold_comes_from_the_settings(tmp_path: Path) -> None:
    low = store.load_indicators(settings_for(tmp_path, threshold=1))
    high = store.load_indicators(settings_for(tmp_path, threshold=100))
    assert (low["flag"] == "c").sum() < (high["flag"] == "c").sum()


def _assert_nothing_leaks(frame: pd.DataFrame, threshold: int) -> None:
    """No visible count under the threshold; no breakdown with a visible total and exactly one hidden category."""
    counts = frame[frame["unit"].isin(COUNT_UNITS)]
    visible = counts[counts["flag"] != "c"]
    assert (visible["value"] >= threshold).all()
    keys = ["year", "quarter", "indicator"]
    for _, group in counts.groupby(keys, dropna=False):
        total_rows = group[group["dimension"] == TOTAL]
        if total_rows.empty or total_rows["flag"].iloc[0] == "c":
            continue
        for dimension, breakdown in group[group["dimension"] != TOTAL].groupby("dimension"):
            assert (breakdown["flag"] == "c").sum() != 1, (group.iloc[0]["indicator"], dimension)


def test_the_shipped_data_leaks_no_small_count(tmp_path: Path) -> None:
    _assert_nothing_leaks(store.load_indicators(settings_for(tmp_path)), 10)


def _determined(hidden: list[str], equations: list[dict[str, float]]) -> set[str]:
    """The hidden cells whose value follows from linear equations over the hidden cells (rank test)."""
    if not equations or not hidden:
        return set()
    matrix = np.array([[equation.get(name, 0.0) for name in hidden] for equation in equations])
    rank = np.linalg.matrix_rank(matrix)
    found = set()
    for index, name in enumerate(hidden):
        unit = np.zeros(len(hidden))
        unit[index] = 1.0
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.add(name)
    return found


# A population of up to 150 people, each with a category in up to three breakdowns of 1 to 6 categories.
populations = st.integers(min_value=1, max_value=3).flatmap(
    lambda dimensions: st.tuples(
        st.lists(st.integers(min_value=1, max_value=6), min_size=dimensions, max_size=dimensions),
        st.lists(
            st.lists(st.integers(min_value=0, max_value=5), min_size=dimensions, max_size=dimensions),
            min_size=0,
            max_size=150,
        ),
    )
)


@settings(max_examples=300, deadline=None)
@given(population=populations, threshold=st.integers(min_value=1, max_value=25))
def test_no_cell_under_the_threshold_can_be_recovered_from_the_total_and_the_other_cells(
    population: tuple[list[int], list[list[int]]], threshold: int
) -> None:
    sizes, people = population
    dimensions = ["disability", "province", "sector"][: len(sizes)]  # each has at least six categories
    breakdowns = {
        dimension: [sum(1 for person in people if person[d] % size == c) for c in range(size)]
        for d, (dimension, size) in enumerate(zip(dimensions, sizes, strict=True))
    }
    frame = frame_from_observations(_rows("imw_workers", "persons", len(people), breakdowns))
    result = suppress(frame, CATALOGUE, threshold)

    _assert_nothing_leaks(result, threshold)
    unchanged = result["flag"] != "c"
    assert (result.loc[unchanged, "value"] == frame.loc[unchanged, "value"]).all()

    # Linear algebra: the total equals the sum of the categories of each breakdown; the visible cells are known.
    name = {index: f"{row.dimension}:{row.category}" for index, row in result.iterrows()}
    hidden = [name[index] for index in result.index[result["flag"] == "c"]]
    value = {name[index]: float(frame.loc[index, "value"]) for index in result.index}
    total_name = f"{TOTAL}:{TOTAL}"
    equations = []
    for dimension in dimensions:
        cells = [
            f"{dimension}:{code}"
            for code in CATALOGUE.categories_of(dimension)[: sizes[dimensions.index(dimension)]]
        ]
        equation = {cell: 1.0 for cell in cells if cell in hidden}
        if total_name in hidden:
            equation[total_name] = -1.0
        if equation:
            equations.append(equation)
    recovered = _determined(hidden, equations)
    small = {cell for cell in hidden if value[cell] < threshold}
    assert not (recovered & small), f"recoverable small cells: {recovered & small}"
