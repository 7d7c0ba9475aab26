"""A small read-only JSON API: the results of a scenario, for reuse and for checking the shared cache.

``GET /api/scenario?s=<link state>`` answers the scenario (as the simulator's link holds it), the versions it was
computed with, when it was computed, the key figures, each assumption's share of the variance of the 10-year cost
and of the peak queue, the plausibility warnings, and the annual P5/P50/P95 of the main outputs. A bad link is
a 400 with the problem named. Results come from the same cache as the pages: a scenario computed through one
process (or machine, with Redis) is served to the others from the cache, with the same ``computed_at``.
"""

from __future__ import annotations

from typing import Any, Final

from flask import Flask, Response, jsonify, request

from data.results import OUTPUT_UNITS
from i18n import t
from services.scenario_url import decode_scenario
from services.simulation import simulate
from simulation.summary import STATISTIC

#: The outputs the API returns by year.
API_OUTPUTS: Final = tuple(OUTPUT_UNITS)


def scenario_results(state: str | list[str] | None) -> tuple[dict[str, Any], int]:
    """The API document for a link state, and its HTTP status."""
    decoded = decode_scenario(state)
    if decoded.problem is not None:
        problem = decoded.problem
        return {
            "error": "the scenario link cannot be used",
            "problem": problem.kind,
            "field": problem.field,
            "message": problem.message,
        }, 400
    result = simulate(decoded.scenario)
    annual = result.annual[result.annual["output"].isin(API_OUTPUTS)]
    return {
        "scenario": decoded.scenario.canonical(),
        "model_version": result.model_version,
        "parameters_version": result.parameters_version,
        "computed_at": result.computed_at,
        "draws": result.n_draws,
        "status": t("file.json.status", "nl"),
        "key_figures": result.key_figures,
        "variance_shares": result.variance_shares,
        "warnings": list(result.warnings),
        # The statistic the portal reports (the central projection), and the draws' P5, P50 and P95 beside it.
        "statistic": STATISTIC,
        "annual": annual[["year", "output", STATISTIC, "p5", "p50", "p95"]].to_dict(orient="records"),
    }, 200


def register(server: Flask) -> None:
    """Add the API routes to the server."""

    @server.route("/api/scenario")
    def _scenario() -> Response:
        states = request.args.getlist("s")
        document, status = scenario_results(states if len(states) > 1 else (states[0] if states else None))
        response = jsonify(document)
        response.status_code = status
        if status != 200:
            response.headers["Cache-Control"] = "no-store"
            return response
        # Public and versioned (the answer names its model and parameter versions): a shared cache may keep it
        # for five minutes, and revalidates it by its ETag after that.
        response.headers["Cache-Control"] = "public, max-age=300"
        response.add_etag()
        return response.make_conditional(request)
