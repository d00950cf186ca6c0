"""The network's members' area and the lead's set-up: who may open what, the members' home
(phases, milestones with the overdue ones marked, components with their thematic groups,
partners), and the set-up's refusals of bad input, each on its field with what was typed kept."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from regrow.network.models import Milestone, Partner, Phase, TransferPlan
from regrow.network.services import setup as services
from tests.network.setup_data import add_structure, make_network

MANAGED = [
    "setup/",
    "setup/phases/",
    "setup/milestones/",
    "setup/partners/",
    "setup/components/",
    "people/",
]


@pytest.fixture
def world(aluksne, altena):
    network = make_network(aluksne, altena)
    add_structure(network)
    return network


def _status(client, user, path):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(path).status_code


@pytest.mark.parametrize(
    ("who", "home", "setup"),
    [
        ("lead", 200, 200),
        ("expert", 200, 403),
        ("coordinator_a", 200, 403),
        ("coordinator_b", 200, 403),
        ("town_coordinator", 200, 403),  # a partner town's coordinator reads the network
        ("outsider", 403, 403),
    ],
)
def test_who_may_open_the_members_area_and_the_set_up(client, world, who, home, setup):
    user = world.people[who]
    assert _status(client, user, world.url()) == home
    component = world.network.components.first()
    assert _status(client, user, world.url(f"components/{component.pk}/")) == home
    for path in MANAGED:
        assert _status(client, user, world.url(path)) == setup, path


def test_strangers_are_sent_to_sign_in_and_unknown_networks_are_404(client, world):
    response = client.get(world.url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(world.people["lead"])
    assert client.get("/en/no-such-network/members/").status_code == 404
    # A town's address is not a network's.
    assert client.get("/en/aluksne/members/").status_code == 404


def test_the_members_home_lists_phases_milestones_groups_and_partners(client, world):
    client.force_login(world.people["coordinator_b"])
    page = client.get(world.url()).content.decode()
    assert "Preparation" in page and "Transfer learning" in page
    assert "From 1 January 2019 to 30 June 2020" in page
    # The plans were due long ago and are not marked done: overdue; the review was done.
    due_row = page[page.index("Transfer Plans due") :].split("</tr>")[0]
    assert "Overdue" in due_row
    review_row = page[page.index("Mid-term review") :].split("</tr>")[0]
    assert "Overdue" not in review_row
    # Thematic groups: who chose each component.
    popups = page[page.index("Pop-up shops") :].split("</li>")[0]
    assert "Alūksne" in popups and "Idrija" not in popups
    assert "Altena" in page and "Lead partner and good-practice city" in page
    # Set-up links are the lead's.
    assert world.url("setup/phases/") not in page
    client.force_login(world.people["lead"])
    assert world.url("setup/phases/") in client.get(world.url()).content.decode()


def test_the_members_home_and_set_up_pages_take_a_bounded_number_of_queries(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.people["lead"])
    for rest in [*MANAGED, ""]:
        client.get(world.url(rest))  # warm the session and the site's caches
        # 17: one is the two-factor rule's (a role in a network, and no authenticator app).
        with django_assert_max_num_queries(17):
            assert client.get(world.url(rest)).status_code == 200
    # More partners, components and milestones add no query.
    for number in range(20):
        town = world.towns["idrija"].__class__.objects.create(
            slug=f"town-{number}", name=f"Town {number}", country="LV", languages=["en"],
            centre_latitude=0, centre_longitude=0,
        )  # fmt: skip
        partner = Partner.objects.create(network=world.network, town=town)
        world.network.components.first().partners.add(partner)
        Milestone.objects.create(
            network=world.network, titles={"en": f"M{number}"}, due_on=date(2020, 1, 1)
        )
    with django_assert_max_num_queries(17):
        assert client.get(world.url()).status_code == 200


def post(client, world, rest, data, user="lead"):
    client.force_login(world.people[user])
    return client.post(world.url(rest), data)


def test_the_lead_sets_the_network_up(client, world):
    response = post(
        client,
        world,
        "setup/",
        {"programme": "URBACT III", "kind": "Transfer Network", "started_on": "2018-06-01"},
    )
    assert response.status_code == 302
    world.network.refresh_from_db()
    assert world.network.ended_on is None and world.network.kind == "Transfer Network"


def test_a_network_ending_before_it_starts_is_refused_on_the_field(client, world):
    response = post(client, world, "setup/", {"started_on": "2019-01-01", "ended_on": "2018-12-31"})
    assert response.status_code == 400
    assert response.context["form"].errors["ended_on"] == ["A network cannot end before it starts."]


def test_network_dates_that_would_leave_a_phase_outside_are_refused(client, world):
    response = post(client, world, "setup/", {"started_on": "2019-01-01", "ended_on": "2021-06-30"})
    assert response.status_code == 400
    assert "“Preparation”" in response.context["form"].errors["started_on"][0]
    world.network.refresh_from_db()
    assert world.network.started_on == date(2018, 6, 1)


def phase_data(**values):
    return {
        "kind": Phase.Kind.TRANSFER_SHARING,
        "starts_on": "2020-07-01",
        "ends_on": "2020-12-31",
        "names_en": "",
        "names_lv": "",
        **values,
    }


def test_the_lead_adds_a_phase_typed_in_latvian(client, world):
    client.force_login(world.people["lead"])
    response = client.post(
        f"/lv/{world.network.slug}/members/setup/phases/",
        phase_data(starts_on="01.07.2020", ends_on="31.12.2020", names_lv="Pieredzes nodošana"),
    )
    assert response.status_code == 302
    phase = Phase.objects.get(kind=Phase.Kind.TRANSFER_SHARING)
    assert (phase.starts_on, phase.ends_on) == (date(2020, 7, 1), date(2020, 12, 31))
    assert phase.names == {"lv": "Pieredzes nodošana"}


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"starts_on": "2020-12-31", "ends_on": "2020-07-01"},
            "ends_on",
            "A phase cannot end before it starts.",
        ),
        (
            {"starts_on": "2020-06-01", "ends_on": "2020-12-31"},
            "starts_on",
            "It overlaps the phase “Transfer learning”: From 1 January 2019 to 30 June 2020.",
        ),
        (
            {"starts_on": "2021-01-01", "ends_on": "2021-12-31"},
            "starts_on",
            "A phase lies within the network's dates: From 1 June 2018 to 30 June 2021.",
        ),
        ({"starts_on": "31.02.2020"}, "starts_on", "Enter a valid date."),
    ],
)
def test_bad_phases_are_refused_on_their_field_and_the_form_keeps_them(
    client, world, values, field, message
):
    response = post(client, world, "setup/phases/", phase_data(**values))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert values[field] in response.content.decode()  # what was typed stays
    assert not Phase.objects.filter(kind=Phase.Kind.TRANSFER_SHARING).exists()


def test_a_phase_is_changed_and_deleted_on_its_page(client, world):
    phase = Phase.objects.get(kind=Phase.Kind.TRANSFER_LEARNING)
    response = post(
        client,
        world,
        f"setup/phases/{phase.pk}/",
        phase_data(kind=Phase.Kind.TRANSFER_LEARNING, starts_on="2019-02-01", ends_on="2020-07-31"),
    )
    assert response.status_code == 302
    phase.refresh_from_db()
    assert phase.starts_on == date(2019, 2, 1)  # its own dates do not overlap itself
    assert post(client, world, f"setup/phases/{phase.pk}/delete/", {}).status_code == 302
    assert not Phase.objects.filter(pk=phase.pk).exists()


def milestone_data(**values):
    return {
        "titles_en": "End of transfer learning",
        "titles_lv": "",
        "month": "18",
        "due_on": "2020-06-30",
        "done_on": "",
        **values,
    }


def test_the_lead_adds_a_milestone(client, world):
    assert post(client, world, "setup/milestones/", milestone_data()).status_code == 302
    milestone = Milestone.objects.get(month=18)
    assert milestone.titles == {"en": "End of transfer learning"}


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"month": "0"}, "month", "Ensure this value is greater than or equal to 1."),
        ({"month": "-3"}, "month", "Ensure this value is greater than or equal to 1."),
        ({"titles_en": ""}, "titles_en", "This field is required."),
        ({"due_on": ""}, "due_on", "This field is required."),
        (
            {"done_on": (timezone.localdate() + timedelta(days=2)).isoformat()},
            "done_on",
            "A milestone cannot be done on a day still to come.",
        ),
    ],
)
def test_bad_milestones_are_refused_on_their_field(client, world, values, field, message):
    response = post(client, world, "setup/milestones/", milestone_data(**values))
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert not Milestone.objects.filter(month=18).exists()


def test_the_services_refuse_what_the_forms_would_not_send(world):
    lead = world.people["lead"]
    with pytest.raises(ValidationError) as error:
        services.milestone_save(
            network=world.network, by=lead, titles={"en": "x"}, month=0, due_on=date(2020, 1, 1)
        )
    assert "month" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.milestone_save(
            network=world.network, by=lead, titles={"en": " "}, month=1, due_on=date(2020, 1, 1)
        )
    assert "titles" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.phase_save(
            network=world.network,
            by=lead,
            kind="no-such-kind",
            names={},
            starts_on=date(2020, 7, 1),
            ends_on=date(2020, 8, 1),
        )
    for who in ("expert", "coordinator_a", "town_coordinator", "outsider"):
        with pytest.raises(PermissionDenied):
            services.phase_save(
                network=world.network,
                by=world.people[who],
                kind=Phase.Kind.OTHER,
                names={},
                starts_on=date(2020, 7, 1),
                ends_on=date(2020, 8, 1),
            )


def test_others_cannot_post_to_the_set_up(client, world):
    for who in ("expert", "coordinator_a", "outsider"):
        response = post(client, world, "setup/milestones/", milestone_data(), user=who)
        assert response.status_code == 403
    assert not Milestone.objects.filter(month=18).exists()


def test_partners_with_roles_and_components(client, world, django_capture_on_commit_callbacks):
    popups = world.network.components.get(order=1)
    platform = world.network.components.get(order=2)
    from tests.fixtures import make_town

    melgaco = make_town("melgaco", "Melgaço", "PT", languages=["en"])
    response = post(
        client,
        world,
        "setup/partners/",
        {"town": melgaco.pk, "role": Partner.Role.PARTNER, "components": [popups.pk]},
    )
    assert response.status_code == 302
    partner = Partner.objects.get(town=melgaco)
    assert list(partner.components.all()) == [popups]
    # A second lead partner is refused, naming the one there is.
    response = post(
        client,
        world,
        f"setup/partners/{partner.pk}/",
        {"role": Partner.Role.LEAD, "components": [platform.pk]},
    )
    assert response.status_code == 400
    assert "Altena is already the lead partner" in response.context["form"].errors["role"][0]
    # The same town twice, through the service (the form offers only towns not in yet).
    with pytest.raises(ValidationError) as error:
        services.partner_save(
            network=world.network, by=world.people["lead"], town=melgaco, role="partner"
        )
    assert "Melgaço is already a partner" in error.value.message_dict["town"][0]
    response = post(
        client,
        world,
        f"setup/partners/{partner.pk}/",
        {"role": Partner.Role.PARTNER, "components": [platform.pk]},
    )
    assert response.status_code == 302
    assert list(partner.components.all()) == [platform]


def test_a_partner_with_a_transfer_plan_is_not_removed(client, world):
    partner = world.partners["aluksne"]
    TransferPlan.objects.create(partner=partner, language="lv", title="Plāns")
    client.force_login(world.people["lead"])
    response = client.post(world.url(f"setup/partners/{partner.pk}/remove/"), follow=True)
    assert "Alūksne has a Transfer Plan" in response.content.decode()
    assert Partner.objects.filter(pk=partner.pk).exists()
    idrija = world.partners["idrija"]
    client.post(world.url(f"setup/partners/{idrija.pk}/remove/"))
    assert not Partner.objects.filter(pk=idrija.pk).exists()
    # Its coordinator's role went with it.
    assert not world.people["coordinator_b"].network_memberships.exists()
