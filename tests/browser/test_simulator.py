"""The simulator in a real browser: a changed control changes the chart and the link, the link opens the same
figures elsewhere, files go up and come down, two presets compare; clean console, accessible, local only."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from components.simulator import ids
from data.scenario.files import parse_scenario_text
from data.scenario.presets import load_presets
from services.scenario_url import decode_scenario
from tests.browser.conftest import PageProbe

pytestmark = pytest.mark.browser

BAND = "loonpremie.package.five_year_standard.band_1"
PRESETS = load_presets()


def control(name: str, kind: str = ids.PARAMETER) -> str:
    """The CSS selector of a parameter's control (Dash writes a dict id as JSON in the id attribute)."""
    return f"[id='{ids.dom_id({'type': kind, 'name': name})}']"


def open_simulator(probe: PageProbe, path: str = "/simulator") -> Any:
    page = probe.open(path)
    wait_for_results(page)
    return page


def wait_for_results(page: Any) -> None:
    # The budget chart draws when it comes near the screen (components/shell/lazy.py).
    page.locator(".chart-place[data-graph='sim-budget-graph']").scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const g = document.querySelector('#sim-budget-graph .js-plotly-plot');"
        " return g && g.data && g.data.length >= 3 && document.querySelector('#sim-key-figures table'); }"
    )
    page.wait_for_load_state("networkidle")


def budget_data(page: Any) -> str:
    return page.evaluate(
        "() => JSON.stringify(document.querySelector('#sim-budget-graph .js-plotly-plot').data.map(t => t.y))"
    )


def wait_for_change(page: Any, before: str) -> None:
    page.wait_for_function(
        "(before) => JSON.stringify(document.querySelector('#sim-budget-graph .js-plotly-plot').data"
        ".map(t => t.y)) !== before",
        arg=before,
    )
    page.wait_for_load_state("networkidle")


