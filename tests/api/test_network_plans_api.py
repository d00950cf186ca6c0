"""Transfer Plans over JSON: members read plans, versions with their sections, actions and
comments a page at a time; reviewers comment and authors answer; anyone else is refused with
the reason; unknown parameters are 422; bounded queries."""

import json
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regrow.network.models import PlanAction, PlanVersion, ReviewComment, SectionKey
from tests.network.review_data import add_actions, make_review_network


@pytest.fixture
def net(db):
    return make_review_network()


def api(client, net, who):
    client.force_login(net.people[who])
    return client


def base(net) -> str:
    return f"/api/networks/regrow-city/plans/{net.plan.pk}"


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_a_member_lists_the_network_s_plans_with_their_newest_version(client, net):
    response = api(client, net, "other").get("/api/networks/regrow-city/plans")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None
    [plan] = body["results"]
    assert plan["id"] == net.plan.pk
    assert (plan["town"], plan["town_name"], plan["language"]) == ("aluksne", "Alūksne", "lv")
    assert plan["title"] == "Alūksnes pop-up veikali"
    assert plan["latest_version"] == {"number": 1, "status": "in_review"}


def test_the_plan_names_its_reviewers(client, net):
    body = api(client, net, "author").get(base(net)).json()
    assert body["reviewers"] == ["idrija"]
    assert body["latest_version"]["number"] == 1


def test_an_outsider_is_refused_and_unknown_things_are_not_found(client, net):
    api(client, net, "outsider")
    assert client.get("/api/networks/regrow-city/plans").status_code == 403
    assert client.get(base(net)).status_code == 403
    assert client.get(f"{base(net)}/versions/1/comments").status_code == 403
    api(client, net, "reviewer")
    assert client.get("/api/networks/nowhere/plans").status_code == 404
    assert client.get(f"/api/networks/regrow-city/plans/{net.plan.pk + 9}").status_code == 404
    assert client.get(f"{base(net)}/versions/4").status_code == 404
    client.logout()
    assert client.get("/api/networks/regrow-city/plans").status_code == 401


def test_versions_newest_first_and_a_version_with_every_section(client, net):
    PlanVersion.objects.filter(pk=net.version.pk).update(
        status=PlanVersion.Status.FINAL, finalised_at=timezone.now()
    )
    PlanVersion.objects.create(plan=net.plan, number=2, based_on=net.version)
    api(client, net, "other")
    versions = client.get(f"{base(net)}/versions").json()
    assert [(one["number"], one["status"], one["based_on"]) for one in versions["results"]] == [
        (2, "draft", 1),
        (1, "final", None),
    ]
    version = client.get(f"{base(net)}/versions/1").json()
    assert [section["key"] for section in version["sections"]] == SectionKey.values
    first = version["sections"][0]
    assert first["title"] == "Starting point"
    assert "<strong>tukšas</strong>" in first["body"] and first["version"] == 1
    draft = client.get(f"{base(net)}/versions/2").json()
    assert draft["based_on"] == 1
    assert all(s["body"] == "" and s["version"] is None for s in draft["sections"])


def test_actions_a_page_at_a_time_with_the_overdue_marked(client, net):
    PlanAction.objects.all().delete()
    today = net.plan.partner.town.today()
    add_actions(
        net.plan,
        [
            (f"Darbība {n}", today - timedelta(days=60 - n), today - timedelta(days=1 - n))
            for n in range(5)
        ],
    )
    api(client, net, "reviewer")
    first = client.get(f"{base(net)}/actions", {"page_size": 2}).json()
    assert first["count"] == 5 and "page=2" in first["next"]
    assert [action["title"] for action in first["results"]] == ["Darbība 0", "Darbība 1"]
    rows = client.get(f"{base(net)}/actions", {"page_size": 5}).json()["results"]
    # Due yesterday and planned (the first of the statuses): overdue; due today or later: not;
    # done or dropped: never.
    assert [(row["status"], row["overdue"]) for row in rows] == [
        ("planned", True),
        ("in_progress", False),
        ("done", False),
        ("delayed", False),
        ("dropped", False),
    ]
    assert rows[0]["budget_cents"] == 150_000 and rows[0]["funding_source"] == "town_budget"
    assert client.get(f"{base(net)}/actions", {"page": 9}).status_code == 404
    assert client.get(f"{base(net)}/actions", {"pagesize": 2}).status_code == 422


