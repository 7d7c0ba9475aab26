"""The simulator page: its layout from a link, and its callbacks called as plain functions."""

from __future__ import annotations

import base64
import io
import json

import dash
import openpyxl
import pandas as pd
import pytest
import yaml
from dash import dcc, html, no_update
from dash.exceptions import PreventUpdate

from components.shell.formatting import format_millions
from components.simulator import ids
from components.simulator.controls import CUSTOM, to_display
from components.simulator.tables import format_signed
from data.scenario.files import parse_scenario_text
from data.scenario.presets import load_presets
from data.scenario.schema import MAX_SCENARIO_BYTES, Scenario, scenario_parameters
from services.scenario_results import baseline_figures
from services.scenario_url import decode_scenario, encode_scenario
from services.simulation import simulate, versions
from tests.dash_tree import find_all, text_of

PRESETS = load_presets()
NAMES = list(scenario_parameters())
CONTROL_IDS = [ids.parameter_id(name) for name in NAMES]
BAND = "loonpremie.package.five_year_standard.band_1"


@pytest.fixture(scope="module")
def page(portal):
    """The page module as the portal registered it."""
    from pages.simulator import page as simulator

    return simulator


def by_id(component, component_id):
    found = [c for c in find_all(component, object) if getattr(c, "id", None) == component_id]
    return found[0] if found else None


def baseline_round(page, **changes):
    """The arguments of `update_page` for the baseline controls, with some controls changed (shown values)."""
    scenario = PRESETS["basis"].scenario
    values = page.control_values(scenario, NAMES)
    for name, value in changes.items():
        values[NAMES.index(name)] = value
    meta = page.meta_document(scenario, "basis")
    return values, 12, 1000, meta, CONTROL_IDS, None, None, ["loonpremie"], "nl"


FIELD_OUTPUTS = [
    "invalid",
    "messages",
    "date_messages",
    "changes",
    "horizon_invalid",
    "horizon_message",
    "state",
    "status",
    "results_class",
    "accordion",
]


def outputs_by_name(outputs):
    from pages.simulator.page import RESULT_OUTPUTS

    names = FIELD_OUTPUTS + [f"{component}.{prop}" for component, prop in RESULT_OUTPUTS]
    assert len(names) == len(outputs)
    return dict(zip(names, outputs, strict=True))


def test_the_page_is_registered_in_the_navigation(portal):
    page = next(p for p in dash.page_registry.values() if p["path"] == "/simulator")
    assert page["nav_label"] == {"nl": "Simulator", "en": "Simulator"}
    assert page["order"] == 90
    assert set(page["nav_description"]) == {"nl", "en"}


def test_the_layout_of_a_plain_link_is_the_baseline(page):
    layout = page.layout()
    assert by_id(layout, ids.LINK_NOTICE) is None
    assert by_id(layout, ids.PRESET).value == "basis"
    assert by_id(layout, ids.SCENARIO).data["s"] == ""
    assert "projectie op basis van aannames" in text_of(layout)
    assert by_id(layout, ids.parameter_id(BAND)).value == 40


def test_the_layout_of_a_link_to_a_preset_shows_the_preset(page):
    preset = PRESETS["terugval_5_jaar"].scenario
    layout = page.layout(s=encode_scenario(preset, computed_with=versions()))
    assert by_id(layout, ids.PRESET).value == "terugval_5_jaar"
    assert by_id(layout, ids.parameter_id("fallback.window_quarters")).value == 20
    assert by_id(layout, ids.META).data["description"] == preset.description
    assert by_id(layout, ids.VERSION_NOTICE).children == ""


@pytest.mark.parametrize(
    "s",
    ["kapot", "eJ" + "A" * 50, ["a", "b"], "A" * 5000, encode_scenario(Scenario())[:-4]],
    ids=["tampered", "not zlib", "two states", "oversized", "truncated"],
)
def test_a_bad_link_shows_the_baseline_with_a_message_never_an_error(page, s):
    layout = page.layout(s=s, lang="en")
    notice = by_id(layout, ids.LINK_NOTICE)
    assert notice is not None and "The baseline is shown" in text_of(notice)
    assert by_id(layout, ids.PRESET).value == "basis"


