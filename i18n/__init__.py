"""Words and number formats shared by the pages, the CLI and the exports.

A leaf: nothing here imports any other package of the project (tests/test_architecture.py checks it). The interface
words live in i18n/catalogue/*.yaml (one file per area), the formats in i18n/formats.py.
"""

from i18n.texts import DEFAULT_LANGUAGE, LANGUAGES, has_text, normalise_language, t

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "has_text", "normalise_language", "t"]
