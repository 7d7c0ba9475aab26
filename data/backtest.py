"""`imw backtest`: the model projected from the end of the calibration years (2023), against every point published
after it; the rule for a binding contingent on the published years; and the IMW milestones beside the model.

The backtest run is the baseline with its Monte Carlo draws, started from the published state of the fourth
quarter of 2023 with the collective block modelled from 2024 on and the contingent grown by the assumption after
2023 (the published 2024-2026 contingent is held out, like everything after 2023). Its assumptions are those of the
baseline; the fitted flows are fitted on 2019-2023 only. A published point outside the P5-P95 band is reported as
such. The coverage (points inside their band) is reported beside the width of the bands: a band that covers by
being wide is as wrong as one that misses.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Final

import numpy as np

from data.observed import Published, load_published
from data.parameter_store import ParameterSet, load_parameters
from data.scenario.inputs import backtest_frame, build_inputs
from data.scenario.schema import RUN_START, Scenario, build_distributions, scenario_values
from i18n import t
from simulation import monte_carlo
from simulation.collective import is_binding
from simulation.projection import Projection

BACKTEST_DRAWS: Final = 1000
BACKTEST_SEED: Final = 20240101
#: Share of the Flemish population in Antwerpen, West-Vlaanderen and Limburg (Statbel, 1 January 2024): the three
#: provinces whose self-employed IMW dossiers are published.
THREE_PROVINCES_SHARE: Final = 0.58

#: What each backtested series is, in the model's outputs.
SERIES: Final = {
    "cmw_contingent_filled": ("contingent_occupancy", "stock"),
    "cmw_contingent_allocated": ("contingent_capacity", "stock"),
    "cmw_queue": ("queue", "stock"),
    "cmw_doorstroom_regular": ("collective_doorstroom", "flow"),
}


@dataclass(frozen=True)
class BacktestPoint:
    """One published point after 2023 against the projection from the end of 2023."""

    indicator: str
    period: str
    published: float
    flag: str
    source: str
    p5: float
    p50: float
    p95: float
    note: dict[str, str] | None = None

    @property
    def error(self) -> float:
        """P50 minus the published value."""
        return self.p50 - self.published

    @property
    def relative_error(self) -> float:
        return self.error / self.published if self.published else float("nan")

    @property
    def inside(self) -> bool:
        return self.p5 <= self.published <= self.p95

    @property
    def relative_width(self) -> float:
        """(P95 - P5) / P50: how wide the band is, as a share of its centre."""
        return (self.p95 - self.p5) / self.p50 if self.p50 else float("nan")

    def as_dict(self) -> dict[str, object]:
        return {
            "indicator": self.indicator,
            "period": self.period,
            "published": self.published,
            "flag": self.flag,
            "source": self.source,
            "p5": self.p5,
            "p50": self.p50,
            "p95": self.p95,
            "error": self.error,
            "relative_error": self.relative_error,
            "inside_p5_p95": self.inside,
            "relative_width": self.relative_width,
            "note": self.note or {},
        }


@dataclass(frozen=True)
class BindingYear:
    """The rule for 'vol' applied to one published year: more people wait than there are open places (in persons)."""

    year: int
    queue: float
    allocated: float
    filled: float
    open_persons: float
    binding: bool
    august: bool = False


@dataclass(frozen=True)
class Milestone:
    """A published IMW figure beside the model's figure for the same thing (or the nearest the model has)."""

    what: dict[str, str]
    period: str
    published: float
    model: float
    model_what: dict[str, str]
    status: str
    fitted: bool = False


@dataclass(frozen=True)
class Backtest:
    """The held-out points (the contingent's growth by assumption), the same with the published contingent known
    (what the flow model gets right when the contingent is given), the binding rule and the milestones."""

    points: tuple[BacktestPoint, ...]
    points_known_contingent: tuple[BacktestPoint, ...]
    binding: tuple[BindingYear, ...]
    milestones: tuple[Milestone, ...]
    draws: int
    seed: int

    @property
    def inside(self) -> int:
        return sum(point.inside for point in self.points)

    def summary(self, points: tuple[BacktestPoint, ...] | None = None) -> dict[str, float]:
        """Points inside their band, how many, and the median band width as a share of its centre."""
        chosen = self.points if points is None else points
        return {
            "inside": float(sum(p.inside for p in chosen)),
            "points": float(len(chosen)),
            "median_relative_width": float(np.median([p.relative_width for p in chosen])),
            "median_absolute_relative_error": float(np.median([abs(p.relative_error) for p in chosen])),
        }


