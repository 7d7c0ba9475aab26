"""The public server's guards: headers, limits, error pages, the health check, malformed callback requests."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re

import brotli
import pytest

import app as portal
from services.config import ConfigError, settings_from_environment
from services.hardening import content_security_policy, script_hash

_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(rb'type\s*=\s*"application/json"', re.IGNORECASE)


def inline_script_hashes(html: bytes) -> list[str]:
    """The CSP source of each inline script a browser runs, read from the page itself (the check that the
    policy built at start-up misses none): data blocks are not run, nor is an empty script (HTML's "prepare the
    script element" stops at one, before the policy is asked)."""
    hashes = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        if _DATA_TYPE.search(attributes) or not body:
            continue
        hashes.append(f"'sha256-{base64.b64encode(hashlib.sha256(body).digest()).decode()}'")
    return sorted(set(hashes))


def script_sources(policy: str) -> list[str]:
    """The sources of a policy's script-src."""
    return next(part for part in policy.split("; ") if part.startswith("script-src ")).split()[1:]


@pytest.fixture(scope="module")
def client():
    return portal.server.test_client()


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/health", "/assets/bootstrap.min.css", "/no-such-page"):
        response = client.get(path)
        headers = response.headers
        response.close()
        policy = headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "frame-ancestors 'self'" in policy
        assert "http" not in policy, "no third-party host may be allowed"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in headers["Permissions-Policy"]


def test_the_policy_is_built_once_from_dashs_own_hashes_and_the_portals_scripts(client):
    policies = {
        client.get(path).headers["Content-Security-Policy"] for path in ("/", "/health", "/tewerkstelling")
    }
    assert len(policies) == 1, "one policy, the same on every response"
    allowed = script_sources(policies.pop())
    assert allowed[0] == "'self'"
    assert not any("unsafe" in source for source in allowed)
    expected = [*portal.app.csp_hashes(), *(script_hash(script) for script in portal.PORTAL_INLINE_SCRIPTS)]
    assert set(allowed[1:]) == set(expected)


DECODE = {"identity": bytes, "br": brotli.decompress, "gzip": gzip.decompress}


@pytest.mark.parametrize("path", [*portal.default_view_paths(), "/no-such-page"])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_inline_script_of_every_page_is_allowed_by_the_policy_built_at_start_up(client, path, language):
    for asked in DECODE:
        response = client.get(f"{path}?lang={language}", headers={"Accept-Encoding": asked})
        encoding = response.headers.get("Content-Encoding", "identity")
        assert encoding == asked or response.status_code == 404, "a page travels compressed as asked"
        hashes = inline_script_hashes(DECODE[encoding](response.data))
        assert hashes, "every page runs at least one inline script (the loader or the static pages' script)"
        missing = set(hashes) - set(script_sources(response.headers["Content-Security-Policy"]))
        assert not missing, f"{path}?lang={language} ({encoding}): inline scripts the policy does not allow"


def test_frame_ancestors_come_from_configuration():
    settings = settings_from_environment({"IMW_FRAME_ANCESTORS": "'self' https://www.vlaanderen.be"})
    assert "frame-ancestors 'self' https://www.vlaanderen.be" in content_security_policy(settings, [])


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"IMW_SUPPRESSION_THRESHOLD": "ten"}, "IMW_SUPPRESSION_THRESHOLD"),
        ({"IMW_SUPPRESSION_THRESHOLD": "0"}, "out of range"),
        ({"IMW_LOG_LEVEL": "LOUD"}, "IMW_LOG_LEVEL"),
    ],
)
def test_a_bad_setting_is_refused_with_the_variable_named(env, named):
    with pytest.raises(ConfigError, match=named):
        settings_from_environment(env)


def test_health_names_the_model_version_and_the_data_release(client):
    response = client.get("/health")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["model_version"]
    assert body["data_release"] and body["data_release"] != "unknown"


def test_a_path_that_is_no_page_answers_404_in_the_portals_style(client):
    response = client.get("/does/not/exist")
    assert response.status_code == 404
    assert b"bootstrap.min.css" in response.data


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[" * 5000 + b"]" * 5000,
        json.dumps({"output": "no-such..callback"}).encode(),
        json.dumps([1, 2, 3]).encode(),
        json.dumps({"output": 5, "inputs": []}).encode(),
        b"{}",
        b"",
    ],
)
def test_a_malformed_callback_request_gets_a_400_without_internals(client, body):
    response = client.post("/_dash-update-component", data=body, content_type="application/json")
    assert response.status_code == 400
    text = response.data.decode()
    assert "Traceback" not in text and 'File "' not in text and "/work/" not in text


def test_a_callback_request_of_the_wrong_shape_for_its_callback_gets_a_400(client):
    output = next(iter(portal.app.callback_map))
    body = {"output": output, "outputs": {"id": "x"}, "inputs": [{"id": 1}], "changedPropIds": []}
    response = client.post("/_dash-update-component", data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400


def test_a_request_over_the_size_limit_gets_a_413(client):
    response = client.post("/_dash-update-component", data=b"x" * 3_000_000, content_type="application/json")
    assert response.status_code == 413


def test_the_server_keeps_serving_after_bad_requests(client):
    for _ in range(20):
        client.post("/_dash-update-component", data=b"{bad", content_type="application/json")
    assert client.get("/health").status_code == 200
    assert client.get("/").status_code == 200


def test_a_server_error_gets_the_portals_500_page_without_internals(client, monkeypatch):
    import services.api

    def broken(_scenario):
        raise RuntimeError("secret internals at /work/main/services/simulation.py")

    monkeypatch.setattr(services.api, "simulate", broken)
    response = client.get("/api/scenario", headers={"Accept": "text/html"})
    assert response.status_code == 500
    text = response.get_data(as_text=True)
    assert "Er ging iets mis" in text and "bootstrap.min.css" in text
    assert "secret" not in text and "Traceback" not in text and "/work/" not in text
    as_json = client.get("/api/scenario", headers={"Accept": "application/json"})
    assert as_json.status_code == 500 and as_json.get_json() == {"error": "server error"}
