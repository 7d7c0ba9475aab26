"""Every monitoring page, home, Methodologie and Toegankelijkheid on a desktop and on two phones, in both
languages, in Debian's chromium: no sideways scroll, charts sized to the screen, tables in focusable regions,
no zoom by touch, axe without any violation, English that is English, no file of the portal named, a focus ring
that shows, chart pictures with their title, source and status. The console stays clean."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest

from components.monitoring.ids import GRAPH_WRAPPER_TYPE, dom_id
from tests.browser.chromium import CHROMIUM_ARGS  # noqa: F401  (the launch arguments of the session's browser)
from tests.browser.conftest import PageProbe

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/tewerkstelling",
    "/werknemers",
    "/werkgevers",
    "/middelen",
    "/doorstroom",
    "/verdringing",
    "/collectief-maatwerk",
    "/methodologie",
    "/toegankelijkheid",
    "/calculator",
    "/simulator",
    "/simulator/vergelijken",
]
DESKTOP = {"width": 1366, "height": 900}
PHONES = {"390x844": {"width": 390, "height": 844}, "360x740": {"width": 360, "height": 740}}
SIZES = {"desktop": DESKTOP, **PHONES}

# Words that are Dutch and never English (and the other way round), as whole words. Domain words that keep their
# Dutch name in English (individueel maatwerk, loonpremie, maatwerkbedrijf, …) are not among them.
DUTCH_MARKERS = (
    "het",
    "een",
    "niet",
    "geen",
    "voor",
    "naar",
    "cijfers",
    "gegevens",
    "bron",
    "jaar",
    "werknemers",
    "werkgevers",
    "uitsplitsing",
    "eerste",
    "helft",
    "augustus",
    "illustratieve",
    "afgeschermd",
    "voorlopig",
    "secundaire",
    "wordt",
    "zijn",
    "tabel",
    "grafiek",
    "geraadpleegd",
    "licentie",
    "nagekeken",
    "uitgever",
)
ENGLISH_MARKERS = (
    "the",
    "and",
    "with",
    "which",
    "figures",
    "shown",
    "withheld",
    "provisional",
    "illustrative",
    "chart",
    "table",
    "breakdown",
    "source",
    "sources",
    "licence",
    "published",
    "employers",
    "workers",
)
# A path or file of the portal: data/…, components/…, *.py, *.yaml, *.md, and the ids of the shipped sources.
PATH_PATTERN = re.compile(
    r"(\b(?:data|components|pages|services|simulation|tests|docs)/[\w./-]+|\b[\w-]+\.(?:py|ya?ml|md)\b"
    r"|\b(?:wse-cmw03|vp-sv-[\d-]+|imw-illustratief|nar-ggmmi|ggmmi-secondary|begroting-cmw|sv-sociale-economie)\b)"
)


def open_at(
    chromium_browser: Any, portal_url: str, size: dict[str, int], path: str, touch: bool = False
) -> PageProbe:
    context = chromium_browser.new_context(
        viewport=size, has_touch=touch, is_mobile=touch, accept_downloads=True, locale="nl-BE"
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    probe = PageProbe(page=page, base_url=portal_url)
    probe.attach(page)
    probe.open(path)
    page.wait_for_timeout(300)  # the narrow layout of the charts is applied after their first draw
    return probe


@pytest.fixture
def at(chromium_browser: Any, portal_url: str):
    """Open a path at a size; every context is closed after the test."""
    opened: list[PageProbe] = []

    def open_page(path: str, size: dict[str, int], touch: bool = False) -> PageProbe:
        probe = open_at(chromium_browser, portal_url, size, path, touch)
        opened.append(probe)
        return probe

    yield open_page
    for probe in opened:
        probe.page.context.close()


def visible_text(page: Any, language: str) -> str:
    """The text a reader sees, without the parts marked as another language (the language switch, a quoted
    Dutch name), and the text of the charts' SVG."""
    return page.evaluate(
        """language => {
            // A page served without Dash (home, methodology, accessibility) has its first view alone.
            const root = document.querySelector('#_pages_content')
                || document.querySelector('#imw-first-view') || document.body;
            const clone = root.cloneNode(true);
            clone.querySelectorAll('[lang]').forEach(el => { if (el.lang && el.lang !== language) el.remove(); });
            clone.querySelectorAll('script, style').forEach(el => el.remove());
            return clone.textContent;
        }""",
        language,
    )