def test_a_link_saved_on_older_parameters_says_so(page):
    state = encode_scenario(
        PRESETS["basis"].scenario, computed_with={"model_version": "0.9.0", "parameters_version": "oud"}
    )
    layout = page.layout(s=state)
    notice = text_of(by_id(layout, ids.VERSION_NOTICE))
    assert (
        "model 0.9.0" in notice and "parameters oud" in notice and versions()["parameters_version"] in notice
    )


def _as_json(value):
    return json.dumps(value, cls=__import__("plotly").utils.PlotlyJSONEncoder, sort_keys=True)


def test_the_page_arrives_with_the_first_results_the_callback_would_show(page):
    scenario = PRESETS["terugval_5_jaar"].scenario
    layout = page.layout(s=encode_scenario(scenario, computed_with=versions()), lang="en")
    expected = page.results_outputs(scenario, page.meta_document(scenario, "terugval_5_jaar"), "en")
    for (component_id, prop), value in zip(page.RESULT_OUTPUTS, expected, strict=True):
        assert _as_json(getattr(by_id(layout, component_id), prop)) == _as_json(value), (component_id, prop)
    budget = by_id(layout, ids.BUDGET_GRAPH).figure
    assert budget["data"] and len(budget["data"][0]["x"]) == scenario.horizon_years
    assert "Summary" not in text_of(by_id(layout, ids.SUMMARY)) and text_of(by_id(layout, ids.SUMMARY))


def test_the_page_callback_does_not_run_when_the_page_loads(portal):
    graph = portal.server.test_client().get("/_dash-dependencies").get_json()
    spec = next(item for item in graph if f"{ids.SUMMARY}.children" in item["output"])
    assert spec["prevent_initial_call"] is True


def test_a_results_output_the_layout_lacks_is_an_error(page):
    with pytest.raises(LookupError, match="no-such-output"):
        page.fill_outputs(html.Div(id="a"), {("no-such-output", "children"): "x"})


