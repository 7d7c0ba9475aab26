"""Correct codes everywhere (204, 400, 404, 413, 503; never a 500 for a bad request) and a /health that fails
when the data release or the parameters cannot be read, saying what is degraded."""

from __future__ import annotations

import io
import json

import pytest

import app as portal
from data import parameter_store
from services import compute
from tests.server.callbacks import describe_preset_body, download_body, encoded

CALLBACK = "/_dash-update-component"


@pytest.fixture(scope="module")
def client():
    return portal.server.test_client()


def post(client, body: bytes, **headers):
    return client.post(CALLBACK, data=body, content_type="application/json", headers=headers)


def test_a_callback_answers_200_with_its_update(client):
    response = post(client, encoded(describe_preset_body()))
    assert response.status_code == 200 and "sim-preset-description" in response.get_data(as_text=True)


def test_nothing_to_update_is_a_204_not_a_400(client):
    response = post(client, encoded(download_body()))
    assert response.status_code == 204 and response.data == b""


def test_a_body_in_a_broken_chunked_encoding_is_a_400(client):
    response = client.post(
        CALLBACK,
        input_stream=io.BytesIO(b"zz\r\n{}\r\n0\r\n\r\n"),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": False},
    )
    assert response.status_code == 400


def test_a_chunked_body_over_the_limit_is_a_413(client):
    big = json.dumps({"output": "x", "inputs": ["a" * (3 * 1024 * 1024)]}).encode()
    response = client.post(
        CALLBACK,
        input_stream=io.BytesIO(big),
        content_type="application/json",
        headers={"Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413


@pytest.mark.parametrize(
    "path",
    [
        "/_dash-component-suites/dash/../../etc/passwd",
        "/_dash-component-suites/nope/x.js",
        "/_dash-component-suites/dash/dcc/nope.v1m1.js",
        "/_dash-component-suites/dash/deps/react@18.v9_9_9m1.min.js",
        "/_dash-component-suites/dash_bootstrap_components/_components/x.js",
        "/_dash-component-suites/" + "a/" * 200 + "x.js",
    ],
)
def test_an_unknown_asset_path_is_a_404_not_a_500(client, path):
    assert client.get(path).status_code == 404


def test_a_busy_compute_budget_is_a_503_with_retry_after_for_the_api(client, monkeypatch):
    def busy(*args, **kwargs):
        raise compute.Busy(retry_after=7)

    monkeypatch.setattr(compute.pool(), "run", busy)
    from data.scenario.schema import Scenario
    from services.scenario_url import encode_scenario

    response = client.get("/api/scenario?s=" + encode_scenario(Scenario(seed=123_456, draws=1000)))
    assert response.status_code == 503 and response.headers["Retry-After"] == "7"
    assert "busy" in response.get_json()["error"]


def test_health_is_200_with_what_it_computes_with(client):
    response = client.get("/health")
    document = response.get_json()
    assert response.status_code == 200 and document["status"] == "ok" and document["degraded"] == []
    assert document["cache"] == {"backend": "memory", "state": "ok"}
    assert document["compute"]["slots"] >= 1


@pytest.fixture(autouse=True)
def _forget_health_checks():
    """/health checks its files at most once a second: each test here starts and ends with a fresh check."""
    portal.recheck()
    yield
    portal.recheck()


def recheck_around() -> None:
    portal.recheck()


def test_health_is_503_naming_the_data_release_when_it_cannot_be_read(client, tmp_path, monkeypatch):
    recheck_around()
    (tmp_path / "CURRENT").write_text("20260101T000000Z-0000000000ab\n", encoding="utf-8")
    monkeypatch.setenv("IMW_DATA_DIR", str(tmp_path))
    response = client.get("/health")
    document = response.get_json()
    assert response.status_code == 503, document
    assert document["status"] == "failing" and "data_release" in document["degraded"]


def test_health_is_503_naming_the_parameters_when_they_cannot_be_read(client, tmp_path, monkeypatch):
    recheck_around()
    (tmp_path / "broken.yaml").mkdir()  # a 'file' that cannot be read
    monkeypatch.setattr(parameter_store, "PARAMETER_ROOT", tmp_path)
    response = client.get("/health")
    document = response.get_json()
    assert response.status_code == 503 and document["degraded"] == ["parameters_version"]


@pytest.mark.parametrize("draws", [10_000, 5000, 2500, 1e308, -1])
def test_the_api_refuses_draws_the_page_does_not_offer_naming_the_field(client, draws):
    import base64
    import zlib

    from services.scenario_url import URL_FORMAT_VERSION

    document = json.dumps({"v": URL_FORMAT_VERSION, "draws": draws, "horizon_years": 20, "seed": 4242})
    state = base64.urlsafe_b64encode(zlib.compress(document.encode())).decode().rstrip("=")
    response = client.get(f"/api/scenario?s={state}")
    assert response.status_code == 400
    assert response.get_json()["field"] == "draws"
