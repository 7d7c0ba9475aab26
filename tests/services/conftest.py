"""Fixtures of the service tests: an app bound to an in-process cache, and a Redis server when one is installed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from services.cache import init_cache
from services.config import Settings
from tests.redis_server import redis_server

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
    with redis_server(tmp_path_factory.mktemp("redis")) as (url, _):
        yield url
