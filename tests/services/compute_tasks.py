"""Tasks for the compute pool's tests: importable by name, as the pool's processes need."""

from __future__ import annotations

import os
import time


def sleep_then_pid(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def allocate(megabytes: int) -> int:
    block = bytearray(megabytes * 1024 * 1024)
    return len(block)


def fail(message: str) -> None:
    raise ValueError(message)


def niceness() -> int:
    return os.nice(0)
