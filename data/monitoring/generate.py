"""Illustrative IMW monitoring data: a seeded, documented micro-simulation of 2023-2025.

Why: no breakdown of individueel maatwerk (IMW) has been published (imw-facts.md, part 6). The monitoring pages
still need data of the right shape to be built, read and tested. This module makes such data, clearly marked as
illustrative (flag ``i``, source ``imw-illustratief`` with status ``illustrative``), until the department loads
its own file with ``imw data import``. These are **not** figures about real people.

How: one simulated person per IMW package, month by month from 1 July 2023 (the start of IMW) to 31 December
2025. Every indicator is a count or a sum over these persons, so every breakdown adds up to its total exactly,
and the indicators agree with each other (the workers by statute are the same persons as the workers by
package; the new workers from collective maatwerk are the doorstroom from collective to IMW).

Reproducible: one ``numpy.random.default_rng(SEED)`` drives every draw, in a fixed order, and the file is written
with fixed formatting: ``python -m data.monitoring.generate`` rewrites ``illustrative.csv`` byte for byte, and
``--check`` says whether the committed file is still what the code makes.

The choices, and why (A = assumption of this portal; the figures from imw-facts.md keep their status there):

Calibration
    - Level: about 9,615 'individueel maatwerk' were quoted for February 2025 (S; what it counts is unclear). We
      read it as the number of running packages at the end of February 2025, and solve the base inflow so that
      the *expected* stock then is 9,615; the simulated stock lands within 2 % of it (9,721 with the seed below).
    - Self-employed: 131 (Antwerp), 97 (West Flanders) and 55 (Limburg) self-employed got IMW support up to the
      end of August 2025 (V). Exactly that many self-employed start in these provinces up to August 2025 (a
      multinomial draw of the months, in proportion to the inflow level). The share of the self-employed package
      is solved so that the expected number elsewhere fits: East Flanders and Flemish Brabant get the share the
      employees' province mix gives them (A).
    - The two calibrations depend on each other (the package mix changes the survival); three rounds of
      fixed-point iteration settle them.

Inflow (A)
    - Monthly starts are Poisson with a mean that rises from 55 % to 100 % of the base level in the first year
      (the measure had to become known, SERV advice point 10), then grows 3 % a year (as data/parameters/inflow.yaml).
    - Package mix of the employees in the proportions 15 : 45 : 30 : 5 (2-year, 5-year standard, 5-year raised,
      collective advice in a maatwerkbedrijf), as data/parameters/inflow.yaml; the self-employed share comes from
      the calibration above.
    - Need for coaching, origin, age, gender, education, type of disability, province, FTE and statute are drawn
      from the tables below, some conditional on another attribute where the domain says they go together: a
      raised package goes with a higher need; an intellectual disability with a high need; a higher education
      with the white-collar statute; older workers more often come from VOP, LDE or collective maatwerk. About
      2.5 % of the starts come from collective maatwerk: about half of the published doorstroom from collective
      maatwerk to regular jobs (344 in 2024).

Employers (A)
    - Temporary agency workers are employed by one of 30 agencies (section N), the collective-advice package by
      one of 126 maatwerkbedrijven (126 in January 2025, V), civil servants by public employers in sections O, P
      and Q, other employees by private employers of a sector drawn from the sector mix. A new hire goes to a new
      employer with probability 0.7 (private) or 0.4 (public), else to an employer already hiring IMW in that
      sector, chosen in proportion to its size weight (larger employers hire more). 4 % of new private employers
      are located outside Flanders.
    - The self-employed are their own business (size 1-9, in Flanders) and do not count as employers of IMW
      workers.

Exits and doorstroom (A, as data/parameters/exits.yaml)
    - Yearly chances: job ended against the worker's will 8 %, other exits 7 %, doorstroom to a job without
      premium 3 %; turned into monthly chances. Exits are more likely with a higher need for coaching (factor 0.8
      to 1.35) and in the first six months (factor 1.6, the trial period); doorstroom is less likely with a higher
      need and twice as likely in the 2-year package. Self-employed: 7 %, 5 % and 4 %.
    - The 2-year package ends after 24 months; 75 % then keep working without premium (counted as doorstroom to
      a job without premium), the others stop.
    - Someone from collective maatwerk whose job ends against their will within 36 months returns to a
      maatwerkbedrijf with chance 0.5 (the fallback right; data/parameters/fallback.yaml).
    - An early exit is an exit (not a doorstroom) within 12 months of the start.

Premiums (V/S figures from imw-facts.md, parts 3 and 4; wage levels A as data/parameters/segment.yaml)
    - Loonpremie: the package's percentage for the quarter of employment (20 %; 40-30-20 %; 55-50-40 %;
      45-45-40 %; self-employed 40 %) times the referteloon, capped at 2 x GGMMI x FTE; referteloon per worker
      drawn around the package's level (lognormal, 12 %), indexed with the GGMMI. Paid monthly, whole euros.
    - Begeleidingspremie, for a need other than none: the fixed part (EUR 1,200 a quarter in quarters 1-5, EUR
      600 after) and the variable part (EUR 430, 730, 1,280 a quarter for a low, medium, high need) times FTE
      times 0.9 (hours worked). Not indexed (not confirmed, A).
    - Revisions: the variable part can be revised at any time (0.6 % a month for a worker with a need, 0.2 % to
      get one), up 55 %, down 45 %; the loonpremie of a 5-year package from its second year (0.5 % a month), up
      60 % (+10 points, at most 75 %), down 40 % (-10 points, at least 20 %).

Target population (A)
    - The shares of each group among about 35,000 job-seekers with a disability at VDAB in 2023 (V for the
      total, nothing published for the groups): a multinomial draw of 35,000 persons from the mixes below, with
      more low education and more mental-health problems than among IMW workers (those further from work),
      rounded to thousandths that add up to 1.

Simplifications: ages, provinces and employers stay as they were at the start; a person has one package at a
time and does not come back.

Why the rates and amounts are copied here rather than read from data/parameters/: the illustrative file is a
frozen, committed artefact. Reading the parameters would silently change it (and fail its reproducibility test)
whenever a parameter of the simulator changes; the copies name the parameter file they come from.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt

from data.atomic import write_atomically
from data.monitoring.catalogue import CROSS_SEPARATOR, Catalogue, load_catalogue
from data.monitoring.schema import FLAG_ILLUSTRATIVE, TOTAL
from data.monitoring.tidy import Observation, tidy_csv_text

SEED: Final = 20230701
OUTPUT_PATH: Final = Path(__file__).resolve().parent / "illustrative.csv"
SOURCE_ID: Final = "imw-illustratief"

FIRST_YEAR: Final = 2023
FIRST_MONTH: Final = 7  # IMW started on 1 July 2023
MONTHS: Final = 30  # July 2023 up to December 2025
YEARS: Final = (2023, 2024, 2025)

QUOTED_STOCK: Final = 9615
QUOTED_MONTH: Final = 19  # February 2025 (month 0 is July 2023)
SELF_EMPLOYED_STARTED: Final = {"antwerpen": 131, "west_vlaanderen": 97, "limburg": 55}
SELF_EMPLOYED_LAST_MONTH: Final = 25  # August 2025
TARGET_POPULATION: Final = 35_000
CALIBRATION_ROUNDS: Final = 3

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# ------------------------------------------------------------------------------------------------ categories
PACKAGES: Final = ("two_year", "five_year_standard", "five_year_raised", "collective_advice", "self_employed")
TWO_YEAR, STANDARD, RAISED, COLLECTIVE_ADVICE, SELF_EMPLOYED = range(5)
NEEDS: Final = ("none", "low", "medium", "high")
ORIGINS: Final = ("ex_vop", "ex_collective", "ex_lde", "new")
EX_COLLECTIVE: Final = 1
AGE_BANDS: Final = ("under_25", "25_34", "35_49", "50_64", "65_plus")
GENDERS: Final = ("man", "woman")
EDUCATIONS: Final = ("low", "medium", "high", "unknown")
DISABILITIES: Final = (
    "physical",
    "sensory",
    "intellectual",
    "mental_health",
    "developmental",
    "chronic_illness",
    "unknown",
)
# Residents of Brussels are out of the scope of IMW: the province list of IMW workers leaves Brussels out.
PROVINCES: Final = ("antwerpen", "limburg", "oost_vlaanderen", "vlaams_brabant", "west_vlaanderen", "outside")
STATUTES: Final = ("blue_collar", "white_collar", "civil_servant", "temp_agency", "self_employed")
CIVIL_SERVANT, TEMP_AGENCY, SELF_EMPLOYED_STATUTE = 2, 3, 4
SECTORS: Final = tuple("ABCDEFGHIJKLMNOPQRSTU")
SIZE_CLASSES: Final = ("micro", "small", "medium", "large")
LOCATIONS: Final = ("flanders", "outside_flanders")
EXIT_REASONS: Final = ("involuntary", "other")
REVISIONS: Final = ("loonpremie_up", "loonpremie_down", "begeleiding_up", "begeleiding_down")

# ------------------------------------------------------------------------------------------------ inflow
EMPLOYEE_PACKAGE_WEIGHTS: Final = (15.0, 45.0, 30.0, 5.0)
RAMP_START: Final = 0.55
RAMP_MONTHS: Final = 12
INFLOW_GROWTH_PER_YEAR: Final = 0.03

NEED_BY_PACKAGE: Final = (
    (0.55, 0.30, 0.12, 0.03),
    (0.35, 0.33, 0.22, 0.10),
    (0.15, 0.28, 0.32, 0.25),
    (0.05, 0.25, 0.35, 0.35),
    (0.70, 0.20, 0.08, 0.02),
)
ORIGIN_BY_PACKAGE: Final = (
    (0.30, 0.00, 0.02, 0.68),
    (0.30, 0.01, 0.03, 0.66),
    (0.20, 0.05, 0.04, 0.71),
    (0.05, 0.10, 0.05, 0.80),
    (0.25, 0.00, 0.00, 0.75),
)
AGE_BY_ORIGIN: Final = (
    (0.05, 0.18, 0.35, 0.40, 0.02),
    (0.06, 0.20, 0.33, 0.40, 0.01),
    (0.03, 0.12, 0.30, 0.53, 0.02),
    (0.16, 0.25, 0.29, 0.29, 0.01),
)
MAN_BY_ORIGIN: Final = (0.60, 0.64, 0.60, 0.60)
EDUCATION_BY_ORIGIN: Final = (
    (0.40, 0.41, 0.16, 0.03),
    (0.65, 0.28, 0.03, 0.04),
    (0.55, 0.35, 0.06, 0.04),
    (0.40, 0.41, 0.16, 0.03),
)
DISABILITY_BY_NEED: Final = (
    (0.36, 0.09, 0.02, 0.17, 0.08, 0.24, 0.04),
    (0.30, 0.07, 0.06, 0.24, 0.12, 0.17, 0.04),
    (0.22, 0.05, 0.14, 0.28, 0.17, 0.11, 0.03),
    (0.14, 0.04, 0.25, 0.28, 0.22, 0.05, 0.02),
)
EMPLOYEE_PROVINCES: Final = (0.27, 0.14, 0.23, 0.15, 0.19, 0.02)
FTE_CHOICES_HUNDREDTHS: Final = (50, 60, 75, 80, 100)
FTE_BY_PACKAGE: Final = (
    (0.10, 0.08, 0.12, 0.15, 0.55),
    (0.15, 0.10, 0.15, 0.15, 0.45),
    (0.22, 0.13, 0.15, 0.15, 0.35),
    (0.25, 0.12, 0.15, 0.13, 0.35),
    (0.00, 0.00, 0.00, 0.00, 1.00),
)
# Statute of employees by education (blue-collar, white-collar, civil servant, temp agency).
STATUTE_BY_EDUCATION: Final = (
    (0.62, 0.14, 0.05, 0.19),
    (0.45, 0.33, 0.08, 0.14),
    (0.12, 0.66, 0.15, 0.07),
    (0.45, 0.33, 0.08, 0.14),
)

# ------------------------------------------------------------------------------------------------ employers
PRIVATE_SECTOR_WEIGHTS: Final = dict(
    A=2.0, B=0.2, C=17.0, D=0.3, E=2.0, F=6.0, G=16.0, H=7.0, I=6.0, J=2.5, K=1.5,
    L=0.8, M=4.5, N=7.0, O=0.0, P=1.5, Q=15.0, R=2.0, S=4.0, T=0.3, U=0.05,
)  # fmt: skip
PUBLIC_SECTOR_WEIGHTS: Final = dict(O=55.0, P=30.0, Q=15.0)
SELF_EMPLOYED_SECTOR_WEIGHTS: Final = dict(
    A=8.0, C=5.0, F=12.0, G=20.0, I=10.0, J=6.0, M=14.0, N=6.0, Q=6.0, R=4.0, S=9.0,
)  # fmt: skip
MAATWERK_SECTOR_WEIGHTS: Final = dict(A=10.0, C=35.0, E=10.0, G=5.0, I=5.0, N=25.0, S=10.0)
MAATWERKBEDRIJVEN: Final = 126
TEMP_AGENCIES: Final = 30
NEW_EMPLOYER_CHANCE_PRIVATE: Final = 0.7
NEW_EMPLOYER_CHANCE_PUBLIC: Final = 0.4
OUTSIDE_FLANDERS_CHANCE: Final = 0.04
SIZE_BY_KIND: Final = {
    "private": (0.42, 0.30, 0.17, 0.11),
    "public": (0.05, 0.30, 0.35, 0.30),
    "maatwerk": (0.0, 0.0, 0.45, 0.55),
    "agency": (0.0, 0.0, 0.2, 0.8),
}
SIZE_HIRING_WEIGHT: Final = (1.0, 2.0, 5.0, 12.0)

# ------------------------------------------------------------------------------------------------ exits
INVOLUNTARY_PER_YEAR: Final = 0.08
OTHER_PER_YEAR: Final = 0.07
DOORSTROOM_PER_YEAR: Final = 0.03
SELF_EMPLOYED_RATES: Final = (0.07, 0.05, 0.04)
EXIT_FACTOR_BY_NEED: Final = (0.8, 1.0, 1.15, 1.35)
DOORSTROOM_FACTOR_BY_NEED: Final = (1.6, 1.0, 0.6, 0.3)
TWO_YEAR_DOORSTROOM_FACTOR: Final = 2.0
TRIAL_MONTHS: Final = 6
TRIAL_FACTOR: Final = 1.6
TWO_YEAR_MONTHS: Final = 24
KEEP_WORKING_AFTER_TWO_YEARS: Final = 0.75
FALLBACK_WINDOW_MONTHS: Final = 36
FALLBACK_TAKEUP: Final = 0.5
EARLY_EXIT_MONTHS: Final = 12

# ------------------------------------------------------------------------------------------------ premiums
# Loonpremie percentage by band of quarters of employment: quarters 1-5, 6-9, 10-20.
LOONPREMIE_BANDS: Final = (
    (0.20, 0.20, 0.20),
    (0.40, 0.30, 0.20),
    (0.55, 0.50, 0.40),
    (0.45, 0.45, 0.40),
    (0.40, 0.40, 0.40),
)
REFERTELOON_AT_MEAN_FTE: Final = (
    3700.0,
    3400.0,
    3150.0,
    3000.0,
    2800.0,
)  # EUR/month, data/parameters/segment.yaml
MEAN_FTE: Final = (0.85, 0.80, 0.75, 0.75, 1.0)
REFERTELOON_SPREAD: Final = 0.12
# GGMMI (EUR/month) from the given month on, as in data/parameters/ggmmi.yaml; frozen here so that the committed
# illustrative file does not change when that parameter file does.
GGMMI_CHANGES: Final = ((2022, 12, 1954.99), (2023, 11, 1994.18), (2024, 4, 2029.88), (2024, 5, 2070.48),
                        (2025, 2, 2111.89))  # fmt: skip
FIXED_PART_PER_QUARTER: Final = (1200.0, 600.0)  # quarters 1-5, from quarter 6
VARIABLE_PART_PER_QUARTER: Final = (0.0, 430.0, 730.0, 1280.0)  # by need
HOURS_WORKED_SHARE: Final = 0.9
COACHING_REVISION_PER_MONTH: Final = 0.006
COACHING_START_PER_MONTH: Final = 0.002
COACHING_UP_SHARE: Final = 0.55
LOONPREMIE_REVISION_PER_MONTH: Final = 0.005
LOONPREMIE_UP_SHARE: Final = 0.6
LOONPREMIE_STEP: Final = 0.10
LOONPREMIE_RANGE: Final = (0.20, 0.75)

# ------------------------------------------------------------------------------------------------ target population
TARGET_MIXES: Final[dict[str, tuple[tuple[str, ...], tuple[float, ...]]]] = {
    "age_band": (AGE_BANDS, (0.17, 0.22, 0.28, 0.32, 0.01)),
    "gender": (GENDERS, (0.56, 0.44)),
    "education": (EDUCATIONS, (0.48, 0.36, 0.12, 0.04)),
    "disability": (DISABILITIES, (0.24, 0.05, 0.09, 0.33, 0.14, 0.12, 0.03)),
    "province": (PROVINCES[:5], (0.29, 0.15, 0.23, 0.13, 0.20)),
}


def _normalised(weights: Sequence[float]) -> FloatArray:
    array = np.asarray(weights, dtype=np.float64)
    return np.asarray(array / array.sum(), dtype=np.float64)


def _annual_to_monthly(rate: FloatArray) -> FloatArray:
    return np.asarray(1.0 - np.power(1.0 - rate, 1.0 / 12.0), dtype=np.float64)


def ramp(month: int) -> float:
    """The inflow level in a month relative to the base: from 55 % to 100 % in the first year, then +3 % a year."""
    start_up = min(1.0, RAMP_START + (1.0 - RAMP_START) * month / RAMP_MONTHS)
    return float(start_up * (1.0 + INFLOW_GROWTH_PER_YEAR) ** (month / 12.0))


def monthly_exit_chances(
    package: IntArray, need: IntArray, months_in: IntArray
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """The monthly chances [1/month] of an involuntary exit, another exit and a doorstroom to a job without
    premium, for workers of these packages, needs and months since the start (0 in the first month)."""
    self_employed = package == SELF_EMPLOYED
    involuntary = np.where(self_employed, SELF_EMPLOYED_RATES[0], INVOLUNTARY_PER_YEAR)
    other = np.where(self_employed, SELF_EMPLOYED_RATES[1], OTHER_PER_YEAR)
    doorstroom = np.where(self_employed, SELF_EMPLOYED_RATES[2], DOORSTROOM_PER_YEAR)
    exit_factor = np.asarray(EXIT_FACTOR_BY_NEED)[need] * np.where(
        months_in < TRIAL_MONTHS, TRIAL_FACTOR, 1.0
    )
    doorstroom_factor = np.asarray(DOORSTROOM_FACTOR_BY_NEED)[need] * np.where(
        package == TWO_YEAR, TWO_YEAR_DOORSTROOM_FACTOR, 1.0
    )
    return (
        _annual_to_monthly(np.minimum(involuntary * exit_factor, 0.9)),
        _annual_to_monthly(np.minimum(other * exit_factor, 0.9)),
        _annual_to_monthly(np.minimum(doorstroom * doorstroom_factor, 0.9)),
    )


def _survival_by_cell(months: int) -> FloatArray:
    """Expected share [0-1] still in IMW after 0..months months, per (package, need): shape (months+1, 5, 4)."""
    package = np.repeat(np.arange(5), 4)
    need = np.tile(np.arange(4), 5)
    survival = np.ones((months + 1, 20))
    for month in range(months):
        chances = monthly_exit_chances(package, need, np.full(20, month))
        survival[month + 1] = survival[month] * (1.0 - chances[0] - chances[1] - chances[2])
    return survival.reshape(months + 1, 5, 4)


@dataclass(frozen=True)
class InflowPlan:
    """The calibrated inflow: base starts per month [persons/month], package mix, self-employed province mix."""

    base_per_month: float
    package_mix: tuple[float, ...]
    self_employed_provinces: tuple[float, ...]


def calibrate() -> InflowPlan:
    """Solve the base inflow and the self-employed share (see the module docstring, 'Calibration')."""
    three = [PROVINCES.index(code) for code in SELF_EMPLOYED_STARTED]
    employees = np.asarray(EMPLOYEE_PROVINCES[:5]) / sum(EMPLOYEE_PROVINCES[:5])
    share_of_three = float(employees[three].sum())
    self_employed_provinces = np.zeros(len(PROVINCES))
    for index, code in zip(three, SELF_EMPLOYED_STARTED, strict=True):
        self_employed_provinces[index] = (
            share_of_three * SELF_EMPLOYED_STARTED[code] / sum(SELF_EMPLOYED_STARTED.values())
        )
    others = [index for index in range(5) if index not in three]
    self_employed_provinces[others] = (1.0 - share_of_three) * employees[others] / employees[others].sum()

    survival = _survival_by_cell(QUOTED_MONTH + 1)
    need_mix = np.asarray(NEED_BY_PACKAGE)
    employee_mix = _normalised(EMPLOYEE_PACKAGE_WEIGHTS)
    self_employed_share = 0.05
    base = 0.0
    for _ in range(CALIBRATION_ROUNDS):
        package_mix = np.append(employee_mix * (1.0 - self_employed_share), self_employed_share)
        # A start in month s is still there at the end of the quoted month after (QUOTED_MONTH - s + 1) months.
        expected_per_unit = sum(
            ramp(month) * float((package_mix[:, None] * need_mix * survival[QUOTED_MONTH - month + 1]).sum())
            for month in range(QUOTED_MONTH + 1)
        )
        base = QUOTED_STOCK / expected_per_unit
        starts_to_august = base * sum(ramp(month) for month in range(SELF_EMPLOYED_LAST_MONTH + 1))
        self_employed_share = sum(SELF_EMPLOYED_STARTED.values()) / (starts_to_august * share_of_three)
    package_mix = np.append(employee_mix * (1.0 - self_employed_share), self_employed_share)
    return InflowPlan(
        base_per_month=base,
        package_mix=tuple(float(share) for share in package_mix),
        self_employed_provinces=tuple(float(share) for share in self_employed_provinces),
    )


# ------------------------------------------------------------------------------------------------ people
@dataclass
class People:
    """Every simulated package: attributes fixed at the start, and the state that changes month by month."""

    start: IntArray
    package: IntArray
    need: IntArray
    origin: IntArray
    age: IntArray
    gender: IntArray
    education: IntArray
    disability: IntArray
    province: IntArray
    fte_hundredths: IntArray
    statute: IntArray
    referteloon: FloatArray  # EUR/month at the start, at the worker's FTE
    employer: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))  # -1: self-employed
    sector: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    size: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    location: IntArray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def count(self) -> int:
        return len(self.start)


def _draw_each(rng: np.random.Generator, condition: IntArray, table: Sequence[Sequence[float]]) -> IntArray:
    """For each person, a category drawn from the row of `table` that their `condition` points to."""
    result = np.zeros(len(condition), dtype=np.int64)
    for row, weights in enumerate(table):
        chosen = np.flatnonzero(condition == row)
        if len(chosen):
            result[chosen] = rng.choice(len(weights), size=len(chosen), p=_normalised(weights))
    return result


def _self_employed_starts(rng: np.random.Generator, plan: InflowPlan) -> tuple[IntArray, IntArray]:
    """The start month and province of every self-employed person. In the three provinces with a published count,
    exactly that many start up to August 2025, spread over the months in proportion to the inflow level."""
    share = plan.package_mix[SELF_EMPLOYED]
    levels = np.asarray([plan.base_per_month * ramp(month) for month in range(MONTHS)])
    months: list[IntArray] = []
    provinces: list[IntArray] = []
    for province, province_share in enumerate(plan.self_employed_provinces):
        code = PROVINCES[province]
        if code in SELF_EMPLOYED_STARTED:
            known = levels[: SELF_EMPLOYED_LAST_MONTH + 1]
            counts = np.concatenate(
                [
                    rng.multinomial(SELF_EMPLOYED_STARTED[code], known / known.sum()),
                    rng.poisson(levels[SELF_EMPLOYED_LAST_MONTH + 1 :] * share * province_share),
                ]
            )
        else:
            counts = rng.poisson(levels * share * province_share)
        months.append(np.repeat(np.arange(MONTHS, dtype=np.int64), counts))
        provinces.append(np.full(int(counts.sum()), province, dtype=np.int64))
    return np.concatenate(months), np.concatenate(provinces)


def draw_people(rng: np.random.Generator, plan: InflowPlan) -> People:
    """Draw the starts of every month and the attributes of every person (see the module docstring)."""
    employee_share = 1.0 - plan.package_mix[SELF_EMPLOYED]
    counts = rng.poisson([plan.base_per_month * ramp(month) * employee_share for month in range(MONTHS)])
    employee_start = np.repeat(np.arange(MONTHS, dtype=np.int64), counts)
    employee_package = rng.choice(
        SELF_EMPLOYED, size=len(employee_start), p=_normalised(plan.package_mix[:SELF_EMPLOYED])
    ).astype(np.int64)
    employee_province = rng.choice(
        len(PROVINCES), size=len(employee_start), p=_normalised(EMPLOYEE_PROVINCES)
    )
    own_start, own_province = _self_employed_starts(rng, plan)
    # Everyone in order of the start month (stable: employees before the self-employed within a month).
    order = np.argsort(np.concatenate([employee_start, own_start]), kind="stable")
    start = np.concatenate([employee_start, own_start])[order]
    package = np.concatenate([employee_package, np.full(len(own_start), SELF_EMPLOYED, dtype=np.int64)])[
        order
    ]
    province = np.concatenate([employee_province.astype(np.int64), own_province])[order]
    total = len(start)
    need = _draw_each(rng, package, NEED_BY_PACKAGE)
    origin = _draw_each(rng, package, ORIGIN_BY_PACKAGE)
    age = _draw_each(rng, origin, AGE_BY_ORIGIN)
    gender = _draw_each(rng, origin, [(share, 1.0 - share) for share in MAN_BY_ORIGIN])
    education = _draw_each(rng, origin, EDUCATION_BY_ORIGIN)
    disability = _draw_each(rng, need, DISABILITY_BY_NEED)
    fte_index = _draw_each(rng, package, FTE_BY_PACKAGE)
    fte_hundredths = np.asarray(FTE_CHOICES_HUNDREDTHS, dtype=np.int64)[fte_index]
    statute = _draw_each(rng, education, STATUTE_BY_EDUCATION)
    statute[package == SELF_EMPLOYED] = SELF_EMPLOYED_STATUTE
    # A maatwerkbedrijf hires with a labour contract, never through an agency.
    statute[(package == COLLECTIVE_ADVICE) & (statute == TEMP_AGENCY)] = 0
    full_time_wage = np.asarray(REFERTELOON_AT_MEAN_FTE) / np.asarray(MEAN_FTE)
    spread = rng.normal(-(REFERTELOON_SPREAD**2) / 2.0, REFERTELOON_SPREAD, size=total)
    referteloon = np.round(full_time_wage[package] * fte_hundredths / 100.0 * np.exp(spread))
    return People(
        start=start,
        package=package,
        need=need,
        origin=origin,
        age=age,
        gender=gender,
        education=education,
        disability=disability,
        province=province,
        fte_hundredths=fte_hundredths,
        statute=statute,
        referteloon=referteloon,
    )


@dataclass
class _Employers:
    """The employers drawn so far: their sector, size class, location, and the pools new hires choose from."""

    sector: list[int] = field(default_factory=list)
    size: list[int] = field(default_factory=list)
    location: list[int] = field(default_factory=list)
    pools: dict[tuple[str, int], list[int]] = field(default_factory=dict)

    def add(self, pool: tuple[str, int], sector: int, size: int, location: int) -> int:
        self.sector.append(sector)
        self.size.append(size)
        self.location.append(location)
        self.pools.setdefault(pool, []).append(len(self.sector) - 1)
        return len(self.sector) - 1

    def pick(self, rng: np.random.Generator, pool: tuple[str, int]) -> int:
        members = self.pools[pool]
        weights = np.asarray([SIZE_HIRING_WEIGHT[self.size[member]] for member in members])
        return members[int(rng.choice(len(members), p=weights / weights.sum()))]


def _sector_draw(rng: np.random.Generator, weights: Mapping[str, float], size: int) -> IntArray:
    probabilities = np.asarray([weights.get(sector, 0.0) for sector in SECTORS])
    return rng.choice(len(SECTORS), size=size, p=probabilities / probabilities.sum()).astype(np.int64)


def assign_employers(rng: np.random.Generator, people: People) -> None:
    """Give every person an employer (or their own business), in the order of their start."""
    employers = _Employers()
    for maatwerk_sector in _sector_draw(rng, MAATWERK_SECTOR_WEIGHTS, MAATWERKBEDRIJVEN):
        maatwerk_size = int(rng.choice(4, p=SIZE_BY_KIND["maatwerk"]))
        employers.add(("maatwerk", 0), int(maatwerk_sector), maatwerk_size, 0)
    agency_sector = SECTORS.index("N")
    for _ in range(TEMP_AGENCIES):
        employers.add(("agency", 0), agency_sector, int(rng.choice(4, p=SIZE_BY_KIND["agency"])), 0)

    private_sectors = _sector_draw(rng, PRIVATE_SECTOR_WEIGHTS, people.count)
    public_sectors = _sector_draw(rng, PUBLIC_SECTOR_WEIGHTS, people.count)
    own_sectors = _sector_draw(rng, SELF_EMPLOYED_SECTOR_WEIGHTS, people.count)
    chances = rng.random(people.count)
    employer = np.full(people.count, -1, dtype=np.int64)
    sector = np.zeros(people.count, dtype=np.int64)
    size = np.zeros(people.count, dtype=np.int64)
    location = np.zeros(people.count, dtype=np.int64)
    for person in range(people.count):
        statute = int(people.statute[person])
        if people.package[person] == SELF_EMPLOYED:
            sector[person], size[person], location[person] = own_sectors[person], 0, 0
            continue
        if people.package[person] == COLLECTIVE_ADVICE:
            chosen = employers.pick(rng, ("maatwerk", 0))
        elif statute == TEMP_AGENCY:
            chosen = employers.pick(rng, ("agency", 0))
        else:
            kind = "public" if statute == CIVIL_SERVANT else "private"
            drawn_sector = int(public_sectors[person] if kind == "public" else private_sectors[person])
            pool = (kind, drawn_sector)
            new_chance = NEW_EMPLOYER_CHANCE_PUBLIC if kind == "public" else NEW_EMPLOYER_CHANCE_PRIVATE
            if pool not in employers.pools or chances[person] < new_chance:
                outside = kind == "private" and rng.random() < OUTSIDE_FLANDERS_CHANCE
                new_size = int(rng.choice(4, p=SIZE_BY_KIND[kind]))
                chosen = employers.add(pool, drawn_sector, new_size, int(outside))
            else:
                chosen = employers.pick(rng, pool)
        employer[person] = chosen
        sector[person] = employers.sector[chosen]
        size[person] = employers.size[chosen]
        location[person] = employers.location[chosen]
    people.employer, people.sector, people.size, people.location = employer, sector, size, location


# ------------------------------------------------------------------------------------------------ months
def calendar(month: int) -> tuple[int, int]:
    """(year, month 1-12) of a simulation month (0 = July 2023)."""
    absolute = FIRST_MONTH - 1 + month
    return FIRST_YEAR + absolute // 12, absolute % 12 + 1


def ggmmi_in(month: int) -> float:
    """The GGMMI [EUR/month] in force in a simulation month."""
    year, calendar_month = calendar(month)
    return [amount for y, m, amount in GGMMI_CHANGES if (y, m) <= (year, calendar_month)][-1]


@dataclass
class Tallies:
    """What the months add up to: year-end snapshots and the flows and payments of each year."""

    stock_at_year_end: dict[int, BoolArray] = field(default_factory=dict)
    need_at_year_end: dict[int, IntArray] = field(default_factory=dict)
    loonpremie: IntArray = field(default_factory=lambda: np.zeros((len(YEARS), 5, 4), dtype=np.int64))
    begeleidingspremie: IntArray = field(default_factory=lambda: np.zeros((len(YEARS), 5, 4), dtype=np.int64))
    revisions: IntArray = field(default_factory=lambda: np.zeros((len(YEARS), 4, 5), dtype=np.int64))
    to_regular: IntArray = field(default_factory=lambda: np.zeros((len(YEARS), 5, 4), dtype=np.int64))
    early_exits: IntArray = field(default_factory=lambda: np.zeros((len(YEARS), 5, 4, 2), dtype=np.int64))
    fallback_returns: IntArray = field(default_factory=lambda: np.zeros(len(YEARS), dtype=np.int64))
    stock_in_quoted_month: int = 0


def loonpremie_share(package: IntArray, months_in: IntArray, offset: FloatArray) -> FloatArray:
    """The loonpremie as a share [0-1] of the capped referteloon, by quarter of employment, after revisions."""
    quarter = months_in // 3 + 1
    band = np.where(quarter <= 5, 0, np.where(quarter <= 9, 1, 2))
    base = np.asarray(LOONPREMIE_BANDS)[package, band]
    return np.clip(base + offset, LOONPREMIE_RANGE[0], LOONPREMIE_RANGE[1])


def simulate(rng: np.random.Generator, people: People) -> Tallies:
    """Run the months: pay, revise, end packages; keep the tallies the indicators are made of."""
    tallies = Tallies()
    ended = np.zeros(people.count, dtype=np.bool_)
    need = people.need.copy()
    offset = np.zeros(people.count)
    revised_in_year = np.full(people.count, -1, dtype=np.int64)
    ggmmi_at_start = np.asarray([ggmmi_in(month) for month in range(MONTHS)])[people.start]
    for month in range(MONTHS):
        year, calendar_month = calendar(month)
        year_index = YEARS.index(year)
        active = np.flatnonzero((people.start <= month) & ~ended)
        package = people.package[active]
        months_in = month - people.start[active]
        fte = people.fte_hundredths[active] / 100.0

        # Payments of the month, in whole euros.
        ggmmi = ggmmi_in(month)
        referteloon = people.referteloon[active] * ggmmi / ggmmi_at_start[active]
        capped = np.minimum(referteloon, 2.0 * ggmmi * fte)
        loonpremie = np.round(loonpremie_share(package, months_in, offset[active]) * capped).astype(np.int64)
        fixed = np.where(months_in // 3 + 1 <= 5, FIXED_PART_PER_QUARTER[0], FIXED_PART_PER_QUARTER[1])
        variable = np.asarray(VARIABLE_PART_PER_QUARTER)[need[active]] * fte * HOURS_WORKED_SHARE
        coaching = np.where(need[active] > 0, np.round((fixed + variable) / 3.0), 0).astype(np.int64)
        np.add.at(tallies.loonpremie[year_index], (package, need[active]), loonpremie)
        np.add.at(tallies.begeleidingspremie[year_index], (package, need[active]), coaching)

        # Revisions that take effect next month; a person counts once a year, at the first.
        draw = rng.random(len(active))
        direction = rng.random(len(active))
        has_need = need[active] > 0
        coaching_chance = np.where(has_need, COACHING_REVISION_PER_MONTH, COACHING_START_PER_MONTH)
        coaching_revision = draw < coaching_chance
        coaching_up = coaching_revision & ((direction < COACHING_UP_SHARE) | ~has_need) & (need[active] < 3)
        coaching_down = coaching_revision & ~coaching_up & has_need
        five_year = (package == STANDARD) | (package == RAISED) | (package == COLLECTIVE_ADVICE)
        loonpremie_revision = (
            five_year
            & (months_in >= 12)
            & (draw >= coaching_chance)
            & (draw < coaching_chance + LOONPREMIE_REVISION_PER_MONTH)
        )
        loonpremie_up = loonpremie_revision & (direction < LOONPREMIE_UP_SHARE)
        loonpremie_down = loonpremie_revision & ~loonpremie_up
        for kind, mask in enumerate((loonpremie_up, loonpremie_down, coaching_up, coaching_down)):
            first = active[mask][revised_in_year[active[mask]] != year]
            np.add.at(tallies.revisions[year_index, kind], people.package[first], 1)
            revised_in_year[first] = year
        need[active[coaching_up]] += 1
        need[active[coaching_down]] -= 1
        offset[active[loonpremie_up]] += LOONPREMIE_STEP
        offset[active[loonpremie_down]] -= LOONPREMIE_STEP

        # Ends of the month: exits, doorstroom, and the end of the 2-year package.
        involuntary, other, doorstroom = monthly_exit_chances(package, need[active], months_in)
        draw = rng.random(len(active))
        keeps_working = rng.random(len(active))
        returns = rng.random(len(active))
        is_involuntary = draw < involuntary
        is_other = ~is_involuntary & (draw < involuntary + other)
        is_doorstroom = ~is_involuntary & ~is_other & (draw < involuntary + other + doorstroom)
        package_ends = (
            (package == TWO_YEAR) & (months_in + 1 >= TWO_YEAR_MONTHS) & ~(is_involuntary | is_other)
        )
        is_doorstroom |= package_ends & (keeps_working < KEEP_WORKING_AFTER_TWO_YEARS)
        is_other |= package_ends & (keeps_working >= KEEP_WORKING_AFTER_TWO_YEARS)
        leaving_need = need[active]
        np.add.at(tallies.to_regular[year_index], (package[is_doorstroom], leaving_need[is_doorstroom]), 1)
        early = months_in < EARLY_EXIT_MONTHS
        for reason, mask in enumerate((is_involuntary & early, is_other & early)):
            np.add.at(tallies.early_exits[year_index], (package[mask], leaving_need[mask], reason), 1)
        fallback = (
            is_involuntary
            & (people.origin[active] == EX_COLLECTIVE)
            & (months_in < FALLBACK_WINDOW_MONTHS)
            & (returns < FALLBACK_TAKEUP)
        )
        tallies.fallback_returns[year_index] += int(fallback.sum())
        ended[active[is_involuntary | is_other | is_doorstroom]] = True

        in_imw = (people.start <= month) & ~ended
        if month == QUOTED_MONTH:
            tallies.stock_in_quoted_month = int(in_imw.sum())
        if calendar_month == 12:
            tallies.stock_at_year_end[year] = in_imw.copy()
            tallies.need_at_year_end[year] = need.copy()
    return tallies


# ------------------------------------------------------------------------------------------------ indicators
def _rows(
    year: int, indicator: str, unit: str, dimension: str, codes: Sequence[str], values: Sequence[float]
) -> Iterator[Observation]:
    for code, value in zip(codes, values, strict=True):
        yield Observation(
            year, None, indicator, dimension, code, float(value), unit, FLAG_ILLUSTRATIVE, SOURCE_ID
        )


def _breakdowns(
    year: int,
    indicator: str,
    unit: str,
    parts: Sequence[tuple[str, Sequence[str], Sequence[float]]],
    scale: float = 1.0,
) -> list[Observation]:
    """The total row and one row per category of each breakdown; the total is the sum of the first breakdown."""
    total = float(np.sum(parts[0][2])) if parts else 0.0
    rows = list(_rows(year, indicator, unit, TOTAL, (TOTAL,), (total / scale,)))
    for dimension, codes, values in parts:
        if round(float(np.sum(values))) != round(total):
            raise AssertionError(f"{indicator} {year} {dimension}: breakdown does not add up to the total")
        rows.extend(_rows(year, indicator, unit, dimension, codes, [value / scale for value in values]))
    return rows


def _count(values: IntArray, categories: int, weights: IntArray | None = None) -> list[float]:
    return [float(x) for x in np.bincount(values, weights=weights, minlength=categories)]


def stock_observations(people: People, tallies: Tallies, year: int) -> list[Observation]:
    """The year-end counts: workers, FTE, characteristics, statute and employers."""
    here = tallies.stock_at_year_end[year]
    need = tallies.need_at_year_end[year][here]
    package = people.package[here]
    fte = people.fte_hundredths[here]

    def by(values: IntArray, codes: Sequence[str], weights: IntArray | None = None) -> list[float]:
        return _count(values, len(codes), weights)

    rows = _breakdowns(
        year,
        "imw_workers",
        "persons",
        [("package", PACKAGES, by(package, PACKAGES)), ("coaching_need", NEEDS, by(need, NEEDS))],
    )
    rows += _breakdowns(
        year,
        "imw_fte",
        "FTE",
        [("package", PACKAGES, by(package, PACKAGES, fte)), ("coaching_need", NEEDS, by(need, NEEDS, fte))],
        scale=100.0,
    )
    profile = (
        ("age_band", AGE_BANDS, people.age),
        ("gender", GENDERS, people.gender),
        ("education", EDUCATIONS, people.education),
        ("disability", DISABILITIES, people.disability),
        ("province", PROVINCES, people.province),
        ("origin", ORIGINS, people.origin),
    )
    rows += _breakdowns(
        year,
        "imw_workers_profile",
        "persons",
        [(dimension, codes, by(values[here], codes)) for dimension, codes, values in profile],
    )
    workplace = (
        ("statute", STATUTES, people.statute),
        ("sector", SECTORS, people.sector),
        ("size_class", SIZE_CLASSES, people.size),
        ("employer_location", LOCATIONS, people.location),
    )
    # The SERV's question (advice point 14): sector crossed with statute, and sector with temporary agency work
    # in a row of its own instead of in the agency's sector (N).
    sector_statute_codes = [
        f"{sector}{CROSS_SEPARATOR}{statute}" for sector in SECTORS for statute in STATUTES
    ]
    sector_statute = people.sector * len(STATUTES) + people.statute
    temp_apart_codes = [*SECTORS, "temp_work"]
    temp_apart = np.where(people.statute == TEMP_AGENCY, len(SECTORS), people.sector)
    crossed = (
        ("sector_statute", sector_statute_codes, sector_statute),
        ("sector_temp_apart", temp_apart_codes, temp_apart),
    )
    rows += _breakdowns(
        year,
        "imw_workers_by_employer",
        "persons",
        [(dimension, codes, by(values[here], codes)) for dimension, codes, values in (*workplace, *crossed)],
    )
    employed = here & (people.employer >= 0)
    # One row per distinct employer: its sector, size and location are those of any of its workers.
    _, first = np.unique(people.employer[employed], return_index=True)
    rows += _breakdowns(
        year,
        "imw_employers",
        "employers",
        [
            (dimension, codes, by(values[employed][first], codes))
            for dimension, codes, values in workplace
            if dimension != "statute"
        ],
    )
    return rows


def flow_observations(people: People, tallies: Tallies, year: int) -> list[Observation]:
    """What happened during the year: starts, payments, revisions, doorstroom, fallback returns, early exits."""
    index = YEARS.index(year)
    starting = np.flatnonzero(np.asarray([calendar(int(month))[0] for month in people.start]) == year)
    package, need, origin = people.package[starting], people.need[starting], people.origin[starting]
    rows = _breakdowns(
        year,
        "imw_new_workers",
        "persons",
        [
            ("package", PACKAGES, _count(package, 5)),
            ("coaching_need", NEEDS, _count(need, 4)),
            ("origin", ORIGINS, _count(origin, 4)),
        ],
    )
    for indicator, amounts in (
        ("imw_loonpremie_paid", tallies.loonpremie[index]),
        ("imw_begeleidingspremie_paid", tallies.begeleidingspremie[index]),
    ):
        rows += _breakdowns(
            year,
            indicator,
            "EUR",
            [
                ("package", PACKAGES, [float(x) for x in amounts.sum(axis=1)]),
                ("coaching_need", NEEDS, [float(x) for x in amounts.sum(axis=0)]),
            ],
        )
    revisions = tallies.revisions[index]
    rows += _breakdowns(
        year,
        "imw_premium_revisions",
        "persons",
        [
            ("revision_type", REVISIONS, [float(x) for x in revisions.sum(axis=1)]),
            ("package", PACKAGES, [float(x) for x in revisions.sum(axis=0)]),
        ],
    )
    from_collective = package[origin == EX_COLLECTIVE]
    rows += _breakdowns(
        year, "imw_from_collective", "persons", [("package", PACKAGES, _count(from_collective, 5))]
    )
    to_regular = tallies.to_regular[index]
    rows += _breakdowns(
        year,
        "imw_to_regular",
        "persons",
        [
            ("package", PACKAGES, [float(x) for x in to_regular.sum(axis=1)]),
            ("coaching_need", NEEDS, [float(x) for x in to_regular.sum(axis=0)]),
        ],
    )
    rows += list(
        _rows(
            year,
            "imw_fallback_returns",
            "persons",
            TOTAL,
            (TOTAL,),
            (float(tallies.fallback_returns[index]),),
        )
    )
    early = tallies.early_exits[index]
    rows += _breakdowns(
        year,
        "imw_early_exits",
        "persons",
        [
            ("package", PACKAGES, [float(x) for x in early.sum(axis=(1, 2))]),
            ("coaching_need", NEEDS, [float(x) for x in early.sum(axis=(0, 2))]),
            ("exit_reason", EXIT_REASONS, [float(x) for x in early.sum(axis=(0, 1))]),
        ],
    )
    return rows


def largest_remainder(counts: Sequence[int], parts: int) -> list[int]:
    """Round counts to whole `parts` (e.g. thousandths) that add up to exactly `parts`."""
    total = sum(counts)
    exact = [count * parts / total for count in counts]
    floors = [math.floor(value) for value in exact]
    order = sorted(range(len(counts)), key=lambda i: (floors[i] - exact[i], i))
    for i in order[: parts - sum(floors)]:
        floors[i] += 1
    return floors


def target_population_observations(rng: np.random.Generator) -> list[Observation]:
    """The make-up of the ~35,000 job-seekers with a disability at VDAB in 2023, as shares in thousandths."""
    year, indicator = 2023, "target_population_share"
    rows = list(_rows(year, indicator, "share", TOTAL, (TOTAL,), (1.0,)))
    for dimension, (codes, mix) in TARGET_MIXES.items():
        counts = [int(count) for count in rng.multinomial(TARGET_POPULATION, _normalised(mix))]
        shares = [part / 1000.0 for part in largest_remainder(counts, 1000)]
        rows.extend(_rows(year, indicator, "share", dimension, codes, shares))
    return rows


@dataclass(frozen=True)
class Generated:
    """The illustrative rows, and how close the simulation came to its calibration targets."""

    observations: list[Observation]
    stock_end_february_2025: int
    self_employed_started_to_august_2025: dict[str, int]


def _ordered(observations: list[Observation], catalogue: Catalogue) -> list[Observation]:
    """Catalogue order of indicators, then year, then the catalogue order of dimensions and categories."""
    indicator_rank = {indicator: rank for rank, indicator in enumerate(catalogue.indicators)}

    def key(row: Observation) -> tuple[int, int, int, int]:
        meta = catalogue.indicator(row.indicator)
        dimension = catalogue.dimensions[row.dimension]
        return (
            indicator_rank[row.indicator],
            row.year,
            meta.dimensions.index(row.dimension),
            dimension.categories.index(row.category),
        )

    return sorted(observations, key=key)


def generate(seed: int = SEED) -> Generated:
    """Make the illustrative rows from a seed: the same seed gives the same rows."""
    rng = np.random.default_rng(seed)
    plan = calibrate()
    people = draw_people(rng, plan)
    assign_employers(rng, people)
    tallies = simulate(rng, people)
    observations: list[Observation] = []
    for year in YEARS:
        observations += stock_observations(people, tallies, year)
        observations += flow_observations(people, tallies, year)
    observations += target_population_observations(rng)
    self_employed = (people.package == SELF_EMPLOYED) & (people.start <= SELF_EMPLOYED_LAST_MONTH)
    started = {
        code: int((self_employed & (people.province == PROVINCES.index(code))).sum())
        for code in SELF_EMPLOYED_STARTED
    }
    return Generated(
        observations=_ordered(observations, load_catalogue()),
        stock_end_february_2025=tallies.stock_in_quoted_month,
        self_employed_started_to_august_2025=started,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Write illustrative.csv (or, with --check, only compare it); return an exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m data.monitoring.generate",
        description="Schrijf de illustratieve IMW-gegevens (vaste seed) naar een CSV-bestand.",
    )
    parser.add_argument(
        "--output", type=Path, default=OUTPUT_PATH, help="doelbestand (standaard: %(default)s)"
    )
    parser.add_argument(
        "--check", action="store_true", help="vergelijk alleen; exit 1 als het bestand verschilt"
    )
    args = parser.parse_args(argv)
    generated = generate()
    text = tidy_csv_text(generated.observations)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} verschilt van wat de generator maakt; draai het commando zonder --check.")
            return 1
        print(f"{args.output} is wat de generator maakt.")
        return 0
    write_atomically(args.output, text.encode("utf-8"))
    print(
        f"{len(generated.observations)} rijen naar {args.output}; "
        f"stock eind februari 2025: {generated.stock_end_february_2025} (doel {QUOTED_STOCK}); "
        f"zelfstandigen tot eind augustus 2025: {generated.self_employed_started_to_august_2025} "
        f"(doel {SELF_EMPLOYED_STARTED})."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
