"""The review pages: who reads them and sees which forms, commenting and answering through them
(403 with the reason for someone who may not, 400 and 409 with what was typed kept), the lead's
reviewer forms, one section's comments a page at a time, and bounded queries."""

from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.utils import timezone

from regrow.network.models import PeerReviewer, PlanVersion, ReviewComment, SectionKey
from tests.network.review_data import make_review_network, review_path


@pytest.fixture
def net(db):
    return make_review_network()


def page_text(response) -> str:
    return unescape(response.content.decode())


def signed_in(client, net, who):
    client.force_login(net.people[who])
    return client


def comment_on(net, section=SectionKey.ADAPTATIONS, body="Kāpēc?", who="reviewer", **fields):
    return ReviewComment.objects.create(
        plan_version=net.version, section=section, body=body, author=net.people[who], **fields
    )


def comments_url(net) -> str:
    return review_path(net.plan, 1) + "comments/"


def test_a_reviewer_reads_every_section_and_may_comment_on_each(client, net):
    comment_on(net, body="Kāpēc seši mēneši?")
    response = signed_in(client, net, "reviewer").get(review_path(net.plan))
    assert response.status_code == 200
    html = page_text(response)
    for key, label in SectionKey.choices:
        assert f'id="section-{key}"' in html
        assert str(label) in html
        assert f'name="comment-{key}-body"' in html
    assert "<strong>tukšas</strong>" in html  # the section's rich text, sanitised, as written
    assert "<h3>Pilsēta šodien</h3>" in html  # its headings below the section's own h2
    assert f'href="/en/regrow-city/plans/{net.plan.pk}/"' in html  # back to the plan
    assert "Kāpēc seši mēneši?" in html
    assert "resolve-" not in html  # no answer forms for a reviewer
    assert 'name="reviewer"' not in html  # nor the lead's assignment


def test_the_author_sees_answer_forms_and_no_comment_forms(client, net):
    comment = comment_on(net)
    html = signed_in(client, net, "author").get(review_path(net.plan)).content.decode()
    assert f'name="resolve-{comment.pk}-resolution"' in html
    assert "comment-adaptations-body" not in html


def test_the_lead_assigns_from_the_page(client, net):
    html = signed_in(client, net, "lead").get(review_path(net.plan)).content.decode()
    assert 'name="reviewer"' in html
    assert ">Altena</option>" in html
    assert ">Alūksne</option>" not in html  # not the plan's own partner
    assert ">Idrija</option>" not in html  # already assigned
    assert "Remove Idrija" in html


def test_a_network_member_reads_without_forms_and_an_outsider_is_refused(client, net):
    response = signed_in(client, net, "other").get(review_path(net.plan))
    assert response.status_code == 200
    html = page_text(response)
    assert "Alūksnes pop-up veikali" in html and "Pilsēta šodien" in html
    assert "-body" not in html and "-resolution" not in html and 'name="reviewer"' not in html
    assert signed_in(client, net, "outsider").get(review_path(net.plan)).status_code == 403
    client.logout()
    assert client.get(review_path(net.plan)).status_code == 302  # to sign in


def test_unknown_plans_versions_and_networks_are_not_found(client, net):
    signed_in(client, net, "reviewer")
    assert client.get(review_path(net.plan, 7)).status_code == 404
    assert client.get(f"/en/regrow-city/plans/{net.plan.pk + 100}/review/").status_code == 404
    assert client.get(f"/en/aluksne/plans/{net.plan.pk}/review/").status_code == 404
    url = review_path(net.plan, 1) + "nonsense/"
    assert client.get(url).status_code == 404


def test_without_a_version_in_review_the_page_shows_the_newest(client, net):
    PlanVersion.objects.filter(pk=net.version.pk).update(status=PlanVersion.Status.FINAL)
    PlanVersion.objects.create(plan=net.plan, number=2, based_on=net.version)
    html = signed_in(client, net, "reviewer").get(review_path(net.plan)).content.decode()
    assert "Version 2 is not in peer review" in html
    assert "comment-adaptations-body" not in html
    assert f'href="{review_path(net.plan, 1)}"' in html  # the switch to the other version


