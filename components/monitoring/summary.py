"""One plain paragraph that says what a chart shows, in Dutch or English, with Belgian numbers.

The paragraph stands beside every chart (the figure points to it with aria-describedby), so that a screen-reader
user, or anyone who does not read charts, gets the same message: the latest figure, its change, the spread over
the groups of a breakdown, the status of the figures (provisional, estimated, break, suppressed, illustrative)
and their source.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from data.monitoring.frames import (
    FLAG_BREAK,
    FLAG_ESTIMATED,
    FLAG_PROVISIONAL,
    FLAG_SUPPRESSED,
    Period,
    period_label,
    periods_of,
)
from data.monitoring.periods import comparable, latest_comparable, missing_periods, off_periods
from i18n import t
from i18n.formats import NBSP, display_unit, format_number, format_value, unit_kind

PeriodNames = Mapping[Period, str] | None


@dataclass(frozen=True)
class _Point:
    period: Period
    value: float


def join_words(words: Sequence[str], language: str) -> str:
    """ "a", "a en b", "a, b en c" (English: "a, b and c")."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t('summary.and', language)} {words[-1]}"


def _points(rows: pd.DataFrame) -> list[_Point]:
    """The periods with a value, in time order (suppressed cells have no value and are skipped)."""
    points = [
        _Point(period, float(value))
        for period, value in zip(periods_of(rows), rows["value"], strict=True)
        if value is not None and not (isinstance(value, float) and math.isnan(value)) and pd.notna(value)
    ]
    return sorted(points, key=lambda point: (point.period[0], point.period[1] or 0))


def is_share(unit: str | None) -> bool:
    """Shares and percentages change in percentage points, not in per cent."""
    return unit_kind(unit) in {"share", "percent"}


def change_text(new: float, old: float, unit: str | None, language: str) -> tuple[str, int]:
    """The size of a change in words ("6,2 %" or "1,5 procentpunt") and its sign (-1, 0, 1)."""
    if is_share(unit):
        points = (new - old) * (100 if unit_kind(unit) == "share" else 1)
        sign = 0 if round(points, 1) == 0 else (1 if points > 0 else -1)
        return f"{format_number(abs(points), 1)}{NBSP}{t('summary.points', language)}", sign
    if old == 0:
        return "", 0 if new == 0 else 1
    relative = (new - old) / abs(old) * 100
    sign = 0 if round(relative, 1) == 0 else (1 if relative > 0 else -1)
    return f"{format_number(abs(relative), 1)}{NBSP}%", sign


def _change_clause(
    last: _Point, previous: _Point, unit: str | None, language: str, names: PeriodNames = None
) -> str:
    size, sign = change_text(last.value, previous.value, unit, language)
    period = period_label(previous.period, language, names)
    value = format_value(previous.value, unit)
    if sign == 0:
        return t("summary.change.same", language).format(period=period)
    if not size:  # from zero a percentage means nothing: name the earlier value only
        return t("summary.change.from_zero", language).format(period=period, value=value)
    if is_share(unit):
        key = "summary.change.higher_points" if sign > 0 else "summary.change.lower_points"
    else:
        key = "summary.change.more" if sign > 0 else "summary.change.less"
    return t(key, language).format(change=size, period=period, value=value)


