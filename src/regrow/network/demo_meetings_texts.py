"""The texts of the network's meetings in the demo (../shared/facts/regrow-city.md): titles and
agendas in Latvian and English, minutes and decisions in English (the network's working
language). Presenters are roles, never real people's names; the details are illustrative.

An agenda item: (day of the meeting from 0, start "HH:MM", minutes long, titles, presenter,
room, minutes, parts). A decision: (English title of its agenda item, text, who, by when)."""

from datetime import date

KICK_OFF = {
    "kind": "transnational",
    "host": "aluksne",
    "titles": {
        "lv": "Pārneses posma sākuma sanāksme Alūksnē",
        "en": "Kick-off of the transfer phase in Alūksne",
    },
    "descriptions": {
        "lv": (
            "Tīkla partneru sanāksme par tukšajām telpām un pilsētu centru atjaunošanu mazās "
            "un vidējās pilsētās. Pirmajā dienā: projekta gaita, pārneses plānu pirmie "
            "uzmetumi un nākamo trīs mēnešu mērķi; otrajā dienā: iespējamās pop-up veikalu "
            "vietas Alūksnes centrā."
        ),
        "en": (
            "The partners' meeting on vacant premises and the renewal of the inner towns of "
            "small and medium cities. Day one: the project's progress, first drafts of the "
            "Transfer Plans and goals for the next three months; day two: possible sites for "
            "pop-up shops in Alūksne's centre."
        ),
    },
    "starts_on": date(2019, 1, 31),
    "ends_on": date(2019, 2, 1),
    "time_zone": "Europe/Riga",
    "place_name": "Alūksnes novada pašvaldība",
    "address": "Dārza iela 11, Alūksne, LV-4301",
    "registration_closes": (date(2019, 1, 24), 17),
    "reports": {
        "lv": (
            "31. janvārī un 1. februārī Alūksnē notika URBACT tīkla „Augoša pilsēta” partneru "
            "sanāksme, ar kuru sākās pārneses posms. Partneri pārrunāja projekta gaitu, "
            "pārneses plānu pirmos uzmetumus un nākamo trīs mēnešu mērķus. Otrajā dienā viesi "
            "apskatīja tukšās telpas pilsētas centrā, kur varētu darboties pop-up veikali. "
            "„Pop-up veikals ir veids, kā stiprināt vietējo mazo uzņēmējdarbību,” sacīja "
            "projekta vadītāja."
        ),
        "en": (
            "On 31 January and 1 February the partners of the URBACT network Re-grow City met "
            "in Alūksne to begin the transfer phase. They discussed the project's progress, "
            "the first drafts of their Transfer Plans and their goals for the next three "
            "months. On the second day the guests visited vacant premises in the town centre "
            "where pop-up shops could open. \"A pop-up shop is one way to strengthen local "
            "small business,\" said the project manager."
        ),
    },
    "agenda": [
        (0, "09:30", 30, {"lv": "Atklāšana un iepazīšanās", "en": "Welcome and introductions"},
         "Alūksne project manager", "", "", []),
        (0, "10:00", 60, {"lv": "Projekta gaita", "en": "Progress of the project"},
         "Altena (lead partner)", "",
         "The lead partner summed up the preparation phase (Altena, Isernia, Igoumenitsa, June "
         "to November 2018) and the approval of the transfer phase: 18 months of transfer "
         "learning, then 6 months of transfer sharing.\n\n"
         "Transfer Plans are due in the first three months; the mid-term review comes at "
         "month 12.", []),
        (0, "11:00", 15, {"lv": "Kafijas pauze", "en": "Coffee break"}, "", "", "", []),
        (0, "11:15", 105,
         {"lv": "Pārneses plānu pirmie uzmetumi: kas raksturīgs pārnesei",
          "en": "First drafts of the Transfer Plans: what is specific to the transfer"},
         "Lead expert", "",
         "The lead expert asked every plan to say what the town takes from Altena, what it "
         "changes for its own context and why. The partners split into the two thematic "
         "groups of Altena's practice.", [
             (0, "11:15", 15, {"lv": "Ievads", "en": "Introduction"}, "Lead expert", "", "",
              []),
             (0, "11:30", 90,
              {"lv": "Darbnīca: pop-up veikali", "en": "Workshop: pop-up shops"},
              "Altena", "Room 1",
              "Alūksne, Melgaço and Isernia worked on their drafts. Main questions: who acts "
              "as intermediate tenant (in Altena an association, in Alūksne the "
              "municipality), how long a pop-up lasts (Altena: 6 to 8 weeks) and how to "
              "reach owners who live elsewhere.", []),
             (0, "11:30", 90,
              {"lv": "Darbnīca: brīvprātīgo un NVO platforma",
               "en": "Workshop: volunteer and NGO platform"},
              "Altena's volunteer agency", "Room 2",
              "Idrija and Manresa compared their associations with Altena's volunteer "
              "agency. Idrija wants one contact point run by an NGO; Manresa wants to start "
              "in one neighbourhood.", []),
         ]),
        (0, "13:00", 60, {"lv": "Pusdienas", "en": "Lunch"}, "", "", "", []),
        (0, "14:00", 90,
         {"lv": "Mērķi un darba plāns nākamajiem trim mēnešiem",
          "en": "Goals and a work plan for the next three months"},
         "Lead expert", "",
         "Each partner set two or three goals for the next three months. Every goal becomes "
         "an action of the partner's Transfer Plan and is reviewed at the pop-up thematic "
         "meeting in Isernia.", []),
        (1, "09:00", 150,
         {"lv": "Iespējamo pop-up veikalu vietu apskate",
          "en": "Site visit: possible sites for pop-up shops"},
         "Alūksne project manager", "Town centre",
         "The group walked through the town centre and saw vacant units that could host "
         "pop-up shops. Alūksne chose the pop-up method as one way to strengthen local small "
         "business.\n\n"
         "Units that are ready to use and on the main streets come first; units that need "
         "work may suit a second round.", []),
        (1, "12:00", 60, {"lv": "Kopsavilkums un nākamie soļi", "en": "Wrap-up and next steps"},
         "Lead expert", "",
         "The partners agreed on the deadlines below. The next meeting of the pop-up group is "
         "in Isernia.", []),
    ],
    "decisions": [
        ("First drafts of the Transfer Plans: what is specific to the transfer",
         "Every partner sends the first draft of its Transfer Plan to the lead expert.",
         "All partners", date(2019, 3, 31)),
        ("First drafts of the Transfer Plans: what is specific to the transfer",
         "The lead expert circulates a template for the part of the plans on the transfer.",
         "Lead expert", date(2019, 2, 15)),
        ("Goals and a work plan for the next three months",
         "Each partner enters its three-month goals as actions of its Transfer Plan.",
         "Partner coordinators", date(2019, 2, 15)),
        ("Site visit: possible sites for pop-up shops",
         "Alūksne prepares a call to the owners of vacant premises in the town centre, with "
         "Altena's owners' leaflet as a model.",
         "Alūksne project manager", date(2019, 5, 1)),
        ("Wrap-up and next steps",
         "Isernia hosts the pop-up thematic meeting and proposes its dates.",
         "Isernia", date(2019, 6, 30)),
    ],
}  # fmt: skip

