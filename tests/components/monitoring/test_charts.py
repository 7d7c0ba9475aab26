"""Chart builders: Belgian separators, source and status in the figure, flags in hover labels, gaps, warnings."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from components.monitoring.charts import displacement_figure, indicator_figure
from components.shell.style import SERIES_COLOURS
from data.monitoring.displacement import watch_table
from data.monitoring.frames import select_rows

NBSP = "\u00a0"


@pytest.fixture
def workers_by_package(frame: pd.DataFrame) -> pd.DataFrame:
    return select_rows(frame, "imw_workers", "package", 2023, 2025)


def test_every_figure_uses_belgian_separators_on_axes_and_in_hover_labels(workers_by_package):
    figure = indicator_figure(workers_by_package, unit="persons", language="nl")
    assert figure.layout.separators == ",."
    assert figure.layout.yaxis.tickformat == ",.0f"
    assert all(":,.0f}" in trace.hovertemplate for trace in figure.data)


def test_hover_labels_carry_the_status_and_the_source_of_each_point(workers_by_package):
    figure = indicator_figure(
        workers_by_package, unit="persons", language="nl", source_titles={"imw-illustratief": "IMW-portaal"}
    )
    trace = figure.data[1]
    assert "Status: %{customdata[0]}" in trace.hovertemplate
    assert list(trace.customdata[0]) == ["illustratief", "IMW-portaal", "2023"]


def test_an_illustrative_figure_keeps_its_source_and_status_line_without_a_second_warning(workers_by_package):
    # The block's banner says it once; the chart's own line names source and status (and its picture the warning).
    figure = indicator_figure(
        workers_by_package, unit="persons", language="nl", source_note="Bron: X (illustratief)."
    )
    assert figure.layout.title.text == "Bron: X (illustratief)."
    assert "Illustratieve gegevens" not in figure.layout.title.text


def test_a_figure_of_published_figures_carries_its_source_in_the_heading(frame):
    rows = select_rows(frame, "cmw_queue", "total")
    figure = indicator_figure(rows, unit="persons", language="nl", source_note="Bron: Vlaams Parlement.")
    assert figure.layout.title.text == "Bron: Vlaams Parlement."
    assert "Illustratieve" not in figure.layout.title.text


def test_a_suppressed_cell_leaves_a_gap_and_groups_keep_the_catalogue_order(workers_by_package):
    figure = indicator_figure(
        workers_by_package,
        unit="persons",
        language="nl",
        category_order=["two_year", "five_year_standard"],
        category_labels={"two_year": "2-jarig", "five_year_standard": "5-jarig"},
    )
    assert [trace.name for trace in figure.data] == ["2-jarig", "5-jarig"]
    two_year = figure.data[0]
    assert math.isnan(two_year.y[0]) and two_year.y[1:] == (300.0, 250.0)
    assert two_year.connectgaps is False
    # The gap is named, so that it never reads as a zero.
    assert "Afgeschermd (kleine aantallen), dus leeg: 2-jarig 2023." in figure.layout.title.subtitle.text


def test_groups_are_told_apart_by_colour_symbol_and_dash(workers_by_package):
    figure = indicator_figure(workers_by_package, unit="persons", language="nl")
    first, second = figure.data
    assert first.line.color == SERIES_COLOURS[0] and second.line.color == SERIES_COLOURS[1]
    assert first.line.dash != second.line.dash
    assert first.marker.symbol[0].split("-")[0] != second.marker.symbol[0].split("-")[0]


def test_a_count_in_august_is_drawn_apart_with_its_name_and_not_joined_to_the_years(frame):
    rows = select_rows(frame, "cmw_queue", "total")
    figure = indicator_figure(rows, unit="persons", language="nl", period_names={(2025, 3): "augustus 2025"})
    line, apart = figure.data
    assert list(line.x) == [2022.0, 2023.0, 2024.0] and line.mode == "lines+markers"
    assert list(apart.x) == [2025.0] and list(apart.text) == ["augustus 2025"] and "lines" not in apart.mode
    assert [row[2] for row in line.customdata] == ["2022", "2023", "2024"]
    assert list(figure.layout.xaxis.ticktext) == ["2022", "2023", "2024", "2025"]
    english = indicator_figure(rows, unit="persons", language="en")
    assert english.data[1].customdata[0][2] == "2025 Q3"


def test_euro_amounts_are_drawn_in_millions_with_a_euro_prefix(frame):
    rows = select_rows(frame, "cmw_budget_spent", "total")
    figure = indicator_figure(rows, unit="EUR", language="nl")
    assert figure.data[0].y[-1] == pytest.approx(572.5)
    assert (figure.layout.yaxis.tickprefix, figure.layout.yaxis.ticksuffix) == (f"€{NBSP}", f"{NBSP}mln")
    assert f"€{NBSP}%{{y:,.1f}}{NBSP}mln" in figure.data[0].hovertemplate


def test_a_single_period_is_drawn_as_bars_and_no_rows_as_a_message(frame):
    rows = select_rows(frame, "imw_workers", "package", 2025, 2025)
    bars = indicator_figure(rows, unit="persons", language="nl")
    assert {trace.type for trace in bars.data} == {"bar"}
    empty = indicator_figure(rows.iloc[0:0], unit="persons", language="en")
    assert empty.data == ()
    assert empty.layout.annotations[0].text == "No figures for this selection"


def test_the_displacement_watch_draws_one_panel_per_group_with_signals_marked(frame):
    from tests.components.monitoring_fixtures import sample_frame_with_derived_rows

    full = sample_frame_with_derived_rows()
    watch = watch_table(
        select_rows(full, "imw_share_vs_target", "gender"),
        select_rows(full, "target_population_share", "gender"),
    )
    figure = displacement_figure(watch, language="nl", category_labels={"man": "Man", "woman": "Vrouw"})
    assert figure.layout.separators == ",."
    assert [annotation.text for annotation in figure.layout.annotations] == ["Man", "Vrouw"]
    signals = [trace for trace in figure.data if trace.legendgroup == "signal"]
    assert [list(trace.x) for trace in signals] == [[], ["2024", "2025"]]
    assert figure.data[0].y == pytest.approx((60.0, 65.0, 70.0))


def test_many_groups_are_drawn_as_a_ranking_of_the_last_period_with_a_mark_at_the_first():
    rows = pd.DataFrame(
        {
            "year": [2024] * 10 + [2025] * 10,
            "quarter": [None] * 20,
            "category": [f"g{i}" for i in range(10)] * 2,
            "value": [float(i) for i in range(10)] + [float(10 - i) for i in range(10)],
            "flag": [""] * 20,
            "source": ["s"] * 20,
        }
    )
    figure = indicator_figure(rows, unit="persons", language="nl")
    bars, marks = figure.data
    assert (bars.type, bars.orientation, bars.name, marks.name) == ("bar", "h", "2025", "2024")
    assert bars.customdata[-1][3] == "g0" and list(bars.x)[-1] == 10.0  # the largest on top
    # Each group's name stands above its bar (room for the bars on a phone), not as an axis label.
    assert figure.layout.yaxis.showticklabels is False
    assert [annotation.text for annotation in figure.layout.annotations][-1] == "g0"
    assert figure.layout.xaxis.type == "linear" and figure.layout.separators == ",."
