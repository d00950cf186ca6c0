"""Generate a national-scale register: towns, their shop units and ten years of status history.

    python bench/generate.py [--towns 100] [--units-per-town 1000] [--changes-per-unit 10]

Rows go straight in with bulk_create (no per-row full_clean): the point is volume, and every
value is drawn from the vocabularies the validators accept. The data is the same on every run
(seeded generators), except that the history ends yesterday. Only towns whose slug starts with
"bench-" are ever deleted, and the script refuses to run if the database holds any other town.
"""

import argparse
import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import benchsupport
from django.db import connection, transaction

from regrow.premises.choices import Condition, Floor, ShopCategory, Source, Status
from regrow.premises.formats import UnitRecord, write_geojson
from regrow.premises.models import StatusChange, Unit
from regrow.towns.models import Town

SEED = 20261125
HISTORY_DAYS = 3652  # ten years
# PostgreSQL takes any batch; on SQLite Django caps batches at its limit of query parameters.
BATCH_SIZE = 2000

STREETS = [
    "Brīvības iela",
    "Dārza iela",
    "Pils iela",
    "Tirgus iela",
    "Skolas iela",
    "Baznīcas iela",
    "Rīgas iela",
    "Stacijas iela",
    "Ezera iela",
    "Jaunā iela",
    "Lielā iela",
    "Mazā iela",
    "Tilta iela",
    "Parka iela",
    "Ūdens iela",
    "Kalna iela",
    "Vecā iela",
    "Rūpniecības iela",
    "Krasta iela",
    "Ganību iela",
]
# Rough shares of a declining town's high street; each change picks a status other than the last.
STATUS_WEIGHTS = {
    Status.OCCUPIED: 40,
    Status.VACANT: 25,
    Status.PARTLY_VACANT: 10,
    Status.POPUP: 10,
    Status.LET: 10,
    Status.UNUSABLE: 5,
}
SOURCES = [Source.REGISTER, Source.SURVEY, Source.OWNER, Source.IMPORT]
USES = list(ShopCategory.values)


def seeded(*parts: object) -> random.Random:
    """A generator of its own for each town, so a town's data does not depend on the others."""
    return random.Random("-".join(map(str, (SEED, *parts))))  # noqa: S311 - test data, not secrets


def town_slug(number: int) -> str:
    return f"{benchsupport.BENCH_SLUG_PREFIX}town-{number:03d}"


def town_centre(rng: random.Random) -> tuple[Decimal, Decimal]:
    """Somewhere in Latvia."""
    return (
        Decimal(f"{rng.uniform(56.0, 57.9):.6f}"),
        Decimal(f"{rng.uniform(21.0, 28.0):.6f}"),
    )


def create_town(slug: str, name: str, centre: tuple[Decimal, Decimal]) -> Town:
    town = Town(
        slug=slug,
        name=name,
        country="LV",
        languages=["lv", "en"],
        time_zone="Europe/Riga",
        centre_latitude=centre[0],
        centre_longitude=centre[1],
    )
    town.full_clean()
    town.save()
    return town


def delete_bench_towns(slug_prefix: str) -> int:
    """Delete the benchmark towns whose slug starts with `slug_prefix`, with all their data."""
    if not slug_prefix.startswith(benchsupport.BENCH_SLUG_PREFIX):
        raise ValueError(f"{slug_prefix!r} could match real towns")
    towns = Town.objects.filter(slug__startswith=slug_prefix)
    count = towns.count()
    towns.delete()
    return count


def unit_description(rng: random.Random, number: int, centre: tuple[Decimal, Decimal]) -> dict:
    """The fields a Unit and a UnitRecord share, for one plausible shop unit near `centre`."""
    street = rng.choice(STREETS)
    house_number = str(rng.randint(1, 150)) + rng.choice(["", "", "", "", "a", "b"])
    has_rent = rng.random() < 0.7
    return {
        "external_id": f"U{number:06d}",
        "street": street,
        "house_number": house_number,
        "postcode": f"LV-{rng.randint(1000, 5799)}",
        "display_address": f"{street} {house_number}",
        # Within about 1.5 km of the centre.
        "latitude": (centre[0] + Decimal(f"{rng.uniform(-0.013, 0.013):.6f}")),
        "longitude": (centre[1] + Decimal(f"{rng.uniform(-0.025, 0.025):.6f}")),
        "floor_area_m2": Decimal(f"{rng.uniform(15, 600):.2f}"),
        "frontage_m": Decimal(f"{rng.uniform(3, 25):.2f}") if rng.random() < 0.5 else None,
        "floor": rng.choices(Floor.values, weights=[1, 8, 1])[0],
        "previous_use": rng.choice(["", *USES]),
        "permitted_uses": sorted(rng.sample(USES, rng.randint(0, 3))),
        "condition": rng.choices(Condition.values, weights=[6, 3, 1])[0],
        "step_free_access": rng.random() < 0.4,
        "has_power": rng.random() < 0.9,
        "has_water": rng.random() < 0.7,
        "has_heating": rng.random() < 0.6,
        "asking_rent_cents_per_month": rng.randint(100, 3000) * 100 if has_rent else None,
        "notes": "",
    }


