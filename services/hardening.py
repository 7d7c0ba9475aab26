"""What a public server needs around the Dash app: headers, limits, error pages, a health check.

- Security headers on every response: a Content-Security-Policy that allows no third-party host (the inline
  scripts of the pages are allowed by their hash: Dash's own and the portal's, computed once when the app is
  built, so every response carries the same policy), a frame-ancestors rule from configuration,
  X-Content-Type-Options, Referrer-Policy, Permissions-Policy.
- A request size limit (Flask's MAX_CONTENT_LENGTH), and a check of every callback request before Dash reads it:
  a body that is not a JSON object of the expected shape, too deep or naming no known callback gets a 400 with a
  short message. What Dash cannot handle in a request that passed the check is a 400 as well; an exception in a
  callback itself is logged and leaves the page as it was (Dash's on_error), so no stack trace ever reaches a user.
- An HTTP 404 for paths that are no page, and 404/413/500 pages in the portal's style.
- /health: 200 with the model version, the parameter version, the data release, the cache and the compute pool;
  503 when the data release or the parameters cannot be read, saying what is degraded. A cache that bypasses
  Redis is reported as degraded but keeps the 200: the portal still serves from process memory.
- A request the compute budget cannot take now (services/compute.py) gets a 503 with Retry-After; a computation
  stopped at its time or memory limit a 503 too. Codes follow what happened: 204 when a callback has nothing to
  update, 400/413 for bad bodies (chunked ones too), 404 for unknown asset paths; never a 500 for a bad request.
- Nothing refused on purpose writes a traceback to the log.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import traceback
from collections.abc import Callable, Sequence
from html import escape
from pathlib import Path
from typing import Any

import dash
from dash.exceptions import PreventUpdate
from flask import Flask, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from i18n import t
from services.cache import result_cache
from services.compute import Busy, ComputeFailed, pool
from services.config import Settings

log = logging.getLogger("imw.server")

CALLBACK_PATH = "/_dash-update-component"
#: Paths Dash and the portal serve besides the pages.
TECHNICAL_PREFIXES = ("/_dash-", "/assets/", "/_favicon", "/_reload-hash", "/health", "/api/")
MAX_JSON_DEPTH = 32
MAX_JSON_ITEMS = 20_000
#: The statuses with an error page of their own (texts in i18n/catalogue/server.yaml); any other reads as 500.
ERROR_STATUSES = (400, 404, 405, 413, 500)
#: Where the app's Content-Security-Policy is kept (server.config), built once (`allow_inline_scripts`).
POLICY = "IMW_CONTENT_SECURITY_POLICY"

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=()"
)


def content_security_policy(settings: Settings, script_sources: Sequence[str]) -> str:
    """The CSP: only this host; inline scripts by hash (`script_sources`, such as ``'sha256-…'``); styles inline
    too (Plotly sets them at run time)."""
    scripts = " ".join(["'self'", *dict.fromkeys(script_sources)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {' '.join(settings.frame_ancestors)}",
        ]
    )


# Hand-written: Dash's csp_hashes() hashes only the scripts Dash writes itself, not the portal's own.
def script_hash(script: str) -> str:
    """The CSP source that allows one inline script, as Dash's `csp_hashes` writes it (``'sha256-…'``)."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def allow_inline_scripts(app: dash.Dash, settings: Settings, own_scripts: Sequence[str]) -> None:
    """Set the policy every response carries from now on: it allows Dash's inline scripts (its clientside
    callbacks and renderer, `csp_hashes`) and the portal's `own_scripts`, by their hash. Called once, when the
    app is built and Dash has set itself up (its first request adds the pages' title callback)."""
    sources = [*app.csp_hashes(hash_algorithm="sha256"), *(script_hash(script) for script in own_scripts)]
    app.server.config[POLICY] = content_security_policy(settings, sources)


def error_page(status: int, language: str = "nl") -> str:
    """A small page in the portal's style: no internals, a way back."""
    known = status if status in ERROR_STATUSES else 500
    title_nl, title_en = t(f"error.{known}.title", "nl"), t(f"error.{known}.title", "en")
    text_nl, text_en = t(f"error.{known}.text", "nl"), t(f"error.{known}.text", "en")
    return f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title_nl)} – Individueel maatwerk in cijfers</title>
