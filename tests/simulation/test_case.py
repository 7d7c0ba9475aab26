"""Single cases computed by hand from the facts sheet (imw-facts.md, parts 3, 4 and 7), to the cent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from data.single_case import case_input
from simulation.case import CaseError, compute_case


def case(on="2026-02-10", referteloon="9000", fte="1", quarter=1, coaching="none", **kwargs):
    return compute_case(
        case_input(
            on=dt.date.fromisoformat(on),
            referteloon=D(referteloon),
            fte=D(fte),
            quarter=quarter,
            coaching=coaching,
            **kwargs,
        )
    )


def test_the_quarterly_cap_is_three_times_twice_the_minimum_wage():
    # 2026 Q1: GGMMI EUR 2,154.11; 3 x 2 x 2,154.11 = 12,924.66
    assert case(package="5y-standard").cap_eur == D("12924.66")


def test_the_cap_is_pro_rata_the_part_time_fraction():
    # 3 x 2 x 2,154.11 x 0.5 = 6,462.33
    assert case(fte="0.5", package="5y-standard").cap_eur == D("6462.33")


def test_the_cap_sums_the_months_when_the_minimum_wage_changes_within_the_quarter():
    # 2024 Q2: April 2,029.88; May and June 2,070.48: 2 x (2,029.88 + 2 x 2,070.48) = 12,341.68
    assert case(on="2024-05-15", package="5y-standard").cap_eur == D("12341.68")
    # 2026 Q2: the planned rise to 2,189.81 from 1 April: 6 x 2,189.81 = 13,138.86
    assert case(on="2026-04-01", package="5y-standard").cap_eur == D("13138.86")


def test_the_loonpremie_is_capped_at_twice_the_minimum_wage():
    # referteloon 15,000 above the cap 12,924.66: 40 % x 12,924.66 = 5,169.864 -> 5,169.86
    result = case(referteloon="15000", package="5y-standard")
    assert result.capped_referteloon_eur == D("12924.66")
    assert result.loonpremie_eur == D("5169.86")


def test_part_time_work_caps_the_referteloon_pro_rata():
    # fte 0.5, referteloon 7,000 above the cap 6,462.33: 40 % x 6,462.33 = 2,584.932 -> 2,584.93
    assert case(fte="0.5", referteloon="7000", package="5y-standard").loonpremie_eur == D("2584.93")


@pytest.mark.parametrize(
    ("package", "quarter", "percentage", "loonpremie"),
    [
        ("2y", 1, "0.2", "1800.00"),
        ("2y", 5, "0.2", "1800.00"),
        ("2y", 6, "0.2", "1800.00"),
        ("2y", 8, "0.2", "1800.00"),
        ("5y-standard", 1, "0.4", "3600.00"),
        ("5y-standard", 5, "0.4", "3600.00"),
        ("5y-standard", 6, "0.3", "2700.00"),
        ("5y-standard", 9, "0.3", "2700.00"),
        ("5y-standard", 10, "0.2", "1800.00"),
        ("5y-standard", 20, "0.2", "1800.00"),
        ("5y-raised", 5, "0.55", "4950.00"),
        ("5y-raised", 6, "0.5", "4500.00"),
        ("5y-raised", 10, "0.4", "3600.00"),
        ("collective-advice", 1, "0.45", "4050.00"),
        ("collective-advice", 9, "0.45", "4050.00"),
        ("collective-advice", 10, "0.4", "3600.00"),
    ],
)
def test_each_quarter_band_of_each_package_applies_its_percentage(package, quarter, percentage, loonpremie):
    # referteloon 9,000 lies under the cap 12,924.66
    result = case(package=package, quarter=quarter)
    assert result.percentage == D(percentage)
    assert result.loonpremie_eur == D(loonpremie)


@pytest.mark.parametrize(("package", "quarter"), [("2y", 9), ("5y-standard", 21), ("5y-raised", 0)])
def test_a_quarter_outside_the_package_is_refused(package, quarter):
    with pytest.raises(CaseError, match="outside the package"):
        case(package=package, quarter=quarter)


def test_a_percentage_set_by_vdab_applies_as_given():
    assert case(percentage=D("0.45"), referteloon="10000").loonpremie_eur == D("4500.00")


@pytest.mark.parametrize("percentage", ["0.15", "0.80", "0.47"])
def test_a_percentage_off_the_vdab_scale_is_refused(percentage):
    with pytest.raises(CaseError, match="20 to 75 in steps of 5"):
        case(percentage=D(percentage))


@pytest.mark.parametrize(
    ("coaching", "quarter", "hours", "fixed", "variable"),
    [
        ("none", 1, "1", "0.00", "0.00"),
        ("low", 1, "1", "1200.00", "430.00"),
        ("medium", 5, "0.8", "1200.00", "584.00"),
        ("medium", 6, "0.8", "600.00", "584.00"),
        ("high", 12, "0.5", "600.00", "640.00"),
        ("high", 3, "0.333", "1200.00", "426.24"),
    ],
)
def test_the_begeleidingspremie_is_a_fixed_part_plus_a_variable_part_pro_rata_hours(
    coaching, quarter, hours, fixed, variable
):
    result = case(package="5y-standard", quarter=quarter, coaching=coaching, hours_share=D(hours))
    assert result.begeleidingspremie_fixed_eur == D(fixed)
    assert result.begeleidingspremie_variable_eur == D(variable)
    assert result.begeleidingspremie_eur == D(fixed) + D(variable)


def test_the_hours_worked_default_to_the_part_time_fraction():
    # medium need, fte 0.8: 1,200 + 730 x 0.8 = 1,784
    assert case(fte="0.8", package="5y-standard", coaching="medium").begeleidingspremie_eur == D("1784.00")


def test_a_date_before_imw_started_is_refused():
    with pytest.raises(CaseError, match="before 1 July 2023"):
        case(on="2023-06-30", package="2y")


@pytest.mark.parametrize(("field", "value"), [("fte", "0"), ("fte", "1.2"), ("referteloon", "-1")])
def test_impossible_amounts_are_refused_with_the_field_named(field, value):
    with pytest.raises(CaseError, match=field):
        case(package="2y", **{field: value})
