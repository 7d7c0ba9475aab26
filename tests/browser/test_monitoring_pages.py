"""The monitoring pages in a real browser: clean, local-only, accessible; filters, links and downloads work."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from components.monitoring.ids import (
    BREAKDOWN_TYPE,
    CSV_BUTTON_TYPE,
    DATA_CSV_BUTTON_TYPE,
    GRAPH_TYPE,
    TABLE_WRAPPER_TYPE,
    XLSX_BUTTON_TYPE,
    YEAR_FROM_TYPE,
    anchor_id,
    dom_id,
)
from i18n.formats import display_unit, format_value
from tests.browser.conftest import PageProbe
from tests.browser.test_screens import PAGES as SCREEN_PAGES

pytestmark = pytest.mark.browser

# Every page but the simulator's two (tests/browser/test_simulator.py has those).
PAGES = [path for path in SCREEN_PAGES if not path.startswith("/simulator")]

# Per theme page: a block, a breakdown other than its default, and a block whose table the download is checked
# against (the displacement block has a table of its own: its page checks the make-up of the target population).
FILTER_CASES = {
    "/tewerkstelling": ("imw_workers", "coaching_need", "imw_workers"),
    "/werknemers": ("imw_workers_profile", "gender", "imw_workers_profile"),
    "/werkgevers": ("imw_employers", "size_class", "imw_employers"),
    "/middelen": ("imw_loonpremie_paid", "coaching_need", "imw_loonpremie_paid"),
    "/doorstroom": ("imw_from_collective", "package", "imw_from_collective"),
    "/verdringing": ("imw_share_vs_target", "gender", "target_population_share"),
    "/collectief-maatwerk": ("cmw_queue", "province", "cmw_queue"),
}


def css_id(kind: str, indicator: str) -> str:
    """A CSS selector for a pattern-matching id (Dash writes it as JSON in the id attribute)."""
    return f"[id='{dom_id(kind, indicator)}']"


def trace_names(page: Any, indicator: str) -> list[str]:
    return page.eval_on_selector(
        f"{css_id(GRAPH_TYPE, indicator)} .js-plotly-plot", "element => element.data.map(trace => trace.name)"
    )


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_clean_from_this_host_only_and_passes_axe(browser_page: PageProbe, path, language):
    browser_page.open(path + ("?lang=en" if language == "en" else ""))
    page = browser_page.page
    assert page.eval_on_selector("html", "element => element.lang") == language
    assert page.locator("main h1").count() == 1
    # The tab's title in the page's language: "<main heading> – <site name>".
    page.wait_for_function("heading => document.title.startsWith(heading)", arg=page.inner_text("main h1"))
    browser_page.assert_accessible()
    browser_page.assert_clean()
    browser_page.assert_local_only()


def test_the_home_page_links_to_every_page(browser_page: PageProbe):
    page = browser_page.open("/")
    links = {
        urlsplit(href).path
        for href in page.eval_on_selector_all("main a[href]", "links => links.map(a => a.href)")
    }
    assert set(PAGES) - {"/"} <= links  # the home page itself is the brand link in the header
    assert page.get_by_text("Illustratief — geen officieel cijfer").first.is_visible()


@pytest.mark.parametrize("path", sorted(FILTER_CASES))
def test_a_filter_changes_the_chart_and_the_url_and_the_url_restores_the_view(
    browser_page: PageProbe, open_fresh_page, path
):
    indicator, breakdown, _table_block = FILTER_CASES[path]
    page = browser_page.open(path)
    browser_page.show_chart(dom_id(GRAPH_TYPE, indicator))  # charts draw when they come into view
    before = trace_names(page, indicator)
    page.select_option(css_id(BREAKDOWN_TYPE, indicator), breakdown)
    page.wait_for_url(lambda url: query_of(url).get(f"{indicator}.by") == [breakdown])
    page.wait_for_function(
        "([selector, before]) => {"
        "  const plot = document.querySelector(selector + ' .js-plotly-plot');"
        "  return plot && JSON.stringify(plot.data.map(t => t.name)) !== JSON.stringify(before); }",
        arg=[css_id(GRAPH_TYPE, indicator), before],
    )
    after = trace_names(page, indicator)
    assert after != before
    # The second year of the range (the first option is the select's hidden placeholder).
    first_year = page.eval_on_selector(
        css_id(YEAR_FROM_TYPE, indicator),
        "select => [...select.options].map(o => o.value).filter(Boolean)[1]",
    )
    page.select_option(css_id(YEAR_FROM_TYPE, indicator), first_year)
    page.wait_for_url(lambda url: query_of(url).get(f"{indicator}.from") == [first_year])
    link = page.url
    browser_page.assert_clean()

    fresh = open_fresh_page()
    fresh_page = fresh.open(link[len(fresh.base_url) :])
    assert fresh_page.input_value(css_id(BREAKDOWN_TYPE, indicator)) == breakdown
    assert fresh_page.input_value(css_id(YEAR_FROM_TYPE, indicator)) == first_year
    fresh.show_chart(dom_id(GRAPH_TYPE, indicator))
    restored = trace_names(fresh_page, indicator)
    assert restored and set(restored) <= set(after)
    fresh.assert_clean()


def table_cells(page: Any, indicator: str) -> dict[tuple[str, str], str]:
    """{(period, group): cell text} of a block's table view."""
    return page.eval_on_selector(
        f"{css_id(TABLE_WRAPPER_TYPE, indicator)} table",
        """table => {
            // Few groups: periods down, groups across; many groups (sortable): groups down, periods across.
            const groupsDown = table.classList.contains('sortable-table');
            const heads = [...table.querySelectorAll('thead th')].slice(1).map(th => th.textContent.trim());
            const cells = {};
            for (const row of table.querySelectorAll('tbody tr')) {
                const label = row.querySelector('th').textContent.trim();
                row.querySelectorAll('td').forEach((td, i) => {
                    const key = groupsDown ? heads[i] + '\\u0000' + label : label + '\\u0000' + heads[i];
                    cells[key] = td.textContent.replace(/\\s+/g, ' ').trim();
                });
            }
            return cells;
        }""",
    )


