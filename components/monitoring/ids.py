"""The ids of the monitoring wing: the pattern-matching id types of an indicator block's elements (the block's
indicator id completes each), the page-level stores, and how an id reads in the DOM. The simulator's are in
components/simulator/ids.py."""

from __future__ import annotations

import json
from typing import Any, Final

# Pattern-matching id types: one per element of a block; the block's indicator id completes the id.
BREAKDOWN_TYPE: Final = "indicator-breakdown"
YEAR_FROM_TYPE: Final = "indicator-year-from"
YEAR_TO_TYPE: Final = "indicator-year-to"
VIEW_TYPE: Final = "indicator-view"
GRAPH_TYPE: Final = "indicator-graph"
GRAPH_WRAPPER_TYPE: Final = "indicator-graph-wrapper"
TABLE_WRAPPER_TYPE: Final = "indicator-table-wrapper"
SUMMARY_TYPE: Final = "indicator-summary"
BANNER_TYPE: Final = "indicator-banner"
NOTICE_TYPE: Final = "indicator-notice"
SOURCE_LINE_TYPE: Final = "indicator-source-line"
NOTES_TYPE: Final = "indicator-chart-notes"
EXTRA_TYPE: Final = "indicator-extra"
CSV_BUTTON_TYPE: Final = "indicator-csv-button"
XLSX_BUTTON_TYPE: Final = "indicator-xlsx-button"
DATA_CSV_BUTTON_TYPE: Final = "indicator-data-csv-button"
DATA_CSV_DOWNLOAD_TYPE: Final = "indicator-data-csv-download"
CSV_DOWNLOAD_TYPE: Final = "indicator-csv-download"
XLSX_DOWNLOAD_TYPE: Final = "indicator-xlsx-download"
# Page-level ids, one of each on any page that shows indicator blocks.
URL_ID: Final = "indicator-url"  # a store of the query string that the address bar should show
LANGUAGE_ID: Final = "indicator-language"


def component_id(kind: str, indicator_id: Any) -> dict[str, Any]:
    """The pattern-matching id of one element of one block (`indicator_id` a Dash wildcard in a callback)."""
    return {"type": kind, "indicator": indicator_id}


def dom_id(kind: str, indicator_id: str) -> str:
    """The DOM id Dash gives a dict id (keys sorted, compact JSON): for `<label for>` and ARIA references."""
    return json.dumps(component_id(kind, indicator_id), sort_keys=True, separators=(",", ":"))


def anchor_id(indicator_id: str, part: str) -> str:
    """A plain string id inside a block (heading, summary) for links and aria-labelledby / aria-describedby."""
    return f"indicator-{indicator_id}-{part}".replace("_", "-")
