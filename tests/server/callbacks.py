"""Callback requests as the browser sends them, for the server tests."""

from __future__ import annotations

import json
from typing import Any

from components.simulator import ids


def describe_preset_body(preset: object = "basis", language: object = "nl") -> dict[str, Any]:
    """The simulator's 'describe the chosen preset' callback (one output, one input, one state)."""
    return {
        "output": f"{ids.PRESET_DESCRIPTION}.children",
        "outputs": {"id": ids.PRESET_DESCRIPTION, "property": "children"},
        "inputs": [{"id": ids.PRESET, "property": "value", "value": preset}],
        "state": [{"id": ids.LANGUAGE, "property": "data", "value": language}],
        "changedPropIds": [f"{ids.PRESET}.value"],
    }


def download_body(state: object = None) -> dict[str, Any]:
    """The simulator's download callback with no button named: Dash's 'nothing to update'."""
    buttons = (
        ids.DOWNLOAD_SCENARIO_YAML,
        ids.DOWNLOAD_SCENARIO_JSON,
        ids.DOWNLOAD_RESULTS_CSV,
        ids.DOWNLOAD_RESULTS_EXCEL_CSV,
        ids.DOWNLOAD_RESULTS_XLSX,
    )
    return {
        "output": f"{ids.DOWNLOAD}.data",
        "outputs": {"id": ids.DOWNLOAD, "property": "data"},
        "inputs": [{"id": button, "property": "n_clicks", "value": None} for button in buttons],
        "state": [
            {"id": ids.SCENARIO, "property": "data", "value": state},
            {"id": ids.LANGUAGE, "property": "data", "value": "nl"},
        ],
        "changedPropIds": [],
    }


def encoded(body: dict[str, Any]) -> bytes:
    return json.dumps(body).encode()
