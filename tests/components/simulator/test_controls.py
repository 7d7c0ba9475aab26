"""The simulator's settings come from the parameter metadata, and read the browser's values back with a message at
each wrong field."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import dash_bootstrap_components as dbc
import pytest
from dash import html

from components.simulator import ids
from components.simulator.controls import (
    CUSTOM,
    GROUPS,
    ParameterControl,
    SettingsPanel,
    check_controls,
    choice_value,
    draw_options,
    from_display,
    group_of,
    number_text,
    preset_description,
    preset_options,
    to_display,
    unit_text,
)
from data.scenario.presets import load_presets
from data.scenario.schema import Scenario, baseline_values, scenario_parameters
from i18n import has_text
from tests.dash_tree import find_all, text_of

PARAMETERS = scenario_parameters()

BASELINE = baseline_values()


def controls(language: str = "nl") -> dict[str, Any]:
    """The input or select of each parameter in the settings panel, by parameter name."""
    panel = SettingsPanel(load_presets()["basis"].scenario, "basis", language)
    found = find_all(panel, dbc.Input) + find_all(panel, dbc.Select)
    return {c.id["name"]: c for c in found if isinstance(c.id, dict) and c.id.get("type") == ids.PARAMETER}


def test_every_scenario_parameter_has_a_control_in_one_group():
    assert set(controls()) == set(PARAMETERS)
    for name in PARAMETERS:
        assert group_of(name) in GROUPS


def test_a_number_control_takes_its_range_and_step_from_the_metadata():
    for name, control in controls().items():
        metadata = PARAMETERS[name].control
        if metadata.allowed is not None:
            assert [o["value"] for o in control.options] == [choice_value(c) for c in metadata.allowed]
            continue
        unit = PARAMETERS[name].unit
        assert control.min == to_display(metadata.minimum, unit)
        assert control.max == to_display(metadata.maximum, unit)
        assert control.step == to_display(metadata.step, unit)
        assert control.value == to_display(float(BASELINE[name]), unit)


def test_shares_are_shown_as_percentages():
    control = controls()["loonpremie.package.five_year_raised.band_1"]
    assert (control.min, control.max, control.step, control.value) == (20, 75, 5, 55)
    assert controls()["indexation.inflation"].step == 0.5


def test_every_control_has_a_label_for_it_with_the_metadata_label_and_status():
    for language in ("nl", "en"):
        panel = SettingsPanel(Scenario(), None, language)
        labels = {label.html_for: label for label in find_all(panel, dbc.Label)}
        for name, parameter in PARAMETERS.items():
            label = labels[ids.dom_id(ids.parameter_id(name))]
            text = text_of(label)
            assert parameter.label(language) in text
            status = {
                "verified": ("geverifieerd", "verified"),
                "secondary": ("secundaire bron", "secondary source"),
                "assumption": ("aanname", "assumption"),
            }[parameter.status]
            assert status[0 if language == "nl" else 1] in text


def test_the_legal_source_links_to_its_reference():
    control = ParameterControl(PARAMETERS["fallback.window_quarters"], 12, "nl")
    links = find_all(control, html.A)
    assert [link.href for link in links] == [PARAMETERS["fallback.window_quarters"].reference.href]
    local = ParameterControl(PARAMETERS["coaching.coach_cost_per_fte_year"], 62000, "nl")
    # An assumption of the portal links to its reasoning on the methodology page, never to a file of the code.
    assert [link.href for link in find_all(local, html.A)] == ["/methodologie#begeleiding"]
    assert "data/parameters" not in text_of(local)


def test_the_source_is_named_in_the_readers_language():
    parameter = PARAMETERS["fallback.window_quarters"]
    dutch, english = (text_of(ParameterControl(parameter, 12, language)) for language in ("nl", "en"))
    assert parameter.reference.title in dutch and parameter.reference.title_en not in dutch
    assert parameter.reference.title_en in english and parameter.reference.title not in english
    # A source with no English title stays in Dutch, marked as Dutch for a screen reader.
    untitled = replace(parameter, reference=replace(parameter.reference, title_en=""))
    spans = find_all(ParameterControl(untitled, 12, "en"), html.Span)
    marked = [span for span in spans if getattr(span, "lang", None) == "nl"]
    assert any(parameter.reference.title in text_of(span) for span in marked)


def test_the_dom_id_is_the_one_dash_writes_for_a_dict_id():
    assert ids.dom_id({"type": "sim-param", "name": "a.b"}) == '{"name":"a.b","type":"sim-param"}'
    assert ids.dom_id("sim-preset") == "sim-preset"
    parsed = json.loads(ids.dom_id(ids.parameter_id("fallback.mode")))
    assert parsed == ids.parameter_id("fallback.mode")


def test_every_unit_is_worded_in_both_languages():
    for parameter in PARAMETERS.values():
        assert has_text(f"sim.unit.{parameter.unit}")
    assert unit_text("EUR/quarter", "nl") == "€ per kwartaal"
    assert unit_text("onbekend", "nl") == "onbekend"


@pytest.mark.parametrize("name", list(PARAMETERS))
def test_display_values_convert_back_exactly(name):
    parameter = PARAMETERS[name]
    if parameter.control.allowed is not None:
        return
    for value in (BASELINE[name], parameter.control.minimum, parameter.control.maximum):
        assert from_display(to_display(float(value), parameter.unit), parameter.unit) == pytest.approx(
            float(value), abs=1e-12
        )
        assert from_display(to_display(float(value), parameter.unit), parameter.unit) == float(value)


def test_number_text_is_belgian_with_the_decimals_it_needs():
    assert number_text(1200) == "1.200"
    assert number_text(0.005) == "0,005"
    assert number_text(21466.66) == "21.466,66"


def values_of(language: str = "nl") -> dict[str, Any]:
    return {name: control.value for name, control in controls(language).items()}


def test_the_controls_of_the_baseline_read_back_as_the_baseline():
    check = check_controls(values_of(), "nl")
    assert check.problems == {}
    for name, value in check.values.items():
        assert value == BASELINE[name]
        assert type(value) is type(BASELINE[name])


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("fallback.window_quarters", 21, "Vul een getal in van 0 tot 20 kwartalen, in stappen van 1."),
        ("fallback.window_quarters", None, "Vul een getal in van 0 tot 20 kwartalen"),
        ("fallback.window_quarters", "twaalf", "Vul een getal in"),
        ("fallback.window_quarters", 4.5, "Vul een geheel getal in."),
        ("loonpremie.package.five_year_standard.band_1", 90, "van 20 tot 75 % van het begrensde referteloon"),
        ("loonpremie.package.five_year_standard.band_1", True, "Vul een getal in"),
        ("fallback.mode", "ergens", "Kies een van de mogelijkheden."),
        ("indexation.begeleidingspremie_indexed", True, "Kies een van de mogelijkheden."),
    ],
)
def test_a_wrong_value_gets_a_message_at_its_field(name, value, message):
    values = values_of()
    values[name] = value
    check = check_controls(values, "nl")
    assert list(check.problems) == [name]
    assert message in check.problems[name]


def test_shares_that_do_not_add_up_get_a_message_at_every_share():
    values = values_of()
    values["inflow.coaching_share.none"] = 40
    check = check_controls(values, "nl")
    members = [name for name in PARAMETERS if name.startswith("inflow.coaching_share.")]
    assert sorted(check.problems) == sorted(members)
    assert "105" in check.problems[members[0]]


def test_a_changed_value_with_a_date_holds_from_that_date_and_a_bad_date_gets_its_message():
    values = values_of()
    values["fallback.window_quarters"] = 20
    check = check_controls(values, "nl", {"fallback.window_quarters": "2028-01-01"})
    assert check.values["fallback.window_quarters"] == ((dt.date(2028, 1, 1), 20),)
    bad = check_controls(values, "nl", {"fallback.window_quarters": "2019-01-01"})
    assert "Vul een datum in" in bad.date_problems["fallback.window_quarters"]
    # A date beside an unchanged value changes nothing.
    unchanged = check_controls(values_of(), "nl", {"fallback.window_quarters": "2028-01-01"})
    assert (
        "fallback.window_quarters" not in unchanged.values
        or unchanged.values["fallback.window_quarters"] == 6
    )


def test_an_unknown_field_from_the_browser_is_ignored():
    values = values_of()
    values["nieuw.veld"] = 3
    values["ggmmi"] = 1  # a fixed parameter has no control
    check = check_controls(values, "nl")
    assert check.problems == {} and "nieuw.veld" not in check.values and "ggmmi" not in check.values


def test_the_choices_are_worded_and_read_back():
    control = controls("en")["fallback.mode"]
    assert [o["label"] for o in control.options] == ["inside the contingent", "on top of the contingent"]
    values = values_of()
    values["fallback.mode"] = "on_top"
    values["indexation.begeleidingspremie_indexed"] = "true"
    check = check_controls(values, "nl")
    assert check.values["fallback.mode"] == "on_top"
    assert check.values["indexation.begeleidingspremie_indexed"] is True


def test_the_page_offers_no_draws_or_a_thousand_and_nothing_else():
    assert [o["value"] for o in draw_options(1000, "nl")] == [0, 1000]
    assert [o["value"] for o in draw_options(2000, "nl")] == [0, 1000]
    assert draw_options(1000, "nl")[1]["label"].startswith("1.000 trekkingen")


def test_every_preset_has_a_name_and_description_in_both_languages():
    presets = load_presets()
    for preset in presets.values():  # both languages in the preset's own file
        scenario = preset.scenario
        assert scenario.name and scenario.name_en and scenario.description and scenario.description_en, (
            preset.id
        )
    options = preset_options("nl")
    assert [o["value"] for o in options] == [*presets, CUSTOM]
    assert options[0]["label"] == "Basisscenario decreet 2022"
    assert preset_options("en")[0]["label"] == "Baseline: the 2022 decree"
    assert "punt 8" in preset_description("terugval_5_jaar", "nl")
    assert "point 8" in preset_description("terugval_5_jaar", "en")
    assert preset_description(CUSTOM, "nl") == ""


def test_no_range_or_label_is_written_in_the_page_code():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[3] / "pages" / "simulator" / "page.py").read_text(
        encoding="utf-8"
    )
    for parameter in PARAMETERS.values():
        assert parameter.label_nl not in source
    assert "0.75" not in source and "min=20" not in source


def _probes(parameter: Any, base: Any) -> list[float]:
    """Values around a numeric parameter's range: its ends, just outside them, the middle, and a non-whole one."""
    control = parameter.control
    low, high = control.minimum, control.maximum
    step = control.step or (high - low) / 100
    return [low, high, low - step, high + step, (low + high) / 2, low + step / 3]


