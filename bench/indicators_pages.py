"""Server time of the indicator pages: a town's dashboard of its 8 indicators, one indicator
compared across 8 towns over 50 years (the page, the API, a download), the public section.

    python bench/indicators_pages.py [--towns 8] [--years 50] [--units 400] [--runs 5]

`--towns` bench towns (bench-indicators-pages-…) in one network, each with `--years` years of
population, population aged 15-29, net migration, enterprises and registered unemployment up to
last year, 60 months of footfall, and a register of `--units` units with ten years of status
history (as generate.py makes them), so the vacancy rate is computed live from it; the pop-up
conversion rate is computed too (no pop-ups: its queries all the same).

Requests go through Django's test client in Latvian: the dashboard, the indicator page and the
API as a signed-in coordinator (superuser), the public section as an anonymous reader with the
page cache emptied before each request (what a reader gets when the cache has not got it). Each
figure is the median of `--runs` requests after a warm-up that counts the SQL queries.

Target (issue 14): the dashboard and the comparison under 100 ms each.
"""

import argparse
import random
import tempfile

import benchsupport
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from generate import add_units, create_town, delete_bench_towns, seeded, town_centre
from register_pages import coordinator_client

from regrow.indicators import services
from regrow.indicators.standard import ensure_standard_indicators
from regrow.network.models import Network, Partner

SLUG_PREFIX = f"{benchsupport.BENCH_SLUG_PREFIX}indicators-pages-"
NETWORK_SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}indicators-network"
TARGET_MS = 100
YEARLY = {
    # code: (value in the first year, yearly change as a fraction, noise)
    "population": (30_000, -0.012, 0),
    "population_15_29": (6_000, -0.02, 40),
    "enterprises": (1_500, -0.004, 15),
}


def town_rows(slug: str, rng: random.Random, first: int, last: int) -> list[str]:
    rows = []
    for code, (start, change, noise) in YEARLY.items():
        for year in range(first, last + 1):
            value = round(start * (1 + change) ** (year - first) + rng.randint(-noise, noise))
            rows.append(f"{slug},{code},{year},{value},,Bench")
    for year in range(first, last + 1):
        rows.append(f"{slug},net_migration,{year},{rng.randint(-400, 50)},,Bench")
        rows.append(f"{slug},registered_unemployment,{year},{rng.uniform(3, 15):.1f},,Bench")
    for month in range(60):
        period = f"{last - 4 + month // 12}-{month % 12 + 1:02d}"
        rows.append(f"{slug},footfall,{period},{rng.randint(800, 2500)},,Bench")
    return rows


def build(towns: int, years: int, units: int):
    delete_bench_towns(SLUG_PREFIX)
    Network.objects.filter(slug=NETWORK_SLUG).delete()
    ensure_standard_indicators()
    network = Network.objects.create(slug=NETWORK_SLUG, names={"en": "Bench network"})
    user = benchsupport.bench_user()
    made = []
    for number in range(towns):
        rng = seeded("indicators-pages", number)
        town = create_town(f"{SLUG_PREFIX}{number}", f"Bench town {number}", town_centre(rng))
        Partner.objects.create(network=network, town=town)
        today = town.today()
        add_units(town, rng, units, 10, today)
        last = today.year - 1
        rows = town_rows(town.slug, rng, last - years + 1, last)
        data = ("town,indicator,period,value,flags,source\n" + "\n".join(rows) + "\n").encode()
        services.observations_import(
            data=data,
            filename=f"{town.slug}.csv",
            options=services.ImportOptions(file_format="csv"),
            by=user,
        )
        made.append(town)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return made


def measure(client: Client, label: str, url: str, runs: int, target=TARGET_MS, cold=False):
    """Print the median server time of GET `url` and its queries; `cold` empties the page
    cache before every request."""
    page_cache = caches[getattr(settings, "REGROW_PAGE_CACHE", "default")]

    def get():
        if cold:
            page_cache.clear()
        return client.get(url)

    with CaptureQueriesContext(connection) as captured:
        response = get()  # the warm-up
    queries = len(captured)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    median = benchsupport.median_ms(get, runs)
    verdict = ""
    if target is not None:
        verdict = f"  (target < {target} ms: {'met' if median < target else 'NOT MET'})"
    print(
        f"{label:<44} {median:7.1f} ms  {queries:3d} queries  "
        f"{len(response.content) / 1000:7.1f} kB{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=8)
    parser.add_argument("--years", type=int, default=50)
    parser.add_argument("--units", type=int, default=400, help="units of each town's register")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    seconds, towns = benchsupport.seconds(lambda: build(args.towns, args.years, args.units))
    print(
        f"{args.towns} towns x {args.years} years, {args.units} units each "
        f"({connection.vendor}), made in {seconds:.1f} s"
    )
    town = towns[0]
    others = "&".join(f"towns={other.slug}" for other in towns[1:])
    page = f"/lv/{town.slug}/indicators"
    api = f"/api/towns/{town.slug}/indicators/population/comparison"
    with tempfile.TemporaryDirectory(prefix="regrow-bench-static-") as static_root:
        settings.STATIC_ROOT = static_root
        call_command("collectstatic", interactive=False, verbosity=0)
        client = coordinator_client()
        measure(client, "dashboard, 8 indicators", f"{page}/dashboard/", args.runs)
        comparison = f"{page}/population/?{others}"
        measure(client, f"comparison, {args.towns} towns, absolute", comparison, args.runs)
        measure(
            client,
            f"comparison, {args.towns} towns, indexed",
            f"{comparison}&mode=indexed&base=2000",
            args.runs,
        )
        measure(
            client,
            f"comparison, {args.towns} towns, per 1,000",
            f"{page}/enterprises/?{others}&mode=per_1000",
            args.runs,
        )
        measure(
            client,
            f"comparison, {args.towns} towns, vacancy (live)",
            f"{page}/vacancy_rate/?{others}",
            args.runs,
            target=None,
        )
        measure(client, "comparison API, indexed", f"{api}?{others}&mode=indexed", args.runs)
        download = f"{page}/population/data.csv?{others}&mode=indexed"
        measure(client, "comparison as CSV", download, args.runs, target=None)
        picture = f"{page}/population/chart.png?{others}&mode=indexed"
        measure(client, "comparison as PNG", picture, args.runs, target=None)
        anonymous = Client()
        measure(anonymous, "public section (page cache empty)", f"{page}/", args.runs, cold=True)


if __name__ == "__main__":
    main()