def test_when_the_first_results_fail_the_page_still_opens_and_says_so(page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("model down")

    monkeypatch.setattr(page, "results_outputs", broken)
    layout = page.layout()
    assert "could not be computed" in text_of(page.layout(lang="en")) or "konden niet" in text_of(layout)
    assert by_id(layout, ids.BUDGET_GRAPH) is not None


def test_garbage_in_the_query_never_breaks_the_layout(page):
    for query in (
        {"lang": ["nl", "en"]},
        {"": "", "a" * 300: "b" * 3000},
        {"s": None},
        {"lang": "xx", "s": 5},
    ):
        page.layout(**query)


def test_a_valid_change_computes_and_fills_every_result(page):
    outputs = outputs_by_name(page.page_outputs(*baseline_round(page, **{BAND: 55})))
    assert outputs["status"] == ""
    assert outputs["results_class"] == page.FRESH_CLASS
    state = outputs["state"]
    assert state["document"]["parameters"] == {BAND: 0.55}
    assert state["document"]["name"] == "Basisscenario decreet 2022 (aangepast)"
    assert decode_scenario(state["s"]).scenario.parameters == {BAND: 0.55}
    figure = outputs[f"{ids.BUDGET_GRAPH}.figure"]
    assert figure["data"][0]["name"] == "Loonpremie IMW"
    assert "aangepast" in outputs[f"{ids.SCENARIO_NAME}.children"]
    assert "b=" in outputs[f"{ids.COMPARE_LINK}.href"] and "a=basis" in outputs[f"{ids.COMPARE_LINK}.href"]
    assert all(flag is False for flag in outputs["invalid"])


def test_a_higher_percentage_costs_more(page):
    base = outputs_by_name(page.page_outputs(*baseline_round(page)))
    higher = outputs_by_name(page.page_outputs(*baseline_round(page, **{BAND: 60})))
    cost = lambda o: sum(o[f"{ids.BUDGET_GRAPH}.figure"]["data"][0]["y"])  # noqa: E731
    assert cost(higher) > cost(base)


def test_an_unchanged_baseline_keeps_its_name_and_needs_no_state_in_the_link(page):
    outputs = outputs_by_name(page.page_outputs(*baseline_round(page)))
    assert outputs["state"]["s"] == ""
    assert outputs["state"]["document"]["name"] == "Basisscenario decreet 2022"


def test_a_scenario_the_model_cannot_run_now_says_so_and_keeps_the_last_results(page, monkeypatch):
    from services import compute

    def busy(*args, **kwargs):
        raise compute.Busy(retry_after=3)

    monkeypatch.setattr(compute.pool(), "run", busy)
    outputs = outputs_by_name(page.page_outputs(*baseline_round(page, **{BAND: 47})))  # never computed before
    assert "veel gebruikers tegelijk" in text_of(outputs["status"])
    assert outputs["results_class"] == page.STALE_CLASS
    assert all(outputs[f"{c}.{p}"] is no_update for c, p in page.RESULT_OUTPUTS)


def test_a_wrong_field_gets_its_message_and_nothing_runs(page):
    outputs = outputs_by_name(
        page.page_outputs(*baseline_round(page, **{BAND: 90, "fallback.window_quarters": None}))
    )
    position = NAMES.index(BAND)
    assert outputs["invalid"][position] is True
    assert "van 20 tot 75" in outputs["messages"][position]
    assert outputs["invalid"][NAMES.index("fallback.window_quarters")] is True
    assert outputs["state"] is no_update
    assert all(outputs[f"{c}.{p}"] is no_update for c, p in page.RESULT_OUTPUTS)
    status = text_of(outputs["status"])
    assert "2 veld(en)" in status and "5-jarig standaardpakket, kwartalen 1-5" in status
    assert set(outputs["accordion"]) >= {"loonpremie", "fallback"}
    assert outputs["results_class"] == page.STALE_CLASS


def test_only_the_fields_whose_flag_changes_are_sent_back(page):
    values, horizon, draws, meta, control_ids, _, _, open_items, language = baseline_round(page)
    shown_invalid = [False] * len(NAMES)
    shown_messages = [None] * len(NAMES)
    shown_invalid[0] = True
    shown_messages[0] = "oude melding"
    outputs = outputs_by_name(
        page.page_outputs(
            values, horizon, draws, meta, control_ids, shown_invalid, shown_messages, open_items, language
        )
    )
    assert outputs["invalid"][0] is False and outputs["messages"][0] == ""
    assert all(value is no_update for value in outputs["invalid"][1:])
    assert all(value is no_update for value in outputs["messages"][1:])


@pytest.mark.parametrize("horizon", [0, 21, 2.5, None, "12", True])
def test_a_wrong_horizon_is_refused_at_its_field(page, horizon):
    values, _, draws, meta, control_ids, a, b, open_items, language = baseline_round(page)
    outputs = outputs_by_name(
        page.page_outputs(values, horizon, draws, meta, control_ids, a, b, open_items, language)
    )
    assert outputs["horizon_invalid"] is True and "van 1 tot 20" in outputs["horizon_message"]
    assert outputs["state"] is no_update


@pytest.mark.parametrize(("draws", "computed"), [(0, 0), (1000, 1000), (1000.0, 1000)])
def test_the_draws_the_page_offers_are_computed(page, draws, computed):
    values, horizon, _, meta, control_ids, a, b, open_items, language = baseline_round(page)
    outputs = outputs_by_name(
        page.page_outputs(values, horizon, draws, meta, control_ids, a, b, open_items, language)
    )
    assert outputs["state"]["document"]["draws"] == computed


@pytest.mark.parametrize("draws", [5000, 10**9, 1e308, -3, "x", None, True, 999])
def test_draws_the_page_does_not_offer_are_refused_with_a_message_not_clamped(page, draws):
    values, horizon, _, meta, control_ids, a, b, open_items, language = baseline_round(page)
    outputs = outputs_by_name(
        page.page_outputs(values, horizon, draws, meta, control_ids, a, b, open_items, language)
    )
    assert outputs["state"] is no_update  # nothing computed
    assert "Onzekerheid: kies geen trekkingen of 1.000 trekkingen" in text_of(outputs["status"])


@pytest.mark.parametrize(
    "arguments",
    [
        ("x", 12, 1000, {}, CONTROL_IDS, None, None, [], "nl"),
        ([1, 2], 12, 1000, {}, CONTROL_IDS, None, None, [], "nl"),
        ([], 12, 1000, {}, "ids", None, None, [], "nl"),
        ([], 12, 1000, {}, [{"type": "sim-param"}], None, None, [], "nl"),
    ],
)
def test_malformed_callback_input_changes_nothing(page, arguments):
    with pytest.raises(PreventUpdate):
        page.page_outputs(*arguments)


def test_a_tampered_meta_store_falls_back_to_defaults(page):
    values, horizon, draws, _, control_ids, a, b, open_items, language = baseline_round(page)
    meta = {"name": ["x"], "seed": "abc", "distributions": 5, "origin": None}
    outputs = outputs_by_name(
        page.page_outputs(values, horizon, draws, meta, control_ids, a, b, open_items, language)
    )
    assert outputs["state"]["document"]["seed"] == Scenario().seed


def test_loading_a_preset_sets_every_control(page):
    outputs = page.source_outputs(ids.PRESET, "terugval_bovenop_contingent", None, CONTROL_IDS, "nl")
    values, horizon, _options, draws, meta, message, preset = outputs
    assert values[NAMES.index("fallback.mode")] == "on_top"
    assert values[NAMES.index(BAND)] == 40
    assert (horizon, draws, preset, message) == (12, 1000, "terugval_bovenop_contingent", "")
    assert (
        meta["name"] == "Terugkeer bovenop het contingent" and meta["preset"] == "terugval_bovenop_contingent"
    )
    with pytest.raises(PreventUpdate):
        page.source_outputs(ids.PRESET, "bestaat_niet", None, CONTROL_IDS, "nl")
    with pytest.raises(PreventUpdate):
        page.source_outputs(None, "basis", None, CONTROL_IDS, "nl")
    with pytest.raises(PreventUpdate):  # 'own scenario' chosen in the list: nothing to load
        page.source_outputs(ids.PRESET, "custom", None, CONTROL_IDS, "nl")


def test_a_changed_preset_says_so_in_its_name():
    from dataclasses import replace

    from components.simulator.controls import scenario_title

    preset = PRESETS["terugval_5_jaar"].scenario
    assert scenario_title(preset, "nl") == preset.name
    edited = replace(preset, parameters={**preset.parameters, "fallback.window_quarters": 8})
    assert scenario_title(edited, "nl") == f"{preset.name} (gewijzigd)"
    assert scenario_title(edited, "en").endswith(" (changed)")
    own = replace(edited, name="Mijn scenario")
    assert scenario_title(own, "nl") == "Mijn scenario"


def upload(text: str | bytes) -> str:
    data = text.encode() if isinstance(text, str) else text
    return "data:application/octet-stream;base64," + base64.b64encode(data).decode()


def handed_on(contents: str | None, filename: str, size: int | None = None) -> dict[str, object]:
    """What the browser's check hands on of an uploaded file."""
    return {"contents": contents, "filename": filename, "size": size}


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)


