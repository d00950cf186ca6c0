"""Every anonymous public page is served from the page cache without SQL; signed-in people
neither get nor fill it; compressed copies, HEAD, processes sharing a cache directory, pages
that must never be shared, and a bounded events calendar."""

import gzip
from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regrow.lib import pagecache
from regrow.lib.cache import FileCache
from regrow.premises.choices import Source
from regrow.premises.models import StatusChange, Unit
from regrow.publishing.feeds import CALENDAR_SIZE
from regrow.publishing.models import Entry
from regrow.towns.models import Role
from tests.premises.conftest import make_unit
from tests.publishing.test_publishing import write

PAGES = [
    "/en/",
    "/en/aluksne/",
    "/en/aluksne/news/",
    "/en/aluksne/news/?kind=event",
    "/en/aluksne/events/",
    "/en/aluksne/projects/",
    "/en/aluksne/map/",
    "/en/aluksne/map/units.geojson",
    "/lv/aluksne/map/",
    "/en/aluksne/news/cached-article/",
    "/en/aluksne/news/cached-event/",
    "/en/aluksne/news/cached-event/event.ics",
    "/en/aluksne/news/feed.rss",
    "/en/aluksne/news/feed.atom",
    "/en/aluksne/events/calendar.ics",
]


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


@pytest.fixture
def published(aluksne, editor):
    """An article, a coming event, a project and a unit on the public map."""
    town = aluksne.town
    write(town, editor, title="Cached article", slug="cached-article")
    starts = timezone.now() + timedelta(days=3)
    write(town, editor, title="Cached event", slug="cached-event", kind=Entry.Kind.EVENT,
          starts_at=starts, place_address="Pils iela 1")  # fmt: skip
    write(town, editor, title="Cached project", kind=Entry.Kind.PROJECT)
    unit = make_unit(town, "U1", offered_publicly=True)
    StatusChange.objects.create(
        unit=unit, status="vacant", effective_on=date(2024, 1, 1), source=Source.SURVEY
    )
    return town


@pytest.mark.parametrize("path", PAGES)
def test_every_anonymous_public_page_is_a_cache_hit_without_sql(client, published, path):
    first = client.get(path)
    assert first.status_code == 200, path
    with CaptureQueriesContext(connection) as queries:
        second = client.get(path)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert len(queries) == 0, [query["sql"] for query in queries]


def test_the_site_pages_too(client, published):
    first = client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/").content == first.content
    assert len(queries) == 0


def test_a_unit_changed_on_the_register_refreshes_the_public_map(client, published):
    assert "Pils iela U2" not in client.get("/en/aluksne/map/").content.decode()
    with TestCase.captureOnCommitCallbacks(execute=True):  # refreshed once the write commits
        unit = make_unit(published, "U2", offered_publicly=True)
        StatusChange.objects.create(
            unit=unit, status="vacant", effective_on=date(2024, 1, 1), source=Source.SURVEY
        )
    assert "Pils iela U2" in client.get("/en/aluksne/map/").content.decode()
    assert "Pils iela U2" in client.get("/en/aluksne/map/units.geojson").content.decode()


