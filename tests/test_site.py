"""Site-wide pages: home, places and their sections, health check, headers, error pages."""

import re
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.utils import translation

from regrow.lib.demo import load_all
from regrow.towns.models import Role
from tests.database_locks import held_by_another_connection
from tests.premises.conftest import make_unit


@pytest.fixture
def demo(db):
    return load_all()


def test_home_lists_networks_and_towns_in_bounded_queries(
    client, demo, django_assert_max_num_queries
):
    # The fifth, on a miss only: how long the page cache may keep the page.
    with django_assert_max_num_queries(5):
        response = client.get("/en/")
    html = response.content.decode()
    assert "Re-grow City — Tackling Long-Term Decline in Smaller Cities" in html
    for town in ["Alūksne", "Altena", "Idrija", "Melgaço", "Manresa", "Nyírbátor", "Isernia"]:
        assert town in html


def test_network_name_follows_the_language(client, demo):
    html = client.get("/lv/regrow-city/").content.decode()
    assert "Augoša pilsēta: Ilgtermiņa lejupslīdes pārvarēšana mazajās pilsētās" in html
    assert 'lang="lv"' in html


def test_town_page_shows_contacts_and_address(client, demo):
    html = client.get("/en/aluksne/").content.decode()
    assert 'href="mailto:info@aluksne.example.org"' in html
    assert 'href="tel:+37160000001"' in html
    assert "Dārza iela 11" in html and "LV-4301" in html


@pytest.mark.parametrize(
    ("place", "sections"),
    [
        # Sections with nothing published are left out (Alūksne has no projects in the demo,
        # the network no events, nor meetings announced as events) but still open; the
        # network's lead shows its progress to the public.
        ("aluksne", ["news", "events", "map", "popups", "indicators", "network"]),
        ("regrow-city", ["news", "projects", "network", "progress"]),
    ],
)
def test_the_main_navigation_lists_the_sections_apps_registered_and_each_opens(
    client, demo, place, sections
):
    html = client.get(f"/en/{place}/").content.decode()
    nav = html[html.index('<nav class="main-nav') :]
    nav = nav[: nav.index("</nav>")]
    linked = [href.split("/")[3] for href in nav.split('href="')[1:]]
    assert linked == sections
    for section in [*sections, "events", "projects"]:
        assert client.get(f"/en/{place}/{section}/").status_code == 200


def test_a_section_no_app_offers_for_that_kind_of_place_is_404(client, demo):
    assert client.get("/en/regrow-city/map/").status_code == 404
    assert client.get("/en/aluksne/figures/").status_code == 404


def test_town_network_section_names_its_network(client, demo):
    html = client.get("/en/aluksne/network/").content.decode()
    assert "Alūksne takes part as partner in:" in html
    assert 'href="/en/regrow-city/"' in html


def test_unknown_section_and_place_are_404_in_the_language_of_the_address(client, demo):
    response = client.get("/lv/aluksne/nonsense/")
    assert response.status_code == 404
    assert "Lapa nav atrasta" in response.content.decode()
    assert client.get("/en/atlantis/").status_code == 404


def test_language_links_point_at_the_same_page(client, demo, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("el", "Greek")]
    html = client.get("/en/aluksne/network/").content.decode()
    assert 'href="/lv/aluksne/network/" hreflang="lv" lang="lv"' in html
    assert 'href="/el/aluksne/network/" hreflang="el" lang="el"' in html


def switch_languages(html: str) -> list[str]:
    """The languages the page's language switch offers, in its order."""
    switch = html.split('<details class="language-switch">', 1)[1].split("</details>", 1)[0]
    return re.findall(r'<a href="[^"]+" hreflang="([^"]+)"', switch)


def test_language_switch_offers_exactly_the_configured_languages(client, demo, settings):
    offered = [code for code, _name in settings.LANGUAGES]
    assert switch_languages(client.get("/en/aluksne/network/").content.decode()) == offered
    settings.LANGUAGES = [("en", "English"), ("de", "German"), ("lv", "Latvian")]
    html = client.get("/lv/aluksne/network/").content.decode()
    assert switch_languages(html) == ["en", "de", "lv"]
    assert ">Deutsch</a>" in html and "Ελληνικά" not in html


def test_a_language_not_offered_has_no_pages(client, demo, settings):
    settings.LANGUAGES = [("lv", "Latvian"), ("en", "English")]
    assert client.get("/de/aluksne/network/").status_code == 404
    assert "Deutsch" not in client.get("/en/aluksne/network/").content.decode()


def test_security_headers_allow_no_inline_script(client, demo):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert directives["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert "<script>" not in response.content.decode()


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_says_503_when_the_database_is_gone(client, db):
    refused = connection.Database.OperationalError("connection refused")
    with mock.patch.object(connection, "cursor", side_effect=refused):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_server_error_page_is_friendly_and_translated(db, settings):
    settings.ROOT_URLCONF = "tests.failing_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/lv/boom/")
    assert response.status_code == 500
    assert "Mūsu pusē kaut kas nogāja greizi" in response.content.decode()


def test_a_busy_database_is_a_503_page_in_the_readers_language(transactional_db, aluksne):
    unit = make_unit(aluksne.town, "A1", floor="ground", condition="ready")
    client = Client(raise_request_exception=False)
    client.force_login(aluksne.people[Role.COORDINATOR])
    form = {
        "external_id": "A1", "street": "Pils iela", "display_address": "Pils iela 1",
        "latitude": "57.4227", "longitude": "27.0461", "floor_area_m2": "45", "floor": "ground",
        "condition": "ready", "listed_on": "2023-01-01", "version": "1", "notes": "edited",
    }  # fmt: skip
    with held_by_another_connection(unit):
        response = client.post(f"/lv/aluksne/register/units/{unit.pk}/", form)
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert 'lang="lv"' in html
    with translation.override("lv"):
        assert translation.gettext("The site is busy") in html
    unit.refresh_from_db()
    assert (unit.version, unit.notes) == (1, "")


def test_a_database_error_that_is_not_a_busy_database_is_still_a_500(db, caplog):
    client = Client(raise_request_exception=False)
    broken = OperationalError("no such table: nonsense")
    with mock.patch("regrow.views.public_towns", side_effect=broken):
        response = client.get("/lv/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Mūsu pusē kaut kas nogāja greizi" in response.content.decode()
    assert "no such table" in caplog.text


def test_errors_under_the_api_address_are_json_and_elsewhere_pages(db):
    client = Client(raise_request_exception=False)
    page = client.get("/en/atlantis/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")
    answer = client.get("/api/atlantis")
    assert answer.status_code == 404 and answer.json() == {"detail": "Not found."}
