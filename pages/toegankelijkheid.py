"""Toegankelijkheidsverklaring: the legal floor (WCAG 2.1 AA), what was tested, and the known limits."""

from __future__ import annotations

from typing import Any

import dash
from dash import html

from components.i18n import normalise_language, register, t
from components.layout import PageHeader, PageShell, href

PATH = "/toegankelijkheid"

dash.register_page(
    __name__, path=PATH, order=91, title="Toegankelijkheidsverklaring – Individueel maatwerk in cijfers"
)

# The statement's date: change it with every new check.
STATEMENT_DATE = {"nl": "27 november 2026", "en": "27 November 2026"}

register(
    {
        "a11y.title": {"nl": "Toegankelijkheidsverklaring", "en": "Accessibility statement"},
        "a11y.lead": {
            "nl": "Iedereen moet de cijfers over individueel maatwerk kunnen lezen, ook wie een schermlezer, alleen "
            "een toetsenbord of een sterke vergroting gebruikt.",
            "en": "Everyone should be able to read the figures on individueel maatwerk, also people who use a "
            "screen reader, only a keyboard or strong magnification.",
        },
        "a11y.norm.heading": {"nl": "Norm", "en": "Standard"},
        "a11y.norm.text": {
            "nl": "Websites van de Vlaamse overheid moeten voldoen aan de Web Content Accessibility Guidelines "
            "(WCAG) 2.1, niveau AA: dat is de wettelijke ondergrens (Europese richtlijn 2016/2102, in Vlaanderen "
            "omgezet in het bestuursdecreet van 7 december 2018). Dit portaal streeft naar die norm.",
            "en": "Websites of the Flemish government must meet the Web Content Accessibility Guidelines (WCAG) "
            "2.1, level AA: the legal floor (European directive 2016/2102, transposed in Flanders by the "
            "administrative decree of 7 December 2018). This portal aims at that standard.",
        },
        "a11y.status.heading": {"nl": "Nalevingsstatus", "en": "Compliance status"},
        "a11y.status.text": {
            "nl": "Dit portaal is gedeeltelijk conform WCAG 2.1 AA: het voldoet aan de criteria die we "
            "automatisch en met het toetsenbord konden nagaan, maar het is nog niet door een deskundige of door "
            "gebruikers van hulpmiddelen getest. De beperkingen hieronder zijn gekend.",
            "en": "This portal is partially compliant with WCAG 2.1 AA: it meets the criteria we could check "
            "automatically and with the keyboard, but it has not yet been tested by an expert or by people who "
            "use assistive technology. The limits below are known.",
        },
        "a11y.tested.heading": {"nl": "Wat we testten", "en": "What we tested"},
        "a11y.tested.axe": {
            "nl": "Elke pagina gaat bij elke wijziging door axe-core (een automatische test van "
            "toegankelijkheidsregels) in een echte browser, de startpagina en de monitoringpagina's in beide talen: "
            "geen enkele fout van ernst ‘serious’ of ‘critical’ is toegestaan.",
            "en": "Every page goes through axe-core (an automatic check of accessibility rules) in a real "
            "browser at every change, the home page and the monitoring pages in both languages: no violation of "
            "impact ‘serious’ or ‘critical’ is allowed.",
        },
        "a11y.tested.keyboard": {
            "nl": "Met het toetsenbord: de link ‘Naar de inhoud’, de navigatie, de taalkeuze, elke filter "
            "(uitsplitsing, jaren, grafiek of tabel) en de downloadknoppen zijn met Tab te bereiken en met Enter, "
            "spatie of de pijltjestoetsen te bedienen, met een zichtbare focus.",
            "en": "With the keyboard: the ‘Skip to content’ link, the navigation, the language switch, every "
            "filter (breakdown, years, chart or table) and the download buttons can be reached with Tab and used "
            "with Enter, space or the arrow keys, with a visible focus.",
        },
        "a11y.tested.structure": {
            "nl": "Elke pagina heeft één hoofdtitel en koppen in volgorde; elke filter heeft een label; tabellen "
            "hebben een bijschrift en kopcellen; de taal van de pagina staat in de code (Nederlands of Engels).",
            "en": "Every page has one main heading and headings in order; every filter has a label; tables have a "
            "caption and header cells; the language of the page is set in the code (Dutch or English).",
        },
        "a11y.tested.alternatives": {
            "nl": "Naast elke grafiek staat een samenvatting in gewone taal die zegt wat de grafiek toont; de "
            "grafiek verwijst ernaar (aria-describedby). Dezelfde cijfers staan in de tabelweergave en in de "
            "downloads.",
            "en": "Beside every chart stands a plain-language summary that says what the chart shows; the chart "
            "points to it (aria-describedby). The same figures are in the table view and in the downloads.",
        },
        "a11y.limits.heading": {"nl": "Gekende beperkingen", "en": "Known limits"},
        "a11y.limits.charts": {
            "nl": "De grafieken zelf zijn niet met het toetsenbord te verkennen: de waarde bij een punt verschijnt "
            "alleen als u er met de muis over gaat. Gebruik de tabelweergave of de samenvatting.",
            "en": "The charts themselves cannot be explored with the keyboard: the value of a point only appears "
            "when you hover over it with a mouse. Use the table view or the summary.",
        },
        "a11y.limits.colour": {
            "nl": "De lijnen van een grafiek verschillen in kleur, in vorm van het punt en in soort lijn, zodat "
            "kleur nooit het enige verschil is; in grafieken met veel groepen blijft het toch moeilijk lezen. De "
            "tabelweergave heeft dat probleem niet.",
            "en": "The lines of a chart differ in colour, in marker shape and in line style, so that colour is "
            "never the only difference; charts with many groups remain hard to read all the same. The table view "
            "does not have that problem.",
        },
        "a11y.limits.downloads": {
            "nl": "De Excel-downloads zijn niet apart op toegankelijkheid getest; de CSV-bestanden zijn gewone "
            "tekst.",
            "en": "The Excel downloads have not been checked for accessibility on their own; the CSV files are "
            "plain text.",
        },
        "a11y.limits.automatic": {
            "nl": "Een automatische test vindt maar een deel van de problemen (ongeveer een derde van de "
            "WCAG-criteria is automatisch na te gaan). Een test met gebruikers van schermlezers staat nog gepland.",
            "en": "An automatic check finds only part of the problems (about a third of the WCAG criteria can be "
            "checked automatically). A test with screen-reader users is still planned.",
        },
        "a11y.feedback.heading": {"nl": "Een probleem melden", "en": "Report a problem"},
        "a11y.feedback.text": {
            "nl": "Stuit u op een probleem, of hebt u de cijfers in een andere vorm nodig? Meld het via de "
            "issue-tracker van het open-sourceproject van dit portaal. De cijfers zijn altijd ook als CSV te "
            "downloaden, zie {methodology}.",
            "en": "Did you run into a problem, or do you need the figures in another form? Report it through the "
            "issue tracker of this portal's open-source project. The figures can always be downloaded as CSV too, "
            "see {methodology}.",
        },
        "a11y.date": {
            "nl": "Deze verklaring werd opgesteld op {date}, na de laatste automatische en toetsenbordtest.",
            "en": "This statement was drawn up on {date}, after the latest automatic and keyboard check.",
        },
    }
)


