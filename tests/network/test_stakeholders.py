"""A partner's local stakeholder group: every member reads who is in it and where they stand;
the partner's coordinators keep it (two editors at once: the second is told, nothing lost);
contact details are seen by the partner's and the town's coordinators only, never by other
partners; the power/interest grid is an accessible image with a table; a person's entries go
into "My data" and are erased with their account."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from regrow.accounts import personal_data
from regrow.accounts import services as account_services
from regrow.network.models import NetworkInvitation, NetworkMembership, NetworkRole, Stakeholder
from regrow.network.services import stakeholders as services
from tests.fixtures import make_user
from tests.network.setup_data import add_stakeholder, add_structure, make_network

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def world(aluksne, altena):
    network = make_network(aluksne, altena)
    add_structure(network)
    return network


@pytest.fixture
def entry(world):
    return add_stakeholder(world.partners["aluksne"])


def group_url(world, partner="aluksne", rest=""):
    return world.url(f"partners/{world.partners[partner].pk}/stakeholders/{rest}")


@pytest.mark.parametrize(
    ("who", "sees_contacts", "may_edit"),
    [
        ("coordinator_a", True, True),  # the partner's coordinator
        ("town_coordinator", True, False),  # the town's coordinator, no network role
        ("coordinator_b", False, False),  # another partner's coordinator
        ("lead", False, False),
        ("expert", False, False),
    ],
)
def test_contact_details_are_for_the_partners_and_the_towns_coordinators_only(
    client, world, entry, who, sees_contacts, may_edit
):
    client.force_login(world.people[who])
    response = client.get(group_url(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ilze Kalniņa" in page and "Finds traders" in page
    assert ("ilze@example.org" in page) is sees_contacts
    assert ("+371 20 000 000" in page) is sees_contacts
    assert ("Add to the group" in page) is may_edit
    edit = client.get(group_url(world, rest=f"{entry.pk}/"))
    assert edit.status_code == (200 if may_edit else 403)


def test_outsiders_see_nothing(client, world, entry):
    client.force_login(world.people["outsider"])
    assert client.get(group_url(world)).status_code == 403
    client.logout()
    assert client.get(group_url(world)).status_code == 302


def test_other_partners_cannot_change_the_group(client, world, entry):
    for who in ("coordinator_b", "lead", "town_coordinator"):
        client.force_login(world.people[who])
        response = client.post(group_url(world), stakeholder_data(name="Intruder"))
        assert response.status_code == 403
        response = client.post(group_url(world, rest=f"{entry.pk}/delete/"))
        assert response.status_code == 403
        with pytest.raises(PermissionDenied):
            services.stakeholder_delete(stakeholder=entry, by=world.people[who])
    assert not Stakeholder.objects.filter(name="Intruder").exists()
    assert Stakeholder.objects.filter(pk=entry.pk).exists()


def stakeholder_data(**values):
    return {
        "kind": Stakeholder.Kind.ORGANISATION,
        "name": "Alūksnes novada bibliotēka",
        "organisation": "",
        "sector": Stakeholder.Sector.PUBLIC,
        "power": "2",
        "interest": "4",
        "role_in_plan": "Hosts meetings",
        "email": "",
        "phone": "",
        **values,
    }


def test_the_partners_coordinator_adds_a_member_of_the_group(client, world):
    client.force_login(world.people["coordinator_a"])
    response = client.post(group_url(world), stakeholder_data())
    assert response.status_code == 302
    added = Stakeholder.objects.get(name="Alūksnes novada bibliotēka")
    assert (added.partner, added.power, added.interest) == (world.partners["aluksne"], 2, 4)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"power": "6"}, "power", "Ensure this value is less than or equal to 5."),
        ({"interest": "0"}, "interest", "Ensure this value is greater than or equal to 1."),
        ({"name": ""}, "name", "This field is required."),
        (
            {"sector": "church"},
            "sector",
            "Select a valid choice. church is not one of the available choices.",
        ),
        ({"email": "ilze@"}, "email", "Enter a valid email address."),
    ],
)
def test_bad_entries_are_refused_on_their_field(client, world, values, field, message):
    client.force_login(world.people["coordinator_a"])
    response = client.post(group_url(world), stakeholder_data(**values))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert "Hosts meetings" in response.content.decode()  # what was typed stays
    assert not Stakeholder.objects.exists()


def test_two_editors_at_once_the_second_is_told_and_sees_both(client, world, entry):
    client.force_login(world.people["coordinator_a"])
    form = client.get(group_url(world, rest=f"{entry.pk}/")).context["form"]
    started_at = form.initial["version"]
    # Someone else saves first.
    services.stakeholder_save(
        partner=world.partners["aluksne"],
        by=world.people["coordinator_a"],
        stakeholder=entry,
        version=entry.version,
        **{**{name: getattr(entry, name) for name in services.FIELDS}, "power": 1},
    )
    mine = stakeholder_data(
        kind=Stakeholder.Kind.PERSON, name="Ilze Kalniņa", power="5", version=started_at
    )
    response = client.post(group_url(world, rest=f"{entry.pk}/"), mine)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this entry while you were editing it." in page
    assert "As it was saved meanwhile" in page
    assert response.context["current"].power == 1  # theirs shown
    assert response.context["form"]["power"].value() == "5"  # mine kept
    entry.refresh_from_db()
    assert entry.power == 1
    # Sent again, it saves over the other's on purpose.
    again = {**mine, "version": response.context["form"]["version"].value()}
    assert client.post(group_url(world, rest=f"{entry.pk}/"), again).status_code == 302
    entry.refresh_from_db()
    assert entry.power == 5


def test_the_grid_is_an_accessible_image_with_a_table(client, world, entry):
    add_stakeholder(world.partners["aluksne"], name="Otra", power=4, interest=5, email="")
    add_stakeholder(world.partners["aluksne"], name="Trešā", power=1, interest=2, email="")
    add_stakeholder(world.partners["idrija"], name="Elsewhere", power=1, interest=1, email="")
    client.force_login(world.people["coordinator_b"])
    response = client.get(group_url(world))
    svg_text = response.context["grid"]
    svg = ET.fromstring(svg_text)
    assert svg.get("role") == "img"
    labelled = svg.get("aria-labelledby").split()
    assert [svg.find(f"{SVG}title").get("id"), svg.find(f"{SVG}desc").get("id")] == labelled
    assert "3 stakeholders" in svg.find(f"{SVG}desc").text
    counts = [text.text for text in svg.iter(f"{SVG}text") if text.get("font-weight") == "bold"]
    assert sorted(counts) == ["1", "2"]  # two at power 4, interest 5; one at 1, 2
    rows = response.context["grid_rows"]
    assert rows[0] == {"power": 5, "cells": [0, 0, 0, 0, 0]}
    assert rows[1] == {"power": 4, "cells": [0, 0, 0, 0, 2]}
    assert rows[4] == {"power": 1, "cells": [0, 1, 0, 0, 0]}
    assert "How many stand at each power (rows) and interest (columns)" in (
        response.content.decode()
    )


def test_the_group_page_takes_a_bounded_number_of_queries(
    client, world, entry, django_assert_max_num_queries
):
    client.force_login(world.people["coordinator_a"])
    client.get(group_url(world))
    with django_assert_max_num_queries(14):
        client.get(group_url(world))
    for number in range(60):
        add_stakeholder(world.partners["aluksne"], name=f"S{number}", power=number % 5 + 1)
    with django_assert_max_num_queries(14):
        response = client.get(group_url(world))
    assert len(response.context["page"]) == 50


def test_a_persons_entry_is_linked_to_their_account_by_a_verified_address(client, world):
    ilze = make_user("ilze@example.org", full_name="Ilze Kalniņa")
    client.force_login(world.people["coordinator_a"])
    client.post(
        group_url(world),
        stakeholder_data(
            kind=Stakeholder.Kind.PERSON, name="Ilze Kalniņa", email="Ilze@Example.org"
        ),
    )
    assert Stakeholder.objects.get().user == ilze
    # An organisation's address links no one.
    client.post(group_url(world), stakeholder_data(email="ilze@example.org"))
    assert Stakeholder.objects.get(kind=Stakeholder.Kind.ORGANISATION).user is None


def test_my_data_holds_the_persons_entries_and_roles_and_nothing_of_others(client, world, entry):
    ilze = make_user("ilze@example.org", full_name="Ilze Kalniņa")
    add_stakeholder(world.partners["idrija"], name="Someone else", email="else@example.org")
    NetworkMembership.objects.create(
        network=world.network,
        user=ilze,
        role=NetworkRole.PARTNER_COORDINATOR,
        partner=world.partners["idrija"],
    )
    client.force_login(ilze)
    data = json.loads(client.get("/en/accounts/my-data.json").content)
    (mine,) = data["network_stakeholder_entries"]
    assert (mine["name"], mine["email"], mine["phone"]) == (
        "Ilze Kalniņa",
        "ilze@example.org",
        "+371 20 000 000",
    )
    assert (mine["network"], mine["partner"]) == ("Re-grow City", "Alūksne")
    assert data["network_memberships"] == [
        {
            "network": "Re-grow City",
            "role": "partner_coordinator",
            "role_name": "Partner coordinator",
            "partner": "Idrija",
            "since": data["network_memberships"][0]["since"],
        }
    ]
    assert "else@example.org" not in json.dumps(data)
    page = client.get("/en/accounts/my-data/").content.decode()
    assert "Your roles in transfer networks" in page


def test_erasing_an_account_erases_the_persons_entries_and_roles(world, entry):
    ilze = make_user("ilze@example.org", full_name="Ilze Kalniņa")
    EmailAddress.objects.create(user=ilze, email="ilze@work.example.org", verified=True)
    organisation = add_stakeholder(
        world.partners["idrija"],
        kind=Stakeholder.Kind.ORGANISATION,
        name="Idrija lace school",
        email="ilze@work.example.org",
    )
    other = add_stakeholder(world.partners["idrija"], name="Someone else", email="else@example.org")
    NetworkMembership.objects.create(network=world.network, user=ilze, role=NetworkRole.LEAD)
    NetworkInvitation.objects.create(
        network=world.network,
        email="ILZE@example.org",
        role=NetworkRole.LEAD_EXPERT,
        language="en",
        expires_at=timezone.now() + timedelta(days=7),
    )
    account_services.account_erase(user=ilze, by=ilze)
    assert not Stakeholder.objects.filter(pk=entry.pk).exists()
    organisation.refresh_from_db()
    assert (organisation.name, organisation.email, organisation.phone) == (
        "Idrija lace school",
        "",
        "",
    )
    assert Stakeholder.objects.filter(pk=other.pk, email="else@example.org").exists()
    assert not NetworkInvitation.objects.exists()
    assert not NetworkMembership.objects.filter(user_id=ilze.pk).exists()
    assert personal_data.export(world.people["coordinator_a"])["network_stakeholder_entries"] == []


def test_the_dashboard_leads_network_people_to_their_networks(client, world):
    for who, shown in (("expert", True), ("town_coordinator", True), ("outsider", False)):
        client.force_login(world.people[who])
        assert ("/en/dashboard/networks/" in client.get("/en/dashboard/").content.decode()) is (
            shown
        )
    client.force_login(world.people["coordinator_a"])
    page = client.get("/en/dashboard/networks/").content.decode()
    assert world.url() in page and "Partner coordinator (Alūksne)" in page
    client.force_login(world.people["outsider"])
    page = client.get("/en/dashboard/networks/").content.decode()
    assert "You have no role in any network yet." in page
    # The network's public home shows its members the way in.
    client.force_login(world.people["expert"])
    assert world.url() in client.get("/en/regrow-city/").content.decode()
    client.force_login(world.people["outsider"])
    assert world.url() not in client.get("/en/regrow-city/").content.decode()
