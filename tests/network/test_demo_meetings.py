"""The network demo's meetings: the kick-off in Alūksne with its two-day agenda, participants,
decisions and site visit to vacant units of the demo register; the three-month goals set there
as actions of the partners' plans and reviewed in Isernia; the later meetings; the public
summary; and loading twice makes no duplicates."""

from datetime import date

from django.utils import timezone

from regrow.lib.demo import Demo, demo_modules
from regrow.network.models import (
    AgendaItem,
    Decision,
    Goal,
    Meeting,
    Network,
    PlanAction,
    Registration,
    SiteVisitStop,
    TransferPlan,
)
from regrow.premises.choices import Status
from regrow.premises.selectors import units_with_status

MODELS = [Meeting, AgendaItem, Registration, Decision, SiteVisitStop, Goal, PlanAction]
ACTION_STATUS = {"achieved": "done", "partly": "in_progress", "not_achieved": "delayed"}


def load_up_to_network(demo: Demo) -> None:
    """The demo's loaders up to the network's: the register (loaded after it) is not there yet."""
    for module in demo_modules():
        module.load(demo)
        if module.__name__ == "regrow.network.demo":
            return


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_demo_meetings_agenda_goals_site_visit_and_no_duplicates(db):
    load_up_to_network(Demo())
    network = Network.objects.get(slug="regrow-city")
    assert network.public_summary == ["plans", "actions", "meetings"]
    meetings = list(Meeting.objects.filter(network=network))
    assert [(m.kind, m.starts_on.isoformat()[:7]) for m in meetings] == [
        ("transnational", "2019-01"),
        ("thematic", "2019-11"),
        ("transnational", "2020-01"),
        ("online", "2021-05"),
    ]
    kick_off, isernia, nyirbator, final = meetings
    for meeting in meetings:
        assert {"lv", "en"} <= set(meeting.titles) and {"lv", "en"} <= set(meeting.descriptions)
        for item in meeting.agenda_items.all():
            assert item.titles["lv"] and item.titles["en"]
            assert item.day in meeting.days()
        assert meeting.decisions.exists()
    assert (kick_off.starts_on, kick_off.ends_on) == (date(2019, 1, 31), date(2019, 2, 1))
    assert kick_off.host.town.slug == "aluksne" and kick_off.time_zone == "Europe/Riga"
    assert "Dārza iela 11" in kick_off.address and kick_off.latitude is not None
    assert (isernia.host.town.slug, isernia.time_zone) == ("isernia", "Europe/Rome")
    assert nyirbator.time_zone == "Europe/Budapest"
    assert final.host is None and final.online_url.startswith("https://example.org/")
    assert "follow-up network" in final.decisions.get().text
    assert "declaration" in nyirbator.decisions.first().text
    # The kick-off's two days, each with an agenda; a workshop per thematic group on day one.
    days = {item.day for item in kick_off.agenda_items.all()}
    assert days == set(kick_off.days()) and len(days) == 2
    workshop = kick_off.agenda_items.get(titles__en__startswith="First drafts")
    assert workshop.children.count() == 3
    assert workshop.decisions.exists()
    assert kick_off.agenda_items.filter(parent=None).exclude(minutes="").count() >= 4
    # About two people per partner, the demo's coordinators among them; one walk-in.
    people = kick_off.registrations.all()
    assert people.filter(user__email="partner@aluksne.example.org").exists()
    assert people.filter(walk_in=True).count() == 1
    assert all(person.attended_days for person in people)
    assert len({person.partner_id for person in people if person.partner_id}) == 8
    assert all(
        person.email.endswith(".example.org") or person.email.endswith("@example.org")
        for person in people
    )
    # The site visit: vacant units of Alūksne's register, in route order.
    stops = list(kick_off.site_stops.select_related("unit__town"))
    assert 3 <= len(stops) <= 5
    assert [stop.order for stop in stops] == list(range(1, len(stops) + 1))
    assert all(stop.unit.town.slug == "aluksne" and stop.notes for stop in stops)
    statuses = units_with_status(
        stops[0].unit.town.units.filter(pk__in=[stop.unit_id for stop in stops]),
        timezone.localdate(),
    )
    assert {unit.status_now for unit in statuses} == {Status.VACANT}
    # Goals set at the kick-off: actions of the partners' plans, reviewed in Isernia.
    planned = set(TransferPlan.objects.values_list("partner_id", flat=True))
    goals = list(Goal.objects.filter(meeting=kick_off).select_related("action__plan"))
    assert {goal.partner_id for goal in goals} == planned
    for goal in goals:
        assert goal.action.plan.partner_id == goal.partner_id
        assert goal.action.title == goal.title and goal.action.owner == goal.owner
        assert goal.action.starts_on == date(2019, 2, 1)
        assert goal.reviewed_at_meeting == isernia and goal.reviewed_by is not None
        assert goal.reviewed_by.network_memberships.filter(partner=goal.partner).exists()
        assert goal.action.status == ACTION_STATUS[goal.outcome]
    assert {goal.outcome for goal in goals} == set(ACTION_STATUS)
    later = Goal.objects.filter(meeting=isernia)
    assert later.exists() and all(goal.reviewed_at_meeting == nyirbator for goal in later)

    before = counts()
    load_up_to_network(Demo())
    assert counts() == before
