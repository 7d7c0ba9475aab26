"""Benchmark of the simulator page (issue: scenario simulator). Run with `make bench`.

Server side: the page's callbacks called as plain functions inside the app (its result cache, 1,000 draws):

- cold: the first scenario of a warm process (nothing cached yet);
- changed: a changed parameter (a scenario not seen before): the page's one callback for a changed field, which
  checks the settings and computes the results (projection, summary, charts), the sensitivity and the coverage;
- repeated: a scenario seen before (served from the cache), the same callback.

Browser side (when Debian's chromium is installed; `--no-browser` skips it): a portal on a free loopback port,
a parameter changed in the page, and the time until the budget chart shows the new figures; then back to the
previous value (a repeated scenario). Both times are taken inside the page (performance.now): from the request that
sends the changed value (after the input's 250 ms pause for typing) to the budget chart drawn again, and from the
last keystroke (the input event) to the chart drawn again, the pause included.

Ends with one line:

    bench: cold_ms=A changed_ms=B repeated_ms=C browser_changed_ms=D browser_repeated_ms=E

Targets on the 2-core reference machine: B < 300, C < 100, D < 300 (issue 11: a change redrawn within 300 ms of
the value being sent; charts are redrawn in place, with their new data alone when their layout stays).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal_server import portal  # noqa: E402

CONTROL = '{"name":"loonpremie.package.five_year_standard.band_1","type":"sim-param"}'
TYPING_PAUSE_MS = 250


def timed(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def server_side(repeats: int) -> dict[str, float]:
    """Median milliseconds of the page's callbacks for a cold, a changed and a repeated scenario."""
    from app import create_app
    from components.simulator import ids
    from pages.simulator import page as simulator
    from pages.simulator.state import control_values, meta_document
    from services.config import Settings
    from services.scenario_url import decode_scenario
    from services.scenarios import scenario_parameters

    app = create_app(Settings())
    names = list(scenario_parameters())
    control_ids = [ids.parameter_id(name) for name in names]
    baseline = decode_scenario(None).scenario
    meta = meta_document(baseline, "basis")
    shown = control_values(baseline, names)
    position = names.index("loonpremie.package.five_year_standard.band_1")

    def page_round(values: list[Any]) -> None:
        # The one callback a changed field runs: the check of every field, the results, the sensitivity.
        simulator.page_outputs(values, 12, 1000, meta, control_ids, None, None, [], "nl")

    with app.server.app_context():
        cold = timed(lambda: page_round(list(shown)))
        changed_times, repeated_times = [], []
        for index in range(repeats):
            values = list(shown)
            values[position] = 45 + 5 * (index % 6) if index % 6 != 0 else 70
            values[names.index("inflow.trend")] = round(1 + 0.5 * index, 1)  # a new scenario every round
            changed_times.append(timed(lambda values=values: page_round(values)))
            repeated_times.append(timed(lambda values=values: page_round(values)))
    return {
        "cold": cold,
        "changed": statistics.median(changed_times),
        "repeated": statistics.median(repeated_times),
    }


def browser_side(repeats: int) -> dict[str, float] | None:
    """Median milliseconds from the changed value sent to the budget chart redrawn, in Debian's chromium."""
    executable = shutil.which("chromium")
    if executable is None:
        print("browser: skipped (Debian's chromium is not installed)")
        return None
    from playwright.sync_api import sync_playwright

    with portal(start_seconds=60) as base:
        args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=args)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"{base}/simulator")
            # The budget chart draws when it comes near the screen (components/shell/lazy.py).
            page.locator(".chart-place[data-graph='sim-budget-graph']").scroll_into_view_if_needed()
            page.wait_for_function(
                "() => { const g = document.querySelector('#sim-budget-graph .js-plotly-plot');"
                " return g && g.data && g.data.length > 0; }"
            )
            page.wait_for_load_state("networkidle")
            # Timed inside the page (performance.now), so that the driver's own round trips do not count: the
            # last input event, the start of the callback request, and the budget chart drawn again.
            page.evaluate(
                """() => {
                    window.__bench = {};
                    const field = document.querySelector(`[id='${CONTROL}']`);
                    field.addEventListener("input", () => { window.__bench.typed = performance.now(); });
                    const graph = document.querySelector("#sim-budget-graph .js-plotly-plot");
                    graph.on("plotly_afterplot", () => { window.__bench.drawn = performance.now(); });
                }""".replace("${CONTROL}", CONTROL)
            )
            field = page.locator(f"[id='{CONTROL}']")

            def change_to(value: str) -> tuple[float, float]:
                before = page.evaluate(
                    "() => JSON.stringify(document.querySelector('#sim-budget-graph .js-plotly-plot').data[0].y)"
                )
                page.evaluate("() => { window.__bench = {}; performance.clearResourceTimings(); }")
                field.fill(value)
                page.wait_for_function(
                    "(b) => JSON.stringify(document.querySelector('#sim-budget-graph .js-plotly-plot').data[0].y)"
                    " !== b && window.__bench.drawn",
                    arg=before,
                )
                timing = page.evaluate(
                    """() => {
                        const sent = performance.getEntriesByType("resource")
                            .filter(e => e.name.includes("_dash-update-component"))
                            .map(e => e.startTime);
                        return [window.__bench.typed, Math.min(...sent), window.__bench.drawn];
                    }"""
                )
                typed, sent, drawn = timing
                return drawn - sent, drawn - typed

            changed, repeated, typed_changed = [], [], []
            values = ["45", "50", "55", "60", "65", "70", "75", "25", "30", "35"]
            for index in range(repeats):
                new = values[index % len(values)]
                after_send, after_typing = change_to(new)
                changed.append(after_send)
                typed_changed.append(after_typing)
                repeated.append(change_to("40")[0])  # back to the baseline: seen before, cached
                page.wait_for_timeout(200)
            browser.close()
    return {
        "changed": statistics.median(changed),
        "repeated": statistics.median(repeated),
        "changed_from_typing": statistics.median(typed_changed),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    server = server_side(args.repeats)
    print(f"server, first scenario of the process (cold): {server['cold']:.0f} ms")
    print(f"server, changed parameter, median of {args.repeats}: {server['changed']:.0f} ms")
    print(f"server, repeated scenario (cached), median of {args.repeats}: {server['repeated']:.1f} ms")
    browser = None if args.no_browser else browser_side(max(3, args.repeats // 2))
    line = (
        f"bench: cold_ms={server['cold']:.0f} changed_ms={server['changed']:.0f} "
        f"repeated_ms={server['repeated']:.1f}"
    )
    if browser is not None:
        print(f"browser, changed parameter, value sent to chart redrawn: {browser['changed']:.0f} ms")
        print(
            f"browser, changed parameter, keystroke to chart redrawn (with the {TYPING_PAUSE_MS} ms pause): "
            f"{browser['changed_from_typing']:.0f} ms"
        )
        print(f"browser, repeated scenario, value sent to chart redrawn: {browser['repeated']:.0f} ms")
        line += f" browser_changed_ms={browser['changed']:.0f} browser_repeated_ms={browser['repeated']:.0f}"
    print(line)


if __name__ == "__main__":
    main()
