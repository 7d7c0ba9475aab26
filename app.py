"""The portal: `create_app(settings)` builds the Dash app; `app` and `server` serve it (gunicorn: app:server)."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from html import escape, unescape
from typing import Any

# Before numpy loads: the model's small matrix products run fastest on one BLAS thread, and a server runs several
# processes and threads already (many BLAS threads per process made them ten times slower under load).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import dash
from dash import Dash
from flask import has_request_context, request

from components.shell.first_view import (
    STATIC_PAGE_SCRIPT,
    FirstView,
    FirstViews,
    page_first_view,
    static_page_body,
)
from components.shell.layout import NAV_COLLAPSE_ID, NAV_TOGGLER_ID
from components.shell.static_html import compacted
from pages import indicator_blocks, navigation
from services import api, compute, logs, monitoring_api, openapi, warmup
from services.cache import init_cache
from services.config import Settings, settings_from_environment
from services.delivery import (
    LOADER_SCRIPT,
    deferred_renderer,
    init_delivery,
    lighter_scripts,
    remember_default_views,
    router_output,
)
from services.hardening import allow_inline_scripts, install, log_callback_error

#: The callbacks the pages share (the monitoring blocks', the menu's): Dash imports only the modules of pages/ that
#: register a page, so the composition root imports these; importing a module registers its callbacks.
SHARED_CALLBACKS = (indicator_blocks, navigation)
#: The shell's ids that a static page handles without Dash (the menu button, static_page_body's script).
STATIC_SHELL_IDS = frozenset({NAV_TOGGLER_ID, NAV_COLLAPSE_ID})
#: The inline scripts the portal writes into its pages besides Dash's: the loader of a Dash page's scripts and the
#: static pages' one script. The security policy allows them by their hash, with Dash's (services/hardening.py).
PORTAL_INLINE_SCRIPTS = (LOADER_SCRIPT, STATIC_PAGE_SCRIPT)

INDEX_STRING = """<!DOCTYPE html>
<html lang="nl">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        <div id="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>"""


class Portal(Dash):
    """Dash, with each page's first view written into its HTML (components/shell/first_view.py) and lighter scripts
    (services/delivery.py): the page can be read before any script has run. A page that no callback reaches
    (home, methodology, accessibility statement) is served as its first view alone, without Dash's scripts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first_views = FirstViews()

    def _first_view(self) -> FirstView | None:
        if not has_request_context() or request.method not in ("GET", "HEAD"):
            return None
        query = request.query_string.decode("utf-8", "replace")
        return page_first_view(
            request.path,
            f"?{query}" if query else "",
            versions(),
            self._callback_list,
            handled=STATIC_SHELL_IDS,
            views=self.first_views,
        )

    def index(self, *args: object, **kwargs: object) -> str:
        page = str(super().index(*args, **kwargs))
        view = self._first_view()
        if view is not None and view.static:
            head = page[: page.index("<body>")]
            # The next page a visitor opens is a Dash page: its scripts (and plotly.js) are fetched once this one
            # has loaded and is idle, so that the second visit moves only that page's own data.
            head = head.replace(PLOTLY_PREFETCH, "", 1)
            body = static_page_body(view, [*script_sources(page), PLOTLY_PATH])
            return f"{head}<body>\n{body}\n</body>\n</html>"
        return page

    def interpolate_index(self, **kwargs: str) -> str:
        kwargs["scripts"] = lighter_scripts(kwargs["scripts"])
        # plotly.js loads with a page's first chart; fetched while the page is idle (prefetch has the lowest
        # priority), a chart further down or on the next page draws without waiting for it.
        kwargs["css"] = f"{kwargs['css']}\n{PLOTLY_PREFETCH}"

        kwargs["renderer"] = deferred_renderer(kwargs["renderer"])
        view = self._first_view()
        if view is not None:
            kwargs["title"] = escape(view.title)
            entry = kwargs["app_entry"].replace(
                '<div id="react-entry-point">', '<div id="react-entry-point" class="imw-booting">', 1
            )
            kwargs["app_entry"] = f'{entry}\n<div id="imw-first-view">{view.html}</div>'
        page = str(super().interpolate_index(**kwargs))
        if view is not None:
            page = page.replace('<html lang="nl">', f'<html lang="{view.language}">', 1)
        return page


#: The address Dash's graph loads plotly.js from (services/delivery.py serves the basic bundle there).
PLOTLY_PATH = "/_dash-component-suites/plotly/package_data/plotly.min.js"
PLOTLY_PREFETCH = f'<link rel="prefetch" href="{PLOTLY_PATH}" as="script">'
_SCRIPT_SOURCE = re.compile(r'<script src="([^"]+)"(?![^>]*data-unless-modern)')


def script_sources(page: str) -> list[str]:
    """The addresses of the scripts of a Dash page (the polyfill for old browsers aside), from its HTML."""
    return [unescape(source) for source in _SCRIPT_SOURCE.findall(page)]


def create_app(settings: Settings | None = None) -> Dash:
    """Build the portal. Every asset (Bootstrap included) is served from assets/: no third-party host."""
    settings = settings or settings_from_environment()
    logs.install(settings.log_level)
    app = Portal(
        __name__,
        use_pages=True,
        pages_folder="pages",
        assets_folder="assets",
        assets_path_ignore=["^vendor$"],  # served to the pages that ask for them (services/delivery.py)
        serve_locally=True,
        external_stylesheets=[],
        title="Individueel maatwerk in cijfers",
        update_title=None,
        suppress_callback_exceptions=True,
        index_string=INDEX_STRING,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
        on_error=log_callback_error,
    )
    for page in dash.page_registry.values():
        # The parts of a page no callback reaches go to the browser as HTML (components/shell/static_html.py).
        page["layout"] = compacted(page["layout"])
    app.server.config["IMW_SETTINGS"] = settings
    init_cache(app.server, settings)
    init_delivery(app)  # before the hardening: compression runs after the security headers
    install(app, settings, versions)
    remember_default_views(app, versions)
    api.register(app.server)
    monitoring_api.register(app.server)
    openapi.register(app.server)
    compute.configure(
        compute.PoolSettings(
            slots=settings.compute_slots,
            wait_seconds=settings.compute_wait_seconds,
            time_limit_seconds=settings.compute_time_limit_seconds,
            memory_limit_mb=settings.compute_memory_mb,
            isolated=settings.compute_isolated,
            tasks_per_process=settings.compute_tasks_per_process,
        )
    )
    if settings.warm_cache:  # starts with the first request served (not the set-up request below)
        warmup.install(app.server, default_view_paths, lambda: router_output(app))
    # Dash sets itself up on its first request (it moves the pages' callbacks into the app then); requests that
    # arrive while it does found 'no known callback'. One request here, before any worker accepts one, does it.
    with app.server.test_client() as client:
        client.get("/health", environ_base={warmup.SET_UP_REQUEST: True})
    # Once Dash is set up (that request added its pages' title callback): every inline script is known now.
    allow_inline_scripts(app, settings, PORTAL_INLINE_SCRIPTS)
    return app


def default_view_paths() -> list[str]:
    """Every page's address (the not-found page aside): what the warm-up asks for."""
    return [str(page["path"]) for page in dash.page_registry.values() if page["path"] != "/404"]


