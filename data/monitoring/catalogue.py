"""The indicator catalogue (indicators.yaml): what each indicator measures, its breakdowns and its sources.

``load_catalogue()`` reads and checks the YAML once and returns a :class:`Catalogue` of typed, frozen records.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Final, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from data.monitoring.schema import THEMES, TOTAL, UNITS

CATALOGUE_PATH: Final = Path(__file__).resolve().parent / "indicators.yaml"
KINDS: Final = ("stock", "flow", "level")
CROSS_SEPARATOR: Final = ":"
LANGUAGES: Final = ("nl", "en")

Kind = Literal["stock", "flow", "level"]


class CatalogueError(ValueError):
    """indicators.yaml breaks one of its own rules; the message names the indicator and the field."""


@dataclass(frozen=True)
class Label:
    """A text in Dutch and in English."""

    nl: str
    en: str

    def in_language(self, language: str) -> str:
        """The text in `language` ("nl" or "en"); Dutch for any other language."""
        return self.en if language == "en" else self.nl


@dataclass(frozen=True)
class DimensionMeta:
    """A breakdown ("package", "province", ...) and its categories, in the order a page lists them."""

    id: str
    label: Label
    categories: tuple[str, ...]
    category_labels: Mapping[str, Label]
    # A cross-tabulation of two breakdowns: (row dimension, column dimension); its category codes are
    # "<row code>:<column code>" (CROSS_SEPARATOR), every pair of the two dimensions' categories.
    cross: tuple[str, str] | None = None
    # A regrouping of a cross-tabulation: (cross dimension, its column set apart, the category that holds it);
    # the other categories are the cross-table's rows without that column.
    apart: tuple[str, str, str] | None = None

    def split(self, code: str) -> tuple[str, str] | None:
        """The (row, column) codes of a category of a cross-tabulation; None for any other category."""
        if self.cross is None or CROSS_SEPARATOR not in code:
            return None
        row, column = code.split(CROSS_SEPARATOR, 1)
        return row, column

    def category_label(self, code: str, language: str) -> str:
        """The words for a category code; the code itself when it is unknown."""
        label = self.category_labels.get(code)
        return label.in_language(language) if label else code


@dataclass(frozen=True)
class IndicatorMeta:
    """One indicator of the catalogue: titles, texts, unit, breakdowns and sources.

    ``dimensions`` lists the breakdowns available, "total" first when the indicator has a total.
    ``importable`` is true for the indicators the department's own file provides (and replaces the illustrative
    rows of); false for the published series that stay as they are.
    ``suppress_like`` names a count indicator whose suppressed cells this indicator hides too.
    ``period_labels`` maps a period key ("2025" or "2025-K3") to words for it, where the plain period would
    mislead (a count in August, a half year).
    ``partial_periods`` maps a period key to words for a period that covers less than its plain span (2023 of a
    flow of IMW, which started on 1 July 2023): it is never compared with a full period.
    ``same_total_as`` names an indicator that counts the same persons (the same total): suppression treats the two
    totals as one cell.
    """

    id: str
    theme: str
    title: Label
    description: Label
    methodology: Label
    unit: str
    kind: Kind
    dimensions: tuple[str, ...]
    default_dimension: str
    sources: tuple[str, ...]
    importable: bool
    first_year: int
    suppress_like: str | None = None
    period_labels: Mapping[str, Label] | None = None
    partial_periods: Mapping[str, Label] | None = None
    same_total_as: str | None = None

    @property
    def has_total(self) -> bool:
        """True when the indicator has a total row (dimension "total")."""
        return TOTAL in self.dimensions

    @property
    def breakdowns(self) -> tuple[str, ...]:
        """The dimensions other than the total."""
        return tuple(dimension for dimension in self.dimensions if dimension != TOTAL)

    def period_label(self, year: int, quarter: int | None, language: str) -> str:
        """Words for a period of this indicator: "2024", "2025 K3" (Dutch) or "2025 Q3", or its own label."""
        key = period_key(year, quarter)
        if self.period_labels and key in self.period_labels:
            return self.period_labels[key].in_language(language)
        if self.partial_periods and key in self.partial_periods:
            return self.partial_periods[key].in_language(language)
        if quarter is None:
            return str(year)
        return f"{year} {'Q' if language == 'en' else 'K'}{quarter}"


@dataclass(frozen=True)
class Catalogue:
    """Every indicator and dimension, in the order of indicators.yaml."""

    indicators: Mapping[str, IndicatorMeta]
    dimensions: Mapping[str, DimensionMeta]

    def indicator(self, indicator_id: str) -> IndicatorMeta:
        """The indicator with this id; KeyError names the id when it is unknown."""
        try:
            return self.indicators[indicator_id]
        except KeyError:
            raise KeyError(f"unknown indicator {indicator_id!r}") from None

    def categories_of(self, dimension: str) -> tuple[str, ...]:
        """The category codes of a dimension."""
        return self.dimensions[dimension].categories


class IndicatorEntry(BaseModel):
    """The shape of one indicator in indicators.yaml: its fields and their types (pydantic: no field it does not
    know, no type coerced). What the values must name (a theme, a unit, dimensions defined above, a count
    indicator) is checked against the rest of the catalogue in `_indicator`."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    theme: Any
    title: Any
    description: Any
    methodology: Any
    unit: Any
    kind: Any
    dimensions: Annotated[list[str], Field(min_length=1)]
    default_dimension: Any
    sources: Annotated[list[str], Field(min_length=1)]
    importable: bool
    first_year: Annotated[int, Field(ge=2000, le=2100)]
    suppress_like: str | None = None
    period_labels: dict[Any, Any] | None = None
    partial_periods: dict[Any, Any] | None = None
    same_total_as: str | None = None


