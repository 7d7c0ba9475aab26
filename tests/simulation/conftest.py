from __future__ import annotations

import pytest

from data.scenario.inputs import build_inputs
from data.scenario.schema import Scenario, build_distributions


@pytest.fixture(scope="session")
def baseline_inputs():
    return build_inputs(Scenario())


@pytest.fixture(scope="session")
def baseline_distributions():
    return build_distributions(Scenario())
