"""The trader's feedback: the coordinator e-mails a single-use link in the trader's language,
the trader answers a short form once, without signing in.

The link holds a random token (32 bytes, URL-safe); only its SHA-256 is kept, so the database
alone opens no form. Sending again replaces the token (the older link stops working) and gives
30 more days. An answered, expired or unknown link writes nothing.
"""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from regrow.lib.concurrency import ConcurrentEditError
from regrow.lib.dates import date_on
from regrow.popups.models import Feedback, Sublease
from regrow.popups.services.decisions import site_language
from regrow.popups.services.rounds import require_coordinator

TOKEN_BYTES = 32
LINK_DAYS = 30
ANSWER_FIELDS = ("satisfaction", "what_worked", "what_to_change", "would_recommend", "plans")


class FeedbackLinkError(Exception):
    """The link opens no form: `status` is 404 for one never given (or replaced by a newer
    one), 410 for one answered or expired."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def feedback_state(feedback: Feedback | None, now=None) -> str:
    """none, sent, expired or answered."""
    if feedback is None:
        return "none"
    if feedback.answered_at:
        return "answered"
    if feedback.expires_at <= (now or timezone.now()):
        return "expired"
    return "sent"


def link_language(sublease: Sublease) -> str:
    """The trader's language if the site speaks it; else the town's first that it does."""
    return site_language(sublease.application, sublease.round_unit.round.town)


def _email(sublease: Sublease, feedback: Feedback, link: str) -> tuple[str, str]:
    with translation.override(feedback.language):
        subject = _("How did your pop-up go? %(business)s") % {
            "business": sublease.application.business_name
        }
        body = render_to_string(
            "popups/email/feedback.txt",
            {
                "sublease": sublease,
                "application": sublease.application,
                "town": sublease.round_unit.round.town,
                "link": link,
                "expires_at": feedback.expires_at,
            },
        )
    return subject, body


@transaction.atomic
def feedback_send(*, sublease: Sublease, by, base_url: str) -> Feedback:
    """E-mail the trader a new link to the feedback form, once the pop-up has opened and until
    they have answered; a link sent before stops working."""
    town = sublease.round_unit.round.town
    require_coordinator(by, town)
    if sublease.status == Sublease.Status.CANCELLED:
        raise ValidationError(_("This allocation was cancelled."))
    if sublease.starts_on > town.today():
        raise ValidationError(
            _("The pop-up opens %(day)s; ask for feedback once it has opened.")
            % {"day": date_on(sublease.starts_on)}
        )
    email = sublease.application.applicant.email
    if not email:
        raise ValidationError(_("The trader has no e-mail address to send the link to."))
    feedback = Feedback.objects.select_for_update().filter(sublease=sublease).first()
    if feedback is not None and feedback.answered_at:
        raise ValidationError(
            _("The trader already answered %(day)s.") % {"day": date_on(feedback.answered_at)}
        )
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = timezone.now()
    feedback = feedback or Feedback(sublease=sublease)
    feedback.token_hash = token_hash(token)
    feedback.language = link_language(sublease)
    feedback.sent_at = now
    feedback.expires_at = now + timedelta(days=LINK_DAYS)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:  # another coordinator sent the first link just now
        raise ConcurrentEditError(
            _("Someone else has just sent the trader a link. Reload the page to see it.")
        ) from None
    with translation.override(feedback.language):
        path = reverse("popups:feedback", kwargs={"slug": town.slug, "token": token})
    subject, body = _email(sublease, feedback, base_url.rstrip("/") + path)
    transaction.on_commit(lambda: send_mail(subject, body, None, [email], fail_silently=False))
    return feedback


def feedback_open(*, slug: str, token: str) -> Feedback:
    """The feedback the link is for, if it may still be answered."""
    feedback = (
        Feedback.objects.select_related(
            "sublease__application", "sublease__unit", "sublease__round_unit__round__town"
        )
        .filter(token_hash=token_hash(token), sublease__round_unit__round__town__slug=slug)
        .exclude(sublease__status=Sublease.Status.CANCELLED)
        .first()
    )
    if feedback is None:
        raise FeedbackLinkError(
            _(
                "This link does not work. If the town sent you a newer one, use that; "
                "otherwise ask the town for a new link."
            ),
            404,
        )
    _check_open(feedback)
    return feedback


def _check_open(feedback: Feedback) -> None:
    if feedback.answered_at:
        raise FeedbackLinkError(
            _("You already answered %(day)s. Thank you! The form can be filled in only once.")
            % {"day": date_on(feedback.answered_at)},
            410,
        )
    if feedback.expires_at <= timezone.now():
        raise FeedbackLinkError(
            _("This link expired %(day)s. Ask the town for a new one if you still wish to answer.")
            % {"day": date_on(feedback.expires_at)},
            410,
        )


@transaction.atomic
def feedback_answer(*, feedback: Feedback, **answers) -> Feedback:
    """Keep the trader's answers, once: a second answer (also one sent at the same moment) or
    one after the link expired writes nothing and raises FeedbackLinkError."""
    unknown = set(answers) - set(ANSWER_FIELDS)
    if unknown:
        raise TypeError(f"feedback_answer() got unknown fields: {', '.join(sorted(unknown))}")
    satisfaction = answers.get("satisfaction")
    if satisfaction is None or not 1 <= satisfaction <= 5:
        raise ValidationError({"satisfaction": _("Choose from 1 to 5.")})
    if answers.get("plans") and answers["plans"] not in Feedback.Plans.values:
        raise ValidationError({"plans": _("Choose one of the plans.")})
    values = {
        "satisfaction": satisfaction,
        "what_worked": (answers.get("what_worked") or "").strip()[:3000],
        "what_to_change": (answers.get("what_to_change") or "").strip()[:3000],
        "would_recommend": answers.get("would_recommend"),
        "plans": answers.get("plans") or "",
    }
    now = timezone.now()
    # One UPDATE decides: only a link still unanswered and unexpired takes the answers.
    taken = Feedback.objects.filter(
        pk=feedback.pk, token_hash=feedback.token_hash, answered_at__isnull=True, expires_at__gt=now
    ).update(answered_at=now, **values)
    if not taken:
        feedback.refresh_from_db()
        _check_open(feedback)
        raise FeedbackLinkError(_("This link has been replaced by a newer one."), 410)
    feedback.refresh_from_db()
    return feedback
