"""The adapter between the data layer's catalogue and what the components show."""

from __future__ import annotations

import pandas as pd
import pytest

from data.monitoring.catalogue import load_catalogue
from services import monitoring as monitoring_data
from services.monitoring import (
    DataUnavailable,
    dimension_info_from_meta,
    info_from_meta,
    view_options,
)


def test_catalogue_entries_keep_their_texts_breakdowns_labels_and_period_names():
    catalogue = load_catalogue()
    dimensions = {key: dimension_info_from_meta(meta) for key, meta in catalogue.dimensions.items()}
    info = info_from_meta(catalogue.indicator("cmw_queue"), dimensions)
    assert info.text("title", "en") == catalogue.indicator("cmw_queue").title.en
    assert info.dimensions == ("total", "province")
    assert info.dimension_label("province", "nl") == "Provincie (woonplaats)"
    assert info.category_labels("province", "en")["west_vlaanderen"] == "West Flanders"
    assert info.category_order("province")[0] == "antwerpen"
    assert info.period_names("nl") == {(2025, 3): "augustus 2025"}


def test_the_same_code_reads_differently_in_different_breakdowns():
    catalogue = load_catalogue()
    dimensions = {key: dimension_info_from_meta(meta) for key, meta in catalogue.dimensions.items()}
    info = info_from_meta(catalogue.indicator("imw_workers_profile"), dimensions)
    assert info.category_labels("education", "nl")["low"] != info.category_labels("disability", "nl").get(
        "low"
    )


def test_view_options_follow_the_data_and_the_catalogue_order(catalogue, frame):
    info = monitoring_data.find_indicator("cmw_queue", catalogue)
    options = view_options(info, frame)
    assert options.breakdowns == ("total", "province")
    assert options.years == (2022, 2023, 2024, 2025)
    assert options.default_state().breakdown == "total"


def test_a_broken_data_layer_becomes_a_message_not_an_error(monkeypatch):
    class Broken:
        def load_indicators(self) -> pd.DataFrame:
            raise OSError("disk gone")

    monkeypatch.setattr(monitoring_data, "_store", lambda: Broken())
    with pytest.raises(DataUnavailable):
        monitoring_data.load_frame()


def test_the_real_release_gives_the_displacement_series_first_on_its_page():
    infos = monitoring_data.load_catalogue()
    verdringing = [info.id for info in infos if info.theme == "verdringing"]
    assert verdringing[0] == "imw_share_vs_target"
    frame = monitoring_data.load_frame()
    assert (frame["indicator"] == "imw_share_vs_target").any()
