import pytest
from django.core.cache import cache
from django.utils import translation

from regrow.towns.models import Role
from tests.fixtures import make_town_with_people, make_user


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