def _section(section_id: str, heading: str, children: list[Any]) -> html.Section:
    return html.Section(
        [html.H2(heading, id=section_id, className="h4 mt-4"), *children], **{"aria-labelledby": section_id}
    )


def layout(lang: str = "nl", **query: Any) -> html.Div:
    language = normalise_language(lang)
    feedback_before, feedback_after = t("a11y.feedback.text", language).split("{methodology}")
    return PageShell(
        language,
        PATH,
        [
            PageHeader(t("a11y.title", language), t("a11y.lead", language)),
            _section("norm", t("a11y.norm.heading", language), [html.P(t("a11y.norm.text", language))]),
            _section("status", t("a11y.status.heading", language), [html.P(t("a11y.status.text", language))]),
            _section(
                "getest",
                t("a11y.tested.heading", language),
                [
                    html.Ul(
                        [
                            html.Li(t(f"a11y.tested.{key}", language))
                            for key in ("axe", "keyboard", "structure", "alternatives")
                        ]
                    )
                ],
            ),
            _section(
                "beperkingen",
                t("a11y.limits.heading", language),
                [
                    html.Ul(
                        [
                            html.Li(t(f"a11y.limits.{key}", language))
                            for key in ("charts", "colour", "downloads", "automatic")
                        ]
                    )
                ],
            ),
            _section(
                "melden",
                t("a11y.feedback.heading", language),
                [
                    html.P(
                        [
                            feedback_before,
                            html.A(t("footer.methodology", language), href=href("/methodologie", language)),
                            feedback_after,
                        ]
                    ),
                    html.P(t("a11y.date", language).format(date=STATEMENT_DATE[language]), className="small"),
                ],
            ),
        ],
        query={"lang": language, **query},
    )
