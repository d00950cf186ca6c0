"""A meeting's documents and photos (checked by content and size, a photo needs its
description, members download through a view that asks their role, removal and putting back),
its site visit (only the host town's units, route order, time and notes with their version,
the map's points), the minutes as DOCX and PDF, and the pages' query counts, the same for a
small and a large meeting."""

import io
from datetime import date, time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document as WordDocument
from PIL import Image

from regrow.network.models import AgendaItem, Decision, MeetingDocument, SiteVisitStop
from tests.network.meeting_records_data import add_items, make_records_world, make_unit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def records(aluksne, altena):
    return make_records_world(aluksne, altena)


def signed_in(client, records, name: str):
    client.force_login(records.people[name])
    return client


def png(width: int = 2400, height: int = 1200) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(output, format="PNG")
    return output.getvalue()


def upload(client, records, **fields):
    data = {"kind": "document", "title": "Programme", "alt_text": "", "agenda_item": ""}
    data.update(fields)
    return client.post(records.url("documents/"), data)


# Documents and photos ------------------------------------------------------------------------


def test_a_pdf_is_added_and_members_download_it(client, records):
    signed_in(client, records, "coordinator_a")
    answer = upload(client, records, file=SimpleUploadedFile("agenda.pdf", PDF))
    assert answer.status_code == 302
    document = MeetingDocument.objects.get()
    assert (document.kind, document.content_type, document.size) == (
        "document",
        "application/pdf",
        len(PDF),
    )
    assert "agenda" not in document.file.name  # a random name, never the uploader's
    client.force_login(records.people["coordinator_b"])
    url = records.url(f"documents/{document.pk}/file/")
    answer = client.get(url)
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == PDF
    assert answer["Content-Type"] == "application/pdf"
    assert "attachment" in answer["Content-Disposition"]
    assert answer["Cache-Control"] == "private, no-store"
    client.force_login(records.people["outsider"])
    assert client.get(url).status_code == 403


def test_a_text_file_named_pdf_and_an_oversized_one_are_refused(client, records, monkeypatch):
    signed_in(client, records, "lead")
    answer = upload(client, records, file=SimpleUploadedFile("notes.pdf", b"just some text"))
    assert answer.status_code == 400
    assert "The file is not a PDF." in answer.content.decode()
    assert "Programme" in answer.content.decode()  # the title typed is kept
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    answer = upload(client, records, file=big)
    assert answer.status_code == 400
    assert "larger than 10 MB" in answer.content.decode()
    assert not MeetingDocument.objects.exists()


def test_a_photo_needs_its_description_and_is_made_smaller(client, records):
    signed_in(client, records, "lead")
    answer = upload(
        client, records, kind="photo", title="Visit", file=SimpleUploadedFile("a.png", png())
    )
    assert answer.status_code == 400
    assert "id_alt_text_error" in answer.content.decode()
    answer = upload(
        client,
        records,
        kind="photo",
        title="Visit",
        alt_text="Partners in front of an empty shop",
        file=SimpleUploadedFile("a.png", png()),
    )
    assert answer.status_code == 302
    photo = MeetingDocument.objects.get()
    assert photo.content_type == "image/png"
    with Image.open(photo.file.open("rb")) as image:
        assert max(image.size) == 1600
    page = client.get(records.url("documents/")).content.decode()
    assert 'alt="Partners in front of an empty shop"' in page
    answer = upload(
        client,
        records,
        kind="photo",
        title="Not",
        alt_text="x",
        file=SimpleUploadedFile("a.jpg", PDF),
    )
    assert answer.status_code == 400
    assert MeetingDocument.objects.count() == 1


def test_a_document_is_removed_and_put_back(client, records):
    signed_in(client, records, "lead")
    upload(client, records, file=SimpleUploadedFile("agenda.pdf", PDF))
    document = MeetingDocument.objects.get()
    client.post(records.url(f"documents/{document.pk}/remove/"))
    document.refresh_from_db()
    assert document.removed_at is not None
    assert "Programme" in client.get(records.url("documents/removed/")).content.decode()
    client.force_login(records.people["coordinator_b"])
    assert "Programme" not in client.get(records.url("documents/")).content.decode()
    assert client.get(records.url(f"documents/{document.pk}/file/")).status_code == 404
    assert client.post(records.url(f"documents/{document.pk}/restore/")).status_code == 403
    signed_in(client, records, "lead")
    client.post(records.url(f"documents/{document.pk}/restore/"))
    document.refresh_from_db()
    assert document.removed_at is None
    client.force_login(records.people["coordinator_b"])
    assert client.get(records.url(f"documents/{document.pk}/file/")).status_code == 200


# The site visit ------------------------------------------------------------------------------


def test_units_are_found_in_the_host_towns_register_only(client, records):
    signed_in(client, records, "coordinator_a")
    page = client.get(records.url("site-visit/"), {"q": "iela"}).content.decode()
    assert "Pils iela 3" in page and "Dārza iela 9" in page
    assert (
        "Lennestraße"
        not in client.get(records.url("site-visit/"), {"q": "straße"}).content.decode()
    )


def test_a_unit_of_another_town_is_refused(client, records):
    signed_in(client, records, "coordinator_a")
    answer = client.post(records.url("site-visit/add/"), {"unit": records.foreign_unit.pk})
    assert answer.status_code == 302
    assert not SiteVisitStop.objects.exists()
    page = client.get(answer["Location"]).content.decode()
    assert "Only units of the host town" in page


