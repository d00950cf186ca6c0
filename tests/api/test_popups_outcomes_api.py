"""A round's pop-ups with their care, review, outcome and feedback over JSON, and one pop-up's
care log: the coordinators' only, a page at a time, in a bounded number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from regrow.popups.models import CareEntry, Feedback, Outcome, Sublease
from regrow.popups.services import outcomes
from regrow.towns.models import Role
from tests.popups.test_care import past_round
from tests.popups.test_care_views import add_popups


@pytest.fixture
def round_(aluksne, coordinator):
    return past_round(aluksne.town, coordinator)


def url(round_, tail: str = "") -> str:
    return f"/api/towns/aluksne/rounds/{round_.pk}/popups{tail}"


def test_coordinators_read_the_pop_ups_a_page_at_a_time(
    client, round_, coordinator, django_assert_max_num_queries
):
    popups = add_popups(round_, coordinator, 3)
    outcomes.outcome_save(
        sublease=popups[0],
        by=coordinator,
        version=1,
        days_open=19,
        visitors_estimate=900,
        sales_band="2000_5000",
        stayed=True,
        stayed_from=popups[0].ends_on + timedelta(days=1),
        lease_rent_cents_per_month=32_000,
        lease_months=24,
    )
    Feedback.objects.filter(sublease=popups[1]).update(
        answered_at=timezone.now(), satisfaction=5, would_recommend=True, plans="stay"
    )
    Sublease.objects.filter(pk=popups[2].pk).update(status=Sublease.Status.CANCELLED)
    client.force_login(coordinator)
    with django_assert_max_num_queries(9):
        first = client.get(url(round_) + "?page_size=1").json()
    assert first["count"] == 2
    (row,) = first["results"]
    assert row["business_name"] == "Veikals 0"
    assert row["address"] == "Pils iela 1"
    assert row["days"] == 21
    assert row["care"] == {"open": 1, "total": 2}
    assert row["mid_review"]["footfall"] == "low"
    assert row["outcome"]["stayed"] is True
    assert row["outcome"]["lease_rent_cents_per_month"] == 32_000
    assert row["feedback"]["state"] == "sent"
    second = client.get(first["next"]).json()
    feedback = second["results"][0]["feedback"]
    assert (feedback["state"], feedback["satisfaction"], feedback["plans"]) == (
        "answered",
        5,
        "stay",
    )
    assert second["results"][0]["outcome"]["stayed"] is False


def test_the_query_count_does_not_grow_with_the_page(
    client, round_, coordinator, django_assert_max_num_queries
):
    add_popups(round_, coordinator, 2)
    client.force_login(coordinator)
    with django_assert_max_num_queries(9) as few:
        client.get(url(round_))
    add_popups(round_, coordinator, 6, first=2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url(round_)).json()["count"] == 8


def test_a_pop_up_without_review_outcome_or_feedback(client, round_, coordinator):
    [popup] = add_popups(round_, coordinator, 1)
    for model in (Outcome, Feedback):
        model.objects.all().delete()
    popup.mid_review.delete()
    client.force_login(coordinator)
    (row,) = client.get(url(round_)).json()["results"]
    assert row["mid_review"] is None and row["outcome"] is None
    assert row["feedback"]["state"] == "none"


def test_the_care_log_open_entries_first(client, round_, coordinator):
    [popup] = add_popups(round_, coordinator, 1)
    CareEntry.objects.create(
        sublease=popup,
        happened_on=popup.starts_on + timedelta(days=5),
        kind="complaint",
        description="Troksnis",
        resolved_on=popup.starts_on + timedelta(days=6),
    )
    client.force_login(coordinator)
    body = client.get(url(round_, f"/{popup.pk}/care")).json()
    assert body["count"] == 3
    assert [entry["resolved_on"] is None for entry in body["results"]] == [True, False, False]
    assert body["results"][1]["description"] == "Troksnis"
    assert client.get(url(round_, "/999999/care")).status_code == 404


def test_only_the_towns_coordinators_read_them(client, aluksne, altena, round_, coordinator):
    [popup] = add_popups(round_, coordinator, 1)
    for tail in ("", f"/{popup.pk}/care"):
        assert client.get(url(round_, tail)).status_code == 401
        for person in (altena.people[Role.COORDINATOR], aluksne.people[Role.EDITOR]):
            client.force_login(person)
            response = client.get(url(round_, tail))
            assert response.status_code == 403
            assert "Veikals" not in response.content.decode()
        client.logout()


def test_unknown_parameters_are_refused(client, round_, coordinator):
    client.force_login(coordinator)
    response = client.get(url(round_) + "?stayed=1")
    assert response.status_code == 422
