"""The state of one indicator view (breakdown, year range, chart or table) and its place in the URL.

A link reproduces a view: every indicator block on a page keeps its state in the query string under keys prefixed
with the indicator id (``?werknemers_totaal.by=leeftijd&werknemers_totaal.from=2024``). Only values that differ
from the default are written, so a plain page address shows the default view.

Whatever arrives in the URL (an unknown breakdown, a reversed or out-of-range year range, garbage) never raises:
the parser falls back to the default for that part and reports a `QueryProblem`, which the page shows as a short
message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final
from urllib.parse import urlencode

from i18n import normalise_language

VIEWS: Final = ("chart", "table")
DEFAULT_VIEW: Final = "chart"

# The suffixes of an indicator's query keys.
KEY_BREAKDOWN: Final = "by"
KEY_FROM: Final = "from"
KEY_TO: Final = "to"
KEY_VIEW: Final = "view"
QUERY_KEYS: Final = (KEY_BREAKDOWN, KEY_FROM, KEY_TO, KEY_VIEW)

# Longer values are cut in messages: a message quotes what was wrong, not a whole pasted text.
_MAX_QUOTED = 40


@dataclass(frozen=True)
class ViewState:
    """What one indicator block shows: a breakdown (a dimension of the data), a year range and a view."""

    breakdown: str
    year_from: int
    year_to: int
    view: str = DEFAULT_VIEW


@dataclass(frozen=True)
class ViewOptions:
    """What the data of one indicator allows: its breakdowns (dimensions) and its years, in order."""

    breakdowns: tuple[str, ...]
    default_breakdown: str
    years: tuple[int, ...]

    def default_state(self) -> ViewState:
        """The view a plain page address shows: the default breakdown, every year, the chart."""
        first, last = (self.years[0], self.years[-1]) if self.years else (0, 0)
        return ViewState(self.default_breakdown, first, last, DEFAULT_VIEW)


@dataclass(frozen=True)
class QueryProblem:
    """One part of the URL (or of a request) that could not be used; the default was shown instead."""

    parameter: str  # the query key, e.g. "werknemers_totaal.by"
    value: str  # what was given, cut to a readable length
    reason: str  # one of: breakdown, year, year-range, reversed, view


def query_key(indicator_id: str, key: str) -> str:
    """The query-string key of one setting of one indicator: ``<indicator>.<key>``."""
    return f"{indicator_id}.{key}"


def _quoted(value: Any) -> str:
    text = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
    return text if len(text) <= _MAX_QUOTED else text[: _MAX_QUOTED - 1] + "…"


def _as_year(value: Any) -> int | None:
    """A year from a query or control value ("2024", 2024); anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) == 4:
        return int(value.strip())
    return None


def resolve_state(
    options: ViewOptions,
    breakdown: Any = None,
    year_from: Any = None,
    year_to: Any = None,
    view: Any = None,
    parameter_names: Mapping[str, str] | None = None,
) -> tuple[ViewState, list[QueryProblem]]:
    """Check requested settings against what the data allows; fall back to the default for what is not usable.

    `None` (or "") means "not given" and silently takes the default. `parameter_names` maps each setting
    ("by", "from", "to", "view") to the name shown in a problem (the query key).
    """
    names = {key: key for key in QUERY_KEYS} | dict(parameter_names or {})
    default = options.default_state()
    state = default
    problems: list[QueryProblem] = []

    def given(value: Any) -> bool:
        return value is not None and value != ""

    if given(breakdown):
        if isinstance(breakdown, str) and breakdown in options.breakdowns:
            state = replace(state, breakdown=breakdown)
        else:
            problems.append(QueryProblem(names[KEY_BREAKDOWN], _quoted(breakdown), "breakdown"))

    years = set(options.years)
    bounds: dict[str, int] = {}
    for key, value in ((KEY_FROM, year_from), (KEY_TO, year_to)):
        if not given(value):
            continue
        year = _as_year(value)
        if year is None:
            problems.append(QueryProblem(names[key], _quoted(value), "year"))
        elif year not in years:
            problems.append(QueryProblem(names[key], _quoted(value), "year-range"))
        else:
            bounds[key] = year
    first = bounds.get(KEY_FROM, default.year_from)
    last = bounds.get(KEY_TO, default.year_to)
    if first > last:
        problems.append(QueryProblem(names[KEY_FROM], f"{first}–{last}", "reversed"))
        first, last = default.year_from, default.year_to
    state = replace(state, year_from=first, year_to=last)

    if given(view):
        if isinstance(view, str) and view in VIEWS:
            state = replace(state, view=view)
        else:
            problems.append(QueryProblem(names[KEY_VIEW], _quoted(view), "view"))
    return state, problems


def state_from_query(
    indicator_id: str, query: Mapping[str, Any], options: ViewOptions
) -> tuple[ViewState, list[QueryProblem]]:
    """The view of one indicator as the query string asks for it, with the problems found in it."""
    keys = {key: query_key(indicator_id, key) for key in QUERY_KEYS}
    return resolve_state(
        options,
        breakdown=query.get(keys[KEY_BREAKDOWN]),
        year_from=query.get(keys[KEY_FROM]),
        year_to=query.get(keys[KEY_TO]),
        view=query.get(keys[KEY_VIEW]),
        parameter_names=keys,
    )


def query_items(indicator_id: str, state: ViewState, default: ViewState) -> list[tuple[str, str]]:
    """The query-string pairs of one indicator: only the settings that differ from its default."""
    items: list[tuple[str, str]] = []
    if state.breakdown != default.breakdown:
        items.append((query_key(indicator_id, KEY_BREAKDOWN), state.breakdown))
    if state.year_from != default.year_from:
        items.append((query_key(indicator_id, KEY_FROM), str(state.year_from)))
    if state.year_to != default.year_to:
        items.append((query_key(indicator_id, KEY_TO), str(state.year_to)))
    if state.view != default.view:
        items.append((query_key(indicator_id, KEY_VIEW), state.view))
    return items


def search_string(language: str, items: Iterable[tuple[str, str]]) -> str:
    """The whole query string (with its "?"), Dutch needing no `lang`; empty for the default view in Dutch."""
    pairs: list[tuple[str, str]] = []
    if normalise_language(language) != "nl":
        pairs.append(("lang", normalise_language(language)))
    pairs.extend(items)
    return f"?{urlencode(pairs)}" if pairs else ""


def year_options(years: Sequence[int]) -> list[dict[str, str]]:
    """Options of a year select: the years as text (native <select> values are text)."""
    return [{"label": str(year), "value": str(year)} for year in years]