ISERNIA = {
    "kind": "thematic",
    "host": "isernia",
    "titles": {
        "lv": "Pop-up veikalu tematiskā sanāksme Izernijā",
        "en": "Pop-up shops thematic meeting in Isernia",
    },
    "descriptions": {
        "lv": (
            "Pop-up tematiskās grupas (Alūksne, Melgasu, Izernija) sanāksme: kā katrai "
            "pilsētai veicas, Altenas pieredze ar starpnieka nomu un nomas maksām, Alūksnē "
            "izvirzīto mērķu izvērtēšana un nākamie trīs mēneši."
        ),
        "en": (
            "The meeting of the pop-up thematic group (Alūksne, Melgaço, Isernia): where each "
            "town stands, Altena's experience with intermediate tenancy and rents, the review "
            "of the goals set in Alūksne and the next three months."
        ),
    },
    "starts_on": date(2019, 11, 28),
    "ends_on": date(2019, 11, 29),
    "time_zone": "Europe/Rome",
    "place_name": "Comune di Isernia",
    "address": "Piazza Guglielmo Marconi 3, 86170 Isernia",
    "registration_closes": (date(2019, 11, 20), 12),
    "reports": {},
    "agenda": [
        (0, "09:30", 30, {"lv": "Atklāšana", "en": "Welcome"}, "Isernia (host)", "", "", []),
        (0, "10:00", 90,
         {"lv": "Pop-up veikali: kur katra pilsēta ir šobrīd",
          "en": "Pop-up shops: where each town stands"},
         "Alūksne, Melgaço and Isernia", "",
         "Alūksne opened its first pop-up space in the town centre in November 2019, with two "
         "small businesses (tailoring and beauty care); its call for vacant premises ran in "
         "July.\n\n"
         "Melgaço offers three months rent-free, then three months at €1/m². Isernia is "
         "negotiating with the owners of five units in the historic centre.", []),
        (0, "11:30", 60,
         {"lv": "Altenas pop-up veikali: starpnieka noma un nomas maksa",
          "en": "Altena's pop-up shops: intermediate tenancy and rents"},
         "Altena", "",
         "In Altena an association took the head lease from the owner and sublet to the "
         "trader, for 6 to 8 weeks at about €2/m² plus about €2/m² service charges. After one "
         "round seven pop-ups stayed for good. Owners who live elsewhere remain the main "
         "obstacle.", []),
        (0, "14:00", 90,
         {"lv": "Alūksnē izvirzīto trīs mēnešu mērķu izvērtēšana",
          "en": "Review of the three-month goals set in Alūksne"},
         "Lead expert", "",
         "Each partner reviewed the goals it set at the kick-off: most were achieved, some "
         "late. The results are recorded with each goal.", []),
        (0, "15:30", 60,
         {"lv": "Mērķi nākamajiem trim mēnešiem", "en": "Goals for the next three months"},
         "Lead expert", "", "", []),
        (1, "09:30", 120,
         {"lv": "Pastaiga pa Izernijas vēsturisko centru",
          "en": "Walk through Isernia's historic centre"},
         "Isernia (host)", "Historic centre", "", []),
        (1, "12:00", 45, {"lv": "Kopsavilkums", "en": "Wrap-up"}, "Lead expert", "", "", []),
    ],
    "decisions": [
        ("Pop-up shops: where each town stands",
         "Alūksne and Melgaço share their owners' leaflets and lease templates with Isernia.",
         "Alūksne and Melgaço", date(2019, 12, 20)),
        ("Wrap-up",
         "The pop-up group writes a short joint note on its rent models for the mid-term "
         "review.",
         "Lead expert with the pop-up group", date(2020, 1, 10)),
    ],
}  # fmt: skip

