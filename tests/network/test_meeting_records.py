"""A meeting's minutes and decisions: who reads and who writes (members read, organisers
write, another network's meeting is 404, an outsider 403), minutes per item with their
paragraphs, a save that clashes (409, naming who changed them, keeping the typed text),
decisions added, refused when due before the meeting (naming the field), changed with their
version, removed and put back."""

from datetime import date

import pytest

from regrow.network.models import AgendaItem, Decision, Network
from tests.network.meeting_records_data import make_meeting, make_records_world
from tests.standards import read_page


@pytest.fixture
def records(aluksne, altena):
    return make_records_world(aluksne, altena)


def signed_in(client, records, name: str):
    client.force_login(records.people[name])
    return client


# Who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("rest", ["minutes/", "decisions/", "documents/", "site-visit/"])
def test_members_read_the_records_and_outsiders_may_not(client, records, rest):
    answer = signed_in(client, records, "coordinator_b").get(records.url(rest))
    assert answer.status_code == 200
    assert read_page(answer.content.decode()).errors == []
    answer = signed_in(client, records, "lead").get(records.url(rest), {"q": "iela"})
    assert answer.status_code == 200
    assert read_page(answer.content.decode()).errors == []
    client.force_login(records.people["outsider"])
    assert client.get(records.url(rest)).status_code == 403
    client.logout()
    assert client.get(records.url(rest)).status_code == 302  # to sign in


def test_another_networks_meeting_is_not_found(client, records):
    other = Network.objects.create(
        slug="other-net",
        names={"en": "Other"},
        programme="URBACT III",
        kind="Transfer Network",
        started_on=date(2018, 1, 1),
        ended_on=date(2020, 1, 1),
    )
    records.world.network = other
    foreign = make_meeting(records.world, host=None)
    signed_in(client, records, "lead")
    url = f"/en/regrow-city/members/meetings/{foreign.pk}/minutes/"
    assert client.get(url).status_code == 404
    item = records.items[0]
    url = f"/en/regrow-city/members/meetings/{records.meeting.pk}/minutes/{item.pk}/"
    assert client.get(url).status_code == 200
    url = f"/en/other-net/members/meetings/{records.meeting.pk}/minutes/{item.pk}/"
    assert client.get(url).status_code == 404


def test_a_member_who_does_not_organise_cannot_write(client, records):
    signed_in(client, records, "coordinator_b")
    item = records.items[0]
    page = client.get(records.url("minutes/"))
    assert b"<textarea" not in page.content
    answer = client.post(records.url(f"minutes/{item.pk}/"), {"minutes": "x", "version": 1})
    assert answer.status_code == 403
    answer = client.post(records.url("decisions/"), {"text": "x", "responsible": "y"})
    assert answer.status_code == 403
    assert not Decision.objects.exists()


@pytest.mark.parametrize("name", ["lead", "expert", "coordinator_a"])
def test_organisers_write_the_minutes(client, records, name):
    item = records.items[1]
    signed_in(client, records, name)
    answer = client.post(
        records.url(f"minutes/{item.pk}/"),
        {"minutes": "First paragraph.\r\n\r\n\r\nSecond paragraph.  ", "version": 1},
    )
    assert answer.status_code == 302
    assert answer["Location"].endswith(f"minutes/#item-{item.pk}")
    item.refresh_from_db()
    assert item.minutes == "First paragraph.\n\nSecond paragraph."
    assert (item.version, item.minutes_updated_by) == (2, records.people[name])
    page = client.get(records.url("minutes/"))
    assert "First paragraph." in page.content.decode()
    client.force_login(records.people["coordinator_b"])
    page = client.get(records.url("minutes/")).content.decode()
    assert "<p>First paragraph.</p>" in page and "<p>Second paragraph.</p>" in page


def test_a_minutes_save_that_clashes_keeps_the_typed_text_and_names_who(client, records):
    item = records.items[0]
    signed_in(client, records, "lead")
    client.post(records.url(f"minutes/{item.pk}/"), {"minutes": "Lead's text.", "version": 1})
    signed_in(client, records, "coordinator_a")
    answer = client.post(
        records.url(f"minutes/{item.pk}/"), {"minutes": "My own text.", "version": 1}
    )
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "lead of Re-grow City changed these minutes" in page
    assert "My own text." in page and "Lead&#x27;s text." in page
    item.refresh_from_db()
    assert item.minutes == "Lead's text."
    # Saving again from the page (its form now carries their version) goes through.
    assert 'name="version" value="2"' in page
    answer = client.post(
        records.url(f"minutes/{item.pk}/"), {"minutes": "My own text.", "version": 2}
    )
    assert answer.status_code == 302
    item.refresh_from_db()
    assert item.minutes == "My own text."


