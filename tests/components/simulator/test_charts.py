"""The simulator's figures: valid Plotly figures, Belgian, saying they are projections, built from the results."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from components.simulator.charts import (
    budget_figure,
    coaching_figure,
    compare_cost_figure,
    contingent_figure,
    decomposition_figure,
    tornado_figure,
    workers_figure,
)
from data.scenario.decomposition import EFFECTS
from data.scenario.presets import load_presets
from data.scenario.schema import Scenario
from services.simulation import decomposition_of, sensitivity_of, simulate

PRESETS = load_presets()


@pytest.fixture(scope="module")
def central():
    return simulate(Scenario(draws=0))


@pytest.fixture(scope="module")
def figures(uncertain):
    presets = PRESETS
    return [
        budget_figure(uncertain.annual, uncertain.n_draws, "nl"),
        workers_figure(uncertain.annual, "nl"),
        coaching_figure(uncertain.annual, "en"),
        contingent_figure(uncertain.annual, "nl"),
        tornado_figure(sensitivity_of(presets["basis"].scenario).sensitivity, {}, "nl"),
        decomposition_figure(
            decomposition_of(presets["basis"].scenario, presets["begeleiding_volledige_kost"].scenario), "nl"
        ),
        compare_cost_figure([("A", uncertain.annual), ("B", uncertain.annual)], "nl"),
    ]


def test_every_figure_is_a_valid_plotly_figure(figures):
    for figure in figures:
        go.Figure(figure)  # raises on any property Plotly does not know


def test_every_figure_is_belgian_and_says_it_is_a_projection(figures):
    for figure in figures:
        assert figure["layout"]["separators"] == ",."
        heading = figure["layout"]["title"]["text"]
        assert "projectie op basis van aannames" in heading or "projection on assumptions" in heading


def test_the_budget_is_stacked_by_premium_with_the_band_of_the_total_when_uncertain(uncertain, central):
    figure = budget_figure(uncertain.annual, uncertain.n_draws, "nl")
    names = [trace["name"] for trace in figure["data"]]
    assert names == [
        "Loonpremie IMW",
        "Premie lopende VOP's",
        "Begeleidingspremie",
        "Kost van plaatsen bovenop het contingent",
        "Totaal: centrale projectie en P5–P95",
    ]
    assert figure["layout"]["barmode"] == "stack"
    band = figure["data"][-1]
    total = uncertain.value("total_cost", "central") / 1e6
    assert band["y"] == pytest.approx(total.to_list())
    assert all(low >= 0 for low in band["error_y"]["arrayminus"])
    stacked = [sum(trace["y"][i] for trace in figure["data"][:4]) for i in range(len(total))]
    assert stacked == pytest.approx((uncertain.value("total_cost") / 1e6).to_list())
    without = budget_figure(central.annual, 0, "nl")
    assert len(without["data"]) == 4  # no band without draws


def test_the_workers_add_up_to_the_total_by_package_and_by_need(uncertain):
    # By package: IMW and the running VOPs; by need: IMW (a VOP has no need for coaching set).
    for figure, output in ((workers_figure(uncertain.annual, "nl"), "workers"),
                           (coaching_figure(uncertain.annual, "nl"), "workers_imw")):  # fmt: skip
        total = uncertain.value(output).to_list()
        stacked = [sum(trace["y"][i] for trace in figure["data"]) for i in range(len(total))]
        assert stacked == pytest.approx(total, rel=1e-9)


def test_the_contingent_shows_places_occupancy_queue_and_the_probability_full(uncertain):
    figure = contingent_figure(uncertain.annual, "nl")
    axes = [trace["yaxis"] for trace in figure["data"]]
    assert axes == ["y", "y", "y2", "y3"]
    probability = figure["data"][3]["y"]
    assert all(0 <= value <= 100 for value in probability)
    assert figure["layout"]["xaxis"]["anchor"] == "y3"


def test_the_tornado_puts_the_widest_swing_on_top():
    result = sensitivity_of(PRESETS["basis"].scenario).sensitivity
    figure = tornado_figure(result, {"inflow_trend": "Groei"}, "nl")
    ranked = result.ranked("cumulative_cost_10y")
    names = figure["data"][0]["y"]
    assert names[-1] in ("Groei", ranked[0].field)  # a horizontal bar chart draws its last category on top
    assert names[-1] == ("Groei" if ranked[0].field == "inflow_trend" else ranked[0].field)
    assert {trace["yaxis"] for trace in figure["data"]} == {"y", "y2"}


def test_the_waterfall_ends_at_the_total_difference():
    presets = PRESETS
    result = decomposition_of(presets["basis"].scenario, presets["bredere_reikwijdte"].scenario)
    figure = decomposition_figure(result, "en")
    values = figure["data"][0]["y"]
    assert figure["data"][0]["measure"] == ["relative"] * len(EFFECTS) + ["total"]
    assert sum(values[:-1]) == pytest.approx(values[-1])
    assert values[0] > 0  # a wider scope is a volume effect
    assert figure["data"][0]["x"][0] == "Volume"
