"""The table view: a caption, header cells with scope, Belgian numbers, flags explained."""

from __future__ import annotations

from dash import html

from components.shell.tables import IndicatorTable
from data.monitoring.frames import select_rows
from tests.dash_tree import find_all, text_of


def test_the_table_has_a_caption_and_scoped_header_cells(frame):
    rows = select_rows(frame, "imw_workers", "package")
    table = IndicatorTable(
        rows,
        caption="Werknemers naar pakket",
        unit="persons",
        language="nl",
        category_labels={"two_year": "2-jarig", "five_year_standard": "5-jarig"},
        category_order=["two_year", "five_year_standard"],
    )
    assert text_of(find_all(table, html.Caption)[0]) == "Werknemers naar pakket"
    headers = find_all(table, html.Th)
    assert [(text_of(th), th.scope) for th in headers[:3]] == [
        ("Periode", "col"),
        ("2-jarig", "col"),
        ("5-jarig", "col"),
    ]
    assert [text_of(th) for th in headers if th.scope == "row"] == ["2023", "2024", "2025"]


def test_cells_show_belgian_numbers_with_their_flag_and_a_legend(frame):
    rows = select_rows(frame, "imw_workers", "package")
    table = IndicatorTable(
        rows, caption="x", unit="persons", language="nl", category_order=["two_year", "five_year_standard"]
    )
    cells = [text_of(td) for td in find_all(table, html.Td)]
    assert cells[:2] == ["– (c)", "990 (i)"]
    assert "1.250 (i)" in cells
    abbreviations = {abbr.title for abbr in find_all(table, html.Abbr)}
    assert abbreviations == {"afgeschermd (kleine aantallen)", "illustratief"}
    legend = [text_of(item) for item in find_all(table, html.Li)]
    assert legend == ["(c) afgeschermd (kleine aantallen)", "(i) illustratief"]


def test_no_rows_say_so(frame):
    table = IndicatorTable(frame.iloc[0:0], caption="x", unit="persons", language="en")
    assert text_of(table) == "No figures for this selection."