def show_table(page: Any, indicator: str) -> None:
    page.locator(f"#{anchor_id(indicator, 'block')} input[type=radio][value=table]").check()
    page.wait_for_selector(f"{css_id(TABLE_WRAPPER_TYPE, indicator)} table", state="visible")
    page.wait_for_url(lambda url: query_of(url).get(f"{indicator}.view") == ["table"])


def read_csv(download: Any) -> pd.DataFrame:
    """The tidy 'CSV (data, komma)' download."""
    content = Path(download.path()).read_bytes()
    assert not content.startswith(b"#") and b"\n#" not in content  # no comment lines
    return pd.read_csv(io.BytesIO(content), keep_default_na=False, na_values={"value": [""]})


def read_excel_csv(download: Any) -> pd.DataFrame:
    """The 'CSV voor Excel' download, read as a Belgian Excel would: semicolons, decimal commas, UTF-8 BOM."""
    content = Path(download.path()).read_bytes()
    assert content.startswith("\ufeff".encode())
    return pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False)


@pytest.mark.parametrize("path", sorted(FILTER_CASES))
def test_the_download_holds_the_rows_shown(browser_page: PageProbe, path):
    indicator = FILTER_CASES[path][2]
    page = browser_page.open(path)
    show_table(page, indicator)
    cells = table_cells(page, indicator)
    with page.expect_download() as download_info:
        page.click(css_id(DATA_CSV_BUTTON_TYPE, indicator))
    download = download_info.value
    assert download.suggested_filename.endswith("_data.csv") and "imw_imw_" not in download.suggested_filename
    rows = read_csv(download)
    with page.expect_download() as excel_info:
        page.click(css_id(CSV_BUTTON_TYPE, indicator))
    excel = read_excel_csv(excel_info.value)
    assert len(excel) == len(rows) and "vlag" in excel.columns and "bron" in excel.columns
    assert set(rows["indicator"]) == {indicator}
    assert {"flag", "flag_label", "source", "source_title", "source_status", "illustrative"} <= set(
        rows.columns
    )
    shown = {key: text for key, text in cells.items() if text != "–"}
    assert len(rows) == len(shown)
    unit = display_unit(rows["unit"].iloc[0], rows["value"].abs().max())  # the table writes one scale
    for row in rows.to_dict("records"):
        value = None if isinstance(row["value"], float) and math.isnan(row["value"]) else row["value"]
        expected = format_value(value, unit).replace("\u00a0", " ")
        if row["flag"]:
            expected += f" ({row['flag']})"
        assert shown[f"{row['period']}\u0000{row['category_label']}"] == expected
    if (rows["flag"] == "i").any():
        assert set(rows["illustrative"]) == {"ja"}
    browser_page.assert_clean()