def axe_report(probe: PageProbe) -> list[str]:
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:3]}"
        for violation in probe.axe_violations(frozenset({"minor", "moderate", "serious", "critical"}))
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size_name", sorted(SIZES))
@pytest.mark.parametrize("path", PAGES)
def test_the_page_fits_the_screen_and_axe_finds_nothing(at, path, size_name, language):
    size = SIZES[size_name]
    probe = at(path + ("?lang=en" if language == "en" else ""), size, touch=size_name != "desktop")
    page = probe.page
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    charts = page.eval_on_selector_all(
        ".js-plotly-plot",
        "plots => plots.map(p => [p.getBoundingClientRect().left, p.getBoundingClientRect().right])",
    )
    for left, right in charts:
        assert left >= 0 and right <= size["width"] + 0.5, "a chart is wider than the screen"
    regions = page.eval_on_selector_all(
        ".table-responsive",
        "boxes => boxes.map(b => [b.scrollWidth > b.clientWidth, b.tabIndex, b.getAttribute('role'),"
        " b.getAttribute('aria-label')])",
    )
    for scrolls, tab_index, role, label in regions:
        assert tab_index == 0 and role == "region" and label, "a table region without focus or a name"
        assert scrolls in (True, False)
    # No Plotly mode bar, and nothing of a chart in the Tab order.
    assert page.locator(".modebar").count() == 0
    assert (
        page.eval_on_selector_all(
            ".js-plotly-plot [tabindex], .js-plotly-plot a[href], .js-plotly-plot button", "e => e.length"
        )
        == 0
    )
    report = axe_report(probe)
    assert not report, f"axe at {size_name} in {language}:\n" + "\n".join(report)
    probe.assert_clean()
    probe.assert_local_only()


@pytest.mark.parametrize("size_name", sorted(PHONES))
def test_charts_on_a_phone_have_their_legend_below_fewer_ticks_and_the_sectors_their_bars(at, size_name):
    size = PHONES[size_name]
    probe = at("/middelen", size, touch=True)
    probe.draw_charts()
    page = probe.page
    plot = f"[id='{dom_id(GRAPH_WRAPPER_TYPE, 'ggmmi')}'] .js-plotly-plot"
    page.wait_for_selector(plot, state="attached")
    # The narrow layout is applied once the chart has been drawn at the phone's width.
    page.wait_for_function(
        "s => { const p = document.querySelector(s); return p && p.layout.font.size === 12; }", arg=plot
    )
    ggmmi = page.eval_on_selector(
        plot,
        "p => ({ticks: p.layout.xaxis.tickvals, font: p.layout.font.size, last: p.layout.xaxis.ticktext.at(-1),"
        " all: p.layout.meta.imw.wide['xaxis.ticktext']})",
    )
    assert len(ggmmi["ticks"]) <= 5 < len(ggmmi["all"]) and ggmmi["font"] == 12
    assert ggmmi["last"] == ggmmi["all"][-1]  # the latest year stays on the axis
    probe = at("/werkgevers", size, touch=True)
    probe.draw_charts()
    page = probe.page
    plot = f"[id='{dom_id(GRAPH_WRAPPER_TYPE, 'imw_employers')}'] .js-plotly-plot"
    page.wait_for_selector(f"{plot} .barlayer .point path", state="attached")
    bars = page.eval_on_selector_all(
        f"{plot} .barlayer .point path", "paths => paths.map(p => p.getBBox().width)"
    )
    assert max(bars) > size["width"] * 0.5, "the largest sector's bar must take most of the width"
    legend_top, plot_bottom = page.eval_on_selector(
        plot,
        "p => [p.querySelector('.legend').getBoundingClientRect().top - p.getBoundingClientRect().top,"
        " p._fullLayout._size.t + p._fullLayout._size.h]",
    )
    assert legend_top >= plot_bottom, "the legend stands below the plot"


