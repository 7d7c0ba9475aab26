"""Helpers of the abuse tests: servers of the portal on free loopback ports, slow clients, timed requests.

Every probe targets 127.0.0.1 only, is bounded in connections, count and time, and stops by itself.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(check, what: str, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not come up in {seconds:.0f} s")


def get(url: str, timeout: float = 10.0) -> tuple[int, dict[str, str], bytes, float]:
    """(status, headers, body, seconds) of a GET; an HTTP error status is an answer too."""
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read(), time.perf_counter() - start
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read(), time.perf_counter() - start


def raw_request(port: int, data: bytes, timeout: float = 10.0) -> bytes:
    """Send raw bytes to 127.0.0.1:port and read the answer until the server closes or the timeout."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            while chunk := sock.recv(65536):
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and b"Content-Length: 0" in b"".join(chunks):
                    break
        return b"".join(chunks)


def portal_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("IMW_")}
    env.update({"IMW_LOG_LEVEL": "WARNING", **extra})
    return env


@contextlib.contextmanager
def gunicorn(
    port: int, env: dict[str, str], *args: str, log: Path | None = None
) -> Iterator[subprocess.Popen]:
    """gunicorn with the portal on 127.0.0.1:port (the given args after the config file); stopped after."""
    stream = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), *args, "app:server"],
        cwd=ROOT,
        env={**env, "UPSTREAM_HOST": "127.0.0.1", "UPSTREAM_PORT": str(port)},
        stdout=stream,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until(lambda: get(f"http://127.0.0.1:{port}/health", 2)[0] in (200, 503), "gunicorn", 90)
        workers = int(env.get("WORKERS", "2"))
        slots = int(env.get("IMW_COMPUTE_SLOTS", "2"))
        # Every worker booted and warm: its resource tracker, fork server and compute processes are running.
        wait_until(
            lambda: (
                len(children(process.pid)) == workers
                and all(len(descendants(worker)) >= 2 + slots for worker in children(process.pid))
            ),
            "every gunicorn worker",
            90,
        )
        yield process
    finally:
        stop(process)
        if log:
            stream.close()  # type: ignore[union-attr]


@contextlib.contextmanager
def served(env: dict[str, str], run_dir: Path) -> Iterator[int]:
    """`deploy/serve.sh` (nginx in front of gunicorn) on a free port; yields nginx's port; stopped after."""
    assert shutil.which("nginx") or Path("/usr/sbin/nginx").exists(), (
        "nginx is missing: make serve installs it"
    )
    port = free_port()
    log = (run_dir.parent / f"{run_dir.name}.log").open("wb")
    process = subprocess.Popen(
        ["bash", str(ROOT / "deploy" / "serve.sh")],
        cwd=ROOT,
        env={
            **env,
            "PORT": str(port),
            "UPSTREAM_PORT": str(free_port()),
            "IMW_RUN_DIR": str(run_dir),
            "BIN": str(BIN),
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until(lambda: get(f"http://127.0.0.1:{port}/health", 2)[0] == 200, "make serve", 90)
        yield port
    finally:
        stop(process)
        log.close()


def stop(process: subprocess.Popen) -> None:
    """Stop a server we started, its children with it (its own process group), by its id."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class SlowClients:
    """`count` connections that send a request's headers one byte every `interval` seconds, for `seconds`."""

    def __init__(self, port: int, count: int, seconds: float, interval: float = 0.5) -> None:
        self.port, self.count, self.seconds, self.interval = port, count, seconds, interval
        self.opened = 0
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def _client(self) -> None:
        request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 10_000 + b"\r\n\r\n"
        deadline = time.monotonic() + self.seconds
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
                self.opened += 1
                for byte in request:
                    if self._stop.is_set() or time.monotonic() > deadline:
                        return
                    sock.sendall(bytes([byte]))
                    time.sleep(self.interval)
        except OSError:
            return  # the server cut the slow client off: what it should do

    def __enter__(self) -> SlowClients:
        for _ in range(self.count):
            thread = threading.Thread(target=self._client, daemon=True)
            thread.start()
            self._threads.append(thread)
        time.sleep(1.0)  # let them all connect and start dripping
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)


def timed_requests(url: str, count: int, pause: float = 0.1, timeout: float = 5.0) -> list[float]:
    """The seconds each of `count` sequential GETs took (timeout: counted as `timeout`)."""
    times = []
    for _ in range(count):
        try:
            times.append(get(url, timeout)[3])
        except (OSError, http.client.HTTPException):
            times.append(timeout)
        time.sleep(pause)
    return times


def rss_kb(pid: int) -> int:
    """Resident memory of one process, in kB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        for child in children(stack.pop()):
            found.append(child)
            stack.append(child)
    return found


class MemoryWatch:
    """Samples, every `interval` s, the memory of each worker of a gunicorn master with its compute processes
    (the worker's own descendants): `peak_kb` is the largest sum seen for any one worker."""

    def __init__(self, master_pid: int, interval: float = 0.1) -> None:
        self.master_pid, self.interval = master_pid, interval
        self.peak_kb = 0
        self.peak_process_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for worker in children(self.master_pid):
                tree = [worker, *descendants(worker)]
                self.peak_kb = max(self.peak_kb, sum(rss_kb(pid) for pid in tree))
                self.peak_process_kb = max(self.peak_process_kb, *(rss_kb(pid) for pid in tree))
            self._stop.wait(self.interval)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


class HealthWatch:
    """GET /health every `interval` s while running; `times` holds how long each took (timeouts as 10 s)."""

    def __init__(self, url: str, interval: float = 0.1) -> None:
        self.url, self.interval = url, interval
        self.times: list[float] = []
        self.statuses: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                status, _, _, seconds = get(self.url, 10)
            except OSError:
                status, seconds = 0, 10.0
            self.times.append(seconds)
            self.statuses.append(status)
            self._stop.wait(self.interval)

    def __enter__(self) -> HealthWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=15)


def concurrent_gets(urls: list[str], timeout: float = 120.0) -> list[tuple[int, dict[str, str], float]]:
    """GET every url at once (one thread each); (status, headers, seconds) per url, in order."""
    results: list[tuple[int, dict[str, str], float]] = [(0, {}, 0.0)] * len(urls)
    barrier = threading.Barrier(len(urls))

    def one(index: int, url: str) -> None:
        barrier.wait()
        try:
            status, headers, _, seconds = get(url, timeout)
        except OSError:
            status, headers, seconds = 0, {}, timeout
        results[index] = (status, headers, seconds)

    threads = [threading.Thread(target=one, args=(i, u)) for i, u in enumerate(urls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout + 10)
    return results
