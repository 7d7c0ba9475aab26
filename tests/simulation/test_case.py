"""Single cases computed by hand from the facts sheet (imw-facts.md, parts 3, 4 and 7), to the cent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from data.scenario.inputs import build_inputs
from data.scenario.schema import Scenario
from data.single_case import calculate, whole_package
from simulation.case import CaseError


def outcome(on="2026-02-10", referteloon="9000", fte="1", quarter=1, coaching="none", **kwargs):
    return calculate(
        on=dt.date.fromisoformat(on),
        referteloon=D(referteloon),
        fte=D(fte),
        quarter=quarter,
        coaching=coaching,
        **kwargs,
    )


def case(**kwargs):
    return outcome(**kwargs).result


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
    # In 2030 Q1 (the 27th quarter since IMW started, so every quarter of employment up to 20 can exist), a
    # referteloon of 9,000 lies under the cap 6 x 2,189.81 = 13,138.86.
    result = case(on="2030-02-10", package=package, quarter=quarter)
    assert result.percentage == D(percentage)
    assert result.loonpremie_eur == D(loonpremie)


def test_a_quarter_past_the_end_of_a_two_year_package_is_refused_it_cannot_be_renewed():
    with pytest.raises(CaseError, match="cannot be renewed"):
        case(on="2026-02-10", package="2y", quarter=9)


def test_the_first_quarter_of_employment_is_one():
    with pytest.raises(CaseError, match="first quarter of employment is 1"):
        case(package="5y-raised", quarter=0)


def test_a_renewed_package_past_quarter_20_keeps_the_last_bands_percentage_as_the_projection_does():
    # 2031 Q1 is quarter 31 of the run; quarter 22 of employment started in 2025 Q4, after IMW started.
    renewed = outcome(on="2031-02-10", package="5y-raised", quarter=22)
    assert renewed.renewed
    assert renewed.result.percentage == D("0.4")
    # The projection pays the same: the renewed slot of the raised package holds the last band.
    inputs = build_inputs(Scenario())
    assert inputs.percentage_by_age[20, 2, 20] == pytest.approx(0.4)


def test_a_quarter_of_employment_that_would_have_started_before_imw_is_refused():
    # 2026 Q1 is the eleventh quarter since 1 July 2023: quarter 12 would have started in 2023 Q2.
    assert case(on="2026-02-10", package="5y-standard", quarter=11).percentage == D("0.2")
    with pytest.raises(CaseError, match="before individueel maatwerk started"):
        case(on="2026-02-10", package="5y-standard", quarter=12)


def test_hours_above_the_part_time_fraction_are_refused():
    with pytest.raises(CaseError, match=r"at most|to the part-time fraction"):
        case(package="5y-standard", fte="0.5", coaching="low", hours_share=D("0.8"))


def test_the_self_employed_get_their_percentage_and_no_begeleidingspremie():
    result = outcome(package="self-employed", percentage=D("0.40"), coaching="high")
    assert result.self_employed
    assert result.result.loonpremie_eur == D("3600.00")
    assert result.result.begeleidingspremie_eur == D("0.00")
    with pytest.raises(CaseError, match="20 to 55"):
        case(package="self-employed", percentage=D("0.60"))


def test_each_line_of_the_trace_names_the_legal_value_its_date_and_its_source():
    trace = {line.parameter: line for line in outcome(on="2026-05-15", package="5y-standard").trace}
    assert trace["ggmmi"].value == "2189.81"
    assert trace["ggmmi"].in_force_from == dt.date(2026, 4, 1)
    assert trace["loonpremie.cap"].status == "verified"
    assert trace["loonpremie.package.five_year_standard.band_1"].source_href.startswith("https://")


def test_past_the_last_known_minimum_wage_the_trace_says_which_value_was_used():
    trace = {
        line.parameter: line for line in outcome(on="2028-02-10", package="5y-standard", quarter=10).trace
    }
    assert trace["ggmmi"].in_force_from == dt.date(2026, 4, 1)
    assert "laatst bekende" in trace["ggmmi"].note


def test_the_whole_package_runs_quarter_by_quarter_to_its_end_under_the_law_of_each_quarter():
    rows = list(whole_package(dt.date(2026, 1, 5), D("9000"), D("1"), "none", package="5y-standard"))
    assert len(rows) == 20
    assert [r.result.percentage for r in rows[:10:4]] == [D("0.4"), D("0.4"), D("0.3")]
    assert rows[-1].result.percentage == D("0.2")
    # The cap of the first quarter (January 2026) rests on EUR 2,154.11, from April on EUR 2,189.81.
    assert rows[0].result.cap_eur == D("12924.66") and rows[1].result.cap_eur == D("13138.86")


def test_a_percentage_set_by_vdab_applies_as_given():
    assert case(percentage=D("0.45"), referteloon="10000").loonpremie_eur == D("4500.00")


@pytest.mark.parametrize("percentage", ["0.15", "0.80", "0.47"])
def test_a_percentage_off_the_vdab_scale_is_refused(percentage):
    with pytest.raises(CaseError, match="20 to 75 in steps of 5"):
        case(percentage=D(percentage))


def test_a_percentage_and_a_package_together_are_refused():
    with pytest.raises(CaseError, match="not both"):
        case(package="2y", percentage=D("0.45"))


@pytest.mark.parametrize(
    ("coaching", "quarter", "hours", "fixed", "variable"),
    [
        ("none", 1, "1", "0.00", "0.00"),
        ("low", 1, "1", "1200.00", "430.00"),
        ("medium", 5, "0.8", "1200.00", "584.00"),
        ("medium", 6, "0.8", "600.00", "584.00"),
        ("high", 11, "0.5", "600.00", "640.00"),
        ("high", 3, "0.333", "1200.00", "426.24"),
    ],
)
def test_the_begeleidingspremie_is_a_fixed_part_plus_a_variable_part_pro_rata_hours(
    coaching, quarter, hours, fixed, variable
):
    result = case(package="5y-standard", quarter=quarter, coaching=coaching, fte=hours, hours_share=D(hours))
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


def test_case_problems_names_every_field_at_fault_at_once():
    from data.single_case import case_problems

    problems = case_problems(
        dt.date(2023, 1, 1), D("1e400"), D("0"), 0, "often", percentage=D("NaN"), hours_share=D("-1")
    )
    assert [(p.field, p.code) for p in problems] == [
        ("date", "date.before_start"),
        ("referteloon", "referteloon.range"),
        ("fte", "fte.range"),
        ("hours", "hours.range"),
        ("percentage", "percentage.not_a_share"),
        ("coaching", "coaching.unknown"),
        ("quarter", "quarter.below_one"),
    ]
    assert case_problems(dt.date(2026, 2, 10), D("9000"), D("0.8"), 3, "low") == []


def test_a_percentage_off_the_scale_says_the_scale_in_its_parameters():
    with pytest.raises(CaseError) as raised:
        case(percentage=D("0.47"))
    assert raised.value.field == "percentage" and raised.value.code == "percentage.range"
    assert raised.value.params == {"low": D("0.2"), "high": D("0.75"), "step": D("0.05")}
