"""Altena's good practice in its two components, and the thematic groups the partners formed
(../shared/facts/regrow-city.md): pop-up shops (Alūksne, Melgaço, Isernia) and the volunteer /
NGO platform (Idrija, Manresa). Nyírbátor's and Igoumenitsa's choices are not known: they have
no component. Texts in English, Latvian and German."""

from regrow.network.models import Component, Network, Partner
from regrow.network.services.setup import component_save, partner_save

POP_UP_SHOPS = {
    "names": {
        "en": "Pop-up shops",
        "lv": "Pop-up veikali",
        "de": "Pop-up-Läden",
    },
    "problems": {
        "en": "Empty shop units in the town centre: every closed shop costs its neighbours "
        "footfall, and new traders cannot afford the risk of a long lease.",
        "lv": "Tukšas veikalu telpas pilsētas centrā: katrs slēgts veikals atņem pircējus arī "
        "kaimiņiem, bet jauni uzņēmēji nevar uzņemties ilgtermiņa nomas risku.",
        "de": "Leerstehende Ladenlokale in der Innenstadt: Jedes geschlossene Geschäft kostet "
        "die Nachbarn Laufkundschaft, und neue Händler scheuen das Risiko eines langen "
        "Mietvertrags.",
    },
    "how_it_works": {
        "en": "Vacant units are offered for 6 to 8 weeks at low rent (in Altena's first round "
        "about €2/m² plus €2/m² service charges), with help for fitting out the shop. An "
        "association or the town takes the head lease from the owner and sublets to the "
        "trader; owners get an information leaflet. A pop-up weekend draws the public.",
        "lv": "Tukšas telpas uz 6–8 nedēļām piedāvā par zemu nomas maksu (Altenas pirmajā kārtā "  # noqa: RUF001
        "ap 2 €/m² un 2 €/m² par pakalpojumiem) ar atbalstu veikala iekārtošanai. Biedrība "
        "vai pašvaldība nomā telpas no īpašnieka un nodod tās uzņēmējam apakšnomā; "
        "īpašnieki saņem informatīvu bukletu. Pop-up nedēļas nogale piesaista apmeklētājus.",
        "de": "Leerstehende Ladenlokale werden für 6 bis 8 Wochen günstig angeboten (in Altenas "
        "erster Runde etwa 2 €/m² Miete und 2 €/m² Nebenkosten), mit Hilfe bei der "
        "Einrichtung. Ein Verein oder die Stadt mietet vom Eigentümer und vermietet an den "
        "Händler unter; Eigentümer erhalten ein Informationsblatt. Ein Pop-up-Wochenende "
        "zieht Publikum an.",
    },
    "success_factors": {
        "en": "Short, cheap leases lower the trader's risk; the event character draws "
        "customers; owners who can be reached and trust the intermediary; a pop-up that "
        "succeeds becomes a permanent lease (seven stayed after Altena's first round).",
        "lv": "Īsa un lēta noma mazina uzņēmēja risku; pasākuma noskaņa piesaista pircējus; "
        "sasniedzami īpašnieki, kas uzticas starpniekam; veiksmīgs pop-up veikals kļūst par "
        "pastāvīgu nomnieku (pēc Altenas pirmās kārtas palika septiņi).",
        "de": "Kurze, günstige Mietverträge senken das Risiko; der Eventcharakter zieht Kunden "
        "an; erreichbare Eigentümer, die dem Vermittler vertrauen; ein erfolgreicher Pop-up "
        "wird zum festen Mieter (nach Altenas erster Runde blieben sieben).",
    },
    "resources": {
        "en": "A coordinator at the town or an association; a register of vacant units and "
        "their owners; a small fund for rent gaps and fitting out; marketing online.",
        "lv": "Koordinators pašvaldībā vai biedrībā; tukšo telpu un to īpašnieku reģistrs; "
        "neliels fonds nomas starpībai un iekārtošanai; reklāma internetā.",
        "de": "Eine Koordinatorin bei der Stadt oder einem Verein; ein Register der Leerstände "
        "und ihrer Eigentümer; ein kleiner Fonds für Mietdifferenz und Einrichtung; "
        "Vermarktung im Internet.",
    },
}
NGO_PLATFORM = {
    "names": {
        "en": "Volunteer and NGO platform",
        "lv": "Brīvprātīgo un NVO platforma",
        "de": "Ehrenamts- und Vereinsplattform",
    },
    "problems": {
        "en": "As the population falls, public services thin out and young people leave; "
        "the town cannot fill the gaps alone, and willing volunteers do not find the "
        "associations that need them.",
        "lv": "Iedzīvotājiem sarūkot, publisko pakalpojumu kļūst mazāk un jaunieši aizbrauc; "
        "pašvaldība pati nespēj aizpildīt robus, un brīvprātīgie neatrod biedrības, kurām "
        "viņu palīdzība vajadzīga.",
        "de": "Mit sinkender Einwohnerzahl dünnen öffentliche Angebote aus und junge Menschen "
        "ziehen weg; die Stadt kann die Lücken nicht allein füllen, und Freiwillige finden "
        "die Vereine nicht, die sie brauchen.",
    },
    "how_it_works": {
        "en": "A volunteer agency, run with the town, brings together people who want to help "
        "and the associations and projects that need them, and supports civic initiatives "
        "with advice, rooms and small grants.",
        "lv": "Brīvprātīgo aģentūra, ko vada kopā ar pašvaldību, savieno cilvēkus, kuri vēlas "
        "palīdzēt, ar biedrībām un projektiem, kam palīdzība vajadzīga, un atbalsta "
        "iedzīvotāju iniciatīvas ar padomu, telpām un nelieliem grantiem.",
        "de": "Eine Ehrenamtsagentur, gemeinsam mit der Stadt betrieben, bringt Menschen, die "
        "helfen wollen, mit Vereinen und Projekten zusammen und unterstützt "
        "Bürgerinitiativen mit Beratung, Räumen und kleinen Zuschüssen.",
    },
    "success_factors": {
        "en": "A known contact point; the town's trust in civil society; visible results "
        "that draw more volunteers.",
        "lv": "Zināms kontaktpunkts; pašvaldības uzticēšanās pilsoniskajai sabiedrībai; "
        "redzami rezultāti, kas piesaista jaunus brīvprātīgos.",
        "de": "Eine bekannte Anlaufstelle; das Vertrauen der Stadt in die Zivilgesellschaft; "
        "sichtbare Erfolge, die weitere Freiwillige gewinnen.",
    },
    "resources": {
        "en": "A coordinator, a room open to the public, a small budget for initiatives.",
        "lv": "Koordinators, sabiedrībai atvērta telpa, neliels budžets iniciatīvām.",
        "de": "Eine Koordinatorin, ein öffentlich zugänglicher Raum, ein kleines Budget für "
        "Initiativen.",
    },
}
# (component, the towns of its thematic group)
COMPONENTS = [
    (POP_UP_SHOPS, ["aluksne", "melgaco", "isernia"]),
    (NGO_PLATFORM, ["idrija", "manresa"]),
]


def practice_ensure(network: Network, partners: dict[str, Partner], lead) -> dict:
    """The components, and each partner's choice of them (the thematic groups)."""
    chosen: dict[str, list[Component]] = {slug: [] for slug in partners}
    components = {}
    for order, (texts, towns) in enumerate(COMPONENTS, start=1):
        found = Component.objects.filter(network=network, names__en=texts["names"]["en"]).first()
        component = component_save(network=network, by=lead, component=found, order=order, **texts)
        components[texts["names"]["en"]] = component
        for slug in towns:
            chosen[slug].append(component)
    for slug, partner in partners.items():
        partner_save(
            network=network,
            by=lead,
            partner=partner,
            town=partner.town,
            role=partner.role,
            joined_on=partner.joined_on,
            components=chosen[slug],
        )
    return components
