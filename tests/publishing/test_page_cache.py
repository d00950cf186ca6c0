"""The anonymous page cache: a hit costs no SQL and one cache read; a write refreshes only its
own town's pages; languages, hosts and signed-in people never get each other's pages."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from regrow.publishing import services
from regrow.towns.models import Role
from tests.publishing.test_publishing import write


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


@pytest.fixture(params=["memory", "redis"])
def page_cache(request):
    """The cache of one process, and Redis as several server processes share it."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")


def test_an_anonymous_article_page_is_served_from_the_cache_without_sql(
    client, page_cache, aluksne, editor
):
    entry, _ = write(aluksne.town, editor, title="Cached article")
    first = client.get(entry.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        second = client.get(entry.get_absolute_url())
    assert second.content == first.content and "Cached article" in second.content.decode()
    assert len(queries) == 0


def test_publishing_refreshes_the_cached_pages_of_that_town_only(
    client, page_cache, aluksne, altena, editor
):
    write(aluksne.town, editor, title="First news")
    write(altena.town, altena.people[Role.EDITOR], title="Altena news")
    assert "Second news" not in client.get("/en/aluksne/news/").content.decode()
    client.get("/en/altena/news/")
    write(aluksne.town, editor, title="Second news")
    assert "Second news" in client.get("/en/aluksne/news/").content.decode()
    # Altena's page is still the cached one: no queries.
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/altena/news/")
    assert len(queries) <= 2  # finding the place in the URL, nothing of its entries


def test_taking_an_entry_off_the_site_removes_it_from_cached_pages(
    client, page_cache, aluksne, editor
):
    entry, _ = write(aluksne.town, editor, title="Soon gone")
    assert client.get(entry.get_absolute_url()).status_code == 200
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.entry_unpublish(entry=entry, by=editor)
    assert client.get(entry.get_absolute_url()).status_code == 404
    assert "Soon gone" not in client.get("/en/aluksne/news/").content.decode()


def test_each_language_is_cached_on_its_own(client, aluksne, editor):
    write(aluksne.town, editor, title="In English")
    write(aluksne.town, editor, title="Latviski", language="lv")
    english = client.get("/en/aluksne/news/").content.decode()
    latvian = client.get("/lv/aluksne/news/").content.decode()
    assert "In English" in english and "Latviski" not in english
    assert "Latviski" in latvian and "In English" not in latvian
    assert '<html lang="lv"' in latvian


def test_signed_in_people_never_get_a_cached_page(client, aluksne, editor):
    write(aluksne.town, editor, title="Shared")
    anonymous = client.get("/en/aluksne/news/").content.decode()
    assert "Write and edit" not in anonymous
    client.force_login(editor)
    assert "Write and edit" in client.get("/en/aluksne/news/").content.decode()
    client.logout()
    assert "Write and edit" not in client.get("/en/aluksne/news/").content.decode()


@pytest.fixture
def two_hosts(settings):
    """One installation answering under two names, as a town's own domain beside the shared
    one."""
    settings.ALLOWED_HOSTS = ["regrow.test", "news.aluksne.test"]
    return "regrow.test", "news.aluksne.test"


@pytest.mark.parametrize("path", ["article", "/en/aluksne/news/feed.rss"])
def test_a_page_cached_for_one_host_is_not_served_to_another(
    client, page_cache, aluksne, editor, two_hosts, path
):
    """The article's sharing address (og:url) and the feed's links are absolute: another host's
    would send readers, and search engines, to the wrong site."""
    entry, _ = write(aluksne.town, editor, title="Hosted twice")
    url = entry.get_absolute_url() if path == "article" else path
    first, second = two_hosts
    assert f"http://{first}/" in client.get(url, HTTP_HOST=first).content.decode()
    other = client.get(url, HTTP_HOST=second).content.decode()
    assert "Hosted twice" in other
    assert f"http://{second}/" in other and f"//{first}/" not in other
    # Each host's page is now cached on its own: no SQL for either.
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, HTTP_HOST=first).content.decode()
    assert len(queries) == 0
    assert f"http://{first}/" in again and f"//{second}/" not in again


def test_a_cache_hit_is_one_read_of_the_cache(
    client, page_cache, aluksne, editor, monkeypatch, two_hosts
):
    """One MGET in Redis: the generation and the page together."""
    entry, _ = write(aluksne.town, editor, title="Read once")
    client.get(entry.get_absolute_url(), HTTP_HOST=two_hosts[1])
    backend = caches["default"]
    calls, running = [], []
    for name in ("get", "get_many", "set", "add", "incr", "delete", "has_key"):
        monkeypatch.setattr(backend, name, _noted(name, getattr(backend, name), calls, running))
    with CaptureQueriesContext(connection) as queries:
        hit = client.get(entry.get_absolute_url(), HTTP_HOST=two_hosts[1])
    assert "Read once" in hit.content.decode()
    assert calls == ["get_many"] and len(queries) == 0


def _noted(name: str, method, calls: list, running: list):
    """`method`, noting its name in `calls` unless another cache method is running (the memory
    cache's get_many calls its own get for each key)."""

    def noted(*args, **kwargs):
        if not running:
            calls.append(name)
        running.append(name)
        try:
            return method(*args, **kwargs)
        finally:
            running.pop()

    return noted
