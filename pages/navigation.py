"""The shell's one callback: the menu button opens and closes the folded menu, in the browser (no request to
the server). components/shell/layout.py builds the menu; app.py imports it
(Dash imports only the modules of pages/ that register a page)."""

from __future__ import annotations

from dash import Input, Output, State, clientside_callback

from components.shell.layout import NAV_COLLAPSE_ID, NAV_TOGGLER_ID

clientside_callback(
    """
    function (clicks, open) {
        var next = clicks ? !open : open;
        return [next, next ? "true" : "false"];
    }
    """,
    Output(NAV_COLLAPSE_ID, "is_open"),
    Output(NAV_TOGGLER_ID, "aria-expanded"),
    Input(NAV_TOGGLER_ID, "n_clicks"),
    State(NAV_COLLAPSE_ID, "is_open"),
    prevent_initial_call=True,
)