NYIRBATOR = {
    "kind": "transnational",
    "host": "nyirbator",
    "titles": {
        "lv": "Starpposma izvērtēšana Nīrbātorā",
        "en": "Mid-term review in Nyírbátor",
    },
    "descriptions": {
        "lv": (
            "Tīkla starpposma izvērtēšana pārneses posma 12. mēnesī: partneru pārneses plāni "
            "un darbības, Izernijā izvirzīto mērķu izvērtēšana un mēru sesija par kopīgu "
            "deklarāciju."
        ),
        "en": (
            "The network's mid-term review in month 12 of the transfer phase: the partners' "
            "Transfer Plans and actions, the review of the goals set in Isernia and a mayors' "
            "session on a common declaration."
        ),
    },
    "starts_on": date(2020, 1, 15),
    "ends_on": date(2020, 1, 16),
    "time_zone": "Europe/Budapest",
    "place_name": "Nyírbátori Polgármesteri Hivatal",
    "address": "Szabadság tér 9, 4300 Nyírbátor",
    "registration_closes": (date(2020, 1, 8), 12),
    "reports": {},
    "agenda": [
        (0, "09:30", 30, {"lv": "Atklāšana", "en": "Welcome"}, "Nyírbátor (host)", "", "", []),
        (0, "10:00", 120,
         {"lv": "Starpposma izvērtēšana: pārneses plāni un darbības",
          "en": "Mid-term review: Transfer Plans and actions"},
         "Lead expert", "",
         "Every partner presented its plan's status and its actions. Alūksne's plan is in "
         "its second version, in peer review by Melgaço. Manresa, Nyírbátor and Igoumenitsa "
         "still have drafts; Igoumenitsa has not yet chosen its component.", []),
        (0, "14:00", 60,
         {"lv": "Izernijā izvirzīto mērķu izvērtēšana",
          "en": "Review of the goals set in Isernia"},
         "Lead expert", "", "", []),
        (1, "09:30", 90,
         {"lv": "Mēru sesija: deklarācija par mazajām pilsētām",
          "en": "Mayors' session: a declaration on small towns"},
         "Nyírbátor and Altena", "",
         "The mayors discussed a common declaration on small towns in long-term decline, "
         "addressed to national governments and the EU.", []),
        (1, "11:15", 60,
         {"lv": "Pārneses posma otrā puse: darba plāns",
          "en": "Second half of the transfer phase: work plan"},
         "Lead expert", "", "", []),
    ],
    "decisions": [
        ("Mayors' session: a declaration on small towns",
         "Draft the mayors' declaration on small towns in decline and send it to the "
         "partners' mayors for signature.",
         "Nyírbátor with the lead partner", date(2020, 3, 31)),
        ("Mid-term review: Transfer Plans and actions",
         "Partners with a draft plan submit it for peer review.",
         "Manresa, Nyírbátor, Igoumenitsa", date(2020, 4, 30)),
    ],
}  # fmt: skip