def test_the_page_accepts_exactly_what_the_data_layer_accepts_for_every_number_field():
    """Validation once: the page converts what the browser sent (units, a rounding step) and asks the data
    layer; a field has a message exactly when `value_problem` finds one, and a value the page keeps is the one
    `check_parameter_value` returns."""
    from data.scenario.schema import SHARE_GROUPS, ScenarioError, check_parameter_value, value_problem

    checked = 0
    for name, parameter in scenario_parameters().items():
        # Choices are read as the select sends them (tested above); a share alone also breaks its group's sum.
        if parameter.control.allowed is not None or name.rsplit(".", 1)[0] in SHARE_GROUPS:
            continue
        for stored in _probes(parameter, BASELINE[name]):
            shown = to_display(stored, parameter.unit)
            page = check_controls({name: shown}, "nl")
            problem = value_problem(parameter, from_display(shown, parameter.unit), BASELINE[name])
            # A value on the range's end may come back from the display a rounding step past it: the page puts
            # it back on the end; the data layer sees the end then too.
            at_end = any(
                abs(stored - end) < 1e-12 for end in (parameter.control.minimum, parameter.control.maximum)
            )
            if at_end:
                problem = value_problem(parameter, stored, BASELINE[name])
            assert (name in page.problems) == (problem is not None), (name, stored, page.problems.get(name))
            if problem is None:
                try:
                    expected = check_parameter_value(parameter, stored, BASELINE[name])
                except ScenarioError:  # pragma: no cover - value_problem said it was fine
                    raise
                assert page.values[name] == pytest.approx(expected)
            checked += 1
    assert checked > 100


def test_shares_that_do_not_add_up_get_the_data_layers_problem_at_every_member():
    from data.scenario.schema import share_problems

    values = values_of()
    mix = [name for name in values if name.startswith("inflow.package_mix.")]
    values[mix[0]] = values[mix[0]] + 10  # percentage points
    page = check_controls(values, "nl")
    data = share_problems({**BASELINE, **{n: v for n, v in page.values.items()}})
    assert [problem.code for problem in data] == ["shares"]
    assert set(page.problems) == set(data[0].values["members"]) == set(mix)
    assert all("%" in message for message in page.problems.values())
