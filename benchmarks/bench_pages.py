"""Benchmark of what a visitor's browser gets: bytes over the wire, layout shifts, first results. `make bench`.

In Debian's chromium (Playwright, a fresh profile per visitor), against a portal on a free loopback port (or
``--url`` for one already running), for every page of the portal:

- first visit: the bytes that crossed the wire (encoded, as the network reports them: compressed where the
  server compressed; cache hits count zero), the time until the page's own heading is on screen, and the
  cumulative layout shift (CLS, as Lighthouse counts it: the largest burst of shifts without user input);
- second visit: another page opened in the same browser afterwards (its cache warm): the bytes again;
- a shared simulator link (a scenario that is not the baseline) opened in a fresh browser: the time from the
  start of navigation until the first results are visible (the summary, and the budget chart drawn when the
  visitor scrolls to it as soon as the summary shows).

Ends with one line:

    bench: first_visit_max_kb=A second_visit_max_kb=B cls_max=C shared_link_results_ms=D shared_link_chart_ms=E

Targets on the 2-core reference machine: A <= 1200, B <= 150, C < 0.05, D <= 1000 (issue 11).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from portal_server import PAGES, portal  # noqa: E402

from tests.browser.chromium import CHROMIUM_ARGS  # noqa: E402  (one place for how chromium starts)

#: A shared link: the baseline with a longer fallback window (any scenario that is not the baseline will do).
SHARED_SCENARIO = {"name": "Gedeelde link", "parameters": {"fallback.window_quarters": 16}}
#: A new seed for every opening, so that the server computes the link's scenario afresh (the first of a crowd).
FIRST_SEED = 7_000_000

# Recorded from the first script on: layout shifts (with Lighthouse's session windows: a burst ends after 1 s
# without a shift or after 5 s) and the moment the first results of the simulator are on screen.
PROBE_SCRIPT = """
(() => {
  const probe = window.__probe = {cls: 0, windowValue: 0, windowStart: -1, last: -1, summary: null, chart: null};
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) { continue; }
      if (probe.windowStart < 0 || entry.startTime - probe.last > 1000 || entry.startTime - probe.windowStart > 5000) {
        probe.windowStart = entry.startTime; probe.windowValue = 0;
      }
      probe.windowValue += entry.value; probe.last = entry.startTime;
      probe.cls = Math.max(probe.cls, probe.windowValue);
    }
  }).observe({type: "layout-shift", buffered: true});
  const visible = (element) => {
    if (!element) { return false; }
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.height > 0 && style.visibility !== "hidden" && element.closest("[hidden]") === null
      && element.textContent.trim().length > 0;
  };
  const look = () => {
    const now = performance.now();
    if (probe.summary === null && visible(document.querySelector("#sim-summary"))) {
      probe.summary = now;  // the first view's summary (in the HTML), or Dash's
    }
    // The budget chart sits below the fold and draws when seen: the visitor scrolls to it as soon as Dash has
    // put its place on the page.
    const place = document.querySelector("#_pages_content .chart-place[data-graph='sim-budget-graph']");
    if (probe.summary !== null && place && !probe.scrolled) { place.scrollIntoView(); probe.scrolled = true; }
    if (probe.chart === null && document.querySelector("#sim-budget-graph .cartesianlayer .trace")) {
      probe.chart = now;
    }
    if (probe.summary === null || probe.chart === null) { requestAnimationFrame(look); }
  };
  requestAnimationFrame(look);
})();
"""


class Visitor:
    """One browser profile; counts the encoded bytes of every response it receives over the network."""

    def __init__(self, browser: Any, viewport: dict[str, int]) -> None:
        self.context = browser.new_context(viewport=viewport, locale="nl-BE")
        self.context.add_init_script(PROBE_SCRIPT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.session = self.context.new_cdp_session(self.page)
        self.session.send("Network.enable")
        self.bytes = 0
        self.session.on("Network.loadingFinished", self._finished)

    def _finished(self, event: dict[str, Any]) -> None:
        self.bytes += int(event.get("encodedDataLength", 0))

    def visit(self, url: str) -> dict[str, float]:
        """Open a page and wait until it is rendered and quiet: bytes, time to its heading, CLS."""
        self.bytes = 0
        self.page.goto(url)
        # The first view is in the HTML (components/shell/first_view.py); home, methodology and the statement have
        # no Dash.
        self.page.wait_for_selector("main h1", state="visible")
        heading_ms = self.page.evaluate("() => performance.now()")
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(500)  # late shifts (a chart drawn after the network went quiet) count too
        return {
            "kb": self.bytes / 1000,
            "heading_ms": float(heading_ms),
            "cls": float(self.page.evaluate("() => window.__probe.cls")),
        }

    def close(self) -> None:
        self.context.close()


def shared_link_state(seed: int) -> str:
    """The simulator link (?s=) of SHARED_SCENARIO with this seed, as the portal encodes it."""
    from data.scenario.schema import parse_scenario
    from services.scenario_url import encode_scenario

    return encode_scenario(parse_scenario({**SHARED_SCENARIO, "seed": seed}))


def measure(base: str, repeats: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise SystemExit("Debian's chromium is not installed (make test installs it)")
    pages: dict[str, dict[str, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        # Warm the server (its caches), as a crowd would have: the first visitor of a process is measured apart.
        warm = Visitor(browser, {"width": 1366, "height": 900})
        for path in PAGES:
            warm.visit(base + path)
        warm.close()
        for index, path in enumerate(PAGES):
            visitor = Visitor(browser, {"width": 1366, "height": 900})
            first = visitor.visit(base + path)
            other = PAGES[(index + 1) % len(PAGES)]
            second = visitor.visit(base + other)
            visitor.close()
            pages[path] = {**first, "second_kb": second["kb"], "second_path": other}  # type: ignore[dict-item]
        phone = Visitor(browser, {"width": 390, "height": 844})
        phone_cls = {path: phone.visit(base + path)["cls"] for path in PAGES}
        phone.close()
        results, charts = [], []
        for _ in range(repeats):
            # A fresh browser each time, and a scenario the server has not computed yet.
            visitor = Visitor(browser, {"width": 1366, "height": 900})
            url = f"{base}/simulator?s={shared_link_state(FIRST_SEED + random.randrange(1_000_000))}"
            visitor.page.goto(url)
            visitor.page.wait_for_function(
                "() => window.__probe.summary !== null && window.__probe.chart !== null"
            )
            probe = visitor.page.evaluate("() => window.__probe")
            results.append(float(probe["summary"]))
            charts.append(float(probe["chart"]))
            visitor.close()
        browser.close()
    return {
        "pages": pages,
        "phone_cls": phone_cls,
        "shared_link_results_ms": statistics.median(results),
        "shared_link_chart_ms": statistics.median(charts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="a portal already running (loopback), instead of starting one")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with portal(args.url) as base:
        figures = measure(base, args.repeats)
    print("| page | first visit kB | heading ms | CLS desktop | CLS phone | then | second visit kB |")
    print("|---|---:|---:|---:|---:|---|---:|")
    for path, row in figures["pages"].items():
        print(
            f"| {path} | {row['kb']:.0f} | {row['heading_ms']:.0f} | {row['cls']:.3f} | "
            f"{figures['phone_cls'][path]:.3f} | {row['second_path']} | {row['second_kb']:.0f} |"
        )
    print(
        f"shared simulator link, fresh browser: first results {figures['shared_link_results_ms']:.0f} ms, "
        f"budget chart drawn {figures['shared_link_chart_ms']:.0f} ms after navigation (median of {args.repeats})"
    )
    rows = figures["pages"].values()
    cls_max = max([row["cls"] for row in rows] + list(figures["phone_cls"].values()))
    print(
        f"bench: first_visit_max_kb={max(row['kb'] for row in rows):.0f} "
        f"second_visit_max_kb={max(row['second_kb'] for row in rows):.0f} cls_max={cls_max:.3f} "
        f"shared_link_results_ms={figures['shared_link_results_ms']:.0f} "
        f"shared_link_chart_ms={figures['shared_link_chart_ms']:.0f}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
