"""Scenario cases as data: each file in cases/ names what it proves, its scenario and its expected values."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from data.results import run
from data.scenario.schema import parse_scenario
from simulation.summary import annual_table

CASES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", CASES, ids=[_load(path)["name"] for path in CASES])
def test_scenario_case(path):
    case = _load(path)
    table = annual_table(run(parse_scenario(case["scenario"]))).set_index(["year", "output"])
    for expected in case["expect"]:
        actual = table.loc[(expected["year"], expected["output"]), "p50"]
        assert actual == pytest.approx(expected["value"], abs=expected["tolerance"]), (
            f"{expected['output']} in {expected['year']}: {actual} != {expected['value']}"
        )


def test_there_are_scenario_cases():
    assert len(CASES) >= 5
