"""Meetings for the three-month goals' tests, made with the ORM over plans_data's network:
the kick-off in Alūksne (31 January to 1 February 2019) and the next meeting in Melgaço
(15 and 16 May 2019). Alūksne has a Transfer Plan; Melgaço has none unless a test starts one."""

from dataclasses import dataclass
from datetime import date

from regrow.network.models import Goal, Meeting, Partner
from regrow.network.services import goals as services
from tests.network.plans_data import PlanNetwork, make_plan_network


@dataclass
class GoalsWorld:
    net: PlanNetwork
    first: Meeting
    second: Meeting

    @property
    def people(self):
        return self.net.people

    @property
    def partners(self):
        return self.net.partners

    def url(self, meeting: Meeting, rest: str = "", language: str = "en") -> str:
        return f"/{language}/regrow-city/members/meetings/{meeting.pk}/{rest}"


def make_meeting(network, host: Partner | None, starts_on: date, ends_on: date, **values):
    return Meeting.objects.create(
        network=network,
        kind=values.pop("kind", Meeting.Kind.TRANSNATIONAL),
        host=host,
        titles=values.pop("titles", {"en": f"Meeting in {host.town.name if host else 'online'}"}),
        starts_on=starts_on,
        ends_on=ends_on,
        **values,
    )


def make_goals_world() -> GoalsWorld:
    net = make_plan_network()
    net.start_plan()
    first = make_meeting(
        net.network,
        net.partners["aluksne"],
        date(2019, 1, 31),
        date(2019, 2, 1),
        titles={"en": "Kick-off in Alūksne", "lv": "Sākuma sanāksme Alūksnē"},
    )
    second = make_meeting(
        net.network,
        net.partners["melgaco"],
        date(2019, 5, 15),
        date(2019, 5, 16),
        titles={"en": "Thematic meeting in Melgaço", "lv": "Tematiskā sanāksme Melgasu"},
        kind=Meeting.Kind.THEMATIC,
    )
    return GoalsWorld(net, first, second)


def set_goal(world: GoalsWorld, meeting=None, town="aluksne", **values) -> Goal:
    values = {
        "title": "Owners' call for vacant units",
        "description": "",
        "owner": "Development department",
        "due_on": date(2019, 4, 30),
        **values,
    }
    return services.goal_add(
        meeting=meeting or world.first,
        partner=world.partners[town],
        by=world.people[f"{town}_author"],
        **values,
    )
