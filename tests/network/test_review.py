"""Peer review's services: who may assign reviewers, comment and answer; what is refused and
with what message; the e-mails to the authors and the reviewer, each in their language."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from regrow.lib.concurrency import ConcurrentEditError
from regrow.network.models import PeerReviewer, PlanVersion, ReviewComment, SectionKey
from regrow.network.services import review
from tests.fixtures import make_user
from tests.network.review_data import make_review_network

BASE = "https://regrow.example.org/"


@pytest.fixture
def net(db):
    return make_review_network()


def add(net, who="reviewer", section=SectionKey.ADAPTATIONS, body="Kāpēc seši mēneši?"):
    return review.comment_add(
        version=net.version, section=section, body=body, by=net.people[who], base_url=BASE
    )


# Assigning reviewers ---------------------------------------------------------------------------


def test_the_network_lead_assigns_a_partner_and_removes_it(net):
    assignment = review.reviewer_assign(
        plan=net.plan, reviewer=net.partners["altena"], by=net.people["lead"]
    )
    assert assignment.assigned_by == net.people["lead"]
    assert set(net.plan.reviewers.values_list("reviewer__town__slug", flat=True)) == {
        "idrija",
        "altena",
    }
    review.reviewer_remove(assignment=assignment, by=net.people["lead"])
    assert not PeerReviewer.objects.filter(pk=assignment.pk).exists()


@pytest.mark.parametrize("who", ["expert", "author", "reviewer", "other", "outsider"])
def test_only_the_network_lead_assigns_reviewers(net, who):
    with pytest.raises(PermissionDenied, match="Only the network lead assigns peer reviewers"):
        review.reviewer_assign(plan=net.plan, reviewer=net.partners["altena"], by=net.people[who])
    assert net.plan.reviewers.count() == 1


def test_a_partner_does_not_review_its_own_plan_or_twice(net):
    with pytest.raises(ValidationError) as error:
        review.reviewer_assign(
            plan=net.plan, reviewer=net.partners["aluksne"], by=net.people["lead"]
        )
    assert error.value.message_dict == {"reviewer": ["A partner does not review its own plan."]}
    with pytest.raises(ValidationError) as error:
        review.reviewer_assign(
            plan=net.plan, reviewer=net.partners["idrija"], by=net.people["lead"]
        )
    assert error.value.message_dict == {"reviewer": ["Idrija already reviews this plan."]}


def test_a_partner_of_another_network_is_refused(net):
    from regrow.network.models import Network, Partner

    other = Network.objects.create(slug="elsewhere", names={"en": "Elsewhere"}, country="LV")
    stranger = Partner.objects.create(network=other, town=net.towns["idrija"])
    with pytest.raises(ValidationError, match="Choose a partner of this network"):
        review.reviewer_assign(plan=net.plan, reviewer=stranger, by=net.people["lead"])


# Comments --------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["reviewer", "expert"])
def test_an_assigned_reviewer_and_the_lead_expert_comment(net, who):
    comment = add(net, who)
    assert comment.author == net.people[who]
    assert comment.resolved_at is None
    assert ReviewComment.objects.filter(plan_version=net.version).count() == 1


@pytest.mark.parametrize("who", ["author", "other", "lead", "outsider"])
def test_anyone_else_is_refused_with_a_clear_message(net, who):
    with pytest.raises(PermissionDenied) as error:
        add(net, who)
    assert "Only the plan's peer reviewers and the network's lead expert" in str(error.value)
    assert "Ask the network lead to assign your partner as a reviewer." in str(error.value)
    assert not ReviewComment.objects.exists()
    assert mail.outbox == []


def test_a_reviewer_removed_may_no_longer_comment(net):
    PeerReviewer.objects.filter(plan=net.plan).delete()
    with pytest.raises(PermissionDenied):
        add(net, "reviewer")


@pytest.mark.parametrize("status", [PlanVersion.Status.DRAFT, PlanVersion.Status.FINAL])
def test_comments_go_on_the_version_in_review_only(net, status):
    PlanVersion.objects.filter(pk=net.version.pk).update(status=status)
    with pytest.raises(ValidationError, match="Version 1 is not in peer review"):
        add(net)
    assert not ReviewComment.objects.exists()


@pytest.mark.parametrize(
    ("section", "body", "field", "message"),
    [
        ("nonsense", "Teksts", "section", "Choose a section of the plan."),
        (SectionKey.RISKS, "   ", "body", "Write your comment."),
        (SectionKey.RISKS, "x" * 5001, "body", "Keep it to 5000 characters or fewer."),
    ],
)
def test_a_comment_needs_a_section_and_some_text(net, section, body, field, message):
    with pytest.raises(ValidationError) as error:
        add(net, section=section, body=body)
    assert error.value.message_dict == {field: [message]}


def test_the_authors_hear_of_a_new_comment_in_their_language(
    net, django_capture_on_commit_callbacks
):
    second = make_user("second@aluksne.example.org", preferred_language="en")
    from regrow.network.models import NetworkMembership, NetworkRole

    NetworkMembership.objects.create(
        network=net.network,
        user=second,
        role=NetworkRole.PARTNER_COORDINATOR,
        partner=net.partners["aluksne"],
    )
    with django_capture_on_commit_callbacks(execute=True):
        comment = add(net, body="Kāpēc seši mēneši, nevis astoņi?")
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"author@aluksne.example.org", "second@aluksne.example.org"}
    latvian = by_address["author@aluksne.example.org"]
    assert "Alūksnes pop-up veikali" in latvian.subject
    assert "Kāpēc seši mēneši, nevis astoņi?" in latvian.body
    link = f"{BASE}lv/regrow-city/plans/{net.plan.pk}/versions/1/review/#section-adaptations"
    assert link in latvian.body
    english = by_address["second@aluksne.example.org"]
    assert english.subject == "New review comment on Alūksnes pop-up veikali"
    assert 'commented on the section "Adaptations to the local context"' in english.body
    assert "Idrija reviewer" in english.body
    assert f"{BASE}en/regrow-city/plans/{net.plan.pk}/versions/1/review/" in english.body
    assert comment.pk


def test_no_mail_leaves_when_the_comment_is_not_saved(net, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        add(net, body="")
    assert mail.outbox == []


# Answers ---------------------------------------------------------------------------------------


def test_the_author_answers_and_the_reviewer_hears_of_it(net, django_capture_on_commit_callbacks):
    comment = add(net)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        review.comment_resolve(
            comment=comment,
            resolution="Tā ir pieredze no Altenas.",
            by=net.people["author"],
            base_url=BASE,
        )
    comment.refresh_from_db()
    assert comment.resolved_at is not None
    assert comment.resolved_by == net.people["author"]
    assert comment.resolution == "Tā ir pieredze no Altenas."
    [message] = mail.outbox
    assert message.to == ["reviewer@idrija.example.org"]
    assert message.subject == "Your review comment on Alūksnes pop-up veikali was answered"
    assert "Tā ir pieredze no Altenas." in message.body and "Kāpēc seši mēneši?" in message.body
    assert f"{BASE}en/regrow-city/plans/{net.plan.pk}/versions/1/review/" in message.body


@pytest.mark.parametrize("who", ["reviewer", "expert", "lead", "other", "outsider"])
def test_only_the_authors_answer(net, who):
    comment = add(net)
    with pytest.raises(PermissionDenied, match="Only the plan's authors"):
        review.comment_resolve(comment=comment, resolution="Jā.", by=net.people[who], base_url=BASE)
    comment.refresh_from_db()
    assert comment.resolved_at is None


def test_an_answer_needs_text(net):
    comment = add(net)
    with pytest.raises(ValidationError) as error:
        review.comment_resolve(
            comment=comment, resolution=" ", by=net.people["author"], base_url=BASE
        )
    assert error.value.message_dict == {"resolution": ["Write your answer."]}


def test_a_comment_answered_meanwhile_is_not_answered_twice(net):
    comment = add(net)
    stale = ReviewComment.objects.get(pk=comment.pk)
    review.comment_resolve(
        comment=comment, resolution="Pirmā.", by=net.people["author"], base_url=BASE
    )
    with pytest.raises(ConcurrentEditError, match="Someone answered this comment meanwhile"):
        review.comment_resolve(
            comment=stale, resolution="Otrā.", by=net.people["author"], base_url=BASE
        )
    comment.refresh_from_db()
    assert comment.resolution == "Pirmā."


def test_a_final_version_s_comments_may_still_be_answered(net):
    comment = add(net)
    PlanVersion.objects.filter(pk=net.version.pk).update(status=PlanVersion.Status.FINAL)
    comment.plan_version.status = PlanVersion.Status.FINAL
    review.comment_resolve(
        comment=comment, resolution="Ņemts vērā.", by=net.people["author"], base_url=BASE
    )
    assert ReviewComment.objects.get(pk=comment.pk).resolution == "Ņemts vērā."


def test_the_email_language_falls_back_to_the_plan_s_then_the_site_s(net, settings):
    person = make_user("x@example.org", preferred_language="de")
    assert review.email_language(person, net.plan) == "lv"  # German is not offered; the plan's
    net.plan.language = "sl"
    assert review.email_language(person, net.plan) == settings.LANGUAGE_CODE
