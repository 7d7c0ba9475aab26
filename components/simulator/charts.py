"""Chart builders of the simulator: an annual table (or sensitivity, decomposition) in, a Plotly figure out.

Figures are plain Plotly figure mappings (``{"data": [...], "layout": {...}}``), which dcc.Graph draws as they are:
building them through plotly's graph objects validates every property and costs 10 to 40 ms a figure, too much
for a page that redraws six of them within 100 ms of a repeated scenario.

Belgian number formats (``separators=",."``); money in millions of euro at current prices. Every figure carries
the words 'projection on assumptions' in its own heading, so that a copied image still says what it is. Series are
told apart by colour and by pattern, marker or dash, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import pandas as pd

from components.shell.formatting import NBSP, PLOTLY_SEPARATORS
from components.shell.graph_config import GRAPH_CONFIG as SHARED_GRAPH_CONFIG
from components.shell.graph_config import finish_figure_data
from components.shell.style import FONT_FAMILY, GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR
from data.results import output_label
from data.scenario.decomposition import EFFECTS, Decomposition
from i18n import t
from simulation import COACHING_NEEDS, MODEL_VERSION
from simulation.sensitivity import Sensitivity
from simulation.summary import BREAKDOWN_PACKAGES, STATISTIC

Figure = dict[str, Any]

MILLION: Final = 1e6
PATTERNS: Final = ("", "/", ".", "x", "-", "+")
DASHES: Final = ("solid", "dash", "dot", "dashdot")
#: Graph options: no logo, no upload to a third party, the image download kept (named after the chart).
# The Plotly config of every chart, the simulator's included: components/shell/graph_config.py (no mode bar).
GRAPH_CONFIG: Final = SHARED_GRAPH_CONFIG
POSITIVE: Final = "#b91c1c"
NEGATIVE: Final = "#2f6b1e"
TOTAL: Final = "#0b5394"
LIGHT: Final = "#9ec5e8"


def pattern(shape: str) -> dict[str, Any]:
    """A light hatching over the series colour: series stay apart without colour, and stay easy to read."""
    return {
        "shape": shape,
        "fillmode": "overlay",
        "fgcolor": "rgba(255,255,255,0.6)",
        "size": 7,
        "solidity": 0.25,
    }


def _heading(language: str) -> dict[str, Any]:
    return {
        "text": t("sim.projection_note", language).split(".")[0] + ".",
        "font": {"size": 12, "color": TEXT_COLOUR},
        # Placed on the figure, not the plot area, so that long axis labels never push it out of view.
        "x": 0.01,
        "xanchor": "left",
        "xref": "container",
        "y": 0.99,
        "yanchor": "top",
        "yref": "container",
    }


def base_layout(language: str, height: int = 420) -> dict[str, Any]:
    """What every simulator figure shares."""
    return {
        "separators": PLOTLY_SEPARATORS,
        "font": {"family": FONT_FAMILY, "size": 14, "color": TEXT_COLOUR},
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "title": _heading(language),
        "margin": {"l": 72, "r": 16, "t": 48, "b": 40},
        "height": height,
        "hovermode": "x unified",
        # Kept across redraws: a zoom or a series hidden in the legend stays when only the data changes.
        "uirevision": "simulator",
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}},
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "xanchor": "left", "yanchor": "top"},
    }


def _year_axis(**extra: Any) -> dict[str, Any]:
    return {"type": "category", "showgrid": False, "linecolor": TEXT_COLOUR, **extra}


def _value_axis(
    title: str = "", prefix: str = "", suffix: str = "", tick: str = ",.0f", **extra: Any
) -> dict[str, Any]:
    return {
        "title": {"text": title},
        "tickprefix": prefix,
        "ticksuffix": suffix,
        "tickformat": tick,
        "rangemode": "tozero",
        "gridcolor": GRID_COLOUR,
        "zerolinecolor": TEXT_COLOUR,
        "automargin": True,
        **extra,
    }


def _millions_axis(**extra: Any) -> dict[str, Any]:
    return _value_axis(prefix=f"€{NBSP}", suffix=f"{NBSP}mln", **extra)


_COLUMNS: dict[int, tuple[pd.DataFrame, dict[str, Any]]] = {}
_COLUMNS_MAX: Final = 16


def _column(annual: pd.DataFrame, name: str) -> Any:
    """A column of an annual table as a numpy array, kept for the few tables read last (a redraw reads some
    thirty series of the same table)."""
    kept = _COLUMNS.get(id(annual))
    if kept is None or kept[0] is not annual:
        while len(_COLUMNS) >= _COLUMNS_MAX:
            _COLUMNS.pop(next(iter(_COLUMNS)))
        kept = _COLUMNS[id(annual)] = (annual, {})
    columns = kept[1]
    if name not in columns:
        columns[name] = annual[name].to_numpy()
    return columns[name]


def output_series(annual: pd.DataFrame, output: str, statistic: str = STATISTIC) -> pd.Series:
    """One output of an annual table by year (the central projection unless another statistic is asked), with
    numpy masks rather than pandas' aligned comparison: the simulator reads some thirty series for one redraw
    (40 ms with pandas)."""
    mask = _column(annual, "output") == output
    years = _column(annual, "year")[mask].astype(int)
    return pd.Series(_column(annual, statistic)[mask], index=years, name=output)


_series = output_series


def _years(values: pd.Series) -> list[str]:
    return [str(year) for year in values.index]


def _panel_title(text: str, top: float) -> dict[str, Any]:
    """A subplot's title above its panel (paper coordinates)."""
    return {
        "text": f"<b>{text}</b>",
        "x": 0,
        "xref": "paper",
        "xanchor": "left",
        "y": top,
        "yref": "paper",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 13},
    }


