"""A scenario rule of the coverage question (SERV advice, point 6): the variable begeleidingspremie set to the
cost of the coaching each need implies (the formula is simulation/coverage.py), kept to the controls' step and
range from the parameters' metadata."""

from __future__ import annotations

import math
from collections.abc import Mapping

from data.parameter_store import ParameterSet, ParameterValue, load_parameters
from simulation.coverage import COACHED_NEEDS, coaching_cost_per_quarter


def variable_parts_covering_cost(
    values: Mapping[str, ParameterValue], parameters: ParameterSet | None = None
) -> dict[str, ParameterValue]:
    """Variable begeleidingspremie amounts equal to the coaching cost of each need, rounded up to the control's
    step (so that the amount never falls short of the cost) and kept within the control's range [EUR/quarter]."""
    parameters = parameters or load_parameters()
    result: dict[str, ParameterValue] = {}
    for need in COACHED_NEEDS:
        name = f"begeleidingspremie.variable.{need}"
        control = parameters[name].control
        amount = coaching_cost_per_quarter(values, need)
        if control is not None and control.step:
            amount = math.ceil(round(amount / control.step, 9)) * control.step
        if control is not None and control.maximum is not None:
            amount = min(amount, control.maximum)
        if control is not None and control.minimum is not None:
            amount = max(amount, control.minimum)
        result[name] = float(amount)
    return result
