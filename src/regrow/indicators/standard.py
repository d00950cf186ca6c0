"""The indicators every town of the network follows (issue 14), with names in Latvian and
English: `ensure_standard_indicators()` creates those missing and leaves the rest as they are."""

from decimal import Decimal

from regrow.indicators.models import Indicator

Unit = Indicator.Unit

STANDARD = [
    {
        "code": "population",
        "names": {"en": "Population", "lv": "Iedzīvotāju skaits"},
        "unit": Unit.PERSONS,
        "higher_is_better": True,
        "min_value": Decimal(0),
        "definitions": {
            "en": "People whose usual residence is in the municipality on 1 January.",
            "lv": "Iedzīvotāji, kuru pastāvīgā dzīvesvieta 1. janvārī ir pašvaldībā.",
        },
        "source": "Eurostat; national statistics offices",
        "public_by_default": True,
        "order": 10,
    },
    {
        "code": "population_15_29",
        "names": {
            "en": "Population aged 15–29",  # noqa: RUF001 - a range takes an en dash
            "lv": "Iedzīvotāji vecumā no 15 līdz 29 gadiem",
        },
        "unit": Unit.PERSONS,
        "higher_is_better": True,
        "min_value": Decimal(0),
        "definitions": {
            "en": "Residents aged 15 to 29 years on 1 January.",
            "lv": "Iedzīvotāji vecumā no 15 līdz 29 gadiem 1. janvārī.",
        },
        "source": "Eurostat; national statistics offices",
        "public_by_default": True,
        "order": 20,
    },
    {
        "code": "net_migration",
        "names": {"en": "Net migration", "lv": "Migrācijas saldo"},
        "unit": Unit.PERSONS,
        "higher_is_better": True,
        "definitions": {
            "en": "People who moved into the municipality minus those who moved away, in the "
            "period.",
            "lv": "Pašvaldībā iebraukušo un no tās izbraukušo iedzīvotāju skaita starpība periodā.",
        },
        "source": "National statistics offices",
        "public_by_default": True,
        "order": 30,
    },
    {
        "code": "registered_unemployment",
        "names": {"en": "Registered unemployment", "lv": "Reģistrētā bezdarba līmenis"},
        "unit": Unit.PERCENT,
        "higher_is_better": False,
        "min_value": Decimal(0),
        "max_value": Decimal(100),
        "definitions": {
            "en": "Registered unemployed people as a share of the working-age population.",
            "lv": "Reģistrēto bezdarbnieku īpatsvars darbspējas vecuma iedzīvotāju skaitā.",
        },
        "source": "National employment agencies",
        "public_by_default": True,
        "order": 40,
    },
    {
        "code": "enterprises",
        "names": {"en": "Active enterprises", "lv": "Ekonomiski aktīvie uzņēmumi"},
        "unit": Unit.COUNT,
        "higher_is_better": True,
        "min_value": Decimal(0),
        "definitions": {
            "en": "Enterprises registered in the municipality that were active in the year.",
            "lv": "Pašvaldībā reģistrētie uzņēmumi, kas gadā bija ekonomiski aktīvi.",
        },
        "source": "National statistics offices",
        "public_by_default": True,
        "order": 50,
    },
    {
        "code": "vacancy_rate",
        "names": {
            "en": "Town-centre vacancy rate",
            "lv": "Tukšo telpu īpatsvars pilsētas centrā",
        },
        "unit": Unit.PERCENT,
        "higher_is_better": False,
        "min_value": Decimal(0),
        "max_value": Decimal(100),
        "definitions": {
            "en": "Empty units ÷ usable units of the register at the end of the period; a "
            "partly vacant unit counts half (docs/vacancy.md).",
            "lv": "Tukšās telpas ÷ izmantojamās telpas reģistrā perioda beigās; daļēji tukša "
            "telpa skaitās kā puse (docs/vacancy.md).",
        },
        "source": "regrow: the town's register of units",
        "public_by_default": True,
        "derived": True,
        "order": 60,
    },
    {
        "code": "footfall",
        "names": {"en": "Town-centre footfall", "lv": "Gājēju plūsma pilsētas centrā"},
        "unit": Unit.COUNT,
        "higher_is_better": True,
        "min_value": Decimal(0),
        "definitions": {
            "en": "People counted passing the town centre's counting points, per day on average.",
            "lv": "Pilsētas centra skaitīšanas punktos saskaitītie gājēji, vidēji dienā.",
        },
        "source": "The town's footfall counts",
        "order": 70,
    },
    {
        "code": "popup_conversion_rate",
        "names": {
            "en": "Pop-ups that stayed",
            "lv": "Palikušo pop-up veikalu īpatsvars",
        },
        "unit": Unit.PERCENT,
        "higher_is_better": True,
        "min_value": Decimal(0),
        "max_value": Decimal(100),
        "definitions": {
            "en": "Pop-ups that stayed as permanent tenants ÷ pop-ups that opened in the period.",
            "lv": "Pop-up veikali, kas palika kā pastāvīgi nomnieki ÷ periodā atvērtie pop-up "
            "veikali.",
        },
        "source": "regrow: the town's pop-up programme",
        "public_by_default": True,
        "derived": True,
        "order": 80,
    },
]

STANDARD_CODES = [definition["code"] for definition in STANDARD]


def ensure_standard_indicators() -> list[Indicator]:
    """The standard indicators, created where missing (existing ones are not changed: the
    network may have edited them)."""
    existing = {indicator.code: indicator for indicator in Indicator.objects.all()}
    indicators = []
    for definition in STANDARD:
        indicator = existing.get(definition["code"])
        if indicator is None:
            indicator = Indicator(**definition)
            indicator.full_clean()
            indicator.save()
        indicators.append(indicator)
    return indicators
