"""Component ids of the simulator pages, defined once (kebab-case, prefix 'sim-')."""

from __future__ import annotations

import json
from typing import Final

SIMULATOR_PATH: Final = "/simulator"
COMPARE_PATH: Final = "/simulator/vergelijken"

# The simulator page.
PRESET: Final = "sim-preset"
PRESET_DESCRIPTION: Final = "sim-preset-description"
SCENARIO_NAME: Final = "sim-scenario-name"
DRAWS: Final = "sim-draws"
HORIZON: Final = "sim-horizon"
HORIZON_FEEDBACK: Final = "sim-horizon-feedback"
ACCORDION: Final = "sim-accordion"
PARAMETER: Final = "sim-param"  # pattern-matching type: {"type": PARAMETER, "name": <parameter>}
PARAMETER_FEEDBACK: Final = "sim-param-feedback"
#: The years beside a duration in quarters (pattern-matching type, by parameter name).
PARAMETER_YEARS: Final = "sim-param-years"
#: The search over the parameters, and what it found.
PARAMETER_SEARCH: Final = "sim-param-search"
PARAMETER_SEARCH_RESULT: Final = "sim-param-search-result"
PARAMETER_FROM: Final = "sim-param-from"  # the date from which a changed value holds
PARAMETER_FROM_FEEDBACK: Final = "sim-param-from-feedback"
WARNINGS: Final = "sim-warnings"
CHANGES: Final = "sim-changes"
RESET: Final = "sim-reset"  # pattern-matching: {"type": RESET, "name": <parameter>}
RESET_ALL: Final = "sim-reset-all"
VARIANCE: Final = "sim-variance"
META: Final = "sim-meta"
SCENARIO: Final = "sim-scenario"
LANGUAGE: Final = "sim-language"
STATUS: Final = "sim-status"
LINK_NOTICE: Final = "sim-link-notice"
VERSION_NOTICE: Final = "sim-version-notice"
RESULTS: Final = "sim-results"
SUMMARY: Final = "sim-summary"
KEY_FIGURES: Final = "sim-key-figures"
BUDGET_GRAPH: Final = "sim-budget-graph"
WORKERS_GRAPH: Final = "sim-workers-graph"
COACHING_GRAPH: Final = "sim-coaching-graph"
CONTINGENT_GRAPH: Final = "sim-contingent-graph"
TORNADO_GRAPH: Final = "sim-tornado-graph"
TORNADO_CAPTION: Final = "sim-tornado-caption"
#: The layout each chart shows now (a digest per graph), so that a change of data alone redraws in place.
FIGURE_LAYOUTS: Final = "sim-figure-layouts"
#: The fields shown as wrong now, with their messages (so that a round sends back only what changes).
SHOWN_PROBLEMS: Final = "sim-shown-problems"
COVERAGE: Final = "sim-coverage"
VERSIONS: Final = "sim-versions"
UPLOAD: Final = "sim-upload"
UPLOAD_MESSAGE: Final = "sim-upload-message"
#: What the browser hands on of an uploaded file: its name, its size and (when not refused already) its contents.
UPLOAD_CHECKED: Final = "sim-upload-checked"
DOWNLOAD: Final = "sim-download"
DOWNLOAD_SCENARIO_YAML: Final = "sim-download-scenario-yaml"
DOWNLOAD_SCENARIO_JSON: Final = "sim-download-scenario-json"
DOWNLOAD_RESULTS_CSV: Final = "sim-download-results-csv"
DOWNLOAD_RESULTS_EXCEL_CSV: Final = "sim-download-results-excel-csv"
DOWNLOAD_RESULTS_XLSX: Final = "sim-download-results-xlsx"
COMPARE_LINK: Final = "sim-compare-link"
URL_SYNC: Final = "sim-url-sync"

# The compare page.
COMPARE_SLOT: Final = (
    "sim-compare-slot"  # pattern-matching type: {"type": COMPARE_SLOT, "slot": "a" | "b" | "c"}
)
COMPARE_STATE: Final = "sim-compare-state"
COMPARE_LANGUAGE: Final = "sim-compare-language"
COMPARE_LINK_NOTICE: Final = "sim-compare-link-notice"
BASELINE_DIFFERENCE: Final = "sim-baseline-difference"
COMPARE_HEADLINE: Final = "sim-compare-headline"
COMPARE_PARAMETERS: Final = "sim-compare-parameters"
COMPARE_OUTPUTS: Final = "sim-compare-outputs"
COMPARE_COST_GRAPH: Final = "sim-compare-cost-graph"
COMPARE_DECOMPOSITION: Final = "sim-compare-decomposition"
COMPARE_OPEN_LINKS: Final = "sim-compare-open-links"
COMPARE_QUERY: Final = "sim-compare-query"
COMPARE_URL_SYNC: Final = "sim-compare-url-sync"


def parameter_id(name: str) -> dict[str, str]:
    """The id of a parameter's control."""
    return {"type": PARAMETER, "name": name}


def parameter_from_id(name: str) -> dict[str, str]:
    """The id of the date from which a changed value of a parameter holds."""
    return {"type": PARAMETER_FROM, "name": name}


def parameter_from_feedback_id(name: str) -> dict[str, str]:
    """The id of the message under a parameter's date."""
    return {"type": PARAMETER_FROM_FEEDBACK, "name": name}


def reset_id(name: str) -> dict[str, str]:
    """The id of the button that sets a changed parameter back to the baseline."""
    return {"type": RESET, "name": name}


def parameter_feedback_id(name: str) -> dict[str, str]:
    """The id of the message under a parameter's control."""
    return {"type": PARAMETER_FEEDBACK, "name": name}


def dom_id(component_id: str | dict[str, str]) -> str:
    """The id a component gets in the page (Dash writes a dict id as sorted, compact JSON), for a label's `for`."""
    if isinstance(component_id, str):
        return component_id
    return (
        "{"
        + ",".join(f"{json.dumps(key)}:{json.dumps(component_id[key])}" for key in sorted(component_id))
        + "}"
    )
