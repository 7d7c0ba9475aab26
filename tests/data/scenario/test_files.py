"""What the simulator added to scenario files and exports: `computed_with`, category labels, exports of a table."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest
import yaml

from data.results import CATEGORIES, export_bytes, export_table_bytes, output_label, run, scenario_yaml
from data.scenario.files import parse_scenario_text
from data.scenario.schema import ScenarioError, parse_scenario
from simulation import COACHING_NEEDS, ORIGINS
from simulation.summary import BREAKDOWN_PACKAGES, annual_table


def test_computed_with_is_read_but_is_no_part_of_the_scenario():
    plain = parse_scenario({"parameters": {"fallback.window_quarters": 4}})
    recorded = parse_scenario(
        {
            "parameters": {"fallback.window_quarters": 4},
            "computed_with": {"model_version": "0.9.0", "parameters_version": "abc123"},
        }
    )
    assert recorded.computed_with == {"model_version": "0.9.0", "parameters_version": "abc123"}
    assert recorded.canonical() == plain.canonical()
    assert recorded.canonical_json() == plain.canonical_json()


@pytest.mark.parametrize(
    ("computed_with", "field"),
    [
        ("1.0.0", "computed_with"),
        ({"model": "1.0.0"}, "computed_with.model"),
        ({"model_version": ["1"]}, "computed_with.model_version"),
        ({"model_version": True}, "computed_with.model_version"),
        ({"model_version": "x" * 41}, "computed_with.model_version"),
        ({"model_version": ""}, "computed_with.model_version"),
    ],
)
def test_a_malformed_computed_with_names_its_field(computed_with, field):
    with pytest.raises(ScenarioError) as error:
        parse_scenario({"computed_with": computed_with})
    assert error.value.field == field


def test_the_scenario_yaml_records_what_it_was_computed_with_and_reads_back():
    scenario = parse_scenario(
        {"name": "X", "parameters": {"fallback.mode": "on_top"}, "computed_with": {"model_version": "1.0.0"}}
    )
    text = scenario_yaml(scenario)
    assert yaml.safe_load(text)["computed_with"] == {"model_version": "1.0.0"}
    again = parse_scenario_text(text, "yaml")
    assert again.canonical() == scenario.canonical()
    assert again.computed_with == scenario.computed_with


def test_every_category_of_every_breakdown_has_a_label():
    expected = (
        {f"package.{p}" for p in BREAKDOWN_PACKAGES}
        | {f"coaching.{c}" for c in COACHING_NEEDS}
        | {f"origin.{o}" for o in ORIGINS}
    )
    assert set(CATEGORIES) == expected
    assert output_label("workers.package.two_year") == (
        "IMW-werknemers en lopende VOP's (einde jaar) – 2-jarig pakket"
    )
    assert (
        output_label("workers.coaching.high", "en")
        == "IMW workers and running VOPs (end of year) – high need"
    )
    assert output_label("total_cost") == "Totale kost"


def test_an_export_from_the_table_equals_the_export_from_the_projection():
    scenario = parse_scenario({"parameters": {"fallback.mode": "on_top"}})
    projection = run(scenario)
    direct = export_bytes(".csv", scenario, projection)
    from_table = export_table_bytes(".csv", scenario, annual_table(projection), 0)
    assert direct == from_table
    frame = pd.read_csv(io.BytesIO(from_table), comment="#")
    assert "IMW-werknemers en lopende VOP's (einde jaar) – lage nood" in set(frame["label"])


def test_an_xlsx_export_from_the_table_holds_the_scenario():
    scenario = parse_scenario({"name": "Proef", "parameters": {"fallback.window_quarters": 4}})
    projection = run(scenario)
    book = openpyxl.load_workbook(
        io.BytesIO(export_table_bytes(".xlsx", scenario, annual_table(projection), 0))
    )
    assert book.sheetnames == ["Kerncijfers", "Resultaten", "Metadata"]
    values = {row[0]: row[1] for row in book["Metadata"].iter_rows(min_row=2, values_only=True)}
    assert "fallback.window_quarters: 4" in values["Scenario (YAML)"]
