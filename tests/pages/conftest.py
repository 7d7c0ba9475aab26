"""Fixtures of the page tests: the portal built once (so that every page is registered), hand-made data."""

from __future__ import annotations

import pytest
from dash import Dash

from services import monitoring as monitoring_data
from tests.components.monitoring_fixtures import (
    sample_catalogue,
    sample_frame_with_derived_rows,
    sample_sources,
)


@pytest.fixture(scope="session")
def portal() -> Dash:
    """The portal app: importing it registers every page of pages/."""
    import app

    return app.app


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
