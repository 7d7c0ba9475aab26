"""Small monitoring data in the tidy format, made by hand, for the component and page tests.

The numbers are chosen so that the summaries can be checked by hand: see the expected sentences in the tests.
"""

from __future__ import annotations

import math

import pandas as pd

from data.monitoring.schema import COLUMNS
from services.monitoring import DimensionInfo, IndicatorInfo, displacement_info, with_derived_rows

NAN = math.nan

ROWS = [
    # imw_workers: illustrative, by package; the two-year package of 2023 is suppressed (a small count).
    (2023, None, "imw_workers", "total", "total", 1000.0, "persons", "i", "imw-illustratief"),
    (2024, None, "imw_workers", "total", "total", 1200.0, "persons", "i", "imw-illustratief"),
    (2025, None, "imw_workers", "total", "total", 1500.0, "persons", "i", "imw-illustratief"),
    (2023, None, "imw_workers", "package", "two_year", NAN, "persons", "c", "imw-illustratief"),
    (2024, None, "imw_workers", "package", "two_year", 300.0, "persons", "i", "imw-illustratief"),
    (2025, None, "imw_workers", "package", "two_year", 250.0, "persons", "i", "imw-illustratief"),
    (2023, None, "imw_workers", "package", "five_year_standard", 990.0, "persons", "i", "imw-illustratief"),
    (2024, None, "imw_workers", "package", "five_year_standard", 900.0, "persons", "i", "imw-illustratief"),
    (2025, None, "imw_workers", "package", "five_year_standard", 1250.0, "persons", "i", "imw-illustratief"),
    # cmw_queue: published, the August 2025 count provisional, provinces for 2022-2024 only.
    (2022, None, "cmw_queue", "total", "total", 4277.0, "persons", "", "vp-sv-15"),
    (2023, None, "cmw_queue", "total", "total", 4554.0, "persons", "", "vp-sv-15"),
    (2024, None, "cmw_queue", "total", "total", 3089.0, "persons", "", "vp-sv-15"),
    (2025, 3, "cmw_queue", "total", "total", 3781.0, "persons", "p", "vp-sv-15"),
    (2022, None, "cmw_queue", "province", "antwerpen", 1325.0, "persons", "", "vp-sv-15"),
    (2023, None, "cmw_queue", "province", "antwerpen", 1441.0, "persons", "", "vp-sv-15"),
    (2024, None, "cmw_queue", "province", "antwerpen", 1083.0, "persons", "", "vp-sv-15"),
    (2022, None, "cmw_queue", "province", "limburg", 551.0, "persons", "", "vp-sv-15"),
    (2023, None, "cmw_queue", "province", "limburg", 571.0, "persons", "", "vp-sv-15"),
    (2024, None, "cmw_queue", "province", "limburg", 363.0, "persons", "", "vp-sv-15"),
    # cmw_budget_spent: euro, large amounts.
    (2022, None, "cmw_budget_spent", "total", "total", 466_700_000.0, "EUR", "", "begroting-cmw"),
    (2023, None, "cmw_budget_spent", "total", "total", 526_700_000.0, "EUR", "", "begroting-cmw"),
    (2024, None, "cmw_budget_spent", "total", "total", 552_300_000.0, "EUR", "", "begroting-cmw"),
    (2025, None, "cmw_budget_spent", "total", "total", 572_500_000.0, "EUR", "", "begroting-cmw"),
    # The displacement watch: IMW workers by gender, and the make-up of the target population.
    (2023, None, "imw_workers_profile", "total", "total", 1000.0, "persons", "i", "imw-illustratief"),
    (2024, None, "imw_workers_profile", "total", "total", 1200.0, "persons", "i", "imw-illustratief"),
    (2025, None, "imw_workers_profile", "total", "total", 1500.0, "persons", "i", "imw-illustratief"),
    (2023, None, "imw_workers_profile", "gender", "man", 600.0, "persons", "i", "imw-illustratief"),
    (2024, None, "imw_workers_profile", "gender", "man", 780.0, "persons", "i", "imw-illustratief"),
    (2025, None, "imw_workers_profile", "gender", "man", 1050.0, "persons", "i", "imw-illustratief"),
    (2023, None, "imw_workers_profile", "gender", "woman", 400.0, "persons", "i", "imw-illustratief"),
    (2024, None, "imw_workers_profile", "gender", "woman", 420.0, "persons", "i", "imw-illustratief"),
    (2025, None, "imw_workers_profile", "gender", "woman", 450.0, "persons", "i", "imw-illustratief"),
    (2023, None, "target_population_share", "total", "total", 1.0, "share", "i", "imw-illustratief"),
    (2023, None, "target_population_share", "gender", "man", 0.6, "share", "i", "imw-illustratief"),
    (2023, None, "target_population_share", "gender", "woman", 0.4, "share", "i", "imw-illustratief"),
    (2025, None, "target_population_share", "total", "total", 1.0, "share", "i", "imw-illustratief"),
    (2025, None, "target_population_share", "gender", "man", 0.6, "share", "i", "imw-illustratief"),
    (2025, None, "target_population_share", "gender", "woman", 0.4, "share", "i", "imw-illustratief"),
]


