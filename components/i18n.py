"""Interface texts in Dutch (first) and English. One text, one place: pages ask for a key."""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"

STRINGS: Final[dict[str, dict[str, str]]] = {
    "site.title": {"nl": "Individueel maatwerk in cijfers", "en": "Individueel maatwerk in figures"},
    "site.tagline": {
        "nl": "Monitoring en simulatie van individueel maatwerk voor mensen met een arbeidsbeperking in Vlaanderen",
        "en": "Monitoring and simulation of individueel maatwerk for people with an occupational disability "
        "in Flanders",
    },
    "nav.skip": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "nav.label": {"nl": "Hoofdnavigatie", "en": "Main navigation"},
    "nav.menu": {"nl": "Menu openen of sluiten", "en": "Open or close the menu"},
    "nav.language": {"nl": "English", "en": "Nederlands"},
    "nav.language.title": {"nl": "Read this page in English", "en": "Lees deze pagina in het Nederlands"},
    "footer.methodology": {"nl": "Methodologie en bronnen", "en": "Methodology and sources"},
    "footer.accessibility": {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"},
    "footer.open_source": {
        "nl": "Opensourcesoftware. Cijfers met hun bron en status; aannames staan als aanname aangeduid.",
        "en": "Open source. Figures with their source and status; assumptions are marked as such.",
    },
    "illustrative.banner": {
        "nl": "Illustratieve gegevens — geen officiële cijfers",
        "en": "Illustrative data — not official figures",
    },
    "status.verified": {"nl": "geverifieerd", "en": "verified"},
    "status.secondary": {"nl": "secundaire bron", "en": "secondary source"},
    "status.assumption": {"nl": "aanname", "en": "assumption"},
    "status.illustrative": {"nl": "illustratief", "en": "illustrative"},
    "notfound.title": {"nl": "Pagina niet gevonden", "en": "Page not found"},
    "notfound.lead": {
        "nl": "Deze pagina bestaat niet (meer). Ga naar de startpagina.",
        "en": "This page does not exist (any more). Go to the home page.",
    },
}


def normalise_language(value: object) -> str:
    """Return a supported language code; anything else falls back to Dutch."""
    if isinstance(value, str) and value.lower() in LANGUAGES:
        return value.lower()
    return DEFAULT_LANGUAGE


def t(key: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The text for `key` in `language`; a missing key is a programming error and raises KeyError."""
    entry = STRINGS[key]
    return entry.get(normalise_language(language), entry[DEFAULT_LANGUAGE])


def register(strings: dict[str, dict[str, str]]) -> None:
    """Add a page's texts to the shared table; a key defined twice is a programming error."""
    for key, value in strings.items():
        if key in STRINGS and STRINGS[key] != value:
            raise ValueError(f"text key {key!r} is defined twice with different texts")
        STRINGS[key] = value
