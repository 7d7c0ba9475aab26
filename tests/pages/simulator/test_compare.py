"""The compare page: up to three scenarios from presets or links; parameters, outputs and the decomposition."""

from __future__ import annotations

import dash
import pytest
from dash.exceptions import PreventUpdate

from components.simulator import ids
from data.scenario.decomposition import EFFECTS
from data.scenario.presets import load_presets
from data.scenario.schema import parse_scenario
from services.scenario_url import encode_scenario
from tests.dash_tree import find_all, text_of

PRESETS = load_presets()


@pytest.fixture(scope="module")
def page(portal):
    from pages.simulator import compare as simulator_compare

    return simulator_compare


def by_id(component, component_id):
    found = [c for c in find_all(component, object) if getattr(c, "id", None) == component_id]
    return found[0] if found else None


def test_the_page_is_in_the_navigation_right_after_the_simulator(portal):
    page = next(p for p in dash.page_registry.values() if p["path"] == "/simulator/vergelijken")
    assert page["nav_label"] == {"nl": "Vergelijken", "en": "Compare"}
    assert page["order"] == 91 and set(page["nav_description"]) == {"nl", "en"}


def test_without_a_choice_the_page_compares_a_price_and_a_fallback_change_with_the_baseline(page):
    chosen, states, messages = page.read_slots({}, "nl")
    assert chosen == {"a": "basis", "b": "begeleiding_volledige_kost", "c": "terugval_bovenop_contingent"}
    assert states == {} and messages == []


def test_presets_and_own_scenarios_come_from_the_link(page):
    own = parse_scenario({"name": "Eigen", "parameters": {"inflow.level_factor": 1.2}})
    preset_state = encode_scenario(PRESETS["terugval_5_jaar"].scenario)
    chosen, states, messages = page.read_slots(
        {"a": "basis", "b": encode_scenario(own), "c": preset_state}, "nl"
    )
    assert chosen == {"a": "basis", "b": "link-b", "c": "terugval_5_jaar"}
    assert list(states) == ["link-b"] and messages == []
    assert page.scenario_of("link-b", states).parameters == {"inflow.level_factor": 1.2}
    labels = [option["label"] for option in page.slot_options("b", states, "nl")]
    assert "Eigen (uit de link)" in labels and "(geen)" in labels


def test_a_bad_slot_falls_back_to_the_baseline_with_a_message(page):
    chosen, _, messages = page.read_slots({"a": "basis", "b": "kapot!", "c": ["x", "y"]}, "nl")
    assert chosen["b"] == "basis" and chosen["c"] == "basis"
    assert len(messages) == 2 and messages[0].startswith("B: ")
    layout = page.layout(a="basis", b="kapot!")
    assert "basisscenario" in text_of(by_id(layout, ids.COMPARE_LINK_NOTICE))


def test_comparing_three_scenarios_shows_every_part(page):
    headline, parameters, figure, outputs, decompositions, links, query = page.compare_outputs(
        ["basis", "begeleiding_volledige_kost", "bredere_reikwijdte"], {}, "nl"
    )
    assert "B − A" in text_of(headline) and "C − A" in text_of(headline)
    text = text_of(parameters)
    assert "Variabel deel, hoge nood" in text and "Bijkomende instroom door bredere reikwijdte" in text
    assert len(figure["data"]) == 3
    assert "B − A" in text_of(outputs) and "C − A" in text_of(outputs)
    words = text_of(decompositions)
    assert "B − A" in words and "C − A" in words and "Totaal verschil" in words
    assert len(find_all(dash.html.Div(decompositions), dash.dcc.Graph)) == 2
    assert query == {"a": "basis", "b": "begeleiding_volledige_kost", "c": "bredere_reikwijdte"}
    assert "Open A in de simulator" in text_of(links)


def test_the_decomposition_adds_up_in_the_figure(page):
    *_, decompositions, _, _ = page.compare_outputs(["basis", "begeleiding_volledige_kost", "none"], {}, "nl")
    figure = find_all(dash.html.Div(decompositions), dash.dcc.Graph)[0].figure
    values = figure["data"][0]["y"]
    assert len(values) == len(EFFECTS) + 1
    assert sum(values[:-1]) == pytest.approx(values[-1])
    assert values[1] > 0 and values[-1] == pytest.approx(values[1])  # only the price moved


def test_two_scenarios_are_enough_and_a_own_scenario_keeps_its_state_in_the_link(page):
    own = encode_scenario(parse_scenario({"name": "Eigen", "parameters": {"inflow.level_factor": 1.2}}))
    _, states, _ = page.read_slots({"a": "basis", "b": own}, "nl")
    *_, query = page.compare_outputs(["basis", "link-b", "none"], states, "en")
    assert query == {"a": "basis", "b": states["link-b"]}


def test_different_horizons_are_compared_over_the_years_they_share(page):
    short = encode_scenario(parse_scenario({"name": "Kort", "horizon_years": 5}))
    _, states, _ = page.read_slots({"a": "basis", "b": short}, "nl")
    _, _, _, outputs, _, _, _ = page.compare_outputs(["basis", "link-b", "none"], states, "nl")
    text = text_of(outputs)
    assert "verschillende horizon" in text and "2026–2030" in text


@pytest.mark.parametrize(
    ("choices", "states"),
    [
        ("x", {}),
        (["basis"], {}),
        (["none", "basis", "none"], {}),
        (["onbekend", "basis", "none"], {}),
        ([1, 2, 3], 5),
    ],
)
def test_malformed_choices_change_nothing(page, choices, states):
    with pytest.raises(PreventUpdate):
        page.compare_outputs(choices, states, "nl")


def _rows(block) -> list[list[str]]:
    return [[text_of(cell) for cell in row.children] for row in find_all(block, dash.html.Tr)[1:]]


def test_the_comparison_opens_with_what_differs_and_leaves_out_rows_that_are_zero_everywhere(page):
    headline, *_rest = page.compare_outputs(["basis", "begeleiding_volledige_kost", "none"], {}, "nl")
    outputs = _rest[2]
    labels = [row[0] for row in _rows(headline)]
    # Only the coaching premium's price changes: cost lines move, the workers and the queue do not.
    assert labels and all("kost" in label.lower() or "premie" in label.lower() for label in labels), labels
    assert all(row[2] != "€ 0,0 mln" and not row[2].startswith("0") for row in _rows(headline))
    for row in _rows(outputs):
        assert not all(cell in ("€ 0,0 mln", "0", "0,0 %") for cell in row[1:2] + row[2::2]), row


def test_the_comparison_and_its_decomposition_report_the_same_difference(page):
    from data.scenario.presets import load_presets
    from services.simulation import decomposition_of, simulate

    presets = load_presets()
    base, target = presets["basis"].scenario, presets["begeleiding_volledige_kost"].scenario
    a, b = simulate(base).annual, simulate(target).annual
    years = sorted(set(a["year"]) & set(b["year"]))

    def total(annual):
        rows = annual[(annual["output"] == "total_cost") & annual["year"].isin(years)]
        return float(rows["central"].sum())

    decomposition = decomposition_of(base, target)
    assert tuple(decomposition.years) == tuple(years)
    expected = decomposition.cumulative("target") - decomposition.cumulative("base")
    assert total(b) - total(a) == pytest.approx(expected, rel=1e-9)
    # The simulator's own key figure over the horizon is the same central sum.
    assert simulate(target).key_figures["cumulative_cost_horizon"]["central"] == pytest.approx(
        total(b), rel=1e-9
    )
