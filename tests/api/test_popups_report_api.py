"""The round report's figures over JSON: the same as the page, for the town's coordinators only,
the rounds side by side a page at a time, bounded queries."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from regrow.popups.models import Round
from regrow.popups.selectors_money import round_money
from regrow.towns.models import Role
from tests.popups.conftest import round_values
from tests.popups.test_figures import add_street_history, make_finished_round


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime(2026, 6, 1, 10, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def finished(aluksne, coordinator):
    made = make_finished_round(aluksne.town, coordinator)
    add_street_history(made)
    return made


def url(round_) -> str:
    return f"/api/towns/aluksne/rounds/{round_.pk}/report"


def test_the_coordinator_gets_the_funnel_unit_weeks_money_and_vacancy(
    client, coordinator, finished
):
    client.force_login(coordinator)
    response = client.get(url(finished.round))
    assert response.status_code == 200
    body = response.json()
    assert body["round"]["id"] == finished.round.pk
    assert body["funnel"] == [
        {"step": "enquiries", "count": 20, "rate": None},
        {"step": "applications", "count": 7, "rate": 0.35},
        {"step": "accepted", "count": 3, "rate": 0.4286},
        {"step": "opened", "count": 3, "rate": 1.0},
        {"step": "stayed", "count": 2, "rate": 0.6667},
    ]
    assert body["conversion_rate"] == 0.6667
    assert body["unit_weeks"] == {
        "offered_days": 224,
        "used_days": 112,
        "offered_weeks": 32.0,
        "used_weeks": 16.0,
        "share_used": 0.5,
    }
    money = round_money(finished.round)
    assert body["money"]["gap_cents"] == money.gap_cents
    assert body["money"]["grants_approved_cents"] == 80_000
    assert body["money"]["grants_paid_cents"] == 30_000
    assert body["money"]["cost_cents"] == money.gap_cents + 80_000
    assert body["money"]["cost_per_stayed_cents"] == (money.gap_cents + 80_000 + 1) // 2
    assert body["streets"] == ["Dārza iela", "Pils iela"]
    assert [(row["when"], row["day"], row["rate"]) for row in body["vacancy"]] == [
        ("before", "2026-03-01", 0.75),
        ("during", "2026-03-29", 0.25),
        ("after", "2026-06-01", 0.5),
    ]
    assert body["vacancy"][0]["empty"] == 3 and body["vacancy"][0]["usable"] == 4


@pytest.mark.parametrize("role", [Role.JURY_MEMBER, Role.EDITOR])
def test_others_in_the_town_are_refused(client, aluksne, finished, role):
    client.force_login(aluksne.people[role])
    assert client.get(url(finished.round)).status_code == 403
    assert client.get("/api/towns/aluksne/rounds-compared").status_code == 403


def test_another_towns_round_is_not_found(client, altena, finished):
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(f"/api/towns/altena/rounds/{finished.round.pk}/report").status_code == 404


def test_anonymous_callers_are_told_to_sign_in(client, finished):
    assert client.get(url(finished.round)).status_code == 401


def test_an_unknown_parameter_is_refused(client, coordinator, finished):
    client.force_login(coordinator)
    response = client.get(url(finished.round) + "?page=2")
    assert response.status_code == 422
    assert "page" in response.json()["detail"]


def queries_of(client, path: str) -> int:
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_rounds_side_by_side_come_a_page_at_a_time_in_the_same_queries(
    client, coordinator, aluksne, finished
):
    for number in range(4):
        make_finished_round(aluksne.town, coordinator, prefix=f"P{number}", enquiries=number)
    Round.objects.create(town=aluksne.town, **round_values(aluksne.town))  # a draft: left out
    client.force_login(coordinator)
    first = client.get("/api/towns/aluksne/rounds-compared?page_size=2").json()
    assert first["count"] == 5
    assert "page=2" in first["next"] and first["previous"] is None
    assert len(first["results"]) == 2
    last = client.get("/api/towns/aluksne/rounds-compared?page_size=2&page=3").json()
    (oldest,) = last["results"]
    assert oldest["round"]["id"] == finished.round.pk
    assert [step["count"] for step in oldest["funnel"]] == [20, 7, 3, 3, 2]
    assert client.get("/api/towns/aluksne/rounds-compared?page=9").status_code == 404
    few = queries_of(client, "/api/towns/aluksne/rounds-compared?page_size=1")
    many = queries_of(client, "/api/towns/aluksne/rounds-compared?page_size=5")
    assert few == many <= 16


def test_the_report_takes_a_fixed_number_of_queries(client, coordinator, aluksne, finished):
    client.force_login(coordinator)
    counted = queries_of(client, url(finished.round))
    assert counted <= 20
    bigger = make_finished_round(aluksne.town, coordinator, prefix="BIG")
    assert queries_of(client, url(bigger.round)) == counted
