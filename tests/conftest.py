import pytest
from django.core.cache import cache
from django.core.signals import request_started
from django.db import reset_queries
from django.utils import translation

from regrow.lib.env import cache_settings
from regrow.towns.models import Role
from tests.fixtures import make_town_with_people, make_user

DATABASE_FIXTURES = frozenset({"db", "transactional_db", "live_server"})

# Django empties the query log when a request starts. A test that counts a request's queries
# (django_assert_num_queries, CaptureQueriesContext) remembers where the log ended before the
# request and reads from there after it, so after an emptied log it counted too few, often none:
# every query-count test passed whatever the page did. Tests keep the log; it holds 9,000.
request_started.disconnect(reset_queries)


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="Run only the tests that touch the database (CI runs the rest once, on SQLite).",
    )


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--database-tests-only"):
        return
    kept, skipped = [], []
    for item in items:
        uses_database = item.get_closest_marker("django_db") or DATABASE_FIXTURES.intersection(
            getattr(item, "fixturenames", ())
        )
        (kept if uses_database else skipped).append(item)
    config.hook.pytest_deselected(items=skipped)
    items[:] = kept


@pytest.fixture
def aluksne(db):
    return make_town_with_people("aluksne", "Alūksne", "LV")


@pytest.fixture
def altena(db):
    return make_town_with_people("altena", "Altena", "DE")


@pytest.fixture
def coordinator(aluksne):
    return aluksne.people[Role.COORDINATOR]


@pytest.fixture
def outsider(db):
    """A signed-up person with no role anywhere."""
    return make_user("outsider@example.org")


@pytest.fixture
def admin_user(db):
    return make_user("root@example.org", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def fresh_language_and_cache():
    """Every test starts in English with an empty cache.

    Requests activate the reader's language in this thread, and allauth remembers used
    authenticator codes in the cache; neither may leak from one test into the next.
    """
    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def redis_cache(settings):
    """The cache in a real Redis (TEST_REDIS_URL, default database 14 on 127.0.0.1, 13 for the
    second parallel worker…), emptied.

    Outside CI a machine without Redis skips these tests, saying so; CI starts Redis and fails
    them if it does not answer.
    """
    import os

    import redis

    # Parallel workers (pytest-xdist: gw0, gw1, …) each empty a database of their own:
    # the given one for the first, the ones below it for the next, never database 0.
    base = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
    server, _slash, number = base.rpartition("/")
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    database = int(number or 0) - worker
    if database < 1:
        pytest.fail(f"Too many parallel workers for separate Redis databases below {base}")
    url = f"{server}/{database}"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis at {url} does not answer: {error}")
        pytest.skip(f"Redis at {url} does not answer ({error}); apt-get install redis-server")
    settings.CACHES = cache_settings(url)
    cache.clear()
    yield cache
    cache.clear()
