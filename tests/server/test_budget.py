"""A budget per request, measured on two gunicorn workers as `make serve` runs them: 16 concurrent maximal
requests with fresh seeds keep /health within 200 ms (95 % of calls; every call within a second) and every worker
(its compute processes included) under MEMORY_BOUND_MB; a full budget answers 503 with Retry-After. The start-up
warm-up is off here: it takes a compute slot while it runs, and these tests measure the budget, not the warm-up."""

from __future__ import annotations

import base64
import json
import random
import time
import zlib
from collections.abc import Iterator

import pytest

from data.scenario.schema import MAX_HORIZON_YEARS
from services.scenario_url import URL_FORMAT_VERSION
from services.simulation import PAGE_DRAW_CHOICES
from tests.server.probes import HealthWatch, MemoryWatch, concurrent_gets, free_port, gunicorn, portal_env

pytestmark = pytest.mark.slow

#: What one worker may take with its compute processes, in MB: the worker (about 250 MB), its fork server and
#: resource tracker (about 160 MB) and IMW_COMPUTE_SLOTS (2) compute processes, each capped at
#: IMW_COMPUTE_MEMORY_MB (1 GB of address space; a maximal run peaks at about 0.3 GB resident).
MEMORY_BOUND_MB = 2500


def p95(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.95)]


def maximal_state(seed: int) -> str:
    document = {
        "v": URL_FORMAT_VERSION,
        "horizon_years": MAX_HORIZON_YEARS,
        "draws": max(PAGE_DRAW_CHOICES),  # the most draws any page computes
        "seed": seed,
    }
    return base64.urlsafe_b64encode(zlib.compress(json.dumps(document).encode(), 9)).decode().rstrip("=")


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, int]]:
    port = free_port()
    log = tmp_path_factory.mktemp("budget") / "gunicorn.log"
    with gunicorn(port, portal_env(WORKERS="2", THREADS="16", IMW_WARM_CACHE="0"), log=log) as process:
        yield port, process.pid


def test_16_concurrent_maximal_requests_keep_health_fast_and_memory_bounded(two_workers):
    port, master = two_workers
    first = random.randrange(10**6, 10**9)  # fresh seeds: every request misses the cache
    urls = [f"http://127.0.0.1:{port}/api/scenario?s={maximal_state(first + n)}" for n in range(16)]
    with HealthWatch(f"http://127.0.0.1:{port}/health", 0.1) as idle:
        time.sleep(3)
    with MemoryWatch(master) as memory, HealthWatch(f"http://127.0.0.1:{port}/health", 0.1) as health:
        time.sleep(0.5)
        results = concurrent_gets(urls)
        time.sleep(0.3)
    statuses = [status for status, _, _ in results]
    print(
        f"\n16 maximal requests: statuses {sorted(statuses)}, slowest {max(r[2] for r in results):.1f} s; "
        f"/health max {max(health.times) * 1000:.0f} ms, p95 {p95(health.times) * 1000:.0f} ms over "
        f"{len(health.times)} calls (idle p95 {p95(idle.times) * 1000:.0f} ms); "
        f"peak per worker {memory.peak_kb / 1024:.0f} MB (bound {MEMORY_BOUND_MB} MB)"
    )
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 4
    assert all(headers.get("Retry-After") for status, headers, _ in results if status == 503)
    # Within 200 ms of what the machine gives an idle portal, and never starved. The cores are shared (with other
    # work, in CI too): the same run measures /health idle first, and the burst may add at most 200 ms to its
    # 95th percentile; the slowest call stays under a second (before the budget, calls took over 10 s).
    slow_calls = [(i, round(t, 3)) for i, t in enumerate(health.times) if t > 0.1]
    assert p95(health.times) < 0.2 + p95(idle.times), slow_calls
    assert max(health.times) < 1.0, slow_calls
    assert set(health.statuses) == {200}
    assert 0 < memory.peak_kb / 1024 < MEMORY_BOUND_MB


def test_a_full_budget_answers_503_with_retry_after(tmp_path):
    port = free_port()
    env = portal_env(
        WORKERS="1", THREADS="8", IMW_COMPUTE_SLOTS="1", IMW_COMPUTE_WAIT="0", IMW_WARM_CACHE="0"
    )
    with gunicorn(port, env, log=tmp_path / "gunicorn.log"):
        first = random.randrange(10**6, 10**9)
        urls = [f"http://127.0.0.1:{port}/api/scenario?s={maximal_state(first + n)}" for n in range(4)]
        results = concurrent_gets(urls)
    statuses = [status for status, _, _ in results]
    assert statuses.count(200) >= 1 and statuses.count(503) >= 1, statuses
    assert all(headers.get("Retry-After", "").isdigit() for status, headers, _ in results if status == 503)
