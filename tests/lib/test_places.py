"""Towns and networks share one address space; clashes are reported, not silently resolved."""

import pytest
from django.core.exceptions import ValidationError

from regrow.lib import places
from regrow.network.models import Network
from tests.fixtures import make_town


def test_town_cannot_take_a_networks_address(db):
    Network.objects.create(slug="regrow-city", names={"en": "Re-grow City"}, country="DE")
    with pytest.raises(ValidationError) as error:
        make_town("regrow-city", "Clash")
    assert "already the address of a network" in str(error.value)


def test_network_cannot_take_a_towns_address(db):
    make_town("aluksne", "Alūksne")
    network = Network(slug="aluksne", names={"en": "Clash"}, country="LV")
    with pytest.raises(ValidationError, match="already the address of a town"):
        network.full_clean()


def test_reserved_addresses_are_refused(db):
    with pytest.raises(ValidationError, match="reserved by the site"):
        make_town("accounts", "Accounts")


def test_find_resolves_either_kind(db):
    town = make_town("aluksne", "Alūksne")
    network = Network.objects.create(slug="regrow-city", names={"en": "Re-grow"}, country="DE")
    assert places.find("aluksne") == town
    assert places.find("regrow-city") == network
    assert places.find("nowhere") is None
