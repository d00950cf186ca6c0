"""The Re-grow City demo: the network's calendar, Altena's practice and the thematic groups,
Alūksne's Transfer Plan in two versions with its review and stakeholder group, the others'
shorter plans, and the members' pages that show them."""

from collections import Counter

from regrow.accounts.models import User
from regrow.lib.demo import load_all, report
from regrow.lib.richtext import plain_text
from regrow.network.models import (
    Component,
    Milestone,
    Network,
    NetworkMembership,
    NetworkRole,
    PeerReviewer,
    Phase,
    PlanSection,
    PlanVersion,
    ReviewComment,
    SectionKey,
    Stakeholder,
    TransferPlan,
)

Status = PlanVersion.Status


def test_demo_network_its_calendar_practice_and_people(db):
    demo = load_all()
    network = Network.objects.get(slug="regrow-city")
    assert (network.programme, network.kind) == ("URBACT III", "Transfer Network")
    phases = list(Phase.objects.filter(network=network))
    assert [phase.kind for phase in phases] == [
        "preparation",
        "transfer_learning",
        "transfer_sharing",
        "other",
    ]
    learning, sharing = phases[1], phases[2]
    assert learning.starts_on.isoformat() <= "2019-01-31" <= learning.ends_on.isoformat()
    months = (sharing.ends_on.year - learning.starts_on.year) * 12 + (
        sharing.ends_on.month - learning.starts_on.month + 1
    )
    assert months == 24
    assert network.ended_on.isoformat()[:7] == "2021-05"
    assert set(Milestone.objects.filter(network=network).values_list("month", flat=True)) == {
        3,
        12,
        18,
        24,
        None,
    }
    groups = {
        component.names["en"]: sorted(p.town.slug for p in component.partners.all())
        for component in Component.objects.filter(network=network)
    }
    assert groups == {
        "Pop-up shops": ["aluksne", "isernia", "melgaco"],
        "Volunteer and NGO platform": ["idrija", "manresa"],
    }
    popups = Component.objects.get(network=network, names__en="Pop-up shops")
    assert {"en", "lv", "de"} <= set(popups.how_it_works)
    roles = Counter(
        NetworkMembership.objects.filter(network=network).values_list("role", flat=True)
    )
    assert roles == {
        NetworkRole.LEAD: 1,
        NetworkRole.LEAD_EXPERT: 1,
        NetworkRole.PARTNER_COORDINATOR: 7,
    }
    printed = report(demo)
    assert "network-lead@altena.example.org  /  regrow-network-lead" in printed
    assert "partner@aluksne.example.org signs in with two factors" in printed


def test_demo_aluksne_plan_two_versions_review_and_stakeholders(db, client):
    load_all()
    plan = TransferPlan.objects.get(partner__town__slug="aluksne")
    assert plan.language == "lv"
    versions = list(plan.versions.order_by("number"))
    assert [(v.number, v.status) for v in versions] == [(1, Status.FINAL), (2, Status.IN_REVIEW)]
    assert versions[1].submitted_at.year == 2020 and versions[0].finalised_at.year == 2019
    for version in versions:
        bodies = dict(PlanSection.objects.filter(plan_version=version).values_list("key", "body"))
        assert set(bodies) == set(SectionKey.values)
        assert all(plain_text(body) for body in bodies.values()), version
    assert versions[1].snapshot["actions"] != versions[0].snapshot["actions"]
    actions = {action.title: action for action in plan.actions.all()}
    first_space = actions["Pirmā pop-up telpa pilsētas centrā"]
    assert first_space.popup_round.titles["en"] == "The first pop-up space 2019"
    # The pop-ups demo, loaded after the network's, filled the round the plan links to.
    assert first_space.popup_round.offered_units.count() >= 1
    assert "Aicinājums pieteikt tukšās telpas pilsētas centrā" in actions
    assert "Pop-up modes skate" in actions
    assert len({action.funding_source for action in actions.values()}) == 3
    assert plan.risks.count() == 3
    assert set(plan.indicators.values_list("indicator__code", flat=True)) == {
        "vacancy_rate",
        "population_15_29",
    }
    assert PeerReviewer.objects.get(plan=plan).reviewer.town.slug == "melgaco"
    comments = ReviewComment.objects.filter(plan_version=versions[1])
    assert comments.count() == 4
    assert comments.filter(resolved_at__isnull=False).count() == 1
    group = Stakeholder.objects.filter(partner=plan.partner)
    assert set(group.values_list("sector", flat=True)) == {
        "public",
        "private",
        "knowledge",
        "civic",
    }
    assert group.get(kind="person").email.endswith("@aluksne.example.org")
    others = TransferPlan.objects.exclude(pk=plan.pk)
    assert others.count() == 6
    for other in others:
        assert other.language == "en" and other.versions.count() == 1
        # The plan's own actions; the three-month goals set at meetings add theirs.
        assert 2 <= other.actions.filter(goal__isnull=True).count() <= 3
        written = [s for s in other.versions.get().sections.all() if plain_text(s.body)]
        assert 3 <= len(written) <= 4
    # The members' pages show the demo to its people.
    client.force_login(User.objects.get(email="partner@aluksne.example.org"))
    base = f"/lv/regrow-city/plans/{plan.pk}/"
    for path in ("", "actions/", "risks/", "indicators/", "compare/?a=1&b=2", "review/"):
        assert client.get(base + path).status_code == 200, path
    page = client.get(f"/lv/regrow-city/members/partners/{plan.partner_id}/stakeholders/")
    assert "jauniesi@aluksne.example.org" in page.content.decode()
    client.force_login(User.objects.get(email="partner@melgaco.example.org"))
    assert client.get(base + "versions/2/review/").status_code == 200


def test_a_plans_computed_indicator_shows_its_live_value(db):
    """The vacancy rate has no observations (the register computes it): the plan still shows
    this year's value, not "no value yet"."""
    from regrow.network.selectors_plans import indicators_of

    load_all()
    plan = TransferPlan.objects.get(partner__town__slug="aluksne")
    actual = {row.indicator.code: row.actual for row in indicators_of(plan)}
    assert actual["vacancy_rate"] is not None
    assert actual["population_15_29"] is not None
