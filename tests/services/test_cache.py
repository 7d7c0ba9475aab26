"""The result cache cannot be turned against users: JSON data checked on the way out, secret-keyed names and
signatures, a value that fails a check dropped and computed again; Redis behind short timeouts and a breaker."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import signal
import time

import numpy as np
import pandas as pd
import pytest
import redis

from data.scenario.decomposition import Decomposition
from data.scenario.presets import load_presets
from data.scenario.schema import Scenario, parse_scenario
from services import simulation
from services.cache import CircuitBreaker, RedisBackend, ResultCache, result_cache
from services.cache_codec import CodecError, decode, encode
from services.simulation import (
    SensitivityResult,
    SimulationResult,
    cache_key,
    decomposition_of,
    sensitivity_of,
    simulate,
)
from tests.services.conftest import TEST_SECRET, make_server


@dataclasses.dataclass(frozen=True)
class FutureResult:
    """A result as the model rewrite may grow it: new fields of JSON-able kinds need nothing in the codec."""

    scenario: Scenario
    table: pd.DataFrame
    by_year: dict[int, tuple[float, ...]]
    matrix: np.ndarray
    note: str | None
    shares: list[float]


def test_every_cached_result_round_trips_through_json_exactly(app_context):
    result = simulate(parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.031}}))
    text = json.dumps(encode(result), allow_nan=False)
    again = decode(json.loads(text), SimulationResult)
    pd.testing.assert_frame_equal(again.annual, result.annual)
    assert dataclasses.replace(again, annual=None) == dataclasses.replace(result, annual=None)
    sensitivity = sensitivity_of(Scenario())
    assert decode(json.loads(json.dumps(encode(sensitivity))), SensitivityResult) == sensitivity
    presets = load_presets()
    decomposition = decomposition_of(presets["basis"].scenario, presets["terugval_5_jaar"].scenario)
    assert decode(json.loads(json.dumps(encode(decomposition))), Decomposition) == decomposition


def test_a_result_of_a_dated_scenario_with_warnings_round_trips(app_context):
    # A value from a date (its dates in the scenario) and the run's warnings and variance shares survive the cache.
    scenario = parse_scenario(
        {"draws": 1000, "parameters": {"loonpremie.package.two_year.band_1": {"2028-01-01": 0.35}}}
    )
    result = simulate(scenario)
    assert result.variance_shares and result.scenario.parameters["loonpremie.package.two_year.band_1"]
    again = decode(json.loads(json.dumps(encode(result), allow_nan=False)), SimulationResult)
    assert again.scenario == scenario
    assert again.warnings == result.warnings and again.variance_shares == result.variance_shares
    with pytest.raises(CodecError, match="date"):
        decode({"$date": "2028-13-01"}, object)


def test_new_fields_of_json_able_kinds_need_nothing_in_the_codec():
    value = FutureResult(
        scenario=parse_scenario(
            {"distributions": {"inflow.trend": {"low": 0.0, "mode": 0.01, "high": 0.02}}}
        ),
        table=pd.DataFrame({"year": [2026, 2027], "x": [1.5, float("nan")], "label": ["a", "=b"]}),
        by_year={2026: (1.0, float("inf")), 2027: ()},
        matrix=np.arange(6, dtype="int32").reshape(2, 3),
        note=None,
        shares=[0.25, 0.75],
    )
    again = decode(json.loads(json.dumps(encode(value), allow_nan=False)), FutureResult)
    pd.testing.assert_frame_equal(again.table, value.table)
    assert again.by_year == value.by_year and again.scenario == value.scenario
    assert again.matrix.dtype == np.int32 and (again.matrix == value.matrix).all()


def _encoded_result() -> dict:
    return encode(simulate(Scenario(draws=0)))


@pytest.mark.parametrize(
    ("tamper", "problem"),
    [
        (lambda d: {**d, "$dataclass": "os:system"}, "may not name"),
        (lambda d: {**d, "fields": {**d["fields"], "n_draws": "1000"}}, "n_draws has the wrong type"),
        (lambda d: {**d, "fields": {**d["fields"], "computed_at": ["x"]}}, "computed_at has the wrong type"),
        (lambda d: {**d, "fields": {k: v for k, v in d["fields"].items() if k != "annual"}}, "other fields"),
        (lambda d: {**d, "fields": {**d["fields"], "key_figures": {"$map": [["x", 5]]}}}, "wrong type"),
        (
            lambda d: {**d, "fields": {**d["fields"], "annual": {"$frame": {"columns": [1], "dtypes": []}}}},
            "table",
        ),
        (
            lambda d: {**d, "fields": {**d["fields"], "scenario": {"$tuple": []}}},
            "scenario has the wrong type",
        ),
    ],
)
def test_a_value_of_the_wrong_shape_is_refused_by_the_check(app_context, tamper, problem):
    with pytest.raises(CodecError, match=problem):
        decode(tamper(_encoded_result()), SimulationResult)


def test_the_keys_cannot_be_computed_without_the_secret():
    scenario = Scenario(seed=99)
    with make_server(secret="one-secret-of-the-deployment").app_context():
        one = cache_key("simulate", scenario)
    with make_server(secret="another-secret-entirely!!").app_context():
        other = cache_key("simulate", scenario)
    assert one != other
    plain = hashlib.sha256(scenario.canonical_json().encode()).hexdigest()
    assert plain not in one and plain not in other


@pytest.fixture
def counted(monkeypatch):
    calls: list[Scenario] = []
    original = simulation.run

    def counting(scenario, *args, **kwargs):
        calls.append(scenario)
        return original(scenario, *args, **kwargs)

    monkeypatch.setattr(simulation, "run", counting)
    return calls


class Exploit:
    def __reduce__(self):
        return (os.system, ("touch /tmp/imw-pickle-ran",))


def _planted_values(key: str, good: str, store: ResultCache) -> list[bytes]:
    document = json.loads(good)
    tiny = json.loads(good)
    for row in tiny["value"]["fields"]["key_figures"]["$map"]:
        row[1]["$map"] = [[k, v / 100 if isinstance(v, float) else v] for k, v in row[1]["$map"]]
    wrong_versions = {**document, "model_version": "0.0.1"}
    wrong_type = {
        **document,
        "value": {**document["value"], "fields": {**document["value"]["fields"], "n_draws": "x"}},
    }
    return [
        b"!" + pickle.dumps(Exploit()),  # what Flask-Caching's Redis backend would have unpickled
        pickle.dumps(Exploit()),
        json.dumps(tiny).encode(),  # a budget 100 times too small, unsigned
        b"0" * 64 + b"." + json.dumps(tiny).encode(),  # with a forged signature
        store.seal(key.replace("sim", "other", 1), json.dumps(tiny)),  # signed for another key
        store.seal(key, json.dumps(wrong_versions)),  # signed (an insider), but of other versions
        store.seal(key, json.dumps(wrong_type)),  # signed, but the wrong type inside
        store.seal(key, "{" * 100_000),
        b"x" * (5 * 1024 * 1024),
        b"\xff\xfe",
    ]


def test_a_planted_value_is_never_served_never_run_never_a_500(redis_url, counted, tmp_path):
    scenario = parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.045}})
    client = redis.Redis.from_url(redis_url)
    with make_server(redis_url).app_context():
        honest = simulate(scenario)
        key = cache_key("simulate", scenario)
        good = result_cache().unseal(key, client.get(key))
        assert good is not None
        for planted in _planted_values(key, good, result_cache()):
            client.set(key, planted)
            served = simulate(scenario)
            assert served.key_figures == honest.key_figures
            stored = client.get(key)
            assert stored != planted and result_cache().unseal(key, stored) is not None  # recomputed, stored
    assert not os.path.exists("/tmp/imw-pickle-ran")
    assert len(counted) == 1 + 10


def test_what_is_stored_is_signed_json_data_not_a_pickle(redis_url):
    with make_server(redis_url).app_context():
        simulate(parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.046}}))
        key = cache_key("simulate", parse_scenario({"draws": 0, "parameters": {"inflow.trend": 0.046}}))
    stored = redis.Redis.from_url(redis_url).get(key)
    mac, _, text = stored.partition(b".")
    assert len(mac) == 64 and json.loads(text)["format"] == simulation.CACHE_FORMAT
    assert b"\x80" not in stored[:2]  # no pickle protocol header


def test_the_test_redis_is_bounded_with_an_lru_policy(redis_url):
    config = redis.Redis.from_url(redis_url).config_get("maxmemory*")
    assert int(config["maxmemory"]) > 0 and config["maxmemory-policy"] == "allkeys-lru"


def test_a_hung_redis_costs_at_most_its_timeout_then_the_breaker_serves_from_memory(redis_url):
    process_id = int(redis.Redis.from_url(redis_url).info("server")["process_id"])
    store = ResultCache(
        TEST_SECRET.encode(),
        redis=RedisBackend(redis_url, 100),
        breaker=CircuitBreaker(failures=3, seconds=1.0),
    )
    store.set(store.key("t", "warm"), "warm")  # a connection is open before the hang
    os.kill(process_id, signal.SIGSTOP)
    try:
        started = time.monotonic()
        for number in range(50):
            store.set(store.key("t", str(number)), "value")
            assert store.get(store.key("t", str(number))) == "value"  # from memory while Redis hangs
        assert time.monotonic() - started < 1.0  # 3 timeouts of 0.1 s, then no waiting at all
        assert store.status() == {"backend": "redis", "state": "degraded"}
    finally:
        os.kill(process_id, signal.SIGCONT)
    time.sleep(1.1)
    assert store.status() == {"backend": "redis", "state": "ok"}  # one trial call found it back


def test_a_lock_is_taken_once_in_memory_and_once_across_processes_through_redis(redis_url):
    alone = ResultCache(b"a secret")
    assert alone.add("warm:v1", "1", timeout_seconds=60) is True
    assert alone.add("warm:v1", "2", timeout_seconds=60) is False
    assert alone.add("warm:v2", "1", timeout_seconds=60) is True, "another name is another lock"
    one = ResultCache(TEST_SECRET.encode(), redis=RedisBackend(redis_url, 500))
    two = ResultCache(TEST_SECRET.encode(), redis=RedisBackend(redis_url, 500))
    name = f"warm:{time.monotonic_ns()}"
    assert [one.add(name, "1", 60), two.add(name, "2", 60), one.add(name, "3", 60)] == [True, False, False]
