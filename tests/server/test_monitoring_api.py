"""The monitoring API: per indicator and for the whole release, CSV and JSON, with flags, status and source, small
cells withheld exactly as on the pages; and an OpenAPI description of every route, checked by schemathesis."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

import app as portal
from data.monitoring import store
from data.monitoring.schema import COUNT_UNITS
from services.monitoring_api import API_COLUMNS


@pytest.fixture(scope="module")
def client():
    return portal.server.test_client()


@pytest.fixture(scope="module")
def pages_frame() -> pd.DataFrame:
    """What the pages show: the same store call, with the portal's settings."""
    return store.load_indicators(portal.server.config["IMW_SETTINGS"])


def test_the_index_lists_every_indicator_with_its_addresses(client, pages_frame):
    body = client.get("/api/monitoring?lang=en").get_json()
    listed = {item["id"] for item in body["indicators"]}
    assert listed == set(pages_frame["indicator"])
    workers = next(item for item in body["indicators"] if item["id"] == "imw_workers")
    assert workers["links"] == {
        "csv": "/api/monitoring/imw_workers.csv",
        "json": "/api/monitoring/imw_workers.json",
        "metadata": "/api/monitoring/imw_workers.metadata.json",
    }
    assert body["flags"]["c"] == "confidential (small counts)"


def test_every_indicator_serves_exactly_the_rows_and_flags_of_the_pages(client, pages_frame):
    for indicator, expected in pages_frame.groupby("indicator"):
        rows = pd.DataFrame(client.get(f"/api/monitoring/{indicator}.json").get_json()["rows"])
        assert len(rows) == len(expected), indicator
        key = ["year", "dimension", "category"]
        merged = expected.assign(quarter=expected["quarter"].astype("float")).merge(
            rows.assign(quarter=rows["quarter"].astype("float")),
            on=[*key, "quarter"],
            suffixes=("_page", "_api"),
        )
        assert len(merged) == len(expected), indicator
        assert (merged["flag_page"] == merged["flag_api"]).all(), indicator
        for page, api in zip(merged["value_page"], merged["value_api"], strict=True):
            assert ((math.isnan(page) and api is None) or pd.isna(api)) if pd.isna(page) else page == api, (
                indicator
            )


def test_no_withheld_count_can_be_read_from_the_release_download(client):
    content = client.get("/api/monitoring/release.csv").data
    table = pd.read_csv(io.BytesIO(content), keep_default_na=False, na_values={"value": [""]})
    counts = table[table["unit"].isin(COUNT_UNITS)]
    visible = counts[counts["flag"] != "c"]
    assert ((visible["value"] == 0) | (visible["value"] >= 10)).all()
    assert counts.loc[counts["flag"] == "c", "value"].isna().all()
    assert (table["flag"] == "c").sum() > 20  # the release has withheld cells, and they stay withheld


def test_the_csv_is_tidy_with_whole_numbers_and_the_provenance_of_every_row(client):
    response = client.get("/api/monitoring/cmw_doorstroom_regular.csv?lang=en")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    text = response.data.decode("utf-8")
    assert text.splitlines()[0] == ",".join(API_COLUMNS)
    assert "#" not in text and "197.0" not in text
    table = pd.read_csv(io.StringIO(text), keep_default_na=False)
    half = table[table["year"] == 2025].iloc[0]
    assert (half["value"], half["flag"], half["period"]) == (197, "p", "first half of 2025")
    assert half["status"] == "secondary" and half["source_address"].startswith("https://")
    assert "Flemish Parliament" in half["source_title"]


def test_a_selection_narrows_the_rows_and_bad_input_names_the_parameter(client):
    body = client.get(
        "/api/monitoring/cmw_queue.json?dimension=province&year_from=2023&year_to=2024"
    ).get_json()
    assert {row["dimension"] for row in body["rows"]} == {"province"}
    assert {row["year"] for row in body["rows"]} == {2023, 2024}
    for query, parameter in (
        ("dimension=sector", "dimension"),
        ("year_from=soon", "year_from"),
        ("lang=fr", "lang"),
    ):
        response = client.get(f"/api/monitoring/cmw_queue.json?{query}")
        assert response.status_code == 400 and response.get_json()["parameter"] == parameter
    missing = client.get("/api/monitoring/no_such_thing.csv")
    assert missing.status_code == 404 and missing.get_json()["parameter"] == "indicator"


def test_the_metadata_names_sources_by_title_and_address_never_by_file(client):
    body = client.get("/api/monitoring/imw_workers.metadata.json?lang=en").get_json()
    assert body["title"] == "Workers with individueel maatwerk"
    (source,) = body["sources"]
    assert source["status"] == "illustrative" and source["address"] == "/methodologie#illustratief"
    assert ".py" not in str(body) and "data/" not in str(body)
    assert body["partial_periods"] == {}


# --- the OpenAPI description, and every route checked against it ----------------------------------------------

IDENTITY = {"Accept-Encoding": "identity"}
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", portal.server)


def test_the_description_covers_every_api_route_of_the_server():
    described = set(schema.raw_schema["paths"])
    routes = {
        rule.rule.replace("<string:name>", "{indicator}.json").replace("<string:extension>", "json")
        for rule in portal.server.url_map.iter_rules()
        if rule.rule.startswith("/api/") or rule.rule == "/health"
    }
    for route in routes:
        assert route in described or route.replace(".json", ".csv") in described, route


@schema.exclude(path="/api/scenario").parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_monitoring_route_answers_as_its_description_says(case):
    # The WSGI client does not decompress (a browser does): ask for the body as it is.
    case.call_and_validate(headers=IDENTITY)


@schema.include(path="/api/scenario").parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_scenario_route_answers_as_its_description_says(case):
    # A link holds a compressed scenario that no schema can describe: a generated string that fits the description
    # is still nearly never a scenario, so its 400 is right. Every other check holds (status codes, bodies, headers).
    case.call_and_validate(headers=IDENTITY, excluded_checks=[schemathesis.checks.positive_data_acceptance])
