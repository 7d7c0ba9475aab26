"""Scenarios: what differs from the 2022 decree baseline, validated, and turned into model inputs.

A scenario file (YAML or JSON) states only what differs from the baseline::

    name: Terugvalpositie van 5 jaar
    horizon_years: 12
    draws: 1000
    seed: 20220114
    parameters:
      fallback.window_quarters: 20

An optional ``computed_with`` (``model_version``, ``parameters_version``) records what a saved scenario was last
computed on; it is information for the reader (the portal says when the model or the parameters are newer now),
never part of the scenario itself, its canonical form or its cache key.

Every parameter that has a ``control`` in data/parameters/ can be changed; laws of structure (band ends,
durations, the GGMMI series) cannot. The projection starts on the date of the starting stock (1 January 2026).
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import numpy as np

from data import bounded_load
from data.bounded_load import excerpt, key_excerpt
from data.parameter_store import Parameter, ParameterSet, ParameterValue, load_parameters
from simulation.case import percentage_schedule
from simulation.inputs import COACHING_NEEDS, N_AGES, PACKAGES, RENEWED, ModelInputs
from simulation.uncertainty import DISTRIBUTIONS, MAX_DRAWS, Distribution

#: The projection starts with the stock of 1 January 2026 (data/parameters/initial_stock.yaml).
PROJECTION_START: Final = dt.date(2026, 1, 1)
MAX_HORIZON_YEARS: Final = 20
DEFAULT_HORIZON_YEARS: Final = 12
DEFAULT_SEED: Final = 20220114
SCENARIO_KEYS: Final = (
    "name",
    "description",
    "horizon_years",
    "draws",
    "seed",
    "parameters",
    "distributions",
    "computed_with",
)
#: What ``computed_with`` may record, and how long each entry may be.
COMPUTED_WITH_KEYS: Final = ("model_version", "parameters_version")
MAX_VERSION_LENGTH: Final = 40

#: Scenario parameter -> field of ModelInputs that may carry a distribution.
UNCERTAIN_PARAMETERS: Final[dict[str, str]] = {
    "inflow.level_factor": "inflow_level_factor",
    "inflow.trend": "inflow_trend",
    "inflow.elasticity": "elasticity",
    "exits.rate_factor": "exit_rate_factor",
    "fallback.takeup": "fallback_takeup",
    "indexation.inflation": "inflation",
}

#: Parameters that must add up to 1, by group.
SHARE_GROUPS: Final = ("inflow.coaching_share", "inflow.origin_share")

_PACKAGE_BANDS: Final = {
    "two_year": ("two_year", 2),
    "five_year_standard": ("five_year_standard", 3),
    "five_year_raised": ("five_year_raised", 3),
    "collective_advice": ("collective_advice", 3),
    "vop_legacy": ("vop_legacy", 3),
}
_RENEWAL_KEY: Final = {
    "two_year": "two_year",
    "five_year_standard": "five_year",
    "five_year_raised": "five_year",
    "collective_advice": "five_year",
    "self_employed": "self_employed",
}


class ScenarioError(ValueError):
    """A scenario that cannot run. ``field`` names what is wrong; the message says what is allowed."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class Scenario:
    """A validated scenario: settings and the parameters that differ from the baseline."""

    name: str = "Basisscenario decreet 2022"
    description: str = ""
    horizon_years: int = DEFAULT_HORIZON_YEARS
    draws: int = 0
    seed: int = DEFAULT_SEED
    parameters: dict[str, ParameterValue] = field(default_factory=dict)
    distributions: dict[str, Distribution] = field(default_factory=dict)
    computed_with: dict[str, str] | None = None

    def canonical(self) -> dict[str, Any]:
        """A stable, minimal mapping: the same scenario always gives the same text (URL, cache key)."""
        result: dict[str, Any] = {"horizon_years": self.horizon_years, "draws": self.draws, "seed": self.seed}
        if self.parameters:
            result["parameters"] = dict(sorted(self.parameters.items()))
        if self.distributions:
            result["distributions"] = {
                name: {"distribution": d.kind, "low": d.low, "mode": d.mode, "high": d.high}
                for name, d in sorted(self.distributions.items())
            }
        return result

    def canonical_json(self) -> str:
        return json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"))


