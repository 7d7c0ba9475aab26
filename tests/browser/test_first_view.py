"""The first view the server writes into each page is the DOM Dash renders (so nothing moves when Dash takes
over), pages no callback reaches work without Dash, and the browser gets the light bundles (issue 11)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from plotly.offline import get_plotlyjs_version

from data.scenario.presets import load_presets
from services.scenario_url import encode_scenario
from tests.browser.conftest import PageProbe

pytestmark = pytest.mark.browser

DASH_PAGES = [
    "/tewerkstelling",
    "/werknemers",
    "/werkgevers",
    "/middelen",
    "/doorstroom",
    "/verdringing",
    "/collectief-maatwerk",
    "/simulator",
    "/simulator/vergelijken",
    "/calculator",
]
STATIC_PAGES = ["/", "/methodologie", "/toegankelijkheid", "/no-such-page"]

# A description of an element tree that two documents can be compared by: tags, attributes (class as a set,
# style as the browser parses it), the values fields show, and the text of each element. Chart places are
# compared as places (what is drawn in them is plotly's); `inert` is the first view's own mark. Two things
# nobody sees are left out: the text of hidden elements and the language switch's address, which clientside
# callbacks bring up to date with the address bar.
DESCRIBE = """
(root) => {
  const skip = new Set(["inert", "value", "checked", "selected", "data-dash-is-loading"]);
  function describe(element) {
    const attributes = {};
    for (const attribute of element.attributes) {
      if (skip.has(attribute.name)) { continue; }
      if (attribute.name === "href" && element.classList.contains("language-switch")) { continue; }
      if (attribute.name === "class") { attributes.class = [...element.classList].sort().join(" "); }
      else if (attribute.name === "style") { attributes.style = element.style.cssText; }
      else { attributes[attribute.name] = attribute.value; }
    }
    const place = element.classList.contains("chart-place");
    if (place) { delete attributes.style; delete attributes["data-chart"]; }
    const fields = {};
    if (element.tagName === "INPUT") { fields.value = element.value; fields.checked = element.checked; }
    if (element.tagName === "SELECT") { fields.value = element.value; }
    const text = element.hidden ? "" : [...element.childNodes].filter((node) => node.nodeType === 3)
      .map((node) => node.textContent).join("").replace(/\\s+/g, " ").trim();
    return {
      tag: element.tagName, attributes, fields, text,
      children: place ? [] : [...element.children].map(describe),
    };
  }
  return describe(root);
}
"""


def differences(first: dict[str, Any], dash: dict[str, Any], path: str = "") -> list[str]:
    here = f"{path}/{first['tag'].lower()}"
    found = []
    for key in ("tag", "attributes", "fields", "text"):
        if first[key] != dash[key]:
            found.append(f"{here} {key}: first view {first[key]!r} != Dash {dash[key]!r}")
    if len(first["children"]) != len(dash["children"]):
        tags = [[child["tag"] for child in side["children"]] for side in (first, dash)]
        found.append(f"{here} children: first view {tags[0]} != Dash {tags[1]}")
        return found
    for index, (a, b) in enumerate(zip(first["children"], dash["children"], strict=True)):
        found += differences(a, b, f"{here}[{index}]")
    return found


def first_view_of(probe: PageProbe, path: str) -> dict[str, Any]:
    """The first view as the server sends it, parsed by the browser (no script runs in a parsed document)."""
    html = probe.page.request.get(probe.base_url + path).text()
    return probe.page.evaluate(
        "([html, describe]) => {"
        "  const root = new DOMParser().parseFromString(html, 'text/html')"
        "    .querySelector('#imw-first-view > *');"
        "  return root ? eval(describe)(root) : null; }",
        [html, DESCRIBE],
    )


SIMULATOR_LINK = "/simulator?s=" + encode_scenario(load_presets()["terugval_5_jaar"].scenario) + "&lang=en"


@pytest.mark.parametrize(
    "path", [*DASH_PAGES, "/tewerkstelling?lang=en&imw_workers.by=sector", SIMULATOR_LINK]
)
def test_the_first_view_is_the_dom_dash_renders(browser_page: PageProbe, path):
    written = first_view_of(browser_page, path)
    assert written is not None, "a page Dash runs carries its first view"
    page = browser_page.open(path)
    assert page.locator("#imw-first-view").count() == 0, "Dash's page has taken the first view's place"
    rendered = page.evaluate(
        "(describe) => eval(describe)(document.querySelector('#_pages_content > *'))", DESCRIBE
    )
    found = differences(written, rendered)
    assert not found, f"{len(found)} differences, the first:\n" + "\n".join(found[:15])
    browser_page.assert_clean()


@pytest.mark.parametrize("path", STATIC_PAGES)
def test_a_page_no_callback_reaches_works_without_dash(browser_page: PageProbe, path):
    page = browser_page.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(browser_page.base_url + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("#imw-first-view[data-static] main h1").count() == 1
    # It runs no script: the Dash scripts are only prefetched (rel=prefetch, for the next page), never executed.
    executed = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script').map(e => e.name)"
    )
    assert executed == [], "a static page runs no script"
    assert page.evaluate(
        "() => typeof window.React === 'undefined' && typeof window.dash_clientside === 'undefined'"
    )
    # Once loaded and idle, the next page's scripts are prefetched (not run).
    page.wait_for_function("() => document.querySelectorAll('link[rel=prefetch]').length > 3")
    prefetched = page.eval_on_selector_all("link[rel=prefetch]", "links => links.map(l => l.href)")
    assert any("react-dom" in url for url in prefetched) and any("plotly" in url for url in prefetched)
    page.wait_for_load_state("networkidle")
    executed = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(e => e.initiatorType === 'script').map(e => e.name)"
    )
    assert executed == [], "the prefetched scripts are not run"
    assert page.evaluate("() => typeof window.DashRenderer") == "undefined"
    # The menu button folds and unfolds the menu on a phone, and says so.
    toggler = page.locator("#shell-nav-toggler")
    assert not page.locator("#shell-nav-collapse a.nav-link").first.is_visible()
    toggler.click()
    page.wait_for_selector("#shell-nav-collapse a.nav-link", state="visible")
    assert toggler.get_attribute("aria-expanded") == "true"
    toggler.click()
    page.wait_for_selector("#shell-nav-collapse a.nav-link", state="hidden")
    assert toggler.get_attribute("aria-expanded") == "false"
    browser_page.assert_accessible()
    browser_page.assert_clean(allow_http_errors=path == "/no-such-page")
    browser_page.assert_local_only()


def test_charts_are_drawn_with_the_partial_plotly_bundle_when_they_come_into_view(browser_page: PageProbe):
    page = browser_page.open("/tewerkstelling")
    places = page.locator(".chart-place")
    count = places.count()
    assert count >= 2
    assert page.locator(".chart-place[data-chart=waiting]").count() >= 1, "charts below the fold wait"
    for index in range(count):
        places.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(
            "(index) => document.querySelectorAll('.chart-place')[index].dataset.chart === 'drawn'", arg=index
        )
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('.chart-place .js-plotly-plot')]"
        ".map(plot => plot._fullData.length > 0 && plot.querySelector('.main-svg .trace') !== null)"
    )
    assert drawn == [True] * count
    assert page.evaluate("() => window.Plotly.version") == get_plotlyjs_version()
    traces = page.evaluate("() => Object.keys(window.Plotly.PlotSchema.get().traces).sort()")
    assert traces == ["bar", "pie", "scatter"], "the basic bundle, not the full one"
    sizes = page.evaluate(
        "() => performance.getEntriesByType('resource').filter(e => e.name.includes('plotly'))"
        ".map(e => e.decodedBodySize)"
    )
    assert sizes and max(sizes) < 1_300_000
    browser_page.assert_clean()


def test_every_simulator_chart_draws_with_the_partial_bundle(browser_page: PageProbe):
    page = browser_page.open("/simulator")
    for graph in (
        "sim-budget-graph",
        "sim-workers-graph",
        "sim-coaching-graph",
        "sim-contingent-graph",
        "sim-tornado-graph",
    ):
        place = page.locator(f".chart-place[data-graph='{graph}']")
        place.scroll_into_view_if_needed()
        page.wait_for_function(
            "(id) => { const plot = document.querySelector(`#${id} .js-plotly-plot`);"
            " return plot && plot._fullData.length > 0 && plot.querySelector('.main-svg .trace'); }",
            arg=graph,
        )
    assert page.evaluate("() => window.Plotly.version") == get_plotlyjs_version()
    browser_page.assert_clean()


def test_a_modern_browser_gets_no_polyfill_and_no_table_bundle(browser_page: PageProbe):
    browser_page.open("/werknemers")
    loaded = json.dumps(browser_page.requests)
    assert "polyfill@" not in loaded
    assert "dash_table" not in loaded
    assert "regenerator-runtime" in loaded
    assert browser_page.page.evaluate("() => typeof regeneratorRuntime") == "object"
