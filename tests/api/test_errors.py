"""Every error of the API is JSON in its one shape, and is one that the OpenAPI document lists."""

import json
import logging
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from regrow.api.main import api as ninja_api
from regrow.premises import selectors
from regrow.towns.models import Role
from tests.database_locks import held_by_another_connection
from tests.premises.conftest import make_unit

BASE = "/api/towns/aluksne"


def documented_statuses(method: str, template: str) -> set[int]:
    operation = ninja_api.get_openapi_schema()["paths"][template][method]
    return {int(status) for status in operation["responses"]}


def assert_error(response, status: int, method: str = "", template: str = "") -> dict:
    """The response is the error `status` as JSON {"detail": …}, listed for its operation."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json"), response.content
    body = response.json()
    assert set(body) == {"detail"} and body["detail"]
    if template:
        assert status in documented_statuses(method, template)
    return body


@pytest.fixture
def unit(aluksne):
    return make_unit(aluksne.town, "A1")


@pytest.fixture
def signed_in(coordinator):
    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    return client


def patch(client, url, body):
    return client.patch(
        url, body if isinstance(body, str) else json.dumps(body), "application/json"
    )


def test_400_for_a_body_that_is_not_json(signed_in, unit):
    response = patch(signed_in, f"{BASE}/units/{unit.pk}", "{not json")
    assert_error(response, 400, "patch", "/api/towns/{slug}/units/{pk}")


def test_401_when_nobody_is_signed_in(client, unit):
    response = client.get(f"{BASE}/units/{unit.pk}")
    assert_error(response, 401, "get", "/api/towns/{slug}/units/{pk}")


def test_403_for_another_role_and_for_a_write_without_the_csrf_token(aluksne, unit):
    client = Client(enforce_csrf_checks=True)
    client.force_login(aluksne.people[Role.EDITOR])
    response = client.get(f"{BASE}/units/{unit.pk}")
    assert_error(response, 403, "get", "/api/towns/{slug}/units/{pk}")
    client.force_login(aluksne.people[Role.COORDINATOR])
    response = patch(client, f"{BASE}/units/{unit.pk}", {"version": 1, "notes": "x"})
    assert_error(response, 403, "patch", "/api/towns/{slug}/units/{pk}")


def test_404_for_an_unknown_unit_town_or_address(signed_in, unit):
    assert_error(signed_in.get(f"{BASE}/units/999999"), 404, "get", "/api/towns/{slug}/units/{pk}")
    assert_error(signed_in.get("/api/towns/atlantis/units"), 404, "get", "/api/towns/{slug}/units")
    # Addresses the site would redirect to a language prefix ("/en/api/…") were a 302 to a page.
    for address in ["/api/nonsense", "/api/towns", "/api/towns/aluksne", "/api/towns/aluksne/"]:
        assert_error(signed_in.get(address), 404)


def test_405_for_a_method_an_address_does_not_take(signed_in, unit):
    response = signed_in.put(f"{BASE}/units/{unit.pk}", "{}", "application/json")
    assert_error(response, 405)
    assert set(response["Allow"].split(", ")) == {"GET", "PATCH"}


def test_409_for_a_stale_version(signed_in, unit):
    assert patch(signed_in, f"{BASE}/units/{unit.pk}", {"version": 1}).status_code == 200
    response = patch(signed_in, f"{BASE}/units/{unit.pk}", {"version": 1, "notes": "late"})
    assert_error(response, 409, "patch", "/api/towns/{slug}/units/{pk}")


def test_422_names_the_field(signed_in, unit):
    response = patch(signed_in, f"{BASE}/units/{unit.pk}", {"version": 1, "notes": None})
    body = assert_error(response, 422, "patch", "/api/towns/{slug}/units/{pk}")
    assert body["detail"][0]["loc"][-1] == "notes"
    response = signed_in.get(f"{BASE}/units/not-a-number")
    assert_error(response, 422, "get", "/api/towns/{slug}/units/{pk}")


def test_500_is_json_and_logged(signed_in, unit, caplog):
    with (
        mock.patch.object(selectors, "register_units", side_effect=RuntimeError("deliberate")),
        caplog.at_level(logging.ERROR, logger="django.request"),
    ):
        response = signed_in.get(f"{BASE}/units")
    body = assert_error(response, 500, "get", "/api/towns/{slug}/units")
    assert "deliberate" not in body["detail"]
    assert "deliberate" in caplog.text


def test_500_from_a_middleware_is_json_too(signed_in, unit):
    failing = mock.patch(
        "django.middleware.csrf.CsrfViewMiddleware.process_view",
        side_effect=RuntimeError("deliberate"),
    )
    with failing:
        assert_error(signed_in.get(f"{BASE}/units"), 500)
        page = signed_in.get("/en/")
    assert page.status_code == 500 and page["Content-Type"].startswith("text/html")


def test_a_database_error_that_is_not_a_busy_database_stays_a_500(signed_in, unit, caplog):
    broken = OperationalError("no such column: premises_unit.nonsense")
    with (
        mock.patch.object(selectors, "register_units", side_effect=broken),
        caplog.at_level(logging.ERROR, logger="django.request"),
    ):
        response = signed_in.get(f"{BASE}/units")
    assert_error(response, 500)
    assert "no such column" in caplog.text


def test_503_with_retry_after_when_the_database_is_busy(signed_in, unit, caplog):
    busy = OperationalError("database is locked")
    with (
        mock.patch.object(selectors, "register_units", side_effect=busy),
        caplog.at_level(logging.WARNING, logger="regrow.api.errors"),
    ):
        response = signed_in.get(f"{BASE}/units")
    assert_error(response, 503, "get", "/api/towns/{slug}/units")
    assert int(response["Retry-After"]) > 0
    assert "database is locked" in caplog.text
    operation = ninja_api.get_openapi_schema()["paths"]["/api/towns/{slug}/units"]["get"]
    assert "Retry-After" in operation["responses"][503]["headers"]


def test_every_operation_documents_the_errors_any_request_may_meet():
    for path, operations in ninja_api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            statuses = {int(status) for status in operation["responses"]}
            assert {400, 401, 403, 404, 500, 503} <= statuses, (method, path)
            for status in statuses - {200, 201}:
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/Error"}


def test_503_when_another_connection_holds_the_lock_and_the_edit_is_not_lost(
    transactional_db, aluksne, coordinator
):
    unit = make_unit(aluksne.town, "A1")
    client = Client(raise_request_exception=False)
    client.force_login(coordinator)
    with held_by_another_connection(unit):
        response = patch(client, f"{BASE}/units/{unit.pk}", {"version": 1, "notes": "edited"})
    assert_error(response, 503, "patch", "/api/towns/{slug}/units/{pk}")
    assert int(response["Retry-After"]) > 0
    unit.refresh_from_db()
    assert (unit.version, unit.notes) == (1, "")
    # Once the lock is gone, the same request goes through.
    response = patch(client, f"{BASE}/units/{unit.pk}", {"version": 1, "notes": "edited"})
    assert response.status_code == 200