def scenario_parameters(parameters: ParameterSet | None = None) -> dict[str, Parameter]:
    """The parameters a scenario may change (those with a control), by name."""
    parameters = parameters or load_parameters()
    return {name: p for name, p in parameters.items() if p.control is not None}


def baseline_values(parameters: ParameterSet | None = None) -> dict[str, ParameterValue]:
    """Every parameter's value in force at the start of the projection."""
    return (parameters or load_parameters()).values_at(PROJECTION_START)


def _allowed_text(parameter: Parameter) -> str:
    control = parameter.control
    assert control is not None
    if control.allowed is not None:
        return "one of " + ", ".join(json.dumps(choice) for choice in control.allowed)
    return f"a number from {control.minimum} to {control.maximum}"


def check_parameter_value(parameter: Parameter, value: object, baseline: ParameterValue) -> ParameterValue:
    """Validate one value against the parameter's control; return it in the parameter's own type."""
    control = parameter.control
    name = parameter.name
    if control is None:
        raise ScenarioError(name, "is fixed in this model and cannot be changed in a scenario")
    if control.allowed is not None:
        if isinstance(value, bool) != isinstance(control.allowed[0], bool) or value not in control.allowed:
            raise ScenarioError(name, f"{excerpt(value)} is not allowed; use {_allowed_text(parameter)}")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScenarioError(name, f"{excerpt(value)} is not a number; use {_allowed_text(parameter)}")
    if not math.isfinite(value):
        raise ScenarioError(name, f"{excerpt(value)} is not a finite number; use {_allowed_text(parameter)}")
    low = control.minimum if control.minimum is not None else -math.inf
    high = control.maximum if control.maximum is not None else math.inf
    if not low <= value <= high:
        raise ScenarioError(name, f"{excerpt(value)} is out of range; use {_allowed_text(parameter)}")
    if isinstance(baseline, int) and not isinstance(baseline, bool):
        if float(value) != int(value):
            raise ScenarioError(
                name, f"{excerpt(value)} is not a whole number; use a whole number from {low} to {high}"
            )
        return int(value)
    return float(value)


def _whole_number(name: str, value: object, low: int, high: int) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not value.is_integer())
    ):
        raise ScenarioError(
            name, f"{excerpt(value)} is not a whole number; use a whole number from {low} to {high}"
        )
    if not low <= int(value) <= high:
        raise ScenarioError(
            name, f"{excerpt(value)} is out of range; use a whole number from {low} to {high}"
        )
    return int(value)


def _distribution(name: str, raw: object, parameters: Mapping[str, Parameter]) -> Distribution:
    if name not in UNCERTAIN_PARAMETERS:
        raise ScenarioError(
            f"distributions.{key_excerpt(name)}",
            f"cannot carry a distribution; use one of {', '.join(UNCERTAIN_PARAMETERS)}",
        )
    if not isinstance(raw, Mapping):
        raise ScenarioError(f"distributions.{name}", "must give distribution, low, mode and high")
    unknown = set(raw) - {"distribution", "low", "mode", "high"}
    if unknown:
        raise ScenarioError(
            f"distributions.{name}",
            f"unknown key {excerpt(sorted(map(str, unknown))[0])}; use low, mode, high",
        )
    kind = raw.get("distribution", "triangular")
    if kind not in DISTRIBUTIONS:
        raise ScenarioError(
            f"distributions.{name}.distribution", f"{excerpt(kind)}: use {' or '.join(DISTRIBUTIONS)}"
        )
    numbers: dict[str, float] = {}
    for key in ("low", "high", "mode"):
        value = raw.get(key)
        if key == "mode" and value is None:
            value = (numbers["low"] + numbers["high"]) / 2
        numbers[key] = float(check_parameter_value(parameters[name], value, 0.0))
    if not numbers["low"] <= numbers["mode"] <= numbers["high"]:
        raise ScenarioError(f"distributions.{name}", "needs low <= mode <= high")
    return Distribution(str(kind), float(numbers["low"]), float(numbers["mode"]), float(numbers["high"]))