def history(rng: random.Random, changes: int, today: date) -> list[tuple[date, str]]:
    """`changes` (day, status) pairs on distinct days of the ten years before today, in order."""
    first_day = today - timedelta(days=HISTORY_DAYS)
    days = sorted(rng.sample(range(HISTORY_DAYS), changes))
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    entries, previous = [], None
    for offset in days:
        status = previous
        while status == previous:
            status = rng.choices(statuses, weights=weights)[0]
        entries.append((first_day + timedelta(days=offset), status))
        previous = status
    return entries


def add_units(town: Town, rng: random.Random, units: int, changes_per_unit: int, today: date):
    """Give `town` its units and their status histories, in one transaction."""
    centre = (town.centre_latitude, town.centre_longitude)
    with transaction.atomic():
        new_units, histories = [], []
        for number in range(1, units + 1):
            entries = history(rng, changes_per_unit, today)
            histories.append(entries)
            new_units.append(
                Unit(
                    town=town,
                    listed_on=entries[0][0] if entries else today,
                    offered_publicly=rng.random() < 0.2,
                    **unit_description(rng, number, centre),
                )
            )
        # Both backends return the new ids from bulk inserts (SQLite since 3.35).
        Unit.objects.bulk_create(new_units, batch_size=BATCH_SIZE)
        changes = [
            StatusChange(
                unit_id=unit.pk,
                effective_on=day,
                status=status,
                source=rng.choice(SOURCES),
                recorded_at=datetime.combine(day, time(12), tzinfo=UTC),
            )
            for unit, entries in zip(new_units, histories, strict=True)
            for day, status in entries
        ]
        StatusChange.objects.bulk_create(changes, batch_size=BATCH_SIZE)
    return len(new_units), len(changes)


def analyze() -> None:
    """Refresh PostgreSQL's planner statistics, as autovacuum soon would after a bulk load.

    Without this, the first minutes of figures depend on whether autovacuum has got there yet.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def generate(towns: int, units_per_town: int, changes_per_unit: int) -> tuple[int, int]:
    today = date.today()
    total_units = total_changes = 0
    for number in range(1, towns + 1):
        rng = seeded("town", number)
        town = create_town(town_slug(number), f"Bench town {number:03d}", town_centre(rng))
        units, changes = add_units(town, rng, units_per_town, changes_per_unit, today)
        total_units += units
        total_changes += changes
    return total_units, total_changes


def geojson_of_units(
    count: int, centre: tuple[Decimal, Decimal], today: date, seed: object = "import"
) -> bytes:
    """A GeoJSON file of `count` units near `centre`, each with its current status and date."""
    rng = seeded(seed)
    records = []
    for number in range(1, count + 1):
        described = unit_description(rng, number, centre)
        described["permitted_uses"] = tuple(described["permitted_uses"])
        listed_on = today - timedelta(days=rng.randrange(HISTORY_DAYS))
        status_on = listed_on + timedelta(days=rng.randrange((today - listed_on).days + 1))
        records.append(
            UnitRecord(
                row=number,
                **described,
                listed_on=listed_on,
                status=rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0],
                status_on=status_on,
            )
        )
    return write_geojson(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=100)
    parser.add_argument("--units-per-town", type=int, default=1000)
    parser.add_argument("--changes-per-unit", type=int, default=10)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    took, deleted = benchsupport.seconds(
        lambda: delete_bench_towns(f"{benchsupport.BENCH_SLUG_PREFIX}town-")
    )
    if deleted:
        print(f"deleted {deleted} earlier bench towns in {took:.1f} s")
    took, (units, changes) = benchsupport.seconds(
        lambda: generate(args.towns, args.units_per_town, args.changes_per_unit)
    )
    analyzed, _ = benchsupport.seconds(analyze)
    print(
        f"generated {args.towns} towns, {units} units, {changes} status changes "
        f"({benchsupport.database_name()}) in {took:.1f} s"
        + (f" (+ ANALYZE {analyzed:.1f} s)" if connection.vendor == "postgresql" else "")
    )


if __name__ == "__main__":
    main()
