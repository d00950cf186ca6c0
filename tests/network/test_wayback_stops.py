"""Nothing is deleted without a way back: a site visit stop taken off the route is hidden (from
the route, the map, the panel's count, the minutes document and the units already chosen) with
its time and notes, listed among the removed stops and put back from there; putting it back is
refused, saying why, once its unit was added to the route again; stale versions are refused;
only the organisers see and use the removed stops; the removed stops' page takes the same
queries for few and many."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document as WordDocument

from regrow.lib.concurrency import ConcurrentEditError
from regrow.network import selectors_records as selectors
from regrow.network.models import SiteVisitStop
from regrow.network.services import site_visits as services
from tests.network.meeting_records_data import make_records_world, make_unit


@pytest.fixture
def records(aluksne, altena):
    return make_records_world(aluksne, altena)


def add(records, unit, who="lead") -> SiteVisitStop:
    return services.stop_add(meeting=records.meeting, unit=unit, by=records.people[who])


def remove(records, stop, who="lead") -> SiteVisitStop:
    stop.refresh_from_db()
    stop.meeting = records.meeting
    return services.stop_remove(stop=stop, version=stop.version, by=records.people[who])


def docx_text(client, records) -> str:
    client.force_login(records.people["coordinator_b"])  # any member
    answer = client.get(records.url("minutes.docx"))
    word = WordDocument(io.BytesIO(answer.content))
    return "\n".join(paragraph.text for paragraph in word.paragraphs)


def test_a_removed_stop_is_hidden_everywhere_and_put_back_with_its_notes(client, records):
    first, second = (add(records, unit) for unit in records.units[:2])
    services.stop_change(
        stop=first,
        day=None,
        visited_at=None,
        notes="Big window.",
        version=1,
        by=records.people["lead"],
    )
    remove(records, first)
    first.refresh_from_db()
    assert first.removed_at is not None and first.notes == "Big window."
    assert list(selectors.stops_of(records.meeting)) == [second]
    assert selectors.record_counts(records.meeting).stops == 1
    chosen = selectors.units_to_visit(records.meeting, "Pils iela")
    assert records.units[0] in chosen and records.units[1] not in chosen

    client.force_login(records.people["lead"])
    page = client.get(records.url("site-visit/"))
    assert [point["address"] for point in page.context["points"]] == ["Pils iela 5"]
    text = page.content.decode()
    assert "Big window." not in text and "1 removed stop" in text
    removed = client.get(records.url("site-visit/removed/")).content.decode()
    assert "Pils iela 3" in removed and "Big window." in removed and "Put back" in removed
    answer = client.post(
        records.url(f"site-visit/{first.pk}/restore/"), {"version": first.version}, follow=True
    )
    assert "Pils iela 3 is back on the route." in answer.content.decode()
    first.refresh_from_db()
    assert first.removed_at is None and first.notes == "Big window."
    assert list(selectors.stops_of(records.meeting)) == [first, second]  # at its old place


def test_the_minutes_document_leaves_a_removed_stop_out(client, records):
    first, _second = (add(records, unit) for unit in records.units[:2])
    assert "Pils iela 3" in docx_text(client, records)
    remove(records, first)
    text = docx_text(client, records)
    assert "Pils iela 3" not in text and "1. Pils iela 5" in text


def test_putting_back_is_refused_once_the_unit_is_on_the_route_again(client, records):
    unit = records.units[0]
    old = add(records, unit)
    remove(records, old)
    again = add(records, unit)  # allowed: the removed stop does not hold the unit
    old.refresh_from_db()
    old.meeting = records.meeting
    with pytest.raises(ValidationError) as refused:
        services.stop_restore(stop=old, version=old.version, by=records.people["lead"])
    assert "Pils iela 3 was added to the route again" in refused.value.messages[0]

    client.force_login(records.people["lead"])
    answer = client.post(
        records.url(f"site-visit/{old.pk}/restore/"), {"version": old.version}, follow=True
    )
    assert "cannot be put back" in answer.content.decode()
    old.refresh_from_db()
    assert old.removed_at is not None
    assert SiteVisitStop.objects.filter(removed_at__isnull=True).get() == again
    # Once the new stop is taken off too, the old one can come back.
    remove(records, again)
    client.post(records.url(f"site-visit/{old.pk}/restore/"), {"version": old.version})
    old.refresh_from_db()
    assert old.removed_at is None


def test_stale_versions_are_refused(client, records):
    stop = add(records, records.units[0])
    stop.meeting = records.meeting
    with pytest.raises(ConcurrentEditError):
        services.stop_remove(stop=stop, version=stop.version + 3, by=records.people["lead"])
    client.force_login(records.people["lead"])
    url = records.url(f"site-visit/{stop.pk}/remove/")
    answer = client.post(url, {"version": "7"})
    assert answer.status_code == 409
    assert f'name="version" value="{stop.version}"' in answer.content.decode()
    stop.refresh_from_db()
    assert stop.removed_at is None
    client.post(url, {"version": stop.version})
    answer = client.post(records.url(f"site-visit/{stop.pk}/restore/"), {"version": "1"})
    assert answer.status_code == 302
    stop.refresh_from_db()
    assert stop.removed_at is not None  # the page's version was stale: still removed
    page = client.get(answer["Location"]).content.decode()
    assert "Someone changed this stop" in page


def test_a_removed_stop_is_neither_changed_moved_nor_removed_again(client, records):
    stop = add(records, records.units[0])
    remove(records, stop)
    client.force_login(records.people["lead"])
    assert client.get(records.url(f"site-visit/{stop.pk}/")).status_code == 404
    assert client.get(records.url(f"site-visit/{stop.pk}/remove/")).status_code == 404
    assert client.post(records.url(f"site-visit/{stop.pk}/move/")).status_code == 404
    live = add(records, records.units[1])
    assert client.post(records.url(f"site-visit/{live.pk}/restore/")).status_code == 404
    stop.refresh_from_db()
    stop.meeting = records.meeting
    with pytest.raises(ValidationError):
        services.stop_change(
            stop=stop,
            day=None,
            visited_at=None,
            notes="",
            version=stop.version,
            by=records.people["lead"],
        )


def test_only_the_organisers_see_and_put_back_removed_stops(client, records):
    stop = add(records, records.units[0])
    remove(records, stop)
    client.force_login(records.people["coordinator_b"])
    assert "removed stop" not in client.get(records.url("site-visit/")).content.decode()
    assert client.get(records.url("site-visit/removed/")).status_code == 403
    restore = records.url(f"site-visit/{stop.pk}/restore/")
    assert client.post(restore, {"version": stop.version + 1}).status_code == 403
    assert client.get(restore).status_code == 405  # put back by POST only
    client.force_login(records.people["coordinator_a"])  # the host town's coordinator
    assert client.get(records.url("site-visit/removed/")).status_code == 200


def counted(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_removed_stops_page_takes_the_same_queries_for_few_and_many(client, records):
    town = records.units[0].town
    remove(records, add(records, records.units[0]))
    client.force_login(records.people["lead"])
    url = records.url("site-visit/removed/")
    client.get(url)
    few = counted(client, url)
    for number in range(30):
        remove(records, add(records, make_unit(town, 200 + number)))
    many = counted(client, url)
    assert few == many <= 15
