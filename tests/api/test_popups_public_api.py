"""The public pop-ups of a town over JSON: current and coming only, public fields only, a page
at a time in a bounded number of queries, for anyone."""

from datetime import timedelta

import pytest

from regrow.popups.models import Sublease
from tests.popups.conftest import coordinator_of, draft_round, offer, open_round, unit
from tests.popups.test_calendar import make_popup, popups, second_offer, today

URL = "/api/towns/aluksne/popups"
PUBLIC_FIELDS = {
    "id",
    "round",
    "business_name",
    "category",
    "sells",
    "opening_hours",
    "starts_on",
    "ends_on",
    "address",
    "latitude",
    "longitude",
    "photo",
}


def test_anyone_reads_the_current_and_coming_pop_ups(client, popups, open_round):
    response = client.get(URL)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2 and data["next"] is None and data["previous"] is None
    first, second = data["results"]
    assert first["business_name"] == "Šūšanas darbnīca"  # open now: first
    assert second["business_name"] == "Ziedu stūris"
    now = popups["now"]
    assert first == {
        "id": now.pk,
        "round": open_round.pk,
        "business_name": "Šūšanas darbnīca",
        "category": "food",
        "sells": {"lv": "Šūšanas darbnīca: vietējās preces", "en": "Šūšanas darbnīca: local goods"},
        "opening_hours": "10–18",  # noqa: RUF001
        "starts_on": now.starts_on.isoformat(),
        "ends_on": now.ends_on.isoformat(),
        "address": now.unit.display_address,
        "latitude": float(now.unit.latitude),
        "longitude": float(now.unit.longitude),
        "photo": None,
    }


def test_no_personal_data_or_terms_of_the_traders(client, popups):
    data = client.get(URL).json()
    assert all(set(result) == PUBLIC_FIELDS for result in data["results"])
    text = client.get(URL).content.decode()
    for popup in Sublease.objects.select_related("application__applicant"):
        person = popup.application.applicant
        assert person.email not in text and person.full_name not in text
        assert popup.application.idea not in text


def test_cancelled_hidden_and_past_pop_ups_are_left_out(client, popups):
    names = {result["business_name"] for result in client.get(URL).json()["results"]}
    for name in ("past", "cancelled", "hidden"):
        assert popups[name].application.business_name not in names


def test_an_unknown_town_page_or_parameter(client, popups):
    assert client.get("/api/towns/nowhere/popups").status_code == 404
    assert client.get(URL + "?page=2").status_code == 404
    assert client.get(URL + "?when=past").status_code == 422


@pytest.mark.parametrize("count", [3, 30])
def test_a_page_is_read_in_bounded_queries(
    client, open_round, offer, today, count, django_assert_max_num_queries
):
    for number in range(count):
        start = today + timedelta(days=number)
        make_popup(open_round, offer, f"Veikals {number:02}", start, start, slot=number)
    with django_assert_max_num_queries(3):
        data = client.get(URL + "?page_size=25").json()
    assert data["count"] == count
    assert len(data["results"]) == min(count, 25)
    if count > 25:
        assert data["next"] == f"http://testserver{URL}?page_size=25&page=2"


# Fixtures of the pop-up tests, used here by name.
__all__ = [
    "coordinator_of",
    "draft_round",
    "offer",
    "open_round",
    "popups",
    "second_offer",
    "today",
    "unit",
]
