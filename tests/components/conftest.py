"""Fixtures of the component tests: small hand-made monitoring data, and the data access pointed at it."""

from __future__ import annotations

import pandas as pd
import pytest

from services import monitoring as monitoring_data
from services.monitoring import IndicatorInfo
from tests.components.monitoring_fixtures import (
    sample_catalogue,
    sample_frame,
    sample_frame_with_derived_rows,
    sample_sources,
)


@pytest.fixture
def frame() -> pd.DataFrame:
    """The hand-made tidy table (without derived rows)."""
    return sample_frame()


@pytest.fixture
def sources() -> pd.DataFrame:
    return sample_sources()


@pytest.fixture
def catalogue() -> list[IndicatorInfo]:
    return sample_catalogue()


@pytest.fixture
def fake_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the components' data access at the hand-made data (no data layer involved)."""
    frame = sample_frame_with_derived_rows()
    catalogue = sample_catalogue()
    sources = sample_sources()
    monkeypatch.setattr(monitoring_data, "load_frame", lambda: frame)
    monkeypatch.setattr(monitoring_data, "load_catalogue", lambda: catalogue)
    monkeypatch.setattr(monitoring_data, "load_sources", lambda: sources)
    # Rendered views are remembered per release: the hand-made data is a release of its own.
    monkeypatch.setattr(monitoring_data, "_release_key", lambda: ("hand-made", "hand-made", 0))
