"""The simulator's settings, generated from the parameter metadata: label, unit, range, step, status, source.

No label, range or unit is written here: each control reads them from ``data/parameters/``. Shares (units that
start with 'share' or 'fraction') are shown as percentages; every other value as it is stored. The same metadata
checks what comes back from the browser, with a message in the page's language at the field.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import dash_bootstrap_components as dbc
from dash import html

from components.shell.dom import attributes
from components.shell.formatting import format_number
from components.simulator import ids
from data.parameter_store import Parameter, ParameterValue
from data.scenario.presets import Preset, load_presets, matching_preset
from data.scenario.schema import (
    LAST_DATE,
    MAX_HORIZON_YEARS,
    RUN_START,
    Override,
    Scenario,
    ScenarioError,
    baseline_values,
    check_parameter_value,
    is_dated,
    scenario_parameters,
    share_problems,
)
from i18n import has_text, normalise_language, t
from services.simulation import DEFAULT_PAGE_DRAWS, PAGE_DRAW_CHOICES

#: Groups of the settings, in the order shown (each parameter names its group in its metadata).
GROUPS: Final = (
    "loonpremie",
    "begeleidingspremie",
    "fallback",
    "contingent",
    "financing",
    "inflow",
    "exits",
    "workers",
    "indexation",
)
#: The groups open when the page opens: the policy levers the issue names.
OPEN_GROUPS: Final = ("loonpremie", "begeleidingspremie", "fallback", "contingent")
CUSTOM: Final = "custom"

_STATUS_COLOURS: Final = {"verified": "success", "secondary": "secondary", "assumption": "warning"}


def group_of(name: str) -> str:
    """The settings group of a parameter (its metadata)."""
    parameter = scenario_parameters().get(name)
    if parameter is None or parameter.group not in GROUPS:
        raise KeyError(f"{name} belongs to no settings group")
    return parameter.group


def shown_override(override: Override | None, baseline: ParameterValue) -> tuple[ParameterValue, str | None]:
    """What a control shows for a scenario's value: the value and its date (the first date of dated values)."""
    if override is None:
        return baseline, None
    if is_dated(override):
        start, value = override[0]  # type: ignore[index]
        return value, start.isoformat()
    return override, None  # type: ignore[return-value]


def is_share(unit: str) -> bool:
    """Units shown as a percentage."""
    return unit.startswith(("share", "fraction"))


def to_display(value: float, unit: str) -> float | int:
    """A stored value as the control shows it (a share 0.45 as 45)."""
    shown = round(float(value) * 100, 9) if is_share(unit) else float(value)
    return int(shown) if float(shown).is_integer() else shown


def from_display(value: float, unit: str) -> float:
    """A value from a control back in the stored unit (45 as 0.45)."""
    return round(float(value) / 100, 12) if is_share(unit) else float(value)


def unit_text(unit: str, language: str) -> str:
    """A unit in words ('€ per kwartaal'); an unknown unit as it is written in the metadata."""
    key = f"sim.unit.{unit}"
    return t(key, language) if has_text(key) else unit


def number_text(value: float) -> str:
    """A number the Belgian way with the decimals it needs (at most 6): 0,005, 1.200, 21.466,66."""
    for decimals in range(7):
        if abs(round(value, decimals) - value) < 1e-9:
            return format_number(value, decimals)
    return format_number(value, 6)


def status_badge(status: str | None, language: str) -> html.Span:
    """The status of a parameter: 'geverifieerd', 'secundaire bron' or 'aanname'."""
    status = status or "assumption"
    colour = _STATUS_COLOURS.get(status, "warning")
    text_colour = " text-dark" if colour == "warning" else ""
    return html.Span(
        t(f"status.{status}", language), className=f"badge bg-{colour}{text_colour} status-badge ms-1"
    )


def source_title(title: str, title_en: str, language: str) -> Any:
    """A source's title in the reader's language. On an English page, a source with no English title keeps its
    own, Dutch, one, marked as Dutch (lang="nl") so that a screen reader reads it as such."""
    if normalise_language(language) != "en":
        return title
    return title_en or html.Span(title, lang="nl")


def source_note(parameter: Parameter, language: str) -> list[Any]:
    """'Bron: <title>' with a link when the reference is a web address, the title in the reader's language."""
    reference = parameter.reference
    if reference is None:
        return []
    title = source_title(reference.title, reference.title_en, language)
    if reference.href.startswith(("https://", "http://")):
        title = html.A(title, href=reference.href, rel="noopener")
    elif reference.href.startswith("/"):  # the reasoning on one of the portal's own pages
        title = html.A(title, href=reference.href)
    return [t("sim.source", language), ": ", title]


