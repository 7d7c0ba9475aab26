"""The shared result cache: process memory by default, Redis when configured, never a single point of failure.

What is stored is text: a MAC, then a JSON document (services/cache_codec.py), never a pickle. (Hand-written
rather than Flask-Caching's `@cache.memoize`: its Redis backend pickles every value, so whoever can write to Redis
runs code in the portal; the hardening issue forbids that, and tests/services/test_cache.py plants such a value.)
Keys and values are keyed with a secret from configuration (`IMW_CACHE_SECRET`, HMAC-SHA256): nobody without it
can compute the key of a scenario or plant a value that passes the check, even with write access to Redis.

Redis is a helper: every call has short connect and read timeouts (`IMW_CACHE_TIMEOUT_MS`, 100 ms by default),
and after `BREAKER_FAILURES` failures in a row the cache stops asking Redis for `BREAKER_SECONDS` (a circuit
breaker) and uses this process's memory; then one call tries Redis again. `/health` reports the cache as
degraded while Redis is not used. Pages never import app.py; they use `result_cache()` from here, which
`init_cache` binds to the app's settings.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections import OrderedDict
from typing import Any, Final

from flask import Flask, current_app, has_app_context

from services.config import Settings

log = logging.getLogger("imw.cache")

KEY_PREFIX: Final = "imw:"
#: The largest value read back from the cache; a planted value larger than this is not even parsed.
MAX_VALUE_BYTES: Final = 4 * 1024 * 1024
BREAKER_FAILURES: Final = 3
BREAKER_SECONDS: Final = 30.0
MEMORY_ENTRIES: Final = 500


class MemoryBackend:
    """A bounded in-process store: least recently used entries go first, each lives its timeout at most.

    Hand-written: functools.lru_cache memoises a function and knows no timeout per entry; this is the memory tier
    of a key-value store with the Redis tier's interface (get/set/add with a timeout)."""

    def __init__(self, entries: int = MEMORY_ENTRIES) -> None:
        self._entries = entries
        self._items: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if item[0] < time.monotonic():
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return item[1]

    def set(self, key: str, value: bytes, timeout_seconds: int) -> None:
        with self._lock:
            self._items[key] = (time.monotonic() + timeout_seconds, value)
            self._items.move_to_end(key)
            while len(self._items) > self._entries:
                self._items.popitem(last=False)

    def delete(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)

    def add(self, key: str, value: bytes, timeout_seconds: int) -> bool:
        """Store `value` only when nothing lives under `key`; whether it was stored."""
        if self.get(key) is not None:
            return False
        with self._lock:
            if key in self._items:  # stored by another thread between the two steps
                return False
            self._items[key] = (time.monotonic() + timeout_seconds, value)
        return True

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class RedisBackend:
    """Redis with short timeouts: a slow or hung Redis costs at most the timeout per call."""

    def __init__(self, url: str, timeout_ms: int) -> None:
        import redis

        seconds = timeout_ms / 1000
        self.client = redis.Redis.from_url(
            url,
            socket_connect_timeout=seconds,
            socket_timeout=seconds,
            retry_on_timeout=False,
            retry=None,
            health_check_interval=0,
        )

    def get(self, key: str) -> bytes | None:
        value = self.client.get(key)
        return value if isinstance(value, bytes) else None

    def set(self, key: str, value: bytes, timeout_seconds: int) -> None:
        self.client.set(key, value, ex=timeout_seconds)

    def delete(self, key: str) -> None:
        self.client.delete(key)

    def add(self, key: str, value: bytes, timeout_seconds: int) -> bool:
        return bool(self.client.set(key, value, ex=timeout_seconds, nx=True))

    def ping(self) -> bool:
        return bool(self.client.ping())


class CircuitBreaker:
    """Closed: calls go to Redis. After `failures` failures in a row, open for `seconds`: calls go nowhere."""

    def __init__(self, failures: int = BREAKER_FAILURES, seconds: float = BREAKER_SECONDS) -> None:
        self._limit = failures
        self._seconds = seconds
        self._failures = 0
        self._open_until = 0.0
        self._lock = threading.Lock()

    def allows(self) -> bool:
        """Whether to try Redis now (while open, one trial call after the pause)."""
        with self._lock:
            if self._failures < self._limit:
                return True
            if time.monotonic() >= self._open_until:
                self._open_until = time.monotonic() + self._seconds  # one trial; others wait again
                return True
            return False

    def succeeded(self) -> None:
        with self._lock:
            if self._failures >= self._limit:
                log.warning("cache: Redis answers again; using it")
            self._failures = 0

    def failed(self) -> None:
        with self._lock:
            self._failures += 1
            if self._failures == self._limit:
                self._open_until = time.monotonic() + self._seconds
                log.warning(
                    "cache: Redis failed %d times in a row; using process memory for %.0f s",
                    self._limit,
                    self._seconds,
                )

    @property
    def is_open(self) -> bool:
        with self._lock:
            return self._failures >= self._limit


