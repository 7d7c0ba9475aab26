"""A crowd on the portal, as after a news item or a SERV meeting: `make load` (issue 11).

Loopback only; bounded by `make load` (LOAD_USERS users, 100 in the issue's measure, for 60 s). Each simulated
person waits 1 to 4 s between actions and, in this mix (task weights 6 : 3):

- **browses the monitoring pages** (6): opens a page as a browser does (the page; for a page that runs Dash, also
  `/_dash-layout`, `/_dash-dependencies` and the router's request for the page's content) and **changes its
  filters** (the filter callbacks a real browser sent on that page, recorded by record_payloads.py; up to six);
- **runs the simulator** (3): opens `/simulator` as a browser does, then one time in three **opens a preset**
  (the callback that sets the controls and the one that computes its results, as recorded) and otherwise
  **changes parameters with fresh values**: the recorded parameter change with two parameters set to a random
  valid value (within the field's range, on its step), so that most runs are scenarios the cache has not seen.

A simulator answer that says the portal is too busy to compute (the status that keeps the last results) is
counted as a failure: the person got no result.

Requests are named by kind (page, page content, dash layout, dash dependencies, callback monitoring,
callback simulator), so that summarise.py reports p50, p95 and requests per second per kind.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from locust import HttpUser, between, events, task

RECORDS: list[dict[str, Any]] = json.loads(
    Path(os.environ.get("IMW_LOAD_PAYLOADS", "/tmp/imw-payloads.json")).read_text("utf-8")
)
STATIC = {r["path"] for r in RECORDS if r["kind"] == "static"}
ROUTER = {r["path"]: r["body"] for r in RECORDS if r["kind"] == "router"}
FILTERS: dict[str, list[dict[str, Any]]] = {}
for record in RECORDS:
    if record["kind"] == "filter":
        FILTERS.setdefault(record["path"], []).append(record["body"])
PRESET = [r["body"] for r in RECORDS if r["kind"] == "preset"]
PARAMETER = [r for r in RECORDS if r["kind"] == "parameter" and "sim-summary" in str(r["body"].get("output"))]
BUSY = [text for r in RECORDS if r["kind"] == "busy" for text in r["texts"]]
BROWSED = sorted((STATIC | set(ROUTER)) - {"/simulator"})


@events.test_start.add_listener
def _only_loopback(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    host = urlparse(environment.host or "").hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"the load test targets loopback only, not {host}")


def fresh_values(record: dict[str, Any], count: int = 2) -> dict[str, Any]:
    """The recorded parameter change with `count` parameters (the one changed first) set to a random valid
    value: min + k * step, within [min, max]."""
    body = json.loads(json.dumps(record["body"]))
    ranges = record["field"]["ranges"]
    fields = next(
        entries
        for entries in body.get("inputs", [])
        if isinstance(entries, list) and entries and isinstance(entries[0].get("id"), dict)
    )
    by_name = {entry["id"]["name"]: entry for entry in fields if entry["id"].get("name") in ranges}
    others = [name for name in by_name if name != record["field"]["name"]]
    for name in [record["field"]["name"], *random.sample(others, min(count - 1, len(others)))]:
        low, high, step = ranges[name]["min"], ranges[name]["max"], ranges[name]["step"]
        steps = round((high - low) / step)
        by_name[name]["value"] = round(low + step * random.randint(0, steps), 6)
    return body


class Visitor(HttpUser):
    wait_time = between(1, 4)

    def _open(self, path: str) -> None:
        self.client.get(path, name="page")
        if path in STATIC:
            return  # a page that needs no Dash: the browser asks for nothing more
        self.client.get("/_dash-layout", name="dash layout")
        self.client.get("/_dash-dependencies", name="dash dependencies")
        if path in ROUTER:
            self.client.post("/_dash-update-component", json=ROUTER[path], name="page content")

    def _callback(self, body: dict[str, Any], name: str) -> None:
        with self.client.post(
            "/_dash-update-component", json=body, name=name, catch_response=True
        ) as response:
            if any(text in response.text for text in BUSY):
                response.failure("busy: the portal did not compute the scenario")

    @task(6)
    def browse_monitoring(self) -> None:
        path = random.choice(BROWSED)
        self._open(path)
        for body in FILTERS.get(path, [])[:6]:
            self._callback(body, "callback monitoring")

    @task(3)
    def run_scenario(self) -> None:
        self._open("/simulator")
        if PRESET and random.random() < 1 / 3:
            for body in PRESET:
                self._callback(body, "callback simulator")
        elif PARAMETER:
            self._callback(fresh_values(random.choice(PARAMETER)), "callback simulator")
