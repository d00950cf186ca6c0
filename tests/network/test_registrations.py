"""Registering for a meeting: a member registers themselves (name, e-mail and partner from their
account); a partner's coordinator registers someone for their own partner, an organiser for any;
refusals name the field and keep what was typed (closed, cancelled meeting, twice by account or
e-mail, a day not of the meeting, no day); a change made meanwhile is refused (409) with both
shown; cancelling keeps the row and registering again is possible; other networks 404,
outsiders 403."""

from datetime import UTC, date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from regrow.network import selectors_registrations as selectors
from regrow.network.models import Network, Registration
from regrow.network.services import registrations as services
from tests.fixtures import make_user
from tests.network.registrations_data import make_meeting, meeting_url, register
from tests.network.setup_data import make_network


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


@pytest.fixture
def meeting(world):
    return make_meeting(world)


def days_of(meeting):
    return [day.isoformat() for day in meeting.days()]


def form_data(meeting, **values):
    return {
        "name": "Ana Novak",
        "email": "coordinator_b@network.example.org",
        "organisation": "Občina Idrija",
        "partner": "",
        "dietary_needs": "vegetarian",
        "days": days_of(meeting),
        **values,
    }


def test_a_member_registers_themselves_with_their_account_prefilled(client, world, meeting):
    person = world.people["coordinator_b"]
    client.force_login(person)
    page = client.get(meeting_url(world, meeting, "register/"))
    assert page.status_code == 200
    form = page.context["form"]
    assert form.initial["name"] == "coordinator_b of Re-grow City"
    assert form.initial["email"] == person.email
    assert form.initial["partner"] == world.partners["idrija"].pk  # their partner preselected
    assert [town for _pk, town in list(form.fields["partner"].choices)[1:]] == [
        "Altena",
        "Alūksne",
        "Idrija",
    ]
    data = form_data(meeting, partner=world.partners["idrija"].pk)
    response = client.post(meeting_url(world, meeting, "register/"), data)
    assert response.status_code == 302
    assert response["Location"] == meeting_url(world, meeting)
    saved = Registration.objects.get()
    assert (saved.user, saved.partner, saved.registered_by) == (
        person,
        world.partners["idrija"],
        person,
    )
    assert (saved.name, saved.dietary_needs, saved.days) == (
        "Ana Novak",
        "vegetarian",
        days_of(meeting),
    )
    # The page now says so and links to the registration.
    again = client.get(meeting_url(world, meeting, "register/")).content.decode()
    assert "You are already registered for this meeting." in again
    assert meeting_url(world, meeting, f"registrations/{saved.pk}/") in again


def test_the_lead_registers_without_a_partner(client, world, meeting):
    client.force_login(world.people["lead"])
    form = client.get(meeting_url(world, meeting, "register/")).context["form"]
    assert form.initial["partner"] is None
    response = client.post(
        meeting_url(world, meeting, "register/"),
        form_data(meeting, email="lead@network.example.org", days=days_of(meeting)[:1]),
    )
    assert response.status_code == 302
    assert Registration.objects.get().partner is None


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"days": []}, "days", "Choose at least one day you will attend."),
        ({"days": ["2001-01-01"]}, "days", "2001-01-01 is not a day of this meeting."),
        ({"name": ""}, "name", "This field is required."),
        ({"email": "ana@"}, "email", "Enter a valid email address."),
        ({"partner": "999999"}, "partner", None),
    ],
)
def test_bad_registrations_are_refused_on_their_field_keeping_what_was_typed(
    client, world, meeting, values, field, message
):
    client.force_login(world.people["coordinator_b"])
    response = client.post(meeting_url(world, meeting, "register/"), form_data(meeting, **values))
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    if message:
        assert errors == [message]
    page = response.content.decode()
    assert 'value="Občina Idrija"' in page and "vegetarian" in page
    assert not Registration.objects.exists()


def test_a_day_not_of_the_meeting_is_refused_by_the_service_too(world, meeting):
    with pytest.raises(ValidationError) as refused:
        services.registration_save(
            meeting=meeting,
            by=world.people["coordinator_b"],
            partner=None,
            days=["2001-01-01"],
            name="Ana",
            email="ana@example.org",
        )
    assert refused.value.message_dict == {"days": ["2001-01-01 is not a day of this meeting."]}


def test_registration_for_a_meeting_that_is_over_is_refused(client, world, aluksne):
    meeting = make_meeting(world, starts_on=date(2019, 1, 31))  # no closing time set
    client.force_login(world.people["coordinator_b"])
    response = client.post(meeting_url(world, meeting, "register/"), form_data(meeting))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "The meeting is over: registration is closed."
    ]
    assert not Registration.objects.exists()


