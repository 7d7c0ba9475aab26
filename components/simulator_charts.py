"""Chart builders of the simulator: an annual table (or sensitivity, decomposition) in, a Plotly figure out.

Belgian number formats (``separators=",."``); money in millions of euro at current prices. Every figure carries
the words 'projection on assumptions' in its own heading, so that a copied image still says what it is. Series are
told apart by colour and by pattern or dash, never by colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

import components.simulator_text  # noqa: F401  (registers the texts)
from components.charts import FONT_FAMILY, GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR
from components.formatting import NBSP, PLOTLY_SEPARATORS
from components.i18n import t
from data.decomposition import EFFECTS, Decomposition
from data.results import OUTPUT_LABELS, output_label
from simulation import COACHING_NEEDS, PACKAGES
from simulation.sensitivity import Sensitivity

MILLION: Final = 1e6
PATTERNS: Final = ("", "/", ".", "x", "-", "+")
DASHES: Final = ("solid", "dash", "dot", "dashdot")
#: Graph options: no logo, no upload to a third party, the image download kept (named after the chart).
GRAPH_CONFIG: Final[dict[str, Any]] = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "responsive": True,
}
POSITIVE: Final = "#b91c1c"
NEGATIVE: Final = "#2f6b1e"
TOTAL: Final = "#0b5394"


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
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}},
        "legend": {"orientation": "h", "x": 0, "y": -0.12, "xanchor": "left", "yanchor": "top"},
    }


def _year_axis() -> dict[str, Any]:
    return {"type": "category", "showgrid": False, "linecolor": TEXT_COLOUR}


def _value_axis(title: str = "", prefix: str = "", suffix: str = "", tick: str = ",.0f") -> dict[str, Any]:
    return {
        "title": {"text": title},
        "tickprefix": prefix,
        "ticksuffix": suffix,
        "tickformat": tick,
        "rangemode": "tozero",
        "gridcolor": GRID_COLOUR,
        "zerolinecolor": TEXT_COLOUR,
        "automargin": True,
    }


def _series(annual: pd.DataFrame, output: str, statistic: str = "mean") -> pd.Series:
    rows = annual[annual["output"] == output]
    return pd.Series(rows[statistic].to_numpy(), index=rows["year"].astype(int).to_numpy(), name=output)


def _millions_axis(language: str) -> dict[str, Any]:
    return _value_axis(prefix=f"€{NBSP}", suffix=f"{NBSP}mln", tick=",.0f")


def budget_figure(annual: pd.DataFrame, n_draws: int, language: str) -> go.Figure:
    """Annual cost stacked by loonpremie, begeleidingspremie and fallback places on top; with draws, the total's
    median and P5-P95 as a marker with error bars."""
    figure = go.Figure(layout=base_layout(language))
    hover = f"%{{y:,.1f}}{NBSP}mln"
    for index, output in enumerate(("loonpremie_cost", "begeleiding_cost", "fallback_cost")):
        values = _series(annual, output) / MILLION
        figure.add_bar(
            x=[str(year) for year in values.index],
            y=values.to_list(),
            name=OUTPUT_LABELS[output][language],
            marker={"color": SERIES_COLOURS[index], "pattern": {"shape": PATTERNS[index]}},
            hovertemplate=f"€{NBSP}{hover}",
        )
    if n_draws > 0:
        median = _series(annual, "total_cost", "p50") / MILLION
        low = _series(annual, "total_cost", "p5") / MILLION
        high = _series(annual, "total_cost", "p95") / MILLION
        figure.add_scatter(
            x=[str(year) for year in median.index],
            y=median.to_list(),
            mode="markers",
            name=t("sim.chart.band", language),
            marker={"color": TEXT_COLOUR, "symbol": "diamond", "size": 8},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": (high - median).to_list(),
                "arrayminus": (median - low).to_list(),
                "color": TEXT_COLOUR,
                "thickness": 1.5,
                "width": 6,
            },
            customdata=list(zip(low.to_list(), high.to_list(), strict=True)),
            hovertemplate=(
                f"€{NBSP}%{{y:,.1f}}{NBSP}mln (P5–P95: €{NBSP}%{{customdata[0]:,.1f}} – "
                f"€{NBSP}%{{customdata[1]:,.1f}}{NBSP}mln)"
            ),
        )
    figure.update_layout(barmode="stack", xaxis=_year_axis(), yaxis=_millions_axis(language))
    return figure


def _stacked_stock_figure(annual: pd.DataFrame, outputs: Sequence[str], language: str) -> go.Figure:
    figure = go.Figure(layout=base_layout(language, height=380))
    for index, output in enumerate(outputs):
        values = _series(annual, output)
        figure.add_bar(
            x=[str(year) for year in values.index],
            y=values.to_list(),
            name=output_label(output, language).split(" – ")[-1],
            marker={
                "color": SERIES_COLOURS[index % len(SERIES_COLOURS)],
                "pattern": {"shape": PATTERNS[index % len(PATTERNS)]},
            },
            hovertemplate="%{y:,.0f}",
        )
    figure.update_layout(
        barmode="stack",
        xaxis=_year_axis(),
        yaxis=_value_axis(t("sim.chart.axis.persons", language)),
    )
    return figure


def workers_figure(annual: pd.DataFrame, language: str) -> go.Figure:
    """IMW workers at the end of each year, stacked by package."""
    return _stacked_stock_figure(annual, [f"workers.package.{p}" for p in PACKAGES], language)


def coaching_figure(annual: pd.DataFrame, language: str) -> go.Figure:
    """IMW workers at the end of each year, stacked by need for coaching."""
    return _stacked_stock_figure(annual, [f"workers.coaching.{c}" for c in COACHING_NEEDS], language)


def contingent_figure(annual: pd.DataFrame, language: str) -> go.Figure:
    """Three panels over the years: places and occupancy (FTE), the queue (persons), the probability full."""
    figure = make_subplots(
        rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.08, row_heights=[0.45, 0.3, 0.25]
    )
    figure.update_layout(base_layout(language, height=620))
    years = [str(year) for year in _series(annual, "contingent_capacity").index]
    for index, (output, key) in enumerate(
        (("contingent_capacity", "sim.chart.capacity"), ("contingent_occupancy", "sim.chart.occupancy"))
    ):
        figure.add_scatter(
            x=years,
            y=_series(annual, output).to_list(),
            name=t(key, language),
            mode="lines+markers",
            line={"color": SERIES_COLOURS[index], "dash": DASHES[index]},
            marker={"symbol": ("circle", "square")[index]},
            hovertemplate="%{y:,.0f} " + t("sim.chart.axis.fte", language),
            row=1,
            col=1,
        )
    figure.add_bar(
        x=years,
        y=_series(annual, "queue").to_list(),
        name=t("sim.chart.queue", language),
        marker={"color": SERIES_COLOURS[2]},
        hovertemplate="%{y:,.0f}",
        row=2,
        col=1,
    )
    figure.add_bar(
        x=years,
        y=(_series(annual, "contingent_full") * 100).to_list(),
        name=t("sim.chart.full", language),
        marker={"color": SERIES_COLOURS[3], "pattern": {"shape": "/"}},
        hovertemplate=f"%{{y:,.0f}}{NBSP}%",
        row=3,
        col=1,
    )
    figure.update_xaxes(_year_axis())
    figure.update_yaxes(_value_axis(t("sim.chart.axis.fte", language)), row=1, col=1)
    figure.update_yaxes(rangemode="normal", row=1, col=1)
    figure.update_yaxes(_value_axis(t("sim.chart.axis.persons", language)), row=2, col=1)
    figure.update_yaxes(
        _value_axis(t("sim.chart.axis.probability", language), suffix=f"{NBSP}%"),
        range=[0, 105],
        row=3,
        col=1,
    )
    return figure


def tornado_figure(
    result: Sensitivity,
    labels: Mapping[str, str],
    language: str,
    cost_measure: str = "cumulative_cost_10y",
    cost_years: int = 10,
) -> go.Figure:
    """Two tornados, one above the other, the assumptions ranked by their swing of the cost: the cost over the
    first years [EUR mln] and the longest queue [persons]. Each bar runs from the central value to the value at
    the assumption's low (light, dotted) and high (dark) end; the thin line is the central value."""
    rows = list(reversed(result.ranked(cost_measure)))  # widest at the top
    panel = 56 + 40 * max(len(rows), 1)
    figure = make_subplots(
        rows=2,
        cols=1,
        vertical_spacing=0.16,
        subplot_titles=(
            t("sim.sensitivity.cost", language).format(n=cost_years),
            t("sim.sensitivity.queue", language),
        ),
    )
    figure.update_layout(base_layout(language, height=2 * panel + 150))
    names = [labels.get(row.field, row.field) for row in rows]
    for panel_row, (measure, scale, prefix, suffix) in enumerate(
        ((cost_measure, MILLION, f"€{NBSP}", f"{NBSP}mln"), ("peak_queue", 1.0, "", "")), start=1
    ):
        centre = result.central[measure] / scale
        for end, colour, pattern in (("low", "#9ec5e8", "."), ("high", TOTAL, "")):
            values = [(getattr(row, f"at_{end}")[measure] / scale) - centre for row in rows]
            figure.add_bar(
                x=values,
                y=names,
                base=centre,
                orientation="h",
                name=t(f"sim.sensitivity.{end}", language),
                legendgroup=end,
                showlegend=panel_row == 1,
                marker={"color": colour, "pattern": {"shape": pattern}, "line": {"color": TOTAL, "width": 1}},
                hovertemplate=f"{prefix}%{{x:,.1f}}{suffix}<extra>%{{fullData.name}}</extra>",
                row=panel_row,
                col=1,
            )
        figure.add_vline(x=centre, line={"color": TEXT_COLOUR, "width": 1}, row=panel_row, col=1)
        figure.update_xaxes(
            tickprefix=prefix,
            ticksuffix=suffix,
            tickformat=",.0f",
            tickangle=0,
            nticks=6,
            row=panel_row,
            col=1,
        )
    figure.update_layout(
        barmode="overlay",
        hovermode="closest",
        margin={"l": 16, "r": 24, "t": 64, "b": 40},
        legend={"orientation": "h", "x": 0, "y": -0.06, "xanchor": "left", "yanchor": "top"},
    )
    figure.update_xaxes(gridcolor=GRID_COLOUR, automargin=True)
    figure.update_yaxes(automargin=True, showgrid=False)
    return figure


