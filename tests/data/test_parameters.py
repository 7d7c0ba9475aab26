"""Code health of the dated parameters, and the loader that reads them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from data.parameter_store import (
    ParameterFileError,
    ParameterSet,
    load_parameter_tree,
    load_parameters,
)


def health_problems(parameters: ParameterSet) -> list[str]:
    """Conventions every parameter must keep: label (nl and en), unit, reference (with its title in English too),
    status, dates in order."""
    problems: list[str] = []
    for name, parameter in parameters.items():
        if not parameter.label_nl or not parameter.label_en:
            problems.append(f"{name}: no label in Dutch and English")
        if not parameter.unit:
            problems.append(f"{name}: no unit")
        if parameter.reference is None or not parameter.reference.title or not parameter.reference.href:
            problems.append(f"{name}: no reference (title and address)")
        elif not parameter.reference.title_en:
            problems.append(f"{name}: no English title of the reference (title_en)")
        if parameter.status is None:
            problems.append(f"{name}: no status (verified, secondary or assumption)")
        dates = [entry.start for entry in parameter.values]
        if dates != sorted(dates) or len(set(dates)) != len(dates):
            problems.append(f"{name}: dates out of order or repeated")
        if parameter.uncertainty is not None and parameter.status == "verified":
            problems.append(f"{name}: a verified (legal) value carries a distribution")
    return problems


def test_every_parameter_has_label_unit_reference_status_and_ordered_dates():
    problems = health_problems(load_parameters())
    assert problems == [], "\n".join(problems)


def test_every_assumption_says_why_in_its_description():
    for name, parameter in load_parameters().items():
        if parameter.status == "assumption":
            assert len(parameter.description) > 20, f"{name} is an assumption without its reasoning"


def _write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "example.yaml").write_text(text, encoding="utf-8")
    return tmp_path


GOOD = """
description: Example.
metadata:
  unit: EUR
  reference: {title: Een wet, title_en: A law, href: https://example.org}
  status: verified
amount:
  metadata: {label: {nl: Bedrag, en: Amount}}
  values:
    2020-01-01: 10
    2021-01-01: {value: 12, status: secondary}
"""


def test_the_loader_returns_the_value_in_force_on_a_date(tmp_path):
    parameters = load_parameter_tree(_write(tmp_path, GOOD))
    amount = parameters["example.amount"]
    assert amount.at(dt.date(2020, 6, 1)) == 10
    assert amount.at(dt.date(2021, 1, 1)) == 12
    assert amount.entry_at(dt.date(2022, 1, 1)).status == "secondary"
    assert amount.reference is not None
    assert (amount.reference.title, amount.reference.title_en) == ("Een wet", "A law")
    with pytest.raises(LookupError, match="no value before 2020-01-01"):
        amount.at(dt.date(2019, 12, 31))
    assert health_problems(parameters) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("  metadata: {label: {nl: Bedrag, en: Amount}}", "  metadata: {}"), "no label"),
        (("  unit: EUR\n", ""), "no unit"),
        (("  reference: {title: Een wet, title_en: A law, href: https://example.org}\n", ""), "no reference"),
        (("title_en: A law, ", ""), "no English title of the reference"),
        (("  status: verified\n", ""), "no status"),
        (("    2020-01-01: 10\n    2021-01-01", "    2022-01-01: 10\n    2021-01-01"), "dates out of order"),
    ],
)
def test_the_health_check_finds_a_parameter_that_breaks_a_convention(tmp_path, change, problem):
    text = GOOD.replace(*change)
    assert text != GOOD
    problems = health_problems(load_parameter_tree(_write(tmp_path, text)))
    assert any(problem in line for line in problems), problems


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1, 2", "cannot be read as YAML"),
        ("- 1\n- 2\n", "must hold a mapping"),
        ("x:\n  values: {not-a-date: 1}\n", "is not a date"),
        ("x:\n  metadata: {status: maybe}\n  values: {2020-01-01: 1}\n", "status 'maybe'"),
        ("x:\n  values: {2020-01-01: [1, 2]}\n", "must be a number"),
    ],
)
def test_a_broken_parameter_file_is_refused_with_its_name(tmp_path, text, message):
    with pytest.raises(ParameterFileError, match=message) as error:
        load_parameter_tree(_write(tmp_path, text))
    assert "example" in str(error.value)


def test_the_ggmmi_series_matches_the_facts_sheet():
    ggmmi = load_parameters()["ggmmi"]
    assert ggmmi.at(dt.date(2025, 2, 1)) == 2111.89
    assert ggmmi.at(dt.date(2026, 3, 31)) == 2154.11
    assert ggmmi.at(dt.date(2026, 4, 1)) == 2189.81
    assert ggmmi.entry_at(dt.date(2026, 4, 1)).status == "secondary"
    assert ggmmi.entry_at(dt.date(2024, 5, 1)).status == "verified"
