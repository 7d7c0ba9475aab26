"""The page probe's own rule for failed requests, with stand-ins for Playwright's page and requests: a request is
a failure unless the browser cancelled it because the page it belonged to was left."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

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


def failures_after(requests: list[StandInRequest], failed: StandInRequest, failure: str) -> list[str]:
    """What the probe records when `failed` fails with `failure` after `requests` (in order) were made."""
    probe = PageProbe(page=StandInPage(), base_url="http://127.0.0.1")
    for request in requests:
        probe._on_request(request)
    failed.failure = failure
    probe._on_failure(failed)
    return probe.failures


FIRST = StandInRequest("http://127.0.0.1/collectief-maatwerk", navigation=True)
SECOND = StandInRequest("http://127.0.0.1/methodologie", navigation=True)
IN_A_FRAME = StandInRequest("http://127.0.0.1/embed", navigation=True, frame=object())


@pytest.mark.parametrize(
    ("after", "failure", "counted"),
    [
        # The link was followed while the chart's script was loading: the browser cancelled it.
        ([SECOND], "net::ERR_ABORTED", False),
        # The same abort on the page it belongs to is the portal's failure.
        ([], "net::ERR_ABORTED", True),
        # Any other failure counts, page left or not.
        ([SECOND], "net::ERR_CONNECTION_REFUSED", True),
        # A frame that loads a document does not leave the page.
        ([IN_A_FRAME], "net::ERR_ABORTED", True),
    ],
)
def test_a_failed_request_counts_unless_the_browser_cancelled_it_because_the_page_was_left(
    after, failure, counted
):
    script = StandInRequest("http://127.0.0.1/_dash-component-suites/plotly/package_data/plotly.min.js")
    failures = failures_after([FIRST, script, *after], script, failure)
    assert failures == ([f"{script.url}: {failure}"] if counted else [])
