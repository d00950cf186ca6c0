"""The editor pages: each button saves and publishes in one step, or changes nothing at all."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.utils import timezone

from regrow.publishing import services
from regrow.publishing.forms import EntryForm
from regrow.publishing.models import Entry, Revision
from regrow.towns.models import Role
from tests.publishing.test_publishing import write


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


@pytest.fixture
def latvian(aluksne, editor):
    entry, _ = write(
        aluksne.town,
        editor,
        language="lv",
        title="Partneri tikās Alūksnē",
        lead="Divu dienu tikšanās.",
        categories=["Partneri"],
        latitude=Decimal("57.4220"),
        longitude=Decimal("27.0460"),
    )
    return entry


def edit_url(entry) -> str:
    return f"/en/aluksne/news/manage/{entry.pk}/"


def translate_url(entry, language="en") -> str:
    return f"/en/aluksne/news/manage/{entry.pk}/translate/?language={language}"


def stored(entry) -> tuple:
    """What a failed submit must leave as it was."""
    entry.refresh_from_db()
    return entry.title, entry.version, entry.publish_at, entry.revisions.count()


def test_publish_now_on_a_new_translation_publishes_it(client, latvian, editor):
    client.force_login(editor)
    response = client.post(
        translate_url(latvian),
        {"kind": "news", "title": "Partners met in Alūksne", "action": "publish"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Published." in response.content.decode()
    english = Entry.objects.get(language="en")
    assert english.is_published()
    assert english.translation_group == latvian.translation_group


def test_save_draft_on_a_translation_keeps_it_a_draft(client, latvian, editor):
    client.force_login(editor)
    response = client.post(
        translate_url(latvian),
        {"kind": "news", "title": "Partners met in Alūksne", "action": "draft"},
        follow=True,
    )
    assert "Translation saved as a draft." in response.content.decode()
    assert not Entry.objects.get(language="en").is_published()


def test_a_translation_starts_from_every_field_of_the_original(client, latvian, editor):
    client.force_login(editor)
    page = client.get(translate_url(latvian)).content.decode()
    assert 'value="Partneri tikās Alūksnē"' in page
    assert 'value="Partneri"' in page
    assert 'value="57.422000"' in page and 'value="27.046000"' in page
    # The service copies the same fields when only the title is given.
    english, _ = services.entry_translate(entry=latvian, language="en", by=editor, title="Met")
    assert (english.lead, english.categories) == ("Divu dienu tikšanās.", ["Partneri"])
    assert (english.latitude, english.longitude) == (latvian.latitude, latvian.longitude)


def test_a_second_translation_into_one_language_is_refused_on_the_form(client, latvian, editor):
    services.entry_translate(entry=latvian, language="en", by=editor, title="Met")
    client.force_login(editor)
    response = client.post(
        translate_url(latvian), {"kind": "news", "title": "Met again", "action": "publish"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "This entry already has a version in that language." in page
    assert 'value="Met again"' in page
    assert Entry.objects.filter(language="en").count() == 1


def test_publish_at_the_set_time_without_a_time_changes_nothing(client, latvian, editor):
    client.force_login(editor)
    before = stored(latvian)
    response = client.post(
        edit_url(latvian),
        {
            "kind": "news",
            "title": "A new title",
            "version": latvian.version,
            "action": "schedule",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_publish_at_error"' in page and "Choose when the entry should appear." in page
    assert 'value="A new title"' in page
    assert stored(latvian) == before


def test_publish_at_the_set_time_schedules_and_says_when(client, latvian, editor):
    client.force_login(editor)
    later = timezone.localtime(timezone.now() + timedelta(hours=3)).replace(second=0, microsecond=0)
    response = client.post(
        edit_url(latvian),
        {
            "kind": "news",
            "title": latvian.title,
            "version": latvian.version,
            "publish_at": later.strftime("%Y-%m-%dT%H:%M"),
            "action": "schedule",
        },
        follow=True,
    )
    when = f"{later.day} {later:%B %Y} at {later:%H:%M}"
    assert f"It will appear on {when}." in response.content.decode()
    latvian.refresh_from_db()
    assert latvian.publish_at == later and not latvian.is_published()


def test_a_publish_that_fails_after_the_save_leaves_nothing_saved(
    client, latvian, editor, monkeypatch
):
    """Nothing a person can type makes publishing fail once the save has passed (a missing time
    is refused before saving), so the publish step is made to fail here."""

    def refuse(**kwargs):
        raise ValidationError("The site refused to publish.")

    monkeypatch.setattr(services, "entry_publish", refuse)
    client.force_login(editor)
    before = stored(latvian)
    started = {"kind": "news", "version": latvian.version, "action": "publish"}
    response = client.post(edit_url(latvian), {**started, "title": "Typed with care"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The site refused to publish." in page
    assert 'value="Typed with care"' in page
    assert stored(latvian) == before
    # The version the form started from is still good: nothing moved it on.
    monkeypatch.undo()
    assert client.post(edit_url(latvian), {**started, "title": "Again"}).status_code == 302
    assert Entry.objects.get(pk=latvian.pk).is_published()

    monkeypatch.setattr(services, "entry_publish", refuse)
    response = client.post(
        "/en/aluksne/news/write/", {"kind": "news", "title": "New", "action": "publish"}
    )
    assert response.status_code == 400
    assert not Entry.objects.filter(title="New").exists()


def test_a_database_error_while_publishing_undoes_the_save(aluksne, editor, monkeypatch):
    def broken(**kwargs):
        raise DatabaseError("connection lost")

    monkeypatch.setattr(services, "entry_publish", broken)
    entry = Entry(town=aluksne.town, language="en")
    with pytest.raises(DatabaseError):
        services.entry_save_and_publish(
            entry=entry, by=editor, action=services.EntryAction.PUBLISH, title="Lost"
        )
    assert not Entry.objects.exists() and not Revision.objects.exists()


def test_taking_an_entry_off_the_site_makes_it_a_draft(client, aluksne, editor):
    entry, _ = write(aluksne.town, editor, title="Old news")
    client.force_login(editor)
    response = client.post(
        edit_url(entry),
        {"kind": "news", "title": "Old news", "version": entry.version, "action": "unpublish"},
        follow=True,
    )
    assert "Taken off the site; it is a draft again." in response.content.decode()
    entry.refresh_from_db()
    assert entry.publish_at is None


def test_an_unknown_button_saves_a_draft(client, aluksne, editor):
    client.force_login(editor)
    response = client.post(
        "/en/aluksne/news/write/",
        {"kind": "news", "title": "Plain", "action": "shout"},
        follow=True,
    )
    assert "Draft saved." in response.content.decode()
    assert not Entry.objects.get(title="Plain").is_published()


def test_the_form_offers_every_field_a_revision_keeps(aluksne, editor):
    entry, _ = write(aluksne.town, editor)
    form = EntryForm(instance=entry, publisher=aluksne.town)
    assert set(services.ENTRY_CONTENT_FIELDS) <= set(form.fields)


def test_going_back_to_a_revision_brings_back_every_field_the_editor_changed(aluksne, editor):
    start = timezone.now().replace(microsecond=0) + timedelta(days=3)
    first = {
        "title": "Pop-up weekend",
        "lead": "Two days of open shops.",
        "body": "<p>Come and see.</p>",
        "categories": ["Pop-ups"],
        "starts_at": start,
        "ends_at": start + timedelta(hours=6),
        "place_name": "Market square",
        "place_address": "Pils iela 1, Alūksne",
        "online_url": "https://example.org/live",
        "latitude": Decimal("57.422000"),
        "longitude": Decimal("27.046000"),
    }
    entry, _ = write(aluksne.town, editor, kind=Entry.Kind.EVENT, publish=False, **first)
    original = entry.revisions.earliest("id")
    changed = {
        "title": "Pop-up week",
        "lead": "A week.",
        "body": "<p>Changed.</p>",
        "categories": ["Shops"],
        "starts_at": start + timedelta(days=1),
        "ends_at": start + timedelta(days=2),
        "place_name": "Culture house",
        "place_address": "Dārza iela 11",
        "online_url": "",
        "latitude": Decimal("57.430000"),
        "longitude": Decimal("27.050000"),
        "version": entry.version,
    }
    services.entry_save(entry=entry, by=editor, **changed)
    services.entry_restore(revision=original, by=editor)
    entry.refresh_from_db()
    assert {name: getattr(entry, name) for name in first} == first


def test_the_editor_page_lets_in_only_styles_of_its_own_or_with_its_nonce(client, editor):
    """The editor's <style> element gets the nonce from our StyleNonce extension (the browser
    test shows it is not blocked); no inline style is allowed without it."""
    client.force_login(editor)
    response = client.get("/en/aluksne/news/write/")
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    nonce = re.search(r'<script type="importmap" nonce="([^"]+)"', response.content.decode())[1]
    assert policy["style-src"] == f"'self' 'nonce-{nonce}'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    config = response.context["form"].fields["body"].widget.get_config()
    assert config["extensions"]["StyleNonce"] is True
    assert [path.rsplit("/", 1)[-1] for path in config["js_modules"]] == ["editor-style-nonce.js"]
