"""The organisers' attendance: a day's list saved in one POST, a clash with someone else's change
naming the person and saving nothing, someone who came without registering recorded and marked;
the sign-in sheet as a real PDF with the names, one part per day; and a person's registrations in
"My data" and their erasure (coming meetings' deleted, past ones' anonymised)."""

import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regrow.accounts import services as account_services
from regrow.network.meeting_sheet import laid_out, sheet_documents
from regrow.network.models import Registration
from regrow.network.services import registrations as services
from tests.fixtures import make_user
from tests.network.registrations_data import make_meeting, meeting_url, register
from tests.network.setup_data import make_network


@pytest.fixture
def world(aluksne, altena):
    return make_network(aluksne, altena)


@pytest.fixture
def meeting(world):
    meeting = make_meeting(world)
    register(meeting, world, "aluksne", "Anna Alūksne")
    register(meeting, world, "idrija", "Ivo Idrija", days=[meeting.starts_on.isoformat()])
    return meeting


def day_url(world, meeting, day, rest=""):
    return meeting_url(world, meeting, f"attendance/{day.isoformat()}/{rest}")


def rows(meeting):
    return {entry.name: entry for entry in Registration.objects.filter(meeting=meeting)}


def marks(entries, present):
    return {
        "row": [f"{entry.pk}:{entry.version}" for entry in entries],
        "present": [str(entry.pk) for entry in entries if entry.name in present],
    }


def test_only_organisers_record_attendance(client, world, meeting):
    for who, status in (("coordinator_a", 200), ("lead", 200), ("coordinator_b", 403)):
        client.force_login(world.people[who])
        assert client.get(meeting_url(world, meeting, "attendance/")).status_code == status
        sheet = client.get(meeting_url(world, meeting, "sign-in-sheet.pdf"))
        assert sheet.status_code == status
    client.force_login(world.people["lead"])
    assert client.get(meeting_url(world, meeting, "attendance/2001-01-01/")).status_code == 404


def test_a_days_attendance_is_saved_in_one_post(client, world, meeting):
    client.force_login(world.people["coordinator_a"])
    first, second = meeting.days()
    entries = rows(meeting)
    page = client.get(day_url(world, meeting, first))
    assert [row["registration"].name for row in page.context["rows"]] == [
        "Anna Alūksne",
        "Ivo Idrija",
    ]
    response = client.post(
        day_url(world, meeting, first), marks(entries.values(), {"Anna Alūksne", "Ivo Idrija"})
    )
    assert response.status_code == 302
    entries = rows(meeting)
    assert entries["Anna Alūksne"].attended_days == [first.isoformat()]
    assert entries["Ivo Idrija"].attended_days == [first.isoformat()]
    # The second day: Ivo (not registered for it) came too; Anna did not.
    client.post(day_url(world, meeting, second), marks(entries.values(), {"Ivo Idrija"}))
    entries = rows(meeting)
    assert entries["Anna Alūksne"].attended_days == [first.isoformat()]
    assert entries["Ivo Idrija"].attended_days == [first.isoformat(), second.isoformat()]