def _total_sentences(
    rows: pd.DataFrame,
    title: str,
    unit: str | None,
    language: str,
    names: PeriodNames = None,
    partial: frozenset[Period] = frozenset(),
) -> list[str]:
    """The latest figure, compared only with the latest earlier figure of the same kind of period; when the latest
    is a period of another kind (a half year, a count in August, a partial year), the latest yearly figure too."""
    points = _points(rows)
    if not points:
        return []
    last = points[-1]
    by_period = {point.period: point for point in points}
    sentence = t("summary.latest", language).format(
        title=title, value=format_value(last.value, unit), period=period_label(last.period, language, names)
    )
    previous = latest_comparable(last.period, list(by_period), partial)
    sentences = []
    if previous is not None:
        sentences.append(sentence + _change_clause(last, by_period[previous], unit, language, names) + ".")
    elif len(points) >= 2:
        sentences += [sentence + ".", t("summary.incomparable", language)]
    else:
        sentences.append(sentence + ".")
    off = off_periods([point.period for point in points], partial)
    regular = [point for point in points if point.period not in off]
    if last.period in off and regular:
        latest = regular[-1]
        before = latest_comparable(latest.period, [point.period for point in regular], partial)
        change = _change_clause(latest, by_period[before], unit, language, names) if before else ""
        sentences.append(
            t("summary.regular", language).format(
                period=period_label(latest.period, language, names),
                value=format_value(latest.value, unit),
                change=change,
            )
        )
    comparable_points = [point for point in points if comparable(point.period, last.period, partial)]
    if len(comparable_points) >= 3:
        first = comparable_points[0]
        sentences.append(
            t("summary.first", language).format(
                period=period_label(first.period, language, names), value=format_value(first.value, unit)
            )
        )
    return sentences


def _breakdown_sentences(
    rows: pd.DataFrame,
    title: str,
    unit: str | None,
    language: str,
    dimension_label: str,
    category_labels: Mapping[str, str],
    names: PeriodNames = None,
    partial: frozenset[Period] = frozenset(),
) -> list[str]:
    series = {
        category: _points(rows[rows["category"] == category])
        for category in dict.fromkeys(rows["category"].tolist())
    }
    series = {category: points for category, points in series.items() if points}
    if not series:
        return []
    latest_period = max((points[-1].period for points in series.values()), key=lambda p: (p[0], p[1] or 0))
    at_latest = {
        category: points[-1].value
        for category, points in series.items()
        if points[-1].period == latest_period
    }
    label = period_label(latest_period, language, names)
    name = {category: category_labels.get(category, category) for category in series}
    if len(at_latest) == 1:
        ((category, value),) = at_latest.items()
        sentences = [
            t("summary.breakdown.single", language).format(
                title=title,
                dimension=dimension_label,
                period=label,
                category=name[category],
                value=format_value(value, unit),
            )
        ]
    else:
        high = max(at_latest, key=lambda category: at_latest[category])
        low = min(at_latest, key=lambda category: at_latest[category])
        sentences = [
            t("summary.breakdown", language).format(
                title=title,
                dimension=dimension_label,
                period=label,
                high=name[high],
                high_value=format_value(at_latest[high], unit),
                low=name[low],
                low_value=format_value(at_latest[low], unit),
            )
        ]
    # The largest rise and fall since the earliest period of the same kind as the latest (never a half year
    # against a year) that every group shown has.
    shared = set.intersection(*(set(point.period for point in series[category]) for category in at_latest))
    starts = sorted(
        (
            period
            for period in shared
            if period != latest_period and comparable(period, latest_period, partial)
        ),
        key=lambda p: (p[0], p[1] or 4),
    )
    if not starts:
        return sentences
    start = starts[0]
    changes: dict[str, tuple[float, str]] = {}
    for category in at_latest:
        start_value = next((point.value for point in series[category] if point.period == start), None)
        if start_value is None:
            continue
        size, sign = change_text(at_latest[category], start_value, unit, language)
        if sign == 0 or not size:
            continue
        if is_share(unit):
            magnitude = (at_latest[category] - start_value) * (100 if unit_kind(unit) == "share" else 1)
        else:
            magnitude = (at_latest[category] - start_value) / abs(start_value) * 100
        changes[category] = (magnitude, ("+" if sign > 0 else "−") + size)
    rises = {category: change for category, change in changes.items() if change[0] > 0}
    falls = {category: change for category, change in changes.items() if change[0] < 0}
    start_label = period_label(start, language, names)
    if rises:
        category = max(rises, key=lambda c: rises[c][0])
        sentences.append(
            t("summary.breakdown.rise", language).format(
                period=start_label, category=name[category], change=rises[category][1]
            )
        )
    if falls:
        category = min(falls, key=lambda c: falls[c][0])
        sentences.append(
            t("summary.breakdown.fall", language).format(
                period=start_label, category=name[category], change=falls[category][1]
            )
        )
    return sentences


