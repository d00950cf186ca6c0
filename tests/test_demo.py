"""The demo data: the Re-grow City network, and loading it twice changes nothing."""

from allauth.mfa.models import Authenticator
from django.apps import apps

from regrow.accounts.models import User
from regrow.lib.demo import load_all, report
from regrow.network.models import Network, Partner
from regrow.towns.models import Membership, Role, Town


def row_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_demo_loads_the_network_its_towns_and_one_person_per_role(db):
    demo = load_all()
    network = Network.objects.get(slug="regrow-city")
    assert Partner.objects.filter(network=network).count() == 8
    assert Partner.objects.get(network=network, role=Partner.Role.LEAD).town.name == "Altena"
    assert Town.objects.get(slug="aluksne").street_address == "Dārza iela 11"
    aluksne_roles = set(
        Membership.objects.filter(town__slug="aluksne").values_list("role", flat=True)
    )
    assert aluksne_roles == set(Role.values)
    printed = report(demo)
    assert "coordinator@aluksne.example.org  /  regrow-coordinator" in printed
    assert "authenticator app" in printed
    # The administrator sees every town's people, so must use two factors like coordinators.
    admin = User.objects.get(email="admin@example.org")
    assert Authenticator.objects.filter(user=admin, type=Authenticator.Type.TOTP).exists()
    assert "admin@example.org signs in with two factors" in printed


def test_loading_the_demo_twice_changes_nothing(db):
    load_all()
    first = row_counts()
    load_all()
    assert row_counts() == first
