"""The interface words: one catalogue, both languages for every key, no key that nothing asks for."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from i18n import texts
from i18n.texts import AREAS, CATALOGUE_DIR, CatalogueError, catalogue, read_area

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("app.py", "cli", "components", "data", "i18n", "pages", "services", "simulation")


def _product_files() -> list[Path]:
    files: list[Path] = []
    for entry in PRODUCT:
        path = ROOT / entry
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def _asked_for() -> tuple[set[str], list[re.Pattern[str]], set[str], set[str]]:
    """Every string literal of the product; a pattern for each f-string with a dotted part (each field one word of a
    key); the suffixes of f-strings that start with a field (`f"{key}.heading"`, the key a literal elsewhere) and the
    prefixes of those that end with one (`f"calc.error.{code}"`, the code a literal elsewhere)."""
    literals: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    suffixes: set[str] = set()
    prefixes: set[str] = set()
    for path in _product_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                parts = [
                    re.escape(value.value) if isinstance(value, ast.Constant) else r"[\w\-/ ]+"
                    for value in node.values
                ]
                if len(node.values) == 2 and isinstance(node.values[1], ast.Constant):
                    suffixes.add(str(node.values[1].value))
                if len(node.values) == 2 and isinstance(node.values[0], ast.Constant):
                    prefixes.add(str(node.values[0].value))
                if any(isinstance(value, ast.Constant) and "." in str(value.value) for value in node.values):
                    patterns.append(re.compile("".join(parts)))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
    return literals, patterns, suffixes, prefixes


def _is_asked_for(
    key: str, literals: set[str], patterns: list[re.Pattern[str]], suffixes: set[str], prefixes: set[str]
) -> bool:
    if key in literals or any(pattern.fullmatch(key) for pattern in patterns):
        return True
    if any(key.endswith(suffix) and key[: -len(suffix)] in literals for suffix in suffixes):
        return True
    return any(key.startswith(prefix) and key[len(prefix) :] in literals for prefix in prefixes)


def test_every_area_has_its_file_and_every_key_has_dutch_and_english():
    assert sorted(path.stem for path in CATALOGUE_DIR.glob("*.yaml")) == sorted(AREAS)
    for area in AREAS:
        for key, entry in read_area(area).items():
            assert set(entry) == {"nl", "en"}, key
            assert entry["nl"].strip() and entry["en"].strip(), key


def test_no_key_is_unused():
    asked = _asked_for()
    unused = [key for key in catalogue() if not _is_asked_for(key, *asked)]
    assert unused == []


def test_a_placeholder_is_the_same_in_both_languages():
    field = re.compile(r"\{(\w*)[^}]*\}")
    for key, entry in catalogue().items():
        assert sorted(field.findall(entry["nl"])) == sorted(field.findall(entry["en"])), key


def test_a_key_that_does_not_exist_raises_whatever_was_imported():
    with pytest.raises(KeyError):
        texts.t("no.such.key", "nl")


def test_an_unknown_language_reads_dutch():
    assert texts.t("site.title", "fr") == texts.t("site.title", "nl")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a.b:\n  nl: x\n  en: y\na.b:\n  nl: x\n  en: z\n", "written twice"),
        ("a.b:\n  nl: x\n", "exactly the texts"),
        ("a.b:\n  nl: x\n  en: ''\n", "empty"),
        ("- a\n- b\n", "mapping"),
    ],
)
def test_a_broken_catalogue_file_is_refused_with_its_reason(tmp_path, monkeypatch, text, message):
    (tmp_path / "shell.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(texts, "CATALOGUE_DIR", tmp_path)
    with pytest.raises(CatalogueError, match=message):
        read_area("shell")


def test_the_catalogue_refuses_a_key_in_two_areas(monkeypatch):
    monkeypatch.setattr(texts, "read_area", lambda area: {"same.key": {"nl": "a", "en": "b"}})
    texts.catalogue.cache_clear()
    try:
        with pytest.raises(CatalogueError, match="two catalogue files"):
            texts.catalogue()
    finally:
        monkeypatch.undo()
        texts.catalogue.cache_clear()
