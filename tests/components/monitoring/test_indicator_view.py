"""The indicator block as the layout builds it, on the hand-made data (its callbacks: tests/pages)."""

from __future__ import annotations

import pytest

from components.monitoring.ids import BREAKDOWN_TYPE, component_id, dom_id
from components.monitoring.indicator_view import IndicatorView
from services.monitoring import find_indicator
from tests.dash_tree import find_all, text_of

pytestmark = pytest.mark.usefixtures("fake_data")

WORKERS = component_id(BREAKDOWN_TYPE, "imw_workers")


def test_a_block_built_from_a_bad_link_shows_the_default_and_a_short_message(catalogue, sources):
    from tests.components.monitoring_fixtures import sample_frame_with_derived_rows

    info = find_indicator("imw_workers", catalogue)
    block, problems = IndicatorView(
        info,
        sample_frame_with_derived_rows(),
        sources,
        "nl",
        {"imw_workers.by": "x", "imw_workers.from": "2030"},
    )
    assert [problem.reason for problem in problems] == ["breakdown", "year-range"]
    text = text_of(block)
    assert "Een deel van de link kon niet gebruikt worden" in text
    assert "onbekende uitsplitsing ‘x’" in text and "geen cijfers voor 2030" in text


def test_every_control_has_a_label_pointing_at_it(catalogue, sources):
    import dash_bootstrap_components as dbc
    from dash import html

    from tests.components.monitoring_fixtures import sample_frame_with_derived_rows

    block, _ = IndicatorView(
        find_indicator("imw_workers", catalogue), sample_frame_with_derived_rows(), sources, "en"
    )
    labels = {label.html_for for label in find_all(block, dbc.Label)}
    selects = find_all(block, dbc.Select)
    assert len(selects) == 3
    assert {dom_id(select.id["type"], "imw_workers") for select in selects} == labels
    figures = [div for div in find_all(block, html.Div) if getattr(div, "role", None) == "img"]
    assert figures and all(
        getattr(div, "aria-describedby") == "indicator-imw-workers-summary" for div in figures
    )