def parse_scenario(raw: object, parameters: ParameterSet | None = None) -> Scenario:
    """Validate a scenario mapping (as read from YAML or JSON); raise ScenarioError naming the field."""
    parameters = parameters or load_parameters()
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise ScenarioError("scenario", "must be a mapping of keys to values (YAML or JSON object)")
    unknown = [key for key in raw if key not in SCENARIO_KEYS]
    if unknown:
        raise ScenarioError(key_excerpt(unknown[0]), f"is not a scenario key; use {', '.join(SCENARIO_KEYS)}")
    controllable = scenario_parameters(parameters)
    baseline = baseline_values(parameters)
    overrides_raw = raw.get("parameters") or {}
    if not isinstance(overrides_raw, Mapping):
        raise ScenarioError("parameters", "must map parameter names to values")
    overrides: dict[str, ParameterValue] = {}
    for name, value in overrides_raw.items():
        if name not in parameters:
            raise ScenarioError(
                f"parameters.{key_excerpt(name)}",
                "is not a known parameter; `imw scenario --baseline` lists them all",
            )
        checked = check_parameter_value(parameters[name], value, baseline[name])
        if checked != baseline[name] or type(checked) is not type(baseline[name]):
            overrides[str(name)] = checked
    distributions_raw = raw.get("distributions") or {}
    if not isinstance(distributions_raw, Mapping):
        raise ScenarioError("distributions", "must map parameter names to distributions")
    distributions = {str(n): _distribution(str(n), d, controllable) for n, d in distributions_raw.items()}
    name = raw.get("name", Scenario.name)
    description = raw.get("description", "")
    if not isinstance(name, str) or len(name) > 200:
        raise ScenarioError("name", "must be a text of at most 200 characters")
    if not isinstance(description, str) or len(description) > 2000:
        raise ScenarioError("description", "must be a text of at most 2000 characters")
    scenario = Scenario(
        name=name,
        description=description,
        horizon_years=_whole_number(
            "horizon_years", raw.get("horizon_years", DEFAULT_HORIZON_YEARS), 1, MAX_HORIZON_YEARS
        ),
        draws=_whole_number("draws", raw.get("draws", 0), 0, MAX_DRAWS),
        seed=_whole_number("seed", raw.get("seed", DEFAULT_SEED), 0, 2**32 - 1),
        parameters=overrides,
        distributions=distributions,
        computed_with=_computed_with(raw.get("computed_with")),
    )
    check_consistency(scenario_values(scenario, parameters))
    return scenario


def _computed_with(raw: object) -> dict[str, str] | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise ScenarioError("computed_with", f"must map {' and '.join(COMPUTED_WITH_KEYS)} to a version")
    result: dict[str, str] = {}
    for key, value in raw.items():
        if key not in COMPUTED_WITH_KEYS:
            raise ScenarioError(
                f"computed_with.{key}", f"is not known; use {' and '.join(COMPUTED_WITH_KEYS)}"
            )
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ScenarioError(f"computed_with.{key}", "must be a version, e.g. 1.0.0")
        text = str(value)
        if not 0 < len(text) <= MAX_VERSION_LENGTH:
            raise ScenarioError(
                f"computed_with.{key}", f"must be a version of 1 to {MAX_VERSION_LENGTH} characters"
            )
        result[str(key)] = text
    return result


def scenario_values(scenario: Scenario, parameters: ParameterSet | None = None) -> dict[str, ParameterValue]:
    """Every parameter's value in the scenario: the baseline with the scenario's changes."""
    values = baseline_values(parameters)
    values.update(scenario.parameters)
    return values


def check_consistency(values: Mapping[str, ParameterValue]) -> None:
    """Rules that tie several parameters together."""
    for group in SHARE_GROUPS:
        members = {name: float(v) for name, v in values.items() if name.startswith(group + ".")}
        total = sum(members.values())
        if abs(total - 1.0) > 1e-6:
            listed = ", ".join(f"{name.rsplit('.', 1)[1]} {v:g}" for name, v in members.items())
            raise ScenarioError(group, f"the shares must add up to 1, now {total:.4g} ({listed})")
    if float(values["collectief.filled_fte_start"]) > float(values["collectief.contingent_fte"]):
        raise ScenarioError(
            "collectief.filled_fte_start",
            "cannot be larger than the allocated contingent (collectief.contingent_fte)",
        )


def _f(values: Mapping[str, ParameterValue], name: str) -> float:
    return float(values[name])


