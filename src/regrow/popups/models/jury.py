"""The round's jury: who sits on it, the conflicts they declare and the scores they give.

A juror's scores are their own rows: saving the score sheet again updates them in place (only
that juror writes them, so there is nothing to merge). A declared conflict is final: from then
on the juror neither scores that application nor sees the other jurors' scores of it, and the
ranking leaves out any score they gave it before."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Scores run from 0 (not at all) to 10 (fully).
LOWEST_SCORE = 0
HIGHEST_SCORE = 10


class RoundJuror(models.Model):
    """A jury member of the town assigned to score one round's applications."""

    round = models.ForeignKey("popups.Round", on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="popup_jury_seats"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        ordering = ["round", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="juror_once_a_round"),
        ]

    def __str__(self) -> str:
        return self.user.full_name or self.user.email


class ConflictOfInterest(models.Model):
    """A juror's declaration that they are too close to an application to judge it."""

    juror = models.ForeignKey(RoundJuror, on_delete=models.CASCADE, related_name="conflicts")
    application = models.ForeignKey(
        "popups.Application", on_delete=models.CASCADE, related_name="conflicts"
    )
    note = models.TextField(_("why"), max_length=2000, blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["application", "id"]
        constraints = [
            models.UniqueConstraint(fields=["juror", "application"], name="conflict_once"),
        ]

    def __str__(self) -> str:
        return f"{self.juror_id}: {self.application_id}"


class Score(models.Model):
    """One juror's score of one application on one criterion, 0 to 10, with a comment."""

    juror = models.ForeignKey(RoundJuror, on_delete=models.CASCADE, related_name="scores")
    application = models.ForeignKey(
        "popups.Application", on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        "popups.Criterion", on_delete=models.CASCADE, related_name="scores"
    )
    value = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(LOWEST_SCORE), MaxValueValidator(HIGHEST_SCORE)],
    )
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["application", "criterion", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["juror", "application", "criterion"], name="score_once"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=LOWEST_SCORE, value__lte=HIGHEST_SCORE),
                name="score_0_to_10",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"
