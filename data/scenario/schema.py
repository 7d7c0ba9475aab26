"""Scenarios: what differs from the baseline, validated; the model inputs are built in ``data.scenario.inputs``.

A scenario file (YAML or JSON) states only what differs from the baseline::

    name: Terugvalpositie van 5 jaar
    horizon_years: 12
    draws: 1000
    seed: 20220114
    parameters:
      fallback.window_quarters: 20                  # a plain value
      loonpremie.package.five_year_raised.band_1:   # a value from a date (the OpenFisca rule)
        2028-01-01: 0.60

When does a change hold? A value from a date holds from the first quarter that starts on or after it. A plain
value of a *policy* parameter (the law, the financing, the fallback rules, the contingent's growth: ``policy: true``
in its metadata) holds from the projection start, 1 January 2026: a reform of today. A plain value of an
*assumption* holds for the whole run, from 1 July 2023: an assumption describes the world, which was so before the
projection too (the Monte Carlo draws do the same).

An optional ``rules`` list applies named rules that derive parameter values from the others (``coaching_cost``:
the variable begeleidingspremie equal to the cost of the coaching each need implies), so that a preset file computes
the same amounts through ``imw project`` as in the simulator. An optional ``computed_with`` records what a saved
scenario was last computed on: information for the reader, never part of the scenario, its canonical form or its
cache key.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, cast

from typing_extensions import TypeIs

from data.bounded_load import excerpt, key_excerpt
from data.parameter_store import Parameter, ParameterSet, ParameterValue, load_parameters
from data.scenario.document import (
    DEFAULT_HORIZON_YEARS as DEFAULT_HORIZON_YEARS,
)
from data.scenario.document import DEFAULT_NAME, DocumentProblem, read_document
from data.scenario.document import DEFAULT_SEED as DEFAULT_SEED
from data.scenario.document import MAX_HORIZON_YEARS as MAX_HORIZON_YEARS
from data.scenario.document import SCENARIO_KEYS as SCENARIO_KEYS
from simulation.inputs import IMW_START
from simulation.uncertainty import DISTRIBUTIONS, Distribution

#: The run starts when IMW started; the projection reports from the start of 2026.
RUN_START: Final = IMW_START
PROJECTION_START: Final = dt.date(2026, 1, 1)
#: The latest date a dated value may carry: the end of the longest horizon.
LAST_DATE: Final = dt.date(PROJECTION_START.year + MAX_HORIZON_YEARS, 1, 1)
#: What ``computed_with`` may record, and how long each entry may be.
COMPUTED_WITH_KEYS: Final = ("model_version", "parameters_version")
MAX_VERSION_LENGTH: Final = 40
#: Parameters that must add up to 1, by group.
SHARE_GROUPS: Final = ("inflow.package_mix", "inflow.coaching_share")
MAX_SCENARIO_BYTES: Final = 200_000

#: A scenario's value of a parameter: a plain value, or values from dates (in date order).
DatedValues = tuple[tuple[dt.date, ParameterValue], ...]
Override = ParameterValue | DatedValues


@dataclass(frozen=True)
class Problem:
    """What is wrong with a field, as data: the field, a code and the values a message needs. The data layer
    checks once and returns these; the CLI shows the English `message`, the pages word the code in their
    language (components/simulator/controls.py).

    Codes: ``fixed``, ``not_allowed``, ``not_a_number``, ``not_finite``, ``out_of_range``, ``not_whole`` (one
    value against its parameter's metadata), ``shares`` (the shares of a group do not add up to 1).
    """

    field: str
    code: str
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    message: str = ""


class ScenarioError(ValueError):
    """A scenario that cannot run. ``field`` names what is wrong; the message says what is allowed; ``problem``
    is the structured problem, when the check has one."""

    def __init__(self, field_name: str, message: str, problem: Problem | None = None) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message
        self.problem = problem

    @classmethod
    def of(cls, problem: Problem) -> ScenarioError:
        return cls(problem.field, problem.message, problem)


@dataclass(frozen=True)
class Scenario:
    """A validated scenario: settings and the parameters that differ from the baseline."""

    name: str = DEFAULT_NAME
    description: str = ""
    name_en: str = ""
    description_en: str = ""
    horizon_years: int = DEFAULT_HORIZON_YEARS
    draws: int = 0
    seed: int = DEFAULT_SEED
    parameters: dict[str, Override] = field(default_factory=dict)
    distributions: dict[str, Distribution] = field(default_factory=dict)
    computed_with: dict[str, str] | None = None
    rules: tuple[str, ...] = ()

    def canonical(self) -> dict[str, Any]:
        """A stable, minimal mapping: the same scenario always gives the same text (URL, cache key)."""
        result: dict[str, Any] = {"horizon_years": self.horizon_years, "draws": self.draws, "seed": self.seed}
        if self.parameters:
            result["parameters"] = {
                name: override_document(value) for name, value in sorted(self.parameters.items())
            }
        if self.distributions:
            result["distributions"] = {
                name: {"distribution": d.kind, "low": d.low, "mode": d.mode, "high": d.high}
                for name, d in sorted(self.distributions.items())
            }
        return result

    def canonical_json(self) -> str:
        return json.dumps(self.canonical(), sort_keys=True, separators=(",", ":"))

    def document(
        self, computed_with: Mapping[str, str] | None = None, *, described: bool = True, named: bool = True
    ) -> dict[str, Any]:
        """The scenario written out: the one mapping every format serialises (the YAML and JSON files, the link,
        the page's store), and `parse_scenario` reads back. Its name (`named`: also when it is the default
        name), its description (`described`), the canonical settings, and the versions it was computed with
        (`computed_with` replaces the scenario's own record; an empty mapping leaves it out).

        >>> Scenario(name="Test", description="Een test", draws=10).document(described=False)
        {'name': 'Test', 'horizon_years': 12, 'draws': 10, 'seed': 20220114}
        """
        document: dict[str, Any] = {}
        if named or self.name != Scenario.name:
            document["name"] = self.name
        if described:
            for key in ("description", "name_en", "description_en"):
                if getattr(self, key):
                    document[key] = getattr(self, key)
        document.update(self.canonical())
        recorded = self.computed_with if computed_with is None else computed_with
        if recorded:
            document["computed_with"] = dict(recorded)
        return document


def override_document(value: Override) -> Any:
    """A plain value as it is; dated values as a mapping of ISO dates to values."""
    if isinstance(value, tuple):
        return {start.isoformat(): item for start, item in value}
    return value


def is_dated(value: Override) -> TypeIs[DatedValues]:
    return isinstance(value, tuple)


def scenario_parameters(parameters: ParameterSet | None = None) -> dict[str, Parameter]:
    """The parameters a scenario may change (those with a control), by name."""
    parameters = parameters or load_parameters()
    return {name: p for name, p in parameters.items() if p.control is not None}


def uncertain_parameters(parameters: ParameterSet | None = None) -> dict[str, Parameter]:
    """The parameters that carry a distribution, by name (their metadata names the model field)."""
    parameters = parameters or load_parameters()
    return {name: p for name, p in parameters.items() if p.uncertainty is not None}


def holds_from(parameter: Parameter) -> dt.date:
    """When a plain scenario value of `parameter` starts to hold (see the module docstring)."""
    return PROJECTION_START if parameter.policy else RUN_START


def baseline_values(
    parameters: ParameterSet | None = None, on: dt.date = PROJECTION_START
) -> dict[str, ParameterValue]:
    """Every parameter's value in force on `on` (the projection start), as the parameter files give it."""
    return (parameters or load_parameters()).values_at(on)


def _allowed_text(parameter: Parameter) -> str:
    control = parameter.control
    assert control is not None
    if control.allowed is not None:
        return "one of " + ", ".join(json.dumps(choice) for choice in control.allowed)
    return f"a number from {control.minimum:g} to {control.maximum:g}"


def value_problem(parameter: Parameter, value: object, baseline: ParameterValue) -> Problem | None:
    """What is wrong with one value of a parameter against its metadata (its control: the choices, or the range
    and whether it is whole), or None. The one check behind scenario files, links, the CLI and the page.

    >>> from data.parameter_store import load_parameters
    >>> band = load_parameters()["loonpremie.package.five_year_standard.band_1"]
    >>> value_problem(band, 1.5, 0.4).code, value_problem(band, 0.5, 0.4) is None
    ('out_of_range', True)
    """
    control = parameter.control
    name = parameter.name
    if control is None:
        return Problem(name, "fixed", message="is fixed in this model and cannot be changed in a scenario")
    if control.allowed is not None:
        if isinstance(value, bool) != isinstance(control.allowed[0], bool) or value not in control.allowed:
            allowed = {"choices": control.allowed}
            text = f"{excerpt(value)} is not allowed; use {_allowed_text(parameter)}"
            return Problem(name, "not_allowed", allowed, text)
        return None
    low = control.minimum if control.minimum is not None else -math.inf
    high = control.maximum if control.maximum is not None else math.inf
    limits = {"minimum": low, "maximum": high, "step": control.step}
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Problem(
            name, "not_a_number", limits, f"{excerpt(value)} is not a number; use {_allowed_text(parameter)}"
        )
    if not math.isfinite(value):
        text = f"{excerpt(value)} is not a finite number; use {_allowed_text(parameter)}"
        return Problem(name, "not_finite", limits, text)
    if not low <= value <= high:
        return Problem(
            name, "out_of_range", limits, f"{excerpt(value)} is out of range; use {_allowed_text(parameter)}"
        )
    if isinstance(baseline, int) and not isinstance(baseline, bool) and float(value) != int(value):
        text = f"{excerpt(value)} is not a whole number; use a whole number from {low} to {high}"
        return Problem(name, "not_whole", limits, text)
    return None


def check_parameter_value(parameter: Parameter, value: object, baseline: ParameterValue) -> ParameterValue:
    """Validate one value against the parameter's control (`value_problem`); return it in the parameter's own
    type, or raise the problem as a ScenarioError."""
    problem = value_problem(parameter, value, baseline)
    if problem is not None:
        raise ScenarioError.of(problem)
    if parameter.control is not None and parameter.control.allowed is not None:
        return cast(ParameterValue, value)  # one of the parameter's own choices
    number = cast(float, value)  # a finite number in range, checked above
    return int(number) if isinstance(baseline, int) and not isinstance(baseline, bool) else float(number)


def _date(name: str, raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, str):
        with contextlib.suppress(ValueError):
            raw = dt.date.fromisoformat(raw)
    if not isinstance(raw, dt.date):
        raise ScenarioError(name, f"{excerpt(raw)} is not a date; write dates as YYYY-MM-DD, e.g. 2028-01-01")
    if not RUN_START <= raw <= LAST_DATE:
        raise ScenarioError(
            name,
            f"{raw.isoformat()} is outside the run; use a date from {RUN_START.isoformat()} to {LAST_DATE.isoformat()}",
        )
    return raw


def check_override(parameter: Parameter, raw: object, baseline: ParameterValue) -> Override:
    """A plain value, or a mapping of dates to values (each checked); dated values only where the parameter can
    change from a date."""
    if not isinstance(raw, Mapping):
        return check_parameter_value(parameter, raw, baseline)
    name = parameter.name
    if not parameter.dated:
        raise ScenarioError(name, "cannot change from a date; give one value for the whole run")
    if not raw:
        raise ScenarioError(name, "gives no date; map a date (YYYY-MM-DD) to a value, or give a plain value")
    if len(raw) > 40:
        raise ScenarioError(
            name, "gives more than 40 dates; a scenario changes a parameter a few times at most"
        )
    entries = sorted(
        (_date(name, key), check_parameter_value(parameter, value, baseline)) for key, value in raw.items()
    )
    if len({start for start, _ in entries}) != len(entries):
        raise ScenarioError(name, "gives the same date twice")
    return tuple(entries)


def _distribution(name: str, raw: object, parameters: ParameterSet) -> Distribution:
    uncertain = uncertain_parameters(parameters)
    if name not in uncertain or parameters[name].control is None:
        allowed = [n for n in uncertain if parameters[n].control is not None]
        raise ScenarioError(
            f"distributions.{key_excerpt(name)}",
            f"cannot carry a distribution; use one of {', '.join(allowed)}",
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
    uncertainty = parameters[name].uncertainty
    follows = uncertainty.follows if uncertainty else ()
    return Distribution(str(kind), numbers["low"], numbers["mode"], numbers["high"], follows)


#: Named rules a scenario may apply: each derives parameter values from the scenario's other values.
Rule = Callable[[Mapping[str, ParameterValue], ParameterSet], dict[str, ParameterValue]]


def _rules() -> dict[str, Rule]:
    from data.coverage import variable_parts_covering_cost  # the rule lives with the coverage check

    return {"coaching_cost": variable_parts_covering_cost}


def parse_scenario(raw: object, parameters: ParameterSet | None = None) -> Scenario:
    """Validate a scenario mapping (as read from YAML or JSON); raise ScenarioError naming the field."""
    parameters = parameters or load_parameters()
    try:
        document = read_document(raw)
    except DocumentProblem as problem:
        raise ScenarioError(problem.field, problem.message) from None
    baseline = baseline_values(parameters)
    overrides_raw = document.parameters
    overrides: dict[str, Override] = {}
    for name, value in overrides_raw.items():
        if not isinstance(name, str) or name not in parameters:
            raise ScenarioError(
                f"parameters.{key_excerpt(name)}",
                "is not a known parameter; `imw scenario --baseline` lists them all",
            )
        checked = check_override(parameters[name], value, baseline[name])
        if is_dated(checked) or checked != baseline[name] or type(checked) is not type(baseline[name]):
            overrides[name] = checked
    rules_raw = document.rules
    known_rules = _rules()
    if not all(isinstance(r, str) and r in known_rules for r in rules_raw):
        raise ScenarioError("rules", f"must be a list of rule names; use {', '.join(known_rules)}")
    for rule in rules_raw:
        values = {**baseline, **{n: v for n, v in overrides.items() if not is_dated(v)}}
        for name, value in known_rules[rule](values, parameters).items():
            if name in overrides_raw:
                raise ScenarioError(
                    f"parameters.{name}", f"is set by the rule {rule}; leave it out of the file"
                )
            if value != baseline[name]:
                overrides[name] = value
    distributions_raw = document.distributions
    distributions = {
        key_excerpt(n): _distribution(key_excerpt(n), d, parameters) for n, d in distributions_raw.items()
    }
    scenario = Scenario(
        name=document.name,
        description=document.description,
        name_en=document.name_en,
        description_en=document.description_en,
        horizon_years=document.horizon_years,
        draws=document.draws,
        seed=document.seed,
        parameters=overrides,
        distributions=distributions,
        computed_with=_computed_with(document.computed_with),
        rules=tuple(rules_raw),
    )
    check_consistency(scenario, parameters)
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
                f"computed_with.{key_excerpt(key)}", f"is not known; use {' and '.join(COMPUTED_WITH_KEYS)}"
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


def value_on(parameter: Parameter, override: Override | None, on: dt.date) -> ParameterValue:
    """The value of `parameter` in force on `on` under a scenario's override (or none); LookupError when no value
    is in force then (the message names the parameter and the date)."""
    if override is not None:
        if is_dated(override):
            in_force = [value for start, value in override if start <= on]
            if in_force:
                return in_force[-1]
        elif on >= holds_from(parameter):
            return override
    return parameter.at(on)


def scenario_values(
    scenario: Scenario, parameters: ParameterSet | None = None, on: dt.date = PROJECTION_START
) -> dict[str, ParameterValue]:
    """Every parameter's value in the scenario on `on` (the projection start): the baseline with its changes."""
    parameters = parameters or load_parameters()
    values = baseline_values(parameters, on)
    for name, override in scenario.parameters.items():
        values[name] = value_on(parameters[name], override, on)
    return values


def change_dates(scenario: Scenario) -> list[dt.date]:
    """The dates the scenario's dated values start on, in order (where checks across parameters must be made)."""
    dates = {start for value in scenario.parameters.values() if is_dated(value) for start, _ in value}
    return sorted(dates)


def check_consistency(scenario: Scenario, parameters: ParameterSet | None = None) -> None:
    """Rules that tie several parameters together, checked on every date a change starts on."""
    parameters = parameters or load_parameters()
    for on in [RUN_START, PROJECTION_START, *change_dates(scenario)]:
        check_values(scenario_values(scenario, parameters, on), on)


def share_problems(values: Mapping[str, ParameterValue], on: dt.date | None = None) -> list[Problem]:
    """The rules on one set of values: the shares of each group add up to 1 (``shares``: the group is the field,
    its members and their total are the values)."""
    when = f" from {on.isoformat()}" if on is not None and on not in (RUN_START, PROJECTION_START) else ""
    problems = []
    for group in SHARE_GROUPS:
        members = {name: float(v) for name, v in values.items() if name.startswith(group + ".")}
        total = sum(members.values())
        if abs(total - 1.0) > 1e-6:
            listed = ", ".join(f"{name.rsplit('.', 1)[1]} {v:g}" for name, v in members.items())
            text = f"the shares must add up to 1{when}, now {total:.4g} ({listed})"
            problems.append(Problem(group, "shares", {"members": tuple(members), "total": total}, text))
    return problems


def check_values(values: Mapping[str, ParameterValue], on: dt.date | None = None) -> None:
    """The rules on one set of values (`share_problems`); the first one is raised as a ScenarioError."""
    for problem in share_problems(values, on):
        raise ScenarioError.of(problem)


def build_distributions(
    scenario: Scenario, parameters: ParameterSet | None = None
) -> dict[str, Distribution]:
    """The distributions of the uncertain assumptions by model field, centred on the scenario's values.

    A scenario's own distribution replaces the one in the parameter file; a changed central value moves the
    file's distribution so that its mode is the new value (kept inside the control's range, if any).
    """
    parameters = parameters or load_parameters()
    values = scenario_values(scenario, parameters)
    field_of = {name: p.input for name, p in uncertain_parameters(parameters).items()}
    result: dict[str, Distribution] = {}
    for name, parameter in uncertain_parameters(parameters).items():
        uncertainty = parameter.uncertainty
        assert uncertainty is not None
        follows = tuple((field_of[other], slope) for other, slope in uncertainty.follows if other in field_of)
        if name in scenario.distributions:
            own = scenario.distributions[name]
            result[parameter.input] = Distribution(own.kind, own.low, own.mode, own.high, follows)
            continue
        base = Distribution(
            uncertainty.distribution, uncertainty.low, uncertainty.mode, uncertainty.high, follows
        )
        moved = base.centred_on(float(values[name]))
        control = parameter.control
        low = max(moved.low, control.minimum) if control and control.minimum is not None else moved.low
        high = min(moved.high, control.maximum) if control and control.maximum is not None else moved.high
        result[parameter.input] = Distribution(
            moved.kind, low, min(max(moved.mode, low), high), high, follows
        )
    return result
