"""The simulator's cached calls: pages ask here, never the model directly and never app.py.

What a page, a link or the API may ask is bounded here: the draws the page offers (`PAGE_DRAW_CHOICES`) and a
horizon of 1 to `MAX_HORIZON_YEARS` years; anything else is refused with a message (`check_page_scenario`), never
quietly changed. Every computation runs through the process's compute pool (services/compute.py): a few at once,
each bounded in time and memory.

Each result is cached under a key that is an HMAC (services/cache.py) of the canonical scenario JSON, the model
version and the parameter version: a new model or new parameters never serve an old result, and nobody outside
can compute a key. What is cached is small (the annual table, the key figures, the sensitivity and decomposition
rows), never the raw draws, as JSON data (services/cache_codec.py), checked on the way out: a value that does not
fit its type and versions is dropped and computed again. A cache that fails is logged and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Final, TypeVar

import pandas as pd

from data.bounded_load import excerpt
from data.parameter_store import parameters_version
from data.results import run
from data.scenario.decomposition import Decomposition, decompose
from data.scenario.inputs import build_inputs
from data.scenario.schema import (
    DEFAULT_SEED,
    MAX_HORIZON_YEARS,
    Scenario,
    ScenarioError,
    build_distributions,
    scenario_values,
    uncertain_parameters,
)
from services import compute
from services.cache import result_cache
from services.cache_codec import CodecError, decode, encode
from simulation import MODEL_VERSION
from simulation.coverage import CoverageRow, coverage_rows
from simulation.sensitivity import DEFAULT_MEASURES, Sensitivity, sensitivity
from simulation.summary import STATISTIC, annual_table, key_figures
from simulation.uncertainty import variance_shares

log = logging.getLogger("imw.simulation")

#: The draws the page offers: none (the central projection) or 1,000 (the P5-P95 band). Links, uploads, the API
#: and callbacks may ask for these only; `imw project` computes other numbers.
PAGE_DRAW_CHOICES: Final = (0, 1000)
DEFAULT_PAGE_DRAWS: Final = 1000
#: The format of a cached document; a change makes older documents miss.
CACHE_FORMAT: Final = 2

T = TypeVar("T")


@dataclass(frozen=True)
class SimulationResult:
    """What the simulator shows and exports for one scenario.

    ``annual`` is the long table of ``simulation.summary.annual_table`` (year, output, central, mean, p5, p50,
    p95) with
    money in EUR at current prices; ``key_figures`` maps each key figure to its p5, p50, p95 and mean.
    """

    scenario: Scenario
    n_draws: int
    annual: pd.DataFrame
    key_figures: dict[str, dict[str, float]]
    model_version: str
    parameters_version: str
    computed_at: str
    #: Each assumption's share of the variance of the 10-year cost and of the peak queue, by parameter name.
    variance_shares: dict[str, dict[str, float]] = field(default_factory=dict)
    #: The plausibility warnings of the run (``PlausibilityWarning.as_dict``).
    warnings: tuple[dict[str, object], ...] = ()

    def value(self, output: str, statistic: str = STATISTIC) -> pd.Series:
        """One output by year (index: year); the central projection unless another statistic is asked."""
        rows = self.annual[self.annual["output"] == output]
        return pd.Series(rows[statistic].to_numpy(), index=rows["year"].to_numpy(), name=output)


def versions() -> dict[str, str]:
    """The model and parameter versions the portal computes with now."""
    return {"model_version": MODEL_VERSION, "parameters_version": parameters_version()}


def draws_problem(draws: object) -> str | None:
    """Why a number of draws is not one the page offers, or None."""
    if isinstance(draws, int) and not isinstance(draws, bool) and draws in PAGE_DRAW_CHOICES:
        return None
    offered = " or ".join(f"{n:,}" for n in PAGE_DRAW_CHOICES)
    return (
        f"{excerpt(draws)} draws are not offered here; use {offered} "
        "(`imw project --draws` computes other numbers)"
    )


def check_page_scenario(scenario: Scenario) -> Scenario:
    """The scenario when the page offers its draws and horizon; ScenarioError naming the field otherwise."""
    problem = draws_problem(scenario.draws)
    if problem:
        raise ScenarioError("draws", problem)
    horizon = scenario.horizon_years
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not 1 <= horizon <= MAX_HORIZON_YEARS:
        raise ScenarioError(
            "horizon_years",
            f"{excerpt(horizon)} is not offered here; use a whole number from 1 to {MAX_HORIZON_YEARS}",
        )
    return scenario


def cache_key(kind: str, *scenarios: Scenario) -> str:
    """``imw:sim:<HMAC of the kind, the canonical scenarios, the model version and the parameter version>``."""
    parts = [s.canonical_json() for s in scenarios]
    return result_cache().key("sim", kind, *parts, MODEL_VERSION, parameters_version())


def _document(key: str, value: Any) -> str:
    return json.dumps(
        {"format": CACHE_FORMAT, "key": key, **versions(), "value": encode(value)},
        separators=(",", ":"),
        allow_nan=False,
    )


def _read(key: str, text: str, expected: type) -> Any:
    """The value of a cached document, checked: format, key, versions, then the value's own type."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        raise CodecError("the document is not JSON") from None
    if not isinstance(document, dict) or set(document) != {
        "format",
        "key",
        "model_version",
        "parameters_version",
        "value",
    }:
        raise CodecError("the document has an unknown form")
    if document["format"] != CACHE_FORMAT or document["key"] != key:
        raise CodecError("the document is of another format or key")
    if {k: document[k] for k in ("model_version", "parameters_version")} != versions():
        raise CodecError("the document was computed with other versions")
    return decode(document["value"], expected)


