"""The shape of a scenario file: one pydantic model, structured problems, and a JSON Schema for editors that
agrees with the parser on the presets, the baseline and on files that are wrong."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from cli import imw
from data.scenario.document import DocumentProblem, json_schema, read_document
from data.scenario.files import baseline_yaml
from data.scenario.presets import PRESET_ROOT
from data.scenario.schema import ScenarioError, parse_scenario, scenario_parameters

ROOT = Path(__file__).resolve().parents[3]
SCHEMA_FILE = ROOT / "docs" / "scenario.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema(scenario_parameters())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_committed_schema_is_what_imw_scenario_schema_prints():
    result = CliRunner().invoke(imw, ["scenario", "--schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8")), (
        "run `imw scenario --schema > docs/scenario.schema.json`"
    )


def test_every_preset_and_the_baseline_file_fit_the_schema(validator):
    documents = [
        yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(PRESET_ROOT.glob("*.yaml"))
    ]
    documents.append(yaml.safe_load(baseline_yaml()))
    for document in documents:
        errors = [
            error.message for error in validator.iter_errors(json.loads(json.dumps(document, default=str)))
        ]
        assert errors == [], document.get("name")
        parse_scenario(document)


@pytest.mark.parametrize(
    ("document", "field", "code"),
    [
        ({"horizon": 12}, "horizon", "unknown_key"),
        ({"name": "x" * 201}, "name", "wrong_type"),
        ({"description": 3}, "description", "wrong_type"),
        ({"horizon_years": 0}, "horizon_years", "out_of_range"),
        ({"draws": 2.5}, "draws", "not_whole"),
        ({"seed": True}, "seed", "not_whole"),
        ({"parameters": [1, 2]}, "parameters", "wrong_type"),
        ([1, 2], "scenario", "not_a_mapping"),
    ],
)
def test_a_wrong_key_is_one_structured_problem_and_the_schema_refuses_it_too(
    validator, document, field, code
):
    with pytest.raises(DocumentProblem) as problem:
        read_document(document)
    assert (problem.value.field, problem.value.code) == (field, code)
    with pytest.raises(ScenarioError) as error:
        parse_scenario(document)
    assert error.value.field == field and error.value.message == problem.value.message
    assert not validator.is_valid(document)


@pytest.mark.parametrize(
    "parameters",
    [
        {"loonpremie.package.five_year_standard.band_1": 0.9},  # above its range
        {"fallback.mode": "ergens"},  # not one of its choices
        {"no.such.parameter": 1},
        {"loonpremie.package.five_year_standard.band_1": {"2028-01-01": 2.0}},  # a dated value out of range
    ],
)
def test_a_wrong_parameter_value_is_refused_by_the_parser_and_by_the_schema(validator, parameters):
    with pytest.raises(ScenarioError):
        parse_scenario({"parameters": parameters})
    assert not validator.is_valid({"parameters": parameters})


def test_an_empty_entry_is_no_entry_and_a_whole_float_is_a_whole_number():
    document = read_document(
        {"parameters": None, "rules": None, "distributions": None, "horizon_years": 10.0}
    )
    assert (document.parameters, document.rules, document.distributions, document.horizon_years) == (
        {},
        [],
        {},
        10,
    )