def _range_text(parameter: Parameter, language: str) -> str:
    control = parameter.control
    assert control is not None and control.minimum is not None and control.maximum is not None
    low = number_text(to_display(control.minimum, parameter.unit))
    high = number_text(to_display(control.maximum, parameter.unit))
    return t("sim.range", language).format(low=low, high=high)


def choice_value(value: ParameterValue) -> str:
    """A choice as the select holds it (true/false for yes/no)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def ParameterControl(parameter: Parameter, value: ParameterValue, language: str) -> html.Div:
    """One labelled control: a select for a choice, a number input with its unit for a number."""
    control = parameter.control
    assert control is not None
    component_id = ids.parameter_id(parameter.name)
    feedback = dbc.FormFeedback(
        id=ids.parameter_feedback_id(parameter.name), type="invalid", class_name="w-100"
    )
    label = dbc.Label(
        [parameter.label(language), status_badge(parameter.status, language)],
        html_for=ids.dom_id(component_id),
        class_name="mb-1",
    )
    if control.allowed is not None:
        widget: Any = html.Div(
            [
                dbc.Select(
                    id=component_id,
                    options=[
                        {
                            "label": t(f"sim.choice.{choice_value(choice)}", language),
                            "value": choice_value(choice),
                        }
                        for choice in control.allowed
                    ],
                    value=choice_value(value),
                ),
                feedback,
            ]
        )
        details = source_note(parameter, language)
    else:
        unit = unit_text(parameter.unit, language)
        step = to_display(control.step, parameter.unit) if control.step else "any"
        # The unit beside the field, the message under it: the message must follow the field in the same box
        # for Bootstrap to show it when the field is marked invalid.
        widget = html.Div(
            [
                dbc.Input(
                    id=component_id,
                    type="number",
                    value=to_display(float(value), parameter.unit),
                    min=to_display(control.minimum, parameter.unit) if control.minimum is not None else None,
                    max=to_display(control.maximum, parameter.unit) if control.maximum is not None else None,
                    step=step,
                    debounce=250,
                    inputmode="decimal",
                    size="sm",
                    style={"width": "8.5rem"},
                ),
                html.Span(unit, className="small"),
                *(
                    # A duration is set in quarters (the decree's unit) with the years beside it.
                    [
                        html.Span(
                            years_text(float(value), language),
                            id={"type": ids.PARAMETER_YEARS, "name": parameter.name},
                            className="small text-body-secondary",
                        )
                    ]
                    if parameter.unit == "quarters"
                    else []
                ),
                feedback,
            ],
            className="d-flex flex-wrap align-items-center column-gap-2",
        )
        details = [_range_text(parameter, language), " · ", *source_note(parameter, language)]
    children: list[Any] = [label, widget, html.Small(details, className="d-block text-body-secondary mt-1")]
    if parameter.description:
        children.append(
            html.Details(
                [html.Summary(t("sim.explanation", language)), html.P(parameter.description, lang="nl")],
                className="small mt-1",
            )
        )
    search = f"{parameter.label(language)} {parameter.label('nl')} {parameter.name}".lower()
    return html.Div(
        children,
        className="mb-3 sim-control",
        **attributes({"data-group": parameter.group, "data-search": search}),
    )


def years_text(quarters: float, language: str) -> str:
    """'= 1,5 jaar' beside a duration of 6 quarters ('= 1.5 years' in English); empty for no number."""
    if not math.isfinite(quarters):
        return ""
    years = quarters / 4
    decimals = next(d for d in (0, 1, 2) if abs(round(years, d) - years) < 1e-9 or d == 2)
    shown = format_number(years, decimals)
    if language == "en":
        shown = f"{years:,.{decimals}f}"
    key = "sim.years.one" if years == 1 else "sim.years.many"
    return t(key, language).format(n=shown)


def preset_name(preset: Preset, language: str) -> str:
    """A preset's name in the page's language (both are in its file: `name`, `name_en`)."""
    if normalise_language(language) == "en" and preset.scenario.name_en:
        return preset.scenario.name_en
    return preset.scenario.name


def scenario_title(scenario: Scenario, language: str) -> str:
    """How a scenario is named on the page: a preset by its name in the page's language, any other by its own;
    one that still carries a preset's name but no longer is that preset says it was changed."""
    presets = load_presets()
    preset_id = matching_preset(scenario)
    if preset_id:
        return preset_name(presets[preset_id], language)
    for preset in presets.values():
        if scenario.name == preset.scenario.name:
            return t("sim.name.changed", language).format(name=preset_name(preset, language))
    return scenario.name


