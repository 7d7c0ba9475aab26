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

import components.simulator_text  # noqa: F401  (registers the texts)
from components.charts import FONT_FAMILY, GRID_COLOUR, SERIES_COLOURS, TEXT_COLOUR
from components.graph_config import GRAPH_CONFIG
from components.i18n import register, t
from components.simulator_controls import number_text, to_display, unit_text
from components.tables import scroll_region
from data.backtest import LABELS, Backtest, BacktestPoint, run_backtest
from data.parameter_store import load_parameters
from data.scenario import uncertain_parameters
from i18n.formats import PLOTLY_SEPARATORS, format_number, format_percent

register(
    {
        "model.heading": {"nl": "Het model van de simulator", "en": "The simulator's model"},
        "model.intro": {
            "nl": "De simulator rekent per kwartaal met een stroommodel: wie instroomt in individueel maatwerk (IMW), "
            "wie uitstroomt en waarom, welk pakket en welke premie elk kwartaal geldt, en hoe het contingent "
            "collectief maatwerk, zijn ingevulde plaatsen en zijn wachtrij daarnaast bewegen. Elk bedrag en elke "
            "regel is een gedateerde parameter met zijn bron en status; wat niet gepubliceerd is, is een aanname met "
            "een spreiding, en de simulator trekt die aannames samen (Monte Carlo). Het is een projectie, geen "
            "officiële raming.",
            "en": "The simulator computes a quarterly flow model: who enters individueel maatwerk (IMW), who leaves "
            "and why, which package and premium holds each quarter, and how the collective maatwerk contingent, its "
            "filled places and its queue move beside it. Every amount and rule is a dated parameter with its source "
            "and status; what is not published is an assumption with a spread, and the simulator draws those "
            "assumptions together (Monte Carlo). It is a projection, not an official estimate.",
        },
        "model.inflow.heading": {"nl": "Instroom", "en": "Inflow"},
        "model.inflow.text": {
            "nl": "De run begint op 1 juli 2023, de start van IMW, zonder IMW-werknemers: de stand op 1 januari 2026 "
            "volgt uit de instroom en de uitstroom van het model. Het niveau van de instroom is per trekking geijkt "
            "op de enige gepubliceerde mijlpaal: 3.103 aanvaarde aanvragen 'een goed half jaar' na de start (de "
            "instroom van lopende VOP's en van overstappers uit collectief maatwerk inbegrepen). Wanneer die mijlpaal "
            "precies geteld werd (januari tot maart 2024), bepaalt het niveau sterk: het is een getrokken aanname. "
            "Daarna groeit de instroom met een trend (aanname). Lopende VOP's zijn een eigen groep die afloopt "
            "(geen nieuwe VOP's sinds 1 juli 2023, de laatste lopen af in 2028); een deel van wie afloopt, krijgt "
            "een IMW-pakket. Een deel van de instroom in het verhoogde pakket en het pakket 'advies collectief in een "
            "maatwerkbedrijf' komt uit de wachtrij voor collectief maatwerk.",
            "en": "The run starts on 1 July 2023, when IMW started, with no IMW worker: the stock on 1 January 2026 "
            "follows from the model's own inflow and exits. The level of the inflow is fitted per draw to the one "
            "published milestone: 3,103 accepted applications 'a good half year' after the start (the inflow from "
            "running VOPs and from workers who moved from collective maatwerk included). When exactly that milestone "
            "was counted (January to March 2024) sets the level strongly: it is a drawn assumption. After it the "
            "inflow grows with a trend (assumption). Running VOPs are a group of their own that runs out (no new VOPs "
            "since 1 July 2023, the last end in 2028); part of those whose VOP ends get an IMW package. Part of the "
            "inflow into the raised package and the package 'collective advice in a maatwerkbedrijf' comes from the "
            "queue for collective maatwerk.",
        },
        "model.exits.heading": {"nl": "Uitstroom en pakketten", "en": "Exits and packages"},
        "model.exits.text": {
            "nl": "Elk kwartaal stromen werknemers uit: tegen hun wil (ontslag, faillissement, einde contract), om "
            "een andere reden, of door naar een job zonder premie; in de eerste kwartalen vaker. Aan het einde van "
            "het pakket eindigt de premie; een deel van de 5-jarige pakketten wordt verlengd aan het percentage van "
            "de laatste band. Geen van deze kansen is gepubliceerd: het zijn getrokken aannames.",
            "en": "Every quarter workers leave: against their will (dismissal, bankruptcy, end of contract), for "
            "another reason, or on to a job without premium; more often in the first quarters. At the end of the "
            "package the premium ends; part of the 5-year packages is renewed at the last band's percentage. None of "
            "these probabilities is published: they are drawn assumptions.",
        },
        "model.wages.heading": {"nl": "Lonen en premies", "en": "Wages and premiums"},
        "model.wages.text": {
            "nl": "De loonpremie is het percentage van het pakket in dat kwartaal van tewerkstelling, op het "
            "referteloon begrensd op 2 x het GGMMI per maand (de GGMMI in voege op de eerste van elke maand). Het "
            "loonniveau van IMW-werknemers is niet gepubliceerd: een getrokken factor op de referentielonen. De "
            "begeleidingspremie is een vast deel en een variabel deel per nood, enkel bij een nood aan begeleiding, "
            "enkel samen met een loonpremie, en niet voor zelfstandigen (geen bron kent ze er een toe).",
            "en": "The loonpremie is the package's percentage in that quarter of employment, on the referteloon "
            "capped at 2 x the GGMMI per month (the GGMMI in force on the first of each month). The wage level of IMW "
            "workers is not published: a drawn factor on the reference wages. The begeleidingspremie is a fixed part "
            "and a variable part by need, only with a need for coaching, only together with a loonpremie, and not "
            "for the self-employed (no source gives them one).",
        },
        "model.coaching.heading": {"nl": "De kost van begeleiding", "en": "The cost of coaching"},
        "model.coaching.text": {
            "nl": "De dekkingstoets zet de begeleidingspremie naast de kost van de begeleidingsuren die "
            "de nood vraagt: "
            "loonkost van een voltijdse begeleider x begeleidingsnorm / 4 per kwartaal. Aanname: de normen van "
            "collectief maatwerk (1/13, 1/10, 1/7 begeleider per werknemer) gelden ook voor IMW.",
            "en": "The coverage check sets the begeleidingspremie beside the cost of the coaching hours the need "
            "implies: the annual cost of a full-time coach x the coaching norm / 4 per quarter. Assumption: the "
            "collective maatwerk norms (1/13, 1/10, 1/7 coach per worker) hold for IMW too.",
        },
        "model.fallback.heading": {"nl": "De terugvalpositie", "en": "The fallback position"},
        "model.fallback.text": {
            "nl": "Rechthebbenden zijn wie echt van collectief maatwerk naar een gewone werkgever overstapte met een "
            "IMW-pakket: een deel van de doorstroom uit het collectieve blok, gevolgd naar de tijd sinds de overstap. "
            "Eindigt hun job tegen hun wil binnen de duur van het recht (18 maanden in het ontwerp van "
            "uitvoeringsbesluit), dan keert een deel terug: binnen het contingent (ze nemen een open plaats, vóór de "
            "wachtrij) of bovenop het contingent, tegen de collectieve premies aan het terugkeerpakket (45 % van het "
            "begrensde referteloon plus de collectieve begeleidingspremie, afgeleid uit de afgerekende subsidies) of "
            "tegen een kost per plaats.",
            "en": "Right holders are those who actually moved from collective maatwerk to a regular employer with an "
            "IMW package: part of the doorstroom out of the collective block, followed by the time since their move. "
            "When their job ends against their will within the length of the right (18 months in the draft "
            "implementing decree), part of them return: inside the contingent (they take an open place, before the "
            "queue) or on top of it, at the collective premiums of the return package (45 % of the capped "
            "referteloon plus the collective begeleidingspremie, derived from the settled subsidies) or at a cost "
            "per place.",
        },
        "model.calibration.heading": {
            "nl": "Kalibratie van collectief maatwerk",
            "en": "Calibration of collective maatwerk",
        },
        "model.calibration.text": {
            "nl": "Het collectieve blok (ingevulde plaatsen, wachtrij, uitstroom, doorstroom, invulling van open "
            "plaatsen met wrijving, nieuwe adviezen, uitval uit de wachtrij) is gekalibreerd op de gepubliceerde jaren "
            "2019 tot en met 2023, met een script dat iedereen opnieuw kan draaien (imw calibrate). 2024, 2025 en "
            "2026 K1 blijven buiten de fit: dat is de backtest hieronder. De gegevens leggen het netto-verloop vast, "
            "niet het niveau ervan (meer uitstroom met snellere invulling en meer adviezen past even goed); daarom "
            "volgen de invulsnelheid en de adviezen in de trekkingen de uitstroom. De projectie vertrekt van de "
            "laatste gepubliceerde toestand met contingent, ingevulde plaatsen en wachtrij op één datum: eind 2024.",
            "en": "The collective block (filled places, queue, exits, doorstroom, filling of open places with "
            "friction, new advices, drop-out from the queue) is calibrated on the published years 2019 to 2023, with a "
            "script anyone can rerun (imw calibrate). 2024, 2025 and 2026 Q1 stay out of the fit: they are the "
            "backtest below. The data fix the net flows, not their level (more exits with faster filling and more "
            "advices fit as well); so in the draws the filling speed and the advices follow the exits. The projection "
            "starts from the last published state with contingent, filled places and queue on one date: the end of "
            "2024.",
        },
        "model.binding.heading": {
            "nl": "Wanneer is het contingent vol?",
            "en": "When is the contingent full?",
        },
        "model.binding.text": {
            "nl": "Het contingent is bindend (vol) wanneer er meer mensen met een advies collectief "
            "maatwerk wachten dan "
            "er plaatsen open zijn, in personen geteld. Zo gerekend was het in elk gepubliceerd jaar bindend; in de "
            "projectie hangt het af van het scenario en van de trekking.",
            "en": "The contingent binds (is full) when more people with a collective maatwerk advice wait than there "
            "are open places, counted in persons. By this rule it was binding in every published year; in the "
            "projection it depends on the scenario and on the draw.",
        },
        "model.backtest.heading": {"nl": "Backtest", "en": "Backtest"},
        "model.backtest.text": {
            "nl": "Het basisscenario, geprojecteerd vanaf het einde van 2023 met {draws} trekkingen, "
            "naast elk punt dat "
            "na 2023 gepubliceerd werd. {inside} van de {points} punten liggen binnen hun P5–P95-band; de mediane band "
            "is {width} van zijn midden breed. Punten buiten hun band zijn zo aangeduid: een band die alles dekt door "
            "breed te zijn, is even fout als een die mist. Met het gepubliceerde contingent als gegeven: "
            "{inside_known} "
            "van {points_known}.",
            "en": "The baseline, projected from the end of 2023 with {draws} draws, beside every point published after "
            "2023. {inside} of the {points} points lie inside their P5–P95 band; the median band is {width} of its "
            "centre wide. Points outside their band are marked so: a band that covers everything by being wide is as "
            "wrong as one that misses. With the published contingent given: {inside_known} of {points_known}.",
        },
        "model.backtest.series": {"nl": "Reeks", "en": "Series"},
        "model.backtest.period": {"nl": "Periode", "en": "Period"},
        "model.backtest.published": {"nl": "Gepubliceerd", "en": "Published"},
        "model.backtest.error": {"nl": "Afwijking P50", "en": "Error of P50"},
        "model.backtest.inside": {"nl": "Binnen P5–P95", "en": "Inside P5–P95"},
        "model.backtest.yes": {"nl": "ja", "en": "yes"},
        "model.backtest.no": {"nl": "nee", "en": "no"},
        "model.backtest.chart": {
            "nl": "Backtest: gepubliceerd (punt) tegenover de projectie vanaf eind 2023 (mediaan en P5–P95)",
            "en": "Backtest: published (dot) against the projection from the end of 2023 (median and P5–P95)",
        },
        "model.backtest.model": {"nl": "Projectie (P50, P5–P95)", "en": "Projection (P50, P5–P95)"},
        "model.binding.year": {"nl": "Jaar", "en": "Year"},
        "model.binding.queue": {"nl": "Wachtrij", "en": "Queue"},
        "model.binding.open": {"nl": "Open plaatsen (personen)", "en": "Open places (persons)"},
        "model.binding.binding": {"nl": "Bindend", "en": "Binding"},
        "model.binding.august": {"nl": "{year} (wachtrij van augustus)", "en": "{year} (queue of August)"},
        "model.milestones.heading": {
            "nl": "IMW-mijlpalen naast het model",
            "en": "IMW milestones beside the model",
        },
        "model.milestones.figure": {"nl": "Gepubliceerd cijfer", "en": "Published figure"},
        "model.milestones.model": {"nl": "Model", "en": "Model"},
        "model.milestones.what": {"nl": "Wat het model telt", "en": "What the model counts"},
        "model.milestones.fitted": {"nl": " (hierop geijkt)", "en": " (fitted to it)"},
        "model.assumptions.heading": {"nl": "De getrokken aannames", "en": "The drawn assumptions"},
        "model.assumptions.text": {
            "nl": "Elke aanname die geen wet is en een resultaat beweegt, heeft een spreiding; de simulator trekt ze "
            "samen. De redenering staat bij elke parameter in de simulator.",
            "en": "Every assumption that is not law and moves a result has a spread; the simulator draws them "
            "together. The reasoning is given with each parameter in the simulator.",
        },
        "model.assumptions.low": {"nl": "Laag", "en": "Low"},
        "model.assumptions.central": {"nl": "Centraal", "en": "Central"},
        "model.assumptions.high": {"nl": "Hoog", "en": "High"},
        "model.assumptions.unit": {"nl": "Eenheid", "en": "Unit"},
    }
)

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
                "text": f"<b>{LABELS[indicator][language]}</b>",
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
            LABELS[p.indicator][language],
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
