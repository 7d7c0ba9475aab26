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
    return Settings(
        cache_redis_url=env.get("IMW_CACHE_REDIS_URL") or None,
        cache_timeout_seconds=_int(env, "IMW_CACHE_TIMEOUT", 24 * 3600, 1, 30 * 24 * 3600),
        data_dir=data_dir,
        suppression_threshold=_int(env, "IMW_SUPPRESSION_THRESHOLD", 10, 1, 1000),
        frame_ancestors=ancestors,
        log_level=level,
        max_request_bytes=_int(env, "IMW_MAX_REQUEST_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
        warm_cache=_flag(env, "IMW_WARM_CACHE", True),
    )
