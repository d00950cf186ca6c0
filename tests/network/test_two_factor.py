"""Everyone with a role in a network sees other people's contact details on its pages, so must
use two-factor sign-in there (network/two_factor.py through towns/middleware.py)."""

import pytest
from allauth.mfa.models import Authenticator

from tests.fixtures import make_town_with_people
from tests.network.setup_data import make_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_network(
        make_town_with_people("aluksne", "Alūksne", "LV"),
        make_town_with_people("altena", "Altena", "DE"),
    )


@pytest.mark.parametrize("person", ["lead", "expert", "coordinator_b"])
def test_a_network_person_without_an_authenticator_app_is_sent_to_set_one_up(client, world, person):
    user = world.people[person]
    Authenticator.objects.filter(user=user).delete()
    client.force_login(user)
    response = client.get(world.url("meetings/"))
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/"
    follow = client.get(response["Location"], follow=True)
    assert "Everyone with a role in a transfer network must sign in with two factors" in (
        follow.content.decode()
    )
    # Pages outside the network's do not ask (the rule costs them no query).
    assert client.get("/en/dashboard/").status_code == 200


def test_with_the_app_the_network_pages_open(client, world):
    client.force_login(world.people["coordinator_b"])
    assert client.get(world.url("meetings/")).status_code == 200