def preset_description(preset_id: str | None, language: str) -> str:
    """A preset's description in the page's language; none for an own scenario."""
    presets = load_presets()
    if preset_id not in presets:
        return ""
    scenario = presets[preset_id].scenario
    if normalise_language(language) == "en" and scenario.description_en:
        return scenario.description_en
    return scenario.description


def preset_options(language: str) -> list[dict[str, str]]:
    """The presets, then 'own scenario'."""
    options = [{"label": preset_name(p, language), "value": p.id} for p in load_presets().values()]
    return [*options, {"label": t("sim.preset.custom", language), "value": CUSTOM}]


def draw_options(draws: int, language: str) -> list[dict[str, Any]]:
    """No draws or 1,000: the only numbers the page computes (others are refused where they come in)."""
    choices = list(PAGE_DRAW_CHOICES)
    return [
        {
            "label": t("sim.draws.none", language)
            if n == 0
            else t("sim.draws.some", language).format(n=format_number(n)),
            "value": n,
        }
        for n in choices
    ]


def SettingsPanel(scenario: Scenario, preset_id: str | None, language: str) -> html.Div:
    """The whole settings column: starting point, uncertainty, horizon, and every parameter by group."""
    baseline = baseline_values()
    by_group: dict[str, list[Any]] = {group: [] for group in GROUPS}
    for name, parameter in scenario_parameters().items():
        value, _ = shown_override(scenario.parameters.get(name), baseline[name])
        by_group[group_of(name)].append(ParameterControl(parameter, value, language))
    accordion = dbc.Accordion(
        [
            dbc.AccordionItem(controls, title=t(f"sim.group.{group}", language), item_id=group)
            for group, controls in by_group.items()
            if controls
        ],
        id=ids.ACCORDION,
        always_open=True,
        active_item=list(OPEN_GROUPS),
        class_name="sim-accordion",
    )
    draws = scenario.draws if scenario.draws in PAGE_DRAW_CHOICES else DEFAULT_PAGE_DRAWS
    return html.Div(
        [
            html.H2(t("sim.settings", language), className="h4"),
            html.Div(
                [
                    dbc.Label(t("sim.preset", language), html_for=ids.PRESET),
                    # A starting point loads when it is chosen (no second button).
                    dbc.Select(id=ids.PRESET, options=preset_options(language), value=preset_id or CUSTOM),
                    html.P(
                        preset_description(preset_id, language),
                        id=ids.PRESET_DESCRIPTION,
                        className="small text-body-secondary mt-1",
                    ),
                ],
                className="mb-3",
            ),
            html.Fieldset(
                [
                    html.Legend(t("sim.draws", language), className="form-label fs-6 mb-1"),
                    dbc.RadioItems(id=ids.DRAWS, options=draw_options(draws, language), value=draws),
                ],
                className="mb-3",
            ),
            html.Div(
                [
                    dbc.Label(t("sim.horizon", language), html_for=ids.HORIZON, class_name="mb-1"),
                    dbc.InputGroup(
                        [
                            dbc.Input(
                                id=ids.HORIZON,
                                type="number",
                                min=1,
                                max=MAX_HORIZON_YEARS,
                                step=1,
                                value=scenario.horizon_years,
                                debounce=250,
                            ),
                            dbc.InputGroupText(t("sim.horizon.unit", language)),
                            dbc.FormFeedback(id=ids.HORIZON_FEEDBACK, type="invalid"),
                        ],
                        size="sm",
                        class_name="has-validation",
                    ),
                ],
                className="mb-3",
            ),
            html.Section(
                ChangesList(scenario, language, scenario_dates(scenario)),
                id=ids.CHANGES,
                className="sim-changes mb-3",
                **attributes({"aria-live": "polite"}),
            ),
            html.H3(t("sim.parameters", language), className="h5 mt-4"),
            html.P(t("sim.parameters.help", language), className="small"),
            html.Div(
                [
                    dbc.Label(t("sim.search", language), html_for=ids.PARAMETER_SEARCH, class_name="mb-1"),
                    dbc.Input(
                        id=ids.PARAMETER_SEARCH,
                        type="search",
                        placeholder=t("sim.search.placeholder", language),
                        size="sm",
                        autocomplete="off",
                        debounce=False,
                    ),
                    html.Div(
                        id=ids.PARAMETER_SEARCH_RESULT,
                        className="small text-body-secondary mt-1",
                        role="status",
                        **attributes({"aria-live": "polite"}),
                    ),
                ],
                className="mb-2",
            ),
            accordion,
        ]
    )


