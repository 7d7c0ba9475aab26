"""The model stays pure: nothing in simulation/ imports the web, the cache, files' layers or the data layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SIMULATION = Path(__file__).resolve().parents[2] / "simulation"
ALLOWED = {
    "numpy",
    "scipy",
    "pandas",
    "simulation",
    "__future__",
    "dataclasses",
    "typing",
    "collections",
    "datetime",
    "math",
    "functools",
    "itertools",
    "decimal",
    "enum",
    "abc",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(SIMULATION.glob("*.py")), ids=lambda p: p.name)
def test_the_model_imports_only_numerical_libraries_and_itself(path):
    assert _imports(path) <= ALLOWED, _imports(path) - ALLOWED


def test_the_check_sees_a_forbidden_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import flask\nfrom data.scenario.schema import Scenario\n", encoding="utf-8")
    assert _imports(bad) - ALLOWED == {"flask", "data"}