def test_the_xlsx_download_and_the_displacement_download_hold_their_rows(browser_page: PageProbe):
    import openpyxl

    page = browser_page.open("/verdringing")
    show_table(page, "imw_share_vs_target")
    shown_rows = page.locator(f"{css_id(TABLE_WRAPPER_TYPE, 'imw_share_vs_target')} tbody tr").count()
    with page.expect_download() as download_info:
        page.click(css_id(DATA_CSV_BUTTON_TYPE, "imw_share_vs_target"))
    rows = read_csv(download_info.value)
    assert (rows["indicator"] == "imw_share_vs_target").sum() == shown_rows
    assert (rows["indicator"] == "target_population_share").any()
    with page.expect_download() as download_info:
        page.click(css_id(XLSX_BUTTON_TYPE, "imw_share_vs_target"))
    assert download_info.value.suggested_filename.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(Path(download_info.value.path()).read_bytes()))
    assert workbook.sheetnames == ["Gegevens", "Bronnen"]
    assert workbook["Gegevens"]["A1"].value == "Illustratieve gegevens — geen officiële cijfers"
    browser_page.assert_clean()


def test_a_bad_link_shows_the_default_view_with_a_message_and_no_error(browser_page: PageProbe):
    page = browser_page.open(
        "/werkgevers?imw_employers.by=zzz&imw_employers.from=1900&imw_employers.to=x&lang=xx"
    )
    assert page.get_by_text("onbekende uitsplitsing ‘zzz’", exact=False).is_visible()
    assert page.get_by_text("Onbekende taal ‘xx’", exact=False).is_visible()
    assert page.input_value(css_id(BREAKDOWN_TYPE, "imw_employers")) == "sector"
    browser_page.assert_clean()


def test_the_filters_work_with_the_keyboard_and_the_skip_link_leads_to_the_content(browser_page: PageProbe):
    page = browser_page.open("/tewerkstelling")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    select = page.locator(css_id(BREAKDOWN_TYPE, "imw_workers"))
    default = select.input_value()
    select.focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).value !== before",
        arg=[css_id(BREAKDOWN_TYPE, "imw_workers"), default],
    )
    chosen = select.input_value()
    page.wait_for_url(lambda url: f"imw_workers.by={chosen}" in url)
    radio = page.locator(f"#{anchor_id('imw_workers', 'block')} input[type=radio][value=chart]")
    radio.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda url: "imw_workers.view=table" in url)
    assert page.locator(f"{css_id(TABLE_WRAPPER_TYPE, 'imw_workers')} table").is_visible()
    browser_page.assert_clean()


def test_back_from_another_page_restores_the_view_and_the_language_switch_keeps_it(browser_page: PageProbe):
    page = browser_page.open("/collectief-maatwerk")
    page.select_option(css_id(BREAKDOWN_TYPE, "cmw_queue"), "province")
    page.wait_for_url(lambda url: "cmw_queue.by=province" in url)
    history_length = page.evaluate("history.length")
    page.click("header nav a[href='/tewerkstelling']")
    browser_page.wait_until_rendered()
    page.wait_for_selector(css_id(BREAKDOWN_TYPE, "imw_workers"))
    assert page.evaluate("history.length") == history_length + 1  # a filter change adds no history entry
    page.go_back()
    page.wait_for_url(lambda url: "cmw_queue.by=province" in url)
    value_is = "([selector, value]) => document.querySelector(selector)?.value === value"
    page.wait_for_function(value_is, arg=[css_id(BREAKDOWN_TYPE, "cmw_queue"), "province"])
    browser_page.wait_until_rendered()
    page.click("a.language-switch")
    page.wait_for_url(lambda url: query_of(url).get("lang") == ["en"] and "cmw_queue.by=province" in url)
    browser_page.wait_until_rendered()
    assert page.eval_on_selector("html", "element => element.lang") == "en"
    assert page.input_value(css_id(BREAKDOWN_TYPE, "cmw_queue")) == "province"
    browser_page.assert_clean()
