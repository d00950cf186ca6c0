"""What follows a network's meetings: the three-month goals a partner sets at one and reviews
at a later one, and each member's private calendar feed of the meetings."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from regrow.network.models.meetings import Meeting


class Goal(models.Model):
    """A goal a partner sets at a meeting for the next three months. It becomes an action of
    the partner's Transfer Plan (`action`), and is reviewed at the next meeting."""

    class Outcome(models.TextChoices):
        ACHIEVED = "achieved", _("Achieved")
        PARTLY = "partly", _("Partly achieved")
        NOT_ACHIEVED = "not_achieved", _("Not achieved")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="goals")
    partner = models.ForeignKey(
        "network.Partner", on_delete=models.CASCADE, related_name="goals", verbose_name=_("partner")
    )
    title = models.CharField(_("goal"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    owner = models.CharField(_("owner (person or organisation)"), max_length=200)
    due_on = models.DateField(_("due on"))
    action = models.OneToOneField(
        "network.PlanAction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="goal",
        verbose_name=_("plan action"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    outcome = models.CharField(_("result"), max_length=14, choices=Outcome.choices, blank=True)
    review_comment = models.TextField(_("comment"), blank=True, max_length=2000)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at_meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviewed_goals",
        verbose_name=_("reviewed at"),
    )
    # Removing a goal (not yet reviewed) hides it; its action stays in the plan; it can be
    # put back.
    removed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        verbose_name = _("three-month goal")
        verbose_name_plural = _("three-month goals")
        ordering = ["meeting", "partner", "due_on", "id"]
        indexes = [models.Index(fields=["partner", "meeting"])]

    def __str__(self) -> str:
        return self.title


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class MeetingFeed(models.Model):
    """A member's private address of the network's meetings as an iCalendar feed (a calendar
    app cannot sign in). Making a new one ends the old address."""

    network = models.ForeignKey("network.Network", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_feeds"
    )
    token = models.CharField(max_length=40, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("meetings' calendar feed")
        verbose_name_plural = _("meetings' calendar feeds")
        constraints = [
            models.UniqueConstraint(fields=["network", "user"], name="meeting_feed_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.network_id}"
