"""Logs cannot be forged or flooded: one line per event, control characters escaped, long values cut, repeated
errors rate-limited, and no traceback for a request the portal refused on purpose."""

from __future__ import annotations

import io
import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings

import app as portal
from services.logs import MAX_LINE_CHARS, OneLineFormatter, RateLimit
from tests.server.callbacks import describe_preset_body
from tests.server.test_fuzz_callbacks import callback_requests


@pytest.fixture
def log_lines():
    """What the portal's log handler writes (the formatter and the rate limit of services/logs.py)."""
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(OneLineFormatter())
    handler.addFilter(RateLimit(burst=20, window_seconds=60))
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    try:
        yield lambda: buffer.getvalue().splitlines()
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


def test_a_newline_in_a_value_cannot_forge_a_log_line(log_lines):
    client = portal.server.test_client()
    body = describe_preset_body(preset={"x": 1})
    body["output"] = "nope\nERROR:imw.server:forged line"
    client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    logging.getLogger("imw.server").warning("value: %s", "a\nERROR:imw.server:forged\r\x1b[2J")
    lines = log_lines()
    assert lines and not any(line.startswith("ERROR:imw.server:forged") for line in lines)
    assert any("a\\nERROR:imw.server:forged\\r\\x1b[2J" in line for line in lines)


def test_a_long_value_is_cut(log_lines):
    logging.getLogger("imw.server").warning("value: %s", "x" * 1_900_000)
    (line,) = log_lines()
    assert len(line) < MAX_LINE_CHARS + 200 and "characters cut" in line


def test_repeated_errors_are_rate_limited(log_lines):
    for number in range(500):
        logging.getLogger("imw.server").warning("the same trouble again: %d", number)
    assert len(log_lines()) == 20


def test_a_real_error_keeps_its_traceback_on_one_line(log_lines):
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("imw.server").exception("server error")
    (line,) = log_lines()
    assert "Traceback" in line and "ValueError: boom" in line


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=callback_requests())
def test_requests_refused_on_purpose_write_no_traceback(log_lines, body):
    portal.server.test_client().post(
        "/_dash-update-component", data=json.dumps(body), content_type="application/json"
    )
    assert not [line for line in log_lines() if "Traceback" in line]
