"""Server time of a pop-up round's report (page, PDF, DOCX) and of the town's rounds side by side.

    python bench/round_report.py [--rounds 20] [--popups 40] [--units 400] [--runs 5]

One town of its own (bench-popup-report): `--units` units with ten years of status history (10
changes each, as generate.py makes them) and `--rounds` finished rounds, one a quarter, the
newest ending about three months ago. Each round offers `--popups` of the units with a head lease
each, has 1.5 times as many applications (the rest rejected), a pop-up in every offered unit (8
weeks, or 4 for every other one), an outcome for each (one in four stayed), a grant for each (half
of them paid) and the pop-up days (then "let" or "vacant") in the register. Rows go in with
bulk_create, as in generate.py.

Requests go through Django's test client as a signed-in coordinator, in Latvian (static files
collected into a temporary directory first, as register_pages.py does); each figure is the median
of `--runs` requests after a warm-up that counts the SQL queries and the bytes. Measured: the
newest round's report page, its PDF and DOCX, and the first and last page of the comparison.

Targets: the report page and the comparison under 200 ms, the PDF under 2 s, the DOCX under 1 s.
"""

import argparse
import tempfile
from datetime import UTC, date, datetime, time, timedelta

import benchsupport
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from generate import BATCH_SIZE, add_units, create_town, delete_bench_towns, seeded, town_centre
from register_pages import coordinator_client

from regrow.accounts.models import User
from regrow.popups.choices import ApplicationStatus, PopupCategory, RoundStatus
from regrow.popups.models import (
    Application,
    Grant,
    Outcome,
    OwnerAgreement,
    Round,
    RoundUnit,
    Sublease,
)
from regrow.popups.selectors_report import ROUNDS_PER_PAGE
from regrow.premises.choices import Source, Status
from regrow.premises.models import Owner, StatusChange, Unit

SLUG = f"{benchsupport.BENCH_SLUG_PREFIX}popup-report"
TARGETS_MS = {"page": 200, "compare": 200, "pdf": 2000, "docx": 1000}
PROGRAMME_DAYS = 56
QUARTER_DAYS = 91


