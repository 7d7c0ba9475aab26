"""Record the requests a real browser sends while someone uses the portal, for the load test to replay.

Run by `make load` before locust: `python benchmarks/load/record_payloads.py http://127.0.0.1:8799 OUT.json`.
Each record is ``{"path", "kind", "body"}``:

- ``router``: Dash's page router asking for a page's content (the browser sends it on every page it opens that
  runs Dash; pages that need no Dash send nothing);
- ``filter``: a monitoring page's callback after a filter changed;
- ``preset``: the simulator after a preset was chosen and loaded (the callback that sets the controls, then the
  one that computes the results);
- ``parameter``: the simulator after a parameter was changed, with ``field``: the parameter changed and the range
  and step of every parameter field (min, max, step), so that the load test can send fresh valid values.

Static pages (no Dash) are recorded as ``{"path", "kind": "static"}``, so that the load test opens them too.
One more record, ``{"kind": "busy", "texts"}``, holds the start of the simulator's "not computed yet, the portal
is busy" status in both languages, so that the load test counts such an answer as a failure, not as a result.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from i18n import t
from tests.browser.chromium import CHROMIUM_ARGS

PAGES = [
    "/",
    "/tewerkstelling",
    "/werknemers",
    "/werkgevers",
    "/middelen",
    "/doorstroom",
    "/verdringing",
    "/collectief-maatwerk",
    "/simulator",
    "/simulator/vergelijken",
    "/methodologie",
    "/toegankelijkheid",
]
PARAMETER_FIELDS = "input[type=number][id*='sim-param']"


def _change_filters(page: Page) -> None:
    """Change the first selects of a monitoring page, so that its filter callbacks fire."""
    for select in page.locator("main select").all()[:3]:
        options = select.locator("option").all()
        if len(options) > 2:
            select.select_option(index=len(options) - 1)
            page.wait_for_timeout(800)


def _load_preset(page: Page) -> None:
    select = page.locator("#sim-preset")
    values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    current = select.input_value()
    chosen = next(v for v in values if v not in (current, "custom"))
    select.select_option(chosen)  # a starting point loads when it is chosen
    page.wait_for_timeout(2500)


def parameter_ranges(page: Page) -> dict[str, dict[str, float]]:
    """{parameter name: {min, max, step}} of the simulator's number fields."""
    ranges: dict[str, dict[str, float]] = page.eval_on_selector_all(
        PARAMETER_FIELDS,
        """fields => Object.fromEntries(fields.map(f => [JSON.parse(f.id).name,
            {min: Number(f.min), max: Number(f.max), step: Number(f.step) || 1}]))""",
    )
    return ranges


def record(base_url: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    current: dict[str, Any] = {"path": "/", "kind": "router"}

    def keep(request) -> None:  # type: ignore[no-untyped-def]
        if request.method != "POST" or not urlparse(request.url).path.endswith("/_dash-update-component"):
            return
        body = json.loads(request.post_data or "{}")
        kind = "router" if "_pages_content" in str(body.get("output")) else current["kind"]
        records.append({**current, "kind": kind, "body": body})

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.on("request", keep)
        for path in PAGES:
            current = {"path": path, "kind": "router"}
            response = page.goto(base_url + path)
            if response is None or response.status != 200:
                continue
            page.wait_for_selector(
                "#_pages_content main h1, #imw-first-view[data-static] main h1", state="attached"
            )
            page.wait_for_load_state("networkidle")
            if page.locator("#imw-first-view[data-static]").count():
                records.append({"path": path, "kind": "static"})
                continue
            if path == "/simulator":
                current = {"path": path, "kind": "preset"}
                _load_preset(page)
                ranges = parameter_ranges(page)
                for field in page.locator(PARAMETER_FIELDS).all()[:3]:
                    name = json.loads(field.get_attribute("id") or "{}").get("name")
                    low, high, step = ranges[name]["min"], ranges[name]["max"], ranges[name]["step"]
                    value = float(field.input_value())
                    new = value + step if value + step <= high else value - step
                    current = {"path": path, "kind": "parameter", "field": {"name": name, "ranges": ranges}}
                    field.fill(f"{new:g}")
                    page.wait_for_timeout(1500)
                    assert low <= new <= high
            elif path != "/simulator/vergelijken":
                current = {"path": path, "kind": "filter"}
                _change_filters(page)
        browser.close()
    return records


def main() -> None:
    base_url, out = sys.argv[1], Path(sys.argv[2])
    records = record(base_url)
    kinds = sorted({r["kind"] for r in records})
    if not any(r["kind"] == "parameter" for r in records) or not any(r["kind"] == "filter" for r in records):
        raise SystemExit(f"too little was recorded ({kinds}): is the portal running at {base_url}?")
    busy = {"kind": "busy", "texts": [t("sim.status.busy", language)[:40] for language in ("nl", "en")]}
    out.write_text(json.dumps([*records, busy], ensure_ascii=False), encoding="utf-8")
    counts = {kind: sum(r["kind"] == kind for r in records) for kind in kinds}
    print(f"recorded {len(records)} requests from {len({r['path'] for r in records})} pages: {counts}")


if __name__ == "__main__":
    main()
