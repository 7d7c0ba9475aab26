"""The simulator's cached calls: keys, the draws the page offers, hits and misses, a failing cache, Redis for
several processes."""

from __future__ import annotations

import dataclasses
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from data.scenario.presets import load_presets
from data.scenario.schema import Scenario, ScenarioError, parse_scenario
from services import simulation
from services.simulation import (
    PAGE_DRAW_CHOICES,
    cache_key,
    cached,
    check_page_scenario,
    decomposition_of,
    sensitivity_of,
    simulate,
)
from tests.services.conftest import make_server

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def count_runs(monkeypatch):
    """Count the projections the service really makes."""
    calls: list[Scenario] = []
    original = simulation.run

    def counting(scenario, *args, **kwargs):
        calls.append(scenario)
        return original(scenario, *args, **kwargs)

    monkeypatch.setattr(simulation, "run", counting)
    return calls


def test_the_key_is_the_same_for_the_same_scenario_and_differs_for_another():
    a = parse_scenario({"parameters": {"fallback.window_quarters": 4}})
    b = parse_scenario({"name": "Andere naam", "parameters": {"fallback.window_quarters": 4}})
    c = parse_scenario({"parameters": {"fallback.window_quarters": 8}})
    assert cache_key("simulate", a) == cache_key("simulate", b)  # the name is no part of the result
    assert cache_key("simulate", a) != cache_key("simulate", c)
    assert cache_key("simulate", a) != cache_key("sensitivity", a)
    assert cache_key("simulate", a).startswith("imw:sim:")
    assert scenario_digest(a) not in cache_key("simulate", a)  # keyed with the secret, not a plain digest


def scenario_digest(scenario):
    import hashlib

    return hashlib.sha256(scenario.canonical_json().encode()).hexdigest()


def test_the_key_changes_with_the_model_and_the_parameters(monkeypatch):
    scenario = Scenario()
    before = cache_key("simulate", scenario)
    monkeypatch.setattr(simulation, "MODEL_VERSION", "9.9.9")
    assert cache_key("simulate", scenario) != before
    monkeypatch.undo()
    monkeypatch.setattr(simulation, "parameters_version", lambda: "0000newdata0")
    assert cache_key("simulate", scenario) != before


@pytest.mark.parametrize("offered", PAGE_DRAW_CHOICES)
def test_the_draws_the_page_offers_are_computed(offered):
    assert check_page_scenario(Scenario(draws=offered)).draws == offered


@pytest.mark.parametrize("asked", [1, 999, 1001, 5000, 10_000])
def test_draws_the_page_does_not_offer_are_refused_not_cut(asked):
    with pytest.raises(ScenarioError) as caught:
        simulate(Scenario(draws=asked))
    assert caught.value.field == "draws" and "use 0 or 1,000" in caught.value.message


def test_a_repeated_scenario_is_served_from_the_cache(app_context, count_runs):
    scenario = parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.041}})
    first = simulate(scenario)
    second = simulate(dataclasses.replace(scenario, name="Zelfde scenario, andere naam"))
    assert len(count_runs) == 1
    assert second.key_figures == first.key_figures
    assert second.model_version == first.model_version
    assert second.parameters_version == first.parameters_version


def test_a_result_records_the_model_and_parameter_versions_and_the_draws(app_context):
    result = simulate(parse_scenario({"draws": 1000}))
    assert result.n_draws == 1000
    assert result.model_version == simulation.MODEL_VERSION
    assert result.parameters_version == simulation.parameters_version()
    assert set(result.annual.columns) == {"year", "output", "central", "mean", "p5", "p50", "p95"}
    # The central run beside the draws: the deterministic projection of the same scenario, exactly.
    central = simulate(parse_scenario({"draws": 0}))
    assert result.annual["central"].to_list() == central.annual["central"].to_list()
    assert result.key_figures["peak_queue"]["central"] == central.key_figures["peak_queue"]["central"]
    assert result.value("total_cost").index.tolist() == list(range(2026, 2038))


def test_outside_an_app_a_local_cache_stands_in(count_runs):
    scenario = parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.042}})
    simulate(scenario)
    simulate(scenario)
    assert len(count_runs) == 1


class BrokenCache:
    def get(self, key):
        raise ConnectionError("cache down")

    def set(self, key, value):
        raise ConnectionError("cache down")

    def delete(self, key):
        raise ConnectionError("cache down")


def test_a_failing_cache_is_logged_and_the_result_served_all_the_same(monkeypatch, caplog):
    monkeypatch.setattr(simulation, "result_cache", lambda: BrokenCache())
    with caplog.at_level(logging.WARNING, logger="imw.simulation"):
        assert cached("imw:test:broken", lambda: 42, int) == 42
    assert "cache read failed" in caplog.text and "cache write failed" in caplog.text


def test_the_sensitivity_does_not_depend_on_the_draws(app_context):
    with_draws = sensitivity_of(Scenario(draws=1000, seed=5))
    without = sensitivity_of(Scenario(draws=0))
    assert with_draws.sensitivity == without.sensitivity
    assert set(with_draws.parameter_of_field.values()) >= {
        "inflow.trend",
        "fallback.takeup",
        "collectief.flows.new_advices_per_quarter",
    }


def test_the_decomposition_is_cached_per_pair(app_context, monkeypatch):
    presets = load_presets()
    base, target = presets["basis"].scenario, presets["begeleiding_volledige_kost"].scenario
    first = decomposition_of(base, target)
    monkeypatch.setattr(simulation, "decompose", lambda *args: pytest.fail("computed again"))
    assert decomposition_of(base, target) == first
    assert first.cumulative("price") > 0


def test_two_apps_on_one_redis_share_their_results(redis_url, count_runs):
    scenario = parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.043}})
    with make_server(redis_url).app_context():
        first = simulate(scenario)
    with make_server(redis_url).app_context():
        second = simulate(scenario)
    assert len(count_runs) == 1
    assert second.key_figures == first.key_figures


def test_another_process_reads_what_this_one_cached_in_redis(redis_url):
    scenario = parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.044}})
    with make_server(redis_url).app_context():
        mine = simulate(scenario)
    script = textwrap.dedent(
        f"""
        import sys
        from services import simulation
        from data.scenario.schema import parse_scenario
        from tests.services.conftest import make_server
        simulation.run = lambda *a, **k: sys.exit("computed: not served from Redis")
        scenario = parse_scenario({{"draws": 0, "parameters": {{"inflow.trend": 0.044}}}})
        with make_server({redis_url!r}).app_context():
            print(simulation.simulate(scenario).key_figures["cumulative_cost_10y"]["p50"])
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert float(completed.stdout.strip()) == pytest.approx(mine.key_figures["cumulative_cost_10y"]["p50"])
