"""What a reader sees of a source, in Dutch or English: its title, publisher, licence, status and web address.

``data/sources/sources.csv`` (and every release's sources table) keeps the portal's own row per source; the
public pages, the downloads and the API name a source by title and address only, never by a file name, a path or
an id. The words come from ``data/sources/public_texts.yaml`` for the sources shipped with the portal, and from
the release's own row for a department's import (its title rebuilt without the uploaded file's name).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

import yaml

from data.monitoring.schema import SOURCE_STATUSES
from i18n import t

TEXTS_PATH: Final = Path(__file__).resolve().parent.parent / "sources" / "public_texts.yaml"


@dataclass(frozen=True)
class PublicSource:
    """One source as a reader sees it, in one language."""

    id: str
    title: str
    publisher: str
    address: str  # a web address (https://…), a page of the portal (/methodologie#…), or ""
    licence: str
    status: str  # in words: "secundaire bron, na te kijken"
    status_code: str  # verified, secondary, assumption, illustrative
    date_read: str


@cache
def _texts(path: Path = TEXTS_PATH) -> Mapping[str, Any]:
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    if not isinstance(document, Mapping):
        raise ValueError(f"{path.name}: not a table of source texts")
    return document


def _language(language: str) -> str:
    return "en" if language == "en" else "nl"


def _cell(row: Mapping[str, Any], key: str) -> str:
    value = row.get(key)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def licence_words(licence: str, language: str) -> str:
    """A licence in the reader's language ("not checked" for "niet nagekeken")."""
    words = _texts().get("licences", {}).get(licence)
    return str(words[_language(language)]) if isinstance(words, Mapping) else licence


def status_words(status: object, language: str) -> str:
    """A source status in words ("secundaire bron, na te kijken" for "secondary"); an unknown status as it is."""
    key = str(status or "").strip().lower()
    return t(f"source.status.{key}", language) if key in SOURCE_STATUSES else str(status or "")


def public_source(row: Mapping[str, Any], language: str) -> PublicSource:
    """A row of a sources table as a reader sees it in `language`."""
    language = _language(language)
    source_id = _cell(row, "id")
    known = _texts().get("sources", {}).get(source_id)
    address = _cell(row, "address")
    if isinstance(known, Mapping):
        title = str(known["title"][language])
        publisher = str(known["publisher"][language])
        if known.get("anchor"):
            address = str(known["anchor"])
    elif source_id.startswith("import-"):
        template = _texts().get("imports", {}).get("title", {})
        title = str(template.get(language, "{date}")).format(date=_cell(row, "date_read"))
        publisher = _cell(row, "publisher")
    else:
        title, publisher = _cell(row, "title") or source_id, _cell(row, "publisher")
    if not address.startswith(("https://", "http://", "/")):
        address = ""  # a file name is no address a reader can follow
    status = _cell(row, "status")
    return PublicSource(
        id=source_id,
        title=title,
        publisher=publisher,
        address=address,
        licence=licence_words(_cell(row, "licence"), language),
        status=status_words(status, language),
        status_code=status,
        date_read=_cell(row, "date_read"),
    )


def public_sources(rows: Any, language: str) -> dict[str, PublicSource]:
    """{source id: PublicSource} of a sources table (a DataFrame or a list of mappings)."""
    records = rows.to_dict("records") if hasattr(rows, "to_dict") else list(rows or [])
    return {str(record.get("id")): public_source(record, language) for record in records}
