"""The jury's pages: who gets them (403/404 for everyone else), the score sheet keeping what
was typed, the conflict form, the coordinator's jury page and the workspace card."""

import pytest

from regrow.popups import services
from regrow.popups.models import ConflictOfInterest, Score
from regrow.towns.models import Role
from tests.popups import test_jury
from tests.popups.test_jury import make_juror_user, submitted

# The jury's fixtures, shared with the services' tests.
application = test_jury.application
criteria = test_jury.criteria
jurors = test_jury.jurors


def jury_url(round_, application=None):
    base = f"/lv/{round_.town.slug}/popup-jury/{round_.pk}/"
    return f"{base}applications/{application.pk}/" if application else base


def test_a_juror_lists_scores_and_declares(client, open_round, application, criteria, jurors):
    client.force_login(jurors[0].user)
    assert (
        client.get(f"/lv/{open_round.town.slug}/workspace/").content.decode().count("/popup-jury/")
    )
    page = client.get(jury_url(open_round))
    assert page.status_code == 200 and application.business_name in page.content.decode()
    url = jury_url(open_round, application)
    first, second = criteria
    refused = client.post(
        url,
        {
            "action": "score",
            f"score_{first.pk}": "12",
            f"score_{second.pk}": "7",
            f"comment_{second.pk}": "Laba pieredze",
        },
    )
    assert refused.status_code == 400
    html = refused.content.decode()
    assert 'value="12"' in html and "Laba pieredze" in html
    assert not Score.objects.exists()
    saved = client.post(
        url, {"action": "score", f"score_{first.pk}": "8", f"score_{second.pk}": "7"}
    )
    assert saved.status_code == 302
    assert Score.objects.filter(juror=jurors[0]).count() == 2
    client.post(url, {"action": "conflict", "note": "Kaimiņš"})
    assert ConflictOfInterest.objects.filter(juror=jurors[0], application=application).exists()
    html = client.get(url).content.decode()
    assert 'name="action" value="score"' not in html


@pytest.mark.parametrize("who", ["applicant", "other_town_juror", "unassigned_juror", "editor"])
def test_people_off_the_jury_are_refused(
    client, aluksne, altena, open_round, application, criteria, jurors, who
):
    person = {
        "applicant": application.applicant,
        "other_town_juror": altena.people[Role.JURY_MEMBER],
        "unassigned_juror": make_juror_user(aluksne.town, "spare@example.org"),
        "editor": aluksne.people[Role.EDITOR],
    }[who]
    client.force_login(person)
    for url in (jury_url(open_round), jury_url(open_round, application)):
        assert client.get(url).status_code in (403, 404)
        assert client.post(url, {"action": "conflict"}).status_code in (403, 404)
    assert client.get(f"/lv/aluksne/popup-rounds/{open_round.pk}/jury/").status_code == 403
    assert not ConflictOfInterest.objects.exists()


def test_a_juror_downloads_nothing_of_a_draft_but_sees_a_submitted_application(
    client, open_round, application, jurors
):
    client.force_login(jurors[0].user)
    assert client.get(f"/lv/aluksne/popups/applications/{application.pk}/").status_code == 200
    draft = submitted(open_round, 9)
    draft.status = "draft"
    draft.save()
    assert client.get(f"/lv/aluksne/popups/applications/{draft.pk}/").status_code == 404


def test_the_coordinator_seats_jurors_and_reads_the_ranking(
    client, aluksne, open_round, application, criteria, jurors, coordinator_of
):
    services.scores_save(
        application=application,
        by=jurors[1].user,
        values={criteria[0].pk: (9, ""), criteria[1].pk: (6, "")},
    )
    spare = make_juror_user(aluksne.town, "spare@example.org")
    client.force_login(coordinator_of)
    url = f"/lv/aluksne/popup-rounds/{open_round.pk}/jury/"
    assert client.post(url, {"user": spare.pk}).status_code == 302
    assert open_round.jurors.filter(user=spare).exists()
    html = client.get(url).content.decode()
    assert "8,00" in html or "8.00" in html  # (2·9 + 6) / 3
    assert client.post(url, {"user": aluksne.people[Role.EDITOR].pk}).status_code == 400
    removed = client.post(f"{url}{jurors[1].pk}/remove/")
    assert removed.status_code == 302
    assert not Score.objects.exists()