def _quarter_index(projection: Projection, year: int, quarter: int) -> int:
    return projection.quarters.index((year, quarter))


def _band(values: np.ndarray) -> tuple[float, float, float]:
    p5, p50, p95 = np.percentile(values, (5, 50, 95))
    return float(p5), float(p50), float(p95)


def backtest_points(projection: Projection, published: Published) -> list[BacktestPoint]:
    """Every published point of the backtested series in the projection's years."""
    first_year = projection.quarters[0][0]
    points: list[BacktestPoint] = []
    for indicator, (output, kind) in SERIES.items():
        series = projection.series[output]
        for point in published.points(indicator):
            if point.year < first_year:
                continue
            if kind == "stock":
                quarter = point.quarter or 4
                if (point.year, quarter) not in projection.quarters:
                    continue
                values = series[:, _quarter_index(projection, point.year, quarter)]
                period = f"{point.year} K{quarter}" if point.quarter else f"{point.year}"
                note = None
                if (indicator, quarter) == ("cmw_queue", 3):
                    note = {"nl": "augustus 2025, vergeleken met het einde van K3",
                            "en": "August 2025, compared with the end of Q3"}  # fmt: skip
                if indicator.startswith("cmw_contingent") and quarter == 1:
                    note = {"nl": "eerste kwartaal: het model kent geen seizoen",
                            "en": "a first quarter: the model has no season"}  # fmt: skip
            else:
                last = point.quarter or 4  # a partial year's figure covers its first quarters
                columns = [_quarter_index(projection, point.year, q) for q in range(1, last + 1)]
                values = series[:, columns].sum(axis=1)
                period = f"{point.year}" if point.quarter is None else f"{point.year} K1-K{last}"
                note = (
                    {"nl": "eerste helft van 2025", "en": "first half of 2025"}
                    if point.quarter == 2
                    else None
                )
            p5, p50, p95 = _band(values)
            points.append(
                BacktestPoint(indicator, period, point.value, point.flag, point.source, p5, p50, p95, note)
            )
    return points


def binding_years(published: Published, fte_per_person: float) -> list[BindingYear]:
    """The rule for 'vol', applied to each published year (the queue at the end of the year; August for 2025)."""
    allocated = published.quarterly("cmw_contingent_allocated")
    filled = published.quarterly("cmw_contingent_filled")
    queues = {p.year: (p.value, p.quarter) for p in published.points("cmw_queue")}
    rows = []
    for year in sorted(queues):
        if (year, 4) not in allocated:
            continue
        queue, quarter = queues[year]
        open_persons = max(allocated[(year, 4)] - filled[(year, 4)], 0.0) / fte_per_person
        binding = bool(is_binding(np.array([queue]), np.array([allocated[(year, 4)]]), np.array([filled[(year, 4)]]),
                                  fte_per_person)[0])  # fmt: skip
        rows.append(
            BindingYear(
                year, queue, allocated[(year, 4)], filled[(year, 4)], open_persons, binding, quarter == 3
            )
        )
    return rows


def _history_value(projection: Projection, name: str, year: int, quarter: int, share: float = 1.0) -> float:
    """The central run's `name` in a quarter of the build-up (a share of that quarter for a flow)."""
    return (
        float(np.median(projection.history[name][:, projection.history_quarters.index((year, quarter))]))
        * share
    )