INDICATOR_FIELDS: Final = tuple(IndicatorEntry.model_fields)
#: What a field must be, said once for every wrong value of it.
_FIELD_MESSAGES: Final = {
    "dimensions": "dimensions: give a non-empty list of names",
    "sources": "sources: give a non-empty list of names",
    "importable": "importable must be true or false",
    "first_year": "first_year must be a year",
    "suppress_like": "suppress_like must name an indicator",
    "same_total_as": "same_total_as must name an indicator",
    "period_labels": "period_labels must map a period to a text",
    "partial_periods": "partial_periods must map a period to a text",
}


def _entry(where: str, raw: Mapping[str, object]) -> IndicatorEntry:
    """The indicator's fields, typed; CatalogueError naming the first that is wrong (an unknown one first)."""
    try:
        return IndicatorEntry.model_validate(dict(raw))
    except ValidationError as error:
        problems = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
        field = str(problems[0]["loc"][0]) if problems[0]["loc"] else ""
        if problems[0]["type"] == "extra_forbidden":
            raise CatalogueError(
                f"{where}: {field!r} is not a field of an indicator; use {', '.join(INDICATOR_FIELDS)}"
            ) from None
        if problems[0]["type"] == "missing" and field not in _FIELD_MESSAGES:
            raise CatalogueError(f"{where}: give its {field}") from None
        raise CatalogueError(
            f"{where}: {_FIELD_MESSAGES.get(field, f'{field} has the wrong kind of value')}"
        ) from None


def period_key(year: int, quarter: int | None) -> str:
    """The catalogue's notation of a period: "2025" for a year, "2025-K3" for a quarter."""
    return str(year) if quarter is None else f"{year}-K{quarter}"


def _label(value: object, where: str) -> Label:
    if not isinstance(value, Mapping) or not all(isinstance(value.get(lang), str) for lang in LANGUAGES):
        raise CatalogueError(f"{where}: give a Dutch and an English text, as {{nl: ..., en: ...}}")
    nl, en = str(value["nl"]).strip(), str(value["en"]).strip()
    if not nl or not en:
        raise CatalogueError(f"{where}: the Dutch and the English text must not be empty")
    return Label(nl=nl, en=en)


