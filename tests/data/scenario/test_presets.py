"""The simulator's presets: valid scenario files, each citing its SERV point; the coverage preset's amounts."""

from __future__ import annotations

import math
import re

import pytest
import yaml

from data.coverage import variable_parts_covering_cost
from data.scenario.files import load_scenario_file
from data.scenario.presets import (
    BASELINE_PRESET,
    PRESET_ROOT,
    as_preset,
    load_preset_tree,
    load_presets,
    matching_preset,
)
from data.scenario.schema import Scenario, baseline_values, parse_scenario, scenario_values
from simulation.coverage import coaching_cost_per_quarter, coverage_rows

PRESETS = load_presets()


def test_the_baseline_comes_first_and_changes_nothing():
    first = next(iter(PRESETS))
    assert first == BASELINE_PRESET
    assert PRESETS[BASELINE_PRESET].scenario.parameters == {}


def test_the_presets_asked_for_by_the_issue_are_there():
    expected = {
        "basis": {},
        "terugval_1_jaar": {"fallback.window_quarters": 4},
        "terugval_3_jaar": {"fallback.window_quarters": 12},
        "terugval_5_jaar": {"fallback.window_quarters": 20},
        "terugval_bovenop_contingent": {"fallback.mode": "on_top"},
        "begeleiding_gesloten_enveloppe": {"financing.begeleidingspremie_mode": "closed"},
        "bredere_reikwijdte": {"scope.extra_inflow_share": 0.05},
    }
    for preset_id, parameters in expected.items():
        assert PRESETS[preset_id].scenario.parameters == parameters
    assert "begeleiding_volledige_kost" in PRESETS


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_every_preset_has_a_dutch_name_and_cites_the_serv_advice(preset_id):
    scenario = PRESETS[preset_id].scenario
    assert (scenario.name and scenario.name != Scenario.name) or preset_id == BASELINE_PRESET
    assert re.search(r"SERV-advies van 9 september 2021, punt (6|8|11|13)\b", scenario.description)


@pytest.mark.parametrize("path", sorted(PRESET_ROOT.glob("*.yaml")), ids=lambda p: p.name)
def test_every_preset_file_is_a_scenario_file_for_imw_project(path):
    scenario = load_scenario_file(path)
    assert scenario.draws == 1000
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(document) <= {
        "name",
        "name_en",
        "description",
        "description_en",
        "horizon_years",
        "draws",
        "seed",
        "parameters",
        "rules",
    }


@pytest.mark.parametrize("path", sorted(PRESET_ROOT.glob("*.yaml")), ids=lambda p: p.name)
def test_every_preset_reproduces_through_imw_project_with_its_derived_amounts(path, tmp_path):
    from cli import main

    preset_id = path.stem.split("_", 1)[1]
    out = tmp_path / "results.json"
    assert main(["project", "--scenario", str(path), "--draws", "0", "--out", str(out)]) == 0
    import json

    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["metadata"]["scenario"].get("parameters", {}) == PRESETS[
        preset_id
    ].scenario.canonical().get("parameters", {})


def test_the_names_of_the_presets_differ():
    names = [preset.scenario.name for preset in PRESETS.values()]
    assert len(set(names)) == len(names)


def test_the_coverage_preset_sets_the_variable_parts_to_the_coaching_cost_rounded_up():
    scenario = PRESETS["begeleiding_volledige_kost"].scenario
    values = scenario_values(scenario)
    for need in ("low", "medium", "high"):
        cost = coaching_cost_per_quarter(values, need)
        amount = float(values[f"begeleidingspremie.variable.{need}"])
        assert cost <= amount < cost + 10
        assert amount % 10 == 0
    # 62,000 x 1/13 / 4 = 1,192.31 -> 1,200; 62,000 x 1/10 / 4 = 1,550; 62,000 x 1/7 / 4 = 2,214.28 -> 2,220
    assert [values[f"begeleidingspremie.variable.{n}"] for n in ("low", "medium", "high")] == [
        1200,
        1550,
        2220,
    ]


def test_the_coverage_preset_follows_the_cost_of_a_coach():
    values = dict(baseline_values())
    values["coaching.coach_cost_per_fte_year"] = 80_000
    amounts = variable_parts_covering_cost(values)
    assert amounts["begeleidingspremie.variable.medium"] == 2000.0  # 80,000 x 0.1 / 4


def test_the_coverage_preset_stays_within_the_control_range():
    values = dict(baseline_values())
    values["coaching.coach_cost_per_fte_year"] = 150_000
    values["coaching.norm.high"] = 1.0
    assert variable_parts_covering_cost(values)["begeleidingspremie.variable.high"] == 5000.0


def test_the_coverage_check_of_the_baseline_falls_short_from_quarter_six():
    rows = {row.need: row for row in coverage_rows(baseline_values())}
    assert rows["medium"].coaching_cost == pytest.approx(1550.0)
    assert rows["medium"].premium_first_quarters == 1930.0  # 1,200 + 730
    assert rows["medium"].coverage_later_quarters == pytest.approx(1330 / 1550)
    assert all(row.coverage_later_quarters < 1 for row in rows.values())


def test_no_coaching_cost_means_infinite_coverage():
    values = dict(baseline_values())
    values["coaching.norm.low"] = 0.0
    row = coverage_rows(values)[0]
    assert math.isinf(row.coverage_first_quarters)


def test_a_scenario_equal_to_a_preset_is_recognised_and_gets_its_description_back():
    preset = PRESETS["terugval_5_jaar"].scenario
    bare = parse_scenario({"name": preset.name, **preset.canonical()})
    assert bare.description == ""
    assert matching_preset(bare) == "terugval_5_jaar"
    assert as_preset(bare).description == preset.description
    changed = parse_scenario({"name": preset.name, **preset.canonical(), "horizon_years": 10})
    assert matching_preset(changed) is None
    assert as_preset(changed) is changed


def test_a_badly_named_preset_file_is_refused(tmp_path):
    (tmp_path / "basis.yaml").write_text("name: x\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"NN_<id>\.yaml"):
        load_preset_tree(tmp_path)


def test_an_unknown_rule_or_a_value_that_a_rule_sets_is_refused():
    from data.scenario.schema import ScenarioError

    with pytest.raises(ScenarioError, match="rule names"):
        parse_scenario({"rules": ["no_such_rule"]})
    with pytest.raises(ScenarioError, match="set by the rule"):
        parse_scenario({"rules": ["coaching_cost"], "parameters": {"begeleidingspremie.variable.low": 500}})
