"""From the dated parameters, the published series and a scenario to the model's inputs.

Every input is read at the value in force on the first day of each quarter of the run (the OpenFisca rule), with
the scenario's changes (see ``data.scenario.schema`` for when a change holds). Most parameters name their model input in
their metadata (``input: exit_involuntary``, or ``input: fte[package]`` for one column of a per-package input);
the law's structures (the degressive bands, the begeleidingspremie by quarter of employment, the cap from the
monthly GGMMI, the VOP schedule) are built here from their parameters, and the published series (the contingent,
the start of the collective block, the doorstroom before it, the price level) come from ``data.observed``.

A parameter with no value in force on a date that the run needs is an error that names the parameter and the date.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import numpy as np

from data.observed import Published, load_published
from data.parameter_store import ParameterSet, ParameterValue, load_parameters
from data.scenario.schema import (
    PROJECTION_START,
    RUN_START,
    Override,
    Scenario,
    ScenarioError,
    is_dated,
    value_on,
)
from simulation.case import percentage_schedule
from simulation.inputs import (
    COACHING_NEEDS,
    EX_COLLECTIVE,
    FIVE_YEAR_PACKAGES,
    FIVE_YEAR_RAISED,
    N_AGES,
    PACKAGES,
    RENEWED,
    VOP_QUARTERS,
    ModelInputs,
)

#: The collective block starts from the last published state with allocated, filled and queue of one date: the end
#: of 2024 (the queue of 2025 is published for August only).
COLLECTIVE_START: Final = dt.date(2025, 1, 1)
#: The backtest: projected from the end of the calibration years (2023), every published point after it held out.
BACKTEST_START: Final = dt.date(2024, 1, 1)

#: Parameters read by the builders below (the law's structures), by name prefix.
BUILT_HERE: Final = (
    "loonpremie.package.",
    "loonpremie.cap",
    "ggmmi",
    "begeleidingspremie.",
    "segment.self_employed_percentage",
)
_BANDS: Final = {
    "two_year": ("two_year", 2, "two_year"),
    "five_year_standard": ("five_year_standard", 3, "five_year"),
    "five_year_raised": ("five_year_raised", 3, "five_year"),
    "collective_advice": ("collective_advice", 3, "five_year"),
    "ex_collective": ("five_year_raised", 3, "five_year"),
}
_INDEX: Final = {"package": PACKAGES, "need": COACHING_NEEDS}


class InputsError(ValueError):
    """The parameters cannot give an input the run needs; the message names the parameter and the date."""


@dataclass(frozen=True)
class Frame:
    """The run's calendar: where it starts, what it reports, and where the collective block starts from."""

    projection_start: dt.date = PROJECTION_START
    collective_start: dt.date = COLLECTIVE_START
    horizon_quarters: int = 48
    run_start: dt.date = RUN_START
    #: The last quarter of the published contingent the run may use (later quarters grow by assumption).
    capacity_until: dt.date | None = None

    @property
    def projection_index(self) -> int:
        return _quarters_between(self.run_start, self.projection_start)

    @property
    def collective_index(self) -> int:
        return _quarters_between(self.run_start, self.collective_start)

    @property
    def quarters(self) -> list[dt.date]:
        """The first day of each quarter of the run."""
        return [
            _add_quarters(self.run_start, t) for t in range(self.projection_index + self.horizon_quarters)
        ]


