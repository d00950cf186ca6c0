"""Server time and queries of a pop-up round's allocation: the page, its status answer, the
solve done by the worker (request to stored plan) and the confirmation.

    python bench/allocation_pages.py [--applications 300] [--units 60] [--weeks 8]

Makes a town (bench-allocation) with that many offered units and submitted applications,
scored by one juror, then: asks for a proposal and runs the queued task as `regrow worker`
does; measures the allocation page (first page of the plan and of the left-out list) and the
status answer as a signed-in coordinator through Django's test client (median of 5 after a
warm-up); and confirms the plan (subleases, register days, e-mails to the console backend).
"""

import argparse
import random
import tempfile
from datetime import timedelta
from decimal import Decimal

import benchsupport
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from generate import create_town, delete_bench_towns, seeded, town_centre
from register_pages import coordinator_client

from regrow.accounts.models import User
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    AllocationRun,
    Application,
    Criterion,
    RentPhase,
    Round,
    RoundJuror,
    RoundUnit,
    Score,
    Sublease,
)
from regrow.popups.services import allocation as service
from regrow.premises.models import Unit

SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}allocation"
PAGE_TARGET_MS = 200
CATEGORIES = ["food", "fashion", "crafts", "beauty", "services", "culture", "other"]
STREETS = ["Pils iela", "Dārza iela", "Rīgas iela", "Tirgotāju iela", "Ezera iela", "Brūža iela"]


def make_round(rng: random.Random, applications: int, units: int, weeks: int) -> Round:
    # Offered units protect the register's units: the rounds go first.
    Sublease.objects.filter(round_unit__round__town__slug=SLUG).delete()
    Round.objects.filter(town__slug=SLUG).delete()
    delete_bench_towns(SLUG)
    centre = town_centre(rng)
    town = create_town(SLUG, "Bench allocation town", centre)
    today = town.today()
    round_ = Round.objects.create(
        town=town,
        titles={"lv": "Bench", "en": "Bench"},
        applications_open_on=today - timedelta(days=60),
        applications_close_on=today - timedelta(days=1),
        programme_starts_on=today + timedelta(days=14),
        programme_ends_on=today + timedelta(days=14 + 7 * weeks - 1),
        grant_budget_cents=applications * 40_000,
        max_grant_cents=100_000,
        max_same_category_per_street=3,
        status=RoundStatus.CLOSED,
    )
    for n in range(units):
        unit = Unit.objects.create(
            town=town,
            external_id=f"B-{n}",
            street=STREETS[n % len(STREETS)],
            house_number=str(n + 1),
            display_address=f"{STREETS[n % len(STREETS)]} {n + 1}",
            latitude=centre[0] + Decimal(f"{rng.uniform(-0.005, 0.005):.6f}"),
            longitude=centre[1] + Decimal(f"{rng.uniform(-0.01, 0.01):.6f}"),
            floor_area_m2=Decimal(rng.randint(15, 120)),
            listed_on=today - timedelta(days=400),
        )
        offer = RoundUnit.objects.create(
            round=round_,
            unit=unit,
            min_stay_weeks=2,
            max_stay_weeks=weeks,
            capacity=rng.choice([1, 1, 1, 2]),
        )
        RentPhase.objects.create(
            round_unit=offer, starts_at=1, amount_cents=rng.randint(5, 40) * 1000
        )
    criterion = Criterion.objects.create(round=round_, names={"en": "Idea"})
    User.objects.filter(email__endswith=f"@{SLUG}.example.org").delete()
    juror_user = User.objects.create_user(email=f"juror@{SLUG}.example.org", password=None)
    juror = RoundJuror.objects.create(round=round_, user=juror_user)
    people = User.objects.bulk_create(
        User(email=f"applicant{n}@{SLUG}.example.org") for n in range(applications)
    )
    rows = []
    for n, person in enumerate(people):
        first = rng.randint(0, weeks - 2)
        rows.append(
            Application(
                round=round_,
                applicant=person,
                business_name=f"Shop {n}",
                idea="Bench",
                category=rng.choice(CATEGORIES),
                min_area_m2=Decimal(rng.choice([0, 10, 20, 40])),
                max_rent_cents_per_month=rng.choice([None, 30_000, 50_000]),
                earliest_start_on=round_.programme_starts_on + timedelta(days=7 * first),
                latest_end_on=round_.programme_ends_on,
                min_stay_weeks=2,
                max_stay_weeks=rng.randint(2, weeks),
                requested_grant_cents=rng.choice([0, 50_000, 100_000]),
                status=ApplicationStatus.SUBMITTED,
            )
        )
    saved = Application.objects.bulk_create(rows)
    Score.objects.bulk_create(
        Score(application=a, juror=juror, criterion=criterion, value=rng.randint(0, 10))
        for a in saved
    )
    return round_


def measure(client: Client, label: str, url: str) -> None:
    response = client.get(url)  # the warm-up; the page's queries are bounded by its tests
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    median = benchsupport.median_ms(lambda: client.get(url))
    verdict = "met" if median < PAGE_TARGET_MS else "NOT MET"
    print(
        f"{label:<34} {median:7.1f} ms  "
        f"{len(response.content) / 1000:6.1f} kB (target < {PAGE_TARGET_MS} ms: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--units", type=int, default=60)
    parser.add_argument("--weeks", type=int, default=8)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    rng = seeded(SLUG, args.applications, args.units)
    round_ = make_round(rng, args.applications, args.units, args.weeks)
    coordinator = benchsupport.bench_user()
    print(
        f"{args.applications} applications x {args.units} units x {args.weeks} weeks "
        f"({connection.vendor})"
    )
    elapsed, run = benchsupport.seconds(lambda: service.run_request(round_=round_, by=coordinator))
    print(f"{'propose (request only)':<34} {elapsed * 1000:7.1f} ms")
    elapsed, _ = benchsupport.seconds(lambda: service.run_solve(run.pk))
    run.refresh_from_db()
    result = run.result
    print(
        f"{'solve + reasons in the worker':<34} {elapsed:7.2f} s   status {result['status']}, "
        f"gap {100 * (result['gap'] or 0):.2f} %, {len(result['placements'])} placed, "
        f"{len(result['left_out'])} left out"
    )
    client = coordinator_client()
    base = f"/en/{SLUG}/popup-rounds/{round_.pk}/allocation/"
    with tempfile.TemporaryDirectory(prefix="regrow-bench-static-") as static_root:
        settings.STATIC_ROOT = static_root
        call_command("collectstatic", interactive=False, verbosity=0)
        measure(client, "allocation page", base)
        measure(client, "allocation page, last page", base + "?page=999")
        measure(client, "status answer", base + "status/")
    round_.refresh_from_db()
    elapsed, subleases = benchsupport.seconds(
        lambda: service.run_confirm(run=run, by=coordinator, round_version=round_.version)
    )
    print(f"{'confirm':<34} {elapsed * 1000:7.1f} ms  {len(subleases)} subleases")
    if AllocationRun.objects.get(pk=run.pk).state != AllocationRun.State.CONFIRMED:
        raise SystemExit("the run was not confirmed")


if __name__ == "__main__":
    main()
