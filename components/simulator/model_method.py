"""The model's part of the Methodologie page: how the projection works, what it assumes, how it was calibrated, and
its backtest against every point published after the calibration years (as a chart and a table).

Builders only: (data, language) -> Dash tree or figure. The backtest is computed once per process (it is seeded, and
the model and the parameters do not change while a process runs).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final

import dash_bootstrap_components as dbc
from dash import dcc, html

from components.shell.graph_config import GRAPH_CONFIG
from components.shell.style import FONT_FAMILY, GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR
from components.shell.tables import scroll_region
from components.simulator.controls import number_text, to_display, unit_text
from data.backtest import Backtest, BacktestPoint, run_backtest
from data.parameter_store import load_parameters
from data.scenario.schema import uncertain_parameters
from i18n import t
from i18n.formats import PLOTLY_SEPARATORS, format_number, format_percent

#: The sections of the model part of the page: anchor and heading key (the parameter files link to these).
SECTIONS: Final = (
    ("instroom", "model.inflow"),
    ("uitstroom", "model.exits"),
    ("lonen", "model.wages"),
    ("begeleiding", "model.coaching"),
    ("terugvalpositie", "model.fallback"),
    ("kalibratie", "model.calibration"),
    ("bindend", "model.binding"),
)


@lru_cache(maxsize=1)
def backtest() -> Backtest:
    """The backtest of the baseline (once per process)."""
    return run_backtest()


def _shown(value: float) -> str:
    return format_number(value, 0 if abs(value) >= 100 else 1)


def backtest_figure(points: tuple[BacktestPoint, ...], language: str) -> dict[str, Any]:
    """One panel per series: the published points and the projection's P50 with its P5-P95 band."""
    series = list(dict.fromkeys(point.indicator for point in points))
    height = 190 * len(series) + 60
    data: list[dict[str, Any]] = []
    layout: dict[str, Any] = {
        "height": height,
        "margin": {"l": 70, "r": 20, "t": 40, "b": 40},
        "font": {"family": FONT_FAMILY, "color": TEXT_COLOUR},
        "separators": PLOTLY_SEPARATORS,
        "showlegend": True,
        "legend": {"orientation": "h", "y": 1.04, "yanchor": "bottom"},
        "plot_bgcolor": "white",
        "annotations": [],
    }
    gap = 0.08
    span = (1.0 - gap * (len(series) - 1)) / len(series)
    for index, indicator in enumerate(series):
        rows = [p for p in points if p.indicator == indicator]
        axis = "" if index == 0 else str(index + 1)
        top = 1.0 - index * (span + gap)
        layout[f"yaxis{axis}"] = {"domain": [top - span, top], "gridcolor": GRID_COLOUR, "tickformat": ",.0f",
                                  "automargin": True}  # fmt: skip
        layout[f"xaxis{axis}"] = {"anchor": f"y{axis}", "type": "category", "gridcolor": GRID_COLOUR}
        layout["annotations"].append(
            {
                "text": f"<b>{t(f'backtest.label.{indicator}', language)}</b>",
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": top,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
            }
        )
        periods = [p.period.replace("K", "Q") if language == "en" else p.period for p in rows]
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": periods,
                "y": [p.p50 for p in rows],
                "name": t("model.backtest.model", language),
                "showlegend": index == 0,
                "marker": {"color": SERIES_COLOURS[0], "symbol": "diamond", "size": 9},
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": [p.p95 - p.p50 for p in rows],
                    "arrayminus": [p.p50 - p.p5 for p in rows],
                    "color": SERIES_COLOURS[0],
                    "width": 6,
                },
                "xaxis": f"x{axis}",
                "yaxis": f"y{axis}",
                "hovertemplate": "%{y:,.0f}",
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": periods,
                "y": [p.published for p in rows],
                "name": t("model.backtest.published", language),
                "showlegend": index == 0,
                "marker": {
                    "color": SERIES_COLOURS[1],
                    "symbol": ["circle" if p.inside else "x" for p in rows],
                    "size": 11,
                    "line": {"width": 1, "color": TEXT_COLOUR},
                },
                "xaxis": f"x{axis}",
                "yaxis": f"y{axis}",
                "hovertemplate": "%{y:,.0f}",
            }
        )
    return {"data": data, "layout": layout}


