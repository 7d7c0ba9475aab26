"""Dated legal parameters and assumptions, read from the YAML tree in data/parameters/.

Each leaf of the tree is one parameter: ``description``, ``metadata`` (label in nl and en, unit, reference with
title and href, status, optional control and uncertainty) and ``values`` keyed by the date from which each value
applies. A value may carry its own status (``{value: 1.0, status: secondary}``). Metadata is inherited from the
enclosing nodes, so that a file states its common source once. The dotted name follows the folder tree:
``loonpremie/package.yaml`` key ``five_year_standard.band_1`` is ``loonpremie.package.five_year_standard.band_1``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml

PARAMETER_ROOT = Path(__file__).resolve().parent / "parameters"

Status = Literal["verified", "secondary", "assumption"]
STATUSES: tuple[Status, ...] = ("verified", "secondary", "assumption")
ParameterValue = float | int | bool | str
_RESERVED = {"description", "metadata", "values"}


class ParameterFileError(ValueError):
    """A parameter file cannot be read; the message names the file and the parameter."""


@dataclass(frozen=True)
class Reference:
    """The legal or documentary source of a parameter: its title (in Dutch, as the source names itself), the
    title in English, and its address."""

    title: str
    href: str
    title_en: str = ""


@dataclass(frozen=True)
class Control:
    """What a user may set: a numeric range with a step, or a list of allowed choices."""

    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    allowed: tuple[ParameterValue, ...] | None = None


@dataclass(frozen=True)
class Uncertainty:
    """A distribution for an assumption that is not law: triangular(low, mode, high) or uniform(low, high).

    ``follows`` maps other parameters to slopes: a draw of this one moves by slope x (their draw - their mode), as
    when a calibration fixes only a combination of parameters (the ridge of its fit).
    """

    distribution: str
    low: float
    mode: float
    high: float
    follows: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class DatedValue:
    """A value and the date from which it applies."""

    start: dt.date
    value: ParameterValue
    status: Status


@dataclass(frozen=True)
class Parameter:
    """One parameter with its metadata and its dated values (in the order of the file)."""

    name: str
    description: str
    label_nl: str
    label_en: str
    unit: str
    reference: Reference | None
    status: Status | None
    values: tuple[DatedValue, ...]
    control: Control | None
    uncertainty: Uncertainty | None
    source_file: str
    group: str = ""
    effect: str = ""
    policy: bool = False
    input: str = ""
    input_true: str = ""
    dated: bool = True
    affects: str = ""
    affects_reason: str = ""

    def label(self, language: str = "nl") -> str:
        """The label in `language` (nl or en)."""
        return self.label_en if language == "en" else self.label_nl

    def entry_at(self, on: dt.date) -> DatedValue:
        """The dated value in force on `on`; raises LookupError before the first date."""
        in_force = [entry for entry in self.values if entry.start <= on]
        if not in_force:
            first = min(entry.start for entry in self.values)
            raise LookupError(f"parameter {self.name} has no value before {first.isoformat()} (asked: {on})")
        return max(in_force, key=lambda entry: entry.start)

    def at(self, on: dt.date) -> ParameterValue:
        """The value in force on `on`."""
        return self.entry_at(on).value


class ParameterSet(Mapping[str, Parameter]):
    """All parameters by dotted name."""

    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        self._parameters = dict(parameters)
        self._series: dict[tuple[str, tuple[dt.date, ...]], tuple[ParameterValue, ...]] = {}

    def __getitem__(self, name: str) -> Parameter:
        return self._parameters[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parameters)

    def __len__(self) -> int:
        return len(self._parameters)

    def series(self, name: str, dates: tuple[dt.date, ...]) -> tuple[ParameterValue, ...]:
        """The values of `name` in force on each date (remembered: the files do not change while a process runs);
        LookupError for a date before the first value."""
        key = (name, dates)
        cached = self._series.get(key)
        if cached is None:
            parameter = self._parameters[name]
            cached = tuple(parameter.at(on) for on in dates)
            self._series[key] = cached
        return cached

    def values_at(self, on: dt.date) -> dict[str, ParameterValue]:
        """Every parameter that has a value on `on`, by name."""
        result: dict[str, ParameterValue] = {}
        for name, parameter in self._parameters.items():
            try:
                result[name] = parameter.at(on)
            except LookupError:
                continue
        return result


def _merge_metadata(parent: Mapping[str, Any], own: Mapping[str, Any] | None) -> dict[str, Any]:
    merged = dict(parent)
    # A label and a distribution belong to one parameter; they are never inherited.
    merged.pop("label", None)
    merged.pop("uncertainty", None)
    merged.update(own or {})
    return merged


def _parse_date(raw: object, where: str) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, str):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise ParameterFileError(f"{where}: {raw!r} is not a date; write dates as YYYY-MM-DD.")


def _parse_status(raw: object, where: str) -> Status | None:
    if raw is None:
        return None
    if raw not in STATUSES:
        raise ParameterFileError(f"{where}: status {raw!r} is not one of {', '.join(STATUSES)}.")
    return raw


def _parse_value(raw: object, where: str) -> ParameterValue:
    if isinstance(raw, bool | int | float | str):
        return raw
    raise ParameterFileError(f"{where}: value {raw!r} must be a number, a yes/no or a word.")


def _parse_leaf(name: str, node: Mapping[str, Any], metadata: Mapping[str, Any], where: str) -> Parameter:
    label = metadata.get("label") or {}
    reference = metadata.get("reference")
    status = _parse_status(metadata.get("status"), where)
    raw_values = node["values"]
    if not isinstance(raw_values, Mapping) or not raw_values:
        raise ParameterFileError(f"{where}: 'values' must map dates to values.")
    values: list[DatedValue] = []
    for raw_date, raw_entry in raw_values.items():
        start = _parse_date(raw_date, where)
        entry_status = status
        raw_value = raw_entry
        if isinstance(raw_entry, Mapping):
            raw_value = raw_entry.get("value")
            entry_status = _parse_status(raw_entry.get("status"), where) or status
        values.append(
            DatedValue(
                start=start,
                value=_parse_value(raw_value, where),
                status=entry_status or "assumption",
            )
        )
    control_raw = metadata.get("control")
    control = None
    if isinstance(control_raw, Mapping):
        allowed = control_raw.get("allowed")
        control = Control(
            minimum=control_raw.get("min"),
            maximum=control_raw.get("max"),
            step=control_raw.get("step"),
            allowed=tuple(allowed) if allowed is not None else None,
        )
    uncertainty_raw = metadata.get("uncertainty")
    uncertainty = None
    if isinstance(uncertainty_raw, Mapping):
        low = float(uncertainty_raw["low"])
        high = float(uncertainty_raw["high"])
        follows_raw = uncertainty_raw.get("follows") or {}
        if not isinstance(follows_raw, Mapping):
            raise ParameterFileError(f"{where}: uncertainty.follows must map parameter names to slopes.")
        uncertainty = Uncertainty(
            distribution=str(uncertainty_raw.get("distribution", "triangular")),
            low=low,
            mode=float(uncertainty_raw.get("mode", (low + high) / 2)),
            high=high,
            follows=tuple((str(name), float(slope)) for name, slope in follows_raw.items()),
        )
    return Parameter(
        name=name,
        description=str(node.get("description") or metadata.get("_description") or "").strip(),
        label_nl=str(label.get("nl", "")) if isinstance(label, Mapping) else "",
        label_en=str(label.get("en", "")) if isinstance(label, Mapping) else "",
        unit=str(metadata.get("unit") or ""),
        reference=(
            Reference(
                title=str(reference.get("title", "")),
                href=str(reference.get("href", "")),
                title_en=str(reference.get("title_en", "")),
            )
            if isinstance(reference, Mapping)
            else None
        ),
        status=status,
        values=tuple(values),
        control=control,
        uncertainty=uncertainty,
        source_file=where.split(":")[0],
        group=str(metadata.get("group") or ""),
        effect=str(metadata.get("effect") or ""),
        policy=bool(metadata.get("policy", False)),
        input=str(metadata.get("input") or ""),
        input_true=str(metadata.get("input_true") or ""),
        dated=bool(metadata.get("dated", True)),
        affects=str(metadata.get("affects") or ""),
        affects_reason=str(metadata.get("affects_reason") or ""),
    )


def _walk(
    node: Mapping[str, Any], prefix: str, metadata: Mapping[str, Any], where: str
) -> Iterator[Parameter]:
    own = _merge_metadata(metadata, node.get("metadata"))
    if node.get("description"):
        own["_description"] = str(node["description"])
    if "values" in node:
        yield _parse_leaf(prefix, node, own, f"{where}:{prefix}")
        return
    for key, child in node.items():
        if key in _RESERVED:
            continue
        if not isinstance(child, Mapping):
            raise ParameterFileError(
                f"{where}: {prefix}.{key} is neither a parameter nor a group of parameters."
            )
        yield from _walk(child, f"{prefix}.{key}", own, where)


def load_parameter_tree(root: Path) -> ParameterSet:
    """Read every YAML file below `root` into a ParameterSet; raises ParameterFileError on a bad file."""
    parameters: dict[str, Parameter] = {}
    for path in sorted(root.rglob("*.yaml")):
        relative = path.relative_to(root)
        prefix = ".".join(relative.with_suffix("").parts)
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as error:
            raise ParameterFileError(f"{relative}: cannot be read as YAML ({error}).") from error
        if not isinstance(document, Mapping):
            raise ParameterFileError(f"{relative}: the file must hold a mapping of parameters.")
        for parameter in _walk(document, prefix, {}, str(relative)):
            if parameter.name in parameters:
                raise ParameterFileError(f"{relative}: parameter {parameter.name} is defined twice.")
            parameters[parameter.name] = parameter
    return ParameterSet(parameters)


@lru_cache(maxsize=1)
def load_parameters() -> ParameterSet:
    """The portal's parameters (read once per process)."""
    return load_parameter_tree(PARAMETER_ROOT)


@lru_cache(maxsize=1)
def parameters_version() -> str:
    """A short digest of every parameter file: results record which parameters they were computed on."""
    digest = hashlib.sha256()
    for path in sorted(PARAMETER_ROOT.rglob("*.yaml")):
        digest.update(str(path.relative_to(PARAMETER_ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
