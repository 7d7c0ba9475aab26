"""Like with like, on the real series of the release shipped with the portal: no summary, key figure or chart
compares periods of a different length or kind; partial periods are drawn apart; gaps are gaps; withheld values
are named, never drawn as zero."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from components.monitoring.charts import indicator_figure
from components.monitoring.headlines import headline
from components.monitoring.indicator_view import render_view
from data.monitoring import store
from data.monitoring.view_state import ViewState
from services.config import Settings
from services.monitoring import dimension_info_from_meta, find_indicator, info_from_meta, view_options

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, list, pd.DataFrame]:
    settings = Settings(data_dir=Path(tmp_path_factory.mktemp("data")))
    frame = store.load_indicators(settings)
    dimensions = {
        name: dimension_info_from_meta(meta) for name, meta in store.indicator_catalogue().dimensions.items()
    }
    infos = [info_from_meta(meta, dimensions) for meta in store.catalogue()]
    return frame, infos, store.load_sources(settings)


def _view(release, indicator: str, breakdown: str = "total", language: str = "nl"):
    frame, infos, sources = release
    info = find_indicator(indicator, infos)
    years = view_options(info, frame).years
    return info, render_view(info, frame, sources, ViewState(breakdown, years[0], years[-1]), language)


def test_the_first_half_of_2025_is_not_set_against_the_year_2024(release):
    _, view = _view(release, "cmw_doorstroom_regular")
    assert "42,7" not in view.summary and "minder dan in 2024" not in view.summary.split(".")[0]
    assert view.summary.startswith(
        "Doorstroom uit collectief maatwerk naar de reguliere arbeidsmarkt: 197 in eerste helft van 2025. "
        "Er is geen cijfer voor dezelfde periode van een vorig jaar om het mee te vergelijken. "
        # 344 / 513 = -32,9 %: a year against a year.
        f"Het laatste jaarcijfer is dat van 2024: 344, 32,9{NBSP}% minder dan in 2023 (513)."
    )
    line, apart = view.figure.data
    assert list(line.x) == [2020.0, 2021.0, 2022.0, 2023.0, 2024.0]  # the years, joined
    assert list(apart.x) == [2025.0] and list(apart.y) == [197.0] and "lines" not in apart.mode
    assert list(apart.text) == ["eerste helft van 2025"]
    assert "eerste helft van 2025, niet te vergelijken" in view.notes


def test_the_queue_of_august_2025_is_not_compared_with_the_count_of_2024(release, monkeypatch):
    info, view = _view(release, "cmw_queue")
    first = view.summary.split(". ")[0]
    assert first == "Wachtenden met een advies collectief maatwerk: 3.781 in augustus 2025"
    # The key figure says it cannot compare, and gives the latest yearly count beside it.
    frame, _, _sources = release
    item = headline(info, frame, "nl")
    assert item.value == f"3.781{NBSP}personen"
    assert item.change == "geen cijfer van dezelfde periode in een vorig jaar"
    assert item.context == "laatste jaarcijfer: 3.089 (2024)"


def test_the_contingent_of_the_first_quarter_of_2026_is_not_compared_with_a_year_end(release):
    frame, infos, _ = release
    info = find_indicator("cmw_contingent_filled", infos)
    item = headline(info, frame, "en")
    assert item.value == f"19.913,8{NBSP}FTE"  # the unit of the key figure
    assert item.change == "no figure for the same period of an earlier year"
    assert item.context == "latest yearly figure: 20.341,6 (2025 Q4)"


def test_imw_flows_of_2023_count_half_a_year_and_no_change_is_measured_from_it(release):
    # IMW started on 1 July 2023: a flow of 2023 is never the start of a "since 2023" change.
    for indicator, breakdown in (("imw_new_workers", "package"), ("imw_to_regular", "total")):
        _, view = _view(release, indicator, breakdown)
        assert "Sinds 2023" not in view.summary and "dan in 2023" not in view.summary, indicator
        texts = [text for trace in view.figure.data for text in (trace.text or ())]
        assert "2023 (juli–december)" in texts, indicator
    _, english = _view(release, "imw_new_workers", "package", "en")
    assert "Since 2023" not in english.summary and "Since 2024" in english.summary


def test_a_missing_year_is_a_gap_at_its_own_place_on_the_time_axis(release):
    _, view = _view(release, "se_target_group_workers")
    line = view.figure.data[0]
    # 2017, 2018, [2019 missing], 2020, 2021: evenly spaced years, 2019 a gap, not skipped.
    assert list(line.x) == [2017.0, 2018.0, 2019.0, 2020.0, 2021.0]
    assert math.isnan(line.y[2]) and line.connectgaps is False
    assert list(view.figure.layout.xaxis.ticktext) == ["2017", "2018", "2019", "2020", "2021"]
    assert "Geen cijfer: 2019." in view.notes
    assert "Voor 2019 is er geen cijfer." in view.summary


def test_withheld_counts_of_the_real_queue_are_named_never_drawn_as_zero(release):
    frame, infos, sources = release
    info = find_indicator("cmw_queue", infos)
    rows = frame[(frame["indicator"] == "cmw_queue") & (frame["dimension"] == "province")]
    assert (rows["flag"] == "c").any()  # Brussels and outside Flanders are small in some years
    view = render_view(info, frame, sources, ViewState("province", 2019, 2024), "nl")
    outside = next(trace for trace in view.figure.data if trace.name == "Buiten Vlaanderen en Brussel")
    withheld_years = set(rows.loc[(rows["category"] == "outside") & (rows["flag"] == "c"), "year"])
    assert withheld_years
    for x, y in zip(outside.x, outside.y, strict=True):
        if int(x) in withheld_years:
            assert math.isnan(y)  # a gap, not a zero
    heading = view.notes
    assert "Afgeschermd (kleine aantallen), dus leeg:" in heading
    assert "Buiten Vlaanderen en Brussel 2024" in heading


def test_the_sector_ranking_names_a_withheld_sector_instead_of_a_zero_bar(release):
    frame, infos, sources = release
    info = find_indicator("imw_employers", infos)
    view = render_view(info, frame, sources, ViewState("sector", 2023, 2025), "nl")
    bars = view.figure.data[0]
    hidden = [
        name
        for (flag, _s, _p, name), x in zip(bars.customdata, bars.x, strict=True)
        if flag.startswith("afgeschermd")
    ]
    assert hidden and all(
        x is None
        for (flag, *_), x in zip(bars.customdata, bars.x, strict=True)
        if flag.startswith("afgeschermd")
    )
    texts = [annotation.text for annotation in view.figure.layout.annotations]
    assert any(text.endswith("<i>afgeschermd</i>") for text in texts)


def test_a_quarterly_series_compares_a_quarter_with_the_same_quarter_a_year_earlier(release):
    _, view = _view(release, "ggmmi")
    # The latest GGMMI quarter against the same quarter a year earlier, never against the quarter before.
    frame, _, _ = release
    rows = frame[frame["indicator"] == "ggmmi"].sort_values(["year", "quarter"])
    last = rows.iloc[-1]
    assert f"dan in {int(last['year']) - 1} K{int(last['quarter'])}" in view.summary
    figure = indicator_figure(rows, unit="EUR/month", language="nl", source_note="", period_names={})
    assert figure.data[0].x[1] - figure.data[0].x[0] == pytest.approx(0.25)  # a quarter of a year apart
