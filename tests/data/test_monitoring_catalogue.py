"""The indicator catalogue: complete, bilingual, and consistent with the data and the sources."""

from __future__ import annotations

import pytest
import yaml

from data.monitoring.catalogue import CATALOGUE_PATH, CatalogueError, load_catalogue, parse_catalogue
from data.monitoring.schema import THEMES, TOTAL, UNITS
from data.monitoring.store import SOURCES_PATH, catalogue, initial_release
from data.monitoring.tidy import read_sources_csv


def test_every_theme_has_at_least_one_indicator() -> None:
    themes = {meta.theme for meta in catalogue()}
    assert themes == set(THEMES)


def test_every_indicator_has_dutch_and_english_title_description_and_methodology() -> None:
    for meta in catalogue():
        for text in (meta.title, meta.description, meta.methodology):
            assert text.nl.strip() and text.en.strip(), meta.id
            assert text.nl != text.en, f"{meta.id}: the Dutch text is not translated"


def test_every_indicator_names_sources_that_exist_in_the_sources_table() -> None:
    source_ids = set(read_sources_csv(SOURCES_PATH)["id"])
    for meta in catalogue():
        assert meta.sources, meta.id
        assert set(meta.sources) <= source_ids, meta.id


def test_every_dimension_and_category_has_a_dutch_and_english_label() -> None:
    for dimension in load_catalogue().dimensions.values():
        assert dimension.label.nl and dimension.label.en
        for code in dimension.categories:
            label = dimension.category_labels[code]
            assert label.nl and label.en, (dimension.id, code)


def test_the_default_dimension_is_one_of_the_indicators_dimensions() -> None:
    for meta in catalogue():
        assert meta.default_dimension in meta.dimensions


def test_every_row_of_the_initial_release_fits_its_catalogue_entry() -> None:
    known = load_catalogue()
    for row in initial_release().indicators.itertuples(index=False):
        meta = known.indicator(row.indicator)
        assert row.unit == meta.unit, row
        assert row.dimension in meta.dimensions, row
        assert row.category in known.categories_of(row.dimension), row
        assert row.year >= meta.first_year, row


def test_every_indicator_of_the_catalogue_has_data_in_the_initial_release() -> None:
    present = set(initial_release().indicators["indicator"])
    assert {meta.id for meta in catalogue()} == present


def test_the_published_series_cannot_be_imported_and_the_illustrative_ones_can() -> None:
    frame = initial_release().indicators
    for meta in catalogue():
        flags = set(frame.loc[frame["indicator"] == meta.id, "flag"])
        assert meta.importable == (flags == {"i"}), meta.id


def test_period_labels_name_the_august_2025_queue_and_the_first_half_of_2025() -> None:
    known = load_catalogue()
    assert known.indicator("cmw_queue").period_label(2025, 3, "nl") == "augustus 2025"
    assert known.indicator("cmw_doorstroom_regular").period_label(2025, 2, "en") == "first half of 2025"
    assert known.indicator("imw_workers").period_label(2024, None, "nl") == "2024"
    assert known.indicator("ggmmi").period_label(2024, 2, "nl") == "2024 K2"


def test_a_catalogue_with_an_unknown_theme_is_refused_with_the_indicator_named() -> None:
    with CATALOGUE_PATH.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    document["indicators"]["imw_workers"]["theme"] = "elders"
    with pytest.raises(CatalogueError, match="imw_workers"):
        parse_catalogue(document)


def test_a_catalogue_whose_total_is_not_listed_first_is_refused() -> None:
    with CATALOGUE_PATH.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    document["indicators"]["imw_workers"]["dimensions"] = ["package", TOTAL]
    with pytest.raises(CatalogueError, match="total"):
        parse_catalogue(document)


def test_units_of_the_catalogue_are_known_units() -> None:
    assert {meta.unit for meta in catalogue()} <= set(UNITS)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "'colour' is not a field of an indicator"),
        ({"importable": "yes"}, "importable must be true or false"),
        ({"first_year": 1999}, "first_year must be a year"),
        ({"first_year": True}, "first_year must be a year"),
        ({"dimensions": []}, "dimensions: give a non-empty list of names"),
        ({"sources": "one source"}, "sources: give a non-empty list of names"),
        ({"suppress_like": 3}, "suppress_like must name an indicator"),
        ({"period_labels": ["2025"]}, "period_labels must map a period to a text"),
        ({"title": {"nl": "Alleen Nederlands"}}, "title: give a Dutch and an English text"),
    ],
)
def test_the_shape_of_an_indicator_entry_is_checked_with_the_field_named(change, message) -> None:
    with CATALOGUE_PATH.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    document["indicators"]["imw_workers"].update(change)
    with pytest.raises(CatalogueError, match="indicator imw_workers") as error:
        parse_catalogue(document)
    assert message in str(error.value)


def test_a_missing_field_is_named() -> None:
    with CATALOGUE_PATH.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    del document["indicators"]["imw_workers"]["methodology"]
    with pytest.raises(CatalogueError, match="indicator imw_workers: give its methodology"):
        parse_catalogue(document)


@pytest.mark.parametrize(
    ("dimension", "change", "message"),
    [
        (
            "package",
            {"colour": "red"},
            "dimension package: 'colour' is not a field of a dimension; use label,",
        ),
        ("package", {"categories": ["a", "b"]}, "dimension package: give its categories"),
        ("package", {"label": "Pakket"}, "dimension package, label: give a Dutch and an English text"),
        ("package", {"base": "nowhere"}, "dimension package: base must name a dimension defined above it"),
        (
            "package",
            {"cross": ["package"]},
            "dimension package: cross must name two dimensions defined above",
        ),
    ],
)
def test_the_shape_of_a_dimension_entry_is_checked_with_the_dimension_named(
    dimension, change, message
) -> None:
    with CATALOGUE_PATH.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    document["dimensions"][dimension].update(change)
    with pytest.raises(CatalogueError) as error:
        parse_catalogue(document)
    assert message in str(error.value)
