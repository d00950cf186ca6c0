"""The three-month goals of the demo's meetings (../shared/facts/regrow-city.md), in each plan's
language (Alūksne's in Latvian, the others' in English): set at a meeting by each partner with
a Transfer Plan, reviewed at the next. The details are illustrative.

A goal: (title, description, owner, due on, outcome at the review, the review's comment)."""

from datetime import date

ACHIEVED, PARTLY, NOT_ACHIEVED = "achieved", "partly", "not_achieved"
KICK_OFF_DUE = date(2019, 5, 1)
ISERNIA_DUE = date(2020, 2, 28)

# Set at the kick-off in Alūksne (from 1 February 2019), reviewed in Isernia.
KICK_OFF_GOALS = {
    "aluksne": [
        ("Sagatavot aicinājumu tukšo telpu īpašniekiem",
         "Aicinājuma teksts un centra telpu īpašnieku saraksts, pēc Altenas bukleta parauga.",
         "Alūksnes novada pašvaldība", KICK_OFF_DUE, ACHIEVED,
         "Aicinājums sagatavots aprīlī un izsludināts 2019. gada jūlijā; pieteicās vairāki "
         "centra telpu īpašnieki."),
        ("Izvēlēties pirmo pop-up telpu",
         "Kopā ar uzņēmēju biedrību izvēlēties telpu pilsētas centrā pirmajai pop-up kārtai.",
         "Alūksnes novada pašvaldība", KICK_OFF_DUE, ACHIEVED,
         "Pēc aicinājuma izvēlēta telpa Pils ielā 14 — vēlāk, nekā plānots; 2019. gada "
         "novembrī tajā atvērās šūšanas darbnīca un skaistumkopšanas studija."),
        ("Sasaukt vietējās atbalsta grupas sanāksmi",
         "Pirmā grupas sanāksme ar uzņēmējiem, telpu īpašniekiem un jauniešu centru.",
         "Alūksnes novada pašvaldība", KICK_OFF_DUE, PARTLY,
         "Grupa tikās divreiz, nevis katru mēnesi, kā plānots; telpu īpašnieku pārstāvji "
         "vēl nepiedalās."),
    ],
    "melgaco": [
        ("Agree the rent-free pop-up model with the owners",
         "Three months rent-free, then three months at €1/m²: discussed with the owners of "
         "the historic centre.",
         "Municipality of Melgaço", KICK_OFF_DUE, ACHIEVED,
         "Owners of four units accepted the model in April."),
        ("List the vacant units of the historic centre",
         "Every vacant ground-floor unit with its owner and condition.",
         "Municipality of Melgaço, economic development office", KICK_OFF_DUE, PARTLY,
         "Two thirds of the units surveyed; owners who live abroad are not yet traced."),
    ],
    "isernia": [
        ("Set up the local stakeholder group",
         "The town, shop owners, the chamber of commerce and young makers.",
         "Comune di Isernia", KICK_OFF_DUE, ACHIEVED, "The group met in March and in April."),
        ("Choose the dates and venue of the pop-up thematic meeting",
         "Propose dates to the pop-up group and book the town hall.",
         "Comune di Isernia", KICK_OFF_DUE, ACHIEVED,
         "End of November 2019 agreed with the group in April."),
    ],
    "idrija": [
        ("Agree with an NGO to run the volunteer contact point",
         "An existing association of Idrija runs the contact point with the municipality.",
         "Municipality of Idrija", KICK_OFF_DUE, ACHIEVED, "Agreement signed in April."),
        ("Find a room for the volunteer contact point",
         "A room open two afternoons a week, easy to reach.",
         "Municipality of Idrija", KICK_OFF_DUE, ACHIEVED, "A room of the town library."),
    ],
    "manresa": [
        ("First list of the old town's associations",
         "Names, aims and contacts of the associations of the old town.",
         "City of Manresa, civic participation", KICK_OFF_DUE, PARTLY,
         "About half of the associations listed; the mapping goes on until July."),
        ("Present the NGO platform to the neighbourhood associations",
         "One evening meeting with the neighbourhood associations of the old town.",
         "City of Manresa", KICK_OFF_DUE, NOT_ACHIEVED,
         "Postponed to the autumn: the associations asked to wait for the mapping."),
    ],
    "nyirbator": [
        ("Write the first draft of the plan's starting point",
         "The starting point of Nyírbátor's Transfer Plan, with the local group.",
         "Municipality of Nyírbátor", KICK_OFF_DUE, ACHIEVED, "Drafted in March."),
        ("Choose the component to transfer with the local group",
         "Pop-up shops or the volunteer and NGO platform.",
         "Municipality of Nyírbátor", KICK_OFF_DUE, NOT_ACHIEVED,
         "The local group has not decided yet; both components are still being studied."),
    ],
    "igoumenitsa": [
        ("Prepare the study visit to Altena",
         "Who goes, what to see, whom to meet in Altena.",
         "Municipality of Igoumenitsa", KICK_OFF_DUE, ACHIEVED,
         "The visit took place in May."),
        ("Bring the port and the traders into the local group",
         "Invite the port authority and the traders' association to the local group.",
         "Municipality of Igoumenitsa", KICK_OFF_DUE, PARTLY,
         "The traders joined; the port authority has not answered yet."),
    ],
}  # fmt: skip

# Set at the pop-up thematic meeting in Isernia (from 29 November 2019) by the pop-up group,
# reviewed at the mid-term review in Nyírbátor.
ISERNIA_GOALS = {
    "aluksne": [
        ("Aptaujāt pirmās pop-up telpas uzņēmējus",
         "Ko uzņēmēji iemācījās un vai viņi paliks telpā pēc pop-up perioda.",
         "Alūksnes novada pašvaldība", ISERNIA_DUE, ACHIEVED,
         "Abi uzņēmēji vēlas palikt; šūšanas darbnīca no janvāra nomā telpu pati."),
        ("Sagatavot telpu sarakstu otrajai pop-up kārtai",
         "Vismaz trīs telpas pilsētas centrā ar īpašnieku piekrišanu.",
         "Alūksnes novada pašvaldība", ISERNIA_DUE, PARTLY,
         "Divas telpas ar īpašnieku piekrišanu; trešās īpašnieks vēl domā."),
    ],
    "melgaco": [
        ("Share the owners' leaflet and lease template with Isernia",
         "In English, with notes on what Melgaço changed from Altena's.",
         "Municipality of Melgaço", ISERNIA_DUE, ACHIEVED, "Sent in December."),
    ],
    "isernia": [
        ("Sign the first head lease with an owner",
         "The town rents a vacant unit of the historic centre for a first pop-up.",
         "Comune di Isernia", ISERNIA_DUE, PARTLY,
         "Terms agreed with one owner; the lease waits for the council's approval."),
    ],
}  # fmt: skip
