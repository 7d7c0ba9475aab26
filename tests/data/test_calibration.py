"""The calibration of the collective block (on the published years up to 2023 only) and its backtest."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from data.backtest import run_backtest
from data.calibration import FLOWS_FILE, LAST_YEAR, flows_differences, run_calibration
from data.observed import Point, load_published
from simulation.calibration import PublishedYears, calibrate, run_block


@pytest.fixture(scope="module")
def calibration():
    return run_calibration()


@pytest.fixture(scope="module")
def backtest():
    return run_backtest(draws=400)


def test_the_committed_flows_file_is_what_the_calibration_writes(calibration):
    assert flows_differences(FLOWS_FILE, calibration) == []


def test_the_fit_uses_the_years_up_to_2023_and_nothing_after(calibration):
    published = load_published()
    changed_2024 = dataclasses.replace(
        published,
        series={
            **published.series,
            "cmw_queue": tuple(
                Point(p.year, p.quarter, p.value * 2 if p.year >= 2024 else p.value, p.unit, p.flag, p.source)
                for p in published.points("cmw_queue")
            ),
        },
    )
    assert run_calibration(changed_2024).new_advices.value == pytest.approx(calibration.new_advices.value)
    changed_2022 = dataclasses.replace(
        published,
        series={
            **published.series,
            "cmw_queue": tuple(
                Point(
                    p.year, p.quarter, p.value + 800 if p.year == 2022 else p.value, p.unit, p.flag, p.source
                )
                for p in published.points("cmw_queue")
            ),
        },
    )
    assert run_calibration(changed_2022).new_advices.value != pytest.approx(
        calibration.new_advices.value, rel=1e-3
    )
    assert calibration.years[-1] == LAST_YEAR == 2023


def test_the_fit_reproduces_the_published_years_it_was_fitted_on(calibration):
    assert calibration.rms_filled < 150  # FTE, on about 19,000
    assert calibration.rms_queue < 400  # persons, on about 4,600 with year-to-year changes of 400 to 550
    assert 0.765 <= calibration.fte_per_person.value <= 0.794


def test_a_known_block_is_recovered_by_the_fit():
    # Data made by the block itself from known parameters: the fit finds them back (the drop-out given).
    years = (2019, 2020, 2021, 2022, 2023)
    allocated = np.array([19500.0, 19700.0, 19900.0, 20100.0, 20300.0])
    truth = {"other": 0.06, "speed": 0.35, "advices": 900.0}
    start = PublishedYears(years, allocated, np.full(5, 18600.0), np.full(5, 4500.0), np.full(5, 24000.0),
                           np.array([np.nan, 300.0, 300.0, 300.0, 300.0]))  # fmt: skip
    phi = 18600.0 / 24000.0
    door = 300.0 / 24000.0
    filled, queue = run_block(start, phi, door, np.array([truth["other"]]), np.array([truth["speed"]]),
                              np.array([truth["advices"]]), np.array([0.06]))  # fmt: skip
    data = PublishedYears(years, allocated, np.r_[18600.0, filled[0]], np.r_[4500.0, queue[0]], np.full(5, 24000.0),
                          start.doorstroom)  # fmt: skip
    fitted = calibrate(data, 0.06, (0.02, 0.15))
    assert fitted.other_exit_rate.value == pytest.approx(truth["other"], rel=0.05)
    assert fitted.matching_speed.value == pytest.approx(truth["speed"], rel=0.05)
    assert fitted.new_advices.value == pytest.approx(truth["advices"], rel=0.05)


def test_the_ridge_slopes_carry_the_data_more_exits_need_faster_matching_and_more_advices(calibration):
    assert calibration.speed_per_exit > 0
    assert calibration.advices_per_exit > 0
    assert calibration.advices_per_dropout > 0


def test_every_point_published_after_2023_is_in_the_backtest(backtest):
    published = load_published()
    expected = {
        (name, p.year, p.quarter)
        for name in (
            "cmw_contingent_filled",
            "cmw_contingent_allocated",
            "cmw_queue",
            "cmw_doorstroom_regular",
        )
        for p in published.points(name)
        if p.year >= 2024
    }
    assert len(backtest.points) == len(expected) == 10
    for point in backtest.points:
        assert point.p5 <= point.p50 <= point.p95
        assert point.inside == (point.p5 <= point.published <= point.p95)


def test_the_backtest_reports_its_coverage_beside_the_width_of_its_bands(backtest):
    summary = backtest.summary()
    assert summary["points"] == 10
    assert summary["inside"] == sum(point.inside for point in backtest.points)
    assert 0 < summary["median_relative_width"] < 1
    # What a reader must see: not every published point lies inside its band.
    assert summary["inside"] < summary["points"]


def test_the_binding_rule_applied_to_the_published_years(backtest):
    years = {row.year: row for row in backtest.binding}
    assert sorted(years) == [2019, 2020, 2021, 2022, 2023, 2024, 2025]
    assert years[2025].august
    for row in years.values():
        assert row.binding == (row.queue > row.open_persons)


def test_the_binding_rule_is_a_result_it_varies_with_the_scenario_and_across_draws():
    from data.results import run
    from data.scenario.schema import parse_scenario
    from simulation.summary import annual_table

    def full_in_2030(parameters):
        scenario = parse_scenario({"draws": 300, "seed": 5, "parameters": parameters})
        table = annual_table(run(scenario)).set_index(["year", "output"])
        return table.loc[(2030, "contingent_full"), "mean"]

    baseline = full_in_2030({})
    assert 0.0 < baseline < 1.0  # it varies across draws
    assert full_in_2030({"collectief.extra_places_per_year": 1500}) < baseline
    assert full_in_2030({"collectief.flows.new_advices_per_quarter": 2000}) > baseline


def test_the_milestones_sit_beside_the_model_and_the_fitted_one_is_marked(backtest):
    fitted = [m for m in backtest.milestones if m.fitted]
    assert len(fitted) == 1 and fitted[0].published == 3103
    assert fitted[0].model == pytest.approx(3103, rel=0.02)
    quoted = next(m for m in backtest.milestones if m.published == 9615)
    assert not quoted.fitted
