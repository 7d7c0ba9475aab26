"""Past one machine: two gunicorn instances share a real redis-server; no state lives in the app processes.

A scenario computed through one instance is served from the shared cache by the other (same `computed_at`, and
the key is in Redis). Redis (Debian's package, installed by `make test`) is started here on a free loopback port
and stopped after, like the instances.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from data.scenario.schema import parse_scenario
from services.scenario_url import encode_scenario
from tests.redis_server import redis_server

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(check, what: str, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # not up yet
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up in {seconds:.0f} s")


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as (url, _):
        yield url


@pytest.fixture(scope="module")
def instances(redis_url: str) -> Iterator[list[str]]:
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    env = dict(
        os.environ,
        IMW_CACHE_REDIS_URL=redis_url,
        IMW_CACHE_SECRET="the-secret-both-instances-share",
        IMW_LOG_LEVEL="WARNING",
    )
    processes, urls = [], []
    try:
        for _ in range(2):
            port = _free_port()
            processes.append(
                subprocess.Popen(
                    [
                        gunicorn,
                        "--no-control-socket",
                        "--workers",
                        "1",
                        "--bind",
                        f"127.0.0.1:{port}",
                        "app:server",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            _wait(lambda url=url: urllib.request.urlopen(url + "/health", timeout=2).status == 200, url, 60)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def test_a_scenario_computed_through_one_instance_is_served_from_the_shared_cache_by_the_other(
    instances, redis_url
):
    first, second = instances
    state = encode_scenario(parse_scenario({"draws": 1000, "parameters": {"fallback.window_quarters": 7}}))
    computed = _get(f"{first}/api/scenario?s={state}")
    served = _get(f"{second}/api/scenario?s={state}")
    assert served["computed_at"] == computed["computed_at"]
    assert served["key_figures"] == computed["key_figures"]
    keys = redis.Redis.from_url(redis_url).keys("imw:sim:*")
    assert keys, "the result should be in the shared Redis cache"


def test_each_instance_computes_what_no_instance_computed_before(instances):
    first, second = instances
    one = _get(
        f"{first}/api/scenario?s=" + encode_scenario(parse_scenario({"parameters": {"inflow.trend": 0.05}}))
    )
    time.sleep(1.1)  # computed_at has a resolution of one second
    other = _get(
        f"{second}/api/scenario?s=" + encode_scenario(parse_scenario({"parameters": {"inflow.trend": 0.06}}))
    )
    assert one["computed_at"] != other["computed_at"]
    assert one["key_figures"] != other["key_figures"]


def test_both_instances_report_the_same_versions(instances):
    first, second = instances
    assert _get(first + "/health") == _get(second + "/health")
