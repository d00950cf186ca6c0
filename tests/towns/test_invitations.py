"""Invitations: a signed link, single use, valid for seven days; bad links explain themselves."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from regrow.accounts.models import User
from regrow.towns import services
from regrow.towns.models import Invitation, Membership, Role
from tests.fixtures import make_user


def invite(town, coordinator, email="new@example.org", role=Role.EDITOR):
    return services.invitation_create(
        town=town,
        email=email,
        role=role,
        invited_by=coordinator,
        language="en",
        site_url="http://testserver/",
    )


@pytest.fixture
def coordinator(aluksne):
    return aluksne.people[Role.COORDINATOR]


def accept_path(invitation):
    return services.invitation_path(invitation)


def test_coordinator_invites_by_email_with_a_link_valid_seven_days(
    client, aluksne, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/aluksne/workspace/invite/", {"email": "New@Example.org", "role": Role.JURY_MEMBER}
        )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new@example.org"
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.org"]
    # The link in the message opens this invitation (tokens carry a timestamp, so compare
    # what the link resolves to rather than its text).
    link = re.search(r"http://testserver/en/invitations/(\S+)/", mail.outbox[0].body)
    assert services.invitation_from_token(link.group(1)) == invitation


def test_invite_form_keeps_what_was_typed_when_invalid(client, aluksne, coordinator):
    client.force_login(coordinator)
    response = client.post(
        "/en/aluksne/workspace/invite/", {"email": "not-an-address", "role": Role.EDITOR}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="not-an-address"' in html
    assert "Enter a valid email address." in html
    assert not Invitation.objects.exists()


def test_inviting_someone_to_a_role_they_hold_is_refused(client, aluksne, coordinator):
    client.force_login(coordinator)
    editor = aluksne.people[Role.EDITOR]
    response = client.post(
        "/en/aluksne/workspace/invite/", {"email": editor.email, "role": Role.EDITOR}
    )
    assert response.status_code == 400
    assert "already has this role in Alūksne" in response.content.decode()


def test_non_coordinator_cannot_create_invitation(aluksne):
    with pytest.raises(PermissionDenied):
        invite(aluksne.town, aluksne.people[Role.EDITOR])


def test_new_person_creates_account_and_gets_the_role(client, aluksne, coordinator):
    invitation = invite(aluksne.town, coordinator)
    response = client.post(
        accept_path(invitation),
        {"full_name": "Ieva", "password1": "green-shop-2019!", "password2": "green-shop-2019!"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert Membership.objects.filter(user=user, town=aluksne.town, role=Role.EDITOR).exists()
    assert user.emailaddress_set.get().verified
    invitation.refresh_from_db()
    assert invitation.accepted_by == user


def test_weak_password_keeps_the_name_and_creates_nothing(client, aluksne, coordinator):
    invitation = invite(aluksne.town, coordinator)
    response = client.post(
        accept_path(invitation), {"full_name": "Ieva", "password1": "123", "password2": "123"}
    )
    assert response.status_code == 200
    assert 'value="Ieva"' in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_signed_in_person_accepts_with_one_click(client, aluksne, altena, coordinator):
    person = altena.people[Role.EDITOR]
    invitation = invite(aluksne.town, coordinator, email=person.email, role=Role.JURY_MEMBER)
    client.force_login(person)
    response = client.post(accept_path(invitation))
    assert response.status_code == 302
    assert Membership.objects.filter(user=person, town=aluksne.town, role=Role.JURY_MEMBER)


def test_signed_in_person_with_another_address_cannot_take_the_invitation(
    client, aluksne, coordinator, outsider
):
    invitation = invite(aluksne.town, coordinator)
    client.force_login(outsider)
    response = client.post(accept_path(invitation), follow=True)
    assert "This invitation was sent to new@example.org" in response.content.decode()
    assert not Membership.objects.filter(user=outsider).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_existing_account_is_asked_to_sign_in(client, aluksne, coordinator):
    make_user("new@example.org")
    invitation = invite(aluksne.town, coordinator)
    response = client.get(accept_path(invitation))
    assert "Sign in to accept" in response.content.decode()
    response = client.post(accept_path(invitation))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_reused_link_gets_a_clear_message_and_changes_nothing(client, aluksne, coordinator):
    invitation = invite(aluksne.town, coordinator)
    data = {"full_name": "Ieva", "password1": "green-shop-2019!", "password2": "green-shop-2019!"}
    client.post(accept_path(invitation), data)
    client.logout()
    memberships = Membership.objects.count()
    response = client.post(accept_path(invitation), data)
    assert response.status_code == 410
    assert "This invitation has already been used." in response.content.decode()
    assert Membership.objects.count() == memberships
    assert User.objects.filter(email="new@example.org").count() == 1


def test_expired_link_gets_a_clear_message_and_changes_nothing(client, aluksne, coordinator):
    invitation = invite(aluksne.town, coordinator)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    response = client.post(
        accept_path(invitation),
        {"full_name": "Ieva", "password1": "green-shop-2019!", "password2": "green-shop-2019!"},
    )
    assert response.status_code == 410
    assert "This invitation expired on" in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_tampered_link_is_refused(client, aluksne, coordinator):
    invitation = invite(aluksne.town, coordinator)
    token = services.invitation_token(invitation)
    response = client.get(f"/en/invitations/{token[:-2]}xx/")
    assert response.status_code == 410
    assert "This invitation link is not valid" in response.content.decode()
    other = Invitation.objects.create(
        town=aluksne.town,
        email="other@example.org",
        role=Role.COORDINATOR,
        language="en",
        expires_at=timezone.now() + timedelta(days=7),
    )
    # A link with the right number but another invitation's nonce does not open it.
    forged = services.signing.dumps(
        {"id": other.pk, "nonce": invitation.nonce}, salt=services.INVITATION_SALT
    )
    assert client.get(f"/en/invitations/{forged}/").status_code == 410


def test_the_same_invitation_is_not_sent_twice_while_the_first_waits(
    client, aluksne, coordinator, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    data = {"email": "new@example.org", "role": Role.EDITOR}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/aluksne/workspace/invite/", data).status_code == 302
        response = client.post("/en/aluksne/workspace/invite/", data)
    assert response.status_code == 400
    assert "was already invited to this role" in response.content.decode()
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1
    # Another role for the same person is another invitation.
    other = {"email": "new@example.org", "role": Role.JURY_MEMBER}
    assert client.post("/en/aluksne/workspace/invite/", other).status_code == 302


def test_an_expired_invitation_does_not_block_a_new_one(aluksne, coordinator):
    first = invite(aluksne.town, coordinator)
    Invitation.objects.filter(pk=first.pk).update(expires_at=timezone.now())
    assert invite(aluksne.town, coordinator).pk != first.pk


def test_a_withdrawn_invitation_link_stops_working_and_a_new_one_may_be_sent(
    client, aluksne, coordinator
):
    invitation = invite(aluksne.town, coordinator)
    token = services.invitation_token(invitation)
    client.force_login(coordinator)
    response = client.post(f"/en/aluksne/workspace/invitations/{invitation.pk}/withdraw/")
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.withdrawn_by == coordinator and invitation.withdrawn_at is not None
    client.get("/en/aluksne/workspace/")  # shows the message once
    html = client.get("/en/aluksne/workspace/").content.decode()
    assert "new@example.org" not in html
    client.logout()
    response = client.get(f"/en/invitations/{token}/")
    assert response.status_code == 410
    assert "This invitation was withdrawn." in response.content.decode()
    with pytest.raises(services.InvitationError):
        services.invitation_accept(invitation=invitation, user=make_user("new@example.org"))
    assert invite(aluksne.town, coordinator).pk != invitation.pk


def test_only_those_who_may_invite_may_withdraw(client, aluksne, altena, coordinator):
    invitation = invite(aluksne.town, coordinator)
    client.force_login(aluksne.people[Role.EDITOR])
    url = f"/en/aluksne/workspace/invitations/{invitation.pk}/withdraw/"
    assert client.post(url).status_code == 403
    # Another town's coordinator cannot reach it through their own town's address either.
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.post(url).status_code == 403
    assert (
        client.post(f"/en/altena/workspace/invitations/{invitation.pk}/withdraw/").status_code
        == 404
    )
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None


def test_an_accepted_invitation_cannot_be_withdrawn(aluksne, coordinator):
    invitation = invite(aluksne.town, coordinator)
    services.invitation_accept(invitation=invitation, user=make_user("new@example.org"))
    with pytest.raises(ValidationError, match="already accepted"):
        services.invitation_withdraw(invitation=invitation, by=coordinator)
