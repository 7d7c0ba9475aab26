"""The portal: `create_app(settings)` builds the Dash app; `app` and `server` serve it (gunicorn: app:server)."""

from __future__ import annotations

import logging
import os
from html import escape
from typing import Any

import dash
from dash import Dash
from flask import has_request_context, request

from components.first_view import FirstView, FirstViews, page_first_view, static_page_body
from components.layout import NAV_COLLAPSE_ID, NAV_TOGGLER_ID
from components.static_html import compacted
from services import api, warmup
from services.cache import init_cache
from services.config import Settings, settings_from_environment
from services.delivery import (
    deferred_renderer,
    init_delivery,
    lighter_scripts,
    remember_default_views,
    router_output,
)
from services.hardening import install, log_callback_error

#: The shell's ids that a static page handles without Dash (the menu button, static_page_body's script).
STATIC_SHELL_IDS = frozenset({NAV_TOGGLER_ID, NAV_COLLAPSE_ID})

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
    """Dash, with each page's first view written into its HTML (components/first_view.py) and lighter scripts
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
            return f"{head}<body>\n{static_page_body(view)}\n</body>\n</html>"
        return page

    def interpolate_index(self, **kwargs: str) -> str:
        kwargs["scripts"] = lighter_scripts(kwargs["scripts"])
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


def create_app(settings: Settings | None = None) -> Dash:
    """Build the portal. Every asset (Bootstrap included) is served from assets/: no third-party host."""
    settings = settings or settings_from_environment()
    logging.basicConfig(level=settings.log_level)
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
        # The parts of a page no callback reaches go to the browser as HTML (components/static_html.py).
        page["layout"] = compacted(page["layout"])
    app.server.config["IMW_SETTINGS"] = settings
    init_cache(app.server, settings)
    init_delivery(app)  # before the hardening: compression runs after the security headers
    install(app, settings, versions)
    remember_default_views(app, versions)
    api.register(app.server)
    if settings.warm_cache:
        warmup.install(app.server, default_view_paths, lambda: router_output(app))
    return app


def default_view_paths() -> list[str]:
    """Every page's address (the not-found page aside): what the warm-up asks for."""
    return [str(page["path"]) for page in dash.page_registry.values() if page["path"] != "/404"]


def versions() -> dict[str, str]:
    """What the portal computes with: the model, the parameters and the monitoring data release."""
    from data.parameter_store import parameters_version
    from simulation import MODEL_VERSION

    result = {"model_version": MODEL_VERSION, "parameters_version": parameters_version()}
    try:
        from data.monitoring.store import current_release

        result["data_release"] = str(current_release().id)
    except Exception as error:  # the health check answers even when the data cannot load
        logging.getLogger("imw.server").error("data release unknown: %s", error)
        result["data_release"] = "unknown"
    return result


app = create_app()
server = app.server

if __name__ == "__main__":
    app.run(host=os.environ.get("HOST", "127.0.0.1"), port=int(os.environ.get("PORT", "8050")), debug=False)
