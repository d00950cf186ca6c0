"""Seeded, realistic rounds for the benchmark and the tests (and demo data later).

Units of 16-110 m² at roughly €150-470 a month on a few streets per zone; applications with
jury scores around 6 of 10, a category, space and rent needs, wanted units, dates and grants.
Up to 200 units the round is one town: zones are districts and most applicants take any.
Above, it is a national programme: each zone is a town and applicants apply in their own.
"""

import random

from .model import Application, Problem, Round, Unit

CATEGORIES = (
    ("food", 5),
    ("fashion", 4),
    ("crafts", 4),
    ("art", 3),
    ("vintage", 3),
    ("books", 2),
    ("services", 2),
    ("kids", 2),
    ("health", 1),
    ("tech", 1),
)


def generate(applications: int, units: int, weeks: int, *, seed: int = 0) -> Problem:
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    names = [name for name, _w in CATEGORIES]
    weights = [w for _n, w in CATEGORIES]
    national = units > 200
    zone_count = max(1, units // 10) if national else max(1, units // 20)
    zones = [f"z{z}" for z in range(zone_count)]
    unit_list = []
    for i in range(units):
        zone = zones[i % zone_count]
        area = round(rng.uniform(16, 110), 1)
        rent = int(min(470, max(150, 100 + area * 3.4 + rng.gauss(0, 30)))) * 100
        available = None
        if rng.random() < 0.2:
            cut = rng.randint(1, max(1, weeks // 3))
            available = frozenset(range(cut, weeks) if rng.random() < 0.5 else range(weeks - cut))
        unit_list.append(
            Unit(
                id=f"u{i}",
                area_m2=area,
                rent_cents_per_month=rent,
                street=f"{zone}-s{rng.randrange(3)}",
                zone=zone,
                allowed_categories=(
                    frozenset(rng.sample(names, rng.randint(3, 6))) if rng.random() < 0.3 else None
                ),
                capacity=rng.choices((1, 2, 3), (85, 12, 3))[0],
                available_weeks=available,
            )
        )
    units_by_zone: dict[str, list[Unit]] = {}
    for unit in unit_list:
        units_by_zone.setdefault(unit.zone, []).append(unit)
    application_list = []
    for i in range(applications):
        home = zones[i % zone_count] if national else rng.choice(zones)
        accepted = frozenset({home}) if national or rng.random() < 0.3 else None
        pool = units_by_zone[home]
        shortest = rng.randint(2, max(2, min(4, weeks // 2)))
        first = 0 if rng.random() < 0.6 else rng.randint(0, weeks - shortest)
        last = weeks - 1 if rng.random() < 0.6 else rng.randint(first + shortest - 1, weeks - 1)
        application_list.append(
            Application(
                id=f"a{i}",
                score=round(min(10.0, max(0.5, rng.gauss(6.0, 1.8))), 2),
                category=rng.choices(names, weights)[0],
                min_area_m2=0.0 if rng.random() < 0.5 else round(rng.uniform(15, 60)),
                max_rent_cents_per_month=None if rng.random() < 0.4 else rng.randint(2, 5) * 10000,
                preferred_units=tuple(
                    u.id for u in rng.sample(pool, min(len(pool), rng.randint(0, 3)))
                ),
                earliest_start_week=first,
                latest_end_week=last,
                min_weeks=shortest,
                max_weeks=shortest + rng.randint(0, 4),
                grant_cents=rng.randint(6, 40) * 5000,
                zones=accepted,
            )
        )
    requested = sum(a.grant_cents for a in application_list)
    round_ = Round(
        weeks=weeks,
        budget_cents=int(requested * 0.55),
        max_per_category_per_street=2,
        preference_bonus=0.3,
    )
    return Problem(round=round_, units=tuple(unit_list), applications=tuple(application_list))


TOWN_CATEGORIES = ("food", "fashion", "crafts", "beauty", "services", "culture", "other")
TOWN_STREETS = 6


def generate_town(applications: int, units: int, weeks: int, *, seed: int = 0) -> Problem:
    """A round as the app builds one (bench/allocation_pages.py's shape): integer scores 0-10
    from one juror, six streets with at most three shops of a category per street and week,
    each unit's own stays (2 weeks up to the round), places for 1-2 pop-ups, rent and area
    misfits passed as forbidden pairs, random earliest starts, grants of 0, 500 or 1,000 €."""
    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    unit_list, rents = [], []
    for i in range(units):
        unit_list.append(
            Unit(
                id=f"u{i}",
                area_m2=float(rng.randint(15, 120)),
                # The rent a stay reaches is checked per pair and forbidden there, as the app does.
                rent_cents_per_month=0,
                street=f"s{i % TOWN_STREETS}",
                capacity=rng.choice((1, 1, 1, 2)),
                min_weeks=2,
                max_weeks=weeks,
            )
        )
        rents.append(rng.randint(5, 40) * 1000)
    application_list, forbids = [], []
    for i in range(applications):
        min_area = rng.choice((0, 10, 20, 40))
        max_rent = rng.choice((None, 30_000, 50_000))
        for unit, rent in zip(unit_list, rents, strict=True):
            if unit.area_m2 < min_area or (max_rent is not None and rent > max_rent):
                forbids.append((f"a{i}", unit.id))
        application_list.append(
            Application(
                id=f"a{i}",
                score=float(rng.randint(0, 10)),
                category=rng.choice(TOWN_CATEGORIES),
                earliest_start_week=rng.randint(0, max(0, weeks - 2)),
                min_weeks=min(2, weeks),
                max_weeks=max(min(2, weeks), rng.randint(2, max(2, weeks))),
                grant_cents=rng.choice((0, 50_000, 100_000)),
            )
        )
    round_ = Round(
        weeks=weeks,
        budget_cents=applications * 40_000,
        max_per_category_per_street=3,
        preference_bonus=0.5,
    )
    return Problem(
        round=round_,
        units=tuple(unit_list),
        applications=tuple(application_list),
        forbids=tuple(forbids),
    )
