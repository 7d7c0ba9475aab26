"""The simulator's tables and words: key figures, coverage, comparison tables, the plain-language summary, the
version lines."""

from __future__ import annotations

import pytest
from dash import html

from components.shell.formatting import format_millions
from components.simulator.summary import (
    link_problem_text,
    newer_versions_text,
    summary_paragraphs,
    versions_text,
)
from components.simulator.tables import (
    coverage_table,
    decomposition_table,
    format_signed,
    key_figures_table,
    output_differences,
    parameter_differences,
    parameter_text,
)
from data.scenario.presets import load_presets
from data.scenario.schema import Scenario, baseline_values, parse_scenario
from services.simulation import decomposition_of, simulate
from simulation.coverage import coverage_rows
from tests.dash_tree import find_all, text_of

PRESETS = load_presets()


@pytest.fixture(scope="module")
def closed():
    return simulate(
        parse_scenario({"draws": 0, "parameters": {"financing.begeleidingspremie_mode": "closed"}})
    )


def test_the_key_figures_show_the_central_projection_and_band_with_draws(uncertain):
    table = key_figures_table(uncertain.key_figures, uncertain.n_draws, 12, "nl")
    text = text_of(table)
    assert "Centrale projectie" in text and "P5–P95 van 1.000 trekkingen" in text and "Mediaan" not in text
    assert "Kost samen over 12 jaar (de horizon)" in text
    cost = uncertain.key_figures["cumulative_cost_horizon"]
    assert format_millions(cost["central"]) in text
    assert f"{format_millions(cost['p5'])} – {format_millions(cost['p95'])}" in text
    assert "Langste wachtrij collectief maatwerk" in text
    assert "mln" in text and "€\u00a0" in text
    assert [th.scope for th in find_all(table, html.Th)][:3] == ["col", "col", "col"]
    assert find_all(table, html.Caption)


def test_without_draws_the_key_figures_are_the_central_projection(closed):
    text = text_of(key_figures_table(closed.key_figures, 0, 12, "en"))
    assert "Central projection" in text and "P5–P95" not in text


def test_a_short_horizon_names_its_own_years():
    result = simulate(Scenario(horizon_years=4, draws=0))
    text = text_of(key_figures_table(result.key_figures, 0, 4, "nl"))
    assert "Kost samen over 4 jaar (de horizon)" in text and "5 jaar" not in text and "10 jaar" not in text


def test_the_coverage_table_shows_cost_premium_and_shortfall():
    table = coverage_table(coverage_rows(baseline_values()), "nl")
    text = text_of(table)
    assert "lage nood" in text and "hoge nood" in text
    assert "€\u00a01.550" in text  # medium: 62,000 x 0.1 / 4
    assert "tekort" in text
    covered = coverage_table(
        coverage_rows(
            dict(
                PRESETS["begeleiding_volledige_kost"].scenario.parameters,
                **{
                    k: v
                    for k, v in baseline_values().items()
                    if k not in PRESETS["begeleiding_volledige_kost"].scenario.parameters
                },
            )
        ),
        "nl",
    )
    assert "tekort" not in text_of(covered)


def test_the_summary_is_plain_dutch_with_the_figures(uncertain):
    paragraphs = summary_paragraphs(uncertain, "nl")
    assert paragraphs[0].startswith(
        "In het scenario ‘Basisscenario decreet 2022’ kost individueel maatwerk €\u00a0"
    )
    assert "in 90 % van de trekkingen tussen" in paragraphs[0]
    assert "IMW-werknemers gaat van" in paragraphs[1]
    assert "contingent collectief maatwerk" in paragraphs[2] and "kans" in paragraphs[2]
    english = summary_paragraphs(uncertain, "en")
    assert english[0].startswith("In the scenario")


def test_the_summary_says_who_waits_under_a_closed_envelope(closed):
    paragraphs = summary_paragraphs(closed, "nl")
    assert any("wachten eind" in p and "op een premie" in p and "kwartalen" in p for p in paragraphs)
    assert "in 90 %" not in paragraphs[0]  # no band without draws


