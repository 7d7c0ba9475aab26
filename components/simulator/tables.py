"""Tables of the simulator: key figures, the coverage check, and the comparison of scenarios.

Plain HTML tables with a caption and header cells with a scope, Belgian number formats, numbers right-aligned.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Final

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from components.shell.dom import attributes
from components.shell.formatting import format_eur, format_millions, format_number, format_percent
from components.shell.tables import scroll_region
from components.simulator.controls import (
    choice_value,
    number_text,
    source_note,
    status_badge,
    to_display,
    unit_text,
)
from data.parameter_store import ParameterValue, load_parameters
from data.results import OUTPUT_UNITS, category_label, output_label, output_unit
from data.scenario.decomposition import EFFECTS, Decomposition
from data.scenario.schema import Override, Scenario, baseline_values, is_dated, scenario_parameters
from i18n import t
from simulation.coverage import CoverageRow
from simulation.summary import STATISTIC, STOCKS

#: The key figures in the order shown, with their unit.
KEY_FIGURES: Final = (
    ("first_year_cost", "EUR"),
    ("cumulative_cost_horizon", "EUR"),
    ("workers_imw_2030", "persons"),
    ("peak_queue", "persons"),
    ("cost_per_worker_year", "EUR/year"),
    ("final_workers", "persons"),
)


def format_amount(value: float, unit: str) -> str:
    """A key figure in its unit: € 1.234,5 mln, € 12.345 or 1.234."""
    if unit == "EUR":
        return format_millions(value)
    if unit == "EUR/year":
        return format_eur(value)
    return format_number(value)


def format_signed(value: float, unit: str) -> str:
    """A difference with its sign: +€ 12,3 mln, −1.234; one that rounds to zero as shown has no sign.

    >>> format_signed(-20_000.0, "EUR") == format_signed(0.0, "EUR"), format_signed(-3.0, "persons")
    (True, '−3')
    >>> format_signed(1_260_000.0, "EUR").replace("\\xa0", " ")
    '+€ 1,3 mln'
    """
    shown = format_amount(abs(value), unit)
    if not math.isfinite(value) or shown == format_amount(0.0, unit):
        return format_amount(0.0, unit)
    return ("+" if value > 0 else "−") + shown


def _table(
    caption: str,
    header: Sequence[Any],
    rows: Sequence[Sequence[Any]],
    numeric_from: int = 1,
    caption_hidden: bool = False,
    stacked: bool = False,
) -> html.Div:
    """A table of the simulator in its labelled scroll region. `stacked`: on a phone each row becomes a block of
    its own, every value on a line behind its column's name (assets/portal.css, `.table-stack`), so that the
    scenarios of Vergelijken read one under the other; explicit roles keep it a table for screen readers when CSS
    lays it out as blocks."""

    def roles(role: str) -> dict[str, Any]:
        return {"role": role} if stacked else {}

    names = [cell if isinstance(cell, str) else "" for cell in header]
    head = html.Thead(
        html.Tr(
            [
                html.Th(
                    cell,
                    scope="col",
                    className="text-end" if index >= numeric_from else None,
                    **roles("columnheader"),
                )
                for index, cell in enumerate(header)
            ],
            **roles("row"),
        ),
        **roles("rowgroup"),
    )
    body = html.Tbody(
        [
            html.Tr(
                [
                    html.Th(row[0], scope="row", className="fw-normal", **roles("rowheader")),
                    *(
                        html.Td(
                            cell,
                            className="text-end text-nowrap" if index >= numeric_from else None,
                            **roles("cell"),
                            **(attributes({"data-label": names[index]}) if stacked else {}),
                        )
                        for index, cell in enumerate(row[1:], start=1)
                    ),
                ],
                **roles("row"),
            )
            for row in rows
        ],
        **roles("rowgroup"),
    )
    # A heading above the table names it already: then the caption is for screen readers only.
    children = [
        html.Caption(caption, className="visually-hidden" if caption_hidden else "caption-top"),
        head,
        body,
    ]
    if stacked:
        table: Any = html.Table(
            children, className="table table-sm table-hover sim-table table-stack", role="table"
        )
    else:
        table = dbc.Table(children, bordered=False, hover=True, size="sm", class_name="sim-table")
    return scroll_region(table, caption)


def key_figures_table(
    figures: Mapping[str, Mapping[str, float]], n_draws: int, horizon_years: int, language: str
) -> html.Div:
    """The key figures: the central projection (STATISTIC) and, with draws, their P5-P95 range."""
    header = [t("sim.key.figure", language), t("sim.key.central", language)]
    if n_draws:
        header.append(t("sim.key.band", language).format(n=format_number(n_draws)))
    rows = []
    for name, unit in KEY_FIGURES:
        if name not in figures:
            continue  # outside the horizon (the end of 2030 on a short one)
        label = t(f"sim.key.{name}", language).format(n=horizon_years)
        row: list[Any] = [label, format_amount(figures[name][STATISTIC], unit)]
        if n_draws:
            row.append(
                f"{format_amount(figures[name]['p5'], unit)} – {format_amount(figures[name]['p95'], unit)}"
            )
        rows.append(row)
    return _table(t("sim.key_figures", language), header, rows)


#: What the simulator opens with: the difference from the baseline, per year and over the horizon.
DIFFERENCE_FIGURES: Final = (
    ("first_year_cost", "EUR"),
    ("cumulative_cost_horizon", "EUR"),
    ("workers_imw_2030", "persons"),
    ("final_workers", "persons"),
    ("peak_queue", "persons"),
)


def baseline_difference(
    figures: Mapping[str, Mapping[str, float]],
    baseline: Mapping[str, Mapping[str, float]] | None,
    horizon_years: int,
    language: str,
) -> Any:
    """The scenario against the baseline on the same horizon: each headline figure of both (the central
    projection, STATISTIC) and the difference; for the baseline itself, a line that says so."""
    if baseline is None:
        return html.P(t("sim.difference.is_baseline", language), className="mb-0")
    header = [
        t("sim.key.figure", language),
        t("sim.difference.scenario", language),
        t("sim.difference.baseline", language),
        t("sim.difference.difference", language),
    ]
    rows = []
    for name, unit in DIFFERENCE_FIGURES:
        if name not in figures or name not in baseline:
            continue
        mine, theirs = figures[name][STATISTIC], baseline[name][STATISTIC]
        label = t(f"sim.key.{name}", language).format(n=horizon_years)
        rows.append(
            [
                label,
                format_amount(mine, unit),
                format_amount(theirs, unit),
                format_signed(mine - theirs, unit),
            ]
        )
    return html.Div(
        [
            _table(t("sim.difference", language), header, rows, caption_hidden=True),
            html.P(t("sim.difference.note", language), className="small text-body-secondary mb-0"),
        ]
    )


def warnings_block(warnings: Sequence[Mapping[str, object]], language: str) -> Any:
    """The plausibility warnings of a result, each naming its bound and its first quarter (nothing when none)."""
    if not warnings:
        return ""
    items = []
    for warning in warnings:
        code = str(warning["code"])
        items.append(
            html.Li(
                t(f"sim.warning.{code}", language).format(
                    quarter=str(warning["first_quarter"]).replace("K", "Q" if language == "en" else "K"),
                    bound=format_number(float(warning["bound"])),  # type: ignore[arg-type]
                    worst=format_number(float(warning["worst"])),  # type: ignore[arg-type]
                    share=format_percent(float(warning["share_of_draws"])),  # type: ignore[arg-type]
                    detail=str(warning.get("detail", "")),
                )
            )
        )
    return html.Div(
        [html.H3(t("sim.warnings", language), className="h6"), html.Ul(items, className="mb-0")],
        className="alert alert-warning py-2",
        role="status",
    )


def variance_table(
    shares: Mapping[str, Mapping[str, float]], cost_years: int, language: str, rows_shown: int = 8
) -> Any:
    """Each assumption's share of the variance of the cost and of the longest queue, largest first."""
    cost = shares.get("cumulative_cost_10y", {})
    queue = shares.get("peak_queue", {})
    if not cost and not queue:
        return html.P(t("sim.variance.none", language), className="small")
    parameters = load_parameters()
    names = sorted(set(cost) | set(queue), key=lambda n: -max(cost.get(n, 0.0), queue.get(n, 0.0)))[
        :rows_shown
    ]
    header = [
        t("sim.variance.assumption", language),
        t("sim.variance.cost", language).format(n=cost_years),
        t("sim.variance.queue", language),
    ]
    rows = [
        [
            parameters[name].label(language) if name in parameters else name,
            format_percent(cost.get(name, 0.0)),
            format_percent(queue.get(name, 0.0)),
        ]
        for name in names
    ]
    children: list[Any] = [
        html.P(t("sim.variance.caption", language).format(n=cost_years), className="small")
    ]
    if cost:
        top = max(cost, key=lambda n: cost[n])
        if cost[top] >= 0.3:
            children.append(
                html.P(
                    t("sim.variance.depends", language).format(
                        label=parameters[top].label(language) if top in parameters else top,
                        share=format_percent(cost[top]),
                    ),
                    className="fw-semibold",
                )
            )
    children.append(_table(t("sim.variance", language), header, rows, caption_hidden=True))
    return html.Div(children)


