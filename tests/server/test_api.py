"""The read-only scenario API."""

from __future__ import annotations

import pytest

import app as portal
from data.scenario.schema import parse_scenario
from services.scenario_url import encode_scenario


@pytest.fixture(scope="module")
def client():
    return portal.server.test_client()


def test_the_api_answers_a_scenario_with_its_versions_and_figures(client):
    state = encode_scenario(parse_scenario({"horizon_years": 3, "parameters": {"fallback.mode": "on_top"}}))
    response = client.get(f"/api/scenario?s={state}")
    assert response.status_code == 200
    body = response.get_json()
    assert body["scenario"]["parameters"] == {"fallback.mode": "on_top"}
    assert body["model_version"] and body["parameters_version"] and body["computed_at"]
    assert {row["year"] for row in body["annual"]} == {2026, 2027, 2028}
    assert body["key_figures"]["cumulative_cost_5y"]["p50"] > 0
    assert "geen officiële raming" in body["status"]


def test_the_api_gives_the_variance_shares_and_the_warnings(client):
    state = encode_scenario(
        parse_scenario({"draws": 1000, "parameters": {"inflow.trend": 0.3}, "horizon_years": 20})
    )
    body = client.get(f"/api/scenario?s={state}").get_json()
    shares = body["variance_shares"]["cumulative_cost_10y"]
    assert 0.3 < sum(shares.values()) < 1.3
    assert all(name in body["scenario"].get("parameters", {}) or "." in name for name in shares)
    codes = {warning["code"] for warning in body["warnings"]}
    assert "workers_above_target_population" in codes
    warning = next(w for w in body["warnings"] if w["code"] == "workers_above_target_population")
    assert warning["bound"] == 602000 and warning["first_quarter"].startswith("20")


def test_without_a_link_the_api_answers_the_baseline(client):
    body = client.get("/api/scenario").get_json()
    assert "parameters" not in body["scenario"]


@pytest.mark.parametrize(
    ("query", "problem"), [("s=!!!", "corrupt"), ("s=a&s=b", "multiple"), ("s=" + "A" * 5000, "too_long")]
)
def test_a_bad_link_is_a_400_that_names_the_problem(client, query, problem):
    response = client.get(f"/api/scenario?{query}")
    assert response.status_code == 400
    assert response.get_json()["problem"] == problem


def test_a_scenario_answer_is_public_and_revalidated_by_its_etag():
    client = portal.server.test_client()
    first = client.get("/api/scenario")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=300"
    again = client.get("/api/scenario", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
