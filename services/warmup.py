"""Warm the caches when a process starts serving, so that a crowd's first visitors wait for nobody (issue 11).

On the first request a process serves, a background thread:

1. computes the presets (the baseline among them) at the draws the page uses, and their sensitivity, into the
   shared result cache (services/simulation.py), once per model and parameter version: with Redis, the process
   that takes the lock ``warm:<model>:<parameters>`` computes them and the others find them there;
2. asks the process itself, in memory, for every page's default view in both languages (its HTML with the first
   view, and Dash's router answer), so that those are kept in memory (services/delivery.py,
   components/shell/first_view.py) before anyone asks.

Started on the first request, not at import: a server that forks after importing the app (gunicorn --preload)
must not fork a thread. `IMW_WARM_CACHE=0` turns it off (the tests do).
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, request

from data.scenario.presets import load_presets
from services.cache import result_cache
from services.simulation import sensitivity_of, simulate, versions

log = logging.getLogger("imw.warmup")

LANGUAGE_QUERIES = ("", "?lang=en")
#: The WSGI environ key of the request the app sends itself while it is built (app.py): not a request served.
SET_UP_REQUEST = "imw.set_up_request"


def warm_results() -> int:
    """Compute every preset's results and sensitivity into the cache (skipped when another process holds the
    lock for these versions); how many presets were computed here."""
    current = versions()
    lock = f"warm:{current['model_version']}:{current['parameters_version']}"
    try:
        mine = result_cache().add(lock, str(os.getpid()), timeout_seconds=600)
    except Exception as error:  # no shared cache to agree through: this process warms its own
        log.warning("warm-up lock unavailable (%s): computing here", type(error).__name__)
        mine = True
    if not mine:
        return 0
    computed = 0
    for preset in load_presets().values():
        scenario = (
            preset.scenario
        )  # a preset holds what the page offers (draws, horizon): checked by simulate
        simulate(scenario)
        sensitivity_of(scenario)
        computed += 1
    return computed


def router_body(output: str, pathname: str, search: str) -> dict[str, Any]:
    """The callback request Dash's page router sends for a page (as the browser sends it)."""
    return {
        "output": output,
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
    }


def warm_pages(server: Flask, paths: Iterable[str], router_output: str | None) -> int:
    """Ask the process for each page's HTML and router answer, in both languages; how many answered 200."""
    client = server.test_client()
    answered = 0
    for path in paths:
        for search in LANGUAGE_QUERIES:
            answered += client.get(path + search).status_code == 200
            if router_output is not None:
                body = json.dumps(router_body(router_output, path, search))
                response = client.post("/_dash-update-component", data=body, content_type="application/json")
                answered += response.status_code == 200
    return answered


def warm_up(server: Flask, paths: Callable[[], list[str]], router_output: Callable[[], str | None]) -> None:
    """Both steps, logged; a failure is logged and ends the warm-up (the pages compute on first use)."""
    start = time.perf_counter()
    try:
        with server.app_context():
            computed = warm_results()
        answered = warm_pages(server, paths(), router_output())
    except Exception as error:
        log.error("warm-up failed: %s: %s", type(error).__name__, error, exc_info=error)
        return
    log.info(
        "warm-up done in %.1f s: %d presets computed here, %d page answers kept",
        time.perf_counter() - start,
        computed,
        answered,
    )


def install(server: Flask, paths: Callable[[], list[str]], router_output: Callable[[], str | None]) -> None:
    """Start `warm_up` in a background thread on the first request this process serves."""
    once = threading.Lock()

    @server.before_request
    def _start_warm_up() -> None:
        if request.environ.get(SET_UP_REQUEST) or not once.acquire(blocking=False):
            return  # started already (the lock is never released)
        threading.Thread(
            target=warm_up, args=(server, paths, router_output), name="imw-warm-up", daemon=True
        ).start()