def test_registration_after_it_closed_says_when_in_local_time(client, world, aluksne):
    past = datetime(2020, 1, 20, 16, 0, tzinfo=UTC)  # 18.00 in Riga
    meeting = make_meeting(world, registration_closes_at=past)
    client.force_login(world.people["coordinator_b"])
    url = meeting_url(world, meeting, "register/")
    response = client.post(url, form_data(meeting))
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "Registration closed on 20 January 2020 at 18:00."
    ]
    assert "vegetarian" in response.content.decode()
    latvian = client.post(meeting_url(world, meeting, "register/", "lv"), form_data(meeting))
    assert "2020. gada 20. janvārī plkst. 18.00" in latvian.content.decode()
    assert not Registration.objects.exists()
    # The organisers may still register people.
    client.force_login(world.people["coordinator_a"])
    data = form_data(meeting, email="late@example.org", partner=world.partners["aluksne"].pk)
    assert client.post(meeting_url(world, meeting, "register/someone/"), data).status_code == 302


def test_a_cancelled_meeting_takes_no_registrations(client, world):
    meeting = make_meeting(world, cancelled_at=timezone.now())
    for who in ("coordinator_b", "lead"):
        client.force_login(world.people[who])
        response = client.post(meeting_url(world, meeting, "register/"), form_data(meeting))
        assert response.status_code == 400
        assert response.context["form"].non_field_errors() == [
            "The meeting is cancelled: no one can register for it."
        ]
    assert not Registration.objects.exists()


def test_twice_is_refused_by_account_and_by_e_mail_naming_it(client, world, meeting):
    person = world.people["coordinator_b"]
    client.force_login(person)
    url = meeting_url(world, meeting, "register/")
    assert client.post(url, form_data(meeting)).status_code == 302
    twice = client.post(url, form_data(meeting, email="other@example.org"))
    assert twice.status_code == 400
    assert twice.context["form"].non_field_errors() == [
        "You are already registered for this meeting. Change your registration instead."
    ]
    # Someone else with the same address (any case), registered by the organiser.
    client.force_login(world.people["lead"])
    same = form_data(
        meeting, email="Coordinator_B@network.example.org", partner=world.partners["idrija"].pk
    )
    response = client.post(meeting_url(world, meeting, "register/someone/"), same)
    assert response.status_code == 400
    assert response.context["form"].errors["email"] == [
        "coordinator_b@network.example.org is already registered for this meeting."
    ]
    assert Registration.objects.count() == 1


def test_a_coordinator_registers_people_only_for_their_own_partner(client, world, meeting):
    coordinator = world.people["coordinator_b"]
    client.force_login(coordinator)
    url = meeting_url(world, meeting, "register/someone/")
    form = client.get(url).context["form"]
    assert [pk for pk, _town in list(form.fields["partner"].choices)[1:]] == [
        world.partners["idrija"].pk
    ]
    assert form.initial["partner"] == world.partners["idrija"].pk
    ok = form_data(
        meeting, name="Local Baker", email="", partner=world.partners["idrija"].pk, dietary_needs=""
    )
    assert client.post(url, ok).status_code == 302
    baker = Registration.objects.get(name="Local Baker")
    assert (baker.user, baker.registered_by) == (None, coordinator)
    other = client.post(url, {**ok, "partner": world.partners["aluksne"].pk, "name": "X"})
    assert other.status_code == 400 and "partner" in other.context["form"].errors
    with pytest.raises(ValidationError) as refused:
        services.registration_save(
            meeting=meeting,
            by=coordinator,
            for_self=False,
            partner=world.partners["aluksne"],
            days=days_of(meeting),
            name="Y",
        )
    assert "partner" in refused.value.message_dict
    # Members who coordinate no partner may not register others.
    client.force_login(world.people["town_coordinator"])
    assert client.get(url).status_code == 403


def test_an_organiser_registers_anyone_and_an_account_is_linked_by_its_address(
    client, world, meeting
):
    ilze = make_user("ilze@example.org", full_name="Ilze Kalniņa")
    client.force_login(world.people["expert"])
    data = form_data(
        meeting, name="Ilze Kalniņa", email="Ilze@Example.org", partner=world.partners["altena"].pk
    )
    assert client.post(meeting_url(world, meeting, "register/someone/"), data).status_code == 302
    saved = Registration.objects.get()
    assert (saved.user, saved.email, saved.partner) == (
        ilze,
        "ilze@example.org",
        world.partners["altena"],
    )
    # Ilze sees it as hers.
    assert selectors.own_registration(ilze, meeting) == saved