def test_uploading_a_scenario_file_sets_the_controls_and_names_it(page):
    text = (
        "name: Mijn scenario\nparameters:\n  fallback.window_quarters: 8\n"
        "  loonpremie.package.five_year_standard.band_1: 0.5\n"
    )
    values, _, _, draws, meta, message, preset = page.source_outputs(
        ids.UPLOAD_CHECKED, CUSTOM, handed_on(upload(text), "mijn.yaml"), CONTROL_IDS, "nl"
    )
    assert values[NAMES.index("fallback.window_quarters")] == 8
    assert values[NAMES.index(BAND)] == 50
    assert draws == 0 and preset == CUSTOM and meta["name"] == "Mijn scenario"
    assert "Opgeladen: Mijn scenario (mijn.yaml)" in text_of(message)


def test_uploading_a_preset_file_recognises_the_preset(page):
    preset = PRESETS["terugval_1_jaar"].scenario
    document = {"name": preset.name, **preset.canonical()}
    outputs = page.source_outputs(
        ids.UPLOAD_CHECKED, CUSTOM, handed_on(upload(json.dumps(document)), "x.json"), CONTROL_IDS, "nl"
    )
    assert outputs[-1] == "terugval_1_jaar"


@pytest.mark.parametrize(
    ("contents", "filename", "expected"),
    [
        (upload("name: x\n"), "scenario.txt", "gebruik een .yaml-, .yml- of .json-bestand"),
        (upload("parameters:\n  fallback.window_quarters: 99\n"), "s.yaml", "fallback.window_quarters"),
        (upload("parameters: [\n"), "s.yaml", "not valid YAML"),
        (upload("{"), "s.json", "not valid JSON"),
        (upload(b"\xff\xfe\x00name"), "s.yaml", "geen tekst in UTF-8"),
        (upload("# " + "x" * (MAX_SCENARIO_BYTES + 10)), "s.yaml", "groter dan de grens van 200 kB"),
        (upload('{"draws": Infinity}'), "s.json", "Infinity, which is not a number in JSON"),
        (upload('{"draws": NaN}'), "s.json", "NaN, which is not a number in JSON"),
        (upload(BOMB), "bom.yaml", "aliases are not allowed"),
        (upload("name: &n x\ndescription: *n\n"), "s.yaml", "YAML alias (*n) at line 2"),
        (upload("[" * 50 + "]" * 50), "s.json", "nested more than 20 levels deep"),
        (upload('{"name": "' + "\\u0007" * 500 + '"}'), "s.json", "name: must be a text"),
        (upload("draws: " + "9" * 5000 + "\n"), "s.yaml", "not valid YAML"),
        (upload("draws: 1e308\n"), "s.yaml", "draws"),
        (upload(""), "s.yaml", "het bestand is leeg"),
        ("data:text/plain,name: x", "s.yaml", "geen tekst in UTF-8"),
        (None, "s.yaml", "geen tekst in UTF-8"),
        (upload("paramters: {}\n"), "s.yaml", "paramters"),
    ],
)
def test_a_bad_upload_is_refused_at_the_upload_and_changes_nothing(page, contents, filename, expected):
    outputs = page.source_outputs(
        ids.UPLOAD_CHECKED, CUSTOM, handed_on(contents, filename), CONTROL_IDS, "nl"
    )
    values, _, _, _, meta, message, preset = outputs
    assert all(value is no_update for value in values)
    assert meta is no_update and preset is no_update
    assert expected in text_of(message)
    assert "alert-danger" in message.className


