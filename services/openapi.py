"""The OpenAPI 3.1 description of every API route of the portal, served at ``GET /api/openapi.json``.

One document, written out here beside the routes it describes (services/api.py, services/monitoring_api.py,
services/hardening.py for /health); tests/server/test_openapi.py checks every route against it with schemathesis.
"""

from __future__ import annotations

from typing import Any, Final

from flask import Flask, Response, jsonify

from services.monitoring_api import API_COLUMNS

_TEXT: Final = {"type": "string"}
_ERROR: Final = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": _TEXT, "parameter": _TEXT, "problem": _TEXT, "field": _TEXT, "message": _TEXT},
}
_ROW: Final = {
    "type": "object",
    "required": list(API_COLUMNS),
    "properties": {
        **{column: _TEXT for column in API_COLUMNS},
        "year": {"type": "integer"},
        "quarter": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
        "value": {"type": ["number", "null"], "description": "null when withheld (flag c) or missing"},
        "flag": {"type": "string", "enum": ["", "p", "e", "b", "c", "i"]},
        "status": {"type": "string", "description": "verified, secondary, assumption or illustrative"},
    },
}
_METADATA: Final = {
    "type": "object",
    "required": [
        "id",
        "title",
        "description",
        "methodology",
        "unit",
        "kind",
        "dimensions",
        "sources",
        "links",
    ],
    "properties": {
        "id": _TEXT,
        "title": _TEXT,
        "description": _TEXT,
        "methodology": _TEXT,
        "unit": _TEXT,
        "kind": {"type": "string", "enum": ["stock", "flow", "level"]},
        "theme": _TEXT,
        "dimensions": {"type": "array", "items": {"type": "object"}},
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "address", "status"],
                "properties": {
                    "title": _TEXT,
                    "publisher": _TEXT,
                    "address": _TEXT,
                    "licence": _TEXT,
                    "status": _TEXT,
                },
            },
        },
        "partial_periods": {"type": "object"},
        "links": {"type": "object"},
    },
}
_LANG: Final = {
    "name": "lang",
    "in": "query",
    "required": False,
    "description": "language of the label columns: nl (default) or en",
    "schema": {"type": "string", "enum": ["nl", "en"]},
}
_INDICATOR: Final = {
    "name": "indicator",
    "in": "path",
    "required": True,
    "description": "an indicator id, as GET /api/monitoring lists them (e.g. imw_workers, cmw_queue)",
    "schema": {"type": "string", "pattern": "^[a-z0-9_]+$"},
}
_FILTERS: Final = [
    _LANG,
    {
        "name": "dimension",
        "in": "query",
        "required": False,
        "schema": {"type": "string"},
        "description": "one breakdown of the indicator (total, package, sector_statute, …)",
    },
    {"name": "year_from", "in": "query", "required": False, "schema": {"type": "integer"}},
    {"name": "year_to", "in": "query", "required": False, "schema": {"type": "integer"}},
]


def _json_response(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _csv_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"text/csv": {"schema": {"type": "string"}}}}


_PROBLEM: Final = _json_response(_ERROR, "the request names an unknown parameter value; the body says which")