FINAL = {
    "kind": "online",
    "host": None,
    "titles": {
        "lv": "Tīkla noslēguma tiešsaistes konference",
        "en": "Final online conference of the network",
    },
    "descriptions": {
        "lv": (
            "Ko astoņas pilsētas pārņēma no Altenas labās prakses, ko tās iemācījās un kā "
            "mazo pilsētu sadarbība turpināsies."
        ),
        "en": (
            "What the eight towns took from Altena's good practice, what they learnt, and how "
            "the small towns' cooperation goes on."
        ),
    },
    "starts_on": date(2021, 5, 27),
    "ends_on": date(2021, 5, 27),
    "time_zone": "Europe/Berlin",
    "place_name": "",
    "address": "",
    "online_url": "https://example.org/regrow-city/final-conference",
    "registration_closes": (date(2021, 5, 26), 18),
    "reports": {
        "lv": (
            "Tīkla „Augoša pilsēta” noslēguma konference notika tiešsaistē. Partneri stāstīja "
            "par saviem pop-up veikaliem un brīvprātīgo platformām, un tīkls nolēma sākt "
            "jaunu mazo pilsētu tīklu."
        ),
        "en": (
            "The final conference of Re-grow City was held online. The partners told of their "
            "pop-up shops and volunteer platforms, and the network decided to launch a "
            "follow-up network of small towns."
        ),
    },
    "agenda": [
        (0, "10:00", 20, {"lv": "Atklāšana", "en": "Opening"}, "Altena (lead partner)", "", "",
         []),
        (0, "10:20", 70,
         {"lv": "Ko pilsētas pārņēma", "en": "What the towns transferred"},
         "The partners", "",
         "Each partner presented its results in five minutes: pop-up shops in Alūksne, "
         "Melgaço and Isernia; volunteer platforms in Idrija and Manresa.", []),
        (0, "11:30", 45,
         {"lv": "Diskusija: mazās pilsētas pēc lejupslīdes",
          "en": "Panel: small towns after decline"},
         "Lead expert", "", "", []),
        (0, "12:15", 30,
         {"lv": "Mazo pilsētu tīkla turpinājums", "en": "A follow-up network of small towns"},
         "Altena (lead partner)", "",
         "The lead partner proposed a follow-up network of small towns, open to towns beyond "
         "the partnership. The partners agreed.", []),
        (0, "12:45", 15, {"lv": "Noslēgums", "en": "Closing"}, "Altena (lead partner)", "", "",
         []),
    ],
    "decisions": [
        ("A follow-up network of small towns",
         "Launch a follow-up network of small towns, open to towns beyond the partnership.",
         "Altena (lead partner)", date(2021, 9, 30)),
    ],
}  # fmt: skip