@pytest.mark.parametrize(
    ("upload_handed_on", "expected"),
    [
        (handed_on(None, "setup.exe", 4_000_000), "gebruik een .yaml-, .yml- of .json-bestand"),
        (handed_on(None, "groot.yaml", 1_200_000), "het bestand is 1.200 kB, groter dan de grens van 200 kB"),
        (handed_on(None, "leeg.json", 0), "het bestand is leeg"),
        (None, "gebruik een .yaml-, .yml- of .json-bestand"),
    ],
)
def test_a_file_the_browser_did_not_send_is_refused_with_the_reason(page, upload_handed_on, expected):
    outputs = page.source_outputs(ids.UPLOAD_CHECKED, CUSTOM, upload_handed_on, CONTROL_IDS, "nl")
    assert expected in text_of(outputs[5]) and "alert-danger" in outputs[5].className
    assert outputs[4] is no_update


def test_an_upload_message_quotes_no_more_than_a_short_excerpt_of_a_value(page):
    hostile = 'parameters:\n  fallback.mode: "\\e[31m' + "x" * 100_000 + '"\n'  # YAML's escape of ESC
    *_, message, _ = page.source_outputs(
        ids.UPLOAD_CHECKED, CUSTOM, handed_on(upload(hostile), "s.yaml"), CONTROL_IDS, "nl"
    )
    shown = text_of(message)
    assert "fallback.mode" in shown and "\\x1b[31m" in shown and "\x1b" not in shown
    assert len(shown) < 400


def state_of(page, scenario):
    return page.scenario_state(scenario)


