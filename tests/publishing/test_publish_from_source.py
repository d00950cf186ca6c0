"""One click publishes a round's call as an event in all the town's languages, linked as
translations and about the round; a second click publishes nothing (issue 13)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import TestCase
from django.utils import timezone

from regrow.popups.choices import RoundStatus
from regrow.popups.models import Round
from regrow.publishing import services, sources
from regrow.publishing.models import Entry
from regrow.publishing.services_sources import AlreadyAnnounced, entries_publish_from_source
from regrow.towns.models import Role, Town
from tests.popups.conftest import draft_round, offer, open_round, round_values, unit
from tests.publishing.test_publishing import write


def call_url(round_, language="en") -> str:
    return f"/{language}/aluksne/popup-rounds/{round_.pk}/publish-call/"


def publish_url(round_, slug="aluksne", language="en") -> str:
    return f"/{language}/{slug}/news/write/from/popups.round/{round_.pk}/publish/"


def shown_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def coordinator_of(aluksne):
    return aluksne.people[Role.COORDINATOR]


def publish_now(client, round_, language="en"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(call_url(round_, language), {"publish": "now"}, follow=True)


def test_one_click_publishes_the_call_in_every_town_language_as_linked_translations(
    client, open_round, coordinator_of
):
    client.force_login(coordinator_of)
    response = client.post(call_url(open_round), {"publish": "now"})
    # Popups hands the same POST on to publishing, by URL name.
    assert response.status_code == 307
    assert response["Location"] == publish_url(open_round)

    response = publish_now(client, open_round)
    assert response.status_code == 200
    entries = {entry.language: entry for entry in Entry.objects.all()}
    assert sorted(entries) == ["en", "lv"]
    latvian, english = entries["lv"], entries["en"]
    assert latvian.translation_group == english.translation_group
    assert all(
        entry.kind == Entry.Kind.EVENT and entry.is_published() for entry in entries.values()
    )
    assert latvian.title == "Aicinājums pieteikties pop-up veikaliem: Pop-up pavasaris"
    assert english.title == "Call for pop-up shops: Pop-up spring"
    for entry in entries.values():
        assert [related.target for related in entry.related.all()] == [open_round]
        assert entry.revisions.count() == 1
    # The coordinator lands on the English one (the page's language), told which were published.
    assert response.redirect_chain[-1][0] == english.get_absolute_url()
    assert shown_messages(response) == ["Published in these languages: Latvian, English."]


def test_the_public_sees_both_versions_each_linking_to_the_other_and_to_the_round(
    client, open_round, coordinator_of
):
    client.force_login(coordinator_of)
    publish_now(client, open_round)
    client.logout()
    latvian, english = Entry.objects.get(language="lv"), Entry.objects.get(language="en")
    assert latvian.get_absolute_url().startswith("/lv/aluksne/news/")
    english_page = client.get(english.get_absolute_url()).content.decode()
    assert "Call for pop-up shops: Pop-up spring" in english_page
    assert f'href="{latvian.get_absolute_url()}"' in english_page  # the language switch
    assert f'href="/en/aluksne/popups/{open_round.pk}/"' in english_page  # the round
    latvian_page = client.get(latvian.get_absolute_url()).content.decode()
    assert "Pop-up pavasaris" in latvian_page
    assert f'href="{english.get_absolute_url()}"' in latvian_page
    assert "Pop-up spring" in client.get("/en/aluksne/events/").content.decode()
    assert "Pop-up pavasaris" in client.get("/lv/aluksne/events/").content.decode()


def test_a_second_click_publishes_nothing_and_shows_the_call_there_is(
    client, open_round, coordinator_of
):
    client.force_login(coordinator_of)
    publish_now(client, open_round)
    published = set(Entry.objects.values_list("pk", flat=True))
    response = publish_now(client, open_round)
    assert set(Entry.objects.values_list("pk", flat=True)) == published
    english = Entry.objects.get(language="en")
    assert response.redirect_chain[-1][0] == english.get_absolute_url()
    assert shown_messages(response) == ["It was already announced; nothing new was published."]


def test_a_call_waiting_in_the_editor_is_finished_there_not_published_twice(
    client, open_round, coordinator_of
):
    client.force_login(coordinator_of)
    draft, _ = services.entry_save(
        entry=Entry(town=open_round.town, language="lv"),
        by=coordinator_of,
        about=open_round,
        **sources.get("popups.round").event(open_round, "lv"),
    )
    response = publish_now(client, open_round)
    assert list(Entry.objects.all()) == [draft]
    assert not Entry.objects.get().is_published()
    assert response.redirect_chain[-1][0] == f"/en/aluksne/news/manage/{draft.pk}/"
    assert "not yet published; finish it here." in shown_messages(response)[0]


def test_news_about_the_round_that_is_no_event_does_not_count_as_its_call(
    client, open_round, coordinator_of
):
    write(open_round.town, coordinator_of, title="Jury chosen", about=open_round)
    client.force_login(coordinator_of)
    publish_now(client, open_round)
    assert Entry.objects.filter(kind=Entry.Kind.EVENT).count() == 2
    assert Entry.objects.count() == 3


def test_only_people_who_publish_for_the_rounds_town_may(client, open_round, aluksne, altena):
    url = publish_url(open_round)
    assert client.post(url).status_code == 302  # to sign in
    client.force_login(aluksne.people[Role.JURY_MEMBER])  # no right to publish
    assert client.post(url).status_code == 403
    client.force_login(aluksne.people[Role.PROPERTY_OWNER])
    assert client.post(url).status_code == 403
    client.force_login(altena.people[Role.EDITOR])  # publishes, but for another town
    assert client.post(url).status_code == 403
    assert client.post(publish_url(open_round, slug="altena")).status_code == 404
    client.force_login(aluksne.people[Role.EDITOR])
    assert client.get(url).status_code == 405
    assert (
        client.post(publish_url(open_round).replace("popups.round", "popups.nothing")).status_code
        == 404
    )
    assert Entry.objects.count() == 0
    # The service asks too, whoever calls it.
    with pytest.raises(PermissionDenied):
        entries_publish_from_source(
            source_key="popups.round",
            pk=open_round.pk,
            by=altena.people[Role.COORDINATOR],
            languages=["lv", "en"],
        )


def test_an_editor_of_the_town_may_publish_the_call_in_one_step(client, open_round, aluksne):
    client.force_login(aluksne.people[Role.EDITOR])
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(publish_url(open_round, language="lv"), follow=True)
    assert response.status_code == 200
    assert sorted(Entry.objects.values_list("language", flat=True)) == ["en", "lv"]
    assert response.redirect_chain[-1][0] == Entry.objects.get(language="lv").get_absolute_url()


def test_a_closed_round_or_one_past_its_deadline_is_refused(client, open_round, coordinator_of):
    client.force_login(coordinator_of)
    Round.objects.filter(pk=open_round.pk).update(status=RoundStatus.CLOSED)
    response = publish_now(client, open_round)
    assert "Only the call of an open round, before its deadline" in response.content.decode()
    assert response.redirect_chain[-1][0] == f"/en/aluksne/popup-rounds/{open_round.pk}/"
    # Straight to publishing: a round past its deadline is not announced either.
    Round.objects.filter(pk=open_round.pk).update(
        status=RoundStatus.OPEN,
        applications_open_on=open_round.town.today() - timedelta(days=20),
        applications_close_on=open_round.town.today() - timedelta(days=1),
    )
    response = client.post(publish_url(open_round), follow=True)
    assert response.redirect_chain[-1][0] == "/en/aluksne/news/manage/"
    assert shown_messages(response) == [
        "Only the call of an open round, before its deadline, can be published."
    ]
    assert Entry.objects.count() == 0


def test_text_is_cleaned_and_a_taken_address_gets_another(client, open_round, coordinator_of):
    Round.objects.filter(pk=open_round.pk).update(
        titles={"lv": "<b>Pavasaris</b><script>alert(1)</script>", "en": "Spring"}
    )
    taken, _ = write(
        open_round.town, coordinator_of, language="en", title="Call for pop-up shops: Spring"
    )
    client.force_login(coordinator_of)
    response = publish_now(client, open_round)
    latvian = Entry.objects.get(language="lv")
    english = Entry.objects.exclude(pk=taken.pk).get(language="en")
    assert "<" not in latvian.title and "Pavasaris" in latvian.title
    assert "<script>" not in latvian.body
    assert english.slug == f"{taken.slug}-2"
    assert any(f"this entry got “{english.slug}”" in text for text in shown_messages(response))


def test_all_or_nothing_when_one_language_fails(coordinator_of, aluksne):
    """A source whose English event is invalid: the Latvian one is not kept either."""

    def event(town, language):
        start = timezone.now() + timedelta(days=3)
        ends = start - timedelta(days=1) if language == "en" else start + timedelta(hours=2)
        return {
            "kind": "event",
            "title": f"Open day {language}",
            "starts_at": start,
            "ends_at": ends,
        }

    sources.register(Town, place=lambda town: town, event=event)
    try:
        with pytest.raises(ValidationError):
            entries_publish_from_source(
                source_key="towns.town",
                pk=aluksne.town.pk,
                by=coordinator_of,
                languages=["lv", "en"],
            )
        assert Entry.objects.count() == 0
        with pytest.raises(ValidationError):
            entries_publish_from_source(
                source_key="towns.town", pk=aluksne.town.pk, by=coordinator_of, languages=["de"]
            )
        entries, _ = entries_publish_from_source(
            source_key="towns.town", pk=aluksne.town.pk, by=coordinator_of, languages=["lv"]
        )
        assert [entry.title for entry in entries] == ["Open day lv"]
        with pytest.raises(AlreadyAnnounced) as already:
            entries_publish_from_source(
                source_key="towns.town",
                pk=aluksne.town.pk,
                by=coordinator_of,
                languages=["lv", "en"],
            )
        assert already.value.entry == entries[0]
    finally:
        sources.unregister(Town)


__all__ = ["draft_round", "offer", "open_round", "round_values", "unit"]


def test_a_draft_rounds_call_is_not_published_even_straight_through_publishing(client, aluksne):
    """The round's page hides the button; publishing asked directly refuses too."""
    from regrow.popups import services as popup_services
    from regrow.publishing.models import Entry
    from tests.popups.conftest import round_values

    coordinator = aluksne.people[Role.COORDINATOR]
    draft = popup_services.round_save(
        town=aluksne.town, by=coordinator, **round_values(aluksne.town)
    )
    client.force_login(aluksne.people[Role.EDITOR])
    for action in ("publish/", ""):
        url = f"/en/aluksne/news/write/from/popups.round/{draft.pk}/{action}"
        response = client.post(url) if action else client.get(url)
        assert response.status_code == 302
    assert not Entry.objects.exists()