def test_a_clash_names_the_person_and_saves_nothing(client, world, meeting):
    client.force_login(world.people["lead"])
    day = meeting.starts_on
    read = rows(meeting)  # as the page showed them
    # Meanwhile Ivo changes his registration.
    ivo = read["Ivo Idrija"]
    Registration.objects.filter(pk=ivo.pk).update(version=ivo.version + 1, dietary_needs="tea")
    response = client.post(
        day_url(world, meeting, day), marks(read.values(), {"Anna Alūksne", "Ivo Idrija"})
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed the registration of Ivo Idrija meanwhile." in page
    assert all(row["present"] for row in response.context["rows"])  # what was ticked stays
    assert all(entry.attended_days == [] for entry in rows(meeting).values())
    # Sent again from the page as it is now, it saves.
    again = client.post(
        day_url(world, meeting, day), marks(rows(meeting).values(), {"Anna Alūksne", "Ivo Idrija"})
    )
    assert again.status_code == 302
    assert all(entry.attended_days == [day.isoformat()] for entry in rows(meeting).values())


def test_someone_who_did_not_register_is_recorded_and_marked(client, world, meeting):
    client.force_login(world.people["coordinator_a"])
    day = meeting.ends_on
    data = {
        "walk_in-name": "Pēteris Bērziņš",
        "walk_in-organisation": "Alūksnes uzņēmēji",
        "walk_in-partner": world.partners["aluksne"].pk,
    }
    assert client.post(day_url(world, meeting, day, "walk-in/"), data).status_code == 302
    entry = Registration.objects.get(name="Pēteris Bērziņš")
    assert entry.walk_in and entry.attended_days == [day.isoformat()] == entry.days
    listed = client.get(day_url(world, meeting, day)).content.decode()
    assert "Pēteris Bērziņš" in listed and "not registered" in listed
    participants = client.get(meeting_url(world, meeting, "participants/")).content.decode()
    assert "not registered" in participants
    refused = client.post(day_url(world, meeting, day, "walk-in/"), {**data, "walk_in-name": ""})
    assert refused.status_code == 400
    assert refused.context["walk_in"].errors["name"] == ["This field is required."]
    assert "Alūksnes uzņēmēji" in refused.content.decode()  # kept
    client.force_login(world.people["coordinator_b"])
    assert client.post(day_url(world, meeting, day, "walk-in/"), data).status_code == 403


def test_the_attendance_page_takes_the_same_queries_for_more_people(client, world, meeting):
    client.force_login(world.people["lead"])
    url = day_url(world, meeting, meeting.starts_on)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(60):
        register(meeting, world, "altena", f"P{number:02}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(response.context["rows"]) == 50
    assert len(many) == len(few) <= 16


def test_the_sign_in_sheet_is_a_pdf_with_a_part_per_day(client, world, meeting):
    services.walk_in_record(
        meeting=meeting,
        by=world.people["lead"],
        day=meeting.ends_on,
        name="Pēteris Bērziņš",
        organisation="",
        partner=None,
    )
    first, second = sheet_documents(meeting, "lv")
    assert first.title == "Ievada tikšanās" and first.language == "lv"
    first_text, second_text = (repr(document.blocks) for document in (first, second))
    assert "Anna Alūksne" in first_text and "Ivo Idrija" in first_text
    assert "Ivo Idrija" not in second_text  # he registered for the first day only
    assert "Pēteris Bērziņš" in second_text
    assert "Alūksnes Jaunā pils, Pils iela 74, Alūksne" in first_text
    english, _second = sheet_documents(meeting, "en")
    assert english.blocks[1].text == "Alūksne"
    assert english.subtitle.startswith("Sign-in sheet: ")
    assert list(english.blocks[2].header) == ["Name", "Organisation", "Town", "Signature"]
    client.force_login(world.people["lead"])
    response = client.get(meeting_url(world, meeting, "sign-in-sheet.pdf", "lv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-") and len(response.content) > 5_000
    # One page for each day (their parts laid out one after the other in the file).
    assert [len(part.pages) for part in laid_out(meeting, "lv")] == [1, 1]


def test_the_sheet_takes_the_same_queries_for_more_people(client, world, meeting):
    client.force_login(world.people["lead"])
    url = meeting_url(world, meeting, "sign-in-sheet.pdf")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(40):
        register(meeting, world, "altena", f"P{number:02}")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few) <= 12


def test_my_data_holds_the_persons_registrations(client, world, meeting):
    ilze = make_user("ilze@example.org", full_name="Ilze Kalniņa")
    register(
        meeting,
        world,
        "aluksne",
        "Ilze Kalniņa",
        user=ilze,
        email="ilze@example.org",
        dietary_needs="vegetarian",
        attended_days=[meeting.starts_on.isoformat()],
    )
    # Someone else's registration carrying Ilze's address is not hers: a coordinator may
    # type any address into a registration of their partner.
    register(meeting, world, "idrija", "Petra", email="ilze@example.org", dietary_needs="halal")
    client.force_login(ilze)
    data = json.loads(client.get("/en/accounts/my-data.json").content)
    (mine,) = data["network_meeting_registrations"]
    assert (mine["meeting"], mine["partner"], mine["dietary_needs"]) == (
        "Kick-off meeting",
        "Alūksne",
        "vegetarian",
    )
    assert mine["days"] == [day.isoformat() for day in meeting.days()]
    assert mine["attended_days"] == [meeting.starts_on.isoformat()]
    assert "Anna" not in json.dumps(data) and "halal" not in json.dumps(data)
    page = client.get("/en/accounts/my-data/").content.decode()
    assert "Your registrations for network meetings" in page


def test_erasure_deletes_coming_and_anonymises_past_registrations(world, meeting):
    ilze = make_user("ilze@example.org", full_name="Ilze Kalniņa")
    past = make_meeting(world, starts_on=timezone.now().date() - timedelta(days=60))
    coming = register(meeting, world, "aluksne", "Ilze Kalniņa", user=ilze, email="")
    kept = register(
        past,
        world,
        "aluksne",
        "Ilze Kalniņa",
        user=ilze,
        email="ilze@example.org",
        dietary_needs="vegetarian",
        attended_days=[past.starts_on.isoformat()],
    )
    account_services.account_erase(user=ilze, by=ilze)
    assert not Registration.objects.filter(pk=coming.pk).exists()
    kept.refresh_from_db()
    assert (kept.name, kept.email, kept.dietary_needs, kept.user) == ("— (erased)", "", "", None)
    assert kept.attended_days == [past.starts_on.isoformat()]  # the meeting's counts stay
    assert rows(meeting).keys() == {"Anna Alūksne", "Ivo Idrija"}
