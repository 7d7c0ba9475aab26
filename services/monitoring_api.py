"""The read-only API of the monitoring data, after OWID's chart data endpoints: one address per indicator and one for
the whole release, as CSV (tidy, for scripts) and JSON, with every row's flag, status and source, and the same
small-cell suppression as the pages (the rows come from the same ``data.monitoring.store.load_indicators``).

- ``GET /api/monitoring``: what there is (the release, every indicator with its addresses).
- ``GET /api/monitoring/release.csv`` and ``.json``: every row of the release.
- ``GET /api/monitoring/<indicator>.csv`` and ``.json``: one indicator; ``dimension``, ``year_from``, ``year_to``
  narrow it down, ``lang`` (nl, en) chooses the words of the label columns.
- ``GET /api/monitoring/<indicator>.metadata.json``: its title, description, methodology, unit, breakdowns with
  their categories, and its sources by title and address.

Bad input (an unknown indicator, breakdown or language, a year that is no year) is a 400 or 404 with a JSON body
that names the parameter and what is allowed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Final

import pandas as pd
from flask import Flask, Response, request

from data.monitoring import store
from data.monitoring.catalogue import Catalogue, IndicatorMeta
from data.monitoring.public_sources import public_sources
from data.monitoring.schema import COLUMNS, FLAGS
from services.exports import json_records, machine_csv_bytes

PREFIX: Final = "/api/monitoring"
# The columns of every API table: the tidy schema's, then the words and provenance of each row.
API_COLUMNS: Final = (
    *COLUMNS,
    "period",
    "indicator_title",
    "category_label",
    "flag_label",
    "status",
    "source_title",
    "source_publisher",
    "source_address",
    "source_licence",
)
LANGUAGES: Final = ("nl", "en")
CACHE_SECONDS: Final = 300


class ApiProblem(Exception):
    """A request the API cannot answer; `status`, `parameter` and `message` go into the JSON body."""

    def __init__(self, status: int, parameter: str, message: str) -> None:
        super().__init__(message)
        self.status, self.parameter, self.message = status, parameter, message


def _settings() -> Any:
    from flask import current_app

    return current_app.config.get("IMW_SETTINGS")


def _language(args: Mapping[str, str]) -> str:
    language = args.get("lang", "nl")
    if language not in LANGUAGES:
        raise ApiProblem(400, "lang", f"lang must be one of {', '.join(LANGUAGES)}, not {language[:20]!r}")
    return language


def _year(args: Mapping[str, str], name: str) -> int | None:
    raw = args.get(name)
    if raw in (None, ""):
        return None
    try:
        year = int(str(raw))
    except ValueError:
        raise ApiProblem(400, name, f"{name} must be a year such as 2024, not {str(raw)[:20]!r}") from None
    if not 1900 <= year <= 2200:
        raise ApiProblem(400, name, f"{name} must be a year from 1900 to 2200")
    return year


def api_table(
    frame: pd.DataFrame, sources: pd.DataFrame, catalogue: Catalogue, language: str
) -> pd.DataFrame:
    """The rows with their words and provenance: period, titles, labels, flag, status and source in `language`."""
    public = public_sources(sources, language)
    table = frame.reindex(columns=list(COLUMNS)).reset_index(drop=True).copy()

    def meta(indicator: str) -> IndicatorMeta | None:
        return catalogue.indicators.get(indicator)

    periods, titles, labels = [], [], []
    for year, quarter, indicator, dimension, category in zip(
        table["year"],
        table["quarter"],
        table["indicator"],
        table["dimension"],
        table["category"],
        strict=True,
    ):
        entry = meta(str(indicator))
        q = None if pd.isna(quarter) else int(quarter)
        periods.append(entry.period_label(int(year), q, language) if entry else str(year))
        titles.append(entry.title.in_language(language) if entry else str(indicator))
        known = catalogue.dimensions.get(str(dimension))
        labels.append(known.category_label(str(category), language) if known else str(category))
    table["period"] = periods
    table["indicator_title"] = titles
    table["category_label"] = labels
    table["flag_label"] = [FLAGS.get(str(flag), {}).get(language, str(flag)) for flag in table["flag"]]
    source_of = [public.get(str(source)) for source in table["source"]]
    table["status"] = [source.status_code if source else "" for source in source_of]
    table["source_title"] = [source.title if source else "" for source in source_of]
    table["source_publisher"] = [source.publisher if source else "" for source in source_of]
    table["source_address"] = [source.address if source else "" for source in source_of]
    table["source_licence"] = [source.licence if source else "" for source in source_of]
    return table.reindex(columns=list(API_COLUMNS))


def _release() -> tuple[pd.DataFrame, pd.DataFrame, Catalogue, Any]:
    settings = _settings()
    return (
        store.load_indicators(settings),
        store.load_sources(settings),
        store.indicator_catalogue(),
        store.current_release(settings),
    )


def indicator_metadata(
    meta: IndicatorMeta, catalogue: Catalogue, sources: pd.DataFrame, language: str
) -> dict[str, Any]:
    """What one indicator is, in `language`: for the metadata endpoint and the JSON documents."""
    public = public_sources(sources, language)
    return {
        "id": meta.id,
        "title": meta.title.in_language(language),
        "description": meta.description.in_language(language),
        "methodology": meta.methodology.in_language(language),
        "unit": meta.unit,
        "kind": meta.kind,
        "theme": meta.theme,
        "dimensions": [
            {
                "id": dimension,
                "label": catalogue.dimensions[dimension].label.in_language(language),
                "categories": [
                    {"code": code, "label": catalogue.dimensions[dimension].category_label(code, language)}
                    for code in catalogue.dimensions[dimension].categories
                ],
            }
            for dimension in meta.dimensions
        ],
        "sources": [
            {
                "title": public[source].title,
                "publisher": public[source].publisher,
                "address": public[source].address,
                "licence": public[source].licence,
                "status": public[source].status_code,
            }
            for source in meta.sources
            if source in public
        ],
        "partial_periods": {
            key: label.in_language(language) for key, label in (meta.partial_periods or {}).items()
        },
        "links": {
            "csv": f"{PREFIX}/{meta.id}.csv",
            "json": f"{PREFIX}/{meta.id}.json",
            "metadata": f"{PREFIX}/{meta.id}.metadata.json",
        },
    }


def _json(document: Any, status: int = 200) -> Response:
    response = Response(
        json.dumps(document, ensure_ascii=False, allow_nan=False), status=status, mimetype="application/json"
    )
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}" if status == 200 else "no-store"
    return response


def _csv(content: bytes, filename: str) -> Response:
    response = Response(content, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def _problem(problem: ApiProblem) -> Response:
    return _json({"error": problem.message, "parameter": problem.parameter}, problem.status)


def _selection(meta: IndicatorMeta, frame: pd.DataFrame, args: Mapping[str, str]) -> pd.DataFrame:
    rows = frame[frame["indicator"] == meta.id]
    dimension = args.get("dimension")
    if dimension not in (None, ""):
        if dimension not in meta.dimensions:
            raise ApiProblem(
                400, "dimension", f"dimension must be one of {', '.join(meta.dimensions)} for {meta.id}"
            )
        rows = rows[rows["dimension"] == dimension]
    first, last = _year(args, "year_from"), _year(args, "year_to")
    if first is not None:
        rows = rows[rows["year"] >= first]
    if last is not None:
        rows = rows[rows["year"] <= last]
    return rows.sort_values(["year", "quarter", "dimension", "category"], na_position="first", kind="stable")


def register(server: Flask) -> None:
    """Add the monitoring API routes to the server."""

    @server.route(PREFIX)
    def _index() -> Response:
        try:
            language = _language(request.args)
        except ApiProblem as problem:
            return _problem(problem)
        frame, sources, catalogue, release = _release()
        present = set(frame["indicator"])
        return _json(
            {
                "release": {"id": str(release.id), "created_at": release.created_at or None},
                "suppression": "counts of 1 to under the threshold, and the cells that would give them away, "
                "have no value and flag c, exactly as on the pages",
                "flags": {code: words[language] for code, words in FLAGS.items()},
                "links": {
                    "csv": f"{PREFIX}/release.csv",
                    "json": f"{PREFIX}/release.json",
                    "openapi": "/api/openapi.json",
                },
                "indicators": [
                    {
                        "id": meta.id,
                        "title": meta.title.in_language(language),
                        "unit": meta.unit,
                        "theme": meta.theme,
                        "links": indicator_metadata(meta, catalogue, sources, language)["links"],
                    }
                    for meta in catalogue.indicators.values()
                    if meta.id in present
                ],
            }
        )

    @server.route(f"{PREFIX}/release.<string:extension>")
    def _release_file(extension: str) -> Response:
        try:
            language = _language(request.args)
            if extension not in ("csv", "json"):
                raise ApiProblem(404, "format", "the release is served as release.csv or release.json")
        except ApiProblem as problem:
            return _problem(problem)
        frame, sources, catalogue, release = _release()
        table = api_table(frame, sources, catalogue, language)
        if extension == "csv":
            return _csv(machine_csv_bytes(table), f"imw_release_{release.id}.csv")
        return _json({"release": str(release.id), "columns": list(API_COLUMNS), "rows": json_records(table)})

    @server.route(f"{PREFIX}/<string:name>")
    def _indicator(name: str) -> Response:
        indicator, _, extension = name.partition(".")
        try:
            language = _language(request.args)
            frame, sources, catalogue, release = _release()
            meta = catalogue.indicators.get(indicator)
            if meta is None or indicator not in set(frame["indicator"]):
                raise ApiProblem(
                    404, "indicator", f"unknown indicator {indicator[:60]!r}; {PREFIX} lists them"
                )
            if extension == "metadata.json":
                return _json(indicator_metadata(meta, catalogue, sources, language))
            if extension not in ("csv", "json"):
                raise ApiProblem(404, "format", f"{indicator} is served as .csv, .json or .metadata.json")
            table = api_table(_selection(meta, frame, request.args), sources, catalogue, language)
        except ApiProblem as problem:
            return _problem(problem)
        if extension == "csv":
            stem = indicator if indicator.startswith("imw_") else f"imw_{indicator}"
            return _csv(machine_csv_bytes(table), f"{stem}.csv")
        return _json(
            {
                "release": str(release.id),
                "indicator": indicator_metadata(meta, catalogue, sources, language),
                "columns": list(API_COLUMNS),
                "rows": json_records(table),
            }
        )
