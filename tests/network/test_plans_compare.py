"""Comparing two versions of a Transfer Plan on its page: the sections word by word in <ins> and
<del> (said in words too), the actions, risks and indicators each version kept, in Latvian."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regrow.network.models import PlanAction, PlanSection, SectionKey
from regrow.network.services import actions as actions_services
from regrow.network.services import plans as services
from tests.network.plans_data import make_plan_network

START = SectionKey.STARTING_POINT


@pytest.fixture
def plan_network(db):
    return make_plan_network()


@pytest.fixture
def plan(plan_network):
    return plan_network.start_plan()


def url(plan, query: str = "", language: str = "en") -> str:
    return f"/{language}/regrow-city/plans/{plan.pk}/compare/{query}"


def write(plan, by, body: str, key=START):
    latest = plan.versions.order_by("-number").first()
    section = PlanSection.objects.get(plan_version=latest, key=key)
    return services.section_save(
        plan=plan, key=key, body=body, number=latest.number, version=section.version, by=by
    )


def release(plan, by):
    """Submit the newest version and make it final."""
    for service in (services.version_submit, services.version_finalise):
        latest = plan.versions.order_by("-number").first()
        service(plan=plan, number=latest.number, version=latest.version, by=by)


@pytest.fixture
def two_versions(plan_network, plan):
    author = plan_network.people["aluksne_author"]
    action = actions_services.action_save(
        plan=plan,
        by=author,
        title="Aicinājums īpašniekiem",
        owner="Attīstības nodaļa",
        starts_on=date(2019, 7, 1),
        due_on=date(2019, 7, 31),
        budget_cents=100_000,
        funding_source="town_budget",
        status=PlanAction.Status.PLANNED,
    )
    write(plan, author, "<p>Alūksnē ir deviņas tukšas telpas.</p><p>Paliek.</p>")
    write(plan, author, "<p>Riski nemainās.</p>", key=SectionKey.RISKS)
    release(plan, author)
    write(plan, author, "<p>Alūksnē ir vienpadsmit tukšas telpas.</p><p>Paliek.</p>")
    values = {name: getattr(action, name) for name in ("title", "owner", "starts_on", "due_on")}
    actions_services.action_save(
        plan=plan,
        by=author,
        action=action,
        version=action.version,
        **values,
        budget_cents=125_050,
        funding_source="eu_funds",
        status=PlanAction.Status.IN_PROGRESS,
    )
    actions_services.risk_save(
        plan=plan, by=author, description="Īpašnieki atsakās", likelihood=3, impact=2
    )
    release(plan, author)
    return plan


def test_two_versions_compare_section_by_section_and_row_by_row(client, plan_network, two_versions):
    client.force_login(plan_network.people["melgaco_author"])  # a member of the network reads
    response = client.get(url(two_versions, "?old=1&new=2", "lv"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "deviņas" in page.split("<del>")[1].split("</del>")[0]
    assert "vienpadsmit" in page.split("<ins>")[1].split("</ins>")[0]
    assert "Paliek." in page  # the unchanged paragraph is there, not marked
    assert page.count("<del>") >= 1 and 'class="visually-hidden">[' in page
    assert "1\xa0250,50\xa0€" in page or "1 250,50" in page  # the budget, in Latvian
    assert "Īpašnieki atsakās" in page  # a risk added in version 2


def test_the_newest_pair_is_the_default_and_bad_choices_are_told(client, plan_network, plan):
    author = plan_network.people["aluksne_author"]
    client.force_login(author)
    assert "nothing to compare" in client.get(url(plan)).content.decode()
    write(plan, author, "<p>Pirmā</p>")
    release(plan, author)
    write(plan, author, "<p>Otrā</p>")
    page = client.get(url(plan)).content.decode()
    assert "From version 1 to version 2" in page
    assert "Version 2 is a draft" in page  # its rows are compared as they are now
    response = client.get(url(plan, "?old=2&new=2"))
    assert response.status_code == 400 and "two different versions" in response.content.decode()
    assert client.get(url(plan, "?old=1&new=9")).status_code == 400


def test_the_comparison_takes_the_same_queries_for_any_size(client, plan_network, two_versions):
    client.force_login(plan_network.people["lead"])
    client.get(url(two_versions, "?old=1&new=2"))
    with CaptureQueriesContext(connection) as small:
        client.get(url(two_versions, "?old=1&new=2"))
    plan = two_versions
    author = plan_network.people["aluksne_author"]
    for n in range(20):
        actions_services.action_save(
            plan=plan,
            by=author,
            title=f"Darbība {n}",
            owner="Nodaļa",
            starts_on=date(2020, 1, 1),
            due_on=date(2020, 2, 1),
            budget_cents=n,
            status=PlanAction.Status.PLANNED,
        )
    write(plan, author, "<p>Trešā</p>")
    release(plan, author)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url(plan, "?old=1&new=3")).status_code == 200
    assert len(large) == len(small) <= 20