COMPARE_THREE = "/simulator/vergelijken?a=basis&b=terugval_bovenop_contingent&c=bredere_reikwijdte"


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size_name", sorted(SIZES))
def test_vergelijken_stacks_the_scenarios_of_a_row_on_a_phone_and_keeps_columns_on_a_desktop(
    at, size_name, language
):
    size = SIZES[size_name]
    probe = at(COMPARE_THREE + ("&lang=en" if language == "en" else ""), size, touch=size_name != "desktop")
    page = probe.page
    page.wait_for_selector("#sim-compare-headline .table-stack tbody tr")
    page.wait_for_selector("#sim-compare-outputs .table-stack tbody tr")
    tables = page.eval_on_selector_all(
        ".table-stack",
        """tables => tables.map(table => {
            const names = Array.from(table.querySelectorAll('thead th')).map(th => th.textContent.trim());
            const region = table.closest('.table-responsive');
            return {
                role: table.getAttribute('role'),
                scrolls: region.scrollWidth > region.clientWidth,
                rows: Array.from(table.querySelectorAll('tbody tr')).slice(0, 8).map(tr => ({
                    role: tr.getAttribute('role'),
                    head: tr.querySelector('th').getBoundingClientRect().top,
                    cells: Array.from(tr.querySelectorAll('td')).map((td, i) => ({
                        label: getComputedStyle(td, '::before').content.replace(/^"|"$/g, ''),
                        name: names[i + 1], top: td.getBoundingClientRect().top,
                        right: td.getBoundingClientRect().right, role: td.getAttribute('role'),
                    })),
                })),
            };
        })""",
    )
    assert len(tables) >= 3  # what differs, the parameters, every output
    for table in tables:
        assert table["role"] == "table" and not table["scrolls"], "a comparison is wider than the screen"
        for row in table["rows"]:
            assert row["role"] == "row" and len(row["cells"]) >= 2
            tops = [cell["top"] for cell in row["cells"]]
            if size_name == "desktop":
                # A grid: the scenarios side by side, one column each, the column's name above it only.
                assert max(tops) - min(tops) < 2
                assert all(cell["label"] in ("none", "") for cell in row["cells"])
            else:
                # Stacked: each scenario (and each difference) on a line of its own under the row's name,
                # behind the name of its column, and within the screen.
                assert row["head"] < tops[0] and tops == sorted(tops) and len(set(tops)) == len(tops)
                assert [cell["label"] for cell in row["cells"]] == [cell["name"] for cell in row["cells"]]
                assert all(cell["right"] <= size["width"] for cell in row["cells"])
                assert all(cell["role"] == "cell" for cell in row["cells"])
    report = axe_report(probe)
    assert not report, f"axe at {size_name} in {language}:\n" + "\n".join(report)
    probe.assert_clean()


def test_a_swipe_over_a_chart_scrolls_the_page_and_does_not_zoom(at):
    probe = at("/collectief-maatwerk", PHONES["390x844"], touch=True)
    probe.draw_charts()
    page = probe.page
    selector = f"[id='{dom_id(GRAPH_WRAPPER_TYPE, 'cmw_queue')}'] .js-plotly-plot"
    page.locator(selector).scroll_into_view_if_needed()
    before = page.eval_on_selector(selector, "p => [p._fullLayout.xaxis.range, p._fullLayout.yaxis.range]")
    box = page.locator(f"{selector} .nsewdrag").first.bounding_box()
    session = page.context.new_cdp_session(page)
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 6):
        point = {"x": x - 20 * step, "y": y - 10 * step}
        session.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(300)
    after = page.eval_on_selector(selector, "p => [p._fullLayout.xaxis.range, p._fullLayout.yaxis.range]")
    assert after == before
    assert page.eval_on_selector(selector, "p => [p.layout.dragmode, p._fullLayout.xaxis.fixedrange]") == [
        False,
        True,
    ]
    viewport = page.evaluate("document.querySelector('meta[name=viewport]').content")
    assert "width=device-width" in viewport
    assert page.evaluate("getComputedStyle(document.documentElement).touchAction") == "manipulation"
    probe.assert_clean()


# The simulator's pages still name parameter files and imw-facts.md (left to the lead engineer, who owns them):
# they join this scan when that is done.
ALL_PAGES_FOR_WORDS = PAGES


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", ALL_PAGES_FOR_WORDS)
def test_every_page_speaks_its_own_language_and_names_no_file_of_the_portal(at, path, language):
    probe = at(path + ("?lang=en" if language == "en" else ""), DESKTOP)
    text = visible_text(probe.page, language)
    paths = sorted(set(match.group(0) for match in PATH_PATTERN.finditer(text)))
    assert not paths, f"{path} names files or source ids: {paths}"
    markers = DUTCH_MARKERS if language == "en" else ENGLISH_MARKERS
    found = sorted({word for word in markers if re.search(rf"\b{word}\b", text, flags=re.IGNORECASE)})
    assert not found, f"{path} in {language} holds words of the other language: {found}"


