"""The start-up warm-up: presets in the shared cache once per model and parameter version, every page's
default view kept in memory before anyone asks (services/warmup.py)."""

from __future__ import annotations

import json

import pytest

import app as portal
from data.scenario.presets import load_presets
from services import warmup
from services.cache import result_cache
from services.config import Settings
from services.delivery import router_output
from services.simulation import cache_key
from tests.services.conftest import TEST_SECRET

PATHS = ["/toegankelijkheid", "/simulator"]


def _cached_presets(server) -> list[str]:
    with server.app_context():
        return [
            preset_id
            for preset_id, preset in load_presets().items()
            if result_cache().get(cache_key("simulate", preset.scenario)) is not None
        ]


def test_the_warm_up_computes_every_preset_and_keeps_every_default_view():
    app = portal.create_app(Settings())
    server = app.server
    server.test_client().get("/health")  # Dash sets its callbacks up on the first request
    assert _cached_presets(server) == []
    warmup.warm_up(server, lambda: PATHS, lambda: router_output(app))
    assert _cached_presets(server) == list(load_presets())
    kept = server.extensions["imw_default_views"]._answers
    assert {key[:2] for key in kept} == {(path, search) for path in PATHS for search in ("", "?lang=en")}
    assert {key[:2] for key in app.first_views._views} >= {(path, "") for path in PATHS}
    # What was kept is what the router answers.
    body = json.dumps(warmup.router_body(router_output(app), "/simulator", ""))
    answer = server.test_client().post("/_dash-update-component", data=body, content_type="application/json")
    assert answer.data == kept[next(key for key in kept if key[:2] == ("/simulator", ""))]


def test_a_second_process_on_the_same_redis_computes_nothing_and_finds_the_results(redis_url):
    first = portal.create_app(Settings(cache_redis_url=redis_url, cache_secret=TEST_SECRET))
    second = portal.create_app(Settings(cache_redis_url=redis_url, cache_secret=TEST_SECRET))
    with first.server.app_context():
        redis = result_cache().redis
        assert redis is not None
        redis.client.flushdb()
        assert warmup.warm_results() == len(load_presets())
    with second.server.app_context():
        assert warmup.warm_results() == 0, "the lock of these versions is taken"
    assert _cached_presets(second.server) == list(load_presets())


def test_the_warm_up_starts_once_on_the_first_request(monkeypatch):
    started = []
    monkeypatch.setattr(warmup, "warm_up", lambda *args: started.append(args))
    app = portal.create_app(Settings(warm_cache=True))
    client = app.server.test_client()
    for thread in __import__("threading").enumerate():
        if thread.name == "imw-warm-up":
            thread.join(timeout=10)
    assert started == [], "the request the app sends itself while it is built starts nothing"
    for _ in range(3):
        client.get("/health")
    for thread in __import__("threading").enumerate():
        if thread.name == "imw-warm-up":
            thread.join(timeout=10)
    assert len(started) == 1


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("0", False), ("", True), ("off", False)])
def test_the_warm_up_setting_reads_the_environment(raw, expected):
    from services.config import settings_from_environment

    assert settings_from_environment({"IMW_WARM_CACHE": raw}).warm_cache is expected


def test_a_bad_warm_up_setting_names_the_variable():
    from services.config import ConfigError, settings_from_environment

    with pytest.raises(ConfigError, match="IMW_WARM_CACHE"):
        settings_from_environment({"IMW_WARM_CACHE": "maybe"})