def openapi_document() -> dict[str, Any]:
    """The OpenAPI description of every route under /api and of /health."""
    table = {
        "type": "object",
        "required": ["release", "columns", "rows"],
        "properties": {
            "release": _TEXT,
            "indicator": _METADATA,
            "columns": {"type": "array", "items": _TEXT},
            "rows": {"type": "array", "items": _ROW},
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Individueel maatwerk in cijfers: API",
            "version": "1.0.0",
            "description": "Read-only. The monitoring data with every row's flag, status and source, small cells "
            "withheld exactly as on the pages; the results of a simulator scenario; the health of the service.",
            "license": {
                "name": "EUPL-1.2 (code); each source keeps its own licence",
                "identifier": "EUPL-1.2",
            },
        },
        "paths": {
            "/health": {
                "get": {
                    "summary": "What the portal computes with: model, parameters and data release",
                    "operationId": "health",
                    "responses": {
                        "200": _json_response(
                            {
                                "type": "object",
                                "required": ["status", "model_version", "parameters_version", "data_release"],
                                "properties": {
                                    "status": {"type": "string", "enum": ["ok"]},
                                    "model_version": _TEXT,
                                    "parameters_version": _TEXT,
                                    "data_release": _TEXT,
                                },
                            },
                            "the service answers",
                        )
                    },
                }
            },
            "/api/scenario": {
                "get": {
                    "summary": "The results of a scenario of the simulator, as its link holds it",
                    "operationId": "scenario",
                    "parameters": [
                        {
                            "name": "s",
                            "in": "query",
                            "required": False,
                            "description": "the scenario as the simulator's link holds it (?s=…, compressed JSON "
                            "in URL-safe base64); none: the baseline",
                            "schema": {"type": "string", "maxLength": 4096},
                        }
                    ],
                    "responses": {
                        "200": _json_response(
                            {
                                "type": "object",
                                "required": ["scenario", "model_version", "parameters_version", "annual"],
                                "properties": {
                                    "scenario": {"type": "object"},
                                    "model_version": _TEXT,
                                    "parameters_version": _TEXT,
                                    "computed_at": _TEXT,
                                    "draws": {"type": "integer"},
                                    "status": _TEXT,
                                    "key_figures": {},
                                    "statistic": {"type": "string", "enum": ["central"]},
                                    "annual": {"type": "array", "items": {"type": "object"}},
                                },
                            },
                            "key figures and annual values: the central projection (`statistic`), P5, P50, P95",
                        ),
                        "400": _json_response(_ERROR, "the link cannot be used; the body names the field"),
                    },
                }
            },
            "/api/monitoring": {
                "get": {
                    "summary": "The release and every indicator, with their addresses",
                    "operationId": "monitoringIndex",
                    "parameters": [_LANG],
                    "responses": {
                        "200": _json_response(
                            {
                                "type": "object",
                                "required": ["release", "indicators", "links"],
                                "properties": {
                                    "release": {"type": "object"},
                                    "suppression": _TEXT,
                                    "flags": {"type": "object"},
                                    "links": {"type": "object"},
                                    "indicators": {"type": "array", "items": {"type": "object"}},
                                },
                            },
                            "what there is",
                        ),
                        "400": _PROBLEM,
                    },
                }
            },
            "/api/monitoring/release.csv": {
                "get": {
                    "summary": "Every row of the release, as tidy CSV",
                    "operationId": "releaseCsv",
                    "parameters": [_LANG],
                    "responses": {
                        "200": _csv_response("comma-separated, decimal points, a header row"),
                        "400": _PROBLEM,
                    },
                }
            },
            "/api/monitoring/release.json": {
                "get": {
                    "summary": "Every row of the release, as JSON",
                    "operationId": "releaseJson",
                    "parameters": [_LANG],
                    "responses": {"200": _json_response(table, "the rows"), "400": _PROBLEM},
                }
            },
            "/api/monitoring/{indicator}.csv": {
                "get": {
                    "summary": "One indicator, as tidy CSV",
                    "operationId": "indicatorCsv",
                    "parameters": [_INDICATOR, *_FILTERS],
                    "responses": {
                        "200": _csv_response("comma-separated, decimal points, a header row"),
                        "400": _PROBLEM,
                        "404": _json_response(_ERROR, "no such indicator"),
                    },
                }
            },
            "/api/monitoring/{indicator}.json": {
                "get": {
                    "summary": "One indicator, as JSON with its metadata",
                    "operationId": "indicatorJson",
                    "parameters": [_INDICATOR, *_FILTERS],
                    "responses": {
                        "200": _json_response(table, "the indicator's metadata and rows"),
                        "400": _PROBLEM,
                        "404": _json_response(_ERROR, "no such indicator"),
                    },
                }
            },
            "/api/monitoring/{indicator}.metadata.json": {
                "get": {
                    "summary": "What one indicator is: texts, unit, breakdowns and sources",
                    "operationId": "indicatorMetadata",
                    "parameters": [_INDICATOR, _LANG],
                    "responses": {
                        "200": _json_response(_METADATA, "the indicator's metadata"),
                        "400": _PROBLEM,
                        "404": _json_response(_ERROR, "no such indicator"),
                    },
                }
            },
            "/api/openapi.json": {
                "get": {
                    "summary": "This description",
                    "operationId": "openapi",
                    "responses": {"200": _json_response({"type": "object"}, "the OpenAPI document")},
                }
            },
        },
    }


def register(server: Flask) -> None:
    """Serve the description."""

    @server.route("/api/openapi.json")
    def _openapi() -> Response:
        response = jsonify(openapi_document())
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response
