"""Server time of the register's heaviest reads, for a town of 2,000 units with 10 years of history.

    python bench/register_pages.py [--units 2000] [--changes-per-unit 10]

Each figure is the median of 5 runs after one warm-up run, which also counts the SQL queries
(counting is kept out of the timed runs: it copies every query). The public map data goes
through Django's test client, so middleware and JSON rendering are included (ALLOWED_HOSTS must
include "testserver"; benchsupport makes that the default).

Target: the 10-year monthly vacancy series under 200 ms.
"""

import argparse
from datetime import date

import benchsupport
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from generate import add_units, create_town, delete_bench_towns, seeded, town_centre

from regrow.premises.selectors import Scope, register_units, vacancy_series

TOWN_SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}register"
SERIES_TARGET_MS = 200


def ten_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 10)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 10, day=28)


def measure(label: str, run, describe, target_ms: float | None = None) -> None:
    """Print the median time of `run()` and the queries it made; `describe` tells what it got."""
    with CaptureQueriesContext(connection) as queries:
        result = run()  # the warm-up
    # Read the count now: the timed requests below empty the query log the capture points into.
    query_count = len(queries)
    median = benchsupport.median_ms(run)
    target = ""
    if target_ms is not None:
        verdict = "met" if median < target_ms else "NOT MET"
        target = f" (target < {target_ms:g} ms: {verdict})"
    print(
        f"{label} ({benchsupport.database_name()}): {median:.1f} ms, "
        f"{query_count} queries, {describe(result)}{target}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--changes-per-unit", type=int, default=10)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    delete_bench_towns(TOWN_SLUG)
    rng = seeded(TOWN_SLUG)
    town = create_town(TOWN_SLUG, "Bench register town", town_centre(rng))
    today = town.today()
    units, changes = add_units(town, rng, args.units, args.changes_per_unit, today)
    print(f"town {town.slug}: {units} units, {changes} status changes")

    client = Client()
    url = f"/en/{town.slug}/map/units.geojson"

    def map_data_described(response) -> str:
        if response.status_code != 200:
            raise SystemExit(f"GET {url} answered {response.status_code}; is ALLOWED_HOSTS right?")
        offered = len(response.json()["features"])
        return f"{offered} units offered, {len(response.content) / 1000:.0f} kB"

    measure(
        "register list",
        lambda: list(register_units(town, today)),
        lambda units: f"{len(units)} units",
    )
    measure("public map data", lambda: client.get(url), map_data_described)
    measure(
        "10-year monthly vacancy series",
        lambda: vacancy_series(Scope(town), ten_years_before(today), today),
        lambda series: f"{len(series)} months",
        target_ms=SERIES_TARGET_MS,
    )


if __name__ == "__main__":
    main()
