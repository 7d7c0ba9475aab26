"""The compute budget: a few runs at once, a bounded wait then Busy, hard time and memory limits."""

from __future__ import annotations

import os
import threading
import time

import pytest

from services.compute import NICENESS, Busy, ComputeFailed, ComputePool, PoolSettings
from tests.services import compute_tasks


@pytest.fixture
def isolated_pool():
    pool = ComputePool(
        PoolSettings(
            slots=1,
            wait_seconds=0.5,
            time_limit_seconds=3,
            memory_limit_mb=512,
            tasks_per_process=3,
            isolated=True,
        )
    )
    pool.warm()
    yield pool
    pool.close()


def test_a_computation_runs_in_a_process_of_its_own_at_a_lower_priority(isolated_pool):
    pid = isolated_pool.run(compute_tasks.sleep_then_pid, 0)
    assert pid != os.getpid() and pid in isolated_pool.process_ids()
    assert isolated_pool.run(compute_tasks.niceness) >= os.nice(0) + NICENESS


def test_a_computation_past_its_time_limit_is_stopped_and_the_slot_works_again(isolated_pool):
    first = isolated_pool.run(compute_tasks.sleep_then_pid, 0)
    started = time.monotonic()
    with pytest.raises(ComputeFailed, match="longer than its limit of 3 s"):
        isolated_pool.run(compute_tasks.sleep_then_pid, 60)
    assert time.monotonic() - started < 10
    assert isolated_pool.run(compute_tasks.sleep_then_pid, 0) != first  # a new process took its place


def test_a_computation_over_its_memory_limit_fails_alone(isolated_pool):
    with pytest.raises(ComputeFailed, match="memory"):
        isolated_pool.run(compute_tasks.allocate, 2048)
    assert isolated_pool.run(compute_tasks.allocate, 10) == 10 * 1024 * 1024


def test_an_error_in_a_computation_reaches_the_caller_with_its_type(isolated_pool):
    with pytest.raises(ValueError, match="no such scenario"):
        isolated_pool.run(compute_tasks.fail, "no such scenario")


def test_a_process_is_replaced_after_its_number_of_tasks_between_two_runs(isolated_pool):
    pids = [isolated_pool.run(compute_tasks.sleep_then_pid, 0) for _ in range(7)]
    assert len(set(pids)) == 3  # 3 tasks per process (the warm-up counted as one)


def test_when_every_slot_is_busy_a_request_waits_a_bounded_time_then_gets_busy():
    pool = ComputePool(PoolSettings(slots=2, wait_seconds=0.3, time_limit_seconds=20, isolated=False))
    outcomes: list[object] = []

    def ask() -> None:
        try:
            outcomes.append(pool.run(time.sleep, 1.0))
        except Busy as busy:
            outcomes.append(busy)

    threads = [threading.Thread(target=ask) for _ in range(5)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    refused = [o for o in outcomes if isinstance(o, Busy)]
    assert len(refused) == 3 and outcomes.count(None) == 2
    assert all(busy.retry_after >= 1 for busy in refused)
    assert time.monotonic() - started < 3
    assert pool.status()["refused"] == 3 and pool.status()["busy"] == 0
