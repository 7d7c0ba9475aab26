"""Record the callback requests a real browser sends while someone uses the portal.

The load test replays them (with variations), so that it exercises the callbacks exactly as the pages call them.
Run by `make load` before locust: `python benchmarks/load/record_payloads.py http://127.0.0.1:8799 OUT.json`.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.browser.chromium import CHROMIUM_ARGS  # one place for how chromium starts

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
]


def _change_first_controls(page: Page) -> None:
    """Change a select and a number input, if the page has them, so that filter callbacks fire."""
    for select in page.locator("select").all()[:2]:
        options = select.locator("option").all()
        if len(options) > 1:
            select.select_option(index=len(options) - 1)
            page.wait_for_timeout(600)
    for field in page.locator("input[type=number]").all()[:2]:
        field.fill(str(field.get_attribute("max") or "1"))
        field.press("Enter")
        page.wait_for_timeout(1200)


def record(base_url: str) -> list[dict[str, object]]:
    bodies: list[dict[str, object]] = []

    def keep(request) -> None:  # type: ignore[no-untyped-def]
        if request.method == "POST" and urlparse(request.url).path.endswith("/_dash-update-component"):
            bodies.append({"path": current["path"], "body": json.loads(request.post_data or "{}")})

    current = {"path": "/"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("request", keep)
        for path in PAGES:
            current["path"] = path
            response = page.goto(base_url + path)
            if response is None or response.status != 200:
                continue
            page.wait_for_timeout(2500)
            _change_first_controls(page)
        browser.close()
    return bodies


def main() -> None:
    base_url, out = sys.argv[1], Path(sys.argv[2])
    bodies = record(base_url)
    if not bodies:
        raise SystemExit("no callback requests were recorded: is the portal running at " + base_url + "?")
    out.write_text(json.dumps(bodies, ensure_ascii=False), encoding="utf-8")
    print(f"recorded {len(bodies)} callback requests from {len({b['path'] for b in bodies})} pages")


if __name__ == "__main__":
    main()
