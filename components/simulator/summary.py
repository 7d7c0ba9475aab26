"""The plain-language summary of a simulation, and the lines that say what it was computed on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import html

from components.shell.formatting import format_millions, format_number, format_percent
from components.simulator.charts import output_series
from components.simulator.controls import field_labels, scenario_title
from i18n import t
from services.simulation import SimulationResult
from simulation.summary import STATISTIC


def _by_year(result: SimulationResult, output: str, statistic: str = STATISTIC) -> dict[int, float]:
    series = output_series(result.annual, output, statistic)  # result.value, with numpy masks (faster)
    return {int(year): float(value) for year, value in series.items()}


def summary_paragraphs(result: SimulationResult, language: str) -> list[str]:
    """Three or four sentences groups: the cost, the workers, the contingent, and waiting under an envelope."""
    scenario = result.scenario
    uncertain = result.n_draws > 0
    statistic = STATISTIC  # the central projection, with the draws' P5-P95 where there are draws
    total = _by_year(result, "total_cost", statistic)
    years = sorted(total)
    first, last = years[0], years[-1]
    band = ""
    if uncertain:
        low = _by_year(result, "total_cost", "p5")[last]
        high = _by_year(result, "total_cost", "p95")[last]
        band = t("sim.text.band", language).format(low=format_millions(low), high=format_millions(high))
    horizon = len(years)
    paragraphs = [
        t("sim.text.cost", language).format(
            name=scenario_title(scenario, language),
            cost_first=format_millions(total[first]),
            first_year=first,
            cost_last=format_millions(total[last]),
            last_year=last,
            band=band,
            n=horizon,
            cumulative=format_millions(result.key_figures["cumulative_cost_horizon"][STATISTIC]),
        )
    ]
    workers = _by_year(result, "workers_imw", statistic)
    vop = _by_year(result, "workers_vop", statistic)
    sums = {name: sum(_by_year(result, name).values()) for name in ("loonpremie_cost", "begeleiding_cost")}
    fallback = sum(_by_year(result, "fallback_cost").values())
    grand = sum(sums.values()) + fallback
    text = t("sim.text.workers", language).format(
        first=format_number(workers[first]),
        first_year=first,
        last=format_number(workers[last]),
        last_year=last,
        vop=format_number(vop[first]),
        loonpremie=format_percent(sums["loonpremie_cost"] / grand if grand else 0.0),
        begeleiding=format_percent(sums["begeleiding_cost"] / grand if grand else 0.0),
    )
    if fallback > 0:
        text += t("sim.text.fallback", language).format(cost=format_millions(fallback))
    paragraphs.append(text)
    full = _by_year(result, "contingent_full", "mean")[last]  # the share of the draws
    if uncertain:
        full_text = t("sim.text.full_probability", language).format(share=format_percent(full))
    else:
        full_text = t("sim.text.full_yes" if full >= 0.5 else "sim.text.full_no", language)
    paragraphs.append(
        t("sim.text.contingent", language).format(
            last_year=last,
            capacity=format_number(_by_year(result, "contingent_capacity", statistic)[last]),
            full=full_text,
            queue=format_number(result.key_figures["peak_queue"][STATISTIC]),
        )
    )
    waiting = _by_year(result, "imw_waiting", statistic)[last]
    if waiting >= 0.5:
        paragraphs.append(
            t("sim.text.waiting", language).format(
                year=last,
                n=format_number(waiting),
                quarters=format_number(_by_year(result, "imw_waiting_quarters", statistic)[last], 1),
            )
        )
    return paragraphs


def Summary(result: SimulationResult, language: str) -> list[Any]:
    """The summary as paragraphs, ending with the reminder that this is a projection."""
    return [
        *(html.P(text) for text in summary_paragraphs(result, language)),
        html.P(html.Em(t("sim.projection_note", language)), className="mb-0"),
    ]


def versions_text(result: SimulationResult, language: str) -> str:
    """'Computed with model 1.0.0 and parameters abc on 2026-11-27; 1.000 draws, seed 20220114.'"""
    draws = (
        t("sim.versions.draws", language).format(n=format_number(result.n_draws), seed=result.scenario.seed)
        if result.n_draws
        else t("sim.versions.central", language)
    )
    return t("sim.versions", language).format(
        model=result.model_version,
        parameters=result.parameters_version,
        when=result.computed_at.replace("T", " ").replace("+00:00", " UTC"),
        draws=draws,
    )


def newer_versions_text(recorded: Mapping[str, str] | None, current: Mapping[str, str], language: str) -> str:
    """The notice for a scenario saved on an older model or older parameters; empty when nothing changed."""
    if not recorded:
        return ""
    old_model = recorded.get("model_version", current["model_version"])
    old_parameters = recorded.get("parameters_version", current["parameters_version"])
    if old_model == current["model_version"] and old_parameters == current["parameters_version"]:
        return ""
    return t("sim.newer", language).format(
        old_model=old_model,
        old_parameters=old_parameters,
        model=current["model_version"],
        parameters=current["parameters_version"],
    )


def link_problem_text(kind: str, field: str, message: str, language: str) -> str:
    """The message for a link whose scenario could not be used (services.scenario_url.LinkProblem)."""
    text = t(f"sim.link.{kind}", language)
    if kind == "invalid":
        label = field_labels([field.removeprefix("parameters.")], language)[0] if field else "?"
        return text.format(field=label, message=message[:200])
    return text
