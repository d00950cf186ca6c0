"""The coordinator's pages of a round's pop-ups: permissions, the list's figures and its bounded
queries, and each form of a pop-up's page (kept as typed when refused, 409 when stale)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from regrow.popups.models import (
    CareEntry,
    Feedback,
    MidReview,
    Outcome,
    Sublease,
)
from regrow.premises.choices import Status
from regrow.premises.models import StatusChange
from regrow.towns.models import Role
from tests.popups.test_care import make_popup, past_round, photo_upload, vacant_unit


@pytest.fixture
def round_(aluksne, coordinator):
    return past_round(aluksne.town, coordinator)


def add_popups(round_, coordinator, count: int, first: int = 0) -> list[Sublease]:
    town = round_.town
    popups = []
    for n in range(first, first + count):
        popup = make_popup(
            round_,
            vacant_unit(town, f"ALU-{n}", display_address=f"Pils iela {n + 1}"),
            f"Veikals {n}",
            round_.programme_starts_on,
            round_.programme_starts_on + timedelta(days=20),
            by=coordinator,
        )
        CareEntry.objects.create(
            sublease=popup, happened_on=popup.starts_on, kind="issue", description="Slēdzene"
        )
        CareEntry.objects.create(
            sublease=popup,
            happened_on=popup.starts_on,
            kind="visit",
            description="Vizīte",
            resolved_on=popup.starts_on,
        )
        MidReview.objects.create(sublease=popup, reviewed_on=popup.starts_on, footfall="low")
        Outcome.objects.create(sublease=popup, days_open=10)
        Feedback.objects.create(
            sublease=popup,
            token_hash=f"{n:064d}",
            language="lv",
            sent_at=timezone.now(),
            expires_at=timezone.now() + timedelta(days=30),
        )
        popups.append(popup)
    return popups


def list_url(round_) -> str:
    return f"/en/aluksne/popup-rounds/{round_.pk}/popups/"


def page_url(popup) -> str:
    return f"/en/aluksne/popup-rounds/{popup.round_unit.round_id}/popups/{popup.pk}/"


def test_only_the_towns_coordinators_see_the_pop_ups(client, round_, coordinator, aluksne, altena):
    [popup] = add_popups(round_, coordinator, 1)
    assert client.get(list_url(round_)).status_code == 302  # to sign in
    for person in (aluksne.people[Role.PROPERTY_OWNER], altena.people[Role.COORDINATOR]):
        client.force_login(person)
        assert client.get(list_url(round_)).status_code == 403
        assert client.get(page_url(popup)).status_code == 403
        assert client.post(page_url(popup), {"action": "feedback"}).status_code == 403
    assert not mail.outbox


def test_the_list_shows_each_pop_ups_state_in_bounded_queries(
    client, round_, coordinator, django_assert_max_num_queries
):
    add_popups(round_, coordinator, 3)
    client.force_login(coordinator)
    with django_assert_max_num_queries(15) as few:
        page = client.get(list_url(round_))
    add_popups(round_, coordinator, 5, first=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(list_url(round_))
    html = page.content.decode()
    assert html.count("Veikals ") == 8
    assert "1 open" in html
    assert "2 entries in all" in html
    assert "link sent, not answered yet" in html
    assert "recorded; did not stay" in html


def test_cancelled_pop_ups_are_not_listed_nor_opened(client, round_, coordinator):
    [_popup, cancelled] = add_popups(round_, coordinator, 2)
    Sublease.objects.filter(pk=cancelled.pk).update(status=Sublease.Status.CANCELLED)
    client.force_login(coordinator)
    html = client.get(list_url(round_)).content.decode()
    assert "Veikals 0" in html and "Veikals 1" not in html
    assert client.get(page_url(cancelled)).status_code == 404


def test_the_pop_up_page_in_bounded_queries(
    client, round_, coordinator, django_assert_max_num_queries
):
    [popup] = add_popups(round_, coordinator, 1)
    client.force_login(coordinator)
    with django_assert_max_num_queries(15):
        page = client.get(page_url(popup))
    assert page.status_code == 200
    html = page.content.decode()
    for heading in ("care-heading", "review-heading", "outcome-heading", "feedback-heading"):
        assert f'id="{heading}"' in html
    assert 'name="resolve-' in html


def test_logging_and_resolving_a_care_issue(client, round_, coordinator):
    [popup] = add_popups(round_, coordinator, 1)
    client.force_login(coordinator)
    today = round_.town.today()
    refused = client.post(
        page_url(popup),
        {
            "action": "care",
            "happened_on": (today + timedelta(days=2)).isoformat(),
            "kind": "issue",
            "description": "Nedarbojas apgaismojums",
        },
    )
    assert refused.status_code == 400
    assert "Nedarbojas apgaismojums" in refused.content.decode()
    assert CareEntry.objects.count() == 2

    added = client.post(
        page_url(popup),
        {
            "action": "care",
            "happened_on": today.isoformat(),
            "kind": "issue",
            "description": "Nedarbojas apgaismojums",
        },
    )
    assert added.status_code == 302
    entry = CareEntry.objects.get(description="Nedarbojas apgaismojums")
    resolved = client.post(
        page_url(popup),
        {
            "action": "resolve",
            "entry": entry.pk,
            f"resolve-{entry.pk}-resolved_on": today.isoformat(),
            f"resolve-{entry.pk}-version": entry.version,
        },
    )
    assert resolved.status_code == 302
    entry.refresh_from_db()
    assert entry.resolved_on == today


def test_a_stale_resolve_is_a_409(client, round_, coordinator):
    [popup] = add_popups(round_, coordinator, 1)
    entry = CareEntry.objects.get(sublease=popup, resolved_on=None)
    CareEntry.objects.filter(pk=entry.pk).update(version=4)
    client.force_login(coordinator)
    page = client.post(
        page_url(popup),
        {
            "action": "resolve",
            "entry": entry.pk,
            f"resolve-{entry.pk}-resolved_on": round_.town.today().isoformat(),
            f"resolve-{entry.pk}-version": 1,
        },
    )
    assert page.status_code == 409
    assert "Someone else changed this entry meanwhile" in page.content.decode()


def test_an_outcome_before_the_opening_is_refused_on_its_field_as_typed(
    client, round_, coordinator
):
    [popup] = add_popups(round_, coordinator, 1)
    client.force_login(coordinator)
    before = StatusChange.objects.count()
    page = client.post(
        page_url(popup),
        {
            "action": "outcome",
            "days_open": "18",
            "visitors_estimate": "650",
            "sales_band": "500_2000",
            "stayed": "on",
            "stayed_from": (popup.starts_on - timedelta(days=3)).isoformat(),
            "lease_rent_eur": "250.00",
            "lease_months": "12",
            "lease_notes": "Bez indeksācijas",
            "version": "1",
        },
    )
    assert page.status_code == 400
    form = page.context["outcome_form"]
    assert list(form.errors) == ["stayed_from"]
    html = page.content.decode()
    assert "Bez indeksācijas" in html and 'value="650"' in html
    assert StatusChange.objects.count() == before
    assert Outcome.objects.get().days_open == 10


def test_recording_a_stay_writes_the_register(client, round_, coordinator):
    [popup] = add_popups(round_, coordinator, 1)
    client.force_login(coordinator)
    day = popup.ends_on + timedelta(days=1)
    page = client.post(
        page_url(popup),
        {
            "action": "outcome",
            "days_open": "18",
            "stayed": "on",
            "stayed_from": day.isoformat(),
            "lease_rent_eur": "250.50",
            "lease_months": "12",
            "version": "1",
        },
    )
    assert page.status_code == 302
    outcome = Outcome.objects.get()
    assert (outcome.stayed_from, outcome.lease_rent_cents_per_month) == (day, 25_050)
    latest = StatusChange.objects.filter(unit=popup.unit).order_by("-id").first()
    assert (latest.status, latest.effective_on) == (Status.LET, day)
    stale = client.post(page_url(popup), {"action": "outcome", "version": "1"})
    assert stale.status_code == 409


def test_the_review_and_the_feedback_link(
    client, round_, coordinator, django_capture_on_commit_callbacks
):
    [popup] = add_popups(round_, coordinator, 1)
    Feedback.objects.all().delete()
    client.force_login(coordinator)
    review = client.post(
        page_url(popup),
        {
            "action": "review",
            "reviewed_on": popup.starts_on.isoformat(),
            "footfall": "high",
            "going_well": "Skatlogs",
            "on_track": "on",
            "version": "1",
        },
    )
    assert review.status_code == 302
    assert MidReview.objects.get().footfall == "high"
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(page_url(popup), {"action": "feedback"}, follow=True)
    assert "link sent" in sent.content.decode().lower() or "was sent" in sent.content.decode()
    [message] = mail.outbox
    assert message.to == [popup.application.applicant.email]
    assert Feedback.objects.get().language == "lv"


def test_the_public_fields_with_a_photo(client, round_, coordinator, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    [popup] = add_popups(round_, coordinator, 1)
    client.force_login(coordinator)
    refused = client.post(
        page_url(popup),
        {
            "action": "public",
            "public_descriptions_lv": "Medus",
            "opening_hours": "10-18",
            "version": "1",
            "photo": SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg"),
        },
    )
    assert refused.status_code == 400
    assert "Medus" in refused.content.decode()
    saved = client.post(
        page_url(popup),
        {
            "action": "public",
            "public_descriptions_lv": "Medus",
            "public_descriptions_en": "Honey",
            "opening_hours": "10-18",
            "shown_publicly": "on",
            "version": "1",
            "photo": photo_upload(),
        },
    )
    assert saved.status_code == 302
    popup.refresh_from_db()
    assert popup.public_descriptions == {"lv": "Medus", "en": "Honey"}
    assert popup.photo.name.endswith(".jpg")


def test_an_unknown_action_is_a_400(client, round_, coordinator):
    [popup] = add_popups(round_, coordinator, 1)
    client.force_login(coordinator)
    assert client.post(page_url(popup), {"action": "delete"}).status_code == 400
