"""Settings for the whole test session, read before any test module imports the portal, and the fixtures of the
hand-made monitoring data that the component, page and service tests share."""

from __future__ import annotations

import os

# The start-up warm-up (services/warmup.py) would compete with the tests for the two cores and change what
# caches hold while a test counts; its own test turns it on.
os.environ.setdefault("IMW_WARM_CACHE", "0")

# vulture's whitelist names what vulture cannot see used; it is read by vulture, never imported (nor doctested).
collect_ignore = ["vulture_whitelist.py"]


import pandas as pd  # noqa: E402  (after the settings above)
import pytest  # noqa: E402

from services import monitoring as monitoring_data  # noqa: E402
from services.monitoring import IndicatorInfo  # noqa: E402
from tests.components.monitoring_fixtures import (  # noqa: E402
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
    """Point the monitoring service at the hand-made data (no data layer involved)."""
    frame = sample_frame_with_derived_rows()
    catalogue = sample_catalogue()
    sources = sample_sources()
    monkeypatch.setattr(monitoring_data, "load_frame", lambda: frame)
    monkeypatch.setattr(monitoring_data, "load_catalogue", lambda: catalogue)
    monkeypatch.setattr(monitoring_data, "load_sources", lambda: sources)
    # Rendered views are remembered per release: the hand-made data is a release of its own.
    monkeypatch.setattr(monitoring_data, "release_key", lambda: ("hand-made", "hand-made", 0))