def _schedules(values: Mapping[str, ParameterValue]) -> tuple[np.ndarray, np.ndarray]:
    """(P, A) percentages by quarter of employment and (P,) durations."""
    band_ends = [
        int(values["loonpremie.package.band_end_quarter.band_1"]),
        int(values["loonpremie.package.band_end_quarter.band_2"]),
    ]
    two_year = int(values["loonpremie.package.duration_quarters.two_year"])
    five_year = int(values["loonpremie.package.duration_quarters.five_year"])
    rows, durations = [], []
    for package in PACKAGES:
        if package == "self_employed":
            rows.append([_f(values, "segment.self_employed_percentage")] * N_AGES)
            durations.append(five_year)
            continue
        key, n_bands = _PACKAGE_BANDS[package]
        bands = [_f(values, f"loonpremie.package.{key}.band_{i}") for i in range(1, n_bands + 1)]
        duration = two_year if package == "two_year" else five_year
        rows.append(percentage_schedule(bands, band_ends, duration, N_AGES))
        durations.append(duration)
    return np.array(rows, dtype=np.float64), np.array(durations, dtype=np.int64)


def _initial_stock(values: Mapping[str, ParameterValue], durations: np.ndarray) -> np.ndarray:
    """(P, C, A) the stock on 1 January 2026, by the quarter of employment it is in during 2026 Q1.

    IMW started on 1 July 2023: workers hired since are in quarters 2 to 11 in 2026 Q1, spread evenly, split
    by the package mix of the inflow and by the coaching shares. Running VOPs began before July 2023: quarters
    12 to 20, without begeleidingspremie. (Assumptions, see data/parameters/initial_stock.yaml.)
    """
    stock = np.zeros((len(PACKAGES), len(COACHING_NEEDS), N_AGES))
    imw_packages = [p for p in PACKAGES if p != "vop_legacy"]
    mix = np.array([_f(values, f"inflow.base.{p}") for p in imw_packages])
    mix = mix / mix.sum() if mix.sum() > 0 else np.full(len(mix), 1.0 / len(mix))
    coaching = np.array([_f(values, f"inflow.coaching_share.{c}") for c in COACHING_NEEDS])
    total = _f(values, "initial_stock.imw_workers")
    for share, package in zip(mix, imw_packages, strict=True):
        index = PACKAGES.index(package)
        last_slot = min(10, int(durations[index]) - 1)  # slot 10 = quarter 11
        slots = np.arange(1, last_slot + 1)
        stock[index][:, slots] = total * share * coaching[:, None] / len(slots)
    vop = PACKAGES.index("vop_legacy")
    slots = np.arange(11, 20)
    stock[vop, 0, slots] = _f(values, "initial_stock.vop_workers") / len(slots)
    return stock