def coverage_table(rows: Sequence[CoverageRow], language: str) -> html.Div:
    """Premium against coaching cost per need level, per quarter, with the share covered."""

    def premium(amount: float, coverage: float) -> list[Any]:
        share = "∞" if math.isinf(coverage) else format_percent(coverage)
        words = t("sim.coverage.ratio", language).format(share=share)
        cell: list[Any] = [format_eur(amount), html.Br(), html.Small(words)]
        if coverage < 1:
            cell.append(
                html.Span(f" ({t('sim.coverage.short', language)})", className="text-danger fw-semibold")
            )
        return cell

    table_rows = [
        [
            category_label(f"coaching.{row.need}", language),
            format_eur(row.coaching_cost),
            premium(row.premium_first_quarters, row.coverage_first_quarters),
            premium(row.premium_later_quarters, row.coverage_later_quarters),
        ]
        for row in rows
    ]
    header = [
        t("sim.coverage.need", language),
        t("sim.coverage.cost", language),
        t("sim.coverage.first", language),
        t("sim.coverage.later", language),
    ]
    return html.Div(_table(t("sim.coverage", language), header, table_rows, caption_hidden=True))


def parameter_text(name: str, value: ParameterValue, language: str) -> str:
    """A parameter's value in its unit as a person reads it: 45 %, 1.200 € per kwartaal, bovenop het contingent."""
    parameter = scenario_parameters()[name]
    control = parameter.control
    if control is not None and control.allowed is not None:
        return t(f"sim.choice.{choice_value(value)}", language)
    if isinstance(value, bool | str):
        return str(value)
    shown = number_text(to_display(float(value), parameter.unit))
    unit = unit_text(parameter.unit, language)
    if unit.startswith("%"):
        return f"{shown}\u00a0{unit}"
    if unit.startswith("€"):
        return f"€\u00a0{shown}{unit[1:]}"  # € 1.200 per kwartaal
    return f"{shown} {unit}"


