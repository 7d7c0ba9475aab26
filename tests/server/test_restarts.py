"""Restarts nobody notices: every callback is registered before a worker accepts a request, recycling never
takes every worker at once (gunicorn's is off; compute processes are replaced one at a time between runs), and
a worker that dies is replaced while the other serves."""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import threading
import time
import urllib.request

import pytest

from tests.server.callbacks import describe_preset_body
from tests.server.probes import (
    BIN,
    ROOT,
    HealthWatch,
    children,
    descendants,
    free_port,
    get,
    gunicorn,
    portal_env,
    stop,
    wait_until,
)
from tests.server.test_budget import maximal_state

pytestmark = pytest.mark.slow


def _post(url: str, body: bytes) -> int:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def test_32_simultaneous_first_callbacks_to_a_fresh_worker_all_succeed(tmp_path):
    port = free_port()
    env = {**portal_env(WORKERS="1", THREADS="16"), "UPSTREAM_HOST": "127.0.0.1", "UPSTREAM_PORT": str(port)}
    with (tmp_path / "gunicorn.log").open("wb") as log:
        process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "app:server"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            # The master listens before its worker has loaded the app: connect as soon as it does, and send
            # every request before the worker has answered any.
            wait_until(
                lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() or True, "port"
            )
            body = json.dumps(describe_preset_body()).encode()
            statuses: list[int] = [0] * 32
            barrier = threading.Barrier(32)

            def one(index: int) -> None:
                barrier.wait()
                statuses[index] = _post(f"http://127.0.0.1:{port}/_dash-update-component", body)

            threads = [threading.Thread(target=one, args=(i,)) for i in range(32)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(150)
        finally:
            stop(process)
    assert statuses == [200] * 32, statuses


def test_gunicorn_recycling_is_off_and_compute_processes_are_replaced_one_at_a_time(tmp_path):
    port = free_port()
    env = portal_env(WORKERS="2", THREADS="16", IMW_COMPUTE_TASKS="3")
    with gunicorn(port, env, log=tmp_path / "gunicorn.log") as process:
        workers = sorted(children(process.pid))
        seen: set[int] = set()
        first = random.randrange(10**6, 10**9)
        with HealthWatch(f"http://127.0.0.1:{port}/health", 0.1) as health:
            for number in range(12):
                state = maximal_state(first + number).replace("", "")
                status = get(f"http://127.0.0.1:{port}/api/scenario?s={state}", 60)[0]
                assert status == 200
                for worker in workers:
                    seen.update(descendants(worker))
        assert sorted(children(process.pid)) == workers  # no worker was recycled
    assert set(health.statuses) == {200} and max(health.times) < 1.0
    assert len(seen) > 2 * 4  # compute processes were replaced (3 runs each) and the workers kept serving


def test_a_worker_that_dies_is_replaced_while_the_other_serves(tmp_path):
    port = free_port()
    with gunicorn(port, portal_env(WORKERS="2", THREADS="16"), log=tmp_path / "gunicorn.log") as process:
        victim = children(process.pid)[0]
        with HealthWatch(f"http://127.0.0.1:{port}/health", 0.05) as health:
            time.sleep(0.5)
            os.kill(victim, signal.SIGKILL)
            wait_until(
                lambda: len(children(process.pid)) == 2 and victim not in children(process.pid), "respawn"
            )
            time.sleep(1.0)
    failed = [status for status in health.statuses if status != 200]
    assert len(failed) <= 1, failed  # at most the request the dying worker held