def make_round(town, index: int, first: date, units: list[Unit], applicants, owner, rng) -> Round:
    """One finished round of len(units) pop-ups, every row of it."""
    last = first + timedelta(days=PROGRAMME_DAYS - 1)
    round_ = Round.objects.create(
        town=town,
        titles={"lv": f"Pop-up kārta {index + 1}", "en": f"Pop-up round {index + 1}"},
        applications_open_on=first - timedelta(days=60),
        applications_close_on=first - timedelta(days=30),
        programme_starts_on=first,
        programme_ends_on=last,
        grant_budget_cents=len(units) * 100_000,
        max_grant_cents=100_000,
        status=RoundStatus.ALLOCATED,
        enquiries=len(units) * 3,
    )
    offers = RoundUnit.objects.bulk_create(
        [RoundUnit(round=round_, unit=unit, capacity=1) for unit in units], batch_size=BATCH_SIZE
    )
    OwnerAgreement.objects.bulk_create(
        [
            OwnerAgreement(
                round_unit=offer,
                owner=owner,
                intermediary_name="Pašvaldība",
                intermediary_address="Centra laukums 1",
                starts_on=first,
                ends_on=last,
                rent_cents_per_month=rng.randint(100, 400) * 100,
                service_charges_cents_per_month=rng.randint(20, 80) * 100,
                status="signed",
            )
            for offer in offers
        ],
        batch_size=BATCH_SIZE,
    )
    submitted = datetime.combine(first - timedelta(days=40), time(12), tzinfo=UTC)
    applications = Application.objects.bulk_create(
        [
            Application(
                round=round_,
                applicant=applicant,
                business_name=f"Veikals {index + 1}-{number + 1}",
                idea="Vietējie ražojumi.",
                category=rng.choice(PopupCategory.values),
                earliest_start_on=first,
                latest_end_on=last,
                status=(
                    ApplicationStatus.ACCEPTED
                    if number < len(offers)
                    else ApplicationStatus.REJECTED
                ),
                submitted_at=submitted,
            )
            for number, applicant in enumerate(applicants[: len(offers) * 3 // 2])
        ],
        batch_size=BATCH_SIZE,
    )
    subleases = Sublease.objects.bulk_create(
        [
            Sublease(
                application=application,
                round_unit=offer,
                unit=offer.unit,
                starts_on=first,
                ends_on=first + timedelta(days=(PROGRAMME_DAYS if number % 2 else 28) - 1),
                rent_cents_per_month=rng.randint(0, 150) * 100,
                service_charges_cents_per_month=rng.randint(10, 50) * 100,
                status=Sublease.Status.SIGNED,
            )
            for number, (application, offer) in enumerate(zip(applications, offers, strict=False))
        ],
        batch_size=BATCH_SIZE,
    )
    stayed = {sublease.pk for number, sublease in enumerate(subleases) if number % 4 == 0}
    Outcome.objects.bulk_create(
        [
            Outcome(
                sublease=sublease,
                days_open=(sublease.ends_on - sublease.starts_on).days + 1,
                stayed=sublease.pk in stayed,
                stayed_from=sublease.ends_on + timedelta(days=1) if sublease.pk in stayed else None,
            )
            for sublease in subleases
        ],
        batch_size=BATCH_SIZE,
    )
    Grant.objects.bulk_create(
        [
            Grant(
                sublease=sublease,
                amount_cents=rng.randint(100, 1000) * 100,
                purpose=Grant.Purpose.FITTING_OUT,
                status=Grant.Status.PAID if number % 2 else Grant.Status.APPROVED,
                approved_on=first,
                paid_on=first + timedelta(days=14) if number % 2 else None,
            )
            for number, sublease in enumerate(subleases)
        ],
        batch_size=BATCH_SIZE,
    )
    recorded = datetime.combine(first, time(12), tzinfo=UTC)
    changes = []
    for sublease in subleases:
        after = Status.LET if sublease.pk in stayed else Status.VACANT
        changes.append((sublease.unit_id, sublease.starts_on, Status.POPUP))
        changes.append((sublease.unit_id, sublease.ends_on + timedelta(days=1), after))
    StatusChange.objects.bulk_create(
        [
            StatusChange(
                unit_id=unit_id,
                effective_on=day,
                status=status,
                source=Source.POPUP_PROGRAMME,
                recorded_at=recorded,
            )
            for unit_id, day, status in changes
        ],
        batch_size=BATCH_SIZE,
    )
    return round_


def delete_town() -> None:
    """The town of an earlier run, with its rounds: grants and pop-ups first, which protect the
    rows they point at."""
    Grant.objects.filter(sublease__round_unit__round__town__slug=SLUG).delete()
    Sublease.objects.filter(round_unit__round__town__slug=SLUG).delete()
    Round.objects.filter(town__slug=SLUG).delete()
    delete_bench_towns(SLUG)


def build(rounds: int, popups: int, units: int) -> list[Round]:
    delete_town()
    rng = seeded(SLUG)
    town = create_town(SLUG, "Bench pop-up report town", town_centre(rng))
    today = town.today()
    add_units(town, rng, units, 10, today)
    all_units = list(Unit.objects.filter(town=town).order_by("id"))
    owner = Owner.objects.create(town=town, name="Bench owner")
    User.objects.filter(email__endswith="@popup-report.bench").delete()
    applicants = User.objects.bulk_create(
        [
            # "!" is Django's unusable password: nobody signs in as these applicants.
            User(email=f"applicant{number}@popup-report.bench", password="!")  # noqa: S106
            for number in range(popups * 3 // 2)
        ]
    )
    made = []
    with transaction.atomic():
        for index in range(rounds):
            first = today - timedelta(days=150 + (rounds - 1 - index) * QUARTER_DAYS)
            chosen = rng.sample(all_units, popups)
            made.append(make_round(town, index, first, chosen, applicants, owner, rng))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return made


def measure(client, label: str, url: str, runs: int, target: int) -> None:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)  # the warm-up
    queries = len(captured)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    median = benchsupport.median_ms(lambda: client.get(url), runs)
    verdict = "met" if median < target else "NOT MET"
    print(
        f"{label:<32} {median:8.1f} ms  {queries:3d} queries  "
        f"{len(response.content) / 1000:7.1f} kB  (target < {target} ms: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--popups", type=int, default=40, help="pop-ups (offered units) a round")
    parser.add_argument("--units", type=int, default=400, help="units of the town")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    seconds, rounds = benchsupport.seconds(lambda: build(args.rounds, args.popups, args.units))
    print(
        f"town {SLUG}: {args.units:,} units, {len(rounds)} rounds of {args.popups} pop-ups "
        f"({connection.vendor}), made in {seconds:.1f} s"
    )
    newest = rounds[-1]
    pages = -(-len(rounds) // ROUNDS_PER_PAGE)
    base = f"/lv/{SLUG}/popup-rounds"
    with tempfile.TemporaryDirectory(prefix="regrow-bench-static-") as static_root:
        settings.STATIC_ROOT = static_root
        call_command("collectstatic", interactive=False, verbosity=0)
        client = coordinator_client()
        measure(client, "report page", f"{base}/{newest.pk}/report/", args.runs, TARGETS_MS["page"])
        measure(
            client, "report PDF", f"{base}/{newest.pk}/report.pdf", args.runs, TARGETS_MS["pdf"]
        )
        measure(
            client, "report DOCX", f"{base}/{newest.pk}/report.docx", args.runs, TARGETS_MS["docx"]
        )
        measure(
            client, "comparison, first page", f"{base}/compare/", args.runs, TARGETS_MS["compare"]
        )
        measure(
            client,
            f"comparison, page {pages}",
            f"{base}/compare/?page={pages}",
            args.runs,
            TARGETS_MS["compare"],
        )


if __name__ == "__main__":
    main()
