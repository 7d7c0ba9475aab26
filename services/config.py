"""Configuration from environment variables, in one place (documented in README.md)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Settings of one portal process."""

    cache_redis_url: str | None = None
    cache_timeout_seconds: int = 24 * 3600
    data_dir: Path = PROJECT_ROOT / "data" / "monitoring"
    suppression_threshold: int = 10
    frame_ancestors: tuple[str, ...] = ("'self'",)
    log_level: str = "INFO"
    max_request_bytes: int = 2 * 1024 * 1024
    #: The secret that keys the cache's names and signs its values (required with Redis; random per process
    #: otherwise, which is fine for a cache that lives in the process).
    cache_secret: str | None = field(default=None, repr=False)
    cache_timeout_ms: int = 100
    compute_slots: int = 2
    compute_wait_seconds: int = 10
    compute_time_limit_seconds: int = 30
    compute_memory_mb: int = 1024
    compute_isolated: bool = True
    compute_tasks_per_process: int = 200
    # Where people report an accessibility problem: a mailto: or https: address (the statement shows it).
    feedback_address: str = ""
    #: Compute the presets and keep every page's default view when the process starts serving (services/warmup.py).
    warm_cache: bool = False
    extra: dict[str, object] = field(default_factory=dict)


class ConfigError(ValueError):
    """A setting has a value the portal cannot use; the message names the variable."""


def _int(env: Mapping[str, str], name: str, default: int, minimum: int, maximum: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(
            f"{name}={raw!r} is not a whole number; use a number from {minimum} to {maximum}."
        ) from None
    if not minimum <= value <= maximum:
        raise ConfigError(f"{name}={value} is out of range; use a number from {minimum} to {maximum}.")
    return value


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r}: use 1 (on) or 0 (off).")


def settings_from_environment(env: Mapping[str, str] | None = None) -> Settings:
    """Read the IMW_* variables; an unusable value raises ConfigError with an actionable message."""
    env = os.environ if env is None else env
    data_dir = Path(env["IMW_DATA_DIR"]) if env.get("IMW_DATA_DIR") else Settings.data_dir
    ancestors = tuple(env.get("IMW_FRAME_ANCESTORS", "'self'").split()) or ("'self'",)
    level = env.get("IMW_LOG_LEVEL", "INFO").upper()
    if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
        raise ConfigError(f"IMW_LOG_LEVEL={level!r}: use DEBUG, INFO, WARNING, ERROR or CRITICAL.")
    redis_url = env.get("IMW_CACHE_REDIS_URL") or None
    secret = env.get("IMW_CACHE_SECRET") or None
    if redis_url and (secret is None or len(secret) < 16):
        raise ConfigError(
            "IMW_CACHE_REDIS_URL is set but IMW_CACHE_SECRET is not (or shorter than 16 characters): give every "
            "instance the same secret, e.g. from `python3 -c 'import secrets; print(secrets.token_hex(32))'`."
        )
    isolated = env.get("IMW_COMPUTE_ISOLATED", "1")
    if isolated not in ("0", "1"):
        raise ConfigError(f"IMW_COMPUTE_ISOLATED={isolated[:20]!r}: use 1 (a process per slot) or 0.")
    return Settings(
        cache_redis_url=redis_url,
        cache_secret=secret,
        cache_timeout_ms=_int(env, "IMW_CACHE_TIMEOUT_MS", 100, 10, 5000),
        compute_slots=_int(env, "IMW_COMPUTE_SLOTS", 2, 1, 64),
        compute_wait_seconds=_int(env, "IMW_COMPUTE_WAIT", 10, 0, 120),
        compute_time_limit_seconds=_int(env, "IMW_COMPUTE_TIME_LIMIT", 30, 1, 600),
        compute_memory_mb=_int(env, "IMW_COMPUTE_MEMORY_MB", 1024, 256, 65536),
        compute_isolated=isolated == "1",
        compute_tasks_per_process=_int(env, "IMW_COMPUTE_TASKS", 200, 1, 100_000),
        cache_timeout_seconds=_int(env, "IMW_CACHE_TIMEOUT", 24 * 3600, 1, 30 * 24 * 3600),
        data_dir=data_dir,
        suppression_threshold=_int(env, "IMW_SUPPRESSION_THRESHOLD", 10, 1, 1000),
        frame_ancestors=ancestors,
        log_level=level,
        max_request_bytes=_int(env, "IMW_MAX_REQUEST_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
        feedback_address=_address(env.get("IMW_FEEDBACK_ADDRESS", "")),
        warm_cache=_flag(env, "IMW_WARM_CACHE", True),
    )


def _address(raw: str) -> str:
    """A feedback address: mailto:… or https://…; anything else is refused with the reason."""
    value = raw.strip()
    if value and not value.startswith(("mailto:", "https://")):
        raise ConfigError(
            f"IMW_FEEDBACK_ADDRESS={value!r}: give a mailto: or https:// address where people report a problem."
        )
    return value


def current_settings() -> Settings:
    """The settings of the portal that serves this request: create_app read them once and stored them on the app.

    Outside a portal (the command line, a test that calls a component directly) they are read from the
    environment here, the one place above the data layer that reads it.
    """
    from flask import current_app, has_app_context

    if has_app_context():
        settings = current_app.config.get("IMW_SETTINGS")
        if isinstance(settings, Settings):
            return settings
    return settings_from_environment()
