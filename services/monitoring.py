"""What the monitoring pages need from the data layer, in one place: the tidy table, the sources, the catalogue.

The data layer (data/monitoring/store.py) owns loading, validation and suppression; this module only adapts its
catalogue entries to `IndicatorInfo`, the shape the components use, and gives the pages one function per need.
Tests give the components `IndicatorInfo` objects and small DataFrames directly, without the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from data.monitoring.catalogue import DimensionMeta, IndicatorMeta, Label
from data.monitoring.displacement import (
    DISPLACEMENT_ID,
    IMW_PROFILE,
    SHARE_UNIT,
    TARGET_SHARE,
    comparable_dimensions,
    imw_share_rows,
)

# The monitoring data's vocabulary, re-exported for the pages that explain it (they reach data/ through here).
from data.monitoring.frames import FLAG_ILLUSTRATIVE as FLAG_ILLUSTRATIVE
from data.monitoring.frames import Period, breakdowns_of, parse_period, select_rows, years_of
from data.monitoring.frames import flag_label as flag_label
from data.monitoring.public_sources import status_words as status_words
from data.monitoring.schema import FLAGS as FLAGS
from data.monitoring.schema import SOURCE_STATUSES as SOURCE_STATUSES
from data.monitoring.schema import THEMES as THEMES
from data.monitoring.schema import TOTAL
from data.monitoring.view_state import ViewOptions, query_items, resolve_state, search_string
from data.monitoring.view_state import ViewState as ViewState
from i18n import DEFAULT_LANGUAGE, normalise_language, t

if TYPE_CHECKING:
    from services.config import Settings


Texts = Mapping[str, str]  # {"nl": ..., "en": ...}


class DataUnavailable(RuntimeError):
    """The monitoring data could not be loaded; pages show a short message instead of a figure."""


def _in(texts: Texts, language: str, fallback: str = "") -> str:
    return texts.get(normalise_language(language)) or texts.get(DEFAULT_LANGUAGE) or fallback


@dataclass(frozen=True)
class DimensionInfo:
    """A breakdown: its words and its categories (codes in the page's order, each with its words)."""

    id: str
    label: Texts
    categories: tuple[str, ...] = ()
    category_labels: Mapping[str, Texts] = field(default_factory=dict)
    cross: tuple[str, str] | None = None  # a cross-table: (row dimension, column dimension)


@dataclass(frozen=True)
class IndicatorInfo:
    """One indicator as the pages show it: texts in both languages, unit, breakdowns, sources.

    `dimension_info` gives the words for each breakdown and its category codes (codes are per breakdown: "low"
    is a need for coaching in one and a level of education in another). `period_labels` ("2025-K3" -> words)
    names a period whose plain label would mislead. `reference` names an indicator drawn as a dotted comparison
    line per category (the share of each group in the target population, on the verdringing page).
    """

    id: str
    theme: str
    title: Texts
    description: Texts
    methodology: Texts
    unit: str
    dimensions: tuple[str, ...] = (TOTAL,)
    default_dimension: str = TOTAL
    sources: tuple[str, ...] = ()
    dimension_info: Mapping[str, DimensionInfo] = field(default_factory=dict)
    period_labels: Mapping[str, Texts] = field(default_factory=dict)
    reference: str | None = None
    reference_label: Texts = field(default_factory=dict)
    kind: str = "stock"  # stock (a count on a day), flow (during a period) or level (an amount in force)
    partial_periods: Mapping[str, Texts] = field(default_factory=dict)

    def text(self, name: str, language: str) -> str:
        """`title`, `description` or `methodology` in `language` (Dutch when the other is missing)."""
        return _in(getattr(self, name), language)

    def dimension_label(self, dimension: str, language: str) -> str:
        """The word for a breakdown ("Leeftijd"); the code, readable, when the catalogue has none."""
        info = self.dimension_info.get(dimension)
        if info and info.label:
            return _in(info.label, language, dimension)
        if dimension == TOTAL:
            return t("dimension.total", language)
        return dimension.replace("_", " ")

    def category_labels(self, dimension: str, language: str) -> dict[str, str]:
        """{category code: words} of one breakdown in `language`, "total" included."""
        labels = {TOTAL: t("category.total", language)}
        info = self.dimension_info.get(dimension)
        if info:
            for code, texts in info.category_labels.items():
                labels[code] = _in(texts, language, code)
        return labels

    def category_order(self, dimension: str) -> list[str]:
        """The category codes of a breakdown in the catalogue's order (empty: the data's order)."""
        info = self.dimension_info.get(dimension)
        return list(info.categories) if info else []

    def period_names(self, language: str) -> dict[Period, str]:
        """{(year, quarter): words} for the periods the catalogue labels itself (partial periods included)."""
        names = {}
        for key, texts in {**self.partial_periods, **self.period_labels}.items():
            period = parse_period(key)
            if period is not None:
                names[period] = _in(texts, language, key)
        return names

    def partial(self) -> frozenset[Period]:
        """The periods that cover less than their plain span (never compared with a full period)."""
        periods = (parse_period(key) for key in self.partial_periods)
        return frozenset(period for period in periods if period is not None)

    def cross_of(self, dimension: str) -> tuple[str, str] | None:
        """(row dimension, column dimension) when `dimension` is a cross-table."""
        info = self.dimension_info.get(dimension)
        return info.cross if info else None


def _texts(label: Label) -> dict[str, str]:
    """A catalogue text as {"nl": ..., "en": ...}."""
    return {"nl": label.nl, "en": label.en}


def _period_texts(periods: Mapping[str, Label] | None) -> dict[str, dict[str, str]]:
    return {key: _texts(label) for key, label in (periods or {}).items()}


def dimension_info_from_meta(meta: DimensionMeta) -> DimensionInfo:
    """One dimension of the data layer's catalogue as the pages use it."""
    return DimensionInfo(
        id=meta.id,
        label=_texts(meta.label),
        categories=meta.categories,
        category_labels={code: _texts(label) for code, label in meta.category_labels.items()},
        cross=meta.cross,
    )


def info_from_meta(
    meta: IndicatorMeta, dimensions: Mapping[str, DimensionInfo] | None = None
) -> IndicatorInfo:
    """One indicator of the data layer's catalogue as the pages use it; `dimensions` gives the breakdowns' words.

    The data layer's record says what the catalogue holds; this one adds what a page needs beside it (the words of
    each breakdown, a reference line): one typed step from the one to the other."""
    known = dict(dimensions or {})
    return IndicatorInfo(
        id=meta.id,
        theme=meta.theme,
        title=_texts(meta.title),
        description=_texts(meta.description),
        methodology=_texts(meta.methodology),
        unit=meta.unit,
        dimensions=meta.dimensions,
        default_dimension=meta.default_dimension,
        sources=meta.sources,
        dimension_info={dimension: known[dimension] for dimension in meta.dimensions if dimension in known},
        period_labels=_period_texts(meta.period_labels),
        kind=meta.kind,
        partial_periods=_period_texts(meta.partial_periods),
    )


def view_options(info: IndicatorInfo, frame: pd.DataFrame) -> ViewOptions:
    """The breakdowns and years the data of one indicator has; the catalogue's order of breakdowns first."""
    rows = frame[frame["indicator"] == info.id]
    present = breakdowns_of(rows)
    ordered = [dimension for dimension in info.dimensions if dimension in present]
    ordered += [dimension for dimension in present if dimension not in ordered]
    default = (
        info.default_dimension if info.default_dimension in ordered else (ordered[0] if ordered else TOTAL)
    )
    return ViewOptions(breakdowns=tuple(ordered), default_breakdown=default, years=years_of(rows))


# --- loading: through the data layer only -------------------------------------------------------------------


@dataclass(frozen=True)
class _KeySettings:
    """The settings a release key names (data folder, suppression threshold): what the data layer is given."""

    data_dir: Path
    suppression_threshold: int


def _settings() -> Settings:
    """The portal's settings, as create_app stored them (services.config.current_settings)."""
    from services.config import current_settings

    return current_settings()


def _store() -> Any:
    try:
        from data.monitoring import store  # the data layer; imported late so that pages import without it
    except ImportError as error:  # pragma: no cover - only while the data layer is being built
        raise DataUnavailable("data.monitoring.store is not available") from error
    return store


def load_frame() -> pd.DataFrame:
    """The current release's indicators (small cells already suppressed by the data layer), with the derived
    series of the displacement watch appended. Computed once per release (see `_release_view`)."""
    return _release_view(release_key())[0].copy(deep=False)


def with_derived_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` plus each group's share among IMW workers (data/monitoring/displacement.py); a few milliseconds, so it
    is computed on every call rather than cached beside the data layer's own cache."""
    shares = imw_share_rows(frame)
    if shares.empty:
        return frame
    return pd.concat([frame, shares.astype(frame.dtypes.to_dict())], ignore_index=True)


def displacement_info(catalogue: Sequence[IndicatorInfo], frame: pd.DataFrame) -> IndicatorInfo | None:
    """The catalogue entry of the derived displacement series, or None when its two inputs are missing."""
    profile = find_indicator(IMW_PROFILE, catalogue)
    target = find_indicator(TARGET_SHARE, catalogue)
    dimensions = comparable_dimensions(frame)
    if profile is None or target is None or not dimensions:
        return None

    def both(key: str) -> dict[str, str]:
        return {language: t(key, language) for language in ("nl", "en")}

    default = target.default_dimension if target.default_dimension in dimensions else dimensions[0]
    return IndicatorInfo(
        id=DISPLACEMENT_ID,
        theme=target.theme,
        title=both("displacement.title"),
        description=both("displacement.description"),
        methodology=both("displacement.methodology"),
        unit=SHARE_UNIT,
        dimensions=dimensions,
        default_dimension=default,
        sources=tuple(dict.fromkeys([*profile.sources, *target.sources])),
        dimension_info={key: value for key, value in target.dimension_info.items() if key in dimensions},
        reference=TARGET_SHARE,
        reference_label=both("displacement.reference"),
    )


def load_sources() -> pd.DataFrame:
    """The sources table: id, title, publisher, address, date_read, licence, status."""
    try:
        return _store().load_sources(_settings())
    except DataUnavailable:
        raise
    except Exception as error:
        raise DataUnavailable(str(error)) from error


def localised_sources(sources: pd.DataFrame | None, language: str) -> pd.DataFrame:
    """The sources table as a reader sees it in `language` (data/monitoring/public_sources.py): titles, publishers
    and licences in that language, no file name as an address. Same columns, same ids; safe to call twice."""
    from data.monitoring.public_sources import public_source

    if sources is None or sources.empty:
        return pd.DataFrame(columns=["id", "title", "publisher", "address", "date_read", "licence", "status"])
    if sources.attrs.get("language") == language:
        return sources
    rows = []
    for record in sources.to_dict("records"):
        public = public_source(record, language)
        rows.append(
            {
                **record,
                "title": public.title,
                "publisher": public.publisher,
                "address": public.address,
                "licence": public.licence,
            }
        )
    result = pd.DataFrame(rows, columns=list(sources.columns))
    result.attrs["language"] = language
    return result


def load_catalogue() -> list[IndicatorInfo]:
    """Every indicator of the catalogue, adapted for the pages, in the catalogue's order."""
    return list(_release_view(release_key())[1])


def release_key() -> tuple[str, str, int]:
    """What the pages' data depends on: the data folder, the current release and the suppression threshold (the
    key of anything a page remembers per release)."""
    try:
        settings = _settings()
        release = _store().current_release(settings)
        return (str(settings.data_dir), str(release.id), int(settings.suppression_threshold))
    except DataUnavailable:
        raise
    except Exception as error:  # a broken release must not break the page: it shows a message
        raise DataUnavailable(str(error)) from error


@lru_cache(maxsize=4)
def _release_view(key: tuple[str, str, int]) -> tuple[pd.DataFrame, tuple[IndicatorInfo, ...]]:
    """The frame with its derived rows and the adapted catalogue of one release: every callback used to build
    them again (some 40 ms); a new release or threshold is a new key."""
    try:
        store = _store()
        frame = with_derived_rows(store.load_indicators(_KeySettings(Path(key[0]), key[2])))
        dimensions = {
            name: dimension_info_from_meta(meta)
            for name, meta in store.indicator_catalogue().dimensions.items()
        }
        infos = [info_from_meta(meta, dimensions) for meta in store.catalogue()]
        derived = displacement_info(infos, frame)
    except DataUnavailable:
        raise
    except Exception as error:
        raise DataUnavailable(str(error)) from error
    if derived is not None:  # first on its theme's page: it is what the page is about
        position = next((i for i, info in enumerate(infos) if info.theme == derived.theme), len(infos))
        infos.insert(position, derived)
    return frame, tuple(infos)


def current_release() -> Any:
    """The release the pages show (its id and date), as the data layer describes it."""
    try:
        return _store().current_release(_settings())
    except DataUnavailable:
        raise
    except Exception as error:
        raise DataUnavailable(str(error)) from error


def theme_indicators(theme: str, catalogue: Sequence[IndicatorInfo]) -> list[IndicatorInfo]:
    """The indicators of one theme, in the catalogue's order."""
    return [info for info in catalogue if info.theme == theme]


def find_indicator(indicator_id: str, catalogue: Sequence[IndicatorInfo]) -> IndicatorInfo | None:
    """The catalogue entry of an indicator id, or None."""
    return next((info for info in catalogue if info.id == indicator_id), None)


# --- one block of a monitoring page: what its callbacks ask --------------------------------------------------


@dataclass(frozen=True)
class BlockContext:
    """What one indicator block is drawn from: its catalogue entry, the release's rows and sources, and the
    breakdowns and years its data has."""

    info: IndicatorInfo
    frame: pd.DataFrame
    sources: pd.DataFrame
    options: ViewOptions


def indicator_of(block_id: Any) -> str:
    """The indicator id of a block's component id; anything else a request may carry gives ""."""
    if isinstance(block_id, Mapping) and isinstance(block_id.get("indicator"), str):
        return str(block_id["indicator"])
    return ""


def block_context(indicator_id: str) -> BlockContext | None:
    """The context of an indicator's block; None when the data cannot be read or the indicator is unknown."""
    try:
        catalogue = load_catalogue()
        frame = load_frame()
        sources = load_sources()
    except DataUnavailable:
        return None
    info = find_indicator(str(indicator_id), catalogue)
    if info is None:
        return None
    return BlockContext(info, frame, sources, view_options(info, frame))


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def state_from_controls(
    options: ViewOptions, breakdown: Any, year_from: Any, year_to: Any, view: Any
) -> tuple[ViewState, bool]:
    """The state a block's controls ask for, and whether its years came reversed (they are swapped); anything
    else the data does not have falls back to the defaults."""
    swapped = False
    first, last = _int_or_none(year_from), _int_or_none(year_to)
    if first is not None and last is not None and first > last:
        year_from, year_to, swapped = year_to, year_from, True
    state, _problems = resolve_state(options, breakdown, year_from, year_to, view)
    return state, swapped


def cross_cells(frame: pd.DataFrame, indicator_id: str, breakdown: str, year: int) -> pd.DataFrame:
    """The cells of a cross-table a block shows: the latest period of `year` (a year count, not a quarter)."""
    cells = select_rows(frame, indicator_id, breakdown, year, year)
    if not cells.empty:
        latest = sorted(
            zip(cells["year"], cells["quarter"].fillna(4), strict=False), key=lambda p: (p[0], p[1])
        )[-1]
        cells = cells[(cells["year"] == latest[0]) & (cells["quarter"].fillna(4) == latest[1])]
    return cells


def block_rows(context: BlockContext, state: ViewState) -> pd.DataFrame:
    """The rows a block shows for `state` (suppressed cells stay withheld), its reference series after them; a
    cross-table's cells of its one period."""
    if context.info.cross_of(state.breakdown) is not None and not context.info.reference:
        return cross_cells(context.frame, context.info.id, state.breakdown, state.year_to)
    rows = select_rows(context.frame, context.info.id, state.breakdown, state.year_from, state.year_to)
    if context.info.reference:
        reference = select_rows(
            context.frame, context.info.reference, state.breakdown, state.year_from, state.year_to
        )
        rows = pd.concat([rows, reference], ignore_index=True)
    return rows


def page_query(blocks: Sequence[tuple[Any, Any, Any, Any, Any]], language: Any) -> str | None:
    """The query string of every block's state on a page, (breakdown, from, to, view, block id) each, defaults
    left out, with the page's language; None when the data cannot be read."""
    try:
        catalogue = load_catalogue()
        frame = load_frame()
    except DataUnavailable:
        return None
    items: list[tuple[str, str]] = []
    for breakdown, year_from, year_to, view, block_id in blocks:
        info = find_indicator(indicator_of(block_id), catalogue)
        if info is None:
            continue
        options = view_options(info, frame)
        state, _swapped = state_from_controls(options, breakdown, year_from, year_to, view)
        items.extend(query_items(info.id, state, options.default_state()))
    return search_string(normalise_language(language), items)
