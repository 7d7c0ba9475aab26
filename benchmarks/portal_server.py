"""What the benchmarks share: the portal's pages, and the portal started on a free loopback port to measure."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Every page of the portal a visitor opens, in the order of the menu (the benchmarks measure each).
PAGES = (
    "/",
    "/tewerkstelling",
    "/werknemers",
    "/werkgevers",
    "/middelen",
    "/doorstroom",
    "/verdringing",
    "/collectief-maatwerk",
    "/simulator",
    "/simulator/vergelijken",
    "/calculator",
    "/methodologie",
    "/toegankelijkheid",
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def portal(url: str | None = None, start_seconds: float = 90) -> Iterator[str]:
    """The portal to measure: the one at `url`, or `python app.py` started on a free loopback port (with a data
    directory of its own) and stopped afterwards."""
    if url:
        yield url.rstrip("/")
        return
    port = free_port()
    environment = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "IMW_LOG_LEVEL": "WARNING",
        "IMW_DATA_DIR": tempfile.mkdtemp(prefix="imw-bench-"),
    }
    server = subprocess.Popen(
        [sys.executable, "app.py"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_seconds
        while True:
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=2):  # loopback only
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the portal did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
