"""The calculator in Debian's chromium, on a desktop and on a 390x844 phone, in Dutch and in English: axe finds
nothing, the fields sit one above the other on a phone, a change gives the figures of `imw case` and the link,
the link gives them back, a wrong field says why at the field."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import PageProbe

pytestmark = pytest.mark.browser

SIZES = {"desktop": {"width": 1366, "height": 900}, "390x844": {"width": 390, "height": 844}}
LINK = (
    "/calculator?datum=2026-02-10&referteloon=15000&deeltijd=0,8&pakket=percentage&percentage=45&kwartaal=7"
    "&begeleiding=high&uren=0,5"
)


def open_at(probe: PageProbe, path: str, size: dict[str, int]) -> Any:
    probe.page.set_viewport_size(size)
    return probe.open(path)


def result_text(page: Any) -> str:
    return page.inner_text("#calc-result").replace("\u00a0", " ")


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("size_name", sorted(SIZES))
def test_the_calculator_fits_the_screen_and_axe_finds_nothing(browser_page: PageProbe, size_name, language):
    page = open_at(browser_page, LINK + ("&lang=en" if language == "en" else ""), SIZES[size_name])
    assert page.eval_on_selector("html", "element => element.lang") == language
    assert "€ 4.652,88" in result_text(page) and "€ 1.240,00" in result_text(page)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    regions = page.eval_on_selector_all(
        "#calc-result .table-responsive",
        "boxes => boxes.map(b => [b.tabIndex, b.getAttribute('role'), b.getAttribute('aria-label')])",
    )
    assert len(regions) == 3 and all(r[0] == 0 and r[1] == "region" and r[2] for r in regions)
    if size_name == "390x844":
        lefts = page.eval_on_selector_all(
            ".calc-form input, .calc-form select", "fields => fields.map(f => f.getBoundingClientRect().left)"
        )
        assert len(set(round(left) for left in lefts)) == 1, "the fields sit one above the other"
    browser_page.assert_accessible()
    browser_page.assert_clean()
    browser_page.assert_local_only()


def test_a_change_gives_the_new_figures_and_the_link_that_gives_them_back(
    browser_page: PageProbe, open_fresh_page
):
    page = browser_page.open(LINK)
    page.fill("#calc-referteloon", "5000")
    page.press("#calc-referteloon", "Tab")
    page.wait_for_url(lambda url: "referteloon=5000" in url)
    page.wait_for_function("() => document.querySelector('#calc-result').innerText.includes('2.250,00')")
    link = page.url
    assert "€ 2.250,00" in result_text(page)  # 45 % x 5,000
    other = open_fresh_page()
    again = other.open(link.replace(browser_page.base_url, ""))
    assert result_text(again) == result_text(page)
    other.assert_clean()
    browser_page.assert_clean()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_wrong_value_is_said_at_its_field_and_the_page_stays_accessible(browser_page: PageProbe, language):
    page = browser_page.open(LINK + ("&lang=en" if language == "en" else ""))
    page.fill("#calc-referteloon", "1e400")
    page.press("#calc-referteloon", "Tab")
    page.wait_for_selector("#calc-referteloon.is-invalid")
    feedback = page.inner_text("#calc-referteloon-feedback")
    assert (
        "Vul een referteloon in tussen 0 en" if language == "nl" else "Fill in a referteloon between 0"
    ) in feedback
    assert page.locator("#calc-referteloon-feedback").is_visible()
    assert "€" not in result_text(page)
    browser_page.assert_accessible()
    browser_page.assert_clean()


def test_a_bad_link_gives_a_notice_not_an_error(browser_page: PageProbe):
    page = browser_page.open("/calculator?referteloon=abc&kwartaal=-1&datum=nooit")
    assert page.locator("#calc-link-notice").is_visible()
    assert "€ 9.000,00" in result_text(page)
    browser_page.assert_clean()
