"""A budget for the Monte Carlo runs of one portal process: a few at once, each bounded in time and memory.

A run of the model at the page's largest settings takes a second or two and a few hundred MB. Unbounded, a few
users (or one script) asking for fresh seeds at once took every thread and gigabytes of memory, and `/health`
answered in tens of seconds. So every computation goes through a `ComputePool`:

- **at most `slots` at once** (a semaphore, `IMW_COMPUTE_SLOTS`); a request waits at most `wait_seconds` for a
  slot (`IMW_COMPUTE_WAIT`), then gets `Busy`, which the server answers with 503 and a Retry-After header;
- **in a process of its own** (one per slot, started once and reused): a run that passes `time_limit_seconds`
  (`IMW_COMPUTE_TIME_LIMIT`) is ended by killing that process, so the limit is hard; its address space is capped
  at `memory_limit_mb` (`IMW_COMPUTE_MEMORY_MB`, 1 GB; a maximal run takes 0.6 GB of address space), so a run
  that would take more fails alone instead of taking the machine. The web process itself keeps its memory and
  its interpreter free for pages and `/health`;
- a slot's process is replaced after `tasks_per_process` runs, between two runs (never during one): memory that
  numpy or the allocator keeps after a run never piles up.

Outside a server (unit tests, scripts) the default pool runs the same budget in the calling thread, without a
separate process: there is nothing to protect but the test itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import resource
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

log = logging.getLogger("imw.compute")

T = TypeVar("T")

#: Modules the process that forks the compute processes imports once, so that each fork starts ready.
PRELOAD = ("numpy", "pandas", "scipy.stats", "simulation", "data.results", "services.simulation")


#: How much lower the compute processes' CPU priority is than the web process's (os.nice).
NICENESS = 10


class Busy(Exception):
    """No compute slot came free within the wait; try again after `retry_after` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"every compute slot is busy; try again in {retry_after} s")
        self.retry_after = retry_after


class ComputeFailed(Exception):
    """A computation was stopped: it passed the time limit or the memory limit. The message says which."""


@dataclass(frozen=True)
class PoolSettings:
    slots: int = 2
    wait_seconds: float = 10.0
    time_limit_seconds: float = 30.0
    memory_limit_mb: int = 1024
    tasks_per_process: int = 200
    isolated: bool = False


def _limit_memory(memory_limit_mb: int) -> None:
    limit = memory_limit_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(connection: Connection, memory_limit_mb: int) -> None:
    """The loop of a compute process: receive (function, args), answer ("ok", result) or ("error", message).

    It runs at a lower CPU priority than the web process: when the cores are busy with Monte Carlo runs, pages
    and `/health` still get the CPU first."""
    _limit_memory(memory_limit_mb)
    os.nice(NICENESS)
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return
        try:
            answer: tuple[str, Any] = ("ok", function(*args))
        except MemoryError:
            answer = ("memory", "the computation needed more memory than its limit")
        except Exception as error:  # handed back to the caller, raised there
            answer = ("error", _portable(error))
        try:
            connection.send(answer)
        except Exception as error:  # a result that cannot be pickled: a bug, said in one line
            connection.send(("error", RuntimeError(f"{type(error).__name__} in the compute process")))


def _portable(error: Exception) -> Exception:
    """The error itself when it survives pickling (the caller then sees its own type), else a RuntimeError."""
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {str(error)[:300]}")
    return error


class _Slot:
    """One place to compute: in the calling thread, or a compute process that is started when first needed."""

    def __init__(self, settings: PoolSettings, context: Any) -> None:
        self._settings = settings
        self._context = context
        self._process: Any = None
        self._connection: Connection | None = None
        self._tasks = 0

    def _start(self) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child, self._settings.memory_limit_mb), name="imw-compute", daemon=True
        )
        process.start()
        child.close()
        self._process, self._connection = process, parent
        self._tasks = 0

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._process is not None and self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=5)
        self._process, self._connection = None, None

    def pid(self) -> int | None:
        return self._process.pid if self._process is not None and self._process.is_alive() else None

    def run(self, function: Callable[..., T], args: tuple[Any, ...]) -> T:
        if not self._settings.isolated:
            return function(*args)
        if (
            self._process is None
            or not self._process.is_alive()
            or self._tasks >= self._settings.tasks_per_process
        ):
            self.stop()
            self._start()
        assert self._connection is not None
        self._tasks += 1
        self._connection.send((function, args))
        if not self._connection.poll(self._settings.time_limit_seconds):
            self.stop()
            raise ComputeFailed(
                f"the computation took longer than its limit of {self._settings.time_limit_seconds:g} s"
            )
        try:
            status, value = self._connection.recv()
        except (EOFError, OSError):
            self.stop()  # the process died: most often the memory limit
            raise ComputeFailed("the computation stopped (it needed more memory than its limit)") from None
        if status == "ok":
            return value  # type: ignore[no-any-return]
        if status == "memory":
            self.stop()
            raise ComputeFailed(value)
        raise value


class ComputePool:
    """At most `slots` computations at once, each waited for at most `wait_seconds`; see the module docstring."""

    def __init__(self, settings: PoolSettings) -> None:
        self.settings = settings
        context = multiprocessing.get_context("forkserver") if settings.isolated else None
        if context is not None:
            context.set_forkserver_preload(list(PRELOAD))
        self._idle: queue.LifoQueue[_Slot] = queue.LifoQueue()
        self._slots = [_Slot(settings, context) for _ in range(settings.slots)]
        for slot in self._slots:
            self._idle.put(slot)
        self._lock = threading.Lock()
        self._waiting = 0
        self._refused = 0

    def run(self, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)` in a free slot; Busy when none comes free in time, ComputeFailed past a limit.

        In a process of its own `function` must be importable by name and its arguments and result picklable
        (they travel over a pipe between two processes of this server, never from outside)."""
        with self._lock:
            self._waiting += 1
        try:
            slot = self._idle.get(timeout=self.settings.wait_seconds)
        except queue.Empty:
            with self._lock:
                self._refused += 1
            raise Busy(retry_after=max(1, round(self.settings.time_limit_seconds / 4))) from None
        finally:
            with self._lock:
                self._waiting -= 1
        try:
            return slot.run(function, args)
        finally:
            self._idle.put(slot)

    def warm(self) -> None:
        """Start every slot's process now (a worker calls this before it accepts requests)."""
        if not self.settings.isolated:
            return
        slots = [self._idle.get() for _ in range(self.settings.slots)]
        try:
            for slot in slots:
                slot.run(os.getpid, ())
        finally:
            for slot in slots:
                self._idle.put(slot)

    def status(self) -> dict[str, Any]:
        """What /health reports: slots, how many are busy, waiting and refused so far."""
        busy = self.settings.slots - self._idle.qsize()
        return {
            "slots": self.settings.slots,
            "busy": busy,
            "waiting": self._waiting,
            "refused": self._refused,
            "isolated": self.settings.isolated,
        }

    def process_ids(self) -> list[int]:
        return [pid for slot in self._slots if (pid := slot.pid()) is not None]

    def close(self) -> None:
        for slot in self._slots:
            slot.stop()


_pool = ComputePool(PoolSettings())
_pool_lock = threading.Lock()


def pool() -> ComputePool:
    """The process's pool (configured by the app; a small in-thread pool otherwise)."""
    return _pool


def configure(settings: PoolSettings) -> ComputePool:
    """Replace the process's pool (the app calls this once, with its settings)."""
    global _pool
    with _pool_lock:
        old, _pool = _pool, ComputePool(settings)
    old.close()
    return _pool
