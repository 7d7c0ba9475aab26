"""A crowd on the portal: people browse the monitoring pages and run scenarios.

Loopback only; bounded by `make load` (50 users, 60 s). Each simulated person opens pages as a browser does (the
page, its layout and its callback graph), changes filters, and in one case in three runs a scenario. Callback
requests are the ones a real browser sent (recorded by record_payloads.py); scenario runs get a random change of
one number so that part of them miss the cache, as a crowd trying its own scenarios would.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from urllib.parse import urlparse

from locust import HttpUser, between, events, task

PAYLOADS = json.loads(Path(os.environ.get("IMW_LOAD_PAYLOADS", "/tmp/imw-payloads.json")).read_text("utf-8"))
PAGE_PATHS = sorted({str(item["path"]) for item in PAYLOADS} | {"/", "/methodologie", "/toegankelijkheid"})
MONITORING = [item for item in PAYLOADS if item["path"] != "/simulator"]
SIMULATOR = [item for item in PAYLOADS if item["path"] == "/simulator"]


@events.test_start.add_listener
def _only_loopback(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    host = urlparse(environment.host or "").hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"the load test targets loopback only, not {host}")


def _vary(body: dict) -> dict:
    """Change one number among the callback inputs, so that the scenario is new to the cache now and then."""
    body = json.loads(json.dumps(body))
    numbers = [
        entry
        for entry in body.get("inputs", [])
        if isinstance(entry, dict)
        and isinstance(entry.get("value"), int | float)
        and not isinstance(entry.get("value"), bool)
    ]
    if numbers and random.random() < 0.5:
        entry = random.choice(numbers)
        entry["value"] = round(entry["value"] * random.choice([0.9, 0.95, 1.05, 1.1]), 2)
    return body


class Visitor(HttpUser):
    wait_time = between(1, 4)

    def _open(self, path: str) -> None:
        self.client.get(path, name="page " + path)
        self.client.get("/_dash-layout", name="dash layout")
        self.client.get("/_dash-dependencies", name="dash dependencies")

    def _callback(self, item: dict, name: str) -> None:
        self.client.post("/_dash-update-component", json=item["body"], name=name)

    @task(6)
    def browse_monitoring(self) -> None:
        path = random.choice(PAGE_PATHS)
        self._open(path)
        for item in [i for i in MONITORING if i["path"] == path][:6]:
            self._callback(item, "callback monitoring")

    @task(3)
    def run_scenario(self) -> None:
        if not SIMULATOR:
            return
        self._open("/simulator")
        item = random.choice(SIMULATOR)
        self._callback({"body": _vary(item["body"])}, "callback simulator")