def test_the_scenario_downloads_read_back_as_the_same_scenario(page):
    scenario = PRESETS["begeleiding_volledige_kost"].scenario
    state = state_of(page, scenario)
    as_yaml = page.download_data(ids.DOWNLOAD_SCENARIO_YAML, state)
    assert as_yaml["filename"] == "imw-begeleidingspremie-dekt-de-volledige-kost-van-de-begeleiding.yaml"
    again = parse_scenario_text(as_yaml["content"], "yaml")
    assert again.canonical() == scenario.canonical() and again.name == scenario.name
    assert again.computed_with == versions()
    as_json = page.download_data(ids.DOWNLOAD_SCENARIO_JSON, state)
    assert parse_scenario_text(as_json["content"], "json").canonical() == scenario.canonical()
    assert yaml.safe_load(as_yaml["content"])["parameters"]["begeleidingspremie.variable.high"] == 2220


def test_the_results_downloads_hold_the_results_and_what_they_were_computed_on(page):
    state = state_of(page, PRESETS["terugval_5_jaar"].scenario)
    as_csv = page.download_data(ids.DOWNLOAD_RESULTS_CSV, state)
    assert as_csv["filename"].endswith(".csv") and as_csv["base64"]
    text = base64.b64decode(as_csv["content"]).decode()
    assert f'# model_version: "{versions()["model_version"]}"' in text
    assert f'# parameters_version: "{versions()["parameters_version"]}"' in text
    assert '"fallback.window_quarters": 20' in text
    frame = pd.read_csv(io.StringIO(text), comment="#")
    assert {"year", "output", "label", "unit", "mean", "p5", "p50", "p95"} <= set(frame.columns)
    as_xlsx = page.download_data(ids.DOWNLOAD_RESULTS_XLSX, state)
    book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(as_xlsx["content"])))
    assert book.sheetnames == ["Kerncijfers", "Resultaten", "Metadata"]
    # The first sheet sets the scenario against the baseline on the same horizon and draws.
    notes = [row[0] for row in book["Kerncijfers"].iter_rows(max_row=6, values_only=True)]
    assert "tegenover het basisscenario" in notes[0]
    english = page.download_data(ids.DOWNLOAD_RESULTS_XLSX, state, "en")
    book_en = openpyxl.load_workbook(io.BytesIO(base64.b64decode(english["content"])))
    assert book_en.sheetnames == ["Headline", "Results", "Metadata"]
    excel = page.download_data(ids.DOWNLOAD_RESULTS_EXCEL_CSV, state)
    assert excel["filename"].endswith("-excel.csv")
    raw = base64.b64decode(excel["content"])
    assert raw.startswith("\ufeff".encode()) and b";" in raw.split(b"\r\n")[0] and not raw.startswith(b"#")
    alone = page.download_data(ids.DOWNLOAD_RESULTS_XLSX, state_of(page, PRESETS["basis"].scenario))
    first = next(openpyxl.load_workbook(io.BytesIO(base64.b64decode(alone["content"])))["Kerncijfers"].iter_rows(
        max_row=1, values_only=True))[0]  # fmt: skip
    assert "basisscenario" in first.lower() and "tegenover" not in first


def test_a_download_of_a_tampered_store_changes_nothing(page):
    for state in (None, {"document": "x"}, {"document": {"horizon_years": 99}}):
        with pytest.raises(PreventUpdate):
            page.download_data(ids.DOWNLOAD_SCENARIO_YAML, state)
    with pytest.raises(PreventUpdate):
        page.download_data("sim-unknown", state_of(page, Scenario()))


def test_the_description_follows_the_chosen_preset(page):
    assert "punt 11" in page.describe_preset("bredere_reikwijdte", "nl")
    assert page.describe_preset(["x"], "nl") == ""


def test_every_control_shows_the_scenario_values(page):
    scenario = PRESETS["bredere_reikwijdte"].scenario
    shown = page.control_values(scenario, NAMES)
    assert shown[NAMES.index("scope.extra_inflow_share")] == to_display(0.05, "share of the inflow") == 5
    assert page.control_values(scenario, ["onbekend"]) == [no_update]


def test_the_layout_has_the_pieces_the_issue_asks_for(page):
    layout = page.layout()
    for component_id in (
        ids.BUDGET_GRAPH,
        ids.WORKERS_GRAPH,
        ids.COACHING_GRAPH,
        ids.CONTINGENT_GRAPH,
        ids.TORNADO_GRAPH,
        ids.KEY_FIGURES,
        ids.SUMMARY,
        ids.COVERAGE,
        ids.UPLOAD,
        ids.DOWNLOAD,
        ids.COMPARE_LINK,
        ids.VERSIONS,
    ):
        assert by_id(layout, component_id) is not None, component_id
    assert isinstance(by_id(layout, ids.UPLOAD), dcc.Upload)
    assert isinstance(by_id(layout, ids.DOWNLOAD), dcc.Download)
    headings = [text_of(h) for h in find_all(layout, html.H1)]
    assert headings == ["Scenariosimulator"]


