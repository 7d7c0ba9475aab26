"""Interface words in Dutch (first) and English: one catalogue file per area in i18n/catalogue/, read once.

A text is asked for by its key: `t("site.title", "en")`. Every key has both languages (tests/i18n/test_catalogue.py
checks it, and that no key is unused); a key that does not exist is a programming error and raises KeyError, whatever
was imported before.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final

import yaml

LANGUAGES: Final = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"
CATALOGUE_DIR: Final = Path(__file__).parent / "catalogue"
#: The areas, one file each, in the order of the portal: its frame, the monitoring, the simulator, the files it
#: writes, the messages of the server.
AREAS: Final = ("shell", "monitoring", "simulator", "outputs", "server")


class CatalogueError(ValueError):
    """A catalogue file that is not a mapping of key -> {nl, en}, or a key written twice."""


class _UniqueKeyLoader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """YAML's loader keeps the last of two equal keys without a word; a catalogue must refuse them."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise CatalogueError(
                    f"text key {key!r} is written twice (line {key_node.start_mark.line + 1})"
                )
            seen.add(key)
        mapping: dict[object, object] = super().construct_mapping(node, deep=deep)
        return mapping


def read_area(area: str) -> dict[str, dict[str, str]]:
    """The texts of one area, checked for shape: every key a mapping with exactly the languages, strings only."""
    path = CATALOGUE_DIR / f"{area}.yaml"
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
    if not isinstance(loaded, dict):
        raise CatalogueError(f"{path.name}: the file must be a mapping of text keys")
    texts: dict[str, dict[str, str]] = {}
    for key, entry in loaded.items():
        if not isinstance(entry, dict) or set(entry) != set(LANGUAGES):
            raise CatalogueError(f"{path.name}: {key!r} must have exactly the texts {', '.join(LANGUAGES)}")
        if not all(isinstance(value, str) and value.strip() for value in entry.values()):
            raise CatalogueError(f"{path.name}: {key!r} has an empty or non-text value")
        texts[str(key)] = {language: str(entry[language]) for language in LANGUAGES}
    return texts


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every text of every area; a key in two areas is refused."""
    texts: dict[str, dict[str, str]] = {}
    for area in AREAS:
        for key, entry in read_area(area).items():
            if key in texts:
                raise CatalogueError(f"text key {key!r} is in two catalogue files ({area}.yaml and another)")
            texts[key] = entry
    return texts


def normalise_language(value: object) -> str:
    """Return a supported language code; anything else falls back to Dutch.

    >>> normalise_language("EN"), normalise_language("fr"), normalise_language(None)
    ('en', 'nl', 'nl')
    """
    if isinstance(value, str) and value.lower() in LANGUAGES:
        return value.lower()
    return DEFAULT_LANGUAGE


def t(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The text for `key` in `language` (Dutch for an unknown language).

    >>> t("status.assumption", "en")
    'assumption'
    """
    return catalogue()[key][normalise_language(language)]


def has_text(key: str) -> bool:
    """Whether the catalogue has `key` (for texts that exist for some values of a field only)."""
    return key in catalogue()
