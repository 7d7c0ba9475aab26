"""Small-cell suppression: counts under a threshold never reach a page, a download or the API.

The rules, applied by :func:`suppress` to a tidy table:

1. Primary: a count (a unit with ``is_count``, e.g. persons, employers) from 1 to under the threshold is hidden.
   A zero is not: it tells about nobody (as in tau-ARGUS, zero cells are not sensitive), and hiding the many
   zeros of a cross-tabulation (no civil servants in retail) would only force real figures to be hidden with
   them. A zero still counts as a known value in the audit below.
2. Secondary, by audit: every published cell of one period of one indicator (and of the indicators that count
   the same persons, ``same_total_as`` in the catalogue) is tied together by what the release says about them:
   each breakdown adds up to the total; each row and each column of a cross-tabulation (``cross``) adds up to the
   matching category of the breakdown it crosses; a breakdown that moves one column of a cross-tabulation into
   a row of its own (``apart``) is the cross-tabulation regrouped; and no count is negative. A hidden cell is
   *pinned* when these facts and the visible cells leave it less room than :func:`protection` (for a count: one
   whole unit, so it cannot be known exactly). While any hidden cell is pinned, the smallest visible cell of a
   relation that holds it is hidden too (ties: the first code in alphabetical order), and the audit runs again.
   With one breakdown and one hidden category this is the classic rule: the next smallest category goes too.
3. Linked indicators: an indicator with ``suppress_like`` (an FTE or an amount of the same groups) hides the
   cells that are hidden in the count it follows, then gets the audit of rule 2 on its own relations.

A hidden cell keeps its row, with a missing value and flag ``c``. Amounts, FTE and shares are never hidden for
their own size. The intervals are found by linear programming (scipy's HiGHS), one small problem per group of
hidden cells that share a relation.
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import linprog

from data.monitoring.catalogue import CROSS_SEPARATOR, Catalogue, IndicatorMeta
from data.monitoring.schema import COUNT_UNITS, FLAG_SUPPRESSED, TOTAL

log = logging.getLogger("imw.suppression")

# A relation: {position in the table: coefficient} whose weighted sum is zero.
Relation = dict[int, float]


def _quarter_key(quarter: object) -> int:
    if quarter is None or quarter is pd.NA or (isinstance(quarter, float) and math.isnan(quarter)):
        return -1
    return int(str(quarter))


def protection(value: float, is_count: bool) -> float:
    """How wide the interval of a hidden cell must stay [unit of the cell]: a count must not be known to the
    unit; an amount or an FTE not to within a tenth of its value (and never to within 1)."""
    if is_count:
        return 1.0
    return max(1.0, 0.1 * abs(value))


@dataclass
class _Table:
    """The positions, values and keys of the table being suppressed, and which cells are hidden."""

    values: list[float]
    keys: list[tuple[int, int, str, str, str]]  # (year, quarter, indicator, dimension, category)
    units: list[str]
    hidden: list[bool]


def relations(positions: Sequence[int], table: _Table, catalogue: Catalogue) -> list[Relation]:
    """What the release says ties the cells at `positions` (one period; one indicator, or several that count the
    same persons) together. Every relation is a sum that must be zero."""
    by_cell: dict[tuple[str, str, str], int] = {}
    for position in positions:
        _, _, indicator, dimension, category = table.keys[position]
        by_cell[(indicator, dimension, category)] = position
    indicators = list(dict.fromkeys(table.keys[position][2] for position in positions))
    result: list[Relation] = []
    totals = [by_cell.get((indicator, TOTAL, TOTAL)) for indicator in indicators]
    # Indicators that count the same persons share their total.
    for indicator, total in zip(indicators, totals, strict=True):
        meta = catalogue.indicators.get(indicator)
        other = meta.same_total_as if meta is not None else None
        if other is not None and total is not None and (other, TOTAL, TOTAL) in by_cell:
            result.append({total: 1.0, by_cell[(other, TOTAL, TOTAL)]: -1.0})
    for indicator, total in zip(indicators, totals, strict=True):
        # The breakdowns the rows hold (a file might hold one the catalogue does not list for the indicator).
        present = dict.fromkeys(key[1] for key in by_cell if key[0] == indicator)
        for dimension_id in present:
            breakdown = catalogue.dimensions.get(dimension_id)
            if dimension_id == TOTAL or breakdown is None:
                continue
            members = [
                by_cell[(indicator, dimension_id, code)]
                for code in breakdown.categories
                if (indicator, dimension_id, code) in by_cell
            ]
            # A category left out of a breakdown counts nobody: the breakdown still adds up to the total.
            if total is not None and members:
                relation = {position: 1.0 for position in members}
                relation[total] = relation.get(total, 0.0) - 1.0
                result.append(relation)
            if breakdown.cross is not None:
                result.extend(_cross_relations(indicator, dimension_id, catalogue, by_cell))
            if breakdown.apart is not None:
                result.extend(_apart_relations(indicator, dimension_id, catalogue, by_cell))
    return result


def _cross_relations(
    indicator: str, dimension_id: str, catalogue: Catalogue, by_cell: Mapping[tuple[str, str, str], int]
) -> list[Relation]:
    """Each row (column) of a cross-tabulation adds up to that category of the row (column) breakdown."""
    dimension = catalogue.dimensions[dimension_id]
    assert dimension.cross is not None
    row_dimension, column_dimension = dimension.cross
    rows = catalogue.dimensions[row_dimension].categories
    columns = catalogue.dimensions[column_dimension].categories
    result: list[Relation] = []
    for margin_dimension, outer, inner, row_first in (
        (row_dimension, rows, columns, True),
        (column_dimension, columns, rows, False),
    ):
        for code in outer:
            margin = by_cell.get((indicator, margin_dimension, code))
            cells = [
                by_cell.get(
                    (
                        indicator,
                        dimension_id,
                        f"{code}{CROSS_SEPARATOR}{other}" if row_first else f"{other}{CROSS_SEPARATOR}{code}",
                    )
                )
                for other in inner
            ]
            if margin is None or any(cell is None for cell in cells):
                continue
            relation: Relation = {cell: 1.0 for cell in cells if cell is not None}
            relation[margin] = -1.0
            result.append(relation)
    return result


def _apart_relations(
    indicator: str, dimension_id: str, catalogue: Catalogue, by_cell: Mapping[tuple[str, str, str], int]
) -> list[Relation]:
    """A breakdown that regroups a cross-tabulation: each of its row categories is that row of the cross-table
    without the column set apart, and its own category holds that column."""
    dimension = catalogue.dimensions[dimension_id]
    assert dimension.apart is not None
    cross_id, apart_column, into = dimension.apart
    cross = catalogue.dimensions[cross_id]
    assert cross.cross is not None
    rows = catalogue.dimensions[cross.cross[0]].categories
    columns = catalogue.dimensions[cross.cross[1]].categories
    result: list[Relation] = []
    groups = {
        row: [f"{row}{CROSS_SEPARATOR}{column}" for column in columns if column != apart_column]
        for row in rows
    }
    groups[into] = [f"{row}{CROSS_SEPARATOR}{apart_column}" for row in rows]
    for code, cross_codes in groups.items():
        target = by_cell.get((indicator, dimension_id, code))
        cells = [by_cell.get((indicator, cross_id, cross_code)) for cross_code in cross_codes]
        if target is None or any(cell is None for cell in cells):
            continue
        relation: Relation = {cell: 1.0 for cell in cells if cell is not None}
        relation[target] = -1.0
        result.append(relation)
    return result


def _components(
    hidden: Iterable[int], relations_: Sequence[Relation]
) -> list[tuple[list[int], list[Relation]]]:
    """Groups of hidden cells that share relations (union-find), each with the relations that hold them."""
    parent: dict[int, int] = {position: position for position in hidden}

    def find(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    for relation in relations_:
        members = [position for position in relation if position in parent]
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    groups: dict[int, list[int]] = defaultdict(list)
    for position in parent:
        groups[find(position)].append(position)
    result = []
    for members in groups.values():
        inside = set(members)
        held = [relation for relation in relations_ if inside & relation.keys()]
        if held:
            result.append((sorted(members), held))
    return result


def _system(
    unknowns: Sequence[int], relations_: Sequence[Relation], table: _Table
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The relations as A x = b over the hidden cells (visible cells moved to b), and a small slack per row:
    rounded files may miss a total by the rounding of its parts."""
    column = {position: index for index, position in enumerate(unknowns)}
    matrix = np.zeros((len(relations_), len(unknowns)))
    rhs = np.zeros(len(relations_))
    for row, relation in enumerate(relations_):
        for position, coefficient in relation.items():
            if position in column:
                matrix[row, column[position]] += coefficient
            else:
                rhs[row] -= coefficient * table.values[position]
    slack = np.asarray([1e-7 * max(1.0, abs(value)) for value in rhs])
    return matrix, rhs, slack


