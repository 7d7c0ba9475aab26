"""A scenario in the link: every preset round-trips exactly; whatever is wrong with a link gives the baseline and
a reason, never an error."""

from __future__ import annotations

import base64
import json
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.scenario.presets import BASELINE_PRESET, load_presets
from data.scenario.schema import baseline_values, parse_scenario, scenario_parameters
from services.scenario_url import (
    MAX_JSON_BYTES,
    MAX_STATE_CHARS,
    URL_FORMAT_VERSION,
    decode_scenario,
    encode_scenario,
    is_baseline,
)

PRESETS = load_presets()
VERSIONS = {"model_version": "1.0.0", "parameters_version": "abcdef123456"}


def pack(document: object) -> str:
    """A state as the page writes it, for any JSON document."""
    text = json.dumps(document, separators=(",", ":"))
    return base64.urlsafe_b64encode(zlib.compress(text.encode())).decode().rstrip("=")


@pytest.mark.parametrize("preset_id", list(PRESETS))
def test_every_preset_round_trips_exactly(preset_id):
    preset = PRESETS[preset_id].scenario
    decoded = decode_scenario(encode_scenario(preset, computed_with=VERSIONS))
    assert decoded.problem is None
    assert decoded.scenario.name == preset.name
    assert decoded.scenario.description == preset.description
    assert decoded.scenario.canonical() == preset.canonical()
    assert decoded.scenario.canonical_json() == preset.canonical_json()
    assert decoded.scenario.computed_with == VERSIONS


def test_an_own_scenario_round_trips_without_its_description():
    scenario = parse_scenario(
        {
            "name": "Mijn scenario",
            "description": "lang verhaal",
            "horizon_years": 15,
            "draws": 1000,
            "seed": 7,
            "parameters": {"fallback.mode": "on_top", "loonpremie.package.five_year_raised.band_1": 0.6},
            "distributions": {
                "inflow.trend": {"distribution": "uniform", "low": 0.0, "mode": 0.02, "high": 0.05}
            },
        }
    )
    decoded = decode_scenario(encode_scenario(scenario))
    assert decoded.problem is None
    assert decoded.scenario.canonical() == scenario.canonical()
    assert decoded.scenario.name == "Mijn scenario"
    assert decoded.scenario.description == ""


def test_a_link_without_state_is_the_baseline_and_the_baseline_needs_none():
    decoded = decode_scenario(None)
    assert decoded.problem is None
    assert decoded.scenario == PRESETS[BASELINE_PRESET].scenario
    assert is_baseline(decoded.scenario)
    assert decode_scenario("").problem is None


def test_even_a_scenario_that_changes_every_parameter_fits_in_a_link():
    values = baseline_values()
    changed = {}
    for name, parameter in scenario_parameters().items():
        control = parameter.control
        if control.allowed is not None:
            changed[name] = next(c for c in control.allowed if c != values[name])
        elif not name.startswith(("inflow.coaching_share", "inflow.package_mix")):
            changed[name] = control.maximum if values[name] != control.maximum else control.minimum
    # Every parameter that can change from a date does so, on two dates.
    for name in list(changed):
        if scenario_parameters()[name].dated:
            changed[name] = {"2028-01-01": changed[name], "2031-07-01": changed[name]}
    scenario = parse_scenario({"name": "x" * 200, "parameters": changed})
    state = encode_scenario(scenario, computed_with=VERSIONS)
    assert len(state) < MAX_STATE_CHARS
    assert decode_scenario(state).scenario.canonical() == scenario.canonical()


def _flip(text: str, position: int) -> str:
    character = "A" if text[position] != "A" else "B"
    return text[:position] + character + text[position + 1 :]


GOOD = encode_scenario(PRESETS["terugval_5_jaar"].scenario, computed_with=VERSIONS)


