"""Peer review of Transfer Plans.

The network lead assigns partners as peer reviewers of a plan (never the plan's own partner).
Reviewers (the lead expert, and the partner coordinators of an assigned partner) comment on each
section of the version in peer review; the plan's authors (its partner's coordinators) answer
each comment, which resolves it. The authors hear of a new comment by e-mail, and the reviewer of
the answer, each in their own language, with a link to the review page.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.i18n import first_offered
from regrow.network.models import (
    NetworkMembership,
    NetworkRole,
    Partner,
    PeerReviewer,
    PlanVersion,
    ReviewComment,
    SectionKey,
    TransferPlan,
)
from regrow.towns.permissions import Action, can

MAX_TEXT = 5000  # characters of a comment or an answer


def require(user, action: Action, obj, message: str) -> None:
    """Refuse (PermissionDenied with `message`) unless `user` may do `action` to `obj`."""
    if not can(user, action, obj):
        raise PermissionDenied(message)


def _clean_text(text: str, field: str, missing: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({field: missing})
    if len(text) > MAX_TEXT:
        raise ValidationError(
            {field: _("Keep it to %(count)s characters or fewer.") % {"count": MAX_TEXT}}
        )
    return text


# Peer reviewers ------------------------------------------------------------------------------


@transaction.atomic
def reviewer_assign(*, plan: TransferPlan, reviewer: Partner, by) -> PeerReviewer:
    """Make `reviewer` (a partner of the same network, not the plan's own) a peer reviewer."""
    require(
        by,
        Action.MANAGE_NETWORK,
        plan.partner.network,
        _("Only the network lead assigns peer reviewers."),
    )
    if reviewer.network_id != plan.partner.network_id:
        raise ValidationError({"reviewer": _("Choose a partner of this network.")})
    if reviewer.pk == plan.partner_id:
        raise ValidationError({"reviewer": _("A partner does not review its own plan.")})
    assignment = PeerReviewer(plan=plan, reviewer=reviewer, assigned_by=by)
    assignment.full_clean(exclude=["plan", "reviewer"])
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError:
        raise ValidationError(
            {"reviewer": _("%(town)s already reviews this plan.") % {"town": reviewer.town.name}}
        ) from None
    return assignment


@transaction.atomic
def reviewer_remove(*, assignment: PeerReviewer, by) -> None:
    """The partner no longer reviews the plan; the comments it wrote stay."""
    require(
        by,
        Action.MANAGE_NETWORK,
        assignment.plan.partner.network,
        _("Only the network lead removes peer reviewers."),
    )
    assignment.delete()


# Comments ------------------------------------------------------------------------------------


def email_language(user, plan: TransferPlan) -> str:
    """The person's language if the site speaks it; else the plan's; else the site's default."""
    return first_offered(user.preferred_language, plan.language)


def review_link(base_url: str, version: PlanVersion, language: str, section: str = "") -> str:
    """The review page of the version (at `section`), in `language`, as an absolute address."""
    plan = version.plan
    with translation.override(language):
        path = reverse(
            "network:plan_review_version",
            kwargs={
                "slug": plan.partner.network.slug,
                "plan_pk": plan.pk,
                "number": version.number,
            },
        )
    return base_url.rstrip("/") + path + (f"#section-{section}" if section else "")


def _authors(plan: TransferPlan, leaving_out) -> list:
    """The plan's authors (its partner's coordinators), each once, not `leaving_out`."""
    memberships = (
        NetworkMembership.objects.filter(
            network_id=plan.partner.network_id,
            role=NetworkRole.PARTNER_COORDINATOR,
            partner_id=plan.partner_id,
            user__is_active=True,
        )
        .exclude(user=leaving_out)
        .select_related("user")
        .order_by("user_id")
    )
    return list({membership.user_id: membership.user for membership in memberships}.values())


def _send(user, plan: TransferPlan, template: str, subject, context: dict, link) -> None:
    """An e-mail to `user` in their language, once the transaction commits."""
    language = email_language(user, plan)
    with translation.override(language):
        context = {**context, "link": link(language), "recipient": user}
        context["section_title"] = SectionKey(context["section"]).label
        body = render_to_string(template, context)
        subject = subject()
    email = user.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))


@transaction.atomic
def comment_add(
    *, version: PlanVersion, section: str, body: str, by, base_url: str
) -> ReviewComment:
    """A reviewer's comment on a section of the version in peer review; the plan's authors get
    an e-mail about it."""
    require(
        by,
        Action.REVIEW_PLAN,
        version,
        _(
            "Only the plan's peer reviewers and the network's lead expert may comment on it. "
            "Ask the network lead to assign your partner as a reviewer."
        ),
    )
    if section not in SectionKey.values:
        raise ValidationError({"section": _("Choose a section of the plan.")})
    body = _clean_text(body, "body", _("Write your comment."))
    status = PlanVersion.objects.select_for_update().values_list("status", flat=True)
    if status.get(pk=version.pk) != PlanVersion.Status.IN_REVIEW:
        raise ValidationError(
            _("Version %(number)s is not in peer review: comments go on the version in review.")
            % {"number": version.number}
        )
    comment = ReviewComment(plan_version=version, section=section, author=by, body=body)
    comment.full_clean()
    comment.save()
    plan = version.plan
    reviewer = by.full_name or by.email
    for author in _authors(plan, leaving_out=by):
        _send(
            author,
            plan,
            "network/review/email/comment_added.txt",
            lambda: _("New review comment on %(plan)s") % {"plan": plan.title},
            {
                "plan": plan,
                "version": version,
                "comment": comment,
                "reviewer": reviewer,
                "section": section,
            },
            lambda language: review_link(base_url, version, language, section),
        )
    return comment


@transaction.atomic
def comment_resolve(*, comment: ReviewComment, resolution: str, by, base_url: str):
    """The author's answer to a comment, which resolves it; its reviewer gets an e-mail. A
    comment someone has resolved meanwhile is not answered twice (ConcurrentEditError)."""
    version = comment.plan_version
    require(
        by,
        Action.EDIT_PLAN,
        version,
        _("Only the plan's authors (its partner's coordinators) answer review comments."),
    )
    resolution = _clean_text(resolution, "resolution", _("Write your answer."))
    now = timezone.now()
    answered = ReviewComment.objects.filter(pk=comment.pk, resolved_at__isnull=True).update(
        resolved_at=now, resolved_by=by, resolution=resolution
    )
    if not answered:
        raise ConcurrentEditError(
            _("Someone answered this comment meanwhile. Reload the page to read the answer.")
        )
    comment.resolved_at, comment.resolved_by, comment.resolution = now, by, resolution
    reviewer = comment.author
    if reviewer is not None and reviewer.pk != by.pk and reviewer.is_active:
        plan = version.plan
        _send(
            reviewer,
            plan,
            "network/review/email/comment_resolved.txt",
            lambda: _("Your review comment on %(plan)s was answered") % {"plan": plan.title},
            {
                "plan": plan,
                "version": version,
                "comment": comment,
                "author": by.full_name or by.email,
                "section": comment.section,
            },
            lambda language: review_link(base_url, version, language, comment.section),
        )
    return comment