<link rel="stylesheet" href="/assets/bootstrap.min.css"></head>
<body><header class="bg-dark text-white p-3"><a class="text-white" href="/">Individueel maatwerk in cijfers</a></header>
<main class="container py-4"><h1 class="h2">{escape(title_nl)}</h1><p>{escape(text_nl)}</p>
<p><a href="/">{escape(t("error.home", "nl"))}</a></p>
<div lang="en"><h2 class="h4 mt-4">{escape(title_en)}</h2><p>{escape(text_en)}</p>
<p><a href="/?lang=en">{escape(t("error.home", "en"))}</a></p></div>
<p class="text-muted small mt-4">HTTP {status}</p></main></body></html>"""


def _json_shape_problem(value: Any) -> str | None:
    """Why a parsed callback body is unusable, or None. Iterative, so a deep body cannot exhaust the stack."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    items = 0
    while stack:
        current, depth = stack.pop()
        items += 1
        if depth > MAX_JSON_DEPTH:
            return "the request is nested too deeply"
        if items > MAX_JSON_ITEMS:
            return "the request holds too many values"
        if isinstance(current, dict):
            stack.extend((child, depth + 1) for child in current.values())
        elif isinstance(current, list):
            stack.extend((child, depth + 1) for child in current)
    return None


def _bad_request(message: str) -> Response:
    response = jsonify({"error": message})
    response.status_code = 400
    return response


def _unavailable(error: Exception) -> Response:
    """503 with Retry-After: the compute budget is full, or a computation was stopped at its limit."""
    retry_after = error.retry_after if isinstance(error, Busy) else 10
    log.warning("request not computed (%s): %s", type(error).__name__, error)
    response = jsonify({"error": "the portal is busy computing; try again shortly", "reason": str(error)})
    response.status_code = 503
    response.headers["Retry-After"] = str(retry_after)
    return response


def check_callback_request(app: dash.Dash) -> Response | None:
    """A callback request Dash can read, or a 400 (413) that says why not."""
    try:
        raw = request.get_data(cache=True)
    except RequestEntityTooLarge:
        raise
    except Exception as error:  # a body that cannot be read (a broken chunked encoding, a client that left)
        log.warning("callback request refused: unreadable body (%s)", type(error).__name__)
        return _bad_request("the request body cannot be read")
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if request.content_length is None and limit and len(raw) >= limit:
        # A chunked body is cut at the limit rather than refused: refuse it here, as one with a length is.
        raise RequestEntityTooLarge()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        return _bad_request("the request body is not valid JSON")
    problem = _json_shape_problem(body)
    if problem:
        return _bad_request(problem)
    if not isinstance(body, dict):
        return _bad_request("the request body must be a JSON object")
    output = body.get("output")
    known = app.callback_map or dash._callback.GLOBAL_CALLBACK_MAP
    if not isinstance(output, str) or output not in known:
        return _bad_request("the request names no known callback")
    for key in ("inputs", "state", "changedPropIds"):
        if key in body and not isinstance(body[key], list):
            return _bad_request(f"'{key}' must be a list")
    if not isinstance(body.get("inputs"), list):
        return _bad_request("'inputs' must be a list")
    return None


def log_callback_error(error: Exception) -> None:
    """Dash's on_error: a callback that raises leaves its outputs unchanged; the error goes to the log only.

    A request the compute budget could not take is raised on, to become a 503 with Retry-After. Anything else
    is logged on one line with where it was raised, without a traceback: callbacks raise on input they refuse
    (a tampered store, a malformed value), and that is no server error."""
    if isinstance(error, Busy | ComputeFailed):
        raise error
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    log.warning("callback refused its input: %s%s: %s", type(error).__name__, where, str(error)[:300])


