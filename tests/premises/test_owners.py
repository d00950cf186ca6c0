"""Owners' personal data is for the town's coordinators; the contact log says whom to call next."""

from datetime import date

import pytest

from regrow.premises import services
from regrow.premises.models import Owner, OwnerContact
from regrow.towns.models import Role


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
def test_owner_pages_are_for_coordinators_of_the_town_only(client, aluksne, altena, role):
    owner = Owner.objects.create(town=aluksne.town, name="Ilze", email="ilze@example.org")
    for person in (aluksne.people[role], altena.people[Role.COORDINATOR]):
        client.force_login(person)
        for url in ["/en/aluksne/register/owners/", f"/en/aluksne/register/owners/{owner.pk}/"]:
            response = client.get(url)
            assert response.status_code == 403
            assert "ilze@example.org" not in response.content.decode()


def test_owners_are_listed_soonest_next_step_first(client, aluksne, coordinator):
    later = Owner.objects.create(town=aluksne.town, name="Later")
    sooner = Owner.objects.create(town=aluksne.town, name="Sooner")
    Owner.objects.create(town=aluksne.town, name="Nothing planned")
    for owner, day in [(later, date(2027, 3, 1)), (sooner, date(2027, 1, 5))]:
        services.owner_log_contact(
            owner=owner,
            by=coordinator,
            contacted_on=date(2026, 11, 1),
            channel=OwnerContact.Channel.PHONE,
            summary="Talked",
            next_step="Call again",
            next_step_on=day,
        )
    client.force_login(coordinator)
    html = client.get("/en/aluksne/register/owners/").content.decode()
    assert html.index("Sooner") < html.index("Later") < html.index("Nothing planned")


def test_logging_a_contact_moves_the_outreach_status_on(client, aluksne, coordinator):
    owner = Owner.objects.create(town=aluksne.town, name="Jānis", lives_locally=False)
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/owners/{owner.pk}/",
        {
            "contact-contacted_on": "2026-11-20",
            "contact-channel": "letter",
            "contact-summary": "Sent the leaflet to his address in Riga.",
            "contact-outreach_status": Owner.Outreach.CONTACTED,
            "contact-next_step": "Phone him",
            "contact-next_step_on": "2026-12-01",
        },
    )
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.outreach_status == Owner.Outreach.CONTACTED
    assert owner.outreach_status_on == date(2026, 11, 20)
    assert owner.contacts.get().contacted_by == coordinator


def test_contact_without_a_summary_keeps_what_was_typed(client, aluksne, coordinator):
    owner = Owner.objects.create(town=aluksne.town, name="Jānis")
    client.force_login(coordinator)
    response = client.post(
        f"/en/aluksne/register/owners/{owner.pk}/",
        {
            "contact-contacted_on": "2026-11-20",
            "contact-channel": "phone",
            "contact-summary": "",
            "contact-next_step": "Visit the shop",
        },
    )
    assert response.status_code == 400
    assert 'value="Visit the shop"' in response.content.decode()
    assert not OwnerContact.objects.exists()
