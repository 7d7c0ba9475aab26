"""The page probe's own rule for failed requests, with stand-ins for Playwright's page and requests: a request is
a failure unless the browser cancelled it because the page it belonged to was left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.browser.conftest import PageProbe

MAIN_FRAME = object()


@dataclass(eq=False)
class StandInRequest:
    url: str
    navigation: bool = False
    frame: Any = MAIN_FRAME
    failure: str | None = None

    def is_navigation_request(self) -> bool:
        return self.navigation


class StandInPage:
    main_frame = MAIN_FRAME


def probe_after(*requests: StandInRequest) -> PageProbe:
    probe = PageProbe(page=StandInPage(), base_url="http://127.0.0.1")
    for request in requests:
        probe._on_request(request)
    return probe


def test_a_request_cancelled_because_the_page_was_left_is_not_a_failure():
    first = StandInRequest("http://127.0.0.1/collectief-maatwerk", navigation=True)
    script = StandInRequest("http://127.0.0.1/_dash-component-suites/plotly/package_data/plotly.min.js")
    second = StandInRequest("http://127.0.0.1/methodologie", navigation=True)
    probe = probe_after(first, script, second)
    script.failure = "net::ERR_ABORTED"
    probe._on_failure(script)
    assert probe.failures == []


def test_a_request_that_fails_on_the_page_it_belongs_to_is_a_failure_even_when_aborted():
    first = StandInRequest("http://127.0.0.1/", navigation=True)
    script = StandInRequest("http://127.0.0.1/assets/charts.js")
    probe = probe_after(first, script)
    script.failure = "net::ERR_ABORTED"
    probe._on_failure(script)
    assert probe.failures == ["http://127.0.0.1/assets/charts.js: net::ERR_ABORTED"]


def test_any_other_failure_of_a_left_page_is_still_a_failure():
    first = StandInRequest("http://127.0.0.1/", navigation=True)
    script = StandInRequest("http://127.0.0.1/assets/charts.js")
    second = StandInRequest("http://127.0.0.1/methodologie", navigation=True)
    probe = probe_after(first, script, second)
    script.failure = "net::ERR_CONNECTION_REFUSED"
    probe._on_failure(script)
    assert probe.failures == ["http://127.0.0.1/assets/charts.js: net::ERR_CONNECTION_REFUSED"]


def test_a_frame_that_loads_a_document_does_not_leave_the_page():
    first = StandInRequest("http://127.0.0.1/", navigation=True)
    script = StandInRequest("http://127.0.0.1/assets/charts.js")
    frame = StandInRequest("http://127.0.0.1/embed", navigation=True, frame=object())
    probe = probe_after(first, script, frame)
    script.failure = "net::ERR_ABORTED"
    probe._on_failure(script)
    assert len(probe.failures) == 1