def ggmmi_schedule(parameters: ParameterSet, horizon_quarters: int) -> tuple[tuple[int, float], ...]:
    """Legal GGMMI values that start after the projection's start, by the first quarter they fully apply to.

    The planned rise of 1 April 2026 applies from quarter 1 (2026 Q2); a value that starts within a quarter
    applies from the next one.
    """
    schedule: list[tuple[int, float]] = []
    for entry in parameters["ggmmi"].values:
        if entry.start <= PROJECTION_START:
            continue
        months = (entry.start.year - PROJECTION_START.year) * 12 + entry.start.month - PROJECTION_START.month
        quarter = -(-months // 3) + (1 if entry.start.day > 1 and months % 3 == 0 else 0)
        if quarter < horizon_quarters and (not schedule or quarter > schedule[-1][0]):
            schedule.append((quarter, float(entry.value)))
        elif schedule and quarter == schedule[-1][0]:
            schedule[-1] = (quarter, float(entry.value))
    return tuple(schedule)


def build_inputs(scenario: Scenario, parameters: ParameterSet | None = None) -> ModelInputs:
    """The model inputs of a scenario."""
    parameters = parameters or load_parameters()
    values = scenario_values(scenario, parameters)
    baseline = baseline_values(parameters)
    percentages, durations = _schedules(values)
    reference, _ = _schedules(baseline)
    fixed_end = int(values["begeleidingspremie.fixed_end_quarter"])
    fixed = np.array(
        [
            _f(values, "begeleidingspremie.fixed.first_quarters")
            if slot + 1 <= fixed_end and slot != RENEWED
            else _f(values, "begeleidingspremie.fixed.later_quarters")
            for slot in range(N_AGES)
        ]
    )
    variable = np.array(
        [0.0] + [_f(values, f"begeleidingspremie.variable.{need}") for need in COACHING_NEEDS[1:]]
    )
    renewal = np.array(
        [_f(values, f"exits.renewal_share.{_RENEWAL_KEY[p]}") if p in _RENEWAL_KEY else 0.0 for p in PACKAGES]
    )
    return ModelInputs(
        start=PROJECTION_START,
        horizon_quarters=4 * scenario.horizon_years,
        percentage_by_age=percentages,
        reference_percentage_by_age=reference,
        duration_quarters=durations,
        renewal_share=renewal,
        referteloon_month=np.array([_f(values, f"segment.referteloon.{p}") for p in PACKAGES]),
        fte=np.array([_f(values, f"segment.fte.{p}") for p in PACKAGES]),
        ggmmi_month=_f(values, "ggmmi"),
        ggmmi_schedule=ggmmi_schedule(parameters, 4 * scenario.horizon_years),
        cap_multiple=_f(values, "loonpremie.cap"),
        coaching_eligible=np.array([p != "vop_legacy" for p in PACKAGES]),
        begeleiding_fixed_by_age=fixed,
        begeleiding_variable=variable,
        hours_worked_share=_f(values, "segment.hours_worked_share"),
        inflow_base=np.array(
            [_f(values, f"inflow.base.{p}") if p != "vop_legacy" else 0.0 for p in PACKAGES]
        ),
        inflow_level_factor=_f(values, "inflow.level_factor"),
        inflow_trend=_f(values, "inflow.trend"),
        elasticity=_f(values, "inflow.elasticity"),
        scope_extra_share=_f(values, "scope.extra_inflow_share"),
        coaching_share=np.array([_f(values, f"inflow.coaching_share.{c}") for c in COACHING_NEEDS]),
        origin_share=np.array(
            [_f(values, f"inflow.origin_share.{o}") for o in ("ex_vop", "ex_collective", "ex_lde", "new")]
        ),
        initial_stock=_initial_stock(values, durations),
        exit_involuntary=_f(values, "exits.involuntary_rate"),
        exit_other=_f(values, "exits.other_rate"),
        exit_doorstroom=_f(values, "exits.doorstroom_rate"),
        exit_rate_factor=_f(values, "exits.rate_factor"),
        exit_early_factor=_f(values, "exits.early_factor"),
        exit_early_quarters=int(values["exits.early_quarters"]),
        coaching_exit_factor=np.array([_f(values, f"exits.coaching_factor.{c}") for c in COACHING_NEEDS]),
        fallback_window_quarters=int(values["fallback.window_quarters"]),
        fallback_takeup=_f(values, "fallback.takeup"),
        fallback_on_top=values["fallback.mode"] == "on_top",
        contingent_start_fte=_f(values, "collectief.contingent_fte"),
        filled_start_fte=_f(values, "collectief.filled_fte_start"),
        queue_start=_f(values, "collectief.queue_start"),
        extra_places_per_year=_f(values, "collectief.extra_places_per_year"),
        cost_per_place_year=_f(values, "collectief.cost_per_place"),
        fte_per_person=_f(values, "collectief.fte_per_person"),
        collective_exit_rate=_f(values, "collectief.exit_rate"),
        max_fill_rate=_f(values, "collectief.max_fill_rate"),
        new_advices_per_quarter=_f(values, "collectief.new_advices_per_quarter"),
        queue_dropout_rate=_f(values, "collectief.queue_dropout_rate"),
        indexation_pivot=values["indexation.mode"] == "pivot",
        inflation=_f(values, "indexation.inflation"),
        begeleiding_indexed=bool(values["indexation.begeleidingspremie_indexed"]),
        loonpremie_closed=values["financing.loonpremie_mode"] == "closed",
        loonpremie_envelope=_f(values, "financing.loonpremie_envelope"),
        begeleiding_closed=values["financing.begeleidingspremie_mode"] == "closed",
        begeleiding_envelope=_f(values, "financing.begeleidingspremie_envelope"),
        coach_cost_per_fte_year=_f(values, "coaching.coach_cost_per_fte_year"),
        coaching_norm=np.array([0.0] + [_f(values, f"coaching.norm.{c}") for c in COACHING_NEEDS[1:]]),
    )


def build_distributions(
    scenario: Scenario, parameters: ParameterSet | None = None
) -> dict[str, Distribution]:
    """The distributions of the uncertain assumptions, centred on the scenario's values.

    A scenario's own distribution replaces the one in the parameter file; a changed central value moves the
    file's distribution so that its mode is the new value.
    """
    parameters = parameters or load_parameters()
    values = scenario_values(scenario, parameters)
    result: dict[str, Distribution] = {}
    for name, field_name in UNCERTAIN_PARAMETERS.items():
        if name in scenario.distributions:
            result[field_name] = scenario.distributions[name]
            continue
        uncertainty = parameters[name].uncertainty
        if uncertainty is None:
            continue
        base = Distribution(uncertainty.distribution, uncertainty.low, uncertainty.mode, uncertainty.high)
        moved = base.centred_on(float(values[name]))
        control = parameters[name].control
        low = max(moved.low, control.minimum) if control and control.minimum is not None else moved.low
        high = min(moved.high, control.maximum) if control and control.maximum is not None else moved.high
        result[field_name] = Distribution(moved.kind, low, min(max(moved.mode, low), high), high)
    return result


MAX_SCENARIO_BYTES: Final = 200_000


def parse_scenario_text(text: str, file_format: str, parameters: ParameterSet | None = None) -> Scenario:
    """Read a scenario from YAML or JSON text (a file or an upload), at a bounded cost (data/bounded_load.py)."""
    loaders = {"json": bounded_load.load_json, "yaml": bounded_load.load_yaml}
    if file_format not in loaders:
        raise ScenarioError(
            "file", f"format {excerpt(file_format)} is unknown; use YAML (.yaml, .yml) or JSON (.json)"
        )
    try:
        document = loaders[file_format](text, MAX_SCENARIO_BYTES)
    except bounded_load.BoundedLoadError as error:
        raise ScenarioError("file", str(error)) from None
    return parse_scenario(document, parameters)


def load_scenario_file(path: Path, parameters: ParameterSet | None = None) -> Scenario:
    """Read and validate a scenario file; every problem is a ScenarioError that names the file or the field."""
    suffix = path.suffix.lower()
    formats = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
    if suffix not in formats:
        raise ScenarioError("file", f"{excerpt(path.name)}: use a .yaml, .yml or .json file")
    try:
        if path.stat().st_size > MAX_SCENARIO_BYTES:
            raise ScenarioError(
                "file", f"{excerpt(path.name)} is larger than the limit of {MAX_SCENARIO_BYTES // 1000} kB"
            )
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ScenarioError("file", f"{path} does not exist") from None
    except IsADirectoryError:
        raise ScenarioError("file", f"{path} is a folder, not a file") from None
    except PermissionError:
        raise ScenarioError("file", f"{path} cannot be read (no permission)") from None
    except UnicodeDecodeError:
        raise ScenarioError("file", f"{path.name} is not a text file in UTF-8") from None
    except OSError as error:
        raise ScenarioError("file", f"{path} cannot be read ({error.strerror})") from None
    return parse_scenario_text(text, formats[suffix], parameters)


def baseline_yaml(parameters: ParameterSet | None = None, language: str = "nl") -> str:
    """The complete baseline scenario as YAML, every parameter with its label, unit and status as a comment."""
    parameters = parameters or load_parameters()
    values = baseline_values(parameters)
    lines = [
        "# Basisscenario: het decreet van 14 januari 2022 en de aannames van het portaal.",
        "# Pas aan wat je wilt veranderen; wat gelijk blijft aan de basis, mag je weglaten.",
        f"name: {json.dumps(Scenario.name, ensure_ascii=False)}",
        f"horizon_years: {DEFAULT_HORIZON_YEARS}",
        "draws: 0",
        f"seed: {DEFAULT_SEED}",
        "parameters:",
    ]
    for name, parameter in scenario_parameters(parameters).items():
        value = values[name]
        text = json.dumps(value) if not isinstance(value, str) else value
        lines.append(
            f"  {name}: {text}  # {parameter.label(language)} [{parameter.unit}], {parameter.status}"
        )
    return "\n".join(lines) + "\n"
