"""How the portal's responses travel: compressed, cached where they are public and versioned, and what every
visitor asks the same answered from memory (issue 11: a light first visit, and a crowd served at once).

- **Compression** (Flask-Compress): brotli or gzip, whichever the client asks for, on every text response of
  500 bytes or more (pages, Dash's bundles, the assets, the layout, callback answers, the API). A body that is
  the same for every visitor of a process (Dash's bundles, the assets, plotly.js, the layout, the callback graph)
  is compressed once and kept (`KeptBodies`), so that a crowd's first visits cost no compression each.
- **Cache headers**: Dash's bundles whose address carries their version (``.v4_4_1m…js``) and the assets whose
  address carries the file's current stamp (``?m=…``, Dash's own fingerprint) are ``immutable`` for a year:
  a later visit asks nothing for them. What has no version in its address (Dash's lazily loaded chunks,
  plotly.js, ``/_dash-layout``, ``/_dash-dependencies``) carries an ETag and ``no-cache``: a later visit asks,
  and gets a 304 of a few hundred bytes. Pages are ``no-cache`` (Dash signs each page load); ``/health`` is
  ``no-store``. A shared cache or CDN in front can keep all that is ``public``.
- **plotly.js**: ``dcc.Graph`` loads plotly.js from Dash's address for it when a chart first draws; that address
  serves the partial bundle in assets/vendor/ (``plotly.js-basic-dist-min`` of the same plotly.js version as the plotly
  package: bar, scatter and pie traces, all the portal draws), 360 kB compressed instead of 1.4 MB.
- **From memory**: ``/_dash-layout`` and ``/_dash-dependencies`` are the same for every visitor of a process:
  built once, then served from memory. So is the answer to Dash's page router for a page's default view (no
  query, or only the language): remembered per page and per versions (model, parameters, data release), at most
  `DEFAULT_VIEWS_MAX` of them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import dash
from dash.fingerprint import check_fingerprint
from flask import Flask, Response, g, request
from flask_compress import Compress

from services.config import PROJECT_ROOT

#: Front-end files from npm that the portal serves itself (see assets/vendor/README.md and `make vendor`); Dash
#: does not put them in every page (assets_ignore), the pages that need them ask for them.
VENDOR: Final = PROJECT_ROOT / "assets" / "vendor"
#: The partial plotly.js bundle.
PLOTLY_BUNDLE: Final = VENDOR / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
#: Where Dash's dcc.Graph loads plotly.js from when it is served locally (dash-renderer sets this address).
PLOTLY_PATH: Final = "/_dash-component-suites/plotly/package_data/plotly.min.js"
IMMUTABLE: Final = "public, max-age=31536000, immutable"
REVALIDATE: Final = "public, no-cache"
COMPRESSED_TYPES: Final = (
    "text/html",
    "text/css",
    "text/plain",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "image/x-icon",
    "image/vnd.microsoft.icon",
)
#: Queries under which a page shows its default view (the router's answer for them is remembered).
DEFAULT_SEARCHES: Final = frozenset({"", "?lang=nl", "?lang=en"})
DEFAULT_VIEWS_MAX: Final = 64
#: Bodies kept compressed: far more than the portal has files (bounded anyway, should paths multiply).
KEPT_BODIES_MAX: Final = 400

compress = Compress()


class KeptBodies:
    """Flask-Compress's cache of compressed bodies, for the bodies that are the same for every visitor.

    Flask-Compress asks it for every response; the key is ``<algorithm>;<key of the request>``, and requests
    whose body depends on the visitor have an empty key (see `body_key`): for them it keeps nothing."""

    def __init__(self) -> None:
        self._bodies: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        if key.endswith(";"):
            return None
        with self._lock:
            return self._bodies.get(key)

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(";"):
            return
        with self._lock:
            self._bodies[key] = value
            while len(self._bodies) > KEPT_BODIES_MAX:
                self._bodies.popitem(last=False)


def _asset_file(path: str) -> Path | None:
    """The file in assets/ an ``/assets/…`` path names, or None."""
    folder = Path(dash.get_app().config.assets_folder).resolve()
    candidate = (folder / path.removeprefix("/assets/")).resolve()
    return candidate if candidate.is_file() and folder in candidate.parents else None


def asset_is_current(path: str, stamp: str | None) -> bool:
    """Whether ``?m=stamp`` is the current stamp of the asset (Dash writes the file's mtime there)."""
    file = _asset_file(path)
    return file is not None and stamp is not None and stamp == str(os.stat(file).st_mtime)


def body_key(req: Any = None) -> str:
    """The key of a response whose body is the same for every visitor, or "" (Flask-Compress's cache key).

    Bounded by the files the portal has: a fingerprint or query that is not the current one gets no key."""
    req = req or request
    if req.method != "GET":
        return ""
    path = req.path
    if path in ("/_dash-layout", "/_dash-dependencies", PLOTLY_PATH):
        return path
    if path.startswith("/_dash-component-suites/"):
        original, _ = check_fingerprint(path)
        return original
    if path.startswith("/assets/") and asset_is_current(path, req.args.get("m")):
        return f"{path}?m={req.args['m']}"
    return ""


def cache_control(path: str, stamp: str | None) -> str | None:
    """The Cache-Control of a GET answer (see the module's docstring), None where the view sets its own."""
    if path.startswith("/_dash-component-suites/"):
        return IMMUTABLE if check_fingerprint(path)[1] else REVALIDATE
    if path.startswith("/assets/"):
        return IMMUTABLE if asset_is_current(path, stamp) else REVALIDATE
    if path in ("/_dash-layout", "/_dash-dependencies", "/_favicon.ico"):
        return REVALIDATE
    if path == "/health":
        return "no-store"
    if path.startswith("/api/"):
        return None
    return "no-cache"


def strong_etag(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


def _plotly_response() -> Response:
    body, etag = _plotly_bundle()
    response = Response(body, mimetype="text/javascript")
    response.set_etag(etag)
    return response.make_conditional(request)


_PLOTLY: dict[str, tuple[bytes, str]] = {}


def _plotly_bundle() -> tuple[bytes, str]:
    if "bundle" not in _PLOTLY:
        body = PLOTLY_BUNDLE.read_bytes()
        _PLOTLY["bundle"] = (body, strong_etag(body))
    return _PLOTLY["bundle"]


def _remembered(view: Callable[[], Any]) -> Callable[[], Response]:
    """A view whose answer is the same for every visitor of the process: built once, then served from memory."""
    kept: dict[str, Any] = {}
    lock = threading.Lock()

    def remembered() -> Response:
        if "body" not in kept:
            with lock:
                if "body" not in kept:
                    built = view()
                    kept["mimetype"] = built.mimetype
                    kept["etag"] = strong_etag(built.get_data())
                    kept["body"] = built.get_data()
        response = Response(kept["body"], mimetype=kept["mimetype"])
        response.set_etag(kept["etag"])
        return response.make_conditional(request)

    return remembered


def router_output(app: dash.Dash) -> str | None:
    """The output key of Dash's page router callback (the page's content and title)."""
    for key in app.callback_map:
        if "_pages_content.children" in key:
            return key
    return None


class DefaultViews:
    """The router's answers for pages' default views, per page, query and versions; bounded, least recent out."""

    def __init__(self, maximum: int = DEFAULT_VIEWS_MAX) -> None:
        self._answers: OrderedDict[tuple[str, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self._maximum = maximum

    def get(self, key: tuple[str, ...]) -> bytes | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def set(self, key: tuple[str, ...], answer: bytes) -> None:
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self._maximum:
                self._answers.popitem(last=False)


def _page_paths() -> frozenset[str]:
    return frozenset(str(page.get("path")) for page in dash.page_registry.values() if page.get("path"))


def default_view_key(body: Any, output: str | None, versions: dict[str, str]) -> tuple[str, ...] | None:
    """The key under which the router's answer to this callback body is remembered, or None (not a default
    view, or not the router)."""
    if output is None or not isinstance(body, dict) or body.get("output") != output:
        return None
    if body.get("state"):
        return None
    inputs = body.get("inputs")
    if not isinstance(inputs, list) or len(inputs) != 2:
        return None
    values = {}
    for item in inputs:
        if not isinstance(item, dict) or item.get("id") != "_pages_location":
            return None
        values[item.get("property")] = item.get("value")
    pathname, search = values.get("pathname"), values.get("search") or ""
    if not isinstance(pathname, str) or pathname not in _page_paths() or search not in DEFAULT_SEARCHES:
        return None  # only the portal's own pages: the browser may send any path
    return (pathname, search, *(f"{name}={value}" for name, value in sorted(versions.items())))


def init_delivery(app: dash.Dash) -> None:
    """Attach compression, cache headers, the partial plotly.js and the layout and callback graph from memory.

    Call before `services.hardening.install`: Flask runs after-request functions last registered first, and
    compression must come after the security headers (which read the page as it is)."""
    server: Flask = app.server
    server.config.update(
        COMPRESS_MIMETYPES=list(COMPRESSED_TYPES),
        COMPRESS_ALGORITHM=["br", "gzip"],
        COMPRESS_ALGORITHM_STREAMING=["br"],
        COMPRESS_BR_LEVEL=5,
        COMPRESS_LEVEL=6,
        COMPRESS_MIN_SIZE=500,
        COMPRESS_CACHE_BACKEND=KeptBodies,
        COMPRESS_CACHE_KEY=body_key,
    )
    compress.init_app(server)
    for name in ("/_dash-layout", "/_dash-dependencies"):
        server.view_functions[name] = _remembered(server.view_functions[name])

    @server.before_request
    def _plotly() -> Any:
        if request.path == PLOTLY_PATH and request.method in ("GET", "HEAD"):
            return _plotly_response()
        return None

    @server.after_request
    def _delivery_headers(response: Response) -> Response:
        if request.method not in ("GET", "HEAD") or response.status_code not in (200, 304):
            return response
        if response.direct_passthrough and request.path.startswith("/assets/"):
            # Flask streams static files; read the (small) file so that its compressed body can be kept.
            stream = response.response
            response.direct_passthrough = False
            try:
                response.set_data(b"".join(stream))
            finally:
                if hasattr(stream, "close"):
                    stream.close()
        policy = cache_control(request.path, request.args.get("m"))
        if policy is not None:
            response.headers["Cache-Control"] = policy
        return response


def remember_default_views(app: dash.Dash, versions: Callable[[], dict[str, str]]) -> DefaultViews:
    """Answer the page router's callback for a page's default view from memory.

    Call after `services.hardening.install`, so that a callback request is checked before it is read here, and
    the answer is kept before it is compressed."""
    server: Flask = app.server
    views = DefaultViews()
    server.extensions["imw_default_views"] = views

    @server.before_request
    def _default_view() -> Any:
        if request.method != "POST" or not request.path.endswith("/_dash-update-component"):
            return None
        try:
            body = json.loads(request.get_data(cache=True))
        except (ValueError, RecursionError):
            return None  # the hardening has answered it already
        key = default_view_key(body, router_output(app), versions())
        if key is None:
            return None
        answer = views.get(key)
        if answer is not None:
            return Response(answer, mimetype="application/json")
        g.imw_default_view = key
        return None

    @server.after_request
    def _keep_default_view(response: Response) -> Response:
        key = g.pop("imw_default_view", None)
        if key is not None and response.status_code == 200 and response.mimetype == "application/json":
            views.set(key, response.get_data())
        return response

    return views


# --- the page's scripts ---------------------------------------------------------------------------------------

#: The runtime Dash's compiled async functions need (regeneratorRuntime), served in place of Dash's polyfill.
REGENERATOR: Final = VENDOR / "regenerator-runtime" / "runtime.js"
#: What a browser has that needs none of the polyfill (ES2020; every browser React 18 supports since 2020).
MODERN_BROWSER: Final = "&&".join(
    [
        "Object.fromEntries",
        "Array.prototype.flat",
        "Promise.prototype.finally",
        "String.prototype.matchAll",
        "window.globalThis",
    ]
)
_SCRIPT_TAG = re.compile(r'<script src="(?P<src>[^"]+)"></script>')


def asset_url(file: Path) -> str:
    """The address of a file in assets/, with its stamp as Dash writes it (so that it is kept for a year)."""
    relative = file.relative_to(PROJECT_ROOT / "assets").as_posix()
    return f"/assets/{relative}?m={os.stat(file).st_mtime}"


def lighter_scripts(scripts: str) -> str:
    """Dash's script tags for a page, made lighter for the browser:

    - loaded once the page's HTML (its first view) has been painted, not while it is being fetched: on a slow
      line the HTML and the stylesheet then get all the bandwidth, and the page shows sooner. The tags stay in
      the page, inert in a <template>; `LOADER` runs them in their order (dynamic scripts, ``async = false``)
      and starts Dash's renderer when the last has run;
    - Dash's polyfill (core-js 2 and the regenerator runtime, 100 kB, 130 ms of script on a desktop and about
      half a second on a phone) only for a browser that lacks what it adds; the others get the regenerator
      runtime alone (the one part Dash's components use);
    - dash_table's bundle left out: no page has a DataTable (a test keeps it so).

    Inline scripts (Dash's clientside functions) stay where they are."""

    def lighter(match: re.Match[str]) -> str:
        source = match["src"]
        if "/dash/dash_table/" in source:
            return ""
        if "/dash/deps/polyfill@" in source:
            regenerator = asset_url(REGENERATOR)
            return (
                f'<script src="{source}" data-unless-modern></script>\n<script src="{regenerator}"></script>'
            )
        return match[0]

    tags: list[str] = []
    inline = []
    for line in scripts.splitlines():
        (tags if _SCRIPT_TAG.fullmatch(line.strip()) else inline).append(line)
    external = "\n".join(_SCRIPT_TAG.sub(lighter, tag) for tag in tags)
    return "\n".join(
        [*inline, f'<template id="imw-scripts">{external}</template>', f"<script>{LOADER_SCRIPT}</script>"]
    )


#: Runs the page's scripts in order after the first paint, then starts Dash's renderer (see lighter_scripts).
LOADER: Final = """
(function () {
  var modern = !!(MODERN);
  var tags = document.getElementById("imw-scripts").content.querySelectorAll("script");
  var sources = [];
  tags.forEach(function (tag) {
    if (!(modern && tag.hasAttribute("data-unless-modern"))) { sources.push(tag.getAttribute("src")); }
  });
  function load() {
    sources.forEach(function (source, index) {
      var script = document.createElement("script");
      script.src = source;
      script.async = false;
      if (index === sources.length - 1) {
        script.onload = function () { var renderer = new DashRenderer(); window.renderer = renderer; };
      }
      document.head.appendChild(script);
    });
  }
  window.requestAnimationFrame(function () { window.setTimeout(load, 0); });
  // plotly.js is fetched when the page has loaded, for the next page with charts (this one asks for it itself
  // when its first chart comes into view): it never takes bandwidth from what the page needs first.
  window.addEventListener("load", function () {
    window.setTimeout(function () {
      var hint = document.createElement("link");
      hint.rel = "prefetch";
      hint.as = "script";
      hint.href = PLOTLY;
      document.head.appendChild(hint);
    }, 2000);
  });
})();
""".strip()
#: The loader as every Dash page carries it, inline (the security policy allows it by its hash, app.py).
LOADER_SCRIPT: Final = LOADER.replace("MODERN", MODERN_BROWSER).replace("PLOTLY", json.dumps(PLOTLY_PATH))


def deferred_renderer(renderer: str) -> str:
    """Dash's inline start of its renderer, left to the loader (which starts it when its scripts have run); the
    tag stays, empty, because Dash checks that the page has it."""
    return renderer.replace("var renderer = new DashRenderer();", "")
