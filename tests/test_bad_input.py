"""A NUL character anywhere in a request is a 400 (JSON on the API), never a 500.

PostgreSQL cannot store NUL in text, so these failed there as server errors before.
"""

import json

import pytest
from django.test import Client
from django.utils import translation

from regrow.lib.middleware import json_holds_nul
from regrow.premises.models import Unit
from tests.premises.conftest import make_unit

REFUSED = "The request holds a null character, which no field accepts. Remove it and try again."


@pytest.fixture
def unit(aluksne):
    return make_unit(aluksne.town, "A1", floor="ground", condition="ready")


def assert_refused_page(response, language: str):
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert f'lang="{language}"' in html
    with translation.override(language):
        assert translation.gettext(REFUSED) in html


def test_search_with_a_nul_is_a_400_page_in_the_readers_language(client, aluksne):
    assert_refused_page(client.get("/lv/aluksne/news/search/", {"q": "a\x00b"}), "lv")
    assert_refused_page(client.get("/en/aluksne/news/?category=a%00b"), "en")
    assert client.get("/en/aluksne/news/search/", {"q": "ab"}).status_code == 200


def test_a_nul_in_the_address_is_a_400(client, aluksne):
    assert_refused_page(client.get("/en/aluksne/%00/"), "en")


def test_a_form_with_a_nul_is_refused_and_saves_nothing(client, aluksne, coordinator, unit):
    client.force_login(coordinator)
    form = {
        "external_id": "A1", "street": "Pils iela", "display_address": "Pils iela 1",
        "latitude": "57.4227", "longitude": "27.0461", "floor_area_m2": "45", "floor": "ground",
        "condition": "ready", "listed_on": "2023-01-01", "version": "1", "notes": "a\x00b",
    }  # fmt: skip
    assert_refused_page(client.post(f"/en/aluksne/register/units/{unit.pk}/", form), "en")
    # Also in a file upload's text fields; the file itself is not text and not looked into.
    response = client.post("/en/aluksne/register/import/", {"note\x00": "x"}, format="multipart")
    assert_refused_page(response, "en")
    unit.refresh_from_db()
    assert (unit.version, unit.notes) == (1, "")


def test_sign_in_with_a_nul_is_refused(client, db):
    response = client.post("/en/accounts/login/", {"login": "a\x00@example.org", "password": "x"})
    assert_refused_page(response, "en")


@pytest.mark.parametrize(
    "body",
    [
        '{"version": 1, "notes": "a\\u0000b"}',  # as JSON writes it
        '{"version": 1, "permitted_uses": ["retail", "\\u0000"]}',  # in a list
        '{"version": 1, "notes\\u0000": "x"}',  # in a key
        '{"version": 1, "notes": "a\x00b"}',  # as a raw byte
    ],
)
def test_the_api_refuses_a_nul_in_json_with_a_400(client, coordinator, unit, body):
    client.force_login(coordinator)
    for content_type in ["application/json", "text/plain"]:  # ninja reads both as JSON
        response = client.patch(f"/api/towns/aluksne/units/{unit.pk}", body, content_type)
        assert response.status_code == 400
        assert response.json()["detail"].startswith(REFUSED)
    unit.refresh_from_db()
    assert (unit.version, unit.notes, unit.permitted_uses) == (1, "", [])


def test_the_api_refuses_a_nul_in_a_query_and_in_a_new_unit(client, coordinator, aluksne):
    client.force_login(coordinator)
    response = client.get("/api/towns/aluksne/vacancy/series?first=2024-01-01&street=a%00")
    assert response.status_code == 400 and response.json()["detail"].startswith(REFUSED)
    new_unit = {
        "external_id": "N\x00", "street": "Pils iela", "latitude": "57.4227",
        "longitude": "27.0461", "floor_area_m2": "50",
    }  # fmt: skip
    response = client.post("/api/towns/aluksne/units", json.dumps(new_unit), "application/json")
    assert response.status_code == 400
    assert not Unit.objects.exists()


def test_an_escaped_backslash_before_u0000_is_no_nul(client, coordinator, unit):
    client.force_login(coordinator)
    body = '{"version": 1, "notes": "C:\\\\u0000"}'  # the text C:\u0000, without NUL
    response = client.patch(f"/api/towns/aluksne/units/{unit.pk}", body, "application/json")
    assert response.status_code == 200
    assert response.json()["notes"] == "C:\\u0000"


def test_a_cookie_with_a_nul_is_ignored(db, aluksne):
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "abcdefghij\x00k"
    response = client.get("/en/aluksne/")
    assert response.status_code == 200
    assert 'href="/en/accounts/login/' in response.content.decode()  # as someone not signed in


def test_json_is_searched_for_nul_everywhere_without_recursion():
    assert json_holds_nul(b'{"a": [{"b": "\\u0000"}]}')
    assert not json_holds_nul(b'{"a": "\\\\u0000"}')
    assert not json_holds_nul(b"{not json \\u0000")
    deep = b"[" * 100_000 + b'"\\u0000"' + b"]" * 100_000
    assert not json_holds_nul(deep)  # too deep for json.loads: whoever reads it refuses it