def _quarters_between(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 4 + (end.month - start.month) // 3


def _add_quarters(start: dt.date, quarters: int) -> dt.date:
    months = start.year * 12 + start.month - 1 + 3 * quarters
    return dt.date(months // 12, months % 12 + 1, 1)


def backtest_frame(horizon_quarters: int = 9) -> Frame:
    """The frame of the backtest: from the end of 2023, with the contingent published up to 2023 Q4 only."""
    return Frame(
        projection_start=BACKTEST_START,
        collective_start=BACKTEST_START,
        horizon_quarters=horizon_quarters,
        capacity_until=dt.date(2023, 10, 1),
    )


class Values:
    """The value of every parameter on a date under a scenario; reads are remembered per (name, date)."""

    def __init__(self, scenario: Scenario | None, parameters: ParameterSet) -> None:
        self.parameters = parameters
        self.overrides: Mapping[str, Override] = scenario.parameters if scenario is not None else {}
        self.read: set[str] = set()

    def at(self, name: str, on: dt.date) -> ParameterValue:
        self.read.add(name)
        try:
            return value_on(self.parameters[name], self.overrides.get(name), on)
        except KeyError:
            raise InputsError(
                f"the model needs parameter {name}, which the parameter files do not define"
            ) from None
        except LookupError:
            first = min(entry.start for entry in self.parameters[name].values)
            raise InputsError(
                f"parameter {name} has no value in force on {on.isoformat()} (its first value is from "
                f"{first.isoformat()}); give it a value from {RUN_START.isoformat()} on"
            ) from None

    def values(self, name: str, dates: list[dt.date]) -> tuple[ParameterValue, ...]:
        """The value on each date; without an override from the parameter set's remembered series."""
        if name in self.overrides:
            return tuple(self.at(name, on) for on in dates)
        self.read.add(name)
        try:
            return self.parameters.series(name, tuple(dates))
        except KeyError:
            raise InputsError(
                f"the model needs parameter {name}, which the parameter files do not define"
            ) from None
        except LookupError:
            first_date = next(on for on in dates if on < min(e.start for e in self.parameters[name].values))
            self.at(name, first_date)  # raises the error that names the parameter and the date
            raise

    def series(self, name: str, dates: list[dt.date]) -> np.ndarray:
        return np.array(self.values(name, dates), dtype=np.float64)

    def once(self, name: str, on: dt.date) -> ParameterValue:
        """A value that cannot change during the run: a dated change is refused by name."""
        override = self.overrides.get(name)
        if override is not None and is_dated(override):
            raise ScenarioError(name, "cannot change from a date; give one value for the whole run")
        if override is not None:
            self.read.add(name)
            return override
        return self.at(name, on)


@lru_cache(maxsize=1)
def _scalar_fields() -> dict[str, type]:
    """The model's scalar inputs by type (resolved once: get_type_hints evaluates every annotation anew)."""
    hints = typing.get_type_hints(ModelInputs)
    return {name: hint for name, hint in hints.items() if hint in (float, int, bool)}


def _mapped(parameters: ParameterSet) -> dict[str, list[tuple[str, str, int | None]]]:
    """Model field -> [(parameter, true choice, column)] from the ``input`` metadata."""
    result: dict[str, list[tuple[str, str, int | None]]] = {}
    for name, parameter in parameters.items():
        if not parameter.input:
            continue
        field_name, column = parameter.input, None
        if "[" in field_name:
            field_name, axis = field_name.rstrip("]").split("[")
            key = name.rsplit(".", 1)[1]
            if key not in _INDEX[axis]:
                raise InputsError(f"parameter {name}: {key} is not a {axis} ({', '.join(_INDEX[axis])})")
            column = _INDEX[axis].index(key)
        result.setdefault(field_name, []).append((name, parameter.input_true, column))
    return result


def _generic_inputs(values: Values, frame: Frame) -> dict[str, Any]:
    """Every input that a parameter's metadata names."""
    dates = frame.quarters
    n = len(dates)
    scalars = _scalar_fields()
    result: dict[str, Any] = {}
    for field_name, sources in _mapped(values.parameters).items():
        if field_name in scalars:
            (name, true_choice, _), *rest = sources
            if rest:
                raise InputsError(f"model input {field_name} is named by more than one parameter")
            raw = values.once(name, frame.run_start)
            kind = scalars[field_name]
            result[field_name] = (raw == true_choice) if true_choice else kind(raw)
            continue
        for name, true_choice, column in sources:
            if true_choice:
                series = np.array([v == true_choice for v in values.values(name, dates)], dtype=np.bool_)
            elif isinstance(values.parameters[name].values[0].value, bool):
                series = np.array([bool(v) for v in values.values(name, dates)], dtype=np.bool_)
            else:
                series = values.series(name, dates)
            if column is None:
                result[field_name] = series
            else:
                width = (
                    len(PACKAGES)
                    if field_name not in ("coaching_share", "coaching_exit_factor")
                    else len(COACHING_NEEDS)
                )
                table = result.setdefault(field_name, np.zeros((n, width)))
                table[:, column] = series
    return result


def _percentages(values: Values, dates: list[dt.date]) -> tuple[np.ndarray, np.ndarray]:
    """(T, P, A) percentages by quarter of employment in each quarter, and (P,) durations (which cannot change
    during the run: the ageing of the stock depends on them)."""
    table = np.zeros((len(dates), len(PACKAGES), N_AGES))
    durations = np.zeros(len(PACKAGES), dtype=np.int64)
    for index, package in enumerate(PACKAGES):
        if package == "self_employed":
            durations[index] = int(values.once("loonpremie.package.duration_quarters.five_year", dates[0]))
            table[:, index, :] = values.series("segment.self_employed_percentage", dates)[:, None]
            continue
        key, n_bands, duration_key = _BANDS[package]
        durations[index] = int(values.once(f"loonpremie.package.duration_quarters.{duration_key}", dates[0]))
        bands = list(
            zip(
                *(values.values(f"loonpremie.package.{key}.band_{i}", dates) for i in range(1, n_bands + 1)),
                strict=True,
            )
        )
        ends = list(
            zip(
                *(values.values(f"loonpremie.package.band_end_quarter.band_{i}", dates) for i in (1, 2)),
                strict=True,
            )
        )
        for t in range(len(dates)):
            table[t, index, :] = _schedule(
                tuple(map(float, bands[t])), tuple(map(int, ends[t])), int(durations[index])
            )
    return table, durations


@lru_cache(maxsize=256)
def _schedule(bands: tuple[float, ...], ends: tuple[int, ...], duration: int) -> np.ndarray:
    return np.array(percentage_schedule(bands, ends, duration, N_AGES), dtype=np.float64)


def _begeleiding(values: Values, dates: list[dt.date]) -> tuple[np.ndarray, np.ndarray]:
    """(T, A) the fixed part by quarter of employment (renewed packages at the later amount), (T, C) the variable
    part by need (none: 0)."""
    first = values.series("begeleidingspremie.fixed.first_quarters", dates)
    later = values.series("begeleidingspremie.fixed.later_quarters", dates)
    end = values.series("begeleidingspremie.fixed_end_quarter", dates)
    slots = np.arange(N_AGES)[None, :]
    fixed = np.where((slots + 1 <= end[:, None]) & (slots != RENEWED), first[:, None], later[:, None])
    variable = np.zeros((len(dates), len(COACHING_NEEDS)))
    for c, need in enumerate(COACHING_NEEDS[1:], start=1):
        variable[:, c] = values.series(f"begeleidingspremie.variable.{need}", dates)
    return fixed, variable


def _cap(values: Values, dates: list[dt.date]) -> tuple[np.ndarray, int]:
    """(T,) the quarterly cap of a full-time worker from the GGMMI in force on the first of each month, and the
    last quarter whose months all fall on or after the last known GGMMI date... before it (later quarters index)."""
    ggmmi = values.parameters["ggmmi"]
    last_known = max(entry.start for entry in ggmmi.values)
    legal_until = 0
    months = [dt.date(on.year, on.month + k, 1) for on in dates for k in range(3)]
    monthly = values.series("loonpremie.cap", months) * values.series("ggmmi", months)
    cap = monthly.reshape(len(dates), 3).sum(axis=1)
    for t, on in enumerate(dates):
        if on <= last_known:
            legal_until = t
    return cap, legal_until


def _capacity(published: Published, frame: Frame) -> np.ndarray:
    """(T,) the allocated contingent in each quarter up to the last usable published one (interpolated between
    published quarters), NaN after it."""
    points = published.quarterly("cmw_contingent_allocated")
    ordinal = {key: key[0] * 4 + key[1] - 1 for key in points}
    until = frame.capacity_until
    usable = {
        ordinal[key]: value
        for key, value in points.items()
        if until is None or ordinal[key] <= until.year * 4 + (until.month - 1) // 3
    }
    xs = np.array(sorted(usable))
    ys = np.array([usable[x] for x in xs])
    result = np.full(len(frame.quarters), np.nan)
    for t, on in enumerate(frame.quarters):
        q = on.year * 4 + (on.month - 1) // 3
        if xs[0] <= q <= xs[-1]:
            result[t] = float(np.interp(q, xs, ys))
        elif q < xs[0]:
            result[t] = float(ys[0])
    return result


def _collective_start(published: Published, frame: Frame) -> tuple[float, float]:
    """Filled FTE (fourth quarter) and queue (the year) just before the block's first quarter."""
    year = frame.collective_start.year - 1
    if frame.collective_start.month != 1:
        raise InputsError("the collective block starts on 1 January, after a published fourth quarter")
    try:
        return published.value("cmw_contingent_filled", year, 4), published.value("cmw_queue", year)
    except KeyError as error:
        raise InputsError(
            f"the collective block cannot start in {frame.collective_start.year}: {error}"
        ) from None


def _doorstroom_history(published: Published, frame: Frame) -> np.ndarray:
    """(T,) the published doorstroom per quarter (a year's figure over its four quarters) before the block starts."""
    annual = published.annual("cmw_doorstroom_regular")
    result = np.full(len(frame.quarters), np.nan)
    for t, on in enumerate(frame.quarters[: frame.collective_index]):
        if on.year not in annual:
            raise InputsError(
                f"no published doorstroom for {on.year}, which the run needs before the block starts"
            )
        result[t] = annual[on.year] / 4.0
    return result


def _vop_schedule(values: Values) -> np.ndarray:
    bands = [float(values.once(f"loonpremie.package.vop_legacy.band_{i}", RUN_START)) for i in (1, 2, 3)]
    ends = [int(values.once(f"loonpremie.package.band_end_quarter.band_{i}", RUN_START)) for i in (1, 2)]
    return np.array(percentage_schedule(bands, ends, VOP_QUARTERS, VOP_QUARTERS), dtype=np.float64)


def build_inputs(
    scenario: Scenario,
    parameters: ParameterSet | None = None,
    frame: Frame | None = None,
    published: Published | None = None,
) -> ModelInputs:
    """The model inputs of a scenario over `frame` (by default: the projection of the scenario's horizon)."""
    parameters = parameters or load_parameters()
    published = published or load_published()
    frame = frame or Frame(horizon_quarters=4 * scenario.horizon_years)
    values = Values(scenario, parameters)
    baseline = Values(None, parameters)
    dates = frame.quarters
    generic = _generic_inputs(values, frame)
    percentages, durations = _percentages(values, dates)
    reference, _ = _percentages(baseline, dates)
    fixed, variable = _begeleiding(values, dates)
    cap, legal_until = _cap(values, dates)
    # The ex-collective package follows the raised package's workers: part-time fraction and wage.
    for name in ("fte", "referteloon_month"):
        generic[name][:, EX_COLLECTIVE] = generic[name][:, FIVE_YEAR_RAISED]
    generic["renewal_share"][:, list(FIVE_YEAR_PACKAGES)] = 0.0
    filled, queue = _collective_start(published, frame)
    prices = published.price_level(dates, frame.projection_start)
    prices[frame.projection_index :] = np.nan
    eligible = np.array([package != "self_employed" for package in PACKAGES])
    return ModelInputs(
        run_start=frame.run_start,
        projection_start_index=frame.projection_index,
        collective_start_index=frame.collective_index,
        horizon_quarters=frame.horizon_quarters,
        percentage_by_age=percentages,
        reference_percentage_by_age=reference,
        duration_quarters=durations,
        coaching_eligible=eligible,
        begeleiding_fixed_by_age=fixed,
        begeleiding_variable=variable,
        cap_full_time=cap,
        cap_legal_until=legal_until,
        vop_percentage_by_age=_vop_schedule(values),
        capacity_known=_capacity(published, frame),
        filled_start=filled,
        queue_start=queue,
        doorstroom_history=_doorstroom_history(published, frame),
        price_history=prices,
        **generic,
    )
