"""The calculator's builders: the same figures as `imw case --json` for the same input, every bad input refused
at its field in the page's language, and a link that gives back the calculation."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from dash import html

import cli
from components.shell.formatting import format_eur
from components.simulator import calculator as calc
from tests.dash_tree import text_of

TODAY = dt.date(2026, 5, 20)


def cli_case(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    """`imw case ... --json`, run in this process."""
    assert cli.main(["case", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def fields(**changes: str) -> dict[str, str]:
    return {**calc.default_values(TODAY), **changes}


def text(value: Any) -> str:
    return text_of(html.Div(value)).replace("\u00a0", " ")


# The same cases, as the calculator's fields and as the command line's arguments; the amounts worked by hand.
CASES = [
    # 3 x 2 x 2,189.81 = 13,138.86 cap; 40 % (band 1) x 9,000 = 3,600; 1,200 + 730
    (
        {"datum": "2026-05-20", "referteloon": "9.000,00", "deeltijd": "1", "pakket": "5y-standard",
         "kwartaal": "3", "begeleiding": "medium"},
        ["--date", "2026-05-20", "--referteloon", "9000", "--fte", "1", "--package", "5y-standard",
         "--quarter", "3", "--coaching", "medium"],
        {"cap_eur": 13138.86, "loonpremie_eur": 3600.0, "begeleidingspremie_fixed_eur": 1200.0,
         "begeleidingspremie_variable_eur": 730.0},
    ),
    # cap 3 x 2 x 2,154.11 x 0.8 = 10,339.73 (January 2026); 45 % x 10,339.73 = 4,652.88; 600 + 1,280 x 0.5
    (
        {"datum": "2026-02-10", "referteloon": "15000", "deeltijd": "0,8", "pakket": "percentage",
         "percentage": "45", "kwartaal": "7", "begeleiding": "high", "uren": "0,5"},
        ["--date", "2026-02-10", "--referteloon", "15000", "--fte", "0.8", "--percentage", "45",
         "--quarter", "7", "--coaching", "high", "--hours", "0.5"],
        {"cap_eur": 10339.73, "loonpremie_eur": 4652.88, "begeleidingspremie_fixed_eur": 600.0,
         "begeleidingspremie_variable_eur": 640.0},
    ),
    # the 2-year package in quarter 6: band 2; the self-employed: no begeleidingspremie
    (
        {"datum": "2025-03-01", "referteloon": "4000,5", "deeltijd": "0,5", "pakket": "2y", "kwartaal": "6",
         "begeleiding": "low"},
        ["--date", "2025-03-01", "--referteloon", "4000.5", "--fte", "0.5", "--package", "2y",
         "--quarter", "6", "--coaching", "low"],
        {},
    ),
    (
        {"datum": "2026-08-01", "referteloon": "5000", "deeltijd": "1", "pakket": "self-employed",
         "percentage": "30", "kwartaal": "2", "begeleiding": "high"},
        ["--date", "2026-08-01", "--referteloon", "5000", "--fte", "1", "--package", "self-employed",
         "--percentage", "30", "--quarter", "2", "--coaching", "high"],
        {"loonpremie_eur": 1500.0, "begeleidingspremie_eur": 0.0},
    ),
]  # fmt: skip


@pytest.mark.parametrize(("values", "argv", "by_hand"), CASES, ids=range(len(CASES)))
def test_the_calculator_gives_the_figures_of_imw_case(capsys, values, argv, by_hand):
    expected = cli_case(capsys, *argv)
    for name, amount in by_hand.items():
        assert expected[name] == amount, name
    calculation = calc.compute(fields(**values), "nl")
    assert calculation.errors == {} and calculation.outcome is not None
    assert calculation.outcome.as_dict() == expected
    shown = text(calc.result_block(calculation, "nl", int(values["kwartaal"])))
    for name in ("cap_eur", "capped_referteloon_eur", "loonpremie_eur", "begeleidingspremie_fixed_eur",
                 "begeleidingspremie_variable_eur", "begeleidingspremie_eur"):  # fmt: skip
        assert format_eur(expected[name], 2).replace("\u00a0", " ") in shown, name


@pytest.mark.parametrize(("values", "argv", "by_hand"), CASES[:2], ids=range(2))
def test_the_whole_package_is_the_one_of_imw_case_with_its_totals(capsys, values, argv, by_hand):
    calculation = calc.compute(fields(**values), "nl")
    first = calculation.first_quarter
    assert first is not None
    replaced = dict(zip(argv[::2], argv[1::2], strict=True))
    replaced["--date"] = first.isoformat()
    replaced.pop("--quarter")
    expected = cli_case(capsys, *[p for pair in replaced.items() for p in pair], "--whole-package")[
        "quarters"
    ]
    assert [row.as_dict() for row in calculation.package_rows] == expected
    table = calc.package_table(calculation, int(values["kwartaal"]), "nl")
    total = sum(Decimal(str(q["loonpremie_eur"])) for q in expected)
    assert format_eur(float(total), 2).replace("\u00a0", " ") in text(table)
    assert "(dit kwartaal)" in text(table)


def test_the_percentage_says_its_band_and_every_trace_line_its_date_source_and_status():
    calculation = calc.compute(fields(datum="2026-05-20", kwartaal="7"), "nl")
    block = text(calc.result_block(calculation, "nl", 7))
    assert "30 % (band 2 van het pakket)" in block
    assert "€ 2.189,81 per maand" in block and "1 april 2026" in block
    assert "Nationale Arbeidsraad" in block and "secundaire bron" in block and "geverifieerd" in block
    english = text(calc.result_block(calc.compute(fields(kwartaal="7"), "en"), "en", 7))
    assert "band 2 of the package" in english and "National Labour Council" in english
    assert "secondary source" in english and "verified" in english
    for shown in (block, english):
        assert "loonpremie.package" not in shown and ".yaml" not in shown and "ggmmi-secondary" not in shown


@pytest.mark.parametrize(
    ("changes", "field", "nl", "en"),
    [
        ({"referteloon": "1e400"}, "referteloon", "Vul een referteloon in tussen 0 en 1.000.000", "between 0 and"),
        ({"referteloon": "-5"}, "referteloon", "Vul een referteloon in", "Fill in a referteloon"),
        ({"referteloon": "NaN"}, "referteloon", "is geen getal", "is not a number"),
        ({"referteloon": "negen"}, "referteloon", "‘negen’ is geen getal", "‘negen’ is not a number"),
        ({"referteloon": ""}, "referteloon", "Vul dit veld in", "Fill in this field"),
        ({"deeltijd": "1e-400"}, "deeltijd", "deeltijdse breuk", "part-time fraction"),
        ({"deeltijd": "1,5"}, "deeltijd", "hoogstens 1", "at most 1"),
        ({"uren": "0,9", "deeltijd": "0,5"}, "uren", "tot de deeltijdse breuk (0,5)", "part-time fraction (0,5)"),
        ({"kwartaal": "0"}, "kwartaal", "van 1 tot", "from 1 to"),
        ({"kwartaal": "99999999999"}, "kwartaal", "geheel getal", "whole number"),
        ({"kwartaal": "2,5"}, "kwartaal", "geheel getal", "whole number"),
        ({"datum": "2026-05-20", "kwartaal": "13"}, "kwartaal", "van 1 tot 12", "from 1 to 12"),
        ({"pakket": "2y", "kwartaal": "9", "datum": "2026-05-20"}, "kwartaal", "niet verlengd", "cannot be renewed"),
        ({"datum": "2023-06-30"}, "datum", "1 juli 2023", "1 July 2023"),
        ({"datum": "9999-12-31"}, "datum", "31 december 2099", "31 December 2099"),
        ({"datum": "gisteren"}, "datum", "Vul een datum in", "Fill in a date"),
        ({"pakket": "percentage", "percentage": "47"}, "percentage", "tussen 20 en 75, in stappen van 5",
         "from 20 to 75, in steps of 5"),
        ({"pakket": "percentage", "percentage": "1e400"}, "percentage", "van 20 tot 75", "from 20 to 75"),
        ({"pakket": "percentage"}, "percentage", "van 20 tot 75", "from 20 to 75"),
        ({"pakket": "self-employed", "percentage": "60"}, "percentage", "zelfstandige", "self-employed"),
        ({"percentage": "40"}, "percentage", "Laat het percentage leeg", "Leave the percentage empty"),
        ({"pakket": "9y"}, "pakket", "Kies een startpakket", "Choose a start package"),
        ({"begeleiding": "soms"}, "begeleiding", "Kies een nood", "Choose a need"),
    ],
)  # fmt: skip
def test_bad_input_gets_the_calculators_own_message_at_its_field_in_the_pages_language(
    changes, field, nl, en
):
    for language, expected in (("nl", nl), ("en", en)):
        calculation = calc.compute(fields(**changes), language)
        assert calculation.outcome is None
        assert field in calculation.errors, (language, calculation.errors)
        message = calculation.errors[field]
        assert expected in message, (language, message)
        assert "Traceback" not in message and "Decimal" not in message and len(message) < 200
    block = text(calc.result_block(calc.compute(fields(**changes), "nl"), "nl", None))
    assert "verbeter de velden" in block


def test_a_link_gives_back_the_calculation_it_was_made_from():
    values = fields(**CASES[1][0])
    errors, result, state = calc.page_outputs(values, "en")
    assert errors == {}
    read, refused = calc.read_link(state, "en", TODAY)
    assert refused == [] and read == {name: values[name].strip() for name in calc.FIELDS}
    assert text(calc.page_outputs(read, "en")[1]) == text(result)


def test_bad_link_values_are_left_out_with_their_names_and_the_rest_is_kept():
    query: dict[str, object] = {
        "datum": "2026-05-20",
        "referteloon": "1e400",
        "kwartaal": "7",
        "begeleiding": ["high", "low"],
        "pakket": "<script>",
    }
    values, refused = calc.read_link(query, "nl", TODAY)
    assert refused == ["referteloon", "pakket", "begeleiding"]
    assert values["datum"] == "2026-05-20" and values["kwartaal"] == "7"
    assert values["referteloon"] == calc.default_values(TODAY)["referteloon"]
    assert calc.compute(values, "nl").outcome is not None
    # A quarter that does not fit the link's date goes, the date stays.
    values, refused = calc.read_link({"datum": "2024-01-10", "kwartaal": "12"}, "nl", TODAY)
    assert refused == ["kwartaal"] and values["datum"] == "2024-01-10"


@pytest.mark.parametrize(
    ("typed", "amount", "expected"),
    [("9.000,50", True, "9000.50"), ("9000.50", True, "9000.50"), ("9.000", True, "9000"), ("€ 9 000", True, "9000"),
     ("0,8", False, "0.8"), ("0.8", False, "0.8"), ("40 %", False, "40")],
)  # fmt: skip
def test_numbers_are_read_as_a_belgian_reader_writes_them(typed, amount, expected):
    assert calc.parse_decimal(typed, amount) == Decimal(expected)


@pytest.mark.parametrize("typed", ["", "abc", "inf", "-Infinity", "nan", "sNaN", "1" * 50, "1,2,3.4"])
def test_what_is_no_finite_number_is_refused(typed):
    with pytest.raises(ValueError):
        calc.parse_decimal(typed, amount=True)


def test_a_number_far_out_of_range_is_refused_at_its_field_not_computed():
    calculation = calc.compute(fields(referteloon="1e400000000000", deeltijd="1e-99999"), "nl")
    assert set(calculation.errors) == {"referteloon", "deeltijd"}
