"""The pure model: numpy, scipy and pandas only; no web, files, caching or data layer."""

from simulation.inputs import (
    COACHING_NEEDS,
    ORIGINS,
    PACKAGES,
    UNCERTAIN_FIELDS,
    InputError,
    ModelInputs,
)
from simulation.projection import Projection, project
from simulation.uncertainty import Distribution, draw_assumptions, monte_carlo

MODEL_VERSION = "2.0.0"

__all__ = [
    "COACHING_NEEDS",
    "MODEL_VERSION",
    "ORIGINS",
    "PACKAGES",
    "UNCERTAIN_FIELDS",
    "Distribution",
    "InputError",
    "ModelInputs",
    "Projection",
    "draw_assumptions",
    "monte_carlo",
    "project",
]
