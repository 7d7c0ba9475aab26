"""More than a thousand malformed callback requests: never a 500, never a trace, and the server goes on.

Every callback of the portal (the monitoring filters, the simulator, whatever is registered) gets requests that
name it correctly but carry generated values of every JSON type, wrong ids and wrong shapes; and the endpoint gets
bodies that are not JSON, deeply nested, or very large.
"""

from __future__ import annotations

import json
from typing import Any

import dash
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app as portal

WILDCARDS = ('["MATCH"]', '["ALL"]', '["ALLSMALLER"]')

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _callbacks() -> list[tuple[str, dict[str, Any]]]:
    client = portal.server.test_client()
    client.get("/")  # Dash moves the page callbacks into the app on the first request
    return sorted((portal.app.callback_map or dash._callback.GLOBAL_CALLBACK_MAP).items())


CALLBACKS = _callbacks()


def _concrete_id(raw: str, wildcard_value: Any) -> Any:
    """An id as the browser sends it: a pattern-matching id gets one concrete value for its wildcard."""
    if not raw.startswith("{"):
        return raw
    spec = json.loads(raw)
    return {key: wildcard_value if isinstance(value, list) else value for key, value in spec.items()}


def _outputs(key: str, wildcard_value: Any) -> Any:
    """The `outputs` part that matches a callback's output key ("id.prop" or "..a.b...c.d..")."""
    if "." not in key:
        return []  # a callback without outputs is keyed by a hash
    parts = key[2:-2].split("...") if key.startswith("..") else [key]
    specs = [
        {"id": _concrete_id(part.rsplit(".", 1)[0], wildcard_value), "property": part.rsplit(".", 1)[1]}
        for part in parts
    ]
    return specs if key.startswith("..") else specs[0]


def _entries(specs: list[dict[str, Any]], wildcard_value: Any, draw: st.DrawFn) -> list[Any]:
    entries: list[Any] = []
    for spec in specs:

        def entry(spec: dict[str, Any] = spec) -> dict[str, Any]:
            return {
                "id": _concrete_id(spec["id"], wildcard_value),
                "property": spec["property"],
                "value": draw(json_values),
            }

        if '["ALL"]' in spec["id"] or '["ALLSMALLER"]' in spec["id"]:
            entries.append([entry() for _ in range(draw(st.integers(0, 3)))])
        else:
            entries.append(entry())
    return entries


@st.composite
def callback_requests(draw: st.DrawFn) -> dict[str, Any]:
    """A request that names a real callback with the right shape, generated values, and sometimes a break."""
    key, spec = draw(st.sampled_from(CALLBACKS))
    wildcard_value = draw(
        st.text(max_size=12) | st.integers() | st.sampled_from(["imw_workers", "cmw_queue"])
    )
    inputs = _entries(spec["inputs"], wildcard_value, draw)
    changed = [
        f"{json.dumps(e['id'], sort_keys=True, separators=(',', ':')) if isinstance(e['id'], dict) else e['id']}"
        f".{e['property']}"
        for e in inputs
        if isinstance(e, dict)
    ]
    body: dict[str, Any] = {
        "output": key,
        "outputs": _outputs(key, wildcard_value),
        "inputs": inputs,
        "state": _entries(spec.get("state", []), wildcard_value, draw),
        "changedPropIds": draw(st.lists(st.sampled_from(changed), max_size=1)) if changed else [],
    }
    # Sometimes break the shape on purpose: drop, retype or shorten a part.
    mutation = draw(st.sampled_from(["none", "none", "none", "drop", "retype", "shorten"]))
    if mutation == "drop":
        body.pop(draw(st.sampled_from(sorted(body))))
    elif mutation == "retype":
        body[draw(st.sampled_from(sorted(body)))] = draw(json_values)
    elif mutation == "shorten" and inputs:
        body["inputs"] = inputs[:-1]
    return body


def _assert_no_internals(response) -> None:
    assert response.status_code != 500, response.data[:300]
    assert response.status_code in (200, 204, 400), response.status_code
    text = response.get_data(as_text=True)
    assert "Traceback" not in text
    assert 'File "' not in text
    assert "/work/" not in text and "site-packages" not in text


def test_there_are_callbacks_to_fuzz():
    assert len(CALLBACKS) >= 3


@settings(max_examples=1200, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(body=callback_requests())
def test_a_generated_callback_request_never_gets_a_500_or_a_trace(body):
    client = portal.server.test_client()
    response = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    _assert_no_internals(response)


@settings(max_examples=200, deadline=None, database=None)
@given(body=st.binary(max_size=2000) | json_values.map(lambda v: json.dumps(v).encode()))
def test_an_arbitrary_body_never_gets_a_500_or_a_trace(body):
    client = portal.server.test_client()
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    _assert_no_internals(response)


@pytest.mark.parametrize(
    "body",
    [
        b"\x00\xff\xfe",
        b'{"output": ' * 10_000,
        ('{"output": "x", "inputs": ' + "[" * 40 + "1" + "]" * 40 + "}").encode(),
        json.dumps({"output": "x", "inputs": list(range(30_000))}).encode(),
    ],
)
def test_bodies_that_are_not_json_too_deep_or_too_wide_get_a_400(body):
    response = portal.server.test_client().post(
        "/_dash-update-component", data=body, content_type="application/json"
    )
    assert response.status_code == 400
    _assert_no_internals(response)


def test_the_server_still_serves_pages_after_the_fuzzing():
    client = portal.server.test_client()
    assert client.get("/health").status_code == 200
    assert client.get("/").status_code == 200
