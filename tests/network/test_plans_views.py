"""The Transfer Plan's pages: who reads and who writes, the plan page (sections with their open
review comments, overdue actions, the budget by funding source in Latvian, the indicators'
latest actual values), writing a section (409 with both texts, no edits in review, a final
version starting a new one), moving versions on, and bounded queries."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import number_format

from regrow.indicators.models import Indicator, Observation
from regrow.lib.money import euros_from_cents
from regrow.network.models import (
    PlanAction,
    PlanIndicator,
    PlanSection,
    PlanVersion,
    ReviewComment,
    SectionKey,
    TransferPlan,
)
from tests.network.plans_data import make_plan_network

Status = PlanVersion.Status
START = SectionKey.STARTING_POINT


@pytest.fixture
def plan_network(db):
    return make_plan_network()


@pytest.fixture
def plan(plan_network):
    return plan_network.start_plan()


def url(plan, rest: str = "", language: str = "en") -> str:
    return f"/{language}/regrow-city/plans/{plan.pk}/{rest}"


def signed_in(client, plan_network, name: str):
    client.force_login(plan_network.people[name])
    return client


def add_actions(plan, count: int, today: date) -> None:
    PlanAction.objects.bulk_create(
        [
            PlanAction(
                plan=plan,
                title=f"Darbība {n}",
                owner="Attīstības nodaļa",
                starts_on=today - timedelta(days=60),
                due_on=today - timedelta(days=1) if n % 2 else today + timedelta(days=30),
                budget_cents=100_050,
                funding_source="eu_funds" if n % 3 else "town_budget",
                status=PlanAction.Status.IN_PROGRESS,
                order=n,
            )
            for n in range(count)
        ]
    )


def test_members_read_plans_and_others_do_not(client, plan_network, plan):
    for name in ("lead", "expert", "melgaco_author", "altena_town", "aluksne_second"):
        signed_in(client, plan_network, name)
        for path in ("", "actions/", "risks/", "indicators/", "compare/", "versions/1/"):
            assert client.get(url(plan, path)).status_code == 200, (name, path)
        assert client.get("/en/regrow-city/plans/").status_code == 200
    signed_in(client, plan_network, "outsider")
    assert client.get(url(plan)).status_code == 403
    assert client.get("/en/regrow-city/plans/").status_code == 403
    client.logout()
    assert client.get(url(plan)).status_code == 302  # to sign in
    signed_in(client, plan_network, "lead")
    assert client.get(f"/en/regrow-city/plans/{plan.pk + 100}/").status_code == 404
    assert client.get(f"/en/nowhere/plans/{plan.pk}/").status_code == 404


def test_only_the_partners_coordinators_see_the_editing_links_and_may_edit(
    client, plan_network, plan
):
    signed_in(client, plan_network, "aluksne_second")
    page = client.get(url(plan)).content.decode()
    assert url(plan, f"sections/{START}/") in page
    assert "Send version 1 to peer review" in page
    for name in ("melgaco_author", "lead", "expert"):
        signed_in(client, plan_network, name)
        page = client.get(url(plan)).content.decode()
        assert url(plan, f"sections/{START}/") not in page
        assert "Send version 1 to peer review" not in page
        assert client.get(url(plan, f"sections/{START}/")).status_code == 403
        assert client.post(url(plan, "versions/1/submit/"), {"version": 1}).status_code == 403
        response = client.post(url(plan, "risks/"), {"description": "x"})
        assert response.status_code == 403
    assert not plan.risks.exists()


def test_the_list_offers_starting_a_plan_to_its_partners_coordinators(client, plan_network):
    signed_in(client, plan_network, "melgaco_author")
    melgaco = plan_network.partners["melgaco"]
    page = client.get("/en/regrow-city/plans/").content.decode()
    assert f"/en/regrow-city/plans/start/{melgaco.pk}/" in page
    assert f"/plans/start/{plan_network.partners['aluksne'].pk}/" not in page
    start = f"/en/regrow-city/plans/start/{melgaco.pk}/"
    response = client.post(start, {"title": "", "language": "pt"})
    assert response.status_code == 400
    assert 'value="pt" selected' in response.content.decode()
    response = client.post(start, {"title": "Plano de transferência", "language": "pt"})
    plan = TransferPlan.objects.get(partner=melgaco)
    assert response.status_code == 302 and response["Location"] == url(plan)
    assert client.get(start)["Location"] == url(plan)  # a second start shows the plan
    aluksne = plan_network.partners["aluksne"].pk
    assert client.get(f"/en/regrow-city/plans/start/{aluksne}/").status_code == 403


def test_the_plan_page_shows_sections_comments_overdue_actions_budget_and_indicators(
    client, plan_network, plan
):
    author = plan_network.people["aluksne_author"]
    PlanSection.objects.filter(plan_version__plan=plan, key=START).update(
        body='<p>Tukšas telpas <a href="javascript:alert(1)">šeit</a></p>'
    )
    version = plan.versions.get()
    for resolved in (None, None, timezone.now()):
        ReviewComment.objects.create(
            plan_version=version, section=START, author=author, body="?", resolved_at=resolved
        )
    today = plan.partner.town.today()
    add_actions(plan, 3, today)  # two due in the past: one of them is done
    PlanAction.objects.filter(plan=plan, order=0).update(due_on=today - timedelta(days=5))
    PlanAction.objects.filter(plan=plan, order=1).update(status=PlanAction.Status.DONE)
    PlanAction.objects.filter(plan=plan, order=2).update(status=PlanAction.Status.DROPPED)
    population = Indicator.objects.create(
        code="population", names={"lv": "Iedzīvotāji"}, unit="persons"
    )
    PlanIndicator.objects.create(
        plan=plan,
        indicator=population,
        baseline=Decimal(14000),
        baseline_period="2018",
        target=Decimal(14200),
        target_period="2024",
    )
    for year, value in ((2022, 13500), (2023, 13310), (2021, 13700)):
        Observation.objects.create(
            town=plan.partner.town,
            indicator=population,
            period=str(year),
            period_start=date(year, 1, 1),
            granularity="year",
            value=Decimal(value),
        )
    signed_in(client, plan_network, "lead")
    page = client.get(url(plan, language="lv")).content.decode()
    assert "Tukšas telpas" in page and "javascript:" not in page  # sanitised as shown
    with translation.override("lv"):
        # One action of each source counts: the dropped EU-funded one does not.
        assert f"<dd>{euros_from_cents(100_050)} " in page
        assert f"<strong>{euros_from_cents(200_100)}</strong>" in page
        assert number_format(13310, force_grouping=True) + " " in page  # the latest, live
    assert "(2023)" in page
    english = client.get(url(plan)).content.decode()
    assert "2 open review comments" in english
    assert english.count('class="badge overdue"') == 1


def test_the_plan_page_takes_the_same_queries_for_3_and_40_actions(client, plan_network, plan):
    signed_in(client, plan_network, "aluksne_author")
    today = plan.partner.town.today()
    add_actions(plan, 3, today)
    client.get(url(plan))
    with CaptureQueriesContext(connection) as few:
        assert client.get(url(plan)).status_code == 200
    add_actions(plan, 37, today)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url(plan)).status_code == 200
    assert len(many) == len(few) <= 30
    with CaptureQueriesContext(connection) as actions_page:
        assert client.get(url(plan, "actions/")).status_code == 200
    assert len(actions_page) <= 25


def section_post(client, plan, body: str, number: int, version: int, language="en"):
    return client.post(
        url(plan, f"sections/{START}/", language),
        {"body": body, "number": number, "version": version},
    )


def test_a_section_saves_and_a_concurrent_save_gets_409_with_both_texts(client, plan_network, plan):
    first, second = plan_network.people["aluksne_author"], plan_network.people["aluksne_second"]
    client.force_login(first)
    page = client.get(url(plan, f"sections/{START}/")).content.decode()
    assert 'name="version" value="1"' in page and 'name="number" value="1"' in page
    response = section_post(client, plan, "<p>Pirmās teksts</p>", 1, 1)
    assert response.status_code == 302 and response["Location"].endswith(f"#section-{START}")
    client.force_login(second)
    response = section_post(client, plan, "<p>Otrās teksts</p>", 1, 1, language="lv")
    assert response.status_code == 409
    page = response.content.decode()
    assert "Pirmās teksts" in page  # theirs, shown
    assert "Otrās teksts" in page  # mine, kept in the editor
    assert 'name="version" value="2"' in page  # the next save starts from theirs
    assert (
        PlanSection.objects.get(plan_version__plan=plan, key=START).body == "<p>Pirmās teksts</p>"
    )
    assert section_post(client, plan, "<p>Abas</p>", 1, 2).status_code == 302


def test_no_edits_in_review_and_a_final_version_starts_a_new_one(client, plan_network, plan):
    client.force_login(plan_network.people["aluksne_author"])
    section_post(client, plan, "<p>Teksts</p>", 1, 1)
    response = client.post(url(plan, "versions/1/submit/"), {"version": 1}, follow=True)
    assert "Version 1 is in peer review" in response.content.decode()
    version = plan.versions.get()
    assert version.status == Status.IN_REVIEW
    page = client.get(url(plan, f"sections/{START}/")).content.decode()
    assert "nobody edits it while the reviewers read it" in page
    assert 'name="body"' not in page  # no editor
    response = section_post(client, plan, "<p>Labojums</p>", 1, 2)
    assert response.status_code == 400
    assert "Labojums" in response.content.decode()  # what was typed is not lost
    assert PlanSection.objects.get(plan_version=version, key=START).body == "<p>Teksts</p>"
    client.post(url(plan, "versions/1/finalise/"), {"version": version.version})
    assert plan.versions.get().status == Status.FINAL
    page = client.get(url(plan, f"sections/{START}/")).content.decode()
    assert "Saving starts version 2" in page
    response = section_post(client, plan, "<p>Otrā</p>", 1, 2)
    assert response.status_code == 302
    assert "started version 2" in client.get(response["Location"]).content.decode()
    assert plan.versions.count() == 2


def test_a_stale_status_change_is_refused_with_a_message(client, plan_network, plan):
    client.force_login(plan_network.people["aluksne_author"])
    section_post(client, plan, "<p>Teksts</p>", 1, 1)
    response = client.post(url(plan, "versions/1/submit/"), {"version": 7}, follow=True)
    assert "status meanwhile" in response.content.decode()
    assert plan.versions.get().status == Status.DRAFT
    response = client.post(url(plan, "new-version/"), follow=True)
    assert "not final yet" in response.content.decode()