def budget_figure(annual: pd.DataFrame, n_draws: int, language: str) -> Figure:
    """Annual cost stacked by the IMW loonpremie, the running VOPs, the begeleidingspremie and the places on top of
    the contingent (the central projection); with draws, the total's P5-P95 as error bars on its marker."""
    data: list[dict[str, Any]] = []
    stacked = ("loonpremie_imw_cost", "loonpremie_vop_cost", "begeleiding_cost", "fallback_cost")
    for index, output in enumerate(stacked):
        values = _series(annual, output) / MILLION
        data.append(
            {
                "type": "bar",
                "x": _years(values),
                "y": values.to_list(),
                "name": output_label(output, language),
                "marker": {"color": SERIES_COLOURS[index], "pattern": pattern(PATTERNS[index])},
                "hovertemplate": f"€{NBSP}%{{y:,.1f}}{NBSP}mln",
            }
        )
    if n_draws > 0:
        median = _series(annual, "total_cost") / MILLION
        low = _series(annual, "total_cost", "p5") / MILLION
        high = _series(annual, "total_cost", "p95") / MILLION
        data.append(
            {
                "type": "scatter",
                "x": _years(median),
                "y": median.to_list(),
                "mode": "markers",
                "name": t("sim.chart.band", language),
                "marker": {"color": TEXT_COLOUR, "symbol": "diamond", "size": 8},
                "error_y": {
                    "type": "data",
                    "symmetric": False,
                    "array": (high - median).to_list(),
                    "arrayminus": (median - low).to_list(),
                    "color": TEXT_COLOUR,
                    "thickness": 1.5,
                    "width": 6,
                },
                "customdata": [[a, b] for a, b in zip(low.to_list(), high.to_list(), strict=True)],
                "hovertemplate": (
                    f"€{NBSP}%{{y:,.1f}}{NBSP}mln (P5–P95: €{NBSP}%{{customdata[0]:,.1f}} – "
                    f"€{NBSP}%{{customdata[1]:,.1f}}{NBSP}mln)"
                ),
            }
        )
    layout = base_layout(language) | {"barmode": "stack", "xaxis": _year_axis(), "yaxis": _millions_axis()}
    return {"data": data, "layout": layout}


def _stacked_stock_figure(annual: pd.DataFrame, outputs: Sequence[str], language: str) -> Figure:
    data = []
    for index, output in enumerate(outputs):
        values = _series(annual, output)
        data.append(
            {
                "type": "bar",
                "x": _years(values),
                "y": values.to_list(),
                "name": output_label(output, language).split(" – ")[-1],
                "marker": {
                    "color": SERIES_COLOURS[index % len(SERIES_COLOURS)],
                    "pattern": pattern(PATTERNS[index % len(PATTERNS)]),
                },
                "hovertemplate": "%{y:,.0f}",
            }
        )
    layout = base_layout(language, height=380) | {
        "barmode": "stack",
        "xaxis": _year_axis(),
        "yaxis": _value_axis(t("sim.chart.axis.persons", language)),
    }
    return {"data": data, "layout": layout}


def workers_figure(annual: pd.DataFrame, language: str) -> Figure:
    """IMW workers at the end of each year, stacked by package."""
    return _stacked_stock_figure(annual, [f"workers.package.{p}" for p in BREAKDOWN_PACKAGES], language)