def milestones(projection: Projection, parameters: ParameterSet, published: Published) -> list[Milestone]:
    """The IMW milestones beside the model's build-up (the projection from 1 July 2023)."""
    history = projection.history
    inflow = np.median(history["inflow"], axis=0)
    cumulative = np.concatenate([[0.0], np.cumsum(inflow)])
    tau = float(parameters["inflow.milestone.quarters_after_start"].at(RUN_START))

    def accepted_by(quarters: float) -> float:
        whole = int(quarters)
        return float(cumulative[whole] + (quarters - whole) * inflow[whole])

    applications = float(parameters["inflow.milestone.applications"].at(RUN_START))
    accepted = float(parameters["inflow.milestone.accepted_applications"].at(RUN_START))
    ratio = accepted / applications
    september = float(parameters["inflow.milestone.september_2023_applications"].at(RUN_START))
    quoted = published.value("imw_quoted_total", 2025, 1)
    self_employed_share = float(parameters["inflow.package_mix.self_employed"].at(RUN_START))
    self_employed_published = (
        sum(p.value for p in published.points("imw_self_employed_started"))
        if published.points("imw_self_employed_started")
        else 283.0
    )
    return [
        Milestone(
            {"nl": "Ingediende aanvragen half september 2023 (meer dan)", "en": "Applications by "
                "mid-September 2023 (more than)"},
            "2023-09", september, accepted_by(0.8) / ratio,
            {"nl": "aanvaarde aanvragen van het model, gedeeld door het aanvaardingspercentage van de mijlpaal",
             "en": "the model's accepted applications, divided by the acceptance rate of the milestone"},
            "secondary",
        ),
        Milestone(
            {"nl": "Aanvaarde aanvragen, een goed half jaar na de start", "en": "Accepted applications, "
                "a good half year after the start"},
            "~2024-02", accepted, accepted_by(tau),
            {"nl": "instroom van het model tot de mijlpaal (hierop geijkt)", "en": "the model's inflow "
                "up to the milestone (fitted to it)"},
            "secondary", fitted=True,
        ),
        Milestone(
            {"nl": "'Individueel maatwerk' geciteerd in februari 2025 (wat het telt, is onduidelijk)",
             "en": "'Individueel maatwerk' quoted in February 2025 (what it counts is unclear)"},
            "2025-02", quoted, accepted_by(6.33),
            {"nl": "aanvaarde aanvragen van het model tot februari 2025 (het model telt dan "
                   f"{_n(_history_value(projection, 'workers_imw', 2024, 4))} IMW-werknemers aan het einde van 2024)",
             "en": "the model's accepted applications up to February 2025 (the model counts "
                   f"{_n(_history_value(projection, 'workers_imw', 2024, 4))} IMW workers at the end of 2024)"},
            "secondary",
        ),
        Milestone(
            {"nl": "Zelfstandigen met IMW tot eind augustus 2025, drie provincies", "en": "Self-employed "
                "with IMW up to the end of August 2025, three provinces"},
            "2023-07 – 2025-08", self_employed_published,
            accepted_by(8.67) * self_employed_share * THREE_PROVINCES_SHARE,
            {"nl": "instroom zelfstandigen van het model x 58 % (bevolkingsaandeel van de drie provincies)",
             "en": "the model's self-employed inflow x 58 % (the three provinces' share of the population)"},
            "secondary",
        ),
    ]  # fmt: skip


def run_backtest(
    parameters: ParameterSet | None = None,
    published: Published | None = None,
    draws: int = BACKTEST_DRAWS,
    seed: int = BACKTEST_SEED,
) -> Backtest:
    """The backtest of the baseline (see the module docstring)."""
    parameters = parameters or load_parameters()
    published = published or load_published()
    scenario = Scenario()
    distributions = build_distributions(scenario, parameters)
    held_out = monte_carlo(
        build_inputs(scenario, parameters, backtest_frame(), published), distributions, draws, seed
    )
    known_frame = dataclasses.replace(backtest_frame(), capacity_until=None)
    known = monte_carlo(
        build_inputs(scenario, parameters, known_frame, published), distributions, draws, seed
    )
    baseline = monte_carlo(
        build_inputs(dataclasses.replace(scenario, horizon_years=1), parameters, published=published),
        distributions, draws, seed,
    )  # fmt: skip
    phi = float(scenario_values(scenario, parameters)["collectief.flows.fte_per_person"])
    return Backtest(
        points=tuple(backtest_points(held_out, published)),
        points_known_contingent=tuple(
            p for p in backtest_points(known, published) if p.indicator != "cmw_contingent_allocated"
        ),
        binding=tuple(binding_years(published, phi)),
        milestones=tuple(milestones(baseline, parameters, published)),
        draws=draws,
        seed=seed,
    )


