"""What the simulator shows for one valid scenario, asked once: its Monte Carlo result, the sensitivity, the
baseline's key figures on the same horizon, the coverage check, and what to compare it with.

Every part is cached where it is computed (services/simulation.py); this module only gathers them, so that the
page's callback makes one service call and hands the answer to one builder (components/simulator/results.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from data.scenario.presets import BASELINE_PRESET, load_presets, matching_preset
from data.scenario.schema import DEFAULT_SEED, Scenario
from services.scenario_url import encode_scenario, is_baseline
from services.simulation import (
    SensitivityResult,
    SimulationResult,
    coverage_of,
    sensitivity_of,
    simulate,
    versions,
)
from simulation.coverage import CoverageRow


@dataclass(frozen=True)
class ScenarioResults:
    """Everything the simulator's results show for one scenario.

    ``compare_with`` is what the comparison link sets against the baseline: the scenario's preset, else its link
    document, else "" (the scenario is the baseline). ``versions`` are those it was computed with."""

    scenario: Scenario
    result: SimulationResult
    sensitivity: SensitivityResult
    baseline_figures: dict[str, dict[str, float]] | None
    coverage: list[CoverageRow]
    compare_with: str
    versions: dict[str, str]


def baseline_scenario(scenario: Scenario, draws: int | None = None) -> Scenario | None:
    """The baseline on the scenario's horizon, with its draws and seed (or `draws` draws), or None when the
    scenario is the baseline (names and descriptions aside)."""
    base = load_presets()[BASELINE_PRESET].scenario
    base = replace(base, horizon_years=scenario.horizon_years, draws=scenario.draws, seed=scenario.seed)
    if (
        replace(base, draws=0, seed=DEFAULT_SEED).canonical()
        == replace(scenario, draws=0, seed=DEFAULT_SEED).canonical()
    ):
        return None
    return (
        base if draws is None else replace(base, draws=draws, seed=DEFAULT_SEED if draws == 0 else base.seed)
    )


def baseline_figures(scenario: Scenario) -> dict[str, dict[str, float]] | None:
    """The baseline's key figures on the scenario's horizon (its central run: cheap, and what the difference
    reports), or None when the scenario is the baseline."""
    base = baseline_scenario(scenario, draws=0)
    return None if base is None else simulate(base).key_figures


def scenario_results(scenario: Scenario) -> ScenarioResults:
    """The results of a scenario the page offers (ScenarioError otherwise); compute.Busy or compute.ComputeFailed
    when the model cannot run now."""
    now = versions()
    compare_with = matching_preset(scenario) or (
        "" if is_baseline(scenario) else encode_scenario(scenario, computed_with=now)
    )
    return ScenarioResults(
        scenario=scenario,
        result=simulate(scenario),
        sensitivity=sensitivity_of(scenario),
        baseline_figures=baseline_figures(scenario),
        coverage=coverage_of(scenario),
        compare_with=compare_with,
        versions=now,
    )
