"""A person's own data: "My data" downloads everything kept about them and nobody else's; erasing
the account asks for the password, deletes their applications (with the documents' files), jury
seats and roles, and is refused, naming it, while they hold a sublease that is not cancelled."""

import json
from datetime import date
from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from regrow.accounts import personal_data, services
from regrow.popups import services as popups_services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import (
    Application,
    ApplicationDocument,
    ConflictOfInterest,
    Criterion,
    RoundJuror,
    Score,
    Sublease,
    WantedUnit,
)
from regrow.premises.models import Owner
from regrow.towns.models import Membership, Role
from tests.fixtures import PASSWORD, TOTP_SECRET, make_user
from tests.popups.conftest import round_values
from tests.popups.test_applications import PDF, application_values
from tests.premises.conftest import make_unit

User = get_user_model()


@pytest.fixture
def round_(aluksne, coordinator):
    town = aluksne.town
    round_ = popups_services.round_save(town=town, by=coordinator, **round_values(town))
    popups_services.round_unit_add(
        round_=round_, unit=make_unit(town, "ALU-1", display_address="Pils iela 5"), by=coordinator
    )
    round_.refresh_from_db()
    return popups_services.round_save(
        town=town, by=coordinator, round_=round_, version=round_.version, status=RoundStatus.OPEN
    )


@pytest.fixture
def offer(round_):
    return round_.offered_units.select_related("unit").get()


def apply(round_, person, name, offer=None):
    application = Application.objects.create(
        round=round_,
        applicant=person,
        status=ApplicationStatus.SUBMITTED,
        submitted_at=timezone.now(),
        **application_values(round_, business_name=name),
    )
    if offer is not None:
        WantedUnit.objects.create(application=application, round_unit=offer, rank=1)
    return application


@pytest.fixture
def anna(aluksne):
    """An entrepreneur of Alūksne with an application (a document, a wanted unit) who also sits
    on the jury, where she scored a rival and declared a conflict on another."""
    person = make_user("anna@example.org", full_name="Anna Bērziņa", preferred_language="lv")
    Membership.objects.create(user=person, town=aluksne.town, role=Role.ENTREPRENEUR)
    Membership.objects.create(user=person, town=aluksne.town, role=Role.JURY_MEMBER)
    return person


@pytest.fixture
def annas_data(aluksne, round_, offer, anna, coordinator):
    application = apply(round_, anna, "Annas medus", offer)
    document = ApplicationDocument(application=application, name="biznesa plāns.pdf", size_bytes=40)
    document.file.save("plans.pdf", ContentFile(PDF), save=False)
    document.save()
    rival = apply(round_, make_user("peteris@example.org"), "Pētera sveces")
    neighbour = apply(round_, make_user("liga@example.org"), "Līgas maize")
    criterion = Criterion.objects.create(round=round_, names={"lv": "Ideja"}, weight=Decimal(1))
    seat = popups_services.juror_assign(round_=round_, user=anna, by=coordinator)
    other_juror = popups_services.juror_assign(
        round_=round_, user=aluksne.people[Role.JURY_MEMBER], by=coordinator
    )
    Score.objects.create(
        juror=seat, application=rival, criterion=criterion, value=7, comment="Laba ideja"
    )
    ConflictOfInterest.objects.create(juror=seat, application=neighbour, note="Kaimiņiene")
    # Another juror's words about Anna's own application are not her data to download.
    Score.objects.create(
        juror=other_juror,
        application=application,
        criterion=criterion,
        value=3,
        comment="Citam žūrijas loceklim vien",
    )
    owner = Owner.objects.create(town=aluksne.town, name="Anna Bērziņa", user=anna)
    return {
        "application": application,
        "document": document,
        "rival": rival,
        "seat": seat,
        "owner": owner,
    }


def sublease(application, offer, status=Sublease.Status.CONFIRMED):
    return Sublease.objects.create(
        application=application,
        round_unit=offer,
        unit=offer.unit,
        starts_on=date(2027, 6, 1),
        ends_on=date(2027, 6, 28),
        status=status,
    )


# --- My data ----------------------------------------------------------------------------------


