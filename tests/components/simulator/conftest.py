"""Fixtures of the simulator's builders: the baseline preset's result (with its draws), computed once."""

from __future__ import annotations

from typing import Any

import pytest

from data.scenario.presets import load_presets
from services.simulation import simulate


@pytest.fixture(scope="module")
def uncertain() -> Any:
    return simulate(load_presets()["basis"].scenario)