def override_text(name: str, override: Override | None, baseline: ParameterValue, language: str) -> str:
    """A scenario's value of a parameter in words: the value, or each value with the date it holds from."""
    if override is None:
        return parameter_text(name, baseline, language)
    if is_dated(override):
        parts = [
            f"{t('sim.from.short', language)} {start.strftime('%d-%m-%Y')}: {parameter_text(name, value, language)}"
            for start, value in override  # type: ignore[union-attr]
        ]
        return "; ".join(parts)
    return parameter_text(name, override, language)  # type: ignore[arg-type]


def parameter_differences(scenarios: Sequence[tuple[str, Scenario]], language: str) -> html.Div:
    """The parameters (and settings) that differ between the scenarios, with status and legal source."""
    baseline = baseline_values()
    rows: list[list[Any]] = []
    settings = (("horizon_years", "sim.horizon"), ("draws", "sim.draws"))
    for attribute, key in settings:
        shown = [getattr(scenario, attribute) for _, scenario in scenarios]
        if len(set(shown)) > 1:
            rows.append([t(key, language), *(format_number(v) for v in shown)])
    for name, parameter in scenario_parameters().items():
        shown_values = [override_text(name, scenario.parameters.get(name), baseline[name], language)
                        for _, scenario in scenarios]  # fmt: skip
        if all(value == shown_values[0] for value in shown_values[1:]):
            continue
        label = [
            parameter.label(language),
            status_badge(parameter.status, language),
            html.Br(),
            html.Small(source_note(parameter, language), className="text-body-secondary"),
        ]
        rows.append([label, *shown_values])
    if not rows:
        return html.P(t("sim.compare.parameters.none", language))
    header = [t("sim.compare.parameter", language), *(name for name, _ in scenarios)]
    return html.Div(
        _table(t("sim.compare.parameters", language), header, rows, caption_hidden=True, stacked=True)
    )


