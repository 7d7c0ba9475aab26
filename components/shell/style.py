"""The portal's look in charts, one home for both wings: fonts and colours (the CSS of the pages is
assets/portal.css; the graph config, no mode bar and the downloads, is components/shell/graph_config.py)."""

from __future__ import annotations

from typing import Final

# Dark enough for 3:1 against white (WCAG 1.4.11, non-text contrast); told apart also by symbol and dash.
SERIES_COLOURS: Final = (
    "#0b5394",  # blue
    "#b45309",  # dark orange
    "#2f6b1e",  # green
    "#7b2d6b",  # purple
    "#b91c1c",  # red
    "#0f5f6b",  # teal
    "#5b4a00",  # olive
    "#444444",  # grey
)
FONT_FAMILY: Final = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
TEXT_COLOUR: Final = "#212529"
GRID_COLOUR: Final = "#d9dde1"
