"""The coordinator's pages: who may see them, forms that keep what was typed, stale edits."""

from datetime import timedelta

import pytest
from django.urls import reverse

from regrow.popups.models import Round, RoundUnit
from regrow.towns.models import Role
from tests.popups.conftest import round_values
from tests.premises.conftest import make_unit


def round_post(town, **changes) -> dict:
    values = round_values(town)
    data = {
        "titles_lv": values["titles"]["lv"],
        "titles_en": values["titles"]["en"],
        "descriptions_lv": values["descriptions"]["lv"],
        "rules_lv": values["rules"]["lv"],
        "applications_open_on": f"{values['applications_open_on']:%Y-%m-%d}",
        "applications_close_on": f"{values['applications_close_on']:%Y-%m-%d}",
        "programme_starts_on": f"{values['programme_starts_on']:%Y-%m-%d}",
        "programme_ends_on": f"{values['programme_ends_on']:%Y-%m-%d}",
        "grant_budget_eur": "5000",
        "max_grant_eur": "1000",
        "max_same_category_per_street": "2",
        "preference_bonus": "0.5",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("role", [Role.EDITOR, Role.JURY_MEMBER, Role.PROPERTY_OWNER])
def test_round_pages_are_for_the_towns_coordinators_only(client, aluksne, draft_round, role):
    client.force_login(aluksne.people[role])
    assert client.get("/en/aluksne/popup-rounds/").status_code == 403
    assert client.get(f"/en/aluksne/popup-rounds/{draft_round.pk}/").status_code == 403


def test_the_coordinator_of_another_town_gets_403(client, altena, draft_round):
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(f"/en/aluksne/popup-rounds/{draft_round.pk}/").status_code == 403
    response = client.post("/en/aluksne/popup-rounds/new/", round_post(draft_round.town))
    assert response.status_code == 403
    assert Round.objects.count() == 1


def test_a_coordinator_creates_a_round_in_latvian(client, aluksne, coordinator_of):
    client.force_login(coordinator_of)
    response = client.post("/lv/aluksne/popup-rounds/new/", round_post(aluksne.town))
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/lv/aluksne/popup-rounds/{round_.pk}/"
    assert (round_.grant_budget_cents, round_.max_grant_cents) == (500_000, 100_000)
    assert round_.titles == {"lv": "Pop-up pavasaris", "en": "Pop-up spring"}


def test_a_refused_round_keeps_what_was_typed(client, aluksne, coordinator_of):
    client.force_login(coordinator_of)
    town = aluksne.town
    data = round_post(
        town,
        titles_lv="Rudens kārta",
        applications_close_on=f"{town.today() + timedelta(days=60):%Y-%m-%d}",
    )
    response = client.post("/en/aluksne/popup-rounds/new/", data)
    assert response.status_code == 400
    assert not Round.objects.exists()
    html = response.content.decode()
    assert "Applications must close before the programme starts." in html
    assert 'value="Rudens kārta"' in html


def test_a_stale_round_edit_is_refused_with_409(client, draft_round, coordinator_of):
    client.force_login(coordinator_of)
    url = f"/en/aluksne/popup-rounds/{draft_round.pk}/"
    data = round_post(draft_round.town, status="draft", version="1", titles_lv="Pirmais")
    assert client.post(url, data).status_code == 302
    data["titles_lv"] = "Otrais"
    response = client.post(url, data)
    assert response.status_code == 409
    assert "Someone else changed this round meanwhile." in response.content.decode()
    assert 'value="Otrais"' in response.content.decode()
    assert Round.objects.get().titles["lv"] == "Pirmais"


def test_offering_a_unit_and_setting_phased_rent(client, draft_round, unit, coordinator_of):
    client.force_login(coordinator_of)
    base = f"/en/aluksne/popup-rounds/{draft_round.pk}"
    response = client.post(f"{base}/units/", {"unit": unit.pk})
    offer = RoundUnit.objects.get()
    assert response["Location"] == f"{base}/units/{offer.pk}/"
    page = client.get(f"{base}/units/{offer.pk}/").content.decode()
    assert "€250.00" in page  # the unit's asking rent
    terms = {
        "rent_basis": "per_m2",
        "phase_unit": "month",
        "service_charges_eur": "20",
        "min_stay_weeks": "4",
        "max_stay_weeks": "8",
        "capacity": "2",
        "allowed_categories": ["food", "crafts"],
        "version": "1",
        "phases-TOTAL_FORMS": "3",
        "phases-INITIAL_FORMS": "1",
        "phases-0-starts_at": "4",
        "phases-0-amount_eur": "1",
        "phases-1-starts_at": "1",
        "phases-1-amount_eur": "0",
        "phases-2-starts_at": "",
        "phases-2-amount_eur": "",
    }
    assert client.post(f"{base}/units/{offer.pk}/", terms).status_code == 302
    offer.refresh_from_db()
    assert list(offer.phases.values_list("starts_at", "amount_cents")) == [(1, 0), (4, 100)]
    assert (offer.capacity, offer.service_charges_cents_per_month) == (2, 2000)
    # The same form again, from the old version: refused, as typed.
    terms["max_stay_weeks"] = "10"
    response = client.post(f"{base}/units/{offer.pk}/", terms)
    assert response.status_code == 409
    assert 'value="10"' in response.content.decode()


def test_terms_with_a_longest_stay_below_the_shortest_keep_what_was_typed(
    client, offer, coordinator_of
):
    client.force_login(coordinator_of)
    url = f"/en/aluksne/popup-rounds/{offer.round_id}/units/{offer.pk}/"
    data = {
        "rent_basis": "per_month",
        "phase_unit": "week",
        "service_charges_eur": "0",
        "min_stay_weeks": "9",
        "max_stay_weeks": "3",
        "capacity": "1",
        "version": "1",
        "phases-TOTAL_FORMS": "1",
        "phases-INITIAL_FORMS": "0",
        "phases-0-starts_at": "1",
        "phases-0-amount_eur": "77",
    }
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "The longest stay cannot be shorter than the shortest." in html
    assert 'value="77"' in html


def test_a_unit_of_another_town_is_not_offered(client, draft_round, altena, coordinator_of):
    stranger = make_unit(altena.town, "ALT-9")
    client.force_login(coordinator_of)
    response = client.post(
        f"/en/aluksne/popup-rounds/{draft_round.pk}/units/", {"unit": stranger.pk}
    )
    assert response.status_code == 400
    assert not RoundUnit.objects.exists()


def test_the_round_list_paginates_in_bounded_queries(
    client, aluksne, coordinator_of, django_assert_max_num_queries
):
    from regrow.popups import services

    for number in range(25):
        services.round_save(
            town=aluksne.town,
            by=coordinator_of,
            **round_values(aluksne.town, titles={"lv": f"Kārta {number}"}),
        )
    client.force_login(coordinator_of)
    with django_assert_max_num_queries(13):
        response = client.get("/en/aluksne/popup-rounds/")
    assert response.status_code == 200
    assert response.content.decode().count('class="card"') == 20
    assert 'rel="next"' in response.content.decode()


def test_the_round_page_is_bounded_in_queries(
    client, draft_round, coordinator_of, django_assert_max_num_queries
):
    from regrow.popups import services

    for number in range(8):
        unit = make_unit(draft_round.town, f"ALU-{number}")
        services.round_unit_add(round_=draft_round, unit=unit, by=coordinator_of)
    client.force_login(coordinator_of)
    with django_assert_max_num_queries(20):
        response = client.get(f"/en/aluksne/popup-rounds/{draft_round.pk}/")
    assert response.content.decode().count("Stop offering") == 8


def test_the_workspace_shows_the_pop_up_rounds_card(client, aluksne, coordinator_of):
    client.force_login(coordinator_of)
    page = client.get(reverse("towns:workspace", kwargs={"slug": "aluksne"})).content.decode()
    assert "/en/aluksne/popup-rounds/" in page
