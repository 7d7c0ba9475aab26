"""The simulator's results as the page shows them, built from one `ScenarioResults` (services/scenario_results.py):
the difference from the baseline, the summary, the key figures, the five charts, the sensitivity, the coverage,
the versions and the comparison link. `RESULT_OUTPUTS` names where each goes, in the order `build_results`
gives them; the page's layout and its callback fill the same outputs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from components.shell.formatting import format_millions, format_number
from components.shell.layout import href
from components.simulator import ids
from components.simulator.charts import (
    budget_figure,
    coaching_figure,
    contingent_figure,
    finished,
    tornado_figure,
    workers_figure,
)
from components.simulator.controls import number_text, scenario_title, to_display, unit_text
from components.simulator.summary import Summary, newer_versions_text, versions_text
from components.simulator.tables import (
    baseline_difference,
    coverage_table,
    key_figures_table,
    variance_table,
    warnings_block,
)
from i18n import t
from services.scenario_results import ScenarioResults
from services.scenarios import BASELINE_PRESET, load_parameters

#: What `build_results` fills, in the order of the callback's outputs.
RESULT_OUTPUTS: Final = (
    (ids.BASELINE_DIFFERENCE, "children"),
    (ids.SUMMARY, "children"),
    (ids.KEY_FIGURES, "children"),
    (ids.BUDGET_GRAPH, "figure"),
    (ids.WORKERS_GRAPH, "figure"),
    (ids.COACHING_GRAPH, "figure"),
    (ids.CONTINGENT_GRAPH, "figure"),
    (ids.TORNADO_GRAPH, "figure"),
    (ids.TORNADO_CAPTION, "children"),
    (ids.COVERAGE, "children"),
    (ids.VERSIONS, "children"),
    (ids.SCENARIO_NAME, "children"),
    (ids.VERSION_NOTICE, "children"),
    (ids.VERSION_NOTICE, "className"),
    (ids.COMPARE_LINK, "href"),
    (ids.WARNINGS, "children"),
    (ids.VARIANCE, "children"),
)


def assumption_label(name: str, low: float, high: float, language: str) -> str:
    """'<label>: <low> – <high>' (in the shown unit) for the tornado's axis."""
    parameter = load_parameters()[name]
    unit = unit_text(parameter.unit, language)
    shown = (
        f"{number_text(to_display(low, parameter.unit))} – {number_text(to_display(high, parameter.unit))}"
    )
    suffix = "\u00a0%" if unit.startswith("%") else ""
    return f"{parameter.label(language)}: {shown}{suffix}"


def build_results(
    results: ScenarioResults,
    origin: Mapping[str, Any] | None,
    computed_with: Mapping[str, str] | None,
    language: str,
) -> tuple[Any, ...]:
    """Everything the page shows for a valid scenario, in the order of `RESULT_OUTPUTS`. `origin` is the
    canonical scenario the page's settings came from and `computed_with` the versions it was saved with: when the
    scenario is still that one, a notice says whether the portal now computes with newer versions."""
    scenario, result, sensitivity = results.scenario, results.result, results.sensitivity.sensitivity
    annual = result.annual
    newer = ""
    if scenario.canonical() == origin:
        newer = newer_versions_text(computed_with, results.versions, language)
    labels = {
        row.field: assumption_label(
            results.sensitivity.parameter_of_field[row.field], row.low, row.high, language
        )
        for row in sensitivity.rows
    }
    years = min(10, scenario.horizon_years)
    tornado_caption = t("sim.sensitivity.caption", language).format(
        n=years,
        cost=format_millions(sensitivity.central["cumulative_cost_10y"]),
        queue=format_number(sensitivity.central["peak_queue"]),
    )
    compare = href(ids.COMPARE_PATH, language, a=BASELINE_PRESET, b=results.compare_with or BASELINE_PRESET)
    name = scenario_title(scenario, language)

    def chart(figure: dict[str, Any], graph_id: str, title_key: str) -> dict[str, Any]:
        return finished(
            figure, title=t(title_key, language), scenario_name=name, graph_id=graph_id, language=language
        )

    return (
        baseline_difference(result.key_figures, results.baseline_figures, scenario.horizon_years, language),
        Summary(result, language),
        key_figures_table(result.key_figures, result.n_draws, scenario.horizon_years, language),
        chart(budget_figure(annual, result.n_draws, language), ids.BUDGET_GRAPH, "sim.chart.budget"),
        chart(workers_figure(annual, language), ids.WORKERS_GRAPH, "sim.chart.workers"),
        chart(coaching_figure(annual, language), ids.COACHING_GRAPH, "sim.chart.coaching"),
        chart(contingent_figure(annual, language), ids.CONTINGENT_GRAPH, "sim.chart.contingent"),
        chart(
            tornado_figure(sensitivity, labels, language, cost_years=years),
            ids.TORNADO_GRAPH,
            "sim.sensitivity",
        ),
        tornado_caption,
        coverage_table(results.coverage, language),
        versions_text(result, language),
        name,
        newer,
        "alert alert-info py-2" if newer else "",
        compare,
        warnings_block(result.warnings, language),
        variance_table(result.variance_shares, years, language),
    )
