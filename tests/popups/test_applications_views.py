"""The application pages: who may see what, kept input, throttle, honeypot, bounded queries."""

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from regrow.popups import services, throttle
from regrow.popups.choices import ApplicationStatus
from regrow.popups.models import Application
from regrow.towns.models import Role
from tests.fixtures import make_user
from tests.popups.test_applications import PDF, application_values


def form_data(round_, **changes) -> dict:
    values = application_values(round_)
    data = {
        "business_name": values["business_name"],
        "idea": values["idea"],
        "category": "food",
        "min_area_m2": "10",
        "max_rent_eur": "300",
        "earliest_start_on": f"{values['earliest_start_on']:%Y-%m-%d}",
        "latest_end_on": f"{values['latest_end_on']:%Y-%m-%d}",
        "min_stay_weeks": "2",
        "max_stay_weeks": "6",
        "requested_grant_eur": "500",
        "action": "save",
    }
    data.update(changes)
    return data


@pytest.fixture
def applicant(db):
    return make_user("anna@example.org", preferred_language="lv")


@pytest.fixture
def submitted(open_round, applicant):
    draft = services.application_save(
        round_=open_round, by=applicant, language="lv", **application_values(open_round)
    )
    return services.application_submit(
        application=draft, by=applicant, version=draft.version, link="http://x/"
    )


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()


def test_apply_asks_to_sign_in_first_and_comes_back(client, open_round):
    url = f"/lv/aluksne/popups/{open_round.pk}/apply/"
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "next=" in response["Location"]


def test_an_entrepreneur_submits_in_latvian(
    client, open_round, applicant, django_capture_on_commit_callbacks
):
    client.force_login(applicant)
    url = f"/lv/aluksne/popups/{open_round.pk}/apply/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(open_round, action="submit"))
    application = Application.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/lv/aluksne/popups/applications/{application.pk}/"
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.language == "lv"
    [message] = mail.outbox
    assert f"/lv/aluksne/popups/applications/{application.pk}/" in message.body


def test_a_refused_submit_keeps_what_was_typed_and_writes_nothing(client, open_round, applicant):
    client.force_login(applicant)
    url = f"/en/aluksne/popups/{open_round.pk}/apply/"
    data = form_data(open_round, action="submit", min_area_m2="9999", business_name="Sveces")
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "No offered unit fits your application" in html
    assert 'value="Sveces"' in html
    assert not Application.objects.exists()
    assert not mail.outbox


def test_a_draft_that_fits_nothing_is_told_before_submitting(client, open_round, applicant):
    client.force_login(applicant)
    url = f"/en/aluksne/popups/{open_round.pk}/apply/"
    client.post(url, form_data(open_round, category="food", min_area_m2="9999"))
    application = Application.objects.get()
    response = client.get(f"/en/aluksne/popups/applications/{application.pk}/")
    assert "No offered unit fits your application" in response.content.decode()


def test_the_honeypot_refuses(client, open_round, applicant):
    client.force_login(applicant)
    url = f"/en/aluksne/popups/{open_round.pk}/apply/"
    response = client.post(url, form_data(open_round, website="http://spam.example"))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_submits_are_limited_per_account(client, open_round, applicant, monkeypatch):
    monkeypatch.setattr(throttle, "PER_ACCOUNT", 1)
    client.force_login(applicant)
    url = f"/en/aluksne/popups/{open_round.pk}/apply/"
    data = form_data(open_round, action="submit", min_area_m2="9999")
    assert client.post(url, data).status_code == 400
    assert client.post(url, form_data(open_round, action="submit")).status_code == 429
    assert not Application.objects.exists()


def test_another_applicant_gets_404(client, submitted):
    client.force_login(make_user("other@example.org"))
    url = f"/en/aluksne/popups/applications/{submitted.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "withdraw", "version": "9"}).status_code == 404


def test_another_towns_coordinator_gets_404_and_403(client, altena, submitted):
    client.force_login(altena.people[Role.COORDINATOR])
    assert client.get(f"/en/aluksne/popups/applications/{submitted.pk}/").status_code == 404
    url = f"/en/aluksne/popup-rounds/{submitted.round_id}/applications/"
    assert client.get(url).status_code == 403


def test_the_coordinator_reads_the_list_and_the_application(
    client, aluksne, submitted, coordinator_of, django_assert_max_num_queries
):
    for index in range(5):
        person = make_user(f"p{index}@example.org")
        draft = services.application_save(
            round_=submitted.round, by=person, **application_values(submitted.round)
        )
        services.application_submit(
            application=draft, by=person, version=draft.version, link="http://x/"
        )
    client.force_login(coordinator_of)
    url = f"/en/aluksne/popup-rounds/{submitted.round_id}/applications/"
    with django_assert_max_num_queries(15):
        response = client.get(url)
    assert response.content.decode().count("Medus un sveces") == 6
    detail = client.get(f"/en/aluksne/popups/applications/{submitted.pk}/")
    assert detail.status_code == 200
    assert "anna@example.org" in detail.content.decode()
    assert b'name="action" value="submit"' not in detail.content


def test_documents_are_downloaded_only_by_those_allowed(client, submitted, applicant):
    client.force_login(applicant)
    base = f"/en/aluksne/popups/applications/{submitted.pk}/documents/"
    response = client.post(base, {"file": SimpleUploadedFile("plan.pdf", PDF)})
    assert response.status_code == 302
    document = submitted.documents.get()
    download = client.get(f"{base}{document.pk}/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "no-store" in download["Cache-Control"]
    client.force_login(make_user("other@example.org"))
    assert client.get(f"{base}{document.pk}/").status_code == 404


def test_a_non_pdf_upload_is_refused_on_the_page(client, submitted, applicant):
    client.force_login(applicant)
    base = f"/en/aluksne/popups/applications/{submitted.pk}/documents/"
    client.post(base, {"file": SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>")})
    assert not submitted.documents.exists()
    page = client.get(f"/en/aluksne/popups/applications/{submitted.pk}/")
    assert "The file is not a PDF." in page.content.decode()


def test_withdraw_with_a_stale_version_is_409(client, submitted, applicant):
    client.force_login(applicant)
    url = f"/en/aluksne/popups/applications/{submitted.pk}/"
    stale = str(submitted.version - 1)
    assert client.post(url, {"action": "withdraw", "version": stale}).status_code == 409
    assert (
        client.post(url, {"action": "withdraw", "version": str(submitted.version)}).status_code
        == 302
    )
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.WITHDRAWN


def test_my_applications_lists_only_mine(client, submitted, applicant):
    other = make_user("other@example.org")
    client.force_login(other)
    assert "Medus un sveces" not in client.get("/en/popup-applications/").content.decode()
    client.force_login(applicant)
    assert "Medus un sveces" in client.get("/en/popup-applications/").content.decode()


def test_a_draft_is_the_applicants_own_until_submitted(client, submitted, coordinator_of):
    person = make_user("drafting@example.org")
    round_ = submitted.round
    draft = services.application_save(round_=round_, by=person, **application_values(round_))
    assert draft.status == ApplicationStatus.DRAFT
    client.force_login(coordinator_of)
    assert client.get(f"/en/aluksne/popups/applications/{draft.pk}/").status_code == 404
    client.force_login(person)
    assert client.get(f"/en/aluksne/popups/applications/{draft.pk}/").status_code == 200
