"""Demo indicators: the standard ones, Altena's population since 1975 as the public figures
describe it, and series for the other towns that are illustrative, not official statistics.

Each town's series is imported through the import service as a long-format file, once: a file
that would change nothing is not imported again, so loading the demo twice changes nothing.
"""

import random
from decimal import Decimal

from regrow.accounts.demo import ADMIN_EMAIL
from regrow.accounts.models import User
from regrow.indicators import derived, formats, selectors, services
from regrow.indicators.periods import year_period
from regrow.indicators.standard import ensure_standard_indicators
from regrow.lib.demo import Demo
from regrow.towns.models import Town

# Altena's population: about 32,000 in 1975, about 14,000 fewer by 2014, about 18,000 since
# (../shared/facts/regrow-city.md). The years between are drawn on a steady decline.
ALTENA_SOURCE = (
    "Illustrative: drawn through the public figures (about 32,000 in 1975, about 18,000 in "
    "2014); not official statistics"
)
ILLUSTRATIVE = "Illustrative demo data, not official statistics"
# Codes statistics offices give the towns (Germany's municipality key is its LAU code; the
# Latvian code is the town's in the territorial classification before the 2021 reform).
CODES = {"altena": {"lau_code": "05962004"}, "aluksne": {"national_code": "0360201"}}
# Illustrative populations around 2010 and their yearly change (towns shrinking, one growing).
POPULATION = {
    "aluksne": (8_600, -0.014),
    "idrija": (6_000, -0.004),
    "melgaco": (9_200, -0.012),
    "manresa": (75_000, 0.003),
    "nyirbator": (13_000, -0.009),
    "igoumenitsa": (9_600, -0.002),
    "isernia": (22_000, -0.007),
}
FIRST_YEAR, LAST_YEAR = 2005, 2024


def altena_population() -> list[tuple[int, int]]:
    """Altena's population each year from 1975: 32,000 falling steadily to 18,000 in 2014, then
    a slower fall to about 17,500."""
    years = []
    for year in range(1975, LAST_YEAR + 1):
        if year <= 2014:
            value = 32_000 * (18_000 / 32_000) ** ((year - 1975) / (2014 - 1975))
        else:
            value = 18_000 - 50 * (year - 2014)
        years.append((year, round(value, -1)))
    return years


def _rows(town: Town, seed: int) -> list[tuple]:
    code = selectors.town_code(town)
    rows = []
    if town.slug == "altena":
        rows += [(code, "population", str(y), v, "", ALTENA_SOURCE) for y, v in altena_population()]
        base, change = 19_000, -0.006
    else:
        base, change = POPULATION[town.slug]
        rows += [
            (code, "population", str(year), round(base * (1 + change) ** (year - 2010)), "",
             ILLUSTRATIVE)
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
        ]  # fmt: skip
    draw = random.Random(seed)  # noqa: S311 - demo figures, not secrets
    for year in range(2010, LAST_YEAR + 1):
        people = base * (1 + change) ** (year - 2010)
        young = round(people * (0.19 - 0.002 * (year - 2010)) + draw.randint(-40, 40))
        migration = round(people * (change - 0.002) + draw.randint(-25, 25))
        unemployment = round(max(2.0, 9.5 - 0.35 * (year - 2010) + draw.uniform(-0.8, 0.8)), 1)
        flags = "p" if year == LAST_YEAR else ""
        rows += [
            (code, "population_15_29", str(year), young, flags, ILLUSTRATIVE),
            (code, "net_migration", str(year), migration, flags, ILLUSTRATIVE),
            (code, "registered_unemployment", str(year), unemployment, flags, ILLUSTRATIVE),
        ]
        if year >= 2015:
            firms = round(people / 14 + draw.randint(-15, 15))
            rows.append((code, "enterprises", str(year), firms, flags, ILLUSTRATIVE))
    if town.slug in ("altena", "aluksne"):
        for month in range(1, 13):
            season = 1.25 if month in (6, 7, 8, 12) else 1.0
            footfall = round(base / 6 * season + draw.randint(-120, 120))
            rows.append((code, "footfall", f"2024-{month:02d}", footfall, "", ILLUSTRATIVE))
    return rows


def load(demo: Demo) -> None:
    ensure_standard_indicators()
    towns = {town.slug: town for town in Town.objects.all()}
    for slug, codes in CODES.items():
        if slug in towns:
            Town.objects.filter(pk=towns[slug].pk).update(**codes)
            for name, value in codes.items():
                setattr(towns[slug], name, value)
    admin = User.objects.filter(email=ADMIN_EMAIL).first()
    slugs = [slug for slug in ["altena", *POPULATION] if slug in towns]
    for seed, slug in enumerate(slugs):
        town = towns[slug]
        data = formats.write_long(
            (code, indicator, period, _decimal(value), flags, source)
            for code, indicator, period, value, flags, source in _rows(town, seed)
        )
        arguments = {
            "data": data,
            "filename": f"{slug}-demo-indicators.csv",
            "options": services.ImportOptions(file_format="csv"),
            "by": admin,
            "town": town,
        }
        preview = services.observations_preview(**arguments, keep_versions=False)
        if not preview.writes_nothing:
            services.observations_import(**arguments)
    aluksne = towns.get("aluksne")
    if aluksne is not None:
        today = aluksne.today()
        rate = derived.value_in(aluksne, "vacancy_rate", year_period(today.year), today)
        if rate is not None:
            demo.notes.append(
                f"Alūksne's town-centre vacancy rate, from the demo register: {rate} % "
                f"({today:%Y})."
            )


def _decimal(value) -> Decimal:
    return Decimal(str(value))