def pinned_in_component(
    members: Sequence[int], relations_: Sequence[Relation], table: _Table, candidates: Iterable[int]
) -> set[int]:
    """The hidden cells among `candidates` (in the component `members`) whose interval, given the relations, the
    visible cells and that no value is negative, is narrower than their protection.

    One linear programme per bound; every solution found is another table that fits what is published, so any
    cell it moves far enough is known to be safe without a programme of its own."""
    matrix, rhs, slack = _system(members, relations_, table)
    a_ub = np.vstack([matrix, -matrix])
    b_ub = np.concatenate([rhs + slack, -rhs + slack])
    index = {position: i for i, position in enumerate(members)}
    # The published table is one solution; a cell hidden in the department's own file has no known value.
    truth = np.asarray([table.values[position] for position in members])
    low = np.where(np.isnan(truth), math.inf, truth)
    high = np.where(np.isnan(truth), -math.inf, truth)
    needed = {
        position: protection(
            0.0 if math.isnan(table.values[position]) else table.values[position],
            table.units[position] in COUNT_UNITS,
        )
        - 1e-9
        for position in members
    }
    open_cells = [position for position in candidates if table.hidden[position]]
    pinned: set[int] = set()

    def safe(position: int) -> bool:
        i = index[position]
        return bool(high[i] - low[i] >= needed[position])

    for target in open_cells:
        if safe(target):
            continue
        objective = np.zeros(len(members))
        objective[index[target]] = 1.0
        for sign in (-1.0, 1.0):  # maximise, then minimise
            solved = linprog(sign * objective, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
            if solved.status == 3:  # unbounded: nothing pins the cell
                high[index[target]] = math.inf
                break
            if solved.status != 0:
                log.warning("suppression audit: the relations around %s cannot be solved", table.keys[target])
                return set()
            np.minimum(low, solved.x, out=low)
            np.maximum(high, solved.x, out=high)
            if safe(target):
                break
        if not safe(target):
            pinned.add(target)
    return pinned


def pinned_cells(
    positions: Sequence[int],
    table: _Table,
    catalogue: Catalogue,
    only: set[int] | None = None,
    relations_: Sequence[Relation] | None = None,
) -> dict[int, list[Relation]]:
    """The hidden cells among `positions` (or among `only`) that the visible cells pin down, each with the
    relations that hold it."""
    if relations_ is None:
        relations_ = relations(positions, table, catalogue)
    pinned: dict[int, list[Relation]] = {}
    for members, held in _components([p for p in positions if _unknown(table, p)], relations_):
        candidates = [position for position in members if only is None or position in only]
        for target in pinned_in_component(members, held, table, candidates):
            pinned[target] = [relation for relation in held if target in relation]
    return pinned


def _unknown(table: _Table, position: int) -> bool:
    """A cell a reader does not see: hidden, or missing from the file."""
    return table.hidden[position] or math.isnan(table.values[position])


def _choose(
    candidates: Iterable[int],
    table: _Table,
    by_position: Mapping[int, list[Relation]],
    held: Sequence[Relation] = (),
) -> int | None:
    """The visible cell to hide with a pinned one: the one that frees the most of the relations that hold the pinned
    cell, then the one that leaves no other relation with a lone hidden cell, then the smallest that is not zero
    (a hidden zero still cannot go below zero, so it hides little), then by code."""

    def new_lone(position: int) -> int:
        return sum(
            1
            for relation in by_position.get(position, [])
            if not any(_unknown(table, other) for other in relation if other != position)
        )

    def score(position: int) -> tuple[int, int, bool, float, str]:
        shared = sum(1 for relation in held if position in relation)
        value = table.values[position]
        return (-shared, new_lone(position), value <= 0, value, table.keys[position][4])

    visible = [position for position in candidates if not _unknown(table, position)]
    return min(visible, key=score) if visible else None


def _protect(positions: Sequence[int], table: _Table, catalogue: Catalogue) -> None:
    """Rule 2: hide more cells among `positions` until no hidden cell is pinned.

    First the plain case, cheaply: a relation with one hidden cell gives it away, so another cell of that relation
    goes with it. Then the audit (linear programmes) finds what combinations of relations and the sign of counts
    still pin, and each round hides a cell beside every pinned one. Hiding a cell only widens the intervals of the
    others, so a cell found safe stays safe: each round checks the pinned and the new cells only."""
    relations_ = relations(positions, table, catalogue)
    by_position: dict[int, list[Relation]] = defaultdict(list)
    for relation in relations_:
        for position in relation:
            by_position[position].append(relation)
    check: set[int] | None = None
    for _round in range(len(positions) + 1):
        added: set[int] = set()
        changed = True
        while changed:
            changed = False
            for relation in relations_:
                unknown = [position for position in relation if _unknown(table, position)]
                if len(unknown) != 1 or not table.hidden[unknown[0]]:
                    continue
                chosen = _choose(relation, table, by_position)
                if chosen is not None:
                    table.hidden[chosen] = True
                    added.add(chosen)
                    changed = True
        if check is not None:
            check |= added
        pinned = pinned_cells(positions, table, catalogue, check, relations_)
        if not pinned:
            return
        chosen_now: set[int] = set()
        for _target, held in sorted(pinned.items()):
            candidates = {position for relation in held for position in relation}
            choice = _choose(candidates - chosen_now, table, by_position, held)
            if choice is not None:
                chosen_now.add(choice)
        if not chosen_now:
            log.warning("suppression audit: %d hidden cells stay pinned", len(pinned))
            return
        for position in chosen_now:
            table.hidden[position] = True
        check = set(pinned) | chosen_now | added


def suppress(frame: pd.DataFrame, catalogue: Catalogue, threshold: int) -> pd.DataFrame:
    """A copy of a tidy table with small counts and the cells that would give them away hidden (value NaN, flag
    "c"). Rows already flagged "c" stay hidden. `threshold` [persons]: counts below it are hidden."""
    result = frame.reset_index(drop=True).copy()
    keys = [
        (int(year), _quarter_key(quarter), str(indicator), str(dimension), str(category))
        for year, quarter, indicator, dimension, category in zip(
            result["year"],
            result["quarter"],
            result["indicator"],
            result["dimension"],
            result["category"],
            strict=True,
        )
    ]
    table = _Table(
        values=[float(value) for value in result["value"]],
        keys=keys,
        units=[str(unit) for unit in result["unit"]],
        hidden=[str(flag) == FLAG_SUPPRESSED for flag in result["flag"]],
    )
    for position, unit in enumerate(table.units):
        if unit in COUNT_UNITS and 0 < table.values[position] < threshold:
            table.hidden[position] = True

    # The groups audited together: one period of the count indicators that share a total, or of one indicator.
    group_of = _group_names(catalogue)
    counts: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    others: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for position, (year, quarter, indicator, _, _) in enumerate(keys):
        meta = catalogue.indicators.get(indicator)
        if meta is not None and meta.suppress_like is not None:
            others[(year, quarter, indicator)].append(position)
        else:
            counts[(year, quarter, group_of.get(indicator, indicator))].append(position)
    for positions in counts.values():
        _protect(positions, table, catalogue)

    for (year, quarter, indicator), positions in others.items():
        leader = catalogue.indicators[indicator].suppress_like
        leader_hidden: set[tuple[str, str]] = {
            (keys[position][3], keys[position][4])
            for position in counts.get((year, quarter, group_of.get(str(leader), str(leader))), [])
            if keys[position][2] == leader and table.hidden[position]
        }
        for position in positions:
            if (keys[position][3], keys[position][4]) in leader_hidden:
                table.hidden[position] = True
        _protect(positions, table, catalogue)

    mask = pd.Series(table.hidden, index=result.index, dtype="bool")
    result.loc[mask, "value"] = math.nan
    result.loc[mask, "flag"] = FLAG_SUPPRESSED
    return result


def _group_names(catalogue: Catalogue) -> dict[str, str]:
    """{indicator: the first indicator of its chain of ``same_total_as``}: indicators audited together."""
    names = {}
    for indicator, meta in catalogue.indicators.items():
        seen = {indicator}
        name = indicator
        current: IndicatorMeta | None = meta
        while current is not None and current.same_total_as and current.same_total_as not in seen:
            name = current.same_total_as
            seen.add(name)
            current = catalogue.indicators.get(name)
        names[indicator] = name
    return names