def test_a_reviewer_comments_and_returns_to_the_section(
    client, net, django_capture_on_commit_callbacks
):
    signed_in(client, net, "reviewer")
    data = {"section": "risks", "comment-risks-section": "risks", "comment-risks-body": "Kuri?"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(comments_url(net), data)
    assert response.status_code == 302
    assert response["Location"] == review_path(net.plan, 1) + "#section-risks"
    comment = ReviewComment.objects.get()
    assert (comment.section, comment.body, comment.author) == (
        "risks",
        "Kuri?",
        net.people["reviewer"],
    )
    assert [message.to for message in mail.outbox] == [["author@aluksne.example.org"]]


def test_someone_else_commenting_is_refused_with_the_reason(client, net):
    signed_in(client, net, "other")
    data = {"section": "risks", "comment-risks-section": "risks", "comment-risks-body": "Es arī."}
    response = client.post(comments_url(net), data)
    assert response.status_code == 403
    assert "Ask the network lead to assign your partner as a reviewer." in page_text(response)
    assert not ReviewComment.objects.exists()


def test_a_comment_too_long_comes_back_as_typed(client, net):
    signed_in(client, net, "reviewer")
    text = "Garš teksts. " * 400
    data = {"section": "risks", "comment-risks-section": "risks", "comment-risks-body": text}
    response = client.post(comments_url(net), data)
    assert response.status_code == 400
    html = page_text(response)
    assert "Garš teksts. Garš teksts." in html
    assert "at most 5000 characters" in html
    assert not ReviewComment.objects.exists()


def test_a_comment_on_a_version_no_longer_in_review_is_refused_on_the_form(client, net):
    PlanVersion.objects.filter(pk=net.version.pk).update(status=PlanVersion.Status.FINAL)
    signed_in(client, net, "reviewer")
    data = {"section": "risks", "comment-risks-section": "risks", "comment-risks-body": "Vēl?"}
    response = client.post(comments_url(net), data)
    assert response.status_code == 400
    html = page_text(response)
    assert "Version 1 is not in peer review" in html and "Vēl?" in html


def test_the_author_answers_a_comment(client, net):
    comment = comment_on(net)
    signed_in(client, net, "author")
    url = f"{comments_url(net)}{comment.pk}/answer/"
    response = client.post(url, {f"resolve-{comment.pk}-resolution": "Tāpēc."})
    assert response.status_code == 302
    assert response["Location"].endswith("#section-adaptations")
    comment.refresh_from_db()
    assert comment.resolution == "Tāpēc." and comment.resolved_by == net.people["author"]
    html = page_text(client.get(review_path(net.plan)))
    assert "Tāpēc." in html and "1 resolved comment" in html


def test_an_answer_given_meanwhile_is_a_409_that_keeps_both(client, net):
    comment = comment_on(net)
    ReviewComment.objects.filter(pk=comment.pk).update(
        resolved_at=timezone.now(), resolved_by=net.people["author"], resolution="Pirmā atbilde."
    )
    signed_in(client, net, "author")
    url = f"{comments_url(net)}{comment.pk}/answer/"
    response = client.post(url, {f"resolve-{comment.pk}-resolution": "Otrā atbilde."})
    assert response.status_code == 409
    html = page_text(response)
    assert "Someone answered this comment meanwhile" in html
    assert "Pirmā atbilde." in html and "Otrā atbilde." in html


def test_a_reviewer_answering_is_refused(client, net):
    comment = comment_on(net)
    signed_in(client, net, "reviewer")
    url = f"{comments_url(net)}{comment.pk}/answer/"
    response = client.post(url, {f"resolve-{comment.pk}-resolution": "Es atbildu."})
    assert response.status_code == 403
    assert "Only the plan's authors" in page_text(response)


def test_the_lead_assigns_and_removes_a_reviewer(client, net):
    signed_in(client, net, "lead")
    base = f"/en/regrow-city/plans/{net.plan.pk}/reviewers/"
    response = client.post(base, {"reviewer": net.partners["altena"].pk})
    assert response.status_code == 302
    assignment = PeerReviewer.objects.get(reviewer=net.partners["altena"])
    assert assignment.assigned_by == net.people["lead"]
    # Someone else's partner, or the plan's own: not a choice.
    response = client.post(base, {"reviewer": net.partners["aluksne"].pk})
    assert response.status_code == 400
    assert "Select a valid choice" in page_text(response)
    response = client.post(f"{base}{assignment.pk}/remove/")
    assert response.status_code == 302
    assert not PeerReviewer.objects.filter(pk=assignment.pk).exists()


@pytest.mark.parametrize("who", ["author", "reviewer", "expert"])
def test_only_the_lead_assigns(client, net, who):
    signed_in(client, net, who)
    base = f"/en/regrow-city/plans/{net.plan.pk}/reviewers/"
    response = client.post(base, {"reviewer": net.partners["altena"].pk})
    assert response.status_code == 403
    assert "Only the network lead assigns peer reviewers." in page_text(response)
    assignment = PeerReviewer.objects.get()
    assert client.post(f"{base}{assignment.pk}/remove/").status_code == 403
    assert PeerReviewer.objects.filter(pk=assignment.pk).exists()


def test_a_section_s_comments_come_a_page_at_a_time(client, net):
    start = timezone.now() - timedelta(days=30)
    for number in range(25):
        comment = comment_on(net, SectionKey.RISKS, body=f"Komentārs {number:02d}")
        ReviewComment.objects.filter(pk=comment.pk).update(
            created_at=start + timedelta(hours=number)
        )
    signed_in(client, net, "author")
    html = page_text(client.get(review_path(net.plan)))
    assert "Komentārs 09" in html and "Komentārs 10" not in html  # ten shown on the page
    assert "All 25 comments on this section" in html
    section = review_path(net.plan, 1) + "risks/"
    first = page_text(client.get(section))
    assert "Komentārs 00" in first and "Komentārs 19" in first and "Komentārs 20" not in first
    second = page_text(client.get(section + "?page=2"))
    assert "Komentārs 24" in second and "Komentārs 19" not in second
    assert 'name="from" value="section"' in second


def test_the_review_page_takes_the_same_queries_for_many_comments(
    client, net, django_assert_max_num_queries
):
    signed_in(client, net, "author")
    for key in SectionKey.values[:3]:
        comment_on(net, key)
    client.get(review_path(net.plan))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(review_path(net.plan))
    for key in SectionKey.values:
        for number in range(15):
            comment_on(
                net, key, body=f"{key} {number}", resolved_at=timezone.now() if number % 2 else None
            )
    with CaptureQueriesContext(connection) as many:
        response = client.get(review_path(net.plan))
    assert response.status_code == 200
    assert len(many) == len(few)
    assert len(many) <= 17


def test_the_section_text_is_sanitised_again_when_shown(client, net):
    from regrow.network.models import PlanSection

    PlanSection.objects.filter(plan_version=net.version, key="risks").update(
        body='<p onclick="steal()">Risks</p><script>alert(1)</script><a href="javascript:x()">x</a>'
    )
    html = page_text(signed_in(client, net, "reviewer").get(review_path(net.plan)))
    section = html.split('id="section-risks"')[1].split("</section>")[0]
    assert "<p>Risks</p>" in section
    assert "script" not in section and "onclick" not in section and "javascript:" not in section


@pytest.mark.parametrize("who", ["reviewer", "author", "lead"])
def test_the_review_pages_are_well_formed_html(client, net, who):
    from tests.standards import read_page

    comment = comment_on(net, SectionKey.RISKS)
    comment_on(net, SectionKey.RISKS, body="Atbildēts", resolved_at=timezone.now())
    signed_in(client, net, who)
    for url in (review_path(net.plan), review_path(net.plan, 1) + "risks/"):
        response = client.get(url)
        assert response.status_code == 200
        assert read_page(response.content.decode()).errors == [], url
    assert comment.pk


def test_a_section_page_takes_the_same_queries_for_many_comments(client, net):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    signed_in(client, net, "author")
    url = review_path(net.plan, 1) + "risks/"
    comment_on(net, SectionKey.RISKS)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(30):
        comment_on(net, SectionKey.RISKS, body=f"K{number}")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few) <= 17