def test_the_route_in_order_with_time_notes_and_the_map(client, records):
    signed_in(client, records, "coordinator_a")
    for unit in records.units:
        assert client.post(records.url("site-visit/add/"), {"unit": unit.pk}).status_code == 302
    stops = list(SiteVisitStop.objects.order_by("order"))
    assert [stop.unit for stop in stops] == records.units
    answer = client.post(records.url("site-visit/add/"), {"unit": records.units[0].pk})
    assert SiteVisitStop.objects.count() == 4  # once only
    client.post(records.url(f"site-visit/{stops[2].pk}/move/"), {"direction": "up"})
    order = list(SiteVisitStop.objects.order_by("order").values_list("unit_id", flat=True))
    assert order == [
        records.units[0].pk,
        records.units[2].pk,
        records.units[1].pk,
        records.units[3].pk,
    ]
    url = records.url(f"site-visit/{stops[0].pk}/")
    answer = client.post(
        url, {"day": "2019-02-01", "visited_at": "10:30", "notes": "Big window.", "version": 1}
    )
    assert answer.status_code == 302
    stops[0].refresh_from_db()
    assert (stops[0].day, stops[0].visited_at, stops[0].notes) == (
        date(2019, 2, 1),
        time(10, 30),
        "Big window.",
    )
    answer = client.post(url, {"day": "", "visited_at": "", "notes": "Stale.", "version": 1})
    assert answer.status_code == 409
    assert "Stale." in answer.content.decode()
    answer = client.post(url, {"day": "2019-03-01", "visited_at": "", "notes": "", "version": 2})
    assert answer.status_code == 400
    client.force_login(records.people["coordinator_b"])
    page = client.get(records.url("site-visit/"))
    points = page.context["points"]
    assert [point["number"] for point in points] == [1, 2, 3, 4]
    assert points[0]["address"] == "Pils iela 3"
    text = page.content.decode()
    assert 'id="route-points"' in text and "Big window." in text
    assert "/en/aluksne/map/" in text  # the offered unit's public page
    assert client.post(records.url(f"site-visit/{stops[0].pk}/remove/")).status_code == 403


def test_a_stop_is_taken_off_after_a_question(client, records):
    signed_in(client, records, "lead")
    client.post(records.url("site-visit/add/"), {"unit": records.units[0].pk})
    stop = SiteVisitStop.objects.get()
    page = client.get(records.url(f"site-visit/{stop.pk}/remove/")).content.decode()
    assert "you can put it back" in page
    client.post(records.url(f"site-visit/{stop.pk}/remove/"), {"version": stop.version})
    stop.refresh_from_db()
    assert stop.removed_at is not None  # hidden, not deleted: it can be put back


# The minutes as a document -------------------------------------------------------------------


def test_the_minutes_as_docx_hold_the_minutes_counts_and_decisions(client, records):
    AgendaItem.objects.filter(pk=records.items[0].pk).update(
        minutes="Partners told their progress.\n\nThe lead explained the method."
    )
    Decision.objects.create(
        meeting=records.meeting,
        text="Map the units",
        responsible="Alūksne",
        due_on=date(2019, 1, 31),
    )
    SiteVisitStop.objects.create(meeting=records.meeting, unit=records.units[0], notes="Bright.")
    signed_in(client, records, "coordinator_b")
    answer = client.get(records.url("minutes.docx", language="lv"))
    assert answer.status_code == 200
    word = WordDocument(io.BytesIO(answer.content))
    text = "\n".join(paragraph.text for paragraph in word.paragraphs)
    cells = "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells
    )
    assert "Partners told their progress." in text and "The lead explained the method." in text
    assert "Sākuma sanāksme Alūksnē" in text
    assert "2019. gada 31. janvārī" in cells
    assert "Map the units" in cells
    assert "1. Pils iela 3" in text and "Bright." in text
    assert "Alūksne" in cells and "2" in cells  # participants per partner, counts only
    assert "\nA\n" not in cells  # no names
    answer = client.get(records.url("minutes.pdf"))
    assert answer.status_code == 200
    assert answer.content.startswith(b"%PDF-")
    client.force_login(records.people["outsider"])
    assert client.get(records.url("minutes.pdf")).status_code == 403


# Query counts --------------------------------------------------------------------------------


def grow(records, items: int, decisions: int, stops: int) -> None:
    meeting = records.meeting
    add_items(meeting, items, minutes="Text.")
    Decision.objects.bulk_create(
        Decision(meeting=meeting, text=f"D{n}", responsible="X", order=n) for n in range(decisions)
    )
    town = records.units[0].town
    for n in range(stops):
        SiteVisitStop.objects.create(meeting=meeting, unit=make_unit(town, 100 + n), order=n + 10)


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "rest", ["minutes/", "decisions/", "documents/", "site-visit/?q=iela", "minutes.docx"]
)
def test_queries_do_not_grow_with_the_meeting(client, records, rest):
    signed_in(client, records, "lead")
    MeetingDocument.objects.create(
        meeting=records.meeting, kind="document", title="A", content_type="application/pdf"
    )
    Decision.objects.create(meeting=records.meeting, text="D", responsible="X")
    SiteVisitStop.objects.create(meeting=records.meeting, unit=records.units[0])
    count_queries(client, records.url(rest))  # a warm-up: one-time reads of the first request
    small = count_queries(client, records.url(rest))
    grow(records, items=15, decisions=30, stops=12)
    large = count_queries(client, records.url(rest))
    assert large == small
    assert small <= 20