def contrast(first: tuple[float, ...], second: tuple[float, ...]) -> float:
    def luminance(rgb: tuple[float, ...]) -> float:
        channels = [c / 255 for c in rgb[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


FOCUS_PROBE = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    let node = el.parentElement, background = 'rgba(0, 0, 0, 0)';
    while (node && (background === 'rgba(0, 0, 0, 0)' || background === 'transparent')) {
        background = getComputedStyle(node).backgroundColor; node = node.parentElement;
    }
    return {tag: el.tagName, cls: el.className, width: parseFloat(style.outlineWidth), outline: style.outlineColor,
            styleName: style.outlineStyle, background};
}"""


def rgb(text: str) -> tuple[float, ...]:
    return tuple(float(part) for part in re.findall(r"[\d.]+", text)[:3])


@pytest.mark.parametrize("size_name", ["desktop", "390x844"])
def test_every_control_reached_by_tab_shows_a_focus_ring_of_at_least_3_to_1(at, size_name):
    probe = at("/collectief-maatwerk", SIZES[size_name], touch=size_name != "desktop")
    page = probe.page
    seen = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_PROBE)
        if focus["tag"] == "BODY":
            break
        seen.add(focus["tag"])
        assert focus["styleName"] != "none" and focus["width"] >= 2, focus
        assert contrast(rgb(focus["outline"]), rgb(focus["background"])) >= 3, focus
    assert {"A", "SELECT", "BUTTON"} <= seen  # links (the dark menu's too), selects and buttons were checked
    probe.assert_clean()


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", content[16:24])
    return width, height


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_chart_downloads_as_png_and_svg_with_its_title_source_and_status_drawn_in(at, language):
    probe = at("/doorstroom" + ("?lang=en" if language == "en" else ""), DESKTOP)
    probe.draw_charts()
    page = probe.page
    holder = dom_id(GRAPH_WRAPPER_TYPE, "cmw_doorstroom_regular")
    pictures = {}
    for image_format in ("svg", "png"):
        with page.expect_download() as info:
            page.click(f"[data-imw-chart='{holder}'][data-imw-chart-export='{image_format}']")
        download = info.value
        assert download.suggested_filename == f"imw_cmw_doorstroom_regular_total_2020-2025.{image_format}"
        pictures[image_format] = Path(download.path()).read_bytes()
    svg = pictures["svg"].decode("utf-8")
    title = (
        "Doorstroom uit collectief maatwerk" if language == "nl" else "Doorstroom from collective maatwerk"
    )
    assert title in svg
    assert ("Vlaams Parlement" if language == "nl" else "Flemish Parliament") in svg  # the source
    assert ("secundaire bron" if language == "nl" else "secondary source") in svg  # the status
    assert ("eerste helft van 2025" if language == "nl" else "first half of 2025") in svg  # the period apart
    assert png_size(pictures["png"])[0] == 1200
    probe.assert_clean()


def test_illustrative_charts_say_so_in_their_picture_and_once_on_the_page(at):
    probe = at("/tewerkstelling", DESKTOP)
    page = probe.page
    block = page.locator("#indicator-imw-workers-block")
    assert block.get_by_text("Illustratieve gegevens — geen officiële cijfers").count() == 1
    with page.expect_download() as info:
        page.click(
            f"[data-imw-chart='{dom_id(GRAPH_WRAPPER_TYPE, 'imw_workers')}'][data-imw-chart-export='svg']"
        )
    assert "Illustratieve gegevens — geen officiële cijfers" in Path(info.value.path()).read_text(
        encoding="utf-8"
    )
    probe.assert_clean()


def test_more_on_an_indicator_lands_on_its_definition_and_the_menu_has_methodology_and_accessibility(at):
    probe = at("/collectief-maatwerk", DESKTOP)
    page = probe.page
    menu = page.eval_on_selector_all("header nav a", "links => links.map(a => a.textContent.trim())")
    assert "Methodologie" in menu and "Toegankelijkheid" in menu
    link = page.locator("#indicator-cmw-queue-block a", has_text="Meer over definities en bronnen")
    assert link.get_attribute("href") == "/methodologie#definitie-cmw_queue"
    link.click()
    page.wait_for_url("**/methodologie#definitie-cmw_queue")
    probe.wait_until_rendered()
    page.wait_for_timeout(2500)  # the anchor is kept in view while the page settles
    top = page.eval_on_selector("#definitie-cmw_queue", "el => el.getBoundingClientRect().top")
    assert 0 <= top < 200
    probe.assert_clean()


def test_the_sector_by_statute_table_sorts_by_any_column(at):
    probe = at("/werkgevers?imw_workers_by_employer.view=table", DESKTOP)
    page = probe.page
    table = page.locator("table.sortable-table").last
    temp = table.locator("thead button", has_text="Uitzendkracht")
    temp.click()
    assert table.locator("thead th").nth(4).get_attribute("aria-sort") == "descending"
    first = table.locator("tbody tr").first.locator("th").inner_text()
    assert first.startswith("Administratieve en ondersteunende diensten")  # the agencies' sector
    temp.click()
    assert table.locator("thead th").nth(4).get_attribute("aria-sort") == "ascending"
    assert table.locator("tfoot th").inner_text() == "Totaal"
    probe.assert_clean()
