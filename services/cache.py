"""The shared result cache: Flask-Caching, embedded by default, Redis when configured.

Pages never import app.py; they use `cache` from here. `init_cache` binds it to the Flask server.
"""

from __future__ import annotations

from flask import Flask
from flask_caching import Cache

from services.config import Settings

cache = Cache()


def init_cache(server: Flask, settings: Settings) -> None:
    """Bind the cache: Redis (shared by every process) when a URL is set, else an in-process cache."""
    if settings.cache_redis_url:
        config = {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": settings.cache_redis_url,
            "CACHE_KEY_PREFIX": "imw:",
            "CACHE_DEFAULT_TIMEOUT": settings.cache_timeout_seconds,
        }
    else:
        config = {
            "CACHE_TYPE": "SimpleCache",
            "CACHE_THRESHOLD": 2000,
            "CACHE_DEFAULT_TIMEOUT": settings.cache_timeout_seconds,
        }
    cache.init_app(server, config=config)