def _total(annual: pd.DataFrame, output: str, years: Sequence[int]) -> float:
    rows = annual[(annual["output"] == output) & annual["year"].isin(years)]
    if output.split(".")[0] in STOCKS:
        return float(rows.sort_values("year")[STATISTIC].iloc[-1]) if len(rows) else float("nan")
    return float(rows[STATISTIC].sum())


def _output_unit(output: str) -> str:
    return {"EUR": "EUR", "kans": "share"}.get(output_unit(output), "persons")


#: The outputs the comparison opens with: what the budget and the contingent come to.
HEADLINE_OUTPUTS: Final = (
    "total_cost",
    "loonpremie_cost",
    "begeleiding_cost",
    "fallback_cost",
    "workers_imw",
    "workers",
    "queue",
)


def _is_zero(value: float) -> bool:
    return not math.isfinite(value) or abs(value) < 1e-9


def difference_rows(
    annuals: Sequence[tuple[str, pd.DataFrame]],
    years: Sequence[int],
    outputs: Sequence[str],
    language: str,
    only_changed: bool = False,
) -> list[list[Any]]:
    """A row per output: each scenario's value over `years` (STATISTIC) and its difference from the first.
    Rows that are zero in every scenario are left out; with `only_changed`, also those with no difference."""
    _, annual_a = annuals[0]
    rows = []
    for output in outputs:
        unit = _output_unit(output)
        base = _total(annual_a, output, years)
        values = [_total(annual, output, years) for _, annual in annuals[1:]]
        if all(_is_zero(value) for value in (base, *values)):
            continue
        if only_changed and all(_is_zero(value - base) for value in values):
            continue
        row: list[Any] = [output_label(output, language), _cell(base, unit)]
        for value in values:
            row += [_cell(value, unit), _difference(value - base, unit)]
        rows.append(row)
    return rows


def _differences_header(annuals: Sequence[tuple[str, pd.DataFrame]], language: str) -> list[Any]:
    header: list[Any] = [t("sim.compare.output", language), annuals[0][0]]
    for letter, (name, _) in zip("BC", annuals[1:], strict=False):
        header += [name, t("sim.compare.difference", language).format(a="A", b=letter)]
    return header


def output_differences(
    annuals: Sequence[tuple[str, pd.DataFrame]],
    years: Sequence[int],
    language: str,
    headline: bool = False,
) -> html.Div:
    """Every output of the export (breakdowns included) per scenario over the shared years, and B − A, C − A,
    for the central projection (STATISTIC); rows that are zero in every scenario left out. `headline`: only the
    budget and contingent outputs that differ between the scenarios (what the comparison opens with)."""
    _, annual_a = annuals[0]
    if headline:
        outputs: list[str] = list(HEADLINE_OUTPUTS)
    else:
        outputs = list(OUTPUT_UNITS) + [
            name for name in annual_a["output"].unique() if "." in name and name.split(".")[0] in OUTPUT_UNITS
        ]
    rows = difference_rows(annuals, years, outputs, language, only_changed=headline)
    caption = t("sim.compare.headline" if headline else "sim.compare.outputs", language)
    note = html.P(
        t("sim.compare.outputs.caption", language).format(first=years[0], last=years[-1]),
        className="small text-body-secondary",
    )
    if not rows:
        return html.Div([html.P(t("sim.compare.headline.none", language)), note])
    return html.Div(
        [
            _table(caption, _differences_header(annuals, language), rows, caption_hidden=True, stacked=True),
            note,
        ]
    )


def _cell(value: float, unit: str) -> str:
    if unit == "share":
        return format_percent(value)
    return format_amount(value, unit)


def _difference(value: float, unit: str) -> str:
    if unit == "share":
        points = value * 100
        return (
            ("+" if points > 0.05 else "−" if points < -0.05 else "") + format_number(abs(points), 1) + " pp"
        )
    return format_signed(value, unit)


def decomposition_table(result: Decomposition, name_a: str, name_b: str, language: str) -> html.Div:
    """The effects of the decomposition and their sum, cumulative over the years [EUR]."""
    rows = [
        [t(f"sim.effect.{effect}", language), format_signed(result.cumulative(effect), "EUR")]
        for effect in EFFECTS
    ]
    total = result.cumulative("target") - result.cumulative("base")
    rows.append([html.Strong(t("sim.effect.total", language)), html.Strong(format_signed(total, "EUR"))])
    caption = f"{name_b} − {name_a}"
    return html.Div(_table(caption, [t("sim.effect.effect", language), "€"], rows))
