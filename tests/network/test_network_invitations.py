"""Invitations to the network's roles work as the towns' do: the lead invites by e-mail with a
link that works once for 7 days; a partner coordinator's invitation names the partner; bad
links explain themselves; the lead withdraws invitations and takes roles away, keeping a lead."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from regrow.accounts.models import User
from regrow.network.models import NetworkInvitation, NetworkMembership, NetworkRole
from regrow.network.services import invitations as services
from regrow.towns.permissions import Action, can
from tests.fixtures import PASSWORD, make_user
from tests.network.setup_data import make_network


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


def invite(world, email="new@example.org", role=NetworkRole.LEAD_EXPERT, partner=None):
    return services.invitation_create(
        network=world.network,
        email=email,
        role=role,
        partner=partner,
        invited_by=world.people["lead"],
        language="en",
        site_url="http://testserver/",
    )


def test_the_lead_invites_a_partner_coordinator_for_a_partner(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.people["lead"])
    aluksne = world.partners["aluksne"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            world.url("people/invite/"),
            {
                "email": "Anna@Example.org",
                "role": NetworkRole.PARTNER_COORDINATOR,
                "partner": aluksne.pk,
            },
        )
    assert response.status_code == 302
    invitation = NetworkInvitation.objects.get()
    assert (invitation.email, invitation.partner) == ("anna@example.org", aluksne)
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert "Partner coordinator (Alūksne)" in message.subject
    assert "Re-grow City" in message.subject
    link = re.search(r"http://testserver(/en/regrow-city/members/invitations/\S+/)", message.body)
    assert link, message.body

    # Anna has no account: she opens one from the link and is the partner's coordinator.
    client.logout()
    page = client.get(link.group(1))
    assert "Create your account" in page.content.decode()
    response = client.post(
        link.group(1),
        {"full_name": "Anna Bērziņa", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == world.url()
    anna = User.objects.get(email="anna@example.org")
    membership = NetworkMembership.objects.get(user=anna)
    assert (membership.role, membership.partner) == (NetworkRole.PARTNER_COORDINATOR, aluksne)
    assert can(anna, Action.EDIT_PLAN, aluksne)
    assert not can(anna, Action.EDIT_PLAN, world.partners["idrija"])
    # Used once.
    assert client.get(link.group(1)).status_code == 410


def test_a_signed_in_person_accepts_with_one_click(client, world):
    person = make_user("expert2@example.org")
    invitation = invite(world, email="expert2@example.org")
    client.force_login(person)
    response = client.post(services.invitation_path(invitation), follow=True)
    assert "Welcome! You are now lead expert in Re-grow City." in response.content.decode()
    assert NetworkMembership.objects.filter(user=person, role=NetworkRole.LEAD_EXPERT).exists()


def test_the_invitation_is_for_its_address_only(client, world):
    invitation = invite(world, email="someone@example.org")
    client.force_login(world.people["outsider"])
    response = client.post(services.invitation_path(invitation), follow=True)
    assert "This invitation was sent to someone@example.org" in response.content.decode()
    assert not NetworkMembership.objects.filter(user=world.people["outsider"]).exists()


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"role": NetworkRole.PARTNER_COORDINATOR},
            "partner",
            "Choose the partner this person speaks for.",
        ),
        (
            {"role": NetworkRole.LEAD_EXPERT, "partner": "aluksne"},
            "partner",
            "Only a partner coordinator speaks for a partner; leave it empty.",
        ),
        ({"role": ""}, "role", "This field is required."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
    ],
)
def test_bad_invitations_are_refused_on_their_field(client, world, values, field, message):
    client.force_login(world.people["lead"])
    data = {"email": "new@example.org", "role": NetworkRole.LEAD_EXPERT, **values}
    if data.get("partner"):
        data["partner"] = world.partners[data["partner"]].pk
    response = client.post(world.url("people/invite/"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert not NetworkInvitation.objects.exists()


def test_a_partner_of_another_network_is_refused_by_the_service(world):
    from regrow.network.models import Network, Partner

    other = Network.objects.create(slug="other", names={"en": "Other"}, country="DE")
    stranger = Partner.objects.create(network=other, town=world.towns["aluksne"])
    with pytest.raises(ValidationError) as error:
        invite(world, role=NetworkRole.PARTNER_COORDINATOR, partner=stranger)
    assert error.value.message_dict["partner"] == ["This town is not a partner of the network."]


def test_the_same_role_twice_is_refused_saying_why(world):
    invite(world, email="new@example.org")
    with pytest.raises(ValidationError) as error:
        invite(world, email="NEW@example.org")
    assert "was already invited to this role" in error.value.message_dict["email"][0]
    with pytest.raises(ValidationError) as error:
        invite(world, email="expert@network.example.org")
    assert "already has this role in Re-grow City" in error.value.message_dict["email"][0]
    # The same person may be invited to another role.
    invite(world, email="new@example.org", role=NetworkRole.LEAD)


@pytest.mark.parametrize("who", ["expert", "coordinator_a", "town_coordinator", "outsider"])
def test_only_the_lead_invites(client, world, who):
    with pytest.raises(PermissionDenied):
        services.invitation_create(
            network=world.network,
            email="x@example.org",
            role=NetworkRole.LEAD,
            invited_by=world.people[who],
            language="en",
            site_url="http://testserver/",
        )
    client.force_login(world.people[who])
    response = client.post(
        world.url("people/invite/"), {"email": "x@example.org", "role": NetworkRole.LEAD}
    )
    assert response.status_code == 403
    assert client.get(world.url("people/")).status_code == 403
    assert not NetworkInvitation.objects.exists()


def test_expired_withdrawn_and_made_up_links_explain_themselves(client, world):
    expired = invite(world, email="late@example.org")
    NetworkInvitation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    response = client.get(services.invitation_path(expired))
    assert response.status_code == 410
    assert "This invitation expired on" in response.content.decode()

    withdrawn = invite(world, email="gone@example.org")
    client.force_login(world.people["lead"])
    client.post(world.url(f"people/invitations/{withdrawn.pk}/withdraw/"))
    client.logout()
    response = client.get(services.invitation_path(withdrawn))
    assert response.status_code == 410
    assert "This invitation was withdrawn." in response.content.decode()

    response = client.get(world.url("invitations/made-up-token/"))
    assert response.status_code == 410
    assert "This invitation link is not valid." in response.content.decode()
    # A link of one network does not open another's.
    from regrow.network.models import Network

    Network.objects.create(slug="other", names={"en": "Other"}, country="DE")
    token = services.invitation_token(invite(world, email="x@example.org"))
    assert client.get(f"/en/other/members/invitations/{token}/").status_code == 410


def test_the_people_page_lists_roles_and_open_invitations(client, world):
    invite(world, email="waiting@example.org", role=NetworkRole.PARTNER_COORDINATOR,
           partner=world.partners["idrija"])  # fmt: skip
    client.force_login(world.people["lead"])
    page = client.get(world.url("people/")).content.decode()
    assert "coordinator_a@network.example.org" in page
    assert "Partner coordinator (Alūksne)" in page
    assert "waiting@example.org" in page and "(Idrija)" in page


def test_the_lead_takes_a_role_away_but_the_network_keeps_a_lead(client, world):
    client.force_login(world.people["lead"])
    expert = NetworkMembership.objects.get(role=NetworkRole.LEAD_EXPERT)
    response = client.post(world.url(f"people/{expert.pk}/remove/"), follow=True)
    assert "is no longer lead expert" in response.content.decode()
    assert not NetworkMembership.objects.filter(pk=expert.pk).exists()
    lead = NetworkMembership.objects.get(role=NetworkRole.LEAD)
    response = client.post(world.url(f"people/{lead.pk}/remove/"), follow=True)
    assert "the network&#x27;s only lead" in response.content.decode()
    assert NetworkMembership.objects.filter(pk=lead.pk).exists()