def decomposition_figure(result: Decomposition, language: str) -> go.Figure:
    """A waterfall from zero through each effect to the total difference B - A over the years [EUR mln]."""
    labels = [*(t(f"sim.effect.{effect}", language) for effect in EFFECTS), t("sim.effect.total", language)]
    values = [
        *(result.cumulative(effect) / MILLION for effect in EFFECTS),
        (result.cumulative("target") - result.cumulative("base")) / MILLION,
    ]
    figure = go.Figure(layout=base_layout(language, height=400))
    figure.add_waterfall(
        x=labels,
        y=values,
        measure=[*(["relative"] * len(EFFECTS)), "total"],
        connector={"line": {"color": GRID_COLOUR}},
        increasing={"marker": {"color": POSITIVE}},
        decreasing={"marker": {"color": NEGATIVE}},
        totals={"marker": {"color": TOTAL}},
        texttemplate="%{y:+,.1f}",
        textposition="outside",
        hovertemplate=f"%{{x}}: €{NBSP}%{{y:,.1f}}{NBSP}mln<extra></extra>",
        showlegend=False,
    )
    figure.update_layout(
        hovermode="closest",
        xaxis={"type": "category", "automargin": True},
        yaxis=_millions_axis(language) | {"rangemode": "normal"},
    )
    return figure


def compare_cost_figure(annuals: Sequence[tuple[str, pd.DataFrame]], language: str) -> go.Figure:
    """The annual total cost of each scenario (mean over the draws) as lines [EUR mln]."""
    figure = go.Figure(layout=base_layout(language, height=400))
    symbols = ("circle", "square", "diamond")
    for index, (name, annual) in enumerate(annuals):
        values = _series(annual, "total_cost") / MILLION
        figure.add_scatter(
            x=[str(year) for year in values.index],
            y=values.to_list(),
            name=name,
            mode="lines+markers",
            line={"color": SERIES_COLOURS[index], "dash": DASHES[index % len(DASHES)]},
            marker={"symbol": symbols[index % len(symbols)]},
            hovertemplate=f"€{NBSP}%{{y:,.1f}}{NBSP}mln",
        )
    figure.update_layout(xaxis=_year_axis(), yaxis=_millions_axis(language))
    return figure