def state_in(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("s")
    return values[0] if values else None


def wait_for_state(page: Any, before: str | None = None) -> str:
    """The scenario state in the address bar, once the page has written one other than `before`."""
    page.wait_for_function(
        "(before) => { const s = new URLSearchParams(window.location.search).get('s');"
        " return s && s !== before; }",
        arg=before,
    )
    state = state_in(page.url)
    assert state is not None
    return state


def test_a_changed_control_changes_the_budget_chart_and_the_link(browser_page: PageProbe, open_fresh_page):
    page = open_simulator(browser_page)
    assert state_in(page.url) is None  # the baseline needs no state in the link
    before = budget_data(page)
    key_figures = page.inner_text("#sim-key-figures")
    page.fill(control(BAND), "55")
    wait_for_change(page, before)
    assert page.inner_text("#sim-key-figures") != key_figures
    state = wait_for_state(page)
    assert decode_scenario(state).scenario.parameters == {BAND: 0.55}
    assert "(aangepast)" in page.inner_text(f"#{ids.SCENARIO_NAME}")

    other = open_fresh_page()
    copy = open_simulator(other, f"/simulator?s={state}")
    assert budget_data(copy) == budget_data(page)
    assert copy.inner_text("#sim-key-figures") == page.inner_text("#sim-key-figures")
    assert copy.input_value(control(BAND)) == "55"
    browser_page.assert_clean()
    other.assert_clean()


def test_a_wrong_value_gets_a_message_at_the_field_and_nothing_runs(browser_page: PageProbe):
    page = open_simulator(browser_page)
    before = budget_data(page)
    url = page.url
    page.fill(control(BAND), "90")
    feedback = page.locator(control(BAND, ids.PARAMETER_FEEDBACK))
    feedback.wait_for(state="visible")
    assert "van 20 tot 75" in feedback.inner_text()
    assert "Nog niet doorgerekend" in page.inner_text(f"#{ids.STATUS}")
    page.wait_for_load_state("networkidle")
    assert budget_data(page) == before and page.url == url
    page.fill(control(BAND), "45")
    wait_for_change(page, before)
    assert not feedback.is_visible()
    assert page.inner_text(f"#{ids.STATUS}").strip() == ""
    browser_page.assert_clean()


def test_a_preset_loads_into_every_control(browser_page: PageProbe):
    page = open_simulator(browser_page)
    before = budget_data(page)
    page.select_option(f"#{ids.PRESET}", "terugval_bovenop_contingent")
    page.wait_for_function(
        "() => document.querySelector('#sim-preset-description').innerText.includes('punt 8')"
    )
    wait_for_change(page, before)  # chosen is loaded: no second button
    assert page.input_value(control("fallback.mode")) == "on_top"
    assert page.inner_text(f"#{ids.SCENARIO_NAME}") == "Terugkeer bovenop het contingent"
    assert decode_scenario(wait_for_state(page)).scenario.parameters == {"fallback.mode": "on_top"}
    browser_page.assert_clean()


def test_uploading_a_scenario_file_sets_the_controls(browser_page: PageProbe, tmp_path: Path):
    page = open_simulator(browser_page)
    before = budget_data(page)
    scenario_file = tmp_path / "mijn-scenario.yaml"
    scenario_file.write_text(
        "name: Mijn scenario\ndraws: 0\nparameters:\n  fallback.window_quarters: 8\n"
        "  collectief.extra_places_per_year: 500\n",
        encoding="utf-8",
    )
    page.set_input_files(f"#{ids.UPLOAD} input[type=file]", str(scenario_file))
    wait_for_change(page, before)
    assert "Opgeladen: Mijn scenario" in page.inner_text(f"#{ids.UPLOAD_MESSAGE}")
    assert page.input_value(control("fallback.window_quarters")) == "8"
    assert page.input_value(control("collectief.extra_places_per_year")) == "500"
    assert page.inner_text(f"#{ids.SCENARIO_NAME}") == "Mijn scenario"
    bad = tmp_path / "kapot.yaml"
    bad.write_text("parameters:\n  fallback.window_quarters: 99\n", encoding="utf-8")
    page.set_input_files(f"#{ids.UPLOAD} input[type=file]", str(bad))
    page.wait_for_function(
        "() => document.querySelector('#sim-upload-message').innerText.includes('kan niet gebruikt worden')"
    )
    assert page.input_value(control("fallback.window_quarters")) == "8"
    browser_page.assert_clean()


def test_the_scenario_and_its_results_download(browser_page: PageProbe):
    page = open_simulator(browser_page)
    before = budget_data(page)
    page.fill(control("fallback.window_quarters"), "20")
    wait_for_state(page)
    # A longer fallback inside the contingent costs nothing on top: the budget moves by the few returns only.
    after = [y for trace in json.loads(budget_data(page)) for y in trace]
    assert after == pytest.approx([y for trace in json.loads(before) for y in trace], rel=1e-3)
    with page.expect_download() as download:
        page.click(f"#{ids.DOWNLOAD_SCENARIO_YAML}")
    text = Path(download.value.path()).read_text(encoding="utf-8")
    scenario = parse_scenario_text(text, "yaml")
    assert scenario.parameters == {"fallback.window_quarters": 20}
    assert set(yaml.safe_load(text)["computed_with"]) == {"model_version", "parameters_version"}
    with page.expect_download() as download:
        page.click(f"#{ids.DOWNLOAD_RESULTS_CSV}")
    assert download.value.suggested_filename.endswith(".csv")
    csv = Path(download.value.path()).read_text(encoding="utf-8")
    assert (
        "# model_version:" in csv
        and "# parameters_version:" in csv
        and '"fallback.window_quarters": 20' in csv
    )
    with page.expect_download() as download:
        page.click(f"#{ids.DOWNLOAD_RESULTS_XLSX}")
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"  # a zip: the XLSX container
    with page.expect_download() as download:
        page.click(f"#{ids.DOWNLOAD_SCENARIO_JSON}")
    document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert document["parameters"] == {"fallback.window_quarters": 20}
    browser_page.assert_clean()


def test_a_tampered_link_shows_the_baseline_and_a_message(browser_page: PageProbe):
    page = open_simulator(browser_page, "/simulator?s=eJzLSM3JyVcozy_KSQEAGgQEXQ-kapot")
    assert "basisscenario" in page.inner_text(f"#{ids.LINK_NOTICE}")
    assert page.input_value(control(BAND)) == "40"
    browser_page.assert_clean()


def test_the_language_switch_keeps_the_scenario(browser_page: PageProbe):
    page = open_simulator(browser_page)
    before = budget_data(page)
    page.fill(control(BAND), "50")
    wait_for_change(page, before)
    state = wait_for_state(page)
    page.click("a.language-switch")
    browser_page.wait_until_rendered()
    wait_for_results(page)
    assert parse_qs(urlsplit(page.url).query)["lang"] == ["en"]
    assert state_in(page.url) == state
    assert page.input_value(control(BAND)) == "50"
    assert "Scenario simulator" in page.inner_text("h1")
    browser_page.assert_clean()


def test_two_presets_compare_side_by_side(browser_page: PageProbe):
    page = browser_page.open("/simulator/vergelijken?a=basis&b=terugval_bovenop_contingent&c=none")
    page.locator(f"#{ids.COMPARE_DECOMPOSITION}").scroll_into_view_if_needed()  # charts draw when seen
    page.wait_for_selector(f"#{ids.COMPARE_DECOMPOSITION} .js-plotly-plot")
    page.wait_for_load_state("networkidle")
    parameters = page.inner_text(f"#{ids.COMPARE_PARAMETERS}")
    assert (
        "Terugkeer binnen of bovenop het contingent" in parameters and "bovenop het contingent" in parameters
    )
    decomposition = page.inner_text(f"#{ids.COMPARE_DECOMPOSITION}")
    assert "Terugval en contingent" in decomposition and "Totaal verschil" in decomposition
    assert "Kost van plaatsen bovenop het contingent" in page.inner_text(f"#{ids.COMPARE_OUTPUTS}")
    select = f"[id='{ids.dom_id({'type': ids.COMPARE_SLOT, 'slot': 'c'})}']"
    page.select_option(select, "bredere_reikwijdte")
    page.wait_for_function("() => window.location.search.includes('c=bredere_reikwijdte')")
    page.wait_for_function(
        "() => document.querySelectorAll('#sim-compare-decomposition .js-plotly-plot').length === 2"
    )
    browser_page.assert_clean()


@pytest.mark.parametrize("path", ["/simulator", "/simulator?lang=en", "/simulator/vergelijken"])
def test_the_pages_are_accessible_and_load_nothing_from_elsewhere(browser_page: PageProbe, path: str):
    page = browser_page.open(path)
    if path.startswith("/simulator/vergelijken"):
        page.locator(f"#{ids.COMPARE_DECOMPOSITION}").scroll_into_view_if_needed()  # charts draw when seen
        page.wait_for_selector(f"#{ids.COMPARE_DECOMPOSITION} .js-plotly-plot")
    else:
        wait_for_results(page)
    page.wait_for_load_state("networkidle")
    browser_page.assert_accessible()
    browser_page.assert_local_only()
    browser_page.assert_clean()


def test_every_control_is_reachable_with_the_keyboard(browser_page: PageProbe):
    page = open_simulator(browser_page)
    page.focus(f"#{ids.PRESET}")
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.add(page.evaluate("() => document.activeElement && document.activeElement.id"))
    assert ids.HORIZON in reached
    assert ids.dom_id({"type": ids.PARAMETER, "name": "loonpremie.package.two_year.band_1"}) in reached
    field = control("fallback.window_quarters")
    before = budget_data(page)
    page.focus(field)
    page.keyboard.press("ArrowUp")  # 6 -> 7 quarters
    assert decode_scenario(wait_for_state(page)).scenario.parameters == {"fallback.window_quarters": 7}
    assert page.input_value(field) == "7"
    page.wait_for_load_state("networkidle")
    # A fallback inside the contingent costs nothing on top: the budget moves by the few returns only.
    after = [y for trace in json.loads(budget_data(page)) for y in trace]
    assert after == pytest.approx([y for trace in json.loads(before) for y in trace], rel=1e-3)
    browser_page.assert_clean()


def test_a_change_from_a_date_holds_from_that_date(browser_page: PageProbe):
    page = open_simulator(browser_page)
    before = budget_data(page)
    page.fill(control(BAND), "55")
    wait_for_change(page, before)
    first = budget_data(page)
    # The list of what differs from the baseline names the change, with the date it holds from.
    date_field = control(BAND, ids.PARAMETER_FROM)
    page.wait_for_selector(date_field)
    assert "55" in page.inner_text(f"#{ids.CHANGES}")
    page.fill(date_field, "2030-01-01")
    page.locator(date_field).press("Tab")
    wait_for_change(page, first)
    scenario = decode_scenario(wait_for_state(page)).scenario
    assert scenario.parameters == {BAND: ((dt.date(2030, 1, 1), 0.55),)}
    # Its reset button sets it back to the baseline, and the list is empty again.
    page.click(control(BAND, ids.RESET))
    page.wait_for_function("(s) => !document.querySelector(s)", arg=date_field)
    assert page.input_value(control(BAND)) == "40"
    browser_page.assert_clean()


def test_the_upload_opens_one_file_dialog_by_mouse_and_by_keyboard(browser_page: PageProbe):
    page = open_simulator(browser_page)
    choosers: list[Any] = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    page.click(f"#{ids.UPLOAD}")
    page.wait_for_timeout(500)
    assert len(choosers) == 1
    page.focus(f"#{ids.UPLOAD} input[type=file]")
    outline = page.evaluate(
        f"() => getComputedStyle(document.querySelector('#{ids.UPLOAD} > div')).outlineStyle"
    )
    assert outline == "solid"  # the focus shows on the drop zone
    page.keyboard.press("Space")
    page.wait_for_timeout(500)
    assert len(choosers) == 2
    browser_page.assert_clean()


def test_the_search_narrows_the_fields_and_a_duration_shows_its_years(browser_page: PageProbe):
    page = open_simulator(browser_page)
    years = f"[id='{ids.dom_id({'type': ids.PARAMETER_YEARS, 'name': 'fallback.window_quarters'})}']"
    assert page.inner_text(years) == "= 1,5 jaar"  # the baseline's 6 quarters
    field = control("fallback.window_quarters")
    page.fill(field, "20")
    page.wait_for_function("(s) => document.querySelector(s).innerText === '= 5 jaar'", arg=years)
    page.fill(f"#{ids.PARAMETER_SEARCH}", "terugval duur")
    page.wait_for_function(
        "() => document.querySelector('#sim-param-search-result').innerText.includes('gevonden')"
    )
    shown = page.eval_on_selector_all(".sim-control", "fields => fields.filter(f => !f.hidden).length")
    assert shown == 1 and page.is_visible(field), "only the fallback's duration matches both words"
    # A group that was closed opens when it holds a match.
    page.fill(f"#{ids.PARAMETER_SEARCH}", "uitval wachtrij")
    queue = control("collectief.flows.queue_dropout_rate")
    page.wait_for_selector(queue, state="visible")
    page.fill(f"#{ids.PARAMETER_SEARCH}", "zzzz")
    page.wait_for_function(
        "() => document.querySelector('#sim-param-search-result').innerText.includes('Geen parameter')"
    )
    page.fill(f"#{ids.PARAMETER_SEARCH}", "")
    page.wait_for_function("() => [...document.querySelectorAll('.sim-control')].every(f => !f.hidden)")
    browser_page.assert_clean()


@pytest.mark.parametrize("target", ["sim-results", "sim-share"])
def test_the_results_and_the_downloads_are_at_most_30_tab_presses_from_the_top(
    browser_page: PageProbe, target
):
    page = open_simulator(browser_page)
    page.evaluate("() => { window.scrollTo(0, 0); document.activeElement && document.activeElement.blur(); }")
    page.focus("body")
    for _press in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.getAttribute('href')") == (
            f"#{target}"
        ):
            break
    else:
        pytest.fail(f"no jump link to #{target} within 30 Tab presses")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.hash === '#{target}'")
    # From there the next Tab reaches what follows it (the results, or the first download button).
    page.keyboard.press("Tab")
    inside = page.evaluate(
        f"() => document.getElementById('{target}').compareDocumentPosition(document.activeElement) & 4"
    )
    assert inside, "Tab continues after the target"
    browser_page.assert_clean()
