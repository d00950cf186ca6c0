"""Owners' personal data is for the town's coordinators; the contact log says whom to call next;
owners see their own units' status and place on the public map."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.premises import services
from regrow.premises.choices import Status
from regrow.premises.models import Owner, OwnerContact, Unit, UnitPhoto
from regrow.towns.models import Role
from tests.premises.conftest import add_status, make_unit


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


def test_my_units_show_each_units_status_and_whether_the_public_map_shows_it(
    client, aluksne, owner_with_unit
):
    person = aluksne.people[Role.PROPERTY_OWNER]
    mine = owner_with_unit["mine"]
    Unit.objects.filter(pk=mine.pk).update(offered_publicly=True)
    add_status(mine, Status.OCCUPIED, date(2024, 1, 1))
    add_status(mine, Status.VACANT, date(2026, 3, 1))
    in_use = make_unit(
        aluksne.town, "ALU-3", owner=mine.owner, offered_publicly=True, display_address="In use 3"
    )
    add_status(in_use, Status.POPUP, date(2026, 5, 1))
    kept = make_unit(aluksne.town, "ALU-4", owner=mine.owner, display_address="Kept 4")
    add_status(kept, Status.VACANT, date(2026, 5, 1))
    for name, approval in [("a", "pending"), ("b", "pending"), ("c", "approved")]:
        UnitPhoto.objects.create(
            unit=kept,
            image=f"units/{name}.jpg",
            alt_text=name,
            width=4,
            height=3,
            approval=approval,
        )
    client.force_login(person)
    html = client.get("/en/my-units/").content.decode()
    rows = {
        address: html[html.index(address) : html.index("</tr>", html.index(address))]
        for address in (mine.display_address, "In use 3", "Kept 4")
    }
    assert "Vacant" in rows[mine.display_address]
    assert "<td>Yes</td>" in rows[mine.display_address]
    assert "Pop-up" in rows["In use 3"]
    assert "Offered, but shown only while it is vacant" in rows["In use 3"]
    assert "<td>No</td>" in rows["Kept 4"] and "2 waiting for approval" in rows["Kept 4"]
    assert owner_with_unit["neighbour"].display_address not in html


def test_my_units_page_runs_a_fixed_number_of_queries(client, aluksne, owner_with_unit):
    mine = owner_with_unit["mine"]
    client.force_login(aluksne.people[Role.PROPERTY_OWNER])

    def grow(start: int, count: int) -> None:
        for number in range(start, start + count):
            unit = make_unit(aluksne.town, f"M{number}", owner=mine.owner, offered_publicly=True)
            add_status(unit, Status.VACANT, date(2026, 1, 1))
            UnitPhoto.objects.create(
                unit=unit, image=f"units/{number}.jpg", alt_text="x", width=4, height=3
            )

    grow(0, 2)
    client.get("/en/my-units/")
    with CaptureQueriesContext(connection) as small:
        client.get("/en/my-units/")
    grow(100, 10)
    with CaptureQueriesContext(connection) as large:
        html = client.get("/en/my-units/").content.decode()
    assert html.count("1 waiting for approval") == 12
    assert len(large) == len(small)
