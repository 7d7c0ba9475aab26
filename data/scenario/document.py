"""The shape of a scenario file (and of the document a link carries), as a pydantic model: which keys there are,
their types, lengths and ranges, with a structured error for the first key that is wrong. What each parameter may
hold comes from its metadata (data/parameters/*.yaml), checked by `schema.value_problem`; `json_schema()` writes
both down for people who edit scenario files (`imw scenario --schema`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Final

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from data.bounded_load import excerpt, key_excerpt
from simulation.uncertainty import DISTRIBUTIONS, MAX_DRAWS

MAX_HORIZON_YEARS: Final = 20
DEFAULT_HORIZON_YEARS: Final = 12
DEFAULT_SEED: Final = 20220114
DEFAULT_NAME: Final = "Basisscenario decreet 2022"
MAX_SEED: Final = 2**32 - 1
MAX_NAME: Final = 200
MAX_DESCRIPTION: Final = 2000


def _whole(value: object) -> object:
    """A whole number as YAML or JSON may write it (12 or 12.0); a truth value or a fraction is none."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a whole number")
    if isinstance(value, float) and not value.is_integer():
        raise ValueError("not a whole number")
    return int(value)


def _mapping_or_empty(value: object) -> object:
    """An empty entry (``parameters:`` with nothing under it) is no entry."""
    return value if value else {}


def _list_or_empty(value: object) -> object:
    return value if value else []


class ScenarioDocument(BaseModel):
    """The keys of a scenario file. `parameters` and `distributions` are checked per parameter afterwards."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: Annotated[str, Field(max_length=MAX_NAME)] = DEFAULT_NAME
    description: Annotated[str, Field(max_length=MAX_DESCRIPTION)] = ""
    #: The name and description in English, for the English pages (a preset has them; any file may).
    name_en: Annotated[str, Field(max_length=MAX_NAME)] = ""
    description_en: Annotated[str, Field(max_length=MAX_DESCRIPTION)] = ""
    horizon_years: Annotated[int, Field(ge=1, le=MAX_HORIZON_YEARS), BeforeValidator(_whole)] = (
        DEFAULT_HORIZON_YEARS
    )
    draws: Annotated[int, Field(ge=0, le=MAX_DRAWS), BeforeValidator(_whole)] = 0
    seed: Annotated[int, Field(ge=0, le=MAX_SEED), BeforeValidator(_whole)] = DEFAULT_SEED
    parameters: Annotated[dict[Any, Any], BeforeValidator(_mapping_or_empty)] = Field(default_factory=dict)
    distributions: Annotated[dict[Any, Any], BeforeValidator(_mapping_or_empty)] = Field(default_factory=dict)
    rules: Annotated[list[Any], BeforeValidator(_list_or_empty)] = Field(default_factory=list)
    computed_with: Any = None  # checked with its own messages (schema._computed_with)


SCENARIO_KEYS: Final = tuple(ScenarioDocument.model_fields)

#: What each key must be, said once for every kind of wrong value.
_KEY_MESSAGES: Final = {
    "name": f"must be a text of at most {MAX_NAME} characters",
    "description": f"must be a text of at most {MAX_DESCRIPTION} characters",
    "name_en": f"must be a text of at most {MAX_NAME} characters",
    "description_en": f"must be a text of at most {MAX_DESCRIPTION} characters",
    "parameters": "must map parameter names to values",
    "distributions": "must map parameter names to distributions",
}
_RANGES: Final = {"horizon_years": (1, MAX_HORIZON_YEARS), "draws": (0, MAX_DRAWS), "seed": (0, MAX_SEED)}


class DocumentProblem(ValueError):
    """The first wrong key of a document: `field` names it, `code` says what is wrong, `message` in English."""

    def __init__(self, field: str, code: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.code = code
        self.message = message


def _problem(error: Any, raw: dict[Any, Any]) -> DocumentProblem:
    key = error["loc"][0] if error["loc"] else "scenario"
    kind = error["type"]
    if kind in ("extra_forbidden", "invalid_key"):
        return DocumentProblem(
            key_excerpt(key), "unknown_key", f"is not a scenario key; use {', '.join(SCENARIO_KEYS)}"
        )
    if key in _RANGES:
        low, high = _RANGES[key]
        value = raw.get(key)
        if kind in ("greater_than_equal", "less_than_equal"):
            return DocumentProblem(
                key,
                "out_of_range",
                f"{excerpt(value)} is out of range; use a whole number from {low} to {high}",
            )
        return DocumentProblem(
            key,
            "not_whole",
            f"{excerpt(value)} is not a whole number; use a whole number from {low} to {high}",
        )
    if key in _KEY_MESSAGES:
        return DocumentProblem(key, "wrong_type", _KEY_MESSAGES[key])
    if key == "rules":
        return DocumentProblem(key, "wrong_type", "must be a list of rule names")
    return DocumentProblem(str(key), "wrong_type", "has the wrong kind of value")


def read_document(raw: object) -> ScenarioDocument:
    """The document's keys, typed; DocumentProblem for the first that is wrong (an unknown key first)."""
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise DocumentProblem(
            "scenario", "not_a_mapping", "must be a mapping of keys to values (YAML or JSON object)"
        )
    raw = dict(raw)
    try:
        return ScenarioDocument.model_validate(raw)
    except ValidationError as error:
        errors = sorted(error.errors(), key=lambda e: e["type"] not in ("extra_forbidden", "invalid_key"))
        raise _problem(errors[0], raw) from None


def json_schema(parameters: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a scenario file: the document's keys (from the model) and, under `parameters` and
    `distributions`, every parameter a scenario may change with what its metadata allows (`parameters` maps
    names to `data.parameter_store.Parameter`)."""
    schema = ScenarioDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Scenario of the individueel maatwerk portal"
    properties: dict[str, Any] = {}
    uncertain: dict[str, Any] = {}
    for name, parameter in sorted(parameters.items()):
        control = parameter.control
        if control is None:
            continue
        if control.allowed is not None:
            value: dict[str, Any] = {"enum": list(control.allowed)}
        else:
            value = {"type": "number", "minimum": control.minimum, "maximum": control.maximum}
        dated = {"type": "object", "propertyNames": {"format": "date"}, "additionalProperties": value}
        label = parameter.label("en") if callable(getattr(parameter, "label", None)) else name
        properties[name] = {"description": f"{label} ({parameter.unit})", "anyOf": [value, dated]}
        if parameter.uncertainty is not None:
            uncertain[name] = {
                "type": "object",
                "properties": {
                    "distribution": {"enum": list(DISTRIBUTIONS)},
                    "low": {"type": "number"},
                    "mode": {"type": "number"},
                    "high": {"type": "number"},
                },
                "required": ["low", "high"],
                "additionalProperties": False,
            }
    schema["properties"]["parameters"] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    schema["properties"]["distributions"] = {
        "type": "object",
        "properties": uncertain,
        "additionalProperties": False,
    }
    return schema