def test_minutes_too_long_are_refused_naming_the_field(client, records):
    item = records.items[0]
    signed_in(client, records, "lead")
    answer = client.post(
        records.url(f"minutes/{item.pk}/"), {"minutes": "x" * 20_001, "version": 1}
    )
    assert answer.status_code == 400
    assert f'id="id_item{item.pk}_minutes_error"' in answer.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).minutes == ""


# Decisions -----------------------------------------------------------------------------------


def test_a_decision_due_before_the_meeting_is_refused_naming_the_field(client, records):
    signed_in(client, records, "coordinator_a")
    data = {
        "text": "Map the vacant units",
        "responsible": "Alūksne",
        "due_on": "30.01.2019",
        "agenda_item": records.items[0].pk,
    }
    answer = client.post(records.url("decisions/"), data)
    assert answer.status_code == 400
    page = answer.content.decode()
    assert "id_due_on_error" in page and "cannot be before the meeting" in page
    assert "Map the vacant units" in page  # kept
    assert not Decision.objects.exists()
    data["due_on"] = "31.03.2019"
    answer = client.post(records.url("decisions/"), data)
    assert answer.status_code == 302
    decision = Decision.objects.get()
    assert (decision.due_on, decision.agenda_item, decision.created_by) == (
        date(2019, 3, 31),
        records.items[0],
        records.people["coordinator_a"],
    )


def test_a_decision_under_another_meetings_item_is_refused(client, records):
    other = make_meeting(records.world)
    foreign_item = AgendaItem.objects.create(
        meeting=other, day=other.starts_on, starts_at="10:00", duration_minutes=30,
        titles={"en": "Elsewhere"},
    )  # fmt: skip
    signed_in(client, records, "lead")
    data = {"text": "X", "responsible": "Y", "agenda_item": foreign_item.pk}
    answer = client.post(records.url("decisions/"), data)
    assert answer.status_code == 400
    assert not Decision.objects.exists()


def test_a_decision_is_changed_with_its_version(client, records):
    signed_in(client, records, "lead")
    client.post(records.url("decisions/"), {"text": "Old", "responsible": "Lead"})
    decision = Decision.objects.get()
    url = records.url(f"decisions/{decision.pk}/")
    answer = client.post(url, {"text": "New", "responsible": "Lead", "version": 1})
    assert answer.status_code == 302
    decision.refresh_from_db()
    assert (decision.text, decision.version) == ("New", 2)
    answer = client.post(url, {"text": "Stale edit", "responsible": "Me", "version": 1})
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "Someone changed this decision" in page and "Stale edit" in page
    decision.refresh_from_db()
    assert decision.text == "New"


def test_a_decision_is_removed_and_put_back(client, records):
    signed_in(client, records, "lead")
    client.post(records.url("decisions/"), {"text": "Keep me", "responsible": "Lead"})
    decision = Decision.objects.get()
    assert client.post(records.url(f"decisions/{decision.pk}/remove/")).status_code == 302
    decision.refresh_from_db()
    assert decision.removed_at is not None
    page = client.get(records.url("decisions/")).content.decode()
    assert "Keep me" not in page and "1 removed decision" in page
    assert "Keep me" in client.get(records.url("decisions/removed/")).content.decode()
    client.force_login(records.people["coordinator_b"])
    assert client.get(records.url("decisions/removed/")).status_code == 403
    assert client.post(records.url(f"decisions/{decision.pk}/restore/")).status_code == 403
    signed_in(client, records, "lead")
    assert client.post(records.url(f"decisions/{decision.pk}/restore/")).status_code == 302
    decision.refresh_from_db()
    assert decision.removed_at is None
    assert "Keep me" in client.get(records.url("decisions/")).content.decode()


def test_the_meeting_page_panel_counts_the_records(rf, records):
    from regrow.network.meeting_panels import records as panel

    Decision.objects.create(meeting=records.meeting, text="A", responsible="B")
    AgendaItem.objects.filter(pk=records.items[0].pk).update(minutes="Written")
    request = rf.get("/")
    request.user = records.people["coordinator_b"]
    _template, context = panel.panel(request, records.meeting)
    counts = context["counts"]
    assert (counts.items, counts.minutes, counts.decisions, counts.stops) == (4, 1, 1, 0)
    assert context["organiser"] is False
    request.user = records.people["outsider"]
    assert panel.panel(request, records.meeting) is None


def test_the_meeting_page_shows_the_records_panel(client, records):
    answer = signed_in(client, records, "coordinator_b").get(records.url())
    assert answer.status_code == 200
    page = answer.content.decode()
    assert 'id="records-panel-heading"' in page
    assert records.url("minutes.docx") in page and records.url("site-visit/") in page
    assert read_page(page).errors == []
