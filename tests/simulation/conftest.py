from __future__ import annotations

import pytest

from data.scenario import Scenario, build_distributions, build_inputs


@pytest.fixture(scope="session")
def baseline_inputs():
    return build_inputs(Scenario())


@pytest.fixture(scope="session")
def baseline_distributions():
    return build_distributions(Scenario())
