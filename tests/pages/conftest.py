"""Fixtures of the page tests: the portal built once (so that every page is registered); the hand-made data is
tests/conftest.py's."""

from __future__ import annotations

import pytest
from dash import Dash


@pytest.fixture(scope="session")
def portal() -> Dash:
    """The portal app: importing it registers every page of pages/."""
    import app

    return app.app
