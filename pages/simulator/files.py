"""The simulator's files: an uploaded scenario read and checked with a message for the page, and the downloads
(the scenario as YAML or JSON, its results as a tidy CSV, a CSV for a Belgian Excel or an XLSX set against the
baseline). Plain functions: the callbacks that use them are in page.py."""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from dash import dcc
from dash.exceptions import PreventUpdate

from components.shell.formatting import format_number
from components.simulator import ids
from i18n import normalise_language, t
from pages.simulator.state import scenario_from_state
from services.scenario_results import baseline_scenario
from services.scenarios import (
    EXPORT_FORMATS,
    MAX_SCENARIO_BYTES,
    Scenario,
    ScenarioError,
    excerpt,
    export_table_bytes,
    parse_scenario_text,
    scenario_yaml,
)
from services.simulation import (
    check_page_scenario,
    simulate,
    versions,
)

#: Dash's download helper, typed (dcc does not export it for type checkers).
send_bytes: Callable[[bytes, str], dict[str, Any]] = dcc.send_bytes  # type: ignore[attr-defined]


def _size_kb(size: int) -> str:
    return format_number(max(size, 1) / 1000, 0 if size >= 10_000 else 1)


def read_upload(
    contents: object, filename: object, language: str, size: object = None
) -> tuple[Scenario | None, str]:
    """The scenario of an uploaded file and the message to show; (None, why) when it cannot be used.

    `size` is the file's size in bytes as the browser measured it; the browser hands on no contents for a file
    it refused already (a wrong kind, too large), so that the message still says why."""
    shown_name = excerpt(PurePosixPath(filename).name, 60) if isinstance(filename, str) and filename else "?"
    shown_name = shown_name.strip('"')
    formats = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}

    def refused(field: str, message: str) -> tuple[None, str]:
        return None, t("sim.upload.error", language).format(file=shown_name, field=field, message=message)

    def too_large(measured: int) -> tuple[None, str]:
        return refused(
            "file",
            t("sim.upload.size", language).format(size=_size_kb(measured), kb=MAX_SCENARIO_BYTES // 1000),
        )

    suffix = PurePosixPath(filename).suffix.lower() if isinstance(filename, str) else ""
    if suffix not in formats:
        return refused("file", t("sim.upload.kind", language))
    measured = (
        int(size) if isinstance(size, int | float) and not isinstance(size, bool) and size >= 0 else None
    )
    if measured is not None and measured > MAX_SCENARIO_BYTES:
        return too_large(measured)
    if not isinstance(contents, str) or ";base64," not in contents:
        if measured == 0 or (isinstance(contents, str) and contents.endswith(",")):
            return refused("file", t("sim.upload.empty", language))
        return refused("file", t("sim.upload.text", language))
    payload = contents.split(";base64,", 1)[1]
    if len(payload) > (MAX_SCENARIO_BYTES * 4) // 3 + 8:
        return too_large(len(payload) * 3 // 4)
    try:
        data = base64.b64decode(payload, validate=True)
        text = data.decode("utf-8")
    except (binascii.Error, ValueError):
        return refused("file", t("sim.upload.text", language))
    if not data:
        return refused("file", t("sim.upload.empty", language))
    if len(data) > MAX_SCENARIO_BYTES:
        return too_large(len(data))
    try:
        scenario = check_page_scenario(parse_scenario_text(text, formats[suffix]))
    except ScenarioError as error:
        return refused(error.field, error.message)
    except (TypeError, ValueError, ArithmeticError, RecursionError):  # no check expected it: still say so
        return refused("file", t("sim.upload.text", language))
    return scenario, t("sim.upload.ok", language).format(
        name=excerpt(scenario.name, 80).strip('"'), file=shown_name
    )


def _file_stem(scenario: Scenario) -> str:
    ascii_name = unicodedata.normalize("NFKD", scenario.name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60] or "scenario"
    return f"imw-{slug}"


def download_data(trigger: object, state: object, language: object = "nl") -> dict[str, Any]:
    """The file a download button asks for: the scenario (YAML, JSON) or its results (a tidy CSV, a CSV for a
    Belgian Excel, an XLSX whose first sheet sets the scenario against the baseline), in the page's language."""
    scenario = scenario_from_state(state)
    recorded = Scenario(**{**scenario.__dict__, "computed_with": versions()})
    stem = _file_stem(scenario)
    if trigger == ids.DOWNLOAD_SCENARIO_YAML:
        return {"content": scenario_yaml(recorded), "filename": f"{stem}.yaml", "type": "application/yaml"}
    if trigger == ids.DOWNLOAD_SCENARIO_JSON:
        text = json.dumps(recorded.document(), ensure_ascii=False, indent=2) + "\n"
        return {"content": text, "filename": f"{stem}.json", "type": "application/json"}
    formats = {
        ids.DOWNLOAD_RESULTS_CSV: (".csv", "tidy", ""),
        ids.DOWNLOAD_RESULTS_EXCEL_CSV: (".csv", "excel", "-excel"),
        ids.DOWNLOAD_RESULTS_XLSX: (".xlsx", "tidy", ""),
    }
    if str(trigger) not in formats:
        raise PreventUpdate
    suffix, form, variant = formats[str(trigger)]
    if suffix not in EXPORT_FORMATS:
        raise PreventUpdate
    result = simulate(scenario)
    base = baseline_scenario(scenario)
    content = export_table_bytes(
        suffix,
        result.scenario,
        result.annual,
        result.n_draws,
        list(result.warnings),
        baseline_annual=simulate(base).annual if base is not None and suffix == ".xlsx" else None,
        language=normalise_language(language),
        form=form,
        computed_on=result.computed_at[:10],
    )
    return send_bytes(content, f"{stem}{variant}{suffix}")
