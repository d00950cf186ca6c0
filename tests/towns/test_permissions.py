"""Each role of one town sees nothing private of another town."""

import pytest
from django.contrib.admin.sites import site as admin_site
from django.test import RequestFactory

from regrow.towns.models import Invitation, Membership, Role, Town
from regrow.towns.permissions import Action, can, towns_where

PRIVATE_PAGES = ["/en/{slug}/workspace/"]


@pytest.mark.parametrize("role", Role.values)
def test_no_role_in_one_town_opens_another_towns_private_pages(client, aluksne, altena, role):
    client.force_login(aluksne.people[role])
    for page in PRIVATE_PAGES:
        response = client.get(page.format(slug="altena"))
        assert response.status_code == 403
        for person in altena.people.values():
            assert person.email not in response.content.decode()


@pytest.mark.parametrize("role", Role.values)
def test_no_role_in_one_town_may_invite_to_another(client, aluksne, altena, role):
    client.force_login(aluksne.people[role])
    response = client.post(
        "/en/altena/workspace/invite/", {"email": "x@example.org", "role": Role.EDITOR}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", Role.values)
def test_roles_grant_nothing_in_other_towns(aluksne, altena, role, action):
    person = aluksne.people[role]
    assert not can(person, action, altena.town)
    assert altena.town not in towns_where(person, action)


def test_only_coordinators_see_members_and_invite(client, aluksne):
    for role, person in aluksne.people.items():
        client.force_login(person)
        response = client.get("/en/aluksne/workspace/")
        assert response.status_code == 200
        html = response.content.decode()
        others = [p.email for r, p in aluksne.people.items() if r != role]
        if role == Role.COORDINATOR:
            assert all(email in html for email in others)
            assert 'action="/en/aluksne/workspace/invite/"' in html
        else:
            assert not any(email in html for email in others), role
            assert "/workspace/invite/" not in html


def test_person_without_role_is_refused_and_anonymous_is_sent_to_sign_in(client, aluksne, outsider):
    assert client.get("/en/aluksne/workspace/").status_code == 302
    client.force_login(outsider)
    assert client.get("/en/aluksne/workspace/").status_code == 403


def test_superuser_may_do_everything(aluksne, admin_user):
    assert all(can(admin_user, action, aluksne.town) for action in Action)
    assert list(towns_where(admin_user, Action.CHANGE_TOWN)) == [aluksne.town]


def test_inactive_person_may_do_nothing(aluksne):
    coordinator = aluksne.people[Role.COORDINATOR]
    coordinator.is_active = False
    coordinator.save()
    assert not can(coordinator, Action.VIEW_WORKSPACE, aluksne.town)


def test_admin_shows_staff_only_the_towns_they_coordinate(aluksne, altena):
    coordinator = aluksne.people[Role.COORDINATOR]
    coordinator.is_staff = True
    coordinator.save()
    request = RequestFactory().get("/admin/")
    request.user = coordinator
    town_admin = admin_site._registry[Town]
    membership_admin = admin_site._registry[Membership]
    assert list(town_admin.get_queryset(request)) == [aluksne.town]
    assert not town_admin.has_change_permission(request, altena.town)
    assert town_admin.has_change_permission(request, aluksne.town)
    assert {m.town for m in membership_admin.get_queryset(request)} == {aluksne.town}
    assert not town_admin.has_add_permission(request)
