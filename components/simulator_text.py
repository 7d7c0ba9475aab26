"""The simulator's interface texts, Dutch first; registered once in the shared table of components.i18n."""

from __future__ import annotations

from components.i18n import register

register(
    {
        "sim.nav": {"nl": "Simulator", "en": "Simulator"},
        "sim.nav_description": {
            "nl": "Scenario's voor het budget en het contingent doorrekenen en vergelijken",
            "en": "Run and compare scenarios for the budget and the contingent",
        },
        "sim.title": {"nl": "Scenariosimulator", "en": "Scenario simulator"},
        "sim.lead": {
            "nl": "Wat doet een andere loonpremie, begeleidingspremie, terugvalregeling of groei van het "
            "contingent met het budget met open einde en met het contingent collectief maatwerk? Kies een "
            "vertrekpunt, pas parameters aan en bekijk het resultaat.",
            "en": "What does a different wage premium, coaching premium, fallback rule or growth of the contingent "
            "do to the open-ended budget and to the collective maatwerk contingent? Pick a starting point, change "
            "parameters and see the result.",
        },
        "sim.projection_note": {
            "nl": "Dit is een projectie op basis van aannames, geen officiële raming. Aannames zijn in de "
            "instellingen aangeduid met ‘aanname’.",
            "en": "This is a projection on assumptions, not an official estimate. Assumptions are marked "
            "‘assumption’ in the settings.",
        },
        # --- settings ---------------------------------------------------------------------------------------
        "sim.settings": {"nl": "Instellingen", "en": "Settings"},
        "sim.preset": {"nl": "Vertrekpunt", "en": "Starting point"},
        "sim.years.one": {"nl": "= {n} jaar", "en": "= {n} year"},
        "sim.years.many": {"nl": "= {n} jaar", "en": "= {n} years"},
        "sim.search": {"nl": "Zoek een parameter", "en": "Find a parameter"},
        "sim.search.placeholder": {
            "nl": "bv. terugval, pakket, begeleiding",
            "en": "e.g. fallback, package, coaching",
        },
        "sim.search.found": {"nl": "{n} parameters gevonden", "en": "{n} parameters found"},
        "sim.search.none": {
            "nl": "Geen parameter gevonden: probeer een ander woord.",
            "en": "No parameter found: try another word.",
        },
        "sim.name.changed": {"nl": "{name} (gewijzigd)", "en": "{name} (changed)"},
        "sim.preset.custom": {"nl": "Eigen scenario", "en": "Own scenario"},
        "sim.preset.help": {
            "nl": "Het basisscenario of een variant op een vraag uit het SERV-advies.",
            "en": "The baseline or a variant on a question of the SERV advice.",
        },
        "sim.draws": {"nl": "Onzekerheid", "en": "Uncertainty"},
        "sim.draws.none": {
            "nl": "Geen: alleen de centrale projectie",
            "en": "None: the central projection only",
        },
        "sim.draws.some": {
            "nl": "{n} trekkingen van de aannames (band P5–P95)",
            "en": "{n} draws of the assumptions (P5–P95 band)",
        },
        "sim.horizon": {"nl": "Aantal jaren", "en": "Number of years"},
        "sim.draws.invalid": {
            "nl": "Onzekerheid: kies geen trekkingen of 1.000 trekkingen",
            "en": "Uncertainty: choose no draws or 1,000 draws",
        },
        "sim.horizon.unit": {"nl": "jaar", "en": "years"},
        "sim.parameters": {"nl": "Parameters", "en": "Parameters"},
        "sim.parameters.help": {
            "nl": "Elke parameter met zijn eenheid, toegelaten bereik, status en bron.",
            "en": "Every parameter with its unit, allowed range, status and source.",
        },
        "sim.source": {"nl": "Bron", "en": "Source"},
        "sim.explanation": {"nl": "Uitleg", "en": "Explanation"},
        "sim.range": {"nl": "van {low} tot {high}", "en": "from {low} to {high}"},
        "sim.group.loonpremie": {"nl": "Loonpremie", "en": "Wage premium (loonpremie)"},
        "sim.group.begeleidingspremie": {
            "nl": "Begeleidingspremie en kost van begeleiding",
            "en": "Coaching premium (begeleidingspremie) and coaching cost",
        },
        "sim.group.fallback": {"nl": "Terugvalpositie", "en": "Fallback position (terugvalpositie)"},
        "sim.group.contingent": {
            "nl": "Contingent collectief maatwerk",
            "en": "Collective maatwerk contingent",
        },
        "sim.group.financing": {"nl": "Financiering", "en": "Financing"},
        "sim.group.inflow": {"nl": "Instroom en reikwijdte", "en": "Inflow and scope"},
        "sim.group.exits": {"nl": "Uitstroom en verlenging", "en": "Exits and renewal"},
        "sim.group.workers": {"nl": "Werknemers en lonen", "en": "Workers and wages"},
        "sim.group.indexation": {"nl": "Indexering", "en": "Indexation"},
        "sim.choice.inside": {"nl": "binnen het contingent", "en": "inside the contingent"},
        "sim.choice.on_top": {"nl": "bovenop het contingent", "en": "on top of the contingent"},
        "sim.choice.open": {"nl": "open einde", "en": "open-ended"},
        "sim.choice.closed": {"nl": "gesloten einde (enveloppe)", "en": "closed-ended (envelope)"},
        "sim.choice.pivot": {"nl": "spilindex (stappen van 2 %)", "en": "pivot index (steps of 2 %)"},
        "sim.choice.annual": {"nl": "elk kwartaal met de inflatie", "en": "every quarter with inflation"},
        "sim.choice.package": {
            "nl": "collectieve premies aan het terugkeerpakket",
            "en": "collective premiums at the return package",
        },
        "sim.choice.per_place": {
            "nl": "kost per plaats (persbericht)",
            "en": "cost per place (press release)",
        },
        "sim.choice.true": {"nl": "ja", "en": "yes"},
        "sim.choice.false": {"nl": "nee", "en": "no"},
        # --- units (raw unit of the parameter metadata -> words) ------------------------------------------------
        "sim.unit.EUR/quarter": {"nl": "€ per kwartaal", "en": "€ per quarter"},
        "sim.unit.EUR/year": {"nl": "€ per jaar", "en": "€ per year"},
        "sim.unit.EUR/month": {"nl": "€ per maand", "en": "€ per month"},
        "sim.unit.FTE": {"nl": "VTE", "en": "FTE"},
        "sim.unit.FTE/year": {"nl": "VTE per jaar", "en": "FTE per year"},
        "sim.unit.FTE/person": {"nl": "VTE per persoon", "en": "FTE per person"},
        "sim.unit.coach FTE per worker": {
            "nl": "VTE begeleider per werknemer",
            "en": "coach FTE per worker",
        },
        "sim.unit.persons": {"nl": "personen", "en": "persons"},
        "sim.unit.applications": {"nl": "aanvragen", "en": "applications"},
        "sim.unit.persons/quarter": {"nl": "personen per kwartaal", "en": "persons per quarter"},
        "sim.unit.quarters": {"nl": "kwartalen", "en": "quarters"},
        "sim.unit.factor": {"nl": "factor", "en": "factor"},
        "sim.unit.elasticity": {"nl": "elasticiteit", "en": "elasticity"},
        "sim.unit.choice": {"nl": "keuze", "en": "choice"},
        "sim.unit.yes/no": {"nl": "ja of nee", "en": "yes or no"},
        "sim.unit.share": {"nl": "%", "en": "%"},
        "sim.unit.share per year": {"nl": "% per jaar", "en": "% per year"},
        "sim.unit.share per quarter": {"nl": "% per kwartaal", "en": "% per quarter"},
        "sim.unit.share of the capped referteloon": {
            "nl": "% van het begrensde referteloon",
            "en": "% of the capped reference wage",
        },
        "sim.unit.share of the contingent": {"nl": "% van het contingent", "en": "% of the contingent"},
        "sim.unit.share of the inflow": {"nl": "% van de instroom", "en": "% of the inflow"},
        "sim.unit.fraction of full time": {"nl": "% van voltijds", "en": "% of full time"},
        # --- field messages ---------------------------------------------------------------------------------
        "sim.error.number": {
            "nl": "Vul een getal in {range} {unit}, in stappen van {step}.",
            "en": "Enter a number {range} {unit}, in steps of {step}.",
        },
        "sim.error.whole": {"nl": "Vul een geheel getal in.", "en": "Enter a whole number."},
        "sim.error.date": {
            "nl": "Vul een datum in van {low} tot {high} (of laat leeg: {whole}).",
            "en": "Enter a date from {low} to {high} (or leave it empty: {whole}).",
        },
        "sim.from": {"nl": "Vanaf (datum)", "en": "From (date)"},
        "sim.from.short": {"nl": "vanaf", "en": "from"},
        "sim.from.policy": {
            "nl": "Leeg: vanaf 1 januari 2026. Met een datum geldt de nieuwe waarde vanaf het eerste kwartaal "
            "dat op of na die datum begint; daarvoor de regel zoals hij is.",
            "en": "Empty: from 1 January 2026. With a date the new value holds from the first quarter that starts "
            "on or after it; before it, the rule as it is.",
        },
        "sim.from.assumption": {
            "nl": "Leeg: voor de hele looptijd, vanaf 1 juli 2023 (een aanname beschrijft de wereld). Met een "
            "datum geldt de nieuwe waarde vanaf het eerste kwartaal dat op of na die datum begint.",
            "en": "Empty: for the whole run, from 1 July 2023 (an assumption describes the world). With a date the "
            "new value holds from the first quarter that starts on or after it.",
        },
        "sim.from.whole_policy": {"nl": "vanaf 1 januari 2026", "en": "from 1 January 2026"},
        "sim.from.whole_assumption": {"nl": "de hele looptijd", "en": "the whole run"},
        "sim.changes": {"nl": "Wat verschilt van het basisscenario", "en": "What differs from the baseline"},
        "sim.changes.none": {
            "nl": "Nog niets: alle instellingen zijn die van het vertrekpunt.",
            "en": "Nothing yet: every setting is that of the starting point.",
        },
        "sim.changes.reset": {"nl": "herstel", "en": "reset"},
        "sim.changes.reset_one": {"nl": "Herstel {label}", "en": "Reset {label}"},
        "sim.changes.reset_all": {"nl": "Alles herstellen", "en": "Reset everything"},
        "sim.error.choice": {"nl": "Kies een van de mogelijkheden.", "en": "Pick one of the options."},
        "sim.error.shares": {
            "nl": "Deze aandelen moeten samen 100 % zijn; nu {total}.",
            "en": "These shares must add up to 100 %; now {total}.",
        },
        "sim.error.filled": {
            "nl": "Het ingevulde contingent kan niet groter zijn dan het toegekende contingent ({value}).",
            "en": "The filled contingent cannot exceed the allocated contingent ({value}).",
        },
        "sim.error.other": {
            "nl": "Deze waarde kan niet: {message}",
            "en": "This value cannot be used: {message}",
        },
        "sim.status.invalid": {
            "nl": "Nog niet doorgerekend: {count} veld(en) kloppen niet ({fields}). Pas de waarde aan; de "
            "resultaten hieronder horen nog bij het laatste geldige scenario.",
            "en": "Not computed yet: {count} field(s) are not right ({fields}). Change the value; the results "
            "below still belong to the last valid scenario.",
        },
        "sim.status.busy": {
            "nl": "Nog niet doorgerekend: het portaal rekent nu voor veel gebruikers tegelijk. Probeer het over "
            "enkele seconden opnieuw (verander een veld of herlaad de pagina); de resultaten hieronder horen bij "
            "het laatste scenario dat doorgerekend werd.",
            "en": "Not computed yet: the portal is computing for many users at once. Try again in a few seconds "
            "(change a field or reload the page); the results below belong to the last scenario computed.",
        },
        "sim.status.ok": {"nl": "Doorgerekend: {name}.", "en": "Computed: {name}."},
        "sim.status.failed": {
            "nl": "De resultaten konden niet worden berekend. Pas een instelling aan om het opnieuw te proberen, "
            "of open de pagina later opnieuw.",
            "en": "The results could not be computed. Change a setting to try again, or open the page again "
            "later.",
        },
        "sim.adjusted": {"nl": "{name} (aangepast)", "en": "{name} (adjusted)"},
        # --- links, files -----------------------------------------------------------------------------------
        "sim.link.multiple": {
            "nl": "De link bevat meer dan één scenario. We tonen het basisscenario.",
            "en": "The link holds more than one scenario. The baseline is shown.",
        },
        "sim.link.too_long": {
            "nl": "Het scenario in de link is te lang. We tonen het basisscenario.",
            "en": "The scenario in the link is too long. The baseline is shown.",
        },
        "sim.link.corrupt": {
            "nl": "Het scenario in de link is onvolledig of beschadigd (misschien werd de link afgebroken bij "
            "het kopiëren). We tonen het basisscenario.",
            "en": "The scenario in the link is incomplete or damaged (perhaps the link was cut off when it was "
            "copied). The baseline is shown.",
        },
        "sim.link.version": {
            "nl": "Het scenario in de link heeft een vorm die deze versie van het portaal niet kent. We tonen "
            "het basisscenario.",
            "en": "The scenario in the link has a form this version of the portal does not know. The baseline "
            "is shown.",
        },
        "sim.link.invalid": {
            "nl": "Het scenario in de link heeft een ongeldige waarde ({field}: {message}). We tonen het "
            "basisscenario.",
            "en": "The scenario in the link has a value that is not valid ({field}: {message}). The baseline is "
            "shown.",
        },
        "sim.newer": {
            "nl": "Dit scenario werd bewaard met model {old_model} en parameters {old_parameters}. De "
            "resultaten hieronder zijn berekend met model {model} en parameters {parameters}: nieuwere "
            "gegevens of een nieuwer model, dus de cijfers kunnen verschillen van wat toen getoond werd.",
            "en": "This scenario was saved with model {old_model} and parameters {old_parameters}. The results "
            "below are computed with model {model} and parameters {parameters}: newer data or a newer model, so "
            "the figures may differ from what was shown then.",
        },
        "sim.versions": {
            "nl": "Berekend met model {model} en parameters {parameters} op {when}; {draws}.",
            "en": "Computed with model {model} and parameters {parameters} on {when}; {draws}.",
        },
        "sim.versions.draws": {"nl": "{n} trekkingen, seed {seed}", "en": "{n} draws, seed {seed}"},
        "sim.versions.central": {
            "nl": "centrale projectie zonder trekkingen",
            "en": "central projection, no draws",
        },
        "sim.share": {"nl": "Bewaren en delen", "en": "Keep and share"},
        "sim.share.help": {
            "nl": "De link in de adresbalk bevat het scenario: kopieer hem om het te delen. Je kunt het scenario "
            "ook downloaden en later weer opladen (hetzelfde formaat als imw project --scenario).",
            "en": "The link in the address bar holds the scenario: copy it to share it. You can also download "
            "the scenario and upload it later (the same format as imw project --scenario).",
        },
        "sim.download.scenario_yaml": {"nl": "Scenario (YAML)", "en": "Scenario (YAML)"},
        "sim.download.scenario_json": {"nl": "Scenario (JSON)", "en": "Scenario (JSON)"},
        "sim.download.results_csv": {
            "nl": "Resultaten (CSV voor scripts)",
            "en": "Results (CSV for scripts)",
        },
        "sim.download.results_excel_csv": {
            "nl": "Resultaten (CSV voor Excel)",
            "en": "Results (CSV for a Belgian Excel)",
        },
        "sim.download.results_xlsx": {"nl": "Resultaten (XLSX)", "en": "Results (XLSX)"},
        "sim.download.label": {"nl": "Downloaden", "en": "Download"},
        "sim.upload": {"nl": "Scenario opladen", "en": "Upload a scenario"},
        "sim.upload.prompt": {
            "nl": "Sleep een scenariobestand (.yaml, .yml of .json) hierheen, of klik om er een te kiezen.",
            "en": "Drop a scenario file (.yaml, .yml or .json) here, or click to choose one.",
        },
        "sim.upload.ok": {"nl": "Opgeladen: {name} ({file}).", "en": "Uploaded: {name} ({file})."},
        "sim.upload.error": {
            "nl": "{file} kan niet gebruikt worden: {field}: {message}",
            "en": "{file} cannot be used: {field}: {message}",
        },
        "sim.upload.kind": {
            "nl": "gebruik een .yaml-, .yml- of .json-bestand",
            "en": "use a .yaml, .yml or .json file",
        },
        "sim.upload.size": {
            "nl": "het bestand is {size} kB, groter dan de grens van {kb} kB; een scenario is enkele regels",
            "en": "the file is {size} kB, larger than the limit of {kb} kB; a scenario is a few lines",
        },
        "sim.upload.text": {"nl": "het bestand is geen tekst in UTF-8", "en": "the file is no UTF-8 text"},
        "sim.upload.empty": {"nl": "het bestand is leeg", "en": "the file is empty"},
        "sim.compare.link": {"nl": "Vergelijk met andere scenario's", "en": "Compare with other scenarios"},
        # --- results ----------------------------------------------------------------------------------------
        "sim.results": {"nl": "Resultaten", "en": "Results"},
        "sim.summary": {"nl": "Samenvatting", "en": "Summary"},
        "sim.key_figures": {"nl": "Kerncijfers", "en": "Key figures"},
        "sim.key.cumulative_cost_horizon": {
            "nl": "Kost samen over {n} jaar (de horizon)",
            "en": "Cost over {n} years together (the horizon)",
        },
        "sim.key.peak_queue": {
            "nl": "Langste wachtrij collectief maatwerk",
            "en": "Longest queue for collective maatwerk",
        },
        "sim.key.cost_per_worker_year": {
            "nl": "Kost per IMW-werknemer per jaar (loon- en begeleidingspremie)",
            "en": "Cost per IMW worker per year (wage and coaching premium)",
        },
        "sim.key.final_workers": {
            "nl": "IMW-werknemers en lopende VOP's aan het einde",
            "en": "IMW workers and running VOPs at the end",
        },
        "sim.key.first_year_cost": {"nl": "Kost in het eerste jaar", "en": "Cost in the first year"},
        "sim.key.workers_imw_2030": {
            "nl": "IMW-werknemers eind 2030",
            "en": "IMW workers at the end of 2030",
        },
        "sim.warnings": {"nl": "Waarschuwingen bij dit resultaat", "en": "Warnings about this result"},
        "sim.warning.workers_above_target_population": {
            "nl": "Vanaf {quarter} telt het model meer IMW- en VOP-werknemers dan de {bound} mensen met een "
            "arbeidshandicap ({share} van de trekkingen; tot {worst}). Dat is niet plausibel: kijk naar de "
            "instroom.",
            "en": "From {quarter} the model counts more IMW and VOP workers than the {bound} people with a "
            "work-limiting condition ({share} of the draws; up to {worst}). That is not plausible: look at the "
            "inflow.",
        },
        "sim.warning.milestone_below_known_inflow": {
            "nl": "In {share} van de trekkingen is de ex-VOP- en ex-collectieve instroom alleen al groter dan de "
            "aanvaarde aanvragen van de mijlpaal; de nieuwe instroom staat daar op nul.",
            "en": "In {share} of the draws the ex-VOP and ex-collective inflow alone exceed the accepted "
            "applications of the milestone; the new inflow is zero there.",
        },
        "sim.warning.capacity_below_zero": {
            "nl": "Vanaf {quarter} zakt het contingent onder nul plaatsen ({share} van de trekkingen); het model "
            "houdt het op nul.",
            "en": "From {quarter} the contingent falls below zero places ({share} of the draws); the model holds "
            "it at zero.",
        },
        "sim.warning.filled_above_contingent": {
            "nl": "Vanaf {quarter} zijn er meer ingevulde plaatsen dan toegekende ({share} van de trekkingen; tot "
            "{worst} VTE te veel): plaatsen die niet bestaan. Het contingent krimpt sneller dan werknemers "
            "uitstromen.",
            "en": "From {quarter} there are more filled places than allocated ones ({share} of the draws; up to "
            "{worst} FTE too many): places that do not exist. The contingent shrinks faster than workers leave.",
        },
        "sim.warning.queue_too_short": {
            "nl": "Vanaf {quarter} is de wachtrij voor collectief maatwerk te kort voor de IMW-instroom die eruit "
            "komt ({share} van de trekkingen): die instroom is tot de wachtrij beperkt.",
            "en": "From {quarter} the queue for collective maatwerk is too short for the IMW inflow that comes from "
            "it ({share} of the draws): that inflow is cut to the queue.",
        },
        "sim.warning.envelope_below_commitments": {
            "nl": "Vanaf {quarter} kosten de lopende beslissingen meer dan de gesloten enveloppe ({share} van de "
            "trekkingen): ze worden betaald, nieuwe premies niet.",
            "en": "From {quarter} the running decisions cost more than the closed envelope ({share} of the draws): "
            "they are paid, new premiums are not.",
        },
        "sim.warning.draw_cut_to_range": {
            "nl": "Een getrokken aanname verliet in een later kwartaal haar bereik en werd erin gehouden: {detail}.",
            "en": "A drawn assumption left its range in a later quarter and was held inside it: {detail}.",
        },
        "sim.variance": {
            "nl": "Waar de onzekerheid vandaan komt",
            "en": "Where the uncertainty comes from",
        },
        "sim.variance.caption": {
            "nl": "Het aandeel van elke aanname in de spreiding (variantie) over de trekkingen van de kost over "
            "de eerste {n} jaar en van de langste wachtrij: wat ze alleen verklaart. Samen minder dan 100 %: de "
            "rest is wat de aannames samen doen.",
            "en": "The share of each assumption in the spread (variance) over the draws of the cost over the "
            "first {n} years and of the longest queue: what it explains alone. Together less than 100 %: the "
            "rest is what the assumptions do together.",
        },
        "sim.variance.assumption": {"nl": "Aanname", "en": "Assumption"},
        "sim.variance.none": {
            "nl": "Zonder trekkingen is er geen spreiding om te verdelen: kies 1.000 trekkingen.",
            "en": "Without draws there is no spread to share out: choose 1,000 draws.",
        },
        "sim.variance.cost": {"nl": "Kost eerste {n} jaar", "en": "Cost, first {n} years"},
        "sim.variance.queue": {"nl": "Langste wachtrij", "en": "Longest queue"},
        "sim.variance.depends": {
            "nl": "Vooral één aanname bepaalt de spreiding van de kost: {label} ({share}).",
            "en": "One assumption above all sets the spread of the cost: {label} ({share}).",
        },
        "sim.key.figure": {"nl": "Kerncijfer", "en": "Key figure"},
        "sim.jump.results": {"nl": "Naar de resultaten", "en": "To the results"},
        "sim.jump.share": {"nl": "Naar delen en downloaden", "en": "To sharing and downloads"},
        "sim.jump.label": {"nl": "Snel naar", "en": "Jump to"},
        "sim.difference": {"nl": "Verschil met het basisscenario", "en": "Difference from the baseline"},
        "sim.difference.scenario": {"nl": "Dit scenario", "en": "This scenario"},
        "sim.difference.baseline": {"nl": "Basisscenario", "en": "Baseline"},
        "sim.difference.difference": {"nl": "Verschil", "en": "Difference"},
        "sim.difference.note": {
            "nl": "Centrale projectie van beide scenario's (elke aanname op haar centrale waarde), op dezelfde "
            "horizon; dezelfde cijfers als in Vergelijken en zijn ontleding.",
            "en": "Central projection of both scenarios (every assumption at its central value), on the same "
            "horizon; the same figures as in Compare and its decomposition.",
        },
        "sim.difference.is_baseline": {
            "nl": "Dit is het basisscenario. Kies een voorinstelling of verander een parameter: hier komt dan "
            "het verschil met de basis.",
            "en": "This is the baseline. Choose a preset or change a parameter: the difference from the "
            "baseline then shows here.",
        },
        "sim.key.central": {"nl": "Centrale projectie", "en": "Central projection"},
        "sim.key.band": {"nl": "P5–P95 van {n} trekkingen", "en": "P5–P95 of {n} draws"},
        "sim.chart.budget": {"nl": "Jaarlijkse kost", "en": "Annual cost"},
        "sim.chart.budget.caption": {
            "nl": "Kost per jaar in euro, lopende prijzen: loonpremie, begeleidingspremie en plaatsen voor "
            "terugkeerders bovenop het contingent. Balken: gemiddelde over de trekkingen.",
            "en": "Cost per year in euro, current prices: wage premium, coaching premium and places for returnees "
            "on top of the contingent. Bars: mean over the draws.",
        },
        "sim.chart.band": {
            "nl": "Totaal: centrale projectie en P5–P95",
            "en": "Total: central projection and P5–P95",
        },
        "sim.chart.total": {"nl": "Totaal", "en": "Total"},
        "sim.chart.export.status": {
            "nl": "Projectie op basis van aannames; geen officiële raming. Centrale projectie, met P5–P95 waar er "
            "trekkingen zijn.",
            "en": "A projection based on assumptions; not an official forecast. Central projection, with P5–P95 "
            "where there are draws.",
        },
        "sim.chart.export.source": {
            "nl": "Bron: simulator van het portaal Individueel maatwerk in cijfers (model {model}), scenario ‘{name}’.",
            "en": "Source: simulator of the portal Individueel maatwerk in figures (model {model}), scenario "
            "‘{name}’.",
        },
        "sim.chart.workers": {
            "nl": "IMW-werknemers per pakket en lopende VOP's",
            "en": "IMW workers by package, and running VOPs",
        },
        "sim.chart.coaching": {
            "nl": "IMW-werknemers naar nood aan begeleiding",
            "en": "IMW workers by need for coaching",
        },
        "sim.chart.workers.caption": {
            "nl": "Werknemers met een lopend pakket op het einde van elk jaar (gemiddelde over de trekkingen).",
            "en": "Workers with a running package at the end of each year (mean over the draws).",
        },
        "sim.chart.contingent": {
            "nl": "Contingent collectief maatwerk",
            "en": "Collective maatwerk contingent",
        },
        "sim.chart.contingent.caption": {
            "nl": "Boven: toegekende en ingevulde plaatsen (VTE, einde jaar). Midden: de wachtrij van "
            "werkzoekenden met een advies collectief maatwerk. Onder: de kans dat het contingent bindend is: "
            "het contingent is bindend (vol) wanneer er meer mensen met een advies wachten dan er plaatsen open "
            "zijn, in personen geteld. Zo gerekend was het elk gepubliceerd jaar van 2019 tot 2025 bindend.",
            "en": "Top: allocated and filled places (FTE, end of year). Middle: the queue of job-seekers with a "
            "collective maatwerk advice. Bottom: the probability that the contingent binds: it binds (is full) "
            "when more people with an advice wait than there are open places, counted in persons. By this rule it "
            "was binding in every published year from 2019 to 2025.",
        },
        "sim.chart.capacity": {"nl": "Contingent (plaatsen)", "en": "Contingent (places)"},
        "sim.chart.occupancy": {"nl": "Bezetting", "en": "Occupancy"},
        "sim.chart.queue": {"nl": "Wachtrij", "en": "Queue"},
        "sim.chart.full": {"nl": "Kans bindend", "en": "Probability binding"},
        "sim.chart.vop": {"nl": "lopende VOP", "en": "running VOP"},
        "sim.chart.axis.fte": {"nl": "VTE", "en": "FTE"},
        "sim.chart.axis.persons": {"nl": "personen", "en": "persons"},
        "sim.chart.axis.probability": {"nl": "kans", "en": "probability"},
        "sim.chart.axis.year": {"nl": "jaar", "en": "year"},
        "sim.sensitivity": {"nl": "Gevoeligheid voor de aannames", "en": "Sensitivity to the assumptions"},
        "sim.sensitivity.caption": {
            "nl": "Hoe de kost over de eerste {n} jaar en de langste wachtrij bewegen als één aanname van haar "
            "lage naar haar hoge waarde gaat en de andere op hun centrale waarde blijven. Centrale projectie: "
            "{cost} en {queue} personen.",
            "en": "How the cost over the first {n} years and the longest queue move when one assumption goes from "
            "its low to its high value while the others stay at their central value. Central projection: {cost} "
            "and {queue} persons.",
        },
        "sim.sensitivity.cost": {"nl": "Kost eerste {n} jaar", "en": "Cost, first {n} years"},
        "sim.sensitivity.queue": {"nl": "Langste wachtrij", "en": "Longest queue"},
        "sim.sensitivity.low": {"nl": "lage waarde", "en": "low value"},
        "sim.sensitivity.high": {"nl": "hoge waarde", "en": "high value"},
        "sim.coverage": {
            "nl": "Dekt de begeleidingspremie de kost van de begeleiding?",
            "en": "Does the coaching premium cover the cost of coaching?",
        },
        "sim.coverage.caption": {
            "nl": "SERV-advies, punt 6: de begeleidingspremie moet de volledige kost van de begeleiding dekken. "
            "Kost van de begeleidingsuren per kwartaal = loonkost van een voltijdse begeleider × "
            "begeleidingsnorm / 4, voor een voltijdse werknemer die al zijn uren werkt. Aanname: de normen van "
            "collectief maatwerk gelden ook voor IMW.",
            "en": "SERV advice, point 6: the coaching premium must cover the full cost of coaching. Cost of the "
            "coaching hours per quarter = annual cost of a full-time coach × coaching norm / 4, for a full-time "
            "worker who works every hour. Assumption: the collective maatwerk norms hold for IMW too.",
        },
        "sim.coverage.need": {"nl": "Nood aan begeleiding", "en": "Need for coaching"},
        "sim.coverage.cost": {"nl": "Kost begeleiding per kwartaal", "en": "Coaching cost per quarter"},
        "sim.coverage.first": {"nl": "Premie kwartalen 1–5", "en": "Premium, quarters 1–5"},
        "sim.coverage.later": {"nl": "Premie vanaf kwartaal 6", "en": "Premium from quarter 6"},
        "sim.coverage.ratio": {"nl": "dekt {share}", "en": "covers {share}"},
        "sim.coverage.short": {"nl": "tekort", "en": "shortfall"},
        "sim.versions.heading": {"nl": "Versies", "en": "Versions"},
        # --- the plain-language summary -----------------------------------------------------------------------
        "sim.text.cost": {
            "nl": "In het scenario ‘{name}’ kost individueel maatwerk {cost_first} in {first_year} en {cost_last} "
            "in {last_year}{band}. Over de eerste {n} jaar samen is dat {cumulative}.",
            "en": "In the scenario ‘{name}’ individueel maatwerk costs {cost_first} in {first_year} and {cost_last} "
            "in {last_year}{band}. Over the first {n} years together that is {cumulative}.",
        },
        "sim.text.band": {
            "nl": " (in 90 % van de trekkingen tussen {low} en {high})",
            "en": " (between {low} and {high} in 90 % of the draws)",
        },
        "sim.text.workers": {
            "nl": "Het aantal IMW-werknemers gaat van {first} eind {first_year} naar {last} eind {last_year}; "
            "daarnaast lopen eind {first_year} nog {vop} VOP's, die tegen midden 2028 allemaal afgelopen zijn. "
            "De loonpremie is {loonpremie} van de kost, de begeleidingspremie {begeleiding}.",
            "en": "The number of IMW workers goes from {first} at the end of {first_year} to {last} at the end of "
            "{last_year}; beside them {vop} VOPs still run at the end of {first_year}, all ended by mid-2028. The "
            "wage premium is {loonpremie} of the cost, the coaching premium {begeleiding}.",
        },
        "sim.text.fallback": {
            "nl": " Plaatsen voor terugkeerders bovenop het contingent kosten samen {cost}.",
            "en": " Places for returnees on top of the contingent cost {cost} together.",
        },
        "sim.text.contingent": {
            "nl": "Het contingent collectief maatwerk telt eind {last_year} {capacity} VTE. {full} De wachtrij is "
            "het langst met {queue} personen.",
            "en": "The collective maatwerk contingent counts {capacity} FTE at the end of {last_year}. {full} The "
            "queue is longest at {queue} persons.",
        },
        "sim.text.full_probability": {
            "nl": "De kans dat het dan bindend is (meer wachtenden dan open plaatsen), is {share}.",
            "en": "The probability that it binds then (more people waiting than open places) is {share}.",
        },
        "sim.text.full_yes": {
            "nl": "Het is dan bindend: er wachten meer mensen dan er plaatsen open zijn.",
            "en": "It binds then: more people wait than there are open places.",
        },
        "sim.text.full_no": {
            "nl": "Het is dan niet bindend: er zijn meer open plaatsen dan wachtenden.",
            "en": "It does not bind then: there are more open places than people waiting.",
        },
        "sim.text.waiting": {
            "nl": "Met een gesloten enveloppe wachten eind {year} ongeveer {n} werknemers op een premie (zonder "
            "premie, niet meegeteld als IMW-werknemer); aan het tempo van toekennen wachten ze ongeveer "
            "{quarters} kwartalen.",
            "en": "With a closed envelope about {n} workers wait for a premium at the end of {year} (without a "
            "premium, not counted as IMW workers); at the pace of granting they wait about {quarters} quarters.",
        },
        # --- compare ----------------------------------------------------------------------------------------
        "sim.compare.nav": {"nl": "Vergelijken", "en": "Compare"},
        "sim.compare.nav_description": {
            "nl": "Tot drie scenario's naast elkaar, en waar het verschil in budget vandaan komt",
            "en": "Up to three scenarios side by side, and where the difference in budget comes from",
        },
        "sim.compare.title": {"nl": "Scenario's vergelijken", "en": "Compare scenarios"},
        "sim.compare.lead": {
            "nl": "Zet tot drie scenario's naast elkaar: wat verschilt er in de parameters, in elk resultaat, en "
            "waar komt het verschil in budget vandaan?",
            "en": "Put up to three scenarios side by side: what differs in the parameters, in every result, and "
            "where does the difference in budget come from?",
        },
        "sim.compare.slot": {"nl": "Scenario {letter}", "en": "Scenario {letter}"},
        "sim.compare.none": {"nl": "(geen)", "en": "(none)"},
        "sim.compare.reference": {
            "nl": "A is de referentie: verschillen zijn B − A en C − A.",
            "en": "A is the reference: differences are B − A and C − A.",
        },
        "sim.compare.from_link": {"nl": "{name} (uit de link)", "en": "{name} (from the link)"},
        "sim.compare.parameters": {
            "nl": "Verschillen in de parameters",
            "en": "Differences in the parameters",
        },
        "sim.compare.parameters.none": {
            "nl": "De gekozen scenario's hebben dezelfde parameters.",
            "en": "The chosen scenarios have the same parameters.",
        },
        "sim.compare.parameter": {"nl": "Parameter", "en": "Parameter"},
        "sim.compare.settings": {"nl": "Instelling", "en": "Setting"},
        "sim.compare.outputs": {"nl": "Alle resultaten", "en": "All results"},
        "sim.compare.headline": {"nl": "Wat verschilt", "en": "What differs"},
        "sim.compare.headline.none": {
            "nl": "De scenario's geven dezelfde kost, werknemers en wachtrij.",
            "en": "The scenarios give the same cost, workers and queue.",
        },
        "sim.compare.outputs.caption": {
            "nl": "Stromen (kosten, instroom, uitstroom) opgeteld over de jaren {first}–{last}; standen "
            "(werknemers, contingent, wachtrij) op het einde van {last}. Centrale projectie (elke aanname op haar "
            "centrale waarde), zoals in de simulator en de ontleding; rijen die in elk scenario nul zijn, zijn "
            "weggelaten.",
            "en": "Flows (costs, inflow, exits) summed over {first}–{last}; stocks (workers, contingent, queue) at "
            "the end of {last}. Central projection (every assumption at its central value), as in the simulator "
            "and the decomposition; rows that are zero in every scenario are left out.",
        },
        "sim.compare.output": {"nl": "Resultaat", "en": "Result"},
        "sim.compare.difference": {"nl": "{b} − {a}", "en": "{b} − {a}"},
        "sim.compare.cost_chart": {"nl": "Jaarlijkse kost per scenario", "en": "Annual cost by scenario"},
        "sim.compare.decomposition": {
            "nl": "Waar komt het verschil in budget vandaan?",
            "en": "Where does the difference in budget come from?",
        },
        "sim.compare.decomposition.caption": {
            "nl": "Het verschil in kost over {first}–{last} tussen {b} en {a}, opgesplitst door de parameters van "
            "{b} groep per groep in {a} te zetten: eerst volume, dan prijs, mix, terugval en financiering. De "
            "effecten tellen exact op tot het verschil. Centrale projectie (zonder trekkingen), op de horizon "
            "van {a}; de volgorde bepaalt mee hoe groot elk effect is.",
            "en": "The difference in cost over {first}–{last} between {b} and {a}, split by moving the parameters "
            "of {b} into {a} group by group: first volume, then price, mix, fallback and financing. The effects "
            "add up exactly to the difference. Central projection (no draws), on the horizon of {a}; the order "
            "partly decides how large each effect is.",
        },
        "sim.effect.volume": {"nl": "Volume", "en": "Volume"},
        "sim.effect.price": {
            "nl": "Prijs (percentages en bedragen)",
            "en": "Price (percentages and amounts)",
        },
        "sim.effect.mix": {"nl": "Mix (pakketten, nood, herkomst)", "en": "Mix (packages, need, origin)"},
        "sim.effect.fallback": {"nl": "Terugval en contingent", "en": "Fallback and contingent"},
        "sim.effect.financing": {"nl": "Financiering (enveloppe)", "en": "Financing (envelope)"},
        "sim.effect.effect": {"nl": "Effect", "en": "Effect"},
        "sim.effect.total": {"nl": "Totaal verschil", "en": "Total difference"},
        "sim.compare.horizon_differs": {
            "nl": "De scenario's hebben een verschillende horizon; resultaten over de gemeenschappelijke jaren.",
            "en": "The scenarios have different horizons; results over the years they share.",
        },
        "sim.compare.open": {"nl": "Open {letter} in de simulator", "en": "Open {letter} in the simulator"},
        "sim.compare.back": {"nl": "Terug naar de simulator", "en": "Back to the simulator"},
    }
)
