"""The trader's feedback: a single-use link e-mailed in the trader's language (only its hash
kept), answered once without signing in; answered, expired, replaced and unknown links write
nothing; throttled per address."""

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from regrow.popups.models import Feedback, Sublease
from regrow.popups.services import feedback as service
from regrow.popups.views import feedback as view
from regrow.towns.models import Role
from tests.popups.test_care import make_popup, past_round, vacant_unit


@pytest.fixture
def popup(aluksne, coordinator):
    round_ = past_round(aluksne.town, coordinator)
    unit = vacant_unit(aluksne.town, "ALU-3", display_address="Pils iela 3")
    starts = round_.programme_starts_on
    return make_popup(
        round_,
        unit,
        "Medus māja",
        starts,
        starts + timedelta(days=27),
        by=coordinator,
        email="medus@example.org",
    )


def send(popup, coordinator, django_capture_on_commit_callbacks) -> str:
    """Send the link; the token, read from the e-mail as the trader would."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        service.feedback_send(sublease=popup, by=coordinator, base_url="https://regrow.example/")
    [message] = mail.outbox
    return re.search(r"https://regrow\.example(/\S+)", message.body).group(1)


ANSWER = {
    "satisfaction": "4",
    "what_worked": "Daudz pircēju sestdienās.",
    "what_to_change": "Garāks termiņš.",
    "would_recommend": "yes",
    "plans": "stay",
}


def test_the_link_is_mailed_in_the_traders_language_and_only_its_hash_kept(
    popup, coordinator, django_capture_on_commit_callbacks
):
    path = send(popup, coordinator, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == ["medus@example.org"]
    assert path.startswith("/lv/aluksne/popup-feedback/")
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43  # 32 random bytes, URL-safe
    feedback = Feedback.objects.get()
    assert feedback.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in feedback.token_hash
    assert feedback.language == "lv"
    assert feedback.expires_at - feedback.sent_at == timedelta(days=30)
    assert "Medus māja" in message.subject
    assert "Pils iela 3" in message.body
    assert "Medus māja" in message.body


def test_the_trader_answers_once_in_their_language(
    client, popup, coordinator, django_capture_on_commit_callbacks
):
    path = send(popup, coordinator, django_capture_on_commit_callbacks)
    page = client.get(path)
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert page["Referrer-Policy"] == "same-origin"  # the token stays on this site
    assert 'name="robots" content="noindex' in page.content.decode()
    html = page.content.decode()
    assert 'lang="lv"' in html
    assert "Medus māja" in html
    assert 'name="satisfaction"' in html

    done = client.post(path, ANSWER)
    assert done.status_code == 200
    feedback = Feedback.objects.get()
    assert feedback.answered_at is not None
    assert (feedback.satisfaction, feedback.would_recommend, feedback.plans) == (4, True, "stay")
    assert feedback.what_worked == "Daudz pircēju sestdienās."

    again = client.post(path, {**ANSWER, "satisfaction": "1", "what_worked": "Mainīts"})
    assert again.status_code == 410
    feedback.refresh_from_db()
    assert (feedback.satisfaction, feedback.what_worked) == (4, "Daudz pircēju sestdienās.")
    assert client.get(path).status_code == 410


def test_an_expired_link_writes_nothing(
    client, popup, coordinator, django_capture_on_commit_callbacks
):
    path = send(popup, coordinator, django_capture_on_commit_callbacks)
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        page = client.post(path, ANSWER)
    assert page.status_code == 410
    assert Feedback.objects.get().answered_at is None


def test_a_resent_link_replaces_the_old_one_and_unknown_links_are_404(
    client, popup, coordinator, django_capture_on_commit_callbacks
):
    first = send(popup, coordinator, django_capture_on_commit_callbacks)
    second = send(popup, coordinator, django_capture_on_commit_callbacks)
    assert first != second
    assert Feedback.objects.count() == 1
    assert client.get(first).status_code == 404
    assert client.get(second).status_code == 200
    assert client.get("/lv/aluksne/popup-feedback/not-a-token/").status_code == 404
    # The right token under another town's address opens nothing.
    assert client.get(second.replace("/aluksne/", "/altena/")).status_code == 404


def test_a_form_error_keeps_what_was_typed(
    client, popup, coordinator, django_capture_on_commit_callbacks
):
    path = send(popup, coordinator, django_capture_on_commit_callbacks)
    page = client.post(path, {**ANSWER, "satisfaction": ""})
    assert page.status_code == 400
    assert "Daudz pircēju sestdienās." in page.content.decode()
    assert Feedback.objects.get().answered_at is None


def test_an_answer_racing_another_is_refused(
    popup, coordinator, django_capture_on_commit_callbacks
):
    path = send(popup, coordinator, django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    mine = service.feedback_open(slug="aluksne", token=token)
    theirs = service.feedback_open(slug="aluksne", token=token)
    service.feedback_answer(feedback=theirs, satisfaction=5)
    with pytest.raises(service.FeedbackLinkError) as refused:
        service.feedback_answer(feedback=mine, satisfaction=1)
    assert refused.value.status == 410
    assert Feedback.objects.get().satisfaction == 5


def test_answers_are_throttled_per_address(
    client, popup, coordinator, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(view, "PER_ADDRESS", 2)
    path = send(popup, coordinator, django_capture_on_commit_callbacks)
    for _try in range(2):
        assert client.post(path, {**ANSWER, "satisfaction": "9"}).status_code == 400
    page = client.post(path, ANSWER)
    assert page.status_code == 429
    assert Feedback.objects.get().answered_at is None
    # Unknown links count too.
    assert client.get("/lv/aluksne/popup-feedback/guess/").status_code == 429


def test_sending_is_refused_once_answered_before_opening_and_when_cancelled(
    aluksne, popup, coordinator, django_capture_on_commit_callbacks
):
    path = send(popup, coordinator, django_capture_on_commit_callbacks)
    token = path.rstrip("/").rsplit("/", 1)[1]
    service.feedback_answer(
        feedback=service.feedback_open(slug="aluksne", token=token), satisfaction=3
    )
    with pytest.raises(ValidationError):
        service.feedback_send(sublease=popup, by=coordinator, base_url="https://x/")
    town = aluksne.town
    coming = make_popup(
        popup.round_unit.round,
        vacant_unit(town, "ALU-8"),
        "Vēlāk",
        town.today() + timedelta(days=2),
        town.today() + timedelta(days=20),
        by=coordinator,
    )
    with pytest.raises(ValidationError):
        service.feedback_send(sublease=coming, by=coordinator, base_url="https://x/")
    Sublease.objects.filter(pk=coming.pk).update(
        status=Sublease.Status.CANCELLED, starts_on=town.today()
    )
    coming.refresh_from_db()
    with pytest.raises(ValidationError):
        service.feedback_send(sublease=coming, by=coordinator, base_url="https://x/")
    assert Feedback.objects.count() == 1


def test_only_the_towns_coordinators_send_links(popup, aluksne, altena):
    for person in (aluksne.people[Role.PROPERTY_OWNER], altena.people[Role.COORDINATOR]):
        with pytest.raises(PermissionDenied):
            service.feedback_send(sublease=popup, by=person, base_url="https://x/")
    assert not Feedback.objects.exists()


def test_an_english_speaking_trader_gets_english(
    client, aluksne, coordinator, django_capture_on_commit_callbacks
):
    round_ = past_round(aluksne.town, coordinator)
    trader = make_popup(
        round_,
        vacant_unit(aluksne.town, "ALU-4"),
        "Bakery",
        round_.programme_starts_on,
        round_.programme_starts_on + timedelta(days=10),
        by=coordinator,
        language="en",
    )
    path = send(trader, coordinator, django_capture_on_commit_callbacks)
    assert path.startswith("/en/")
    assert "How did your pop-up go?" in mail.outbox[0].subject
    assert "How did your pop-up go?" in client.get(path).content.decode()