def scenario_dates(scenario: Scenario) -> dict[str, str]:
    """The first date of each dated value of a scenario, by parameter (what the list of changes shows)."""
    return {
        name: value[0][0].isoformat()  # type: ignore[index]
        for name, value in scenario.parameters.items()
        if is_dated(value)
    }


def changed_names(scenario: Scenario) -> list[str]:
    """The controllable parameters a scenario changes, in the order of the settings."""
    return [name for name in scenario_parameters() if name in scenario.parameters]


def ChangesList(scenario: Scenario, language: str, dates: Mapping[str, str]) -> list[Any]:
    """'Wat je veranderde': each changed parameter with its value, the date from which it holds (where it can
    change from a date) and a button that resets it; and one that resets them all."""
    names = changed_names(scenario)
    heading = html.H3(t("sim.changes", language), className="h6 mb-1")
    reset_all = dbc.Button(
        t("sim.changes.reset_all", language),
        id=ids.RESET_ALL,
        color="secondary",
        outline=True,
        size="sm",
        disabled=not names,
    )
    if not names:
        return [
            heading,
            html.P(t("sim.changes.none", language), className="small text-body-secondary mb-1"),
            reset_all,
        ]
    parameters = scenario_parameters()
    baseline = baseline_values()
    items = []
    for name in names:
        parameter = parameters[name]
        value, _ = shown_override(scenario.parameters.get(name), baseline[name])
        shown = changed_value_text(parameter, value, language)
        parts: list[Any] = [
            html.Span([html.Strong(parameter.label(language)), ": ", shown], className="me-2")
        ]
        if parameter.dated:
            date_id = ids.parameter_from_id(name)
            parts.append(  # the date from which the new value holds
                html.Span(
                    [
                        dbc.Label(
                            [
                                t("sim.from", language),
                                html.Span(f" ({parameter.label(language)})", className="visually-hidden"),
                            ],
                            html_for=ids.dom_id(date_id),
                            class_name="mb-0 me-1 small",
                        ),
                        dbc.Input(
                            id=date_id,
                            type="date",
                            value=dates.get(name),
                            min=RUN_START.isoformat(),
                            max=LAST_DATE.isoformat(),
                            # A date field has a value only once it is a whole date: no debounce needed.
                            size="sm",
                            class_name="d-inline-block",
                            style={"width": "9.5rem"},
                        ),
                        html.Span(
                            id=ids.parameter_from_feedback_id(name), className="invalid-feedback d-block"
                        ),
                    ],
                    className="me-2",
                )
            )
        parts.append(
            html.Button(
                t("sim.changes.reset", language),
                id=ids.reset_id(name),
                type="button",
                className="btn btn-link btn-sm p-0 align-baseline",
                **attributes(
                    {
                        "aria-label": t("sim.changes.reset_one", language).format(
                            label=parameter.label(language)
                        )
                    }
                ),
            )
        )
        items.append(html.Li(parts, className="mb-1"))
    return [
        heading,
        html.Ul(items, className="small ps-3 mb-1"),
        html.P(
            t("sim.from.policy", language),
            id="sim-from-help-policy",
            className="small text-body-secondary mb-1",
        ),
        html.P(
            t("sim.from.assumption", language),
            id="sim-from-help-assumption",
            className="small text-body-secondary mb-1",
        ),
        reset_all,
    ]


def changed_value_text(parameter: Parameter, value: ParameterValue, language: str) -> str:
    """A changed value in words: a choice worded, a number in its shown unit."""
    control = parameter.control
    if control is not None and control.allowed is not None:
        return t(f"sim.choice.{choice_value(value)}", language)
    unit = unit_text(parameter.unit, language)
    return f"{number_text(to_display(float(value), parameter.unit))} {unit}"


@dataclass
class ControlCheck:
    """What the controls hold: the values in their stored unit (a plain value, or from a date), a message per
    field that is not right, and a message per date that is not right."""

    values: dict[str, Override] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)
    date_problems: dict[str, str] = field(default_factory=dict)


def _number_problem(parameter: Parameter, language: str) -> str:
    control = parameter.control
    assert control is not None
    step = to_display(control.step, parameter.unit) if control.step else None
    text = t("sim.error.number", language).format(
        range=_range_text(parameter, language),
        unit=unit_text(parameter.unit, language),
        step=number_text(step) if step is not None else "",
    )
    return text if step is not None else text.split(",")[0].rstrip(".") + "."