def test_an_uploaded_file_saved_on_older_parameters_says_so_until_it_is_changed(page):
    text = (
        "name: Oud\ncomputed_with: {model_version: 0.9.0, parameters_version: oud123}\n"
        "parameters:\n  fallback.window_quarters: 8\n"
    )
    values, horizon, _, draws, meta, _, _ = page.source_outputs(
        ids.UPLOAD_CHECKED, CUSTOM, handed_on(upload(text), "oud.yaml"), CONTROL_IDS, "nl"
    )
    arguments = (values, horizon, draws, meta, CONTROL_IDS, None, None, [], "nl")
    outputs = outputs_by_name(page.page_outputs(*arguments))
    notice = outputs[f"{ids.VERSION_NOTICE}.children"]
    assert "model 0.9.0" in notice and "parameters oud123" in notice
    assert outputs[f"{ids.VERSION_NOTICE}.className"] == "alert alert-info py-2"
    values = list(values)
    values[NAMES.index("fallback.window_quarters")] = 9
    changed = outputs_by_name(
        page.page_outputs(values, horizon, draws, meta, CONTROL_IDS, None, None, [], "nl")
    )
    assert changed[f"{ids.VERSION_NOTICE}.children"] == ""


def test_a_scenario_with_more_draws_than_the_page_offers_is_refused_with_the_reason(page):
    many = "name: Veel trekkingen\ndraws: 8000\nparameters:\n  fallback.window_quarters: 8\n"
    _values, _, _, draws, meta, message, _ = page.source_outputs(
        ids.UPLOAD_CHECKED, CUSTOM, handed_on(upload(many), "veel.yaml"), CONTROL_IDS, "nl"
    )
    assert draws is no_update and meta is no_update
    assert "draws: 8000 draws are not offered here; use 0 or 1,000" in text_of(message)
    layout = page.layout(s=encode_scenario(parse_scenario_text(many, "yaml")))
    assert by_id(layout, ids.DRAWS).value == 1000  # the baseline, with the link's problem shown
    assert by_id(layout, ids.LINK_NOTICE) is not None


def test_a_chart_whose_layout_is_shown_gets_its_new_data_alone(page):
    outputs = page.page_outputs(*baseline_round(page, **{BAND: 55}))
    results = dict(zip(page.RESULT_OUTPUTS, outputs[-len(page.RESULT_OUTPUTS) :], strict=True))
    shown = page.layout_digests(results)
    assert set(shown) >= {ids.BUDGET_GRAPH, ids.WORKERS_GRAPH, ids.TORNADO_GRAPH}
    again = page.page_outputs(*baseline_round(page, **{BAND: 60}))
    sent = dict(
        zip([*FIELD_OUTPUTS, *page.RESULT_OUTPUTS, "layouts"], page.in_place(again, shown), strict=True)
    )
    budget = sent[(ids.BUDGET_GRAPH, "figure")]
    assert isinstance(budget, dash.Patch)
    operations = budget.to_plotly_json()["operations"]
    assert [op["location"] for op in operations] == [["data"]], "the data alone, the layout stays"
    new_budget = dict(zip(page.RESULT_OUTPUTS, again[-len(page.RESULT_OUTPUTS) :], strict=True))[
        (ids.BUDGET_GRAPH, "figure")
    ]
    assert operations[0]["params"]["value"] == new_budget["data"]
    # The tornado's central line moves with the central cost: its layout changes, so it goes whole.
    assert isinstance(sent[(ids.TORNADO_GRAPH, "figure")], dict)
    changed = {graph for graph, digest in sent["layouts"].items() if shown.get(graph) != digest}
    assert changed == {ids.TORNADO_GRAPH}


