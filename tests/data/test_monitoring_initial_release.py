"""The release shipped with the portal: published series and illustrative data, with sources and flags."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from data.monitoring import store
from data.monitoring.schema import COLUMNS, FLAGS, KEY_COLUMNS, SOURCE_COLUMNS, SOURCE_STATUSES, TOTAL
from tests.data.test_monitoring_support import settings_for


def _value(
    frame: pd.DataFrame, indicator: str, year: int, quarter: int | None = None, category: str = TOTAL
) -> pd.Series:
    rows = frame[
        (frame["indicator"] == indicator) & (frame["year"] == year) & (frame["category"] == category)
    ]
    rows = rows[rows["quarter"].isna()] if quarter is None else rows[rows["quarter"] == quarter]
    assert len(rows) == 1, (indicator, year, quarter, category)
    return rows.iloc[0]


def test_a_fresh_data_folder_serves_the_initial_release_without_any_command(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "never-created")
    frame = store.load_indicators(settings)
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) > 500
    assert store.current_release(settings).id == "initial"
    assert tuple(store.load_sources(settings).columns) == SOURCE_COLUMNS
    assert not (tmp_path / "never-created").exists()


def test_every_row_has_a_source_that_exists_in_the_sources_table_and_a_valid_flag(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    frame, sources = store.load_indicators(settings), store.load_sources(settings)
    assert set(frame["source"]) <= set(sources["id"])
    assert set(frame["flag"]) <= set(FLAGS)


def test_every_source_has_a_known_status_and_a_unique_id() -> None:
    sources = store.initial_release().sources
    assert sources["id"].is_unique
    assert set(sources["status"]) <= set(SOURCE_STATUSES)
    assert (sources["title"].str.len() > 0).all() and (sources["licence"].str.len() > 0).all()


def test_illustrative_rows_all_carry_flag_i_and_only_they_do() -> None:
    release = store.initial_release()
    status = dict(zip(release.sources["id"], release.sources["status"], strict=True))
    illustrative = release.indicators["source"].map(status) == "illustrative"
    assert illustrative.sum() > 400
    assert (release.indicators.loc[illustrative, "flag"] == "i").all()
    assert (release.indicators.loc[~illustrative, "flag"] != "i").all()


def test_secondary_values_have_no_flag_of_their_own_but_a_secondary_source() -> None:
    frame = store.initial_release().indicators
    subsidies = _value(frame, "cmw_subsidies_settled", 2024)
    assert subsidies["flag"] == "" and subsidies["source"] == "wse-cmw-subsidies"
    sources = store.initial_release().sources.set_index("id")
    assert sources.loc["wse-cmw-subsidies", "status"] == "secondary"


def test_the_first_quarter_2026_contingent_and_the_august_2025_queue_are_provisional() -> None:
    frame = store.initial_release().indicators
    contingent = _value(frame, "cmw_contingent_allocated", 2026, quarter=1)
    assert contingent["flag"] == "p" and contingent["value"] == 21466.66
    assert _value(frame, "cmw_contingent_allocated", 2025, quarter=4)["flag"] == ""
    queue = _value(frame, "cmw_queue", 2025, quarter=3)
    assert queue["flag"] == "p" and queue["value"] == 3781


def test_the_2023_count_of_establishments_is_marked_as_a_break_in_the_series() -> None:
    frame = store.initial_release().indicators
    assert _value(frame, "cmw_establishments", 2023, quarter=4)["flag"] == "b"
    assert _value(frame, "cmw_establishments", 2022, quarter=4)["flag"] == ""


def test_the_published_queue_provinces_add_up_to_the_published_total() -> None:
    frame = store.initial_release().indicators
    queue = frame[(frame["indicator"] == "cmw_queue") & frame["quarter"].isna()]
    for year, rows in queue.groupby("year"):
        total = rows.loc[rows["dimension"] == TOTAL, "value"].sum()
        assert rows.loc[rows["dimension"] == "province", "value"].sum() == total, year


def test_the_ggmmi_series_follows_its_parameter_file_quarter_by_quarter() -> None:
    frame = store.initial_release().indicators
    assert _value(frame, "ggmmi", 2024, quarter=2)["value"] == 2070.48  # 1 May 2024 is the last change in Q2
    assert _value(frame, "ggmmi", 2025, quarter=1)["value"] == 2111.89
    assert _value(frame, "ggmmi", 2023, quarter=4)["source"] == "ggmmi-secondary"  # the date is secondary


def test_no_two_rows_share_year_quarter_indicator_dimension_and_category() -> None:
    frame = store.initial_release().indicators
    assert not frame.duplicated(list(KEY_COLUMNS)).any()


def test_a_stock_of_imw_workers_and_its_profile_share_their_total() -> None:
    frame = store.initial_release().indicators
    for year in (2023, 2024, 2025):
        workers = _value(frame, "imw_workers", year)["value"]
        for other in ("imw_workers_profile", "imw_workers_by_employer"):
            assert _value(frame, other, year)["value"] == workers


def test_values_are_missing_only_where_the_flag_says_suppressed(tmp_path: Path) -> None:
    frame = store.load_indicators(settings_for(tmp_path))
    missing = frame["value"].isna()
    assert (frame.loc[missing, "flag"] == "c").all()
    assert not any(math.isnan(value) for value in frame.loc[~missing, "value"])


def test_each_call_returns_a_copy_that_the_caller_may_change(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    first = store.load_indicators(settings)
    first["value"] = 0.0
    assert store.load_indicators(settings)["value"].max() > 0


def test_breakdown_shares_divide_by_the_total_of_the_same_period_and_stay_missing_when_suppressed(
    tmp_path: Path,
) -> None:
    frame = store.load_indicators(settings_for(tmp_path))
    shares = store.breakdown_shares(frame)
    assert len(shares) == len(frame) and "share" in shares.columns
    workers = shares[(shares["indicator"] == "imw_workers") & (shares["year"] == 2025)]
    assert workers.loc[workers["dimension"] == TOTAL, "share"].iloc[0] == 1.0
    assert workers.loc[workers["dimension"] == "package", "share"].sum() == pytest.approx(1.0)
    queue = shares[(shares["indicator"] == "cmw_queue") & (shares["year"] == 2025)]
    assert queue["share"].tolist() == [
        1.0
    ]  # the August total: its quarter matches itself, not the yearly rows
    hidden = shares[shares["flag"] == "c"]
    assert hidden["share"].isna().all()