def _wrap_dispatch(server: Flask) -> None:
    """Turn what Dash cannot handle in a callback request into a 400 instead of a 500 with internals."""
    for rule in server.url_map.iter_rules():
        if rule.rule.endswith(CALLBACK_PATH):
            original: Callable[..., Any] = server.view_functions[rule.endpoint]

            def guarded(*args: Any, __original: Callable[..., Any] = original, **kwargs: Any) -> Any:
                try:
                    return __original(*args, **kwargs)
                except (Busy, ComputeFailed) as error:
                    return _unavailable(error)
                except PreventUpdate:
                    return Response(status=204)
                except Exception as error:  # a malformed request must never become a 500
                    log.warning("callback request refused: %s: %s", type(error).__name__, str(error)[:300])
                    return _bad_request("the request does not fit the callback it names")

            server.view_functions[rule.endpoint] = guarded
        elif "_dash-component-suites" in rule.rule:
            suites: Callable[..., Any] = server.view_functions[rule.endpoint]

            def assets(*args: Any, __original: Callable[..., Any] = suites, **kwargs: Any) -> Any:
                try:
                    return __original(*args, **kwargs)
                except HTTPException:
                    raise
                except Exception as error:  # an odd path of a package's files: there is no such file
                    log.info("component file not found (%s)", type(error).__name__)
                    return Response(error_page(404), status=404, mimetype="text/html")

            server.view_functions[rule.endpoint] = assets


def _is_page_path(path: str) -> bool:
    """Whether a path is one of the portal's pages (the not-found page itself is not)."""
    wanted = path.rstrip("/") or "/"
    pages = {(page.get("path") or "").rstrip("/") or "/" for page in dash.page_registry.values()}
    pages.discard("/404")
    return wanted in pages


def install(app: dash.Dash, settings: Settings, versions: Callable[[], dict[str, str]]) -> None:
    """Attach the hardening to the app's Flask server. Its policy allows no inline script until
    `allow_inline_scripts`."""
    server = app.server
    server.config[POLICY] = content_security_policy(settings, [])
    server.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes

    @server.before_request
    def _before() -> Any:
        path = request.path
        if request.method == "POST" and path.endswith(CALLBACK_PATH):
            return check_callback_request(app)
        technical = path.startswith(TECHNICAL_PREFIXES)
        if request.method in ("GET", "HEAD") and not technical and not _is_page_path(path):
            return Response(app.index(), status=404, mimetype="text/html")
        return None

    @server.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = server.config[POLICY]
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        response.headers["Permissions-Policy"] = PERMISSIONS_POLICY
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        return response

    for status in (400, 404, 405, 413, 500):

        def _handler(error: Exception, __status: int = status) -> Response:
            if __status == 500:
                log.error("server error: %s", error, exc_info=error)
            if request.path.endswith(CALLBACK_PATH) or request.accept_mimetypes.best == "application/json":
                response = jsonify({"error": error_page_title(__status)})
                response.status_code = __status
            else:
                response = Response(error_page(__status), status=__status, mimetype="text/html")
            allowed = getattr(error, "valid_methods", None)
            if __status == 405 and allowed:  # RFC 9110: a 405 says which methods the address takes
                response.headers["Allow"] = ", ".join(sorted(allowed))
            return response

        server.register_error_handler(status, _handler)

    @server.route("/health")
    def _health() -> Response:
        report = health_report(versions)
        response = jsonify(report)
        response.status_code = 503 if report["status"] == "failing" else 200
        response.headers["Cache-Control"] = "no-store"
        return response

    server.register_error_handler(Busy, _unavailable)
    server.register_error_handler(ComputeFailed, _unavailable)

    _wrap_dispatch(server)


def health_report(versions: Callable[[], dict[str, str]]) -> dict[str, Any]:
    """What /health answers: the versions, what is degraded, and an overall status.

    ``failing`` (503) when the data release or the parameters cannot be read: pages would show nothing right;
    ``degraded`` (200) when the cache does not use Redis: pages are served from process memory; else ``ok``."""
    found = versions()
    failing = [
        name for name in ("parameters_version", "data_release") if found.get(name, "unknown") == "unknown"
    ]
    cache_status = result_cache().status()
    degraded = [*failing, *(["cache"] if cache_status["state"] != "ok" else [])]
    status = "failing" if failing else "degraded" if degraded else "ok"
    return {
        "status": status,
        **found,
        "degraded": degraded,
        "cache": cache_status,
        "compute": pool().status(),
    }


def error_page_title(status: int) -> str:
    return {
        400: "bad request",
        404: "not found",
        405: "method not allowed",
        413: "request too large",
        503: "busy",
    }.get(status, "server error")