def _date_value(raw: object) -> str | bool | None:
    """A date field's value: None when empty, the ISO date when valid, False when it is no date in the run."""
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        return False
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return False
    return raw if RUN_START <= day <= LAST_DATE else False


def check_controls(
    raw: Mapping[str, object], language: str, dates: Mapping[str, object] | None = None
) -> ControlCheck:
    """Read the controls' values (as the browser sent them) back into parameter values, field by field.

    A number that is empty, not a number, out of range or not whole where it must be, or a choice that is not
    allowed, gets a message at its field; a date that is no date of the run gets one at the date. A changed value
    with a date holds from that date. Then the rules that tie fields together (shares that add up to 1) are
    checked, with the message at each field concerned.
    """
    parameters = scenario_parameters()
    baseline = baseline_values()
    result = ControlCheck()
    dates = dates or {}
    for name, value in raw.items():
        parameter = parameters.get(name)
        if parameter is None or parameter.control is None:
            continue
        control = parameter.control
        # The page's own part: a choice as the select sends it, a number in the unit shown (a share in %), a
        # value a rounding step past the end of its range put back on the end. The check is the data layer's.
        candidate: object = value
        if control.allowed is not None:
            # What the select sent must be one of its options' values; anything else (even a raw True) is none.
            candidate = next((c for c in control.allowed if choice_value(c) == value), _NO_CHOICE)
        elif isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            stored = from_display(value, parameter.unit)
            low = control.minimum if control.minimum is not None else -math.inf
            high = control.maximum if control.maximum is not None else math.inf
            tolerance = 1e-9 * max(1.0, abs(stored))
            candidate = (
                min(max(stored, low), high) if low - tolerance <= stored <= high + tolerance else stored
            )
        try:
            result.values[name] = check_parameter_value(parameter, candidate, baseline[name])
        except ScenarioError as error:
            result.problems[name] = problem_text(error, parameter, language)
    for name, raw_date in dates.items():
        parameter = parameters.get(name)
        if parameter is None or not parameter.dated:
            continue
        date = _date_value(raw_date)
        if date is False:
            whole = t("sim.from.whole_policy" if parameter.policy else "sim.from.whole_assumption", language)
            result.date_problems[name] = t("sim.error.date", language).format(
                low=RUN_START.strftime("%d-%m-%Y"), high=LAST_DATE.strftime("%d-%m-%Y"), whole=whole
            )
        elif date is not None and name in result.values and result.values[name] != baseline[name]:
            result.values[name] = ((dt.date.fromisoformat(date), result.values[name]),)  # type: ignore[arg-type]
    plain = {n: v for n, v in result.values.items() if not is_dated(v)}
    result.problems.update(consistency_problems({**baseline, **plain}, result.problems, language))
    return result


#: What a choice field holds when the browser sent none of its options.
_NO_CHOICE: Final = object()


def problem_text(error: ScenarioError, parameter: Parameter, language: str) -> str:
    """The data layer's problem with a field, worded for the page (its code decides; the English message of a
    problem this page does not word yet is shown as it is)."""
    code = error.problem.code if error.problem is not None else ""
    if code == "not_allowed":
        return t("sim.error.choice", language)
    if code in ("not_a_number", "not_finite", "out_of_range"):
        return _number_problem(parameter, language)
    if code == "not_whole":
        return t("sim.error.whole", language)
    return t("sim.error.other", language).format(message=error.message)


def consistency_problems(
    values: Mapping[str, ParameterValue], known: Mapping[str, str], language: str
) -> dict[str, str]:
    """Messages for the rules that tie several fields together (the data layer's `share_problems`), at each field
    concerned; skipped where one of those fields already has a message."""
    problems: dict[str, str] = {}
    for problem in share_problems(values):
        members = [str(name) for name in problem.values.get("members", (problem.field,))]
        if any(name in known for name in members):
            continue
        if problem.code == "shares":
            total = float(problem.values["total"])
            message = t("sim.error.shares", language).format(total=f"{number_text(total * 100)}\u00a0%")
        else:  # a rule added to the data layer that this page does not word yet
            message = t("sim.error.other", language).format(message=problem.message)
        problems.update(dict.fromkeys(members, message))
    return problems


def field_labels(names: Sequence[str], language: str) -> list[str]:
    """The labels of fields, for the status line."""
    parameters = scenario_parameters()
    return [parameters[name].label(language) if name in parameters else name for name in names]
