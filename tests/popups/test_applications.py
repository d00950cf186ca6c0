"""Applications: the services' refusals, the fit check, concurrency, the confirmation e-mail."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from regrow.lib.concurrency import ConcurrentEditError
from regrow.popups import fit, services
from regrow.popups.choices import ApplicationStatus, RoundStatus
from regrow.popups.models import Application, ApplicationDocument
from regrow.popups.models.applications import MAX_DOCUMENT_BYTES
from tests.fixtures import make_user

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def application_values(round_, **changes) -> dict:
    values = {
        "business_name": "Medus un sveces",
        "idea": "Vietējais medus un bišu vaska sveces.",
        "category": "food",
        "min_area_m2": Decimal(10),
        "max_rent_cents_per_month": 30_000,
        "earliest_start_on": round_.programme_starts_on,
        "latest_end_on": round_.programme_ends_on,
        "min_stay_weeks": 2,
        "max_stay_weeks": 6,
        "experience": "",
        "requested_grant_cents": 50_000,
    }
    values.update(changes)
    return values


@pytest.fixture
def applicant(db):
    return make_user("anna@example.org", full_name="Anna Bērziņa", preferred_language="lv")


@pytest.fixture
def draft(open_round, applicant):
    return services.application_save(
        round_=open_round, by=applicant, language="lv", **application_values(open_round)
    )


def refusal(error: ValidationError) -> dict:
    return error.value.message_dict


def test_a_draft_is_saved_with_wanted_units(open_round, applicant, offer):
    application = services.application_save(
        round_=open_round, by=applicant, wanted=[offer], **application_values(open_round)
    )
    assert application.status == ApplicationStatus.DRAFT
    assert [w.round_unit_id for w in application.wanted.all()] == [offer.pk]


def test_reversed_dates_are_refused_naming_the_field(open_round, applicant):
    values = application_values(
        open_round,
        earliest_start_on=open_round.programme_starts_on + timedelta(days=20),
        latest_end_on=open_round.programme_starts_on + timedelta(days=10),
    )
    with pytest.raises(ValidationError) as error:
        services.application_save(round_=open_round, by=applicant, **values)
    assert "latest_end_on" in refusal(error)
    assert not Application.objects.exists()


def test_dates_outside_the_programme_are_refused(open_round, applicant):
    values = application_values(
        open_round, earliest_start_on=open_round.programme_starts_on - timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        services.application_save(round_=open_round, by=applicant, **values)
    assert "earliest_start_on" in refusal(error)


def test_a_grant_above_the_largest_is_refused(open_round, applicant):
    values = application_values(open_round, requested_grant_cents=open_round.max_grant_cents + 1)
    with pytest.raises(ValidationError) as error:
        services.application_save(round_=open_round, by=applicant, **values)
    assert "requested_grant_cents" in refusal(error)


def test_an_unverified_address_cannot_apply(open_round, applicant):
    applicant.emailaddress_set.update(verified=False)
    with pytest.raises(ValidationError):
        services.application_save(round_=open_round, by=applicant, **application_values(open_round))
    assert not Application.objects.exists()


@pytest.mark.parametrize("days, word", [(-40, "closed"), (None, "open on")])
def test_a_closed_or_not_yet_open_round_refuses(open_round, applicant, coordinator_of, days, word):
    today = open_round.town.today()
    if days is None:
        changes = {"applications_open_on": today + timedelta(days=1)}
    else:
        changes = {
            "applications_open_on": today - timedelta(days=50),
            "applications_close_on": today - timedelta(days=1),
        }
    open_round = services.round_save(
        town=open_round.town,
        by=coordinator_of,
        round_=open_round,
        version=open_round.version,
        **changes,
    )
    with pytest.raises(ValidationError) as error:
        services.application_save(round_=open_round, by=applicant, **application_values(open_round))
    assert word in error.value.messages[0]
    assert not Application.objects.exists()


def test_a_draft_round_takes_no_applications(draft_round, applicant):
    with pytest.raises(ValidationError):
        services.application_save(
            round_=draft_round, by=applicant, **application_values(draft_round)
        )


def test_submitting_one_that_fits_no_unit_is_refused_with_the_reasons(draft, applicant):
    draft = services.application_save(
        round_=draft.round,
        by=applicant,
        application=draft,
        version=draft.version,
        **application_values(draft.round, min_area_m2=Decimal(10_000)),
    )
    with pytest.raises(ValidationError) as error:
        services.application_submit(
            application=draft, by=applicant, version=draft.version, link="http://x/"
        )
    assert "too small" in error.value.messages[0]
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert not mail.outbox


@pytest.mark.parametrize("language, title", [("lv", "Pop-up pavasaris"), ("en", "Pop-up spring")])
def test_submit_sends_a_confirmation_in_the_applicants_language(
    draft, applicant, django_capture_on_commit_callbacks, language, title
):
    Application.objects.filter(pk=draft.pk).update(language=language)
    draft.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.application_submit(
            application=draft, by=applicant, version=draft.version, link="http://x/app/1/"
        )
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.submitted_at is not None
    [message] = mail.outbox
    assert message.to == ["anna@example.org"]
    # The round's title in the applicant's language: the whole e-mail is rendered in it.
    assert title in message.subject
    assert "http://x/app/1/" in message.body


def test_a_stale_version_is_refused(draft, applicant):
    stale = draft.version
    services.application_save(
        round_=draft.round,
        by=applicant,
        application=draft,
        version=stale,
        **application_values(draft.round, business_name="Pirmais"),
    )
    with pytest.raises(ConcurrentEditError):
        services.application_save(
            round_=draft.round,
            by=applicant,
            application=Application.objects.get(pk=draft.pk),
            version=stale,
            **application_values(draft.round, business_name="Otrais"),
        )
    assert Application.objects.get(pk=draft.pk).business_name == "Pirmais"


def test_another_person_cannot_change_or_withdraw(draft):
    other = make_user("other@example.org")
    with pytest.raises(PermissionDenied):
        services.application_withdraw(application=draft, by=other, version=draft.version)
    with pytest.raises(PermissionDenied):
        services.application_save(
            round_=draft.round,
            by=other,
            application=draft,
            version=draft.version,
            **application_values(draft.round),
        )


def test_withdrawn_cannot_be_changed(draft, applicant):
    withdrawn = services.application_withdraw(
        application=draft, by=applicant, version=draft.version
    )
    with pytest.raises(ValidationError):
        services.application_save(
            round_=draft.round,
            by=applicant,
            application=withdrawn,
            version=withdrawn.version,
            **application_values(draft.round),
        )


def test_a_non_pdf_is_refused_by_its_content(draft, applicant):
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        services.document_add(application=draft, by=applicant, upload=fake)
    assert "file" in refusal(error)
    assert not ApplicationDocument.objects.exists()


def test_a_document_over_10_mb_is_refused(draft, applicant):
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * MAX_DOCUMENT_BYTES)
    with pytest.raises(ValidationError) as error:
        services.document_add(application=draft, by=applicant, upload=big)
    assert "10 MB" in refusal(error)["file"][0]


def test_a_pdf_is_kept_in_private_storage(draft, applicant, settings):
    from django.core.files.storage import storages

    upload = SimpleUploadedFile("plan.pdf", PDF)
    document = services.document_add(application=draft, by=applicant, upload=upload)
    assert document.file.storage.location == storages["private"].location
    assert not document.file.path.startswith(str(settings.MEDIA_ROOT))
    assert document.file.read().startswith(b"%PDF-")


def test_round_status_open_is_required_even_inside_the_window(open_round, coordinator_of):
    closed = services.round_save(
        town=open_round.town,
        by=coordinator_of,
        round_=open_round,
        version=open_round.version,
        status=RoundStatus.CLOSED,
    )
    assert services.window_refusal(closed)


# The fit check itself: plain data.
OFFER = fit.Offer(
    id=1,
    area_m2=20,
    phases=((1, 0), (4, 100)),
    rent_per_m2=True,
    min_stay_weeks=2,
    max_stay_weeks=8,
    allowed_categories=frozenset({"food"}),
)


def test_fit_names_each_reason():
    need = fit.Need(category="fashion", min_area_m2=30, min_stay_weeks=10, max_stay_weeks=12)
    assert fit.misfits(need, OFFER) == [fit.AREA, fit.CATEGORY, fit.STAY]


def test_fit_counts_the_rent_of_phases_within_the_stay():
    weekly = fit.Offer(
        id=2, area_m2=20, phases=((1, 0), (4, 100)), rent_per_m2=True, phases_in_weeks=True
    )
    short = fit.Need(category="food", max_rent_cents_per_month=0, min_stay_weeks=2)
    long = fit.Need(category="food", max_rent_cents_per_month=1_999, min_stay_weeks=6)
    assert fit.misfits(short, weekly) == []
    assert fit.monthly_rent_cents(weekly, weeks=6) == 2_000
    assert fit.misfits(long, weekly) == [fit.RENT]


def test_fit_dates_shorter_than_the_stay():
    from datetime import date

    need = fit.Need(
        category="food", earliest_start_on=date(2026, 6, 1), latest_end_on=date(2026, 6, 10)
    )
    assert fit.misfits(need, OFFER) == [fit.DATES]
    assert fit.reasons_for_none(need, [OFFER]) == [fit.DATES]
    assert fit.reasons_for_none(fit.Need(category="food"), [OFFER]) == []


def test_a_stay_into_a_dearer_phase_pays_each_phase_for_its_own_weeks():
    """Melgaço's terms: three months free, then 1 EUR per m2 a month, for a 72 m2 unit."""
    from regrow.popups import fit

    melgaco = fit.Offer(id=1, area_m2=72.0, phases=((1, 0), (4, 100)), rent_per_m2=True)
    assert fit.stay_rent_cents(melgaco, weeks=12) == 0
    assert fit.average_monthly_rent_cents(melgaco, weeks=12) == 0
    # Month 4 starts in week 14: a 20-week stay pays 7 weeks at 72 EUR a month.
    assert fit.stay_rent_cents(melgaco, weeks=20) == round(7 * 7200 / fit.WEEKS_A_MONTH)
    average = fit.average_monthly_rent_cents(melgaco, weeks=20)
    assert 0 < average < 7200
    assert abs(average * 20 / fit.WEEKS_A_MONTH - 7 * 7200 / fit.WEEKS_A_MONTH) < 1
    flat = fit.Offer(id=2, area_m2=40.0, phases=((1, 15000),))
    assert fit.average_monthly_rent_cents(flat, weeks=8) == 15000
