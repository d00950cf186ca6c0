"""Server time, size and queries of a meeting's minutes as DOCX and PDF.

    python bench/meeting_minutes.py [--items 30] [--minutes-chars 1200] [--runs 5]

A network of its own (bench-minutes-network) of 30 partner towns (bench-minutes-town-01 …, the
first hosting), and one meeting over 2 days with `--items` agenda items a day, each with long
minutes (`--minutes-chars`, default 1,200 characters, in paragraphs of about 300: a page of
the PDF holds some 3,500), 60 decisions (what, who, by when), 20 site
visit stops at units of the host town's register with notes, and registrations from all 30
partners (three people each). Requests go through Django's test client as a signed-in superuser,
in Latvian; each figure is the median of `--runs` requests after a warm-up that counts the SQL
queries and the bytes. The time is then split: reading and building the document, and the
renderer alone (WeasyPrint or python-docx) on the built document.

Target: either file in under 2 s.
"""

import argparse
from datetime import date, time, timedelta
from decimal import Decimal

import benchsupport
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from generate import create_town, delete_bench_towns, seeded, town_centre
from register_pages import coordinator_client

from regrow.lib import documents
from regrow.network.minutes_document import minutes_document
from regrow.network.models import (
    AgendaItem,
    Decision,
    Meeting,
    Network,
    Partner,
    Registration,
    SiteVisitStop,
)
from regrow.premises.models import Unit

PREFIX = f"{benchsupport.BENCH_SLUG_PREFIX}minutes"
NETWORK_SLUG = f"{PREFIX}-network"
TARGET_MS = 2000
RENDERERS = {"docx": documents.render_docx, "pdf": documents.render_pdf}
PARTNERS, DECISIONS, STOPS = 30, 60, 20
FIRST_DAY = date(2019, 1, 31)

PARAGRAPH = (
    "Partneri apsprieda tukšo telpu karti un to, kā uzrunāt īpašniekus, kuri dzīvo citur. "
    "Alūksnes pieredze rāda, ka pirmā saruna notiek klātienē, bet līgumu palīdz sagatavot "
    "pašvaldības jurists. Nākamajā sanāksmē katrs partneris ziņos par saviem pirmajiem soļiem "
    "un par to, kas izdevās un kas ne."
)  # about 300 characters


def minutes_text(chars: int) -> str:
    paragraphs = max(1, round(chars / len(PARAGRAPH)))
    return "\n\n".join(PARAGRAPH for _ in range(paragraphs))


def build(items_per_day: int, minutes_chars: int) -> Meeting:
    Meeting.objects.filter(network__slug=NETWORK_SLUG).delete()  # before the partners it protects
    Network.objects.filter(slug=NETWORK_SLUG).delete()
    delete_bench_towns(f"{PREFIX}-town-")
    rng = seeded(PREFIX)
    towns = [
        create_town(f"{PREFIX}-town-{n:02d}", f"Bench minutes town {n}", town_centre(rng))
        for n in range(1, PARTNERS + 1)
    ]
    network = Network.objects.create(
        slug=NETWORK_SLUG, names={"en": "Bench network", "lv": "Tīkls"}, country="LV"
    )
    partners = Partner.objects.bulk_create(Partner(network=network, town=town) for town in towns)
    host = partners[0]
    meeting = Meeting.objects.create(
        network=network,
        kind=Meeting.Kind.TRANSNATIONAL,
        host=host,
        titles={"lv": "Sākuma sanāksme", "en": "Kick-off meeting"},
        starts_on=FIRST_DAY,
        ends_on=FIRST_DAY + timedelta(days=1),
        place_name="Jaunā pils",
        address="Pils iela 74",
    )
    minutes = minutes_text(minutes_chars)
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            day=day,
            starts_at=time(8 + n // 4, (n % 4) * 15),
            duration_minutes=15,
            titles={"lv": f"Punkts {n + 1}: partneru pieredze", "en": f"Item {n + 1}"},
            presenter="Arnis Lasmanis",
            order=n,
            minutes=minutes,
        )
        for day in meeting.days()
        for n in range(items_per_day)
    )
    Decision.objects.bulk_create(
        Decision(
            meeting=meeting,
            agenda_item=items[n % len(items)],
            text=f"Lēmums {n + 1}: sagatavot tukšo telpu sarakstu un uzrunāt īpašniekus",
            responsible=f"Partneris {n % PARTNERS + 1}",
            due_on=FIRST_DAY + timedelta(days=30 + n),
            order=n,
        )
        for n in range(DECISIONS)
    )
    centre = (towns[0].centre_latitude, towns[0].centre_longitude)
    units = Unit.objects.bulk_create(
        Unit(
            town=towns[0],
            external_id=f"stop-{n}",
            street="Pils iela",
            house_number=str(n + 1),
            display_address=f"Pils iela {n + 1}",
            latitude=centre[0] + Decimal(n) / 2000,
            longitude=centre[1] + Decimal(n) / 2000,
            floor_area_m2=Decimal("50.00"),
        )
        for n in range(STOPS)
    )
    SiteVisitStop.objects.bulk_create(
        SiteVisitStop(
            meeting=meeting,
            unit=unit,
            order=n,
            day=meeting.ends_on,
            visited_at=time(9 + n // 4, (n % 4) * 15),
            notes=PARAGRAPH,
        )
        for n, unit in enumerate(units)
    )
    Registration.objects.bulk_create(
        Registration(meeting=meeting, partner=partner, name=f"Dalībnieks {n}")
        for partner in partners
        for n in range(3)
    )
    return meeting


def measure(client: Client, meeting: Meeting, fmt: str, runs: int) -> None:
    url = f"/lv/{NETWORK_SLUG}/members/meetings/{meeting.pk}/minutes.{fmt}"
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)  # the warm-up
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")
    queries = len(captured)
    median = benchsupport.median_ms(lambda: client.get(url), runs)
    loaded = Meeting.objects.select_related("network", "host__town").get(pk=meeting.pk)
    build_ms = benchsupport.median_ms(lambda: minutes_document(loaded, "lv"), runs)
    document = minutes_document(loaded, "lv")
    render_ms = benchsupport.median_ms(lambda: RENDERERS[fmt](document), runs)
    verdict = "met" if median < TARGET_MS else "NOT MET"
    print(
        f"{fmt.upper():<5} {median:8.1f} ms  {queries:3d} queries  "
        f"{len(response.content) / 1000:7.1f} kB  (build {build_ms:6.1f} ms, "
        f"render {render_ms:7.1f} ms; target < {TARGET_MS} ms: {verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--minutes-chars", type=int, default=1200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    benchsupport.refuse_unless_bench_database()
    seconds, meeting = benchsupport.seconds(lambda: build(args.items, args.minutes_chars))
    print(
        f"meeting of 2 days x {args.items} items with {args.minutes_chars:,} characters of "
        f"minutes each, {DECISIONS} decisions, {STOPS} stops, "
        f"{PARTNERS} partners ({connection.vendor}), made in {seconds:.1f} s"
    )
    client = coordinator_client()
    for fmt in RENDERERS:
        measure(client, meeting, fmt, args.runs)


if __name__ == "__main__":
    main()