def sample_frame() -> pd.DataFrame:
    """The tidy table of ROWS, with the column types of the data layer (quarter Int64, value float64)."""
    frame = pd.DataFrame.from_records(ROWS, columns=list(COLUMNS))
    frame["year"] = frame["year"].astype("int64")
    frame["quarter"] = frame["quarter"].astype("Int64")
    frame["value"] = frame["value"].astype("float64")
    for column in ("indicator", "dimension", "category", "unit", "flag", "source"):
        frame[column] = frame[column].astype("str")
    return frame


def sample_sources() -> pd.DataFrame:
    """The sources of ROWS, with one of each status."""
    return pd.DataFrame(
        [
            (
                "imw-illustratief",
                "Illustratieve gegevens",
                "IMW-portaal (dit project)",
                "data/monitoring/generate.py",
                "2026-11-27",
                "EUPL-1.2",
                "illustrative",
            ),
            (
                "vp-sv-15",
                "Schriftelijke vraag nr. 15",
                "Vlaams Parlement",
                "https://docs.vlaamsparlement.be/x",
                "2026-11-27",
                "Modellicentie Gratis Hergebruik",
                "secondary",
            ),
            (
                "begroting-cmw",
                "Uitgaven collectief maatwerk",
                "Vlaamse overheid",
                "",
                "2026-11-27",
                "niet nagekeken",
                "secondary",
            ),
        ],
        columns=["id", "title", "publisher", "address", "date_read", "licence", "status"],
    )


PACKAGE = DimensionInfo(
    id="package",
    label={"nl": "Pakket", "en": "Package"},
    categories=("two_year", "five_year_standard"),
    category_labels={
        "two_year": {"nl": "2-jarig pakket", "en": "2-year package"},
        "five_year_standard": {"nl": "5-jarig standaardpakket", "en": "5-year standard package"},
    },
)
PROVINCE = DimensionInfo(
    id="province",
    label={"nl": "Provincie", "en": "Province"},
    categories=("antwerpen", "limburg"),
    category_labels={
        "antwerpen": {"nl": "Antwerpen", "en": "Antwerp"},
        "limburg": {"nl": "Limburg", "en": "Limburg"},
    },
)
GENDER = DimensionInfo(
    id="gender",
    label={"nl": "Geslacht", "en": "Gender"},
    categories=("man", "woman"),
    category_labels={"man": {"nl": "Man", "en": "Man"}, "woman": {"nl": "Vrouw", "en": "Woman"}},
)
TOTAL_DIMENSION = DimensionInfo(
    id="total",
    label={"nl": "Totaal", "en": "Total"},
    categories=("total",),
    category_labels={"total": {"nl": "Totaal", "en": "Total"}},
)


def _info(
    indicator_id: str,
    theme: str,
    title: str,
    unit: str,
    dimensions: tuple[DimensionInfo, ...],
    default: str,
    sources: tuple[str, ...],
    **extra: object,
) -> IndicatorInfo:
    return IndicatorInfo(
        id=indicator_id,
        theme=theme,
        title={"nl": title, "en": f"{title} (en)"},
        description={"nl": f"Beschrijving van {title}.", "en": f"Description of {title}."},
        methodology={"nl": f"Methode van {title}.", "en": f"Method of {title}."},
        unit=unit,
        dimensions=tuple(dimension.id for dimension in dimensions),
        default_dimension=default,
        sources=sources,
        dimension_info={dimension.id: dimension for dimension in dimensions},
        **extra,  # type: ignore[arg-type]
    )


def sample_catalogue() -> list[IndicatorInfo]:
    """The catalogue entries of ROWS, the derived displacement series included (as the portal builds it)."""
    infos = [
        _info(
            "imw_workers",
            "tewerkstelling",
            "Werknemers met IMW",
            "persons",
            (TOTAL_DIMENSION, PACKAGE),
            "package",
            ("imw-illustratief",),
        ),
        _info(
            "cmw_queue",
            "collectief",
            "Wachtenden",
            "persons",
            (TOTAL_DIMENSION, PROVINCE),
            "total",
            ("vp-sv-15",),
            period_labels={"2025-K3": {"nl": "augustus 2025", "en": "August 2025"}},
        ),
        _info(
            "cmw_budget_spent",
            "collectief",
            "Uitgaven collectief maatwerk",
            "EUR",
            (TOTAL_DIMENSION,),
            "total",
            ("begroting-cmw",),
        ),
        _info(
            "imw_workers_profile",
            "werknemers",
            "Werknemers naar kenmerk",
            "persons",
            (TOTAL_DIMENSION, GENDER),
            "gender",
            ("imw-illustratief",),
        ),
        _info(
            "target_population_share",
            "verdringing",
            "Samenstelling van de doelgroep",
            "share",
            (TOTAL_DIMENSION, GENDER),
            "gender",
            ("imw-illustratief",),
        ),
    ]
    derived = displacement_info(infos, sample_frame_with_derived_rows())
    assert derived is not None
    infos.insert(4, derived)
    return infos


def sample_frame_with_derived_rows() -> pd.DataFrame:
    """ROWS plus the displacement series, as `monitoring_data.load_frame` hands it to the pages."""
    return with_derived_rows(sample_frame())