def _n(value: float, digits: int = 0) -> str:
    """A number in the Belgian format (points for thousands, a comma for decimals)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def backtest_markdown(backtest: Backtest) -> str:
    """docs/backtest.md: the tables of the backtest, written by `imw backtest --markdown`."""
    summary = backtest.summary()
    known = backtest.summary(backtest.points_known_contingent)
    lines = [
        "# Backtest of the collective block",
        "",
        "Written by `imw backtest --markdown` (`make backtest` rewrites this file). The collective block "
        "is calibrated on",
        "the published years 2019-2023 (`imw calibrate`); here the baseline is projected from the published state of",
        f"the fourth quarter of 2023, with {_n(backtest.draws)} draws (seed {backtest.seed}), and compared with every",
        "point published after 2023.",
        "The contingent's growth after 2023 follows the baseline's assumption (the published 2024-2026 "
        "contingent is held",
        "out too); a second table gives the published contingent to the model, to show what the flow model gets right",
        "when the contingent is known.",
        "",
        f"**{summary['inside']:.0f} of {summary['points']:.0f} published points lie inside their P5-P95 "
        f"band**; the median band is "
        f"{_n(100 * summary['median_relative_width'], 1)} % of its centre wide, the median error of the P50 is "
        f"{_n(100 * summary['median_absolute_relative_error'], 1)} %. With the published contingent known: "
        f"{known['inside']:.0f} of {known['points']:.0f} inside, "
        f"median width {_n(100 * known['median_relative_width'], 1)} %, "
        f"median error {_n(100 * known['median_absolute_relative_error'], 1)} %.",
        "",
    ]

    def table(points: tuple[BacktestPoint, ...]) -> list[str]:
        rows = [
            "| series | period | published | P50 | P5 | P95 | error of P50 | inside P5-P95 | note |",
            "|---|---|---:|---:|---:|---:|---:|---|---|",
        ]
        for p in points:
            rows.append(
                f"| {t(f'backtest.label.{p.indicator}', 'en')} | {p.period} | {_n(p.published)}"
                f"{' (' + p.flag + ')' if p.flag else ''} "
                f"| {_n(p.p50)} | {_n(p.p5)} | {_n(p.p95)} | {_n(100 * p.relative_error, 1)} % "
                f"| {'yes' if p.inside else '**no**'} | {p.note['en'] if p.note else ''} |"
            )
        return rows

    lines += [
        "## Projected from the end of 2023 (the contingent's growth by assumption)",
        "",
        *table(backtest.points),
        "",
    ]
    lines += [
        "## The same, with the published contingent known",
        "",
        *table(backtest.points_known_contingent),
        "",
    ]
    lines += [
        "## When was the contingent binding?",
        "",
        "The rule: the contingent is binding ('vol') when more people with a collective advice wait than there are",
        "open places, counted in persons (open FTE over the FTE per person of the calibration). The same rule decides",
        "it in every projected quarter and draw.",
        "",
        "| year | queue | allocated FTE | filled FTE | open places (persons) | binding |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for year in backtest.binding:
        lines.append(
            f"| {year.year}{' (queue of August)' if year.august else ''} | {_n(year.queue)} | {_n(year.allocated, 1)} "
            f"| {_n(year.filled, 1)} | {_n(year.open_persons)} | {'yes' if year.binding else 'no'} |"
        )
    lines += [
        "",
        "## IMW milestones beside the model",
        "",
        "The IMW stock is built from 1 July 2023; its level is fitted to one milestone. The others are checks.",
        "",
        "| published figure | period | published | model | what the model counts |",
        "|---|---|---:|---:|---|",
    ]
    for m in backtest.milestones:
        lines.append(
            f"| {m.what['en']}{' (fitted)' if m.fitted else ''} | {m.period} | {_n(m.published)} | {_n(m.model)} "
            f"| {m.model_what['en']} |"
        )
    return "\n".join(lines) + "\n"
