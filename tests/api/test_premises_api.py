"""The register's JSON API: same roles as the pages, append-only history, 409 on stale edits."""

import json
from datetime import date
from typing import get_args

import pytest
from django.test import Client

from regrow.premises import features
from regrow.premises.choices import Status
from regrow.premises.models import StatusChange, Unit
from regrow.towns.models import Role
from tests.premises.conftest import add_status, make_unit

BASE = "/api/towns/aluksne"
NEW_UNIT = {
    "external_id": "API-1",
    "street": "Pils iela",
    "house_number": "3",
    "latitude": "57.4227",
    "longitude": "27.0461",
    "floor_area_m2": "64.5",
    "permitted_uses": ["fashion"],
    "listed_on": "2024-01-01",
}


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def patch(client, url, data):
    return client.patch(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def api(client, coordinator):
    client.force_login(coordinator)
    return client


def test_anonymous_is_refused(client, aluksne):
    assert client.get(f"{BASE}/units").status_code == 401


@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.COORDINATOR])
def test_other_roles_and_other_towns_are_refused(client, aluksne, altena, role):
    make_unit(aluksne.town, "A1")
    client.force_login(aluksne.people[role])
    assert client.get(f"{BASE}/units").status_code == 403
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(f"{BASE}/units").status_code == 403
    assert post(client, f"{BASE}/units", NEW_UNIT).status_code == 403
    assert not Unit.objects.filter(external_id="API-1").exists()


def test_list_and_geojson_carry_todays_status(api, aluksne):
    unit = make_unit(aluksne.town, "A1")
    add_status(unit, Status.VACANT, date(2024, 1, 1))
    rows = api.get(f"{BASE}/units").json()["results"]
    assert [(row["external_id"], row["status"]) for row in rows] == [("A1", "vacant")]
    collection = api.get(f"{BASE}/units.geojson").json()
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["id"] == unit.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [27.0461, 57.4227]}
    # The same fields as the list, less the position that the geometry holds, named as the
    # register's GeoJSON files name them.
    renamed = {features.FILE_NAMES.get(name, name) for name in rows[0]}
    assert set(feature["properties"]) == renamed - {"latitude", "longitude"}
    assert feature["properties"]["status"] == "vacant"
    assert feature["properties"]["status_on"] == "2024-01-01"
    assert feature["properties"]["asking_rent_eur"] == rows[0]["asking_rent_cents_per_month"] / 100


def test_the_list_comes_a_page_at_a_time_in_address_order_with_links(api, aluksne):
    for number in ["11", "12", "2", "4", "11a"]:
        make_unit(aluksne.town, f"D{number}", street="Dārza iela", house_number=number)
    first = api.get(f"{BASE}/units?page_size=2").json()
    assert first["count"] == 5
    assert [row["house_number"] for row in first["results"]] == ["2", "4"]
    assert first["previous"] is None
    assert first["next"] == f"http://testserver{BASE}/units?page_size=2&page=2"
    second = api.get(first["next"]).json()
    assert [row["house_number"] for row in second["results"]] == ["11", "11a"]
    assert second["previous"] == f"http://testserver{BASE}/units?page_size=2&page=1"
    last = api.get(second["next"]).json()
    assert ([row["house_number"] for row in last["results"]], last["next"]) == (["12"], None)


def test_the_list_pages_50_units_unless_asked_and_refuses_pages_that_are_not_there(api, aluksne):
    for number in range(51):
        make_unit(aluksne.town, f"U{number}", house_number=str(number))
    first = api.get(f"{BASE}/units").json()
    assert (len(first["results"]), first["count"]) == (50, 51)
    assert first["next"].endswith("/units?page=2")
    assert len(api.get(f"{BASE}/units?page_size=500").json()["results"]) == 51
    assert api.get(f"{BASE}/units?page=3").status_code == 404
    for refused in ["page=0", "page_size=0", "page_size=501", "page=x"]:
        assert api.get(f"{BASE}/units?{refused}").status_code == 422, refused


