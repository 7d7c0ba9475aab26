"""The simulator pages' door to the scenario data: what a Scenario is and may hold, how it is read from a file or
a text, the parameters a scenario may change and their dated defaults, the presets, and the files a result is
written to. Pages reach data/ through services/ (tests/test_architecture.py); this module names what they use."""

from __future__ import annotations

from data.bounded_load import excerpt as excerpt
from data.parameter_store import load_parameters as load_parameters
from data.results import EXPORT_FORMATS as EXPORT_FORMATS
from data.results import export_table_bytes as export_table_bytes
from data.results import scenario_yaml as scenario_yaml
from data.scenario.files import parse_scenario_text as parse_scenario_text
from data.scenario.presets import BASELINE_PRESET as BASELINE_PRESET
from data.scenario.presets import load_presets as load_presets
from data.scenario.presets import matching_preset as matching_preset
from data.scenario.schema import DEFAULT_SEED as DEFAULT_SEED
from data.scenario.schema import MAX_HORIZON_YEARS as MAX_HORIZON_YEARS
from data.scenario.schema import MAX_SCENARIO_BYTES as MAX_SCENARIO_BYTES
from data.scenario.schema import Scenario as Scenario
from data.scenario.schema import ScenarioError as ScenarioError
from data.scenario.schema import baseline_values as baseline_values
from data.scenario.schema import override_document as override_document
from data.scenario.schema import parse_scenario as parse_scenario
from data.scenario.schema import scenario_parameters as scenario_parameters