def test_a_change_made_meanwhile_is_refused_with_both_shown(client, world, meeting):
    person = world.people["coordinator_b"]
    entry = register(meeting, world, "idrija", "Ana Novak", user=person)
    client.force_login(person)
    url = meeting_url(world, meeting, f"registrations/{entry.pk}/")
    started = client.get(url).context["form"].initial["version"]
    services.registration_save(
        meeting=meeting,
        by=world.people["lead"],
        registration=entry,
        version=entry.version,
        partner=entry.partner,
        days=entry.days,
        name=entry.name,
        email=entry.email,
        dietary_needs="no nuts",
    )
    mine = form_data(meeting, email=entry.email, dietary_needs="vegan", version=started)
    response = client.post(url, mine)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this registration while you were editing it." in page
    assert "As it was saved meanwhile" in page and "no nuts" in page
    assert response.context["form"]["dietary_needs"].value() == "vegan"
    again = {**mine, "version": response.context["form"]["version"].value()}
    assert client.post(url, again).status_code == 302
    entry.refresh_from_db()
    assert entry.dietary_needs == "vegan"


def test_cancelling_keeps_the_row_and_registering_again_works(client, world, meeting):
    person = world.people["coordinator_b"]
    client.force_login(person)
    client.post(meeting_url(world, meeting, "register/"), form_data(meeting))
    entry = Registration.objects.get()
    cancel = meeting_url(world, meeting, f"registrations/{entry.pk}/cancel/")
    stale = client.post(cancel, {"version": entry.version + 5})
    assert stale.status_code == 302
    entry.refresh_from_db()
    assert entry.cancelled_at is None
    assert client.post(cancel, {"version": entry.version}).status_code == 302
    entry.refresh_from_db()
    assert entry.cancelled_at is not None
    assert (
        client.post(meeting_url(world, meeting, "register/"), form_data(meeting)).status_code == 302
    )
    assert Registration.objects.count() == 2
    assert Registration.objects.filter(cancelled_at__isnull=True).count() == 1
    # A cancelled registration is not changed any more.
    with pytest.raises(ValidationError):
        services.registration_cancel(registration=entry, by=person, version=entry.version)


def test_who_may_change_a_registration(client, world, meeting):
    entry = register(meeting, world, "idrija", "Local Baker")
    url = meeting_url(world, meeting, f"registrations/{entry.pk}/")
    for who, status in (
        ("coordinator_b", 200),  # the partner's coordinator
        ("coordinator_a", 200),  # the host's: an organiser
        ("lead", 200),
        ("town_coordinator", 403),  # a member only
    ):
        client.force_login(world.people[who])
        assert client.get(url).status_code == status, who


def test_other_networks_404_and_outsiders_403(client, world, meeting):
    other = Network.objects.create(slug="elsewhere", names={"en": "Elsewhere"})
    client.force_login(world.people["coordinator_b"])
    for rest in ("register/", "participants/", "attendance/"):
        wrong = f"/en/{other.slug}/members/meetings/{meeting.pk}/{rest}"
        assert client.get(wrong).status_code == 404
    client.force_login(world.people["outsider"])
    for rest in ("register/", "register/someone/", "participants/", "attendance/"):
        assert client.get(meeting_url(world, meeting, rest)).status_code == 403
    client.logout()
    assert client.get(meeting_url(world, meeting, "register/")).status_code == 302


def test_a_coordinator_changing_their_partners_person_does_not_see_dietary_needs(
    client, world, meeting
):
    entry = register(meeting, world, "idrija", "Local Baker", dietary_needs="kosher")
    url = meeting_url(world, meeting, f"registrations/{entry.pk}/")
    client.force_login(world.people["coordinator_b"])
    page = client.get(url)
    assert "dietary_needs" not in page.context["form"].fields
    assert "kosher" not in page.content.decode()
    data = form_data(meeting, name="Local Baker", email=entry.email, version=entry.version)
    data.pop("dietary_needs")
    data["partner"] = world.partners["idrija"].pk
    assert client.post(url, data).status_code == 302
    entry.refresh_from_db()
    assert (entry.organisation, entry.dietary_needs) == ("Občina Idrija", "kosher")  # kept
    client.force_login(world.people["lead"])
    assert "kosher" in client.get(url).content.decode()  # an organiser sees it