def test_an_empty_register_is_one_empty_page(api, aluksne):
    assert api.get(f"{BASE}/units").json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_the_lists_paging_is_documented():
    from regrow.api.main import api as ninja_api

    operation = ninja_api.get_openapi_schema()["paths"]["/api/towns/{slug}/units"]["get"]
    assert "50 to a page" in operation["description"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert parameters["page_size"]["schema"]["maximum"] == 500
    assert parameters["page"]["schema"]["minimum"] == 1


def test_create_then_record_status_then_read_history(api, aluksne):
    response = post(api, f"{BASE}/units", NEW_UNIT)
    assert response.status_code == 201, response.content
    unit_id = response.json()["id"]
    assert response.json()["display_address"] == "Pils iela 3"
    response = post(
        api, f"{BASE}/units/{unit_id}/statuses", {"status": "vacant", "effective_on": "2024-02-01"}
    )
    assert response.status_code == 201
    history = api.get(f"{BASE}/units/{unit_id}/statuses").json()
    assert [(h["status"], h["effective_on"]) for h in history] == [("vacant", "2024-02-01")]
    assert api.get(f"{BASE}/units/{unit_id}").json()["status"] == "vacant"


def test_bad_input_is_a_422_that_names_the_field(api, aluksne):
    response = post(api, f"{BASE}/units", {**NEW_UNIT, "floor_area_m2": "0"})
    assert response.status_code == 422
    assert "floor_area_m2" in response.json()["detail"]
    unit = make_unit(aluksne.town, "A1")
    response = post(
        api, f"{BASE}/units/{unit.pk}/statuses", {"status": "vacant", "effective_on": "2099-01-01"}
    )
    assert response.status_code == 422
    assert response.json()["detail"]["effective_on"] == ["A status cannot be dated in the future."]
    assert not StatusChange.objects.exists()


def test_stale_patch_is_a_409_and_changes_nothing(api, aluksne):
    unit = make_unit(aluksne.town, "A1")
    first = patch(api, f"{BASE}/units/{unit.pk}", {"version": 1, "notes": "first"})
    assert first.status_code == 200 and first.json()["version"] == 2
    second = patch(api, f"{BASE}/units/{unit.pk}", {"version": 1, "notes": "second"})
    assert second.status_code == 409
    unit.refresh_from_db()
    assert unit.notes == "first"


def test_vacancy_series(api, aluksne):
    unit = make_unit(aluksne.town, "A1")
    add_status(unit, Status.OCCUPIED, date(2024, 1, 1))
    add_status(unit, Status.VACANT, date(2024, 2, 10))
    rows = api.get(f"{BASE}/vacancy/series", {"first": "2024-01-01", "last": "2024-03-15"}).json()
    assert [(r["day"], r["vacancy_rate_percent"]) for r in rows] == [
        ("2024-01-31", 0.0),
        ("2024-02-29", 100.0),
        ("2024-03-31", 100.0),
    ]
    assert (
        api.get(f"{BASE}/vacancy/series", {"first": "2025-01-01", "last": "2024-01-01"}).status_code
        == 422
    )


def test_writes_need_the_csrf_token(aluksne, coordinator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert post(client, f"{BASE}/units", NEW_UNIT).status_code == 403
    assert not Unit.objects.exists()


def test_openapi_describes_the_register(client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "regrow API"
    assert "/api/towns/{slug}/units" in schema["paths"]
    assert "/api/towns/{slug}/units/{pk}/statuses" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "cdn." not in docs.content.decode()


@pytest.mark.parametrize(
    "field", ["house_number", "postcode", "previous_use", "permitted_uses", "notes"]
)
def test_null_in_a_field_that_cannot_be_empty_is_a_422_naming_it(api, aluksne, field):
    unit = make_unit(aluksne.town, "A1")
    response = patch(api, f"{BASE}/units/{unit.pk}", {"version": 1, field: None})
    assert response.status_code == 422, response.content
    assert [error["loc"][-1] for error in response.json()["detail"]] == [field]
    unit.refresh_from_db()
    assert unit.version == 1


def test_null_is_refused_for_every_field_a_unit_must_hold_and_kept_where_it_may_be_empty():
    from regrow.api.premises import UnitIn, UnitPatch

    for name in set(UnitPatch.model_fields) - {"version"}:
        nullable = type(None) in get_args(UnitIn.model_fields[name].annotation)
        try:
            UnitPatch.model_validate({"version": 1, name: None})
        except ValueError as error:
            assert not nullable, f"{name} may be null but was refused"
            assert f"\n{name}\n" in f"\n{error}", error
        else:
            assert nullable, f"{name} cannot be null but was accepted"
    assert UnitPatch.model_validate({"version": 1}).model_dump(exclude_unset=True) == {"version": 1}


def test_an_unknown_query_parameter_is_refused_naming_it(api, aluksne):
    response = api.get("/api/towns/aluksne/units", {"pagesize": "10"})
    assert response.status_code == 422
    assert response.json() == {"detail": "Unknown query parameter: pagesize"}
    response = api.get("/api/towns/aluksne/vacancy/series", {"first": "2024-01-01", "x": "1"})
    assert response.status_code == 422 and "x" in response.json()["detail"]
