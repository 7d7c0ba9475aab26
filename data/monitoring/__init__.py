"""Monitoring data: one tidy table of indicators, a sources table, releases, suppression.

Contract used by the pages (see schema.py for the column names, flags and units):

- ``store.load_indicators(settings) -> pandas.DataFrame``: the current release, small cells already
  suppressed; columns ``year, quarter, indicator, dimension, category, value, unit, flag, source``.
- ``store.load_sources(settings) -> pandas.DataFrame``: ``id, title, publisher, address, date_read, licence,
  status``.
- ``store.catalogue() -> list[IndicatorMeta]``: what each indicator is, for titles, metadata and filters;
  ``store.indicator_catalogue() -> Catalogue`` adds the dimensions with their category labels.
- ``store.current_release(settings) -> ReleaseInfo``.
- ``store.breakdown_shares(frame) -> pandas.DataFrame``: adds a ``share`` of the total to every row.

Modules: schema (format), catalogue (indicators.yaml), published (real series from data/sources/), generate
(the illustrative data, ``python -m data.monitoring.generate``), suppression, validation (department files),
releases (on disk), store (the functions above and import/restore).
"""

from data.monitoring.catalogue import Catalogue, DimensionMeta, IndicatorMeta, Label
from data.monitoring.releases import ReleaseError, ReleaseInfo
from data.monitoring.store import (
    FileRejected,
    breakdown_shares,
    catalogue,
    current_release,
    import_file,
    indicator_catalogue,
    list_releases,
    load_indicators,
    load_sources,
    restore_release,
    validate_file,
)

__all__ = [
    "Catalogue",
    "DimensionMeta",
    "FileRejected",
    "IndicatorMeta",
    "Label",
    "ReleaseError",
    "ReleaseInfo",
    "breakdown_shares",
    "catalogue",
    "current_release",
    "import_file",
    "indicator_catalogue",
    "list_releases",
    "load_indicators",
    "load_sources",
    "restore_release",
    "validate_file",
]
