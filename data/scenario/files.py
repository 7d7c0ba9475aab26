"""Scenario files: a scenario read from a YAML or JSON text or file (bounded in size and shape, every problem a
ScenarioError naming the file or the field), and the baseline written out as a commented YAML file."""

from __future__ import annotations

import json
from pathlib import Path

from data import bounded_load
from data.bounded_load import excerpt
from data.parameter_store import ParameterSet, load_parameters
from data.scenario.schema import (
    DEFAULT_HORIZON_YEARS,
    DEFAULT_SEED,
    MAX_SCENARIO_BYTES,
    Scenario,
    ScenarioError,
    baseline_values,
    parse_scenario,
    scenario_parameters,
)


def parse_scenario_text(text: str, file_format: str, parameters: ParameterSet | None = None) -> Scenario:
    """Read a scenario from YAML or JSON text (a file or an upload), at a bounded cost (data/bounded_load.py)."""
    loaders = {"json": bounded_load.load_json, "yaml": bounded_load.load_yaml}
    if file_format not in loaders:
        raise ScenarioError(
            "file", f"format {excerpt(file_format)} is unknown; use YAML (.yaml, .yml) or JSON (.json)"
        )
    try:
        document = loaders[file_format](text, MAX_SCENARIO_BYTES)
    except bounded_load.BoundedLoadError as error:
        raise ScenarioError("file", str(error)) from None
    return parse_scenario(document, parameters)


def load_scenario_file(path: Path, parameters: ParameterSet | None = None) -> Scenario:
    """Read and validate a scenario file; every problem is a ScenarioError that names the file or the field."""
    suffix = path.suffix.lower()
    formats = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
    if suffix not in formats:
        raise ScenarioError("file", f"{excerpt(path.name)}: use a .yaml, .yml or .json file")
    try:
        if path.stat().st_size > MAX_SCENARIO_BYTES:
            raise ScenarioError(
                "file", f"{excerpt(path.name)} is larger than the limit of {MAX_SCENARIO_BYTES // 1000} kB"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError("file", f"{path} does not exist") from None
    except IsADirectoryError:
        raise ScenarioError("file", f"{path} is a folder, not a file") from None
    except PermissionError:
        raise ScenarioError("file", f"{path} cannot be read (no permission)") from None
    except UnicodeDecodeError:
        raise ScenarioError("file", f"{path.name} is not a text file in UTF-8") from None
    except OSError as error:
        raise ScenarioError("file", f"{path} cannot be read ({error.strerror})") from None
    return parse_scenario_text(text, formats[suffix], parameters)


def baseline_yaml(parameters: ParameterSet | None = None, language: str = "nl") -> str:
    """The complete baseline scenario as YAML, every parameter with its label, unit and status as a comment."""
    parameters = parameters or load_parameters()
    values = baseline_values(parameters)
    lines = [
        "# Basisscenario: het decreet van 14 januari 2022 en de aannames van het portaal.",
        "# Pas aan wat je wilt veranderen; wat gelijk blijft aan de basis, mag je weglaten.",
        "# Een waarde vanaf een datum: 'naam: {2028-01-01: waarde}'. Een gewone waarde van een beleidsparameter geldt",
        "# vanaf 1 januari 2026, een gewone waarde van een aanname voor de hele looptijd (vanaf 1 juli 2023).",
        f"name: {json.dumps(Scenario.name, ensure_ascii=False)}",
        f"horizon_years: {DEFAULT_HORIZON_YEARS}",
        "draws: 0",
        f"seed: {DEFAULT_SEED}",
        "parameters:",
    ]
    for name, parameter in scenario_parameters(parameters).items():
        value = values[name]
        text = json.dumps(value) if not isinstance(value, str) else value
        kind = "beleid" if parameter.policy else "aanname"
        lines.append(
            f"  {name}: {text}  # {parameter.label(language)} [{parameter.unit}], {parameter.status}, {kind}"
        )
    return "\n".join(lines) + "\n"
