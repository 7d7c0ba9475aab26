"""Monitoring data: one tidy table of indicators, a sources table, releases, suppression.

Contract used by the pages (see schema.py for the column names and flags):

- ``store.load_indicators(settings=None) -> pandas.DataFrame``: the current release, small cells already
  suppressed; columns ``year, quarter, indicator, dimension, category, value, unit, flag, source``.
- ``store.load_sources() -> pandas.DataFrame``: ``id, title, publisher, address, date_read, licence, status``.
- ``store.catalogue() -> list[IndicatorMeta]``: what each indicator is, for titles, metadata and filters.
- ``store.current_release(settings=None) -> ReleaseInfo``.
"""