@pytest.mark.parametrize(
    ("state", "kind"),
    [
        pytest.param(GOOD[: len(GOOD) // 2], "corrupt", id="truncated in half"),
        pytest.param(GOOD[:-3], "corrupt", id="last characters cut off"),
        pytest.param(_flip(GOOD, 10), "corrupt", id="tampered inside the compressed data"),
        pytest.param(GOOD + "%3D%3D", "corrupt", id="percent signs"),
        pytest.param("not base64 at all!", "corrupt", id="not base64"),
        pytest.param("A" * (MAX_STATE_CHARS + 1), "too_long", id="oversized"),
        pytest.param([GOOD, GOOD], "multiple", id="two states"),
        pytest.param(12345, "corrupt", id="a number"),
        pytest.param({"s": GOOD}, "corrupt", id="a mapping"),
        pytest.param(pack([1, 2, 3]), "corrupt", id="JSON that is no object"),
        pytest.param(pack({"v": 99, "horizon_years": 12}), "version", id="an unknown format version"),
        pytest.param(pack({"horizon_years": 12}), "version", id="no format version"),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "horizon_years": "twaalf"}), "invalid", id="horizon as text"
        ),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "horizon_years": 99}), "invalid", id="horizon out of range"
        ),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "parameters": {"fallback.window_quarters": "vijf"}}),
            "invalid",
            id="a parameter as text",
        ),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "parameters": {"fallback.window_quarters": 99}}),
            "invalid",
            id="a parameter out of range",
        ),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "parameters": {"ggmmi": 1}}), "invalid", id="a fixed parameter"
        ),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "parameters": {"inflow.coaching_share.none": 0.9}}),
            "invalid",
            id="shares that do not add up",
        ),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "parameters": [1, 2]}), "invalid", id="parameters as a list"
        ),
        pytest.param(pack({"v": URL_FORMAT_VERSION, "draws": 10**9}), "invalid", id="a billion draws"),
        pytest.param(pack({"v": URL_FORMAT_VERSION, "draws": 1e308}), "invalid", id="1e308 draws"),
        pytest.param(pack({"v": URL_FORMAT_VERSION, "draws": 10_000}), "invalid", id="10,000 draws"),
        pytest.param(
            pack({"v": URL_FORMAT_VERSION, "draws": 2500}), "invalid", id="draws the page does not offer"
        ),
        pytest.param(pack({"v": URL_FORMAT_VERSION, "horizon_years": 21}), "invalid", id="21 years"),
    ],
)
def test_a_bad_link_gives_the_baseline_and_says_why(state, kind):
    decoded = decode_scenario(state)
    assert decoded.problem is not None
    assert decoded.problem.kind == kind
    assert decoded.scenario == PRESETS[BASELINE_PRESET].scenario


def test_an_invalid_value_names_its_field():
    decoded = decode_scenario(pack({"v": URL_FORMAT_VERSION, "parameters": {"fallback.window_quarters": 99}}))
    assert decoded.problem.field == "fallback.window_quarters"
    assert "out of range" in decoded.problem.message


@pytest.mark.parametrize("draws", [2500, 5000, 10_000])
def test_draws_the_page_does_not_offer_are_refused_naming_the_field_not_cut(draws):
    decoded = decode_scenario(pack({"v": URL_FORMAT_VERSION, "draws": draws}))
    assert decoded.problem.field == "draws"
    assert f"{draws} draws are not offered here; use 0 or 1,000" in decoded.problem.message


def test_a_compressed_bomb_stops_at_the_limit():
    bomb = json.dumps({"v": URL_FORMAT_VERSION, "name": "x" * (MAX_JSON_BYTES * 20)})
    state = base64.urlsafe_b64encode(zlib.compress(bomb.encode(), 9)).decode().rstrip("=")
    assert len(state) < MAX_STATE_CHARS
    assert decode_scenario(state).problem.kind == "too_long"


@settings(max_examples=300, deadline=None)
@given(
    raw=st.text(max_size=200)
    | st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", max_size=300)
    | st.lists(st.text(max_size=20), max_size=3)
    | st.integers()
    | st.none()
)
def test_no_link_ever_raises(raw):
    decoded = decode_scenario(raw)
    assert decoded.scenario is not None


@settings(max_examples=100, deadline=None)
@given(position=st.integers(0, len(GOOD) - 1), character=st.sampled_from("AZaz09-_"))
def test_a_link_with_one_character_changed_is_either_refused_or_a_valid_scenario(position, character):
    state = GOOD[:position] + character + GOOD[position + 1 :]
    decoded = decode_scenario(state)
    if decoded.problem is None:
        parse_scenario(decoded.scenario.canonical())  # whatever comes through is a valid scenario