def test_a_chart_whose_layout_changed_is_sent_whole(page):
    outputs = page.page_outputs(*baseline_round(page))
    results = dict(zip(page.RESULT_OUTPUTS, outputs[-len(page.RESULT_OUTPUTS) :], strict=True))
    shown = {**page.layout_digests(results), ids.BUDGET_GRAPH: "another layout"}
    sent = page.in_place(outputs, shown)
    figures = dict(zip(page.RESULT_OUTPUTS, sent[-len(page.RESULT_OUTPUTS) - 1 : -1], strict=True))
    assert isinstance(figures[(ids.BUDGET_GRAPH, "figure")], dict)
    assert isinstance(figures[(ids.WORKERS_GRAPH, "figure")], dash.Patch)
    assert sent[-1][ids.BUDGET_GRAPH] == page.layout_digest(results[(ids.BUDGET_GRAPH, "figure")])


def test_the_page_records_the_layouts_its_first_charts_show(page):
    layout = page.layout()
    store = by_id(layout, ids.FIGURE_LAYOUTS)
    assert store.data[ids.BUDGET_GRAPH] == page.layout_digest(by_id(layout, ids.BUDGET_GRAPH).figure)


def test_the_fields_shown_wrong_follow_what_a_round_sends(page):
    names = ["a", "b", "c"]
    shown = {"a": "too high"}
    assert page.problems_after(
        names, shown, [no_update, True, no_update], [no_update, "too low", no_update]
    ) == {
        "a": "too high",
        "b": "too low",
    }
    assert page.problems_after(names, shown, [False, no_update, no_update], ["", no_update, no_update]) == {}
    assert page.problems_after(names, shown, no_update, no_update) == shown


def test_the_simulator_opens_with_the_difference_from_the_baseline(page):
    from components.simulator.tables import DIFFERENCE_FIGURES

    scenario = PRESETS["begeleiding_volledige_kost"].scenario
    outputs = dict(zip(page.RESULT_OUTPUTS, page.results_outputs(scenario, None, "nl"), strict=True))
    block = outputs[(ids.BASELINE_DIFFERENCE, "children")]
    rows = [[text_of(cell) for cell in row.children] for row in find_all(block, dash.html.Tr)[1:]]
    assert len(rows) == len(DIFFERENCE_FIGURES) - (0 if scenario.horizon_years >= 5 else 1)
    mine = simulate(scenario).key_figures
    base = baseline_figures(scenario)
    assert base is not None
    cost = next(row for row in rows if row[0].startswith("Kost samen over"))
    delta = mine["cumulative_cost_horizon"]["central"] - base["cumulative_cost_horizon"]["central"]
    assert delta > 0 and cost[3] == format_signed(delta, "EUR")
    assert "Centrale projectie" in text_of(block)


def test_the_baseline_says_it_is_the_baseline(page):
    scenario = PRESETS["basis"].scenario
    assert baseline_figures(scenario) is None
    outputs = dict(zip(page.RESULT_OUTPUTS, page.results_outputs(scenario, None, "en"), strict=True))
    assert "This is the baseline" in text_of(outputs[(ids.BASELINE_DIFFERENCE, "children")])


def test_key_figures_summary_and_charts_report_the_central_projection(page):
    scenario = PRESETS["basis"].scenario
    result = simulate(scenario)
    figures = result.key_figures
    assert result.n_draws == 1000
    first = figures["first_year_cost"]
    assert first["central"] != first["p50"], "the central run and the median differ (a skewed distribution)"
    outputs = dict(zip(page.RESULT_OUTPUTS, page.results_outputs(scenario, None, "nl"), strict=True))
    table = text_of(outputs[(ids.KEY_FIGURES, "children")])
    assert "Centrale projectie" in table and format_millions(first["central"]) in table
    assert format_millions(first["p50"]) not in table
    budget = outputs[(ids.BUDGET_GRAPH, "figure")]
    marker = next(trace for trace in budget["data"] if trace["type"] == "scatter")
    annual = result.annual
    central = annual[annual["output"] == "total_cost"]["central"].to_numpy() / 1e6
    assert marker["y"] == pytest.approx(list(central))
    summary = text_of(outputs[(ids.SUMMARY, "children")])
    assert format_millions(figures["cumulative_cost_horizon"]["central"]) in summary
