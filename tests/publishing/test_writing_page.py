"""The writing page groups an event's fields, and a preview carries the date it will have."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from regrow.publishing.forms import EVENT_FIELDS
from regrow.towns.models import Role
from tests.publishing.test_publishing import write


@pytest.fixture
def editor(aluksne):
    return aluksne.people[Role.EDITOR]


def test_event_fields_are_one_group_that_shows_without_scripts(client, editor):
    client.force_login(editor)
    html = client.get("/en/aluksne/news/write/").content.decode()
    group = re.search(r'<fieldset id="event-fields"[^>]*>(.*?)</fieldset>', html, re.S)
    assert group, "no group of event fields"
    assert " hidden" not in group.group(0).split(">", 1)[0]  # only the script hides it
    names = set(re.findall(r'name="([a-z_]+)"', group.group(1)))
    assert names == set(EVENT_FIELDS)
    outside = html.replace(group.group(0), "")
    assert not names & set(re.findall(r'name="([a-z_]+)"', outside))
    assert 'name="title"' in outside and 'name="publish_at"' in outside
    assert "regrow/entry-kind.js" in html and "regrow/editor.css" in html


def test_a_refused_event_field_is_shown_with_its_error(client, editor):
    client.force_login(editor)
    response = client.post(
        "/en/aluksne/news/write/", {"kind": "event", "title": "Fair", "action": "draft"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    group = re.search(r'<fieldset id="event-fields".*?</fieldset>', html, re.S).group(0)
    assert "An event needs a start." in group and 'aria-invalid="true"' in group


@pytest.mark.parametrize(
    ("publish_at", "top", "bottom"),
    [
        (None, "Draft: only editors see this.", "Not yet scheduled"),
        (
            timezone.make_aware(timezone.datetime(2031, 2, 4, 18, 0)),
            "Appears on 4 February 2031",
            "Published 4 February 2031",
        ),
    ],
)
def test_preview_carries_the_date_readers_will_see(
    client, aluksne, editor, publish_at, top, bottom
):
    entry, _ = write(aluksne.town, editor, title="Annual fair", publish=False)
    if publish_at:
        entry.publish_at = publish_at
        entry.save(update_fields=["publish_at"])
    client.force_login(editor)
    html = client.get(entry.get_absolute_url()).content.decode()
    assert top in html and bottom in html
    edit_page = client.get(f"/en/aluksne/news/manage/{entry.pk}/").content.decode()
    assert ("Draft: not yet scheduled" in edit_page) == (publish_at is None)


def test_readers_never_see_a_scheduled_entry(client, aluksne, editor):
    entry, _ = write(aluksne.town, editor, title="Annual fair", publish=False)
    entry.publish_at = timezone.now() + timedelta(days=2)
    entry.save(update_fields=["publish_at"])
    assert client.get(entry.get_absolute_url()).status_code == 404
