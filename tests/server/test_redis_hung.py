"""A hung Redis (SIGSTOP) does not take the portal down: pages and the simulator answer within a second from
process memory, and /health reports the cache as degraded. The test's Redis is bounded like README's."""

from __future__ import annotations

import os
import random
import signal
import subprocess
from collections.abc import Iterator

import pytest
import redis

from data.scenario.schema import Scenario
from services.scenario_url import encode_scenario
from tests.redis_server import redis_server
from tests.server.probes import free_port, get, gunicorn, portal_env

pytestmark = pytest.mark.slow


@pytest.fixture
def hung_redis(tmp_path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    with redis_server(tmp_path) as running:
        yield running


def test_pages_and_the_simulator_answer_within_a_second_while_redis_hangs(hung_redis, tmp_path):
    url, process = hung_redis
    env = portal_env(
        WORKERS="1", THREADS="16", IMW_CACHE_REDIS_URL=url, IMW_CACHE_SECRET="secret-of-the-hung-test"
    )
    with gunicorn(port := free_port(), env, log=tmp_path / "gunicorn.log"):
        base = f"http://127.0.0.1:{port}"
        assert get(f"{base}/api/scenario?s={encode_scenario(Scenario(seed=1))}", 60)[0] == 200  # uses Redis
        assert redis.Redis.from_url(url).dbsize() >= 1
        os.kill(process.pid, signal.SIGSTOP)
        try:
            seed = random.randrange(10**6, 10**9)
            answers = {
                "/": get(f"{base}/", 5),
                "/simulator": get(f"{base}/simulator", 5),
                "a cached scenario": get(f"{base}/api/scenario?s={encode_scenario(Scenario(seed=1))}", 5),
                "a new scenario": get(f"{base}/api/scenario?s={encode_scenario(Scenario(seed=seed))}", 5),
                "/health": get(f"{base}/health", 5),
            }
        finally:
            os.kill(process.pid, signal.SIGCONT)
    slow = {name: round(seconds, 2) for name, (_, _, _, seconds) in answers.items() if seconds >= 1.0}
    assert not slow, slow
    assert {name: status for name, (status, *_rest) in answers.items()} == dict.fromkeys(answers, 200)
    import json

    health = json.loads(answers["/health"][2])
    assert health["cache"] == {"backend": "redis", "state": "degraded"} and "cache" in health["degraded"]