def test_the_version_lines(uncertain):
    text = versions_text(uncertain, "nl")
    assert f"model {uncertain.model_version}" in text and uncertain.parameters_version in text
    assert "1.000 trekkingen, seed 20220114" in text
    current = {"model_version": "1.0.0", "parameters_version": "new"}
    assert newer_versions_text(None, current, "nl") == ""
    assert newer_versions_text(current, current, "nl") == ""
    notice = newer_versions_text({"model_version": "1.0.0", "parameters_version": "old"}, current, "nl")
    assert "parameters old" in notice and "parameters new" in notice and "nieuwere" in notice


def test_a_link_problem_names_the_field_by_its_label():
    text = link_problem_text("invalid", "parameters.fallback.window_quarters", "99 is out of range", "nl")
    assert "Duur van de terugvalpositie" in text and "basisscenario" in text
    assert "afgebroken" in link_problem_text("corrupt", "", "", "nl")


def test_parameter_differences_show_the_values_in_words_with_their_source():
    presets = PRESETS
    table = parameter_differences(
        [
            ("A", presets["basis"].scenario),
            ("B", presets["terugval_bovenop_contingent"].scenario),
            ("C", presets["terugval_5_jaar"].scenario),
        ],
        "nl",
    )
    text = text_of(table)
    assert "binnen het contingent" in text and "bovenop het contingent" in text
    assert "6 kwartalen" in text and "20 kwartalen" in text
    assert "aanname" in text
    assert any("noozo" in link.href for link in find_all(table, html.A))
    same = parameter_differences([("A", Scenario()), ("B", Scenario())], "nl")
    assert "dezelfde parameters" in text_of(same)


def test_parameter_text_shows_shares_as_percentages():
    assert (
        parameter_text("loonpremie.package.five_year_raised.band_1", 0.55, "nl")
        == "55\u00a0% van het begrensde referteloon"
    )
    assert parameter_text("indexation.begeleidingspremie_indexed", True, "en") == "yes"


def test_output_differences_cover_every_output_and_the_differences(uncertain):
    other = simulate(PRESETS["bredere_reikwijdte"].scenario)
    years = list(range(2026, 2038))
    table = output_differences([("A", uncertain.annual), ("B", other.annual)], years, "nl")
    text = text_of(table)
    for label in ("Totale kost", "Instroom", "– hoge nood"):
        assert label in text
    # A row that is zero in every scenario is left out: the queue of the central run is empty by the end of 2037.
    queue = [float(a[(a["output"] == "queue") & (a["year"] == 2037)]["central"].iloc[0])
             for a in (uncertain.annual, other.annual)]  # fmt: skip
    assert ("Wachtrij collectief maatwerk (einde jaar)" in text) == any(abs(q) > 1e-9 for q in queue)
    assert "B − A" in text and "+" in text
    rows = find_all(find_all(table, html.Table)[0], html.Tr)
    assert len(rows) > 30


def test_the_decomposition_table_adds_up():
    result = decomposition_of(PRESETS["basis"].scenario, PRESETS["begeleiding_volledige_kost"].scenario)
    text = text_of(decomposition_table(result, "A", "B", "nl"))
    assert "Prijs (percentages en bedragen)" in text and "Totaal verschil" in text
    assert format_signed(result.cumulative("price"), "EUR") in text


def test_signed_amounts():
    assert format_signed(12_300_000, "EUR") == "+€\u00a012,3\u00a0mln"
    assert format_signed(-1234, "persons") == "−1.234"
    assert format_signed(0.0, "persons") == "0"


def test_amounts_are_written_with_the_euro_sign_first():
    assert parameter_text("begeleidingspremie.variable.low", 430, "en") == "€\u00a0430 per quarter"
    assert parameter_text("collectief.cost_per_place", 30000, "nl") == "€\u00a030.000 per jaar"


def test_a_preset_is_named_in_the_page_language_and_an_own_scenario_by_its_own_name():
    from components.simulator.controls import scenario_title

    assert scenario_title(PRESETS["basis"].scenario, "en") == "Baseline: the 2022 decree"
    assert scenario_title(PRESETS["basis"].scenario, "nl") == "Basisscenario decreet 2022"
    assert scenario_title(parse_scenario({"name": "Mijn eigen"}), "en") == "Mijn eigen"