def cached(key: str, compute_value: Callable[[], T], expected: type) -> T:
    """The cached value of `key` when it passes every check, or `compute_value()` stored under it.

    A failing cache is logged and skipped; a value that fails a check is dropped, logged and computed again."""
    store = result_cache()
    try:
        text = store.get(key)
    except Exception as error:  # a cache outage must not take the page down
        log.warning("cache read failed (%s)", type(error).__name__)
        text = None
    if text is not None:
        try:
            return _read(key, text, expected)  # type: ignore[no-any-return]
        except CodecError as error:
            log.warning("cache: a value under %s was dropped: %s", key[:48], error)
            try:
                store.delete(key)
            except Exception as delete_error:
                log.warning("cache delete failed (%s)", type(delete_error).__name__)
    value = compute_value()
    try:
        store.set(key, _document(key, value))
    except Exception as error:
        log.warning("cache write failed (%s)", type(error).__name__)
    return value


def _simulation(scenario: Scenario) -> SimulationResult:
    """One Monte Carlo run and its summaries (in a compute process of the pool)."""
    projection = run(scenario)
    # The portal reports the central run (simulation.summary.STATISTIC), with the draws' P5-P95 beside it.
    central = run(_central(scenario)) if scenario.draws > 0 else None
    table = annual_table(projection, central)
    figures = key_figures(projection, central)
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
        variance_shares=shares,
        warnings=tuple(warning.as_dict() for warning in projection.warnings),
    )


def simulate(scenario: Scenario) -> SimulationResult:
    """The annual table and key figures of a scenario the page offers (ScenarioError otherwise), cached.

    compute.Busy when no compute slot comes free in time; compute.ComputeFailed past the time or memory limit."""
    scenario = check_page_scenario(scenario)
    return cached(
        cache_key("simulate", scenario),
        lambda: compute.pool().run(_simulation, scenario),
        SimulationResult,
    )


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
    scenario = check_page_scenario(_central(scenario))
    return cached(
        cache_key("sensitivity", scenario),
        lambda: compute.pool().run(_sensitivity, scenario),
        SensitivityResult,
    )


def _sensitivity(scenario: Scenario) -> SensitivityResult:
    """Each uncertain assumption from its low to its high value (in a compute process of the pool)."""
    return SensitivityResult(
        sensitivity=sensitivity(build_inputs(scenario), build_distributions(scenario)),
        parameter_of_field=parameter_of_field(),
    )


def decomposition_of(base: Scenario, target: Scenario) -> Decomposition:
    """The budget difference target - base by effect, on the base's horizon; cached."""
    base, target = check_page_scenario(_central(base)), check_page_scenario(_central(target))
    return cached(
        cache_key("decomposition", base, target),
        lambda: compute.pool().run(_decomposition, base, target),
        Decomposition,
    )


def _decomposition(base: Scenario, target: Scenario) -> Decomposition:
    return decompose(base, target)


def coverage_of(scenario: Scenario) -> list[CoverageRow]:
    """The coverage check of the begeleidingspremie in a scenario (cheap: not cached)."""
    return coverage_rows(scenario_values(scenario))