class DimensionEntry(BaseModel):
    """The shape of one dimension in indicators.yaml (pydantic: no key it does not know). Its own categories, or
    `base` (another dimension's categories first), or `cross` (two dimensions); what the values must name is
    checked against the dimensions above it in `_dimension`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    label: Any = None
    categories: Any = None
    base: Any = None
    cross: Any = None
    apart: Any = None


DIMENSION_FIELDS: Final = tuple(DimensionEntry.model_fields)


def _dimension_entry(dimension_id: str, raw: Mapping[str, object]) -> DimensionEntry:
    try:
        return DimensionEntry.model_validate(dict(raw))
    except ValidationError as error:
        field = str(error.errors()[0]["loc"][0]) if error.errors()[0]["loc"] else ""
        raise CatalogueError(
            f"dimension {dimension_id}: {field!r} is not a field of a dimension; use {', '.join(DIMENSION_FIELDS)}"
        ) from None


def _dimension(
    dimension_id: object, raw: object, known: Mapping[str, DimensionMeta] | None = None
) -> DimensionMeta:
    """One dimension: its own categories; or `base: <dimension>` (that dimension's categories, then its own);
    or `cross: [<row dimension>, <column dimension>]` (every pair of their categories)."""
    if not isinstance(dimension_id, str) or not isinstance(raw, Mapping):
        raise CatalogueError(f"dimension {dimension_id!r}: give a label and categories")
    known = known or {}
    entry = _dimension_entry(dimension_id, raw)
    label = _label(entry.label, f"dimension {dimension_id}, label")
    cross = entry.cross
    if cross is not None:
        if (
            not isinstance(cross, list)
            or len(cross) != 2
            or not all(isinstance(name, str) and name in known for name in cross)
        ):
            raise CatalogueError(
                f"dimension {dimension_id}: cross must name two dimensions defined above it, as [rows, columns]"
            )
        rows, columns = known[cross[0]], known[cross[1]]
        cross_labels = {
            f"{row}{CROSS_SEPARATOR}{column}": Label(
                nl=f"{rows.category_labels[row].nl} × {columns.category_labels[column].nl}",
                en=f"{rows.category_labels[row].en} × {columns.category_labels[column].en}",
            )
            for row in rows.categories
            for column in columns.categories
        }
        return DimensionMeta(
            id=dimension_id,
            label=label,
            categories=tuple(cross_labels),
            category_labels=cross_labels,
            cross=(cross[0], cross[1]),
        )
    labels: dict[str, Label] = {}
    base = entry.base
    if base is not None:
        if not isinstance(base, str) or base not in known:
            raise CatalogueError(f"dimension {dimension_id}: base must name a dimension defined above it")
        labels.update(known[base].category_labels)
    categories = entry.categories
    if not isinstance(categories, Mapping) or not categories:
        raise CatalogueError(f"dimension {dimension_id}: give its categories")
    for code, category_label in categories.items():
        if not isinstance(code, str):
            raise CatalogueError(f"dimension {dimension_id}: category {code!r} must be quoted as a text")
        if CROSS_SEPARATOR in code:
            raise CatalogueError(
                f"dimension {dimension_id}: category {code!r} may not hold '{CROSS_SEPARATOR}'"
            )
        labels[code] = _label(category_label, f"dimension {dimension_id}, category {code}")
    apart = entry.apart
    apart_parts: tuple[str, str, str] | None = None
    if apart is not None:
        cross_meta = known.get(str(apart.get("of"))) if isinstance(apart, Mapping) else None
        if (
            not isinstance(apart, Mapping)
            or cross_meta is None
            or cross_meta.cross is None
            or apart.get("column") not in known[cross_meta.cross[1]].categories
            or apart.get("into") not in labels
            or base != cross_meta.cross[0]
        ):
            raise CatalogueError(
                f"dimension {dimension_id}: apart needs of (a cross dimension whose rows are its base), column "
                "(one of its columns) and into (one of its own categories)"
            )
        apart_parts = (str(apart["of"]), str(apart["column"]), str(apart["into"]))
    return DimensionMeta(
        id=dimension_id, label=label, categories=tuple(labels), category_labels=labels, apart=apart_parts
    )


def _indicator(
    indicator_id: str, raw: Mapping[str, object], dimensions: Mapping[str, DimensionMeta]
) -> IndicatorMeta:
    where = f"indicator {indicator_id}"
    entry = _entry(where, raw)
    theme, unit, kind = entry.theme, entry.unit, entry.kind
    if theme not in THEMES:
        raise CatalogueError(f"{where}: theme {theme!r} is not one of {', '.join(THEMES)}")
    if unit not in UNITS:
        raise CatalogueError(f"{where}: unit {unit!r} is not one of {', '.join(UNITS)}")
    if kind not in KINDS:
        raise CatalogueError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    indicator_dimensions = tuple(entry.dimensions)
    for dimension in indicator_dimensions:
        if dimension not in dimensions:
            raise CatalogueError(f"{where}: dimension {dimension!r} is not defined under 'dimensions'")
    if TOTAL in indicator_dimensions and indicator_dimensions[0] != TOTAL:
        raise CatalogueError(f"{where}: list 'total' first among the dimensions")
    default_dimension = entry.default_dimension
    if default_dimension not in indicator_dimensions:
        raise CatalogueError(f"{where}: default_dimension {default_dimension!r} is not among its dimensions")
    period_labels = _period_texts(entry.period_labels, where)
    partial_periods = _period_texts(entry.partial_periods, where)
    return IndicatorMeta(
        id=indicator_id,
        theme=str(theme),
        title=_label(entry.title, f"{where}, title"),
        description=_label(entry.description, f"{where}, description"),
        methodology=_label(entry.methodology, f"{where}, methodology"),
        unit=str(unit),
        kind=kind,
        dimensions=indicator_dimensions,
        default_dimension=str(default_dimension),
        sources=tuple(entry.sources),
        importable=entry.importable,
        first_year=entry.first_year,
        suppress_like=entry.suppress_like,
        period_labels=period_labels,
        partial_periods=partial_periods,
        same_total_as=entry.same_total_as,
    )


def _period_texts(raw_periods: Mapping[Any, Any] | None, where: str) -> dict[str, Label] | None:
    if raw_periods is None:
        return None
    return {str(key): _label(value, f"{where}, period {key}") for key, value in raw_periods.items()}


def parse_catalogue(document: object) -> Catalogue:
    """Check a parsed indicators.yaml and turn it into typed records; CatalogueError names what is wrong."""
    if not isinstance(document, Mapping):
        raise CatalogueError("indicators.yaml must hold 'dimensions' and 'indicators'")
    raw_dimensions = document.get("dimensions")
    raw_indicators = document.get("indicators")
    if not isinstance(raw_dimensions, Mapping) or not isinstance(raw_indicators, Mapping):
        raise CatalogueError("indicators.yaml must hold 'dimensions' and 'indicators'")
    dimensions: dict[str, DimensionMeta] = {}
    for key, value in raw_dimensions.items():
        dimensions[str(key)] = _dimension(key, value, dimensions)
    if dimensions.get(TOTAL) is None or dimensions[TOTAL].categories != (TOTAL,):
        raise CatalogueError("dimension 'total' must exist and have the one category 'total'")
    indicators: dict[str, IndicatorMeta] = {}
    for indicator_id, raw in raw_indicators.items():
        if not isinstance(indicator_id, str) or not isinstance(raw, Mapping):
            raise CatalogueError(f"indicator {indicator_id!r}: give its fields")
        indicators[indicator_id] = _indicator(indicator_id, raw, dimensions)
    for meta in indicators.values():
        if meta.suppress_like is not None:
            leader = indicators.get(meta.suppress_like)
            if leader is None or not UNITS[leader.unit].is_count:
                raise CatalogueError(f"indicator {meta.id}: suppress_like must name a count indicator")
        if meta.same_total_as is not None:
            other = indicators.get(meta.same_total_as)
            if other is None or other.unit != meta.unit or not other.has_total or not meta.has_total:
                raise CatalogueError(
                    f"indicator {meta.id}: same_total_as must name an indicator with a total in the same unit"
                )
    return Catalogue(indicators=indicators, dimensions=dimensions)


@cache
def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    """Read indicators.yaml (once per process) and return the checked catalogue."""
    with path.open(encoding="utf-8") as handle:
        return parse_catalogue(yaml.safe_load(handle))
