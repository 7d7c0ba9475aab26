"""The illustrative data generator: reproducible, internally consistent, calibrated to the published totals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data.monitoring import generate
from data.monitoring.schema import TOTAL
from data.monitoring.tidy import frame_from_observations, tidy_csv_text


def illustrative_csv_text(seed: int = generate.SEED) -> str:
    """The text of illustrative.csv for a seed, as `python -m data.monitoring.generate` writes it."""
    return tidy_csv_text(generate.generate(seed).observations)


@pytest.fixture(scope="module")
def generated() -> generate.Generated:
    return generate.generate()


def test_the_committed_illustrative_file_equals_a_fresh_generation_byte_for_byte() -> None:
    assert generate.OUTPUT_PATH.read_bytes() == illustrative_csv_text().encode("utf-8")


def test_the_same_seed_gives_the_same_rows_and_another_seed_other_rows() -> None:
    assert illustrative_csv_text(7) == illustrative_csv_text(7)
    assert illustrative_csv_text(7) != illustrative_csv_text(8)


def test_every_generated_row_is_flagged_illustrative_with_the_illustrative_source(
    generated: generate.Generated,
) -> None:
    assert {row.flag for row in generated.observations} == {"i"}
    assert {row.source for row in generated.observations} == {generate.SOURCE_ID}


def test_every_breakdown_adds_up_to_the_total_of_its_year_and_indicator(
    generated: generate.Generated,
) -> None:
    frame = frame_from_observations(generated.observations)
    totals = frame[frame["dimension"] == TOTAL].set_index(["year", "indicator"])["value"]
    breakdowns = frame[frame["dimension"] != TOTAL].groupby(["year", "indicator", "dimension"])["value"].sum()
    assert len(breakdowns) > 50
    for (year, indicator, dimension), found in breakdowns.items():
        assert found == pytest.approx(totals[(year, indicator)], rel=1e-12, abs=1e-6), (
            year,
            indicator,
            dimension,
        )


def test_the_stock_in_february_2025_is_close_to_the_quoted_9615(generated: generate.Generated) -> None:
    assert generated.stock_end_february_2025 == pytest.approx(generate.QUOTED_STOCK, rel=0.03)


def test_the_self_employed_started_up_to_august_2025_match_the_three_published_provinces(
    generated: generate.Generated,
) -> None:
    assert generated.self_employed_started_to_august_2025 == {
        "antwerpen": 131,
        "west_vlaanderen": 97,
        "limburg": 55,
    }


def test_nobody_in_imw_lives_in_brussels(generated: generate.Generated) -> None:
    assert not [row for row in generated.observations if row.category == "brussel"]


def test_the_self_employed_are_the_self_employed_statute_and_are_no_employers(
    generated: generate.Generated,
) -> None:
    frame = frame_from_observations(generated.observations)

    def value(indicator: str, dimension: str, category: str, year: int) -> float:
        rows = frame[
            (frame["indicator"] == indicator)
            & (frame["dimension"] == dimension)
            & (frame["category"] == category)
            & (frame["year"] == year)
        ]
        return float(rows["value"].iloc[0])

    for year in generate.YEARS:
        assert value("imw_workers", "package", "self_employed", year) == value(
            "imw_workers_by_employer", "statute", "self_employed", year
        )
        assert value("imw_employers", TOTAL, TOTAL, year) < value("imw_workers", TOTAL, TOTAL, year)


def test_no_begeleidingspremie_is_paid_without_a_need_for_coaching(generated: generate.Generated) -> None:
    rows = [
        row
        for row in generated.observations
        if row.indicator == "imw_begeleidingspremie_paid" and row.category == "none"
    ]
    assert rows and all(row.value == 0 for row in rows)


def test_target_population_shares_add_up_to_one_in_every_breakdown(generated: generate.Generated) -> None:
    frame = frame_from_observations(generated.observations)
    shares = frame[(frame["indicator"] == "target_population_share") & (frame["dimension"] != TOTAL)]
    sums = shares.groupby("dimension")["value"].sum()
    assert np.allclose(sums.to_numpy(), 1.0, atol=1e-9)


def test_largest_remainder_rounding_keeps_the_sum() -> None:
    assert sum(generate.largest_remainder([1, 1, 1], 1000)) == 1000
    assert generate.largest_remainder([1, 1, 1], 1000) == [334, 333, 333]


def test_the_command_writes_the_file_and_check_spots_a_difference(tmp_path: Path) -> None:
    output = tmp_path / "illustrative.csv"
    assert generate.main(["--output", str(output)]) == 0
    assert output.read_bytes() == generate.OUTPUT_PATH.read_bytes()
    assert generate.main(["--output", str(output), "--check"]) == 0
    output.write_text(output.read_text(encoding="utf-8").replace(",i,", ",,", 1), encoding="utf-8")
    assert generate.main(["--output", str(output), "--check"]) == 1


def test_money_is_written_in_whole_euros_and_fte_in_hundredths(generated: generate.Generated) -> None:
    frame = pd.DataFrame(generated.observations)
    euros = frame.loc[frame["unit"] == "EUR", "value"]
    assert (euros == euros.round()).all()
    fte = frame.loc[frame["unit"] == "FTE", "value"]
    assert np.allclose(fte * 100, (fte * 100).round())