def coaching_figure(annual: pd.DataFrame, language: str) -> Figure:
    """IMW workers at the end of each year, stacked by need for coaching."""
    return _stacked_stock_figure(annual, [f"workers.coaching.{c}" for c in COACHING_NEEDS], language)


#: The three panels of the contingent figure, top to bottom: their vertical extent on the figure.
_CONTINGENT_PANELS: Final = ((0.60, 1.0), (0.29, 0.53), (0.0, 0.22))


def contingent_figure(annual: pd.DataFrame, language: str) -> Figure:
    """Three panels over the years, one year axis: places and occupancy (FTE), the queue (persons), the
    probability that the contingent is full."""
    years = _years(_series(annual, "contingent_capacity"))
    fte = t("sim.chart.axis.fte", language)
    data: list[dict[str, Any]] = [
        {
            "type": "scatter",
            "x": years,
            "y": _series(annual, output).to_list(),
            "name": t(key, language),
            "mode": "lines+markers",
            "line": {"color": SERIES_COLOURS[index], "dash": DASHES[index]},
            "marker": {"symbol": ("circle", "square")[index]},
            "hovertemplate": f"%{{y:,.0f}} {fte}",
            "xaxis": "x",
            "yaxis": "y",
        }
        for index, (output, key) in enumerate(
            (("contingent_capacity", "sim.chart.capacity"), ("contingent_occupancy", "sim.chart.occupancy"))
        )
    ]
    data.append(
        {
            "type": "bar",
            "x": years,
            "y": _series(annual, "queue").to_list(),
            "name": t("sim.chart.queue", language),
            "marker": {"color": SERIES_COLOURS[2]},
            "hovertemplate": "%{y:,.0f}",
            "xaxis": "x",
            "yaxis": "y2",
        }
    )
    data.append(
        {
            "type": "bar",
            "x": years,
            "y": (_series(annual, "contingent_full", "mean") * 100).to_list(),  # a share of the draws
            "name": t("sim.chart.full", language),
            "marker": {"color": SERIES_COLOURS[3], "pattern": pattern("/")},
            "hovertemplate": f"%{{y:,.0f}}{NBSP}%",
            "xaxis": "x",
            "yaxis": "y3",
        }
    )
    top, middle, bottom = _CONTINGENT_PANELS
    layout = base_layout(language, height=620) | {
        # One year axis for the three panels, drawn under the lowest one.
        "xaxis": _year_axis(anchor="y3"),
        "yaxis": _value_axis(fte, domain=list(top), rangemode="normal"),
        "yaxis2": _value_axis(t("sim.chart.axis.persons", language), domain=list(middle)),
        "yaxis3": _value_axis(
            t("sim.chart.axis.probability", language), suffix=f"{NBSP}%", domain=list(bottom), range=[0, 105]
        ),
    }
    return {"data": data, "layout": layout}


def tornado_figure(
    result: Sensitivity,
    labels: Mapping[str, str],
    language: str,
    cost_measure: str = "cumulative_cost_10y",
    cost_years: int = 10,
) -> Figure:
    """Two tornados, one above the other, the assumptions ranked by their swing of the cost: the cost over the
    first years [EUR mln] and the longest queue [persons]. Each bar runs from the central value to the value at
    the assumption's low (light, dotted) and high (dark) end; the thin line is the central value."""
    rows = list(reversed(result.ranked(cost_measure)))  # widest at the top
    names = [labels.get(row.field, row.field) for row in rows]
    panel = 56 + 40 * max(len(rows), 1)
    height = 2 * panel + 150
    panels = (((0.56, 0.94), "x", "y"), ((0.0, 0.38), "x2", "y2"))
    measures = (
        (
            cost_measure,
            MILLION,
            f"€{NBSP}",
            f"{NBSP}mln",
            t("sim.sensitivity.cost", language).format(n=cost_years),
        ),
        ("peak_queue", 1.0, "", "", t("sim.sensitivity.queue", language)),
    )
    data: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    layout = base_layout(language, height=height)
    for ((low_end, high_end), xaxis, yaxis), (measure, scale, prefix, suffix, title) in zip(
        panels, measures, strict=True
    ):
        centre = result.central[measure] / scale
        for end, colour, pattern in (("low", LIGHT, "."), ("high", TOTAL, "")):
            data.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "x": [(getattr(row, f"at_{end}")[measure] / scale) - centre for row in rows],
                    "y": names,
                    "base": centre,
                    "name": t(f"sim.sensitivity.{end}", language),
                    "legendgroup": end,
                    "showlegend": xaxis == "x",
                    "marker": {
                        "color": colour,
                        "pattern": {"shape": pattern},
                        "line": {"color": TOTAL, "width": 1},
                    },
                    "hovertemplate": f"{prefix}%{{x:,.1f}}{suffix}<extra>%{{fullData.name}}</extra>",
                    "xaxis": xaxis,
                    "yaxis": yaxis,
                }
            )
        shapes.append(
            {
                "type": "line",
                "xref": xaxis,
                "yref": f"{yaxis} domain",
                "x0": centre,
                "x1": centre,
                "y0": 0,
                "y1": 1,
                "line": {"color": TEXT_COLOUR, "width": 1},
            }
        )
        annotations.append(_panel_title(title, high_end + 0.01))
        suffix_name = xaxis[1:]
        layout[f"xaxis{suffix_name}"] = {
            "anchor": yaxis,
            "tickprefix": prefix,
            "ticksuffix": suffix,
            "tickformat": ",.0f",
            "tickangle": 0,
            "nticks": 6,
            "gridcolor": GRID_COLOUR,
            "automargin": True,
        }
        layout[f"yaxis{yaxis[1:]}"] = {
            "anchor": xaxis,
            "domain": [low_end, high_end],
            "automargin": True,
            "showgrid": False,
            "type": "category",
        }
    layout |= {
        "barmode": "overlay",
        "hovermode": "closest",
        "margin": {"l": 16, "r": 24, "t": 64, "b": 40},
        "legend": {"orientation": "h", "x": 0, "y": -0.06, "xanchor": "left", "yanchor": "top"},
        "shapes": shapes,
        "annotations": annotations,
    }
    return {"data": data, "layout": layout}


