"""The simulator's presets: scenario files in data/scenarios/, in the format of `imw project --scenario`.

A file ``NN_<id>.yaml`` is the preset ``<id>``; ``NN`` orders the list. Each preset has a Dutch name and a
description that cites the SERV advice it answers. A preset whose amounts follow from other parameters names its
rule in the file (``rules:``, see data/scenario/schema.py), so that `imw project --scenario FILE` computes the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Final

from data.parameter_store import ParameterSet, load_parameters
from data.scenario.files import load_scenario_file
from data.scenario.schema import Scenario

PRESET_ROOT: Final = Path(__file__).resolve().parents[1] / "scenarios"
BASELINE_PRESET: Final = "basis"
_FILE_NAME = re.compile(r"^(?P<order>\d{2})_(?P<id>[a-z0-9_]+)\.yaml$")


@dataclass(frozen=True)
class Preset:
    """One preset: its id, its validated scenario (derived values included) and its file."""

    id: str
    scenario: Scenario
    file_name: str


def load_preset_tree(root: Path, parameters: ParameterSet | None = None) -> dict[str, Preset]:
    """Every preset below `root`, in the order of the files; raises ScenarioError naming a bad file."""
    parameters = parameters or load_parameters()
    presets: dict[str, Preset] = {}
    for path in sorted(root.glob("*.yaml")):
        match = _FILE_NAME.match(path.name)
        if match is None:
            raise ValueError(f"{path.name}: name a preset file NN_<id>.yaml (lower case, digits, _)")
        preset_id = match["id"]
        scenario = load_scenario_file(path, parameters)
        presets[preset_id] = Preset(id=preset_id, scenario=scenario, file_name=path.name)
    return presets


@lru_cache(maxsize=1)
def load_presets() -> dict[str, Preset]:
    """The portal's presets (read once per process)."""
    return load_preset_tree(PRESET_ROOT)


def matching_preset(scenario: Scenario, presets: Mapping[str, Preset] | None = None) -> str | None:
    """The id of the preset that `scenario` is (same name, same canonical scenario), or None."""
    presets = load_presets() if presets is None else presets
    for preset_id, preset in presets.items():
        if preset.scenario.name == scenario.name and preset.scenario.canonical() == scenario.canonical():
            return preset_id
    return None


def as_preset(scenario: Scenario, presets: Mapping[str, Preset] | None = None) -> Scenario:
    """The preset itself (with its description) when `scenario` matches one, else `scenario` unchanged; keeps
    what the scenario says it was computed with."""
    preset_id = matching_preset(scenario, presets)
    if preset_id is None:
        return scenario
    preset = (load_presets() if presets is None else presets)[preset_id].scenario
    return replace(preset, computed_with=scenario.computed_with)
