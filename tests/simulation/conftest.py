from __future__ import annotations

import pytest

from data.model_inputs import build_inputs
from data.scenario import Scenario, build_distributions


@pytest.fixture(scope="session")
def baseline_inputs():
    return build_inputs(Scenario())


@pytest.fixture(scope="session")
def baseline_distributions():
    return build_distributions(Scenario())
