"""The simulator's cached calls: pages ask here, never the model directly and never app.py.

Each result is cached under ``sim:<kind>:<sha256>``, the digest of the canonical scenario JSON, the model version
and the parameter version: a new model or new parameters never serve an old result. What is cached is small (the
annual table, the key figures, the sensitivity and decomposition rows), never the raw draws. The cache is the
Flask-Caching `services.cache.cache` of the running app (in-process, or Redis shared by every process); outside an
app (a script, a unit test) a small in-process cache stands in. A cache that fails (Redis down) is logged and
skipped: the result is computed and served all the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Final, TypeVar

import pandas as pd
from cachelib import SimpleCache
from flask import current_app, has_app_context

from data.coverage import CoverageRow, coverage_rows
from data.decomposition import Decomposition, decompose
from data.model_inputs import build_inputs
from data.parameter_store import parameters_version
from data.results import run
from data.scenario import (
    DEFAULT_SEED,
    Scenario,
    build_distributions,
    scenario_values,
    uncertain_parameters,
)
from services.cache import cache
from simulation import MODEL_VERSION
from simulation.sensitivity import DEFAULT_MEASURES, Sensitivity, sensitivity
from simulation.summary import annual_table, key_figures
from simulation.uncertainty import variance_shares

log = logging.getLogger("imw.simulation")

#: The most draws a page may ask for, whatever the browser sends.
PAGE_MAX_DRAWS: Final = 5000
#: The draws the page offers: none (the central projection) or 1,000 (the P5-P95 band).
PAGE_DRAW_CHOICES: Final = (0, 1000)
DEFAULT_PAGE_DRAWS: Final = 1000

_local_cache = SimpleCache(threshold=200, default_timeout=3600)

T = TypeVar("T")


@dataclass(frozen=True)
class SimulationResult:
    """What the simulator shows and exports for one scenario.

    ``annual`` is the long table of ``simulation.summary.annual_table`` (year, output, mean, p5, p50, p95) with
    money in EUR at current prices; ``key_figures`` maps each key figure to its p5, p50, p95 and mean.
    """

    scenario: Scenario
    n_draws: int
    annual: pd.DataFrame
    key_figures: dict[str, dict[str, float]]
    model_version: str
    parameters_version: str
    computed_at: str
    compute_ms: float
    #: Each assumption's share of the variance of the 10-year cost and of the peak queue, by parameter name.
    variance_shares: dict[str, dict[str, float]] = field(default_factory=dict)
    #: The plausibility warnings of the run (``PlausibilityWarning.as_dict``).
    warnings: tuple[dict[str, object], ...] = ()

    def value(self, output: str, statistic: str = "mean") -> pd.Series:
        """One output by year (index: year)."""
        rows = self.annual[self.annual["output"] == output]
        return pd.Series(rows[statistic].to_numpy(), index=rows["year"].to_numpy(), name=output)


def versions() -> dict[str, str]:
    """The model and parameter versions the portal computes with now."""
    return {"model_version": MODEL_VERSION, "parameters_version": parameters_version()}


def page_scenario(scenario: Scenario) -> Scenario:
    """The scenario as the page computes it: the draws capped at PAGE_MAX_DRAWS."""
    draws = min(max(int(scenario.draws), 0), PAGE_MAX_DRAWS)
    return scenario if draws == scenario.draws else replace(scenario, draws=draws)


def cache_key(kind: str, *scenarios: Scenario) -> str:
    """``sim:<kind>:<sha256 of the canonical scenarios, the model version and the parameter version>``."""
    digest = hashlib.sha256()
    for part in (kind, *(s.canonical_json() for s in scenarios), MODEL_VERSION, parameters_version()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\n")
    return f"sim:{kind}:{digest.hexdigest()}"


def _backend() -> Any:
    """The app's cache when one is bound to the current app, else the in-process stand-in."""
    if has_app_context() and cache in current_app.extensions.get("cache", {}):
        return cache
    return _local_cache


def cached(key: str, compute: Callable[[], T]) -> T:
    """The cached value of `key`, or `compute()` stored under it; a failing cache is logged and skipped."""
    backend = _backend()
    try:
        hit = backend.get(key)
    except Exception as error:  # a cache outage must not take the page down
        log.warning("cache read failed (%s): %s", type(error).__name__, error)
        hit = None
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    value = compute()
    try:
        backend.set(key, value)
    except Exception as error:
        log.warning("cache write failed (%s): %s", type(error).__name__, error)
    return value


def simulate(scenario: Scenario) -> SimulationResult:
    """The annual table and key figures of a scenario (draws capped), cached."""
    scenario = page_scenario(scenario)

    def compute() -> SimulationResult:
        start = time.perf_counter()
        projection = run(scenario)
        table = annual_table(projection)
        figures = key_figures(projection)
        parameter_of = parameter_of_field()
        shares = {
            measure: {
                parameter_of.get(name, name): share
                for name, share in variance_shares(projection.draws, function(projection)).items()
            }
            for measure, function in DEFAULT_MEASURES.items()
        }
        return SimulationResult(
            scenario=scenario,
            n_draws=scenario.draws,
            annual=table,
            key_figures=figures,
            model_version=MODEL_VERSION,
            parameters_version=parameters_version(),
            computed_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            compute_ms=(time.perf_counter() - start) * 1000,
            variance_shares=shares,
            warnings=tuple(warning.as_dict() for warning in projection.warnings),
        )

    return cached(cache_key("simulate", scenario), compute)


@dataclass(frozen=True)
class SensitivityResult:
    """The tornado's data, with the scenario parameter behind each model field."""

    sensitivity: Sensitivity
    parameter_of_field: dict[str, str]


def _central(scenario: Scenario) -> Scenario:
    """The scenario without its draws: what a deterministic calculation depends on."""
    return replace(scenario, draws=0, seed=DEFAULT_SEED)


def parameter_of_field() -> dict[str, str]:
    """The parameter behind each uncertain model field."""
    return {parameter.input: name for name, parameter in uncertain_parameters().items()}


def sensitivity_of(scenario: Scenario) -> SensitivityResult:
    """Each uncertain assumption from its low to its high value, the others central; cached."""
    scenario = _central(scenario)

    def compute() -> SensitivityResult:
        return SensitivityResult(
            sensitivity=sensitivity(build_inputs(scenario), build_distributions(scenario)),
            parameter_of_field=parameter_of_field(),
        )

    return cached(cache_key("sensitivity", scenario), compute)


def decomposition_of(base: Scenario, target: Scenario) -> Decomposition:
    """The budget difference target - base by effect, on the base's horizon; cached."""
    base, target = _central(base), _central(target)
    return cached(cache_key("decomposition", base, target), lambda: decompose(base, target))


def coverage_of(scenario: Scenario) -> list[CoverageRow]:
    """The coverage check of the begeleidingspremie in a scenario (cheap: not cached)."""
    return coverage_rows(scenario_values(scenario))
