"""The calculator page: in the menu before the simulator, its first result in the layout, its callback, a link
that reproduces the result and a bad link that gives a notice, not a crash."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pytest
from dash import html

from components.shell.layout import nav_pages
from components.simulator import calculator as calc
from tests.dash_tree import find_all, text_of

LINK = {"datum": "2026-02-10", "referteloon": "15000", "deeltijd": "0,8", "pakket": "percentage",
        "percentage": "45", "kwartaal": "7", "begeleiding": "high", "uren": "0,5"}  # fmt: skip


@pytest.fixture(scope="module")
def page(portal):
    """The page module as the portal registered it."""
    from pages import calculator

    return calculator


def text(value: object) -> str:
    return text_of(html.Div(value)).replace("\u00a0", " ")


def test_the_calculator_is_in_the_menu_in_both_languages_before_the_simulator(page):
    paths = [p["path"] for p in nav_pages()]
    assert paths.index("/calculator") < paths.index("/simulator")
    registered = next(p for p in dash.page_registry.values() if p["path"] == "/calculator")
    assert registered["nav_label"] == {"nl": "Wat krijgt een werkgever?", "en": "What does an employer get?"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_link_reproduces_the_result_and_the_callback_gives_the_same(page, language):
    shown = text(page.layout(lang=language, **LINK))
    assert "€ 4.652,88" in shown and "€ 1.240,00" in shown  # 45 % x the cap 10,339.73; 600 + 1,280 x 0.5
    values = [LINK.get(name, "") for name in calc.FIELDS]
    outputs = page.update(*values, language)
    n = len(calc.FIELDS)
    assert outputs[:n] == tuple([False] * n) and outputs[n : 2 * n] == tuple([""] * n)
    assert text(outputs[2 * n]) in shown
    assert outputs[2 * n + 1] == {name: LINK.get(name, "") for name in calc.FIELDS}


def test_every_field_has_a_label_and_the_result_is_a_live_region(page):
    layout = page.layout()
    labels = {label.html_for for label in find_all(layout, dbc.Label)}
    assert {calc.field_id(name) for name in calc.FIELDS} <= labels
    live = [div for div in find_all(layout, html.Div) if getattr(div, "id", None) == calc.RESULT_ID]
    assert live and getattr(live[0], "aria-live") == "polite"


def test_a_wrong_field_is_marked_at_the_field_with_its_message(page):
    values = [{**LINK, "referteloon": "1e400"}.get(name, "") for name in calc.FIELDS]
    outputs = page.update(*values, "nl")
    index = calc.FIELDS.index("referteloon")
    assert outputs[index] is True
    assert "Vul een referteloon in tussen 0 en 1.000.000" in outputs[len(calc.FIELDS) + index]
    assert "verbeter de velden" in text(outputs[2 * len(calc.FIELDS)])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_bad_link_gives_a_notice_and_the_default_never_a_crash(page, language):
    shown = text(page.layout(lang=language, referteloon="1e400", kwartaal="abc", datum="2023-13-45"))
    assert ("werd genegeerd" if language == "nl" else "Left out of the link") in shown
    assert "€ 9.000,00" in shown  # the default referteloon, computed