def flag_sentences(rows: pd.DataFrame, language: str, names: PeriodNames = None) -> list[str]:
    """What the flags of the rows shown mean for the reader, one sentence per kind of flag."""
    sentences = []
    periods = periods_of(rows)
    flags = list(rows["flag"])
    for flag in (FLAG_PROVISIONAL, FLAG_ESTIMATED, FLAG_BREAK):
        flagged = sorted(
            {period for period, f in zip(periods, flags, strict=True) if f == flag},
            key=lambda p: (p[0], p[1] or 0),
        )
        if flagged:
            labels = [period_label(period, language, names) for period in flagged]
            sentences.append(t(f"summary.flag.{flag}", language).format(periods=join_words(labels, language)))
    suppressed = sum(1 for f in flags if f == FLAG_SUPPRESSED)
    if suppressed == 1:
        sentences.append(t("summary.flag.c.one", language))
    elif suppressed > 1:
        sentences.append(t("summary.flag.c", language).format(count=suppressed))
    # The illustrative notice stands once above the view (components/layout.IllustrativeBanner), not here.
    return sentences


def indicator_summary(
    rows: pd.DataFrame,
    *,
    title: str,
    unit: str | None,
    language: str,
    dimension_label: str = "",
    category_labels: Mapping[str, str] | None = None,
    source_titles: Mapping[str, str] | None = None,
    period_names: PeriodNames = None,
    partial_periods: frozenset[Period] = frozenset(),
) -> str:
    """The paragraph beside a chart of `rows` (one indicator, one breakdown, the years shown).

    Changes compare like with like only (data/monitoring/periods.py); the missing years between the first and the
    last are named.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"year": [2024, 2025], "quarter": [None, None], "category": ["total", "total"],
    ...                      "value": [100.0, 110.0], "flag": ["", "p"], "source": ["wse", "wse"]})
    >>> indicator_summary(rows, title="Werknemers", unit="persons", language="nl", source_titles={"wse": "WSE"})
    'Werknemers: 110 in 2025, 10,0\\xa0% meer dan in 2024 (100). De cijfers voor 2025 zijn voorlopig. Bron: WSE.'
    """
    if rows.empty or (not _points(rows) and not (rows["flag"] == FLAG_SUPPRESSED).any()):
        return t("summary.empty", language)
    values = rows["value"].dropna()
    unit = display_unit(unit, float(values.abs().max()) if len(values) else None)
    categories = list(dict.fromkeys(rows["category"].tolist()))
    partial = frozenset(partial_periods)
    if len(categories) == 1 and not dimension_label:
        sentences = _total_sentences(rows, title, unit, language, period_names, partial)
    elif len(categories) == 1:
        label = (category_labels or {}).get(categories[0], categories[0])
        sentences = _total_sentences(rows, f"{title} ({label})", unit, language, period_names, partial)
    else:
        sentences = _breakdown_sentences(
            rows, title, unit, language, dimension_label, dict(category_labels or {}), period_names, partial
        )
    missing = missing_periods(sorted(set(periods_of(rows)), key=lambda p: (p[0], p[1] or 4)), partial)
    if missing:
        sentences.append(
            t("summary.missing", language).format(periods=periods_text(missing, language, period_names))
        )
    sentences += flag_sentences(rows, language, period_names)
    titles = dict(source_titles or {})
    sources = [titles.get(source, source) for source in dict.fromkeys(rows["source"].tolist()) if source]
    if sources:
        sentences.append(t("summary.source", language).format(sources="; ".join(sources)))
    return " ".join(sentences) if sentences else t("summary.empty", language)


def periods_text(periods: Sequence[Period], language: str, names: PeriodNames = None) -> str:
    """Several periods in words: "2024 en 2025"."""
    ordered = sorted(periods, key=lambda p: (p[0], p[1] or 0))
    return join_words([period_label(period, language, names) for period in ordered], language)