_checked: dict[str, object] = {"at": float("-inf"), "result": {}}
_checked_lock = threading.Lock()
#: How long a check of the files behind /health holds: a health check every 100 ms reads them ten times less.
CHECK_SECONDS = 1.0


def recheck() -> None:
    """Forget the last check of the files: the next /health reads them again."""
    with _checked_lock:
        _checked["at"] = float("-inf")


def versions() -> dict[str, str]:
    """What the portal computes with: the model, the parameters and the monitoring data release ("unknown"
    for what cannot be read now); the files are checked at most once a second."""
    with _checked_lock:
        if time.monotonic() - float(_checked["at"]) < CHECK_SECONDS:  # type: ignore[arg-type]
            return dict(_checked["result"])  # type: ignore[call-overload]
    result = _read_versions()
    with _checked_lock:
        _checked.update(at=time.monotonic(), result=result)
    return dict(result)


def _read_versions() -> dict[str, str]:
    from simulation import MODEL_VERSION

    result = {"model_version": MODEL_VERSION}
    try:
        from data.parameter_store import PARAMETER_ROOT, load_parameters, parameters_version

        load_parameters()
        for path in PARAMETER_ROOT.rglob("*.yaml"):  # still readable now, not only when first loaded
            with path.open("rb") as stream:
                stream.read(1)
        result["parameters_version"] = parameters_version()
    except Exception as error:  # the health check answers (503) even when the parameters cannot load
        logging.getLogger("imw.server").error("parameters unreadable: %s: %s", type(error).__name__, error)
        result["parameters_version"] = "unknown"
    try:
        from data.monitoring.releases import INITIAL_RELEASE_ID, read_pointer, read_release
        from data.monitoring.store import current_release

        settings = settings_from_environment()
        release_id = read_pointer(settings.data_dir)
        if release_id != INITIAL_RELEASE_ID:
            read_release(settings.data_dir, release_id)  # its files are there and match their checksums
        result["data_release"] = str(current_release(settings).id)
    except Exception as error:  # the health check answers (503) even when the data cannot load
        logging.getLogger("imw.server").error("data release unknown: %s: %s", type(error).__name__, error)
        result["data_release"] = "unknown"
    return result


app = create_app()
server = app.server

if __name__ == "__main__":
    from werkzeug.serving import WSGIRequestHandler

    class _Handler(WSGIRequestHandler):
        """The development server's handler without the Server header (it named Werkzeug and Python)."""

        def send_header(self, keyword: str, value: str) -> None:
            if keyword.lower() != "server":
                super().send_header(keyword, value)

    app.run(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8050")),
        debug=False,
        request_handler=_Handler,
    )