def test_an_import_of_the_register_refreshes_the_public_map(client, published, coordinator):
    """An import writes in bulk, without the model signals: it renews the pages itself."""
    from dataclasses import replace

    from regrow.premises import services
    from tests.premises.test_imports import BASE

    assert "Pils iela U1" in client.get("/en/aluksne/map/units.geojson").content.decode()
    unit = published.units.get(external_id="U1")
    record = replace(
        BASE,
        external_id="U1",
        display_address="Pils iela Imported",
        latitude=unit.latitude,
        longitude=unit.longitude,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.units_import(town=published, records=[record], by=coordinator)
    assert Unit.objects.get(pk=unit.pk).display_address == "Pils iela Imported"
    assert "Pils iela Imported" in client.get("/en/aluksne/map/units.geojson").content.decode()


def test_a_signed_in_person_neither_gets_nor_fills_the_cache(client, published, editor):
    client.force_login(editor)
    assert "Write and edit" in client.get("/en/aluksne/news/").content.decode()
    client.logout()
    client.cookies.clear()
    with CaptureQueriesContext(connection) as queries:
        anonymous = client.get("/en/aluksne/news/").content.decode()
    assert len(queries) > 0, "the signed-in person's visit filled the cache"
    assert "Write and edit" not in anonymous
    client.force_login(editor)
    assert "Write and edit" in client.get("/en/aluksne/news/").content.decode()


def test_a_compressed_hit_decompresses_to_the_page(client, published):
    plain = client.get("/en/aluksne/news/")
    for _round in range(2):  # stored, then served from the cache
        squeezed = client.get("/en/aluksne/news/", HTTP_ACCEPT_ENCODING="br, gzip, deflate")
        assert squeezed["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in squeezed["Vary"]
        assert int(squeezed["Content-Length"]) == len(squeezed.content) < len(plain.content)
        assert gzip.decompress(squeezed.content) == plain.content
    geojson = client.get("/en/aluksne/map/units.geojson", HTTP_ACCEPT_ENCODING="gzip")
    assert gzip.decompress(geojson.content).startswith(b"{")
    assert "Content-Encoding" not in client.get("/en/aluksne/news/")


def test_head_is_answered_from_the_cache(client, published):
    page = client.get("/en/aluksne/news/feed.rss")
    with CaptureQueriesContext(connection) as queries:
        head = client.head("/en/aluksne/news/feed.rss")
    assert head.status_code == 200 and head.content == b"" and len(queries) == 0
    assert head["Content-Type"] == page["Content-Type"]


def test_a_visitor_with_a_message_waiting_gets_the_page_rendered(client, published):
    client.get("/en/aluksne/news/")
    client.cookies["messages"] = "anything"
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/aluksne/news/")
    assert len(queries) > 0


def test_publishing_refreshes_a_page_that_another_process_cached(
    client, settings, tmp_path, published, editor, monkeypatch
):
    """Two server processes with the default file cache: this one (the client) caches the
    list; the other publishes, through its own cache object on the same directory."""
    settings.CACHES = {"default": {"BACKEND": "regrow.lib.cache.FileCache", "LOCATION": tmp_path}}
    assert "Published elsewhere" not in client.get("/en/aluksne/news/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/aluksne/news/")
    assert len(queries) == 0
    other_process = FileCache(str(tmp_path), {})
    monkeypatch.setattr(pagecache, "_cache", lambda: other_process)
    write(published, editor, title="Published elsewhere")
    monkeypatch.undo()
    assert "Published elsewhere" in client.get("/en/aluksne/news/").content.decode()


def _middleware(view):
    return pagecache.PageCacheMiddleware(pagecache.cached_for_anonymous(view))


@pytest.mark.parametrize(
    "spoil",
    [
        lambda request, response: get_token(request),
        lambda request, response: response.set_cookie("seen", "1"),
        lambda request, response: response.headers.__setitem__("Cache-Control", "private"),
        lambda request, response: str(request.csp_nonce),
        lambda request, response: setattr(response, "status_code", 404),
    ],
    ids=["csrf-token", "cookie", "private", "csp-nonce", "not-found"],
)
def test_a_page_that_must_not_be_shared_is_never_stored(spoil, db):
    rendered = []

    def view(request):
        response = HttpResponse(f"page {len(rendered)}")
        rendered.append(request)
        spoil(request, response)
        return response

    middleware = _middleware(view)
    for _round in range(2):
        request = RequestFactory().get("/en/aluksne/news/")
        request.csp_nonce = _LazyNonce(request)
        middleware(request)
    assert len(rendered) == 2
    assert caches["default"].get(pagecache._page_key("http://testserver/en/aluksne/news/")) is None


class _LazyNonce:
    """What django-csp puts on the request: using the nonce records it there."""

    def __init__(self, request):
        self.request = request

    def __str__(self):
        self.request._csp_nonce = "n0nce"
        return "n0nce"


def test_a_request_with_a_session_cookie_is_neither_served_nor_stored(db):
    rendered = []

    def view(request):
        rendered.append(request)
        return HttpResponse("page")

    middleware = _middleware(view)
    middleware(RequestFactory().get("/en/aluksne/news/"))
    signed_in = RequestFactory().get("/en/aluksne/news/")
    signed_in.COOKIES["sessionid"] = "abc"
    middleware(signed_in)
    assert len(rendered) == 2 and not hasattr(signed_in, "page_cache")


def test_the_scope_of_a_page_is_read_from_its_address():
    assert pagecache.scope_of("/lv/aluksne/news/") == "aluksne"
    assert pagecache.scope_of("/en/aluksne/") == "aluksne"
    assert pagecache.scope_of("/en/") == pagecache.SITE
    assert pagecache.scope_of("/sitemap.xml") == pagecache.SITE
    assert pagecache.scope_of("/en/accounts/login/") == pagecache.SITE
    assert pagecache.scope_of("/xx/aluksne/") == pagecache.SITE


def test_the_events_calendar_is_bounded(client, aluksne, editor, django_assert_max_num_queries):
    """Coming events and the past year's, at most CALENDAR_SIZE, in a bounded number of
    queries, however many events the town has had."""
    now = timezone.now()

    def events(name: str, days: list[int]) -> list[Entry]:
        return [
            Entry(
                town=aluksne.town,
                language="en",
                kind=Entry.Kind.EVENT,
                publish_at=now,
                title=f"{name} {n}",
                slug=f"{name.lower()}-{n}",
                starts_at=now + timedelta(days=d),
            )
            for n, d in enumerate(days)
        ]

    Entry.objects.bulk_create(
        events("Old", [-400 - n for n in range(30)])
        + events("Recent", [-1 - n for n in range(CALENDAR_SIZE)])
        + events("Coming", [1 + n for n in range(20)])
    )
    with django_assert_max_num_queries(6):
        calendar = client.get("/en/aluksne/events/calendar.ics").content.decode()
    assert calendar.count("BEGIN:VEVENT") == CALENDAR_SIZE
    assert "SUMMARY:Coming 19" in calendar and "SUMMARY:Old" not in calendar
    assert "SUMMARY:Recent 0" in calendar