def test_my_data_is_for_the_signed_in_person(client, anna):
    response = client.get("/en/accounts/my-data/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get("/en/accounts/my-data.json").status_code == 302
    assert client.get("/en/accounts/delete/").status_code == 302
    client.force_login(anna)
    assert "/en/accounts/my-data/" in client.get("/en/dashboard/").content.decode()
    page = client.get("/en/accounts/my-data/").content.decode()
    assert "Your pop-up applications" in page and "Your roles in towns" in page
    assert "/en/accounts/my-data.json" in page


def test_the_download_holds_everything_about_the_person_and_nothing_of_others(
    client, anna, annas_data, offer
):
    sublease(annas_data["application"], offer)
    TOTP.activate(anna, TOTP_SECRET)
    client.force_login(anna)
    response = client.get("/en/accounts/my-data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="regrow-my-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    account = data["account"]
    assert (account["email"], account["full_name"], account["preferred_language"]) == (
        "anna@example.org",
        "Anna Bērziņa",
        "lv",
    )
    assert account["email_addresses"] == [
        {"email": "anna@example.org", "verified": True, "primary": True}
    ]
    assert {(m["town"], m["role"]) for m in data["memberships"]} == {
        ("Alūksne", Role.ENTREPRENEUR),
        ("Alūksne", Role.JURY_MEMBER),
    }
    (application,) = data["popup_applications"]
    assert application["business_name"] == "Annas medus"
    assert application["idea"] and application["status"] == "submitted"
    assert application["round"]["town"] == "Alūksne"
    assert application["wanted_units"] == [{"rank": 1, "address": "Pils iela 5"}]
    assert [d["name"] for d in application["documents"]] == ["biznesa plāns.pdf"]
    assert application["sublease"]["address"] == "Pils iela 5"
    assert application["sublease"]["starts_on"] == "2027-06-01"
    (seat,) = data["popup_jury"]
    assert [(s["application"], s["score"], s["comment"]) for s in seat["scores_given"]] == [
        ("Pētera sveces", 7, "Laba ideja")
    ]
    assert [c["note"] for c in seat["conflicts_declared"]] == ["Kaimiņiene"]
    text = response.content.decode()
    # Nobody else's application, and no other juror's score of hers.
    assert "Citam žūrijas loceklim vien" not in text
    assert "peteris@example.org" not in text and "liga@example.org" not in text
    assert [m["type"] for m in account["two_factor_methods"]] == ["totp"]
    assert TOTP_SECRET not in text  # the method's kind and dates, never its secret


def test_the_export_is_bounded_in_queries(anna, annas_data, django_assert_max_num_queries):
    # One query per part at most (13 since the meeting registrations' part).
    with django_assert_max_num_queries(13):
        personal_data.export(anna)


# --- Erasure ----------------------------------------------------------------------------------


def test_the_account_is_erased_with_the_password(
    client, anna, annas_data, round_, django_capture_on_commit_callbacks
):
    storage = storages["private"]
    file_name = annas_data["document"].file.name
    assert storage.exists(file_name)
    client.force_login(anna)
    page = client.get("/en/accounts/delete/")
    assert page.status_code == 200 and 'type="password"' in page.content.decode()

    refused = client.post("/en/accounts/delete/", {"password": "not her password"})
    assert refused.status_code == 400
    assert "The password is not right." in refused.content.decode()
    assert User.objects.filter(pk=anna.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/accounts/delete/", {"password": PASSWORD}, follow=True)
    assert response.redirect_chain[0][0].startswith("/en/")
    assert "Your account and its data were deleted." in response.content.decode()
    assert not User.objects.filter(pk=anna.pk).exists()
    assert not Application.objects.filter(pk=annas_data["application"].pk).exists()
    assert not ApplicationDocument.objects.exists()
    assert not storage.exists(file_name)
    assert not RoundJuror.objects.filter(pk=annas_data["seat"].pk).exists()
    assert not Score.objects.filter(comment="Laba ideja").exists()
    assert not Membership.objects.filter(user_id=anna.pk).exists()
    # Others' applications stay; an owner of premises is not a user and stays too.
    assert Application.objects.filter(pk=annas_data["rival"].pk).exists()
    owner = Owner.objects.get(pk=annas_data["owner"].pk)
    assert owner.user_id is None and owner.name == "Anna Bērziņa"
    # Signed out: the page now asks to sign in.
    assert client.get("/en/accounts/my-data/").status_code == 302


def test_a_live_sublease_refuses_erasure_and_names_it(client, anna, annas_data, offer):
    sublease(annas_data["application"], offer)
    client.force_login(anna)
    page = client.get("/en/accounts/delete/").content.decode()
    assert "You hold the sublease of Pils iela 5 in Alūksne" in page
    assert "from 1 to 28 June 2027" in page
    assert 'type="password"' not in page
    response = client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 409
    assert User.objects.filter(pk=anna.pk).exists()
    assert Application.objects.filter(applicant=anna).exists()
    with pytest.raises(ValidationError) as error:
        services.account_erase(user=anna, by=anna)
    assert "Pils iela 5" in error.value.messages[0]
    assert RoundJuror.objects.filter(user=anna).exists()


def test_the_refusal_is_in_latvian_on_latvian_pages(client, anna, annas_data, offer):
    sublease(annas_data["application"], offer, status=Sublease.Status.SIGNED)
    client.force_login(anna)
    page = client.get("/lv/accounts/delete/").content.decode()
    # The period in Latvian, its months in the cases the phrase needs.
    assert "no 2027. gada 1. līdz 28. jūnijam" in page


def test_a_cancelled_sublease_goes_with_the_application(anna, annas_data, offer):
    cancelled = sublease(annas_data["application"], offer, status=Sublease.Status.CANCELLED)
    assert personal_data.erasure_refusals(anna) == []
    services.account_erase(user=anna, by=anna)
    assert not Sublease.objects.filter(pk=cancelled.pk).exists()
    assert not User.objects.filter(pk=anna.pk).exists()


def test_nobody_erases_another_persons_account(anna, coordinator):
    with pytest.raises(PermissionDenied):
        services.account_erase(user=anna, by=coordinator)
    assert User.objects.filter(pk=anna.pk).exists()


def test_wrong_passwords_pause_like_signing_in(client, anna, settings):
    client.force_login(anna)
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/accounts/delete/", {"password": "guess"})
    response = client.post("/en/accounts/delete/", {"password": PASSWORD})
    assert response.status_code == 429
    assert User.objects.filter(pk=anna.pk).exists()


def test_an_erasure_refused_midway_deletes_nothing(anna, annas_data, offer, monkeypatch):
    """An app's eraser that refuses (here: a sublease confirmed after the check) rolls back
    what the others deleted."""
    calls = []
    personal_data.register_eraser("test-late", lambda user: calls.append(user), order=1)
    try:
        monkeypatch.setattr(
            "regrow.popups.personal_data.erasure_refusals",
            lambda user: ["A sublease was confirmed meanwhile."],
        )
        with pytest.raises(ValidationError):
            services.account_erase(user=anna, by=anna)
    finally:
        personal_data.unregister("test-late")
    assert calls  # it ran first, and its work was rolled back with the rest
    assert Application.objects.filter(applicant=anna).exists()
    assert RoundJuror.objects.filter(user=anna).exists()
    assert User.objects.filter(pk=anna.pk).exists()
