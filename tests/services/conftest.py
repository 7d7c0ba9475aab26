"""Fixtures of the service tests: an app bound to an in-process cache, and a Redis server when one is installed."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from flask import Flask

from services.cache import init_cache
from services.config import Settings

#: The secret the test apps share (as the instances of one deployment do).
TEST_SECRET = "test-secret-of-the-service-tests"


def make_server(redis_url: str | None = None, secret: str = TEST_SECRET) -> Flask:
    """A bare Flask app with the portal's cache bound to it (as app.create_app binds it)."""
    server = Flask(__name__)
    init_cache(server, Settings(cache_redis_url=redis_url, cache_secret=secret))
    return server


@pytest.fixture(autouse=True)
def in_thread_pool() -> Iterator[None]:
    """Computations in the test's own thread: the tests count and patch the model's runs, which a compute
    process of its own (what an app created by another test module configures) would not see."""
    from services import compute

    saved = compute._pool
    compute._pool = compute.ComputePool(compute.PoolSettings())
    try:
        yield
    finally:
        compute._pool = saved


@pytest.fixture
def app_context() -> Iterator[Flask]:
    server = make_server()
    with server.app_context():
        yield server


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A redis-server of its own on a free loopback port, without persistence; stopped afterwards."""
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed (make test installs it: apt-get install redis-server)")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            executable,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
            "--maxmemory",
            "64mb",
            "--maxmemory-policy",
            "allkeys-lru",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.exceptions.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)