class ResultCache:
    """Signed, checked text values under secret-keyed names; Redis behind a breaker, memory as the fallback."""

    def __init__(
        self,
        secret: bytes,
        timeout_seconds: int = 24 * 3600,
        redis: RedisBackend | None = None,
        breaker: CircuitBreaker | None = None,
    ) -> None:
        self._secret = secret
        self.timeout_seconds = timeout_seconds
        self.redis = redis
        self.memory = MemoryBackend()
        self.breaker = breaker or CircuitBreaker()

    # keys and signatures
    def key(self, *parts: str) -> str:
        """``imw:<first part>:<HMAC of all parts>``: the name of a value, not computable without the secret."""
        digest = hmac.new(self._secret, "\n".join(parts).encode("utf-8"), hashlib.sha256).hexdigest()
        return f"{KEY_PREFIX}{parts[0]}:{digest}"

    def _mac(self, key: str, text: bytes) -> bytes:
        return hmac.new(self._secret, key.encode("utf-8") + b"\n" + text, hashlib.sha256).hexdigest().encode()

    def seal(self, key: str, text: str) -> bytes:
        data = text.encode("utf-8")
        return self._mac(key, data) + b"." + data

    def unseal(self, key: str, stored: bytes) -> str | None:
        """The text of a stored value when its MAC holds for this key, else None."""
        if len(stored) > MAX_VALUE_BYTES:
            return None
        mac, _, data = stored.partition(b".")
        if not hmac.compare_digest(mac, self._mac(key, data)):
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    # storage
    def _redis_call(self, operation: str, *args: Any) -> Any:
        if self.redis is None or not self.breaker.allows():
            raise _Skipped
        try:
            result = getattr(self.redis, operation)(*args)
        except Exception as error:  # any Redis trouble: count it, use memory
            self.breaker.failed()
            log.warning("cache: Redis %s failed (%s)", operation, type(error).__name__)
            raise _Skipped from None
        self.breaker.succeeded()
        return result

    def get(self, key: str) -> str | None:
        """The verified text under `key`, or None (missing, unverifiable, or no store reachable)."""
        try:
            stored = self._redis_call("get", key)
        except _Skipped:
            stored = self.memory.get(key)
        if stored is None:
            return None
        text = self.unseal(key, stored)
        if text is None:
            log.warning("cache: a value under %s failed its signature; dropped", key[:48])
            self.delete(key)
        return text

    def set(self, key: str, text: str) -> None:
        sealed = self.seal(key, text)
        try:
            self._redis_call("set", key, sealed, self.timeout_seconds)
        except _Skipped:
            self.memory.set(key, sealed, self.timeout_seconds)

    def add(self, name: str, text: str, timeout_seconds: int) -> bool:
        """Store `text` under the name `name` only when nothing lives there (a lock shared by the processes
        through Redis, or within this process without it); whether this call stored it."""
        key = self.key("lock", name)
        sealed = self.seal(key, text)
        try:
            return bool(self._redis_call("add", key, sealed, timeout_seconds))
        except _Skipped:
            return self.memory.add(key, sealed, timeout_seconds)

    def delete(self, key: str) -> None:
        self.memory.delete(key)
        with contextlib.suppress(_Skipped):
            self._redis_call("delete", key)

    def status(self) -> dict[str, str]:
        """What /health says: the backend and whether it is in use (ok) or bypassed (degraded)."""
        if self.redis is None:
            return {"backend": "memory", "state": "ok"}
        with contextlib.suppress(_Skipped):  # while the breaker is open, a trial only after its pause
            self._redis_call("ping")
        state = "degraded" if self.breaker.is_open else "ok"
        return {"backend": "redis", "state": state}


class _Skipped(Exception):
    """Redis was not asked (no Redis, or the breaker is open) or failed: use memory."""


_default = ResultCache(secrets.token_bytes(32))


def result_cache() -> ResultCache:
    """The cache of the current app (bound by init_cache), or an in-memory one outside an app."""
    if has_app_context():
        bound = current_app.extensions.get("imw_cache")
        if isinstance(bound, ResultCache):
            return bound
    return _default


def init_cache(server: Flask, settings: Settings) -> ResultCache:
    """Bind a cache to the app: Redis (shared by every process) when a URL is set, else process memory."""
    secret = settings.cache_secret.encode("utf-8") if settings.cache_secret else secrets.token_bytes(32)
    redis = (
        RedisBackend(settings.cache_redis_url, settings.cache_timeout_ms)
        if settings.cache_redis_url
        else None
    )
    cache = ResultCache(secret, settings.cache_timeout_seconds, redis)
    server.extensions["imw_cache"] = cache
    return cache
