"""The portal: `create_app(settings)` builds the Dash app; `app` and `server` serve it (gunicorn: app:server)."""

from __future__ import annotations

import logging
import os

from dash import Dash

from services import api
from services.cache import init_cache
from services.config import Settings, settings_from_environment
from services.delivery import PLOTLY_PATH, init_delivery, remember_default_views
from services.hardening import install, log_callback_error

INDEX_STRING = """<!DOCTYPE html>
<html lang="nl">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
        <link rel="prefetch" href="PLOTLY_PREFETCH" as="script">
    </head>
    <body>
        {%app_entry%}
        <div id="dash-scripts">
            {%config%}
            {%scripts%}
            {%renderer%}
        </div>
    </body>
</html>""".replace("PLOTLY_PREFETCH", PLOTLY_PATH)
# plotly.js is fetched when the browser is idle on every page (it is loaded, and run, only where a chart draws):
# the next page with charts then finds it in the browser's cache.


def create_app(settings: Settings | None = None) -> Dash:
    """Build the portal. Every asset (Bootstrap included) is served from assets/: no third-party host."""
    settings = settings or settings_from_environment()
    logging.basicConfig(level=settings.log_level)
    app = Dash(
        __name__,
        use_pages=True,
        pages_folder="pages",
        assets_folder="assets",
        serve_locally=True,
        external_stylesheets=[],
        title="Individueel maatwerk in cijfers",
        update_title=None,
        suppress_callback_exceptions=True,
        index_string=INDEX_STRING,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
        on_error=log_callback_error,
    )
    app.server.config["IMW_SETTINGS"] = settings
    init_cache(app.server, settings)
    init_delivery(app)  # before the hardening: compression runs after the security headers
    install(app, settings, versions)
    remember_default_views(app, versions)
    api.register(app.server)
    return app


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
