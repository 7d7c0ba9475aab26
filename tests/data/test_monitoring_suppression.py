"""Small-cell suppression: no count under the threshold reaches a page, not even through a total."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from data.monitoring import store
from data.monitoring.catalogue import load_catalogue
from data.monitoring.schema import COUNT_UNITS, TOTAL
from data.monitoring.suppression import suppress
from data.monitoring.tidy import Observation, frame_from_observations
from tests.data.test_monitoring_support import settings_for

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
    """No visible count from 1 to under the threshold (a zero concerns nobody and may show); no breakdown with a
    visible total and exactly one hidden category."""
    counts = frame[frame["unit"].isin(COUNT_UNITS)]
    visible = counts[counts["flag"] != "c"]
    assert ((visible["value"] >= threshold) | (visible["value"] == 0)).all()
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


# --- the cross-tabulation of sector and statute, its margins and every other breakdown of the same persons ------


def _attack_intervals(
    published: pd.DataFrame, truth: pd.DataFrame, year: int
) -> dict[tuple[str, str, str], tuple[float, float, float]]:
    """What a reader can work out about every hidden cell of the workers of `year`, written out here on its own
    (not with the portal's suppression code): the three indicators of the same persons share their total; each
    breakdown adds up to it; each row and column of the sector x statute table adds up to its sector and statute;
    'sector, with temporary agency work apart' is that table regrouped; no count is negative. Returns, per hidden
    cell, (smallest, largest, true value) by linear programming."""
    from scipy.optimize import linprog

    indicators = ["imw_workers", "imw_workers_profile", "imw_workers_by_employer"]
    rows = published[(published["year"] == year) & published["indicator"].isin(indicators)]
    true_rows = truth[(truth["year"] == year) & truth["indicator"].isin(indicators)]
    cell = {
        (r.indicator, r.dimension, r.category): float(r.value) for r in rows.itertuples() if r.flag != "c"
    }
    real = {(r.indicator, r.dimension, r.category): float(r.value) for r in true_rows.itertuples()}
    hidden = sorted(key for key in real if key not in cell)
    equations: list[dict[tuple[str, str, str], float]] = []
    total = ("imw_workers", TOTAL, TOTAL)
    for indicator in indicators[1:]:
        equations.append({(indicator, TOTAL, TOTAL): 1.0, total: -1.0})
    for indicator in indicators:
        meta = CATALOGUE.indicators[indicator]
        for dimension in meta.breakdowns:
            equation = {(indicator, dimension, code): 1.0 for code in CATALOGUE.categories_of(dimension)}
            equation[(indicator, TOTAL, TOTAL)] = -1.0
            equations.append(equation)
    by_employer = "imw_workers_by_employer"
    sectors, statutes = CATALOGUE.categories_of("sector"), CATALOGUE.categories_of("statute")
    for sector in sectors:
        row = {(by_employer, "sector_statute", f"{sector}:{statute}"): 1.0 for statute in statutes}
        equations.append({**row, (by_employer, "sector", sector): -1.0})
        apart = {key: 1.0 for key in row if not key[2].endswith(":temp_agency")}
        equations.append({**apart, (by_employer, "sector_temp_apart", sector): -1.0})
    for statute in statutes:
        column = {(by_employer, "sector_statute", f"{sector}:{statute}"): 1.0 for sector in sectors}
        equations.append({**column, (by_employer, "statute", statute): -1.0})
    temps = {(by_employer, "sector_statute", f"{sector}:temp_agency"): 1.0 for sector in sectors}
    equations.append({**temps, (by_employer, "sector_temp_apart", "temp_work"): -1.0})
    # A category missing from the file counts nobody: the reader takes it as zero.
    for equation in equations:
        for key in equation:
            if key not in real:
                real[key] = cell[key] = 0.0
    for equation in equations:  # every fact the reader uses is true of the real table
        assert abs(sum(coefficient * real[key] for key, coefficient in equation.items())) < 1e-6, equation
    index = {key: i for i, key in enumerate(hidden)}
    matrix = np.zeros((len(equations), len(hidden)))
    rhs = np.zeros(len(equations))
    for row_number, equation in enumerate(equations):
        for key, coefficient in equation.items():
            if key in index:
                matrix[row_number, index[key]] = coefficient
            else:
                rhs[row_number] -= coefficient * cell[key]
    result = {}
    for key, i in index.items():
        objective = np.zeros(len(hidden))
        objective[i] = 1.0
        low = linprog(objective, A_eq=matrix, b_eq=rhs, bounds=(0, None), method="highs")
        high = linprog(-objective, A_eq=matrix, b_eq=rhs, bounds=(0, None), method="highs")
        assert low.status == 0 and high.status in (0, 3)
        result[key] = (float(low.fun), math.inf if high.status == 3 else -float(high.fun), real[key])
    return result


def test_no_hidden_cell_of_the_sector_by_statute_table_can_be_worked_out_from_margins_or_other_breakdowns(
    tmp_path: Path,
) -> None:
    published = store.load_indicators(settings_for(tmp_path))
    truth = store.initial_release().indicators
    checked = 0
    for year in (2023, 2024, 2025):
        for key, (low, high, real) in _attack_intervals(published, truth, year).items():
            assert high - low >= 1 - 1e-9, f"{year} {key}: pinned to [{low:g}, {high:g}] (real {real:g})"
            checked += 1
    small = (truth["unit"].isin(COUNT_UNITS)) & (truth["value"] > 0) & (truth["value"] < 10)
    assert small[truth["dimension"] == "sector_statute"].sum() > 10  # the table has small cells to protect
    assert checked > 30


def test_the_sector_with_temporary_work_apart_puts_agency_workers_in_a_row_of_their_own(
    tmp_path: Path,
) -> None:
    frame = store.load_indicators(settings_for(tmp_path))
    rows = frame[(frame["indicator"] == "imw_workers_by_employer") & (frame["year"] == 2025)]
    value = {(r.dimension, r.category): r.value for r in rows.itertuples()}
    assert value[("sector_temp_apart", "temp_work")] == value[("statute", "temp_agency")]
    assert (
        value[("sector_temp_apart", "N")]
        == value[("sector", "N")] - value[("sector_statute", "N:temp_agency")]
    )
    assert (
        value[("sector_temp_apart", "N")] < value[("sector", "N")] / 2
    )  # the agency's sector was mostly temp work


def test_an_audit_hides_a_lone_small_cell_of_a_cross_table_with_a_rectangle_of_others() -> None:
    """Hand-made: one small cell in a 2 x 2 corner of the sector x statute table; its row and its column each give
    it away, so the audit must hide one more cell in its row, one in its column, and a fourth to close the
    rectangle (or margins), leaving no hidden cell pinned."""
    sectors, statutes = ["A", "C"], ["blue_collar", "white_collar"]
    table = {
        ("A", "blue_collar"): 4,
        ("A", "white_collar"): 40,
        ("C", "blue_collar"): 60,
        ("C", "white_collar"): 80,
    }
    indicator = "imw_workers_by_employer"
    rows = [Observation(2024, None, indicator, TOTAL, TOTAL, 184.0, "persons", "", "t")]
    for sector in CATALOGUE.categories_of("sector"):
        value = sum(v for (s, _), v in table.items() if s == sector)
        rows.append(Observation(2024, None, indicator, "sector", sector, float(value), "persons", "", "t"))
        for statute in CATALOGUE.categories_of("statute"):
            cross = float(table.get((sector, statute), 0))
            rows.append(
                Observation(
                    2024, None, indicator, "sector_statute", f"{sector}:{statute}", cross, "persons", "", "t"
                )
            )
    for statute in CATALOGUE.categories_of("statute"):
        value = sum(v for (_, st), v in table.items() if st == statute)
        rows.append(Observation(2024, None, indicator, "statute", statute, float(value), "persons", "", "t"))
    result = suppress(frame_from_observations(rows), CATALOGUE, 10)
    hidden = set(result.loc[result["flag"] == "c", "category"])
    assert "A:blue_collar" in hidden
    assert {"A:white_collar", "C:blue_collar", "C:white_collar"} <= hidden or len(hidden) >= 4
    assert sectors and statutes
