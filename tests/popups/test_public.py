"""The public's pop-up pages and the read-only API: open rounds only, terms shown, bounded."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache

from regrow.popups import services
from regrow.popups.models import Round
from tests.popups.conftest import round_values
from tests.premises.conftest import make_unit


def test_a_draft_round_is_not_public(client, draft_round, offer):
    assert client.get(f"/lv/aluksne/popups/{draft_round.pk}/").status_code == 404
    assert client.get(f"/api/rounds/{draft_round.pk}").status_code == 404
    assert client.get("/api/towns/aluksne/rounds").json()["count"] == 0
    assert client.get("/lv/aluksne/popups/").status_code == 200  # the section, with nothing


def test_the_open_round_page_shows_deadline_terms_and_map_in_latvian(
    client, open_round, coordinator_of
):
    offer = open_round.offered_units.get()
    services.round_unit_set_terms(
        offer=offer,
        by=coordinator_of,
        version=offer.version,
        phases=[(1, 0), (4, 100)],
        rent_basis="per_m2",
    )
    services.event_add(
        round_=open_round,
        by=coordinator_of,
        titles={"lv": "Pop-up nedēļas nogale"},
        starts_on=open_round.programme_starts_on,
    )
    Round.objects.filter(pk=open_round.pk).update(applications_close_on=date(2026, 12, 15))
    response = client.get(f"/lv/aluksne/popups/{open_round.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pop-up pavasaris" in html
    assert "Pop-up nedēļas nogale" in html
    assert f'data-geojson="/lv/aluksne/popups/{open_round.pk}/units.geojson"' in html
    assert "Viens veikals vienā telpā." in html
    data = client.get(f"/lv/aluksne/popups/{open_round.pk}/units.geojson").json()
    (feature,) = data["features"]
    assert feature["properties"]["address"] == offer.unit.display_address
    assert len(feature["properties"]["terms"]["rent"]) == 2


def test_the_section_lists_the_open_round_and_the_nav_shows_it(client, open_round):
    html = client.get("/en/aluksne/popups/").content.decode()
    assert f"/en/aluksne/popups/{open_round.pk}/" in html
    assert 'href="/en/aluksne/popups/"' in client.get("/en/aluksne/").content.decode()


def test_the_deadline_reads_in_the_case_latvian_needs():
    from django.utils import translation

    from regrow.popups.views.public import deadline_text

    round_ = Round(applications_close_on=date(2026, 12, 15))
    with translation.override("en"):
        assert deadline_text(round_) == "Apply until 15 December 2026"


def test_the_api_lists_public_rounds_and_one_rounds_units(
    client, open_round, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        listing = client.get("/api/towns/aluksne/rounds").json()
    assert [round_["id"] for round_ in listing["results"]] == [open_round.pk]
    assert listing["next"] is None
    with django_assert_max_num_queries(8):
        detail = client.get(f"/api/rounds/{open_round.pk}").json()
    (unit,) = detail["units"]
    assert unit["rent_phases"] == [{"starts_at": 1, "amount_cents": 25_000}]
    assert detail["titles"]["lv"] == "Pop-up pavasaris"


def test_the_api_refuses_unknown_query_parameters(client, open_round):
    response = client.get("/api/towns/aluksne/rounds?pagesize=5")
    assert response.status_code == 422
    assert "pagesize" in response.json()["detail"]
    assert client.get("/api/towns/nowhere/rounds").status_code == 404


def test_the_public_round_page_is_bounded_in_queries(
    client, open_round, coordinator_of, django_assert_max_num_queries
):
    for number in range(10):
        services.round_unit_add(
            round_=open_round,
            unit=make_unit(open_round.town, f"ALU-{number + 10}"),
            by=coordinator_of,
        )
    with django_assert_max_num_queries(14):
        response = client.get(f"/en/aluksne/popups/{open_round.pk}/")
    assert response.content.decode().count('class="card"') == 11
    with django_assert_max_num_queries(6):
        data = client.get(f"/en/aluksne/popups/{open_round.pk}/units.geojson").json()
    assert len(data["features"]) == 11


@pytest.mark.parametrize("status", ["open", "closed"])
def test_the_section_has_content_while_a_round_is_open_or_coming(
    open_round, coordinator_of, status
):
    from regrow.popups.selectors import has_public_rounds

    Round.objects.filter(pk=open_round.pk).update(status=status)
    assert has_public_rounds(open_round.town)
    Round.objects.filter(pk=open_round.pk).update(status="allocated")
    assert not has_public_rounds(open_round.town)


def test_changing_a_round_renews_its_cached_public_page(
    client, open_round, coordinator_of, settings, django_capture_on_commit_callbacks
):
    url = f"/en/aluksne/popups/{open_round.pk}/"
    assert "Pop-up spring" in client.get(url).content.decode()
    open_round.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.round_save(
            town=open_round.town,
            by=coordinator_of,
            round_=open_round,
            version=open_round.version,
            titles={"lv": "Rudens", "en": "Autumn round"},
        )
    assert "Autumn round" in client.get(url).content.decode()


__all__ = ["round_values"]


def test_before_its_window_opens_the_round_says_when_instead_of_offering_apply(client, open_round):
    opens = open_round.town.today() + timedelta(days=3)
    Round.objects.filter(pk=open_round.pk).update(applications_open_on=opens)
    html = client.get(f"/en/aluksne/popups/{open_round.pk}/").content.decode()
    assert f"Applications open on {opens.day} {opens:%B %Y}." in html
    assert f"/en/aluksne/popups/{open_round.pk}/apply/" not in html
    Round.objects.filter(pk=open_round.pk).update(applications_open_on=open_round.town.today())
    cache.clear()
    html = client.get(f"/en/aluksne/popups/{open_round.pk}/").content.decode()
    assert f"/en/aluksne/popups/{open_round.pk}/apply/" in html
