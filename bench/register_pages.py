"""Server time, bytes and queries of the register's pages at 200, 2,000 and 20,000 units.

    python bench/register_pages.py [--units 200,2000,20000] [--changes-per-unit 10]

Each size gets a town of its own (bench-register-200, …): that many units, 10 status changes
each over ten years, one unit in five offered publicly. Every page is requested through Django's
test client as a signed-in coordinator, so middleware, templates and JSON are included (static
files are collected into a temporary directory first, as production serves them;
ALLOWED_HOSTS must include "testserver", which benchsupport makes the default). Each figure is
the median of 5 requests after one warm-up request, which also counts the SQL queries and the
bytes (counting is kept out of the timed runs: it copies every query). The map data is
measured as a browser gets it, gzipped, with its size before compression too.

Targets: every page under 100 ms at 20,000 units; the 10-year monthly vacancy series (read by
the selector, no page around it) under 200 ms.
"""

import argparse
import math
import tempfile
from datetime import date

import benchsupport
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from generate import add_units, create_town, delete_bench_towns, seeded, town_centre

from regrow.premises.listing import PAGE_SIZE
from regrow.premises.selectors import Scope, vacancy_series

SLUG_PREFIX = f"{benchsupport.BENCH_SLUG_PREFIX}register"
PAGE_TARGET_MS = 100
PAGE_TARGET_UNITS = 20_000
SERIES_TARGET_MS = 200
# Coordinators must have an authenticator app; the benchmark's user gets one (never used).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - a benchmark's, signs nothing in


def ten_years_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 10)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 10, day=28)


def vacuum() -> None:
    """On PostgreSQL, what autovacuum soon does after a bulk load: refresh the planner's
    statistics and the visibility map (without which no scan reads an index alone)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE) premises_unit, premises_statuschange")


def coordinator_client() -> Client:
    user = benchsupport.bench_user()
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, TOTP_SECRET)
    client = Client()
    client.force_login(user)
    return client


def report(units: int, label: str, median: float, queries: int, size: str, target=None) -> None:
    verdict = ""
    if target is not None:
        verdict = f" (target < {target:g} ms: {'met' if median < target else 'NOT MET'})"
    print(f"{units:>6,} units  {label:<28} {median:7.1f} ms  {queries:3d} queries  {size}{verdict}")


def measure_page(client: Client, units: int, label: str, url: str, **headers) -> None:
    """Print the median server time of GET `url`, its queries and its bytes."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)  # the warm-up
    # Read the count now: the timed requests below empty the query log the capture points into.
    queries = len(captured)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}; is ALLOWED_HOSTS right?")
    median = benchsupport.median_ms(lambda: client.get(url, headers=headers))
    size = f"{len(response.content) / 1000:7.1f} kB"
    if response.get("Content-Encoding") == "gzip":
        plain = client.get(url)
        size += f" gzipped ({len(plain.content) / 1000:.1f} kB as JSON)"
    target = PAGE_TARGET_MS if units >= PAGE_TARGET_UNITS else None
    report(units, label, median, queries, size, target)


def measure_sizes(client: Client, sizes: list[int], changes_per_unit: int) -> None:
    for units in sizes:
        slug = f"{SLUG_PREFIX}-{units}"
        delete_bench_towns(slug)
        rng = seeded(slug)
        town = create_town(slug, f"Bench register town of {units}", town_centre(rng))
        today = town.today()
        _units, changes = add_units(town, rng, units, changes_per_unit, today)
        vacuum()
        print(f"town {slug}: {units:,} units, {changes:,} status changes ({connection.vendor})")
        last = max(1, math.ceil(units / PAGE_SIZE))
        pages = [
            ("register, first page", f"/en/{slug}/register/"),
            ("register, last page", f"/en/{slug}/register/?page={last}"),
            ("register, filtered", f"/en/{slug}/register/?status=vacant&street=Pils+iela"),
            ("vacancy page", f"/en/{slug}/register/vacancy/"),
            ("API unit list, first page", f"/api/towns/{slug}/units"),
            ("API unit list, last page", f"/api/towns/{slug}/units?page={last}"),
            ("public map data", f"/en/{slug}/map/units.geojson"),
        ]
        for label, url in pages:
            measure_page(client, units, label, url)
        measure_page(
            client, units, "register map data", f"/en/{slug}/register/map/", accept_encoding="gzip"
        )
        scope, first = Scope(town), ten_years_before(today)
        with CaptureQueriesContext(connection) as captured:
            series = vacancy_series(scope, first, today)
        median = benchsupport.median_ms(lambda: vacancy_series(scope, first, today))  # noqa: B023
        months = f"{len(series)} months"
        report(units, "10-year monthly series", median, len(captured), months, SERIES_TARGET_MS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", default="200,2000,20000", help="sizes, comma-separated")
    parser.add_argument("--changes-per-unit", type=int, default=10)
    args = parser.parse_args()
    sizes = [int(size) for size in args.units.split(",")]
    benchsupport.refuse_unless_bench_database()
    with tempfile.TemporaryDirectory(prefix="regrow-bench-static-") as static_root:
        settings.STATIC_ROOT = static_root
        call_command("collectstatic", interactive=False, verbosity=0)
        measure_sizes(coordinator_client(), sizes, args.changes_per_unit)


if __name__ == "__main__":
    main()
