"""`make serve` in front: nginx buffers requests and bounds read times, so slow clients cannot starve others;
its own answers (414 included) carry the security headers and no response names the software."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.server.probes import SlowClients, get, portal_env, raw_request, served, timed_requests

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def front(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    run_dir = tmp_path_factory.mktemp("serve") / "run"
    with served(portal_env(), run_dir) as port:
        yield port


def headers_of(answer: bytes) -> dict[str, str]:
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    return {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:])}


def test_normal_requests_are_answered_within_a_second_while_50_slow_clients_hold_connections(front):
    # The simulator's first results are computed on its first visit (or by the warm-up): once, before the slow
    # clients, so that what is measured is what they do to the others.
    assert get(f"http://127.0.0.1:{front}/simulator", 30)[0] == 200
    with SlowClients(front, count=50, seconds=20) as slow:
        times = timed_requests(f"http://127.0.0.1:{front}/health", count=20, pause=0.3, timeout=5)
        pages = [get(f"http://127.0.0.1:{front}{path}", 5) for path in ("/", "/simulator")]
    assert slow.opened == 50
    assert max(times) < 1.0, times
    assert all(status == 200 and seconds < 1.0 for status, _, _, seconds in pages), [p[3] for p in pages]


def test_a_client_that_sends_its_headers_too_slowly_is_cut_off(front):
    started = time.monotonic()
    with SlowClients(front, count=1, seconds=30, interval=1.0) as slow:
        slow._threads[0].join(timeout=25)
        assert not slow._threads[0].is_alive(), "nginx should close the connection after its header timeout"
    assert time.monotonic() - started < 20


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 414),
        (b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\nConnection: close\r\n\r\n", 400),
        (b"GET /no-such-page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404),
        (b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 200),
        (
            b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            400,
        ),
        (
            b"POST /_dash-update-component HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000\r\n"
            b"Connection: close\r\n\r\n",
            413,
        ),
    ],
)
def test_every_answer_of_the_front_carries_the_headers_and_names_no_software(front, request_bytes, status):
    answer = raw_request(front, request_bytes)
    assert answer.startswith(f"HTTP/1.1 {status} ".encode()), answer[:80]
    headers = headers_of(answer)
    assert "server" not in headers
    assert headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors" in headers["content-security-policy"]
    assert "http" not in headers["content-security-policy"]
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    body = answer.split(b"\r\n\r\n", 1)[-1].lower()
    assert b"nginx" not in body and b"gunicorn" not in body