MEETINGS = [KICK_OFF, ISERNIA, NYIRBATOR, FINAL]

# The kick-off's participants besides the demo's accounts (the partners' coordinators, the
# network lead and lead expert, Alūksne's and Altena's town accounts in TOWN_ACCOUNTS):
# (town, name, organisation, e-mail, dietary needs, days by index, days attended, walk-in).
# Invented people.
GUESTS = [
    ("melgaco", "Rita Sousa", "Município de Melgaço", "rita.sousa@melgaco.example.org",
     "", [0, 1], [0, 1], False),
    ("isernia", "Giulia Conti", "Comune di Isernia", "giulia.conti@isernia.example.org",
     "no pork", [0, 1], [0, 1], False),
    ("idrija", "Maja Kos", "Občina Idrija", "maja.kos@idrija.example.org",
     "", [0, 1], [0], False),
    ("manresa", "Jordi Puig", "Ajuntament de Manresa", "jordi.puig@manresa.example.org",
     "gluten-free", [0], [0], False),
    ("nyirbator", "Anna Kovács", "Nyírbátor Város Önkormányzata",
     "anna.kovacs@nyirbator.example.org", "", [0, 1], [0, 1], False),
    ("igoumenitsa", "Eleni Papadaki", "Dimos Igoumenitsas",
     "eleni.papadaki@igoumenitsa.example.org", "", [0, 1], [0, 1], False),
    ("aluksne", "Andris Kalns", "Alūksnes uzņēmēju biedrība",
     "andris.kalns@aluksne.example.org", "", [], [1], True),
]  # fmt: skip

# Accounts of the towns' demo (towns/demo.py) who came to the kick-off: (town, e-mail).
TOWN_ACCOUNTS = [
    ("aluksne", "coordinator@aluksne.example.org"),  # the project manager
    ("aluksne", "editor@aluksne.example.org"),  # the public relations specialist, who reported
    ("altena", "coordinator@altena.example.org"),
]

# Each partner's organisation, for the registrations of its accounts.
ORGANISATIONS = {
    "aluksne": "Alūksnes novada pašvaldība",
    "altena": "Stadt Altena",
    "melgaco": "Município de Melgaço",
    "isernia": "Comune di Isernia",
    "idrija": "Občina Idrija",
    "manresa": "Ajuntament de Manresa",
    "nyirbator": "Nyírbátor Város Önkormányzata",
    "igoumenitsa": "Dimos Igoumenitsas",
}

# The site visit's route, by unit of Alūksne's demo register (premises/demo.py), with what
# the visitors noted; vacant units only, in this order.
STOPS = [
    ("ALU-027", "Former café, 140 m², ready to use. Large windows on Helēnas iela; could take "
     "two pop-ups side by side."),
    ("ALU-002", "140 m² on Pils iela, needs work (heating). The owner lives in Riga; Alūksne "
     "will write to them with the call."),
    ("ALU-017", "Small unit of 16 m², needs work. Suits a maker or a service for a few weeks."),
    ("ALU-025", "58 m², ready to use, formerly crafts and gifts. Good footfall near the "
     "market; the strongest candidate for a first pop-up."),
]  # fmt: skip
STOP_NOTE = "Vacant unit of {area} m² in the town centre."
