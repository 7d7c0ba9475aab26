"""The callbacks of the indicator blocks (pages/indicator_blocks.py), called as plain functions on the hand-made
data: a filter, a download, the address."""

from __future__ import annotations

import base64
import io

import openpyxl
import pandas as pd
import pytest
from dash import no_update

from components.monitoring.ids import BREAKDOWN_TYPE, component_id
from components.shell.layout import IllustrativeBanner
from pages.indicator_blocks import download_csv, download_data_csv, download_xlsx, sync_url, update_view
from services.monitoring_exports import block_file
from tests.dash_tree import text_of

pytestmark = pytest.mark.usefixtures("fake_data")

WORKERS = component_id(BREAKDOWN_TYPE, "imw_workers")


def test_changing_a_filter_draws_the_block_again_for_the_new_state():
    (
        figure,
        _table,
        summary,
        banner,
        notice,
        source,
        graph_hidden,
        table_hidden,
        year_from,
        year_to,
        extra,
        notes,
    ) = update_view("total", "2024", "2025", "chart", WORKERS, "nl")
    assert notes == ""  # nothing missing, nothing withheld, nothing drawn apart
    assert figure.layout.separators == ",."
    assert list(figure.data[0].x) == [2024.0, 2025.0]
    assert summary.startswith("Werknemers met IMW: 1.500 in 2025")
    assert isinstance(banner, type(IllustrativeBanner("nl")))
    assert notice is None and extra is None
    assert source.startswith(
        "Bron: IMW-portaal (dit project), ‘Illustratieve gegevens, door dit portaal gemaakt"
    )
    assert ".py" not in source and "data/" not in source  # no file of the portal named to the public
    assert (graph_hidden, table_hidden) == (False, True)
    assert (year_from, year_to) == (no_update, no_update)


def test_the_table_view_hides_the_chart_and_shows_the_table():
    outputs = update_view("package", "2023", "2025", "table", WORKERS, "en")
    graph_hidden, table_hidden = outputs[6], outputs[7]
    assert (graph_hidden, table_hidden) == (True, False)
    assert "Period" in text_of(outputs[1])


def test_reversed_years_from_the_controls_are_swapped_and_reported():
    outputs = update_view("package", "2025", "2023", "chart", WORKERS, "nl")
    assert "de jaren zijn omgewisseld" in text_of(outputs[4])
    assert (outputs[8], outputs[9]) == ("2023", "2025")


def test_a_tampered_control_value_falls_back_to_the_default():
    figure = update_view("nonsense", "1999", None, "pie", WORKERS, "nl")[0]
    assert [trace.name for trace in figure.data] == ["2-jarig pakket", "5-jarig standaardpakket"]


def test_a_published_series_shows_no_illustrative_banner():
    outputs = update_view("total", "2022", "2025", "chart", component_id(BREAKDOWN_TYPE, "cmw_queue"), "nl")
    assert outputs[3] is None


def test_an_unknown_block_says_the_figures_are_unavailable():
    outputs = update_view("total", "2022", "2025", "chart", component_id(BREAKDOWN_TYPE, "nope"), "nl")
    assert "niet beschikbaar" in text_of(outputs[4])
    assert outputs[0] is no_update


def read_csv_download(data: dict) -> pd.DataFrame:
    content = base64.b64decode(data["content"])
    return pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig", keep_default_na=False)


def test_the_csv_download_holds_the_rows_shown_with_flags_and_sources():
    data = download_csv(1, "package", "2024", "2025", WORKERS, "nl")
    assert data["filename"] == "imw_workers_package_2024-2025.csv"
    table = read_csv_download(data)
    assert len(table) == 4
    assert set(table["jaar"]) == {2024, 2025}
    assert set(table["vlag"]) == {"i"} and set(table["illustratief"]) == {"ja"}
    assert set(table["code bron"]) == {"imw-illustratief"}
    assert set(table["status van de bron"]) == {"illustratief, geen officiële cijfers"}


def test_the_data_csv_download_is_tidy_for_scripts():
    data = download_data_csv(1, "package", "2024", "2025", WORKERS, "en")
    assert data["filename"] == "imw_workers_package_2024-2025_data.csv"
    table = pd.read_csv(io.BytesIO(base64.b64decode(data["content"])))
    assert len(table) == 4 and set(table["flag"]) == {"i"}


def test_the_xlsx_download_holds_the_same_rows():
    data = download_xlsx(1, "total", "2022", "2025", component_id(BREAKDOWN_TYPE, "cmw_queue"), "en")
    workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(data["content"])))
    rows = [
        row
        for row in workbook["Data"].iter_rows(values_only=True)
        if row and row[0] in (2022, 2023, 2024, 2025)
    ]
    assert len(rows) == 4
    assert rows[-1][1] == 3  # the August 2025 count, third quarter


def test_the_displacement_download_holds_both_series():
    file = block_file("imw_share_vs_target", "gender", "2023", "2025", "nl", "csv")
    assert file is not None and file.filename == "imw_share_vs_target_gender_2023-2025.csv"
    table = read_csv_download({"content": base64.b64encode(file.content).decode()})
    assert set(table["code indicator"]) == {"imw_share_vs_target", "target_population_share"}


def test_no_click_no_download():
    assert download_csv(None, "total", "2023", "2025", WORKERS, "nl") is no_update


def test_the_url_holds_every_blocks_changed_settings_and_the_language():
    ids = [component_id(BREAKDOWN_TYPE, "imw_workers"), component_id(BREAKDOWN_TYPE, "cmw_queue")]
    assert (
        sync_url(["package", "total"], ["2023", "2022"], ["2025", "2025"], ["chart", "chart"], ids, "nl")
        == ""
    )
    search = sync_url(
        ["total", "province"], ["2024", "2022"], ["2025", "2024"], ["chart", "table"], ids, "en"
    )
    assert search == (
        "?lang=en&imw_workers.by=total&imw_workers.from=2024&cmw_queue.by=province&cmw_queue.to=2024"
        "&cmw_queue.view=table"
    )
