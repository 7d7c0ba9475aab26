"""Toegankelijkheidsverklaring: the legal floor (WCAG 2.1 AA), what was tested, and the known limits."""

from __future__ import annotations

from typing import Any

import dash
from dash import html
from flask import current_app, has_app_context

from components.i18n import normalise_language, register, t
from components.layout import PageHeader, PageShell, href

PATH = "/toegankelijkheid"

dash.register_page(
    __name__,
    path=PATH,
    order=96,
    title="Toegankelijkheidsverklaring – Individueel maatwerk in cijfers",
    nav_label={"nl": "Toegankelijkheid", "en": "Accessibility"},
    nav_group="about",
)

# The statement's date: change it with every new check.
STATEMENT_DATE = {"nl": "28 november 2026", "en": "28 November 2026"}
# The escalation path when an answer does not come or does not help: the Flemish ombudsman.
OMBUDSMAN_ADDRESS = "https://www.vlaamseombudsdienst.be"

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
            "toegankelijkheidsregels) in een echte browser: de startpagina, de monitoringpagina's, deze verklaring en "
            "de methodologie, de simulator, Vergelijken en de rekenhulp, in beide talen, op een computerscherm "
            "(1366 × 900) en op twee telefoons (390 × 844 en 360 × 740). Geen enkele fout is toegestaan, van welke "
            "ernst ook.",
            "en": "Every page goes through axe-core (an automatic check of accessibility rules) in a real browser "
            "at every change: the home page, the monitoring pages, this statement, the methodology, the simulator, "
            "Compare and the calculator, in both languages, on a desktop screen (1366 × 900) and on two phones "
            "(390 × 844 and 360 × 740). No violation of any impact is allowed.",
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
        "a11y.phone.heading": {
            "nl": "Wat de tests op een telefoon vonden",
            "en": "What the phone tests found",
        },
        "a11y.phone.intro": {
            "nl": "Getest in Chromium op 390 × 844 en 360 × 740 pixels, met aanraken in plaats van een muis:",
            "en": "Tested in Chromium at 390 × 844 and 360 × 740 pixels, with touch instead of a mouse:",
        },
        "a11y.phone.reflow": {
            "nl": "Geen enkele pagina schuift zijwaarts (WCAG 1.4.10). Vroeger hadden de grafieken een vaste breedte "
            "van 620 pixels en viel het laatste jaar weg; nu passen ze zich aan het scherm aan, met de legende "
            "onder de grafiek, minder jaartallen op de as en kortere regels in de kop.",
            "en": "No page scrolls sideways (WCAG 1.4.10). The charts used to have a fixed width of 620 pixels and "
            "the latest year fell off; now they fit the screen, with the legend below the chart, fewer years on "
            "the axis and shorter lines in the heading.",
        },
        "a11y.phone.sectors": {
            "nl": "De grafiek met sectoren op Werkgevers toonde op een telefoon alleen namen, zonder balken. Nu "
            "staat de naam boven elke balk, zodat de balken de volle breedte krijgen.",
            "en": "The sector chart on Employers showed only names, no bars, on a phone. Now each name stands "
            "above its bar, so that the bars get the full width.",
        },
        "a11y.phone.scroll": {
            "nl": "axe meldde een ernstige fout (scrollable-region-focusable) op Werkgevers: een grafiek schoof "
            "zijwaarts in een vak dat niet met het toetsenbord te bereiken was. Dat vak is weg; brede tabellen "
            "schuiven binnen een eigen vak met een naam, dat met Tab te bereiken is.",
            "en": "axe reported a serious violation (scrollable-region-focusable) on Employers: a chart scrolled "
            "sideways in a box that the keyboard could not reach. That box is gone; wide tables scroll inside a "
            "box of their own, with a name, that Tab reaches.",
        },
        "a11y.phone.touch": {
            "nl": "Vegen over een grafiek schuift de pagina en zoomt de grafiek niet in; dubbeltikken zoomt niet.",
            "en": "A swipe over a chart scrolls the page and does not zoom the chart; a double tap does not zoom.",
        },
        "a11y.phone.focus": {
            "nl": "De focus was op het donkere menu en op de keuzelijsten nauwelijks te zien. Elke knop, link en "
            "keuzelijst krijgt nu een focusrand met minstens 3:1 contrast tegen zijn achtergrond.",
            "en": "The focus was barely visible on the dark menu and on the drop-down lists. Every button, link and "
            "list now gets a focus ring with at least 3:1 contrast against its background.",
        },
        "a11y.phone.simulator": {
            "nl": "De instellingen van de simulator stonden op een telefoon in een schuifvak binnen de pagina en "
            "de resultaten begonnen ver onderaan; de werkbalk van de grafieken voegde tientallen Engelstalige "
            "tabstops toe. Nu zijn de instellingen een gewoon deel van de pagina, brengen twee links bovenaan u "
            "naar de resultaten en de downloads, en hebben de grafieken geen werkbalk meer (PNG en SVG via eigen "
            "knoppen).",
            "en": "On a phone the simulator's settings sat in a scroll box inside the page and the results began "
            "far down; the charts' toolbar added dozens of English tab stops. Now the settings are a plain part "
            "of the page, two links at the top take you to the results and the downloads, and the charts have no "
            "toolbar (PNG and SVG through buttons of their own).",
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
            "nl": "Stuit u op een probleem, of hebt u de cijfers in een andere vorm nodig? Zeg ons op welke pagina, "
            "wat u probeerde en met welk toestel of hulpmiddel. We antwoorden binnen tien werkdagen. De cijfers zijn "
            "altijd ook als CSV te downloaden, zie {methodology}.",
            "en": "Did you run into a problem, or do you need the figures in another form? Tell us on which page, "
            "what you tried and with which device or assistive technology. We answer within ten working days. The "
            "figures can always be downloaded as CSV too, see {methodology}.",
        },
        "a11y.feedback.address": {"nl": "Meld het hier: ", "en": "Report it here: "},
        "a11y.feedback.unset": {
            "nl": "Het beheer van dit portaal heeft nog geen meldadres ingesteld; meld het tot dan aan de "
            "Vlaamse Ombudsdienst.",
            "en": "The operators of this portal have not set an address for reports yet; until then, report it to "
            "the Flemish Ombudsman (Vlaamse Ombudsdienst).",
        },
        "a11y.feedback.ombudsman": {
            "nl": "Krijgt u geen antwoord, of bent u niet tevreden met het antwoord? Dan kunt u klacht indienen bij "
            "de Vlaamse Ombudsdienst: ",
            "en": "No answer, or not satisfied with the answer? Then you can complain to the Flemish Ombudsman "
            "(Vlaamse Ombudsdienst): ",
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


def _feedback_address() -> str:
    settings = current_app.config.get("IMW_SETTINGS") if has_app_context() else None
    return str(getattr(settings, "feedback_address", "") or "")


def _report_line(language: str) -> html.P:
    address = _feedback_address()
    if not address:
        return html.P(t("a11y.feedback.unset", language))
    shown = address.removeprefix("mailto:")
    return html.P([t("a11y.feedback.address", language), html.A(shown, href=address)])


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
                "telefoon",
                t("a11y.phone.heading", language),
                [
                    html.P(t("a11y.phone.intro", language)),
                    html.Ul(
                        [
                            html.Li(t(f"a11y.phone.{key}", language))
                            for key in ("reflow", "sectors", "scroll", "touch", "focus", "simulator")
                        ]
                    ),
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
                    _report_line(language),
                    html.P(
                        [
                            t("a11y.feedback.ombudsman", language),
                            html.A("vlaamseombudsdienst.be", href=OMBUDSMAN_ADDRESS, lang="nl"),
                            ".",
                        ]
                    ),
                    html.P(t("a11y.date", language).format(date=STATEMENT_DATE[language]), className="small"),
                ],
            ),
        ],
        query={"lang": language, **query},
    )
