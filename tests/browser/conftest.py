"""Browser fixtures: one portal server and one Debian chromium (through Playwright) per test session.

Reusable by any page's browser tests (the simulator's too):

- `portal_url`: the base address of a portal started for the session (``python app.py`` on a free loopback port,
  with an empty data folder, so that it shows the release shipped with the portal).
- `chromium_browser`: a headless Debian chromium, launched once.
- `browser_page`: a fresh browser context and page per test, wrapped in a `PageProbe` that records every request,
  console message, page error and failed or refused request, and checks them (`assert_clean`,
  `assert_local_only`), runs axe-core (`axe_violations`) and opens portal paths (`open`).

The tests skip, with the reason, only when Debian's chromium is not installed (``make test`` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.chromium import CHROMIUM_ARGS

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SERVER_START_SECONDS = 90
LOCAL_HOSTS = frozenset({"127.0.0.1"})
# Impacts that fail a page: WCAG 2.1 AA is the legal floor, 'serious' and 'critical' break it for someone.
BLOCKING_IMPACTS = frozenset({"serious", "critical"})


def chromium_executable() -> str | None:
    """Debian's chromium (Playwright cannot download its own browsers here)."""
    return shutil.which("chromium")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_answering(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the portal stopped while starting (exit code {process.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"the portal did not answer on {url} within {timeout:.0f} s")


@pytest.fixture(scope="session")
def portal_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Start the portal once for the session on a free loopback port; stop it afterwards."""
    if chromium_executable() is None:
        pytest.skip("Debian's chromium is not installed (make test installs it: apt-get install chromium)")
    port = free_port()
    log_path = tmp_path_factory.mktemp("portal") / "portal.log"
    environment = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        # An empty data folder: the release shipped with the portal, whatever another process imported.
        "IMW_DATA_DIR": str(tmp_path_factory.mktemp("monitoring-data")),
        "IMW_LOG_LEVEL": "WARNING",
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "app.py"],
            cwd=PROJECT_ROOT,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_answering(f"{url}/health", process, SERVER_START_SECONDS)
            yield url
        except RuntimeError as error:
            pytest.fail(f"{error}; log: {log_path.read_text(errors='replace')[-2000:]}")
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    """One headless chromium for the session."""
    executable = chromium_executable()
    if executable is None:
        pytest.skip("Debian's chromium is not installed (make test installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class PageProbe:
    """A page with a record of what it did: requests, console messages, errors, failed requests."""

    page: Any
    base_url: str
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    # How many documents the main frame has started to load, and, per request, how many it had when the request
    # began: a request that a later navigation cancelled (net::ERR_ABORTED) is the browser leaving a page.
    documents: int = 0
    started_in: dict[Any, int] = field(default_factory=dict)

    def attach(self, page: Any) -> None:
        page.on("request", self._on_request)
        page.on(
            "console",
            lambda message: (
                self.console.append(f"{message.type}: {message.text}")
                if message.type in {"error", "warning", "assert"}
                else None
            ),
        )
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("requestfailed", self._on_failure)
        page.on(
            "response",
            lambda response: (
                self.failures.append(f"{response.url}: HTTP {response.status}")
                if response.status >= 400
                else None
            ),
        )

    def _on_request(self, request: Any) -> None:
        self.requests.append(request.url)
        self.started_in[request] = self.documents
        if request.is_navigation_request() and request.frame == self.page.main_frame:
            self.documents += 1

    def _on_failure(self, request: Any) -> None:
        """A failed request is a failure, unless the page it belonged to was left: clicking a link while a
        chart's script is still loading cancels the script, and that is the browser's doing, not the portal's."""
        left = self.started_in.get(request, self.documents) < self.documents
        if left and "ERR_ABORTED" in str(request.failure):
            return
        self.failures.append(f"{request.url}: {request.failure}")

    def show_chart(self, graph_id: str) -> None:
        """Scroll a chart's place into view and wait until its graph has drawn (charts draw when seen)."""
        self.page.locator(f".chart-place[data-graph='{graph_id}']").scroll_into_view_if_needed()
        self.page.wait_for_function(
            "(id) => { const place = document.querySelector(`.chart-place[data-graph='${id}']`);"
            " return place && place.dataset.chart === 'drawn'; }",
            arg=graph_id,
        )

    def draw_charts(self) -> None:
        """Scroll every chart's place into view in turn and wait until it has drawn (charts draw when seen), then
        back to the top."""
        for index in range(self.page.locator(".chart-place").count()):
            self.page.locator(".chart-place").nth(index).scroll_into_view_if_needed()
            self.page.wait_for_function(
                "(i) => document.querySelectorAll('.chart-place')[i].dataset.chart === 'drawn'", arg=index
            )
        self.page.evaluate("() => window.scrollTo(0, 0)")

    def open(self, path: str) -> Any:
        """Open a portal path and wait until Dash has rendered it and the network is quiet."""
        self.page.goto(self.base_url + path)
        self.wait_until_rendered()
        return self.page

    def wait_until_rendered(self) -> None:
        """Until Dash has rendered the page (or, for a page that needs no Dash, its HTML is there)."""
        self.page.wait_for_selector(
            "#_pages_content main h1, #imw-first-view[data-static] main h1", state="attached"
        )
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")

    def assert_clean(self, allow_http_errors: bool = False) -> None:
        """No console error or warning, no page error, no failed request (no HTTP error either, unless the
        page is one: a 404 page answers 404, and the browser says so in its console)."""
        failures = [f for f in self.failures if not (allow_http_errors and "HTTP 4" in f)]
        console = [c for c in self.console if not (allow_http_errors and "status of 404" in c)]
        problems = [*console, *self.errors, *failures]
        assert not problems, "the page was not clean:\n" + "\n".join(problems)

    def assert_local_only(self) -> None:
        """Every request went to the portal itself (loopback): no CDN, font or script from another host."""
        foreign = [url for url in self.requests if urlsplit(url).hostname not in LOCAL_HOSTS]
        assert not foreign, "requests to another host:\n" + "\n".join(foreign)

    def axe_violations(self, impacts: frozenset[str] = BLOCKING_IMPACTS) -> list[dict[str, Any]]:
        """The axe-core violations of the page as it is now, of the given impacts."""
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(self.page)
        return [
            violation for violation in results.response["violations"] if violation.get("impact") in impacts
        ]

    def assert_accessible(self) -> None:
        violations = self.axe_violations()
        assert not violations, "axe-core found:\n" + "\n".join(
            f"{violation['id']} ({violation['impact']}): {violation['help']} "
            f"-> {[node['target'] for node in violation['nodes']][:5]}"
            for violation in violations
        )


@pytest.fixture
def browser_page(chromium_browser: Any, portal_url: str) -> Iterator[PageProbe]:
    """A fresh context (no cookies, no storage) and page for each test, downloads accepted."""
    context = chromium_browser.new_context(
        viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="nl-BE"
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    probe = PageProbe(page=page, base_url=portal_url)
    probe.attach(page)
    try:
        yield probe
    finally:
        context.close()


@pytest.fixture
def open_fresh_page(chromium_browser: Any, portal_url: str) -> Iterator[Any]:
    """A factory of further fresh pages in a test (to open a copied link as someone else would)."""
    contexts: list[Any] = []

    def make() -> PageProbe:
        context = chromium_browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        probe = PageProbe(page=page, base_url=portal_url)
        probe.attach(page)
        return probe

    yield make
    for context in contexts:
        context.close()