def _table(caption: str, header: list[str], rows: list[list[Any]]) -> html.Div:
    table = dbc.Table(
        [
            html.Caption(caption, className="visually-hidden"),
            html.Thead(html.Tr([html.Th(cell, scope="col") for cell in header])),
            html.Tbody(
                [
                    html.Tr(
                        [
                            html.Th(row[0], scope="row", className="fw-normal"),
                            *(html.Td(cell) for cell in row[1:]),
                        ]
                    )
                    for row in rows
                ]
            ),
        ],
        size="sm",
        class_name="sim-table",
    )
    return scroll_region(table, caption)


def backtest_table(points: tuple[BacktestPoint, ...], language: str) -> html.Div:
    header = [t("model.backtest.series", language), t("model.backtest.period", language),
              t("model.backtest.published", language), "P50", "P5–P95", t("model.backtest.error", language),
              t("model.backtest.inside", language)]  # fmt: skip
    rows = []
    for p in points:
        note = f" ({p.note[language]})" if p.note else ""
        rows.append([
            t(f"backtest.label.{p.indicator}", language),
            (p.period.replace("K", "Q") if language == "en" else p.period) + note,
            _shown(p.published), _shown(p.p50), f"{_shown(p.p5)} – {_shown(p.p95)}",
            format_percent(p.relative_error, 1),
            t("model.backtest.yes", language) if p.inside else html.Strong(t("model.backtest.no", language)),
        ])  # fmt: skip
    return _table(t("model.backtest.heading", language), header, rows)


def ModelSection(language: str) -> list[Any]:
    """The model's sections of the Methodologie page."""
    result = backtest()
    summary = result.summary()
    known = result.summary(result.points_known_contingent)
    children: list[Any] = [
        html.H2(t("model.heading", language), id="model", className="h4 mt-4"),
        html.P(t("model.intro", language)),
    ]
    for anchor, key in SECTIONS:
        children += [html.H3(t(f"{key}.heading", language), id=anchor, className="h5 mt-3"),
                     html.P(t(f"{key}.text", language))]  # fmt: skip
    binding_rows = [
        [t("model.binding.august", language).format(year=row.year) if row.august else str(row.year),
         _shown(row.queue), _shown(row.open_persons),
         t("model.backtest.yes" if row.binding else "model.backtest.no", language)]
        for row in result.binding
    ]  # fmt: skip
    children.append(
        _table(t("model.binding.heading", language),
               [t("model.binding.year", language), t("model.binding.queue", language),
                t("model.binding.open", language), t("model.binding.binding", language)], binding_rows)
    )  # fmt: skip
    children += [
        html.H3(t("model.backtest.heading", language), id="backtest", className="h5 mt-3"),
        html.P(
            t("model.backtest.text", language).format(
                draws=format_number(result.draws), inside=int(summary["inside"]), points=int(summary["points"]),
                width=format_percent(summary["median_relative_width"], 1), inside_known=int(known["inside"]),
                points_known=int(known["points"]),
            )
        ),
        dcc.Graph(
            id="model-backtest-graph",
            figure=backtest_figure(result.points, language),
            config=GRAPH_CONFIG,  # type: ignore[arg-type]  # a plain dict of Plotly's config keys
            responsive=True,
        ),
        html.P(t("model.backtest.chart", language), className="small text-body-secondary"),
        backtest_table(result.points, language),
        html.H3(t("model.milestones.heading", language), id="mijlpalen", className="h5 mt-3"),
        _table(
            t("model.milestones.heading", language),
            [t("model.milestones.figure", language), t("model.backtest.period", language),
             t("model.backtest.published", language), t("model.milestones.model", language),
             t("model.milestones.what", language)],
            [[m.what[language] + (t("model.milestones.fitted", language) if m.fitted else ""), m.period,
              _shown(m.published), _shown(m.model), m.model_what[language]] for m in result.milestones],
        ),
    ]  # fmt: skip
    parameters = load_parameters()
    assumption_rows = []
    for parameter in uncertain_parameters(parameters).values():
        u = parameter.uncertainty
        assert u is not None
        shown = [number_text(to_display(x, parameter.unit)) for x in (u.low, u.mode, u.high)]
        assumption_rows.append([parameter.label(language), unit_text(parameter.unit, language), *shown])
    children += [
        html.H3(t("model.assumptions.heading", language), id="aannames", className="h5 mt-3"),
        html.P(t("model.assumptions.text", language)),
        _table(t("model.assumptions.heading", language),
               [t("sim.variance.assumption", language), t("model.assumptions.unit", language),
                t("model.assumptions.low", language),
                t("model.assumptions.central", language), t("model.assumptions.high", language)],
               assumption_rows),
    ]  # fmt: skip
    return children
