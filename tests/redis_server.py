"""A Redis of the tests' own, on loopback: no persistence, a small memory limit, gone when the test is done.
One way to start it, for the shared-cache tests (tests/services), two gunicorn instances and a hung Redis."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def redis_server(folder: Path, seconds: float = 20) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """(url, process) of a fresh redis-server on a free loopback port, its files in `folder`; stopped after
    (a stopped process, SIGSTOP, is woken first so that it can end)."""
    executable = shutil.which("redis-server")
    assert executable, "redis-server is missing: `make test` installs Debian's redis-server"
    port = _free_port()
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder), "--maxmemory", "64mb", "--maxmemory-policy", "allkeys-lru"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + seconds
    try:
        while True:
            try:
                client.ping()
                break
            except redis.exceptions.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("redis-server did not come up") from None
                time.sleep(0.05)
        yield url, process
    finally:
        client.close()
        process.send_signal(signal.SIGCONT)  # a test may have stopped it
        process.terminate()
        process.wait(timeout=10)