def decomposition_figure(result: Decomposition, language: str) -> Figure:
    """A waterfall from zero through each effect to the total difference B - A over the years [EUR mln]."""
    labels = [*(t(f"sim.effect.{effect}", language) for effect in EFFECTS), t("sim.effect.total", language)]
    values = [
        *(result.cumulative(effect) / MILLION for effect in EFFECTS),
        (result.cumulative("target") - result.cumulative("base")) / MILLION,
    ]
    data = [
        {
            "type": "waterfall",
            "x": labels,
            "y": values,
            "measure": [*(["relative"] * len(EFFECTS)), "total"],
            "connector": {"line": {"color": GRID_COLOUR}},
            "increasing": {"marker": {"color": POSITIVE}},
            "decreasing": {"marker": {"color": NEGATIVE}},
            "totals": {"marker": {"color": TOTAL}},
            "texttemplate": "%{y:+,.1f}",
            "textposition": "outside",
            "hovertemplate": f"%{{x}}: €{NBSP}%{{y:,.1f}}{NBSP}mln<extra></extra>",
            "showlegend": False,
        }
    ]
    layout = base_layout(language, height=400) | {
        "hovermode": "closest",
        "xaxis": {"type": "category", "automargin": True},
        "yaxis": _millions_axis(rangemode="normal"),
    }
    return {"data": data, "layout": layout}


def compare_cost_figure(annuals: Sequence[tuple[str, pd.DataFrame]], language: str) -> Figure:
    """The annual total cost of each scenario (mean over the draws) as lines [EUR mln]."""
    symbols = ("circle", "square", "diamond")
    data = []
    for index, (name, annual) in enumerate(annuals):
        values = _series(annual, "total_cost") / MILLION
        data.append(
            {
                "type": "scatter",
                "x": _years(values),
                "y": values.to_list(),
                "name": name,
                "mode": "lines+markers",
                "line": {"color": SERIES_COLOURS[index], "dash": DASHES[index % len(DASHES)]},
                "marker": {"symbol": symbols[index % len(symbols)]},
                "hovertemplate": f"€{NBSP}%{{y:,.1f}}{NBSP}mln",
            }
        )
    layout = base_layout(language, height=400) | {"xaxis": _year_axis(), "yaxis": _millions_axis()}
    return {"data": data, "layout": layout}


def finished(figure: Figure, *, title: str, scenario_name: str, graph_id: str, language: str) -> Figure:
    """A simulator chart as the page shows it: fixed axes (a swipe scrolls the page), its narrow layout for a
    phone, and the picture's title, status and source for its PNG and SVG download."""
    return finish_figure_data(
        figure,
        title=title,
        status=t("sim.chart.export.status", language),
        source=t("sim.chart.export.source", language).format(name=scenario_name, model=MODEL_VERSION),
        filename=f"imw-{graph_id}",
        language=language,
    )