def test_a_reviewer_comments_and_the_authors_hear_of_it(
    client, net, django_capture_on_commit_callbacks
):
    api(client, net, "reviewer")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client, f"{base(net)}/versions/1/comments", {"section": "risks", "body": "Kuri?"}
        )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["section"], body["body"], body["author"]) == ("risks", "Kuri?", "Idrija reviewer")
    assert body["resolved_at"] is None and body["resolution"] == ""
    assert [message.to for message in mail.outbox] == [["author@aluksne.example.org"]]


@pytest.mark.parametrize("who", ["author", "other", "lead"])
def test_someone_else_commenting_is_a_403_saying_why(client, net, who):
    api(client, net, who)
    response = post(client, f"{base(net)}/versions/1/comments", {"section": "risks", "body": "Es"})
    assert response.status_code == 403
    assert "Ask the network lead to assign your partner as a reviewer." in response.json()["detail"]
    assert not ReviewComment.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"section": "nonsense", "body": "Teksts"}, "section"),
        ({"section": "risks", "body": "  "}, "body"),
    ],
)
def test_a_bad_comment_is_a_422_naming_the_field(client, net, data, field):
    api(client, net, "reviewer")
    response = post(client, f"{base(net)}/versions/1/comments", data)
    assert response.status_code == 422
    assert field in response.json()["detail"]


def test_a_comment_longer_than_allowed_is_a_422(client, net):
    api(client, net, "expert")
    response = post(
        client, f"{base(net)}/versions/1/comments", {"section": "risks", "body": "x" * 5001}
    )
    assert response.status_code == 422
    assert not ReviewComment.objects.exists()


def test_the_author_answers_once_and_a_second_answer_is_a_409(client, net):
    comment = ReviewComment.objects.create(
        plan_version=net.version, section="risks", body="Kuri?", author=net.people["reviewer"]
    )
    api(client, net, "author")
    url = f"{base(net)}/versions/1/comments/{comment.pk}/answer"
    response = post(client, url, {"resolution": "Īpašnieki."})
    assert response.status_code == 200, response.content
    assert response.json()["resolution"] == "Īpašnieki."
    assert response.json()["resolved_by"] == "Projekta vadītāja"
    second = post(client, url, {"resolution": "Vēlreiz."})
    assert second.status_code == 409
    assert "Someone answered this comment meanwhile" in second.json()["detail"]
    api(client, net, "reviewer")
    refused = post(client, url, {"resolution": "Es."})
    assert refused.status_code == 403 and "Only the plan's authors" in refused.json()["detail"]


def test_comments_filtered_by_section_and_state(client, net):
    for number, section in enumerate(["risks", "risks", "actions"]):
        ReviewComment.objects.create(
            plan_version=net.version,
            section=section,
            body=f"K{number}",
            author=net.people["reviewer"],
            resolved_at=timezone.now() if number == 1 else None,
        )
    api(client, net, "other")
    url = f"{base(net)}/versions/1/comments"
    assert client.get(url).json()["count"] == 3
    risks = client.get(url, {"section": "risks"}).json()["results"]
    assert [comment["body"] for comment in risks] == ["K0", "K1"]
    open_risks = client.get(url, {"section": "risks", "state": "open"}).json()["results"]
    assert [comment["body"] for comment in open_risks] == ["K0"]
    assert client.get(url, {"state": "resolved"}).json()["count"] == 1
    assert client.get(url, {"section": "nonsense"}).status_code == 422
    assert client.get(url, {"state": "closed"}).status_code == 422
    assert client.get(url, {"sort": "x"}).status_code == 422


def test_writes_need_the_csrf_token(net):
    client = Client(enforce_csrf_checks=True)
    client.force_login(net.people["reviewer"])
    response = post(client, f"{base(net)}/versions/1/comments", {"section": "risks", "body": "K"})
    assert response.status_code == 403
    assert not ReviewComment.objects.exists()


def test_lists_take_the_same_queries_for_more_rows(client, net):
    api(client, net, "reviewer")
    urls = [
        "/api/networks/regrow-city/plans",
        f"{base(net)}/versions",
        f"{base(net)}/actions",
        f"{base(net)}/versions/1/comments",
        f"{base(net)}/versions/1",
    ]

    def counts() -> list[int]:
        found = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    ReviewComment.objects.create(
        plan_version=net.version, section="risks", body="K", author=net.people["expert"]
    )
    counts()
    few = counts()
    add_actions(net.plan, [(f"A{n}", date(2020, 1, 1), date(2020, 2, 1)) for n in range(15)])
    for number in range(15):
        ReviewComment.objects.create(
            plan_version=net.version,
            section="risks",
            body=f"K{number}",
            author=net.people["expert"],
        )
    for number in range(2, 6):
        PlanVersion.objects.create(plan=net.plan, number=number)
    assert counts() == few
    assert max(few) <= 12
